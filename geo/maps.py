"""Folium maps of place mentions: an offline Natural Earth basemap and the layers drawn on it.

Plain library code (no streamlit). Data goes in as tables or prepared GeoJSON dicts (the
``*_geojson`` functions, which the dashboard caches); layers come out as ``folium.FeatureGroup``
objects named for the layer control, each carrying its own legend where it needs one. All text
that reaches a tooltip or legend is escaped with ``views.safe_text`` first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

import folium
import folium.plugins
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.utilities import JsCode
from jinja2 import Template

from .views import LOW_CONFIDENCE, safe_text

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
FEATURE_LABELS = {
    "city": "City", "locality": "Town or locality", "admin1": "Province (admin-1)",
    "region": "Region (e.g. the Sahel)", "country": "Country", "other": "Other place",
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
body .leaflet-tooltip.pl-label {{ background: transparent; border: 0; box-shadow: none;
  color: #5b5b5b;
  font-size: 11px; font-style: italic; text-shadow: 0 0 2px #fff, 0 0 2px #fff; padding: 0; }}
body .leaflet-tooltip.pl-label::before, body .leaflet-tooltip.pl-country::before {{
  display: none; }}
body .leaflet-tooltip.pl-country {{ background: transparent; border: 0; box-shadow: none;
  color: #8a8a8a; font-size: 11px; letter-spacing: .08em; text-transform: uppercase;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; padding: 0; }}
{_ZOOM_RULES}
</style>"""


class _Script(MacroElement):
    """Raw JavaScript run with ``parent`` bound to the parent element (trusted code only)."""

    _template = Template("""{% macro script(this, kwargs) %}
        (function (parent) { {{ this.code }} })({{ this._parent.get_name() }});
    {% endmacro %}""")

    def __init__(self, code: str):
        super().__init__()
        self._name = "Script"
        self.code = code


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
def _geojson(gdf: gpd.GeoDataFrame, columns: Sequence[str] = (), tolerance: float = 0.0,
             digits: int = 3) -> dict:
    """A GeoDataFrame as a GeoJSON dict: simplified, coordinates rounded, only ``columns``."""
    gdf = gdf[[*columns, "geometry"]].copy()
    geom = gdf.geometry.simplify(tolerance, preserve_topology=True) if tolerance else gdf.geometry
    gdf["geometry"] = shapely.transform(geom.to_numpy(), lambda c: np.round(c, digits))
    gdf = gdf[~gdf.geometry.is_empty & gdf.geometry.notna()]
    for c in columns:
        if gdf[c].dtype == object or pd.api.types.is_string_dtype(gdf[c]):
            gdf[c] = gdf[c].fillna("").astype(str).map(safe_text)
    return json.loads(gdf.reset_index(drop=True).to_json(drop_id=False))


