"""A seeded synthetic built corpus of any size, for the map benchmark (``bench/map_render.py``).

Written with ``geo.io.write_build`` exactly as ``tests/conftest.py`` builds its fixture, so the
dashboard reads it as it reads a real build. What it imitates, so that the map has realistic
work to do at 1k-100k mentions:

* ~25 mentions per document; place popularity is Zipf-like, so a few places (countries,
  capitals) take most mentions and a long tail is mentioned once or twice;
* a pool of one place per ten mentions: Natural Earth countries, admin-1 regions and physical
  regions (so the choropleth and region layers have shapes to draw) and invented cities and
  towns scattered inside real countries;
* documents published over five years (2019-2023), mentions dated from the text, the
  publication date, inferred or not at all, a few repeated paragraphs and context roles;
* one sentence of plausible news prose per mention, found in its document's text.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere: the repository is not installed
    sys.path.insert(0, str(ROOT))

from geo import io  # noqa: E402

FIRST_DAY, DAYS = dt.date(2019, 1, 1), 5 * 365
SYLLABLES = ["ka", "ra", "bo", "ti", "ma", "lu", "se", "go", "na", "di", "ko", "ba", "mi",
             "to", "sa", "ne", "lo", "fa", "ru", "zi", "ha", "be", "do", "ya", "we", "ki"]
ENDINGS = ["", "", "", "n", "r", "ville", "burg", "abad", "pur", "ton", "ia", "o", "a"]
SENTENCES = [
    "Aid convoys reached {p} on {d} after days of heavy rain.",
    "Officials in {p} said on {d} that the road would reopen within a week.",
    "Protesters gathered in central {p} on {d}, demanding lower fuel prices.",
    "The drought that began in {p} last year has pushed thousands of herders south.",
    "Talks between the two sides resumed in {p} on {d}.",
    "A new hospital opened in {p}, the first in the district for a decade.",
    "Flooding cut the railway line near {p} on {d}.",
    "Traders from {p} say the border closure has doubled the price of grain.",
    "Elections in {p} were postponed on {d} amid security concerns.",
    "The minister visited {p} to inspect the damage.",
    "Fighting near {p} displaced several hundred families, aid agencies said.",
    "Schools in {p} reopened on {d} after a three-month closure.",
]
KINDS = ["news", "news", "news", "blog post", "forum post", "report"]
HEADLINES = ["Crisis deepens in {p}", "What next for {p}?", "Letter from {p}",
             "Floods and fuel: a week in {p}", "{p} votes", "The road to {p}"]


def _names(rng: np.random.Generator, count: int) -> list[str]:
    """Invented but pronounceable place names ("Kasebo", "Tiramaburg"), unique."""
    out: set[str] = set()
    while len(out) < count:
        k = int(rng.integers(2, 4))
        word = "".join(rng.choice(SYLLABLES, k)) + str(rng.choice(ENDINGS))
        out.add(word.capitalize())
    return sorted(out, key=lambda _: rng.random())


def _points_in(geom: shapely.Geometry, count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` random points inside a (multi)polygon, by rejection in its bounding box."""
    x0, y0, x1, y1 = geom.bounds
    found = np.empty((0, 2))
    for _ in range(50):
        need = count - len(found)
        if need <= 0:
            break
        xy = np.column_stack([rng.uniform(x0, x1, 4 * need + 8), rng.uniform(y0, y1, 4 * need + 8)])
        found = np.vstack([found, xy[shapely.contains_xy(geom, xy[:, 0], xy[:, 1])][:need]])
    if len(found) < count:  # slivers: fall back to the representative point
        p = geom.representative_point()
        found = np.vstack([found, np.tile([p.x, p.y], (count - len(found), 1))])
    return found


