"""Score ``geo.geoparse_many`` against annotated geoparsing corpora.

Run ``python -m geo.evaluate /work/shared/corpora/*.xml`` (add ``--limit 50`` for a quick run,
``--errors misses.csv`` for a table of every miss). Prints a markdown table, one row per corpus,
ready to paste into ``BENCHMARKS.md``.

Five XML formats are read, told apart by their content, never their file name:

* LGL format (LGL, TR-News, as EUPEG distributes them): ``<article docid>`` with ``<text>`` and
  ``<toponyms><toponym><start><end><phrase><gaztag geonameid><name>…<lat><lon>``.
* GeoVirus format: ``<article><source><text><locations><location><name><start><end><lat><lon>``.
* GeoWebNews (Gritta et al. 2019, ``GWN.xml``): ``<article><text><toponyms><toponym>`` with
  ``<extractedName><normalisedName><type><start><end><geonamesID><latitude><longitude>``.
* WikToR (Gritta et al. 2018, ``WikToR.xml``): ``<page number>`` with ``<pageTitle>``,
  ``<toponymName>``, ``<lat><lon><url><text>`` and ``<toponymIndices><toponym><start><end>``:
  one place per page, annotated at each of its occurrences.
* EUPEG's upload format (``corpora/EUPEG_datase_format.xml``): ``<entry><text><toponyms>
  <toponym><start><end><phrase><place><placename><footprint>`` with the footprint
  ``"longitude latitude"``.

Scoring, the same for every corpus unless said:

* A gold span whose offsets do not match its phrase is snapped to the nearest exact occurrence
  of the phrase within ``SNAP_WINDOW`` characters (every GeoVirus offset is one too high, and
  some TR-News offsets are off by up to 10); spans still unmatched keep their offsets.
* Only gold toponyms with coordinates are scored. Only predictions whose ``role`` is counted for
  the corpus format (``ROLES``) and that are not ``duplicate`` are scored.
* A prediction is a true positive when its span overlaps a gold toponym with coordinates, a
  false positive when it overlaps no gold toponym at all; one that overlaps only gold toponyms
  without coordinates (streets, "Middle East") is ignored, neither right nor wrong.
* WikToR's annotation is not exhaustive (``NOT_EXHAUSTIVE``): a prediction overlapping no gold
  toponym is ignored there too, and precision and F1 are not scored (NaN).
* Recall counts gold toponyms overlapped by at least one prediction. The first overlapping
  prediction (lowest start) resolves the toponym; its great-circle distance to the gold
  coordinates gives accuracy@161 km, mean and median error, and the AUC of the error curve.
"""

from __future__ import annotations

import argparse
import csv
import math
import shlex
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), used by :func:`haversine_km`."""
MAX_ERROR_KM = 20039.0
"""Half the Earth's circumference as used by Gritta et al. (2018): the worst possible error."""
ACCURACY_KM = 161.0
"""Threshold of accuracy@k: 161 km, i.e. 100 miles."""
SNAP_WINDOW = 10
"""How far (characters) :func:`snap_gold` looks for the phrase around a mismatched gold span."""

LGL_FORMAT = "lgl"
GEOVIRUS_FORMAT = "geovirus"
GEOWEBNEWS_FORMAT = "geowebnews"
WIKTOR_FORMAT = "wiktor"
EUPEG_FORMAT = "eupeg"
ROLES: dict[str, tuple[str, ...]] = {
    # LGL and TR-News (LGL's scheme) tag every toponym: adjectival and demonym uses
    # ("American") and toponyms inside names ("Laurel County Detention Center") too. Counting
    # in_name there raises recall by 0.06 (LGL) and 0.06 (TR-News) at a precision cost under
    # 0.01, which is what a scheme that annotates them predicts.
    LGL_FORMAT: ("place", "adjective", "in_name"),
    # GeoVirus annotates only the places themselves: counting in_name costs 0.04 precision.
    GEOVIRUS_FORMAT: ("place",),
    # GeoWebNews annotates adjectival uses ("Irish", Non_Literal_Modifier) and names inside
    # names ("Louisiana" in "Louisiana Purchase", Embedded_Literal), as LGL does.
    GEOWEBNEWS_FORMAT: ("place", "adjective", "in_name"),
    # A WikToR page annotates the place it is about, where the text names the place itself.
    WIKTOR_FORMAT: ("place",),
    # EUPEG's upload format has no scheme of its own; it follows LGL's fields, so LGL's roles.
    EUPEG_FORMAT: ("place", "adjective", "in_name"),
}
"""Prediction roles counted, per corpus format (the keys are every format read)."""
NOT_EXHAUSTIVE: dict[str, str] = {
    WIKTOR_FORMAT: "WikToR annotates one place per page (at each of its occurrences), "
    "not every toponym in the text",
}
"""Formats whose gold does not mark every toponym, with why: there a prediction overlapping no
gold toponym is ignored, not a false positive, and precision and F1 are not scored."""

