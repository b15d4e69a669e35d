"""Tests of the corpus scorer ``geo/evaluate.py`` on tiny hand-made corpora and predictions.

No real corpus (``/work/shared`` exists only on the build machine) and no geoparser needed.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import re
import sys
import xml.etree.ElementTree as ET
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

GWN_TEXT = "Irish fans met on Frenchmen Street in New Orleans, near the Louisiana Purchase lot."
#           0         1         2         3         4         5         6         7         8
#           012345678901234567890123456789012345678901234567890123456789012345678901234567890123
GWN_XML = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article>
    <text>{GWN_TEXT}</text>
    <toponyms>
      <toponym>
        <extractedName>Irish</extractedName><normalisedName>Ireland</normalisedName>
        <type>Non_Literal_Modifier</type><modifierType>Adjective</modifierType>
        <nonLocational>No</nonLocational><start>0</start><end>5</end>
        <geonamesID>2963597</geonamesID><latitude>53.0</latitude><longitude>-8.0</longitude>
      </toponym>
      <toponym>
        <extractedName>Frenchmen Street</extractedName><normalisedName/><type>Literal</type>
        <modifierType/><nonLocational>No</nonLocational><start>19</start><end>35</end>
        <geonamesID/><latitude>29.985984</latitude><longitude>-90.059179</longitude>
      </toponym>
      <toponym>
        <extractedName>New Orleans</extractedName><normalisedName>New Orleans</normalisedName>
        <type>Literal</type><modifierType/><nonLocational>No</nonLocational>
        <start>38</start><end>49</end><geonamesID>4335045</geonamesID>
        <latitude>29.95465</latitude><longitude>-90.07507</longitude>
      </toponym>
      <toponym>
        <extractedName>Louisiana</extractedName><normalisedName>Louisiana</normalisedName>
        <type>Embedded_Literal</type><modifierType/><nonLocational>No</nonLocational>
        <start>60</start><end>69</end><geonamesID>4331987</geonamesID>
        <latitude>31.0</latitude><longitude>-92.0</longitude>
      </toponym>
      <toponym>
        <extractedName>lot</extractedName><normalisedName/><type>Literal_Expression</type>
        <modifierType/><nonLocational>No</nonLocational><start>79</start><end>82</end>
      </toponym>
    </toponyms>
  </article>
  <article>
    <text>Talks resumed in Dublin.</text>
    <toponyms>
      <toponym>
        <extractedName>Dublin</extractedName><normalisedName>Dublin</normalisedName>
        <type>Literal</type><modifierType/><nonLocational>No</nonLocational>
        <start>17</start><end>23</end><geonamesID>2964574</geonamesID>
        <latitude>53.3498</latitude><longitude>-6.2603</longitude>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

LIMA = (-12.043333, -77.028333)
WIKTOR_TEXT = "Lima is the capital of Peru. Old Lima grew fast; Lima has nine million people."
#              0         1         2         3         4         5         6         7
#              0123456789012345678901234567890123456789012345678901234567890123456789012345678
WIKTOR_XML = f"""<?xml version="1.0" encoding="utf-8"?>
<WikToR>
  <page number="3">
    <pageTitle>Lima, Peru</pageTitle>
    <toponymName>Lima</toponymName>
    <lat>{LIMA[0]}</lat>
    <lon>{LIMA[1]}</lon>
    <url>http://en.wikipedia.org/wiki/Lima</url>
    <text>{WIKTOR_TEXT}</text>
    <toponymIndices>
      <toponym><start>0</start><end>4</end></toponym>
      <toponym><start>35</start><end>39</end></toponym>
      <toponym><start>49</start><end>53</end></toponym>
    </toponymIndices>
  </page>
  <page number="8">
    <pageTitle>Victoria (no coordinates)</pageTitle>
    <toponymName>Victoria</toponymName>
    <url>http://en.wikipedia.org/wiki/Victoria</url>
    <text>Victoria is a small town.</text>
    <toponymIndices><toponym><start>0</start><end>8</end></toponym></toponymIndices>
  </page>
