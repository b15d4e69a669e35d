"""Folium maps of place mentions: an offline Natural Earth basemap and the layers drawn on it.

Plain library code (no streamlit). Data goes in as tables or prepared GeoJSON dicts (the
``*_geojson`` functions, which the dashboard caches); layers come out as ``folium.FeatureGroup``
objects named for the layer control, each carrying its own legend where it needs one. All text
that reaches a tooltip or legend is escaped with ``views.safe_text`` first.

Built for 100k mentions: a layer's content is one compact script rendered once (``_Script``),
not folium's GeoJSON elements, which pass their megabytes through Jinja again on every render;
labels are CSS-placed marker icons, not tooltips that each force a layout; layers that start
off are not drawn; big corpora draw on a canvas (``CANVAS_FROM``); the basemap's shapes can be
loaded from a file once (``basemap_script``) instead of travelling with every redraw.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import folium
import folium.plugins
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from . import assets
from .views import FEATURE_LABELS, ID_MARK, LOW_CONFIDENCE, safe_text

LAYER_TITLES = {
    "mentions": "Place mentions",
    "heat": "Density (heat map)",
    "choropleth": "Mentions per country",
    "regions": "Regions mentioned (outlines)",
    "admin1": "Province names (admin-1)",
    "context": "Context: adjectives and names",
}
FEATURE_COLORS = {  # Okabe-Ito, readable by colour-blind viewers
    "city": "#D55E00", "locality": "#E69F00", "admin1": "#009E73",
    "region": "#CC79A7", "country": "#0072B2", "other": "#6F6F6F",
}
DOC_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
               "#17becf", "#bcbd22"]
OTHER_DOCS = "#9e9e9e"
CONTEXT_COLOR = "#7a7a7a"
CHOROPLETH = ["#deebf7", "#b6d4ea", "#86b9dc", "#4f93c6", "#2166ac"]
SEA, LAND, BORDER, WATER_LINE = "#dbe7f0", "#f7f5f0", "#9a9a9a", "#9cc3dd"
TILES = {
    "osm": ("OpenStreetMap", None),
    "carto": ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
              '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
              'contributors &copy; <a href="https://carto.com/attributions">CARTO</a>'),
}
# Hide a country label while the map is zoomed out further than its ``minzoom``.
_ZOOM_RULES = "\n".join(
    ", ".join(f".pl-z{z} .pl-mz{mz}" for mz in range(z + 1, 7)) + " { display: none; }"
    for z in range(0, 6))
_CSS = f"""<style>
/* Inline because leaflet.css may arrive after the labels are measured and placed. */
.leaflet-tooltip {{ position: absolute; white-space: nowrap; }}
html body .leaflet-container {{ background: {SEA}; font: 13px/1.35 system-ui, sans-serif; }}
html body .leaflet-control-layers, html body .leaflet-control-layers label {{ font-size: 13px; }}
.leaflet-container path.leaflet-interactive:focus {{ outline: none; }}
.pl-save a {{ font-size: 17px; font-weight: bold; }}
.pl-save a.pl-busy {{ cursor: progress; opacity: .45; }}
.pl-caption {{ position: absolute; top: 10px; left: 10px; z-index: 1000; max-width: 60%;
  padding: 6px 10px; border-radius: 6px; background: rgba(255,255,255,.93); color: #222;
  font-size: 14px; line-height: 1.35; box-shadow: 0 1px 4px rgba(0,0,0,.3); }}
