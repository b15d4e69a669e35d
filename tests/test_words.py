"""The word scan: the compiled character loop finds exactly the words ``WORD`` defines."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo import compiled, words
from geo.dates import _OPENINGS
from geo.words import WORD, word_spans

# What a word's edges turn on: initials, apostrophes, hyphens, digits and number signs that
# are or are not letters to \w, combining marks, capitals that are not A-Z, and astral letters
_ALPHABET = st.sampled_from(list(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .'’-_,\n\t0123456789"
    "éÉçñßÇĳǅǄⅫⅻ½²٣߀\u0301\u0327\u00a0\u2019ΑαЖж中あ𝐀𐐀😀"))


def _reference(text: str) -> tuple[list[int], list[int], list[str], list[bool], list[bool]]:
    """The spans by ``finditer`` over ``WORD``, written independently of both paths."""
    found = list(WORD.finditer(text))
    glue = [text[a.end():b.start()] in {" ", "-", ". "} for a, b in zip(found, found[1:])]
    return ([m.start() for m in found], [m.end() for m in found], [m[0] for m in found],
            [m[0][0].isupper() for m in found], glue + [False] * bool(found))


@pytest.mark.parametrize("text, found", [
    ("U.S. troops", ["U.S.", "troops"]),
    ("W.Va. and U.K", ["W.Va.", "and", "U", "K"]),  # "U.K" lacks its last dot
    ("A.Bcd. A.Bcde. A.Bc A.B.C.", ["A.Bcd.", "A", "Bcde", "A", "Bc", "A.B.C."]),
    ("Côte d'Ivoire's O’Hare", ["Côte", "d'Ivoire's", "O’Hare"]),
    ("rock 'n' roll don't", ["rock", "n", "roll", "don't"]),
    ("Ségou, 12km; snake_case ½x²", ["Ségou", "km", "snake", "case", "½x²"]),
    ("", []),
])
def test_words_by_example(text: str, found: list[str]) -> None:
    assert word_spans(text)[2] == found


def test_glue_is_one_space_a_hyphen_or_a_dot_and_space() -> None:
    _, _, found, cap, glue = word_spans("New York-based St. Louis,  Paris (Texas)")
    assert found == ["New", "York", "based", "St", "Louis", "Paris", "Texas"]
    assert glue == [True, True, True, True, False, False, False]
    assert cap == [True, True, False, True, True, True, True]


@settings(max_examples=1500, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
@example("X.Y")
@example("X.Yz")
@example("X.Yzw.")
@example("X.Yzwv.")
@example("a'")
@example("a'b'")
def test_the_character_loop_and_the_regex_find_the_same_words(text: str) -> None:
    expected = _reference(text)
    assert words._by_regex(text) == expected
    assert words._by_character(text) == expected  # the compiled loop, where it is built


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
@example("\ud800Ab\udfff'c")  # lone surrogates, as text decoded with surrogateescape has
def test_the_scan_agrees_with_the_regex_on_any_unicode_text(text: str) -> None:
    assert words._by_character(text) == _reference(text)
    for trigger, where in _OPENINGS.items():
        assert {m.start() for m in trigger.finditer(text)} <= set(words._starts(text, *where))


def test_the_compiled_copy_knows_it_is_compiled() -> None:
    """Else it would run the regex, built but no faster."""
    assert compiled.in_use("geo.words") == words.COMPILED


# Pieces of date words in odd cases and spellings, and what (?i:) and \d read as letters or
# digits: the long s, dotless and dotted i, the Kelvin sign, other scripts' digits
_DATE_PIECES = st.sampled_from([
    "January", "JANUARY", "jAnuary", "Jan.", "Janus", "Mar", "May", "Mayor", "Auguſt", "Sep",
    "Sept.", "Dec", "Thursday", "THURSDAY", "Thu", "The", "Tuesday", "Monday", "MOnday",
    "Christmas", "New Year", "New  Year", "Halloween", "Valentine", "Boxing", "2012", "1899",
    "1799", "2100", "2101", "20", "19٣٣", "2٠12", "-05-12", "-1", "ago", "days ago", "Days AGO",
    "weeks  ago", "Months ago", "year ago", "this", "This", "LAST", "next", "Nex", "week",
    "month", "YEAR", "ı", "İ", "ſ", "K", "\u0301", " ", " ", "-", ".",
    ",", "\n", "x", "1", "2", "0", "9", "8",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=25).map("".join))
@example("JanuaryJan.Dec")
@example("2012-05-12 -10-2012")
def test_a_date_trigger_is_found_at_its_openings_as_by_the_regex_engine(text: str) -> None:
    for trigger, where in _OPENINGS.items():
        expected = [m.span() for m in trigger.finditer(text)]
        # every match starts where the openings say (checked on the plain loop too)
        assert {s for s, _ in expected} <= set(words._starts(text, *where)), trigger.pattern
        assert words.pattern_spans(trigger, text, where) == expected, trigger.pattern


def test_openings_are_the_first_character_then_two_more_in_any_case() -> None:
    where = words.openings("J", ["an"])
    assert words._starts("Jan JAN jan JAn Jb Jaé J", *where) == [0, 4, 12, 19]
    assert words._starts("Ja", *where) == []  # too short for three characters


@pytest.mark.parametrize("firsts, pairs", [("ſ", ["pr"]), ("S", ["Pr"]), ("S", ["p"])])
def test_openings_refuse_what_the_scan_cannot_read(firsts: str, pairs: list[str]) -> None:
    """An upper-case pair would never match the folded text: starts would be missed."""
    with pytest.raises(ValueError, match="lower-case ASCII pairs"):
        words.openings(firsts, pairs)
