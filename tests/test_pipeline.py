"""geo.geoparse / geo.geoparse_many: the output contract, offsets, and the sample corpus."""

import datetime as dt
import html
import re
import unicodedata
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geo
from geo.gazetteer import fold
from geo.resolve import haversine_km

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
COLUMNS = ["start", "end", "surface", "name", "place_id", "feature", "role", "country_code",
           "geometry", "confidence", "date_start", "date_end", "date_source", "sentence",
           "duplicate", "candidates", "placed_by"]
FEATURES = {"country", "admin1", "region", "city", "locality", "other"}
ROLES = {"place", "adjective", "in_name"}
DATE_SOURCES = {"text", "published", "inferred", "none"}
NYC = (40.71, -74.01)
SEGOU_TOWN = (13.43, -6.26)
TIMBUKTU = (16.77, -3.0)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 5
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in files}


@pytest.fixture(scope="module")
def sample(texts: dict[str, str]) -> gpd.GeoDataFrame:
    """The whole sample corpus parsed once; ``key`` is the file's number ("000"…"004")."""
    g = geo.geoparse_many(list(texts.values()))
    g["key"] = g["doc"].map(dict(enumerate(texts)))
    return g


def doc(sample: gpd.GeoDataFrame, key: str) -> gpd.GeoDataFrame:
    return sample[sample["key"] == key]


def at(sample, texts, key: str, phrase: str, surface: str, nth: int = 0) -> pd.Series:
    """The row for ``surface`` inside the ``nth`` occurrence of ``phrase`` in a sample text."""
    starts = [m.start() for m in re.finditer(re.escape(phrase), texts[key])]
    assert len(starts) > nth, f"{phrase!r} not in sample {key}"
    start = starts[nth] + phrase.index(surface)
    hits = doc(sample, key)
    hits = hits[hits["start"] == start]
    assert len(hits) == 1, f"no mention of {surface!r} in {phrase!r} (sample {key})"
    return hits.iloc[0]


def km(row: pd.Series, lat: float, lon: float) -> float:
    return float(haversine_km(row.geometry.y, row.geometry.x, lat, lon))


def check_contract(g: gpd.GeoDataFrame, text: str | None = None) -> None:
    assert set(COLUMNS) <= set(g.columns)
    assert g.crs is not None and g.crs.to_epsg() == 4326
    assert (g.geom_type == "Point").all()
    assert g["confidence"].between(0, 1).all()
    assert set(g["feature"]) <= FEATURES
    assert set(g["role"]) <= ROLES
    assert set(g["date_source"]) <= DATE_SOURCES
    assert g["duplicate"].dtype == bool
    assert (g["start"] < g["end"]).all()
    for _, r in g.iterrows():
        assert isinstance(r["placed_by"], str) and r["placed_by"].strip()
        assert isinstance(r["candidates"], list)
        for c in r["candidates"]:
            assert {"place_id", "name", "score"} <= set(c)
        assert (r["date_source"] == "none") == pd.isna(r["date_start"])
        if not pd.isna(r["date_start"]):
            assert r["date_start"] <= r["date_end"]
        assert -90 <= r.geometry.y <= 90 and -180 <= r.geometry.x <= 180
        if text is not None:
            assert text[r["start"]:r["end"]] == r["surface"]
        # the sentence is clean text that contains the name as the text spells it
        surface = fold(_visible(r["surface"]))
        assert surface and surface in fold(r["sentence"]), (r["surface"], r["sentence"])


def _visible(s: str) -> str:
    """What a reader sees of a raw surface: tags dropped, entities and accents composed."""
    s = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", " ", s, flags=re.S | re.I)
    s = html.unescape(re.sub(r"<[^>]*>", " ", s))
    return " ".join(unicodedata.normalize("NFC", s).replace("\u200b", "").split())


# --- the output contract ---------------------------------------------------------------------
def test_contract_on_the_sample(sample: gpd.GeoDataFrame, texts: dict[str, str]) -> None:
    assert len(sample) > 50
    for key, text in texts.items():
        check_contract(doc(sample, key), text)


def test_empty_text_gives_an_empty_frame_with_the_schema() -> None:
    g = geo.geoparse("")
    assert len(g) == 0
    assert set(COLUMNS) <= set(g.columns)
    assert g.crs.to_epsg() == 4326


def test_geoparse_many_adds_doc_and_matches_geoparse(texts: dict[str, str]) -> None:
    chosen = [texts["000"], "Troops entered Bamako.", texts["004"]]
    many = geo.geoparse_many(chosen)
    assert many["doc"].dtype == "int64" and set(many["doc"]) == {0, 1, 2}
    for i, text in enumerate(chosen):
        one = geo.geoparse(text)
        part = many[many["doc"] == i].drop(columns="doc").reset_index(drop=True)
        assert part[["start", "end", "place_id", "role", "date_source"]].equals(
            one[["start", "end", "place_id", "role", "date_source"]])


def test_geoparse_many_published_one_or_per_text() -> None:
    texts = ["Troops entered Bamako.", "Rebels held Timbuktu."]
    same = geo.geoparse_many(texts, published=dt.date(2012, 5, 1))
    assert (same["date_start"] == pd.Timestamp("2012-05-01")).all()
    assert (same["date_source"] == "published").all()
    each = geo.geoparse_many(texts, published=[dt.date(2012, 5, 1), None])
    first, second = each[each["doc"] == 0].iloc[0], each[each["doc"] == 1].iloc[0]
    assert first["date_start"] == pd.Timestamp("2012-05-01")
    assert pd.isna(second["date_start"]) and second["date_source"] == "none"
    with pytest.raises(ValueError):
        geo.geoparse_many(texts, published=[dt.date(2012, 5, 1)])


def test_published_date_applies_to_undated_sentences() -> None:
    g = geo.geoparse("Troops entered Bamako.", published=dt.date(2012, 5, 1))
    assert g.iloc[0]["date_start"] == g.iloc[0]["date_end"] == pd.Timestamp("2012-05-01")
    assert g.iloc[0]["date_source"] == "published"
    g = geo.geoparse("Troops entered Bamako.")
    assert pd.isna(g.iloc[0]["date_start"]) and g.iloc[0]["date_source"] == "none"


