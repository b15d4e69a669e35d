"""Speed of ``geo.geoparse_many`` on one core, side by side with ``geotext`` as a baseline.

Run from the repository root::

    .venv/bin/python bench/geoparse_speed.py                  # ~4,000-character articles
    .venv/bin/python bench/geoparse_speed.py --articles 50    # quicker
    .venv/bin/python bench/geoparse_speed.py --out bench/results/speed.md

Articles are built from the EUPEG corpora in ``/work/shared/corpora`` when present (their texts
concatenated and cut into ~4,000-character articles at sentence ends), else generated (seeded,
so the same everywhere). Each tool runs in its own fresh process pinned to one CPU, which
measures:

* start-up: ``import`` time and the first call on ``"Paris"`` (``geo.geoparse("Paris")``, the
  gazetteer load; ``GeoText("Paris")`` for geotext);
* throughput: ``geo.geoparse_many(articles)`` on all articles at once, or ``GeoText(text)`` per
  article, after one warm-up call; best of ``--repeat`` runs;
* peak resident memory of the process (``VmHWM`` on Linux, else ``resource.getrusage``).

Prints a markdown table for ``BENCHMARKS.md``. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

# One thread for numeric libraries; set before the workers (which import numpy) start.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path("/work/shared/corpora")
TOOLS = ("geo", "geotext")


# --------------------------------------------------------------------------- input articles


def corpus_texts(folder: Path) -> list[str]:
    """Article texts of every ``*.xml`` corpus in ``folder`` (any EUPEG format), in file order."""
    texts = []
    for path in sorted(folder.glob("*.xml")):
        root = ET.parse(path).getroot()
        texts.extend(t for a in root.iter("article") if (t := a.findtext("text") or "").strip())
    return texts


def chunk_texts(texts: list[str], chars: int, count: int) -> list[str]:
    """Concatenate texts and cut them into ``count`` articles of about ``chars`` characters.

    Each article ends at the last sentence end (``". "`` or a newline) before ``chars``, so no
    article is cut mid-word; the texts are cycled if they run out.
    """
    if not texts:
        raise ValueError("no texts to build articles from")
    articles: list[str] = []
    buffer = ""
    i = 0
    while len(articles) < count:
        while len(buffer) < chars:
            buffer += texts[i % len(texts)].strip() + "\n\n"
            i += 1
        cut = max(buffer.rfind(". ", 0, chars), buffer.rfind("\n", 0, chars))
        cut = cut + 1 if cut > chars // 2 else chars
        articles.append(buffer[:cut].strip())
        buffer = buffer[cut:].lstrip()
    return articles


_PLACES = [
    "Bamako", "Ségou", "Mopti", "Gao", "Timbuktu", "Niamey", "Agadez", "Ouagadougou", "Dakar",
    "N'Djamena", "Nouakchott", "Kano", "Lagos", "Abuja", "Accra", "Nairobi", "Cairo", "Paris",
    "London", "Washington", "New York", "Geneva", "Brussels", "Moscow", "Beijing", "New Delhi",
    "Jakarta", "Lima", "Ottawa", "Sydney", "Mali", "Niger", "Burkina Faso", "Chad", "Senegal",
    "Mauritania", "Nigeria", "France", "Algeria", "Libya", "the United States", "Germany",
]  # fmt: skip
_ADJECTIVES = ["Malian", "Nigerien", "French", "Nigerian", "Senegalese", "American", "Chadian"]
_NAMES = ["Amadou Diallo", "Fatoumata Traoré", "Jean Dupont", "Sarah Miller", "Ibrahim Keita"]
_TEMPLATES = [
    "Officials in {p} said on {day} that {n} people had been displaced by fighting near {q}.",
    "The {a} government announced a new programme with partners in {p} and {q}.",
    "{name}, a spokesperson for the ministry, told reporters in {p} that talks would resume.",
    "Prices of millet and sorghum rose by {n} percent in markets around {p} this season.",
    "A convoy travelling from {p} to {q} was stopped for several hours on {day}.",
    "Aid agencies warned that rains had cut the road between {p} and {q}.",
    "The {a} delegation met counterparts from {p} during the summit.",
    "Analysts said the decision could affect trade for months to come.",
    "Schools reopened on {day} after a pause of {n} weeks, according to local teachers.",
    "Farmers described the harvest as the worst in a decade.",
    "The meeting was attended by {n} representatives of civil society groups.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generated_texts(count: int, chars: int, seed: int = 42) -> list[str]:
    """``count`` synthetic news articles of about ``chars`` characters (seeded, reproducible)."""
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        sentences: list[str] = []
        size = 0
        while size < chars:
            sentence = rng.choice(_TEMPLATES).format(
                p=rng.choice(_PLACES),
                q=rng.choice(_PLACES),
                a=rng.choice(_ADJECTIVES),
                name=rng.choice(_NAMES),
                day=rng.choice(_DAYS),
                n=rng.randint(2, 900),
            )
            sentence = sentence[0].upper() + sentence[1:]
            sentences.append(sentence)
            size += len(sentence) + 1
        text = " ".join(sentences)
        articles.append(text[: text.rfind(".", 0, chars) + 1] or text[:chars])
    return articles


def build_articles(count: int, chars: int, corpora: Path, synthetic: bool) -> tuple[list[str], str]:
    """The benchmark articles and a description of where they came from."""
    if not synthetic and corpora.is_dir():
        texts = corpus_texts(corpora)
        if texts:
            articles = chunk_texts(texts, chars, count)
            return articles, f"EUPEG corpora in {corpora} ({len(texts)} texts, cut to ~{chars})"
    return generated_texts(count, chars), f"generated news-like articles (~{chars} characters)"


# --------------------------------------------------------------------------- worker process


def peak_rss_mb() -> float:
    """Peak resident set size of this process image in MB.

    ``resource.getrusage`` gives ``ru_maxrss`` (KB on Linux, bytes on macOS), but Linux keeps
    that high-water mark across ``fork``/``exec``, so a worker would report its parent's peak
    when that was higher; where ``/proc/self/status`` has ``VmHWM`` (the peak of this process
    image alone) that is used instead.
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        status = ""
    match = re.search(r"^VmHWM:\s*(\d+)\s*kB", status, re.M)
    if match:
        return int(match.group(1)) / 1024
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def pin_one_cpu() -> int | None:
    """Pin this process (and its children) to one CPU where the OS allows; return it."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def worker(tool: str, input_path: Path, repeat: int) -> dict:
    """Measure one tool in this (fresh) process; return the numbers as a dict."""
    sys.path.insert(0, str(REPO))
    t0 = time.perf_counter()
    if tool == "geo":
        import geo

        first = getattr(geo, "geoparse", None) or (lambda text: geo.geoparse_many([text]))
        t1 = time.perf_counter()
        compiled = geo.compiled.in_use("geo.recognise")  # `make compile` (mypyc)
        first("Paris")
        run = geo.geoparse_many

        def count(result: object) -> int:
            return len(result)  # type: ignore[arg-type]

    else:
        from geotext import GeoText

        t1 = time.perf_counter()
        GeoText("Paris")
        compiled = False

        def run(texts: list[str]) -> list:
            return [GeoText(text) for text in texts]

        def count(result: object) -> int:
            return sum(len(g.cities) + len(g.countries) for g in result)  # type: ignore[attr-defined]

    t2 = time.perf_counter()
    startup_rss = peak_rss_mb()
    articles = json.loads(input_path.read_text(encoding="utf-8"))
    run(articles[:2])  # warm-up
    times = []
    mentions = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run(articles)
        times.append(time.perf_counter() - start)
        mentions = count(result)
    return {
        "tool": tool,
        "articles": len(articles),
        "import_s": t1 - t0,
        "first_call_s": t2 - t1,
        "startup_rss_mb": startup_rss,
        "best_s": min(times),
        "median_s": statistics.median(times),
        "mentions": mentions,
        "peak_rss_mb": peak_rss_mb(),
        "compiled": compiled,
    }


def run_worker(tool: str, input_path: Path, repeat: int) -> dict:
    """Run :func:`worker` for ``tool`` in a fresh Python process; ``{"error": …}`` on failure."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", tool]
    cmd += ["--input", str(input_path), "--repeat", str(repeat)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return {"tool": tool, "error": lines[-1] if lines else f"exit {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def cpu_model() -> str:
    """CPU model name (Linux ``/proc/cpuinfo``), else the platform's processor string."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or platform.machine()
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
    return match.group(1).strip() if match else platform.machine()


def git_commit() -> str:
    """Short commit of the checkout (read-only), or ``"unknown"``."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
        )
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"


def format_report(results: list[dict], articles: list[str], source: str, argv: list[str]) -> str:
    """Markdown report: throughput and start-up table plus the run's context."""
    base = next((r for r in results if r["tool"] == "geotext" and "error" not in r), None)
    base_rate = base["articles"] / base["best_s"] if base else None
    header = [
        "tool", "articles", "mean chars", "mentions", "best s", "articles/s", "× geotext",
        "import s", "first call s", "start-up RSS MB", "peak RSS MB",
    ]  # fmt: skip
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    mean_chars = sum(map(len, articles)) / len(articles)
    for r in results:
        label = "geotext (GeoText per article)" if r["tool"] != "geo" else \
            "geo.geoparse_many" + (" (compiled)" if r.get("compiled") else " (Python)")
        if "error" in r:
            lines.append(f"| {label} | unavailable: {r['error']} |" + " |" * (len(header) - 2))
            continue
        rate = r["articles"] / r["best_s"]
        ratio = f"{rate / base_rate:.2f}" if base_rate else "–"
        cells = [
            label, str(r["articles"]), f"{mean_chars:.0f}", str(r["mentions"]),
            f"{r['best_s']:.3f}", f"{rate:.1f}", ratio, f"{r['import_s']:.2f}",
            f"{r['first_call_s']:.2f}", f"{r['startup_rss_mb']:.0f}", f"{r['peak_rss_mb']:.0f}",
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines += [
        "",
        f"Command: `python bench/geoparse_speed.py {shlex.join(argv)}`",
        f"Input: {len(articles)} articles, {source}.",
        f"Machine: {cpu_model()}, one core pinned; Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; commit {git_commit()}; {date}.",
        "Each tool ran in a fresh process: best of the timed runs after one warm-up call; "
        "× geotext > 1 means faster than geotext; "
        'start-up = import + first call on "Paris"; peak RSS: VmHWM on Linux, else getrusage.',
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="number of articles (200)")
    parser.add_argument("--chars", type=int, default=4000, help="characters per article (4000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per tool (3)")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="EUPEG corpus folder")
    parser.add_argument("--synthetic", action="store_true", help="use generated articles")
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS))
    parser.add_argument("--out", type=Path, help="also write the markdown report here")
    parser.add_argument("--worker", choices=TOOLS, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    pin_one_cpu()
    if args.worker:
        print(json.dumps(worker(args.worker, args.input, args.repeat)))
        return 0

    articles, source = build_articles(args.articles, args.chars, args.corpora, args.synthetic)
    with tempfile.TemporaryDirectory() as tmp:
        input_path = Path(tmp) / "articles.json"
        input_path.write_text(json.dumps(articles), encoding="utf-8")
        results = []
        for tool in args.tools:
            print(f"{tool}: {len(articles)} articles…", file=sys.stderr, flush=True)
            results.append(run_worker(tool, input_path, args.repeat))
    report = format_report(results, articles, source, argv)
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
