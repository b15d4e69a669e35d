"""One text's mention rows: the geoparser's per-text stages, run in order.

normalise → mark repeated paragraphs → sentences → recognise toponyms → choose places →
date each sentence → a row per place mention, its offsets into the text as given. Compiled
with the stages (`make compile`): it touches every mention, as they do.
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd

from .dates import publication_date, sentence_dates
from .gazetteer import Gazetteer
from .io import MENTION_COLUMNS
from .normalise import normalise
from .recognise import phone_areas, recognise
from .resolve import resolve
from .segment import segment

# What each row holds, in order: the build's mention columns but those a build adds, and
# for the geometry its longitude and latitude
COLUMNS = (*(c for c in MENTION_COLUMNS if c not in ("doc_id", "title", "published", "geometry")),
           "lon", "lat")

# The contract's feature classes; the gazetteer's counties (admin2), airports, lakes, rivers,
# seas and landmarks (capes, islands, waterfalls, peaks) are reported as "other".
FEATURES = {f: f for f in ("country", "admin1", "region", "city", "locality")}


# pd.Timestamp of a date, which is slow to build; the same few dates recur in every text.
_timestamp = functools.lru_cache(maxsize=4096)(pd.Timestamp)


def mention_rows(text: str, published: dt.date | None, gaz: Gazetteer) -> list[tuple]:
    """One row (a tuple of the values of :data:`COLUMNS`) per place mention of ``text``,
    dated by ``published`` or, without it, by the date the text states. Tuples, not dicts:
    the rows of a whole corpus are turned into columns at once (:func:`geo.pipeline._frame`)."""
    norm = normalise(text)
    clean = norm.text
    segs = segment(clean)
    spans = [(s, e) for s, e, _ in segs]
    mentions = recognise(clean, spans, gaz)
    placements = resolve(gaz, mentions, phone_areas(clean, gaz))
    source = "published"
    if published is None:
        published, how = publication_date(clean)
        source = "inferred" if how == "inferred" else "published"
    dates = sentence_dates(clean, spans, published)
    rows = []
    for m, p in zip(mentions, placements):
        if p is None:
            continue
        start, end = norm.source_span(m.start, m.end)
        s, e, dup = segs[m.sentence]
        when = dates[m.sentence]
        if p.row is None:
            name, pid, feature, cc = (
                text[start:end],
                f"approx:{m.key}",
                "other" if "natural" in m.cues else "locality",
                str(gaz.country_code[p.approx_of]),
            )
        else:
            r = p.row
            name, pid, feature, cc = (
                str(gaz.name[r]),
                str(gaz.place_id[r]),
                FEATURES.get(str(gaz.feature[r]), "other"),
                str(gaz.country_code[r]),
            )
        rows.append((
            start, end, text[start:end], name, pid, feature, m.role, cc, p.confidence,
            _timestamp(when[0].start) if when else pd.NaT,
            _timestamp(when[0].end) if when else pd.NaT,
            ("text" if when[1] == "text" else source) if when else "none",
            clean[s:e], bool(dup), p.candidates, p.placed_by, p.lon, p.lat,
        ))
    return rows
