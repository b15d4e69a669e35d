"""Reading and writing Placeline's store under ``data/``: built corpora and map layers.

Everything the dashboard reads goes through here, so the on-disk layout lives in one place.
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "data"
BUILD = DATA / "build"
CORPUS = DATA / "corpus"
LAYERS = DATA / "layers"
LAYER_NAMES = ("land", "lakes", "rivers", "countries", "admin1", "regions")

MENTION_COLUMNS = [
    "doc_id",
    "title",
    "published",
    "start",
    "end",
    "surface",
    "name",
    "place_id",
    "feature",
    "role",
    "country_code",
    "confidence",
    "date_start",
    "date_end",
    "date_source",
    "sentence",
    "duplicate",
    "candidates",
    "placed_by",
    "geometry",
]
DOCUMENT_COLUMNS = [
    "doc_id",
    "title",
    "published",
    "date_source",
    "source_kind",
    "url",
    "path",
    "text",
    "n_mentions",
]


def read_layer(name: str) -> gpd.GeoDataFrame:
    """One of the bundled Natural Earth layers (``land``, ``countries``, ``regions``…)."""
    if name not in LAYER_NAMES:
        raise ValueError(f"unknown layer {name!r}; choose from {', '.join(LAYER_NAMES)}")
    return gpd.read_parquet(LAYERS / f"{name}.parquet")


def empty_mentions() -> gpd.GeoDataFrame:
    """A mentions table with the full schema and no rows (an empty corpus)."""
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in MENTION_COLUMNS[:-1]})
    for c in ("start", "end"):
        df[c] = df[c].astype("int64")
    df["confidence"] = df["confidence"].astype("float64")
    df["duplicate"] = df["duplicate"].astype("bool")
    for c in ("date_start", "date_end", "published"):
        df[c] = pd.Series(dtype="datetime64[ns]")
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries([], crs="EPSG:4326"), crs="EPSG:4326")


def read_mentions(folder: Path | str = BUILD) -> gpd.GeoDataFrame:
    """Every place mention of a built corpus (GeoParquet), or an empty table if none was built."""
    path = Path(folder) / "mentions.parquet"
    return gpd.read_parquet(path) if path.exists() else empty_mentions()


def read_documents(folder: Path | str = BUILD) -> pd.DataFrame:
    """The documents of a built corpus, one row each, with their text and metadata."""
    path = Path(folder) / "documents.parquet"
    if path.exists():
        return pd.read_parquet(path)
    return pd.DataFrame({c: pd.Series(dtype="object") for c in DOCUMENT_COLUMNS})


def write_build(
    mentions: gpd.GeoDataFrame, documents: pd.DataFrame, folder: Path | str = BUILD
) -> None:
    """Write a built corpus so that a reader never sees half of it.

    Both files are written to temporary names first and renamed into place only when both
    are complete; if the second rename fails, the first is rolled back from a hard link of
    the old file, so an interrupted build leaves the previous outputs as they were.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tmp_m = folder / ".mentions.parquet.new"
    tmp_d = folder / ".documents.parquet.new"
    old_d = folder / ".documents.parquet.old"
    docs_path = folder / "documents.parquet"
    try:
        mentions.to_parquet(tmp_m, index=False, compression="zstd")
        documents.to_parquet(tmp_d, index=False, compression="zstd")
        old_d.unlink(missing_ok=True)
        had_docs = docs_path.exists()
        if had_docs:
            os.link(docs_path, old_d)
        os.replace(tmp_d, docs_path)
        try:
            os.replace(tmp_m, folder / "mentions.parquet")
        except BaseException:
            if had_docs:
                os.replace(old_d, docs_path)
            else:
                docs_path.unlink(missing_ok=True)
            raise
    finally:
        for t in (tmp_m, tmp_d, old_d):
            t.unlink(missing_ok=True)