</WikToR>
"""

GAINESVILLE = (34.2979, -83.8241)  # Gainesville, Georgia; its footprint is "-83.8241 34.2979"
EUPEG_TEXT = "Crash in Gainesville. Police of Coral Gables, Jordan and the Middle East."
#             0         1         2         3         4         5         6         7
#             0123456789012345678901234567890123456789012345678901234567890123456789012
EUPEG_XML = f"""<?xml version="1.0" encoding="utf-8"?>
<entries>
  <entry>
    <text><![CDATA[{EUPEG_TEXT}]]></text>
    <toponyms>
      <toponym>
        <start>9</start><end>20</end><phrase>Gainesville</phrase>
        <place><placename>Gainesville</placename><footprint>-83.8241 34.2979</footprint>
          <placetype>PPL</placetype></place>
      </toponym>
      <toponym>
        <start>32</start><end>44</end><phrase>Coral Gables</phrase>
        <place><placename>Coral Gables</placename><footprint>	-80.268
           25.722 </footprint><placetype>PPL</placetype></place>
      </toponym>
      <toponym>
        <start>46</start><end>52</end><phrase>Jordan</phrase>
        <place><placename>Hashemite Kingdom of Jordan</placename><footprint>36</footprint>
          <placetype>PCLI</placetype></place>
      </toponym>
      <toponym>
        <start>62</start><end>40</end><phrase>Middle East</phrase>
        <place><placename>Middle East</placename><footprint>45.0 29.0</footprint>
          <placetype>RGN</placetype></place>
      </toponym>
    </toponyms>
  </entry>
  <entry>
    <text><![CDATA[Rome, Quito, Oslo and Lima.]]></text>
    <toponyms>
      <toponym><start>0</start><end>4</end><phrase>Rome</phrase>
        <place><placename>Rome</placename><footprint>12.5 91.0</footprint></place></toponym>
      <toponym><start>6</start><end>11</end><phrase>Quito</phrase>
        <place><placename>Quito</placename><footprint>-478.5 -0.2</footprint></place></toponym>
      <toponym><start>13</start><end>17</end><phrase>Oslo</phrase>
        <place><placename>Oslo</placename><footprint>nan 59.9</footprint></place></toponym>
      <toponym><start>22</start><end>26</end><phrase>Lima</phrase>
        <place><placename>Lima</placename><footprint>-77.03, -12.04</footprint></place></toponym>
      <toponym><start>22</start><end>3</end><phrase>Lmia</phrase>
        <place><placename>Lima</placename></place></toponym>
    </toponyms>
  </entry>
</entries>
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


def test_geowebnews_format_parsed(tmp_path: Path) -> None:
    corpus = ev.read_corpus(_write(tmp_path, "lgl.xml", GWN_XML))  # content, not name
    assert corpus.fmt == ev.GEOWEBNEWS_FORMAT
    assert corpus.roles == ("place", "adjective", "in_name") and corpus.exhaustive
    first, second = corpus.articles
    assert (first.docid, second.docid) == ("0", "1")
    assert first.text == GWN_TEXT
    irish, street, orleans, louisiana, lot = first.gold
    assert [g.phrase for g in first.gold] == [
        "Irish", "Frenchmen Street", "New Orleans", "Louisiana", "lot",
    ]  # fmt: skip
    assert (irish.name, irish.ref, irish.lat, irish.lon) == ("Ireland", "2963597", 53.0, -8.0)
    # Off by one in the file: snapped back onto the phrase.
    assert (street.start, street.end, street.offsets) == (18, 34, "snapped")
    assert (street.name, street.ref) == ("", "")
    assert (street.lat, street.lon) == pytest.approx((29.985984, -90.059179))
    assert (orleans.start, orleans.end, orleans.offsets) == (38, 49, "exact")
    assert louisiana.ref == "4331987" and louisiana.has_coords
    # An expression has no coordinates: gold, not scored.
    assert lot.phrase == "lot" and not lot.has_coords and lot.ref == ""
    assert all(first.text[g.start : g.end] == g.phrase for g in first.gold)
    [dublin] = second.gold
    assert (dublin.start, dublin.end, dublin.phrase, dublin.ref) == (17, 23, "Dublin", "2964574")
    assert ev.snap_counts(corpus.articles) == {"exact": 5, "snapped": 1}


def test_wiktor_format_parsed(tmp_path: Path) -> None:
    corpus = ev.read_corpus(_write(tmp_path, "GWN.xml", WIKTOR_XML))
    assert corpus.fmt == ev.WIKTOR_FORMAT
    assert corpus.roles == ("place",) and not corpus.exhaustive
    lima, victoria = corpus.articles
    assert (lima.docid, victoria.docid) == ("3", "8")  # the page numbers, not positions
    assert lima.text == WIKTOR_TEXT
    # Every occurrence is the page's toponym; the second is two too high and is snapped.
    assert [(g.start, g.end, g.offsets) for g in lima.gold] == [
        (0, 4, "exact"), (33, 37, "snapped"), (49, 53, "exact"),
    ]  # fmt: skip
    url = "http://en.wikipedia.org/wiki/Lima"
    for g in lima.gold:
        assert (g.phrase, g.name, g.ref, g.lat, g.lon) == ("Lima", "Lima, Peru", url, *LIMA)
    # A page without coordinates is read, not scored.
    [town] = victoria.gold
    assert (town.phrase, town.start, town.end) == ("Victoria", 0, 8) and not town.has_coords


