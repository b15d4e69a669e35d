"""Normalise raw document text while remembering where every character came from.

Scraped pages arrive with HTML, entities, decomposed accents and ragged white space. The
pipeline works on the clean text, but mention offsets must point into the text as given,
so each clean character keeps the span of source characters it was made from.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from itertools import islice

import numpy as np

# Markup to remove: comments, script/style blocks with their content, tags, entities.
_MARKUP = re.compile(
    r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>|</?[A-Za-z][^>]*>|&(?:#\d+|#x[0-9A-Fa-f]+|\w+);",
    re.S | re.I,
)
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|h\d|tr|article|section|blockquote)\b", re.I)
_LOOKS_LIKE_HTML = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]*(\s[^>]*)?>|<!--|&(#\d+|#x[0-9A-Fa-f]+|[a-z]+);")


def _looks_like_html(text: str) -> bool:
    """Whether the text has a tag, a comment or an entity (most texts have neither "<" nor
    "&", which ``in`` rules out without a regex scan)."""
    return ("<" in text or "&" in text) and _LOOKS_LIKE_HTML.search(text) is not None


@dataclass(frozen=True)
class Normalised:
    """Clean text plus, for each clean character, its ``[src_start, src_end)`` in the source."""

    text: str
    src_start: np.ndarray
    src_end: np.ndarray

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that clean ``text[start:end]`` came from."""
        return self.src_start.item(start), self.src_end.item(end - 1)  # Python ints, at once