# --- offsets into the text as given ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<html><body><h1>News</h1><p>Troops in <b>Bamako</b> and Kati.</p></body></html>",
         ["Bamako", "Kati"]),
        ("Rebels entered Se\u0301gou and Gao.", ["Ségou", "Gao"]),
        ("Rebels entered Gao.\r\nTroops held Bamako.\r\n", ["Gao", "Bamako"]),
        ("Rebels\tentered\t\tGao  and   Bamako.", ["Gao", "Bamako"]),
        ("<p>Trade between Mali &amp; Niger and Burkina&nbsp;Faso grew.</p>",
         ["Mali", "Niger", "Burkina Faso"]),
        ("<p>Troops in Kati.</p><script>var c = 'Paris';</script><style>.x{}</style>"
         "<p>Calm in Gao.</p>", ["Kati", "Gao"]),
        ("Flights to\nNew York resumed from <i>Burkina</i> Faso.", ["New York", "Burkina Faso"]),
    ],
)
def test_offsets_point_into_the_text_as_given(text: str, expected: list[str]) -> None:
    g = geo.geoparse(text)
    check_contract(g, text)
    assert [_visible(s) for s in g["surface"]] == expected


WORDS = "Soldiers from Kati marched on Bamako, far from Timbuktu and Burkina Faso.".split()
INLINE = st.sampled_from(["<b>", "</b>", "<i>", "</i>", '<span class="x">', "</span>", "&nbsp;",
                          "\t", "  ", "\u00a0", "\u200b"])
ANY = st.one_of(INLINE, st.sampled_from(["\r\n", "\n\n", "<p>", "</p>", "<br/>", "&amp;", "&#233;",
                                         "<!-- note -->", "<script>Paris</script>",
                                         "<style>Lyon{}</style>", "\r"]))


def _build(gaps: list[list[str]]) -> str:
    """The sentence with each gap's insertions before each word (and at the end)."""
    out = []
    for i, word in enumerate(WORDS):
        out.append("".join(gaps[i]))
        out.append(word)
        if i < len(WORDS) - 1:
            out.append(" ")
    out.append("".join(gaps[-1]))
    return "".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(ANY, max_size=3), min_size=len(WORDS) + 1, max_size=len(WORDS) + 1),
       st.booleans())
def test_offsets_survive_any_markup_and_whitespace(gaps: list[list[str]], nfd: bool) -> None:
    text = _build(gaps)
    if nfd:
        text = text.replace("Soldiers", "Se\u0301gou soldiers")
    g = geo.geoparse(text)
    check_contract(g, text)
    assert "Paris" not in set(g["surface"]) and "Lyon" not in set(g["surface"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(INLINE, max_size=2), min_size=len(WORDS) + 1, max_size=len(WORDS) + 1))
def test_inline_markup_does_not_change_what_is_found(gaps: list[list[str]]) -> None:
    plain = geo.geoparse(" ".join(WORDS))
    assert set(plain["name"]) >= {"Kati", "Bamako", "Timbuktu", "Burkina Faso"}
    text = _build(gaps)
    g = geo.geoparse(text)
    check_contract(g, text)
    assert list(g["place_id"]) == list(plain["place_id"])


# --- the sample corpus: places ---------------------------------------------------------------
def named(sample: gpd.GeoDataFrame, *surfaces: str) -> gpd.GeoDataFrame:
    rows = sample[sample["surface"].isin(surfaces)]
    assert len(rows), surfaces
    return rows


def test_bamako(sample: gpd.GeoDataFrame) -> None:
    for _, r in named(sample, "Bamako").iterrows():
        assert r["place_id"] == "geonames:2460596" and r["role"] == "place"
        assert km(r, 12.6, -8.0) < 30


def test_kati_is_the_malian_garrison_town(sample: gpd.GeoDataFrame) -> None:
    rows = named(sample, "Kati")
    assert len(rows) == 2
    assert (rows["place_id"] == "geonames:2455558").all() and (rows["country_code"] == "ML").all()
    assert (rows["role"] == "place").all()
    assert all(km(r, 12.64, -8.0) < 30 for _, r in rows.iterrows())


def test_timbuktu(sample: gpd.GeoDataFrame, texts: dict[str, str]) -> None:
    rows = named(sample, "Timbuktu", "Timbuktou")
    assert (rows["country_code"] == "ML").all() and (rows["role"] == "place").all()
    assert all(km(r, *TIMBUKTU) < 400 for _, r in rows.iterrows())
    assert (rows["name"] == "Timbuktu").all()
    # "key cities like Timbuktu": the text does not say region, so the city
    city = at(sample, texts, "001", "key cities like Timbuktu", "Timbuktu")
    assert city["feature"] == "city" and km(city, *TIMBUKTU) < 25


def test_misspelt_timbuktou_recognised(sample, texts) -> None:
    r = at(sample, texts, "000", "Mali's Timbuktou region", "Timbuktou")
    assert r["name"] == "Timbuktu" and r["feature"] in ("admin1", "region", "city")


def test_segou_and_yangasso(sample, texts) -> None:
    segou = at(sample, texts, "004", "Yangasso in the Ségou region", "Ségou")
    assert segou["country_code"] == "ML" and segou["role"] == "place"
    assert km(segou, *SEGOU_TOWN) < 150
    yangasso = at(sample, texts, "004", "Yangasso in the Ségou region", "Yangasso")
    assert yangasso["country_code"] == "ML" and yangasso["role"] == "place"
    assert km(yangasso, *SEGOU_TOWN) < 150
    assert yangasso["confidence"] < 0.5


@pytest.mark.parametrize(
    ("surfaces", "code", "bbox"),  # bbox: lat_min, lat_max, lon_min, lon_max
    [
        (("Mali",), "ML", (10, 25, -12.5, 4.5)),
        (("Burkina Faso",), "BF", (9, 15.5, -5.6, 2.5)),
        (("France",), "FR", (42, 51.5, -5, 8.5)),
        (("Russia",), "RU", (41, 82, 40, 180)),
        (("United States", "US", "USA"), "US", (24, 50, -125, -66)),
    ],
)
def test_countries(sample: gpd.GeoDataFrame, surfaces, code: str, bbox) -> None:
    rows = named(sample, *surfaces)
    places = rows[rows["role"] == "place"]
    assert len(places)
    assert (places["country_code"] == code).all() and (places["feature"] == "country").all()
    lat0, lat1, lon0, lon1 = bbox
    assert places.geometry.y.between(lat0, lat1).all()
    assert places.geometry.x.between(lon0, lon1).all()


