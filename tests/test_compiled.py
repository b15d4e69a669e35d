"""The compiled build (`make compile`, mypyc): what runs is the source as it stands."""

from __future__ import annotations

import importlib
import os
import re
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from geo import compiled

ROOT = Path(__file__).resolve().parents[1]


def _compiled_modules() -> list[str]:
    """The modules the Makefile's COMPILED lists, as dotted names."""
    makefile = (ROOT / "Makefile").read_text()
    block = re.search(r"^COMPILED := ((?:.*\\\n)*.*)$", makefile, re.M)
    assert block, "Makefile has no COMPILED list"
    return [p.removesuffix(".py").replace("/", ".") for p in block.group(1).split()
            if p.endswith(".py")]


def test_the_pipeline_stages_run_compiled_where_a_compiler_is():
    modules = _compiled_modules()
    assert "geo.recognise" in modules and "geo.resolve" in modules
    for m in modules:
        importlib.import_module(m)
    buildable = compiled.unavailable() is None
    assert {m: compiled.in_use(m) for m in modules} == dict.fromkeys(modules, buildable)
    assert not compiled.in_use("geo.gazetteer")  # finds its data by __file__: stays Python
    assert compiled.stale() == []


def test_the_public_functions_keep_their_docstrings():
    """mypyc drops a compiled function's docstring: the public API stays in Python."""
    import geo

    assert "Parameters" in (geo.geoparse.__doc__ or "")
    assert "``doc`` column" in (geo.geoparse_many.__doc__ or "")


def test_a_compiled_copy_older_than_its_source_is_reported(tmp_path):
    for name in ("old", "fresh", "plain"):
        (tmp_path / f"{name}.py").write_text("x = 1\n")
    for name, age in (("old", -60), ("fresh", 60)):
        so = tmp_path / f"{name}{EXTENSION_SUFFIXES[0]}"
        so.write_bytes(b"")
        t = (tmp_path / f"{name}.py").stat().st_mtime + age
        os.utime(so, (t, t))
    assert compiled.stale(tmp_path) == ["old.py"]