def _strip_markup(text: str) -> list[tuple[str, int, int]]:
    """Pieces of visible text, each with its source span; tags become separators."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.extend((ch, i, i + 1) for i, ch in enumerate(text[pos : m.start()], pos))
        token = m.group(0)
        if token.startswith("&"):
            out.append((html.unescape(token), m.start(), m.end()))
        elif not token.startswith(("<!--", "<script", "<style", "<SCRIPT", "<STYLE")):
            sep = "\n" if _BLOCK_TAG.match(token) else " "
            out.append((sep, m.start(), m.end()))
        pos = m.end()
    out.extend((ch, i, i + 1) for i, ch in enumerate(text[pos:], pos))
    return out


def _is_tidy(text: str) -> bool:
    """Whether ``normalise`` would return ``text`` unchanged: no markup, already NFC, and only
    single spaces and at most one blank line (``isprintable`` is False for tabs, ``\\r``,
    no-break and other odd spaces, and format characters such as soft hyphens)."""
    return (
        not _looks_like_html(text)
        and text[:1] not in (" ", "\n")
        and "  " not in text
        and _tidy_line_ends(text)
        and text.replace("\n", "").isprintable()
        and unicodedata.is_normalized("NFC", text)
    )


def _tidy_line_ends(text: str) -> bool:
    """No space before or after a line end, nor three line ends in a row: what ``in`` would
    look for as " \\n", "\\n " and "\\n\\n\\n", in one pass over a text's few line ends
    (``in`` scans the whole text for each, stopping at every space)."""
    at = text.find("\n")
    while at >= 0:
        if text[at - 1 : at] == " " or text[at + 1 : at + 2] == " " or \
                text.startswith("\n\n", at + 1):
            return False
        at = text.find("\n", at + 1)
    return True


# Runs of white space the rules may change: leading, longer than one, or not a plain space.
# (One space between two visible characters stays as it is.) Each match starts with its first
# white space character, which lets the regex engine skip ahead to white space.
_UNTIDY_BLANKS = re.compile(r"\s(?:(?<! )|\s|(?<=\A ))\s*")


def _only_blanks_untidy(text: str) -> bool:
    """Whether the character loop of :func:`normalise` would change nothing but white space:
    no markup, already NFC, and no other invisible characters. Combining marks then never
    merge (that needs a dropped character between them and their base, and only white space is
    dropped, which leaves white space before the mark)."""
    return (
        not _looks_like_html(text)
        and "".join(text.split()).isprintable()  # split() drops what str.isspace accepts
        and unicodedata.is_normalized("NFC", text)
    )


# The C1 control characters a Windows-1252 page read as Latin-1 leaves where its dashes and
# quotes were ("NEWARK \x97 It was"): they mean what Windows-1252 says. (Not U+0085, which
# Python, and so the white-space rules, count as a line end.)
_C1 = {chr(b): c for b in range(0x80, 0xA0)
       if b != 0x85 and (c := bytes([b]).decode("cp1252", errors="ignore"))}

# A line end as the character rules count it: "\r\n" is one, kept at its "\r".
_LINE_END = re.compile(r"\r\n?|[\n\u2028\u2029]")


def _tidy_blanks(text: str) -> Normalised:
    """:func:`normalise` of a text whose only untidiness is white space: visible characters
    are copied in bulk and each run of white space is replaced as the character rules would.

    Those rules, applied to a run after a visible character, keep its first two line ends (as
    ``\\n``), or if it has none its first character (as a space); a run at the start of the text
    keeps nothing.
    """
    pieces: list[str] = []
    kept: list[int] = []  # source offsets of the white space kept
    mask = np.ones(len(text), dtype=bool)
    pos = 0
    for run in _UNTIDY_BLANKS.finditer(text):
        a, b = run.span()
        pieces.append(text[pos:a])
        mask[a:b] = False
        if a > 0:
            ends = [m.start() for m in islice(_LINE_END.finditer(text, a, b), 2)]
            kept.extend(ends or [a])
            pieces.append("\n" * len(ends) or " ")
        pos = b
    pieces.append(text[pos:])
    mask[kept] = True
    starts = np.flatnonzero(mask).astype(np.int64)
    return Normalised("".join(pieces), starts, starts + 1)


def normalise(text: str) -> Normalised:
    """Strip HTML safely, compose Unicode (NFC), and tidy white space.

    Runs of spaces and tabs become one space, line ends become ``\\n``, and more than one
    blank line becomes one. Nothing from ``<script>`` or ``<style>`` survives. A Windows-1252
    dash or quote left as a control character is that dash or quote again.
    """
    if _is_tidy(text):  # most plain texts: nothing to change, offsets are the identity
        n = len(text)
        return Normalised(text, np.arange(n, dtype=np.int64), np.arange(1, n + 1, dtype=np.int64))
    if _only_blanks_untidy(text):
        return _tidy_blanks(text)
    return _by_character(text)


def _by_character(text: str) -> Normalised:
    """:func:`normalise` character by character: the rules themselves, which the two quick
    paths above (a tidy text; one untidy only in its white space) must agree with."""
    if _looks_like_html(text):
        pieces = _strip_markup(text)
    else:
        pieces = [(ch, i, i + 1) for i, ch in enumerate(text)]
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    newlines = 0
    prev = ""
    for piece, s, e in pieces:
        for ch in piece:
            if "\x80" <= ch <= "\x9f":
                ch = _C1.get(ch, ch)
            last, prev = prev, ch
            if ch in "\r\n\u2028\u2029":
                if not chars:
                    continue
                if ch == "\n" and last == "\r":
                    continue
                newlines += 1
                if newlines > 2:
                    continue
                while chars and chars[-1] == " ":
                    chars.pop(), starts.pop(), ends.pop()
                ch = "\n"
            elif ch.isspace() or unicodedata.category(ch) == "Cf":
                if not chars or chars[-1] in " \n" or unicodedata.category(ch) == "Cf":
                    continue
                ch = " "
                newlines = 0
            elif unicodedata.combining(ch) and chars:
                composed = unicodedata.normalize("NFC", chars[-1] + ch)
                if len(composed) == 1:
                    chars[-1] = composed
                    ends[-1] = e
                    continue
                newlines = 0
            else:
                newlines = 0
            chars.append(ch)
            starts.append(s)
            ends.append(e)
    return Normalised(
        "".join(chars), np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
    )
