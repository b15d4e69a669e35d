"""Placeline's geo library: find, place and date the places a text mentions.

Public API::

    geoparse(text, published=None) -> GeoDataFrame       # one text
    geoparse_many(texts, published=None) -> GeoDataFrame  # many, with a ``doc`` column
    build_corpus(corpus_dir, out_dir) -> BuildReport       # documents → data/build/*.parquet

``geo`` never imports streamlit; the dashboard reads data only through it.
"""

from .pipeline import geoparse, geoparse_many

__all__ = ["geoparse", "geoparse_many"]
