"""What the dashboard shows: the view state of a shareable link, filtering, and text rendering.

Plain library code (no streamlit): the pages only lay out what these functions return.

* ``ViewState`` is everything that matters about a view (time window, filters, layers, the
  selected place, map centre and zoom). ``ViewState.from_query`` reads URL query parameters and
  never raises: bad or stale values fall back to defaults with a warning in words.
* ``filter_mentions`` applies a view's filters to the mentions table; ``aggregate_places``
  turns mentions into one row per place (so 100k mentions become a few thousand circles).
* ``highlight_html`` and ``passage_html`` render untrusted text as HTML: escaped first, then
  wrapped in ``<mark>``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

import geopandas as gpd
import numpy as np
import pandas as pd

from .gazetteer import fold

STEPS = ("day", "week", "month", "year")
TIME_AXES = ("event", "published")
LAYERS = ("mentions", "heat", "choropleth", "regions", "admin1", "context")
DEFAULT_LAYERS = ("mentions", "regions")
COLOR_BY = ("feature", "doc")
BASEMAPS = ("offline", "osm", "carto")
FEATURES = ("country", "admin1", "region", "city", "locality", "other")
FEATURE_LABELS = {
    "city": "City", "locality": "Town or locality", "admin1": "Province (admin-1)",
    "region": "Region (e.g. the Sahel)", "country": "Country",
    "other": "Other (county, river, sea…)",
}
CONTEXT_ROLES = ("adjective", "in_name")
LOW_CONFIDENCE = 0.5
APPROX = "approx:"  # place_id prefix of names placed at the place around them
MAX_QUERY = 200

_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}
_COUNTRY = re.compile(r"^[A-Z]{2}$")
# Period aliases for pandas: weeks run Monday..Sunday (ISO), as in geo.dates.
_PERIOD = {"day": "D", "week": "W-SUN", "month": "M", "year": "Y"}


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


@dataclass(frozen=True)
class ViewState:
    """One view of the dashboard; ``to_query`` and ``from_query`` round-trip it through a URL.

    ``start``/``end`` are inclusive dates (``None``: the data's own bounds); empty ``docs``,
    ``features`` and ``countries`` mean "all"; ``lat``/``lon``/``zoom`` are set only when a
    link was copied (``None``: fit the map to the data).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    step: str = "month"
    time: str = "event"
    undated: bool = False
    docs: tuple[str, ...] = ()
    features: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    min_conf: float = 0.0
    q: str = ""
    layers: tuple[str, ...] = DEFAULT_LAYERS
    color: str = "feature"
    basemap: str = "offline"
    place: str | None = None
    doc: str | None = None
    lat: float | None = None
    lon: float | None = None
    zoom: int | None = None

    def __post_init__(self) -> None:
        # Canonical form, so that equal views have equal URLs.
        for name in ("docs", "features", "countries"):
            object.__setattr__(self, name, _dedupe(getattr(self, name)))
        object.__setattr__(self, "layers", tuple(x for x in LAYERS if x in set(self.layers)))
        object.__setattr__(self, "q", self.q.strip()[:MAX_QUERY])
        for name in ("place", "doc"):
            if not getattr(self, name):
                object.__setattr__(self, name, None)

    def replace(self, **changes: Any) -> ViewState:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def to_query(self) -> dict[str, str]:
        """URL query parameters of this view; fields at their default are left out."""
        out: dict[str, str] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value == f.default or (f.name == "layers" and value == DEFAULT_LAYERS):
                continue
            key = _KEYS.get(f.name, f.name)
            if isinstance(value, tuple):
                out[key] = ",".join(value) if value else "none"
            elif isinstance(value, bool):
                out[key] = "1" if value else "0"
            elif isinstance(value, dt.date):
                out[key] = value.isoformat()
            else:
                out[key] = str(value)
        return out

    def query_string(self, **changes: Any) -> str:
        """``to_query`` as a URL query string (``place=geonames%3A123&...``), with changes."""
        return urlencode(self.replace(**changes).to_query(), quote_via=quote)

    @classmethod
    def from_query(cls, query: Mapping[str, str | Sequence[str]]) -> tuple[ViewState, list[str]]:
        """Read a view from URL query parameters.

        Parameters
        ----------
        query : mapping
            Parameter name to value (or list of values, as ``st.query_params.get_all`` gives).
            Unknown names are ignored.

        Returns
        -------
        (ViewState, list of str)
            The view, and one warning in words for every value that was ignored.
        """
        warnings: list[str] = []
        values: dict[str, Any] = {}
        for name, key in ((f.name, _KEYS.get(f.name, f.name)) for f in dataclasses.fields(cls)):
            raw = query.get(key)
            if raw is None:
                continue
            text = raw if isinstance(raw, str) else ",".join(str(r) for r in raw)
            try:
                values[name] = _PARSERS[name](text.strip())
            except ValueError as e:
                shown = text if len(text) <= 40 else text[:40] + "…"
                warnings.append(f"Ignored {key}={shown!r} in the link: {e}.")
        if ("lat" in values) != ("lon" in values):
            warnings.append("Ignored the map centre in the link: it needs both lat and lon.")
            values.pop("lat", None)
            values.pop("lon", None)
        start, end = values.get("start"), values.get("end")
        if start and end and start > end:
            warnings.append(f"Ignored the time window in the link: it starts ({start}) "
                            f"after it ends ({end}).")
            values.pop("start")
            values.pop("end")
        return cls(**values), warnings

    def reconcile(self, vocab: Vocabulary) -> tuple[ViewState, list[str]]:
        """Drop values that name things this corpus does not have (a stale or foreign link)."""
        warnings: list[str] = []
        changes: dict[str, Any] = {}
        for name, known, what in (("docs", vocab.docs, "document"),
                                  ("countries", vocab.countries, "country")):
            value = getattr(self, name)
            missing = [v for v in value if v not in known]
            if missing:
                changes[name] = tuple(v for v in value if v in known)
                warnings.append(f"This corpus has no {what} {', '.join(missing)}: "
                                f"showing {'the others' if changes[name] else 'all'}.")
        if self.place is not None and self.place not in vocab.places:
            changes["place"] = None
            warnings.append(f"The place {self.place} in the link is not in this corpus.")
        if self.doc is not None and self.doc not in vocab.docs:
            changes["doc"] = None
            warnings.append(f"The document {self.doc} in the link is not in this corpus.")
        span = vocab.spans.get(self.time)
        if (self.start or self.end) and span is not None:
            lo, hi = self.start or span[0], self.end or span[1]
            if hi < span[0] or lo > span[1]:
                changes.update(start=None, end=None)
                warnings.append(f"The time window in the link ({lo} to {hi}) has no data: "
                                f"showing {span[0]} to {span[1]}.")
        return self.replace(**changes), warnings


_KEYS = {"time": "time", "min_conf": "conf"}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("not a date (expected YYYY-MM-DD)") from None


def _choice(options: Sequence[str]):
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(f"expected one of {', '.join(options)}")
        return text
    return parse


def _bool(text: str) -> bool:
    if text.lower() in _TRUE:
        return True
    if text.lower() in _FALSE:
        return False
    raise ValueError("expected 1 or 0")


def _list(options: Sequence[str] | None = None, pattern: re.Pattern[str] | None = None):
    def parse(text: str) -> tuple[str, ...]:
        items = _dedupe(t.strip() for t in text.split(",")) if text != "none" else ()
        bad = [t for t in items if (options is not None and t not in options)
               or (pattern is not None and not pattern.match(t))]
        if bad:
            raise ValueError(f"unknown {', '.join(bad)}")
        return items
    return parse


def _number(lo: float, hi: float, kind: type = float):
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise ValueError(f"not a{'n integer' if kind is int else ' number'}") from None
        if not (lo <= value <= hi) or (isinstance(value, float) and math.isnan(value)):
            raise ValueError(f"outside {lo:g} to {hi:g}")
        return value
    return parse


def _text(text: str) -> str:
    return text[:MAX_QUERY]


_PARSERS = {
    "start": _date, "end": _date, "step": _choice(STEPS), "time": _choice(TIME_AXES),
    "undated": _bool, "docs": _list(), "features": _list(FEATURES),
    "countries": _list(pattern=_COUNTRY), "min_conf": _number(0.0, 1.0), "q": _text,
    "layers": _list(LAYERS), "color": _choice(COLOR_BY), "basemap": _choice(BASEMAPS),
    "place": _text, "doc": _text, "lat": _number(-90.0, 90.0), "lon": _number(-180.0, 180.0),
    "zoom": _number(1, 18, int),
}


@dataclass(frozen=True)
class Vocabulary:
    """What a corpus has, to check a link against: ids of documents and places, countries,
    and the date span on each time axis."""

    docs: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    spans: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)

    @classmethod
    def of(cls, mentions: pd.DataFrame, documents: pd.DataFrame | None = None) -> Vocabulary:
        """The vocabulary of a mentions table (and its documents table)."""
        docs = set(mentions["doc_id"].astype(str))
        if documents is not None and len(documents):
            docs |= set(documents["doc_id"].astype(str))
        spans = {axis: s for axis in TIME_AXES if (s := time_span(mentions, axis)) is not None}
        return cls(frozenset(docs), frozenset(mentions["place_id"].dropna().astype(str)),
                   frozenset(mentions["country_code"].dropna().astype(str)), spans)


