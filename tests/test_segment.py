"""geo.segment: paragraphs, sentences (abbreviations, initials) and repeated paragraphs."""

import pytest

from geo.segment import MIN_REPEAT_CHARS, paragraphs, repeated, segment, sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_splits_at_sentence_ends() -> None:
    assert split("Troops entered Gao. Rebels fled! Was Kati calm? Yes.") == [
        "Troops entered Gao.", "Rebels fled!", "Was Kati calm?", "Yes."]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Traore arrived in Bamako on Tuesday.",
        "Officials in the U.S. State Department spoke.",
        "Gen. Carter Ham visited Bamako.",
        "J. R. Smith flew to Mali.",
        "The envoy met Amadou H. Toumani in Bamako.",
        "Dr. Mrs. Smith and Capt. Jones left.",
        "Flooding spared Ste. Genevieve and Ft. Wayne.",
    ],
)
def test_no_split_after_abbreviations_and_initials(text: str) -> None:
    assert split(text) == [text]


def test_abbreviation_then_real_sentence_end() -> None:
    text = "Mr. Traore arrived. The U.S. embassy closed. J. Smith left."
    assert split(text) == ["Mr. Traore arrived.", "The U.S. embassy closed.", "J. Smith left."]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert split('He said "Bamako is calm." Then he left.') == [
        'He said "Bamako is calm."', "Then he left."]


def test_sentences_within_a_paragraph_span() -> None:
    text = "Intro line.\nTroops entered Gao. Rebels fled."
    s, e = paragraphs(text)[1]
    assert [text[a:b] for a, b in sentences(text, s, e)] == ["Troops entered Gao.", "Rebels fled."]


def test_paragraphs_are_the_non_empty_lines() -> None:
    text = "  First line. \n\n\nSecond line.\n   \nThird."
    assert [text[s:e] for s, e in paragraphs(text)] == ["First line.", "Second line.", "Third."]


LONG = ("Malian soldiers from the Kati barracks outside Bamako launched a coup to depose "
        "the president on Tuesday.")


def test_repeated_long_paragraph_flagged_only_from_second_occurrence() -> None:
    assert len(LONG) >= MIN_REPEAT_CHARS
    text = f"{LONG}\nSomething in between happened here.\n{LONG}\n{LONG}"
    flags = [dup for _, _, dup in segment(text)]
    assert flags == [False, False, True, True]


@pytest.mark.parametrize("para", [LONG, f"Ségou’s governor said: {LONG}"])
def test_repeat_detection_ignores_case(para: str) -> None:
    text = f"{para}\n{para.upper()}\n{para.replace('Kati', 'Koulikoro')}"
    assert repeated(text, paragraphs(text)) == [False, True, False]


def test_short_repeated_lines_not_flagged() -> None:
    text = f"0\n{LONG}\n0\n(0)\n(0)\nRead This Next\nRead This Next"
    spans = paragraphs(text)
    assert not any(repeated(text, spans))


def test_every_sentence_of_a_repeated_paragraph_is_flagged() -> None:
    para = "Troops entered Gao on Monday morning. Rebels fled north towards Kidal and beyond."
    assert len(para) >= MIN_REPEAT_CHARS
    text = f"{para}\n{para}"
    segs = segment(text)
    assert [text[s:e] for s, e, _ in segs] == [
        "Troops entered Gao on Monday morning.", "Rebels fled north towards Kidal and beyond."] * 2
    assert [dup for _, _, dup in segs] == [False, False, True, True]


def test_word_before_a_full_stop_found_however_long() -> None:
    # the abbreviation test reads the whole word before a period, even past its search window
    long = "x" * 100 + ".st"
    assert split(f"He lives at {long}. Then he left.") == [f"He lives at {long}.", "Then he left."]
    assert split(f"Ask {'y' * 90} Dr. Smith. He left.") == [f"Ask {'y' * 90} Dr. Smith.",
                                                            "He left."]


def test_last_word_keeps_its_dots_and_stops_at_other_characters() -> None:
    from geo.segment import _last_word

    text = "He left the U.S. (Calif"
    assert _last_word(text, 0, 15) == "U.S"
    assert _last_word(text, 0, len(text)) == "Calif"
    assert _last_word(text, 20, len(text)) == "lif"  # never before ``start``
    assert _last_word("snake_case_2", 0, 12) == "snake_case_2"
    assert _last_word("end.)", 0, 5) == ""
