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
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from .gazetteer import ABBREVIATIONS, Gazetteer, fold, own_name
from .lexicon import (
    CONNECTORS,
    DERIVED_ENDINGS,
    NAME_PARTICLES,
    NOT_PLACES,
    ORG_WORDS,
    PEOPLE_WORDS,
    TITLES,
    common_words,
    given_names,
)

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.[A-Z][a-z]{1,2}\.|[^\W\d_]+(?:['’][^\W\d_]+)*")
# An elided particle glued to a capitalised word is capitalised too: "d'Ivoire", "l'Aquila".
_ELIDED = re.compile(r"(?:[dlDL]|dell|all|dall)['’][^\W\d_]")
STRONG = frozenset({"country", "admin1", "region"})
_DATELINE_END = re.compile(r"\s*(?:,|--|[-—–]\s|\()")
# Words before a name that say it is a location: "in Hamm", "near Plats".
LOCATIVES = frozenset("in at near from outside to into towards toward via around".split())


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence: int
    first: bool  # first word of its sentence, or in a title-case heading
    cap: bool
    hyphen_before: bool  # glued to the previous word by a hyphen ("al-Din", "French-led")
    key: str  # fold(text): the lookup key, read for every word


@dataclass
class Mention:
    """A recognised name before it is placed: clean-text span, candidates, role and cues."""

    start: int
    end: int
    key: str
    candidates: np.ndarray
    role: str = "place"
    sentence: int = 0
    fuzzy: float = 1.0  # 1 for exact matches; similarity for fuzzy ones
    cues: set[str] = field(default_factory=set)
    near: str | None = None  # key of the place the text puts it in ("X, Mali")
    tokens: tuple[int, int] = (0, 0)
    listed: int | None = None  # the enumeration it is one of (its first member's start)


# A clause mark and the quotes or brackets after it: the word right after starts a clause.
_CLAUSE = re.compile(r"[:;\n][ \"'“‘(]*")


def tokenize(text: str, sentences: list[tuple[int, int]]) -> list[Token]:
    """Words of clean text with their sentence and capitalisation (possessive 's dropped).

    Runs for every word of every text, so each step is as cheap as it can be: the words that
    follow a clause mark are found by one regex pass, and the elision regex only runs on
    lower-case words that contain an apostrophe.
    """
    tokens: list[Token] = []
    append = tokens.append
    finditer, elided = _WORD.finditer, _ELIDED.match
    # a later word of a sentence also starts a clause when only quotes and brackets stand
    # between it and a ":", ";" or line end (inside the sentence, as an earlier word is)
    clause_starts = {m.end() for m in _CLAUSE.finditer(text)}
    for si, (s, e) in enumerate(sentences):
        words = list(finditer(text, s, e))
        heading = False  # a short title-case line: every word counts as a sentence start
        if len(words) <= 15:
            longs = [w.group() for w in words if w.end() - w.start() > 3]
            caps = sum(1 for w in longs if w[0].isupper())
            heading = bool(longs) and caps / len(longs) >= 0.7 and text[e - 1] not in ".!?"
        first = True
        for w in words:
            word = w.group()
            ws, we = w.span()
            if word[-1] == "s" and len(word) > 2 and word[-2] in "'’":
                word, we = word[:-2], we - 2
            if not first:
                first = ws in clause_starts
            hyph = text[ws - 1] == "-" and ws > 1 and not text[ws - 2].isspace()
            cap = word[0].isupper()
            if not cap and ("'" in word or "’" in word) and (el := elided(word)) is not None:
                cap = word[el.end() - 1].isupper()
            append(Token(ws, we, word, si, first or heading, cap, hyph, fold(word)))
            first = False
    return tokens


_GLUE = (" ", "-", ". ")  # what may stand between two words of one name


def _glue(text: str, a: Token, b: Token) -> bool:
    """Whether two tokens are adjacent parts of one name: one space or a hyphen between."""
    return a.sentence == b.sentence and text[a.end : b.start] in _GLUE


def capital_runs(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with name particles inside): candidate proper names."""
    runs: list[tuple[int, int]] = []
    n, resume = len(tokens), 0
    for i in _capitalised(tokens):
        if i < resume:
            continue
        j = i
        while (
            j + 1 < n
            and _glue(text, tokens[j], tokens[j + 1])
            and (
                tokens[j + 1].cap
                or (
                    tokens[j + 1].key in NAME_PARTICLES
                    and j + 2 < n
                    and tokens[j + 2].cap
                    and _glue(text, tokens[j + 1], tokens[j + 2])
                )
            )
        ):
            j += 1
        runs.append((i, j))
        resume = j + 1
    return runs


def _capitalised(tokens: list[Token]) -> list[int]:
    """Positions of the capitalised tokens: the only places a name can start (most words are
    lower case, so loops over names visit these instead of every word)."""
    return [i for i, t in enumerate(tokens) if t.cap]


def people(
    text: str, tokens: list[Token], gaz: Gazetteer, runs: list[tuple[int, int]] | None = None
) -> tuple[set[int], set[str]]:
    """Token positions that belong to people's names, and surnames to reject elsewhere.

    A run of capitalised words is a person's name when a title precedes it ("Captain
    Sanogo") or it starts with a given name and is not itself a place ("Johnnie Carson").
    """
    given = given_names()
    positions: set[int] = set()
    surnames: set[str] = set()
    for i, j in capital_runs(text, tokens) if runs is None else runs:
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tokens[i].sentence else None
        titled = prev is not None and prev.key.rstrip(".") in TITLES
        if not titled and tokens[i].key.rstrip(".") in TITLES and j > i:
            titled, i = True, i + 1  # "President Hollande", "Colonel Malick Diaw"
        if titled:
            positions.update(range(i, j + 1))
            surnames.update(t.key for t in tokens[i : j + 1])
            continue
        # "… Affairs Esther Brimmer": a given name followed by more name, not itself a place
        # (nor an organisation's: "Paris High School", "Georgia School Boards Association")
        for k in range(i, j):
            whole = fold(text[tokens[k].start : tokens[j].end])
            word = tokens[k].text
            if (
                tokens[k].key in given
                and not any(t.key in ORG_WORDS for t in tokens[k + 1 : j + 1])
                and not word.isupper()
                and len(word) > 2
                and not len(gaz.lookup(whole))
            ):
                positions.update(range(k, j + 1))
                surnames.update(t.key for t in tokens[k + 1 : j + 1])
                break
    return positions, surnames


@functools.cache
def _fuzzy_choices(gaz: Gazetteer) -> dict[tuple[str, int], list[str]]:
    """Prominent names bucketed by first letter and length, so a lookup compares few."""
    buckets: dict[tuple[str, int], list[str]] = {}
    for key in gaz.prominent_names():
        buckets.setdefault((key[0], len(key)), []).append(key)
    return buckets


@functools.lru_cache(maxsize=4096)
def _fuzzy_window(gaz: Gazetteer, first: str, length: int) -> list[str]:
    """Prominent names starting with ``first`` whose length is within two of ``length``."""
    buckets = _fuzzy_choices(gaz)
    return [k for n in range(length - 2, length + 3) for k in buckets.get((first, n), ())]


@functools.lru_cache(maxsize=1 << 16)
def fuzzy_lookup(gaz: Gazetteer, key: str, cutoff: float = 88.0) -> tuple[np.ndarray, float]:
    """Places whose name is a near spelling of ``key`` ("timbuktou" → Timbuktu).

    Only names with the same first letter and a length within two are compared: a
    misspelling rarely changes the first letter, and ``cutoff`` excludes larger changes.
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


def _org_context(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens i..j sit inside an organisation's proper name."""
    n = len(tokens)
    lo, hi = i, j
    while lo > 0 and _glue(text, tokens[lo - 1], tokens[lo]) and tokens[lo - 1].cap:
        lo -= 1
    k = lo - 1  # "Peanut Corporation of America", "Voice of America"
    if k >= 0 and tokens[k].key == "the":
        k -= 1
    if (
        k >= 1
        and tokens[k].key in ("of", "for")
        and tokens[k - 1].cap
        and tokens[k - 1].key in ORG_WORDS
    ):
        return True
    while (
        hi + 1 < n
        and tokens[hi + 1].sentence == tokens[hi].sentence
        and (_glue(text, tokens[hi], tokens[hi + 1]) and tokens[hi + 1].cap)
    ):
        hi += 1
    if any(tokens[k].key in ORG_WORDS for k in range(lo, hi + 1) if not i <= k <= j):
        return True
    # "Al-Qaeda in the Islamic Maghreb", "Islamic State in Greater Sahara"
    k = lo - 1
    if k >= 0 and tokens[k].key == "the":
        k -= 1
    if k >= 1 and tokens[k].key == "in" and tokens[k - 1].cap:
        left_hi = k - 1
        left_lo = left_hi
        while (
            left_lo > 0
            and _glue(text, tokens[left_lo - 1], tokens[left_lo])
            and tokens[left_lo - 1].cap
        ):
            left_lo -= 1
        long_name = left_hi > left_lo or "-" in text[tokens[left_lo].start : tokens[left_hi].end]
        titled = left_lo > 0 and tokens[left_lo - 1].key.rstrip(".") in TITLES
        person = titled or tokens[left_lo].key.rstrip(".") in TITLES
        if long_name and not person and tokens[left_lo].key not in given_names():
            return True
    return False


def _cues(tokens: list[Token], i: int, j: int) -> set[str]:
    """Words next to a name that say what it names: 'region', 'capital', 'northern'…"""
    cues = set()
    after = (
        tokens[j + 1].key
        if j + 1 < len(tokens) and tokens[j + 1].sentence == tokens[j].sentence
        else ""
    )
    before = tokens[i - 1].key if i > 0 and tokens[i - 1].sentence == tokens[i].sentence else ""
    before2 = tokens[i - 2].key if i > 1 and tokens[i - 2].sentence == tokens[i].sentence else ""
    if after in ("region", "province", "state", "district", "prefecture", "county") or (
        before == "of" and before2 in ("region", "province", "state")
    ):
        cues.add("region")
    if (
        after in ("city", "town", "village", "barracks", "airport", "suburb")
        or before == "capital"
        or (before == "of" and before2 in ("city", "town", "capital"))
    ):
        cues.add("city")
    if before == "capital":
        cues.add("capital")
    if before in ("northern", "southern", "eastern", "western", "central", "north", "south"):
        cues.add("part")
    if after in PEOPLE_WORDS:
        cues.add("people")
    if before == "the":
        cues.add("the")
    if before in LOCATIVES:
        cues.add("locative")
    return cues


def recognise(text: str, sentences: list[tuple[int, int]], gaz: Gazetteer) -> list[Mention]:
    """Every place name in clean ``text``, longest match first, with role and cues."""
    tokens = tokenize(text, sentences)
    cap_runs = capital_runs(text, tokens)
    person_at, surnames = people(text, tokens, gaz, cap_runs)
    common = common_words()
    runs = {k: (a, b) for a, b in cap_runs for k in range(a, b + 1)}
    mentions: list[Mention] = []
    n, resume = len(tokens), 0
    for i in _capitalised(tokens):
        if i < resume:
            continue  # inside the name just matched
        t = tokens[i]
        if i in person_at or (t.hyphen_before and not tokens[i - 1].cap):
            continue
        match = None
        # the longest stretch from i that can be one name: glued words, each capitalised or a
        # connector ("Bosnia and Herzegovina"), none part of a person's name
        last = min(n - 1, i + gaz.max_words - 1)
        hi = i
        while (
            hi < last
            and _glue(text, tokens[hi], tokens[hi + 1])
            and (tokens[hi + 1].cap or tokens[hi + 1].key in CONNECTORS)
            and hi + 1 not in person_at
        ):
            hi += 1
        for j in range(hi, i - 1, -1):
            tj = tokens[j]
            if not tj.cap:
                continue
            key = fold(text[t.start : tj.end])
            if text[tj.end : tj.end + 1] == "." and len(tj.text) <= 5:
                dotted = gaz.lookup(key + ".")  # "Ky.", "Tenn."
                if len(dotted):
                    key, tj = (
                        key + ".",
                        Token(
                            tj.start,
                            tj.end + 1,
                            tj.text + ".",
                            tj.sentence,
                            tj.first,
                            True,
                            tj.hyphen_before,
                            fold(tj.text + "."),
                        ),
                    )
            if key in NOT_PLACES or text[tj.end : tj.end + 1] == "$":
                continue
            cands, adj = gaz.lookup(key), gaz.adjective(key)
            if len(cands) or len(adj):
                match = (j, key, cands, adj)
                break
        if match is None:
            mentions.extend(_unknown(text, tokens, i, gaz, person_at, surnames, runs))
            continue
        j, key, cands, adj = match
        m = Mention(
            t.start,
            max(tokens[j].end, t.start + len(key)) if key.endswith(".") else tokens[j].end,
            key,
            cands,
            sentence=t.sentence,
            tokens=(i, j),
        )
        m.cues = _cues(tokens, i, j)
        if t.first and t.text.isupper() and _DATELINE_END.match(text, tokens[j].end):
            m.cues.update(("dateline", "city"))  # "CHARLESTON, W.Va. --": a dateline's town
        if len(adj) and (not len(cands) or not _facts(gaz, key, cands).strong):
            m.candidates, m.role = adj, "adjective"
        if _org_context(text, tokens, i, j):
            m.role = "in_name"
        if _keep(m, tokens, gaz, runs, common, surnames):
            mentions.append(m)
        resume = j + 1
    _containers(text, tokens, mentions)
    _enumerations(text, mentions)
    return mentions


def _keep(m: Mention, tokens: list[Token], gaz: Gazetteer, runs, common, surnames) -> bool:
    """Evidence against reading a single matched word as a place."""
    i, j = m.tokens
    if j > i or m.role == "adjective":
        return True
    facts = _facts(gaz, m.key, m.candidates)
    strong, big = facts.strong, facts.big
    if m.key in surnames and not (strong and facts.first_country):
        return False
    if not big and "locative" not in m.cues and not facts.own_name:
        return False  # only another place's alternate name ("Samples", "Google", "Kristina")
    word = tokens[i].text
    if (
        word.isupper()
        and "." not in word  # "S.C.", "N.Y.": dotted abbreviations of names, not acronyms
        and "dateline" not in m.cues
        and word not in ABBREVIATIONS
        and not facts.upper_name
    ):
        return False  # an acronym ("AAD"), not a name written in capitals
    if m.key in common and word not in ABBREVIATIONS and not facts.countryish:
        run = runs.get(i, (i, i))
        # mid-sentence, a country, region or big town wins over the word; a province too
        # where the word is not an adjective before a noun ("swans in Michigan", "Arkansas,
        # Colorado", but "other Western governments")
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        modifier = (nxt is not None and nxt.sentence == tokens[i].sentence and not nxt.cap
                    and nxt.start - tokens[i].end == 1)
        known = facts.known
        province = strong and ("locative" in m.cues or not modifier)
        if tokens[i].first or run != (i, i) or not (known or province or m.near
                                                      or "region" in m.cues):
            return False
    if ("people" in m.cues or "the" in m.cues) and not big:
        return False
    run = runs.get(i, (i, i))
    # a word inside a longer capitalised name that is not a place ("Boubou Cissé")
    return not (run != (i, i) and not big and m.role != "in_name")


@dataclass(frozen=True, slots=True)
class _Facts:
    """What :func:`_keep` asks of a name's candidates; the same few thousand names recur in
    text after text, so these are computed once per name and candidate set."""

    strong: bool  # some candidate is a country, admin-1 region or region
    big: bool  # strong, or some candidate has 100,000 people or more
    first_country: bool  # the first candidate is a country
    own_name: bool  # some candidate (of the first 50) has the name as its own
    upper_name: bool  # some candidate's name is written in capitals
    countryish: bool  # some candidate is a country or region
    known: bool  # some candidate is a country, region or town of 100,000 or more


def _build_facts(gaz: Gazetteer, key: str, rows: np.ndarray) -> _Facts:
    strong = any(gaz.feature[c] in STRONG for c in rows)
    return _Facts(
        strong=strong,
        big=strong or gaz.population[rows].max(initial=0) >= 100_000,
        first_country=len(rows) > 0 and gaz.feature[rows[0]] == "country",
        own_name=any(own_name(str(gaz.name[c]), key) for c in rows[:50]),
        upper_name=any(str(gaz.name[c]).isupper() for c in rows),
        countryish=any(gaz.feature[c] in ("country", "region") for c in rows),
        known=any(gaz.feature[c] in ("country", "region") or gaz.population[c] >= 100_000
                  for c in rows),
    )


@functools.cache
def _facts_cache(gaz: Gazetteer) -> dict[tuple[str, str, bytes], _Facts]:
    return {}


def _facts(gaz: Gazetteer, key: str, rows: np.ndarray) -> _Facts:
    """The :class:`_Facts` of a name and its candidate rows, cached per gazetteer."""
    cache = _facts_cache(gaz)
    k = (key, rows.dtype.str, rows.tobytes())
    f = cache.get(k)
    if f is None:
        if len(cache) >= 100_000:
            cache.clear()
        f = cache[k] = _build_facts(gaz, key, rows)
    return f


def _unknown(text, tokens, i, gaz, person_at, surnames, runs) -> list[Mention]:
    """A capitalised word missing from the gazetteer: a misspelling, or a place the text
    locates ("Yangasso in the Ségou region"); otherwise nothing."""
    t = tokens[i]
    if t.first or t.key in surnames or runs.get(i, (i, i)) != (i, i) or len(t.key) < 4:
        return []
    if t.key in common_words() or t.key in given_names() or not t.text[1:].islower():
        return []
    nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == t.sentence else None
    spelt = len(t.key) >= 6 and not t.key.endswith(DERIVED_ENDINGS)
    cands, score = fuzzy_lookup(gaz, t.key) if spelt else (np.empty(0, np.int32), 0.0)
    m = Mention(t.start, t.end, t.key, cands, sentence=t.sentence, fuzzy=score, tokens=(i, i))
    m.cues = _cues(tokens, i, i)
    if "people" in m.cues:
        return []
    if len(cands):
        m.cues.add("fuzzy")
        return [m]
    prev = tokens[i - 1].key if i > 0 else ""
    if (
        prev in ("in", "at", "near", "to", "from", "as", "outside")
        and nxt is not None
        and nxt.key in ("in", "near")
        and text[t.end : nxt.start] == " "
    ):
        m.cues.add("located")
        return [m]
    return []


_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & "})


def _enumerations(text: str, mentions: list[Mention]) -> None:
    """Mark the names listed together ("Arkansas, Colorado, Delaware and Idaho"): three or
    more places in one sentence, joined by commas and 'and' / 'or' (two alone are more often
    a name and its container: "Buffalo, New York"). Listed places tend to be of one kind."""
    places = [m for m in mentions if m.role == "place"]
    run: list[Mention] = []
    for m in [*places, None]:
        if m is not None and run and run[-1].sentence == m.sentence and \
                text[run[-1].end : m.start] in _LIST_GAPS:
            run.append(m)
            continue
        if len(run) >= 3:
            for member in run:
                member.listed = run[0].start
        run = [m] if m is not None else []


def _containers(text: str, tokens: list[Token], mentions: list[Mention]) -> None:
    """Note the place a text puts each name in: "Kati, Mali", "Yangasso in the Ségou region"."""
    for a, b in zip(mentions, mentions[1:]):
        gap = text[a.end : b.start]
        if (
            gap in (", ", " in ", " in the ", " near ", " outside ", ", near ")
            and a.sentence == b.sentence
        ):
            a.near = b.key
