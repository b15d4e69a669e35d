"""The geoparsing pipeline: text in, one GeoDataFrame row per place mention out.

normalise → mark repeated paragraphs → sentences → recognise toponyms → choose places →
date each sentence → GeoDataFrame (EPSG:4326). Offsets point into the text as given.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
from collections.abc import Iterator, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .dates import publication_date, sentence_dates
from .gazetteer import Gazetteer, load_gazetteer
from .io import MENTION_COLUMNS
from .normalise import normalise
from .recognise import phone_areas, recognise
from .resolve import resolve
from .segment import segment

# geoparse's columns: the build's mention columns less those a build adds (and the geometry)
COLUMNS = [c for c in MENTION_COLUMNS if c not in ("doc_id", "title", "published", "geometry")]

# The contract's feature classes; the gazetteer's counties (admin2), airports, lakes, rivers,
# seas and landmarks (capes, islands, waterfalls, peaks) are reported as "other".
FEATURES = {f: f for f in ("country", "admin1", "region", "city", "locality")}


# pd.Timestamp of a date, which is slow to build; the same few dates recur in every text.
_timestamp = functools.lru_cache(maxsize=4096)(pd.Timestamp)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (if it runs) for one text.

    Parsing a text allocates tens of thousands of short-lived objects (a word is one), which
    reference counting frees: they form no cycles. Left on, the collector would walk them again
    and again as they pile up, for some 10% of the time, and find nothing.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _rows(text: str, published: dt.date | None, gaz: Gazetteer) -> list[dict]:
    with _cyclic_gc_paused():
        return _parse(text, published, gaz)


def _parse(text: str, published: dt.date | None, gaz: Gazetteer) -> list[dict]:
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
        rows.append(
            {
                "start": start,
                "end": end,
                "surface": text[start:end],
                "name": name,
                "place_id": pid,
                "feature": feature,
                "role": m.role,
                "country_code": cc,
                "confidence": p.confidence,
                "date_start": _timestamp(when[0].start) if when else pd.NaT,
                "date_end": _timestamp(when[0].end) if when else pd.NaT,
                "date_source": ("text" if when[1] == "text" else source) if when else "none",
                "sentence": clean[s:e],
                "duplicate": bool(dup),
                "candidates": p.candidates,
                "placed_by": p.placed_by,
                "lon": p.lon,
                "lat": p.lat,
            }
        )
    return rows


def _frame(rows: list[dict], extra: Sequence[str] = ()) -> gpd.GeoDataFrame:
    df = pd.DataFrame(rows, columns=[*extra, *COLUMNS, "lon", "lat"])
    geometry = shapely.points(df["lon"].to_numpy(float), df["lat"].to_numpy(float))
    df = df.drop(columns=["lon", "lat"]).astype(
        {"start": "int64", "end": "int64", "duplicate": "bool", "confidence": "float64"}
    )
    for c in ("date_start", "date_end"):
        df[c] = pd.to_datetime(df[c])
    return gpd.GeoDataFrame(df, geometry=geometry, crs="EPSG:4326")


def geoparse(text: str, published: dt.date | None = None) -> gpd.GeoDataFrame:
    """Find, place and date every place mention in ``text``.

    Parameters
    ----------
    text : str
        The document as given (plain text or HTML); offsets in the result point into it.
    published : datetime.date, optional
        When the text was written. Without it, a dateline stated in the text is used.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per mention (EPSG:4326), with ``start``, ``end``, ``surface``, ``name``,
        ``place_id``, ``feature``, ``role``, ``country_code``, ``confidence``,
        ``date_start``, ``date_end``, ``date_source``, ``sentence``, ``duplicate``,
        ``candidates`` and ``placed_by``.
    """
    return _frame(_rows(text, published, load_gazetteer()))


def geoparse_many(
    texts: Sequence[str], published: dt.date | Sequence[dt.date | None] | None = None
) -> gpd.GeoDataFrame:
    """:func:`geoparse` for many texts at once, with a ``doc`` column (position in ``texts``).

    ``published`` is one date for all texts or one per text.
    """
    gaz = load_gazetteer()
    texts = list(texts)
    if published is None or isinstance(published, dt.date):
        published = [published] * len(texts)
    rows: list[dict] = []
    docs: list[int] = []  # a column of its own: copying every row to add it costs more
    for doc, (text, pub) in enumerate(zip(texts, published, strict=True)):
        found = _rows(text, pub, gaz)
        rows.extend(found)
        docs.extend([doc] * len(found))
    frame = _frame(rows)
    frame.insert(0, "doc", np.array(docs, dtype=np.int64))
    return frame
