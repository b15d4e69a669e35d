"""geo.maps and geo.assets: layers, legend, escaping and local assets in the rendered HTML."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import folium
import folium.plugins
import pandas as pd
import pytest

from geo import assets, io, maps, views

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def layers() -> dict:
    return {n: io.read_layer(n) for n in io.LAYER_NAMES}


@pytest.fixture(scope="module")
def base(layers) -> dict:
    return maps.basemap_geojson(layers)


def _places(mentions):
    return views.aggregate_places(views.filter_mentions(mentions))


def full_map(mentions, documents, layers, base, color_by="feature", selected=None, shown=()):
    shown_m = views.filter_mentions(mentions)
    places = views.aggregate_places(shown_m)
    colors = maps.doc_colors(places)
    titles = dict(zip(documents["doc_id"], documents["title"], strict=True))
    context = views.aggregate_places(views.filter_mentions(mentions, roles=views.CONTEXT_ROLES))
    choropleth, classes = maps.choropleth_geojson(layers["countries"],
                                                  shown_m.groupby("country_code").size())
    fgs = [
        maps.choropleth_layer(choropleth, classes, show="choropleth" in shown),
        maps.region_layer(maps.regions_geojson(layers["regions"],
                                               shown_m.groupby("place_id").size())),
        maps.heat_layer(places, show="heat" in shown),
        maps.admin1_layer(maps.admin1_geojson(layers["admin1"], ["ML"]), show=True),
        maps.context_layer(maps.places_geojson(context, context=True)),
        maps.mention_layer(maps.places_geojson(places, color_by, colors, selected=selected),
                           maps.legend_html(places, color_by, colors, titles)),
    ]
    m = maps.base_map("offline", base, maps.data_bounds(places))
    return maps.add_layers(m, fgs), places


def test_every_layer_is_in_the_layer_control(corpus, layers, base):
    m, _ = full_map(*corpus, layers, base)
    html = m.get_root().render()
    control = re.search(r"overlays :\s*\{(.*?)\}", html, re.S).group(1)
    for title in maps.LAYER_TITLES.values():
        assert json.dumps(title) in control
    assert "L.control.layers" in html and "L.heatLayer" in html


@pytest.mark.skipif(shutil.which("node") is None and os.environ.get("CI") != "true",
                    reason="needs node to check the JavaScript")
def test_the_generated_javascript_parses(corpus, layers, base, tmp_path):
    m, _ = full_map(*corpus, layers, base, selected="geonames:2460596", shown=("heat",))
    maps.initial_visibility(next(c for c in m._children.values()
                                 if isinstance(c, folium.FeatureGroup)), False)
    html = m.get_root().render()
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert scripts
    for i, js in enumerate(scripts):
        path = tmp_path / f"s{i}.js"
        path.write_text(js)
        done = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[:2000]


def test_one_circle_per_place_with_style_and_tooltip(corpus):
    mentions, _ = corpus
    places = _places(mentions)
    gj = maps.places_geojson(places, selected="geonames:2460596")
    assert len(gj["features"]) == len(places) == 7
    by_id = {f["id"]: f["properties"] for f in gj["features"]}
    bamako, kati, sahel = (by_id[k] for k in ("geonames:2460596", "geonames:2455518",
                                              "ne:region:sahel"))
    assert bamako["tip"] == "Bamako · 3 mentions" and bamako["style"]["weight"] == 3.5
    assert bamako["style"]["radius"] > kati["style"]["radius"]  # sized by count
    assert kati["style"]["dashArray"] == "4 3" and kati["style"]["fillOpacity"] < 0.2
    assert sahel["style"]["fillOpacity"] == 0.3  # inferred dates: pale
    assert sahel["style"]["fillColor"] == maps.FEATURE_COLORS["region"]


def test_thousands_of_mentions_become_one_feature_per_place(corpus):
    mentions, _ = corpus
    many = mentions.loc[mentions.index.repeat(2000)].reset_index(drop=True)
    gj = maps.places_geojson(_places(many))
    assert len(gj["features"]) == 7


def test_legend_explains_colours_and_styles(corpus, layers, base):
    m, _ = full_map(*corpus, layers, base)
    html = m.get_root().render()
    assert "pl-legend" in html and "Place mentions" in html
    for text in ("City", "Country", "Approximate (confidence", "Date inferred",
                 "Mentions per country"):
        assert text in html
    mentions, documents = corpus
    legend = maps.legend_html(_places(mentions), "doc", maps.doc_colors(_places(mentions)),
                              dict(zip(documents["doc_id"], documents["title"], strict=True)))
    assert "Soldiers seize power in Bamako" in legend and "mentions the place most" in legend


def test_hostile_names_and_titles_are_escaped_everywhere(corpus, layers, base):
    mentions, documents = corpus
    m2 = mentions.copy()
    m2.loc[m2["name"] == "Gao", "name"] = HOSTILE + "<b>Gao</b>`${x}`"
    d2 = documents.copy()
    d2["title"] = HOSTILE + " <b>bold</b>"
    for color_by in ("feature", "doc"):
        html = full_map(m2, d2, layers, base, color_by)[0].get_root().render()
        assert "<script>alert(1)" not in html and "<b>Gao" not in html and "<b>bold" not in html
        assert "${x}" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or \
            "\\u0026lt;script\\u0026gt;" in html


def test_offline_basemap_has_no_tiles_and_credits_natural_earth(base):
    html = maps.base_map("offline", base).get_root().render()
    assert "L.tileLayer" not in html and "tile.openstreetmap" not in html
    assert "Natural Earth" in html and maps.SEA in html
    names = set(base)
    assert names == {"lakes", "rivers", "countries", "labels"}  # land: the countries' fill
    assert "pl-country" in html and "MALI" not in html  # labels are styled, not shouted
    assert sum(len(json.dumps(v)) for v in base.values()) < 1_200_000  # small enough to send


def test_online_basemaps_are_optional_choices(base):
    osm = maps.base_map("osm", base).get_root().render()
    carto = maps.base_map("carto", base).get_root().render()
    assert "tile.openstreetmap.org" in osm and "basemaps.cartocdn.com" in carto


def test_map_fits_the_data(corpus, base):
    mentions, _ = corpus
    bounds = maps.data_bounds(_places(mentions))
    assert bounds[0][0] < 12.6 < 17.1 < bounds[1][0] and bounds[0][1] < -9.4 < 0 < bounds[1][1]
    html = maps.base_map("offline", base, bounds).get_root().render()
    assert "fitBounds" in html
    assert maps.data_bounds(_places(mentions).iloc[0:0]) is None


def test_map_bounds_ignore_a_far_off_aside():
    places = pd.DataFrame({"lat": [12.6, 16.8, 13.4, 31.0], "lon": [-8.0, -3.0, -6.2, -99.0],
                           "mentions": [40, 20, 30, 1]})
    (south, west), (north, east) = maps.data_bounds(places)
    assert west > -10 and east < -1 and south < 12.6 and north > 16.8  # Texas (1 of 91) left out
    (_, west), _ = maps.data_bounds(places.assign(mentions=[4, 2, 3, 5]))
    assert west < -99  # but not when it carries real weight


def test_choropleth_classes_and_colours(layers):
    gj, classes = maps.choropleth_geojson(layers["countries"], {"ML": 40, "FR": 3, "XX": 0})
    assert classes[0] == 1 and classes == sorted(set(classes))
    fills = {f["properties"]["tip"].split(" · ")[0]: f["properties"]["fill"]
             for f in gj["features"]}
    assert set(fills) == {"Mali", "France"} and fills["Mali"] == maps.CHOROPLETH[-1]


def test_regions_matched_by_place_id_and_admin1_limited(layers):
    gj = maps.regions_geojson(layers["regions"], {"ne:region:sahel": 2, "geonames:1": 5})
    assert [f["properties"]["tip"] for f in gj["features"]] == ["Sahel · 2 mentions"]
    admin1 = maps.admin1_geojson(layers["admin1"], ["ML", "FR"], limit=20)
    labels = [f["properties"]["label"] for f in admin1["features"]]
    assert len(labels) == 20 and "Bamako" in labels and "Ségou" in labels  # Mali first


def test_layers_start_as_chosen_when_streamlit_folium_adds_them():
    fg = maps.initial_visibility(folium.FeatureGroup(name="Density (heat map)"), False)
    m = folium.Map()
    fg.add_to(m)
    html = m.get_root().render()
    assert '"Density (heat map)"' in html and "show = false" in html and "__plLayers" in html


def _fake_vendor(root: Path) -> Path:
    for dest, _ in assets.FILES.values():
        (root / dest).parent.mkdir(parents=True, exist_ok=True)
        (root / dest).write_text("/* test */")
    return root


def test_local_assets_replace_every_cdn_url(tmp_path):
    vendor = _fake_vendor(tmp_path / "vendor")
    m = folium.Map(tiles=None)
    folium.plugins.HeatMap([[1, 2, 3]]).add_to(m)
    assert assets.use_local_assets(m, vendor=vendor) is True
    html = m.get_root().render()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/app/static/vendor/leaflet/leaflet.js" in urls
    assert "/app/static/vendor/leaflet-heat/leaflet_heat.min.js" in urls
    assert urls and all(u.startswith("/app/static/vendor/") for u in urls), urls


def test_cdn_urls_are_kept_when_assets_are_missing(tmp_path):
    m = folium.Map(tiles=None)
    assert assets.use_local_assets(m, vendor=tmp_path / "nothing") is False
    html = m.get_root().render()
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in html


def test_class_defaults_switch_and_restore(tmp_path):
    vendor = _fake_vendor(tmp_path / "vendor")
    try:
        assets.use_local_assets(vendor=vendor, prefix="/base/app/static/vendor")
        assert folium.Map.default_js[0][1] == "/base/app/static/vendor/leaflet/leaflet.js"
        assert folium.plugins.HeatMap.default_js[0][1].startswith("/base/app/static/vendor/")
    finally:
        assets.use_local_assets(vendor=tmp_path / "nothing")
    assert folium.Map.default_js[0][1].startswith("https://cdn.jsdelivr.net/")


def test_every_map_has_a_save_button_whose_script_the_app_serves(tmp_path):
    dest, _, cdn = assets.EXTRA[maps.SAVE_SCRIPT]
    (tmp_path / dest).parent.mkdir(parents=True)
    (tmp_path / dest).write_text("/* test */")
    assert assets.script_url(maps.SAVE_SCRIPT, vendor=tmp_path) == f"/app/static/vendor/{dest}"
    assert assets.script_url(maps.SAVE_SCRIPT, vendor=tmp_path / "nothing") == cdn
    pkg = json.loads((assets.ROOT / "package.json").read_text())["dependencies"]
    assert f"/html-to-image@{pkg['html-to-image']}/" in cdn  # the CDN copy is the same version
    html = maps.base_map("offline").get_root().render()
    assert "pl-save" in html and maps.SAVE_FILE in html
    assert json.dumps(assets.script_url(maps.SAVE_SCRIPT)) in html


def test_vendored_files_match_what_folium_asks_for():
    names = {n for n, _ in folium.folium._default_js + folium.folium._default_css}
    names |= {n for n, _ in folium.plugins.HeatMap.default_js}
    assert names == set(assets.FILES) | assets.DROPPED
    pkg = json.loads((assets.ROOT / "package.json").read_text())["dependencies"]
    for name, url in folium.folium._default_js + folium.folium._default_css:
        match = re.search(r"npm/(@?[\w./-]+?)@([\d.]+)/", url)
        if match and match.group(1) in pkg:
            assert pkg[match.group(1)] == match.group(2), name


@pytest.mark.skipif(not assets.available() and os.environ.get("CI") != "true",
                    reason="run `make static` to vendor the assets")
def test_the_real_vendor_folder_is_complete():
    for dest, *_ in [*assets.FILES.values(), *assets.EXTRA.values()]:
        assert (assets.VENDOR / dest).stat().st_size > 1000, dest
    assert any((assets.VENDOR / "fontawesome" / "webfonts").glob("*.woff2"))


# Just enough of Leaflet, a layer group and fetch to run a layer's scripts in node.
_FAKE_LEAFLET = """
global.window = {};
const L = {extend: Object.assign, canvas: () => ({}),
  circleMarker: (at, options) => ({at, options}), divIcon: (options) => options,
  marker: (at, options) => ({at, options, el: {style: {}}, getElement() { return this.el; },
    getLatLng() { return this.at; }})};