def test_eupeg_format_parsed(tmp_path: Path) -> None:
    corpus = ev.read_corpus(_write(tmp_path, "WikToR.xml", EUPEG_XML))
    assert corpus.fmt == ev.EUPEG_FORMAT
    assert corpus.roles == ev.ROLES[ev.LGL_FORMAT] and corpus.exhaustive
    first, second = corpus.articles
    assert (first.docid, second.docid) == ("0", "1")
    assert first.text == EUPEG_TEXT
    gainesville, gables, jordan, middle_east = first.gold
    # The footprint is "longitude latitude".
    assert (gainesville.lat, gainesville.lon) == GAINESVILLE
    assert (gainesville.name, gainesville.ref, gainesville.offsets) == ("Gainesville", "", "exact")
    assert (gables.lat, gables.lon) == (25.722, -80.268)  # any white space between
    assert jordan.name == "Hashemite Kingdom of Jordan" and not jordan.has_coords  # one number
    # End before start (as in EUPEG's own example): start + len(phrase), then snapped (start
    # is one too high).
    assert (middle_east.start, middle_east.end, middle_east.offsets) == (61, 72, "snapped")
    assert (middle_east.lat, middle_east.lon) == (29.0, 45.0)
    assert all(first.text[g.start : g.end] == g.phrase for g in first.gold)
    # Latitude out of range, longitude out of range, not finite, not two numbers; no footprint.
    assert [g.phrase for g in second.gold] == ["Rome", "Quito", "Oslo", "Lima", "Lmia"]
    assert not any(g.has_coords for g in second.gold)
    assert all(g.lat is None and g.lon is None for g in second.gold)
    # End before start and a misspelt phrase (EUPEG's example has "Middel East"): nothing to
    # snap to, so the span is start + len(phrase).
    assert (second.gold[-1].start, second.gold[-1].end, second.gold[-1].offsets) == (
        22, 26, "unmatched",
    )  # fmt: skip


def test_footprint_and_coordinates() -> None:
    assert ev._footprint("-83.8241 34.2979") == GAINESVILLE
    assert ev._footprint(" 2.35\t48.86\n") == (48.86, 2.35)
    assert ev._footprint("180 -90") == (-90.0, 180.0)
    for bad in [None, "", "36", "1 2 3", "x 2", "2 91", "181 0", "inf 0", "1,2"]:
        assert ev._footprint(bad) == (None, None), bad
    assert ev._coords("53.0", "-8.0") == (53.0, -8.0)
    assert ev._coords("53.0", "") == (None, None)
    assert ev._coords("-90.5", "10") == (None, None)


def test_detection_new_formats_leave_lgl_and_geovirus_alone() -> None:
    def fmt(xml: str) -> str:
        return ev.detect_format(ET.fromstring(xml.encode()))

    assert fmt(LGL_XML) == ev.LGL_FORMAT
    assert fmt(GEOVIRUS_XML) == ev.GEOVIRUS_FORMAT  # its <location><page> is not WikToR's
    assert fmt(GWN_XML) == ev.GEOWEBNEWS_FORMAT
    assert fmt(WIKTOR_XML) == ev.WIKTOR_FORMAT
    assert fmt(EUPEG_XML) == ev.EUPEG_FORMAT
    # An LGL toponym has a <phrase>: extra GeoWebNews-like fields do not make it GeoWebNews.
    extra = "<extractedName>Paris</extractedName><latitude>1</latitude>"
    lgl_plus = LGL_XML.replace("<phrase>Paris</phrase>", "<phrase>Paris</phrase>" + extra)
    assert "<extractedName>" in lgl_plus and fmt(lgl_plus) == ev.LGL_FORMAT
    # A first article with no toponyms decides nothing (it used to mean LGL).
    empty = "<article><text>Nothing.</text><toponyms/></article>"
    gwn_late = GWN_XML.replace("<articles>", "<articles>" + empty, 1)
    assert fmt(gwn_late) == ev.GEOWEBNEWS_FORMAT
    assert fmt(LGL_XML.replace("<articles>", "<articles>" + empty, 1)) == ev.LGL_FORMAT
    assert fmt(f"<articles>{empty}</articles>") == ev.LGL_FORMAT
    gv_empty = "<articles><article><text>x</text><locations/></article></articles>"
    assert fmt(gv_empty) == ev.GEOVIRUS_FORMAT
    # The table covers every format.
    assert set(ev.ROLES) == set(ev._READERS) == {
        "lgl", "geovirus", "geowebnews", "wiktor", "eupeg",
    }  # fmt: skip
    assert set(ev.NOT_EXHAUSTIVE) == {ev.WIKTOR_FORMAT}