def title_choices(titles: Mapping[str, str], query: str = "", keep: Sequence[str] = (),
                  limit: int = 200) -> tuple[list[str], int]:
    """Which documents a chooser lists: those whose title has every word of ``query``.

    A list of thousands of titles is slow to send and useless to scroll, so at most ``limit``
    are listed (in title order), plus the ids in ``keep`` (what is chosen already, which a
    chooser must always list). Returns the ids to list and how many titles matched.
    """
    words = fold(query).split()
    found = [i for i, t in titles.items() if all(w in fold(t) for w in words)] if words \
        else list(titles)
    order = lambda i: (titles[i], i)  # noqa: E731
    listed = sorted(found, key=order)[:limit]
    extra = set(keep).intersection(titles).difference(listed)
    return sorted([*listed, *extra], key=order), len(found)


# --- time ------------------------------------------------------------------------------------
def _naive(s: pd.Series) -> pd.Series:
    """Datetimes without time zone (UTC), as datetime64[ns]; anything else becomes NaT."""
    s = pd.to_datetime(s, errors="coerce", utc=True)
    return s.dt.tz_localize(None).astype("datetime64[ns]")


def intervals(mentions: pd.DataFrame, axis: str = "event") -> tuple[pd.Series, pd.Series]:
    """Start and end (inclusive) of the time each mention refers to on a time axis.

    ``event``: the interval the sentence refers to (``date_start``..``date_end``);
    ``published``: the day the document was published. NaT where undated.
    """
    if axis == "published":
        start = _naive(mentions["published"]).dt.normalize()
        return start, start
    start = _naive(mentions["date_start"]).dt.normalize()
    end = _naive(mentions["date_end"]).dt.normalize()
    return start, end.fillna(start)


