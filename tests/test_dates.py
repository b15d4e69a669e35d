"""geo.dates: datelines, relative phrases, UPDATE sections, names that look like dates."""

import calendar
import datetime as dt
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

# The repo is not pip-installed; make `geo` importable when pytest runs from any directory.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from geo import dates  # noqa: E402
from geo.dates import Interval, find_dates, publication_date, sentence_dates  # noqa: E402

D = dt.date
MAY_1_2012 = D(2012, 5, 1)  # a Tuesday


def day(d: dt.date) -> Interval:
    return Interval(d, d, "day")


def only(text: str, written: dt.date | None) -> Interval:
    """The single interval found in text (fails if there is not exactly one)."""
    found = find_dates(text, written)
    assert len(found) == 1, found
    return found[0][2]


def line_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


# --- publication_date ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday, May 01, 2012\n\nMali's junta said it remained in control.", D(2012, 5, 1)),
        ("Mali coup\nPosted on Sep 22, 2020 by admin\n\nSoldiers seized power.", D(2020, 9, 22)),
        ("2020-09-22\nSoldiers seized power.", D(2020, 9, 22)),
        ("22 September 2020\nSoldiers seized power.", D(2020, 9, 22)),
        ("September 22, 2020\nSoldiers seized power.", D(2020, 9, 22)),
        ("Sept. 22, 2020\nSoldiers seized power.", D(2020, 9, 22)),
        ("BAMAKO, Sept. 22, 2020 (Reuters) - Soldiers seized power in Mali on a busy day.",
         D(2020, 9, 22)),
    ],
)
def test_publication_date_from_dateline(text: str, expected: dt.date) -> None:
    assert publication_date(text) == (expected, "text")


@pytest.mark.parametrize(
    "text",
    [
        "On August 18, Malian soldiers mutinied at the Kati base.",
        "Mali's last coup in 2012 led to a decade of instability.",
        "Spring 2011 brought protests. Mali's last coup in 2012 followed.",
        "The soldiers met on September 26th in Bamako.",
        "On August 18, 2012, Malian soldiers mutinied at a base outside the capital Bamako.",
        "",
    ],
)
def test_publication_date_undated(text: str) -> None:
    assert publication_date(text) == (None, "none")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attacks this year, 2012, have displaced thousands.", D(2012, 1, 1)),
        ("So far in 2015 there have been 40 attacks.", D(2015, 1, 1)),
        ("As of 2019, the mission had 13,000 troops.", D(2019, 1, 1)),
        ("Here in 2020 the markets are quiet.", D(2020, 1, 1)),
        ("As of September 2019, the mission had 13,000 troops.", D(2019, 9, 1)),
    ],
)
def test_publication_date_inferred_from_anchored_year(text: str, expected: dt.date) -> None:
    assert publication_date(text) == (expected, "inferred")


def test_dateline_must_be_near_the_top() -> None:
    text = "\n".join(["Filler line."] * 12 + ["Tuesday, May 01, 2012"])
    assert publication_date(text) == (None, "none")


# --- UPDATE sections and weekdays ------------------------------------------------------------
UPDATE_TEXT = (
    "Tuesday, May 01, 2012\n"
    "\n"
    "Mali's military junta said on Tuesday it remained in control.\n"
    "\n"
    "UPDATE: Fighting continues:\n"
    "\n"
    "Gunfire rang out in Mali's capital Bamako on Wednesday.\n"
)


def test_update_section_resolves_weekdays_after_post_date() -> None:
    published, how = publication_date(UPDATE_TEXT)
    assert (published, how) == (MAY_1_2012, "text")
    spans = line_spans(UPDATE_TEXT)
    result = sentence_dates(UPDATE_TEXT, spans, published)
    assert result[1] == (day(D(2012, 5, 1)), "text")
    assert result[2] == (day(MAY_1_2012), "published")  # the UPDATE header has no phrase
    assert result[3] == (day(D(2012, 5, 2)), "text")


def test_weekday_in_main_text_is_nearest_and_in_update_is_forward() -> None:
    # Written Tuesday 2012-05-01: main-text "Sunday" is 2 days back (not 5 ahead); in an update
    # it can only be the Sunday after the post date.
    text = "They left on Sunday.\nUPDATE: more\nThey returned on Sunday."
    found = [iv for _, _, iv in find_dates(text, MAY_1_2012)]
    assert found == [day(D(2012, 4, 29)), day(D(2012, 5, 6))]


