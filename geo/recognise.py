"""Toponym recognition: find the words in a text that name places, and how they are used.

A longest-match lookup of capitalised word n-grams in the gazetteer proposes names; then
evidence from the sentence rejects people ("Johnnie Carson", "president Traore"), ordinary
words that happen to be places ("Still", "Reading" at a sentence start) and peoples ("the
Bambara population"), and gives each survivor a role: ``place``, ``adjective`` (a demonym,
"Malian soldiers") or ``in_name`` (part of an organisation's name, "US Africa Command").
Misspellings ("Timbuktou") are caught by fuzzy matching against well-known places.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from itertools import compress

import numpy as np
from rapidfuzz import fuzz, process

from .gazetteer import ABBREVIATIONS, ARABIC_ARTICLES, Gazetteer, fold, own_name
from .lexicon import (
    CONNECTORS,
    DERIVED_ENDINGS,
    FACILITY_WORDS,
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    LANDSCAPE_WORDS,
    MONTH_ABBREVIATIONS,
    NAME_PARTICLES,
    NOT_PLACES,
    ORG_WORDS,
    PEOPLE_WORDS,
    POSTAL_PROVINCES,
    SEASONS,
    SEATS_OF_GOVERNMENT,
    STREET_WORDS,
    TITLES,
    VEHICLE_MAKES,
    VEHICLE_WORDS,
    WEEKDAYS,
    common_words,
    given_names,
    given_words,
)
from .words import GLUE, word_spans

# An elided particle glued to a capitalised word is capitalised too: "d'Ivoire", "l'Aquila".
_ELIDED = re.compile(r"(?:[dlDL]|dell|all|dall)['’][^\W\d_]")
STRONG = frozenset({"country", "admin1", "region"})
_DATELINE_END = re.compile(r"\s*(?:,|--|[-—–]\s|\(|:\s|/[A-Z])")
_SECOND_DATELINE_TOWN = re.compile(r"[A-Z]/")  # "LONDON/FRANKFURT": the second's slash
# A US lawmaker's party and home (town, county or state): "R-Marshall", "DFL-Cook", "D-W.Va."
_PARTY = re.compile(r".*(?<![\w.-])(?:D|R|I|DFL|Ind)-$")
# A sentence that starts by saying what a place is: "Reading is a town in Berkshire",
# "Aurora is a city in Colorado", "Lamar is a county of Texas".
_KINDS = (r"(county seat|county town|capital|city|town|village|hamlet|borough|township|"
          r"municipality|commune|suburb|neighbo(?:u)?rhood|community|settlement|county|province|"
          r"state|region|district|parish)")
# … or says it in an apposition: "Chester, a small town in Orange County"
_DEFINED = re.compile(rf"(?: (?:is|was) (?:a|an|the) (?:[a-z-]+ ){{0,2}}?{_KINDS}\b"
                      rf"|, (?:a|an|the) (?:[a-z-]+ ){{0,2}}?{_KINDS} (?=in |of |near |outside ))")
# The gap between a name and the place such an apposition puts it in
_APPOSITION_IN = re.compile(rf", (?:a|an|the) (?:[a-z-]+ ){{0,2}}?{_KINDS} (?:in|of) (?:the )?")
_REGION_KINDS = frozenset("county province state region district parish".split())
# A name in capitals and a dash is a dateline wherever it stands: after a byline ("BY RUSS
# ZIMMER Advocate Reporter March 15, 2009 NEWARK -- Unfortunately…")
_DASHED = re.compile(r" ?(?:--|[—–]) ")
# A name in capitals after a colon is no dateline: "Source: NEMA, Abuja"
_AFTER_A_COLON = frozenset({": ", "; "})
# A text's first word in capitals, then a sentence: a dateline whose dash was lost on the way
# ("WASHINGTON Barack Obama pardoned…", "DETROIT The U.S. …").
_BARE_DATELINE = re.compile(r" [A-Z][a-z]")
# Words before a name that say it is a location: "in Hamm", "near Plats".
LOCATIVES = frozenset("in at near from outside to into towards toward via around".split())
# Verbs whose object is where something happened, as a locative's is: "reached Timbuktu",
# "seized Gao", "shelled Kharkiv"
_PLACE_VERBS = frozenset("reached visited entered toured captured seized recaptured retook "
                         "besieged shelled bombed raided invaded occupied liberated overran "
                         "evacuated".split())


@dataclass(slots=True)
class Token:
    """One word of a text (a view of :class:`Words`, for tests and debugging)."""

    start: int
    end: int
    text: str
    sentence: int
    first: bool  # first word of its sentence or clause, or in a title-case heading
    cap: bool
    hyphen_before: bool  # glued to the previous word by a hyphen ("al-Din", "French-led")
    key: str  # fold(text): the lookup key


@dataclass(slots=True)
class Words:
    """The words of a text as parallel lists, one entry per word (possessive 's dropped).

    Every word of every text passes through here, so the lists are built by a handful of
    C-level passes (the word scan of :mod:`geo.words`, ``map`` over the words) rather than
    an object per word; the recogniser then visits the capitalised words and reads their
    neighbours by index.
    """

    start: list[int]
    end: list[int]
    text: list[str]
    sentence: list[int]
    first: list[bool]
    cap: list[bool]
    hyphen_before: list[bool]
    key: list[str]
    glue: list[bool]  # whether the next word may be part of the same name

    def __len__(self) -> int:
        return len(self.start)

    def __getitem__(self, i: int) -> Token:
        return Token(self.start[i], self.end[i], self.text[i], self.sentence[i], self.first[i],
                     self.cap[i], self.hyphen_before[i], self.key[i])

    def __iter__(self) -> Iterator[Token]:
        return (self[i] for i in range(len(self)))


@dataclass(init=False)
class Mention:
    """A recognised name before it is placed: clean-text span, candidates, role and cues.

    Its ``__init__`` is written out, so that it is compiled with the module: the one the
    dataclass would make runs as Python (mypyc compiles only what is in the source), and a
    text makes dozens of mentions. A test holds the two to the same fields and defaults.
    """

    start: int
    end: int
    key: str
    candidates: np.ndarray
    role: str = "place"
    sentence: int = 0
    fuzzy: float = 1.0  # 1 for exact matches; similarity for fuzzy ones
    cues: set[str] = field(default_factory=set)
    near: str | None = None  # key of the place the text puts it in ("X, Mali")
    inside: bool = False  # the text says it lies in ``near`` (", ", " in "), not only near it
    suburb: bool = False  # a suburb or part of ``near`` ("Cincinnati suburb of", "X station in")
    tokens: tuple[int, int] = (0, 0)
    listed: int | None = None  # the enumeration it is one of (its first member's start)
    paired: int | None = None  # the pair "A and B" / "A or B" it is one of (A's start)
    area: tuple[str, str] | None = None  # (country, admin-1) of a phone number right after it

    def __init__(self, start: int, end: int, key: str, candidates: np.ndarray,
                 role: str = "place", sentence: int = 0, fuzzy: float = 1.0,
                 cues: set[str] | None = None, near: str | None = None, inside: bool = False,
                 suburb: bool = False, tokens: tuple[int, int] = (0, 0),
                 listed: int | None = None, paired: int | None = None,
                 area: tuple[str, str] | None = None) -> None:
        self.start, self.end, self.key, self.candidates = start, end, key, candidates
        self.role, self.sentence, self.fuzzy = role, sentence, fuzzy
        self.cues = set() if cues is None else cues
        self.near, self.inside, self.suburb, self.tokens = near, inside, suburb, tokens
        self.listed, self.paired, self.area = listed, paired, area


_DAY_AFTER = re.compile(r"\.? ?\d")  # "Nov. 24", "Nov 24": after a month abbreviation
# "500 B.C." is an era, not British Columbia
_ERAS = frozenset({"b.c.", "b. c."})
_NUMBER_BEFORE = re.compile(r"\d\s+$")
# A number hyphened after a name makes it a road's: "US-24", "M-59" (and "$US 15 billion",
# "US$", a currency, is no place either)
_ROUTES = frozenset(f"-{d}" for d in "0123456789")
# A clause mark and the quotes or brackets after it: the word right after starts a clause.
_CLAUSE_MARKS = ":;\n"
_CLAUSE_LEAD = " \"'“‘("
_AFTER_AN_AGENCY = (" - ", " -- ", " — ", " – ", " —", "—")
_APOSTROPHES = "'’"


def _find_all(text: str, chars: str) -> list[int]:
    """Positions in ``text`` of any of ``chars``, in order. ``str.find`` skips to each at
    memchr speed, where a regex character class would test every character of the text."""
    found: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _fold_words(words: list[str], text: str) -> list[str]:
    """``fold`` of each word of ``text``. A word is letters, apostrophes and dots, so an ASCII
    one folds to its lower case: ``str.lower`` over the words at C speed, and ``fold`` only
    for the few words with other letters ("Ségou")."""
    keys = list(map(str.lower, words))
    if not text.isascii() and not "".join(words).isascii():
        keys = [k if word.isascii() else fold(word) for k, word in zip(keys, words)]
    return keys


def tokenize(text: str, sentences: list[tuple[int, int]]) -> Words:
    """Words of clean text with their sentence and capitalisation (possessive 's dropped).

    A word is ``first`` when it starts its sentence, when only quotes and brackets stand
    between it and a ":", ";" or line end, or when its sentence is a short title-case line (a
    heading). Every word of every text passes through here, so each attribute is one pass at
    C speed (the scan of :mod:`geo.words`, ``map``, ``bisect``); Python loops visit only
    sentences and the few characters that matter (apostrophes, hyphens, clause marks).
    """
    starts, ends, words, cap, glue = word_spans(text)
    # the words of each sentence: those starting inside it (no word crosses a sentence end)
    bounds = [(bisect_left(starts, s), bisect_left(starts, e)) for s, e in sentences]
    if sum(b - a for a, b in bounds) != len(words):  # words outside the sentences given
        keep = [k for a, b in bounds for k in range(a, b)]
        words, cap = [words[k] for k in keep], [cap[k] for k in keep]
        starts, ends = [starts[k] for k in keep], [ends[k] for k in keep]
        bounds = [(bisect_left(starts, s), bisect_left(starts, e)) for s, e in sentences]
        glue = [text[e:s] in GLUE for e, s in zip(ends, starts[1:])] + [False] * bool(keep)
    raw = words
    for a in _find_all(text, _APOSTROPHES):  # possessives ("Mali's"), elisions ("d'Ivoire")
        k = bisect_right(starts, a) - 1
        if k < 0 or a >= ends[k]:
            continue
        if a + 1 == ends[k] - 1 and text[a + 1] == "s" and a > starts[k]:
            if words is raw:
                words, ends = raw.copy(), ends.copy()
            words[k], ends[k] = raw[k][:-2], ends[k] - 2
            glue[k] = False  # "Mali's army": the name ends at the possessive
        elif not cap[k] and (e := _ELIDED.match(text, starts[k], ends[k])) is not None:
            cap[k] = text[e.end() - 1].isupper()
    first = [False] * len(words)
    for c in _find_all(text, _CLAUSE_MARKS):
        k = c + 1
        while k < len(text) and text[k] in _CLAUSE_LEAD:
            k += 1
        if (i := bisect_left(starts, k)) < len(starts) and starts[i] == k:
            first[i] = True
    for c in _find_all(text, ")"):  # a dateline's agency: "LONDON (Reuters) - Banks fell"
        gap = next((g for g in _AFTER_AN_AGENCY if text.startswith(g, c + 1)), None)
        if gap and (i := bisect_left(starts, c + 1 + len(gap))) < len(starts) and \
                starts[i] == c + 1 + len(gap):
            first[i] = True
    sentence: list[int] = []
    for si, (a, b) in enumerate(bounds):
        sentence += [si] * (b - a)
        if a < b:
            first[a] = True
        if b - a <= 15 and text[sentences[si][1] - 1] not in ".!?":
            # a heading in title case: each word of three letters or more starts with a
            # capital but the small words ("Fire in Dallas Kills Two", not "Floods hit
            # Reading and Slough")
            longs = [w for w in raw[a:b] if len(w) > 2 and w.lower() not in _TITLE_SMALL]
            if longs and all(w[0].isupper() for w in longs):
                first[a:b] = [True] * (b - a)
    hyphen = [False] * len(words)
    for h in _find_all(text, "-"):  # glued to a word before it: "al-Din", "French-led"
        if h > 0 and not text[h - 1].isspace() and \
                (i := bisect_left(starts, h + 1)) < len(starts) and starts[i] == h + 1:
            hyphen[i] = True
    for a, b in bounds:  # a name may go on to the next word of the same sentence only
        if a < b:
            glue[b - 1] = False
    return Words(starts, ends, words, sentence, first, cap, hyphen, _fold_words(words, text), glue)


def _article(text: str, w: Words, k: int) -> bool:
    """Whether word ``k`` is the Arabic article of a longer name ("al-" of "Bab al-Hawa")."""
    return w.key[k] in ARABIC_ARTICLES and k + 1 < len(w) and w.cap[k + 1] \
        and text[w.end[k] : w.start[k + 1]] == "-"


def _article_before_a_name(w: Words, i: int) -> bool:
    """Whether word ``i`` is hyphened to an Arabic article that starts a name: "from al-Raqqa",
    "at al-Tanf", "Hafr al-Batin, al-Kharj" (not "Bashar al-Assad", where the article is
    inside a person's name)."""
    k = i - 1
    return w.key[k] in ARABIC_ARTICLES and (k == 0 or not w.cap[k - 1] or w.first[k]
                                            or w.sentence[k - 1] != w.sentence[k]
                                            or not w.glue[k - 1])


# The first words of many Arabic places' names, which say that a name is Arabic without an
# article in it: "Ras Lanuf", "Tal Abyad", "Khan Sheikhoun", "Deir Hafer"
_ARABIC_HEADS = frozenset(
    "ras tal tall tell deir dayr ain ayn kafr khan jisr beit bayt bir wadi jebel jabal sidi "
    "umm qasr marsa bab hammam mina".split())


def _transliterated(text: str, w: Words, lead: int, hi: int, shorter: int, gaz: Gazetteer
                    ) -> tuple[int, np.ndarray] | None:
    """The longest Arabic name from word ``lead`` to one after ``shorter`` (the end of the
    name found as written, if any) and up to ``hi``, that is a place's name in another
    transliteration ("Maarat al-Numan" of GeoNames' "Ma`arrat an Nu`man"): its last word
    and rows. A name is Arabic by an article in it or by its first word."""
    arabic = w.key[lead] in _ARABIC_HEADS
    for j in range(hi, shorter, -1):
        if w.cap[j] and (arabic or any(w.key[k] in ARABIC_ARTICLES for k in range(lead, j))):
            rows = gaz.transliterated(fold(text[w.start[lead] : w.end[j]]))
            if len(rows):
                return j, rows
    return None


def _after_a_dateline_town(w: Words, i: int) -> bool:
    """Whether the words before word ``i`` are all in capitals from the start of its
    sentence: another of a dateline's towns ("NEW YORK/LONDON (Reuters)")."""
    k = i - 1
    while k > 0 and not w.first[k] and w.text[k].isupper() and w.sentence[k] == w.sentence[i]:
        k -= 1
    return k >= 0 and w.first[k] and w.text[k].isupper() and w.sentence[k] == w.sentence[i]


def _hyphen_link(text: str, w: Words, k: int) -> bool:
    """Whether word ``k`` is a small word hyphens join to capitalised words on both sides,
    as in "Weston-super-Mare" and "Newcastle-under-Lyme" (not only the usual connectors)."""
    return w.hyphen_before[k] and k + 1 < len(w) and w.cap[k + 1] \
        and text[w.end[k] : w.start[k + 1]] == "-"


# A place's own name may hold an apostrophe-s, which tokenize takes for a possessive: "St.
# John's", "Lee's Summit", "Martha's Vineyard" are looked up with it.
_POSSESSIVES = frozenset({"'s", "’s"})
_POSSESSIVE_GAPS = frozenset({"'s ", "’s "})
# What a place named after its owner is: "Harper's Ferry", "Brown's Station", "Kelly's Ford"
_OWNED_PLACES = frozenset("ferry landing mill mills station gap creek bluff crossroads crossing "
                          "corner corners store tavern wharf ford cove neck".split())


def capital_runs(text: str, w: Words) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with name particles inside): candidate proper names.

    A weekday ends a run: "in Duluth Monday morning" is Duluth, then a day (no name goes on
    with one: "Good Friday" starts with its word)."""
    runs: list[tuple[int, int]] = []
    n, resume = len(w), 0
    cap, key = w.cap, w.key
    for i in _capitalised(w):
        if i < resume or (w.first[i] and key[i] in FUNCTION_WORDS):
            continue  # inside the last run, or "A" of "A DeKalb man"
        j = i
        while (
            j + 1 < n
            and w.glue[j]
            and key[j + 1] not in WEEKDAYS
            and (
                cap[j + 1]
                or (
                    key[j + 1] in NAME_PARTICLES
                    and j + 2 < n
                    and cap[j + 2]
                    and w.glue[j + 1]
                )
            )
        ):
            j += 1
        runs.append((i, j))
        resume = j + 1
    return runs


_OPEN_QUOTES = frozenset("'\"‘“")
_CLOSE_QUOTE = re.compile(r"[,.]?['\"’”]")


def _nickname(text: str, w: Words, t: int, j: int) -> bool:
    """Whether the title at word t and the name up to word j stand in quotes: a nickname
    ("former mayor known as 'Mr. Arlington'"), whose name is no one's surname."""
    return w.start[t] > 0 and text[w.start[t] - 1] in _OPEN_QUOTES and \
        _CLOSE_QUOTE.match(text, w.end[j]) is not None


def _capitalised(w: Words) -> list[int]:
    """Positions of the capitalised words: the only places a name can start (most words are
    lower case, so loops over names visit these instead of every word)."""
    return list(compress(range(len(w)), w.cap))


# Words a heading in title case leaves in lower case
_TITLE_SMALL = FUNCTION_WORDS | frozenset("into over upon onto than amid near via per nor yet "
                                          "vs".split())

# Words before a name that make it a place, whatever follows it: "of Lindsay and Dennis Lowe",
# "of rural Paris and Guy Harminson", "Hufstetler of Roswell, who was listed"
_NOT_BEFORE_A_NAME = LOCATIVES | frozenset("of rural downtown".split())

# Titles that are also verbs, titles only when capitalised: "Miss Marple", not "expected to
# miss Rochester"
_VERBS = frozenset({"miss"})


def people(
    text: str, w: Words, gaz: Gazetteer, runs: list[tuple[int, int]] | None = None
) -> tuple[set[int], set[str], set[str]]:
    """Word positions that belong to people's names, and the surnames and given names of
    those people: the same word alone elsewhere in the text is most likely them too.

    A run of capitalised words is a person's name from a title in or before it on ("Captain
    Sanogo", "State Rep. Jay Roberts"), unless a place's name starts at the title ("Prince
    Edward Island"); or from a given name on, when that is no place ("Johnnie Carson"). A
    given name that is also a word ("Jerry", "Will") counts only where neither it nor the
    rest of the run is a big place ("Will Texas vote…").
    """
    given, given_word = given_names(), given_words()
    key = w.key

    def place_at(s: int, k: int, j: int) -> bool:
        """Whether a place's name of two words or more starts at word s and spans word k
        ("King County", "Prince Edward Island")."""
        return any(len(gaz.lookup(fold(text[w.start[s] : w.end[e]])))
                   for e in range(j, max(k, s + 1) - 1, -1))

    def pageant(k: int, j: int) -> bool:
        """Whether word k is "Miss" before a province's, country's or county's name, a beauty
        pageant's title ("Miss Ohio", "Miss Butler County"), not a woman's."""
        return key[k] == "miss" and any(
            gaz.feature[r] in STRONG or gaz.feature[r] == "admin2"
            for r in gaz.lookup(fold(text[w.start[k + 1] : w.end[j]])))

    positions: set[int] = set()
    surnames: set[str] = set()
    forenames: set[str] = set()
    for i, j in capital_runs(text, w) if runs is None else runs:
        titled = i > 0 and w.sentence[i - 1] == w.sentence[i] and \
            key[i - 1].rstrip(".") in TITLES and (w.cap[i - 1] or key[i - 1] not in _VERBS)
        if not titled:  # "President Hollande", "State Rep. Jay Roberts", not "Prince Edward
            for k in range(i, j):  # Island" or "Bishop Auckland"
                if key[k].rstrip(".") in TITLES and not place_at(k, k, j) and \
                        not pageant(k, j):
                    titled, i = True, k + 1
                    break
        # or from a kin word before it: "Vermelhudo's cousin, Jenny Palma" (a given name that
        # is also a word, before a big town's name, is a name here)
        kin = j > i and i > 0 and key[i - 1] in _KIN and w.sentence[i - 1] == w.sentence[i] \
            and text[w.end[i - 1] : w.start[i]] in (" ", ", ") and not place_at(i, i, j)
        if titled or kin:
            positions.update(range(i, j + 1))
            if not (titled and _nickname(text, w, i - 1, j)):  # 'Mr. Arlington': a town's
                surnames.update(key[i if titled else i + 1 : j + 1])  # man, not a surname
            continue  # after a kin word: not the given name ("Jenny")
        # "… Affairs Esther Brimmer": a given name followed by more name, not itself a place
        # (nor an organisation's, a building's or a street's: "Paris High School", "Georgia
        # School Boards Association", "Paris City Hall", "Old Alton Edwardsville Road");
        # a name that is also a word only where neither it nor the rest is a big place
        # ("Jerry Hughes", not "Will Texas vote…" or "Jordan Junior Olympic")
        for k in range(i, j):
            word = w.text[k]
            if (
                (key[k] in given or key[k] in given_word)
                and text[w.end[k] : w.end[k] + 1] != "-"  # "Logan-Rogersville", "Jean-Pierre"
                and not (key[k] in _NATURAL_LEADS and k > 0 and key[k - 1] == "the")  # "the
                # River Tay" (but "River Phoenix")
                and not any(x in ORG_WORDS or x in FACILITY_WORDS for x in key[k + 1 : j + 1])
                and key[j].rstrip(".") not in STREET_WORDS
                and not word.isupper()
                and len(word) > 2
                and not any(place_at(s, k, j) for s in range(i, k + 1))
                and (key[k] in given or _two_towns_apart(gaz, text, w, k, j)
                     or not (_big_place(gaz, text, w, k + 1, j)
                             or _big_place(gaz, text, w, k, k)
                             and (w.first[k + 1] or _a_word(key[k + 1]))))
                and not _town_before_its_province(text, w, gaz, k)
            ):
                positions.update(range(k, j + 1))
                surnames.update(key[k + 1 : j + 1])
                forenames.add(key[k])
                if k == i and i > 1 and key[i - 1] == "and" and w.cap[i - 2] and \
                        (key[i - 2] in given or key[i - 2] in given_word) and \
                        text[w.end[i - 2] : w.start[i - 1]] == " " and \
                        (i < 3 or not w.cap[i - 3] and key[i - 3] not in _NOT_BEFORE_A_NAME):
                    positions.add(i - 2)  # "workers Brent and Lynnette Hain": a couple
                break
        # a name with an age after it: "Nakishia Sullivan, 24, was approached", "Tanga Sheri
        # Moon, 34," (whether or not we know a given name in it); a given name and one more
        # with "who" after them: "Jordan Henderson, who plays for Ajax"
        # and a surname alone with an age or "who" after it: "deputies chatted with McDonald,
        # 24, of Archer", "Ivins, who worked…" (not a big place's name: "Texas, 24," is a
        # score; nor after "of" or "in": "Hufstetler of Roswell, who was listed")
        after = _PERSON_AFTER.match(text, w.end[j])
        if after and (j > i and after.group(1)
                      or j == i and (i == 0 or key[i - 1] not in _NOT_BEFORE_A_NAME)
                      and not _big_place(gaz, text, w, i, i)
                      or j == i + 1 and (key[i] in given or key[i] in given_word)) \
                and not place_at(i, i, j):
            positions.update(range(i, j + 1))
            surnames.update(key[i + 1 : j + 1] if j > i else key[i : i + 1])
        # a middle initial ("Kodie L. Tyler", "George W. Bush") or a nickname in quotes
        # before the surname ("Harold “Hal” Rogers") is how people's names are written
        elif (k := _middle_initial(text, w, i, j)) or _after_a_nickname(text, w, i):
            positions.update(range(k - 1 if k else i - 2, j + 1))  # not "McLean County
            # Coroner" before "Beth C. Kimmerling"
            surnames.update(key[k + 1 if k else i : j + 1])
    return positions, surnames, forenames


def _middle_initial(text: str, w: Words, i: int, j: int) -> int:
    """The position of a middle initial in the run i..j, between words of two letters or
    more ("Kodie L. Tyler"; not "Washington D. C."), else 0."""
    for k in range(i + 1, j):
        word = w.text[k]
        if len(word) == 1 and word.isupper() and text[w.end[k] : w.end[k] + 1] == "." \
                and len(w.text[k - 1]) > 1 and len(w.text[k + 1]) > 1:
            return k
    return 0


_NICKNAME = re.compile(r"[“\"][A-Z][a-z]+[”\"] $")


def _after_a_nickname(text: str, w: Words, i: int) -> bool:
    """Whether the run at word i follows a given name and a nickname in quotes: "Harold
    “Hal” Rogers" (the quotes break the capitalised run)."""
    return i > 1 and w.cap[i - 1] and w.cap[i - 2] and w.sentence[i - 2] == w.sentence[i] \
        and text[w.end[i - 2] : w.start[i - 1] - 1] == " " \
        and _NICKNAME.match(text, w.start[i - 1] - 1, w.start[i]) is not None


def _town_before_its_province(text: str, w: Words, gaz: Gazetteer, k: int) -> bool:
    """Whether word k is a town of 15,000 people before its province or country with no
    comma, as posts write it: "Paris France", "Austin Texas" (not "Jordan Henderson", nor
    "George Washington": George, Washington, has 700 people)."""
    rows = gaz.lookup(w.key[k])
    if not len(rows) or not _facts(gaz, w.key[k], rows).town or \
            not len(wide := _province_after(text, w, gaz, k, " ")):
        return False  # (most given names are no town's of 15,000: asked first, it is cheap)
    return _any_in(gaz, wide, rows[gaz.population[rows] >= 15_000])


def _two_towns_apart(gaz: Gazetteer, text: str, w: Words, k: int, j: int) -> bool:
    """Whether words k and j (the next) are a given name that is a place's and a town's name
    after it, with nothing between: "Jordan Henderson", "Chad Walker". Two places side by
    side are written with a comma ("Henderson, Jordan"), and a place before a province or
    country is its town ("Florence Italy", "Austin Texas"), so this is a person's name."""
    if j != k + 1 or w.first[j] or w.key[j] in LANDSCAPE_WORDS or not len(gaz.lookup(w.key[k])):
        return False  # "the Jordan Valley" is a place's name
    rows = gaz.lookup(w.key[j])
    return len(rows) > 0 and not _facts(gaz, w.key[j], rows).strong


_PERSON_AFTER = re.compile(r", (?:(\d{1,3},)|who )")  # "… Sullivan, 24,", "… Henderson, who"


def _a_word(key: str) -> bool:
    """Whether a word is an everyday one, or a plural or a verb's form of one ("asks")."""
    common = common_words()
    return key in common or key[-1:] == "s" and (key[:-1] in common or key[:-2] in common)


def _big_place(gaz: Gazetteer, text: str, w: Words, k: int, j: int) -> bool:
    """Whether words k…j (or a start of them) name a country, province, region or a town of
    100,000 people or more."""
    for e in range(j, k - 1, -1):
        name = fold(text[w.start[k] : w.end[e]])
        rows = gaz.lookup(name)
        if len(rows):
            return _facts(gaz, name, rows).big
    return False


@functools.cache
def _fuzzy_choices(gaz: Gazetteer) -> dict[tuple[str, int], list[str]]:
    """Prominent names bucketed by first letter and length, so a lookup compares few."""
    buckets: dict[tuple[str, int], list[str]] = {}
    for key in gaz.prominent_names():
        buckets.setdefault((key[0], len(key)), []).append(key)
    return buckets


@functools.lru_cache(maxsize=4096)
def _fuzzy_window(gaz: Gazetteer, first: str, length: int) -> list[str]:
    """Prominent names starting with ``first`` from one letter shorter than ``length`` to two
    letters longer."""
    buckets = _fuzzy_choices(gaz)
    return [k for n in range(length - 1, length + 3) for k in buckets.get((first, n), ())]


@functools.lru_cache(maxsize=1 << 16)
def fuzzy_lookup(gaz: Gazetteer, key: str, cutoff: float = 88.0) -> tuple[np.ndarray, float]:
    """Places whose name is a near spelling of ``key`` ("timbuktou" → Timbuktu).

    Only names with the same first letter, one letter shorter to two longer, are compared:
    a misspelling rarely changes the first letter, and ``cutoff`` excludes larger changes;
    a word two letters longer than a name holding it nearly whole is another word
    ("Brahmaputra", the river, is not Brahmapur), where two letters dropped are a
    misspelling ("Missisipi").
    Cached (the same unknown words recur across a corpus); the array is read-only.
    """
    keys = _fuzzy_window(gaz, key[0], len(key))
    hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
    if hit is None:
        found = np.empty(0, dtype=np.int32)
    else:
        found = np.array(gaz.lookup(hit[0]))
    found.flags.writeable = False
    return found, (hit[1] / 100 if hit else 0.0)


def _own_name_of(gaz: Gazetteer, key: str, feature: str, population: int = 0) -> bool:
    """Whether a name is the own name of a place of ``feature`` with ``population`` or more
    people: a big town's ("New York", not "Texas"), a province's ("Wyoming", not "Ontario"
    of Ontario, California)."""
    return any(gaz.feature[r] == feature and gaz.population[r] >= population
               and own_name(str(gaz.name[r]), key) for r in gaz.lookup(key)[:50])


def _a_big_town(gaz: Gazetteer, key: str) -> bool:
    """Whether a name is a town's own of 100,000 people or more ("New York", not "Texas")."""
    return _own_name_of(gaz, key, "city", 100_000)


_PARTIES = frozenset("democrats republicans liberals conservatives libertarians".split())


def _org_context(text: str, w: Words, i: int, j: int, gaz: Gazetteer) -> bool:
    """Whether words i..j sit inside an organisation's proper name."""
    n, cap, key, glue = len(w), w.cap, w.key, w.glue
    lo, hi = i, j
    while lo > 0 and glue[lo - 1] and cap[lo - 1]:
        lo -= 1
    k = lo - 1  # "Peanut Corporation of America", "Voice of America"
    if k >= 0 and key[k] in _ARTICLES_BEFORE:
        k -= 1
    if k >= 1 and key[k] in ("of", "for") and cap[k - 1] and (
            key[k - 1] in ORG_WORDS and key[k - 1] not in _LEGAL_FORMS
            or key[k] == "of" and key[k - 1] in _WATERS):
        return True  # "Voice of America"; "the Gulf of Mexico" is no part of Mexico; but
        # after a firm's legal form the name is over: "Boskovich Farms Inc. of Oxnard"
    if k >= 1 and key[k] in _ROMANCE_OF and cap[k - 1] and key[k - 1] in _ROMANCE_BODIES:
        return True  # "the Stade de France", "the Gare du Nord", "the Banco de México"
    while hi + 1 < n and glue[hi] and cap[hi + 1]:
        hi += 1
    if not (ORG_WORDS.isdisjoint(key[lo:i]) and ORG_WORDS.isdisjoint(key[j + 1 : hi + 1])):
        return True  # the capitalised words around the name include an organisation's
    if lo < i and key[lo] == "air":
        return True  # an airline: "Air France", "Air India"
    if hi > j and key[hi][-1:] == "s" and key[hi] not in _PLURAL_PLACE_WORDS and \
            not w.text[hi].isupper() and (
                _a_big_town(gaz, name := fold(text[w.start[i] : w.end[j]]))
                or lo > 0 and key[lo - 1] == "the" and key[hi] not in _PARTIES
                and _own_name_of(gaz, name, "admin1")):
        return True  # a big town's team: "the Toronto Raptors", "the Houston Astros", and a
        # province's after "the": "the Wyoming Cowboys" (but "Texas Democrats"; and
        # "the Cayman Islands", "Niagara Falls": a place's own words; and a country's or a
        # province's body: "the U.S. Centers for Disease Control", "Texas Instruments")
    # "Al-Qaeda in the Islamic Maghreb", "Islamic State in Greater Sahara": after "in", the
    # place is part of a longer name (not "Boko Haram in Nigeria")
    k = lo - 1 if lo < i else -1
    if k >= 0 and key[k] == "the":
        k -= 1
    if k >= 1 and key[k] == "in" and cap[k - 1]:
        left_hi = k - 1
        left_lo = left_hi
        while left_lo > 0 and w.glue[left_lo - 1] and cap[left_lo - 1]:
            left_lo -= 1
        long_name = left_hi > left_lo or "-" in text[w.start[left_lo] : w.end[left_hi]]
        titled = left_lo > 0 and key[left_lo - 1].rstrip(".") in TITLES
        person = titled or key[left_lo].rstrip(".") in TITLES
        site = key[left_hi] in FACILITY_WORDS  # "… Hospital in Paisley": where it stands
        if long_name and not person and not site and key[left_lo] not in given_names():
            return True
    return False


# Plural words that end places' names, not teams' or firms': "the Cayman Islands", "Palm
# Springs", "the United States"
_PLURAL_PLACE_WORDS = frozenset(
    "islands isles keys falls heights springs hills woods rapids lakes mountains plains states "
    "emirates territories provinces pines oaks gardens downs shoals cliffs sands narrows flats "
    "meadows fields glades highlands lowlands midlands marshes wells mills banks rocks "
    "landings crossings corners forks grounds acres groves parks ridges valleys villas".split())
# "Of" and "the" in the Romance languages, and the buildings and bodies named with them: "the
# Stade de France", "the Gare du Nord", "the Universidad de Chile", "the Piazza della Signoria"
_ROMANCE_OF = frozenset("de du des del di della dello degli delle do da dos das".split())
_ARTICLES_BEFORE = frozenset("the la le les el los las il lo gli".split())
_ROMANCE_BODIES = frozenset(
    "stade gare aeroport aeropuerto aeroporto estadio stadio palais palacio palazzo hopital "
    "hospital iglesia eglise chiesa igreja musee museo universite universidad universita "
    "universidade banco banque ministerio ministere ministero conseil consejo plaza piazza "
    "praca place rue avenida calle via".split())
# A firm's legal form, which ends its name: "Boskovich Farms Inc. of Oxnard"
_LEGAL_FORMS = frozenset("inc ltd llc plc gmbh".split())  # not "Peanut Corp. of America"
# Seas named after a land on their shore: "the Gulf of Mexico", "the Sea of Japan".
_WATERS = frozenset("gulf bay sea strait straits".split())
_REGION_AFTER = frozenset("region province state district prefecture county oblast krai "
                           "governorate voivodeship canton division "
                           # the world's other units of government, by their own names: "the
                           # Bankass cercle" (Mali), "the Diffa département", "the Sylhet
                           # upazila", "the Tigray woreda", "Orleans parish"
                           "cercle commune municipality borough parish arrondissement "
                           "departement regency emirate wilaya raion rayon okrug tehsil taluk "
                           "taluka mandal upazila woreda".split())
_REGION_OF = frozenset("region province state".split())  # "the region of Mopti"
# "the regions of Donetsk and Luhansk": each name listed after it is a region
_REGIONS_OF = frozenset("regions provinces states".split())
_CITY_AFTER = frozenset("city town village barracks airport suburb".split())
_CITY_OF = frozenset("city town capital".split())  # "the town of Kidal"
_PARTS = frozenset("northern southern eastern western central north south upstate downstate "
                    "northeastern northwestern southeastern southwestern".split())
# Words before a town's name for a part of it: "downtown Greer" (a town, not a name's end)
_TOWN_PARTS = frozenset("downtown uptown midtown".split())
# Words after a name that make it a polity, a country or province, rather than a town: "the
# Quebec government", "New York Governor", "the New York border", "Quebec Health Minister".
_POLITY_AFTER = frozenset(
    "government governor premier legislature lawmakers parliament border borders".split())
_MINISTER = frozenset("minister ministry".split())
# Words after a name for people from a province or town: "a Georgia man", "Georgia residents"
# (a country's go by its demonym: "a Georgian man"; see geo.resolve).
_RESIDENTS = frozenset("man woman men women boy girl boys girls teen teens teenager teenagers "
                       "couple resident residents".split())
# Words hyphened to a name that make it where something is: "a Geneva-based agency",
# "Bristol-born", "a Boston-bound flight", "Denver-area schools"
_SUFFIXES = frozenset("based born bred bound headquartered area".split())
# The only words next to a name that give it a cue (most names have none of them).
_CUE_AFTER = _REGION_AFTER | _CITY_AFTER | PEOPLE_WORDS | _POLITY_AFTER | _MINISTER | \
    _RESIDENTS | _SUFFIXES
_CUE_BEFORE = _PARTS | _TOWN_PARTS | LOCATIVES | _PLACE_VERBS | {"capital", "of", "the"}


def _of_a_persons_town(w: Words, i: int, person_at: set[int],
                       runs: dict[int, tuple[int, int]]) -> bool:
    """Whether word i follows "of" after a person's full name, given name and surname, in
    one sentence: "Mary Jones of Champaign", where she lives. Not a title's ("the Duke of
    York") nor an epithet's ("Catherine of Aragon"), a name of one word."""
    k = i - 2
    a, b = runs.get(k, (k, k))
    return b == k and b > a and w.sentence[a] == w.sentence[i] and \
        all(p in person_at for p in range(a, b + 1)) and w.end[k] + 4 == w.start[i]


def _cues(w: Words, i: int, j: int) -> set[str]:
    """Words next to a name that say what it names: 'region', 'capital', 'northern'…"""
    sent, key = w.sentence, w.key
    after = key[j + 1] if j + 1 < len(w) and sent[j + 1] == sent[j] else ""
    before = key[i - 1] if i > 0 and sent[i - 1] == sent[i] else ""
    cues: set[str] = set()
    if j + 2 < len(w) and key[j + 2] in _MINISTER and sent[j + 2] == sent[j]:
        cues.add("polity")
    if after not in _CUE_AFTER and before not in _CUE_BEFORE:
        return cues
    before2 = key[i - 2] if before == "of" and i > 1 and sent[i - 2] == sent[i] else ""
    if after in _REGION_AFTER or before2 in _REGION_OF:
        cues.add("region")
    elif before2 in _REGIONS_OF:
        cues.update(("region", "regions"))
    if after in _CITY_AFTER or before == "capital" or before2 in _CITY_OF or \
            before in _TOWN_PARTS:
        cues.add("city")
    if before == "capital":
        cues.add("capital")
    if before in _PARTS:
        cues.add("part")
    if after in PEOPLE_WORDS:
        cues.add("people")
    if after in _RESIDENTS:
        cues.add("residents")
    if after in _POLITY_AFTER or after in _MINISTER:
        cues.add("polity")
    if after in _SUFFIXES and w.hyphen_before[j + 1]:
        cues.add("based")
    if before == "the":
        cues.add("the")
    if (before in LOCATIVES or before in _PLACE_VERBS) and w.start[i] - w.end[i - 1] == 1:
        # not "in 1999, Robertson"
        cues.add("locative")
    return cues


# A North American phone number: (806) 423-1253, 806-423-1253, 806.423.1253; its area code.
_PHONE = re.compile(r"(?<![\d-])\(?([2-9]\d\d)\)?[ .-]?[2-9]\d\d[ .-]\d{4}(?![\d-])")
# What every phone number holds, starting with a character class: the engine skips to each
# digit at C speed, where _PHONE's leading look-behind makes it try every character. Most
# texts have no phone number, and this one search says so in a fifth of _PHONE's time.
_PHONE_DIGITS = re.compile(r"[2-9]\d\d\)?[ .-]?[2-9]\d\d[ .-]\d{4}(?![\d-])")


@functools.lru_cache(maxsize=2)
def _phone_numbers(text: str) -> list[tuple[int, str]]:
    """Where each of the text's North American phone numbers starts, and its area code.
    Cached: the recogniser and then the pipeline (:func:`phone_areas`) ask of one text."""
    if _PHONE_DIGITS.search(text) is None:
        return []
    return [(m.start(), m.group(1)) for m in _PHONE.finditer(text)]


def phone_areas(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    """The provinces (country, admin-1 code) of the text's North American phone numbers, in
    order, each once: a local story gives its readers local numbers ("call 519-661-5670":
    Ontario), which tell where its "London" is."""
    if not gaz.area_codes:
        return []
    areas = [gaz.area_codes.get(code) for _, code in _phone_numbers(text)]
    return list(dict.fromkeys(a for a in areas if a is not None))


def _phoned(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Note the area of a phone number right after a name: "Thomas Memorial Hospital in South
    Charleston at 304-766-3413" is West Virginia's South Charleston, not Ohio's."""
    if not gaz.area_codes or not mentions:
        return
    ends = [m.end for m in mentions]
    for at, code in _phone_numbers(text):
        k = bisect_right(ends, at) - 1
        if k >= 0 and _BEFORE_PHONE.fullmatch(text, mentions[k].end, at):
            mentions[k].area = gaz.area_codes.get(code)


_BEFORE_PHONE = re.compile(r",? (?:at |on |or )?")  # "South Charleston at 304-…", "Ozark, (417)"


def recognise(text: str, sentences: list[tuple[int, int]], gaz: Gazetteer) -> list[Mention]:
    """Every place name in clean ``text``, longest match first, with role and cues."""
    w = tokenize(text, sentences)
    cap, key, start, end, glue = w.cap, w.key, w.start, w.end, w.glue
    names, adjectives = gaz.knows()  # most stretches tried name nothing: rejected cheaply
    cap_runs = capital_runs(text, w)
    person_at, surnames, forenames = people(text, w, gaz, cap_runs)
    common = common_words()
    runs = {k: (a, b) for a, b in cap_runs for k in range(a, b + 1)}
    mentions: list[Mention] = []
    # a sentence's first word that is also an everyday word ("Berlin", a carriage; "Reading")
    # says nothing by itself: kept only if the text names the place elsewhere
    first_words: list[Mention] = []
    n, resume, max_words = len(w), 0, gaz.max_words
    postal = _postal_codes(gaz)
    for i in _capitalised(w):
        if i < resume:
            continue  # inside the name just matched
        # a name may start at an Arabic article before it ("from al-Raqqa"), whose words
        # around speak for it; another word hyphened before it is no name's ("French-led")
        lead = i - 1 if w.hyphen_before[i] and not cap[i - 1] and \
            _article_before_a_name(w, i) else i
        if i in person_at or (w.hyphen_before[i] and not cap[i - 1] and lead == i):
            continue
        if w.text[i] in postal and len(
                rows := _postal(text, w, i, gaz, mentions[-1] if mentions else None)):
            mentions.append(Mention(start[i], end[i], key[i], rows, sentence=w.sentence[i],
                                    tokens=(i, i)))  # "Austin, TX"
            continue
        match = None
        # the longest stretch from i that can be one name: glued words, each capitalised or a
        # connector ("Bosnia and Herzegovina"), none part of a person's name
        last = min(n - 1, i + max_words - 1)
        hi = i
        while (
            hi < last
            and (glue[hi] or text[end[hi] : start[hi + 1]] in _POSSESSIVE_GAPS)
            and (cap[hi + 1] or key[hi + 1] in CONNECTORS or _article(text, w, hi + 1)
                 or w.hyphen_before[hi + 1] and _hyphen_link(text, w, hi + 1))
            and hi + 1 not in person_at
        ):
            hi += 1
        for j in range(hi, i - 1, -1):
            if not cap[j]:
                continue
            stop = end[j]
            name = key[i] if j == i else fold(text[start[i] : stop])
            if text[stop : stop + 1] == "." and len(w.text[j]) <= 5 and len(gaz.lookup(name + ".")):
                name, stop = name + ".", stop + 1  # "Ky.", "Tenn."
            elif text[stop : stop + 2] in _POSSESSIVES and \
                    (own := fold(text[start[i] : stop + 2])) in names and \
                    _own_possessive(gaz, w, j, name, own):
                name, stop = own, stop + 2  # "St. John's", not a possessive of St. John
            if name not in names and name not in adjectives:
                continue  # most stretches: asked first, as it rules out the most
            if name in NOT_PLACES or (
                # used as no place here: a currency ("US$", "$US"), a road ("US-24"), a date
                # ("Nov. 24"), an era ("500 B.C.")
                text[stop : stop + 1] == "$" or text[start[i] - 1 : start[i]] == "$"
                or text[stop : stop + 2] in _ROUTES
                or name in MONTH_ABBREVIATIONS and _DAY_AFTER.match(text, stop)
                or name in _ERAS and _NUMBER_BEFORE.search(text, max(0, start[i] - 8), start[i])
            ):
                continue
            cands, adj = gaz.lookup(name), gaz.adjective(name)
            if j > i and key[j] == "city" and _body_after(w, j) and \
                    not _facts(gaz, name, cands).own_name:
                continue  # "the Springfield City Council": Springfield's, whatever town
                # "Springfield City" is another name of (not "Kansas City Council")
            if len(cands) or len(adj):
                match = (j, stop, name, cands, adj)
                break
        # a water's name that GeoNames lists only as another name of a town is the water's:
        # "the East River" (not Wallingford, Connecticut), "Big Creek" (not Coker, Alabama)
        borrowed = match is not None and key[match[0]] in _NATURAL_HEADS and \
            _facts(gaz, match[2], match[3]).towns_only and \
            not _facts(gaz, match[2], match[3]).own_name
        k = _natural_name(text, w, i, hi, -1 if borrowed or match is None else match[0],
                          person_at, names) if hi > i else None
        if k is None and hi + 1 < n and key[hi + 1] == "river" and \
                (match is None or match[0] == hi):
            k = _a_river_in_lower_case(text, w, i, hi, names, adjectives)
        if k is not None:
            # "the Neches River", "Lake Lanier", "Mount Meru": no Neches, Lanier or Meru;
            # by the country, province or big town it is named after ("Delaware Bay"), if
            # that is a place here
            after = _named_after(gaz, match[3]) if match and not borrowed and \
                key[i] not in _NATURAL_LEADS else _NO_ROWS
            m = Mention(start[i], end[k], fold(text[start[i] : end[k]]), after,
                        sentence=w.sentence[i], tokens=(i, k),
                        cues=_cues(w, i, k) | ({"natural", "named_after"} if len(after)
                                               else {"natural"}))
            if _org_context(text, w, i, k, gaz):
                m.role = "in_name"  # "the Lake Cumberland Area Development District"
            mentions.append(m)
            resume = k + 1
            continue
        if (hi > i or lead < i) and (match is None or match[0] < hi) and \
                (found := _transliterated(text, w, lead, hi, match[0] if match else i - (lead < i),
                                          gaz)):
            j, rows = found  # "Deir al-Balah", written otherwise than GeoNames' names
            m = Mention(start[lead], end[j], fold(text[start[lead] : end[j]]), rows,
                        sentence=w.sentence[i], tokens=(i, j))
            m.cues = _cues(w, lead, j) | {"transliterated"}
            mentions.append(m)
            resume = j + 1
            continue
        if match is not None and (nxt := match[0] + 1) < n and key[nxt] == "river" and \
                not cap[nxt] and text[end[nxt - 1] : start[nxt]] == " " and \
                (river := match[2] + " river") in names:
            match = (nxt, end[nxt], river, gaz.lookup(river), gaz.adjective(river))  # "the Niger
            # river", in lower case, is the river, not the country
        if match is not None and (nxt := match[0] + 1) <= hi and key[nxt] in _OWNED_PLACES \
                and text[end[nxt - 1] : start[nxt]] in _POSSESSIVE_GAPS \
                and (nxt == hi or not cap[nxt + 1]):
            resume = nxt + 1  # "Harper's Ferry", "Ream's Station": a place named after its
            continue  # owner, which the gazetteer lacks, is no Harper, Kansas
        if match is not None and match[0] + 1 < n and glue[match[0]] and (
                _article(text, w, match[0] + 1)
                or not cap[match[0] + 1] and _hyphen_link(text, w, match[0] + 1)):
            resume = match[0] + 3  # "Bab" of "Bab al-Hawa", a longer name the gazetteer lacks
            # (and "Pul" of "Pul-e-Khumri", written otherwise than GeoNames' "Pul-e Khumrī")
            continue
        if match is None:
            if start[i] > 0 and text[start[i] - 1] == "#":  # "#NepalEarthquake"
                mentions.extend(_hashtag(w, i, gaz))
            elif not w.first[i]:  # first in its sentence, any word is capitalised: no evidence
                mentions.extend(_unknown(text, w, i, gaz, person_at, surnames, runs))
            continue
        j, stop, name, cands, adj = match
        if _a_seas_name(text, w, i, j, gaz, cands) or j + 1 < n and \
                key[j + 1] in _DISEASE_WORDS and _a_disease_s_name(w, j, gaz, name, cands):
            resume = j + 1
            continue
        m = Mention(start[lead], stop, name, cands, sentence=w.sentence[i], tokens=(i, j))
        m.cues = _cues(w, lead, j)
        if key[j] in _NATURAL_HEADS and not (
                (facts := _facts(gaz, name, cands)).towns_only and facts.own_name):
            m.cues.add("natural")  # "the Red River": if not Vietnam's, one by the text's towns
            # (but "Battle Creek", a town's own name, is the town or nothing)
        listed = mentions and mentions[-1].sentence == m.sentence and \
            text[mentions[-1].end : m.start] in _LIST_GAPS  # listed after the one before
        if listed and "regions" in mentions[-1].cues:
            m.cues.update(("region", "regions"))  # "the regions of Donetsk and Luhansk"
        if listed and "locative" in mentions[-1].cues:
            m.cues.add("locative")  # "in Malakal and Bor": Bor is where, as Malakal is
        elif listed and text[mentions[-1].end : m.start] == ", " and \
                _facts(gaz, name, cands).strong and \
                _any_in(gaz, _provinces(gaz, cands), mentions[-1].candidates):
            m.cues.add("holder")  # "Lansing, Michigan had snow": the province the town
            # before is in, though "michigan" is a card game too
        elif mentions and mentions[-1].end == start[i] - 1 and text[start[i] - 1] == "-" \
                and mentions[-1].role == "place":
            m.cues.add("twin")  # "Fargo-Moorhead": a place beside the place before it
        elif _PARTY.match(text, max(0, start[i] - 5), start[i]):
            m.cues.update(("locative", "home"))  # "Sen. Tom Bakk, DFL-Cook": a lawmaker's
            # home town or county, whatever else the word is (see _keep)
        elif i > 2 and cap[i - 2] and key[i - 3] in LOCATIVES and \
                w.sentence[i - 3] == w.sentence[i] and \
                text[end[i - 2] : start[i]] in _LIST_GAPS and \
                text[end[i - 3] : start[i - 2]] == " ":
            m.cues.add("locative")  # "in Meppadi and Kalpetta", whatever Meppadi is
        elif lead > 2 and key[lead - 1] == "of" and _of_a_persons_town(w, lead, person_at, runs):
            m.cues.add("locative")  # "his daughter, Mary Jones of Champaign": where she lives
        if w.text[i].isupper() and (
                (w.first[i] and text[start[i] - 2 : start[i]] not in _AFTER_A_COLON
                 and not (i > 0 and w.sentence[i - 1] == w.sentence[i]
                          and len(w.text[i - 1]) > 1 and w.text[i - 1].isupper())
                 or _SECOND_DATELINE_TOWN.match(text, max(0, start[i] - 2))
                 and _after_a_dateline_town(w, i))
                and (_DATELINE_END.match(text, end[j])
                     or i == 0 and _BARE_DATELINE.match(text, end[j]))
                or _DASHED.match(text, end[j])):
            m.cues.update(("dateline", "city"))  # "CHARLESTON, W.Va. --": a dateline's town
            # (or one of its towns: "LONDON/FRANKFURT, March 5 (Reuters)")
        elif w.first[i] and (d := _DEFINED.match(text, m.end)) is not None:
            m.cues.update(("defined", "region" if d.group(1) in _REGION_KINDS else "city"))
        if len(adj) and (not len(cands) or not _facts(gaz, name, cands).strong
                         or m.cues.isdisjoint(("locative", "region"))
                         and not _in_the_demonyms_country(gaz, cands, adj)):
            m.candidates, m.role = adj, "adjective"  # "Somali forces", not Ethiopia's
            # Somali region (but "in the Somali region")
        # a country's or province's own body ("the California Department of Health", "the
        # U.S. Army") stands for the place: the name is no part of an organisation's name
        own_body = j + 1 < len(w) and key[j + 1] in GOVERNMENT_WORDS and m.role == "place" \
            and _facts(gaz, name, cands).strong
        if not own_body and _org_context(text, w, i, j, gaz):
            m.role = "in_name"
        if _keep(text, m, w, gaz, runs, common, surnames, forenames):
            mentions.append(m)
        elif w.first[i] and i == j and m.key in common:
            if _municipal(text, w, gaz, m, _facts(gaz, name, cands)):
                m.cues.add("municipal")  # "Concord police said…": a town's own body
            first_words.append(m)
        elif j > i and key[i] == "the":
            resume = i + 1  # "The Fort" (a name) is no place: "The Fort Worth police" still is
            continue
        resume = j + 1
    if lower := _lowercase_places(text, w, gaz, names):
        mentions = sorted(mentions + lower, key=lambda m: m.start)
    if first_words:  # "Berlin said…" at a sentence's start, "in Berlin" elsewhere: one sense
        kept = {m.key for m in mentions if m.role == "place"}
        mentions = sorted(mentions + [m for m in first_words if m.key in kept
                                      or _listed_with_a_place(text, gaz, m, mentions)
                                      or _a_big_town_of_a_named_province(gaz, m, mentions)],
                          key=lambda m: m.start)
    if not VEHICLE_MAKES.isdisjoint(m.key for m in mentions):
        vehicles = _vehicles(text, w, mentions)
        mentions = [m for m in mentions if m.key not in vehicles]
    if forenames and not forenames.isdisjoint(m.key for m in mentions):
        named = _called_by_name(text, w, mentions, forenames)
        mentions = [m for m in mentions if m.key not in named]
    if speakers := _speakers(text, w, mentions, gaz, surnames):
        mentions = [m for m in mentions if m.key not in speakers]
    # a demonym with a speech word after it and no "the" is a surname: "“We will,” French
    # said" (not "the French said", the people or their government; nor "he told French
    # media", where the word is an adjective still)
    mentions = [m for m in mentions if not (m.role == "adjective" and "the" not in m.cues
                                            and _word_after(w, m.tokens[1], _SPEECH))]
    if shops := _shops(text, mentions, gaz):
        mentions = [m for m in mentions if not (m.key in shops and _possessive(text, m))]
    _enumerations(text, mentions)
    mentions = _plural_heads(text, w, mentions, gaz)
    _containers(text, w, mentions, gaz)
    _phoned(text, mentions, gaz)
    return mentions


# Before a place's name written in lower case: "just landed in nyc", "flooding in chennai";
# after "to" and "at" a given name is a person's ("talking to georgia")
_LOWER_LOCATIVES = {"in": True, "from": True, "near": True, "to": False, "at": False}


def _lowercase_places(text: str, w: Words, gaz: Gazetteer, names: Container[str]
                      ) -> list[Mention]:
    """Places written in lower case, as posts and chat write them ("landed in nyc", "moving
    to new zealand", "back in the uk"): only right after a locative preposition, and only a
    big place's own name (a country's or a province's; after no "the", a town's of 100,000)
    that is no everyday word ("made in china", "come to us") nor a compass point ("in the
    north west")."""
    key, cap, n = w.key, w.cap, len(w)
    starts = _big_names(gaz)[2]  # most words after "in", "to" start no such name
    found: list[Mention] = []
    # each word i whose word before (key[i - 1], paired with i by compress) is a preposition
    for i in compress(range(1, n), map(_LOWER_LOCATIVES.__contains__, key)):
        k = i + 1 if key[i] == "the" else i
        if k >= n or cap[i] or cap[k] or key[k] not in starts:
            continue
        if k == i:
            m = _lowercase_name(text, w, gaz, names, i, towns=True)
        else:  # "the netherlands", "the uk"
            m = _lowercase_name(text, w, gaz, names, i, towns=False) or \
                _lowercase_name(text, w, gaz, names, k, towns=False)
        if m is not None:
            found.append(m)
    return found


def _lowercase_name(text: str, w: Words, gaz: Gazetteer, names: Container[str], i: int,
                    towns: bool) -> Mention | None:
    """The longest big place's name written in lower case from word ``i`` on (see
    :func:`_lowercase_places`), up to three words ("new zealand", "the netherlands")."""
    key, cap = w.key, w.cap
    if i >= len(w) or cap[i] or w.sentence[i] != w.sentence[i - 1]:
        return None
    person_ok = _LOWER_LOCATIVES.get(key[i - 1], True)
    polities, big, _ = _big_names(gaz)
    wanted = big if towns else polities
    for j in range(min(i + 2, len(w) - 1), i - 1, -1):  # longest first
        if any(cap[i : j + 1]) or not all(w.glue[i:j]):
            continue
        name = key[i] if j == i else fold(text[w.start[i] : w.end[j]])
        if name in wanted and name in names and name not in common_words() \
                and (person_ok or name not in given_names()) \
                and not set(name.replace("-", " ").split()) <= _COMPASS | _COMPASS_PARTS:
            return Mention(w.start[i], w.end[j], name, gaz.lookup(name), sentence=w.sentence[i],
                           tokens=(i, j), cues={"locative"})
    return None


@functools.cache
def _big_names(gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Folded own names of the countries and provinces; of those and the towns of 100,000
    (also without "City": "new york"); both with the abbreviations ("uk", "nyc"); and the
    first words of the second (after "the": "the netherlands")."""
    def names(mask: np.ndarray) -> frozenset[str]:
        own = {fold(str(n)) for n in gaz.name[mask]} | {a.lower() for a in ABBREVIATIONS}
        return frozenset(own | {n.removesuffix(" city") for n in own})

    polity = np.isin(gaz.feature, ["country", "admin1"])
    polities, big = names(polity), names(polity | (gaz.population >= 100_000))
    return polities, big, frozenset(n.removeprefix("the ").split(" ")[0] for n in big)


# the parts of anywhere a compass point picks out: "at the west end of the lake", "on the north
# side", "in the central highlands" are no West End, North Side or Central Highlands
_COMPASS_PARTS = frozenset("end side bank coast shore hill hills valley highlands lowlands "
                           "territory territories islands peninsula suburbs".split())
_COMPASS = frozenset("north south east west northeast northwest southeast southwest the "
                     "northern southern eastern western central".split())


def _compass_part(key: str) -> bool:
    """Whether a name is a compass point and a part of anywhere: "South Side", "West End"."""
    words = set(key.replace("-", " ").split())
    return words <= _COMPASS | _COMPASS_PARTS and not words.isdisjoint(_COMPASS)


def _a_big_town_of_a_named_province(gaz: Gazetteer, m: Mention, mentions: list[Mention]
                                    ) -> bool:
    """Whether a sentence's first word that is also an everyday word is, by its own name, a
    town of 100,000 or more in a province the text names: "Buffalo received 30 inches" in a
    story about western New York, "Mobile was hit hardest" in one about Alabama; not a
    participle opening a clause ("Reading the report, officials in England…"). Before the
    town's own body a town of 15,000 will do: "Concord police closed the road" in a story
    about New Hampshire."""
    least = 15_000 if "municipal" in m.cues else 100_000
    towns = {(str(gaz.country_code[r]), str(gaz.admin1[r])) for r in m.candidates[:50].tolist()
             if gaz.population[r] >= least and gaz.feature[r] in ("city", "locality")
             and own_name(str(gaz.name[r]), m.key)}
    return bool(towns) and not m.key.endswith("ing") and any(
        (str(gaz.country_code[r]), str(gaz.admin1[r])) in towns
        for x in mentions if x.role == "place" and _facts(gaz, x.key, x.candidates).strong
        for r in x.candidates[:20].tolist()
        if gaz.feature[r] == "admin1"
        and (own_name(str(gaz.name[r]), x.key) or x.key.endswith(".")))  # or "N.H.", "Ala."


def _listed_with_a_place(text: str, gaz: Gazetteer, m: Mention, mentions: list[Mention]
                         ) -> bool:
    """Whether a sentence's first word that is also an everyday word, and a town of 15,000
    or more, a province or a country by its own name, heads a list of places: "Phoenix and
    Mesa were hardest hit", "Michigan, Oregon, New Mexico … report cases"."""
    facts = _facts(gaz, m.key, m.candidates)
    if not ((facts.town or facts.strong) and facts.own_name):
        return False
    nxt = next((x for x in mentions if x.start > m.start), None)
    return nxt is not None and nxt.sentence == m.sentence and nxt.role == "place" and \
        text[m.end : nxt.start] in _LIST_GAPS


_MODEL_YEAR = re.compile(r"\b[Aa]n? (?:19|20)\d\d (?:[a-z]+ )?$")  # "a 1993 brown Cadillac"
_DRIVE = frozenset("drive drives drove driving".split())
_POSSESSIVE_PRONOUNS = frozenset("his her their my your our".split())
_DETERMINERS = _POSSESSIVE_PRONOUNS | {"a", "an", "the"}


def _in_the_demonyms_country(gaz: Gazetteer, cands: np.ndarray, adj: np.ndarray) -> bool:
    """Whether a country, province or region among ``cands`` is in the country of the
    demonym ``adj`` ("Djibouti": the country and its capital's province)."""
    own = {gaz.country_code[r] for r in adj}
    return any(gaz.feature[r] in STRONG and gaz.country_code[r] in own for r in cands)


def _vehicles(text: str, w: Words, mentions: list[Mention]) -> set[str]:
    """The makers' names (:data:`VEHICLE_MAKES`) the text uses for vehicles: after a model
    year ("a 1992 Toyota Corolla"), before a vehicle's word ("a Toyota Camry driven by", "a
    Cadillac sedan"), after "driving a" or, with a model after, "his" ("his Toyota Hilux").
    What one mention says the name is, it says of all: "… the Toyota failed to yield"."""
    key, sentence = w.key, w.sentence
    found: set[str] = set()
    for m in mentions:
        i, j = m.tokens
        if m.key not in VEHICLE_MAKES or m.key in found or i != j:
            continue
        after = [key[k] for k in (i + 1, i + 2) if k < len(w) and sentence[k] == sentence[i]]
        model = bool(after) and w.cap[i + 1] and w.glue[i]  # "Toyota Camry"
        if (
            _MODEL_YEAR.search(text, max(0, m.start - 24), m.start)
            or any(word in VEHICLE_WORDS for word in after[: 1 + model])
            or i > 0 and sentence[i - 1] == sentence[i] and model
            and key[i - 1] in _POSSESSIVE_PRONOUNS
            or i > 1 and sentence[i - 2] == sentence[i] and key[i - 2] in _DRIVE
            and key[i - 1] in _DETERMINERS
        ):
            found.add(m.key)
    return found


_SPEECH = frozenset("said says told asked asks added adds explained noted recalled".split())
# What only a person does, right after the name: "Lincoln visited the capital's defenders",
# "Welch went to a residence" (not "Texas voted", "Boston won": a government, a team)
_PERSON_VERBS = frozenset("visited died lived married smiled laughed testified pleaded "
                          "apologized apologised wrote".split())
_KIN = frozenset("father mother dad mom mum parents son daughter husband wife brother sister "
                 "grandfather grandmother family coach teacher boyfriend girlfriend cousin "
                 "uncle aunt niece nephew grandson granddaughter widow widower child baby "
                 "infant stepson stepdaughter".split())
_SELF = frozenset(("herself", "himself"))


def _speaks(w: Words, i: int, j: int) -> bool:
    """Whether a speech word stands right beside words i..j: "Georgia said", "said Welch"
    (not "said Madison Circuit Judge Clouse", nor "Patrick Woodrow, of Bucknell, told…",
    where the town is where he is from). Most mentions have none, so this is cheap."""
    key, start, end = w.key, w.start, w.end
    if _word_after(w, j, _SPEECH):  # "Georgia said"
        return True
    return i > 0 and key[i - 1] in _SPEECH and start[i] - end[i - 1] == 1 \
        and not (w.glue[j] and w.cap[j + 1])


def _called_by_name(text: str, w: Words, mentions: list[Mention], forenames: set[str]
                    ) -> set[str]:
    """The given names of the text's people ("Georgia Stevens") that the text then calls
    them by, though they are also big places (:func:`_keep` keeps a big place's name):
    one mention that speaks ("said Georgia", "Georgia said"), has kin ("Georgia's father") or
    "herself" after it is the person, and so is every other mention of the name."""
    key, sentence = w.key, w.sentence
    found: set[str] = set()
    for m in mentions:
        i, j = m.tokens
        if m.key not in forenames or m.key in found or "locative" in m.cues:
            continue
        after = key[j + 1] if j + 1 < len(w) and sentence[j + 1] == sentence[j] else ""
        kin = after in _KIN and _possessive(text, m)
        if _speaks(w, i, j) or after in _SELF or kin:
            found.add(m.key)
    return found


def _possessive(text: str, m: Mention) -> bool:
    """Whether 's follows the mention."""
    return text[m.end : m.end + 2] in _POSSESSIVES


# What follows a shop's or a person's name with 's, which a town's possessive never ends on
_AFTER_A_NOUN = re.compile(r"['’]s(?:[,.;:)!?]|\s+(?:and|or)\b)")


def _shops(text: str, mentions: list[Mention], gaz: Gazetteer) -> set[str]:
    """Names of small places whose possessive the text uses as a noun, a shop's or a
    church's ("at McDonald's, …", "at Culver's, 1200 DeKalb Ave."): a town's possessive
    always stands before a noun ("Peoria's schools"). The name's other possessives are the
    shop too ("McDonald's restaurant"); the name alone may still be the town."""
    return {m.key for m in mentions if _AFTER_A_NOUN.match(text, m.end)
            and not _facts(gaz, m.key, m.candidates).big}


def _speakers(text: str, w: Words, mentions: list[Mention], gaz: Gazetteer,
              surnames: set[str]) -> set[str]:
    """Names of places that the text calls a person by: a mention of the name speaks
    ("Robertson said", "said Welch", "St. Clair said"), and none puts it somewhere ("in
    Welch", "Welch, West Virginia"). A country, province or big town that speaks is its
    government ("Moscow said"), and stays a place -- unless it is the surname of someone in
    the text ("Michael Jordan visited Chad … Jordan said")."""
    speaking: set[str] = set()
    for m in mentions:
        acts = _word_after(w, m.tokens[1], _PERSON_VERBS)  # no place does: no government
        if not (acts or _speaks(w, *m.tokens)):
            continue
        if m.role == "place" and m.key not in speaking and m.cues.isdisjoint(
                ("locative", "dateline", "city", "region")) and \
                (acts or m.key in surnames or not _speaks_for_itself(gaz, m)):
            speaking.add(m.key)
    if speaking:
        speaking -= {m.key for m in mentions if m.key in speaking and (
            not m.cues.isdisjoint(("locative", "dateline", "city", "region"))
            or _in_province(text, w, gaz, m.tokens[1], m.candidates))}
    return speaking


def _speaks_for_itself(gaz: Gazetteer, m: Mention) -> bool:
    """Whether a place's name can speak for its government or people: a country's, a
    province's, a continent's or a big town's ("Moscow said", "Europe said"), not a mountain
    range's or a desert's (Natural Earth's physical regions: "Shackleton said" is the
    explorer, not the Shackleton Range)."""
    return _facts(gaz, m.key, m.candidates).big and any(
        not str(gaz.place_id[c]).startswith("ne:region:") for c in m.candidates)


# Words around a demonym that make it a language, which is no place: "speaks fluent French",
# "teaching English", "in English and Spanish", "English language learners".
_SPEAK = frozenset("speak speaks spoke speaking spoken fluent teach teaches teaching taught "
                   "learn learns learned learnt learning translated translate translates".split())
_LANGUAGE_AFTER = frozenset("language languages speaker speakers speaking translation "
                            "translations subtitles subtitled lessons class classes teacher "
                            "teachers course courses accent dictionary learners immersion".split())


def _a_language(text: str, w: Words, i: int, j: int) -> bool:
    """Whether the demonym at words i..j names a language: a speaking or teaching word right
    before it, or with "fluent", "only"… between ("spoke only French"); "in" right before it
    and no noun after ("in English and Spanish", not "in Turkish troops"); a word about
    language after it ("English language learners"); or a language before "and" / "or"."""
    sentence, key = w.sentence, w.key
    after = key[j + 1] if j + 1 < len(w) and sentence[j + 1] == sentence[j] else ""
    if after in _LANGUAGE_AFTER:
        return True
    k = i - 1
    while k >= 0 and sentence[k] == sentence[i] and key[k] in _SPEAK_BETWEEN:
        k -= 1
    if k >= 0 and sentence[k] == sentence[i] and key[k] in _SPEAK:
        return True
    if i > 1 and key[i - 1] in ("and", "or") and w.cap[i - 2] and sentence[i - 2] == sentence[i]:
        return _a_language(text, w, i - 2, i - 2)  # "in English and Spanish"
    if not (i > 0 and sentence[i - 1] == sentence[i] and key[i - 1] == "in"):
        return False
    k = j + 1  # after "in", the demonyms joined by "and" / "or" ("in Turkish and Russian…")
    while k + 1 < len(w) and sentence[k] == sentence[j] and key[k] in ("and", "or") and \
            w.cap[k + 1]:
        k += 2
    # … must have no noun after them: "in English and Spanish,", not "in Turkish troops" nor
    # "in Russian-American art"
    if text[w.end[k - 1] : w.end[k - 1] + 1] == "-":
        return False
    return not (k < len(w) and sentence[k] == sentence[j] and not w.cap[k]
                and key[k] not in FUNCTION_WORDS and text[w.end[k - 1] : w.start[k]] == " ")


_SPEAK_BETWEEN = frozenset("fluent only some basic little good perfect broken".split())


def _own_possessive(gaz: Gazetteer, w: Words, j: int, name: str, own: str) -> bool:
    """Whether a name ending at word ``j`` and followed by "'s" is a place's own name with it
    ("St. John's", Newfoundland), not the possessive of a place ("St. Paul's suburbs") nor a
    saint's in a building's name ("St. Peter's Square", "St. Paul's Cathedral"): the place
    named with it is at least as big as the one without."""
    if _names_a_building(w, j + 1):
        return False
    bare = gaz.lookup(name)
    return not len(bare) or \
        bool(gaz.population[gaz.lookup(own)].max() >= gaz.population[bare].max())


def _names_a_building(w: Words, k: int) -> bool:
    """Whether the capitalised words from ``k`` on, after a saint's name, make it a
    building's or an institution's name ("St. Paul's Cathedral", "St. Mary's High School",
    "St. John's Health System") or a feast's ("St. Patrick's Day")."""
    for word in w.key[k : k + 4]:
        if not w.cap[k]:
            return False
        if word in FACILITY_WORDS or word in ORG_WORDS or word in _BUILDINGS:
            return True
        if not w.glue[k]:
            return False
        k += 1
    return False


_BUILDINGS = frozenset("square basilica chapel abbey parish cathedral day system".split())
_SAINTS = ("st. ", "st ", "saint ", "ste. ", "sainte ")
# What follows a saint's name, and no place's: "Saint James the Great", "St. John the Baptist"
_EPITHET = re.compile(r" the (?:Great|Elder|Younger|Less|Apostle|Baptist|Evangelist|Divine|"
                      r"Martyr|Confessor|Theologian)\b(?! (?:Parish|County|Church|Cathedral))")


def _keep(text: str, m: Mention, w: Words, gaz: Gazetteer, runs, common, surnames, forenames
          ) -> bool:
    """Evidence against reading a matched name as a place (most of it for single words)."""
    i, j = m.tokens
    if m.key in SEATS_OF_GOVERNMENT and not _in_province(text, w, gaz, j, m.candidates):
        return False  # "the White House said", "a White House statement": not the village in
        # Tennessee, unless the text puts it there ("White House, Tennessee")
    if m.key.startswith(_SAINTS) and _possessive(text, m) and \
            _names_a_building(w, j + 1):
        return False  # a saint's, not a town's: "St. Peter's Square", "St. Michael's Hospital"
    if m.key.startswith(_SAINTS) and _EPITHET.match(text, m.end):
        return False  # the saint: "the shrine of Saint James the Great", not a parish of his
    if "home" in m.cues:
        return True  # "R-Marshall": a place, though a surname and in a capitalised run
    if m.role == "adjective":  # "Native Americans" are a people, not from a place
        return not (_a_language(text, w, i, j) or i > 0 and w.key[i - 1] == "native"
                    and w.cap[i - 1] and text[w.end[i - 1] : w.start[i]] == " ")
    facts = _facts(gaz, m.key, m.candidates)
    if facts.bare_water and not (_the_sea(w, i, j) or _word_after(w, j, _RIVER_WORDS)) and \
            not _listed_after_the_river(w, gaz, i):  # "Pacific Gas", "Thames Water"
        m.candidates = m.candidates[~np.isin(gaz.feature[m.candidates], _BARE_WATERS)]
        if not len(m.candidates):
            return False
        facts = _facts(gaz, m.key, m.candidates)
    strong, big = facts.strong, facts.big
    if j > i:  # "The City" is an old name of Oakville, not a name in a text, nor is "Union
        # Station" one of Union, South Carolina (a building's name, only another of a town's)
        return not ((m.key.startswith("the ") or w.key[j] in FACILITY_WORDS)
                    and not facts.own_name and not strong
                    or _end_of_a_longer_name(w, runs, i, facts))
    if text[m.start - 1 : m.start] == "/" and _STRAIN_TAIL.match(text, m.end):
        return False  # a virus strain's name: "A/California/7/2009", "A/goose/Guangdong/1/96"
    if _word_after(w, j, _LEADERSHIP) and not strong:
        return False  # a president's: "the Bush administration" (not Būsh, Egypt)
    if not big and (text[m.end : m.end + 3] == " & " or text[m.start - 2 : m.start] == "& "):
        return False  # a firm's partners: "Stevens & Wilkinson"
    if (w.key[i] in ORG_WORDS or w.key[i] in FACILITY_WORDS) and j + 2 < len(w) and \
            w.key[j + 1] == "of" and w.cap[j + 2]:
        return False  # "at University of Pittsburgh Medical Center": no town "University"
    if i > 0 and w.key[i - 1] in _SURNAME_PARTICLES and not w.cap[i - 1] and \
            text[w.end[i - 1] : w.start[i]] == " ":
        return False  # a surname: "the da Vinci sketch", "van Gogh", "bin Laden"
    if i > 0 and w.key[i - 1] in _KIN and w.sentence[i - 1] == w.sentence[i] and \
            text[w.end[i - 1] : w.start[i]] in (" ", ", "):
        return False  # a person named after a place: "with his wife, Georgia", "her son Jordan"
    if m.key in given_names() and j + 2 < len(w) and w.key[j + 1] == "of" and w.cap[j + 2] \
            and w.sentence[j + 2] == w.sentence[i] and "locative" not in m.cues:
        return False  # a person and where they live: "her sons, Michael of Dallas and David
        # of Austin" (not David, Panama)
    if m.key in surnames and not (strong and facts.first_country) and \
            not _in_province(text, w, gaz, j, m.candidates):
        return False  # "Ms. Austin … Austin said", but "grew up in Austin, Texas"
    if m.key in forenames and "locative" not in m.cues and not (big and facts.own_name):
        return False  # "Julia Krier … Julia said" (Julia is an old name of Plovdiv)
    if not big and "locative" not in m.cues and not facts.own_name:
        return False  # only another place's alternate name ("Samples", "Google", "Kristina")
    word = w.text[i]
    if (
        word.isupper()
        and "." not in word  # "S.C.", "N.Y.": dotted abbreviations of names, not acronyms
        and "dateline" not in m.cues
        and word not in ABBREVIATIONS
        and not facts.upper_name
        and not _in_capitals(w, i, j)
    ):
        return False  # an acronym ("AAD"), not a name written in capitals
    if m.key in common and word not in ABBREVIATIONS and not facts.countryish:
        run = runs.get(i, (i, i))
        # mid-sentence, a country, region or big town wins over the word; a province too
        # where the word is not an adjective before a noun ("swans in Michigan", "Arkansas,
        # Colorado", but "other Western governments")
        nxt = i + 1
        modifier = (nxt < len(w) and w.sentence[nxt] == w.sentence[i] and not w.cap[nxt]
                    and w.start[nxt] - w.end[i] == 1)
        known = facts.known
        province = strong and ("locative" in m.cues or not modifier)
        # "from Dover to Calais", not "in March 2008", "in Spring", "to Eagle" (Hall's); and a
        # town's own bodies: "Roselle police", "the Concord Police Department"
        # not the end of an organisation's name: "the Chamber of Commerce Mayor's Breakfast"
        # (the whole run's: "Candler Park residents" are no Park's)
        municipal = (i == 0 or w.key[i - 1] != "of") and runs.get(i, (i, i))[0] == i and \
            _municipal(text, w, gaz, m, facts)
        # "a Republic man", "a Liberty woman": where a town of 15,000 bears the name
        resident = "residents" in m.cues and i > 0 and w.key[i - 1] in ("a", "an")
        town = municipal or (facts.town and facts.own_name and ("locative" in m.cues or resident)
                             and m.key not in SEASONS and not _DAY_AFTER.match(text, m.end))
        if _in_province(text, w, gaz, i, m.candidates) or "defined" in m.cues or \
                "holder" in m.cues or \
                ("dateline" in m.cues or "based" in m.cues) and (known or facts.town):
            return True  # "Buffalo, New York", "Reading is a town in…", "MANILA — A quake…",
            # "Geneva-based officials", even first in its sentence
        # first in its sentence the word says nothing, unless it is a metropolis's name:
        # "Berlin has promised support" is the German government, not a carriage
        # (a run of the name and its kind, where a place is, is the province: "in Chin State";
        # not "Duke plays Michigan State", a university, nor "the Bay State", Massachusetts)
        kind = run == (i, j + 1) and w.key[j + 1] in _REGION_AFTER and "locative" in m.cues \
            and "the" not in m.cues
        if w.first[i] and not facts.metropolis or run != (i, i) and not municipal and not kind \
                or not (
                known or province or town or "region" in m.cues or "city" in m.cues):
            return False
    if m.role == "place" and _names_an_airport(text, w, runs, i, j):
        return True  # "the Greenville-Spartanburg International Airport": where it is
    if ("people" in m.cues or "the" in m.cues and not _word_after(w, j, _PLACE_AFTER_THE)
            and "based" not in m.cues and not _municipal(text, w, gaz, m, facts)) and not big \
            and m.role != "in_name":
        return False  # "the Bambara population", not "the Roselle police", "the DeKalb area"
        # nor "the Ménaka region" (a new region the gazetteer has only the town of), nor "the
        # Cupertino-based company"
    run = runs.get(i, (i, i))
    # a word inside a longer capitalised name that is not a place ("Boubou Cissé"), nor a
    # town's own ("Bend City Hall"); a big town's old or foreign name is no evidence either
    # ("Baris Yilmaz": Baris is an old name of Isparta; but "the U.S. Army", "South L.A."),
    # nor a word of the landscape ("the Farallon Islands", "Lakes Edge Apartments"; but
    # "Delta State" is Nigeria's, "the Delta Police Department" Delta, British Columbia's),
    # nor the last word of a place's name the gazetteer lacks ("Casitas Springs")
    if run != (i, j) and (m.key in LANDSCAPE_WORDS or m.key in _PLURAL_PLACE_WORDS) and \
            m.cues.isdisjoint(("region", "city")) and not _municipal(text, w, gaz, m, facts):
        return False
    if run == (i - 1, j) and w.key[i - 1] in _TOWN_PARTS:
        run = (i, j)  # "Downtown Greer": the town's part, not a longer name
    return not (run != (i, i) and not (big and (facts.own_name or strong or "." in m.key))
                and m.role != "in_name" and "twin" not in m.cues
                and not _municipal(text, w, gaz, m, facts))


_SEAS = frozenset({"sea", "ocean"})
_STRAIN_TAIL = re.compile(r"/\d")  # after a strain's place: its isolate number
# After a name, what makes it a leader's ("the Bush administration", "the Obama presidency")
_LEADERSHIP = frozenset({"administration", "presidency"})


def _a_seas_name(text: str, w: Words, i: int, j: int, gaz: Gazetteer, rows: np.ndarray
                 ) -> bool:
    """Whether words i…j are (in) the name of a sea or an ocean that the gazetteer lacks (it
    has the main ones and the lakes): "the Sulu Sea" is not Sulu province; and "the North
    Sea", with its article, is no hamlet of Long Island."""
    key = w.key
    if j + 1 < len(w) and w.cap[j + 1] and key[j + 1] in _SEAS and \
            text[w.end[j] : w.start[j + 1]] == " ":
        return True
    return key[j] in _SEAS and i > 0 and key[i - 1] == "the" and \
        all(gaz.feature[r] in ("city", "locality") for r in rows.tolist())


# Words after a place's name that make it a disease's: "Lassa fever", "Marburg virus"
_DISEASE_WORDS = frozenset("virus viruses fever disease flu influenza variant strain "
                           "encephalitis syndrome haemorrhagic hemorrhagic".split())


def _a_disease_s_name(w: Words, j: int, gaz: Gazetteer, name: str, rows: np.ndarray) -> bool:
    """Whether a town's or region's name ending at word j names a disease ("Lassa fever",
    "Marburg virus", "Lyme disease"), not the place. A country's or province's before such a
    word is still the place: "the United States flu season", "the Kent variant"."""
    k = j + 1
    return k < len(w) and w.key[k] in _DISEASE_WORDS and w.start[k] == w.end[j] + 1 and \
        w.sentence[k] == w.sentence[j] and not _facts(gaz, name, rows).strong


# The last word of the name of a water or an island ("Neches River", "Farallon Islands"), or
# the first ("Lake Lanier", "River Lune", "Mount Meru"): a place of its own, whatever the
# words before or after it name
_NATURAL_HEADS = frozenset("river creek lake reservoir pond lagoon bay harbor harbour falls "
                           "island islands".split())
_NATURAL_LEADS = frozenset({"lake", "river", "mount", "mt"})
_ARTICLES = frozenset({"the", "a", "an"})


def _natural_name(text: str, w: Words, i: int, hi: int, matched: int,
                  person_at: Container[int], names: Container[str]) -> int | None:
    """The last word k of the name of a river, lake, bay, island or mountain that the
    gazetteer lacks, from word i of the capitalised stretch i…hi: "Neches River", "Lake
    Lanier", "River Lune", "Mount Meru"; also where the gazetteer knows only its first words
    ("Kanawha River", "Boston Harbor": neither the county nor the town). None where the
    gazetteer's match (its last word ``matched``, -1 for none) spans it: "Niagara Falls",
    "Rhode Island", "Lake Chad", "Mount Vernon"; for a street ("Lake Shore Drive", "River
    Road") or a person ("Ricki Lake", and "River Phoenix": without "the", "River" before a
    place's name is a given name); and for a team named after a place ("the Tampa Bay
    Buccaneers": Tampa's)."""
    key, cap = w.key, w.cap
    if key[i] not in _NATURAL_LEADS and _NATURAL_HEADS.isdisjoint(key[i + 1 : hi + 1]) or \
            key[i] in _ARTICLES or w.text[i].isupper():
        return None  # from the next word on: a sentence's "The" or "A" first, "R-Elbow Lake"
        # (a lawmaker's party and town), "the NY Plum Island Animal Disease Center"
    # words one space or hyphen apart only ("Nizhne-Imeritinskaya Bay", "Mt. Baker", "Mount
    # St. Elias")
    hi = next((t for t in range(i + 1, hi + 1)
               if text[w.end[t - 1] : w.start[t]] not in _NAME_GAPS
               and not (key[t - 1] in _ABBREVIATED_LEADS
                        and text[w.end[t - 1] : w.start[t]] == ". ")),
              hi + 1) - 1
    if key[i] in _NATURAL_LEADS and i < hi:
        # one word after: "Lake Cumberland Area Development District" is a body's; a saint's
        # name is two ("Mount St. Elias")
        k = i + 2 if key[i + 1] == "st" and i + 1 < hi else i + 1
        if k == i + 2 and text[w.end[k] : w.end[k] + 3] in _POSSESSIVE_GAPS and \
                _names_a_building(w, k + 1):
            return None  # a saint's in a school's or a church's name: "Mount St. Mary's
            # University" (but "Mount St. Elias's slopes")
        if key[k] in _NATURAL_HEADS or not cap[k] or not w.text[k][1:].islower() or \
                key[i] == "river" and (i == 0 or key[i - 1] != "the") and key[k] in names:
            return None
    else:
        k = next((k for k in range(i + 1, hi + 1) if key[k] in _NATURAL_HEADS), -1)
        if k < 0 or not all(cap[i : k + 1]):
            return None
    if matched >= k or any(t in person_at for t in range(i, k + 1)):
        return None
    if k < hi and cap[k + 1] and (key[k + 1].rstrip(".") in STREET_WORDS or matched >= 0
                                  and key[i] not in _NATURAL_LEADS and key[hi][-1:] == "s"):
        return None  # a street's name, or a team's that starts with a place's name: "the
        # Tampa Bay Buccaneers" (Tampa's)
    return k


_NAME_GAPS = frozenset({" ", "-"})
_ABBREVIATED_LEADS = frozenset({"mt", "st"})  # followed by ". " within a name


def _a_river_in_lower_case(text: str, w: Words, i: int, hi: int, names: Container[str],
                           adjectives: Container[str]) -> int | None:
    """Word hi + 1 where it is "river" in lower case after "the" and a name of one or two
    words the gazetteer lacks as a river's, as British and Indian news write them: "the Kosi
    river" (not the town of Kosi), "the Gandak river". Not after a people's adjective ("the
    Chinese river"); "the Niger river", which the gazetteer has, is found as it is."""
    k = hi + 1
    if k >= len(w) or w.key[k] != "river" or w.cap[k] or hi > i + 1 or i == 0 or \
            w.key[i - 1] != "the" or w.sentence[k] != w.sentence[i] or \
            text[w.end[hi] : w.start[k]] != " " or w.end[i - 1] + 1 != w.start[i]:
        return None
    name = fold(text[w.start[i] : w.end[hi]])
    if name + " river" in names or name in adjectives or \
            not all(w.text[t][1:].islower() for t in range(i, k)):
        return None  # "the BBC river" is no river's name
    return k


def _named_after(gaz: Gazetteer, rows: np.ndarray) -> np.ndarray:
    """The countries, provinces and big towns (100,000 people or more) among the candidates
    of the first words of a water's name: what "Delaware Bay" and "Boston Harbor" are by. (A
    small town's namesakes are too many and too far apart: "Kish River" is in Illinois, not
    by Iran's Kish; "Mithi River" in Mumbai, not by Pakistan's Mithi.)"""
    return rows[np.isin(gaz.feature[rows], ("country", "admin1"))
                | (gaz.population[rows] >= _NAMED_AFTER_TOWN)]


_NAMED_AFTER_TOWN = 100_000


_BARE_WATERS = ("sea", "river")  # found by a short name ("the Pacific", "the Thames")
_NATURAL = (*_BARE_WATERS, "landmark")  # and a cape, an island, a waterfall
_RIVER_WORDS = frozenset({"river", "rivers"})  # "the Tigris and Euphrates rivers"


def _listed_after_the_river(w: Words, gaz: Gazetteer, i: int) -> bool:
    """Whether word i follows "the X and" (or "or") where X is a river's short name: "the
    Tigris and Euphrates" (not "the Republicans and Amazon")."""
    k = i - 2
    return k > 0 and w.key[i - 1] in ("and", "or") and w.cap[k] and w.key[k - 1] == "the" \
        and w.sentence[k] == w.sentence[i] \
        and any(gaz.feature[r] == "river" for r in gaz.lookup(w.key[k]))


def _the_sea(w: Words, i: int, j: int) -> bool:
    """Whether words i…j, short for a sea's or a river's name, stand alone after "the": "in
    the Pacific", "The Atlantic flyway", "along the Danube", not "Virgin Atlantic", "by The
    Atlantic" (a magazine's title), "the Pacific Decadal Oscillation", "the Thames Valley"."""
    if i == 0 or w.key[i - 1] != "the" or w.end[i - 1] + 1 != w.start[i] or \
            w.cap[i - 1] and not w.first[i - 1]:
        return False
    return j + 1 >= len(w) or w.sentence[j + 1] != w.sentence[j] or not w.cap[j + 1]


def _end_of_a_longer_name(w: Words, runs: dict[int, tuple[int, int]], i: int,
                          facts: _Facts) -> bool:
    """Whether a town's name of several words ends a longer capitalised name whose first
    words are no place's ("the Central West End", "Park Central Square", "Wayne State
    College"), unless it is a big town's ("Downtown Los Angeles"), or a county's ("Leadership
    Henry County"), or joined to the word before by a hyphen ("Paris-Henry County")."""
    a = runs.get(i, (i, i))[0]
    return a < i and not facts.big and not w.hyphen_before[i] and \
        w.key[i - 1] not in _PARTS and w.key[i - 1] not in _TOWN_PARTS \
        and not any(w.first[k] or w.key[k] in FUNCTION_WORDS or w.key[k].rstrip(".") in TITLES
                    for k in range(a, i)) and facts.towns_only


def _word_after(w: Words, j: int, words: frozenset[str]) -> bool:
    """Whether word ``j`` is followed right away (one space) by one of ``words``: "the Ménaka
    region" (not "the March 21 state meet"), "the DeKalb area"."""
    return j + 1 < len(w) and w.key[j + 1] in words and w.start[j + 1] == w.end[j] + 1


# After "the", words that make the name before them a place's: "the DeKalb area"
_PLACE_AFTER_THE = _REGION_AFTER | frozenset("area areas metro vicinity".split())


def _names_an_airport(text: str, w: Words, runs: dict[int, tuple[int, int]], i: int, j: int
                      ) -> bool:
    """Whether words i…j are a town's name that starts a capitalised run naming an airport,
    alone or joined to another by a dash: "Greenville-Spartanburg International Airport"
    (the towns it serves, where it is), not "John Wayne Airport"."""
    a, b = runs.get(i, (i, j))
    return b > j and w.key[b] in ("airport", "airports") and (
        a == i or text[w.end[i - 1] : w.start[i]] in ("-", "- ", "–", "/"))


def _body_after(w: Words, j: int) -> bool:
    """Whether a town's own body follows word ``j``: "… Council", "… Hall", "… police"."""
    return j + 1 < len(w) and (w.key[j + 1] in _MUNICIPAL or w.key[j + 1] == "hall")


# Particles that stand before surnames only, never inside a place's name in English text
# (unlike "de": "Tour de France", "Château de Versailles")
_SURNAME_PARTICLES = frozenset("da di van von bin ibn ould".split())


def _municipal(text: str, w: Words, gaz: Gazetteer, m: Mention, facts: _Facts) -> bool:
    """Whether a town's own body or people follow the name: "Roselle police", "the Concord
    Police Department", "the Bend City Council", "Bend City Hall"."""
    i, j = m.tokens
    nxt = j + 1
    city = nxt + 1 < len(w) and w.key[nxt] == "city"  # "City Hall", not "Centennial Hall"
    return (_body_after(w, j + city) and (city or w.key[nxt] != "hall")
            and text[w.end[j] : w.start[nxt]] == " " and facts.own_name
            and any(gaz.feature[c] in ("city", "locality") for c in m.candidates[:50]))


# A town's own bodies and people, after its name: "Roselle police", "Concord City Council".
_MUNICIPAL = frozenset("police policemen pd officers fire firefighters firemen mayor council "
                       "councilman councilwoman selectmen aldermen residents township "
                       "commission manager".split())


def _in_capitals(w: Words, i: int, j: int) -> bool:
    """Whether words i..j stand in a headline in capitals ("FIRE IN DALLAS KILLS TWO",
    "… BURSTS ITS BANKS IN YORK"), where a name is no acronym for being written so: the
    words on both sides of them in the same sentence are written in capitals too, or every
    word of a sentence of three or more is; but not a byline ("BY CHAD KLIMACK")."""
    if i > 0 and j + 1 < len(w) and w.sentence[i - 1] == w.sentence[j + 1] == w.sentence[i] \
            and len(w.text[i - 1]) > 1 and w.text[i - 1].isupper() and w.key[i - 1] != "by" \
            and len(w.text[j + 1]) > 1 and w.text[j + 1].isupper():
        return True
    sent, a, b = w.sentence[i], i, j
    while a > 0 and w.sentence[a - 1] == sent:
        a -= 1
    while b + 1 < len(w) and w.sentence[b + 1] == sent:
        b += 1
    return b - a >= 2 and w.key[a] != "by" and all(t.isupper() for t in w.text[a : b + 1])


def _in_province(text: str, w: Words, gaz: Gazetteer, i: int, cands: np.ndarray,
                 gap: str = ", ") -> bool:
    """Whether ``gap`` and a province or country that one of the candidates is in follow word
    i ("Buffalo, New York", but not "Still, Texas was hot"; "Austin Texas" with ``gap`` " ")."""
    return _any_in(gaz, _province_after(text, w, gaz, i, gap), cands)


def _provinces(gaz: Gazetteer, rows: np.ndarray) -> set[tuple[str, str]]:
    """The (country, admin-1 code) of the provinces among ``rows`` (code "" for countries)."""
    return {(str(gaz.country_code[r]), str(gaz.admin1[r]) if gaz.feature[r] == "admin1"
             else "") for r in rows if gaz.feature[r] in ("admin1", "country")}


def _any_in(gaz: Gazetteer, wide: set[tuple[str, str]], cands: np.ndarray) -> bool:
    """Whether one of the candidates lies in one of the provinces or countries ``wide``."""
    return bool(wide) and any((cc := str(gaz.country_code[c]), "") in wide
                              or (cc, str(gaz.admin1[c])) in wide for c in cands[:200])


def _province_after(text: str, w: Words, gaz: Gazetteer, i: int, gap: str = ", "
                    ) -> set[tuple[str, str]]:
    """The (country, admin-1 code) of the provinces (code "" for countries) named after
    ``gap`` after word i: "Buffalo, New York", "Lumpkin, Ga."."""
    k = i + 1
    if k >= len(w) or not w.cap[k] or text[w.end[i] : w.start[k]] != gap:
        return set()
    if (postal := _postal_codes(gaz).get(w.text[k])) is not None:  # "Kivalina, AK"
        return {(str(gaz.country_code[r]), str(gaz.admin1[r])) for r in postal}
    for e in range(min(k + 2, len(w) - 1), k - 1, -1):
        name = fold(text[w.start[k] : w.end[e]])
        rows = gaz.lookup(name + ".") if text[w.end[e] : w.end[e] + 1] == "." else _NO_ROWS
        if not len(rows):  # the abbreviation first: "Lumpkin, Ga.", "Wainwright, Alta."
            rows = gaz.lookup(name)  # (Alta is also a town in Norway)
        if len(rows):
            return _provinces(gaz, rows)
    return set()


_NO_ROWS = np.empty(0, dtype=np.int32)
# What follows a province's postal code in an address, by country: a ZIP code, an
# Australian postcode, a Canadian postal code ("Austin, TX 78701", "Bendigo VIC 3550")
_POSTCODE = re.compile(r" (?:(?P<US>\d{5}(?:-\d{4})?)|(?P<AU>\d{4})"
                       r"|(?P<CA>[A-Z]\d[A-Z] ?\d[A-Z]\d))(?![\w-])")


@functools.cache
def _postal_codes(gaz: Gazetteer) -> dict[str, np.ndarray]:
    """Provinces by postal code ("TX", "BC", "NSW"; "NT" is Canada's and Australia's): the US
    states' are their GeoNames admin-1 codes, the others' are listed in the lexicon."""
    found: dict[str, list[int]] = {}
    for r in np.flatnonzero((gaz.feature == "admin1") & (gaz.country_code == "US")).tolist():
        if len(code := str(gaz.admin1[r])) == 2 and code.isalpha():
            found.setdefault(code, []).append(r)
    for cc, codes in POSTAL_PROVINCES.items():
        for code, name in codes.items():
            found.setdefault(code, []).extend(
                int(r) for r in gaz.lookup(fold(name))
                if gaz.feature[r] == "admin1" and gaz.country_code[r] == cc)
    return {code: np.array(rows, dtype=np.int32) for code, rows in found.items() if rows}


def _postal(text: str, w: Words, i: int, gaz: Gazetteer, prev: Mention | None) -> np.ndarray:
    """The provinces word ``i`` names as a postal code after the town ``prev`` ("Austin, TX",
    "Kivalina, AK 99750", "Bendigo VIC 3550"): those the town has a namesake in, or, after a
    town the gazetteer lacks but the code locates, every province of the code. Anywhere else
    the code is no place: "IN", "OR" and "ME" are words, "MD" a doctor, "LA" Los Angeles."""
    rows = _postal_codes(gaz)[w.text[i]]
    if prev is None or prev.end != w.end[i - 1] or prev.sentence != w.sentence[i]:
        return _NO_ROWS
    code = _POSTCODE.match(text, w.end[i])
    if code is not None:
        rows = rows[gaz.country_code[rows] == code.lastgroup]
    gap = text[w.end[i - 1] : w.start[i]]
    if gap != ", " and not (gap == " " and code is not None):  # "Bendigo VIC 3550"
        return _NO_ROWS
    if not len(prev.candidates):  # a town the gazetteer lacks, located by the code after it
        return rows if "located" in prev.cues else _NO_ROWS
    held = set(zip(gaz.country_code[prev.candidates].tolist(),
                   gaz.admin1[prev.candidates].tolist()))
    return rows[[(gaz.country_code[r], gaz.admin1[r]) in held for r in rows.tolist()]]


@dataclass(frozen=True, slots=True)
class _Facts:
    """What :func:`_keep` asks of a name's candidates; the same few thousand names recur in
    text after text, so these are computed once per name and candidate set."""

    strong: bool  # some candidate is a country, admin-1 region or region
    big: bool  # strong, or some candidate is natural (_NATURAL) or has 100,000 people or more
    first_country: bool  # the first candidate is a country
    own_name: bool  # some candidate (of the first 50) has the name as its own
    upper_name: bool  # some candidate's name is written in capitals
    countryish: bool  # some candidate is a country, region or natural
    known: bool  # some candidate is a country, region, natural or a town of 100,000 or more
    town: bool  # some candidate is a town of 15,000 or more
    # some candidate bears the name as its own and is a town of 2,000,000 or more, or a
    # national capital of 1,000,000 or more ("Berlin", "Warsaw", "Shanghai")
    metropolis: bool
    towns_only: bool  # every candidate is a town or an airport
    bare_water: bool  # some candidate is a sea or a river this name is short for ("Pacific",
    # "Thames")


def _build_facts(gaz: Gazetteer, key: str, rows: np.ndarray) -> _Facts:
    strong = any(gaz.feature[c] in STRONG for c in rows)
    # "the Pacific", "the Thames", "the Cape of Good Hope": as well known as a big town
    natural = any(gaz.feature[c] in _NATURAL for c in rows)
    return _Facts(
        bare_water=any(gaz.feature[c] in _BARE_WATERS and not own_name(str(gaz.name[c]), key)
                       for c in rows) and "river" not in key.split(),
        strong=strong,
        big=bool(strong or natural or gaz.population[rows].max(initial=0) >= 100_000),
        first_country=bool(len(rows) > 0 and gaz.feature[rows[0]] == "country"),
        own_name=any(own_name(str(gaz.name[c]), key) for c in rows[:50])
        or _spelt_like_its_own(gaz, key, rows),
        upper_name=any(str(gaz.name[c]).isupper() for c in rows),
        countryish=natural or any(gaz.feature[c] in ("country", "region") for c in rows),
        known=natural or any(gaz.feature[c] in ("country", "region") or gaz.population[c] >= 100_000
                         for c in rows),
        town=bool(gaz.population[rows].max(initial=0) >= 15_000),
        metropolis=any(gaz.population[c] >= (1_000_000 if gaz.capital[c] else 2_000_000)
                       and own_name(str(gaz.name[c]), key) for c in rows[:50]),
        towns_only=all(gaz.feature[c] in ("city", "locality", "airport") for c in rows),
    )


def _spelt_like_its_own(gaz: Gazetteer, key: str, rows: np.ndarray) -> bool:
    """Whether a name is a place's own name in another romanisation, one that writes "i" for
    "y" and drops the soft sign: "Avdiivka" (GeoNames' Avdiyivka), "Kupiansk" (Kup'yans'k),
    "Izium" (Izyum); not a misspelling GeoNames lists ("Cookville" for Cookeville), which
    may be another place the gazetteer lacks."""
    bare = _romanised(key)
    return any(_romanised(fold(str(gaz.name[c]))) == bare for c in rows[:50])


def _romanised(key: str) -> str:
    return _DOUBLE_I.sub("i", key.replace("'", "").replace("y", "i"))


_DOUBLE_I = re.compile("i{2,}")


@functools.cache
def _facts_cache(gaz: Gazetteer) -> dict[tuple[str, np.dtype, bytes], _Facts]:
    return {}


def _facts(gaz: Gazetteer, key: str, rows: np.ndarray) -> _Facts:
    """The :class:`_Facts` of a name and its candidate rows, cached per gazetteer."""
    cache = _facts_cache(gaz)
    k = (key, rows.dtype, rows.tobytes())  # the dtype itself: its .str is built anew each time
    f = cache.get(k)
    if f is None:
        if len(cache) >= 100_000:
            cache.clear()
        f = cache[k] = _build_facts(gaz, key, rows)
    return f


def _unknown(text, w: Words, i, gaz, person_at, surnames, runs) -> list[Mention]:
    """A capitalised word missing from the gazetteer: a misspelling, or a place the text
    locates ("Yangasso in the Ségou region"); otherwise nothing."""
    key = w.key[i]
    if w.first[i] or key in surnames or runs.get(i, (i, i)) != (i, i) or len(key) < 4:
        return []
    if key in common_words() or key in given_names() or key in NOT_PLACES or \
            not w.text[i][1:].islower():
        return []  # nor a near-spelling of a place: "Easter" is no misspelt "Eastern"
    nxt = i + 1 if i + 1 < len(w) and w.sentence[i + 1] == w.sentence[i] else None
    # a plural of a place's name is several places, not a misspelling of one: "the
    # Americas", "the Dakotas" have no point of their own
    plural = key.endswith("s") and len(gaz.lookup(key[:-1])) > 0
    spelt = len(key) >= 6 and not key.endswith(DERIVED_ENDINGS) and not plural
    cands, score = fuzzy_lookup(gaz, key) if spelt else (np.empty(0, np.int32), 0.0)
    cues = _cues(w, i, i)
    if "people" in cues:
        return []
    prev = w.key[i - 1] if i > 0 else ""
    # "in Yangasso", "the village of Cellardyke"…
    settled = prev in ("in", "at", "near", "to", "from", "as", "outside") or \
        prev == "of" and i > 1 and w.key[i - 2] in _SETTLEMENTS
    if settled and nxt is not None and (
            w.key[nxt] in ("in", "near") and text[w.end[i] : w.start[nxt]] == " "
            or _province_after(text, w, gaz, i)):
        cues.add("located")  # … "in the Ségou region", "in Fife", ", Alaska"
    if len(cands):
        cues.add("fuzzy")  # a misspelling, unless the place is one the gazetteer lacks
        # where the text puts it ("located")
    elif "located" not in cues:
        if not (_SUBURB_OF.match(text, w.end[i]) or _APPOSITION_IN.match(text, w.end[i]) or (
                _QUARTER.match(text, w.end[i]) and i > 0 and w.cap[i - 1]
                and text[w.end[i - 1] : w.start[i]] in _POSSESSIVE_GAPS)):
            return []  # most capitalised words the gazetteer lacks: no Mention built
        # "Mabvuku, a suburb located east of Harare", "Kampungu, a village in Kavango",
        # "Cairo's Zamalek district"
        cues.add("located")
    return [Mention(w.start[i], w.end[i], key, cands, sentence=w.sentence[i], fuzzy=score,
                    cues=cues, tokens=(i, i))]


# The words of a hashtag written together: "#NepalEarthquake", "#PrayForParis", "#NYC2024"
_CAMEL = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")


def _hashtag(w: Words, i: int, gaz: Gazetteer) -> list[Mention]:
    """The big place a hashtag's words name ("#NepalEarthquake", "#PrayForParis"): a
    country's, province's or region's, or a town's of 100,000 or more, by its own name; the
    first such run of its words, longest first."""
    word, at = w.text[i], w.start[i]
    parts = [(m.start(), m.end()) for m in _CAMEL.finditer(word)]
    for a in range(len(parts)):
        for b in range(min(len(parts), a + 3), a, -1):
            lo, hi = parts[a][0], parts[b - 1][1]
            key = fold(" ".join(word[s:e] for s, e in parts[a:b]))
            rows = gaz.lookup(key) if key not in NOT_PLACES else _NO_ROWS
            if len(rows) and (facts := _facts(gaz, key, rows)).big and facts.own_name:
                return [Mention(at + lo, at + hi, key, rows, sentence=w.sentence[i],
                                tokens=(i, i))]
    return []


_SETTLEMENTS = frozenset("village town city hamlet township suburb".split())  # "… of X"
# A part of a town, after its name: "Cairo's Zamalek district", "Kabul's Karte Se neighbourhood"
_QUARTER = re.compile(r" (?:district|neighbou?rhood|quarter|suburb|township)\b")


_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & "})


def _enumerations(text: str, mentions: list[Mention]) -> None:
    """Mark the names listed together ("Arkansas, Colorado, Delaware and Idaho"): three or
    more places in one sentence, joined by commas and 'and' / 'or' (two alone are more often
    a name and its container: "Buffalo, New York"); and pairs joined by 'and' / 'or'. Listed
    places tend to be of one kind."""
    places = [m for m in mentions if m.role == "place"]
    run: list[Mention] = []
    closed = False  # the run's last name came after 'and' / 'or': a list ends there
    for m in [*places, None]:
        gap = text[run[-1].end : m.start] if m is not None and run else ""
        if m is not None and run and run[-1].sentence == m.sentence and gap in _LIST_GAPS \
                and not (closed and gap == ", "):  # "Buffalo and Syracuse, New York"
            run.append(m)
            closed = gap != ", "
            continue
        closed = False
        if len(run) >= 3 and len({member.key for member in run}) == len(run):
            # (a name listed twice is two places, each with its province: "Portland,
            # Maine, and Portland, Oregon")
            for member in run:
                member.listed = run[0].start
        elif len(run) == 2 and text[run[0].end : run[1].start] in (" and ", " or "):
            run[0].paired = run[1].paired = run[0].start
        run = [m] if m is not None else []


# "Barrow, Jackson and Madison counties": the plural after a list says what each name is
# ("Rivers and Stokes avenues": streets, no places; but roads are often named after the
# place they lead to: "North Druid Hills and Clairmont roads")
_PLURAL_HEAD = re.compile(r" (counties|parishes|districts|provinces|regions|states|streets|"
                          r"avenues|boulevards)\b")
_SINGULAR = {"counties": "county", "parishes": "parish", "districts": "district",
             "provinces": "province", "regions": "region", "states": "state"}


def _plural_heads(text: str, w: Words, mentions: list[Mention], gaz: Gazetteer
                  ) -> list[Mention]:
    """Read the names listed before a plural such as 'counties' as that kind of place (and
    drop those before 'streets', 'avenues'…): each gets the 'region' cue, and is "Jackson
    County" where the gazetteer has that name, even when the name alone is none ("Oconee").
    Two names at least: "Indiana counties" are the counties of Indiana. Returns the mentions,
    in order, with any new ones."""
    by_span = {(m.start, m.end): m for m in mentions}
    added: list[Mention] = []
    dropped: set[int] = set()
    for head in _PLURAL_HEAD.finditer(text):
        h = bisect_left(w.start, head.start(1))
        names: list[tuple[int, int]] = []  # (first word, last word), last name first
        k = h - 1
        if k < 0 or text[w.end[k] : w.start[h]] != " ":
            continue
        while k >= 0 and w.cap[k] and w.sentence[k] == w.sentence[h]:
            last = k
            while k > 0 and w.cap[k - 1] and text[w.end[k - 1] : w.start[k]] in (" ", "-"):
                k -= 1  # "Otter Tail", "Miami-Dade"
            names.append((k, last))
            p = k - 1 - (k > 1 and w.key[k - 1] in ("and", "or"))  # the name before, if any
            if p < 0 or text[w.end[p] : w.start[k]] not in _LIST_GAPS:
                break
            k = p
        if len(names) < 2:
            continue
        singular = _SINGULAR.get(head.group(1))
        if singular is None:  # streets
            streets = {(w.start[a], w.end[b]) for a, b in names}
            dropped.update(id(m) for m in mentions if (m.start, m.end) in streets)
            continue
        first = w.start[names[-1][0]]  # the list's first name: they are listed together
        for a, b in names:
            start, end = w.start[a], w.end[b]
            key = f"{fold(text[start:end])} {singular}"
            rows = gaz.lookup(key)
            m = by_span.get((start, end))
            if m is None and len(rows):
                m = Mention(start, end, key, rows, sentence=w.sentence[a], tokens=(a, b))
                added.append(m)
            if m is not None:
                m.cues.add("region")
                m.listed = first
                if len(rows) and m.role == "place":
                    m.key, m.candidates = key, rows
    if not added and not dropped:
        return mentions
    spans = [(m.start, m.end) for m in added]
    kept = [m for m in mentions if id(m) not in dropped
            and not any(s < m.end and m.start < e for s, e in spans)]
    return sorted(kept + added, key=lambda m: m.start)


def _containers(text: str, w: Words, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Note the place a text puts each name in: "Kati, Mali", "Yangasso in the Ségou region";
    not a place that speaks after a comma ("rebels hold Lugansk, Moscow said")."""
    for a, b in zip(mentions, mentions[1:]):
        gap = text[a.end : b.start]
        if (
            gap in (", ", " in ", " in the ", " near ", " outside ", ", near ")
            and a.sentence == b.sentence
            and not (gap == ", " and _speaks(w, *b.tokens))
            and not _spans_countries(gaz, a.candidates)
            and ("located" in a.cues  # its place is what follows: "in Greenlane, Auckland"
                 or not (gap == ", " and (a.listed is not None and a.listed == b.listed
                                          or _facts(gaz, a.key, a.candidates).first_country
                                          or _provinces_of_one_country(gaz, a, b))
                         and (_peers(gaz, a.candidates, b.candidates)
                              or "region" in a.cues and "region" in b.cues
                              or _towns_of_one_country(gaz, a, b))))
        ):  # in a list, after a country ("China, Japan, and the UK") or between two
            # provinces of one country ("felt in Niigata, Toyama and as far as Tokyo"), a
            # comma may separate peers, and so it does names of one kind ("Clay, Douglas,
            # Grant … counties") and towns of one country ("Sirte, Ajdabiya and Bani Walid":
            # not Sirte in the district of Ajdabiya)
            a.near, a.inside = b.key, gap in (", ", " in ", " in the ")
            if gap == " in ":
                a.cues.add("within")  # "Hampton Park in Charleston": a part of the town
            elif gap == ", " and _ITS_CITY.match(text, b.end):
                a.cues.add("city")  # "Santa Cruz, Bolivia's largest city": the town, not
                # the department of its name
        elif gap == " " and a.sentence == b.sentence and a.role == b.role == "place" and \
                _any_in(gaz, _provinces(gaz, b.candidates), a.candidates):
            a.near, a.inside = b.key, True  # "Paris Texas", as posts write it
        elif a.sentence == b.sentence and _POINT_OF.fullmatch(gap):
            a.near = b.key  # "Waterloo, south of Brussels": near it, not in it
        elif a.sentence == b.sentence and _PART_IN.fullmatch(gap):
            a.near, a.inside, a.suburb = b.key, True, True  # "Victoria station in London":
            # a part of the city, whatever town elsewhere bears the name
        elif a.sentence == b.sentence and (
                _SUBURB_OF.fullmatch(gap) or gap == ", a " and text.startswith(" suburb", b.end)):
            a.near, a.suburb = b.key, True  # "Naperville, a suburb of Chicago", "Alvin, a
            # Houston suburb"
        elif a.sentence == b.sentence and (gap in (" suburb of ", " suburbs of ") or gap in
                                           _POSSESSIVE_GAPS and (_QUARTER.match(text, b.end)
                                                                 or _compass_part(b.key))):
            b.near, b.suburb = a.key, True  # "the Cincinnati suburb of West Chester",
            # "Cairo's Zamalek district", "Chicago's South Side"
        elif a.sentence == b.sentence and gap in _POSSESSIVE_GAPS and "region" in b.cues and \
                _facts(gaz, a.key, a.candidates).strong:
            b.near, b.inside = a.key, True  # "Western Australia's Kimberley region" is in it
        elif a.sentence == b.sentence and (_CAPITAL_OF.fullmatch(gap) or gap == ", the "
                                           and _CAPITAL_AFTER.match(text, b.end)
                                           or _APPOSITION_IN.fullmatch(gap)):
            a.near, a.inside = b.key, True  # "Springfield, the Illinois capital", "Juba, the
            # capital of South Sudan", "Kabul, the Afghan capital", "Chester, a small town in
            # Orange County"


def _spans_countries(gaz: Gazetteer, rows: np.ndarray) -> bool:
    """Whether some candidate is a continent or a part of one that holds whole countries
    ("Western Asia", the Middle East): in nothing the text can name after it ("the Middle
    East, Italy and Russia" is a list). Natural Earth's physical regions may be in a country
    ("the Rift Valley, Kenya")."""
    return any(gaz.feature[r] == "region" and not gaz.country_code[r]
               and not str(gaz.place_id[r]).startswith("ne:region:") for r in rows.tolist())


# After a province or country: what makes the name before it its town ("Santa Cruz, Bolivia's
# largest city", "Lyon, France's third city")
_ITS_CITY = re.compile(r"['’]s (?:(?:largest|biggest|second|third|main|chief|commercial|"
                       r"economic|second[- ]largest|second[- ]biggest) )+(?:city|town)\b")
# ", the capital of ", ", capital of ", ", the provincial capital of "
_CAPITAL_OF = re.compile(r", (?:the )?(?:[a-z]+ )?capital of (?:the )?")
_CAPITAL_AFTER = re.compile(r"(?:'s)? (?:[a-z]+ )?capital\b")  # "the Illinois (state) capital"


# a named part of a town that names its kind before "in" the town: its station or square
_PART_IN = re.compile(r" (?:[Ss]tation|[Ss]quare) in (?:the )?")
# ", a suburb of ", ", a northern suburb of ", ", a suburb located east of "
_SUBURB_OF = re.compile(r", an? (?:[a-z]+ )?suburb (?:[a-z]+ ){0,2}?of (?:the )?")
# ", south of ", ", 20 km north-west of ", " just east of ": near what follows
_POINT_OF = re.compile(r",? (?:(?:just|some|about|roughly|[\d,.]+) )*(?:(?:km|kilometres|"
                       r"kilometers|miles|mi) )?(?:north|south|east|west)(?:-?(?:east|west))?"
                       r"(?:ern)? of (?:the )?")


def _towns_of_one_country(gaz: Gazetteer, a: Mention, b: Mention) -> bool:
    """Whether B is a big town's name and its province's, named after it (Ajdabiya, Mopti;
    not Ontario, California's town and Canada's province), and A a town's in that country
    but not in that province: "Sirte, Ajdabiya" can only be two towns ("Long Island, New
    York" is in the state)."""
    towns = {str(gaz.country_code[r]) for r in b.candidates if gaz.feature[r] == "city"
             and gaz.population[r] >= 100_000 and own_name(str(gaz.name[r]), b.key)}
    provinces = {(str(gaz.country_code[r]), str(gaz.admin1[r])) for r in b.candidates
                 if gaz.feature[r] == "admin1" and gaz.country_code[r] in towns}
    inside = {(str(gaz.country_code[r]), str(gaz.admin1[r])) for r in a.candidates
              if gaz.country_code[r] in towns}
    return bool(provinces) and bool(inside) and not inside & provinces


def _provinces_of_one_country(gaz: Gazetteer, a: Mention, b: Mention) -> bool:
    """Whether both names can be provinces of one country ("Niigata, Toyama")."""
    held = {gaz.country_code[r] for r in b.candidates if gaz.feature[r] == "admin1"}
    return bool(held) and any(gaz.feature[r] == "admin1" and gaz.country_code[r] in held
                              for r in a.candidates)


def _peers(gaz: Gazetteer, a: np.ndarray, b: np.ndarray) -> bool:
    """Whether, in a list, "A, B" names two provinces or countries ("Oklahoma, Pennsylvania
    and Ohio"), not a town and its province ("Washington, D.C.", "Cordova, Tennessee"): A
    can be a province or country too, and none of its big towns is in a B."""
    wide = ("admin1", "country")
    provinces = {(str(gaz.country_code[r]), str(gaz.admin1[r]) if gaz.feature[r] == "admin1"
                  else "") for r in b if gaz.feature[r] in wide}
    if not provinces or not any(gaz.feature[r] in wide for r in a):
        return False
    # a country, then a province of another country with a town of its name: "Lebanon,
    # Pennsylvania", "Jordan, Minnesota" (but "Georgia, Alabama": two states)
    held = {cc for cc, a1 in provinces if a1}
    if held and not any(gaz.feature[r] == "admin1" and gaz.country_code[r] in held for r in a) \
            and any(gaz.feature[r] in ("city", "locality")
                    and (str(gaz.country_code[r]), str(gaz.admin1[r])) in provinces for r in a):
        return False
    return not any(
        gaz.population[r] >= 100_000 and ((cc := str(gaz.country_code[r]), "") in provinces
                                          or (cc, str(gaz.admin1[r])) in provinces)
        for r in a
    )
