"""Documents on disk → a built corpus (``mentions.parquet`` + ``documents.parquet``).

A corpus folder holds one ``.txt`` (or ``.html``) file per document, each optionally with
a ``.json`` sidecar of the same name giving ``title``, ``published`` (ISO date),
``source_kind`` and ``url``. A document that cannot be read is reported by name with the
reason, and the rest of the build goes on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from . import io
from .dates import publication_date
from .gazetteer import load_gazetteer
from .pipeline import _cyclic_gc_paused, _frame, _rows
from .rows import COLUMNS
from .segment import sentences

SUFFIXES = (".txt", ".html", ".htm", ".md")
Progress = Callable[[int, int, str], None]


@dataclass
class BuildReport:
    """What a build did: documents built, and documents skipped with the reason."""

    built: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    mentions: int = 0

    def summary(self) -> str:
        lines = [f"{len(self.built)} documents, {self.mentions} place mentions"]
        lines += [f"skipped {name}: {why}" for name, why in self.skipped.items()]
        return "\n".join(lines)


class DocumentError(ValueError):
    """A document that cannot be read, with the reason in words."""


def read_document(path: Path) -> tuple[str, dict]:
    """Text and metadata of one document file; raises DocumentError saying what is wrong."""
    raw = path.read_bytes()
    if not raw.strip():
        raise DocumentError("the file is empty")
    if b"\x00" in raw[:4096]:
        raise DocumentError("the file is binary, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DocumentError(f"not UTF-8 text (bad byte at offset {e.start})") from None
    meta: dict = {}
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise DocumentError(
                f"its metadata file {sidecar.name} is not valid JSON: {e}"
            ) from None
        if not isinstance(meta, dict):
            raise DocumentError(f"its metadata file {sidecar.name} is not a JSON object")
    return text, meta


def _published(text: str, meta: dict) -> tuple[dt.date | None, str]:
    if meta.get("published"):
        try:
            return dt.date.fromisoformat(str(meta["published"])[:10]), "metadata"
        except ValueError:
            raise DocumentError(
                f"metadata 'published' is not an ISO date: {meta['published']!r}"
            ) from None
    return publication_date(text)


def _title(text: str, meta: dict, path: Path) -> str:
    if meta.get("title"):
        return str(meta["title"])
    for line in text.splitlines():
        if len(line.strip()) > 3:
            return headline(" ".join(line.split()))
    return path.stem


def headline(line: str, most: int = 100) -> str:
    """A title from a document's first line: the line when short; else its first sentence when
    that is short (a text without a headline starts with its lead); else cut at a word, '…'."""
    if len(line) <= most:
        return line
    first = sentences(line)[0]
    if first[1] - first[0] <= most * 1.4:
        return line[first[0] : first[1]].strip()
    cut = line.rfind(" ", 0, most)
    return line[: cut if cut > most // 2 else most].rstrip(" ,;:-–—") + "…"


def build_corpus(
    corpus: Path | str = io.CORPUS, out: Path | str = io.BUILD, progress: Progress | None = None
) -> BuildReport:
    """Geoparse every document in ``corpus`` and write the outputs atomically to ``out``."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus}")
    files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    gaz = load_gazetteer()
    report, all_rows, docs = BuildReport(), [], []
    for n, path in enumerate(files):
        if progress:
            progress(n, len(files), path.name)
        try:
            text, meta = read_document(path)
            published, how = _published(text, meta)
        except (DocumentError, OSError) as e:
            report.skipped[path.name] = str(e)
            continue
        rows = [dict(zip(COLUMNS, r)) for r in _rows(text, published, gaz)]
        if how == "inferred":
            for r in rows:
                r["date_source"] = (
                    "inferred" if r["date_source"] == "published" else r["date_source"]
                )
        doc_id, title = path.stem, _title(text, meta, path)
        stamp = pd.Timestamp(published) if published else pd.NaT
        all_rows.extend((doc_id, title, stamp, *r.values()) for r in rows)
        counted = sum(1 for r in rows if not r["duplicate"] and r["role"] == "place")
        docs.append(
            {
                "doc_id": doc_id,
                "title": title,
                "published": stamp,
                "date_source": how,
                "source_kind": meta.get("source_kind", "document"),
                "url": meta.get("url", ""),
                "path": path.name,
                "text": text,
                "n_mentions": counted,
            }
        )
        report.built.append(path.name)
    if progress:
        progress(len(files), len(files), "writing")
    with _cyclic_gc_paused():
        mentions = _frame(all_rows, ["doc_id", "title", "published"]) if all_rows \
            else io.empty_mentions()
    mentions["published"] = pd.to_datetime(mentions["published"])
    documents = pd.DataFrame(docs, columns=io.DOCUMENT_COLUMNS)
    documents["published"] = pd.to_datetime(documents["published"])
    io.write_build(gpd.GeoDataFrame(mentions[io.MENTION_COLUMNS], crs="EPSG:4326"), documents, out)
    report.mentions = int((~mentions["duplicate"]).sum()) if len(mentions) else 0
    return report


def is_stale(corpus: Path | str = io.CORPUS, out: Path | str = io.BUILD) -> bool:
    """Whether the build is missing or older than a document, the gazetteer or the code."""
    target = Path(out) / "mentions.parquet"
    if not target.exists() or not (Path(out) / "documents.parquet").exists():
        return True
    built = target.stat().st_mtime
    sources = [
        *Path(corpus).glob("*"),
        *Path(__file__).parent.glob("*.py"),
        *(io.DATA / "gazetteer").glob("*"),
    ]
    return any(p.stat().st_mtime > built for p in sources)
