"""Command line: ``python -m geo build [CORPUS_DIR] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from . import io
from .corpus import build_corpus, is_stale


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo", description="Placeline's geo library")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="geoparse a corpus folder into GeoParquet files")
    b.add_argument("corpus", nargs="?", type=Path, default=io.CORPUS)
    b.add_argument("--out", type=Path, default=io.BUILD)
    b.add_argument(
        "--if-stale", action="store_true", help="only build when outputs are out of date"
    )
    args = ap.parse_args(argv)
    if args.if_stale and not is_stale(args.corpus, args.out):
        print(f"{args.out} is up to date")
        return 0
    bar = tqdm(total=None, unit="doc", desc="geoparsing", mininterval=0.5)

    def progress(done: int, total: int, name: str) -> None:
        # drawn at most twice a second: a log (not a terminal) gets a line per redraw
        bar.total = total
        bar.set_postfix_str(name, refresh=False)
        bar.update(done - bar.n)

    try:
        report = build_corpus(args.corpus, args.out, progress=progress)
    except FileNotFoundError as e:
        bar.close()
        print(f"error: {e}", file=sys.stderr)
        return 2
    bar.close()
    print(report.summary())
    print(f"wrote {args.out / 'mentions.parquet'} and {args.out / 'documents.parquet'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