ERROR_COLUMNS = [
    "corpus", "kind", "doc", "docid", "start", "end",
    "gold_phrase", "gold_name", "gold_ref", "gold_lat", "gold_lon",
    "pred_surface", "pred_name", "pred_place_id", "pred_feature", "pred_role",
    "pred_confidence", "pred_lat", "pred_lon", "error_km", "note", "context",
]  # fmt: skip
"""Columns of the ``--errors`` CSV; ``kind`` is ``missed``, ``far`` or ``false_positive``."""


@dataclass(frozen=True)
class Gold:
    """One annotated toponym.

    Attributes
    ----------
    start, end : int
        Character span in the article text, after :func:`snap_gold`.
    phrase : str
        The annotated surface text.
    lat, lon : float or None
        Gold coordinates (WGS84); ``None`` when the annotation has none, or none in range
        (not scored).
    name : str
        Gazetteer name (LGL ``gaztag/name``, GeoVirus ``altName``, GeoWebNews
        ``normalisedName``, WikToR ``pageTitle``, EUPEG ``placename``), if any.
    ref : str
        GeoNames id (LGL format, GeoWebNews) or Wikipedia page (GeoVirus, WikToR), if any.
    offsets : str
        ``"exact"`` (offsets matched the phrase), ``"snapped"`` (moved by :func:`snap_gold`)
        or ``"unmatched"`` (phrase not found nearby; offsets kept as annotated).
    """

    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    name: str = ""
    ref: str = ""
    offsets: str = "exact"

    @property
    def has_coords(self) -> bool:
        """Whether the toponym has coordinates, i.e. is scored."""
        return self.lat is not None and self.lon is not None


@dataclass
class Article:
    """One annotated article: its id, its text and its gold toponyms.

    GeoVirus, GeoWebNews and EUPEG articles have no id; their ``docid`` is their 0-based
    position in the file. A WikToR page's is its ``number``.
    """

    docid: str
    text: str
    gold: list[Gold] = field(default_factory=list)


@dataclass
class Corpus:
    """A corpus file: display name, format and articles.

    ``fmt`` is a key of ``ROLES``: ``"lgl"``, ``"geovirus"``, ``"geowebnews"``, ``"wiktor"`` or
    ``"eupeg"``.
    """

    name: str
    fmt: str
    articles: list[Article]

    @property
    def roles(self) -> tuple[str, ...]:
        """Prediction roles counted for the format."""
        return ROLES[self.fmt]

    @property
    def exhaustive(self) -> bool:
        """Whether the gold marks every toponym, so that false positives can be told."""
        return self.fmt not in NOT_EXHAUSTIVE


@dataclass(frozen=True)
class Scores:
    """Recognition and resolution scores of one corpus.

    Attributes
    ----------
    articles : int
        Articles scored.
    gold : int
        Gold toponyms with coordinates (the ones scored).
    gold_without_coords : int
        Gold toponyms without coordinates (not scored).
    predictions : int
        Predictions counted: right role, not duplicate, not ignored (``tp + fp``).
    tp, fp : int
        Counted predictions overlapping / not overlapping a gold toponym.
    ignored : int
        Predictions of a counted role overlapping only gold toponyms without coordinates, or,
        when the gold is not exhaustive, no gold toponym.
    recalled : int
        Gold toponyms overlapped by at least one counted prediction.
    precision, recall, f1 : float
        Recognition scores (0 when undefined; precision and F1 NaN when not ``exhaustive``).
    acc161 : float
        Share of recalled gold toponyms resolved within 161 km (NaN if none recalled).
    mean_km, median_km : float
        Error over recalled gold toponyms (NaN if none recalled).
    auc : float
        Area under the log error curve (:func:`auc_of_errors`), 0 best, 1 worst.
    roles : tuple of str
        Prediction roles counted.
    seconds : float
        Time taken by ``geoparse_many`` over the articles (NaN if not timed).
    exhaustive : bool
        Whether the gold marks every toponym (see ``NOT_EXHAUSTIVE``).
    """

    articles: int
    gold: int
    gold_without_coords: int
    predictions: int
    tp: int
    fp: int
    ignored: int
    recalled: int
    precision: float
    recall: float
    f1: float
    acc161: float
    mean_km: float
    median_km: float
    auc: float
    roles: tuple[str, ...]
    seconds: float = math.nan
    exhaustive: bool = True

    @property
    def articles_per_s(self) -> float:
        """Articles parsed per second (NaN if not timed)."""
        if not self.seconds > 0:
            return math.nan
        return self.articles / self.seconds


# --------------------------------------------------------------------------- loading


