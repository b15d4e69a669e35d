"""A small grammar of English date phrases, resolved to intervals against the time of writing.

Why hand-written: general parsers (dateparser) over-read news text -- "January 2012" becomes the
23rd, "June 5 movement" becomes a date -- and they cannot tell the post date from the date an
UPDATE section was written. Here every phrase is one entry of ``_PATTERNS``; overlapping matches
are settled leftmost-longest, and each kind has one small resolver.

Conventions chosen where the spec is silent (all documented at the function that applies them):
seasons are Northern-hemisphere meteorological and "winter 2011" is Dec 2010 - Feb 2011; weeks
are ISO (Monday - Sunday); "early/mid/late July" is the whole month.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .words import openings, pattern_spans

GRANULARITIES = ("day", "week", "month", "season", "year", "years")  # most to least specific


@dataclass(frozen=True)
class Interval:
    """A closed date range and how precise the phrase behind it was."""

    start: datetime.date
    end: datetime.date  # inclusive
    granularity: str  # 'day' | 'week' | 'month' | 'season' | 'year' | 'years'


@dataclass(frozen=True)
class _Ctx:
    """Time of writing of one part of a text; ``after`` means "some time after ``written``"."""

    written: datetime.date | None
    after: bool = False


# --- vocabulary ------------------------------------------------------------------------------
_FULL_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_ABBR_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTHS = _FULL_MONTHS | _ABBR_MONTHS
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WD_ABBR = ("mon", "tues", "tue", "wed", "thurs", "thu", "fri", "sat", "sun")
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# Nouns that turn "June 5" / "6 April" into the name of something ("June 5 Movement").
_NAME_NOUNS = ("movement", "brigade", "group", "coalition", "square", "street", "road", "bridge",
               "revolution", "uprising", "avenue", "boulevard", "stadium", "alliance")


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first so "September" wins over "Sep"."""
    return "|".join(sorted(map(str, words), key=len, reverse=True))


# Capitalised (any case after the first letter) so "may" the verb and "sun" never match; only an
# abbreviation takes a period, so "in June." leaves the full stop alone.
_MON = rf"(?=[A-Z])(?:(?i:{_alt(_FULL_MONTHS)})|(?i:{_alt(_ABBR_MONTHS)})\.?)(?![A-Za-z])"
_WD = rf"(?=[A-Z])(?i:{_alt(_WEEKDAYS)})(?![A-Za-z])"
_WD_ANY = rf"(?=[A-Z])(?i:{_alt([*_WEEKDAYS, *_WD_ABBR])})(?![A-Za-z])\.?"
_DAY = r"(?<![\d,.$/:])(?P<day>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?![A-Za-z\d])"
# The other end of a span of days: "5-7 March", "from 5 to 7 March", "March 5-7"
_FIRST_DAY = r"(?<![\d,.$/:])(?P<first>[0-3]?\d)(?:st|nd|rd|th)?"
_LAST_DAY = r"(?P<last>[0-3]?\d)(?:st|nd|rd|th)?(?![A-Za-z\d])"
_DAYN = r"(?<![\d,.$/:])[0-3]?\d(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d|2100)(?![\d%]|[.,]\d)"
_NAME = rf"(?:[A-Z][a-z]+\s+)?(?i:{_alt(_NAME_NOUNS)})s?(?![A-Za-z])"
_PRE = r"(?P<pre>\b(?i:{})[-\s]+(?:(?i:the)\s+)?)?"
_NUM = rf"\d{{1,3}}|(?i:{_alt(_NUMBERS)})"