def test_bad_input_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^z\.xml: .*not a corpus in a known format"):
        ev.read_corpus(_write(tmp_path, "z.xml", "<entries><entry/></entries>"))
    no_toponyms = '<WikToR><page number="1"><text>Lima</text></page></WikToR>'
    with pytest.raises(ValueError, match=r"^w\.xml: .*WikToR"):
        ev.read_corpus(_write(tmp_path, "w.xml", no_toponyms))
    with pytest.raises(ValueError, match=r"^broken\.xml: not well-formed XML"):
        ev.read_corpus(_write(tmp_path, "broken.xml", "<articles><article>"))
    bad_offset = WIKTOR_XML.replace("<start>35</start>", "<start>3 5</start>")
    with pytest.raises(ValueError, match=r"WikToR\.xml page 3: <start> is '3 5'"):
        ev.read_corpus(_write(tmp_path, "WikToR.xml", bad_offset))
    bad_end = EUPEG_XML.replace("<end>44</end>", "<end></end>")
    with pytest.raises(ValueError, match=r"e\.xml entry 0: <end> is ''"):
        ev.read_corpus(_write(tmp_path, "e.xml", bad_end))


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


def test_geowebnews_scoring_counts_adjectives_and_names_in_names(tmp_path: Path) -> None:
    corpus = ev.read_corpus(_write(tmp_path, "gwn.xml", GWN_XML))
    dublin_ohio = (40.0992, -83.1141)
    preds = _preds(
        {"start": 0, "end": 5, "lat": 53.0, "lon": -8.0, "role": "adjective"},  # Irish: TP
        {"start": 38, "end": 49, "lat": 29.95465, "lon": -90.07507},  # New Orleans: TP
        {"start": 60, "end": 69, "lat": 31.0, "lon": -92.0, "role": "in_name"},  # TP
        {"start": 79, "end": 82, "lat": 29.9, "lon": -90.1},  # "lot": gold without coords
        {"start": 6, "end": 10, "lat": 0.0, "lon": 0.0},  # "fans": FP
        {"doc": 1, "start": 17, "end": 23, "lat": dublin_ohio[0], "lon": dublin_ohio[1]},
    )  # Frenchmen Street missed
    s = ev.score(corpus.articles, preds, corpus.roles, corpus.exhaustive)
    assert (s.gold, s.gold_without_coords) == (5, 1)
    assert (s.tp, s.fp, s.ignored, s.recalled) == (4, 1, 1, 4)
    assert (s.precision, s.recall, s.f1) == pytest.approx((0.8, 0.8, 0.8))
    assert s.acc161 == 0.75  # Dublin, Ohio is far
    # Counting places only (GeoVirus's scheme) would miss the adjective and the embedded name.
    places = ev.score(corpus.articles, preds, ev.ROLES[ev.GEOVIRUS_FORMAT])
    assert (places.tp, places.recalled) == (2, 2)


def test_wiktor_unannotated_place_ignored_and_precision_not_scored(tmp_path: Path) -> None:
    corpus = ev.read_corpus(_write(tmp_path, "WikToR.xml", WIKTOR_XML))
    far = (LIMA[0] + 4.5, LIMA[1])  # ~500 km south of Lima
    preds = _preds(
        {"start": 0, "end": 4, "lat": LIMA[0], "lon": LIMA[1]},  # TP, 0 km
        {"start": 33, "end": 37, "lat": far[0], "lon": far[1]},  # TP, far
        {"start": 23, "end": 27, "lat": -9.19, "lon": -75.02},  # Peru: not annotated
        {"doc": 1, "start": 0, "end": 8, "lat": -37.8, "lon": 145.0},  # gold without coords
    )  # the third Lima is missed
    gold, table = ev.classify(corpus.articles, preds, corpus.roles, corpus.exhaustive)
    assert list(table["verdict"]) == ["tp", "tp", "ignored", "ignored"]
    s = ev.summarise(corpus.articles, gold, table, corpus.roles, exhaustive=corpus.exhaustive)
    assert (s.tp, s.fp, s.ignored, s.predictions) == (2, 0, 2, 2)
    assert (s.gold, s.gold_without_coords, s.recalled) == (3, 1, 2)
    assert math.isnan(s.precision) and math.isnan(s.f1) and not s.exhaustive
    assert s.recall == pytest.approx(2 / 3)
    assert s.acc161 == 0.5
    assert s.median_km == pytest.approx(250, abs=3) and 0 < s.auc < 1
    assert [r["kind"] for r in ev.error_rows("WikToR", corpus.articles, gold, table)] == [
        "far", "missed",
    ]  # fmt: skip
    row = ev.format_table([("WikToR", s)]).splitlines()[2]
    assert row.startswith("| WikToR | place | 2 | 3 | 2 | – | 0.667 | – | 0.500 |")
    # Were the gold exhaustive, Peru would be a false positive.
    strict = ev.score(corpus.articles, preds, corpus.roles)
    assert (strict.fp, strict.precision) == (1, pytest.approx(2 / 3))