def test_new_york(sample, texts) -> None:
    r = at(sample, texts, "003", "Sahel in New York", "New York")
    assert r["country_code"] == "US" and r["role"] == "place"
    assert km(r, *NYC) < 50  # the city of the UN General Assembly, not the state's middle


def test_sahel(sample: gpd.GeoDataFrame) -> None:
    rows = named(sample, "Sahel")
    assert (rows["role"] == "place").all() and (rows["feature"] == "region").all()
    assert rows.geometry.y.between(10, 20).all() and rows.geometry.x.between(-20, 40).all()


@pytest.mark.parametrize(
    ("key", "phrase", "surface"),
    [
        ("000", "Mali's capital Bamako", "Bamako"),
        ("001", "the government in Bamako", "Bamako"),
        ("002", "southern neighbor, Burkina Faso", "Burkina Faso"),
        ("004", "recently visited Russia", "Russia"),
        ("004", "in the United States prior", "United States"),
        ("003", "conference on the Sahel", "Sahel"),
        ("001", "Sahel region of western Africa", "Sahel"),
        ("004", "away from France", "France"),
    ],
)
def test_places_found_where_the_text_names_them(sample, texts, key, phrase, surface) -> None:
    assert at(sample, texts, key, phrase, surface)["role"] == "place"


PEOPLE = ["Hollande", "Johnnie Carson", "Carson", "Traore", "Sanogo", "Keïta", "Dicko", "Kouffa",
          "Diaw", "Cissé", "Brimmer", "Esther", "Belmokhtar"]


@pytest.mark.parametrize("person", PEOPLE)
def test_people_are_not_places(sample, texts, person: str) -> None:
    occurrences = [(key, m.start()) for key, text in texts.items()
                   for m in re.finditer(rf"\b{re.escape(person)}\b", text)]
    assert occurrences, person
    for key, start in occurrences:
        rows = doc(sample, key)
        overlapping = rows[(rows["start"] < start + len(person)) & (rows["end"] > start)]
        assert overlapping.empty, (person, key, overlapping["surface"].tolist())


# --- the sample corpus: roles ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "phrase", "surface", "role"),
    [
        ("002", "French military forces", "French", "adjective"),
        ("004", "Malian soldiers from Kati", "Malian", "adjective"),
        ("001", "broken Malian army", "Malian", "adjective"),
        ("003", "Liberian civil war", "Liberian", "adjective"),
        ("001", "the American general", "American", "adjective"),
        ("001", "from the Americans", "Americans", "adjective"),
        ("001", "US Africa Command", "US", "in_name"),
        ("001", "US Africa Command", "Africa", "in_name"),
        ("004", "Islamic State in Greater Sahara", "Sahara", "in_name"),
        ("003", "the African Union", "African", "in_name"),
        ("002", "the Bamako government", "Bamako", "place"),
        ("001", "US and French backed", "US", "place"),
        ("001", "US and French backed", "French", "adjective"),
    ],
)
def test_roles(sample, texts, key, phrase, surface, role) -> None:
    assert at(sample, texts, key, phrase, surface)["role"] == role


def test_adjectives_placed_at_their_country(sample, texts) -> None:
    r = at(sample, texts, "003", "Liberian civil war", "Liberian")
    assert r["name"] == "Liberia" and r["country_code"] == "LR"
    r = at(sample, texts, "001", "from the Americans", "Americans")
    assert r["country_code"] == "US"


# --- the sample corpus: repeated paragraphs --------------------------------------------------
def test_repeated_paragraphs_flagged_from_the_second_occurrence(sample, texts) -> None:
    text = texts["002"]
    lines = [ln for ln in text.split("\n") if len(ln) >= 80]
    repeated = [ln for i, ln in enumerate(lines) if ln in lines[:i]]
    assert len(repeated) == 2
    rows = doc(sample, "002")
    for para in repeated:
        first = text.index(para)
        second = text.index(para, first + 1)
        in_first = rows[(rows["start"] >= first) & (rows["end"] <= first + len(para))]
        in_second = rows[(rows["start"] >= second) & (rows["end"] <= second + len(para))]
        assert len(in_first) and len(in_first) == len(in_second)
        assert not in_first["duplicate"].any()
        assert in_second["duplicate"].all()
        assert list(in_first["place_id"]) == list(in_second["place_id"])
    assert rows["duplicate"].sum() == sum(
        len(rows[(rows["start"] >= text.index(p, text.index(p) + 1))
                 & (rows["end"] <= text.index(p, text.index(p) + 1) + len(p))])
        for p in repeated)


def test_no_duplicates_in_documents_without_repeats(sample) -> None:
    assert not sample[sample["key"] != "002"]["duplicate"].any()


# --- the sample corpus: dates ----------------------------------------------------------------
def sentence_rows(sample, key: str, words: str) -> gpd.GeoDataFrame:
    rows = doc(sample, key)
    return rows[rows["sentence"].str.contains(words, regex=False)]


def assert_dated(rows, start: str, end: str) -> None:
    assert len(rows)
    assert (rows["date_start"] == pd.Timestamp(start)).all(), rows["date_start"].tolist()
    assert (rows["date_end"] == pd.Timestamp(end)).all(), rows["date_end"].tolist()
    assert (rows["date_source"] == "text").all()


def test_said_on_tuesday_is_the_dateline_day(sample) -> None:
    assert_dated(sentence_rows(sample, "000", "said on Tuesday"), "2012-05-01", "2012-05-01")


def test_on_16_april(sample) -> None:
    rows = sentence_rows(sample, "000", "on 16 April")
    assert "Timbuktou" in set(rows["surface"])
    assert_dated(rows, "2012-04-16", "2012-04-16")


def test_update_wednesday_is_the_day_after(sample) -> None:
    rows = sentence_rows(sample, "000", "Bamako on Wednesday")
    assert "Bamako" in set(rows["surface"])
    assert_dated(rows, "2012-05-02", "2012-05-02")


def test_earlier_this_year(sample) -> None:
    rows = sentence_rows(sample, "002", "earlier this year")
    assert {"French", "Mali"} <= set(rows["surface"])
    assert_dated(rows, "2020-01-01", "2020-09-22")


