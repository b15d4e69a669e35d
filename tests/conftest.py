"""Fixtures for the map, app and browser tests: a small realistic built corpus.

Four documents about Mali (2012 and 2020, one undated whose text is hostile HTML), written
with ``geo.io.write_build`` so the app reads them exactly as it reads a real build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import settings
from shapely.geometry import Point

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the repository is not installed as a package
    sys.path.insert(0, str(ROOT))

from geo import io  # noqa: E402

# Property tests check results, not speed: no per-example deadline (a busy CI machine is slow).
settings.register_profile("placeline", deadline=None)
settings.load_profile("placeline")

HOSTILE = "<script>alert(1)</script>"
PLACES = {  # place_id: (name, feature, country, lon, lat)
    "Bamako": ("geonames:2460596", "city", "ML", -8.0029, 12.6392),
    "Kati": ("geonames:2455518", "city", "ML", -8.0726, 12.7441),
    "Timbuktu": ("geonames:2449067", "city", "ML", -3.0074, 16.7735),
    "Ségou": ("geonames:2451185", "city", "ML", -6.2157, 13.4317),
    "Gao": ("geonames:2457163", "city", "ML", -0.0443, 16.2717),
    "Mali": ("geonames:2453866", "country", "ML", -4.0, 17.0),
    "France": ("geonames:3017382", "country", "FR", 2.0, 46.0),
    "Sahel": ("ne:region:sahel", "region", "", -9.3837, 16.7472),
}
DOCS = [
    dict(doc_id="d1", title="Soldiers seize power in Bamako", published="2012-03-22",
         source_kind="news", url="https://example.org/mali-coup",
         text="Soldiers seized power in Bamako on 21 March 2012. The mutiny began at the "
              "Kati barracks. French diplomats urged calm across Mali.\n\n"
              "Soldiers seized power in Bamako on 21 March 2012."),
    dict(doc_id="d2", title="Rebels take Timbuktu", published="2012-04-02",
         source_kind="blog post", url="",
         text="In April 2012 rebels entered Timbuktu and Gao. Drought gripped the Sahel."),
    dict(doc_id="d3", title="Protests in Ségou", published="2020-08-19",
         source_kind="forum post", url="",
         text="On 18 August 2020 crowds gathered in Ségou and in Bamako."),
    dict(doc_id="d4", title=f"Undated note {HOSTILE}", published=None,
         source_kind="note", url="",
         text=f"A note: {HOSTILE} <b>Mali</b> is large & dry. Bamako <i>grows</i>."),
]
# doc_id, surface, occurrence, role, confidence, date_start, date_end, date_source, duplicate
MENTIONS = [
    ("d1", "Bamako", 0, "place", 0.95, "2012-03-21", "2012-03-21", "text", False),
    ("d1", "Kati", 0, "place", 0.42, "2012-03-21", "2012-03-21", "inferred", False),
    ("d1", "French", 0, "adjective", 0.9, "2012-03-22", "2012-03-22", "published", False),
    ("d1", "Mali", 0, "place", 0.9, "2012-03-22", "2012-03-22", "published", False),
    ("d1", "Bamako", 1, "place", 0.95, "2012-03-21", "2012-03-21", "text", True),
    ("d2", "Timbuktu", 0, "place", 0.9, "2012-04-01", "2012-04-30", "text", False),
    ("d2", "Gao", 0, "place", 0.85, "2012-04-01", "2012-04-30", "text", False),
    ("d2", "Sahel", 0, "place", 0.7, "2012-04-02", "2012-04-02", "inferred", False),
    ("d3", "Ségou", 0, "place", 0.93, "2020-08-18", "2020-08-18", "text", False),
    ("d3", "Bamako", 0, "place", 0.9, "2020-08-18", "2020-08-18", "text", False),
    ("d4", "Mali", 0, "place", 0.8, None, None, "none", False),
    ("d4", "Bamako", 0, "place", 0.9, None, None, "none", False),
]
ADJECTIVES = {"French": "France"}


def _sentence(text: str, start: int) -> str:
    bounds = [0, *(m.end() for m in re.finditer(r"(?<=[.!?])\s+", text)), len(text)]
    lo = max(b for b in bounds if b <= start)
    hi = min(b for b in bounds if b > start)
    return text[lo:hi].strip()


def make_corpus() -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """The fixture corpus as (mentions, documents) tables with the build schema."""
    docs = {d["doc_id"]: d for d in DOCS}
    rows = []
    for doc_id, surface, nth, role, conf, d0, d1, how, dup in MENTIONS:
        doc = docs[doc_id]
        starts = [m.start() for m in re.finditer(re.escape(surface), doc["text"])]
        start = starts[nth]
        name = ADJECTIVES.get(surface, surface)
        place_id, feature, cc, lon, lat = PLACES[name]
        rows.append({
            "doc_id": doc_id, "title": doc["title"],
            "published": pd.Timestamp(doc["published"]) if doc["published"] else pd.NaT,
            "start": start, "end": start + len(surface), "surface": surface, "name": name,
            "place_id": place_id, "feature": feature, "role": role, "country_code": cc,
            "confidence": conf, "date_start": pd.Timestamp(d0) if d0 else pd.NaT,
            "date_end": pd.Timestamp(d1) if d1 else pd.NaT, "date_source": how,
            "sentence": _sentence(doc["text"], start), "duplicate": dup,
            "candidates": [{"place_id": "geonames:9999", "name": f"{name} (elsewhere)",
                            "score": round(1 - conf, 2)}] if conf < 0.5 else [],
            "placed_by": "only place of this name in Mali" if conf < 0.5
                         else "largest place of this name",
            "geometry": Point(lon, lat),
        })
    mentions = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    for c in ("published", "date_start", "date_end"):
        mentions[c] = pd.to_datetime(mentions[c])
    documents = pd.DataFrame([{
        **{k: d[k] for k in ("doc_id", "title", "source_kind", "url", "text")},
        "published": pd.Timestamp(d["published"]) if d["published"] else pd.NaT,
        "date_source": "metadata" if d["published"] else "none", "path": f"{d['doc_id']}.txt",
        "n_mentions": int(((mentions["doc_id"] == d["doc_id"]) & (mentions["role"] == "place")
                           & ~mentions["duplicate"]).sum()),
    } for d in DOCS], columns=io.DOCUMENT_COLUMNS)
    return mentions[io.MENTION_COLUMNS], documents


@pytest.fixture(scope="session")
def corpus() -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    return make_corpus()


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built corpus folder holding the fixture."""
    folder = tmp_path_factory.mktemp("build")
    io.write_build(*make_corpus(), folder)
    return folder


@pytest.fixture(scope="session")
def empty_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built corpus folder whose tables have no rows."""
    folder = tmp_path_factory.mktemp("empty")
    documents = pd.DataFrame({c: pd.Series(dtype="object") for c in io.DOCUMENT_COLUMNS})
    io.write_build(io.empty_mentions(), documents, folder)
    return folder
