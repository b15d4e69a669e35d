"""How fast the dashboard's map is at real sizes, in a real headless browser, against a naive page.

Run from the repository root::

    .venv/bin/python bench/map_render.py                                # 1k, 10k, 100k mentions
    .venv/bin/python bench/map_render.py --sizes 1000 10000 --repeat 1  # quick
    .venv/bin/python bench/map_render.py --apps placeline --sizes 100000
    .venv/bin/python bench/map_render.py --apps placeline --root /tmp/old   # another checkout

For each size, a seeded synthetic corpus (``bench/synthetic_corpus.py``) is written as a build
folder, then each app is started on it with ``streamlit run`` (``PLACELINE_BUILD`` set) and
driven by headless Chromium, offline (requests that leave localhost fail, see ``OFFLINE``):

* ``placeline``: the dashboard's Map page (``dashboard.py``, ``/map``);
* ``naive``: ``bench/naive_map.py``, one ``folium.CircleMarker`` with a popup per mention,
  the whole map rebuilt on every rerun, same slider, basemap and vendored Leaflet.

Each repeat starts a fresh server and measures:

* first render, cold: from navigation to the map's circles being on the map (the count
  expected for the view, computed here from the same tables), in a fresh browser on a fresh
  server: starting the app's Python, reading the build and filling every cache included;
* first render, warm: the same in a new tab of that browser (a new Streamlit session; the
  server's caches and the browser's HTTP cache are filled);
* slider, new window: from pressing End on the left thumb of the time slider (the window
  becomes the last month) to the map showing that month's circles, a filter state the server
  has not seen;
* slider, back: from pressing Home (the whole span again, already cached on the server);
* bytes: what the server sent over the websocket from the action until the run ended and the
  map settled (Playwright ``framereceived`` payloads, uncompressed as Streamlit sends them;
  HTTP fetches of scripts, styles and the basemap file are not counted).

Medians over ``--repeat`` repeats. A wait longer than ``--timeout`` seconds is recorded as
"> N s" and ends that size for that app. Prints a markdown table for ``BENCHMARKS.md`` and
writes the raw measurements as JSON into ``bench/results/``. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from appserver import streamlit_app  # noqa: E402
from geoparse_speed import cpu_model  # noqa: E402
from synthetic_corpus import write_synthetic_build  # noqa: E402

from geo import assets, io, views  # noqa: E402

RESULTS = REPO / "bench" / "results"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
# Offline without a Python round trip per request (``page.route`` would add one to each of
# the ~100 script chunks Streamlit loads, and to the measurement): every request except to
# localhost goes to a proxy that is not there and fails. Chromium never proxies localhost.
OFFLINE = ["--proxy-server=http://127.0.0.1:9"]
THUMBS = '[data-testid="stMain"] [data-testid="stSlider"] input[type="range"]'
APPS = ("placeline", "naive")
METRICS = ("first_cold", "first_warm", "slider_new", "slider_back")
# Circles on the map in each st_folium frame that holds a live map (Leaflet layers with the
# class of mention circles, so SVG and canvas drawing count alike; a canvas paints them on
# the next animation frame). Only frames of this page's origin (the component frames are
# served by the app itself).
COUNT_JS = """() => {
  const counts = [];
  for (const f of document.querySelectorAll('iframe')) {
    let w;
    try { w = f.contentWindow; if (!w || !w.map || !w.L) continue; } catch (e) { continue; }
    let n = 0;
    for (const id in w.map._layers) {
      const o = w.map._layers[id].options;
      if (o && o.className === 'pl-mention') n += 1;
    }
    counts.push(n);
  }
  return counts;
}"""
WAIT_JS = f"(n) => ({COUNT_JS})().includes(n)"


# --------------------------------------------------------------------------- expectations


@dataclass(frozen=True)
class Expected:
    """Circles each app should show in the two views measured (whole span, last month)."""

    mentions: int
    full: dict[str, int]
    last: dict[str, int]


def expectations(folder: Path) -> Expected:
    """What the map must show, computed with the dashboard's own filters from the build.

    The default view is the whole dated span by month, undated mentions hidden; End on the
    slider's left thumb makes the window the last month. The dashboard draws one circle per
    place; the naive page one per mention.
    """
    m = io.read_mentions(folder)
    span = views.time_span(views.filter_mentions(m), "event")
    assert span is not None, "the synthetic corpus has dated mentions"
    last_month = (views.period_start(span[1], "month"), span[1])
    full: dict[str, int] = {}
    last: dict[str, int] = {}
    for window, out in ((span, full), (last_month, last)):
        shown = views.filter_mentions(m, window, "month", "event", include_undated=False)
        out.update(placeline=int(shown["place_id"].nunique()), naive=len(shown))
    return Expected(len(m), full, last)


# --------------------------------------------------------------------------- servers


def naive_app(workdir: Path) -> Path:
    """Where to start the naive page from: a folder with a link to it and to ``static/``.

    Streamlit serves ``static/`` next to the main script, so the page is started from a
    folder that links the repository's vendored Leaflet (the same offline setup).
    """
    app = workdir / "naive"
    app.mkdir(exist_ok=True)
    for name, target in (("naive_map.py", REPO / "bench" / "naive_map.py"),
                         ("static", REPO / "static")):
        link = app / name
        if not link.exists():
            link.symlink_to(target)
    return app / "naive_map.py"


@contextmanager
def server(app: str, build: Path, workdir: Path, log: Path,
           root: Path = REPO) -> Iterator[str]:
    """A streamlit server for ``app`` on ``build``; yields the URL of its map page.

    ``root``: the checkout to run the dashboard from (another one for a before/after
    comparison, e.g. ``git archive`` of an older commit with ``static/vendor`` copied in).
    """
    script, path = ("dashboard.py", "map") if app == "placeline" else (naive_app(workdir), "")
    options = ["--server.enableStaticServing", "true", "--server.runOnSave", "false",
               "--browser.gatherUsageStats", "false"]
    with streamlit_app(script, build, root if app == "placeline" else REPO, log, options,
                       wait=60) as url:
        yield url + path


# --------------------------------------------------------------------------- browser


@dataclass
class Traffic:
    """Websocket payload bytes and frames, counted while ``on`` (server to browser: ``down``)."""

    on: bool = False
    down: int = 0
    frames: int = 0
    up: int = 0
    outside: list[str] = field(default_factory=list)

    def start(self) -> None:
        self.on, self.down, self.frames, self.up = True, 0, 0, 0

    def received(self, payload: str | bytes) -> None:
        if self.on:
            self.down += len(payload)
            self.frames += 1

    def sent(self, payload: str | bytes) -> None:
        if self.on:
            self.up += len(payload)


class TimedOut(Exception):
    """A wait took longer than the timeout."""


def _local(url: str) -> bool:
    return urlparse(url).hostname in ("127.0.0.1", "localhost") or url.startswith(
        ("data:", "blob:"))


def new_page(context: Any) -> tuple[Any, Traffic]:
    """A new tab (a new Streamlit session) that counts websocket traffic and requests that
    try to leave localhost (the browser's proxy setting makes those fail, see ``OFFLINE``)."""
    page = context.new_page()
    traffic = Traffic()

    def websocket(ws: Any) -> None:
        ws.on("framereceived", traffic.received)
        ws.on("framesent", traffic.sent)

    page.on("request", lambda r: None if _local(r.url) else traffic.outside.append(r.url))
    page.on("websocket", websocket)
    return page, traffic


def wait_markers(page: Any, expected: int, timeout: float) -> None:
    """Until one map frame holds exactly ``expected`` circles (checked every animation frame)."""
    try:
        page.wait_for_function(WAIT_JS, arg=expected, polling="raf", timeout=timeout * 1000)
    except Exception as e:  # noqa: BLE001 - Playwright's TimeoutError, or the page went away
        raise TimedOut(str(e).splitlines()[0]) from e


def settle(page: Any, expected: int, timeout: float) -> None:
    """Until the script run has ended and the circles stayed ``expected`` for half a second."""
    end = time.monotonic() + timeout
    stable_since = None
    while time.monotonic() < end:
        running = page.locator('[data-testid="stStatusWidget"]').count() > 0
        counts = page.evaluate(COUNT_JS)
        if not running and counts == [expected]:
            stable_since = stable_since or time.monotonic()
            if time.monotonic() - stable_since >= 0.5:
                return
        else:
            stable_since = None
        page.wait_for_timeout(100)
    raise TimedOut("the map did not settle")


def measure(page: Any, traffic: Traffic, action: Any, expected: int,
            timeout: float) -> dict[str, Any]:
    """Time from ``action()`` to ``expected`` circles drawn, and the traffic until settled."""
    traffic.start()
    t0 = time.perf_counter()
    action()
    wait_markers(page, expected, timeout)
    seconds = time.perf_counter() - t0
    settle(page, expected, timeout)
    page.wait_for_timeout(200)  # deliver the last websocket events
    traffic.on = False
    return {"seconds": round(seconds, 4), "ws_bytes": traffic.down, "ws_frames": traffic.frames,
            "ws_bytes_up": traffic.up, "markers": expected}


def run_repeat(browser: Any, url: str, exp: Expected, app: str,
               timeout: float) -> dict[str, dict[str, Any]]:
    """One repeat on a fresh server: first render in a fresh browser (cold: nothing cached
    on either side), then in a new tab (warm: a new session, server caches and browser cache
    filled), then two slider moves in that tab."""
    out: dict[str, dict[str, Any]] = {}
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    outside: list[str] = []
    try:
        page = None
        for metric in ("first_cold", "first_warm"):
            if page is not None:
                page.close()  # one session at a time: a map left open may still rerun
            page, traffic = new_page(context)
            out[metric] = measure(page, traffic, lambda p=page: p.goto(url, wait_until="commit"),
                                  exp.full[app], timeout)
            outside += traffic.outside
        thumb = page.locator(THUMBS).first
        thumb.wait_for(timeout=timeout * 1000)
        thumb.focus()
        for metric, key, expected in (("slider_new", "End", exp.last[app]),
                                      ("slider_back", "Home", exp.full[app])):
            out[metric] = measure(page, traffic, lambda k=key, p=page: p.keyboard.press(k),
                                  expected, timeout)
            outside += traffic.outside
            thumb = page.locator(THUMBS).first
            thumb.focus()
    except TimedOut as e:
        missing = next(m for m in METRICS if m not in out)
        out[missing] = {"timed_out": True, "seconds": None, "error": str(e)}
    finally:
        context.close()
    if outside:
        out["outside"] = {"urls": sorted(set(outside))}
    return out


# --------------------------------------------------------------------------- report


def median(results: list[dict], metric: str, key: str = "seconds") -> float | None:
    """Median of a metric over the repeats that measured it (None: none did)."""
    values = [r[metric][key] for r in results if metric in r and r[metric].get(key) is not None]
    return statistics.median(values) if values else None


def cell_seconds(results: list[dict], metric: str, timeout: float) -> str:
    """'0.84' (median seconds), '> 120' when a repeat timed out there, or '–' when not reached."""
    if any(r.get(metric, {}).get("timed_out") for r in results):
        return f"> {timeout:g}"
    value = median(results, metric)
    return "–" if value is None else f"{value:.2f}"


def cell_bytes(results: list[dict], metric: str) -> str:
    """Median websocket bytes as kB or MB."""
    value = median(results, metric, "ws_bytes")
    if value is None:
        return "–"
    return f"{value / 1e6:.1f} MB" if value >= 1e6 else f"{value / 1e3:.0f} kB"


def git_commit() -> str:
    """Short commit of the checkout (read-only), with '+changes' when the tree is dirty."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=REPO).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, cwd=REPO).stdout.strip()
    except OSError:
        return "unknown"
    return (head or "unknown") + (" + uncommitted changes" if dirty else "")


def chromium_version() -> str:
    """``chromium --version``, or 'Chromium' when it cannot be asked."""
    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                              timeout=20).stdout.strip() or "Chromium"
    except (OSError, subprocess.TimeoutExpired):
        return "Chromium"


def format_report(runs: list[dict], argv: list[str], timeout: float) -> str:
    """Markdown table (one row per size and app) and the run's context."""
    header = ["mentions", "page", "circles (all / last month)", "first render cold s",
              "first render warm s", "slider → new window s", "slider → back s",
              "bytes first render", "bytes per rerun (new window)", "bytes per rerun (back)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for run in runs:
        res = run["repeats"]
        cells = [f"{run['mentions']:,}", run["app"],
                 f"{run['full']:,} / {run['last']:,}",
                 *(cell_seconds(res, m, timeout) for m in METRICS),
                 cell_bytes(res, "first_warm"), cell_bytes(res, "slider_new"),
                 cell_bytes(res, "slider_back")]
        lines.append("| " + " | ".join(cells) + " |")
    repeats = max((len(r["repeats"]) for r in runs), default=0)
    outside = sorted({u for r in runs for rep in r["repeats"]
                      for u in rep.get("outside", {}).get("urls", [])})
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines += [
        "",
        f"Command: `python bench/map_render.py {shlex.join(argv)}`",
        f"Machine: {cpu_model()}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; {chromium_version()} headless; "
        f"commit {git_commit()}; {date}.",
        f"Medians of {repeats} repeat(s), each on a fresh server; times are from the action "
        "(navigation, key press) to the expected number of circles in the map frame; bytes "
        "are websocket payloads from the server until the run ended.",
        "Requests that tried to leave localhost (blocked): "
        + (", ".join(outside) if outside else "none") + ".",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000],
                        help="mentions in each synthetic corpus (1000 10000 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats per size and app (3)")
    parser.add_argument("--apps", nargs="+", choices=APPS, default=list(APPS))
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before a wait counts as '> N s' (120)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic corpus (7)")
    parser.add_argument("--out", type=Path, help="JSON results (default bench/results/...)")
    parser.add_argument("--root", type=Path, default=REPO,
                        help="checkout to run the dashboard from (default: this one)")
    args = parser.parse_args(argv)

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is not installed", file=sys.stderr)
        return 2
    if not assets.available():
        print("static/vendor/ is incomplete: run `make static` first", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    # Stopped with SIGTERM: unwind, so that the servers and the browser are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    out = args.out or RESULTS / f"map_render-{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="placeline-bench-") as tmp, \
            sync_playwright() as p:
        workdir = Path(tmp)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS + OFFLINE)
        for size in args.sizes:
            build = workdir / f"build-{size}"
            t0 = time.perf_counter()
            write_synthetic_build(size, build, args.seed)
            exp = expectations(build)
            print(f"{size} mentions: corpus written in {time.perf_counter() - t0:.1f} s; "
                  f"circles {exp.full} (all), {exp.last} (last month)", file=sys.stderr,
                  flush=True)
            for app in args.apps:
                run = {"app": app, "mentions": exp.mentions, "full": exp.full[app],
                       "last": exp.last[app], "repeats": []}
                runs.append(run)
                for i in range(args.repeat):
                    log = workdir / f"{app}-{size}.log"
                    with server(app, build, workdir, log, args.root) as url:
                        result = run_repeat(browser, url, exp, app, args.timeout)
                    run["repeats"].append(result)
                    print(f"  {app} #{i + 1}: " + ", ".join(
                        f"{m} {result[m]['seconds']:.2f} s"
                        if result[m].get("seconds") is not None else f"{m} > {args.timeout:g} s"
                        for m in METRICS if m in result), file=sys.stderr, flush=True)
                    out.write_text(json.dumps({"argv": argv, "runs": runs}, indent=1))
                    if any(r.get("timed_out") for r in result.values()):
                        break  # the next repeats would time out as well
        browser.close()
    report = format_report(runs, argv, args.timeout)
    print(report)
    out.write_text(json.dumps({"argv": argv, "runs": runs, "report": report}, indent=1))
    print(f"\nRaw results: {out.relative_to(REPO) if out.is_relative_to(REPO) else out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