def _float(value: str | None) -> float | None:
    """A coordinate read from XML, or ``None`` when missing, empty or not a finite number."""
    if value is None or not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _int(element: ET.Element, tag: str, where: str) -> int:
    value = element.findtext(tag)
    try:
        return int(value.strip())  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        raise ValueError(f"{where}: <{tag}> is {value!r}, not an integer offset") from None


def _coords(lat: str | None, lon: str | None) -> tuple[float | None, float | None]:
    """Latitude and longitude read from XML; ``(None, None)`` unless both are in range."""
    y, x = _float(lat), _float(lon)
    if y is None or x is None or abs(y) > 90 or abs(x) > 180:
        return None, None
    return y, x


def _footprint(value: str | None) -> tuple[float | None, float | None]:
    """Latitude and longitude of an EUPEG ``<footprint>``, written ``"longitude latitude"``."""
    parts = (value or "").split()
    return _coords(parts[1], parts[0]) if len(parts) == 2 else (None, None)


def detect_format(root: ET.Element) -> str:
    """Tell the format of a parsed corpus from its elements.

    Parameters
    ----------
    root : xml.etree.ElementTree.Element
        The document element (``<articles>``, ``<WikToR>``, ``<entries>``).

    Returns
    -------
    str
        For ``<article>`` elements, by the first article holding a ``<toponym>`` or a
        ``<location>``: ``GEOWEBNEWS_FORMAT`` when its first toponym has ``<extractedName>``
        and no ``<phrase>``, otherwise ``LGL_FORMAT``; ``GEOVIRUS_FORMAT`` for a location
        (articles with only empty ``<toponyms>``/``<locations>``: LGL/GeoVirus).
        ``WIKTOR_FORMAT`` for ``<page>`` elements with ``<toponymName>`` or
        ``<toponymIndices>``, ``EUPEG_FORMAT`` for ``<entry>`` elements with ``<toponyms>``.

    Raises
    ------
    ValueError
        When there are no such elements, or articles with neither kind of annotation.
    """
    articles = list(root.iter("article"))
    for article in articles:
        toponym = article.find(".//toponym")
        if toponym is not None:
            # Every LGL toponym has a <phrase>: LGL files stay LGL whatever else they hold.
            gwn = toponym.find("extractedName") is not None and toponym.find("phrase") is None
            return GEOWEBNEWS_FORMAT if gwn else LGL_FORMAT
        if article.find(".//location") is not None:
            return GEOVIRUS_FORMAT
    for article in articles:  # no annotated toponym at all: empty containers still tell
        if article.find("toponyms") is not None:
            return LGL_FORMAT
        if article.find("locations") is not None:
            return GEOVIRUS_FORMAT
    if articles:
        raise ValueError("articles hold neither <toponyms> nor <locations>: unknown format")
    # <page> is also a GeoVirus <location>'s child, hence articles first and WikToR's fields.
    wiktor = ("toponymName", "toponymIndices")
    if any(page.find(tag) is not None for page in root.iter("page") for tag in wiktor):
        return WIKTOR_FORMAT
    if any(e.find("toponyms") is not None for e in root.iter("entry")):
        return EUPEG_FORMAT
    raise ValueError(
        "no <article> elements (LGL, GeoVirus or GeoWebNews format), no <page> with "
        "<toponymName> (WikToR) and no <entry> with <toponyms> (EUPEG upload format): "
        "not a corpus in a known format"
    )


def snap_gold(
    text: str, start: int, end: int, phrase: str, window: int = SNAP_WINDOW
) -> tuple[int, int, str]:
    """Align a gold span with its phrase.

    Parameters
    ----------
    text : str
        Article text.
    start, end : int
        Annotated character offsets.
    phrase : str
        Annotated surface text.
    window : int, optional
        How many characters before or after ``start`` to look for the phrase.

    Returns
    -------
    tuple of (int, int, str)
        ``(start, end, status)``. Status ``"exact"`` when ``text[start:end] == phrase``;
        ``"snapped"`` when the phrase was found at the nearest start within ``window`` (ties go
        to the earlier start), with ``end = start + len(phrase)``; ``"unmatched"`` otherwise,
        with the offsets unchanged.
    """
    if text[start:end] == phrase:
        return start, end, "exact"
    if phrase:
        for shift in sorted(range(-window, window + 1), key=lambda d: (abs(d), d)):
            new = start + shift
            if new >= 0 and text.startswith(phrase, new):
                return new, new + len(phrase), "snapped"
    return start, end, "unmatched"


def _gold(
    text: str, start: int, end: int, phrase: str,
    lat: float | None, lon: float | None, name: str = "", ref: str = "",
) -> Gold:  # fmt: skip
    """A gold toponym, its span snapped onto its phrase (:func:`snap_gold`)."""
    if end < start:
        # An end before the start (EUPEG's own example file has "Middel East" at 488..345):
        # trust the start and the phrase rather than crash, and let snapping check them.
        end = start + len(phrase)
    start, end, status = snap_gold(text, start, end, phrase)
    return Gold(start, end, phrase, lat, lon, name, ref, status)


