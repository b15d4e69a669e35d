"""Split clean text into paragraphs and sentences, and mark repeated paragraphs.

Scraped pages often repeat blocks (a teaser and the body, a quote box): their mentions
are kept but flagged, so that no count or map counts them twice.
"""

from __future__ import annotations

import re
import unicodedata

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital,
# a digit or an opening quote, unless the period ends a known abbreviation or an initial.
# (One branch, starting with one character class -- ``[.!?…][.!?…]*``, which matches what
# ``[.!?…]+`` does -- so that the regex engine skips ahead to the next . ! ? or … on its own.)
_END = re.compile(r"[.!?…][.!?…]*['\"’”)\]]*(?=\s+['\"‘“(\[]?[A-Z0-9À-Ý]|$)")
_ABBREV = frozenset(
    "mr mrs ms dr st ste sr jr gen col capt lt sgt maj rep sen gov pres prof rev hon no vol "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig inc ltd co corp dept univ ave "
    "blvd rd vs etc al approx est u.s u.k u.n e.g i.e ala ariz ark calif colo conn del fla ga "
    "ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash "
    "wis wyo".split()
)
MIN_REPEAT_CHARS = 80


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of clean text (a paragraph is a line in scraped text)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def repeated(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each paragraph repeats an earlier one of the same text (long ones only), in
    any case: a teaser in capitals repeats the body.

    Compared by their case-folded compatibility form, not by :func:`fold`, which also drops
    accents and would spend a tenth of a millisecond an article on paragraphs.
    """
    seen: set[str] = set()
    out = []
    for s, e in spans:
        if e - s < MIN_REPEAT_CHARS:
            out.append(False)
            continue
        para = text[s:e]
        key = (para if para.isascii() else unicodedata.normalize("NFKD", para)).casefold()
        out.append(key in seen)
        seen.add(key)
    return out


def _last_word(text: str, start: int, end: int) -> str:
    """The word (with its dots: ``[\\w.]+``) that ``text[start:end]`` ends with, or "".

    Walked back from ``end`` one character at a time: a regex search would try every offset
    before it. ``str.isalnum`` or "_" is exactly what ``\\w`` accepts.
    """
    k = end
    while k > start and (text[k - 1].isalnum() or text[k - 1] in "._"):
        k -= 1
    return text[k:end]


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]`` (a paragraph), by punctuation."""
    end = len(text) if end is None else end
    out, s = [], start
    for m in _END.finditer(text, start, end):
        if text[m.start()] == ".":  # not after an abbreviation or an initial
            w = _last_word(text, s, m.start()).lower().rstrip(".")
            if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                continue
        out.append((s, m.end()))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    return out


def segment(text: str) -> list[tuple[int, int, bool]]:
    """Every sentence of clean text as ``(start, end, in_repeated_paragraph)``."""
    spans = paragraphs(text)
    return [
        (s, e, dup)
        for (ps, pe), dup in zip(spans, repeated(text, spans))
        for s, e in sentences(text, ps, pe)
    ]