def time_span(mentions: pd.DataFrame, axis: str = "event") -> tuple[dt.date, dt.date] | None:
    """First and last day any mention refers to on a time axis; None when nothing is dated."""
    start, end = intervals(mentions, axis)
    if start.notna().sum() == 0:
        return None
    return start.min().date(), end.max().date()


def period_start(day: dt.date, step: str) -> dt.date:
    """First day of the day/week/month/year containing ``day``."""
    return pd.Period(day, freq=_PERIOD[step]).start_time.date()


def period_end(day: dt.date, step: str) -> dt.date:
    """Last day of the day/week/month/year containing ``day``."""
    return pd.Period(day, freq=_PERIOD[step]).end_time.date()


def periods(span: tuple[dt.date, dt.date], step: str) -> list[dt.date]:
    """First days of every period of ``step`` that meets ``span``."""
    rng = pd.period_range(span[0], span[1], freq=_PERIOD[step])
    return [p.start_time.date() for p in rng]


def period_label(day: dt.date, step: str) -> str:
    """How a period is named on the slider: '2012', 'Mar 2012', 'week of 5 Mar 2012'…"""
    if step == "year":
        return f"{day:%Y}"
    if step == "month":
        return f"{day:%b %Y}"
    if step == "week":
        return f"wk {day:%d %b %Y}"
    return f"{day:%d %b %Y}"


def _count(n: int, what: str, bold: str = "") -> str:
    return f"{bold}{n:,}{bold} {what}{'s' * (n != 1)}"


def counts(shown: pd.DataFrame) -> tuple[int, int, int]:
    """How many mentions, places and documents these mentions are."""
    return len(shown), shown["place_id"].nunique(), shown["doc_id"].nunique()


def count_line(counted: tuple[int, int, int], bold: str = "") -> str:
    """'23 mentions of 8 places in 3 documents' (``counts``; numbers wrapped in ``bold``:
    ``"**"`` for Markdown)."""
    mentions, places, documents = counted
    return (f"{_count(mentions, 'mention', bold)} of {_count(places, 'place', bold)} in "
            f"{_count(documents, 'document', bold)}")


