"""The README, the Makefile and the library's boundaries agree (docs as tests)."""

import ast
import inspect
import re
from pathlib import Path

import pytest

import geo

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ABOUT = ROOT / "pages" / "about.py"
LICENCE = re.compile(r"CC[ -]BY[ -]4\.0|Creative Commons Attribution 4\.0", re.I)


def readme() -> str:
    assert README.exists(), "README.md is missing"
    return README.read_text(encoding="utf-8")


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z][\w.-]*)\s*:(?!=)", text, re.M)}


def test_readme_starts_with_make_run_and_make_test() -> None:
    head = "\n".join(readme().splitlines()[:40])
    assert "make run" in head
    assert "make test" in head


def test_every_make_target_in_the_readme_exists() -> None:
    mentioned = set(re.findall(r"\bmake ([a-z][\w-]*)", readme()))
    assert {"run", "test"} <= mentioned
    assert mentioned <= make_targets(), f"not in the Makefile: {mentioned - make_targets()}"


@pytest.mark.parametrize("path", [README, ABOUT], ids=["README.md", "pages/about.py"])
def test_data_sources_credited(path: Path) -> None:
    if not path.exists():
        if path == README:
            pytest.fail("README.md is missing")
        pytest.skip(f"{path.relative_to(ROOT)} does not exist yet")
    text = path.read_text(encoding="utf-8")
    assert "GeoNames" in text
    assert LICENCE.search(text), "GeoNames's licence (CC BY 4.0) is not named"
    assert "Natural Earth" in text


@pytest.mark.parametrize("name", geo.__all__)
def test_public_functions_have_docstrings(name: str) -> None:
    obj = getattr(geo, name)
    doc = inspect.getdoc(obj)
    assert doc and len(doc.split()) >= 5, f"geo.{name} needs a docstring"


def _streamlit_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = ast.unparse(node.func)
            dynamic = func.endswith(("import_module", "__import__"))
            names = [str(node.args[0].value)] if dynamic else []
        else:
            continue
        found += [f"{path.name}:{node.lineno} {n}" for n in names
                  if n.split(".")[0].startswith("streamlit")]
    return found


def test_geo_never_imports_streamlit() -> None:
    modules = sorted((ROOT / "geo").rglob("*.py"))
    assert modules
    offenders = [hit for path in modules for hit in _streamlit_imports(path)]
    assert offenders == []


def test_streamlit_import_detector_works(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom streamlit_folium import st_folium\nimport streamlit as st\n")
    assert len(_streamlit_imports(bad)) == 2


def test_every_streamlit_setting_is_documented() -> None:
    """Each setting of .streamlit/config.toml is named in the README's settings table."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    settings = {f"{section}.{key}" for section, values in config.items() for key in values}
    assert settings, "no settings read"
    missing = {s for s in settings if f"`{s}`" not in readme()}
    assert not missing, f"undocumented in README.md: {sorted(missing)}"
