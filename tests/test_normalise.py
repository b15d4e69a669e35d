"""geo.normalise: NFC, white space, markup removal, and the map back to source offsets."""

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import geo.normalise
from geo.normalise import normalise


def test_nfc_composes_decomposed_accents_and_maps_back_to_both_code_points() -> None:
    src = "Se\u0301gou"
    n = normalise(src)
    assert n.text == "Ségou"
    assert unicodedata.is_normalized("NFC", n.text)
    # the composed "é" came from "e" + combining acute: two source characters
    assert n.source_span(1, 2) == (1, 3)
    assert n.source_span(0, len(n.text)) == (0, len(src))


def test_runs_of_spaces_and_tabs_become_one_space() -> None:
    assert normalise("Bamako \t  and\t\tKati").text == "Bamako and Kati"


def test_more_than_one_blank_line_becomes_one() -> None:
    assert normalise("Bamako\n\n\n\n\nKati").text == "Bamako\n\nKati"


def test_lf_line_end_is_kept() -> None:
    assert normalise("Bamako\nKati").text == "Bamako\nKati"


def test_crlf_is_one_line_end() -> None:
    assert normalise("Bamako\r\nKati").text == "Bamako\nKati"
    assert normalise("Bamako\r\n\r\nKati").text == "Bamako\n\nKati"


def test_tags_are_removed_and_block_tags_separate_lines() -> None:
    n = normalise("<div><p>Troops in <b>Bamako</b></p><p>Rebels in <i>Gao</i></p></div>")
    assert "<" not in n.text and ">" not in n.text
    assert [line for line in n.text.split("\n") if line] == ["Troops in Bamako", "Rebels in Gao"]


def test_inline_tag_between_words_is_a_separator() -> None:
    assert normalise("Burkina<br>Faso").text.split() == ["Burkina", "Faso"]
    assert normalise("in <span>Mali</span>today").text == "in Mali today"


def test_script_and_style_content_removed() -> None:
    src = ("<p>Troops in Mali.</p><script type='text/javascript'>var city = 'Paris';</script>"
           "<STYLE>p { font-family: Timbuktu }</STYLE><p>Calm in Gao.</p>")
    text = normalise(src).text
    assert "Paris" not in text and "Timbuktu" not in text and "var" not in text
    assert "Troops in Mali." in text and "Calm in Gao." in text


def test_comments_removed_in_html() -> None:
    text = normalise("<p>Troops in <!-- Paris --> Mali.</p>").text
    assert "Paris" not in text and "<!--" not in text


def test_comment_only_markup_removed() -> None:
    assert "Paris" not in normalise("Troops in <!-- Paris --> Mali").text


@pytest.mark.parametrize(
    ("src", "clean"),
    [
        ("Bosnia &amp; Herzegovina", "Bosnia & Herzegovina"),
        ("S&eacute;gou", "Ségou"),
        ("S&#233;gou", "Ségou"),
        ("S&#xE9;gou", "Ségou"),
        ("C&ocirc;te d&#39;Ivoire", "Côte d'Ivoire"),
        ("Bamako&nbsp;&nbsp;city", "Bamako city"),
    ],
)
def test_entities_unescaped(src: str, clean: str) -> None:
    assert normalise(src).text == clean


def test_entity_maps_back_to_the_whole_entity() -> None:
    src = "Mali &amp; Niger"
    n = normalise(src)
    i = n.text.index("&")
    s, e = n.source_span(i, i + 1)
    assert src[s:e] == "&amp;"
    j = n.text.index("Niger")
    s, e = n.source_span(j, j + len("Niger"))
    assert src[s:e] == "Niger"


def test_source_span_of_a_word_inside_messy_html() -> None:
    src = "<html><body>\r\n<h1>News</h1>\t<p>Gunfire  in\t<b>Se\u0301gou</b> &amp; Kati.</p>"
    n = normalise(src)
    for word in ("Ségou", "Kati", "Gunfire"):
        i = n.text.index(word)
        s, e = n.source_span(i, i + len(word))
        assert unicodedata.normalize("NFC", src[s:e]) == word


