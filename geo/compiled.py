"""The compiled build of geo's per-text stages (`make compile`: scripts/compile_geo.py).

Python imports a module's compiled copy in preference to the ``.py`` file beside it. These
three questions about that build are answered here once, for the compile script, the
package's import-time check, the tests and the speed benchmark.
"""

from __future__ import annotations

import importlib.util
import shutil
import sysconfig
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def unavailable() -> str | None:
    """Why this machine cannot build C extensions, or None when it can."""
    if shutil.which((sysconfig.get_config_var("CC") or "cc").split()[0]) is None:
        return "no C compiler (install gcc)"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers (install python3-dev)"
    return None


def in_use(module: str) -> bool:
    """Whether ``module`` ("geo.recognise") is imported from a compiled copy."""
    spec = importlib.util.find_spec(module)
    return spec is not None and spec.origin is not None and not spec.origin.endswith(".py")


def stale(package: Path = PACKAGE) -> list[str]:
    """Modules of ``package`` whose compiled copy is older than their source (the ``.py``,
    or the ``.pxd`` of C types beside it): an edited module would silently run its old code
    until `make compile` rebuilds it."""
    return sorted(src.name for src in package.glob("*.py")
                  for so in (src.with_name(src.stem + s) for s in EXTENSION_SUFFIXES)
                  if so.exists() and so.stat().st_mtime < _edited(src))


def _edited(src: Path) -> float:
    """When ``src`` or the ``.pxd`` beside it was last changed."""
    pxd = src.with_suffix(".pxd")
    return max(src.stat().st_mtime, pxd.stat().st_mtime if pxd.exists() else 0.0)
