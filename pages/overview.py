"""Overview (home): what the corpus holds, a headline map and the busiest places."""

from __future__ import annotations

import streamlit as st

from geo import maps, views
from pages import layers, ui

ui.require_dashboard()


def span_text(span: tuple | None) -> str:
    if span is None:
        return "—"
    return f"{span[0]:%Y}" if span[0].year == span[1].year else f"{span[0]:%Y} – {span[1]:%Y}"


d = ui.data()
everything = views.ViewState()
places = ui.places(everything, d, timed=False)

st.title("Placeline")
st.markdown("Where, and when, do these texts place what they tell? Placeline reads each "
            "document, finds the places it names and the dates it refers to, and maps them.")
cols = st.columns(4)
cols[0].metric("Documents", len(d.documents))
cols[1].metric("Date span", span_text(d.span("event") or d.span("published")),
               help="From the earliest to the latest date the texts refer to.")
counted = ui.counts(everything, d, timed=False)
cols[2].metric("Places", counted[1],
               help=f"Named in {counted[0]} mentions (repeated paragraphs not counted).")
cols[3].metric("Countries", places.loc[places["country_code"].fillna("") != "",
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
        prepared = ui.served_layers(layers.headline_script, [(d.folder, d.stamp, key, canvas)])
        ui.folium_map(ui.base_for("offline", bounds), prepared, "", "overview_map", 460, [],
                      caption=views.caption(everything, None, counted))
    else:
        ui.show_map(maps.base_map("offline", ui.basemap_geojson(), bounds),
                    [layers.headline_layer(d.folder, d.stamp, key, canvas)], "overview_map",
                    460, [], control=False)
with right:
    st.subheader("Busiest places")
    if len(places) == 0:
        st.caption("No places yet.")
    for _, p in places.head(8).iterrows():
        ui.page_link("map", f"{p['name']} — {p['mentions']} mention"
                            f"{'s' * (p['mentions'] != 1)}", place=p["place_id"])
    ui.page_link("map", "Open the full map →")