# One table: kind -> pattern. Group ``x`` is the phrase itself (``pre`` only licenses it).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p)) for k, p in [
    ("iso", r"(?<![\d-])(?P<x>(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d))(?![\d-])"),
    ("name", rf"\b(?P<x>{_MON}\s+{_DAYN}\s+{_NAME}"
             rf"|(?:the\s+)?{_DAYN}\s+(?:of\s+)?{_MON}\s+{_NAME})"),
    ("dmy", rf"(?P<x>\b(?:{_WD_ANY},?\s+)?(?:the\s+)?(?:{_FIRST_DAY}\s*(?:[-–]|to)\s*)?{_DAY}"
            rf"\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+{_YEAR})?)"),
    ("mdy", rf"\b(?P<x>(?:{_WD_ANY},?\s+)?(?P<mon>{_MON})\s+(?:the\s+)?{_DAY}"
            rf"(?:\s*[-–]\s*{_LAST_DAY})?(?:,?\s+{_YEAR})?)"),
    # "in August 2019", "in August, 2019", "in August of 2019"; "from June to August" (not
    # "according to January", a person)
    ("month", _PRE.format("in|since|during|until|till|by|from|(?<![Aa]ccording )to|of|before|"
                          "after|through|throughout|between")
     + rf"(?P<x>(?:(?P<part>(?i:early|mid|late))[-\s]+)?(?P<mon>{_MON})"
       rf"(?:(?:,|\s+of)?\s+{_YEAR})?)"),
    ("season", _PRE.format("in|during|over|through|throughout|since|until|by|from|of")
     + r"(?P<x>\b(?:(?P<rel>(?i:(?:earlier|later)\s+this|this|last|next|past))\s+)?"
       rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?![A-Za-z])"
       rf"(?:\s+(?:of\s+)?{_YEAR}(?:[-–/](?P<next>\d\d(?:\d\d)?)(?!\d))?)?)"),
    # "between 2012 and 2014", "from 2012 to 2014", "2012-2014": both years and those between
    # (but "in 1990 and 1996" is two years)
    # and "2012-13" (the second year written short, right after the dash), "the 2020/21
    # season" (a slash, as seasons and fiscal years are written; not "2011/12/05", a date)
    ("range", r"(?P<pre>\b(?i:between)\s+)?(?<![\w$€£.,/-])"
              rf"(?P<x>{_YEAR}\s*(?:(?P<conn>and|to|until|till|through)\s+|[-–]\s*|/)"
              r"(?:(?P<last>1[89]\d\d|20\d\d|2100)|(?<=[-–/])(?P<short>\d\d))"
              r"(?![\d%/]|[.,]\d))"),
    # "Q3 2019", "the third quarter of 2019", "the first half of 2020": its months
    ("quarter", r"\b(?P<x>(?:Q(?P<q>[1-4])|(?:the\s+)?(?P<nth>(?i:first|second|third|fourth))"
                r"\s+(?P<part>(?i:quarter|half))(?:\s+of)?)\s+(?:FY\s*)?"
                r"(?P<year>1[89]\d\d|20\d\d|2100)(?![\d%]|[.,]\d))"),
    # "the 1990s", "the late 1990s" (the whole decade, as "late July" is the whole month)
    ("decade", r"(?<![\w$€£.,/])(?P<x>(?P<decade>1[89]\d0|20\d0)['’]?s)(?![A-Za-z])"),
    ("year", _PRE.format("in|since|of|by|from|until|till|during|early|mid|late|before|after|"
                         "around|through|throughout|circa")
     + rf"(?<![\w$€£.,/])(?P<x>{_YEAR})"),
    # the holidays on one day of the year: "Christmas Eve", "New Year's Day 2021"
    ("holiday", rf"\b(?P<x>(?P<hol>Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve)"
                rf"|Boxing\s+Day|Halloween|Valentine['’]s\s+Day)(?![A-Za-z])(?:,?\s+{_YEAR})?)"),
    ("relative", r"\b(?P<x>(?P<rel>(?i:(?:earlier|later)\s+this|this|last|next))\s+"
                 r"(?P<unit>(?i:year|month|week(?:end)?))(?![A-Za-z]))"),
    # "over the weekend", "this past weekend": the last one up to the time of writing
    ("weekend", r"\b(?i:over|at|on|during|this\s+past)\s+(?P<x>(?i:the\s+)?(?i:weekend))"
                r"(?![A-Za-z])"),
    ("deictic", r"\b(?P<x>(?i:yesterday|today|tomorrow))(?![A-Za-z])"),
    ("ago", rf"\b(?P<x>(?P<n>{_NUM})\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago))\b"),
    ("weekday", rf"\b(?P<x>(?:(?P<rel>(?i:last|next|this))\s+)?(?P<wd>{_WD}))"),
]]
_UPDATE = re.compile(r"^[ \t>*_#-]*update\b", re.IGNORECASE | re.MULTILINE)
_ANCHOR = re.compile(  # a year the text ties to its own time of writing
    r"(?i:this\s+year,?\s*\(?|so\s+far\s+(?:this\s+year,?\s*)?(?:in\s+)?|thus\s+far\s+in\s+|"
    r"as\s+of\s+|here\s+in\s+|now\s+in\s+|currently\s+in\s+)"
    rf"(?:(?P<mon>{_MON})\s+)?{_YEAR}")
# Where an _ANCHOR match can start: its first letter in every case variant ``(?i:)`` accepts,
# spelt out so the engine can skip to it (a case-insensitive start makes it try every offset),
# then the rest of its first two words.
_ANCHOR_AT = re.compile(r"[TtSsſAaHhNnCc](?=(?i:his\s+year|o\s+far\s|hus\s+far\s|s\s+of\s|"
                        r"ere\s+in\s|ow\s+in\s|urrently\s+in\s))")
_POSTED = re.compile(r"\s*(?i:posted|published|updated|dated|date)\b")
_WIRE = re.compile(r"\s*[A-Z][A-Z .'-]*,\s*$")  # "BAMAKO, " before a wire-style dateline