def test_january_2012_coup_is_the_whole_month(sample) -> None:
    rows = sentence_rows(sample, "004", "January 2012 coup")
    assert "Mali" in set(rows["surface"])
    assert_dated(rows, "2012-01-01", "2012-01-31")


def test_dateline_used_for_sentences_without_dates(sample) -> None:
    rows = doc(sample, "000")
    plain = rows[rows["date_source"] != "text"]
    assert len(plain)
    assert (plain["date_start"] == pd.Timestamp("2012-05-01")).all()
    assert plain["date_source"].isin({"published", "inferred"}).all()


def test_undated_documents_without_date_phrases_have_no_date(sample) -> None:
    for key in ("001", "003", "004"):
        rows = doc(sample, key)
        undated = rows[rows["date_source"] != "text"]
        assert len(undated)
        assert (undated["date_source"] == "none").all()
        assert undated["date_start"].isna().all() and undated["date_end"].isna().all()


def test_counties_are_placed_and_reported_as_other() -> None:
    g = geo.geoparse("Deputies from Dallas County and Laurel County, Kentucky, met in "
                     "Austin, Texas.")
    by = {r["surface"]: r for _, r in g.iterrows()}
    assert by["Dallas County"]["feature"] == "other"  # the contract's class for counties
    assert km(by["Dallas County"], 32.77, -96.78) < 60  # the big one, in Texas
    assert km(by["Laurel County"], 37.11, -84.12) < 60


def test_a_places_own_name_beats_anothers_alternate_name() -> None:
    g = geo.geoparse("Farmers in Minnesota and Iowa expect a late harvest, officials said.")
    by = {r["surface"]: r for _, r in g.iterrows()}
    assert by["Minnesota"]["feature"] == "admin1" and by["Iowa"]["feature"] == "admin1"


@pytest.mark.parametrize(("text", "name"), [
    ("Police in Stoke arrested two men.", "Stoke-on-Trent"),
    ("The plant in Halle employs 300 people.", "Halle (Saale)"),
])
def test_a_town_goes_by_its_name_without_its_river(text: str, name: str) -> None:
    """What a town's name adds to tell it from its namesakes ("upon Tyne", "am Main",
    "(Saale)") is left off in everyday speech: the short name is still its own."""
    g = geo.geoparse(text)
    assert g.iloc[0]["name"] == name


@pytest.mark.parametrize("text", ["Upstate New York got a foot of snow.",
                                  "Towns in upstate New York got a foot of snow."])
def test_a_part_of_a_name_that_is_a_state_and_a_city_is_the_states(text: str) -> None:
    """"Upstate" is said of New York State, never of the city."""
    assert geo.geoparse(text).iloc[0]["feature"] == "admin1"


def test_a_town_the_text_puts_in_a_province_speaks_for_that_provinces_country() -> None:
    """"Hernandez, Texas": no Hernández of the gazetteer is in Texas, so the Mexican ones say
    nothing of the text's country, and "Texas" stays the US state (not a Mexican village)."""
    g = geo.geoparse("She moved to Hernandez, Texas, in 2009.")
    assert list(g["country_code"]) == ["US", "US"]
    assert g.iloc[1]["feature"] == "admin1"


def test_a_near_spelling_the_text_puts_somewhere_is_a_place_the_gazetteer_lacks() -> None:
    """"Greenlane" is spelt like Greenland; "in Greenlane, Auckland, New Zealand" it is a part
    of Auckland the gazetteer lacks, placed approximately there (not dropped as a misspelling
    of a place outside the text's country, and not read as a list of three places)."""
    g = geo.geoparse("Anyone who ate at a restaurant in Greenlane, Auckland, New Zealand, "
                     "should see a doctor.")
    green = g[g.surface == "Greenlane"].iloc[0]
    assert green["country_code"] == "NZ" and km(green, -36.85, 174.76) < 30
    assert geo.geoparse("Anyone who ate at Greenlane should see a doctor in Auckland.")[
        "surface"].tolist() == ["Auckland"]


def test_a_place_the_text_puts_in_a_town_is_in_that_town() -> None:
    """"Kensington, London" is London's (no people given), not Liverpool's (16,500); "Hampton
    Park in Charleston", whose only namesake is in Melbourne, is a park of Charleston's,
    approximately there."""
    kensington = geo.geoparse("The shop is in Kensington, London.").iloc[0]
    assert km(kensington, 51.50, -0.19) < 10
    park = geo.geoparse("The street runs east of Hampton Park in Charleston, officials said.")
    assert park.iloc[0]["surface"] == "Hampton Park" and km(park.iloc[0], 32.78, -79.93) < 50
    # nor is a town before a capital that speaks: Moscow's government, not Lugansk's place
    g = geo.geoparse("Russian-backed rebels hold Lugansk, Moscow said.")
    assert g.loc[g.surface == "Lugansk", "country_code"].tolist() == ["UA"]
    # but a big town "in" a city is no part of it: officials came from the one to the other
    g = geo.geoparse("Hong Kong's leader met officials from Beijing in Macau.")
    assert km(g[g.surface == "Beijing"].iloc[0], 39.91, 116.40) < 50


def test_a_station_or_square_in_a_city_is_a_part_of_it() -> None:
    """"Victoria station in London" is a station of London's, placed approximately there, not
    the state of Victoria, Australia, nor Victoria, Hong Kong (a big town, which "in" a city
    alone would leave where it is)."""
    g = geo.geoparse("Protesters gathered outside Victoria station in London on Tuesday.")
    victoria = g[g.surface == "Victoria"].iloc[0]
    assert victoria["country_code"] == "GB" and km(victoria, 51.51, -0.13) < 30
    assert victoria["place_id"].startswith("approx:")
    # a namesake near the city is the place itself: Washington, Tyne and Wear, by Sunderland
    g = geo.geoparse("Trains stopped at Washington station in Sunderland.")
    assert not g[g.surface == "Washington"].iloc[0]["place_id"].startswith("approx:")
    assert km(g[g.surface == "Washington"].iloc[0], 54.90, -1.52) < 10
    # and a province that holds the city stays itself: "Alvin, Texas, a Houston suburb"
    g = geo.geoparse("The pair are from Alvin, Texas, a Houston suburb.")
    assert g[g.surface == "Texas"].iloc[0]["feature"] == "admin1"


