"""geo.corpus and ``python -m geo build``: building, bad inputs, atomic outputs, staleness."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import geo.corpus
import geo.io
from geo.corpus import build_corpus, is_stale

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "corpus"
OUTPUTS = {"mentions.parquet", "documents.parquet"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, geo.corpus.BuildReport]:
    """The sample corpus built once into a temporary folder."""
    base = tmp_path_factory.mktemp("built")
    shutil.copytree(SAMPLE, base / "corpus")
    report = build_corpus(base / "corpus", base / "out")
    return base / "out", report


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in a folder, by name, with a hash of its content."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_build_writes_both_tables(built) -> None:
    out, report = built
    assert {p.name for p in out.iterdir()} == OUTPUTS
    stems = sorted(p.stem for p in SAMPLE.glob("*.txt"))
    assert sorted(report.built) == [f"{s}.txt" for s in stems]
    assert report.skipped == {}
    mentions, documents = geo.io.read_mentions(out), geo.io.read_documents(out)
    for col in ("doc_id", "title", "published"):
        assert col in mentions.columns and col in documents.columns
    assert sorted(documents["doc_id"]) == stems
    assert set(mentions["doc_id"]) == set(stems)
    assert list(mentions.columns) == geo.io.MENTION_COLUMNS
    assert mentions.crs.to_epsg() == 4326
    assert report.mentions == int((~mentions["duplicate"]).sum())


def test_titles_and_publication_dates(built) -> None:
    out, _ = built
    docs = geo.io.read_documents(out).set_index("doc_id")
    assert docs.loc["000_d3718ff838e66cb3", "title"] == "The French Connection"
    assert docs.loc["000_d3718ff838e66cb3", "published"] == pd.Timestamp("2012-05-01")
    assert docs.loc["002_5dd1956d5a15669a", "published"] == pd.Timestamp("2020-09-22")
    assert pd.isna(docs.loc["004_7d47857d5588ad20", "published"])
    mentions = geo.io.read_mentions(out)
    first = mentions[mentions["doc_id"] == "000_d3718ff838e66cb3"]
    assert (first["title"] == "The French Connection").all()
    assert (first["published"] == pd.Timestamp("2012-05-01")).all()


def test_documents_counts_exclude_duplicates_and_non_places(built) -> None:
    out, _ = built
    mentions, docs = geo.io.read_mentions(out), geo.io.read_documents(out).set_index("doc_id")
    for doc_id, rows in mentions.groupby("doc_id"):
        counted = int(((rows["role"] == "place") & ~rows["duplicate"]).sum())
        assert docs.loc[doc_id, "n_mentions"] == counted
    assert mentions["duplicate"].any()


def test_bad_inputs_are_skipped_with_reasons(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"Mali\x00\x01\x02\x00 Bamako")
    (corpus / "latin1.txt").write_bytes("Soldiers entered Ségou.".encode("latin-1"))
    (corpus / "badmeta.txt").write_text("Troops entered Bamako.", encoding="utf-8")
    (corpus / "badmeta.json").write_text("{not json", encoding="utf-8")
    report = build_corpus(corpus, tmp_path / "out")
    assert set(report.skipped) == {"empty.txt", "binary.txt", "latin1.txt", "badmeta.txt"}
    assert "empty" in report.skipped["empty.txt"].lower()
    assert "binary" in report.skipped["binary.txt"].lower()
    assert "utf-8" in report.skipped["latin1.txt"].lower()
    assert "json" in report.skipped["badmeta.txt"].lower()
    assert "badmeta.json" in report.skipped["badmeta.txt"]
    assert len(report.built) == 5  # the rest of the build went on
    assert set(geo.io.read_documents(tmp_path / "out")["doc_id"]) == {
        p.stem for p in SAMPLE.glob("*.txt")}
    summary = report.summary()
    assert all(name in summary for name in report.skipped)


def test_corpus_of_only_bad_files_builds_empty_tables(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"  \n")
    report = build_corpus(tmp_path / "corpus", tmp_path / "out")
    assert report.built == [] and list(report.skipped) == ["empty.txt"]
    assert len(geo.io.read_mentions(tmp_path / "out")) == 0
    assert len(geo.io.read_documents(tmp_path / "out")) == 0


def test_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="corpus folder not found"):
        build_corpus(tmp_path / "nowhere", tmp_path / "out")
    assert not (tmp_path / "out").exists()


# --- an interrupted build leaves the previous outputs ----------------------------------------
@pytest.fixture
def previous(corpus: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    build_corpus(corpus, out)
    (corpus / "extra.txt").write_text("Rebels entered Gao and Kidal.", encoding="utf-8")
    return out, snapshot(out)


def test_interrupted_while_parsing(previous, corpus, monkeypatch) -> None:
    out, before = previous
    calls = []
    real = geo.corpus._rows

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("interrupted")
        return real(*args, **kwargs)

    monkeypatch.setattr(geo.corpus, "_rows", failing)
    with pytest.raises(RuntimeError):
        build_corpus(corpus, out)
    assert snapshot(out) == before


def test_interrupted_while_writing(previous, corpus, monkeypatch) -> None:
    out, before = previous
    written = []

    def failing(self, path, *args, **kwargs):
        written.append(Path(path).name)
        assert (Path(path).parent / ".mentions.parquet.new").exists()  # half-way through
        raise OSError("disk full")

    # mentions (a GeoDataFrame) are written first; the documents table write fails
    monkeypatch.setattr(pd.DataFrame, "to_parquet", failing)
    with pytest.raises(OSError, match="disk full"):
        build_corpus(corpus, out)
    assert written == [".documents.parquet.new"]
    assert snapshot(out) == before  # unchanged, and no temporary files left


def test_interrupted_between_renames(previous, corpus, monkeypatch) -> None:
    out, before = previous
    calls = []
    real = os.replace

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("interrupted")
        return real(src, dst)

    monkeypatch.setattr(geo.io.os, "replace", failing)
    with pytest.raises(OSError):
        build_corpus(corpus, out)
    assert snapshot(out) == before


# --- staleness and the command line ----------------------------------------------------------
def test_is_stale(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert is_stale(corpus, out)
    build_corpus(corpus, out)
    assert not is_stale(corpus, out)
    (out / "documents.parquet").unlink()
    assert is_stale(corpus, out)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_build(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli-out"
    done = run_cli("build", str(corpus), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert {p.name for p in out.iterdir()} == OUTPUTS
    assert len(geo.io.read_documents(out)) == 5
    assert "5 documents" in done.stdout
    again = run_cli("build", str(corpus), "--out", str(out), "--if-stale")
    assert again.returncode == 0 and "up to date" in again.stdout


def test_cli_missing_corpus_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-corpus"
    done = run_cli("build", str(missing), "--out", str(tmp_path / "out"))
    assert done.returncode != 0
    assert "not found" in done.stderr and str(missing) in done.stderr
    assert "Traceback" not in done.stderr


def test_a_text_without_a_headline_is_titled_by_its_first_sentence_or_a_cut_at_a_word():
    from geo.corpus import headline

    lead = ("Eritrea officially launched a new national vaccination program yesterday to "
            "protect children against deadly polio. Despite having no confirmed cases since")
    assert headline(lead) == lead[: lead.index(". ") + 1]
    assert headline("Short title") == "Short title"
    long = "The government said " + "and then it said more " * 10 + "at last."
    title = headline(long)
    assert title.endswith("…") and len(title) <= 101 and long.startswith(title[:-1])
    assert title[-2] != " " and long[len(title) - 1] == " "  # cut between words
