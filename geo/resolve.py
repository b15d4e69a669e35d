"""Disambiguation: choose, for each recognised name, the place the text means.

Every candidate gets a score that adds up readable evidence — what kind of place it is and
how big, the document's focus country, cue words ("X region", "capital X"), the place the
text puts it in ("Kati, Mali") and closeness to the other places the text mentions. The
best candidate wins; the runner-ups and the cues that decided are kept for the reader.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from .gazetteer import Gazetteer, fold, own_name
from .recognise import Mention

FEATURE_PRIOR = {"country": 5.0, "region": 4.0, "admin1": 3.0}  # others: by population
FOCUS_WEIGHT = 2.5
OWN_NAME_WEIGHT = 1.5  # a place's own name over the same string as another's alternate name
REGION_FOCUS_WEIGHT = 2.0  # the admin-1 region most of the text's other places are in
NEAR_KM = 300.0


@dataclass
class Placement:
    """Where a mention was placed, with what confidence, and why."""

    row: int | None  # gazetteer row, or None for an approximate placement
    lat: float
    lon: float
    confidence: float
    placed_by: str
    candidates: list[dict]  # runner-ups: place_id, name, score
    approx_of: int | None = None  # gazetteer row of the container, for approximate ones


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km (vectorised over NumPy arrays)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _prior(gaz: Gazetteer, rows: np.ndarray) -> np.ndarray:
    feat = gaz.feature[rows]
    pop = gaz.population[rows].astype(float)
    prior = 0.5 * np.log10(pop + 1)
    for f, v in FEATURE_PRIOR.items():
        prior = np.where(feat == f, v, prior)
    return prior


def focus(gaz: Gazetteer, mentions: list[Mention]) -> dict[str, float]:
    """Share of the document's place evidence in each country (its focus)."""
    votes: Counter[str] = Counter()
    seen: set[str] = set()
    for m in mentions:  # each name once: a name repeated fourteen times is one piece of evidence
        if not len(m.candidates) or m.key in seen:
            continue
        seen.add(m.key)
        codes = {str(gaz.country_code[c]) for c in m.candidates} - {""}
        best = m.candidates[np.argmax(_prior(gaz, m.candidates))]
        weight = 1.0 if len(codes) == 1 else 0.3
        if gaz.country_code[best]:
            votes[str(gaz.country_code[best])] += weight
    total = sum(votes.values()) or 1.0
    return {k: v / total for k, v in votes.items()}


def _named_after_town(gaz: Gazetteer, region: int, towns: list[int]) -> bool:
    """Whether a province shares its name with a town inside or near it (Ségou), unlike
    Delaware, whose namesake town is in Ohio."""
    same = [t for t in towns if gaz.name[t] == gaz.name[region]
            and gaz.country_code[t] == gaz.country_code[region]]
    if any(gaz.admin1[t] == gaz.admin1[region] for t in same):
        return True
    d = haversine_km(gaz.lat[region], gaz.lon[region], gaz.lat[same], gaz.lon[same])
    return bool((d < NEAR_KM).any())


