"""Overview (home): what the corpus holds, a headline map and the busiest places."""

from __future__ import annotations

import folium
import streamlit as st

from geo import maps, views
from pages import ui

ui.require_dashboard()


def headline_layer(folder: str, stamp: tuple, key: tuple, canvas: bool) -> folium.FeatureGroup:
    places = ui._places(folder, stamp, key)
    return maps.mention_layer(maps.places_geojson(places), maps.legend_html(places),
                              canvas=canvas)


@st.cache_data(show_spinner=False, max_entries=8)
def headline_script(folder: str, stamp: tuple, key: tuple, canvas: bool) -> ui.PreparedLayer:
    """The headline map's one layer, rendered once per corpus (as on the Map page)."""
    return ui.prepared_layer(headline_layer(folder, stamp, key, canvas), 0)


def span_text(span: tuple | None) -> str:
    if span is None:
        return "—"
    return f"{span[0]:%Y}" if span[0].year == span[1].year else f"{span[0]:%Y} – {span[1]:%Y}"


d = ui.data()
everything = views.ViewState()
shown = ui.visible(everything, d, timed=False)
places = ui.places(everything, d, timed=False)

st.title("Placeline")
st.markdown("Where, and when, do these texts place what they tell? Placeline reads each "
            "document, finds the places it names and the dates it refers to, and maps them.")
cols = st.columns(4)
cols[0].metric("Documents", len(d.documents))
cols[1].metric("Date span", span_text(d.span("event") or d.span("published")),
               help="From the earliest to the latest date the texts refer to.")
cols[2].metric("Places", shown["place_id"].nunique(),
               help=f"Named in {len(shown)} mentions (repeated paragraphs not counted).")
cols[3].metric("Countries", shown.loc[shown["country_code"].fillna("") != "",
                                      "country_code"].nunique())

if len(d.documents) == 0:
    st.info("This corpus is empty: put text files in `data/corpus/` and run "
            "`python -m geo build`, then reload this page.")
else:
    st.success("**Next:** open the **Map**, drag the time slider to see where events happened "
               "when, and click a circle to read the passages behind it.",
               icon=":material/arrow_forward:")

left, right = st.columns([7, 3], gap="medium")
with left:
    key, canvas = ui.filter_key(everything, d, timed=False), len(places) > maps.CANVAS_FROM
    bounds = maps.data_bounds(places)
    if ui.PREPARED:
        layers = ui.served_layers(headline_script, [(d.folder, d.stamp, key, canvas)])
        ui.folium_map(ui.base_for("offline", bounds), layers, "", "overview_map", 460, [],
                      caption=views.caption(everything, None, shown))
    else:
        ui.show_map(maps.base_map("offline", ui.basemap_geojson(), bounds),
                    [headline_layer(d.folder, d.stamp, key, canvas)], "overview_map", 460, [],
                    control=False)
with right:
    st.subheader("Busiest places")
    if len(places) == 0:
        st.caption("No places yet.")
    for _, p in places.head(8).iterrows():
        ui.page_link("map", f"{p['name']} — {p['mentions']} mention"
                            f"{'s' * (p['mentions'] != 1)}", place=p["place_id"])
    ui.page_link("map", "Open the full map →")