# ``(?i:)`` also matches "ſ" for s, "ı" and "İ" for i and the Kelvin sign for k ("ſpring",
# "Auguſt"); matched words are read back through this before any table lookup.
_CASE_VARIANTS = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"})


def _low(word: str) -> str:
    """A matched word in lower case, the case variants ``(?i:)`` accepts made plain."""
    return word.translate(_CASE_VARIANTS).lower()


# --- calendar helpers ------------------------------------------------------------------------
def _day(d: datetime.date) -> Interval:
    return Interval(d, d, "day")


def _year(y: int) -> Interval:
    return Interval(datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year")


def _month(y: int, m: int, shift: int = 0) -> Interval:
    y, m = divmod(y * 12 + m - 1 + shift, 12)
    last = calendar.monthrange(y, m + 1)[1]
    return Interval(datetime.date(y, m + 1, 1), datetime.date(y, m + 1, last), "month")


def _week(d: datetime.date) -> Interval:
    monday = d - datetime.timedelta(days=d.weekday())
    return Interval(monday, monday + datetime.timedelta(days=6), "week")


def _season(name: str, year: int) -> Interval:
    """Meteorological season; winter of ``year`` runs Dec ``year-1`` to Feb ``year``."""
    m = _SEASON_START[name]
    first = _month(year - 1 if m == 12 else year, m)
    return Interval(first.start, _month(first.start.year, m, 2).end, "season")


def _date(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _not_too_future(iv: Interval, w: datetime.date, make: Callable[[int], Interval]) -> Interval:
    """A yearless day/month more than ~6 months after writing is last year's, not next year's."""
    return make(w.year - 1) if iv.start > w + datetime.timedelta(days=183) else iv


# --- resolvers: (match, context) -> Interval, or None when it needs a time we lack ----------
def _r_iso(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    d = _date(int(m["year"]), int(m["mon"]), int(m["day"]))
    return _day(d) if d else None


def _r_day(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    mon, day = _MONTHS[_low(m["mon"].rstrip("."))], int(m["day"])
    if m["year"]:
        d = _date(int(m["year"]), mon, day)
        return _days(_day(d), m) if d else None
    if ctx.written is None or _date(ctx.written.year, mon, day) is None:
        return None
    return _days(_not_too_future(_day(datetime.date(ctx.written.year, mon, day)), ctx.written,
                                 lambda y: _day(datetime.date(y, mon, day))), m)


def _days(iv: Interval, m: re.Match[str]) -> Interval:
    """The day, or the span of days a "5-7 March" or a "March 5-7" gives (still a 'day':
    the most precise kind of phrase); a span that runs backwards is its one day."""
    ends = m.groupdict()
    d = iv.start
    if ends.get("first") and (first := _date(d.year, d.month, int(ends["first"]))) and first < d:
        return Interval(first, d, "day")
    if ends.get("last") and (last := _date(d.year, d.month, int(ends["last"]))) and last > d:
        return Interval(d, last, "day")
    return iv


def _r_month(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    mon = _MONTHS[_low(m["mon"].rstrip("."))]
    if m["year"]:
        return _month(int(m["year"]), mon)
    if ctx.written is None:
        return None
    w = ctx.written
    return _not_too_future(_month(w.year, mon), w, lambda y: _month(y, mon))


def _r_season(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    """'this' (or bare) = the occurrence containing the writing date, else the nearest one;
    "the winter of 2012-13" is the one from December 2012."""
    name = _low(m["season"])
    if m["year"]:
        year = int(m["year"])
        if name == "winter" and m["next"] and int(m["next"]) % 100 == (year + 1) % 100:
            year += 1  # "the winter of 2012-13" runs from December 2012
        return _season(name, year)
    if ctx.written is None:
        return None
    w, rel = ctx.written, " ".join(_low(m["rel"] or "this").split())
    near = [_season(name, y) for y in range(w.year - 1, w.year + 3)]
    if rel in ("last", "past"):
        return [s for s in near if s.end < w][-1]
    if rel == "next":
        return next(s for s in near if s.start > w)
    cur = min(near, key=lambda s: max(s.start - w, w - s.end, datetime.timedelta(0)))
    if rel == "earlier this" and cur.start <= w:
        return Interval(cur.start, min(w, cur.end), "season")
    if rel == "later this" and w <= cur.end:
        return Interval(max(w, cur.start), cur.end, "season")
    return cur


def _r_year(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    return _year(int(m["year"]))


def _last_year(m: re.Match[str]) -> int:
    """The last year of a span: "2014" of "2012-2014", 2013 of "2012-13", 2000 of "1999-00"."""
    if m["last"]:
        return int(m["last"])
    year = int(m["year"])
    last = year // 100 * 100 + int(m["short"])
    return last + 100 if last <= year else last


def _r_range(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    return Interval(datetime.date(int(m["year"]), 1, 1), datetime.date(_last_year(m), 12, 31),
                    "years")


# The day of each holiday that falls on one day of the year
_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "boxing day": (12, 26), "halloween": (10, 31),
             "valentine's day": (2, 14)}


def _r_holiday(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    """Its day in the year given, else the one nearest the time of writing, as for "16
    April" (no more than about six months ahead)."""
    mon, day = _HOLIDAYS[" ".join(_low(m["hol"]).replace("’", "'").split())]
    if m["year"]:
        return _day(datetime.date(int(m["year"]), mon, day))
    if ctx.written is None:
        return None
    return _not_too_future(_day(datetime.date(ctx.written.year, mon, day)), ctx.written,
                           lambda y: _day(datetime.date(y, mon, day)))


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _r_quarter(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    """A quarter's or a half's months ("Q3 2019": July to September 2019); none for "the
    third half"."""
    n = int(m["q"]) if m["q"] else _NTH[_low(m["nth"])]
    months = 6 if m["part"] and _low(m["part"]) == "half" else 3
    if n * months > 12:
        return None
    first, last = _month(int(m["year"]), (n - 1) * months + 1), _month(int(m["year"]),
                                                                       n * months)
    return Interval(first.start, last.end, "season")


def _r_decade(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    """A decade ("the 1990s"), or a century where that is what the round number says ("the
    1800s", "the 1900s"; "the 2000s" is the decade, as the news uses it)."""
    start = int(m["decade"])
    span = 99 if start % 100 == 0 and start < 2000 else 9
    return Interval(datetime.date(start, 1, 1), datetime.date(start + span, 12, 31), "years")


def _r_relative(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    """this/last/next year|month|week|weekend; 'earlier this X' runs from X's start to the
    writing day; a weekend is the Saturday and Sunday of its week."""
    if ctx.written is None:
        return None
    w, rel, unit = ctx.written, " ".join(_low(m["rel"]).split()), _low(m["unit"])
    shift = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "year":
        cur = _year(w.year + shift)
    elif unit == "month":
        cur = _month(w.year, w.month, shift)
    else:
        cur = _week(w + datetime.timedelta(weeks=shift))
        if unit == "weekend":
            cur = Interval(cur.start + datetime.timedelta(days=5), cur.end, "week")
    if rel == "earlier this" and cur.start <= w:  # (a weekend may lie after the writing day)
        return Interval(cur.start, min(w, cur.end), cur.granularity)
    if rel == "later this" and w <= cur.end:
        return Interval(max(w, cur.start), cur.end, cur.granularity)
    return cur


def _r_weekend(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    """The Saturday and Sunday before the time of writing, or of it if written then."""
    if ctx.written is None:
        return None
    w = ctx.written
    saturday = w - datetime.timedelta(days=(w.weekday() - 5) % 7)
    return Interval(saturday, saturday + datetime.timedelta(days=1), "week")


def _r_deictic(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[_low(m["x"])]
    return _day(ctx.written + datetime.timedelta(days=offset)) if ctx.written else None


def _r_ago(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    """'3 days ago' -> that day; '2 weeks ago' -> that ISO week; '9 years ago' -> that year."""
    if ctx.written is None:
        return None
    w, unit = ctx.written, _low(m["unit"])
    n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[_low(m["n"])]
    if unit == "day":
        return _day(w - datetime.timedelta(days=n))
    if unit == "week":
        return _week(w - datetime.timedelta(weeks=n))
    return _month(w.year, w.month, -n) if unit == "month" else _year(w.year - n)


def _r_weekday(m: re.Match[str], ctx: _Ctx) -> Interval | None:
    """Nearest such day to the writing date (ties -> past); in an UPDATE, the next on/after it."""
    if ctx.written is None:
        return None
    w, rel = ctx.written, _low(m["rel"] or "")
    back = (w.weekday() - _WEEKDAYS[_low(m["wd"])]) % 7
    fwd = (7 - back) % 7
    if rel == "last":
        delta = -(back or 7)
    elif rel == "next":
        delta = fwd or 7
    elif ctx.after:
        delta = fwd
    else:
        delta = -back if back <= fwd else fwd
    return _day(w + datetime.timedelta(days=delta))


_RESOLVERS: dict[str, Callable[[re.Match[str], _Ctx], Interval | None]] = {
    "iso": _r_iso, "name": lambda m, ctx: None, "dmy": _r_day, "mdy": _r_day,
    "month": _r_month, "season": _r_season, "range": _r_range, "quarter": _r_quarter,
    "decade": _r_decade,
    "year": _r_year, "relative": _r_relative, "weekend": _r_weekend,
    "deictic": _r_deictic, "ago": _r_ago, "weekday": _r_weekday, "holiday": _r_holiday,
}


def _is_phrase(kind: str, m: re.Match[str], text: str) -> bool:
    """Reject matches that are words, not dates: a bare "May", "Arab Spring", "2012 troops",
    "a 1990-1980 vote"."""
    if kind == "month":  # (not "to April Smith", "of June Carter": a given name)
        return bool(m["pre"] and not (m["year"] or _NAME_AFTER.match(text, m.end("x")))
                    or m["part"] or m["year"])
    if kind == "season":
        word = m["season"]
        return bool(m["pre"] or m["rel"] or m["year"]) or (word.islower() and word != "fall")
    if kind == "year":
        return bool(m["pre"] or _YEAR_END.match(text, m.end("x"))
                    or _after_the(text, m.start("x")))
    if kind == "range":  # not a score ("1990-1980") nor one year twice; "and" after
        # "between" only ("in 1990 and 1996" is two years)
        # (a short second year only within ten: "2012-13", not "2009-03", March 2009)
        return int(m["year"]) < _last_year(m) <= int(m["year"]) + (10 if m["short"] else 100) \
            and (m["conn"] != "and" or bool(m["pre"]))
    return True


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_YEAR_END = re.compile(r"\s*(?:[,.;:!?)\]]|$)")  # "in 2012." or "(2012)": a year, not a count
_THE_BEFORE = re.compile(r"(?:\b[Tt]he|'s)\s+$")  # "the 2012 elections", "Mali's 2012 coup"


def _after_the(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with "the" or "'s" and white space (looked for near ``end``,
    not from the start of the text: a year would otherwise cost a pass over all before it)."""
    lo = max(0, end - 64)
    if lo and text[lo + 3 : end].isspace():
        lo = 0  # the white space runs further back than the window: look from the start
    return _THE_BEFORE.search(text, lo, end) is not None


# --- public API ------------------------------------------------------------------------------
# Patterns are run only around a word each of their matches contains (no phrase reaches 60
# characters from it): most sentences have no date, and the regex engine would otherwise try
# every position of the text. Kinds that share a trigger share its windows. A trigger must not
# look past its own end (so that it is found in the full text wherever a window can see it) --
# except the month word's ``(?![A-Za-z])``, which _MON requires too -- and starts with a plain
# character class, every case variant spelt out (``ſ`` is an ``s`` to ``(?i:)``), which lets the
# engine skip quickly to the places it can match.
# A month word is a whole month name or abbreviation, as in _MON ("Mayor", "Marine" are not).
_MONTH_WORD = re.compile(r"[JFMASOND](?i:anuary|ebruary|arch|pril|ay|une|uly|ugust|eptember|"
                         r"ctober|ovember|ecember|an|eb|ar|pr|un|ul|ug|ept|ep|ct|ov|ec)"
                         r"\.?(?![A-Za-z])")
_YEAR_WORD = re.compile(r"1[89]\d\d|20\d\d|2100")
_TRIGGERS = {
    "iso": re.compile(r"-[01]\d-[0-3]\d"),
    "name": _MONTH_WORD,
    "dmy": _MONTH_WORD,
    "mdy": _MONTH_WORD,
    "month": _MONTH_WORD,
    "season": re.compile(r"[SsſAaFfWw](?i:pring|ummer|utumn|all|inter)"),
    "range": _YEAR_WORD,  # a span of years starts with one, a decade is one with an "s"
    "quarter": _YEAR_WORD,
    "decade": _YEAR_WORD,
    "year": _YEAR_WORD,
    "holiday": re.compile(r"[CNBHV](?:hristmas|ew\s+Year|oxing|alloween|alentine)"),
    "relative": re.compile(r"[TtLlNn](?i:his|ast|ext)\s+(?i:year|month|week)"),
    "weekend": re.compile(r"[Ww](?i:eekend)"),
    "deictic": re.compile(r"[YyTt](?i:esterday|oday|omorrow)"),
    "ago": re.compile(r"[DdWwMmYy](?i:ay|eek|onth|ear)s?\s+(?i:ago)"),
    "weekday": re.compile(r"[MTWFS](?i:onday|uesday|ednesday|hursday|riday|aturday|unday)"),
}
# Where each trigger's matches can start (geo.words.openings): its first character, then two
# more in any case. One compiled pass over the text (geo.words.pattern_spans) finds those few
# offsets and the trigger is tried only there, where the regex engine would try it at every
# offset of the text. (The ISO trigger's leading "-" already lets the engine skip ahead;
# gate-found kinds need none.)
_DIGIT_PAIRS = [f"{a}{b}" for a in "0123456789" for b in "0123456789"]
_OPENINGS = {
    _MONTH_WORD: openings("JFMASOND", "an eb ar pr ay un ul ug ep ct ov ec".split()),
    _YEAR_WORD: openings("12", [d for d in _DIGIT_PAIRS if d[0] in "089"] + ["10"]),
    _TRIGGERS["weekday"]: openings("MTWFS", "on ue ed hu ri at un".split()),
    _TRIGGERS["holiday"]: openings("CNBHV", "hr ew ox al".split()),
    _TRIGGERS["ago"]: openings("DdWwMmYy", "ay ee on ea".split()),
    _TRIGGERS["relative"]: openings("TtLlNn", "hi as ex".split()),
}
_REACH = 60
# What follows the month word of a "name" ("June 5 Xyz Movement", "6 April Xyz Alliance"). A name
# may hold a word of any length after its month, so names are looked for to the end of the text,
# but only from the first month word followed by this (rarely any).
_NAME_TAIL = re.compile(rf"\s+(?:{_DAYN}\s+)?{_NAME}")
# Words one of which (in lower case) every phrase of a kind holds. Where the text has none, the
# kind cannot match anywhere, and its trigger's pass over the whole text -- far slower than a
# few ``in`` tests -- is skipped (most texts have no "today", "ago" or season).
_GATES = {
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "deictic": ("yesterday", "today", "tomorrow"),
    "weekend": ("weekend",),
    "ago": ("ago",),
    "holiday": ("christmas", "new year", "boxing", "halloween", "valentine"),
}
# The kinds whose trigger is their gate's words in any case ("[Ss](?i:pring)…"): found in the
# lower-cased text by ``str.find``, at memchr speed, where the trigger's leading character
# class has the engine test every "s", "a", "f", "w" (or "t", "y") of the text.
_TRIGGERED_BY_GATE = frozenset({"season", "deictic", "weekend"})


@functools.lru_cache(maxsize=2)
def _folded(text: str) -> str | None:
    """``text`` lower-cased, or None if ``(?i:)`` reads some letter of it otherwise.

    ``(?i:)`` also matches "ſ", "ı" and "İ" to "s" and "i", which ``str.lower`` keeps or
    lengthens (the Kelvin sign is a "k" to both). Cached: ``find_dates`` asks twice.
    """
    return None if "ſ" in text or "ı" in text or "İ" in text else text.lower()


def _reach_back(text: str, at: int, most: int) -> int:
    """How far back from ``at`` a phrase with at most ``most`` characters that are not white
    space before ``at`` can start: _REACH characters, or to the start of the text if those
    characters are mostly white space."""
    lo = max(0, at - _REACH)
    return 0 if len("".join(text[lo:at].split())) <= most else lo


@functools.lru_cache(maxsize=16)
def _spans(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where ``trigger`` matches ``text``. Cached: publication_date looks for the years of the
    text that sentence_dates then scans (the text's hash is computed once and kept by ``str``)."""
    return pattern_spans(trigger, text, _OPENINGS.get(trigger))


def _occurrences(low: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of every occurrence of ``words`` in ``low``, in order. Where two overlap
    ("todayesterday"), :func:`_windows` drops the second, as a trigger's finditer would."""
    out: list[tuple[int, int]] = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            out.append((at, at + len(word)))
            at = low.find(word, at + 1)
    out.sort()
    return out


def _windows(spans: Iterable[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Merged ``[lo, hi)`` stretches of a text ``n`` long within _REACH of the trigger ``spans``."""
    out: list[tuple[int, int]] = []
    last = -1
    for start, end in spans:
        if start < last:
            continue  # starts inside the previous match: finditer would not have found it
        last = end
        lo, hi = max(0, start - _REACH), min(n, end + _REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _kind_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per kind, the stretches of ``text`` where its phrases can be."""
    low, n = _folded(text), len(text)
    out: dict[str, list[tuple[int, int]]] = {}
    by_trigger: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    windows: dict[re.Pattern[str], list[tuple[int, int]]] = {}  # the same for kinds of a trigger
    for kind, trigger in _TRIGGERS.items():
        gate = _GATES.get(kind)
        if kind in _TRIGGERED_BY_GATE and low is not None:
            out[kind] = _windows(_occurrences(low, _GATES[kind]), n)
            continue
        if gate and low is not None and not any(w in low for w in gate):
            out[kind] = []
            continue
        if trigger not in by_trigger:
            by_trigger[trigger] = _spans(trigger, text)
        spans = by_trigger[trigger]
        if kind == "name":  # "the 31st of" is all a name holds before its month
            tailed = [s for s, e in spans if _NAME_TAIL.match(text, e)]
            lo = min((_reach_back(text, s, 9) for s in tailed), default=n)
            out[kind] = [(max(lo, spans[0][0] - _REACH), n)] if tailed else []
        else:
            if trigger not in windows:
                windows[trigger] = _windows(spans, n)
            out[kind] = windows[trigger]
    return out


def _scan(text: str, sections: list[tuple[int, _Ctx]],
          windowed: bool = True) -> list[tuple[int, int, Interval]]:
    """Leftmost-longest date phrases; ``sections`` gives the writing context from each offset.

    ``windowed=False`` runs every pattern over the whole text (the reference the windows
    must agree with)."""
    cands = []
    windows = _kind_windows(text) if windowed else {}
    for order, (kind, rx) in enumerate(_PATTERNS):
        for lo, hi in windows[kind] if windowed else [(0, len(text))]:
            for m in rx.finditer(text, lo, hi):
                if _is_phrase(kind, m, text):
                    cands.append((m.start("x"), -m.end("x"), order, kind, m))
    chosen, taken = [], -1
    for start, neg_end, _, kind, m in sorted(cands, key=lambda c: c[:3]):
        if start < taken:
            continue
        taken = -neg_end
        chosen.append((start, -neg_end, kind, m, [c for pos, c in sections if pos <= start][-1]))
    out: list[tuple[int, int, Interval]] = []
    kinds: list[str] = []
    for k, (start, end, kind, m, ctx) in enumerate(chosen):
        iv = _RESOLVERS[kind](m, _year_from_the_next(text, chosen, k) or ctx)
        if iv is None:
            continue
        if out and kind in _SPANNED and kinds[-1] in _SPANNED and \
                (span := _span(text, out[-1], (start, end, iv))) is not None:
            out[-1] = span  # "from March 3 to April 5": one span
        else:
            out.append((start, end, iv))
            kinds.append(kind)
    return out


# Two dates joined so that they are the ends of one span: "from March 3 to April 5", "Dec. 3 -
# Jan. 5", "from December 2011 until March 2012" (not "3 March and 5 April": two dates)
_SPAN_GAP = re.compile(r"\s*(?:to|until|till|through|[-–])\s+|\s*[-–]\s*")
_SPANNED = frozenset({"iso", "dmy", "mdy", "month"})
_BETWEEN = re.compile(r"\b(?i:between)\s+$")  # "between June 1 and June 15"
_AND = re.compile(r",?\s+and\s+")


def _span(text: str, a: tuple[int, int, Interval], b: tuple[int, int, Interval]
          ) -> tuple[int, int, Interval] | None:
    """The span from date ``a`` to date ``b`` where the text joins them as its ends and it
    runs forwards, for under ten years (longer, one end is likely misread); its precision is
    the coarser end's."""
    (start, end, first), (nstart, nend, last) = a, b
    between = _BETWEEN.search(text, max(0, start - 9), start) is not None
    if not (_SPAN_GAP.fullmatch(text, end, nstart)
            or between and _AND.fullmatch(text, end, nstart)):
        return None
    if last.end < first.start and last.end.year == first.start.year:  # "Dec. 3 to Jan. 5"
        try:
            last = Interval(last.start, last.end.replace(year=last.end.year + 1),
                            last.granularity)
        except ValueError:  # 29 February
            return None
    if not first.start < last.end or (last.end - first.start).days > 3660:
        return None
    rank = GRANULARITIES.index
    kind = max(first.granularity, last.granularity, key=rank)
    return start, nend, Interval(first.start, last.end, kind)


# Between two dates of which the second states the year both are in: "29 July and 12 August
# 2018", "from January to March 2013", "between March and May 2012"
_COORDINATED = re.compile(r",?\s*(?:and|or|to|until|till|through)\s+(?:(?:on|in)\s+)?|\s*[-–]\s*")
_YEARLESS = frozenset({"dmy", "mdy", "month"})


def _year_from_the_next(text: str, chosen: list, k: int) -> _Ctx | None:
    """For a day or month without its year joined to a next one that states it ("29 July and
    12 August 2018"), a time of writing that gives it that year: the year before where that
    would put it after the next ("from December to March 2013": December 2012)."""
    start, end, kind, m, ctx = chosen[k]
    if kind not in _YEARLESS or m["year"] or k + 1 == len(chosen):
        return None
    nstart, _, nkind, nm, nctx = chosen[k + 1]
    if nkind not in _YEARLESS or not nm["year"] or not _COORDINATED.fullmatch(text, end, nstart):
        return None
    year = int(nm["year"])
    nxt, iv = _RESOLVERS[nkind](nm, nctx), _RESOLVERS[kind](m, _Ctx(datetime.date(year, 12, 31)))
    if nxt is not None and iv is not None and iv.start > nxt.start:
        year -= 1
    return _Ctx(datetime.date(year, 12, 31))


def _sections(text: str, written: datetime.date | None) -> list[tuple[int, _Ctx]]:
    """Main text is written at ``written``; each UPDATE line starts a later section.

    An UPDATE header that states its own full date ("UPDATE (May 3, 2012):") is written on it.
    """
    out = [(0, _Ctx(written))]
    low = _folded(text)  # a cheap test first: _UPDATE tries every offset ("update" has no ſ/ı)
    for m in _UPDATE.finditer(text) if low is None or "update" in low else ():
        eol = text.find("\n", m.start())
        line = text[m.start(): eol if eol >= 0 else None]
        days = [iv for _, _, iv in _scan(line, [(0, _Ctx(None))]) if iv.granularity == "day"]
        out.append((m.start(), _Ctx(days[0].start) if days else _Ctx(written, after=True)))
    return out


def find_dates(text: str, written: datetime.date | None) -> list[tuple[int, int, Interval]]:
    """Every date phrase in ``text`` with its character span and resolved interval.

    Resolved against ``written`` (the post date), or after it inside UPDATE sections. Phrases
    that need a time of writing (weekdays, "16 April", "last week") are skipped when it is None.
    """
    return _scan(text, _sections(text, written))


def _anchors(text: str) -> list[re.Match[str]]:
    """``list(_ANCHOR.finditer(text))``, trying the pattern only where it can start.

    Every anchor ends in a year that follows no digit, so the "year" trigger finds it, and
    before that year holds at most 25 characters that are not white space ("so far this year,
    in September"). Its start is looked for only in the 60 characters before each year -- or
    from the start of the text, if they are mostly white space.
    """
    out: list[re.Match[str]] = []
    end = scanned = 0
    for year, _ in _spans(_TRIGGERS["year"], text):
        for hint in _ANCHOR_AT.finditer(text, max(_reach_back(text, year, 25), scanned), year):
            if hint.start() >= end and (m := _ANCHOR.match(text, hint.start())) is not None:
                out.append(m)
                end = m.end()
        scanned = year
    return out


def publication_date(text: str) -> tuple[datetime.date | None, str]:
    """Date the text states for itself, and how we know it: ('text' | 'inferred' | 'none').

    'text': a full date (day, month, year) on a dateline in the first 10 lines / 400 chars -- a
    short line that is not a sentence, a "Posted/Published/Updated ..." line, or a wire dateline
    ("BAMAKO, Sept. 22, 2020 (Reuters) -"). 'inferred': the latest year the text anchors to its
    own present ("this year, 2012", "so far in 2015", "as of 2019", "here in 2020"); we return the
    earliest date that evidence allows -- the 1st of the anchored month if one is named ("as of
    September 2019"), else Jan 1. Years that are merely mentioned never date the text.
    """
    offset = 0
    for line in text.splitlines(keepends=True)[:10]:
        if offset >= 400:
            break
        # No date phrase is 80 characters long; with no time of writing only an ISO date or a
        # month word with a year is a day (two cheap searches spare most lines the _scan).
        head = line[: 400 - offset + 80]
        full = _TRIGGERS["iso"].search(head) or (
            _MONTH_WORD.search(head) and _TRIGGERS["year"].search(head))
        for start, end, iv in _scan(head, [(0, _Ctx(None))]) if full else ():
            if offset + start >= 400 or iv.granularity != "day":
                continue
            rest = re.findall(r"[A-Za-z]+", line[:start] + line[end:])
            short = len(rest) <= 10 and not line.rstrip().endswith((".", "!", "?"))
            wire = _WIRE.match(line[:start]) and re.match(r"\s*[(\-\u2013\u2014]", line[end:])
            if short or wire or _POSTED.match(line):
                return iv.start, "text"
        offset += len(line)
    anchors = [(int(m["year"]), _MONTHS[_low(m["mon"].rstrip("."))] if m["mon"] else 1)
               for m in _anchors(text)]
    if anchors:
        year, month = max(anchors)
        return datetime.date(year, month, 1), "inferred"
    return None, "none"


def sentence_dates(
    text: str, sentences: list[tuple[int, int]], published: datetime.date | None
) -> list[tuple[Interval, str] | None]:
    """One entry per sentence span (char offsets into text).

    (interval, 'text') for the most specific phrase starting in the sentence (day < week < month <
    season < year; ties -> the first), resolved against the time of writing of that part of the
    text; else (the publication day, 'published'); else None when ``published`` is None.
    """
    # most sentences state no date: each date found goes to its sentence, the rest default
    out: list[tuple[Interval, str] | None] = [
        (_day(published), "published") if published is not None else None] * len(sentences)
    firsts = [s for s, _ in sentences]
    rank = GRANULARITIES.index
    for start, _, iv in find_dates(text, published):  # in order of start
        k = bisect.bisect_right(firsts, start) - 1
        if k >= 0 and start < sentences[k][1] and (
                (best := out[k]) is None or best[1] != "text"
                or rank(iv.granularity) < rank(best[0].granularity)):
            out[k] = (iv, "text")  # the most specific, the first of equals
    return out