def test_the_province_a_text_keeps_naming_places_its_county() -> None:
    """Indiana, named three times, outweighs Ohio and Kentucky, named once each: Boone County
    is Indiana's, not Kentucky's (the bigger)."""
    g = geo.geoparse(
        "Boone County's jobless rate rose to 7.7 percent, the Indiana Department of Workforce "
        "Development said. Indiana's rate was 9.4 percent. Rates in Ohio and Kentucky were "
        "higher, and Boone County is near the middle of Indiana counties.")
    boone = g[g.surface == "Boone County"]
    assert len(boone) == 2 and all(km(r, 40.05, -86.47) < 60 for _, r in boone.iterrows())


@pytest.mark.parametrize(("text", "name", "feature"), [
    ("A Georgia man was arrested on Monday, police said.", "Georgia", "admin1"),
    ("Needy Georgia residents can dial 211, officials in Washington said.", "Georgia", "admin1"),
    # México is a state of Mexico itself: the country's residents
    ("Texas officials said Mexico residents crossed the border at El Paso.", "Mexico", "country"),
])
def test_people_from_a_province_that_bears_a_countrys_name(
        text: str, name: str, feature: str) -> None:
    """A country's people go by its demonym ("a Georgian man"): "a Georgia man" and "Georgia
    residents" are from the US state."""
    g = geo.geoparse(text)
    assert g[g.surface == name].iloc[0]["feature"] == feature


@pytest.mark.parametrize(("text", "name", "lat", "lon", "approximate"), [
    # the gazetteer's only West Chester is in Pennsylvania, 750 km away: placed at Cincinnati
    ("Munir Abdulkader, 22, from the Cincinnati suburb of West Chester, pleaded guilty.",
     "West Chester", 39.10, -84.51, True),
    # not in the gazetteer at all: a suburb of Harare, so at Harare
    ("A resident of Mabvuku, a suburb located east of Harare, said water ran out.",
     "Mabvuku", -17.83, 31.05, True),
    # in the gazetteer, and near: placed as itself
    ("Naperville, a suburb of Chicago, voted on Tuesday.", "Naperville", 41.79, -88.15, False),
    # a town's own part: its only namesake is in Norway, so at Giza; and one missing from
    # the gazetteer, at Cairo
    ("Bombs killed six police officers in Giza's Haram district.", "Haram", 30.01, 31.21, True),
    ("Protesters gathered in Cairo's Zamalek neighbourhood.", "Zamalek", 30.06, 31.25, True),
    # a compass point's part of a city: "South Side" is only an old name of a Colorado town
    ("Officers responded to a shooting on Chicago's South Side.", "South Side", 41.85, -87.65,
     True),
    # near a city, where none of its namesakes is (in Italy and the Philippines): at Athens;
    # but the text need not say how near ("Gao, north-east of Bamako", 950 km)
    ("Firefighters battled a wildfire near Mati, east of Athens.", "Mati", 37.98, 23.73, True),
    ("Crews reached Mati, near Athens, on Tuesday.", "Mati", 37.98, 23.73, True),
    ("Rebels took Gao, north-east of Bamako, in April.", "Gao", 16.27, -0.04, False),
    # a land put in a town, far from the gazetteer's only land of the name (Canada's Arctic
    # Victoria Island): a part of the town
    ("Banks in Victoria Island, Lagos, closed early.", "Victoria Island", 6.45, 3.39, True),
    # but "in" may be where something about the land happens
    ("France is organizing a conference on the Sahel in New York.", "Sahel", 16.75, -9.38,
     False),
])
def test_a_suburb_of_a_city_the_text_names(
        text: str, name: str, lat: float, lon: float, approximate: bool) -> None:
    g = geo.geoparse(text)
    row = g[g.surface == name].iloc[0]
    assert km(row, lat, lon) < 40
    assert ("approximately" in row["placed_by"]) == approximate


def test_a_county_and_its_short_name_are_no_evidence_for_each_other() -> None:
    """"Madison … Madison County" may be one county named twice: Alabama's Madison County,
    which holds a Madison, gets no credit for it; Georgia's, which holds Danielsville, does."""
    g = geo.geoparse("Madison will dump its assessors. DANIELSVILLE - Madison County "
                     "commissioners voted on Monday to replace the board.")
    assert km(g[g.surface == "Madison County"].iloc[0], 34.13, -83.22) < 60


@pytest.mark.parametrize(("text", "cc", "town", "lat"), [
    ("Albany police and Georgia Bureau of Investigation agents arrested a suspected serial "
     "rapist in Albany.", "US", "Albany", 31.6),
    ("Two women were taken to Northeast Georgia Medical Center after a crash, Gainesville "
     "police said.", "US", "Gainesville", 34.3),
    ("Russian troops entered Georgia in August, officials in Tbilisi said.", "GE", "Tbilisi",
     41.7),
])
def test_georgia_is_read_by_the_other_places_in_the_text(
        text: str, cc: str, town: str, lat: float) -> None:
    """A name that is a country's and another country's province is judged by the rest of the
    text, not by its own first guess (the country): with Albany and Gainesville it is the US
    state, and they are Georgia's."""
    g = geo.geoparse(text)
    assert g[g.surface == "Georgia"].iloc[0]["country_code"] == cc
    assert abs(g[g.surface == town].iloc[0].geometry.y - lat) < 0.3


def test_a_city_is_not_the_borough_named_after_it() -> None:
    """Leeds and Bradford are also metropolitan boroughs (Natural Earth's admin-1 units) named
    after the cities: the names are the cities', which the text's other places support; and
    Wales is no province named after its namesake village in Yorkshire."""
    g = geo.geoparse("Police in Leeds arrested a man after a stabbing. West Yorkshire Police "
                     "said a 24-year-old from Bradford was held.")
    by = {r["surface"]: r for _, r in g.iterrows()}
    assert by["Leeds"]["feature"] == "city" and by["Bradford"]["feature"] == "city"
    wales = geo.geoparse("Officials in Wales and in England prepared for a pandemic.")
    assert wales[wales.surface == "Wales"].iloc[0]["feature"] == "admin1"
    # and Mopti's region, as near to the rest as the town, gains nothing over it
    mali = geo.geoparse("The Sahel countries of Burkina Faso, Niger and Chad face the same "
                        "threat as Mali, where fighters operate around Mopti and Ségou.")
    assert set(mali[mali.surface.isin(["Mopti", "Ségou"])]["feature"]) == {"city"}


