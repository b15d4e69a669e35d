"""geo.charts: mentions over time by place and by document."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from geo import charts, maps, views


@pytest.fixture
def shown(corpus):
    return views.filter_mentions(corpus[0])


def test_counts_per_month_and_place(shown):
    counts = charts.counts_by_period(shown, "place", "month")
    march = counts[counts["period"] == pd.Timestamp("2012-03-01")].set_index("label")
    assert march["mentions"].to_dict() == {"Bamako": 1, "Kati": 1, "Mali": 1}
    assert counts["mentions"].sum() == 8  # the two undated mentions are left out
    assert set(counts["period"].dt.year) == {2012, 2020}


def test_top_places_keep_their_name_and_the_rest_is_other(shown):
    counts = charts.counts_by_period(shown, "place", "year", top=2)
    labels = set(counts["label"])
    assert "Bamako" in labels and "Other places" in labels and len(labels) == 3
    assert counts["mentions"].sum() == 8


def test_weeks_start_on_monday(shown):
    counts = charts.counts_by_period(shown, "doc", "week")
    assert (counts["period"].dt.day_of_week == 0).all()


def test_timeline_by_place_has_one_trace_per_place(shown):
    window = (dt.date(2012, 3, 1), dt.date(2012, 4, 30))
    fig = charts.timeline(shown, "place", "month", window=window)
    assert {t.name for t in fig.data} == {"Bamako", "Kati", "Mali", "Timbuktu", "Gao", "Sahel",
                                          "Ségou"}
    assert fig.layout.barmode == "stack" and len(fig.layout.shapes) == 1
    assert sum(sum(t.y) for t in fig.data) == 8


def test_timeline_by_document_uses_map_colours_and_escapes_titles(corpus, shown):
    _, documents = corpus
    titles = dict(zip(documents["doc_id"], documents["title"], strict=True))
    titles["d1"] = "<script>alert(1)</script> <b>Coup</b>"
    places = views.aggregate_places(shown)
    colors = maps.doc_colors(places)
    fig = charts.timeline(shown, "doc", "year", titles=titles, colors=colors)
    names = [t.name for t in fig.data]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Coup&lt;/b&gt;" in names
    assert not any("<script>" in n for n in names)
    coup = next(t for t in fig.data if t.name.startswith("&lt;script"))
    assert coup.marker.color == colors["d1"]


def test_empty_timeline_says_so(corpus):
    fig = charts.timeline(corpus[0].iloc[0:0], "place", "month")
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == "No dated mentions match the filters."


def test_bad_arguments_raise_clearly(shown):
    with pytest.raises(ValueError, match="by must be"):
        charts.counts_by_period(shown, "country", "month")


def test_bars_widen_when_the_step_would_draw_hairlines():
    span = (dt.date(2012, 1, 1), dt.date(2020, 9, 30))  # ~105 months, ~450 weeks, ~3,200 days
    assert charts.bar_step(span, "month") == "month"
    assert charts.bar_step(span, "day") == "month"
    assert charts.bar_step(span, "year") == "year"
    assert charts.bar_step(span, "month", most=50) == "year"
    assert charts.bar_step(None, "day") == "day"  # nothing dated: as asked
