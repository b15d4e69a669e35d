"""Capes, islands, waterfalls and peaks for ``derive_data.py``: Natural Earth's geography
points, and our own table of mountains and volcanoes.

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


# Mountains and volcanoes the news names, none of which the sources here have (Natural Earth's
# elevation points are not among its files in use): name -> (other names, lat, lon), at their
# summits (the encyclopaedias'). Our own short table, like the seas'. Another name is listed
# only where the news uses it alone for the mountain ("Everest", "Etna"), not where it is a
# town's or a province's first ("Fuji", "Ararat", "Kilimanjaro", "Taal", "Denali").
PEAKS: dict[str, tuple[list[str], float, float]] = {
    "Mount Everest": (["Everest", "Mt. Everest", "Sagarmatha", "Chomolungma"], 27.988, 86.925),
    "Kangchenjunga": (["Kanchenjunga", "Mount Kangchenjunga"], 27.703, 88.147),
    "Lhotse": ([], 27.962, 86.933),
    "Makalu": ([], 27.889, 87.089),
    "Annapurna": (["Mount Annapurna"], 28.596, 83.820),
    "Nanga Parbat": ([], 35.237, 74.589),
    "Mount Kailash": (["Kailash"], 31.067, 81.312),
    "Mont Blanc": (["Monte Bianco"], 45.833, 6.865),
    "Matterhorn": ([], 45.976, 7.658),
    "Eiger": ([], 46.577, 8.005),
    "Jungfrau": ([], 46.537, 7.962),
    "Zugspitze": ([], 47.421, 10.985),
    "Mount Elbrus": (["Elbrus"], 43.355, 42.439),
    "Mount Ararat": ([], 39.702, 44.298),
    "Mount Olympus": ([], 40.086, 22.359),
    "Mount Etna": (["Etna", "Mt. Etna"], 37.751, 14.993),
    "Mount Vesuvius": (["Vesuvius"], 40.821, 14.426),
    "Campi Flegrei": (["Phlegraean Fields"], 40.827, 14.139),
    "Ben Nevis": ([], 56.797, -5.004),
    "Mount Snowdon": (["Yr Wyddfa"], 53.068, -4.076),
    "Hekla": ([], 63.983, -19.666),
    "Eyjafjallajökull": ([], 63.633, -19.633),
    "Grímsvötn": ([], 64.416, -17.316),
    "Fagradalsfjall": ([], 63.903, -22.273),
    "Mount Kilimanjaro": (["Mt. Kilimanjaro"], -3.068, 37.356),
    "Mount Kenya": ([], -0.152, 37.308),
    "Mount Elgon": ([], 1.118, 34.525),
    "Mount Cameroon": ([], 4.203, 9.170),
    "Mount Nyiragongo": (["Nyiragongo"], -1.520, 29.250),
    "Mount Hermon": ([], 33.416, 35.857),
    "Mount Damavand": ([], 35.955, 52.110),
    "Piton de la Fournaise": ([], -21.244, 55.708),
    "Mount Fuji": (["Mt. Fuji", "Fujisan"], 35.361, 138.727),
    "Sakurajima": (["Mount Sakurajima"], 31.585, 130.657),
    "Mount Ontake": ([], 35.893, 137.480),
    "Mount Aso": ([], 32.884, 131.104),
    "Mount Unzen": ([], 32.761, 130.299),
    "Klyuchevskaya Sopka": ([], 56.056, 160.642),
    "Shiveluch": (["Sheveluch"], 56.653, 161.360),
    "Mount Merapi": (["Merapi"], -7.540, 110.446),
    "Mount Marapi": (["Marapi"], -0.381, 100.473),
    "Mount Sinabung": (["Sinabung"], 3.170, 98.392),
    "Mount Agung": ([], -8.343, 115.508),
    "Mount Semeru": (["Semeru"], -8.108, 112.922),
    "Mount Tambora": (["Tambora"], -8.250, 118.000),
    "Mount Ruang": ([], 2.300, 125.370),
    "Krakatoa": (["Krakatau", "Anak Krakatau", "Anak Krakatoa"], -6.102, 105.423),
    "Mount Pinatubo": (["Pinatubo"], 15.143, 120.350),
    "Mayon Volcano": (["Mount Mayon"], 13.257, 123.685),
    "Taal Volcano": ([], 14.002, 120.993),
    "Mount Kanlaon": (["Kanlaon", "Canlaon Volcano"], 10.412, 123.132),
    "Mount Apo": ([], 6.987, 125.271),
    "Mount Kinabalu": ([], 6.075, 116.558),
    "Mount Ruapehu": (["Ruapehu"], -39.281, 175.564),
    "Whakaari": ([], -37.520, 177.183),
    "Mount Taranaki": (["Mount Egmont"], -39.296, 174.063),
    "Aoraki": (["Aoraki / Mount Cook"], -43.595, 170.142),
    "Mount Kosciuszko": (["Kosciuszko"], -36.456, 148.263),
    "Uluru": (["Ayers Rock"], -25.345, 131.036),
    "Mount Erebus": ([], -77.530, 167.167),
    "Kīlauea": (["Kilauea"], 19.421, -155.287),
    "Mauna Loa": ([], 19.475, -155.608),
    "Mauna Kea": ([], 19.821, -155.468),
    "Mount St. Helens": (["Mount Saint Helens", "Mt. St. Helens"], 46.191, -122.196),
    "Mount Rainier": ([], 46.853, -121.760),
    "Mount Hood": ([], 45.374, -121.696),
    "Mount Shasta": ([], 41.409, -122.195),
    "Mount Whitney": ([], 36.579, -118.292),
    "Mount Rushmore": ([], 43.879, -103.459),
    "Mount McKinley": (["Mount Denali"], 63.069, -151.007),
    "Popocatépetl": (["Popocatepetl"], 19.023, -98.622),
    "Volcán de Fuego": (["Fuego Volcano"], 14.473, -90.880),
    "Nevado del Ruiz": ([], 4.892, -75.324),
    "Aconcagua": ([], -32.653, -70.011),
    "Mount Pelée": (["Mount Pelee"], 14.809, -61.165),
    "Soufrière Hills": ([], 16.720, -62.180),
    "Table Mountain": ([], -33.963, 18.404),
}


# Where the country outlines' answer is not the one the news and GeoNames give: summits on a
# border that the news puts in one country ("Everest, in Nepal"; the outlines draw the line
# through the summit and give it to China), and volcanoes of France's overseas departments,
# which GeoNames codes as countries of their own (Martinique, Réunion), as it does their towns.
PEAK_COUNTRIES = {"Mount Everest": "NP", "Makalu": "NP", "Kangchenjunga": "NP",
                  "Mount Pelée": "MQ", "Piton de la Fournaise": "RE"}


def peaks(countries_at: Callable[[gpd.GeoSeries], pd.Series],
          near: Callable[[float, float], tuple[str, str]], free: Callable[[str], bool]
          ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """The mountains and volcanoes of :data:`PEAKS` (feature ``landmark``), each in the
    country its summit is in (or the one :data:`PEAK_COUNTRIES` gives), and in the province
    of the nearest town there (``near``): Kīlauea is in Hawaii, as Pāhoa is. A summit the
    country outlines miss (Sakurajima, on the coast) takes the nearest town's country. Only
    names ``free`` of a wider place or a big town: "Mount Shasta" is also a town of 3,000 at
    its foot, and stays the peak's too."""
    points = gpd.GeoSeries(gpd.points_from_xy([lon for *_, lon in PEAKS.values()],
                                              [lat for _, lat, _ in PEAKS.values()]),
                           crs="EPSG:4326")
    codes = countries_at(points)
    rows, names = [], []
    for (name, (others, lat, lon)), cc in zip(PEAKS.items(), codes, strict=True):
        town_cc, town_admin1 = near(lat, lon)
        cc = PEAK_COUNTRIES.get(name) or (cc if isinstance(cc, str) and cc != "-99" else town_cc)
        rows.append({"place_id": f"placeline:peak:{fold(name).replace(' ', '_')}",
                     "name": name, "feature": "landmark", "country_code": cc,
                     "admin1": town_admin1 if town_cc == cc else "",
                     "lat": lat, "lon": lon, "population": 0})
        names += [(n, len(rows) - 1) for n in [name, *others] if n == name or free(n)]
    return pd.DataFrame(rows), names
