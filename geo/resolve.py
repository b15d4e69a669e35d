"""Disambiguation: choose, for each recognised name, the place the text means.

Every candidate gets a score that adds up readable evidence — what kind of place it is and
how big, the document's focus country, cue words ("X region", "capital X"), the place the
text puts it in ("Kati, Mali") and closeness to the other places the text mentions. The
best candidate wins; the runner-ups and the cues that decided are kept for the reader.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
from rapidfuzz import fuzz

from .gazetteer import Gazetteer, fold, own_name
from .lexicon import LANDSCAPE_WORDS
from .recognise import Mention

# Weighted votes, per country code. A dict, not a Counter: the compiled build
# (`make compile`) runs a dict's own methods in C, a Counter's in Python.
Votes = dict[str, float]
T = TypeVar("T")

# Others by population; an airport, a lake, a river or a landmark (a cape, an island) as a
# town of 100,000 (only big cities' airports answer to their own word alone, "Heathrow",
# "Dulles"; a lake or a river, to its full name, "Lake Erie", "the Niger River")
FEATURE_PRIOR = {"country": 5.0, "region": 4.0, "sea": 4.0, "admin1": 3.0, "airport": 2.5,
                 "lake": 2.5, "river": 2.5, "landmark": 2.5}
# GeoNames lists towns of 500 people or more, and seats of administration whatever their size,
# some with no population given ("Twickenham"): such a town counts as one of 1,000, not as
# none, which lost it to any big city that once bore its name (Huntsville, Alabama)
UNKNOWN_POPULATION = 1_000
FOCUS_WEIGHT = 2.5
REGION_CUE_WEIGHT = 2.5  # 'the X region': provinces and regions over towns
OWN_NAME_WEIGHT = 1.5  # a place's own name over the same string as another's alternate name
# A town this big is a metropolis: its own name marks down the places bearing it as another
# name by METROPOLIS_ALIAS_WEIGHT more, and its peer in a pair is read as a city
METROPOLIS = 1_000_000
METROPOLIS_ALIAS_WEIGHT = 3.0
# A national capital under its own name: news names capitals for their governments
# ("talks between Washington and Moscow") more often than their size alone suggests
CAPITAL_WEIGHT = 0.5
RESIDENTS_WEIGHT = 2.5  # 'a Georgia man': a province's, not the country's (see _evidence)
POLITY_CUE_WEIGHT = 1.0  # 'the X government': a country or province over a town
REGION_FOCUS_WEIGHT = 2.0  # the admin-1 region most of the text's other places are in
# The kind of place a name's syntax asks for: that of the names listed with it ("Colorado,
# Georgia and Ohio"), or the province of the town the text puts in it ("Buffalo, New York").
KIND_WEIGHT = 2.0
# A dateline with no province or country after it ("WASHINGTON —"), or a body's base ("a
# Washington-based firm"), that bears a national capital's name is the capital, not the
# namesake the rest of the text is near (a big town's name is not enough: local papers date
# their own town's news "COLUMBUS --")
DATELINE_WEIGHT = 1.5
PHONE_WEIGHT = 2.0  # a town a phone number of its province follows ("Ozark at 417-…")
# A town in a county the text names, or a county holding a town it names ("Paris … Henry
# County": Paris, Tennessee, and Henry County, Tennessee)
COUNTY_WEIGHT = 2.0
NEAR_KM = 300.0
TOWN_CONTAINER_KM = 50.0  # how far from a town's point a place the text puts in it can lie
CONTAINER_WEIGHT = 3.0  # a candidate in the place the text puts the name in ("X, Mali")
STATED_WEIGHT = 2.0  # more when that is a country or province right after it ("X, Texas")
NAMESAKE_TOWN = 15_000  # people in a town a province is named after (see _named_after_town)
AMBIGUOUS_VOTE = 0.5  # the weight of an ambiguous name's first guess in region focus
# A name's vote in region focus counts each of its mentions up to this many: the province a
# text keeps coming back to is the one it is about ("Indiana … Indiana … Ohio and Kentucky")
REGION_REPEATS = 3


@dataclass(init=False)
class Placement:
    """Where a mention was placed, with what confidence, and why (its ``__init__`` written
    out to be compiled, as :class:`geo.recognise.Mention`'s is)."""

    row: int | None  # gazetteer row, or None for an approximate placement
    lat: float
    lon: float
    confidence: float
    placed_by: str
    candidates: list[dict]  # runner-ups: place_id, name, score
    approx_of: int | None = None  # gazetteer row of the container, for approximate ones

    def __init__(self, row: int | None, lat: float, lon: float, confidence: float,
                 placed_by: str, candidates: list[dict], approx_of: int | None = None) -> None:
        self.row, self.lat, self.lon, self.confidence = row, lat, lon, confidence
        self.placed_by, self.candidates, self.approx_of = placed_by, candidates, approx_of


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km (vectorised over NumPy arrays)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _prior(gaz: Gazetteer, rows: np.ndarray) -> list[float]:
    """Prior of each row: by its feature (a province's by its country's, see
    :func:`_province_priors`), or else by its population (an unknown one, 0, as
    UNKNOWN_POPULATION)."""
    population = gaz.population[rows].astype(float)
    population[population == 0] = UNKNOWN_POPULATION
    by_population = (0.5 * np.log10(population + 1)).tolist()
    provinces = _province_priors(gaz)
    return [provinces.get(str(gaz.country_code[r]), FEATURE_PRIOR["admin1"]) if f == "admin1"
            else FEATURE_PRIOR.get(f, p)
            for r, f, p in zip(rows.tolist(), gaz.feature[rows].tolist(), by_population)]


@functools.cache
def _province_priors(gaz: Gazetteer) -> dict[str, float]:
    """The prior of each country's provinces: that of a town as big as its average province
    (its people shared among its admin-1 units), at most FEATURE_PRIOR's. A parish of Bermuda
    (64,000 people, 11 parishes) is no match for Southampton or Hamilton, Ontario, as a state
    of the US or a province of Canada is for most towns."""
    countries = np.flatnonzero(gaz.feature == "country")
    people = {str(gaz.country_code[r]): float(gaz.population[r]) for r in countries}
    codes, counts = np.unique(gaz.country_code[gaz.feature == "admin1"], return_counts=True)
    return {str(cc): min(FEATURE_PRIOR["admin1"], 0.5 * math.log10(people[str(cc)] / n + 1))
            for cc, n in zip(codes, counts) if people.get(str(cc))}


def focus(
    gaz: Gazetteer, mentions: list[Mention], cands: list[_Candidates] | None = None,
    areas: Sequence[tuple[str, str]] = (),
) -> dict[str, float]:
    """Share of the document's place evidence in each country (its focus): a vote for each
    name's likeliest country, and one for the country of each phone area (``areas``)."""
    if cands is None:
        cands = [_candidates(gaz, m) for m in mentions]
    return _shares(_focus_votes(mentions, cands, areas))


def _focus_votes(mentions: list[Mention], cands: list[_Candidates],
                 areas: Sequence[tuple[str, str]]) -> Votes:
    """The votes :func:`focus` shares out: each name's, once, and each phone area's."""
    votes: Votes = dict.fromkeys([cc for cc, _ in areas], 1.0)
    seen: set[str] = set()
    first = {m.key: i for i, m in reversed(list(enumerate(mentions))) if len(m.candidates)}
    for m, c in zip(mentions, cands):  # a name repeated fourteen times is one piece of evidence
        if not len(m.candidates) or m.key in seen or m.fuzzy < 1:
            continue  # (nor is a misspelling evidence: it is judged by the others)
        seen.add(m.key)
        code = c.best_code
        if m.inside and m.near in first:  # "Paris, Texas" votes for the US
            held = cands[first[m.near]]
            row = _holder(c, held)
            code = held.codes[held.rows.index(row)] if row is not None else ""
            # and "Hernandez, Texas", no Hernández being in Texas, for nothing
        if code:
            votes[code] = votes.get(code, 0.0) + _focus_weight(c)
    return votes


def _focus_weight(c: _Candidates) -> float:
    """A name's vote: whole if all its candidates are in one country, else 0.3."""
    return 1.0 if c.n_codes == 1 else 0.3


def _shares(votes: Votes) -> dict[str, float]:
    total = sum(votes.values()) or 1.0
    return {k: v / total for k, v in votes.items() if v > 1e-9}


def _tally(items: Iterable[T]) -> dict[T, int]:
    """How many times each item comes (``Counter``'s count, without its Python-level calls)."""
    out: dict[T, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out


def _focus_of_others(votes: Votes, c: _Candidates) -> dict[str, float]:
    """The focus without a name's own vote, for a name that is a country's and a province's
    of another country ("Georgia"): its first guess, the country, must not decide for it."""
    own, weight = c.best_code, _focus_weight(c)
    return _shares({k: left for k, v in votes.items()
                    if (left := v - weight if k == own else v) > 0})


def _unmarked(name: str) -> str:
    """A name folded, without the apostrophes that transliterate a soft sign, an ayn or a
    hamza: Natural Earth's "L'viv" oblast and GeoNames' "Lviv" city share one name."""
    return fold(name).replace("'", "")


_TOWN_WORDS = frozenset("city town metropolis municipality".split())  # "Davao City"


def _namesake_towns(gaz: Gazetteer, region: int, towns: list[int], key: str) -> list[int]:
    """The towns a province shares its name with, inside or near it (Ségou, Leeds), unlike
    Delaware, whose namesake town is in Ohio, or Wales, whose namesake is a Yorkshire
    village: a province is named after a town of 15,000 people or more.

    ``towns`` are found under the name ``key``: a province whose own name it is shares it
    with each of them, whatever the town's main name now is (Chittagong division, Chattogram
    city) -- but not with a town named the province's name and words more (New York City,
    Enfield Town, Santa Fe de Antioquia), nor the other way round unless the word is the
    town's kind (Rio Grande do Sul, whose town Rio Grande was once called so too, but Davao
    City is Davao): those words set one apart from the other. So they do where the town is
    also called by the province's name: "Quebec" alone is the province, the town being
    "Quebec City" too.
    """
    name = _unmarked(str(gaz.name[region]))
    own = name == _unmarked(key)
    called_city = set(gaz.lookup(f"{key} city").tolist())
    same = [t for t in towns if (_unmarked(str(gaz.name[t])) == name or own and not (
        f" {key} " in f" {(town := fold(str(gaz.name[t])))} " and town != key
        or key.startswith(town + " ") and key.rsplit(" ", 1)[1] not in _TOWN_WORDS))
            and gaz.country_code[t] == gaz.country_code[region]
            and gaz.population[t] >= NAMESAKE_TOWN and t not in called_city]
    if not same:
        return []
    d = haversine_km(gaz.lat[region], gaz.lon[region], gaz.lat[same], gaz.lon[same])
    return [t for t, km in zip(same, d.tolist())
            if gaz.admin1[t] == gaz.admin1[region] or km < NEAR_KM]


@dataclass(frozen=True, eq=False)
class _Candidates:
    """What scoring needs of one name's candidates that no document changes.

    The same names ("Washington", "Paris") come back in document after document, so these
    are computed once per name (:func:`_candidates`) instead of once per mention. The
    per-candidate facts are Python lists: scoring reads them one candidate at a time, and a
    list item is many times quicker to read than a NumPy element.
    """

    rows: list[int]  # gazetteer rows of the candidates
    rows_key: bytes  # the candidate set as a key of :attr:`_Anchors.near`
    base: list[float]  # the prior less the alternate-name penalty: where a score starts
    best: int  # row of the highest prior (first on ties)
    best_code: str  # its country code
    region_best: int  # row of the highest prior with the 'region' cue bonus
    anchor: bool  # the only candidate, or the best is a country: evidence of proximity
    features: list[str]
    codes: list[str]
    admin1: list[str]
    county: list[int]  # row of the county each candidate is in (a county's own), else -1
    counties: list[int]  # :attr:`county` of the candidates that are counties (admin2)
    town_counties: list[tuple[int, int]]  # (:attr:`county`, row) of the city and locality ones
    named: frozenset[str]  # countries that are candidates under this very name ("Mexico")
    provinces: frozenset[str]  # countries with an admin-1 region of this very name ("Florida")
    # those whose province of this name is named after its own town (Ségou; Leeds, a borough)
    town_provinces: frozenset[str]
    town_named: list[bool]  # admin-1 candidates named after a town among the candidates
    n_codes: int  # distinct non-empty country codes
    regions: frozenset[tuple[str, str]]  # :func:`_region_of` the first 200 candidates
    lat: np.ndarray
    lon: np.ndarray
    labels: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # see :func:`_label`


def _label(gaz: Gazetteer, c: _Candidates, k: int) -> tuple[str, str, str]:
    """Place id, name and country code of candidate ``k``, filled in once per name: the same
    runner-ups are listed for every mention of it."""
    label = c.labels.get(k)
    if label is None:
        r = c.rows[k]
        label = c.labels[k] = (str(gaz.place_id[r]), str(gaz.name[r]), str(gaz.country_code[r]))
    return label


def _build_candidates(gaz: Gazetteer, key: str, rows: np.ndarray) -> _Candidates:
    prior = _prior(gaz, rows)
    row_list = rows.tolist()
    features = [str(gaz.feature[r]) for r in row_list]
    codes = [str(gaz.country_code[r]) for r in row_list]
    towns = [r for r, f in zip(row_list, features) if f in ("city", "locality")]
    named: set[str] = set()
    provinces: set[str] = set()
    town_provinces: set[str] = set()
    namesakes = [_namesake_towns(gaz, r, towns, key) if f == "admin1" else []
                 for f, r in zip(features, row_list)]
    town_named = [bool(t) for t in namesakes]
    demoted, demoted_by = None, OWN_NAME_WEIGHT
    if len(rows) > 1:
        # an airport is looked up by its own word only ("Heathrow" of London Heathrow Airport)
        # and a province's namesake town by the province's name, whatever the town is called
        # now (Chittagong, Chattogram's old name, is the division's own); a region goes by the
        # English names given it, none borrowed ("the Middle East" is Western Asia's own), and
        # so does a sea ("the Pacific"), and a province by a name no town of its own bears as
        # its own ("Normandy", the English name of Lower Normandy, is no borrowing that a
        # Surrey village's own name outranks; "Latakia" is the city's, the governorate's
        # only as another name)
        namesake = {t for ts in namesakes for t in ts}
        owned = {(codes[k], gaz.admin1[r]) for k, (r, f) in enumerate(zip(row_list, features))
                 if f in ("city", "locality") and own_name(str(gaz.name[r]), key)}
        own = [f in ("airport", "region", "sea") or r in namesake
               or f == "admin1" and (cc, gaz.admin1[r]) not in owned
               or own_name(str(gaz.name[r]), key)
               for r, f, cc in zip(row_list, features, codes)]
        exact = [fold(str(gaz.name[r])) == key for r in row_list]
        named = {cc for cc, f, e in zip(codes, features, exact) if e and f == "country"}
        provinces = {cc for cc, f, e in zip(codes, features, exact) if e and f == "admin1"}
        town_provinces = {cc for cc, f, e, t in zip(codes, features, exact, town_named)
                          if e and f == "admin1" and t}
        # beside a city of 100,000 or more that bears the name as its own, a namesake town of
        # unknown size is one of the villages named after it (Xi'an's), not a town of 1,000
        # and so is one beside a province of its country by that name (the villages called
        # Xinjiang are no match for Xinjiang, whose GeoNames name has "Uygur" too)
        big = any(o and gaz.population[r] >= 100_000 for o, r in zip(own, row_list))
        held = {cc for cc, f in zip(codes, features) if f == "admin1"}
        if big or held:
            prior = [0.0 if gaz.population[r] == 0 and f in ("city", "locality")
                     and (big or cc in held) else p
                     for p, r, f, cc in zip(prior, row_list, features, codes)]
        if named:
            own = exact  # "Mexico" alone is the country, not short for Mexico City
        elif any(e and f in ("city", "locality") for e, f in zip(exact, features)):
            # "Denver" alone is Denver, not short for Denver City, Texas
            own = [o and (e or not fold(str(gaz.name[r])).endswith(" city"))
                   for o, e, r in zip(own, exact, row_list)]
        # "Minnesota" is the state's own name and only an old name of Minneota
        if any(own) and not all(own):
            demoted = [not o for o in own]
            # and "Chicago" a metropolis's own, which a village's old name is no match for
            # (Willard, Ohio, was Chicago Junction), whatever the text's region
            if any(o and f == "city" and gaz.population[r] >= METROPOLIS
                   for o, f, r in zip(own, features, row_list)):
                demoted_by = OWN_NAME_WEIGHT + METROPOLIS_ALIAS_WEIGHT
        if "sea" in features:  # "the Pacific" is the ocean, not Pacific, Missouri
            demoted = [f in ("city", "locality") for f in features]
            demoted_by = METROPOLIS_ALIAS_WEIGHT
    base = prior if demoted is None else [
        p - demoted_by if d else p for p, d in zip(prior, demoted)]
    capital = gaz.capital[rows].tolist()
    if any(capital):
        base = [b + CAPITAL_WEIGHT if cap and not (demoted and demoted[k]) else b
                for k, (b, cap) in enumerate(zip(base, capital))]
    county = gaz.county[rows].tolist()
    n = range(len(row_list))
    best = max(n, key=prior.__getitem__, default=-1)  # the first of equal maxima, as argmax
    with_cue = [p + REGION_CUE_WEIGHT if f in ("admin1", "region") else p
                for p, f in zip(prior, features)]
    region_best = max(n, key=with_cue.__getitem__, default=-1)
    return _Candidates(
        rows=row_list,
        rows_key=_rows_key(rows),
        base=base,
        best=-1 if best < 0 else row_list[best],
        best_code="" if best < 0 else codes[best],
        region_best=-1 if region_best < 0 else row_list[region_best],
        anchor=len(row_list) == 1 or (best >= 0 and features[best] == "country"),
        features=features,
        codes=codes,
        admin1=[str(gaz.admin1[r]) for r in row_list],
        county=county,
        counties=[cy for cy, f in zip(county, features) if f == "admin2"],
        town_counties=[(cy, r) for cy, f, r in zip(county, features, row_list)
                       if f in ("city", "locality")],
        named=frozenset(named),
        provinces=frozenset(provinces),
        town_provinces=frozenset(town_provinces),
        town_named=town_named,
        n_codes=len(set(codes) - {""}),
        regions=frozenset(region for r in row_list[:200] if (region := _region_of(gaz, r))),
        lat=gaz.lat[rows],
        lon=gaz.lon[rows],
    )


@functools.cache
def _candidate_cache(gaz: Gazetteer) -> dict[tuple[str, np.dtype, bytes], _Candidates]:
    return {}


def _candidates(gaz: Gazetteer, m: Mention) -> _Candidates:
    """The :class:`_Candidates` of a mention's name, cached per gazetteer."""
    rows = m.candidates
    key = (m.key, rows.dtype, rows.tobytes())  # the dtype, not its .str: quicker to make
    cache = _candidate_cache(gaz)
    c = cache.get(key)
    if c is None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        c = cache[key] = _build_candidates(gaz, m.key, rows)
    return c


_CACHE_LIMIT = 100_000


def _evidence(
    gaz: Gazetteer, m: Mention, c: _Candidates, ks: Iterable[int], focus_cc: dict[str, float],
    container: int | None, focus_a1: dict[tuple[str, str], float] | None,
    why: list[str] | None = None, kind: tuple[str, str, str] | None = None,
    counties: _Counties | None = None,
) -> list[float]:
    """Scores of candidates ``ks`` from where they start (:attr:`_Candidates.base`).

    Terms are added one by one in a fixed order (the totals are the same to the last bit
    whoever computes them); the reasons are written to ``why`` only when asked, which is
    for the winner alone (``ks`` is then that one candidate). One call scores all the
    candidates of a mention, so what depends only on the mention and the text (its cues,
    its container) is worked out once, not once per candidate.
    """
    region, city, part = ("region" in m.cues), ("city" in m.cues), ("part" in m.cues)
    polity = "polity" in m.cues
    alone = ("dateline" in m.cues or "based" in m.cues) and container is None
    # "a Georgia man", "Georgia residents": a province of another country bears the name (not
    # "Mexico residents": México is a state of Mexico itself)
    residents = "residents" in m.cues and any(cc not in c.named for cc in c.provinces)
    close = None
    if container is not None:
        in_cc, in_country = gaz.country_code[container], gaz.feature[container] == "country"
        in_a1, in_name = gaz.admin1[container], gaz.name[container]
        # "Victoria, Texas": the text says outright which country or province it is in
        stated = m.inside and (in_country or gaz.feature[container] == "admin1")
        if gaz.feature[container] in ("city", "locality"):  # "Kensington, London": in the
            # town itself, not anywhere in its province (Liverpool's Kensington is bigger)
            close = haversine_km(gaz.lat[container], gaz.lon[container], c.lat, c.lon) \
                < TOWN_CONTAINER_KM
    codes, features, admin1, base = c.codes, c.features, c.admin1, c.base  # read per candidate
    scores = []
    for k in ks:
        cc, feat, a1 = codes[k], features[k], admin1[k]
        score = base[k]
        if why is not None:
            pop = gaz.population.item(c.rows[k])  # a Python int: quicker to write out
            why.append(feat + (f", pop. {pop:,}" if pop else "")
                       + (", national capital" if gaz.capital[c.rows[k]] else "")
                       + (", at its mouth" if feat == "river" else ""))
        f = focus_cc.get(cc, 0.0)
        if f and feat != "country" and cc not in c.named:  # the focus backs Mexico itself
            score += FOCUS_WEIGHT * f
            if why is not None:
                why.append(f"in the text's focus country {cc} ({f:.0%})")
        share = focus_a1.get((cc, a1), 0.0) if focus_a1 else 0.0
        # but a province's own name is the province, not a village of that name in the region
        # the rest of the text is in ("New York City and Florida")
        # (unless the province is named after the town: Leeds is the city)
        if share and cc and not (cc in c.provinces and cc not in c.town_provinces
                                 and feat in ("city", "locality")):
            score += REGION_FOCUS_WEIGHT * share
            if why is not None:
                why.append(f"in the region ({cc}-{a1}) of {share:.0%} of the other places in "
                           "the text")  # a phone number's area counts as one (see resolve)
        if c.town_named[k] and not region:
            score -= 1.0  # "Ségou" alone is the town; "the Ségou region" is the region
        if region and feat in ("admin1", "region"):
            score += REGION_CUE_WEIGHT
            if why is not None:
                why.append("'region' cue")
        if city and feat in ("city", "locality", "airport"):  # "Heathrow airport"
            score += 1.5
            if why is not None:
                why.append("'city'/'capital' cue")
        if alone and feat == "city" and gaz.capital[c.rows[k]]:
            score += DATELINE_WEIGHT
            if why is not None:
                why.append("a dateline's city, known by itself" if "dateline" in m.cues
                           else "a body's base, known by itself")
        # "northern Mali": a part of a country, province or region; or of a big town, where
        # no country or province has the name ("north Arlington", not "central Ontario")
        if part and (feat in ("country", "admin1", "region") or feat == "city" and
                     not c.provinces and not c.named and
                     gaz.population[c.rows[k]] >= BIG_TOWN):
            score += 1.0
            if why is not None:
                why.append("'northern/southern…' cue")
        if residents and feat == "country":
            score -= RESIDENTS_WEIGHT
            if why is not None:
                why.append("'X man', 'X residents' cue: a country's people go by its demonym")
        if polity and feat in ("country", "admin1"):
            score += POLITY_CUE_WEIGHT
            if why is not None:
                why.append("'government/governor/border…' cue")
        if kind is not None and (feat == kind[0] or kind[0] == "metropolis" and feat == "city"
                                 and gaz.population[c.rows[k]] >= METROPOLIS) \
                and kind[1] in ("", cc) and kind[2] in ("", a1):
            score += KIND_WEIGHT
            if why is not None:
                why.append(f"the kind of place ({feat}) the text's syntax asks for")
        if container is not None and c.rows[k] != container and (
            close[k] if close is not None else cc and cc == in_cc and (in_country or in_a1 == a1)
        ):
            score += CONTAINER_WEIGHT + (STATED_WEIGHT if stated else 0.0)
            if why is not None:
                why.append(f"text places it in {in_name}")
        if m.area is not None and m.area == (cc, a1) and feat in ("city", "locality", "airport"):
            score += PHONE_WEIGHT
            if why is not None:
                why.append(f"the phone number after it is {cc}-{a1}'s")
        if counties is not None and (county := c.county[k]) >= 0:
            if feat == "admin2":
                towns = counties.towns.get(county, {})
                town = next((r for key, r in towns.items()
                             if key not in (m.key, _twin(m.key, "county"))), None)
                if town is not None:
                    score += COUNTY_WEIGHT
                    if why is not None:
                        why.append(f"holds {gaz.name[town]}, which the text names")
            elif feat in ("city", "locality") and \
                    counties.named.get(county, {m.key}) - {m.key, _twin(m.key, "county")}:
                score += COUNTY_WEIGHT
                if why is not None:
                    why.append(f"in {gaz.name[county]}, which the text names")
        scores.append(score)
    return scores


@dataclass(frozen=True)
class _Counties:
    """The counties a text's names may mean, and the towns its names may be in each."""

    named: dict[int, set[str]]  # county row -> keys of the names that may mean it
    towns: dict[int, dict[str, int]]  # county row -> {key: row} of names that may be a town in it


def _counties(mentions: list[Mention], cands: list[_Candidates]) -> _Counties | None:
    """What :func:`_evidence` needs to link towns and counties, or None when the text names
    no county (most texts): then there is nothing to link."""
    names = {m.key: c for m, c in zip(mentions, cands)}
    named: dict[int, set[str]] = {}
    for key, c in names.items():
        for county in c.counties:
            named.setdefault(county, set()).add(key)
    if not named:
        return None
    towns: dict[int, dict[str, int]] = {}
    for key, c in names.items():
        for county, row in c.town_counties:
            if county in named:
                towns.setdefault(county, {}).setdefault(key, row)
    return _Counties(named, towns)


@dataclass(frozen=True)
class _Anchors:
    """The distinct unambiguous or country places of a text, proximity evidence for others."""

    rows: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    # per candidate set (:func:`_rows_key`): the distance from each candidate to the nearest
    # anchor that is not one of them, or None when there is none (see :func:`_fill_near`)
    near: dict[bytes, np.ndarray | None] = field(default_factory=dict)


def _rows_key(rows: np.ndarray) -> bytes:
    """A candidate set as a dict key (whatever the integer type of its rows)."""
    return rows.astype(np.int64, copy=False).tobytes()


def _fill_near(anchors: _Anchors, sets: list[tuple[bytes, list[int], np.ndarray, np.ndarray]]
               ) -> None:
    """Fill in :attr:`_Anchors.near` for several candidate sets (key, rows, lat, lon) at once.

    A text has a dozen ambiguous names of a few candidates each: NumPy's overhead per call,
    not the arithmetic, was the cost of measuring them one by one. So all the distances are
    taken in one :func:`haversine_km` (the same element-wise arithmetic, so the same bits),
    and an anchor that is one of a set's own candidates is struck out for that set.
    """
    todo: dict[bytes, tuple[list[int], np.ndarray, np.ndarray]] = {}
    for key, rows, lat, lon in sets:
        if key in anchors.near or key in todo:
            continue
        if not len(anchors.rows) or len(rows) < 2:
            anchors.near[key] = None
        else:
            todo[key] = (rows, lat, lon)
    if not todo:
        return
    lat = np.concatenate([lat for _, lat, _ in todo.values()])
    lon = np.concatenate([lon for _, _, lon in todo.values()])
    km = haversine_km(lat[:, None], lon[:, None], anchors.lat[None, :], anchors.lon[None, :])
    column = {r: j for j, r in enumerate(anchors.rows.tolist())}
    spans = []
    start = 0
    for rows, _, _ in todo.values():
        end = start + len(rows)
        own = [column[r] for r in column.keys() & rows]  # anchors among its own candidates
        if own:
            km[start:end, own] = np.inf
        spans.append((start, end, len(own) == len(column)))
        start = end
    nearest = km.min(axis=1)
    for key, (start, end, none_left) in zip(todo, spans):
        anchors.near[key] = None if none_left else nearest[start:end]


def resolve(gaz: Gazetteer, mentions: list[Mention], areas: Sequence[tuple[str, str]] = ()
            ) -> list[Placement | None]:
    """Place every mention (None when nothing in or around the text can place it).

    ``areas``: the (country, admin-1 code) of the text's phone numbers
    (:func:`geo.recognise.phone_areas`), evidence of its country and region like a name.
    """
    cands = [_candidates(gaz, m) for m in mentions]
    country_votes = _focus_votes(mentions, cands, areas)
    focus_cc = _shares(country_votes)
    by_others = {m.key: _focus_of_others(country_votes, c) for m, c in zip(mentions, cands)
                 if c.named and not c.provinces <= c.named and m.fuzzy == 1}
    # first pass: unambiguous and high-prior mentions anchor the proximity evidence
    rows = np.array(sorted({c.best for c in cands if c.anchor}), dtype=np.int64)
    anchors = _Anchors(rows, gaz.lat[rows], gaz.lon[rows])
    _fill_near(anchors, [(c.rows_key, c.rows, c.lat, c.lon) for c in cands])
    containers = _containers(mentions, cands)
    counties = _counties(mentions, cands)
    keys = [_choice_key(m, c, container) for m, c, container in zip(mentions, cands, containers)]
    first: dict[tuple, _Ranking | None] = {}  # None: a name with no candidates
    for m, c, container, key in zip(mentions, cands, containers, keys):
        if key not in first:
            first[key] = _rank(gaz, m, c, by_others.get(m.key, focus_cc), container, anchors,
                               counties=counties) \
                if c.rows else None
    placed = [None if (r := first[key]) is None else r.row for key in keys]
    # second pass: ambiguous towns and counties lean to the region the rest of the text is in,
    # and a listed name to the kind of place the names listed with it are
    regions = _regions_by_name(gaz, mentions, placed, cands)
    votes: dict[tuple[str, str], float] = {}  # a dict, not a Counter: its misses run as Python
    for region, weight in regions.values():
        votes[region] = votes.get(region, 0.0) + weight
    for cc, a1 in areas:
        if a1:
            votes[(cc, a1)] = votes.get((cc, a1), 0.0) + 1.0
    kinds = _list_kinds(gaz, mentions, placed)
    held = _holding(gaz, mentions, placed)
    pairs = _pair_kinds(gaz, mentions, placed)
    # one sense per text: what the syntax says one mention of a name is, it says of all
    sense: dict[str, tuple[str, str, str]] = {}
    for idx, m in enumerate(mentions):
        if (k := kinds.get(idx) or held.get(idx) or pairs.get(idx)) is not None:
            sense.setdefault(m.key, k)
        elif not m.cues.isdisjoint(("polity", "region")) and (row := placed[idx]) is not None \
                and gaz.feature[row] in ("country", "admin1"):  # "the Quebec government",
            # "the province of Ontario"
            sense.setdefault(m.key, (str(gaz.feature[row]), str(gaz.country_code[row]),
                                     str(gaz.admin1[row])))
    redone: dict[tuple, Placement] = {}
    second: dict[int, Placement] = {}
    shares: dict[tuple | None, dict[tuple[str, str], float]] = {}
    for idx, m in enumerate(mentions):
        if len(m.candidates) < 2 or placed[idx] is None:
            continue
        # the regions of the other names: not its own, nor that of its own name with "City"
        # ("Dublin … Dublin City Council": one place's two names are no two pieces of
        # evidence); the same for all names in one region
        own = (regions.get(m.key), regions.get(_twin(m.key, "city")))
        if own not in shares:
            left = dict(votes)
            for vote in own:
                if vote is not None:
                    left[vote[0]] -= vote[1]
            others = sum(left.values())
            shares[own] = {k: v / others for k, v in left.items() if v > 1e-9} \
                if others > 1e-9 else {}
        focus_a1 = shares[own]
        kind = kinds.get(idx) or held.get(idx) or pairs.get(idx) or sense.get(m.key)
        if cands[idx].regions.isdisjoint(focus_a1) and kind is None:
            continue  # nothing in the rest of the text bears on it: the first choice stands
        key = (*keys[idx], kind)
        if key not in redone:
            redone[key] = _choose(gaz, m, cands[idx], by_others.get(m.key, focus_cc),
                                  containers[idx], anchors,
                                  focus_a1 or None, kind, counties)
        second[idx] = redone[key]
    # the first choices that stand, explained once per key
    explained: dict[tuple, Placement | None] = {}
    out: list[Placement | None] = []
    for idx, key in enumerate(keys):
        if idx in second:
            out.append(second[idx])
            continue
        if key not in explained:
            r = first[key]
            explained[key] = _approximate(gaz, mentions[idx], containers[idx]) if r is None \
                else _explain(gaz, r)
        out.append(explained[key])
    _outside_their_container(gaz, mentions, cands, containers, focus_cc, out)
    _suburbs_far_from_their_city(gaz, mentions, cands, out)
    said = _said_to_be_places(mentions)
    _unsupported_small_towns(gaz, mentions, out, areas, said)
    _borrowed_names_abroad(gaz, mentions, cands, out, country_votes, said)
    # a misspelling is read as a place only in a country the rest of the text is about:
    # "Greenlane" in an Auckland story is no misspelt Greenland; a country's name with one
    # letter wrong may be misspelt anywhere ("Mauritious")
    for idx, (m, p) in enumerate(zip(mentions, out, strict=True)):
        if m.fuzzy < 1 and p is not None and p.row is not None and focus_cc and \
                not (gaz.feature[p.row] == "country" and m.fuzzy >= 0.9) and \
                not focus_cc.get(str(gaz.country_code[p.row])):
            # … and where the text puts it somewhere ("in Greenlane, Auckland"), a place the
            # gazetteer lacks, approximately there
            out[idx] = _approximate(gaz, m, containers[idx]) if "located" in m.cues else None
    _at_their_containers_placing(gaz, mentions, out)
    _natural_places_by_the_texts_places(gaz, mentions, out)
    return out


def _at_their_containers_placing(gaz: Gazetteer, mentions: list[Mention],
                                 out: list[Placement | None]) -> None:
    """A name the gazetteer lacks, placed approximately at the place the text puts it in, goes
    where that place was placed in the end, not where its name most often is: "the River Tay
    near Perth, Scotland" is by Scotland's Perth, not Australia's."""
    todo = [idx for idx, (m, p) in enumerate(zip(mentions, out, strict=True))
            if p is not None and p.row is None and not len(m.candidates) and m.near is not None]
    if not todo:  # (most texts)
        return
    placed: dict[str, int] = {}
    for m, p in zip(mentions, out, strict=True):
        if p is not None and p.row is not None:
            placed.setdefault(m.key, p.row)
    for idx in todo:
        m = mentions[idx]
        if m.near is not None and (row := placed.get(m.near)) is not None and \
                (p := out[idx]) is not None and row != p.approx_of:
            out[idx] = _approximate(gaz, m, row)


# The places a river, lake or mountain the gazetteer lacks may be put by: a town, a county or
# a province
_BESIDE = ("city", "locality", "admin2", "admin1")
_KIND_NAMED = {"city": "town", "locality": "town", "admin2": "county", "admin1": "province"}


def _natural_places_by_the_texts_places(gaz: Gazetteer, mentions: list[Mention],
                                        out: list[Placement | None]) -> None:
    """A river, lake, bay, island or mountain the gazetteer lacks, or whose namesakes in it
    are far from everything else the text names ("the Catawba River", "the Red River" in a
    story from Fargo), is placed approximately by the text's own town or county: the one it
    names most (once more if in the same sentence), else the nearest; failing those, by its
    province. Named after a country, province or big town ("Delaware Bay"), it is placed by
    that one. Where the text names only countries, it is not placed: a country's middle says
    nothing of where its river is."""
    todo = []
    for idx, (m, p) in enumerate(zip(mentions, out, strict=True)):
        if "natural" not in m.cues:
            continue
        if p is None:
            todo.append(idx)
        elif p.row is not None and "named_after" in m.cues:  # "Delaware Bay", "Boston
            # Harbor": by the place it is named after (its candidates), where that is one here
            out[idx] = _approximate(gaz, m, p.row, how="whose name it bears")
    if not todo:
        return
    by = [(m.sentence, m.start, p.row) for m, p in zip(mentions, out, strict=True)
          if p is not None and p.row is not None and m.role == "place"
          and gaz.feature[p.row] in _BESIDE]
    times = _tally(row for _, _, row in by)
    for idx in todo:
        m = mentions[idx]
        near = min(by, default=None,
                   key=lambda b: (gaz.feature[b[2]] == "admin1",
                                  -times[b[2]] - (b[0] == m.sentence), abs(b[1] - m.start)))
        if near is not None:
            kind = _KIND_NAMED[str(gaz.feature[near[2]])]
            out[idx] = _approximate(gaz, m, near[2], "none of its namesakes in the gazetteer "
                                    "is near the text's other places" if len(m.candidates)
                                    else "not in the gazetteer",
                                    how=f"the {kind} the text names most"
                                    if times[near[2]] > 1 else f"the {kind} the text names")


def _outside_their_container(
    gaz: Gazetteer, mentions: list[Mention], cands: list[_Candidates],
    containers: list[int | None], focus_cc: dict[str, float], out: list[Placement | None],
) -> None:
    """A town the text puts in a province or country that none of its namesakes lies in
    ("Holliday, Missouri", where the gazetteer's only Holliday is in Texas) is a place the
    gazetteer lacks: it is placed approximately at the province, like a name missing from the
    gazetteer, not at a namesake the text rules out.

    Only where the text puts it there in so many words (", " or " in ", next to it: "Stroud,
    Ontario, Canada" too; or a possessive before a region: "Western Australia's Kimberley
    region", whose only namesakes are in South Africa, Canada and England), the holder is a
    place (not "Lund, Dutch") in a country the text is about (a comma also stands between a
    surname and a given name: "McArthur, Chad"), and the namesake chosen is a town over 161
    km from the holder's point (a historic province has a code of its own: "El Fasher,
    Darfur").
    """
    for idx, (m, p, container) in enumerate(zip(mentions, out, containers, strict=True)):
        if p is None or p.row is None or container is None or not m.inside:
            continue
        # the holder is named right after ("Holliday, Missouri") or before ("Western
        # Australia's Kimberley region")
        holder = next((mentions[k] for k in (idx + 1, idx - 1) if 0 <= k < len(mentions)
                       and mentions[k].key == m.near), None)
        if holder is None:
            continue
        c = cands[idx]
        in_cc, in_a1 = str(gaz.country_code[container]), str(gaz.admin1[container])
        whole = gaz.feature[container] == "country"
        if (
            holder.role != "place"
            or gaz.feature[container] not in ("admin1", "country")
            or focus_cc.get(in_cc, 0.0) < 0.3
            or gaz.feature[p.row] in ("country", "admin1", "region")
            or gaz.feature[p.row] in ("river", "landmark") and not gaz.country_code[p.row]
            # (a river through many countries: "the Euphrates river in Iraq")
            or any(cc == in_cc and (whole or a1 == in_a1) for cc, a1 in zip(c.codes, c.admin1))
            or haversine_km(gaz.lat[p.row], gaz.lon[p.row], gaz.lat[container],
                            gaz.lon[container]) < 161
        ):
            continue
        out[idx] = _approximate(gaz, m, container, f"no {gaz.name[p.row]} in the gazetteer "
                                                    f"is in {gaz.name[container]}")


def _suburbs_far_from_their_city(gaz: Gazetteer, mentions: list[Mention],
                                 cands: list[_Candidates], out: list[Placement | None]) -> None:
    """A town the text calls a suburb of a city it names ("the Cincinnati suburb of West
    Chester"), or puts " in " a city of 100,000 ("Hampton Park in Charleston"), that has no
    namesake within 161 km of that city is a place the gazetteer lacks (West Chester
    Township, Ohio: the gazetteer's West Chester is in Pennsylvania; its only Hampton Park
    is in Melbourne); it is placed approximately at the city. So is a name the text calls a
    station or square in a city ("Victoria station in London": not Victoria, Hong Kong, nor
    the state of Victoria, though a big town or a province). So is a town the text puts
    near a city ("Mati, east of Athens", "Mati, near Athens") that has no namesake in the
    city's country (the gazetteer's Matis are in Italy and the Philippines): how near, the
    text may not say ("Gao, north-east of Bamako", 950 km), but not in another country. And
    so is a land the text puts in a town ("Victoria Island, Lagos") far from the gazetteer's
    only land of the name (Canada's Arctic island)."""
    placed = {m.key: p.row for m, p in zip(mentions, out, strict=True)
              if p is not None and p.row is not None and m.role == "place"}
    for idx, (m, p) in enumerate(zip(mentions, out, strict=True)):
        city = placed.get(m.near) if m.near is not None else None
        within = "within" in m.cues and not m.suburb
        if city is not None and within and (gaz.population[city] < BIG_TOWN or (
                p is not None and p.row is not None and gaz.population[p.row] >= BIG_TOWN)):
            continue  # nor is a big town "in" a city a part of it: "officials from Beijing
            # in Macau" came from the one to the other
        if city is None or p is None or p.row is None or \
                gaz.feature[city] not in ("city", "locality"):
            continue
        # a land's name the text puts at a town by a comma ("Victoria Island, Lagos") is a
        # part of that town when the gazetteer's only land of the name (Natural Earth's, in
        # no one country) is far from it: Canada's Arctic Victoria Island. Not by "in": "a
        # conference on the Sahel in New York" is about the Sahel
        land = gaz.feature[p.row] == "region" and not gaz.country_code[p.row] and m.inside \
            and not within
        # nor is a part of a town a province that does not hold it: "Victoria station in
        # London" (the state of Victoria); "Alvin, Texas, a Houston suburb" holds Houston
        province = m.suburb and gaz.feature[p.row] != "country" and (
            gaz.country_code[p.row], gaz.admin1[p.row]) != (gaz.country_code[city],
                                                            gaz.admin1[city])
        if gaz.feature[p.row] not in ("city", "locality") and not land and not province:
            continue
        c = cands[idx]
        if m.suburb or within or land:
            far = bool((haversine_km(c.lat, c.lon, gaz.lat[city], gaz.lon[city]) >= 161).all())
        else:  # near it, or in it by a comma ("Hampton Park, Charleston": not this rule)
            far = not m.inside and str(gaz.country_code[city]) not in c.codes
        if far:
            out[idx] = _approximate(gaz, m, city, f"no {gaz.name[p.row]} in the gazetteer "
                                                  f"is near {gaz.name[city]}")


def _borrowed_names_abroad(gaz: Gazetteer, mentions: list[Mention], cands: list[_Candidates],
                           out: list[Placement | None], votes: Votes, said: set[str]
                           ) -> None:
    """A name that is only another name of a town (under a million people) in a country the
    rest of the text never names, with no word around it that says it is a place, is no
    place: "Molotov cocktails" are no Perm's (Molotov in Soviet times), "the Vistula river"
    no Toledo, Ohio's, "St Ivo School" no Iwo's in Nigeria. A word that says it is a place
    keeps it ("jets bombed Hodeida", GeoNames' Al Ḩudaydah), and so does a spelling of the
    town's own name ("Lugansk", "Kismayu"), a country's other name ("Burma") and a great
    city's ("Bombay") anywhere."""
    for idx, (m, c, p) in enumerate(zip(mentions, cands, out, strict=True)):
        if p is None or p.row is None or m.role == "adjective" or m.key in said or \
                gaz.feature[p.row] not in ("city", "locality") or \
                gaz.population[p.row] >= 1_000_000 or own_name(str(gaz.name[p.row]), m.key) \
                or fuzz.ratio(m.key, fold(str(gaz.name[p.row]))) >= 80:
            continue
        others = _focus_of_others(votes, c)
        if others and others.get(str(gaz.country_code[p.row]), 0.0) == 0.0:
            out[idx] = None


# What makes a town's name a place by itself, without support from the rest of the text.
BIG_TOWN = 100_000
_NATURAL_FEATURES = ("river", "landmark", "lake", "sea")  # no town, province or country
REACH_KM = 3_500.0  # how far from a river's mouth (up its course) or a cape the text's places lie
_SUPPORTING_CUES = ("locative", "dateline", "city", "region", "polity", "defined")
_TOWN_CUES = tuple(c for c in _SUPPORTING_CUES if c != "locative")


def _said_to_be_places(mentions: list[Mention]) -> set[str]:
    """The names that a word around any one of their mentions says are places, for all of
    them ("in Ozark … Ozark police"): a supporting cue, or a list, pair or holder the mention
    is in. Around a body's name, "in", "from" and the list it is in speak for the body:
    "officers from Thames Valley Police and Greater Manchester Police" say nothing of New
    Zealand's Thames; "the Paris City Council" still says Paris is a town."""
    return {m.key for m in mentions
            if m.role != "in_name" and (not m.cues.isdisjoint(_SUPPORTING_CUES)
                                        or m.listed is not None or m.paired is not None
                                        or m.near is not None)
            or m.role == "in_name" and not m.cues.isdisjoint(_TOWN_CUES)}


def _unsupported_small_towns(gaz: Gazetteer, mentions: list[Mention],
                             out: list[Placement | None], areas: Sequence[tuple[str, str]],
                             said: set[str]) -> None:
    """A small town (under BIG_TOWN people) that nothing in the text supports is no place:
    the text names other places but none in its country (nor is a phone number's area
    there), and no word says it is a place ("in", "the town of", a dateline), nor does a
    list it is in or a place the text puts it in. Such a word is a person, a brand or a
    virus named after a town ("Marburg virus", "Titan", "Middleton said"); inside a longer
    name, a word of it ("the Federal Police" in a Brazilian story: Federal, Argentina). A text that
    names one town alone is a local story about it, and keeps it.

    Stricter for a village (a locality) where the text names three places or more: a word
    that says it is a place does not save it ("in Normandy" in a French story); for a town
    in a body's name, another place of the text must be in its very province ("the Mayo
    Clinic"); and for a province in a body's name, in its country, whatever words stand
    around it ("at St. Elizabeth Hospital in Edgewood"). A river or a landmark, likewise,
    needs another place of the text in its country or up its course. ``said``: the names a
    word says are places (:func:`_said_to_be_places`)."""
    support: dict[str, set[str]] = {}  # name -> the countries its mentions were placed in
    rows: dict[str, set[int]] = {}  # and where
    for m, p in zip(mentions, out, strict=True):
        if p is not None and p.row is not None:
            support.setdefault(m.key, set()).add(str(gaz.country_code[p.row]))
            rows.setdefault(m.key, set()).add(p.row)
    places = {m.key for m, p in zip(mentions, out, strict=True)
              if p is not None and m.role == "place"}
    phoned = {cc for cc, _ in areas}

    def settled_elsewhere(key: str) -> bool:
        """Whether the text names a town, province or country other than ``key``."""
        return any(k != key and any(gaz.feature[r] not in _NATURAL_FEATURES for r in rs)
                   for k, rs in rows.items())

    def elsewhere_in(cc: str, key: str) -> bool:
        """Whether a phone number's area or another name of the text is in country cc."""
        return cc in phoned or any(cc in countries for k, countries in support.items()
                                   if k != key)

    for idx, (m, p) in enumerate(zip(mentions, out, strict=True)):
        if p is None or p.row is None or m.role == "adjective" or m.fuzzy < 1 or \
                places == {m.key}:
            continue
        cc = str(gaz.country_code[p.row])
        if m.key in LANDSCAPE_WORDS and not elsewhere_in(cc, m.key):
            out[idx] = None  # "the Gulf", "the Delta", "the Esperance Lakes", "the Farallon
            # Islands": a word of the landscape or of a longer name, not Papua New Guinea's
            # Gulf province, Nigeria's Delta state or Hong Kong's Islands district, unless the
            # text names another place in their country
            continue
        if gaz.feature[p.row] in ("river", "landmark") and \
                not (cc and elsewhere_in(cc, m.key)) and settled_elsewhere(m.key) and not any(
                haversine_km(gaz.lat[p.row], gaz.lon[p.row], gaz.lat[r], gaz.lon[r])
                < REACH_KM for key, rs in rows.items() if key != m.key for r in rs):
            out[idx] = None  # a river or a cape needs another place of the text in its
            # country or within a long river's reach: "the Red River" in a story from Fargo
            # is not Vietnam's, nor "the Thames River" in one from London, Ontario, England's,
            # nor "Cape Ann" in one from Gloucester Antarctica's (the gazetteer has the big
            # rivers and a few capes only); a text that names no town, province or country
            # keeps them ("rounded the Cape of Good Hope and Cape Horn")
            continue
        if m.role == "in_name" and gaz.feature[p.row] == "admin1":  # "at St. Elizabeth
            # Hospital in Edgewood" (Kentucky) is no Jamaican parish's: the text must name
            # another place in the province's country (the words around are the body's)
            if not elsewhere_in(cc, m.key):
                out[idx] = None
            continue
        if gaz.feature[p.row] not in ("city", "locality") or gaz.population[p.row] >= BIG_TOWN \
                or m.key in said and (gaz.feature[p.row] != "locality" or len(places) < 3):
            continue  # a word that says it is a place speaks for a town, not for a village
            # in a country the text has no other place in ("in Normandy" in a French story
            # is no Surrey hamlet's; the region is missing from the gazetteer)
        if m.role == "in_name":  # a local body's town ("the Mayo Clinic" is no Maryland
            # village's): another place of the text must be in its very province
            region = _region_of(gaz, p.row)
            if not any(_region_of(gaz, r) == region for key, rs in rows.items() if key != m.key
                       for r in rs):
                out[idx] = None
        elif not elsewhere_in(cc, m.key):
            out[idx] = None


def _twin(key: str, kind: str) -> str:
    """A name's other form with or without a kind's word: ``_twin("dekalb", "county")`` is
    "dekalb county", and ``_twin("dublin city", "city")`` is "dublin".

    A text calls one place by both ("DeKalb police" of DeKalb County, Georgia; "Madison will
    dump assessors … Madison County commissioners"; "Dublin … Dublin City Council"), so
    neither is evidence for the other: not in county links (:func:`_evidence`), nor in region
    votes (:func:`resolve`)."""
    suffix = f" {kind}"
    return key.removesuffix(suffix) if key.endswith(suffix) else key + suffix


def _choice_key(m: Mention, c: _Candidates, container: int | None) -> tuple:
    """Everything of a mention that :func:`_choose` reads: mentions with equal keys are placed
    alike, so each is scored once per text (its role, and cues that score nothing, aside)."""
    cues = m.cues
    return (m.key, c, m.fuzzy, "region" in cues, "city" in cues, "part" in cues,
            "polity" in cues, "residents" in cues, "dateline" in cues, container, m.area)


def _holding(gaz: Gazetteer, mentions: list[Mention], placed: list[int | None]
             ) -> dict[int, tuple[str, str, str]]:
    """Where the text puts a town, a county or a province's region in the next name
    ("Buffalo, New York", "Long Island, New York"), that name read as the province it is in,
    if it can be: its kind (admin1, country, province code).
    ``placed``: the row each mention was placed at in the first pass (None: not placed)."""
    out: dict[int, tuple[str, str, str]] = {}
    for idx, (m, p) in enumerate(zip(mentions[:-1], placed, strict=False)):
        if m.near == mentions[idx + 1].key and p is not None and (
                gaz.feature[p] in ("city", "locality", "admin2")
                or gaz.feature[p] == "region" and gaz.admin1[p]):  # "Long Island, New York"
            out[idx + 1] = ("admin1", str(gaz.country_code[p]), str(gaz.admin1[p]))
    return out


def _pair_kinds(gaz: Gazetteer, mentions: list[Mention], placed: list[int | None]
                ) -> dict[int, tuple[str, str, str]]:
    """In a pair "A and B" of which one was placed as a country, the other read as a country
    too, if it can be ("Egypt and Niger"); as a province, the other as a province of that
    country ("New Jersey and New York"); of which one was
    placed as a town, the other as the town's province, if it can be ("Melbourne and
    Victoria") and no town of that name is in it ("Gao and Ansongo": the Gao region's own
    town), or, beside a metropolis, as a city ("New York and London")."""
    out: dict[int, tuple[str, str, str]] = {}
    towns = ("city", "locality")
    for idx in range(len(mentions) - 1):
        if mentions[idx].paired is None or mentions[idx].paired != mentions[idx + 1].paired:
            continue  # not one pair: "Donetsk and Luhansk regions, and Kharkiv and Sumy"
        for this, other in ((idx, idx + 1), (idx + 1, idx)):
            p = placed[this]
            if p is None:
                continue
            feature, cc, a1 = gaz.feature[p], str(gaz.country_code[p]), str(gaz.admin1[p])
            if feature == "country":
                out.setdefault(other, ("country", "", ""))  # "Egypt and Niger"
            elif feature == "admin1":
                out.setdefault(other, ("admin1", cc, ""))
            elif feature in towns and not any(  # but "Gao and Ansongo" are two towns of the
                    gaz.feature[r] in towns and gaz.country_code[r] == cc and  # Gao region
                    gaz.admin1[r] == a1 for r in mentions[other].candidates):
                # a metropolis's peer is a city, where the other is no province of its
                # country: "New York and London" is no London of 1,869 in California
                city = gaz.population[p] >= METROPOLIS and not any(
                    gaz.feature[r] == "admin1" and gaz.country_code[r] == cc and
                    gaz.admin1[r] == a1 for r in mentions[other].candidates)
                # and a metropolis, where the name has one: "a trip to Paris and Rome"
                # from Tyler, Texas, is no trip to Paris, Texas
                big = city and any(gaz.feature[r] == "city" and gaz.population[r] >= METROPOLIS
                                   for r in mentions[other].candidates)
                if city and _only_a_province_in(gaz, mentions[other].candidates, cc):
                    out.setdefault(other, ("admin1", cc, ""))  # "Sydney and Victoria",
                    # "Jakarta and Bali": the state, not Hong Kong or a town in India
                else:
                    out.setdefault(other, ("metropolis", "", "") if big else ("city", "", "")
                                   if city else ("admin1", cc, a1))
    return out


def _only_a_province_in(gaz: Gazetteer, rows: np.ndarray, cc: str) -> bool:
    """Whether, of the places ``rows`` in country ``cc``, there is a province and no town."""
    here = [str(gaz.feature[r]) for r in rows if gaz.country_code[r] == cc]
    return "admin1" in here and not any(f in ("city", "locality") for f in here)


def _list_kinds(gaz: Gazetteer, mentions: list[Mention], placed: list[int | None]
                ) -> dict[int, tuple[str, str, str]]:
    """For each listed name, the kind of place most of the others in its list were placed as
    (first pass): (feature, country, '') for provinces, counties and towns, (feature, '', '')
    for countries and regions. Only where two thirds of at least two others agree."""
    lists: dict[int, list[int]] = {}
    for idx, m in enumerate(mentions):
        if m.listed is not None:
            lists.setdefault(m.listed, []).append(idx)
    out: dict[int, tuple[str, str, str]] = {}
    for members in lists.values():
        kinds = {}
        for idx in members:
            p = placed[idx]
            if p is not None:
                feat = str(gaz.feature[p])
                kinds[idx] = (feat, "" if feat in ("country", "region")
                              else str(gaz.country_code[p]), "")
        for idx in members:
            others = Counter(k for j, k in kinds.items() if j != idx)
            total = sum(others.values())
            if total >= 2:
                kind, n = others.most_common(1)[0]
                if n * 3 >= total * 2:
                    out[idx] = kind
    return out


def _region_of(gaz: Gazetteer, row: int) -> tuple[str, str] | None:
    """(country, admin-1 code) of a town, county or province: the unit of region focus."""
    if gaz.feature[row] not in ("city", "locality", "admin2", "admin1") or not gaz.admin1[row]:
        return None
    return str(gaz.country_code[row]), str(gaz.admin1[row])


def _regions_by_name(gaz: Gazetteer, mentions: list[Mention], placed: list[int | None],
                     cands: list[_Candidates]) -> dict[str, tuple[tuple[str, str], float]]:
    """The admin-1 region each placed name of the text is in, and how much its vote weighs:
    for each mention (up to REGION_REPEATS), a whole vote for a name that can mean one place
    only, or that names a province ("Indiana"); half a vote for an ambiguous town's first
    guess ("Marion", which is in Indiana as well as Ohio).

    Country focus (:func:`focus`) counts a name once: there, a repeated name would drown the
    other countries a story names; within the country, a repeated one tells which province
    the story is set in."""
    out: dict[str, tuple[tuple[str, str], float]] = {}
    times = _tally(m.key for m in mentions)
    for m, p, c in zip(mentions, placed, cands, strict=True):
        if p is None or m.key in out:
            continue
        if (r := _region_of(gaz, p)) is not None:
            sure = len(c.rows) == 1 or gaz.feature[p] == "admin1"
            out[m.key] = (r, (1.0 if sure else AMBIGUOUS_VOTE) * min(times[m.key], REGION_REPEATS))
    return out


def _containers(mentions: list[Mention], cands: list[_Candidates]) -> list[int | None]:
    """For each mention, the row of the place the text puts it in ("Kati, Mali"), if any:
    of the first mention of that name with candidates, the most likely one that holds one
    of the mention's own candidates ("Athens, Georgia": the US state, not the country), else
    its most likely candidate, read as a region after 'region'."""
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if len(m.candidates) and m.key not in first:
            first[m.key] = i
    out: list[int | None] = []
    for m, c in zip(mentions, cands, strict=True):
        at = first.get(m.near) if m.near is not None else None
        if at is None:
            out.append(None)
            continue
        held = cands[at]
        default = held.region_best if "region" in mentions[at].cues else held.best
        out.append(_holder(c, held) if c.rows else default)
        if out[-1] is None:
            out[-1] = default
    return out


def _holder(c: _Candidates, held: _Candidates) -> int | None:
    """Row of the most likely country or province among ``held`` that one of ``c``'s
    candidates lies in, if any."""
    inside = set(zip(c.codes, c.admin1)) | {(cc, "") for cc in c.codes}
    best, best_score = None, 0.0
    for k, (feat, cc, a1) in enumerate(zip(held.features, held.codes, held.admin1)):
        if feat in ("country", "admin1") and \
                (cc, a1 if feat == "admin1" else "") in inside and \
                (best is None or held.base[k] > best_score):
            best, best_score = held.rows[k], held.base[k]
    return best


@dataclass(init=False, slots=True)  # not frozen: a frozen dataclass is slow to make
class _Ranking:
    """A mention's candidates scored and ranked, with the evidence they were scored on.

    The first pass needs only the winner of each name (:attr:`row`), and the second pass
    redoes about half of the ambiguous names' first choices: so a first choice is explained
    (:func:`_explain`) only once it stands. One is made per name: its ``__init__`` is written
    out to be compiled, as :class:`geo.recognise.Mention`'s is.
    """

    m: Mention
    c: _Candidates
    score: list[float]  # empty for a single candidate: scored when explained
    order: list[int]  # candidates from best to worst
    near: list[float] | None  # :attr:`_Anchors.near` of the candidates
    focus_cc: dict[str, float]
    container: int | None
    focus_a1: dict[tuple[str, str], float] | None
    kind: tuple[str, str, str] | None
    counties: _Counties | None

    def __init__(self, m: Mention, c: _Candidates, score: list[float], order: list[int],
                 near: list[float] | None, focus_cc: dict[str, float], container: int | None,
                 focus_a1: dict[tuple[str, str], float] | None,
                 kind: tuple[str, str, str] | None, counties: _Counties | None) -> None:
        self.m, self.c, self.score, self.order, self.near = m, c, score, order, near
        self.focus_cc, self.container, self.focus_a1 = focus_cc, container, focus_a1
        self.kind, self.counties = kind, counties

    @property
    def row(self) -> int:
        """Gazetteer row of the winner."""
        return self.c.rows[self.order[0]]


def _rank(
    gaz: Gazetteer, m: Mention, c: _Candidates, focus_cc: dict[str, float],
    container: int | None, anchors: _Anchors,
    focus_a1: dict[tuple[str, str], float] | None = None,
    kind: tuple[str, str, str] | None = None, counties: _Counties | None = None,
) -> _Ranking:
    """A mention's candidates from best to worst.

    Scores are Python floats, not a NumPy array: most names have a handful of candidates,
    for which NumPy's cost per call outweighs the work. (Python and NumPy add and compare
    float64 alike; only the softmax, in :func:`_explain`, keeps ``np.exp``, whose last bit
    may differ from ``math.exp``.)
    """
    if len(c.rows) == 1:  # a third of all names: nothing to rank
        return _Ranking(m, c, [], [0], None, focus_cc, container, focus_a1, kind, counties)
    score = _evidence(gaz, m, c, range(len(c.rows)), focus_cc, container, focus_a1, None,
                      kind, counties)
    near_km = anchors.near[c.rows_key]  # filled in for every candidate set of the text
    near = None if near_km is None else near_km.tolist()  # Python floats: quicker to read
    if near is not None:
        if c.provinces:
            near = _twins_not_near(c, near)
        score = [s + 1.0 if d < NEAR_KM else s for s, d in zip(score, near)]
    order = sorted(range(len(score)), key=score.__getitem__, reverse=True)  # stable, as argsort
    return _Ranking(m, c, score, order, near, focus_cc, container, focus_a1, kind, counties)


def _twins_not_near(c: _Candidates, near: list[float]) -> list[float]:
    """Distances to the text's other places, with none for a town named like a province of
    its country ("New York", "Timbuktu", "Delaware"): inside that province, nearness cannot
    tell the town from the province, so neither gets it; elsewhere, the name is the
    province's own ("a Delaware company", not Delaware, Ohio, near the text's Louisville)."""
    own = {(cc, a1): k for k, (f, cc, a1) in enumerate(zip(c.features, c.codes, c.admin1))
           if f == "admin1" and cc in c.provinces}
    out = list(near)
    for k, (f, cc, a1) in enumerate(zip(c.features, c.codes, c.admin1)):
        if f in ("city", "locality") and cc in c.provinces:
            out[k] = math.inf
            if (province := own.get((cc, a1))) is not None:
                out[province] = math.inf
    return out


def _spelling(gaz: Gazetteer, m: Mention, best: int) -> list[str]:
    """The reason a name written otherwise than the place's is the place, if it is."""
    if m.fuzzy < 1:
        return [f"spelling close to {gaz.name[best]} ({m.fuzzy:.0%})"]
    if "transliterated" in m.cues:
        return [f"another transliteration of {gaz.name[best]}"]
    return []


def _explain(gaz: Gazetteer, r: _Ranking) -> Placement:
    """The winner of a ranking, with its confidence, the evidence for it and its runner-ups."""
    m, c, score = r.m, r.c, r.score
    top = r.order[0]
    best = c.rows[top]
    reasons: list[str] = []
    total = _evidence(gaz, m, c, [top], r.focus_cc, r.container, r.focus_a1, reasons, r.kind,
                      r.counties)[0]
    if not score:  # a single candidate: the softmax is exp(0) = 1
        reasons = _spelling(gaz, m, best) + reasons
        return Placement(best, gaz.lat.item(best), gaz.lon.item(best), round(m.fuzzy, 3),
                         f"score {total:.1f}: " + "; ".join(reasons), [])
    # the softmax of the top score, in Python floats: quicker than NumPy's for a name's few
    # candidates, and the same to the confidence's three decimals
    confidence = 1 / sum([math.exp(score[k] - score[top]) for k in r.order], 0.0) * m.fuzzy
    if r.near is not None and r.near[top] < NEAR_KM:
        reasons.append(f"near other places in the text ({r.near[top]:.0f} km)")
    reasons = _spelling(gaz, m, best) + reasons
    runner_ups = []
    for k in r.order[1:4]:
        place_id, name, country_code = _label(gaz, c, k)
        runner_ups.append({"place_id": place_id, "name": name, "country_code": country_code,
                           "score": round(score[k], 2)})
    placed_by = f"score {score[top]:.1f}: " + "; ".join(reasons)
    return Placement(
        best,
        gaz.lat.item(best),  # as a Python float, like float(gaz.lat[best]) but quicker
        gaz.lon.item(best),
        round(confidence, 3),
        placed_by,
        runner_ups,
    )


def _choose(
    gaz: Gazetteer, m: Mention, c: _Candidates, focus_cc: dict[str, float],
    container: int | None, anchors: _Anchors,
    focus_a1: dict[tuple[str, str], float] | None = None,
    kind: tuple[str, str, str] | None = None, counties: _Counties | None = None,
) -> Placement:
    """The best-scoring candidate, explained, with its runner-ups."""
    return _explain(gaz, _rank(gaz, m, c, focus_cc, container, anchors, focus_a1, kind,
                               counties))


def _approximate(gaz: Gazetteer, m: Mention, container: int | None,
                 why: str = "not in the gazetteer", how: str = "") -> Placement | None:
    """A name missing from the gazetteer, placed at the place the text puts it in: a town, at
    its point; a province or a country, at the middle of its towns (:func:`_middle_of_towns`).
    ``how``: how else it stands to that place, if the text does not put it there ("the town
    the text names most": a river by a town)."""
    if container is None:
        return None
    name = str(gaz.name[container])
    lat, lon = float(gaz.lat[container]), float(gaz.lon[container])
    where = f"{'by' if how else 'at'} {name}"
    if (feature := gaz.feature[container]) == "country" or feature == "admin1" and \
            gaz.admin1[container]:  # (a region of provinces, coded by none: at its point)
        middle = _middle_of_towns(gaz, str(gaz.country_code[container]),
                                  str(gaz.admin1[container]) if feature == "admin1" else None)
        if middle is not None:
            (lat, lon), where = middle, f"in {name} (the middle of its towns)"
    return Placement(
        None,
        lat,
        lon,
        0.3,
        f"{why}; placed approximately {where}, {how or 'where the text puts it'}",
        [],
        approx_of=container,
    )


@functools.cache
def _middle_of_towns(gaz: Gazetteer, cc: str, a1: str | None) -> tuple[float, float] | None:
    """The median latitude and longitude of the towns of a province (or of a country, with
    ``a1`` None): where a town the gazetteer lacks there most likely is. A province's or a
    country's own point is its middle or its convention (Ontario's lies 700 km north of the
    towns around Lake Ontario; Canada's is at Hudson Bay)."""
    towns = (gaz.country_code == cc) & np.isin(gaz.feature, ("city", "locality"))
    if a1 is not None:
        towns &= gaz.admin1 == a1
    if not towns.any():
        return None
    return float(np.median(gaz.lat[towns])), float(np.median(gaz.lon[towns]))


def confidence_label(confidence: float) -> str:
    """Words for a confidence value, for legends and tooltips."""
    return "high" if confidence >= 0.8 else "medium" if confidence >= 0.5 else "low"
