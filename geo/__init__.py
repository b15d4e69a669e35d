"""Placeline's geo library: find, place and date the places a text mentions.

Public API::

    geoparse(text, published=None) -> GeoDataFrame       # one text
    geoparse_many(texts, published=None) -> GeoDataFrame  # many, with a ``doc`` column
    build_corpus(corpus_dir, out_dir) -> BuildReport       # documents → data/build/*.parquet

``geo`` never imports streamlit; the dashboard reads data only through it. `make` compiles
the pipeline's stages with mypyc (scripts/compile_geo.py); Python then imports the compiled
copies in place of the ``.py`` files.
"""

import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from .pipeline import geoparse, geoparse_many


def stale_compiled(package: Path = Path(__file__).parent) -> list[str]:
    """Modules of ``package`` whose compiled copy is older than their source.

    Python imports a compiled copy in preference to the source beside it, so an edited
    module would silently run its old code until `make compile` rebuilds it.
    """
    return sorted(src.name for src in package.glob("*.py")
                  for so in (src.with_name(src.stem + s) for s in EXTENSION_SUFFIXES)
                  if so.exists() and so.stat().st_mtime < src.stat().st_mtime)


if _stale := stale_compiled():
    warnings.warn(f"geo: the compiled copies of {', '.join(_stale)} are older than the source "
                  "and run in its place: run `make compile`", RuntimeWarning, stacklevel=2)

__all__ = ["geoparse", "geoparse_many"]