def test_update_header_with_its_own_date_sets_time_of_writing() -> None:
    text = "Main text.\nUPDATE (May 3, 2012): troops arrived yesterday."
    assert [iv for _, _, iv in find_dates(text, MAY_1_2012)][-1] == day(D(2012, 5, 2))


def test_last_and_next_weekday() -> None:
    assert only("last Friday", MAY_1_2012) == day(D(2012, 4, 27))
    assert only("next Tuesday", MAY_1_2012) == day(D(2012, 5, 8))


# --- phrases ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase", ["16 April", "April 16", "April 16th", "on the 16th of April", "16th April"]
)
def test_day_month_without_year_uses_year_of_writing(phrase: str) -> None:
    assert only(phrase, MAY_1_2012) == day(D(2012, 4, 16))


def test_day_month_far_in_the_future_is_last_years() -> None:
    assert only("on 20 December", MAY_1_2012) == day(D(2011, 12, 20))
    assert only("on 20 June", MAY_1_2012) == day(D(2012, 6, 20))


def test_explicit_year_wins() -> None:
    assert only("16 April 2009", MAY_1_2012) == day(D(2009, 4, 16))
    assert only("December 20, 2012", MAY_1_2012) == day(D(2012, 12, 20))


def test_month_year_is_the_whole_month() -> None:
    expected = Interval(D(2012, 1, 1), D(2012, 1, 31), "month")
    assert only("January 2012", None) == expected
    assert only("the January 2012 coup", MAY_1_2012) == expected


@pytest.mark.parametrize("text", ["in January of 2012", "in January, 2012", "January of 2012"])
def test_month_of_a_year_is_that_months(text: str) -> None:
    """"In January of 2012" is January 2012, not the January nearest the time of writing."""
    assert only(text, D(2020, 8, 19)) == Interval(D(2012, 1, 1), D(2012, 1, 31), "month")


def test_month_in_writing_year_and_parts_of_month() -> None:
    assert only("in January", MAY_1_2012) == Interval(D(2012, 1, 1), D(2012, 1, 31), "month")
    july = Interval(D(2012, 7, 1), D(2012, 7, 31), "month")
    for phrase in ("early July", "late July", "mid-July"):
        assert only(phrase, MAY_1_2012) == july


@pytest.mark.parametrize(
    "text",
    ["Mali's last coup in 2012 led to chaos.", "since 2012, troops", "The 2012 coup failed."],
)
def test_year_in_context(text: str) -> None:
    assert only(text, MAY_1_2012) == Interval(D(2012, 1, 1), D(2012, 12, 31), "year")


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Between 2012 and 2014 the north was occupied.", 2012, 2014),
    ("From 2012 to 2015, troops stayed.", 2012, 2015),
    ("The 2012-2014 occupation ended.", 2012, 2014),
    ("He served 2001–2009.", 2001, 2009),
    ("In the 1990s, Mali was a democracy.", 1990, 1999),
    ("In the late 1980s, rains failed.", 1980, 1989),  # the whole decade, as "late July"
    ("In the 1800s, caravans crossed the Sahara.", 1800, 1899),  # a century
    ("In the early 1900s, the railway reached Bamako.", 1900, 1999),
    ("In the 2000s, gold mining grew.", 2000, 2009),  # the decade, as the news uses it
])
def test_spans_of_years_and_decades(text: str, first: int, last: int) -> None:
    """A span of years is all of them, not its first ("between 2012 and 2014" had been
    nothing, "the 1990s" the year 1990)."""
    assert only(text, MAY_1_2012) == Interval(D(first, 1, 1), D(last, 12, 31), "years")


def test_a_reversed_or_repeated_pair_of_years_is_no_span() -> None:
    """"From 1999 to 1990", "2012 - 2012" and "in 1990 and 1996" (with no "between") are
    years, not spans of them."""
    found = [(iv.start.year, iv.granularity) for _, _, iv in find_dates(
        "From 1999 to 1990. Scores: 2012 - 2012. It was found in 1990 and 1996, and in 1992.",
        MAY_1_2012)]
    assert found == [(1999, "year"), (1990, "year"), (2012, "year"), (1990, "year"),
                     (1996, "year"), (1992, "year")]


def test_a_sentence_s_year_is_more_specific_than_its_decade() -> None:
    text = "In the 1990s, and in 1994 above all, rains failed."
    (when,) = sentence_dates(text, [(0, len(text))], MAY_1_2012)
    assert when == (Interval(D(1994, 1, 1), D(1994, 12, 31), "year"), "text")