def _score(
    gaz: Gazetteer, m: Mention, rows: np.ndarray, focus_cc: dict[str, float], container: int | None,
    focus_a1: dict[tuple[str, str], float] | None = None,
) -> tuple[np.ndarray, list[list[str]]]:
    score = _prior(gaz, rows)
    why = [
        [f"{gaz.feature[r]}" + (f", pop. {gaz.population[r]:,}" if gaz.population[r] else "")]
        for r in rows
    ]
    feat = gaz.feature[rows]
    towns = [r for r in rows if gaz.feature[r] in ("city", "locality")]
    own = np.array([own_name(str(gaz.name[r]), m.key) for r in rows]) if len(rows) > 1 else None
    named = set()  # countries that are themselves candidates under this very name ("Mexico")
    if own is not None:
        exact = np.array([fold(str(gaz.name[r])) == m.key for r in rows])
        named = {str(gaz.country_code[r]) for r in rows[exact & (feat == "country")]}
        if named:
            own = exact  # "Mexico" alone is the country, not short for Mexico City
    if own is not None and own.any() and not own.all():
        # "Minnesota" is the state's own name and only an old name of Minneota
        score[~own] -= OWN_NAME_WEIGHT
    for k, r in enumerate(rows):
        cc = str(gaz.country_code[r])
        f = focus_cc.get(cc, 0.0)
        if f and feat[k] != "country" and cc not in named:  # the focus backs Mexico itself
            score[k] += FOCUS_WEIGHT * f
            why[k].append(f"in the text's focus country {cc} ({f:.0%})")
        share = (focus_a1 or {}).get((cc, str(gaz.admin1[r])), 0.0)
        if share and cc:
            score[k] += REGION_FOCUS_WEIGHT * share
            why[k].append(f"in the region ({cc}-{gaz.admin1[r]}) of {share:.0%} of the other "
                          "places in the text")
        if feat[k] == "admin1" and "region" not in m.cues and _named_after_town(gaz, r, towns):
            score[k] -= 1.0  # "Ségou" alone is the town; "the Ségou region" is the region
        if "region" in m.cues and feat[k] in ("admin1", "region"):
            score[k] += 2.5
            why[k].append("'region' cue")
        if "city" in m.cues and feat[k] in ("city", "locality"):
            score[k] += 1.5
            why[k].append("'city'/'capital' cue")
        if "part" in m.cues and feat[k] in ("country", "admin1", "region"):
            score[k] += 1.0
            why[k].append("'northern/southern…' cue")
        if container is not None and r != container:
            inside = (cc and cc == gaz.country_code[container]) and (
                gaz.feature[container] == "country" or gaz.admin1[container] == gaz.admin1[r]
            )
            if inside:
                score[k] += 3.0
                why[k].append(f"text places it in {gaz.name[container]}")
    return score, why


def resolve(gaz: Gazetteer, mentions: list[Mention]) -> list[Placement | None]:
    """Place every mention (None when nothing in or around the text can place it)."""
    focus_cc = focus(gaz, mentions)
    by_key: dict[str, Placement | None] = {}
    out: list[Placement | None] = [None] * len(mentions)
    # first pass: unambiguous and high-prior mentions anchor the proximity evidence
    anchors = [
        m.candidates[np.argmax(_prior(gaz, m.candidates))]
        for m in mentions
        if len(m.candidates) == 1
        or (
            len(m.candidates)
            and gaz.feature[m.candidates[np.argmax(_prior(gaz, m.candidates))]] == "country"
        )
    ]
    anchors = np.array(anchors, dtype=np.int64)
    containers = [_container(gaz, m, mentions) for m in mentions]
    for idx, m in enumerate(mentions):
        container = containers[idx]
        cache_key = (m.key, m.role, tuple(sorted(m.cues)), container)
        if cache_key in by_key:
            out[idx] = by_key[cache_key]
            continue
        if not len(m.candidates):
            out[idx] = _approximate(gaz, m, container)
        else:
            out[idx] = _choose(gaz, m, m.candidates, focus_cc, container, anchors)
        by_key[cache_key] = out[idx]
    # second pass: ambiguous towns and counties lean to the region the rest of the text is in
    regions = _regions_by_name(gaz, mentions, out)
    votes = Counter(regions.values())
    redone: dict[tuple, Placement] = {}
    for idx, m in enumerate(mentions):
        if len(m.candidates) < 2 or out[idx] is None or out[idx].row is None:
            continue
        own = regions.get(m.key)
        others = len(regions) - (own is not None)
        if others <= 0:
            continue
        focus_a1 = {k: (v - (k == own)) / others for k, v in votes.items() if v - (k == own) > 0}
        if not any(_region_of(gaz, int(r)) in focus_a1 for r in m.candidates[:200]):
            continue  # no candidate in a region the text dwells on: the first choice stands
        key = (m.key, m.role, tuple(sorted(m.cues)), containers[idx])
        if key not in redone:
            redone[key] = _choose(gaz, m, m.candidates, focus_cc, containers[idx], anchors,
                                  focus_a1)
        out[idx] = redone[key]
    return out