def caption(state: ViewState, span: tuple[dt.date, dt.date] | None,
            counted: tuple[int, int, int]) -> str:
    """What a map of this view shows, in one line of plain text: its caption on a saved image
    ("23 mentions of 8 places in 3 documents · Jan 2012 – Sep 2020, dates in the texts")."""
    parts = [count_line(counted)]
    if span is not None:
        first = period_label(state.start or span[0], state.step)
        last = period_label(state.end or span[1], state.step)
        when = first if first == last else f"{first} – {last}"
        parts.append(when + (", dates in the texts" if state.time == "event"
                             else ", publication dates")
                     + (" (undated included)" if state.undated else ""))
    if state.docs:
        parts.append(_count(len(state.docs), "chosen document"))
    if state.features:
        parts.append("kinds: " + ", ".join(FEATURE_LABELS[f].lower() for f in state.features))
    if state.countries:
        parts.append("countries: " + ", ".join(state.countries))
    if state.min_conf > 0:
        parts.append(f"confidence ≥ {state.min_conf:.2f}")
    if state.q:
        parts.append(f"sentences with “{state.q}”")
    return " · ".join(parts) + " · Placeline"


def window_of(state: ViewState,
              span: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date] | None:
    """The inclusive time window of a view, clipped to the data span; None if nothing is dated."""
    if span is None:
        return None
    lo = max(state.start or span[0], span[0])
    hi = min(state.end or span[1], span[1])
    return (lo, hi) if lo <= hi else span


# --- filtering -------------------------------------------------------------------------------
def filter_mentions(
    gdf: gpd.GeoDataFrame,
    window: tuple[dt.date, dt.date] | None = None,
    step: str = "day",
    time_axis: str = "event",
    include_undated: bool = True,
    docs: Sequence[str] = (),
    features: Sequence[str] = (),
    countries: Sequence[str] = (),
    min_conf: float = 0.0,
    query: str = "",
    roles: Sequence[str] = ("place",),
) -> gpd.GeoDataFrame:
    """Mentions that a view shows.

    Parameters
    ----------
    gdf : GeoDataFrame
        Mentions as ``geo.io.read_mentions`` gives them.
    window : (date, date) or None
        Inclusive time window, widened to whole periods of ``step``; a mention shows when the
        interval it refers to meets the window. None: no time filter.
    step : {'day', 'week', 'month', 'year'}
    time_axis : {'event', 'published'}
        Dates from the text, or the publication date of the document.
    include_undated : bool
        Keep mentions without a date on ``time_axis``.
    docs, features, countries : sequence of str
        Keep only these (empty: all).
    min_conf : float
        Keep mentions placed with at least this confidence.
    query : str
        Keep mentions whose sentence contains this text (case-insensitive).
    roles : sequence of str
        Mention roles to keep: ``('place',)`` for the map; ``CONTEXT_ROLES`` for context.

    Returns
    -------
    GeoDataFrame
        The matching rows, never repeated paragraphs (``duplicate``).
    """
    keep = ~gdf["duplicate"].astype(bool) & gdf["role"].isin(list(roles))
    if docs:
        keep &= gdf["doc_id"].isin(list(docs))
    if features:
        keep &= gdf["feature"].isin(list(features))
    if countries:
        keep &= gdf["country_code"].isin(list(countries))
    if min_conf > 0:
        keep &= gdf["confidence"].fillna(0) >= min_conf
    if query.strip():
        keep &= gdf["sentence"].fillna("").str.contains(query.strip(), case=False, regex=False)
    start, end = intervals(gdf, time_axis)
    if window is not None:
        lo = pd.Timestamp(period_start(window[0], step))
        hi = pd.Timestamp(period_end(window[1], step))
        keep &= (start.notna() & (start <= hi) & (end >= lo)) | (start.isna() & include_undated)
    elif not include_undated:
        keep &= start.notna()
    return gdf[keep.to_numpy()]


def undated_count(gdf: pd.DataFrame, time_axis: str = "event") -> int:
    """How many mentions have no date on a time axis."""
    return int(intervals(gdf, time_axis)[0].isna().sum())


# --- places ----------------------------------------------------------------------------------
PLACE_COLUMNS = ["place_id", "name", "feature", "country_code", "lon", "lat", "mentions",
                 "documents", "top_doc", "confidence", "low_confidence", "inferred_share",
                 "first", "last"]