@pytest.mark.parametrize(
    "text",
    [
        "3,300 troops and 250,000 Malians fled.",
        "some 2012 troops were deployed",
        "a budget of $2012 million",
        "up 2012% on the year",
        "Route 66",
        "the 9/11 attacks",
        "the M5 coalition",
        "Theresa May said",
        "in May Theresa May said",
        "a letter to April Smith",
        "According to January, 190 counties are under burn bans.",
        "the family of June Carter",
        "the Arab Spring",
        "prices fall sharply",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, MAY_1_2012) == []


@pytest.mark.parametrize(
    "text",
    ["the June 5 movement", "June 5 Movement", "April 6 Youth Movement", "the 6 April Square"],
)
def test_names_that_look_like_dates(text: str) -> None:
    assert find_dates(text, MAY_1_2012) == []


def test_season() -> None:
    assert only("Spring 2011", None) == Interval(D(2011, 3, 1), D(2011, 5, 31), "season")
    assert only("winter 2011", None) == Interval(D(2010, 12, 1), D(2011, 2, 28), "season")
    summer = Interval(D(2020, 6, 1), D(2020, 8, 31), "season")
    assert only("summer", D(2020, 7, 15)) == summer
    assert only("earlier this summer", D(2020, 7, 15)) == Interval(
        D(2020, 6, 1), D(2020, 7, 15), "season"
    )
    assert only("last summer", D(2020, 7, 15)) == Interval(D(2019, 6, 1), D(2019, 8, 31), "season")
    # Outside the season, "this winter" is the nearest one: the coming winter in October.
    assert only("this winter", D(2012, 10, 10)) == Interval(
        D(2012, 12, 1), D(2013, 2, 28), "season"
    )


def test_relative_years_months_weeks() -> None:
    w = D(2020, 9, 22)
    assert only("earlier this year", w) == Interval(D(2020, 1, 1), w, "year")
    assert only("this year", w) == Interval(D(2020, 1, 1), D(2020, 12, 31), "year")
    assert only("last year", w) == Interval(D(2019, 1, 1), D(2019, 12, 31), "year")
    assert only("next year", w) == Interval(D(2021, 1, 1), D(2021, 12, 31), "year")
    assert only("this month", w) == Interval(D(2020, 9, 1), D(2020, 9, 30), "month")
    assert only("last month", w) == Interval(D(2020, 8, 1), D(2020, 8, 31), "month")
    assert only("this week", w) == Interval(D(2020, 9, 21), D(2020, 9, 27), "week")
    assert only("next week", w) == Interval(D(2020, 9, 28), D(2020, 10, 4), "week")


def test_last_week_is_previous_iso_week() -> None:
    # 2012-10-03 is a Wednesday; last week is Mon 24 Sep .. Sun 30 Sep.
    assert only("last week", D(2012, 10, 3)) == Interval(D(2012, 9, 24), D(2012, 9, 30), "week")


def test_deictic_and_ago() -> None:
    w = D(2012, 10, 3)
    assert only("yesterday", w) == day(D(2012, 10, 2))
    assert only("today", w) == day(w)
    assert only("tomorrow", w) == day(D(2012, 10, 4))
    assert only("3 days ago", w) == day(D(2012, 9, 30))
    assert only("a week ago", w) == Interval(D(2012, 9, 24), D(2012, 9, 30), "week")
    assert only("Two weeks ago", w) == Interval(D(2012, 9, 17), D(2012, 9, 23), "week")
    assert only("9 years ago", w) == Interval(D(2003, 1, 1), D(2003, 12, 31), "year")


def test_relative_phrases_need_a_time_of_writing() -> None:
    for phrase in ("on Tuesday", "last week", "16 April", "in January", "yesterday", "summer"):
        assert find_dates(phrase, None) == [], phrase


def test_find_dates_spans() -> None:
    text = "Troops arrived on 16 April 2012 and left in June."
    (s1, e1, _), (s2, e2, iv2) = find_dates(text, MAY_1_2012)
    assert text[s1:e1] == "16 April 2012"
    assert text[s2:e2] == "June"
    assert iv2 == Interval(D(2012, 6, 1), D(2012, 6, 30), "month")


# --- sentence_dates --------------------------------------------------------------------------
def test_sentence_dates_picks_most_specific_phrase() -> None:
    text = "In 2012, on 16 April, troops moved. Nothing here."
    spans = [(0, 35), (36, len(text))]
    assert sentence_dates(text, spans, MAY_1_2012) == [
        (day(D(2012, 4, 16)), "text"),
        (day(MAY_1_2012), "published"),
    ]


def test_sentence_dates_without_publication_date() -> None:
    text = "Troops moved in January 2012. They left on Tuesday. Nothing here."
    spans = [(0, 29), (30, 51), (52, len(text))]
    assert sentence_dates(text, spans, None) == [
        (Interval(D(2012, 1, 1), D(2012, 1, 31), "month"), "text"),
        None,
        None,
    ]


# --- property --------------------------------------------------------------------------------
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_full_dates_round_trip(d: dt.date) -> None:
    month = calendar.month_name[d.month]
    for text in (f"{d.day} {month} {d.year}", f"{month} {d.day}, {d.year}"):
        assert find_dates(text, None) == [(0, len(text), day(d))]


WORDS = ["in", "early", "the", "spring", "of", "2012", "January", "Jan.", "16", "April", ",",
         "2012-13", "-14", "Christmas", "Eve", "Halloween",
         "since", "mid-", "Fall", "last", "winter", "May", "2020", "troops", "1999", "fall",
         "\n", "UPDATE:", "Tuesday", "between", "March", "and", "3rd", "Sept.", "x" * 70,
         "over", "weekend", "this past", "yesterday", "Today", "todayesterday", "WEEKEND"]


@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_windowed_scan_agrees_with_the_full_scan(words: list[str]) -> None:
    text = " ".join(words)
    sections = dates._sections(text, D(2012, 5, 1))
    assert dates._scan(text, sections) == dates._scan(text, sections, windowed=False)


# --- trigger windows (speed) must not change what is found -------------------------------------
def test_triggers_cover_every_case_variant_of_their_first_letters() -> None:
    """A trigger's leading class spells out each case variant ``(?i:)`` accepts ("ſ" for s)."""
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for kind, trigger in dates._TRIGGERS.items():
        first = re.match(r"\[([^\]]+)\]", trigger.pattern)
        if first is None or "\\" in first.group(1):
            continue  # "-" or digits: nothing case-insensitive
        letters = {ch.lower() for ch in first.group(1) if ch.isascii()}
        variants = set(re.findall(f"(?i:[{''.join(letters)}])", chars))
        if kind in ("name", "dmy", "mdy", "month", "weekday", "holiday"):  # capitals only
            variants = {v for v in variants if "A" <= v <= "Z"}
        assert variants <= set(first.group(1)), kind


@pytest.mark.parametrize(
    "text",
    [
        "The June 5 " + "X" + "y" * 70 + " Movement met on June 5.",  # a long name word
        "It was the" + " " * 100 + "2012 vote, or so" + " " * 80 + "2011.",
        "On 2012-05-03 and WEDNESDAY, last week, two weeks ago, yesterday, in March 2011.",
        "Mondays are quiet; Santiago and Chicago ago; Mar-a-Lago in Sept. 2012 and mid-2010.",
        "Last monthis year, this\n\tweek and NEXT MONTH; todays agony in Fallujah, 2 days ago.",
        "By Christmas Eve, 2012-13 and New Year’s Day 2013, Halloween;" + " " * 70 + "2012-1",
        "On June 5, 2011 the" + " " * 80 + "5th of July Square and June\n5 Xyzzy Brigade met.",
        "todayesterday, ToMoRRoW and over the WeekEnd; a Fallujah rainfall, winter-springs.",
    ],
)
def test_windowed_scan_agrees_on_edge_cases(text: str) -> None:
    sections = dates._sections(text, D(2012, 5, 1))
    assert dates._scan(text, sections) == dates._scan(text, sections, windowed=False)


def test_year_after_the_looks_back_past_long_white_space() -> None:
    text = "the" + " " * 200 + "2012"
    assert dates._after_the(text, len(text) - 4)
    assert not dates._after_the("there 2012", 6)


# --- case variants that (?i:) accepts -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In ſpring 2012 the rains failed.", Interval(D(2012, 3, 1), D(2012, 5, 31), "season")),
        ("This ſummer was hot.", Interval(D(2012, 6, 1), D(2012, 8, 31), "season")),
        ("Laſt ſummer was hot.", Interval(D(2011, 6, 1), D(2011, 8, 31), "season")),
        ("It ended Auguſt 5, 2011.", day(D(2011, 8, 5))),
        ("We met on Tueſday.", day(MAY_1_2012)),
        ("We met yeſterday.", day(D(2012, 4, 30))),
        ("It rained in Aprıl 2011.", Interval(D(2011, 4, 1), D(2011, 4, 30), "month")),
    ],
)
def test_long_s_and_dotless_i_read_as_s_and_i(text: str, expected: Interval) -> None:
    """"ſpring" once raised KeyError: the pattern matched it, the season table had no "ſpring"."""
    assert only(text, MAY_1_2012) == expected


