"""The layers of the Map and Overview maps, cached per filter state.

A module, imported once, rather than functions in the page scripts: Streamlit runs a page
script afresh on every rerun, and a cached function defined there is wrapped again each
time (its source read and hashed), which cost ~25 ms of every run of the Map page.
"""

from __future__ import annotations

import folium
import streamlit as st

from geo import maps, views
from pages import ui


@st.cache_data(max_entries=64, show_spinner=False)
def mentions_geojson(folder: str, stamp: tuple, key: tuple, color_by: str,
                     selected: str | None, biggest: int) -> tuple[dict, str]:
    places = ui._places(folder, stamp, key)
    colors = maps.doc_colors(places)
    docs = ui._tables(folder, stamp)[1]
    titles = dict(zip(docs["doc_id"].astype(str), docs["title"].astype(str), strict=True))
    features = maps.places_geojson(places, color_by, colors, selected=selected, biggest=biggest)
    return features, maps.legend_html(places, color_by, colors, titles)


@st.cache_data(max_entries=64, show_spinner=False)
def context_geojson(folder: str, stamp: tuple, key: tuple) -> dict:
    return maps.places_geojson(ui._places(folder, stamp, key), context=True)


@st.cache_data(max_entries=64, show_spinner=False)
def area_geojson(folder: str, stamp: tuple, key: tuple) -> tuple[dict, list[int], dict, dict]:
    shown = ui._visible(folder, stamp, key)
    by_country = shown.groupby("country_code").size()
    choropleth, classes = maps.choropleth_geojson(ui.layer("countries"), by_country)
    regions = maps.regions_geojson(ui.region_shapes(), shown.groupby("place_id").size(),
                                   tolerance=0)
    order = tuple(by_country.sort_values(ascending=False).index)
    return choropleth, classes, regions, admin1_geojson(order)


@st.cache_data(max_entries=64, show_spinner=False)
def admin1_geojson(countries: tuple[str, ...]) -> dict:
    """Province labels of these countries (many views share the same countries)."""
    return maps.admin1_geojson(ui.layer("admin1"), countries)


# Layers in drawing order (the last on top), with the filter inputs each depends on.
LAYERS = ("choropleth", "regions", "heat", "admin1", "context", "mentions")


def build_layer(name: str, folder: str, stamp: tuple, args: tuple, show: bool,
                canvas: bool = False) -> folium.FeatureGroup:
    """One layer of the map for a filter state (``args``: see ``layer_args``; ``canvas``: see
    ``geo.maps.CANVAS_FROM``)."""
    if name == "mentions":
        features, legend = mentions_geojson(folder, stamp, *args)
        fg = maps.mention_layer(features, legend, show=show, canvas=canvas)
    elif name == "context":
        fg = maps.context_layer(context_geojson(folder, stamp, *args), show=show, canvas=canvas)
    elif name == "heat":
        fg = maps.heat_layer(ui._places(folder, stamp, *args), show=show)
    else:
        choropleth, classes, regions, admin1 = area_geojson(folder, stamp, *args)
        fg = {"choropleth": lambda: maps.choropleth_layer(choropleth, classes, show, canvas),
              "regions": lambda: maps.region_layer(regions, show, canvas),
              "admin1": lambda: maps.admin1_layer(admin1, show)}[name]()
    return maps.initial_visibility(fg, show)


@st.cache_data(max_entries=256, show_spinner=False)
def layer_script(name: str, folder: str, stamp: tuple, args: tuple, show: bool,
                 canvas: bool) -> ui.PreparedLayer:
    """A layer rendered for streamlit-folium, once per filter state."""
    return ui.prepared_layer(build_layer(name, folder, stamp, args, show, canvas),
                             LAYERS.index(name))


def layer_args(s: views.ViewState, d: ui.Data, biggest: int) -> dict[str, tuple]:
    """What each layer is drawn from: only these inputs make it change."""
    key = ui.filter_key(s, d)
    return {"choropleth": (key,), "regions": (key,), "heat": (key,), "admin1": (key,),
            "context": (ui.filter_key(s, d, roles=views.CONTEXT_ROLES),),
            "mentions": (key, s.color, s.place, biggest)}


def headline_layer(folder: str, stamp: tuple, key: tuple, canvas: bool) -> folium.FeatureGroup:
    places = ui._places(folder, stamp, key)
    return maps.mention_layer(maps.places_geojson(places), maps.legend_html(places),
                              canvas=canvas)


@st.cache_data(show_spinner=False, max_entries=8)
def headline_script(folder: str, stamp: tuple, key: tuple, canvas: bool) -> ui.PreparedLayer:
    """The headline map's one layer, rendered once per corpus (as on the Map page)."""
    return ui.prepared_layer(headline_layer(folder, stamp, key, canvas), 0)
