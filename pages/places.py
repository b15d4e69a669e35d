"""Places: every place in view, sortable, each with a link to it on the map."""

from __future__ import annotations

import streamlit as st

from geo import maps
from pages import ui

ui.require_dashboard()

d = ui.data()
ui.sidebar_filters(d)
st.title("Places")
ui.time_controls(d)
s = ui.state()
places = ui.places(s, d)
hidden = 0 if s.undated else ui.undated(s, d)
st.markdown(ui.summary_line(ui.counts(s, d), hidden))

names = ui.country_names()
table = places.assign(
    kind=places["feature"].map(maps.FEATURE_LABELS),
    country=places["country_code"].map(lambda c: names.get(c, c)),
    first=places["first"].dt.date, last=places["last"].dt.date,
    map=[ui.map_href(p) for p in places["place_id"]],
)[["name", "kind", "country", "mentions", "documents", "first", "last", "confidence", "map",
   "place_id"]]
st.dataframe(
    table, hide_index=True, width="stretch", height=min(38 + 35 * len(table), 640),
    column_config={
        "name": st.column_config.TextColumn("Place"),
        "kind": st.column_config.TextColumn("Kind"),
        "country": st.column_config.TextColumn("Country"),
        "mentions": st.column_config.NumberColumn("Mentions", help="Repeated paragraphs "
                                                  "not counted"),
        "documents": st.column_config.NumberColumn("Documents"),
        "first": st.column_config.DateColumn("First date"),
        "last": st.column_config.DateColumn("Last date"),
        "confidence": st.column_config.ProgressColumn(
            "Confidence", min_value=0.0, max_value=1.0, format="%.2f",
            help="Median confidence that the name means this place"),
        "map": st.column_config.LinkColumn("Map", display_text="Show on map"),
        "place_id": st.column_config.TextColumn("Id"),
    })
st.caption("Click a column header to sort. Dates are on the chosen time axis.")