def test_anchor_hint_covers_every_case_variant_of_the_first_letters() -> None:
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    first = re.match(r"\[([^\]]+)\]", dates._ANCHOR_AT.pattern).group(1)
    assert set(re.findall("(?i:[tsahnc])", chars)) <= set(first)


def test_anchor_search_agrees_with_finditer() -> None:
    text = "So far this year, 2012, and thus far in 2013; aS OF 2010, ſo far 2011, here in 2009."
    assert [m.span() for m in dates._anchors(text)] == [
        m.span() for m in dates._ANCHOR.finditer(text)
    ]
    assert publication_date(text) == (D(2013, 1, 1), "inferred")
    assert dates._anchors("So far this year, as of now, here in town.") == []
    text = "As of" + " " * 90 + "May 2011, 20121, and currently in\n\n" + " " * 70 + "2012."
    assert [m.span() for m in dates._anchors(text)] == [
        m.span() for m in dates._ANCHOR.finditer(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The June 5 Movement met; the 6 April Xyzzy Alliance too. Mayor Marine said so in May.",
        "Square dance on June 5 Street, then nothing; in SEPT. 2012 and Sept.2011 on Sep 5.",
        "the Group met on the 5th of July Square and Decided in Dec.",
    ],
)
def test_month_and_name_windows_agree_with_the_full_scan(text: str) -> None:
    sections = dates._sections(text, D(2012, 5, 1))
    assert dates._scan(text, sections) == dates._scan(text, sections, windowed=False)


