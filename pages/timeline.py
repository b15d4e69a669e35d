"""Timeline: mentions over time, by place and by document, with the Map's filters."""

from __future__ import annotations

import streamlit as st

from geo import charts, maps, views
from pages import ui

ui.require_dashboard()

d = ui.data()
ui.sidebar_filters(d)
st.title("Timeline")
ui.time_controls(d)
s = ui.state()
hidden = 0 if s.undated else ui.undated(s, d)
st.markdown(ui.summary_line(ui.counts(s, d), hidden))
# The bars show the filters' whole span so the window can be seen inside it.
around = ui.visible(s.replace(start=None, end=None), d)
step = charts.bar_step(d.span(s.time), s.step)
coarser = f" Bars are {step}s here: {s.step}s over this span would be too thin to see." \
    if step != s.step else ""
st.caption("Each mention counts once, in the period where the time it refers to starts. "
           "A shaded band marks the time window when it is narrowed; the same filters apply "
           "on the Map." + coarser)
window = views.window_of(s, d.span(s.time)) if s.start or s.end else None  # None: all
colors = maps.doc_colors(ui.places(s.replace(start=None, end=None), d))
st.subheader("By place")
st.plotly_chart(charts.timeline(around, "place", step, s.time, window=window),
                width="stretch", key="by_place")
st.subheader("By document")
st.plotly_chart(charts.timeline(around, "doc", step, s.time, titles=d.titles, window=window,
                                colors=colors), width="stretch", key="by_doc")
ui.page_link("map", "See this window on the map →")
