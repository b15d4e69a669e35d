"""The naive map page the benchmark compares the dashboard with (``bench/map_render.py``).

What a first version of the Map page would look like: the same build, the same offline
basemap and vendored Leaflet, the same month slider and filter, but one ``folium.CircleMarker``
with a popup per mention, the whole map rebuilt on every rerun and handed to ``st_folium``
with its default returned objects (so panning and zooming rerun the script too). Only the
tables and the basemap are cached, as any first version would, so that what is measured is
the map. Run it with ``PLACELINE_BUILD`` set; ``map_render.py`` starts it for you.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # started from a temporary folder by map_render.py
    sys.path.insert(0, str(ROOT))

from geo import assets, io, maps, views  # noqa: E402

st.set_page_config(page_title="Naive map", layout="wide")
assets.use_local_assets()


@st.cache_resource
def mentions(folder: str):
    """The mentions table, read once (shared, like the dashboard's)."""
    return io.read_mentions(folder)


@st.cache_resource
def basemap() -> dict:
    """The dashboard's offline basemap, prepared once."""
    return maps.basemap_geojson({n: io.read_layer(n) for n in ("lakes", "rivers", "countries")})


m = mentions(os.environ.get("PLACELINE_BUILD") or str(io.BUILD))
span = views.time_span(views.filter_mentions(m), "event")
st.title("Map of place mentions (naive)")
if span is None:
    st.stop()
options = views.periods(span, "month")
lo, hi = st.select_slider("Time window", options, value=(options[0], options[-1]),
                          format_func=lambda x: views.period_label(x, "month"),
                          label_visibility="collapsed")
shown = views.filter_mentions(m, (lo, views.period_end(hi, "month")), "month", "event",
                              include_undated=False)
st.markdown(f"**{len(shown)}** mentions")

fmap = maps.base_map("offline", basemap())
# folium's own scripts and styles (jQuery, Bootstrap…), as any folium map loads them: its
# popups need jQuery, which the dashboard's maps leave out.
fmap.default_js, fmap.default_css = folium.Map.default_js, folium.Map.default_css
for row in shown.itertuples():
    color = maps.FEATURE_COLORS.get(row.feature, maps.FEATURE_COLORS["other"])
    folium.CircleMarker(
        location=(row.geometry.y, row.geometry.x), radius=6, color="#ffffff", weight=1,
        fill=True, fill_color=color, fill_opacity=0.72, className="pl-mention",
        popup=folium.Popup(f"<b>{views.safe_text(row.name)}</b><br>"
                           f"{views.safe_text(row.sentence)}", max_width=320),
    ).add_to(fmap)
st_folium(fmap, height=620, use_container_width=True)