@pytest.mark.parametrize(("text", "first"), [
    ("Elections were held on 29 July and 12 August 2018.", day(D(2018, 7, 29))),
    ("From January to March 2013, troops fought.",
     Interval(D(2013, 1, 1), D(2013, 1, 31), "month")),
    ("Between March and May 2012, Mali collapsed.",
     Interval(D(2012, 3, 1), D(2012, 3, 31), "month")),
    ("From December to March 2013, it rained.",
     Interval(D(2012, 12, 1), D(2012, 12, 31), "month")),
    ("Votes on March 5 and on May 6, 2012.", day(D(2012, 3, 5))),
])
def test_a_date_without_its_year_takes_the_year_of_the_next_one_it_is_joined_to(
        text: str, first: Interval) -> None:
    """"Between March and May 2012": March 2012, not March of the year of writing (2020
    here), nor of the next year when that would put it after May ("from December to
    March 2013" starts in December 2012)."""
    found = find_dates(text, D(2020, 8, 19))
    assert found[0][2].start == first.start


@pytest.mark.parametrize(("text", "span"), [
    ("From January to March 2013, troops fought.",
     Interval(D(2013, 1, 1), D(2013, 3, 31), "month")),
    ("The show ran from March 3 to April 5.", Interval(D(2020, 3, 3), D(2020, 4, 5), "day")),
    ("Talks were held between June 1 and June 15, 2019.",
     Interval(D(2019, 6, 1), D(2019, 6, 15), "day")),
    ("The festival runs from Dec. 3 to Jan. 5.",  # into the next year
     Interval(D(2020, 12, 3), D(2021, 1, 5), "day")),
    ("From December 2011 until March 2012, it rained.",
     Interval(D(2011, 12, 1), D(2012, 3, 31), "month")),
    ("It lasted from June 2010 to May 2012.", Interval(D(2010, 6, 1), D(2012, 5, 31), "month")),
    ("Rains fell from June to August.", Interval(D(2020, 6, 1), D(2020, 8, 31), "month")),
])
def test_two_dates_joined_as_ends_are_one_span(text: str, span: Interval) -> None:
    """"From March 3 to April 5" is all of it, not March 3 (its ends joined by "to",
    "until", a dash, or "and" after "between")."""
    assert only(text, D(2020, 8, 19)) == span