def test_a_towns_name_with_city_is_no_second_vote_for_its_region() -> None:
    """"Dublin City Council" is one more name of the text's Dublin, not evidence of where that
    Dublin is: with Cuyahoga Falls, Ohio's Dublin stands."""
    g = geo.geoparse("The Dublin City Council approved funds for the Dublin Veterans Park, "
                     "modelled on one in Cuyahoga Falls. Dublin Mayor Marilee Chinnici-Zuercher "
                     "spoke.")
    assert set(g[g.surface == "Dublin"]["country_code"]) == {"US"}


@pytest.mark.parametrize("capital", ["the Illinois capital", "the capital of Illinois"])
def test_a_capital_the_text_says_is_its_provinces(capital: str) -> None:
    """"X, the Illinois capital", "X, the capital of Illinois": X is in Illinois, though the
    text's other Springfield is Massachusetts's."""
    g = geo.geoparse(f"In Springfield, {capital}, lawmakers debated; in Springfield, "
                     "Massachusetts, the mayor signed a budget.")
    first, second = (r for _, r in g[g.surface == "Springfield"].iterrows())
    assert km(first, 39.8, -89.64) < 30 and km(second, 42.1, -72.59) < 30


def test_an_apposition_that_says_what_a_place_is() -> None:
    """"Chester, a small town in Orange County": the sentence's first word is a place, in that
    county (not the Chester of Pennsylvania or England)."""
    g = geo.geoparse("Chester, a small town in Orange County, New York, lies near Warwick.")
    assert km(g[g.surface == "Chester"].iloc[0], 41.36, -74.27) < 30
    # a kind of place's word in another sense says nothing: "a city official"
    assert geo.geoparse("Chester, a city official, said the plan was sound.").empty


def test_a_name_written_short_is_still_the_places_own() -> None:
    """"St. Petersburg" is Saint Petersburg's own name, abbreviated: no alternate-name penalty
    holds it back from the airport the text puts in it, for all the text's American cities."""
    g = geo.geoparse("Baltia, a U.S. airline, will fly from New York to St. Petersburg's Pulkovo "
                     "airport, and later from Chicago and Atlanta.")
    by = {r["surface"]: r for _, r in g.iterrows()}
    assert by["St. Petersburg"]["country_code"] == "RU"


@pytest.mark.parametrize(("text", "expected"), [
    ("CHARLESTON, W.Va. -- Officials met.", [("CHARLESTON", "city"), ("W.Va.", "admin1")]),
    ("WASHINGTON -- The Senate voted.", [("WASHINGTON", "city")]),
    ("BEIRUT: The body of a man was found.", [("BEIRUT", "city")]),  # a colon's dateline
    # after a byline, not first in its sentence
    ("BY RUSS ZIMMER Advocate Reporter March 15, 2009 PATASKALA -- Officials met.",
     [("PATASKALA", "city")]),
    ("UPDATE: The AAD said so.", []),
    ("He lives in Columbia, S.C., with his wife.", [("Columbia", "city"), ("S.C.", "admin1")]),
    ("The AAD said so.", []),  # an acronym, not a place written in capitals
])
def test_datelines_and_dotted_abbreviations(text: str, expected: list[tuple[str, str]]) -> None:
    g = geo.geoparse(text)
    assert [(r["surface"], r["feature"]) for _, r in g.iterrows()] == expected


def test_a_dateline_alone_naming_a_capital_is_the_capital() -> None:
    """A dateline with no state or country after it names a city known by itself: Reuters'
    "WASHINGTON" above a story about a British spy in London and England is the capital, not
    Washington in Tyne and Wear, however British the rest of the text."""
    g = geo.geoparse("WASHINGTON Christopher Steele, who wrote reports on Russia for U.S. "
                     "officials, is a former officer in Britain's Secret Intelligence Service. "
                     "He met a New York-based FBI squad in London, and his company was hired by "
                     "the Football Association, England's soccer body.")
    assert g.loc[g["surface"] == "WASHINGTON", "country_code"].tolist() == ["US"]
    g = geo.geoparse("GEORGETOWN, Ky. -- The couple from Paris, Ky., flew to Lexington.")
    assert g.loc[g["surface"] == "Paris", "country_code"].tolist() == ["US"]


def test_a_name_alone_is_the_town_of_that_name_not_short_for_an_x_city() -> None:
    """"Denver" is Denver, not Denver City, Texas (4,800 people), however Texan the rest of
    the text; where no town bears the name itself, the short form still serves ("Carson" in
    Nevada is Carson City)."""
    g = geo.geoparse("She grew up in Austin, Texas, and now teaches at a school in Denver.")
    assert g.loc[g["surface"] == "Denver", "name"].tolist() == ["Denver"]
    g = geo.geoparse("Lawmakers in Carson met on Tuesday; Nevada's governor signed the bill.")
    assert g.loc[g["surface"] == "Carson", "name"].tolist() == ["Carson City"]


def test_provinces_in_a_list_and_words_that_are_also_provinces() -> None:
    g = geo.geoparse("Flu was reported in Arkansas, Colorado, Delaware and Montana. Swans died "
                     "in Michigan near Lake Erie.")
    by = {r["surface"]: r for _, r in g.iterrows()}
    for state in ("Arkansas", "Colorado", "Delaware", "Montana", "Michigan"):
        assert by[state]["feature"] == "admin1", state  # Delaware the state, not the Ohio town


def test_georgia_the_state_among_georgia_towns_and_mexico_the_country() -> None:
    g = geo.geoparse("MONROE -- Deputies from Walton County drove to Atlanta and Monroe. "
                     "Georgia officials said the roads were closed.")
    assert g.loc[g["surface"] == "Georgia", "country_code"].tolist() == ["US"]
    g = geo.geoparse("Flu cases rose in Mexico, health officials in Mexico said.")
    assert set(g.loc[g["surface"] == "Mexico", "feature"]) == {"country"}


def test_the_cyclic_gc_is_paused_for_a_text_and_left_as_it_was() -> None:
    import gc

    from geo.pipeline import _cyclic_gc_paused

    assert gc.isenabled()
    with _cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with _cyclic_gc_paused():
            pass
        assert not gc.isenabled()  # a caller's choice is not overridden
    finally:
        gc.enable()


