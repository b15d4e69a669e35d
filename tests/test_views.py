"""geo.views: view state in URLs, filtering, per-place aggregation and escaping of text."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import views
from geo.views import Span, ViewState, Vocabulary

D = dt.date


# --- ViewState -------------------------------------------------------------------------------
def test_default_view_has_an_empty_query():
    assert ViewState().to_query() == {}
    assert ViewState.from_query({}) == (ViewState(), [])


def test_a_full_view_round_trips():
    s = ViewState(start=D(2012, 3, 1), end=D(2012, 4, 30), step="week", time="published",
                  undated=True, docs=("d1", "d2"), features=("city",), countries=("ML",),
                  min_conf=0.35, q="coup d'état & more", layers=("heat", "mentions"),
                  color="doc", basemap="osm", place="geonames:2460596", doc="d1",
                  lat=12.6392, lon=-8.0029, zoom=7)
    query = s.to_query()
    assert query["start"] == "2012-03-01" and query["layers"] == "mentions,heat"
    assert ViewState.from_query(query) == (s, [])
    # As st.query_params.get_all gives them: lists of values.
    assert ViewState.from_query({k: [v] for k, v in query.items()}) == (s, [])


def test_all_layers_off_is_kept():
    s = ViewState(layers=())
    assert s.to_query() == {"layers": "none"}
    assert ViewState.from_query(s.to_query())[0] == s


dates = st.one_of(st.none(), st.dates(D(1900, 1, 1), D(2100, 12, 31)))
ids = st.text(st.characters(blacklist_characters=",", blacklist_categories=("Cs",)),
              min_size=1, max_size=12).map(str.strip).filter(lambda x: x and x != "none")
views_ = st.builds(
    ViewState, start=dates, end=dates, step=st.sampled_from(views.STEPS),
    time=st.sampled_from(views.TIME_AXES), undated=st.booleans(),
    docs=st.lists(ids, max_size=3).map(tuple),
    features=st.lists(st.sampled_from(views.FEATURES), max_size=3).map(tuple),
    countries=st.lists(st.from_regex(r"[A-Z]{2}", fullmatch=True), max_size=3).map(tuple),
    min_conf=st.floats(0, 1), q=st.text(st.characters(blacklist_categories=("Cs",)),
                                        max_size=30),
    layers=st.lists(st.sampled_from(views.LAYERS), max_size=6).map(tuple),
    color=st.sampled_from(views.COLOR_BY), basemap=st.sampled_from(views.BASEMAPS),
    place=st.one_of(st.none(), ids), doc=st.one_of(st.none(), ids),
    lat=st.one_of(st.none(), st.floats(-90, 90)), lon=st.floats(-180, 180),
    zoom=st.one_of(st.none(), st.integers(1, 18)),
).filter(lambda s: not (s.start and s.end and s.start > s.end)).map(
    lambda s: s.replace(lon=None) if s.lat is None else s)


@settings(max_examples=300, deadline=None)
@given(views_)
def test_any_view_round_trips_through_its_url(s: ViewState):
    assert ViewState.from_query(s.to_query()) == (s, [])


@pytest.mark.parametrize("query, field", [
    ({"start": "notadate"}, "start"), ({"end": "2012-13-45"}, "end"),
    ({"zoom": "abc"}, "zoom"), ({"zoom": "99"}, "zoom"), ({"step": "fortnight"}, "step"),
    ({"time": "future"}, "time"), ({"undated": "maybe"}, "undated"),
    ({"conf": "1.5"}, "min_conf"), ({"conf": "nan"}, "min_conf"),
    ({"layers": "mentions,lasers"}, "layers"), ({"features": "planet"}, "features"),
    ({"countries": "mali"}, "countries"), ({"color": "red"}, "color"),
    ({"basemap": "google"}, "basemap"), ({"lat": "95", "lon": "0"}, "lat"),
])
def test_bad_values_fall_back_to_defaults_with_a_warning(query, field):
    s, warnings = ViewState.from_query(query)
    assert getattr(s, field) == getattr(ViewState(), field)
    assert len(warnings) >= 1 and all(isinstance(w, str) and w for w in warnings)
    assert list(query)[0] in warnings[0]


def test_half_a_centre_and_a_backwards_window_are_dropped():
    s, warnings = ViewState.from_query({"lat": "12", "start": "2013-01-01", "end": "2012-01-01"})
    assert (s.lat, s.lon, s.start, s.end) == (None, None, None, None)
    assert len(warnings) == 2


def test_good_values_survive_next_to_bad_ones():
    s, warnings = ViewState.from_query({"start": "2012-03-01", "zoom": "abc", "place": "x:1"})
    assert s.start == D(2012, 3, 1) and s.place == "x:1" and s.zoom is None
    assert len(warnings) == 1


def test_reconcile_drops_what_the_corpus_does_not_have(corpus):
    mentions, documents = corpus
    vocab = Vocabulary.of(mentions, documents)
    s = ViewState(docs=("d1", "missing"), countries=("ML", "ZZ"), place="geonames:999999999",
                  doc="nope", start=D(1990, 1, 1), end=D(1991, 1, 1))
    fixed, warnings = s.reconcile(vocab)
    assert fixed.docs == ("d1",) and fixed.countries == ("ML",)
    assert fixed.place is None and fixed.doc is None and fixed.start is None
    assert len(warnings) == 5
    assert ViewState(place="geonames:2460596").reconcile(vocab) == (
        ViewState(place="geonames:2460596"), [])


# --- filtering -------------------------------------------------------------------------------
def test_map_default_is_places_without_duplicates(corpus):
    mentions, _ = corpus
    shown = views.filter_mentions(mentions)
    assert len(shown) == 10
    assert (shown["role"] == "place").all() and not shown["duplicate"].any()
    context = views.filter_mentions(mentions, roles=views.CONTEXT_ROLES)
    assert context["surface"].tolist() == ["French"]


def test_a_mention_shows_when_its_interval_meets_the_window(corpus):
    mentions, _ = corpus
    april = views.filter_mentions(mentions, (D(2012, 4, 15), D(2012, 4, 15)), "day",
                                  include_undated=False)
    assert sorted(april["name"]) == ["Gao", "Timbuktu"]  # "in April 2012" spans the month
    month = views.filter_mentions(mentions, (D(2012, 3, 10), D(2012, 3, 10)), "month",
                                  include_undated=False)
    assert sorted(month["name"]) == ["Bamako", "Kati", "Mali"]  # widened to March
    with_undated = views.filter_mentions(mentions, (D(2012, 3, 10), D(2012, 3, 10)), "month")
    assert len(with_undated) == len(month) + 2


def test_publication_axis_uses_the_publication_date(corpus):
    mentions, _ = corpus
    shown = views.filter_mentions(mentions, (D(2012, 4, 1), D(2012, 4, 30)), "day",
                                  time_axis="published", include_undated=False)
    assert set(shown["doc_id"]) == {"d2"}
    assert views.undated_count(views.filter_mentions(mentions), "published") == 2


def test_filters_combine(corpus):
    mentions, _ = corpus
    f = views.filter_mentions
    assert set(f(mentions, docs=["d3"])["name"]) == {"Ségou", "Bamako"}
    assert set(f(mentions, features=["country"])["name"]) == {"Mali"}
    assert set(f(mentions, countries=["FR"])["name"]) == set()
    assert "Kati" not in set(f(mentions, min_conf=0.5)["name"])
    assert set(f(mentions, query="DROUGHT")["name"]) == {"Sahel"}
    assert len(f(mentions, include_undated=False)) == 8


def test_time_span_and_periods(corpus):
    mentions, _ = corpus
    shown = views.filter_mentions(mentions)
    assert views.time_span(shown) == (D(2012, 3, 21), D(2020, 8, 18))
    assert views.time_span(shown.iloc[0:0]) is None
    assert views.period_start(D(2012, 3, 21), "week") == D(2012, 3, 19)  # a Monday
    assert views.period_end(D(2012, 2, 10), "month") == D(2012, 2, 29)
    assert views.periods((D(2012, 11, 5), D(2013, 2, 1)), "month")[-1] == D(2013, 2, 1)
    assert views.period_label(D(2012, 3, 1), "month") == "Mar 2012"


def test_aggregate_places(corpus):
    mentions, _ = corpus
    places = views.aggregate_places(views.filter_mentions(mentions)).set_index("name")
    assert places.loc["Bamako", "mentions"] == 3 and places.loc["Bamako", "documents"] == 3
    assert bool(places.loc["Kati", "low_confidence"]) and not places.loc["Bamako",
                                                                         "low_confidence"]
    assert places.loc["Sahel", "inferred_share"] == 1.0
    assert places.loc["Timbuktu", "top_doc"] == "d2"
    assert places.index[0] == "Bamako"  # most mentioned first
    empty = views.aggregate_places(mentions.iloc[0:0])
    assert list(empty.columns) == views.PLACE_COLUMNS and len(empty) == 0


def test_approximate_places_count_as_low_confidence(corpus):
    mentions, _ = corpus
    m = mentions.copy()
    m.loc[m["name"] == "Gao", "place_id"] = "approx:gao"
    places = views.aggregate_places(views.filter_mentions(m)).set_index("name")
    assert bool(places.loc["Gao", "low_confidence"])


def test_resolve_click_by_tooltip_name_and_nearness(corpus):
    mentions, _ = corpus
    places = views.aggregate_places(views.filter_mentions(mentions))
    assert views.resolve_click(places, 12.7, -8.0, "Kati · 1 mention") == "geonames:2455518"
    assert views.resolve_click(places, 12.64, -8.0, None) == "geonames:2460596"
    assert views.resolve_click(places, 17.0, -4.0, "Mali · 1 mention") == "geonames:2453866"
    assert views.resolve_click(places, -40.0, 100.0, None) is None
    assert views.resolve_click(places.iloc[0:0], 1.0, 1.0, None) is None
    # A circle's tooltip names its place: that one, not a nearer namesake.
    twin = places[places["place_id"] == "geonames:2455518"].assign(place_id="geonames:1")
    both = pd.concat([places, twin.assign(lat=12.70, lon=-8.00)])
    assert views.resolve_click(both, 12.7, -8.0, "Kati · 1 mention") == "geonames:1"
    assert views.resolve_click(both, 12.7, -8.0, f"Kati · 1 mention{views.ID_MARK}"
                               "geonames:2455518") == "geonames:2455518"
    assert views.resolve_click(both, 12.7, -8.0, f"Kati{views.ID_MARK}gone") == "geonames:1"


# --- text as HTML ----------------------------------------------------------------------------
def test_safe_text_is_safe_in_html_and_template_literals():
    out = views.safe_text("<b>x</b> `${alert(1)}` \\ \"q\" 'a' & y")
    for bad in ("<", ">", "`", "${", "\\", '"', "'"):
        assert bad not in out
    assert "&lt;b&gt;" in out and "&amp;" in out


def test_highlight_escapes_first_then_marks():
    text = "A note: <script>alert(1)</script> <b>Mali</b> is large & dry."
    start = text.index("Mali")
    out = views.highlight_html(text, [Span(start, start + 4, href="map?place=a&b=1"),
                                      Span(start + 1, start + 3)])  # overlapping: skipped
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&amp; dry" in out
    assert '<mark class="pl-mention">Mali</mark>' in out
    assert 'href="map?place=a&amp;b=1"' in out and out.count("<mark") == 1


def test_passage_html_marks_the_mention_in_its_sentence(corpus):
    mentions, documents = corpus
    row = mentions[(mentions["doc_id"] == "d4") & (mentions["name"] == "Mali")].iloc[0]
    text = documents.set_index("doc_id").loc["d4", "text"]
    out = views.passage_html(row.to_dict(), text, url="https://example.org/x?a=1&b=2",
                             source="note")
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;b&gt;<mark class=\"pl-mention\">Mali</mark>&lt;/b&gt;" in out
    assert "Undated note &lt;script&gt;" in out and "undated" in out
    assert 'href="https://example.org/x?a=1&amp;b=2"' in out


def test_passage_shows_why_and_runner_ups(corpus):
    mentions, _ = corpus
    row = mentions[mentions["name"] == "Kati"].iloc[0].to_dict()
    out = views.passage_html(row)
    assert "confidence 0.42 (low)" in out and "runner-ups: Kati (elsewhere)" in out
    assert "inferred" in out and '<mark class="pl-mention">Kati</mark>' in out


def test_sentence_span_falls_back_to_the_surface():
    row = {"sentence": "Rebels entered Gao.", "surface": "Gao", "start": 500, "end": 503}
    assert views.sentence_span(row) == ("Rebels entered Gao.", 15, 18)
    assert views.sentence_span(row, "unrelated text") == ("Rebels entered Gao.", 15, 18)


def test_timezone_aware_dates_are_read_as_utc(corpus):
    mentions, _ = corpus
    m = mentions.copy()
    m["date_start"] = m["date_start"].dt.tz_localize("UTC")
    m["date_end"] = m["date_end"].dt.tz_localize("UTC")
    assert views.time_span(views.filter_mentions(m)) == (D(2012, 3, 21), D(2020, 8, 18))
    assert isinstance(views.intervals(m)[0].iloc[0], pd.Timestamp)


TITLES = {"a": "Coup in Bamako", "b": "Drought in Ségou", "c": "Élections à Kati",
          "d": "Bamako talks resume", "e": "Floods near Mopti"}


def test_title_choices_match_every_typed_word_whatever_the_accents_and_case():
    assert views.title_choices(TITLES, "bamako") == (["d", "a"], 2)
    assert views.title_choices(TITLES, "SEGOU drought") == (["b"], 1)
    assert views.title_choices(TITLES, "elections kati") == (["c"], 1)
    assert views.title_choices(TITLES, "bamako drought") == ([], 0)
    assert views.title_choices(TITLES, "  ") == (sorted(TITLES, key=TITLES.get), 5)


def test_title_choices_list_at_most_the_limit_but_always_what_is_chosen():
    ids, found = views.title_choices(TITLES, limit=2)
    assert found == 5 and ids == ["d", "a"]  # "Bamako talks…", "Coup in…": first by title
    ids, found = views.title_choices(TITLES, "", keep=["e", "zz"], limit=2)
    assert ids == ["d", "a", "e"] and found == 5  # a chosen id that is no document is dropped
    assert views.title_choices(TITLES, "drought", keep=["a"], limit=2) == (["a", "b"], 1)


def test_a_caption_says_what_the_view_shows_in_plain_text():
    shown = pd.DataFrame({"place_id": ["a", "a", "b"], "doc_id": ["d1", "d2", "d2"]})
    span = (dt.date(2012, 1, 5), dt.date(2020, 9, 1))
    assert views.counts(shown) == (3, 2, 2)
    assert views.caption(ViewState(), span, views.counts(shown)) == (
        "3 mentions of 2 places in 2 documents · Jan 2012 – Sep 2020, dates in the texts"
        " · Placeline")
    narrowed = ViewState(start=dt.date(2012, 3, 1), end=dt.date(2012, 3, 31), time="published",
                         undated=True, docs=("d2",), features=("admin1",), countries=("ML",),
                         min_conf=0.5, q="<b>coup</b>")
    assert views.caption(narrowed, span, views.counts(shown.head(1))) == (
        "1 mention of 1 place in 1 document · Mar 2012, publication dates (undated included)"
        " · 1 chosen document · kinds: province (admin-1) · countries: ML · confidence ≥ 0.50"
        " · sentences with “<b>coup</b>” · Placeline")  # plain text: the map sets it as text
    assert views.caption(ViewState(), None, (0, 0, 0)).startswith("0 mentions of 0 places")
    assert views.count_line((3, 2, 2), "**") == "**3** mentions of **2** places in **2** documents"
