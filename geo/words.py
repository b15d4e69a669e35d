"""Where the words of a text are: each word's span, its text, and what joins it to the next;
and where the words a pattern looks for can start.

Every character of every text passes through here. ``WORD`` defines a word; the regex is
the reference and what runs as plain Python. `make compile` builds this module with Cython
(the C types are in ``words.pxd`` beside it, so this file stays plain Python), and the
compiled copy reads the text one character at a time instead, without making a string for
each gap between two words: about three times faster. The tests hold the two to the same
answer on any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate
from operator import itemgetter

try:  # Cython's own answer to "am I compiled?"; False in plain Python, with or without it
    import cython

    COMPILED: bool = cython.compiled
except ImportError:
    COMPILED = False

# A word: dotted initials ("U.S.", "W.Va."), else letters with inner apostrophes ("d'Ivoire").
# The letters' repeats are possessive (++, *+): a word never gives letters back, so the
# regex engine keeps no backtracking state for them.
WORD = re.compile(r"[A-Z]\.(?:(?:[A-Z]\.)+|[A-Z][a-z]{1,2}\.)|[^\W\d_]++(?:['’][^\W\d_]++)*+")
_SPLIT = re.compile(f"({WORD.pattern})")  # words and what lies between them, alternately
GLUE = frozenset({" ", "-", ". "})  # what may stand between two words of one name

Spans = tuple[list[int], list[int], list[str], list[bool], list[bool]]


def word_spans(text: str) -> Spans:
    """The words of ``text`` as parallel lists: ``starts``, ``ends``, ``words``, ``cap``
    (the first letter is a capital) and ``glue`` (only one of :data:`GLUE` lies between the
    word and the next, so a name may go on; False for the last word)."""
    return _by_character(text) if COMPILED else _by_regex(text)


def _by_regex(text: str) -> Spans:
    """:func:`word_spans` by one regex split, at C speed without the compiled scan."""
    parts = _SPLIT.split(text)  # gap, word, gap, word, …, gap
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    glue = list(map(GLUE.__contains__, parts[2:-1:2]))
    glue += [False] * bool(words)
    cap = list(map(str.isupper, map(itemgetter(0), words)))
    return offsets[0:-1:2], offsets[1::2], words, cap, glue


def _by_character(text: str) -> Spans:
    """:func:`word_spans` in one pass over the characters (what the compiled copy runs)."""
    n = len(text)
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    cap: list[bool] = []
    glue: list[bool] = []
    i = 0
    end = 0  # the previous word's end
    while i < n:
        c = text[i]
        if not _letter(c):
            i += 1
            continue
        j = _initials_end(text, i, n)
        if j < 0:  # letters, and more after each apostrophe followed by one
            j = i + 1
            while j < n and _letter(text[j]):
                j += 1
            while j + 1 < n and (text[j] == "'" or text[j] == "’") and _letter(text[j + 1]):
                j += 2
                while j < n and _letter(text[j]):
                    j += 1
        if words:
            glue.append(i - end == 1 and (text[end] == " " or text[end] == "-")
                        or i - end == 2 and text[end] == "." and text[end + 1] == " ")
        starts.append(i)
        ends.append(j)
        words.append(text[i:j])
        cap.append(c.isupper())
        end = j
        i = j
    if words:
        glue.append(False)
    return starts, ends, words, cap, glue


Openings = tuple[bytes, bytes]


def openings(firsts: str, pairs: Iterable[str]) -> Openings:
    """Where a pattern's matches can start, for :func:`pattern_spans`: one of the ASCII
    characters ``firsts``, then one of ``pairs`` (two lower-case ASCII characters) in any
    case -- or anything there that is not ASCII, which ``(?i:)`` may read as a letter ("ſ"
    as "s") and ``\\d`` as a digit ("٣")."""
    pairs = list(pairs)
    if not firsts.isascii() or any(len(p) != 2 or not p.isascii() or p != p.lower()
                                   for p in pairs):
        raise ValueError("openings: ASCII first characters and lower-case ASCII pairs, "
                         f"not {firsts!r}, {pairs!r}")
    first = bytearray(128)
    for c in firsts:
        first[ord(c)] = 1
    pair = bytearray(129 * 129)  # [folded second * 129 + folded third]; 128: not ASCII
    for a, b in pairs:
        pair[ord(a) * 129 + ord(b)] = 1
    for k in range(129):
        pair[128 * 129 + k] = pair[k * 129 + 128] = 1
    return bytes(first), bytes(pair)


def pattern_spans(pattern: re.Pattern[str], text: str, where: Openings | None
                  ) -> list[tuple[int, int]]:
    """``[m.span() for m in pattern.finditer(text)]``, for a pattern none of whose matches is
    empty and each of which starts as ``where`` (:func:`openings`, or None: anywhere) says.

    The regex engine tries the pattern at every offset of the text; the compiled copy first
    finds, in one pass, the few offsets where such a match can start, and tries it there.
    """
    if where is None or not COMPILED:
        return [m.span() for m in pattern.finditer(text)]
    spans: list[tuple[int, int]] = []
    end = 0
    for at in _starts(text, where[0], where[1]):
        if at >= end and (m := pattern.match(text, at)) is not None:
            spans.append(m.span())
            end = m.end()
    return spans


def _starts(text: str, first: bytes, pair: bytes) -> list[int]:
    """The offsets of ``text`` that begin as :func:`openings` said, in one pass: each
    character is read once, with the two before it at hand. A letter is folded to lower case
    by its 0x20 bit (which may turn another character into one a pair holds: an offset more
    to try, where the pattern then fails)."""
    out: list[int] = []
    at = -2  # where the three characters up to this one start
    x0 = x1 = f1 = 128  # the two characters before (128: none or not ASCII), the second folded
    for c in text:
        x2 = ord(c)
        f2 = x2 | 0x20 if x2 < 128 else 128
        if x0 < 128 and first[x0] and pair[f1 * 129 + f2]:
            out.append(at)
        x0, x1, f1 = x1, x2, f2
        at += 1
    return out


def _letter(c: str) -> bool:
    """``[^\\W\\d_]``: a letter, or a number sign that is not a decimal digit ("½")."""
    if c < "\x80":
        return "a" <= c <= "z" or "A" <= c <= "Z"
    return c.isalnum() and not c.isdecimal()


def _initials_end(text: str, i: int, n: int) -> int:
    """The end of the initials ("U.S.", "W.Va.") at ``i``, or -1: ``WORD``'s first branch."""
    if not ("A" <= text[i] <= "Z") or i + 3 >= n or text[i + 1] != ".":
        return -1
    k = i + 2
    while k + 1 < n and "A" <= text[k] <= "Z" and text[k + 1] == ".":
        k += 2
    if k > i + 2:
        return k
    if not ("A" <= text[k] <= "Z"):
        return -1
    k += 1
    while k < n and k < i + 5 and "a" <= text[k] <= "z":
        k += 1
    return k + 1 if i + 3 < k < n and text[k] == "." else -1