def test_a_town_goes_by_its_province_s_name_whatever_it_is_called_now() -> None:
    """Chittagong is the division's own name and an old one of its capital, Chattogram: in a
    sentence of towns it is the city (as Sylhet and Ségou are), where New York stays the state
    and New York City goes by a word more."""
    g = geo.geoparse("Heavy rains flooded parts of Dhaka and Sylhet on Monday, while in "
                     "Chittagong port operations were suspended.")
    by = {r["surface"]: r for _, r in g.iterrows()}
    assert (by["Chittagong"]["name"], by["Chittagong"]["feature"]) == ("Chattogram", "city")
    g = geo.geoparse("Trucks were stopped near the New York border with Massachusetts.")
    assert g.loc[g["surface"] == "New York", "feature"].tolist() == ["admin1"]


@pytest.mark.parametrize(("text", "surface", "name", "feature"), [
    ("Floods devastated Rio Grande do Sul.", "Rio Grande do Sul", "Rio Grande do Sul",
     "admin1"),
    ("Officials in Davao City said the mayor would resign.", "Davao City", "Davao", "city"),
    ("In Antioquia, officials in Medellín reported fewer murders.", "Antioquia", "Antioquia",
     "admin1"),  # not the small town of Santa Fe de Antioquia
])
def test_a_province_named_a_town_s_name_and_more_is_not_that_town(
        text: str, surface: str, name: str, feature: str) -> None:
    """Rio Grande do Sul was once a name of its town Rio Grande too, but "do Sul" sets the
    state apart from the town, as "City" sets New York City apart from the state and "Santa
    Fe de" the town of Santa Fe de Antioquia from Antioquia, which it gave its name; a word
    saying the province is the town ("Davao City", Natural Earth's unit of the city) does
    not."""
    g = geo.geoparse(text)
    assert g.loc[g["surface"] == surface, ["name", "feature"]].values.tolist() == [[name, feature]]


def test_a_town_goes_by_its_province_s_name_whatever_apostrophes_mark() -> None:
    """Natural Earth writes Ukraine's oblasts with the soft sign ("L'viv", "Donets'k"),
    GeoNames their cities without ("Lviv", "Donetsk"): the name alone is still the city, and
    the region is "the Donetsk region"."""
    g = geo.geoparse("Shelling hit Donetsk and Lviv overnight.")
    assert g[["name", "feature"]].values.tolist() == [["Donetsk", "city"], ["Lviv", "city"]]
    g = geo.geoparse("Heavy fighting continued in the Donetsk region.")
    assert g["feature"].tolist() == ["admin1"]


def test_a_word_of_the_landscape_needs_a_place_of_its_country_in_the_text() -> None:
    """A province or town named by a word of the landscape alone ("Gulf", Papua New Guinea;
    "Islands", Hong Kong; "Lakes", South Sudan) is that word, or a word of a longer name,
    unless the text names another place in its country."""
    g = geo.geoparse("Cairo and Washington discussed the peace process and the situation in "
                     "the Gulf.")
    assert "Gulf" not in g["surface"].tolist()
    g = geo.geoparse("Seabirds are starving on the Farallon Islands off San Francisco.")
    assert "Islands" not in g["surface"].tolist()
    g = geo.geoparse("Flooding in Lakes state displaced thousands near Rumbek, South Sudan.")
    assert "Lakes" in g["surface"].tolist()


def test_a_small_town_in_a_body_s_name_needs_a_place_of_the_text_in_its_province() -> None:
    """"The Mayo Clinic" in a Minnesota story names no Maryland village (Mayo, 8,000 people),
    though the text is about the same country; "the Ozark Police Department" beside Dale
    County, Alabama, is that county's Ozark."""
    g = geo.geoparse("ROCHESTER, Minn. -- The Mayo Clinic said Tuesday it will add 200 jobs. "
                     "Officials in Olmsted County welcomed the news.")
    assert "Mayo" not in g["surface"].tolist()
    g = geo.geoparse("The Ozark Police Department arrested a man on Tuesday. Deputies from Dale "
                     "County, Alabama, helped.")
    ozark = g[g["surface"] == "Ozark"]
    assert (ozark["role"].tolist(), ozark["name"].tolist()) == (["in_name"], ["Ozark"])


@pytest.mark.parametrize("text", [
    "Officers from Thames Valley Police and Greater Manchester Police joined the operation, "
    "which began in the West Midlands.",
    "The driver, of Jeannette, was taken to Westmoreland Hospital and released in Greensburg.",
])
def test_words_around_a_body_s_name_are_the_body_s(text: str) -> None:
    """"From" before "Thames Valley Police", and the list it is in, speak for the police force,
    not for New Zealand's Thames (7,000 people); "to" before "Westmoreland Hospital" not for
    Westmoreland, Tennessee."""
    g = geo.geoparse(text)
    assert not {"Thames", "Westmoreland"} & set(g["surface"])


@pytest.mark.parametrize(("text", "surface", "kept"), [
    # only another name of a town abroad, nothing around it saying it is a place: no place
    ("Protesters threw Molotov cocktails at police in Paris.", "Molotov", False),
    ("The awards were presented at St Ivo School, in St Ives, Cambridgeshire.", "Ivo", False),
    # a word that says it is a place, or a spelling of the town's own name, keeps it
    ("Saudi-led jets bombed Hodeida after leaving Djibouti.", "Hodeida", True),
    ("A shipment left Kismayu for Mombasa.", "Kismayu", True),
])
def test_a_town_s_other_name_abroad_needs_a_word_that_it_is_a_place(
        text: str, surface: str, kept: bool) -> None:
    g = geo.geoparse(text)
    assert (surface in g["surface"].tolist()) == kept


def test_a_town_is_found_by_its_name_without_the_transliteration_s_marks() -> None:
    g = geo.geoparse("Turkish troops advanced on Afrin in the northwest.")
    assert g.loc[g["surface"] == "Afrin", "country_code"].tolist() == ["SY"]