def place_pool(count: int, rng: np.random.Generator) -> pd.DataFrame:
    """``count`` places (place_id, name, feature, country_code, lon, lat), most popular first."""
    countries = io.read_layer("countries")
    countries = countries[countries["iso_a2"].str.fullmatch(r"[A-Z]{2}")].reset_index(drop=True)
    admin1 = io.read_layer("admin1").dropna(subset=["name"])
    regions = io.read_layer("regions").dropna(subset=["name", "place_id"])
    n_country = min(len(countries), max(5, count // 30))
    n_admin1 = min(len(admin1), count // 10)
    n_region = min(len(regions), max(1, count // 50))
    n_city = count - n_country - n_admin1 - n_region
    rows = []
    picked = countries.sample(n_country, random_state=rng)
    for c in picked.itertuples():
        p = c.geometry.representative_point()
        rows.append(("country", f"geonames:{9_000_000 + c.Index}", c.name, c.iso_a2, p.x, p.y))
    for a in admin1.sample(n_admin1, random_state=rng).itertuples():
        p = a.geometry.representative_point()
        rows.append(("admin1", f"ne:admin1:{a.adm1_code}", a.name, a.iso_a2, p.x, p.y))
    for r in regions.sample(n_region, random_state=rng).itertuples():
        p = r.geometry.representative_point()
        rows.append(("region", r.place_id, r.name, "", p.x, p.y))
    # Cities and towns inside the countries picked, more in the first (most popular) ones.
    share = 1.0 / np.arange(1, len(picked) + 1) ** 0.7
    per_country = rng.multinomial(n_city, share / share.sum())
    names = iter(_names(rng, n_city))
    for (_, c), k in zip(picked.iterrows(), per_country, strict=True):
        for i, (x, y) in enumerate(_points_in(c.geometry, int(k), rng)):
            feature = "city" if i % 3 == 0 else "locality"
            rows.append((feature, f"geonames:{len(rows) + 1_000_000}", next(names), c.iso_a2,
                         x, y))
    pool = pd.DataFrame(rows, columns=["feature", "place_id", "name", "country_code", "lon",
                                       "lat"])
    # Popularity: countries first, then a shuffled mix; Zipf weights by that rank.
    order = np.argsort(np.where(pool["feature"] == "country", -1.0, rng.random(len(pool))))
    pool = pool.iloc[order].reset_index(drop=True)
    pool["weight"] = 1.0 / np.arange(1, len(pool) + 1) ** 0.9
    return pool


def synthetic_corpus(mentions: int, seed: int = 7) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """A corpus of about ``mentions`` place mentions as (mentions, documents) tables."""
    rng = np.random.default_rng(seed)
    pool = place_pool(max(40, mentions // 10), rng)
    n_docs = max(10, mentions // 25)
    sizes = rng.multinomial(mentions, np.full(n_docs, 1.0 / n_docs))
    picks = rng.choice(len(pool), size=mentions, p=(pool["weight"] / pool["weight"].sum()))
    published = [FIRST_DAY + dt.timedelta(days=int(d)) for d in rng.integers(0, DAYS, n_docs)]
    undated_doc = rng.random(n_docs) < 0.03
    roles = rng.choice(["place", "adjective", "in_name"], size=mentions, p=[0.86, 0.1, 0.04])
    how = rng.choice(["text", "published", "inferred", "none"], size=mentions,
                     p=[0.55, 0.2, 0.1, 0.15])
    back = rng.integers(0, 60, mentions)
    months = rng.random(mentions) < 0.15  # a whole month ("in March 2021")
    conf = np.round(np.clip(rng.beta(5, 1.6, mentions), 0.2, 1.0), 3)
    duplicate = rng.random(mentions) < 0.03
    templates = rng.integers(0, len(SENTENCES), mentions)
    places = pool.to_dict("records")
    rows, documents, i = [], [], 0
    for doc_no, (k, pub, no_date) in enumerate(zip(sizes, published, undated_doc, strict=True)):
        doc_id = f"doc{doc_no:06d}"
        first = places[picks[i]]["name"] if k else "nowhere"
        title = HEADLINES[doc_no % len(HEADLINES)].format(p=first)
        text_parts, offset = [], 0
        for j in range(i, i + int(k)):
            place = places[picks[j]]
            source = "none" if (no_date and how[j] == "published") else str(how[j])
            day = pub - dt.timedelta(days=int(back[j]))
            start_d: dt.date | None = day if source in ("text", "inferred") else pub
            end_d = start_d
            if source == "text" and months[j]:
                start_d = day.replace(day=1)
                end_d = (pd.Timestamp(start_d) + pd.offsets.MonthEnd(0)).date()
            if source == "none":
                start_d = end_d = None
            surface = place["name"]
            if roles[j] == "adjective":
                surface = place["name"] + ("n" if place["name"].endswith("a") else "ese")
            elif roles[j] == "in_name":
                surface = f"{place['name']} Airlines"
            when = f"{day:%-d %B %Y}" if source == "text" else "Tuesday"
            sentence = SENTENCES[templates[j]].format(p=surface, d=when)
            start = offset + sentence.index(surface)
            text_parts.append(sentence)
            offset += len(sentence) + 1
            low = conf[j] < 0.5
            rows.append({
                "doc_id": doc_id, "title": title,
                "published": pd.NaT if no_date else pd.Timestamp(pub),
                "start": start, "end": start + len(surface), "surface": surface,
                "name": place["name"], "place_id": place["place_id"],
                "feature": place["feature"], "role": str(roles[j]),
                "country_code": place["country_code"], "confidence": float(conf[j]),
                "date_start": pd.Timestamp(start_d) if start_d else pd.NaT,
                "date_end": pd.Timestamp(end_d) if end_d else pd.NaT,
                "date_source": source, "sentence": sentence, "duplicate": bool(duplicate[j]),
                "candidates": [{"place_id": "geonames:1", "name": f"{place['name']} (elsewhere)",
                                "score": round(1 - float(conf[j]), 2)}] if low else [],
                "placed_by": "only place of this name" if low
                             else f"score 5.0: {place['feature']}",
                "lon": float(place["lon"]), "lat": float(place["lat"]),
            })
        i += int(k)
        documents.append({
            "doc_id": doc_id, "title": title, "source_kind": KINDS[doc_no % len(KINDS)],
            "url": f"https://example.org/{doc_id}" if doc_no % 2 else "",
            "text": " ".join(text_parts),
            "published": pd.NaT if no_date else pd.Timestamp(pub),
            "date_source": "none" if no_date else "metadata", "path": f"{doc_id}.txt",
            "n_mentions": int(((roles[i - k:i] == "place") & ~duplicate[i - k:i]).sum()),
        })
    df = pd.DataFrame(rows)
    geometry = gpd.points_from_xy(df.pop("lon"), df.pop("lat"), crs="EPSG:4326")
    gdf = gpd.GeoDataFrame(df, geometry=geometry, crs="EPSG:4326")
    for c in ("published", "date_start", "date_end"):
        gdf[c] = pd.to_datetime(gdf[c])
    docs = pd.DataFrame(documents, columns=io.DOCUMENT_COLUMNS)
    return gdf[io.MENTION_COLUMNS], docs


def write_synthetic_build(mentions: int, folder: Path, seed: int = 7) -> Path:
    """Write a synthetic corpus of ``mentions`` mentions into ``folder`` (a build folder)."""
    io.write_build(*synthetic_corpus(mentions, seed), folder)
    return folder