.pl-legend {{ font-size: 12.5px; line-height: 1.35;
  background: rgba(255,255,255,.93); padding: 8px 10px; border-radius: 6px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 240px; color: #222; }}
.pl-legend b {{ display: block; margin-bottom: 4px; }}
.pl-legend .pl-row {{ display: flex; align-items: center; gap: 6px; margin: 2px 0; }}
.pl-legend .sw {{ width: 12px; height: 12px; border-radius: 50%; flex: none;
  border: 1px solid #fff; box-shadow: 0 0 0 1px rgba(0,0,0,.25); }}
.pl-legend .sq {{ border-radius: 2px; }}
.pl-legend .dash {{ background: transparent; border: 2px dashed #555; box-shadow: none; }}
.pl-legend .pale {{ opacity: .35; }}
.pl-legend .note {{ color: #555; font-size: 12px; margin-top: 4px; }}
/* The heat map under the circles and never in the way of the mouse. */
.leaflet-pane > canvas.leaflet-heatmap-layer {{ z-index: 50; pointer-events: none; }}
/* Country and province names: marker icons centred by CSS (no layout read per label). */
.leaflet-marker-icon.pl-country span, .leaflet-marker-icon.pl-label span {{
  position: absolute; white-space: nowrap; font-size: 11px;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; }}
.leaflet-marker-icon.pl-country span {{ transform: translate(-50%, -50%); color: #8a8a8a;
  letter-spacing: .08em; text-transform: uppercase; }}
.leaflet-marker-icon.pl-label span {{ transform: translate(4px, -50%); color: #5b5b5b;
  font-style: italic; }}
.leaflet-marker-icon.pl-label i {{ position: absolute; width: 3px; height: 3px;
  margin: -2.5px 0 0 -2.5px; border: 1px solid #8a8a8a; border-radius: 50%;
  background: #8a8a8a; }}
{_ZOOM_RULES}
</style>"""


class _Raw(Element):
    """Text that is already rendered: goes into a figure without another pass through Jinja."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs: object) -> str:
        return self.text


class _Script(MacroElement):
    """JavaScript run with ``parent`` bound to the parent element (trusted code), and with
    ``data`` bound to its data (``_json``-serialisable; inline, or loaded from a file, see
    ``data_files``).

    Rendered once: folium's ``MacroElement.render`` feeds every rendered script back through
    Jinja as a template, which costs seconds of lexing for megabytes of GeoJSON. A layer that
    starts off keeps its drawing (and its data's loading) for when it is first turned on
    (``initial_visibility``): no work for what nobody sees.
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.js() }}{% endmacro %}")

    def __init__(self, code: str, data: object = None, deferrable: bool = True):
        super().__init__()
        self._name = "Script"
        self.code = code
        self.data = data
        self.deferrable = deferrable

    def js(self) -> str:
        draw = f"function (data) {{ {self.code} }}"
        text = None if self.data is None else _json(self.data)
        store = _STORE.get()
        url = store(text) if store and text and len(text) >= DATA_FILE_FROM else None
        if url:
            run = (f"fetch({json.dumps(url)}).then(function (r) {{ if (!r.ok) throw new"
                   f" Error(r.status + ' ' + r.url); return r.json(); }}).then({draw})")
        else:
            run = f"({draw})({text or 'null'})"
        if self.deferrable:
            run = (f"var go = function () {{ {run}; }};"
                   " if (parent.plDefer) parent.plDefer.push(go); else go()")
        return f"(function (parent) {{ {run}; }})({self._parent.get_name()});\n"

    def render(self, **kwargs: object) -> None:
        self.get_root().script.add_child(_Raw(self.js()), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


# Layer data of at least this many characters goes to a file while ``data_files`` is on.
DATA_FILE_FROM = 100_000
_STORE: contextvars.ContextVar[Callable[[str], str | None] | None] = contextvars.ContextVar(
    "placeline_data_files", default=None)


@contextlib.contextmanager
def data_files(store: Callable[[str], str | None]) -> Iterator[None]:
    """Render layers with their bulk data in files rather than in their scripts.

    ``store(json_text)`` saves the text where the map's page can fetch it and returns its URL
    (None: keep it inline). A map's script is sent again whenever one of its layers changes,
    and a browser reads megabytes of script far slower than it fetches and parses the same
    JSON, so the script stays small and the data goes separately (and is cached).
    """
    token = _STORE.set(store)
    try:
        yield
    finally:
        _STORE.reset(token)


class _HeatScript(JSCSSMixin, _Script):
    """A ``_Script`` that needs leaflet.heat (the same files as ``folium.plugins.HeatMap``,
    local or CDN as ``geo.assets`` set them)."""

    @property
    def default_js(self) -> list[tuple[str, str]]:  # type: ignore[override]
        return folium.plugins.HeatMap.default_js


def _json(value: object) -> str:
    """Compact JSON to embed in a script (``</`` cannot close an HTML script element)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def _data(value: object) -> str:
    """A script expression for bulk data: ``JSON.parse`` of a string, which browsers read
    several times faster than the same data written as a JavaScript literal."""
    return "JSON.parse(" + json.dumps(_json(value), ensure_ascii=False).replace("</", "<\\/") + ")"


# Tooltip content from an escaped property (``safe_text``); bound on the layer group, so that
# streamlit-folium reads it on a click (``last_object_clicked_tooltip``) even for a layer that
# was off when the map was drawn. A circle's tooltip carries its place id, hidden, after
# ``views.ID_MARK``: a click then names the very place, even among namesakes that overlap.
_TIP = ("function (l) { var e = document.createElement('div'); "
        "e.innerHTML = l.feature.properties.tip; if (l.options.plId) {"
        " var i = document.createElement('span'); i.hidden = true;"
        f" i.textContent = {json.dumps(ID_MARK)} + l.feature.id; e.appendChild(i); }}"
        " return e; }")
# Shapes of GeoJSON features added straight into the layer, each with its ``feature``: a
# tooltip bound on the layer needs children that are shapes (Leaflet 1.9.3 asks each child
# for its element), not a nested GeoJSON group.
_SHAPES = ("function shapes(features, style, options) { features.forEach(function (f) {"
           " var l = L.GeoJSON.geometryToLayer(f, options || {}); l.feature = f;"
           " l.setStyle(style(f)); parent.addLayer(l); }); }\n")
# Corpora with more places than this draw their clickable layers (circles, regions, countries)
# on one shared canvas instead of one SVG element per shape: ~5x faster to draw and to clear
# at 10,000 circles. Shared, so that the topmost shape under the pointer gets the click
# whichever layer it is in (a canvas per layer would hide the layers under it from the mouse).
CANVAS_FROM = 2000
_CANVAS = "window.plCanvas || (window.plCanvas = L.canvas())"


def _renderer(canvas: bool) -> str:
    """Leaflet options choosing the renderer of a layer's shapes (see ``CANVAS_FROM``)."""
    return f"{{renderer: {_CANVAS}}}" if canvas else "{}"


class Legend(MacroElement):
    """A legend box shown while its parent layer is on the map (HTML must be escaped)."""

    _template = Template("""{% macro script(this, kwargs) %}
        (function (layer) {
            var box = L.control({position: {{ this.position|tojson }}});
            box.onAdd = function () {
                var div = L.DomUtil.create('div', 'pl-legend');
                div.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            layer.on('add', function () { if (layer._map) box.addTo(layer._map); });
            layer.on('remove', function () { box.remove(); });
        })({{ this._parent.get_name() }});
    {% endmacro %}""")

    def __init__(self, html: str, position: str = "bottomright"):
        super().__init__()
        self._name = "Legend"
        self.html = html
        self.position = position


# --- basemap ---------------------------------------------------------------------------------
def _features(geometry: np.ndarray, properties: Mapping[str, Sequence] | None = None,
              tolerance: float = 0.0, digits: int = 3) -> dict:
    """Shapes and their properties as a GeoJSON dict: simplified, coordinates rounded, text
    escaped (``safe_text``); empty shapes left out.

    Straight from arrays (shapely's GeoJSON writer) rather than through a GeoDataFrame, whose
    copies and CRS checks cost more than the shapes themselves for the small selections a
    filter makes.
    """
    geom = np.asarray(geometry, dtype=object)
    if tolerance:
        geom = shapely.simplify(geom, tolerance, preserve_topology=True)
    geom = shapely.transform(geom, lambda c: np.round(c, digits))
    keep = np.flatnonzero(~(shapely.is_missing(geom) | shapely.is_empty(geom)))
    columns = {}
    for name, values in (properties or {}).items():
        values = pd.Series(values)
        text = values.dtype == object or pd.api.types.is_string_dtype(values)
        values = values.iloc[keep]
        columns[name] = (values.fillna("").astype(str).map(safe_text) if text else values).tolist()
    shapes = shapely.to_geojson(geom[keep]) if len(keep) else []
    rows = [f'{{"id":"{n}","type":"Feature","properties":'
            f'{json.dumps({c: v[n] for c, v in columns.items()})},"geometry":{shape}}}'
            for n, shape in enumerate(shapes)]
    return json.loads('{"type":"FeatureCollection","features":[' + ",".join(rows) + "]}")


def _geojson(gdf: gpd.GeoDataFrame, columns: Sequence[str] = (), tolerance: float = 0.0,
             digits: int = 3) -> dict:
    """A GeoDataFrame as a GeoJSON dict: simplified, coordinates rounded, only ``columns``."""
    return _features(gdf.geometry.to_numpy(), {c: gdf[c].to_numpy() for c in columns},
                     tolerance, digits)


def basemap_geojson(layers: Mapping[str, gpd.GeoDataFrame], tolerance: float = 0.05,
                    digits: int = 2) -> dict:
    """The offline basemap (countries, lakes, rivers, country names) as small GeoJSON dicts.

    Land is drawn from the country shapes, which cover it (a 'land' layer, if given, is not
    needed): one copy of the coastlines instead of two, about a third less to send.

    Parameters
    ----------
    layers : mapping
        ``geo.io.read_layer`` results for 'lakes', 'rivers' and 'countries'.
    tolerance : float
        Simplification in degrees (0.05° is about 5 km: fine for zooms up to ~8).
    digits : int
        Decimals kept in coordinates (2: about 1 km). Smaller data, faster reruns.
    """
    rivers, lakes = layers["rivers"], layers["lakes"]
    rivers = rivers[rivers["scalerank"] <= 6] if "scalerank" in rivers else rivers
    lakes = lakes[lakes["scalerank"] <= 5] if "scalerank" in lakes else lakes
    countries = layers["countries"]
    labels = countries[["name"]].copy()
    labels["geometry"] = countries.geometry.representative_point()
    area = shapely.area(countries.geometry.to_numpy())  # square degrees: enough to rank sizes
    labels["minzoom"] = np.select([area > 150, area > 25, area > 4, area > 0.5], [2, 3, 4, 5], 6)
    labels = gpd.GeoDataFrame(labels, geometry="geometry", crs=countries.crs)
    return {
        "lakes": _geojson(lakes, tolerance=tolerance, digits=digits),
        "rivers": _geojson(rivers, tolerance=tolerance, digits=digits),
        # ISO codes: the choropleth layer colours these shapes instead of sending its own.
        "countries": _geojson(countries, ["iso_a2"], tolerance=tolerance, digits=digits),
        "labels": _geojson(labels, ["name", "minzoom"], digits=2),
    }


# Map scripts and styles the maps here never use (jQuery, Bootstrap, Font Awesome and the
# awesome-markers plugin): left out, so the map frame loads one script instead of five. (They
# draw tooltips, not folium popups, which need jQuery: a map with popups must add it back.)
_MAP_JS, _MAP_CSS = {"leaflet"}, {"leaflet_css"}


def _base_data(base: Mapping[str, dict]) -> dict:
    """What the base map script reads: ``basemap_geojson`` output, country names as rows
    (lon, lat, name, minzoom) rather than GeoJSON points."""
    data = {k: v for k, v in base.items() if k != "labels"}
    if "labels" in base:
        data["labels"] = [[*f["geometry"]["coordinates"], f["properties"]["name"],
                           f["properties"]["minzoom"]] for f in base["labels"]["features"]]
    return data


def basemap_script(base: Mapping[str, dict]) -> str:
    """``basemap_geojson`` output as a script that sets ``window.plBase``: a file for
    ``base_map(data_url=…)``, which the browser loads (and caches) once instead of receiving
    the shapes with the map on every rerun."""
    return f"window.plBase = {_data(_base_data(base))};\n"


def base_map(basemap: str = "offline", base: Mapping[str, dict] | None = None,
             bounds: Sequence[Sequence[float]] | None = None, max_zoom: int = 5,
             data_url: str | None = None) -> folium.Map:
    """An empty map to draw mentions on.

    Parameters
    ----------
    basemap : {'offline', 'osm', 'carto'}
        'offline': drawn from ``base`` (``basemap_geojson``), no tiles, no network. 'osm' and
        'carto' add online tiles (OpenStreetMap, CARTO Positron) under the country borders.
    base : mapping, optional
        ``basemap_geojson`` output; without it the offline map is only a sea-coloured canvas.
        Its country shapes are kept in the page (``window.plCountries``) for the choropleth.
    bounds : [[south, west], [north, east]], optional
        Fit the map to these bounds (zooming in no further than ``max_zoom``); else the world.
    data_url : str, optional
        Where the page can load ``basemap_script(base)`` from; the shapes are then not in the
        map's own script (which is sent again whenever a layer changes), only loaded once.
    """
    m = folium.Map(location=(15, 0), zoom_start=2, tiles=None, min_zoom=2,
                   max_zoom=9 if basemap == "offline" else 18, control_scale=True,
                   world_copy_jump=True)
    m.default_js = [(n, u) for n, u in m.default_js if n in _MAP_JS]
    m.default_css = [(n, u) for n, u in m.default_css if n in _MAP_CSS]
    m.get_root().header.add_child(Element(_CSS), name="placeline_css")
    if basemap in TILES:
        tiles, attr = TILES[basemap]
        folium.TileLayer(tiles, attr=attr, name=basemap, control=False).add_to(m)
    base = base or {}
    offline = basemap == "offline"
    if bounds is not None:
        # Fitted before anything is drawn (shapes are projected once, at the final zoom) and
        # at once (an animated first zoom can be cut short).
        box = json.dumps([list(map(float, bounds[0])), list(map(float, bounds[1]))])
        m.add_child(_Script(f"parent.fitBounds({box}, {{maxZoom: {int(max_zoom)}, "
                            # the legend and layer control sit on the right: keep the
                            # data clear of them
                            "paddingTopLeft: [30, 30], paddingBottomRight: [250, 30], "
                            "animate: false});"))
    styles = [
        ("countries", {"fillColor": LAND, "fillOpacity": 1, "stroke": False}, offline),  # land
        ("lakes", {"fillColor": SEA, "fillOpacity": 1, "color": WATER_LINE, "weight": 0.5},
         offline),
        ("rivers", {"color": WATER_LINE, "weight": 1, "opacity": 0.9}, offline),
        ("countries", {"color": BORDER, "weight": 0.9, "fill": False}, True),  # borders
    ]
    if data_url and base:
        m.default_js = [*m.default_js, ("placeline_basemap", data_url)]
        code = ["var base = window.plBase || {};"]
    else:
        code = [f"var base = {_data(_base_data(base))};"]
    # The base map has a pane of its own under the layers' pane: Leaflet stacks SVG above
    # canvas within a pane, so an opaque SVG land would hide any canvas layer (the heat map,
    # the circles of a big corpus) drawn in the same pane.
    code.append("var pane = parent.createPane('plBase'); pane.style.zIndex = 350;"
                " pane.style.pointerEvents = 'none';")
    code.append("function shapes(data, style) { L.geoJson(data, {interactive: false,"
                " pane: 'plBase', style: function () { return style; }}).addTo(parent); }")
    if "countries" in base:
        code.append("window.plCountries = base.countries;")
    for name, style, drawn in styles:
        if drawn and name in base:
            code.append(f"shapes(base.{name}, {_json(style)});")
    if "labels" in base and offline:
        # Country names, bigger countries from further out (CSS hides by zoom class).
        code.append(
            "var names = L.layerGroup(); base.labels.forEach(function (p) {"
            " names.addLayer(L.marker([p[1], p[0]], {interactive: false, keyboard: false,"
            " icon: L.divIcon({className: 'pl-country pl-mz' + p[3],"
            " html: '<span>' + p[2] + '</span>', iconSize: null})})); }); names.addTo(parent);")
    if base:
        m.add_child(_Script("\n".join(code)))
    m.add_child(_Script(
        "function zoomClass() { var c = parent.getContainer();"
        " c.className = c.className.replace(/ pl-z\\d+/g, '') + ' pl-z' + parent.getZoom(); }"
        " parent.on('zoomend', zoomClass); zoomClass();"))
    # Leaflet focuses the map on mousedown, which scrolls the page around the map frame
    # under the pointer: the click then misses the circle it started on. Focus in place.
    m.add_child(_Script(
        "var kb = parent.keyboard; if (kb) { kb.disable(); kb._onMouseDown = function () {"
        " if (!this._focused) { this._map._container.focus({preventScroll: true}); } };"
        " kb.enable(); }"))
    # Remember layer-control choices made by the user (see initial_visibility).
    m.add_child(_Script(
        "parent.getContainer().addEventListener('change', function (e) {"
        " var t = e.target; if (!t.classList.contains('leaflet-control-layers-selector'))"
        " return; window.__plLayers = window.__plLayers || {};"
        " window.__plLayers[t.nextElementSibling.textContent.trim()] = t.checked; });"))
    attribution = "Borders, land and water: Natural Earth (public domain)"
    m.add_child(_Script(f"parent.attributionControl.addAttribution({json.dumps(attribution)});"))
    m.add_child(_Script(_SAVE.replace("SCRIPT_URL", json.dumps(assets.script_url(SAVE_SCRIPT)))))
    return m


def caption_script(text: str) -> str:
    """A script giving the map the caption its saved image carries (``views.caption``); set
    as text, never as HTML."""
    return f"window.plCaption = {_json(text)};\n"


# The save button on every map: the map as the viewer sees it (basemap, circles, names, legend,
# scale and credits; not the buttons and the layer list) as a PNG at twice the screen's pixels,
# for slides. html-to-image is loaded on the first press, not with every map. Images that cannot
# be read (online tiles with the network gone) are left blank rather than failing the save.
SAVE_SCRIPT = "html_to_image"
SAVE_FILE = "placeline-map.png"
_SAVE = """
function load(url) {
  if (window.htmlToImage) { return Promise.resolve(); }
  return new Promise(function (ok, fail) {
    var s = document.createElement('script');
    s.src = url; s.onload = ok;
    s.onerror = function () { fail(new Error('could not load ' + url)); };
    document.head.appendChild(s);
  });
}
var BLANK = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
var skip = ['leaflet-control-zoom', 'leaflet-control-layers', 'pl-save'];
function save(button) {
  var box = parent.getContainer(), note = null;
  button.classList.add('pl-busy');
  if (window.plCaption) {  // on the image, and on the map while it is being saved
    note = L.DomUtil.create('div', 'pl-caption', box);
    note.textContent = window.plCaption;
  }
  load(SCRIPT_URL).then(function () {
    return window.htmlToImage.toPng(box, {pixelRatio: 2, skipFonts: true,
      imagePlaceholder: BLANK,
      filter: function (node) { return !(node.classList && skip.some(function (c) {
        return node.classList.contains(c); })); }});
  }).then(function (png) {
    var link = document.createElement('a');
    link.download = 'SAVE_FILE'; link.href = png;
    document.body.appendChild(link); link.click(); link.remove();
    button.title = 'Saved as SAVE_FILE (in your downloads)';
  }).catch(function (err) {
    button.title = 'Could not save the image: ' + err.message;
  }).then(function () {
    button.classList.remove('pl-busy');
    if (note) { note.remove(); }
  });
}
var Save = L.Control.extend({options: {position: 'topleft'}, onAdd: function () {
  var bar = L.DomUtil.create('div', 'leaflet-bar pl-save');
  var button = L.DomUtil.create('a', '', bar);
  button.href = '#'; button.setAttribute('role', 'button');
  button.title = 'Save the map as an image (PNG), for slides';
  button.setAttribute('aria-label', button.title);
  button.innerHTML = '&#x2913;';
  L.DomEvent.disableClickPropagation(bar);
  L.DomEvent.on(button, 'click', function (e) { L.DomEvent.preventDefault(e); save(button); });
  return bar;
}});
new Save().addTo(parent);
""".replace("SAVE_FILE", SAVE_FILE)


def data_bounds(places: pd.DataFrame, pad: float = 1.0,
                share: float = 0.9) -> list[list[float]] | None:
    """[[south, west], [north, east]] around the places that hold ``share`` of the mentions.

    Weighted by mention count and trimmed evenly at both ends of each axis, so one far-off
    aside (a comparison with Texas in a corpus about Mali) does not zoom the map out to the
    world; the view still spans every cluster that carries real weight. Padded by ``pad``°.
    """
    if len(places) == 0:
        return None
    weight = (places["mentions"].to_numpy(float) if "mentions" in places
              else np.ones(len(places)))
    trim = (1.0 - share) / 2.0

    def span(values: pd.Series) -> tuple[float, float]:
        v = values.to_numpy(float)
        order = np.argsort(v, kind="stable")
        cum = np.cumsum(weight[order]) / max(weight.sum(), 1e-9)
        lo = v[order][min(np.searchsorted(cum, trim, side="right"), len(v) - 1)]
        hi = v[order][min(np.searchsorted(cum, 1.0 - trim, side="left"), len(v) - 1)]
        return float(lo), float(hi)

    (south, north), (west, east) = span(places["lat"]), span(places["lon"])
    return [[max(south - pad, -85.0), max(west - pad, -180.0)],
            [min(north + pad, 85.0), min(east + pad, 180.0)]]


# --- mentions --------------------------------------------------------------------------------
def doc_colors(places: pd.DataFrame) -> dict[str, str]:
    """A colour for each of the documents that are the main source of most places."""
    ranked = places.groupby("top_doc")["mentions"].sum().sort_values(ascending=False)
    return {str(d): DOC_PALETTE[i] for i, d in enumerate(ranked.index[:len(DOC_PALETTE)])}


def _radius(n: np.ndarray, biggest: float) -> np.ndarray:
    """Circle radius in pixels: area grows with the mention count, 5 to 24 px."""
    return np.round(5 + 19 * np.sqrt(n / max(biggest, 1.0)), 1)


def places_geojson(places: pd.DataFrame, color_by: str = "feature",
                   colors: Mapping[str, str] | None = None, context: bool = False,
                   selected: str | None = None, biggest: float | None = None) -> dict:
    """One circle per place, as GeoJSON with its style and (escaped) tooltip in the properties.

    Parameters
    ----------
    places : DataFrame
        ``views.aggregate_places`` output.
    color_by : {'feature', 'doc'}
        Colour by feature type, or by the document mentioning the place most.
    colors : mapping, optional
        Document id to colour (``doc_colors``) when ``color_by='doc'``.
    context : bool
        Draw as context (adjective / in-name mentions): small grey circles.
    selected : str, optional
        ``place_id`` of the selected place, drawn with a dark ring.
    biggest : float, optional
        Mention count that gets the largest circle (default: the largest in ``places``). Pass
        the corpus-wide maximum so that sizes compare across time windows.
    """
    if len(places) == 0:
        return {"type": "FeatureCollection", "features": []}
    places = places.sort_values("mentions", ascending=False)  # small circles on top
    top = max(float(places["mentions"].max()), float(biggest or 0))
    radius = _radius(places["mentions"].to_numpy(float), top)
    colors = colors or {}
    if context:
        fills = [CONTEXT_COLOR] * len(places)
    elif color_by == "doc":
        fills = [colors.get(str(d), OTHER_DOCS) for d in places["top_doc"]]
    else:
        fills = [FEATURE_COLORS.get(f, FEATURE_COLORS["other"]) for f in places["feature"]]
    # Plain lists, not iterrows: this runs for every new filter state, thousands of places.
    columns = zip(places["place_id"].tolist(), places["name"].tolist(),
                  places["mentions"].tolist(), places["low_confidence"].tolist(),
                  places["inferred_share"].tolist(), places["lon"].astype(float).tolist(),
                  places["lat"].astype(float).tolist(), fills, radius.tolist(), strict=True)
    feats = []
    for place_id, name, n, low, inferred, lon, lat, fill, r in columns:
        style = {"radius": float(r) if not context else 4.0, "fillColor": fill,
                 "color": "#ffffff", "weight": 1, "opacity": 1, "fillOpacity": 0.72}
        if low and not context:
            style.update(color=fill, weight=2, dashArray="4 3", fillOpacity=0.12)
        elif inferred > 0.5 and not context:
            style.update(fillOpacity=0.3, color=fill)
        if place_id == selected:
            style.update(color="#111111", weight=3.5, opacity=1)
        n = int(n)
        tip = f"{name} · {n} mention{'s' if n != 1 else ''}"
        if context:
            tip += " (as an adjective or in a name)"
        feats.append({
            "type": "Feature", "id": str(place_id),
            "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": {"tip": safe_text(tip), "style": style},
        })
    return {"type": "FeatureCollection", "features": feats}


def _points_script(features: dict, css_class: str, canvas: bool = False) -> _Script:
    """Script drawing ``places_geojson`` circles into its parent layer, sent compactly.

    One row per circle (lon, lat, radius, style number, id, tooltip) and each distinct style
    once: about a quarter of the GeoJSON's size. The circles keep ``feature`` (id, tooltip) as
    GeoJSON layers do, and the tooltip is bound on the parent layer (see ``_TIP``).
    """
    styles: dict[tuple, int] = {}
    rows = []
    for f in features["features"]:
        style = f["properties"]["style"]
        number = styles.setdefault(tuple((k, v) for k, v in style.items() if k != "radius"),
                                   len(styles))
        lon, lat = f["geometry"]["coordinates"]
        rows.append([round(lon, 4), round(lat, 4), style["radius"], number, f["id"],
                     f["properties"]["tip"]])
    data = {"s": [dict(k) for k in styles], "f": rows}
    return _Script(f"var d = data, cls = {_json(css_class)}, o = {_renderer(canvas)};\n"
            "d.f.forEach(function (f) { var c = L.circleMarker([f[1], f[0]],"
            " L.extend({className: cls, fill: true, plId: true}, o, d.s[f[3]],"
            " {radius: f[2]}));"
            " c.feature = {type: 'Feature', id: f[4], properties: {tip: f[5]}};"
            " parent.addLayer(c); });"
            f" parent.bindTooltip({_TIP}, {{sticky: true}});", data)


def _points_layer(features: dict, name: str, show: bool, css_class: str = "pl-mention",
                  canvas: bool = False) -> folium.FeatureGroup:
    fg = folium.FeatureGroup(name=name, show=show)
    if features["features"]:
        fg.add_child(_points_script(features, css_class, canvas))
    return fg


def mention_layer(features: dict, legend: str | None = None, show: bool = True,
                  canvas: bool = False) -> folium.FeatureGroup:
    """The place mentions layer (``places_geojson`` output) with its legend (``canvas``: see
    ``CANVAS_FROM``)."""
    fg = _points_layer(features, LAYER_TITLES["mentions"], show, canvas=canvas)
    if legend:
        fg.add_child(Legend(legend))
    return fg


def context_layer(features: dict, show: bool = False,
                  canvas: bool = False) -> folium.FeatureGroup:
    """Mentions that name a place only as an adjective or inside a name ("Malian", "Mali
    Airlines"), drawn as small grey circles; off by default."""
    return _points_layer(features, LAYER_TITLES["context"], show, "pl-context", canvas)


def heat_layer(places: pd.DataFrame, show: bool = False) -> folium.FeatureGroup:
    """Density of mentions (each place weighted by its mention count)."""
    fg = folium.FeatureGroup(name=LAYER_TITLES["heat"], show=show)
    if len(places):
        data = np.round(places[["lat", "lon", "mentions"]].astype(float).to_numpy(), 4)
        # max_zoom low: points are at full strength from zoom 4 in (leaflet.heat fades them
        # further out), so a handful of places still shows.
        options = {"minOpacity": 0.35, "maxZoom": 4, "radius": 26, "blur": 20}
        fg.add_child(_HeatScript(
            f"parent.addLayer(L.heatLayer(data, {_json(options)}));", data.tolist()))
    return fg


def _classes(values: Iterable[int], k: int = 5) -> list[int]:
    """Lower bounds of up to ``k`` count classes, evenly spaced on a log scale from 1."""
    top = max([1, *values])
    bounds = np.unique(np.floor(np.geomspace(1, top + 1, k + 1)[:-1]).astype(int))
    return [int(b) for b in bounds]


def choropleth_geojson(countries: pd.DataFrame,
                       counts: Mapping[str, int]) -> tuple[dict, list[int]]:
    """Countries with mentions, coloured by their number (by ISO-2 code of the mentions).

    The features carry no geometry: ``choropleth_layer`` colours the base map's own country
    shapes (``base_map``), so a filter change sends colours and tooltips, not coastlines.
    Returns the GeoJSON (properties ``iso``, ``fill``, ``tip``, ``mentions``) and the lower
    bounds of the colour classes (for the legend).
    """
    counts = {k: int(v) for k, v in counts.items() if v}
    rows = countries[countries["iso_a2"].isin(list(counts))].drop_duplicates("iso_a2")
    classes = _classes(counts.values(), len(CHOROPLETH))
    feats = []
    for iso, name in zip(rows["iso_a2"], rows["name"], strict=True):
        c = counts[iso]
        fill = CHOROPLETH[int(np.searchsorted(classes, c, side="right")) - 1]
        feats.append({"type": "Feature", "geometry": None, "properties": {
            "iso": iso, "fill": fill, "mentions": c,
            "tip": safe_text(f"{name} · {c} mention{'s' if c != 1 else ''}")}})
    return {"type": "FeatureCollection", "features": feats}, classes


def choropleth_layer(features: dict, classes: Sequence[int], show: bool = False,
                     canvas: bool = False) -> folium.FeatureGroup:
    """Mentions per country as a shaded map (``choropleth_geojson`` output) with its legend."""
    fg = folium.FeatureGroup(name=LAYER_TITLES["choropleth"], show=show)
    if features["features"]:
        styles = {f["properties"]["iso"]: [f["properties"]["fill"], f["properties"]["tip"]]
                  for f in features["features"]}
        fg.add_child(_Script(
            "var d = data, src = window.plCountries; if (!src) return;\n"
            + _SHAPES +
            "shapes(src.features.filter(function (f) { return d[f.properties.iso_a2]; }),"
            " function (f) { return {fillColor: d[f.properties.iso_a2][0], fillOpacity: 0.45,"
            f" color: '#5a7fa8', weight: 0.6}}; }}, {_renderer(canvas)});"
            " parent.bindTooltip(function (l) { var e = document.createElement('div');"
            " e.innerHTML = d[l.feature.properties.iso_a2][1]; return e; }, {sticky: true});",
            styles))
        ends = [*[c - 1 for c in classes[1:]], None]
        rows = "".join(
            f'<div class="pl-row"><span class="sw sq" style="background:{col}"></span>'
            f'{lo}{"+" if hi is None else ("" if hi == lo else f"–{hi}")}</div>'
            for col, lo, hi in zip(CHOROPLETH, classes, ends, strict=False))
        fg.add_child(Legend(f"<b>Mentions per country</b>{rows}", position="bottomleft"))
    return fg


def simplified_regions(regions: gpd.GeoDataFrame, tolerance: float = 0.02) -> gpd.GeoDataFrame:
    """Regions as ``regions_geojson`` draws them (slivers dropped, simplified): prepare them
    once and pass them with ``tolerance=0`` rather than simplify them for every view."""
    shapes = np.array([_without_slivers(g) for g in regions.geometry.to_numpy()], dtype=object)
    return regions.set_geometry(
        shapely.simplify(shapes, tolerance, preserve_topology=True), crs=regions.crs)


def regions_geojson(regions: gpd.GeoDataFrame, counts: Mapping[str, int],
                    tolerance: float = 0.02) -> dict:
    """Outlines of the Natural Earth regions (the Sahel…) that mentions are placed in,
    matched by ``place_id``."""
    counts = {k: v for k, v in dict(counts).items() if v}
    rows = np.flatnonzero(regions["place_id"].isin(list(counts)))
    ids, names = regions["place_id"].to_numpy()[rows], regions["name"].to_numpy()[rows]
    tips = [f"{n} · {counts[p]} mention{'s' if counts[p] != 1 else ''}"
            for n, p in zip(names, ids, strict=True)]
    shapes = [_without_slivers(g) for g in regions.geometry.to_numpy()[rows]]
    return _features(np.array(shapes, dtype=object), {"tip": tips}, tolerance)


def _without_slivers(geom, share: float = 0.03):
    """A multipolygon without the parts smaller than ``share`` of its largest part."""
    parts = list(getattr(geom, "geoms", [geom]))
    biggest = max(p.area for p in parts)
    kept = [p for p in parts if p.area >= share * biggest]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def region_layer(features: dict, show: bool = True,
                 canvas: bool = False) -> folium.FeatureGroup:
    """Dashed outlines of the regions mentioned."""
    fg = folium.FeatureGroup(name=LAYER_TITLES["regions"], show=show)
    if features["features"]:
        style = {"color": FEATURE_COLORS["region"], "weight": 2, "dashArray": "6 4",
                 "fillOpacity": 0.06, "fillColor": FEATURE_COLORS["region"]}
        fg.add_child(_Script(
            _SHAPES + f"shapes(data, function () {{ return {_json(style)}; }},"
            f" {_renderer(canvas)}); parent.bindTooltip({_TIP}, {{sticky: true}});",
            features["features"]))
    return fg


def admin1_geojson(admin1: gpd.GeoDataFrame, country_codes: Iterable[str],
                   limit: int = 400) -> dict:
    """Names of the provinces (admin-1 regions) of the countries mentioned, at most ``limit``
    (the countries listed first win)."""
    order = {c: i for i, c in enumerate(dict.fromkeys(country_codes))}
    iso = admin1["iso_a2"].to_numpy()
    rows = np.flatnonzero(admin1["iso_a2"].isin(list(order)).to_numpy())
    rows = rows[np.argsort([order[c] for c in iso[rows]], kind="stable")][:limit]
    return _features(admin1.geometry.to_numpy()[rows],
                     {"label": admin1["name"].to_numpy()[rows]}, digits=3)


def admin1_layer(features: dict, show: bool = False) -> folium.FeatureGroup:
    """Province names as small italic labels, each with a dot where the province is."""
    fg = folium.FeatureGroup(name=LAYER_TITLES["admin1"], show=show)
    if features["features"]:
        # Marker icons laid out by CSS: no layout read per label. Labels are escaped by
        # admin1_geojson.
        labels = [[*f["geometry"]["coordinates"], f["properties"]["label"]]
                  for f in features["features"]]
        fg.add_child(_Script(
            "var marks = data.map(function (p) { var m = L.marker([p[1], p[0]],"
            " {interactive: false, keyboard: false, icon: L.divIcon({className: 'pl-label',"
            " html: '<i></i><span>' + p[2] + '</span>', iconSize: null})});"
            " m.plWidth = 10 + 6 * p[2].length; parent.addLayer(m); return m; });"
            + _DECLUTTER, labels))
    return fg


# Province names that would overlap a name already shown are hidden, first come first kept
# (the provinces of the most mentioned countries come first), again after every zoom. Boxes
# are estimated from the name's length (11px italic: ~6px a character) in layer pixels, so
# nothing is read back from the page's layout.
_DECLUTTER = """
var hooked = null;
function declutter() {
  var map = parent._map;
  if (!map) { return; }
  if (hooked !== map) { map.on('zoomend', declutter); hooked = map; }
  var grid = {}, size = 64;
  marks.forEach(function (m) {
    var el = m.getElement();
    if (!el) { return; }
    var pt = map.latLngToLayerPoint(m.getLatLng()), clash = false, cells = [];
    var box = [pt.x - 3, pt.y - 7, pt.x + m.plWidth, pt.y + 7];
    for (var i = Math.floor(box[0] / size); i <= Math.floor(box[2] / size); i++) {
      for (var j = Math.floor(box[1] / size); j <= Math.floor(box[3] / size); j++) {
        var cell = grid[i + ' ' + j] || (grid[i + ' ' + j] = []);
        cells.push(cell);
        clash = clash || cell.some(function (b) {
          return b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]; });
      }
    }
    el.style.visibility = clash ? 'hidden' : '';
    if (!clash) { cells.forEach(function (c) { c.push(box); }); }
  });
}
parent.on('add', declutter);
declutter();
"""


# --- legend ----------------------------------------------------------------------------------
def legend_html(places: pd.DataFrame, color_by: str = "feature",
                colors: Mapping[str, str] | None = None,
                titles: Mapping[str, str] | None = None) -> str:
    """The mentions legend: what colours, sizes, dashed and pale circles mean (escaped HTML)."""
    def row(swatch: str, label: str) -> str:
        return f'<div class="pl-row">{swatch}{safe_text(label)}</div>'

    def dot(color: str, cls: str = "") -> str:
        return f'<span class="sw {cls}" style="background:{color}"></span>'

    parts = ["<b>Place mentions</b>"]
    if color_by == "doc":
        colors, titles = colors or {}, titles or {}
        for doc, col in colors.items():
            title = titles.get(doc, doc)
            parts.append(row(dot(col), title if len(title) <= 38 else title[:37] + "…"))
        if len(places) and not places["top_doc"].astype(str).isin(list(colors)).all():
            parts.append(row(dot(OTHER_DOCS), "Other documents"))
        parts.append('<div class="note">Colour: the document that mentions the place most.</div>')
    else:
        present = set(places["feature"]) if len(places) else set(FEATURE_COLORS)
        parts += [row(dot(c), FEATURE_LABELS[f]) for f, c in FEATURE_COLORS.items()
                  if f in present]
    parts.append('<div class="note">Circle area: number of mentions.</div>')
    if len(places) and places["low_confidence"].any():
        parts.append(row('<span class="sw dash"></span>',
                         f"Approximate (confidence < {LOW_CONFIDENCE:g})"))
    if len(places) and (places["inferred_share"] > 0.5).any():
        parts.append(row(dot("#555", "pale"), "Date inferred"))
    return "".join(parts)


# --- assembling ------------------------------------------------------------------------------
def initial_visibility(fg: folium.FeatureGroup, show: bool) -> folium.FeatureGroup:
    """Decide whether a layer is on when streamlit-folium adds it (``feature_group_to_add``
    always adds every layer): as the user last set it in the layer control of this map, else
    ``show``. Keeps the user's choice while filters redraw the layers.

    A layer that starts off is never drawn: its script runs first (before its circles are
    made) and makes streamlit-folium's add a no-op. It stays on the map, empty, until
    streamlit-folium has bound its click handler to it (so clicks on it still select a place
    once the user turns it on), and is taken off right after.
    """
    code = (f"var name = {json.dumps(fg.layer_name)}, show = {json.dumps(bool(show))},"
            " memory = window.__plLayers || {};"
            " if (name in memory ? memory[name] : show) return;"
            " parent.plDefer = [];"
            " var onAdd = parent.onAdd; if (parent._map) parent._map.removeLayer(parent);"
            " parent.onAdd = function () {};"
            " setTimeout(function () { parent.onAdd = onAdd;"
            " if (parent._map) parent._map.removeLayer(parent);"
            " parent.once('add', function () { var todo = parent.plDefer;"
            " parent.plDefer = null; todo.forEach(function (f) { f(); }); }); }, 0);")
    script = _Script(code, deferrable=False)
    fg.add_child(script)
    fg._children.move_to_end(script.get_name(), last=False)  # before the layer's content
    return fg


def asset_links(*elements: Element) -> tuple[list[str], list[str]]:
    """CSS and script URLs that ``elements`` and everything in them load, in order, once each
    (what streamlit-folium collects from a map and its layers)."""
    css: dict[str, None] = {}
    js: dict[str, None] = {}

    def walk(el: Element) -> None:
        if isinstance(el, JSCSSMixin):
            css.update(dict.fromkeys(url for _, url in el.default_css))
            js.update(dict.fromkeys(url for _, url in el.default_js))
        for child in el._children.values():
            walk(child)

    for el in elements:
        walk(el)
    return list(css), list(js)


def add_layers(m: folium.Map, layers: Iterable[folium.FeatureGroup],
               control: bool = True) -> folium.Map:
    """Put layers on a map, with a layer control listing them."""
    for fg in layers:
        fg.add_to(m)
    if control:
        folium.LayerControl(collapsed=False, position="topright").add_to(m)
    return m