def _span(element: ET.Element, where: str) -> tuple[int, int]:
    return _int(element, "start", where), _int(element, "end", where)


def _lgl_gold(article: ET.Element, text: str, where: str) -> list[Gold]:
    gold = []
    for toponym in article.iter("toponym"):
        start, end = _span(toponym, where)
        phrase = toponym.findtext("phrase") or ""
        tag = toponym.find("gaztag")
        lat = lon = None
        name = ref = ""
        if tag is not None:
            lat, lon = _coords(tag.findtext("lat"), tag.findtext("lon"))
            name, ref = (tag.findtext("name") or "").strip(), tag.get("geonameid", "")
        gold.append(_gold(text, start, end, phrase, lat, lon, name, ref))
    return gold


def _geovirus_gold(article: ET.Element, text: str, where: str) -> list[Gold]:
    gold = []
    for location in article.iter("location"):
        start, end = _span(location, where)
        phrase = location.findtext("name") or ""
        lat, lon = _coords(location.findtext("lat"), location.findtext("lon"))
        name = (location.findtext("altName") or "").strip()
        ref = (location.findtext("page") or "").strip()
        gold.append(_gold(text, start, end, phrase, lat, lon, name, ref))
    return gold


def _geowebnews_gold(article: ET.Element, text: str, where: str) -> list[Gold]:
    gold = []
    for toponym in article.iter("toponym"):
        phrase = toponym.findtext("extractedName") or ""
        # Expressions ("lot", "street") have no coordinates: gold, but not scored.
        lat, lon = _coords(toponym.findtext("latitude"), toponym.findtext("longitude"))
        name = (toponym.findtext("normalisedName") or "").strip()
        ref = (toponym.findtext("geonamesID") or "").strip()
        gold.append(_gold(text, *_span(toponym, where), phrase, lat, lon, name, ref))
    return gold


def _wiktor_gold(page: ET.Element, text: str, where: str) -> list[Gold]:
    # One place per page: each occurrence has the page's name, coordinates, title and URL.
    phrase = page.findtext("toponymName") or ""
    lat, lon = _coords(page.findtext("lat"), page.findtext("lon"))
    name, ref = (page.findtext("pageTitle") or "").strip(), (page.findtext("url") or "").strip()
    return [
        _gold(text, *_span(t, where), phrase, lat, lon, name, ref) for t in page.iter("toponym")
    ]


def _eupeg_gold(entry: ET.Element, text: str, where: str) -> list[Gold]:
    gold = []
    for toponym in entry.iter("toponym"):
        phrase = toponym.findtext("phrase") or ""
        lat, lon = _footprint(toponym.findtext("place/footprint"))
        name = (toponym.findtext("place/placename") or "").strip()
        gold.append(_gold(text, *_span(toponym, where), phrase, lat, lon, name))
    return gold


_READERS: dict[str, tuple[str, str | None, Callable[[ET.Element, str, str], list[Gold]]]] = {
    LGL_FORMAT: ("article", "docid", _lgl_gold),
    GEOVIRUS_FORMAT: ("article", None, _geovirus_gold),
    GEOWEBNEWS_FORMAT: ("article", None, _geowebnews_gold),
    WIKTOR_FORMAT: ("page", "number", _wiktor_gold),
    EUPEG_FORMAT: ("entry", None, _eupeg_gold),
}
"""Per format: the element of one article, its id attribute (None: its position), its reader."""