def aggregate_places(gdf: gpd.GeoDataFrame, time_axis: str = "event") -> pd.DataFrame:
    """One row per place: where it is, how often and in how many documents it is mentioned.

    ``top_doc`` is the document mentioning it most; ``confidence`` the median confidence;
    ``low_confidence`` whether that median is below 0.5 or the place is approximate (a name
    not in the gazetteer, put at the place around it: ``place_id`` 'approx:…');
    ``inferred_share`` the share of its dated mentions whose date was inferred;
    ``first``/``last`` its date span on ``time_axis``.
    Sorted by mentions, most first.
    """
    if len(gdf) == 0:
        dtypes = {"lon": float, "lat": float, "mentions": int, "documents": int,
                  "confidence": float, "low_confidence": bool, "inferred_share": float,
                  "first": "datetime64[ns]", "last": "datetime64[ns]"}
        return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in PLACE_COLUMNS})
    start, end = intervals(gdf, time_axis)
    # Text columns stay in their own (Arrow) arrays: a round trip through NumPy objects
    # costs more than the grouping itself.
    df = pd.DataFrame({
        "place_id": gdf["place_id"].astype(str).array,
        "name": gdf["name"].astype(str).array,
        "feature": gdf["feature"].astype(str).array,
        "country_code": gdf["country_code"].fillna("").astype(str).array,
        "lon": gdf.geometry.x.to_numpy(), "lat": gdf.geometry.y.to_numpy(),
        "doc_id": gdf["doc_id"].astype(str).array,
        "confidence": gdf["confidence"].astype(float).to_numpy(),
        "inferred": (gdf["date_source"] == "inferred").to_numpy(),
        "dated": start.notna().to_numpy(), "start": start.to_numpy(), "end": end.to_numpy(),
    })
    g = df.groupby("place_id", sort=False)
    # One call per kind of reduction (not one per column): each call has a fixed cost that
    # dominates for the few hundred mentions of a narrow time window.
    out = g[["name", "feature", "country_code", "lon", "lat"]].first()
    out["mentions"] = g.size()
    out["documents"] = g["doc_id"].nunique()
    out["confidence"] = g["confidence"].median()
    out[["inferred", "dated"]] = g[["inferred", "dated"]].sum()
    out["first"], out["last"] = g["start"].min(), g["end"].max()
    top = df.groupby(["place_id", "doc_id"], sort=False).size().sort_values(ascending=False)
    out["top_doc"] = top.reset_index().drop_duplicates("place_id").set_index("place_id")["doc_id"]
    approx = out.index.str.startswith(APPROX)
    out["low_confidence"] = (out["confidence"] < LOW_CONFIDENCE) | approx
    out["inferred_share"] = np.where(out["dated"] > 0, out["inferred"] / out["dated"].clip(1), 0)
    out = out.reset_index().sort_values(["mentions", "name"], ascending=[False, True])
    return out[PLACE_COLUMNS].reset_index(drop=True)


ID_MARK = "\u2063"  # invisible separator: a circle's tooltip text ends with it and the place id


def resolve_click(places: pd.DataFrame, lat: float | None, lng: float | None,
                  tooltip: str | None = None) -> str | None:
    """The place a map click was on: the id its tooltip carries, else by the name its tooltip
    starts with, nearest the click.

    Tooltips read ``"<name> · <n> mentions"`` (circles add ``ID_MARK`` and their place id); a
    click on a country or region shape selects the place of that name. Without a matching
    name, the nearest place within 2 degrees.
    """
    if len(places) == 0 or lat is None or lng is None:
        return None
    text, _, place_id = (tooltip or "").partition(ID_MARK)
    if place_id and (places["place_id"] == place_id).any():
        return place_id
    cand = places
    if text:
        name = text.split(" · ")[0].strip()
        named = places[places["name"] == name]
        if len(named):
            cand = named
    d2 = ((cand["lat"].astype(float) - lat) ** 2 + (cand["lon"].astype(float) - lng) ** 2
          ).to_numpy()
    best = int(np.argmin(d2))  # by position: the index may repeat (concatenated tables)
    if cand is places and d2[best] > 4.0:
        return None
    return str(cand["place_id"].iloc[best])


