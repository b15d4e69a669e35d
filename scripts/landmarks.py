"""Capes, islands and waterfalls for ``derive_data.py``: Natural Earth's geography points.

The news names them ("a ship sank off Cape Hatteras", "bombers flew from Diego Garcia",
"tourists at Iguazu Falls"), and no other source here has them: GeoNames' towns include only
those that are towns too ("Cape Canaveral", "Victoria Falls"). Natural Earth writes many
names short or in the local language ("I. Socorro", "Cabo de Hornos"); the news writes them
in English ("Socorro Island", "Cape Horn").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.gazetteer import fold

KINDS = ("cape", "island", "island group", "waterfall", "plain")
PROMINENT_RANK = 5  # Natural Earth's scale rank of the islands a map of the world labels
# English names the news uses for points Natural Earth labels otherwise
LANDMARK_ENGLISH_NAMES = {
    "Cabo de Hornos": "Cape Horn", "Salto Angel": "Angel Falls", "Nordkapp": "North Cape",
    "Lands End": "Land's End", "Gees Gwardafuy": "Cape Guardafui", "Bikini": "Bikini Atoll",
    "I. de Pascua": "Easter Island", "Cabo Fisterra": "Cape Finisterre",
    "Cabo de São Vicentete": "Cape St. Vincent", "Nunap Isua": "Cape Farewell",
    "Cocos Is.": "Cocos Islands", "Christmas I.": "Christmas Island",
}
# Natural Earth's short forms, written out: "I. Socorro", "Norfolk I.", "Cocos Is.", "Pt. Barrow"
_FORMS = [
    (re.compile(r"^I\. (?:de |del )?(.+)$"), r"\1 Island"),
    (re.compile(r"^(.+) I\.$"), r"\1 Island"),
    (re.compile(r"^Is\. (?:de )?(.+)$"), r"\1 Islands"),
    (re.compile(r"^(.+) Is\.$"), r"\1 Islands"),
    (re.compile(r"^Îles (.+)$"), r"\1 Islands"),
    (re.compile(r"^Île (.+)$"), r"\1 Island"),
    (re.compile(r"^Pt\. (.+)$"), r"Point \1"),
]
# A name that says what the place is, which no other place's name is ("Cape Fear", "Sable
# Island"); a bare island name ("Kwajalein") names it only where it names nothing else
_KIND_WORD = re.compile(r"\b(?:Cape|Cap|Cabo|Point|Punta|Ponta|Pt|Head|Island|Islands|Atoll|"
                        r"Falls|Plain|Ras|Ra’s|Ra's)\b")


def landmark_names(label: str, kind: str, free: Callable[[str], bool],
                   bare: Callable[[str], bool], prominent: bool = True) -> list[str]:
    """A landmark's names, its display name first: Natural Earth's short forms written out,
    the English name the news uses, and an island's name with "Island" after it. Only names
    ``free`` of any other place ("Cape Verde" is the country, "Niagara Falls" the town), and
    an island's name alone only where ``bare`` allows it, and if it is one word, only for a
    ``prominent`` island ("Kwajalein"; not "Necker", a surname too)."""
    label = " ".join(label.split())
    full = label
    for rx, repl in _FORMS:
        full = rx.sub(repl, full)
    english = LANDMARK_ENGLISH_NAMES.get(label, full)
    out = [english, full, label]
    if not _KIND_WORD.search(english) and kind in ("island", "island group"):
        out = [english, f"{english} Island"]
    names = [n for n in dict.fromkeys(out) if ("." not in n or n == english)
             and not n.startswith("The ")]  # a name never starts with "the" ("The Snares")
    return [n for n in names if free(n) and (
        _KIND_WORD.search(n) or bare(n) and (prominent or " " in n))]


def landmarks(ne: Path, countries_at: Callable[[gpd.GeoSeries], pd.Series],
              free: Callable[[str], bool], bare: Callable[[str], bool]
              ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """Natural Earth's capes, islands, waterfalls and plains (its 1:10m geography points),
    each in the country its point is in (none at sea or on a border). ``free`` and ``bare``:
    see :func:`landmark_names`."""
    points = gpd.read_file(ne / "ne_10m_geography_regions_points.json")
    points = points[points["featurecla"].isin(KINDS)].reset_index(drop=True)
    codes = countries_at(points.geometry)
    rows, names, seen = [], [], set()
    for (_, r), cc in zip(points.iterrows(), codes, strict=True):
        own = landmark_names(str(r["name"]), str(r["featurecla"]), free, bare,
                             prominent=r["scalerank"] <= PROMINENT_RANK)
        where = f"{r.geometry.y:.1f}:{r.geometry.x:.1f}"  # two capes are called Cape York
        pid = f"ne:landmark:{fold(own[0]).replace(' ', '_')}:{where}" if own else ""
        if not own or pid in seen:  # Natural Earth has Île Amsterdam twice
            continue
        seen.add(pid)
        rows.append({"place_id": pid,
                     "name": own[0], "feature": "landmark",
                     "country_code": cc if isinstance(cc, str) and cc != "-99" else "",
                     "admin1": "",
                     "lat": r.geometry.y, "lon": r.geometry.x, "population": 0})
        names += [(n, len(rows) - 1) for n in own]
    return pd.DataFrame(rows), names
