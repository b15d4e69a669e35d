"""Placeline's geo library: find, place and date the places a text mentions.

Public API::

    geoparse(text, published=None) -> GeoDataFrame       # one text
    geoparse_many(texts, published=None) -> GeoDataFrame  # many, with a ``doc`` column
    build_corpus(corpus_dir, out_dir) -> BuildReport       # documents → data/build/*.parquet

``geo`` never imports streamlit; the dashboard reads data only through it. `make` compiles
the pipeline's stages with mypyc and Cython (scripts/compile_geo.py); Python then imports
the compiled copies in place of the ``.py`` files.
"""

import warnings

from . import compiled
from .pipeline import geoparse, geoparse_many

if _stale := compiled.stale():
    warnings.warn(f"geo: the compiled copies of {', '.join(_stale)} are older than the source "
                  "and run in its place: run `make compile`", RuntimeWarning, stacklevel=2)

__all__ = ["geoparse", "geoparse_many"]