# --- text as HTML ----------------------------------------------------------------------------
def safe_text(value: object) -> str:
    """Text made safe to put in HTML *and* in a JavaScript template literal (folium Tooltip):
    ``<>&"'`` escaped, and backtick, ``$`` and backslash as character references."""
    return (html.escape(str(value), quote=True).replace("`", "&#96;").replace("$", "&#36;")
            .replace("\\", "&#92;"))


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark: offsets, a CSS class, and optionally a link and a title."""

    start: int
    end: int
    cls: str = "pl-mention"
    href: str | None = None
    title: str | None = None


def highlight_html(text: str, spans: Iterable[Span]) -> str:
    """``text`` as HTML: every character escaped, each span wrapped in ``<mark>`` (in an
    ``<a>`` when it has a link). Overlapping or out-of-range spans are skipped."""
    out, pos = [], 0
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if s.start < pos or s.end <= s.start or s.end > len(text):
            continue
        title = f' title="{safe_text(s.title)}"' if s.title else ""
        mark = f'<mark class="{safe_text(s.cls)}"{title}>{safe_text(text[s.start:s.end])}</mark>'
        if s.href:
            mark = f'<a href="{safe_text(s.href)}" target="_self">{mark}</a>'
        out += [safe_text(text[pos:s.start]), mark]
        pos = s.end
    out.append(safe_text(text[pos:]))
    return "".join(out)


def sentence_span(row: Mapping[str, Any], text: str | None = None) -> tuple[str, int, int]:
    """The sentence of a mention and where the mention is in it (start, end offsets).

    Found from the document text when given (the sentence around ``start``), else by looking
    for the surface form in the sentence.
    """
    sentence = str(row.get("sentence") or "")
    start, end = int(row["start"]), int(row["end"])
    if text and sentence:
        at = text.rfind(sentence, 0, start + 1)
        if at < 0 or at + len(sentence) < end:
            at = text.find(sentence, max(0, start - len(sentence)))
        if 0 <= at <= start and end <= at + len(sentence):
            return sentence, start - at, end - at
    surface = str(row.get("surface") or "")
    at = sentence.find(surface) if surface else -1
    if at < 0:
        return sentence, 0, 0
    return sentence, at, at + len(surface)


def _date_words(row: Mapping[str, Any]) -> str:
    start, end = row.get("date_start"), row.get("date_end")
    if start is None or pd.isna(start):
        return "undated"
    a, b = pd.Timestamp(start).date(), pd.Timestamp(end).date() if not pd.isna(end) else None
    when = f"{a}" if b is None or a == b else f"{a} to {b}"
    how = {"text": "from the text", "published": "publication date",
           "inferred": "inferred", "none": ""}.get(str(row.get("date_source")), "")
    return f"{when} ({how})" if how else when


def passage_html(row: Mapping[str, Any], text: str | None = None,
                 url: str | None = None, source: str | None = None) -> str:
    """One passage mentioning a place, as an HTML card: the sentence with the mention marked,
    the document's title, date and source, and why the place was chosen."""
    sentence, a, b = sentence_span(row, text)
    body = highlight_html(sentence, [Span(a, b)] if b > a else [])
    title = safe_text(row.get("title") or row.get("doc_id"))
    if url:
        title = f'<a href="{safe_text(url)}" target="_blank" rel="noopener">{title}</a>'
    pub = row.get("published")
    meta = [f"published {pd.Timestamp(pub).date()}" if pub is not None and not pd.isna(pub)
            else "publication date unknown"]
    if source:
        meta.append(safe_text(source))
    conf = float(row.get("confidence") or 0.0)
    why = [f"confidence {conf:.2f}" + (" (low)" if conf < LOW_CONFIDENCE else "")]
    if row.get("placed_by"):
        why.append(safe_text(row["placed_by"]))
    cands = row.get("candidates")
    if cands is not None and len(cands):
        others = [f"{safe_text(c.get('name'))} "
                  f"({safe_text(c.get('country_code') or c.get('place_id'))}, "
                  f"score {float(c.get('score') or 0):.2f})" for c in list(cands)[:3]]
        why.append("runner-ups: " + "; ".join(others))
    return (f'<div class="pl-passage"><div class="pl-title">{title}</div>'
            f'<div class="pl-meta">{" · ".join(meta)} · refers to '
            f'{safe_text(_date_words(row))}</div>'
            f'<blockquote>{body}</blockquote>'
            f'<div class="pl-why">Placed as {safe_text(row.get("name"))}: '
            f'{" · ".join(why)}</div></div>')
