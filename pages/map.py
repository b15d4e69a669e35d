"""Map: where the corpus places its mentions in the time window, and the passages behind them.

The basemap (Natural Earth, fit to the whole corpus) is rendered once per server and stays in
the browser; the layers that depend on the filters are rendered once per filter state (cached)
and go to streamlit-folium as its ``feature_group`` layers, so changing a filter redraws the
circles without reloading the map (``ui.folium_map``). Panning does not rerun the script:
only a click on a place does.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import maps, views
from pages import layers, ui

ui.require_dashboard()

LAYER_IDS = {title: key for key, title in maps.LAYER_TITLES.items()}
BASEMAPS = {"offline": "Offline (Natural Earth)", "osm": "OpenStreetMap (online)",
            "carto": "CARTO Positron (online)"}


def select_place(place_id: str | None) -> None:
    ui.set_state(ui.state(), place=place_id)


def on_click(map_key: str, places: pd.DataFrame) -> None:
    out = st.session_state.get(map_key) or {}
    click = out.get("last_object_clicked") or {}
    place = views.resolve_click(places, click.get("lat"), click.get("lng"),
                                out.get("last_object_clicked_tooltip"))
    if place:
        select_place(place)


def passages(rows: pd.DataFrame, d: ui.Data, limit: int = 40) -> str:
    docs = d.documents.set_index("doc_id")
    cards = []
    for _, row in rows.head(limit).iterrows():
        doc = docs.loc[row["doc_id"]] if row["doc_id"] in docs.index else None
        cards.append(views.passage_html(
            row, text=None if doc is None else doc["text"],
            url=None if doc is None else (doc["url"] or None),
            source=None if doc is None else doc["source_kind"]))
    more = f"<p>…and {len(rows) - limit} more.</p>" if len(rows) > limit else ""
    return ui.STYLE + "".join(cards) + more


def side_panel(s: views.ViewState, d: ui.Data, shown: pd.DataFrame, places: pd.DataFrame) -> None:
    if s.place is None:
        st.markdown("**Click a circle** on the map to read every passage that mentions the "
                    "place, or pick one of the busiest places in view:")
        top = places.head(10)
        labels = dict(zip(top["place_id"], top["name"] + " · " + top["mentions"].astype(str),
                          strict=True))
        st.radio("Busiest places in view", list(labels), format_func=labels.get, index=None,
                 key="pick_place", label_visibility="collapsed",
                 on_change=lambda: select_place(st.session_state.get("pick_place")))
        return
    everywhere = views.filter_mentions(d.mentions)
    everywhere = everywhere[everywhere["place_id"] == s.place]
    here = shown[shown["place_id"] == s.place].sort_values(["published", "start"])
    name = everywhere["name"].iloc[0] if len(everywhere) else s.place
    st.subheader(name)
    st.caption(f"{len(here)} passage{'s' * (len(here) != 1)} in view · "
               f"{s.place}")
    st.button("Close", on_click=select_place, args=(None,), key="close_place",
              icon=":material/close:", type="tertiary")
    with st.container(height=520, border=False):
        if len(here):
            st.html(passages(here, d))
        else:
            st.info("No passage mentions this place with the current filters.")
        rest = everywhere[~everywhere.index.isin(here.index)]
        if len(rest):
            with st.expander(f"{len(rest)} more outside the current filters"):
                st.html(passages(rest, d))


# The map goes out first (its frame then loads Leaflet and the data while the rest of the
# page is sent and drawn); the controls above it fill their place afterwards.
d = ui.data()
st.title("Map of place mentions")
controls, summary = st.container(), st.empty()
s = ui.state()
shown = ui.visible(s, d)
places = ui.places(s, d)

all_places = ui.places(views.ViewState(), d, timed=False)
biggest = int(all_places["mentions"].max()) if len(all_places) else 1
show = set(s.layers)
args = layers.layer_args(s, d, biggest)
bounds = maps.data_bounds(all_places)
canvas = len(all_places) > maps.CANVAS_FROM  # the same for every view of this corpus
map_key = f"map_{st.session_state.get(ui.EPOCH, 0)}_{s.basemap}"
click_places = pd.concat([places, ui.places(s, d, roles=views.CONTEXT_ROLES)])
returned = ["last_object_clicked", "last_object_clicked_tooltip"]
view = {"center": (s.lat, s.lon) if s.lat is not None else None, "zoom": s.zoom,
        "on_change": lambda: on_click(map_key, click_places)}

left, right = st.columns([7, 3], gap="medium")
with left:
    if ui.PREPARED:
        prepared = ui.served_layers(layers.layer_script, [
            (n, d.folder, d.stamp, args[n], n in show, canvas) for n in layers.LAYERS])
        ui.folium_map(ui.base_for(s.basemap, bounds), prepared,
                      ui.prepared_control(tuple(maps.LAYER_TITLES[n] for n in layers.LAYERS)),
                      map_key, 620, returned, **view,
                      caption=views.caption(s, d.span(s.time), ui.counts(s, d)))
    else:
        ui.show_map(maps.base_map(s.basemap, ui.basemap_geojson(), bounds),
                    [layers.build_layer(n, d.folder, d.stamp, args[n], n in show, canvas)
                     for n in layers.LAYERS],
                    map_key, 620, returned, **view)
with controls:
    ui.time_controls(d)
ui.sidebar_filters(d)
hidden = 0 if s.undated else ui.undated(s, d)
summary.markdown(ui.summary_line(ui.counts(s, d), hidden))
with left:
    c1, c2, c3, c4 = st.columns([3, 2.6, 2, 2.2], vertical_alignment="bottom")
    c1.segmented_control("Colour circles by", views.COLOR_BY, **ui._bind("w_color", s.color),
                         required=True,
                         format_func={"feature": "Kind", "doc": "Document"}.get)
    c2.selectbox("Basemap", list(BASEMAPS), format_func=BASEMAPS.get,
                 **ui._bind("w_basemap", s.basemap))
    with c3:
        ui.copy_link_button(LAYER_IDS)
    c4.button("Reset view", on_click=ui.reset_view, width="stretch",
              icon=":material/restart_alt:", help="Back to the whole corpus, default layers "
              "and the map fitted to the data.")
    link = ui.shown_link()
    if link:
        st.code(link, language=None, wrap_lines=True)
        st.caption("Anyone opening this link sees this view: time window, filters, layers, "
                   "selected place, centre and zoom.")
with right:
    side_panel(ui.state(), d, shown, places)