def _region_of(gaz: Gazetteer, row: int) -> tuple[str, str] | None:
    """(country, admin-1 code) of a town, county or province: the unit of region focus."""
    if gaz.feature[row] not in ("city", "locality", "admin2", "admin1") or not gaz.admin1[row]:
        return None
    return str(gaz.country_code[row]), str(gaz.admin1[row])


def _regions_by_name(gaz: Gazetteer, mentions: list[Mention], placed: list[Placement | None]
                     ) -> dict[str, tuple[str, str]]:
    """The admin-1 region each placed name of the text is in (each name counted once)."""
    out: dict[str, tuple[str, str]] = {}
    for m, p in zip(mentions, placed, strict=True):
        if p is None or p.row is None or m.key in out:
            continue
        if (r := _region_of(gaz, p.row)) is not None:
            out[m.key] = r
    return out


def _container(gaz: Gazetteer, m: Mention, mentions: list[Mention]) -> int | None:
    if m.near is None:
        return None
    for other in mentions:
        if other.key == m.near and len(other.candidates):
            rows = other.candidates
            return int(
                rows[
                    np.argmax(
                        _prior(gaz, rows)
                        + 2.5
                        * np.isin(gaz.feature[rows], ["admin1", "region"])
                        * ("region" in other.cues)
                    )
                ]
            )
    return None


def _choose(gaz, m, rows, focus_cc, container, anchors, focus_a1=None) -> Placement:
    score, why = _score(gaz, m, rows, focus_cc, container, focus_a1)
    if len(anchors) and len(rows) > 1:
        others = anchors[~np.isin(anchors, rows)]
        if len(others):
            d = haversine_km(
                gaz.lat[rows][:, None],
                gaz.lon[rows][:, None],
                gaz.lat[others][None, :],
                gaz.lon[others][None, :],
            ).min(axis=1)
            near = d < NEAR_KM
            score += np.where(near, 1.0, 0.0)
            for k in np.flatnonzero(near):
                why[k].append(f"near other places in the text ({d[k]:.0f} km)")
    order = np.argsort(-score, kind="stable")
    best = int(rows[order[0]])
    z = np.exp(score[order] - score[order[0]])
    confidence = float(1 / z.sum()) * m.fuzzy
    reasons = why[order[0]]
    if m.fuzzy < 1:
        reasons = [f"spelling close to {gaz.name[best]} ({m.fuzzy:.0%})", *reasons]
    runner_ups = [
        {
            "place_id": str(gaz.place_id[rows[k]]),
            "name": str(gaz.name[rows[k]]),
            "country_code": str(gaz.country_code[rows[k]]),
            "score": round(float(score[k]), 2),
        }
        for k in order[1:4]
    ]
    placed_by = f"score {score[order[0]]:.1f}: " + "; ".join(reasons)
    return Placement(
        best,
        float(gaz.lat[best]),
        float(gaz.lon[best]),
        round(confidence, 3),
        placed_by,
        runner_ups,
    )


def _approximate(gaz: Gazetteer, m: Mention, container: int | None) -> Placement | None:
    """A name missing from the gazetteer, placed at the place the text puts it in."""
    if container is None:
        return None
    name = str(gaz.name[container])
    return Placement(
        None,
        float(gaz.lat[container]),
        float(gaz.lon[container]),
        0.3,
        f"not in the gazetteer; placed approximately at {name}, where the text puts it",
        [],
        approx_of=container,
    )


def confidence_label(confidence: float) -> str:
    """Words for a confidence value, for legends and tooltips."""
    return "high" if confidence >= 0.8 else "medium" if confidence >= 0.5 else "low"
