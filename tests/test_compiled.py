"""The compiled build (`make compile`, mypyc and Cython): what runs is the source as it stands."""

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
    # a module's C types (Cython's .pxd) are its source too
    pxd = tmp_path / "fresh.pxd"
    pxd.write_text("cdef int x\n")
    t = (tmp_path / "fresh.py").stat().st_mtime + 120  # edited after its build
    os.utime(pxd, (t, t))
    assert compiled.stale(tmp_path) == ["fresh.py", "old.py"]


def _written_out_init_samples():
    """A value for every field of each class whose ``__init__`` is written out to be compiled
    (a dataclass's own would run as Python)."""
    import numpy as np

    from geo.gazetteer import load_gazetteer
    from geo.recognise import Mention
    from geo.resolve import Placement, _candidates, _Counties, _Ranking

    mention = Mention(0, 4, "mali", np.array([1, 2]))
    candidates = _candidates(load_gazetteer(), mention)
    return [
        (Mention, dict(start=1, end=2, key="k", candidates=np.array([3]), role="adjective",
                       sentence=4, fuzzy=0.5, cues={"x"}, near="n", inside=True, suburb=False,
                       tokens=(5, 6), listed=7, paired=8, area=("US", "TX"))),
        (Placement, dict(row=1, lat=2.0, lon=3.0, confidence=0.5, placed_by="p",
                         candidates=[{"name": "x"}], approx_of=9)),
        (_Ranking, dict(m=mention, c=candidates, score=[1.0], order=[0], near=[2.0],
                        focus_cc={"ML": 1.0}, container=3, focus_a1={("ML", "1"): 0.5},
                        kind=("city", "", ""), counties=_Counties({}, {}))),
    ]


def test_a_written_out_init_takes_every_field_and_its_default():
    """Each field is a parameter of its own name, and one left out takes the field's default:
    the written-out ``__init__`` is the one the dataclass would have made."""
    import dataclasses

    for cls, given in _written_out_init_samples():
        fields = dataclasses.fields(cls)
        assert [f.name for f in fields] == list(given), cls
        made = cls(**given)
        for name, value in given.items():  # numbers come back re-made from C values
            got = getattr(made, name)
            assert got is value or not hasattr(value, "shape") and got == value, (cls, name)
        missing = dataclasses.MISSING
        required = {f.name: given[f.name] for f in fields
                    if f.default is missing and f.default_factory is missing}
        made = cls(**required)
        for f in fields:
            if f.name not in required:
                default = f.default if f.default_factory is missing else f.default_factory()
                assert getattr(made, f.name) == default, (cls, f.name)
