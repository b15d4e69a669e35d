"""Tests of the corpus scorer ``geo/evaluate.py`` on tiny hand-made corpora and predictions.

No real corpus (``/work/shared`` exists only on the build machine) and no geoparser needed.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import Point

# Load the scorer by path: it needs no other part of the geo package (gazetteer, pipeline),
# and these tests must run without them.
_PATH = Path(__file__).resolve().parents[1] / "geo" / "evaluate.py"
_SPEC = importlib.util.spec_from_file_location("placeline_geo_evaluate", _PATH)
ev = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = ev
_SPEC.loader.exec_module(ev)

PARIS = (48.8566, 2.3522)
LONDON = (51.5074, -0.1278)

LGL_TEXT = "Storm hits Paris. American aid and Main Street reopened."
#           0         1         2         3         4         5
#           0123456789012345678901234567890123456789012345678901234
LGL_XML = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7001">
    <title>Storm</title>
    <text><![CDATA[{LGL_TEXT}]]></text>
    <toponyms count="3">
      <toponym>
        <start>11</start><end>16</end><phrase>Paris</phrase>
        <gaztag geonameid="2988507">
          <name>Paris</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>48.8566</lat><lon>2.3522</lon>
        </gaztag>
      </toponym>
      <toponym>
        <start>18</start><end>26</end><phrase>American</phrase>
        <gaztag geonameid="6252001">
          <name>United States</name><lat>39.76</lat><lon>-98.5</lon>
        </gaztag>
      </toponym>
      <toponym>
        <start>35</start><end>46</end><phrase>Main Street</phrase>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

GV_TEXT = "Cholera spreads in Luanda, Angola and beyond."
#          0         1         2         3         4
#          012345678901234567890123456789012345678901234
GEOVIRUS_XML = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
    <!--<article><text></text></article>-->
    <article>
        <source>https://en.wikinews.org/wiki/Cholera</source>
        <text>{GV_TEXT}</text>
        <locations>
            <location>
                <name>Luanda</name><start>20</start><end>26</end>
                <lat>-8.84</lat><lon>13.23</lon>
                <page>https://en.wikipedia.org/wiki/Luanda</page>
            </location>
            <location>
                <name>Angola</name><altName>Republic of Angola</altName>
                <start>28</start><end>34</end>
                <lat>-12.5</lat><lon>18.5</lon>
                <page>https://en.wikipedia.org/wiki/Angola</page>
            </location>
        </locations>
    </article>
</articles>
"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def _article(text: str, *gold: ev.Gold, docid: str = "d0") -> ev.Article:
    return ev.Article(docid, text, list(gold))


def _preds(*rows: dict) -> pd.DataFrame:
    """Predictions as plain rows with lat/lon; defaults: doc 0, role place, not duplicate."""
    base = {"doc": 0, "role": "place", "duplicate": False, "surface": "", "name": ""}
    return pd.DataFrame([{**base, **r} for r in rows])


# --------------------------------------------------------------------------- loading


def test_lgl_format_parsed(tmp_path: Path) -> None:
    corpus = ev.read_corpus(_write(tmp_path, "some.xml", LGL_XML))
    assert corpus.fmt == ev.LGL_FORMAT
    assert corpus.name == "some"
    [article] = corpus.articles
    assert article.docid == "7001"
    assert article.text == LGL_TEXT
    paris, american, street = article.gold
    assert (paris.start, paris.end, paris.phrase) == (11, 16, "Paris")
    assert (paris.lat, paris.lon) == pytest.approx(PARIS)
    assert (paris.name, paris.ref, paris.offsets) == ("Paris", "2988507", "exact")
    assert american.name == "United States" and american.has_coords
    assert street.phrase == "Main Street" and not street.has_coords
    assert street.lat is None and street.lon is None
    assert all(article.text[g.start : g.end] == g.phrase for g in article.gold)
    assert ev.load_corpus(tmp_path / "some.xml")[0].gold == article.gold


def test_geovirus_format_parsed_and_off_by_one_snapped(tmp_path: Path) -> None:
    # The format comes from the content, not the file name.
    corpus = ev.read_corpus(_write(tmp_path, "lgl.xml", GEOVIRUS_XML))
    assert corpus.fmt == ev.GEOVIRUS_FORMAT
    [article] = corpus.articles  # the commented-out template is not an article
    assert article.docid == "0"
    assert article.text == GV_TEXT
    luanda, angola = article.gold
    # Offsets in the file are one character too high; snapped back onto the phrase.
    assert (luanda.start, luanda.end, luanda.offsets) == (19, 25, "snapped")
    assert (angola.start, angola.end, angola.offsets) == (27, 33, "snapped")
    assert article.text[19:25] == "Luanda" and article.text[27:33] == "Angola"
    assert angola.name == "Republic of Angola"
    assert angola.ref.endswith("/Angola")
    assert (angola.lat, angola.lon) == (-12.5, 18.5)
    assert ev.snap_counts(corpus.articles) == {"snapped": 2}


def test_unknown_format_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no <article>"):
        ev.read_corpus(_write(tmp_path, "x.xml", "<articles></articles>"))
    bare = "<articles><article><text>Paris</text></article></articles>"
    with pytest.raises(ValueError, match="unknown format"):
        ev.read_corpus(_write(tmp_path, "y.xml", bare))


def test_snap_gold() -> None:
    text = "In Paris, and much much later in Paris again."
    assert ev.snap_gold(text, 3, 8, "Paris") == (3, 8, "exact")
    assert ev.snap_gold(text, 4, 9, "Paris") == (3, 8, "snapped")  # GeoVirus-style +1
    assert ev.snap_gold(text, 13, 18, "Paris") == (3, 8, "snapped")  # 10 too high
    assert ev.snap_gold(text, 3, 5, "Paris") == (3, 8, "snapped")  # wrong end only
    # Beyond the window: kept as annotated.
    assert ev.snap_gold(text, 14, 19, "Paris") == (14, 19, "unmatched")
    assert ev.snap_gold(text, 3, 8, "London") == (3, 8, "unmatched")
    # Nearest occurrence wins; equal distance goes to the earlier one.
    assert ev.snap_gold("Xa Xa", 1, 3, "Xa") == (0, 2, "snapped")
    assert ev.snap_gold("aXa", 1, 3, "a") == (0, 1, "snapped")


# --------------------------------------------------------------------------- metrics


def test_haversine_paris_london() -> None:
    assert ev.haversine_km(*PARIS, *LONDON) == pytest.approx(344, abs=2)
    assert ev.haversine_km(*PARIS, *PARIS) == 0.0
    assert ev.haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * ev.EARTH_RADIUS_KM)


@given(st.floats(-90, 90), st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180))
def test_haversine_symmetric_and_bounded(lat1, lon1, lat2, lon2) -> None:
    d = ev.haversine_km(lat1, lon1, lat2, lon2)
    assert d == pytest.approx(ev.haversine_km(lat2, lon2, lat1, lon1), abs=1e-6)
    assert 0 <= d <= math.pi * ev.EARTH_RADIUS_KM + 1e-6


def test_auc_bounds() -> None:
    assert ev.auc_of_errors([0.0, 0.0, 0.0]) == 0.0
    assert ev.auc_of_errors([20039.0] * 4) == pytest.approx(1.0)
    assert ev.auc_of_errors([20039.0] * 4) <= 1.0
    assert math.isnan(ev.auc_of_errors([]))
    assert ev.auc_of_errors([160.0]) == pytest.approx(math.log(161) / math.log(20039))
    # Order does not matter; bigger errors give a bigger area.
    assert ev.auc_of_errors([500, 5, 50]) == ev.auc_of_errors([5, 50, 500])
    assert ev.auc_of_errors([5, 50, 500]) < ev.auc_of_errors([50, 500, 5000])


@given(st.lists(st.floats(0, 20039), min_size=1, max_size=50))
def test_auc_in_unit_interval(errors) -> None:
    assert 0.0 <= ev.auc_of_errors(errors) <= 1.0


# --------------------------------------------------------------------------- scoring

TEXT = "Paris and London and Berlin and Zzyzx met."
#       0         1         2         3         4
#       012345678901234567890123456789012345678901
GOLD_PARIS = ev.Gold(0, 5, "Paris", *PARIS)
GOLD_LONDON = ev.Gold(10, 16, "London", *LONDON)


def test_precision_recall_f1_half() -> None:
    article = _article(TEXT, GOLD_PARIS, GOLD_LONDON)
    preds = _preds(
        {"start": 0, "end": 5, "lat": PARIS[0], "lon": PARIS[1]},  # TP
        {"start": 21, "end": 27, "lat": 52.52, "lon": 13.40},  # FP: Berlin not annotated
    )  # London: FN
    s = ev.score([article], preds, ev.ROLES["lgl"])
    assert (s.tp, s.fp, s.predictions, s.recalled, s.gold) == (1, 1, 2, 1, 2)
    assert (s.precision, s.recall, s.f1) == (0.5, 0.5, 0.5)
    assert s.acc161 == 1.0 and s.mean_km == pytest.approx(0.0, abs=1e-6)
    assert s.articles == 1 and math.isnan(s.articles_per_s)


def test_accuracy_at_161_km() -> None:
    lat, lon = 48.0, 2.0
    near = (lat + 0.45, lon)  # ~50 km north
    far = (lat + 4.5, lon)  # ~500 km north
    assert ev.haversine_km(lat, lon, *near) == pytest.approx(50, abs=1)
    assert ev.haversine_km(lat, lon, *far) == pytest.approx(500, abs=3)
    article = _article(TEXT, ev.Gold(0, 5, "Paris", lat, lon), ev.Gold(10, 16, "London", lat, lon))
    preds = _preds(
        {"start": 0, "end": 5, "lat": near[0], "lon": near[1]},
        {"start": 10, "end": 16, "lat": far[0], "lon": far[1]},
    )
    s = ev.score([article], preds, ["place"])
    assert s.acc161 == 0.5
    assert s.mean_km == pytest.approx(275, abs=3)
    assert s.median_km == pytest.approx(s.mean_km)
    assert 0 < s.auc < 1


def test_overlap_not_exact_span_and_first_prediction_resolves() -> None:
    article = _article(TEXT, GOLD_LONDON)
    preds = _preds(
        {"start": 13, "end": 16, "lat": 0.0, "lon": 0.0},  # later start: not used for error
        {"start": 8, "end": 12, "lat": LONDON[0], "lon": LONDON[1]},  # "d Lo": overlaps
    )
    gold, table = ev.classify([article], preds, ["place"])
    assert list(table["verdict"]) == ["tp", "tp"]
    assert gold.loc[0, "pred"] == 1
    assert gold.loc[0, "error_km"] == pytest.approx(0.0, abs=1e-6)


def test_role_filtering_by_format() -> None:
    text = "American aid reached the Paris Hotel."
    american = ev.Gold(0, 8, "American", 39.76, -98.5)
    article = _article(text, american)
    preds = _preds(
        {"start": 0, "end": 8, "lat": 39.76, "lon": -98.5, "role": "adjective"},
        {"start": 25, "end": 30, "lat": PARIS[0], "lon": PARIS[1], "role": "in_name"},
    )
    lgl = ev.score([article], preds, ev.ROLES[ev.LGL_FORMAT])
    assert lgl.roles == ("place", "adjective", "in_name")
    # The adjective is counted and right; the in_name "Paris" counts too, and is not gold here.
    assert (lgl.tp, lgl.fp, lgl.recall) == (1, 1, 1.0)
    geovirus = ev.score([article], preds, ev.ROLES[ev.GEOVIRUS_FORMAT])
    assert geovirus.roles == ("place",)
    assert (geovirus.tp, geovirus.fp, geovirus.predictions, geovirus.recall) == (0, 0, 0, 0.0)


def test_duplicates_ignored() -> None:
    article = _article(TEXT, GOLD_PARIS)
    preds = _preds(
        {"start": 0, "end": 5, "lat": PARIS[0], "lon": PARIS[1], "duplicate": True},
        {"start": 21, "end": 27, "lat": 52.52, "lon": 13.40, "duplicate": True},
    )
    s = ev.score([article], preds, ["place", "adjective"])
    assert (s.tp, s.fp, s.predictions, s.recalled) == (0, 0, 0, 0)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    assert math.isnan(s.acc161) and math.isnan(s.mean_km)


def test_gold_without_coordinates_not_scored() -> None:
    street = ev.Gold(32, 37, "Zzyzx", None, None)
    article = _article(TEXT, GOLD_PARIS, street)
    preds = _preds(
        {"start": 0, "end": 5, "lat": PARIS[0], "lon": PARIS[1]},
        {"start": 32, "end": 37, "lat": 35.14, "lon": -116.1},
    )
    s = ev.score([article], preds, ["place"])
    assert (s.gold, s.gold_without_coords, s.tp, s.fp, s.ignored) == (1, 1, 1, 0, 1)
    assert s.precision == 1.0 and s.recall == 1.0


def test_geodataframe_predictions_and_docs() -> None:
    articles = [_article(TEXT, GOLD_PARIS, docid="a"), _article(TEXT, GOLD_LONDON, docid="b")]
    preds = gpd.GeoDataFrame(
        {
            "doc": [0, 1],
            "start": [0, 10],
            "end": [5, 16],
            "surface": ["Paris", "London"],
            "name": ["Paris", "London"],
            "role": ["place", "place"],
            "duplicate": [False, False],
        },
        geometry=[Point(PARIS[1], PARIS[0]), Point(-81.25, 42.98)],  # London, Ontario
        crs="EPSG:4326",
    )
    gold, _ = ev.classify(articles, preds, ["place"])
    assert list(gold["docid"]) == ["a", "b"]
    assert gold.loc[0, "error_km"] == pytest.approx(0.0, abs=1e-6)
    assert gold.loc[1, "error_km"] > 5000
    s = ev.summarise(articles, *ev.classify(articles, preds, ["place"]), ["place"], 2.0)
    assert (s.recall, s.acc161, s.articles_per_s) == (1.0, 0.5, 1.0)
    # Projected input is brought back to lon/lat.
    gold3857, _ = ev.classify(articles, preds.to_crs(3857), ["place"])
    assert gold3857.loc[0, "error_km"] == pytest.approx(0.0, abs=1e-3)


def test_empty_predictions_and_bad_doc() -> None:
    article = _article(TEXT, GOLD_PARIS)
    empty = pd.DataFrame(columns=["doc", "start", "end", "role", "duplicate", "lat", "lon"])
    s = ev.score([article], empty, ["place"])
    assert (s.predictions, s.recall, s.f1) == (0, 0.0, 0.0)
    with pytest.raises(ValueError, match="out of range"):
        ev.score([article], _preds({"doc": 1, "start": 0, "end": 5, "lat": 0, "lon": 0}), [])


# --------------------------------------------------------------------------- reporting


def test_error_rows_and_table() -> None:
    article = _article(TEXT, GOLD_PARIS, GOLD_LONDON, ev.Gold(21, 27, "Berlin", 52.52, 13.40))
    preds = _preds(
        {"start": 0, "end": 5, "lat": 33.66, "lon": -95.56, "name": "Paris, Texas"},  # far
        {"start": 10, "end": 16, "lat": 0, "lon": 0, "role": "in_name"},  # London missed
        {"start": 32, "end": 37, "lat": 35.14, "lon": -116.1, "surface": "Zzyzx"},  # FP
    )  # Berlin missed, nothing near
    gold, table = ev.classify([article], preds, ["place"])
    rows = ev.error_rows("toy", [article], gold, table)
    assert [(r["kind"], r["gold_phrase"] or r["pred_surface"]) for r in rows] == [
        ("far", "Paris"),
        ("missed", "London"),
        ("missed", "Berlin"),
        ("false_positive", "Zzyzx"),
    ]
    far, london, berlin, fp = rows
    assert far["pred_name"] == "Paris, Texas" and float(far["error_km"]) > 7000
    assert "role=in_name" in london["note"] and berlin["note"] == ""
    assert fp["context"].endswith("[[Zzyzx]] met.")
    assert all(set(r) == set(ev.ERROR_COLUMNS) for r in rows)

    s = ev.summarise([article], gold, table, ["place"])
    md = ev.format_table([("toy", s)])
    header, rule, row = md.splitlines()
    assert header.startswith("| corpus | roles counted |") and "AUC" in header
    assert row.startswith("| toy | place | 1 | 3 | 2 | 0.500 | 0.333 | 0.400 | 0.000 |")
    assert row.endswith("| – |")  # not timed


def test_main_with_stub_parser(tmp_path, monkeypatch, capsys) -> None:
    lgl = _write(tmp_path, "lgl.xml", LGL_XML)
    gv = _write(tmp_path, "gv.xml", GEOVIRUS_XML)
    calls = []

    def fake_geoparse_many(texts, published=None):
        calls.append(list(texts))
        rows = []
        for doc, text in enumerate(texts):
            for word, role, lat, lon in [
                ("Paris", "place", *PARIS),
                ("American", "adjective", 39.76, -98.5),
                ("Luanda", "place", -8.84, 13.23),
                ("Angola", "adjective", -12.5, 18.5),
            ]:
                at = text.find(word)
                if at >= 0:
                    rows.append((doc, at, at + len(word), word, role, Point(lon, lat)))
        df = pd.DataFrame(rows, columns=["doc", "start", "end", "surface", "role", "geometry"])
        df["duplicate"] = False
        return gpd.GeoDataFrame(df, geometry="geometry", crs="EPSG:4326")

    monkeypatch.setattr(ev, "_geoparser", lambda: fake_geoparse_many)
    out_csv = tmp_path / "misses.csv"
    assert ev.main([str(lgl), str(gv), "--limit", "5", "--errors", str(out_csv)]) == 0
    assert calls[0] == ["Paris"] and calls[1] == [LGL_TEXT] and calls[2] == [GV_TEXT]
    out = capsys.readouterr().out
    assert "| lgl | place, adjective, in_name | 1 | 2 | 2 | 1.000 | 1.000 | 1.000 |" in out
    # GeoVirus counts places only: the adjective "Angola" is not counted, so Angola is missed.
    assert "| gv | place | 1 | 2 | 1 | 1.000 | 0.500 | 0.667 |" in out
    assert "python -m geo.evaluate" in out and "±10" in out
    assert "snapped 2" in out
    with open(out_csv, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["corpus"], r["kind"], r["gold_phrase"]) for r in rows] == [
        ("gv", "missed", "Angola")
    ]
    assert "role=adjective" in rows[0]["note"]