def basemap_geojson(layers: Mapping[str, gpd.GeoDataFrame], tolerance: float = 0.05,
                    digits: int = 2) -> dict:
    """The offline basemap (land, lakes, rivers, country borders) as small GeoJSON dicts.

    Parameters
    ----------
    layers : mapping
        ``geo.io.read_layer`` results for 'land', 'lakes', 'rivers' and 'countries'.
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
        "land": _geojson(layers["land"], tolerance=tolerance, digits=digits),
        "lakes": _geojson(lakes, tolerance=tolerance, digits=digits),
        "rivers": _geojson(rivers, tolerance=tolerance, digits=digits),
        "countries": _geojson(countries, tolerance=tolerance, digits=digits),
        "labels": _geojson(labels, ["name", "minzoom"], digits=2),
    }


def base_map(basemap: str = "offline", base: Mapping[str, dict] | None = None,
             bounds: Sequence[Sequence[float]] | None = None, max_zoom: int = 5) -> folium.Map:
    """An empty map to draw mentions on.

    Parameters
    ----------
    basemap : {'offline', 'osm', 'carto'}
        'offline': drawn from ``base`` (``basemap_geojson``), no tiles, no network. 'osm' and
        'carto' add online tiles (OpenStreetMap, CARTO Positron) under the country borders.
    base : mapping, optional
        ``basemap_geojson`` output; without it the offline map is only a sea-coloured canvas.
    bounds : [[south, west], [north, east]], optional
        Fit the map to these bounds (zooming in no further than ``max_zoom``); else the world.
    """
    m = folium.Map(location=(15, 0), zoom_start=2, tiles=None, min_zoom=2,
                   max_zoom=9 if basemap == "offline" else 18, control_scale=True,
                   world_copy_jump=True)
    m.get_root().header.add_child(Element(_CSS), name="placeline_css")
    if basemap in TILES:
        tiles, attr = TILES[basemap]
        folium.TileLayer(tiles, attr=attr, name=basemap, control=False).add_to(m)
    base = base or {}
    styles = {
        "land": {"fillColor": LAND, "fillOpacity": 1, "stroke": False},
        "lakes": {"fillColor": SEA, "fillOpacity": 1, "color": WATER_LINE, "weight": 0.5},
        "rivers": {"color": WATER_LINE, "weight": 1, "opacity": 0.9},
        "countries": {"color": BORDER, "weight": 0.9, "fill": False},
    }
    for name, style in styles.items():
        if name not in base or (basemap != "offline" and name != "countries"):
            continue
        folium.GeoJson(base[name], name=name, control=False, interactive=False,
                       style_function=lambda _f, s=style: s).add_to(m)
    if "labels" in base and basemap == "offline":
        # Country names, bigger countries from further out (CSS hides by zoom class).
        folium.GeoJson(
            base["labels"], name="labels", control=False, interactive=False,
            marker=folium.CircleMarker(radius=0, stroke=False, fill=False),
            on_each_feature=JsCode(
                "function (feature, layer) { layer.bindTooltip(feature.properties.name, "
                "{permanent: true, direction: 'center', className: 'pl-country pl-mz' +"
                " feature.properties.minzoom}); }"),
        ).add_to(m)
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
    if bounds is not None:  # fitted at once: an animated first zoom can be cut short
        box = json.dumps([list(map(float, bounds[0])), list(map(float, bounds[1]))])
        m.add_child(_Script(f"parent.fitBounds({box}, {{maxZoom: {int(max_zoom)}, "
                            "padding: [30, 30], animate: false});"))
    return m


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
    feats = []
    for (_, p), r in zip(places.iterrows(), radius, strict=True):
        if context:
            fill = CONTEXT_COLOR
        elif color_by == "doc":
            fill = colors.get(str(p["top_doc"]), OTHER_DOCS)
        else:
            fill = FEATURE_COLORS.get(p["feature"], FEATURE_COLORS["other"])
        style = {"radius": float(r) if not context else 4.0, "fillColor": fill,
                 "color": "#ffffff", "weight": 1, "opacity": 1, "fillOpacity": 0.72}
        if p["low_confidence"] and not context:
            style.update(color=fill, weight=2, dashArray="4 3", fillOpacity=0.12)
        elif p["inferred_share"] > 0.5 and not context:
            style.update(fillOpacity=0.3, color=fill)
        if p["place_id"] == selected:
            style.update(color="#111111", weight=3.5, opacity=1)
        n = int(p["mentions"])
        tip = f"{p['name']} · {n} mention{'s' if n != 1 else ''}"
        if context:
            tip += " (as an adjective or in a name)"
        feats.append({
            "type": "Feature", "id": str(p["place_id"]),
            "geometry": {"type": "Point", "coordinates": [round(float(p["lon"]), 5),
                                                          round(float(p["lat"]), 5)]},
            "properties": {"tip": safe_text(tip), "style": style},
        })
    return {"type": "FeatureCollection", "features": feats}


def _points_layer(features: dict, name: str, show: bool,
                  css_class: str = "pl-mention") -> folium.FeatureGroup:
    fg = folium.FeatureGroup(name=name, show=show)
    if features["features"]:
        folium.GeoJson(
            features, name=name, control=False,
            marker=folium.CircleMarker(radius=6, fill=True, className=css_class),
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
        ).add_to(fg)
    return fg


def mention_layer(features: dict, legend: str | None = None,
                  show: bool = True) -> folium.FeatureGroup:
    """The place mentions layer (``places_geojson`` output) with its legend."""
    fg = _points_layer(features, LAYER_TITLES["mentions"], show)
    if legend:
        fg.add_child(Legend(legend))
    return fg


def context_layer(features: dict, show: bool = False) -> folium.FeatureGroup:
    """Mentions that name a place only as an adjective or inside a name ("Malian", "Mali
    Airlines"), drawn as small grey circles; off by default."""
    return _points_layer(features, LAYER_TITLES["context"], show, "pl-context")


def heat_layer(places: pd.DataFrame, show: bool = False) -> folium.FeatureGroup:
    """Density of mentions (each place weighted by its mention count)."""
    fg = folium.FeatureGroup(name=LAYER_TITLES["heat"], show=show)
    if len(places):
        data = places[["lat", "lon", "mentions"]].astype(float).to_numpy().tolist()
        # max_zoom low: points are at full strength from zoom 4 in (leaflet.heat fades them
        # further out), so a handful of places still shows.
        folium.plugins.HeatMap(data, control=False, radius=26, blur=20, min_opacity=0.35,
                               max_zoom=4).add_to(fg)
    return fg


def _classes(values: Iterable[int], k: int = 5) -> list[int]:
    """Lower bounds of up to ``k`` count classes, evenly spaced on a log scale from 1."""
    top = max([1, *values])
    bounds = np.unique(np.floor(np.geomspace(1, top + 1, k + 1)[:-1]).astype(int))
    return [int(b) for b in bounds]


def choropleth_geojson(countries: gpd.GeoDataFrame, counts: Mapping[str, int],
                       tolerance: float = 0.04) -> tuple[dict, list[int]]:
    """Countries with mentions, coloured by their number (by ISO-2 code of the mentions).

    Returns the GeoJSON and the lower bounds of the colour classes (for the legend).
    """
    counts = {k: int(v) for k, v in counts.items() if v}
    rows = countries[countries["iso_a2"].isin(list(counts))].copy()
    classes = _classes(counts.values(), len(CHOROPLETH))
    if len(rows) == 0:
        return {"type": "FeatureCollection", "features": []}, classes
    rows["mentions"] = rows["iso_a2"].map(counts).astype(int)
    idx = np.searchsorted(classes, rows["mentions"].to_numpy(), side="right") - 1
    rows["fill"] = [CHOROPLETH[i] for i in idx]
    rows["tip"] = [f"{n} · {c} mention{'s' if c != 1 else ''}"
                   for n, c in zip(rows["name"], rows["mentions"], strict=True)]
    return _geojson(rows, ["tip", "fill", "mentions"], tolerance=tolerance), classes


def choropleth_layer(features: dict, classes: Sequence[int],
                     show: bool = False) -> folium.FeatureGroup:
    """Mentions per country as a shaded map (``choropleth_geojson`` output) with its legend."""
    fg = folium.FeatureGroup(name=LAYER_TITLES["choropleth"], show=show)
    if features["features"]:
        folium.GeoJson(
            features, name="choropleth", control=False,
            style_function=lambda f: {"fillColor": f["properties"]["fill"], "fillOpacity": 0.45,
                                      "color": "#5a7fa8", "weight": 0.6},
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
        ).add_to(fg)
        ends = [*[c - 1 for c in classes[1:]], None]
        rows = "".join(
            f'<div class="pl-row"><span class="sw sq" style="background:{col}"></span>'
            f'{lo}{"+" if hi is None else ("" if hi == lo else f"–{hi}")}</div>'
            for col, lo, hi in zip(CHOROPLETH, classes, ends, strict=False))
        fg.add_child(Legend(f"<b>Mentions per country</b>{rows}", position="bottomleft"))
    return fg


def regions_geojson(regions: gpd.GeoDataFrame, counts: Mapping[str, int],
                    tolerance: float = 0.02) -> dict:
    """Outlines of the Natural Earth regions (the Sahel…) that mentions are placed in,
    matched by ``place_id``."""
    rows = regions[regions["place_id"].isin([k for k, v in counts.items() if v])].copy()
    rows["geometry"] = [_without_slivers(g) for g in rows.geometry]
    rows["tip"] = [f"{n} · {counts[p]} mention{'s' if counts[p] != 1 else ''}"
                   for n, p in zip(rows["name"], rows["place_id"], strict=True)]
    return _geojson(rows, ["tip"], tolerance=tolerance)


def _without_slivers(geom, share: float = 0.03):
    """A multipolygon without the parts smaller than ``share`` of its largest part."""
    parts = list(getattr(geom, "geoms", [geom]))
    biggest = max(p.area for p in parts)
    kept = [p for p in parts if p.area >= share * biggest]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def region_layer(features: dict, show: bool = True) -> folium.FeatureGroup:
    """Dashed outlines of the regions mentioned."""
    fg = folium.FeatureGroup(name=LAYER_TITLES["regions"], show=show)
    if features["features"]:
        folium.GeoJson(
            features, name="regions", control=False,
            style_function=lambda _f: {"color": FEATURE_COLORS["region"], "weight": 2,
                                       "dashArray": "6 4", "fillOpacity": 0.06,
                                       "fillColor": FEATURE_COLORS["region"]},
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
        ).add_to(fg)
    return fg


def admin1_geojson(admin1: gpd.GeoDataFrame, country_codes: Iterable[str],
                   limit: int = 400) -> dict:
    """Names of the provinces (admin-1 regions) of the countries mentioned, at most ``limit``
    (the countries listed first win)."""
    order = {c: i for i, c in enumerate(dict.fromkeys(country_codes))}
    rows = admin1[admin1["iso_a2"].isin(list(order))].copy()
    rows = rows.iloc[np.argsort(rows["iso_a2"].map(order).to_numpy(), kind="stable")][:limit]
    rows["label"] = rows["name"]
    return _geojson(rows, ["label"], digits=3)


def admin1_layer(features: dict, show: bool = False) -> folium.FeatureGroup:
    """Province names as small italic labels."""
    fg = folium.FeatureGroup(name=LAYER_TITLES["admin1"], show=show)
    if features["features"]:
        folium.GeoJson(
            features, name="admin1", control=False, interactive=False,
            marker=folium.CircleMarker(radius=1.5, color="#8a8a8a", fill=True, weight=1),
            # One permanent label per point (a GeoJsonTooltip is one tooltip for the group).
            # The label property is escaped by admin1_geojson.
            on_each_feature=JsCode(
                "function (feature, layer) { layer.bindTooltip(feature.properties.label, "
                "{permanent: true, direction: 'right', className: 'pl-label', offset: [3, 0]});"
                " }"),
        ).add_to(fg)
    return fg


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
    ``show``. Keeps the user's choice while filters redraw the layers."""
    code = (f"var name = {json.dumps(fg.layer_name)}, show = {json.dumps(bool(show))};"
            " parent.once('add', function () { var m = parent._map,"
            " memory = window.__plLayers || {}; if (!(name in memory ? memory[name] : show))"
            " { setTimeout(function () { m.removeLayer(parent); }, 0); } });")
    fg.add_child(_Script(code))
    return fg


def add_layers(m: folium.Map, layers: Iterable[folium.FeatureGroup],
               control: bool = True) -> folium.Map:
    """Put layers on a map, with a layer control listing them."""
    for fg in layers:
        fg.add_to(m)
    if control:
        folium.LayerControl(collapsed=False, position="topright").add_to(m)
    return m
