"""Overview (home): what the corpus holds, a headline map and the busiest places."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo import maps, views
from pages import ui

ui.require_dashboard()


@st.cache_data(show_spinner=False)
def headline_geojson(folder: str, stamp: tuple, key: tuple) -> tuple[dict, str]:
    places = ui._places(folder, stamp, key)
    return maps.places_geojson(places), maps.legend_html(places)


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
    features, legend = headline_geojson(d.folder, d.stamp,
                                        ui.filter_key(everything, d, timed=False))
    m = maps.base_map("offline", ui.basemap_geojson(), maps.data_bounds(places))
    maps.add_layers(m, [maps.mention_layer(features, legend)], control=False)
    st_folium(m, key="overview_map", height=460, use_container_width=True, returned_objects=[])
with right:
    st.subheader("Busiest places")
    if len(places) == 0:
        st.caption("No places yet.")
    for _, p in places.head(8).iterrows():
        ui.page_link("map", f"{p['name']} — {p['mentions']} mention"
                            f"{'s' * (p['mentions'] != 1)}", place=p["place_id"])
    ui.page_link("map", "Open the full map →")
