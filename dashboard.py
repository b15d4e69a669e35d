"""Placeline dashboard: where, and when, the texts of a corpus place what they tell.

Run with ``streamlit run dashboard.py``. Reads the built corpus from ``$PLACELINE_BUILD``
(default ``data/build``) and builds it on first start when it is missing. One navigation
(``st.navigation``) over the pages in ``pages/``; the view (time window, filters, layers,
selected place, map centre) lives in the URL, so any view can be shared as a link.
"""

from __future__ import annotations

import streamlit as st

from pages import ui

st.set_page_config(page_title="Placeline", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="expanded")

_base = (st.get_option("server.baseUrlPath") or "").strip("/")
ui.serve_local_assets(f"{'/' + _base if _base else ''}/app/static/vendor")

ui.ensure_build()
corpus = ui.data()

ui.PAGES.update({
    "overview": st.Page("pages/overview.py", title="Overview", icon=":material/home:",
                        default=True),
    "map": st.Page("pages/map.py", title="Map", icon=":material/map:"),
    "timeline": st.Page("pages/timeline.py", title="Timeline", icon=":material/bar_chart:"),
    "places": st.Page("pages/places.py", title="Places", icon=":material/location_on:"),
    "documents": st.Page("pages/documents.py", title="Documents", icon=":material/article:"),
    "about": st.Page("pages/about.py", title="About", icon=":material/info:"),
})
page = st.navigation(list(ui.PAGES.values()), position="hidden")
warnings = ui.start(corpus)

with st.sidebar:
    st.markdown("### :material/travel_explore: Placeline")
    links = st.container()
st.html("<style>[data-testid='stMainBlockContainer'] { padding-top: 2.2rem; }</style>")
ui.show_warnings(warnings)
page.run()
with links:
    ui.nav(page)
ui.finish()
