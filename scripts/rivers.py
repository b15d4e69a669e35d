"""Rivers for ``derive_data.py``: Natural Earth's named rivers as places, each at its mouth.

A river is a place the news names ("the Niger River near Gao", "the River Thames", "the
Mississippi River crested"), and without it the name's first word is read as the country or
state it shares ("Niger", "Mississippi"). GeoNames and the encyclopaedias put a river at its
mouth, so it sits there too: the end its course runs to. Natural Earth draws rivers in the
direction they flow, a few the other way, and splits one river into pieces (at lakes, at
reservoirs, where its name changes), so the mouth is worked out from the whole river: the end
of it that reaches the coast, else the end that meets another river or a lake.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from geo.gazetteer import fold

# Natural Earth's English names that are not what English writes, or that split one river in
# pieces under other names: the English name each piece goes by.
RIVER_ENGLISH_NAMES = {
    "Al Furat": "Euphrates", "Firat": "Euphrates", "Dicle": "Tigris", "Amazonas": "Amazon",
    "Rhein": "Rhine", "Dnepre": "Dnieper", "Tajo": "Tagus", "Tisa": "Tisza",
    "Ayeyarwady": "Irrawaddy", "Huang": "Yellow", "Bénoué": "Benue", "Ertis": "Irtysh",
    "Godävari": "Godavari", "Mahäna Nadï": "Mahanadi", "R. des Outaouais": "Ottawa",
    "Abay": "Blue Nile", "Dihang": "Brahmaputra", "Sénégal": "Senegal",
    "Selenge (Selenga)": "Selenge", "Svir’": "Svir", "Tom’": "Tom", "Anadyr’": "Anadyr",
    "Argun’": "Argun", "Glåma": "Glomma", "Zapadnaya Dvina": "Daugava",
}
# Pieces that are a delta's channels or a river's upper reach under a name of its own, which
# the news does not call a river of their own name
_NOT_RIVERS = re.compile(r"\b(?:Delta|Protoka|Bratul|Csatorna|Duna)\b|^[NS]\. ")
# Names that already say what the water is: no "River" is added to them
_WATER_WORDS = re.compile(r"\b(?:Canal|Branch|River|Rivière|Rio|Río|Shatt)\b")
JOIN_DEGREES = 8.0  # pieces of one name this close are one river (the Salween's, the Ganges')
TOUCH_DEGREES = 0.02  # an end this close to a line or the coast touches it (~2 km)
STUB_DEGREES = 0.05  # pieces shorter than this only join others
ONE_COUNTRY_SHARE = 0.95  # a river with this share of its length in one country is that country's
BARE_LETTERS = 4  # a river's name alone is one only from this long ("Nile", not "Po", "Ob")


def _pieces(lines: gpd.GeoDataFrame) -> pd.DataFrame:
    """One row per single line of every named piece: its English label, local name, whether
    it is a river (not a lake's centre line) and the line."""
    rows = []
    for _, r in lines.iterrows():
        label = r["name_en"] if isinstance(r["name_en"], str) else r["name"]
        if not isinstance(label, str) or r.geometry is None:
            continue
        label = " ".join(label.split())
        label = RIVER_ENGLISH_NAMES.get(label, label)
        if _NOT_RIVERS.search(label):
            continue
        geoms = r.geometry.geoms if r.geometry.geom_type == "MultiLineString" else [r.geometry]
        for g in geoms:
            rows.append({"label": label, "local": r["name"], "river": r["featurecla"] == "River",
                         "geometry": g})
    return pd.DataFrame(rows)


def river_systems(lines: gpd.GeoDataFrame) -> list[pd.DataFrame]:
    """The pieces of each river: pieces of one English name within JOIN_DEGREES of each other
    (the Colorado of the US and of Argentina are two rivers), with a river piece in them."""
    pieces = _pieces(lines)
    systems = []
    for _, group in pieces.groupby("label", sort=True):
        geoms = group["geometry"].tolist()
        n = len(geoms)
        pairs = [(a, b) for a in range(n) for b in range(a + 1, n)
                 if geoms[a].distance(geoms[b]) < JOIN_DEGREES]
        graph = coo_matrix((np.ones(len(pairs)), ([a for a, _ in pairs], [b for _, b in pairs])),
                           shape=(n, n))
        _, comp = connected_components(graph, directed=False)
        for c in np.unique(comp):
            system = group[comp == c]
            if system["river"].any():
                systems.append(system.reset_index(drop=True))
    return systems


def mouth(system: pd.DataFrame, coast: shapely.Geometry, other_lines: gpd.GeoSeries
          ) -> shapely.Point:
    """Where a river ends: of the ends of its pieces that no other piece of it continues, the
    one at the coast, else one that meets another river or a lake (the Arkansas at the
    Mississippi, not at its source in the Rockies), else the one nearest the sea. Among ends
    that meet water alike, the one a river piece is drawn towards (Natural Earth draws most
    in the direction they flow: the Ohio at the Mississippi, not at the Allegheny)."""
    kept = system[system["geometry"].map(
        lambda g: g.length >= STUB_DEGREES
        and shapely.Point(g.coords[0]).distance(shapely.Point(g.coords[-1])) >= TOUCH_DEGREES)]
    system = kept if len(kept) else system  # stubs and loops where pieces meet end nothing
    geoms = system["geometry"].tolist()
    ends = []  # (point, drawn towards)
    for k, (g, river) in enumerate(zip(geoms, system["river"], strict=True)):
        for p, last in ((shapely.Point(g.coords[0]), False), (shapely.Point(g.coords[-1]), True)):
            if not any(o.distance(p) < TOUCH_DEGREES for j, o in enumerate(geoms) if j != k):
                ends.append((p, last and river))
    if not ends:  # a loop: its pieces' last points
        ends = [(shapely.Point(g.coords[-1]), True) for g in geoms]

    def rank(end: tuple[shapely.Point, bool]) -> tuple:
        p, drawn_to = end
        at_coast = p.distance(coast) < TOUCH_DEGREES
        meets = bool((other_lines.distance(p) < TOUCH_DEGREES).any())
        # ends that meet water alike are told apart by the way the river is drawn; those that
        # meet none (where a delta's channels were left out) by how near the sea they are
        return (not at_coast, not meets, (at_coast or meets) and not drawn_to,
                p.distance(coast))

    return min(ends, key=rank)[0]


def river_names(label: str, locals_: list[str], country: str,
                bare: Callable[[str], bool] = lambda _: False) -> list[str]:
    """A river's names as the news writes them, its display name first: "Niger River" and
    "River Niger"; "River Thames" first in Britain and Ireland; its local names the same way
    ("Dnipro River", "Chang Jiang River"); a name that says it is water as it is ("Rio
    Grande", "Suez Canal"). Its name alone too ("the Thames", "the Danube") where ``bare``
    allows it: the recogniser takes such a name for the river only after "the"."""
    if _WATER_WORDS.search(label):
        return [label]
    british = country in ("GB", "IE")
    out, alone = [], []
    locals_ = [x for x in locals_ if not re.search(r"[.()]", x)]  # no "R. des Outaouais"
    for x in [label, *locals_]:
        if x.isascii() or fold(x) != x.lower():  # Latin script (letters fold to ASCII)
            x = " ".join(x.replace("’", "").split())
            out += [f"River {x}", f"{x} River"] if british else [f"{x} River", f"River {x}"]
            alone += [x] if len(x) >= BARE_LETTERS and bare(x) else []
    return list(dict.fromkeys(out + alone))


def rivers(ne: Path, country_layer: gpd.GeoDataFrame, bare: Callable[[str], bool]
           ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """Natural Earth's named rivers (1:50m), each at its mouth and in the country that holds
    its whole course (none for the Niger, the Danube or the Nile, which cross borders).
    ``bare``: whether a river's name alone may name it (see :func:`river_names`)."""
    lines = gpd.read_file(ne / "ne_50m_rivers_lake_centerlines.json")
    land = gpd.read_file(ne / "ne_50m_land.json")
    coast = shapely.union_all(land.geometry.boundary.values)
    lakes = gpd.read_file(ne / "ne_50m_lakes.json").geometry.boundary
    systems = river_systems(lines)
    ea = "EPSG:6933"  # equal-area, for lengths
    borders = country_layer[["iso_a2", "geometry"]].to_crs(ea)
    # every river's pieces and every lake's shore, once; each river meets the others'
    water = gpd.GeoSeries([g for s in systems for g in s["geometry"]] + list(lakes))
    owner = np.concatenate([np.full(len(s), k) for k, s in enumerate(systems)]
                           + [np.full(len(lakes), -1)])
    rows, names = [], []
    for k, system in enumerate(systems):
        label = system["label"].iat[0]
        p = mouth(system, coast, water[owner != k])
        course = gpd.GeoDataFrame(geometry=[shapely.union_all(system["geometry"].tolist())],
                                  crs=lines.crs).to_crs(ea)
        parts = gpd.overlay(course, borders, how="intersection", keep_geom_type=True)
        share = parts.length / max(course.length.iat[0], 1.0)
        top = share.idxmax() if len(parts) else None
        cc = parts["iso_a2"].at[top] if top is not None and share.at[top] >= ONE_COUNTRY_SHARE \
            else ""
        locals_ = sorted({n for n in system["local"] if isinstance(n, str) and n != label})
        own = river_names(label, locals_, cc if isinstance(cc, str) else "", bare)
        rows.append({"place_id": f"ne:river:{fold(label).replace(' ', '_')}:{p.y:.1f}:{p.x:.1f}",
                     "name": own[0], "feature": "river",
                     "country_code": cc if isinstance(cc, str) else "",
                     "admin1": "", "lat": p.y, "lon": p.x, "population": 0})
        names += [(n, len(rows) - 1) for n in own]
    return pd.DataFrame(rows), names