@pytest.mark.parametrize(("text", "cc"), [
    ("We flew from Paris France to Austin Texas last week.", "FR"),
    ("Greetings from Paris Texas!", "US"),
])
def test_a_town_before_its_province_without_a_comma_is_in_it(text: str, cc: str) -> None:
    """Posts leave out the comma: "Paris Texas" is Paris, Texas, as "Paris, Texas" is."""
    g = geo.geoparse(text)
    assert g.loc[g["surface"] == "Paris", "country_code"].tolist() == [cc]


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Russian forces pressed on Avdiivka and Vuhledar.", "Avdiivka", "Avdiyivka"),
    ("Shelling hit the Izium district.", "Izium", "Izyum"),
])
def test_a_town_s_own_name_in_another_romanisation_is_its_own(
        text: str, surface: str, name: str) -> None:
    """Ukraine's official romanisation writes "i" for GeoNames' "y": "Avdiivka" is Avdiyivka's
    own name, not another language's, and needs no "in" before it."""
    g = geo.geoparse(text)
    assert g.loc[g["surface"] == surface, "name"].tolist() == [name]


def test_a_country_s_largest_city_is_the_city() -> None:
    """"Santa Cruz, Bolivia's largest city" is Santa Cruz de la Sierra, not the department of
    the name, whose middle is 180 km east."""
    g = geo.geoparse("Floods hit Santa Cruz, Bolivia's largest city, and Cochabamba.")
    assert g.loc[g["surface"] == "Santa Cruz", "feature"].tolist() == ["city"]


@pytest.mark.parametrize(("text", "surface", "lat", "lon"), [
    ("Storms battered the Gulf Coast on Monday.", "Gulf Coast", 31.0, -90.0),
    ("Snow fell across the Mid-Atlantic.", "Mid-Atlantic", 40.5, -76.5),
    # the region, not Appalachia, Virginia (1,700 people)
    ("Poverty in Appalachia fell slowly.", "Appalachia", 37.8, -83.0),
])
def test_regions_of_states_the_news_names(text: str, surface: str, lat: float, lon: float
                                          ) -> None:
    row = geo.geoparse(text)
    row = row[row["surface"] == surface].iloc[0]
    assert row["feature"] == "admin1" and km(row, lat, lon) < 300


def test_a_town_is_found_by_its_name_written_joined() -> None:
    """"Lashkargah" is Lashkar Gāh's own name written joined, not some other language's name
    for it, so it needs no "in" before it."""
    g = geo.geoparse("The Taliban advanced on Lashkargah and Kandahar, officials in Kabul said.")
    assert g.loc[g["surface"] == "Lashkargah", "name"].tolist() == ["Lashkar Gāh"]


def test_a_province_whose_town_goes_by_x_city_is_the_province_by_its_name_alone() -> None:
    """English calls the town "Quebec City", so "Quebec" alone is the province; Ségou, whose
    town has no such name, is the town by its name alone."""
    g = geo.geoparse("She was born in Quebec and moved to Winnipeg.")
    assert g.loc[g["surface"] == "Quebec", "feature"].tolist() == ["admin1"]
    g = geo.geoparse("Protesters marched in Quebec City and in Montreal on Saturday.")
    assert g.loc[g["surface"] == "Quebec City", "feature"].tolist() == ["city"]
    g = geo.geoparse("Attacks reached Ségou and Mopti.")
    assert g.loc[g["surface"] == "Ségou", "feature"].tolist() == ["city"]


def test_a_province_goes_by_its_name_without_its_kind_in_the_country_s_own_words() -> None:
    """GeoNames calls Xinjiang "Xinjiang Uygur Zizhiqu" (Chinese for autonomous region) and
    Natural Earth "Xinjiang Uygur": "Xinjiang" alone is the province, not the villages of
    unknown size named after it."""
    g = geo.geoparse("Uyghurs in Xinjiang face detention, while Ningxia and Gansu were spared.")
    by = {r["surface"]: r for _, r in g.iterrows()}
    assert [by[n]["feature"] for n in ("Xinjiang", "Ningxia")] == ["admin1", "admin1"]


def test_a_province_in_a_body_s_name_needs_a_place_of_the_text_in_its_country() -> None:
    """"St. Elizabeth Hospital" in a Kentucky story is no Jamaican parish's, though "at … in
    Edgewood" stand around it (they are the hospital's); "Kentucky State Police" is
    Kentucky's, which the text names again."""
    g = geo.geoparse("The victim was pronounced dead at St. Elizabeth Hospital in Edgewood, "
                     "Kentucky State Police said. Edgewood is near Covington, Ky.")
    assert "JM" not in g["country_code"].tolist()
    assert g.loc[g["surface"] == "Kentucky", "role"].tolist() == ["in_name"]


def test_a_village_in_a_country_the_text_names_nothing_else_in_is_no_place() -> None:
    """"In Normandy" in a French story is not the Surrey hamlet of that name (the French
    region is missing from the gazetteer), "in" or no "in"; a village the text puts in its
    country stays ("born in Aguelhok in Mali")."""
    g = geo.geoparse("Farmers blocked roads around Paris and Lyon. In Brittany, tractors closed "
                     "the ring road of Rennes, while in Normandy farmers rallied in Caen.")
    assert "GB" not in g["country_code"].tolist()
    g = geo.geoparse("The singer, who grew up in Chicago and Detroit, was born in Aguelhok in "
                     "Mali and later lived in Boston.")
    assert g.loc[g["surface"] == "Aguelhok", "country_code"].tolist() == ["ML"]


def test_a_list_ends_at_its_and() -> None:
    """In "Buffalo and Syracuse, New York" the list ends at "and Syracuse": New York is
    Syracuse's state, not a third town of the list."""
    g = geo.geoparse("Snow closed schools in Buffalo and Syracuse, New York.")
    assert g.loc[g["surface"] == "New York", "feature"].tolist() == ["admin1"]
    # and a name listed twice is two places, each in the province after it
    g = geo.geoparse("Residents of Portland, Maine, and Portland, Oregon, both claim the name.")
    portland = g[g["surface"] == "Portland"]
    assert [round(y) for y in portland.geometry.y] == [44, 46]  # 43.66 and 45.52


def test_a_dateline_whose_dash_came_as_a_control_character() -> None:
    """"NEWARK \x97 It was…": a Windows-1252 dash read as Latin-1 still ends a dateline."""
    g = geo.geoparse("Man cited. NEWARK \x97 It was in the Newark police report.")
    assert g["surface"].tolist() == ["NEWARK", "Newark"]