def test_two_dates_joined_by_and_are_two_dates() -> None:
    found = find_dates("Votes were held on 3 March and 5 April 2012.", D(2020, 8, 19))
    assert [iv for _, _, iv in found] == [day(D(2012, 3, 3)), day(D(2012, 4, 5))]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Talks ran March 5-7 in Algiers.", D(2012, 3, 5), D(2012, 3, 7)),
    ("Talks ran 5-7 March in Algiers.", D(2012, 3, 5), D(2012, 3, 7)),
    ("Talks ran from 5 to 7 March.", D(2012, 3, 5), D(2012, 3, 7)),
    ("Talks ran March 5–7, 2011.", D(2011, 3, 5), D(2011, 3, 7)),
    ("From 28 to 2 March.", D(2012, 3, 2), D(2012, 3, 2)),  # backwards: its one day
])
def test_a_span_of_days_is_all_of_them(text: str, first: dt.date, last: dt.date) -> None:
    """"5-7 March" had been the 7th, "March 5-7" the 5th."""
    assert only(text, MAY_1_2012) == Interval(first, last, "day")


@pytest.mark.parametrize(("text", "first"), [
    ("Fighting broke out last weekend.", D(2012, 4, 28)),  # written Tuesday 1 May 2012
    ("Talks continue this weekend.", D(2012, 5, 5)),
    ("Next weekend, a vote.", D(2012, 5, 12)),
    ("Later this weekend, a vote.", D(2012, 5, 5)),
    # "the weekend" the news reports is the last one
    ("Clashes erupted over the weekend.", D(2012, 4, 28)),
    ("Rebels attacked Gao this past weekend.", D(2012, 4, 28)),
    ("At the weekend, talks resumed.", D(2012, 4, 28)),
])
def test_a_weekend_is_its_saturday_and_sunday(text: str, first: dt.date) -> None:
    assert only(text, MAY_1_2012) == Interval(first, first + dt.timedelta(days=1), "week")


@pytest.mark.parametrize("text", ["In the winter of 2012-13, the north froze.",
                                  "Winter 2012/2013 was cold."])
def test_a_winter_across_two_years_runs_from_the_first_december(text: str) -> None:
    assert only(text, MAY_1_2012) == Interval(D(2012, 12, 1), D(2013, 2, 28), "season")


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Q3 2019 results were weak.", D(2019, 7, 1), D(2019, 9, 30)),
    ("Profits fell in the third quarter of 2019.", D(2019, 7, 1), D(2019, 9, 30)),
    ("In the first half of 2020, sales rose.", D(2020, 1, 1), D(2020, 6, 30)),
    ("In the second half of 2012 the war spread.", D(2012, 7, 1), D(2012, 12, 31)),
])
def test_a_quarter_or_a_half_of_a_year_is_its_months(text: str, first: dt.date,
                                                      last: dt.date) -> None:
    """Business news dates by quarters ("Q3 2019" had been no date, "the third quarter of
    2019" the whole year)."""
    assert only(text, MAY_1_2012) == Interval(first, last, "season")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span of years with its second year written short
        ("Troops held Gao in 2012-13.", Interval(D(2012, 1, 1), D(2013, 12, 31), "years")),
        ("The 1999-00 season ended.", Interval(D(1999, 1, 1), D(2000, 12, 31), "years")),
        ("The report of 2009-03 said so.", Interval(D(2009, 1, 1), D(2009, 12, 31), "year")),
        # with a slash, as seasons and fiscal years are written; a date with slashes is none
        ("For the 2013/2014 flu season, get a shot.",
         Interval(D(2013, 1, 1), D(2014, 12, 31), "years")),
        ("The 2010/11 budget passed.", Interval(D(2010, 1, 1), D(2011, 12, 31), "years")),
        # holidays on one day of the year, with or without their year
        ("On New Year's Day 2021, troops left.", day(D(2021, 1, 1))),
        ("The attack came on Christmas Eve.", day(D(2011, 12, 24))),  # written May 2012
        ("Ten died on Halloween night.", day(D(2012, 10, 31))),
    ],
)
def test_short_spans_of_years_and_holidays(text: str, expected: Interval) -> None:
    assert [iv for _, _, iv in find_dates(text, D(2012, 5, 1))] == [expected]


def test_a_date_written_with_slashes_is_no_span_of_years() -> None:
    assert find_dates("On 2011/12/05 the vote was held.", D(2012, 5, 1)) == []