def test_eupeg_scoring_footprint_is_lon_lat(tmp_path: Path) -> None:
    corpus = ev.read_corpus(_write(tmp_path, "eupeg.xml", EUPEG_XML))
    preds = gpd.GeoDataFrame(
        {"doc": [0, 0, 0, 0, 1], "start": [9, 0, 46, 61, 0], "end": [20, 5, 52, 72, 4]},
        geometry=[
            Point(GAINESVILLE[1], GAINESVILLE[0]),  # TP, 0 km only if read as lon, lat
            Point(0, 0),  # "Crash": FP
            Point(36.0, 31.0),  # Jordan: gold without coordinates
            Point(45.0, 29.0),  # Middle East, span repaired and snapped: TP
            Point(12.5, 41.9),  # Rome: footprint out of range, not scored
        ],
        crs="EPSG:4326",
    )  # Coral Gables missed
    gold, table = ev.classify(corpus.articles, preds, corpus.roles)
    assert list(table["verdict"]) == ["tp", "fp", "ignored", "tp", "ignored"]
    assert list(gold["phrase"]) == ["Gainesville", "Coral Gables", "Middle East"]
    assert list(gold["error_km"].round(6)[[0, 2]]) == [0.0, 0.0]
    s = ev.summarise(corpus.articles, gold, table, corpus.roles)
    assert (s.gold, s.gold_without_coords, s.tp, s.fp, s.ignored) == (3, 6, 2, 1, 2)
    assert (s.precision, s.recall, s.acc161) == pytest.approx((2 / 3, 2 / 3, 1.0))


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


def test_main_on_new_formats(tmp_path, monkeypatch, capsys) -> None:
    paths = [
        _write(tmp_path, "gwn.xml", GWN_XML),
        _write(tmp_path, "WikToR.xml", WIKTOR_XML),
        _write(tmp_path, "eupeg.xml", EUPEG_XML),
    ]
    found = [
        ("Lima", "place", *LIMA),
        ("Peru", "place", -9.19, -75.02),
        ("Gainesville", "place", *GAINESVILLE),
        ("Irish", "adjective", 53.0, -8.0),
        ("Victoria", "place", -37.8, 145.0),
    ]

    def fake_geoparse_many(texts, published=None):
        rows = []
        for doc, text in enumerate(texts):
            for word, role, lat, lon in found:
                for m in re.finditer(word, text):
                    rows.append((doc, m.start(), m.end(), word, role, Point(lon, lat)))
        df = pd.DataFrame(rows, columns=["doc", "start", "end", "surface", "role", "geometry"])
        df["duplicate"] = False
        return gpd.GeoDataFrame(df, geometry="geometry", crs="EPSG:4326")

    monkeypatch.setattr(ev, "_geoparser", lambda: fake_geoparse_many)
    out_csv = tmp_path / "misses.csv"
    assert ev.main([*map(str, paths), "--errors", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert "| gwn | place, adjective, in_name | 2 | 5 | 1 | 1.000 | 0.200 | 0.333 | 1.000 |" in out
    # Every Lima found, Peru and Victoria ignored: precision and F1 not scored.
    assert "| WikToR | place | 2 | 3 | 3 | – | 1.000 | – | 1.000 |" in out
    assert "| eupeg | place, adjective, in_name | 2 | 3 | 1 | 1.000 | 0.333 | 0.500 |" in out
    assert "WikToR (wiktor format)" in out and "eupeg (eupeg format)" in out
    assert "2 predictions overlapping only those or no gold toponym ignored" in out
    assert out.count("precision and F1 not scored") == 1
    assert "WikToR annotates one place per page" in out
    with open(out_csv, encoding="utf-8") as f:
        kinds = {(r["corpus"], r["kind"]) for r in csv.DictReader(f)}
    assert ("WikToR", "false_positive") not in kinds and ("gwn", "missed") in kinds