def read_corpus(path: str | Path) -> Corpus:
    """Read a corpus file, detecting its format and snapping gold spans.

    Parameters
    ----------
    path : str or pathlib.Path
        XML file in one of the formats of the module docstring.

    Returns
    -------
    Corpus
        Named after the file stem; articles in file order, gold toponyms in annotation order.

    Raises
    ------
    ValueError
        Naming the file, when it is not well-formed XML, in no known format, or has an offset
        that is not an integer.
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path.name}: not well-formed XML ({exc})") from None
    try:
        fmt = detect_format(root)
    except ValueError as exc:
        raise ValueError(f"{path.name}: {exc}") from None
    item, id_attr, read = _READERS[fmt]
    articles = []
    for i, element in enumerate(root.iter(item)):
        docid = (element.get(id_attr) if id_attr else None) or str(i)
        # The text is kept exactly as stored: offsets count from its first character.
        text = element.findtext("text") or ""
        articles.append(Article(docid, text, read(element, text, f"{path.name} {item} {docid}")))
    return Corpus(path.stem, fmt, articles)


def load_corpus(path: str | Path) -> list[Article]:
    """Articles of a corpus file, gold spans snapped (see :func:`read_corpus`)."""
    return read_corpus(path).articles


def snap_counts(articles: Iterable[Article]) -> Counter[str]:
    """How many gold spans were ``exact``, ``snapped`` or ``unmatched``."""
    return Counter(g.offsets for a in articles for g in a.gold)


# --------------------------------------------------------------------------- metrics


def haversine_km(
    lat1: float | np.ndarray, lon1: float | np.ndarray,
    lat2: float | np.ndarray, lon2: float | np.ndarray,
) -> float | np.ndarray:  # fmt: skip
    """Great-circle distance on a sphere of radius ``EARTH_RADIUS_KM``.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float or numpy.ndarray
        Coordinates in degrees; arrays broadcast.

    Returns
    -------
    float or numpy.ndarray
        Distance in km (a float for scalar input).
    """
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    dphi = phi2 - phi1
    dlam = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlam / 2) ** 2
    d = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return float(d) if np.ndim(d) == 0 else d


def auc_of_errors(errors_km: Iterable[float]) -> float:
    """Area under the curve of scaled log errors (Gritta et al. 2018), lower is better.

    The errors are sorted and scaled to ``log(1 + km) / log(20039)``, and the area under that
    curve is taken by the trapezoidal rule over unit steps and divided by ``n - 1``: 0 when every
    error is 0 km, 1 when every error is 20039 km (values are clipped to 0..1).

    Parameters
    ----------
    errors_km : iterable of float
        Errors in km.

    Returns
    -------
    float
        AUC in 0..1; NaN for no errors; the scaled error itself for a single one.
    """
    errors = np.sort(np.asarray(list(errors_km), dtype=float))
    if errors.size == 0:
        return math.nan
    scaled = np.clip(np.log1p(np.clip(errors, 0.0, None)) / np.log(MAX_ERROR_KM), 0.0, 1.0)
    if scaled.size == 1:
        return float(scaled[0])
    area = scaled.sum() - (scaled[0] + scaled[-1]) / 2
    return float(min(1.0, area / (scaled.size - 1)))


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


# --------------------------------------------------------------------------- matching


def prediction_table(predictions: pd.DataFrame) -> pd.DataFrame:
    """Normalise ``geoparse_many`` output to plain columns with ``lat``/``lon``.

    Parameters
    ----------
    predictions : pandas.DataFrame or geopandas.GeoDataFrame
        Needs ``doc``, ``start`` and ``end``; coordinates from ``geometry`` (reprojected to
        EPSG:4326 if needed; non-points use their centroid) or from ``lat``/``lon`` columns.
        Missing ``role`` means ``"place"``, missing ``duplicate`` means ``False``.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc, start, end, role, duplicate, lat, lon, surface, name, place_id,
        feature, confidence`` with a fresh 0..n-1 index, in the input order.
    """
    df = predictions
    crs = getattr(df, "crs", None)
    if crs is not None and "geometry" in df.columns and crs.to_epsg() != 4326:
        df = df.to_crs(4326)
    missing = {"doc", "start", "end"} - set(df.columns)
    if missing:
        raise ValueError(f"predictions lack column(s) {sorted(missing)}")
    n = len(df)
    if "geometry" in df.columns:
        lat, lon = np.full(n, np.nan), np.full(n, np.nan)
        for i, geom in enumerate(df["geometry"]):
            if geom is None or getattr(geom, "is_empty", True):
                continue
            point = geom if geom.geom_type == "Point" else geom.centroid
            lon[i], lat[i] = point.x, point.y
    elif {"lat", "lon"} <= set(df.columns):
        lat, lon = df["lat"].to_numpy(float), df["lon"].to_numpy(float)
    else:
        lat, lon = np.full(n, np.nan), np.full(n, np.nan)

    def column(name: str, default: Any) -> list[Any]:
        return df[name].tolist() if name in df.columns else [default] * n

    return pd.DataFrame(
        {
            "doc": df["doc"].to_numpy(int),
            "start": df["start"].to_numpy(int),
            "end": df["end"].to_numpy(int),
            "role": [str(r) for r in column("role", "place")],
            "duplicate": [not _missing(d) and bool(d) for d in column("duplicate", False)],
            "lat": lat,
            "lon": lon,
            "surface": column("surface", ""),
            "name": column("name", ""),
            "place_id": column("place_id", ""),
            "feature": column("feature", ""),
            "confidence": column("confidence", math.nan),
        }
    )


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    return s1 < e2 and s2 < e1


def classify(
    articles: Sequence[Article], predictions: pd.DataFrame, roles: Iterable[str],
    exhaustive: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:  # fmt: skip
    """Match predictions with gold toponyms.

    Parameters
    ----------
    articles : sequence of Article
        Position ``i`` is document ``doc == i`` of the predictions.
    predictions : pandas.DataFrame
        Output of ``geoparse_many`` (anything :func:`prediction_table` accepts).
    roles : iterable of str
        Prediction roles that count; ``duplicate`` rows never count.
    exhaustive : bool, optional
        Whether the gold marks every toponym; when not (``NOT_EXHAUSTIVE``), a prediction
        overlapping no gold toponym is ``"ignored"`` rather than ``"fp"``.

    Returns
    -------
    gold : pandas.DataFrame
        One row per gold toponym with coordinates: ``doc, docid, start, end, phrase, name, ref,
        lat, lon, offsets``, ``pred`` (row of ``preds`` resolving it, -1 if missed) and
        ``error_km`` (NaN if missed; ``MAX_ERROR_KM`` if the prediction has no coordinates).
    preds : pandas.DataFrame
        All predictions (:func:`prediction_table`) with ``counted`` (role counted and not a
        duplicate) and ``verdict``: ``"tp"``, ``"fp"``, ``"ignored"`` (overlaps only gold
        without coordinates, or no gold when not ``exhaustive``) or ``""`` (not counted).

    Raises
    ------
    ValueError
        When a prediction's ``doc`` is not a position in ``articles``.
    """
    preds = prediction_table(predictions)
    bad = preds.loc[(preds["doc"] < 0) | (preds["doc"] >= len(articles)), "doc"]
    if len(bad):
        raise ValueError(f"prediction doc {int(bad.iloc[0])} out of range 0..{len(articles) - 1}")
    roles = set(roles)
    preds["counted"] = preds["role"].isin(roles) & ~preds["duplicate"]
    preds["verdict"] = ""
    order = preds[preds["counted"]].sort_values(["doc", "start", "end"], kind="stable")
    by_doc = {doc: group for doc, group in order.groupby("doc", sort=False)}

    gold_rows = []
    verdict = {}
    for doc, article in enumerate(articles):
        group = by_doc.get(doc)
        spans = (
            []
            if group is None
            else list(zip(group.index, group["start"], group["end"], strict=True))
        )
        for row, ps, pe in spans:
            hits = [g for g in article.gold if _overlaps(ps, pe, g.start, g.end)]
            if any(g.has_coords for g in hits):
                verdict[row] = "tp"
            else:
                verdict[row] = "ignored" if hits or not exhaustive else "fp"
        for g in article.gold:
            if not g.has_coords:
                continue
            first = next((row for row, ps, pe in spans if _overlaps(ps, pe, g.start, g.end)), -1)
            error = math.nan
            if first >= 0:
                plat, plon = preds.at[first, "lat"], preds.at[first, "lon"]
                if np.isnan(plat) or np.isnan(plon):
                    error = MAX_ERROR_KM
                else:
                    error = haversine_km(g.lat, g.lon, plat, plon)
            gold_rows.append(
                {
                    "doc": doc, "docid": article.docid, "start": g.start, "end": g.end,
                    "phrase": g.phrase, "name": g.name, "ref": g.ref, "lat": g.lat,
                    "lon": g.lon, "offsets": g.offsets, "pred": first, "error_km": error,
                }
            )  # fmt: skip
    if verdict:
        preds.loc[list(verdict), "verdict"] = list(verdict.values())
    gold = pd.DataFrame(
        gold_rows,
        columns=["doc", "docid", "start", "end", "phrase", "name", "ref", "lat", "lon",
                 "offsets", "pred", "error_km"],
    )  # fmt: skip
    return gold, preds


def summarise(
    articles: Sequence[Article], gold: pd.DataFrame, preds: pd.DataFrame,
    roles: Iterable[str], seconds: float = math.nan, exhaustive: bool = True,
) -> Scores:  # fmt: skip
    """Aggregate the tables of :func:`classify` into :class:`Scores`.

    When the gold is not ``exhaustive`` (the tables must come from :func:`classify` told so),
    precision and F1 are NaN: unannotated places would make every precision look bad.
    """
    tp = int((preds["verdict"] == "tp").sum())
    fp = int((preds["verdict"] == "fp").sum())
    ignored = int((preds["verdict"] == "ignored").sum())
    errors = gold.loc[gold["pred"] >= 0, "error_km"].to_numpy(float)
    recalled = int(errors.size)
    precision, recall = _ratio(tp, tp + fp), _ratio(recalled, len(gold))
    f1 = _ratio(2 * precision * recall, precision + recall)
    if not exhaustive:
        precision = f1 = math.nan
    found = errors.size > 0
    return Scores(
        articles=len(articles),
        gold=len(gold),
        gold_without_coords=sum(not g.has_coords for a in articles for g in a.gold),
        predictions=tp + fp,
        tp=tp,
        fp=fp,
        ignored=ignored,
        recalled=recalled,
        precision=precision,
        recall=recall,
        f1=f1,
        acc161=float(np.mean(errors <= ACCURACY_KM)) if found else math.nan,
        mean_km=float(np.mean(errors)) if found else math.nan,
        median_km=float(np.median(errors)) if found else math.nan,
        auc=auc_of_errors(errors),
        roles=tuple(dict.fromkeys(roles)),
        seconds=seconds,
        exhaustive=exhaustive,
    )  # fmt: skip


def score(
    articles: Sequence[Article], predictions: pd.DataFrame, roles: Iterable[str],
    exhaustive: bool = True,
) -> Scores:  # fmt: skip
    """Score predictions against the gold toponyms of some articles.

    Parameters
    ----------
    articles : sequence of Article
        The articles parsed; position ``i`` is ``doc == i`` in ``predictions``.
    predictions : pandas.DataFrame
        Output of ``geo.geoparse_many`` (or any table with ``doc, start, end`` and ``geometry``
        or ``lat``/``lon``; ``role`` and ``duplicate`` optional).
    roles : iterable of str
        Roles counted, e.g. ``ROLES["lgl"]``.
    exhaustive : bool, optional
        Whether the gold marks every toponym (``Corpus.exhaustive``); see :func:`classify`.

    Returns
    -------
    Scores
        With ``seconds`` NaN (set it with ``dataclasses.replace``).
    """
    roles = tuple(roles)
    gold, preds = classify(articles, predictions, roles, exhaustive)
    return summarise(articles, gold, preds, roles, exhaustive=exhaustive)


# --------------------------------------------------------------------------- reporting


def _fmt(value: float, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}"


def format_table(rows: Sequence[tuple[str, Scores]]) -> str:
    """Markdown table of scores, one row per ``(corpus name, Scores)``."""
    header = [
        "corpus", "roles counted", "articles", "gold", "predictions", "P", "R", "F1",
        "acc@161", "mean km", "median km", "AUC", "articles/s",
    ]  # fmt: skip
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, s in rows:
        cells = [
            name, ", ".join(s.roles), str(s.articles), str(s.gold), str(s.predictions),
            _fmt(s.precision), _fmt(s.recall), _fmt(s.f1), _fmt(s.acc161),
            _fmt(s.mean_km, 0), _fmt(s.median_km, 0), _fmt(s.auc), _fmt(s.articles_per_s, 1),
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def _num(value: Any, digits: int = 4) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(number) else f"{number:.{digits}f}"


def error_rows(
    corpus: str, articles: Sequence[Article], gold: pd.DataFrame, preds: pd.DataFrame
) -> list[dict[str, str]]:
    """Rows of the ``--errors`` CSV for one corpus (columns ``ERROR_COLUMNS``).

    Kinds: ``missed`` (gold toponym no counted prediction overlaps; ``note`` says when an
    uncounted prediction, e.g. ``in_name`` or a duplicate, did), ``far`` (resolved more than
    161 km away) and ``false_positive`` (counted prediction overlapping no gold toponym).
    ``context`` shows the text around the span, the span in ``[[ ]]``.
    """
    rows: list[dict[str, str]] = []

    def pred_fields(row: int) -> dict[str, str]:
        p = preds.loc[row]
        return {
            "pred_surface": str(p["surface"]), "pred_name": str(p["name"]),
            "pred_place_id": str(p["place_id"]), "pred_feature": str(p["feature"]),
            "pred_role": str(p["role"]), "pred_confidence": _num(p["confidence"], 3),
            "pred_lat": _num(p["lat"]), "pred_lon": _num(p["lon"]),
        }  # fmt: skip

    for g in gold.itertuples(index=False):
        if g.pred >= 0 and g.error_km <= ACCURACY_KM:
            continue
        text = articles[g.doc].text
        row = {
            "corpus": corpus, "doc": str(g.doc), "docid": g.docid, "start": str(g.start),
            "end": str(g.end), "gold_phrase": g.phrase, "gold_name": g.name, "gold_ref": g.ref,
            "gold_lat": _num(g.lat), "gold_lon": _num(g.lon),
            "context": _context(text, g.start, g.end),
        }  # fmt: skip
        if g.pred < 0:
            row["kind"] = "missed"
            near = preds[
                (preds["doc"] == g.doc) & (preds["start"] < g.end) & (g.start < preds["end"])
            ]
            if len(near):
                first = near.sort_values("start", kind="stable").index[0]
                row.update(pred_fields(first))
                p = preds.loc[first]
                why = "duplicate" if p["duplicate"] else f"role={p['role']}"
                row["note"] = f"overlapped only by an uncounted prediction ({why})"
        else:
            row["kind"] = "far"
            row.update(pred_fields(g.pred))
            row["error_km"] = _num(g.error_km, 1)
        rows.append(row)
    for idx in preds.index[preds["verdict"] == "fp"]:
        p = preds.loc[idx]
        text = articles[p["doc"]].text
        row = {
            "corpus": corpus, "kind": "false_positive", "doc": str(p["doc"]),
            "docid": articles[p["doc"]].docid, "start": str(p["start"]), "end": str(p["end"]),
            "context": _context(text, p["start"], p["end"]),
        }  # fmt: skip
        row.update(pred_fields(idx))
        rows.append(row)
    rows.sort(key=lambda r: (int(r["doc"]), int(r["start"]), r["kind"]))
    return [{c: r.get(c, "") for c in ERROR_COLUMNS} for r in rows]


def write_errors(path: str | Path, rows: Iterable[dict[str, str]]) -> None:
    """Write error rows (:func:`error_rows`) as a UTF-8 CSV with a header."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=ERROR_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def _top(rows: Sequence[dict[str, str]], kind: str, key: Callable[[dict[str, str]], str]) -> str:
    counts = Counter(key(r) for r in rows if r["kind"] == kind)
    return "; ".join(f"{k} ×{n}" for k, n in counts.most_common(10)) or "none"


