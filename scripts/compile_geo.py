"""Compile the geoparser's pure-Python stages to C extensions (`make compile`).

    .venv/bin/python scripts/compile_geo.py geo/recognise.py geo/resolve.py …

mypyc turns type-annotated modules into C extensions that Python imports in place of the
``.py`` files beside them: the same code, about 1.5× faster end to end (BENCHMARKS.md),
with the annotations checked at run time. A module with a ``.pxd`` file beside it
(``geo/words.py``, a loop over a text's characters, which mypyc would run one string per
character) is compiled by Cython instead, with the C types that file declares. The ``.py``
files stay the source; `make` recompiles when one of them changes, and ``geo`` warns when a
compiled copy is older than its source (``geo.compiled``). Without a C compiler nothing is
built and the same modules run as Python.

The compiled modules are the per-text stages, where the time goes. The gazetteer and the
lexicon stay Python: they find their data from ``__file__``, which a module compiled into
a shared library inside the package gets wrong (mypyc puts the package in it twice).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
# mypyc's note where a generator passed to a call is built as a list: the same result
_HARMLESS = "Treating generator comprehension as list"
# Cython's directives for the modules it compiles: Python 3, and no bounds check where an
# index is a C integer the loop keeps inside the text
_CYTHON = {"language_level": 3, "boundscheck": False, "annotation_typing": False}


def _helpers() -> ModuleType:
    """geo/compiled.py, loaded alone: importing the package would load the very copies
    this script rebuilds (and warn that they are stale)."""
    spec = importlib.util.spec_from_file_location("geo_compiled", ROOT / "geo" / "compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(modules: list[str]) -> int:
    if not modules:
        print(__doc__)
        return 2
    if (why := _helpers().unavailable()) is not None:
        print(f"compile_geo: not compiling, {why}; geo runs as plain Python (slower)")
        return 0
    from mypyc.build import mypycify
    from setuptools import setup

    cythonized = [m for m in modules if Path(m).with_suffix(".pxd").exists()]
    modules = [m for m in modules if m not in cythonized]
    # One shared library inside the package (geo/_compiled__mypyc…so), built under build/.
    messages = io.StringIO()
    try:
        with contextlib.redirect_stdout(messages):
            extensions = mypycify(
                ["--ignore-missing-imports", "--follow-imports=silent", *modules],
                group_name="geo._compiled", target_dir=str(ROOT / "build" / "mypyc"))
    finally:  # type errors and the rest, without the notes that change nothing
        print("".join(line for line in messages.getvalue().splitlines(keepends=True)
                      if _HARMLESS not in line), end="")
    extensions += _cythonized(cythonized)
    setup(name="placeline-geo-compiled", packages=[], py_modules=[], ext_modules=extensions,
          script_args=["--quiet", "build_ext", "--inplace",
                       "--build-temp", str(ROOT / "build" / "temp")])
    # A module's own extension is a small shim into the shared library, rebuilt only when
    # its interface changes: mark each as built now, so that its time says which source it
    # was built from (geo.compiled.stale compares the two).
    for built in (ROOT / "geo").glob("*.so"):
        built.touch()
    return 0


def _cythonized(modules: list[str]) -> list:
    """Cython's extensions for ``modules`` (none, with a note, where Cython is missing)."""
    if not modules:
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print(f"compile_geo: Cython not installed; {', '.join(modules)} run as Python")
        return []
    # pure-Python mode with the types in the .pxd; Cython asks that a .pxd not say "inline",
    # but heeds it, and the character tests are worth inlining
    messages = io.StringIO()
    try:
        with contextlib.redirect_stderr(messages):
            return cythonize(modules, compiler_directives=_CYTHON, quiet=True,
                             build_dir=str(ROOT / "build" / "cython"))
    finally:
        print("".join(line for line in messages.getvalue().splitlines(keepends=True)
                      if "should not be declared inline" not in line), end="", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