def test_source_offsets_are_monotonic_and_in_bounds() -> None:
    src = "<p>A  b\r\n\r\n\r\nc&amp;d</p>\tSe\u0301gou<script>x</script>\u200bend"
    n = normalise(src)
    assert len(n.src_start) == len(n.src_end) == len(n.text)
    assert (n.src_start < n.src_end).all()
    assert (n.src_start[1:] >= n.src_start[:-1]).all()
    assert n.src_start.min() >= 0 and n.src_end.max() <= len(src)


def test_plain_characters_map_to_themselves() -> None:
    src = "Mali's capital, Bamako: 2 million people!"
    n = normalise(src)
    assert n.text == src
    assert all(src[slice(*n.source_span(i, i + 1))] == ch for i, ch in enumerate(n.text))


def test_empty_and_markup_only_input() -> None:
    assert normalise("").text == ""
    assert normalise("<p> </p><script>Mali</script>").text == ""


@given(st.text(alphabet=st.sampled_from(list("ab é\u0301\n\t\r\u00a0\u00ad.<>&;")), max_size=40)
       | st.text(max_size=40))
@settings(max_examples=400, deadline=None)
def test_fast_path_agrees_with_the_character_loop(text: str) -> None:
    fast = normalise(text)  # either fast path (tidy text, or untidy in white space only)
    slow = geo.normalise._by_character(text)  # called, not patched in: a compiled
    # module's functions call each other directly, past the module's attributes
    assert fast.text == slow.text
    assert fast.src_start.tolist() == slow.src_start.tolist()
    assert fast.src_end.tolist() == slow.src_end.tolist()


_BLANKS = list("ab é\u0301\u0316Ω\n\r\t\u00a0\u2028\u2029\x85\x0b\x1c\u3000") + ["  ", "\r\n"]


@given(st.lists(st.sampled_from(_BLANKS), max_size=30).map("".join))
@settings(max_examples=600, deadline=None)
def test_white_space_fast_path_agrees_with_the_character_loop(text: str) -> None:
    """Texts untidy only in their white space (and with combining marks, which then never
    merge) take ``_tidy_blanks``; it must give what the character loop gives."""
    assume(geo.normalise._only_blanks_untidy(text))
    fast = geo.normalise._tidy_blanks(text)
    slow = geo.normalise._by_character(text)
    assert (fast.text, fast.src_start.tolist(), fast.src_end.tolist()) == (
        slow.text, slow.src_start.tolist(), slow.src_end.tolist()
    )


@pytest.mark.parametrize(
    ("src", "clean"),
    [
        ("Bamako  and   Gao", "Bamako and Gao"),
        ("  Mali \n \n\n\n Gao \r\n", "Mali\n\nGao\n"),
        ("a\u00a0\tb\u2028c", "a b\nc"),
    ],
)
def test_white_space_fast_path_tidies_and_maps_back(src: str, clean: str) -> None:
    assert geo.normalise._only_blanks_untidy(src)
    n = normalise(src)
    assert n.text == clean
    # every clean character comes from one source character; visible ones are themselves
    assert all(n.src_end[i] - n.src_start[i] == 1 for i in range(len(clean)))
    assert all(src[n.src_start[i]] == ch for i, ch in enumerate(clean) if not ch.isspace())


def test_white_space_fast_path_is_not_taken_for_markup_or_invisible_characters() -> None:
    assert not geo.normalise._only_blanks_untidy("a  <b>c</b>")
    assert not geo.normalise._only_blanks_untidy("a  soft\u00adhyphen")  # format character
    assert not geo.normalise._only_blanks_untidy("Se\u0301gou  x")  # not NFC


def test_windows_1252_dashes_and_quotes_read_as_control_characters_are_restored() -> None:
    """A page in Windows-1252 read as Latin-1 leaves C1 control characters where its dashes
    and quotes were: they become those again, one for one, so offsets still hold."""
    raw = "NEWARK \x97 It was \x93fine\x94."
    n = normalise(raw)
    assert n.text == "NEWARK — It was “fine”."
    assert n.source_span(7, 8) == (7, 8)