const files = FILES;
global.fetch = (url) => Promise.resolve({ok: url in files, status: 404, url,
  json: () => Promise.resolve(JSON.parse(files[url]))});
global.document = {createElement: () => ({parts: [], set innerHTML(h) { this.parts.push(h); },
  set textContent(t) { this.parts.push(t); }, appendChild(e) { this.parts.push(...e.parts); }})};
const group = {children: [], handlers: {}, _map: {removeLayer: (g) => { g._map = null; },
    on: () => {}, latLngToLayerPoint: (at) => ({x: at[1] * 100, y: -at[0] * 100})},
  on: () => {}, onAdd: () => {}, addLayer(l) { this.children.push(l); },
  bindTooltip(f) { this.tip = f; },
  once(type, fn) { this.handlers[type] = fn; },
  fire(type) { const fn = this.handlers[type]; delete this.handlers[type]; if (fn) fn(); }};
"""


def _run_layer(fg: folium.FeatureGroup, tmp_path: Path, files: dict[str, str] | None = None,
               turn_on: bool = False, show: str = "group.children.length") -> str:
    """Run a layer's scripts in node against a fake group and print ``show`` once drawn (after
    a tick, and after the user turns the layer on, with ``turn_on``): by default the number of
    circles drawn."""
    folium.Map(tiles=None).add_child(fg)
    scripts = "".join(c.js() for c in fg._children.values() if isinstance(c, maps._Script))
    code = (_FAKE_LEAFLET.replace("FILES", json.dumps(files or {}))
            + f"const {fg.get_name()} = group;\n" + scripts
            + "setTimeout(() => { " + ("group.fire('add'); " if turn_on else "")
            + f"setTimeout(() => console.log({show}), 10); }}, 10);")
    path = tmp_path / "layer.js"
    path.write_text(code, encoding="utf-8")
    out = subprocess.run(["node", str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def _points(n: int) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": f"p{i}", "geometry": {"type": "Point", "coordinates": [i, 1]},
         "properties": {"tip": f"Place {i}", "style": {"radius": 4, "color": "#000"}}}
        for i in range(n)]}


@pytest.mark.skipif(shutil.which("node") is None and os.environ.get("CI") != "true",
                    reason="needs node to run the JavaScript")
def test_a_layer_that_starts_off_is_drawn_only_when_turned_on(tmp_path):
    def layer(show: bool) -> folium.FeatureGroup:
        return maps.initial_visibility(maps.context_layer(_points(3), show=show), show)

    assert int(_run_layer(layer(True), tmp_path)) == 3
    assert int(_run_layer(layer(False), tmp_path)) == 0  # nothing parsed or drawn while off
    assert int(_run_layer(layer(False), tmp_path, turn_on=True)) == 3


@pytest.mark.skipif(shutil.which("node") is None and os.environ.get("CI") != "true",
                    reason="needs node to run the JavaScript")
def test_bulk_layer_data_is_fetched_from_a_file(tmp_path):
    files: dict[str, str] = {}

    def store(text: str) -> str:  # one file per content, as pages.ui.serve_text does
        url = next((u for u, t in files.items() if t == text), f"/files/{len(files)}.json")
        files[url] = text
        return url

    n = 4000  # over maps.DATA_FILE_FROM characters of data
    with maps.data_files(store):
        fg = maps.mention_layer(_points(n))
        folium.Map(tiles=None).add_child(fg)
        script = next(c for c in fg._children.values() if isinstance(c, maps._Script)).js()
    assert list(files) == ["/files/0.json"] and len(files["/files/0.json"]) >= maps.DATA_FILE_FROM
    assert 'fetch("/files/0.json")' in script and "Place 7" not in script
    assert [row[5] for row in json.loads(files["/files/0.json"])["f"]][:2] == ["Place 0", "Place 1"]
    with maps.data_files(store):
        assert int(_run_layer(maps.mention_layer(_points(n)), tmp_path, files)) == n
        small = maps.mention_layer(_points(2))
        assert int(_run_layer(small, tmp_path, files)) == 2  # small data stays in the script
    assert len(files) == 1
    assert int(_run_layer(maps.mention_layer(_points(n)), tmp_path)) == n  # no store: inline


def test_regions_prepared_once_draw_as_regions_simplified_per_view(layers):
    counts = {"ne:region:sahel": 2, "geonames:1": 5}
    prepared = maps.simplified_regions(layers["regions"])
    assert len(prepared) == len(layers["regions"]) and prepared.crs == layers["regions"].crs
    once = maps.regions_geojson(prepared, counts, tolerance=0)
    each = maps.regions_geojson(layers["regions"], counts)
    assert [f["properties"] for f in once["features"]] == [
        f["properties"] for f in each["features"]] == [{"tip": "Sahel · 2 mentions"}]
    assert once["features"][0]["geometry"] == each["features"][0]["geometry"]


@pytest.mark.skipif(shutil.which("node") is None and os.environ.get("CI") != "true",
                    reason="needs node to run the JavaScript")
def test_a_circle_tooltip_carries_its_place_id_for_a_click(tmp_path):
    tip = _run_layer(maps.mention_layer(_points(2)), tmp_path,
                     show="group.tip(group.children[1]).parts.join('')")
    assert tip == f"Place 1{views.ID_MARK}p1"  # the id, in a hidden element, after the text
    assert views.resolve_click(pd.DataFrame({"place_id": ["p0", "p1"], "name": ["Place"] * 2,
                                             "lat": [1.0, 1.0], "lon": [0.0, 1.0]}),
                               1.0, 0.0, tip) == "p1"  # not the nearer namesake


@pytest.mark.skipif(shutil.which("node") is None and os.environ.get("CI") != "true",
                    reason="needs node to run the JavaScript")
def test_province_names_that_would_overlap_a_shown_one_are_hidden(tmp_path):
    # 100 layer pixels a degree here: "Bam" is 10 px from "Namentenga"'s dot, "Séno" far away
    labels = maps.admin1_layer({"features": [
        {"geometry": {"coordinates": [lon, lat]}, "properties": {"label": name}}
        for name, lon, lat in [("Namentenga", 0.0, 0.0), ("Bam", 0.1, 0.0),
                               ("Séno", 0.0, 1.0), ("Oudalan", 3.0, 0.0)]]}, show=True)
    shown = _run_layer(labels, tmp_path,
                       show="group.children.map(m => m.el.style.visibility || 'shown')")
    assert shown.replace("'", "").replace(" ", "") == "[shown,hidden,shown,shown]"