# --------------------------------------------------------------------------- command line


def _geoparser() -> Callable[..., pd.DataFrame]:
    try:
        import geo
    except ImportError as exc:  # pragma: no cover - depends on the checkout
        raise SystemExit(f"cannot import geo: {exc}") from exc
    fn = getattr(geo, "geoparse_many", None)
    if fn is None:
        raise SystemExit("geo.geoparse_many is not available in this checkout")
    return fn


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score ``geo.geoparse_many`` on corpus files and print a markdown table."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog="python -m geo.evaluate",
        description="Score geo.geoparse_many on annotated corpora: LGL format (LGL, TR-News), "
        "GeoVirus, GeoWebNews, WikToR and EUPEG's upload format, told apart by content.",
    )
    parser.add_argument("paths", nargs="+", type=Path, help="corpus XML files")
    parser.add_argument("--limit", type=int, help="score only the first N articles of each")
    parser.add_argument("--errors", type=Path, help="write misses and false positives to CSV")
    args = parser.parse_args(argv)

    geoparse_many = _geoparser()
    t0 = time.perf_counter()
    geoparse_many(["Paris"])  # load the gazetteer outside the timed runs
    startup = time.perf_counter() - t0

    results: list[tuple[str, Scores]] = []
    notes: list[str] = []
    errors: list[dict[str, str]] = []
    for path in args.paths:
        corpus = read_corpus(path)
        articles = corpus.articles[: args.limit] if args.limit else corpus.articles
        print(f"{corpus.name}: parsing {len(articles)} articles…", file=sys.stderr, flush=True)
        texts = [a.text for a in articles]
        t0 = time.perf_counter()
        predictions = geoparse_many(texts)
        seconds = time.perf_counter() - t0
        roles, exhaustive = corpus.roles, corpus.exhaustive
        gold, preds = classify(articles, predictions, roles, exhaustive)
        scores = summarise(articles, gold, preds, roles, seconds, exhaustive)
        results.append((corpus.name, scores))
        snaps = snap_counts(articles)
        notes.append(
            f"- {corpus.name} ({corpus.fmt} format): roles counted {', '.join(roles)}; "
            f"gold spans exact {snaps['exact']}, snapped {snaps['snapped']}, "
            f"unmatched {snaps['unmatched']}; {scores.gold_without_coords} gold toponyms "
            f"without coordinates not scored, {scores.ignored} predictions overlapping only "
            f"those{'' if exhaustive else ' or no gold toponym'} ignored; TP {scores.tp}, "
            f"FP {scores.fp}, recalled {scores.recalled}/{scores.gold}."
        )
        if not exhaustive:
            notes.append(
                f"  - precision and F1 not scored (–): {NOT_EXHAUSTIVE[corpus.fmt]}, so a "
                "place found elsewhere is not an error; recall and resolution are scored."
            )
        if args.errors:
            rows = error_rows(corpus.name, articles, gold, preds)
            errors.extend(rows)
            notes.append(
                f"  - most missed: {_top(rows, 'missed', lambda r: r['gold_phrase'])}\n"
                f"  - most frequent false positives: "
                f"{_top(rows, 'false_positive', lambda r: r['pred_surface'])}\n"
                f"  - most frequent far (> 161 km): "
                f"{_top(rows, 'far', lambda r: r['gold_phrase'] + ' → ' + r['pred_name'])}"
            )

    print(format_table(results))
    print()
    print(f"Command: `python -m geo.evaluate {shlex.join(argv)}`")
    print(
        f"Gold spans whose offsets do not match their phrase are snapped to the nearest exact "
        f"occurrence within ±{SNAP_WINDOW} characters (every corpus); recognition by span "
        f"overlap; duplicate rows never counted; first call (gazetteer load) {startup:.2f} s, "
        f"not included in articles/s."
    )
    print("\n".join(notes))
    if args.errors:
        write_errors(args.errors, errors)
        print(f"Wrote {len(errors)} misses and false positives to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
