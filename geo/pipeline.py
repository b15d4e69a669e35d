"""The geoparsing pipeline: text in, one GeoDataFrame row per place mention out.

Each text's rows (:func:`geo.rows.mention_rows`: normalise → mark repeated paragraphs →
sentences → recognise toponyms → choose places → date each sentence), then one GeoDataFrame
(EPSG:4326) of them all. Offsets point into the text as given.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .gazetteer import Gazetteer, load_gazetteer
from .rows import COLUMNS, mention_rows


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (if it runs) while texts are parsed into a frame.

    Parsing a text allocates tens of thousands of short-lived objects (a word is one), which
    reference counting frees: they form no cycles. Left on, the collector would walk them again
    and again as they pile up, for some 10% of the time, and find nothing; and again, over the
    rows of all the texts, while they are made into one frame.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _rows(text: str, published: dt.date | None, gaz: Gazetteer) -> list[tuple]:
    with _cyclic_gc_paused():
        return mention_rows(text, published, gaz)


_TYPES = {"start": np.int64, "end": np.int64, "duplicate": bool, "confidence": np.float64}


def _frame(rows: list[tuple], extra: Sequence[str] = ()) -> gpd.GeoDataFrame:
    """One frame of rows (:data:`geo.rows.COLUMNS`, after any ``extra`` columns), made column
    by column: quicker than from rows, which pandas would take apart one value at a time."""
    names = [*extra, *COLUMNS]
    data = dict(zip(names, map(list, zip(*rows)))) if rows else \
        {c: np.empty(0, dtype=object) for c in names}
    geometry = shapely.points(np.array(data.pop("lon"), float), np.array(data.pop("lat"), float))
    for c, kind in _TYPES.items():
        data[c] = np.array(data[c], dtype=kind)
    for c in ("date_start", "date_end"):
        data[c] = pd.to_datetime(data[c])
    return gpd.GeoDataFrame(pd.DataFrame(data), geometry=geometry, crs="EPSG:4326")


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
    with _cyclic_gc_paused():
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
    rows: list[tuple] = []
    docs: list[int] = []  # a column of its own: copying every row to add it costs more
    with _cyclic_gc_paused():
        for doc, (text, pub) in enumerate(zip(texts, published, strict=True)):
            found = _rows(text, pub, gaz)
            rows.extend(found)
            docs.extend([doc] * len(found))
        frame = _frame(rows)
    frame.insert(0, "doc", np.array(docs, dtype=np.int64))
    return frame
