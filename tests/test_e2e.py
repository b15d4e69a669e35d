"""The dashboard in a real headless Chromium, offline: every request that leaves localhost is
blocked. Starts `streamlit run dashboard.py` on the fixture corpus; screenshots go to
tests/screenshots/. Skipped only outside CI when Chromium or Playwright is missing."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pandas as pd
import pytest

from bench.appserver import NotStarted, streamlit_app
from geo import assets, io, maps

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CI = os.environ.get("CI") == "true"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
THUMBS = '[data-testid="stMain"] [data-testid="stSlider"] input[type="range"]'


def _missing(what: str) -> None:
    if CI:
        pytest.fail(f"CI=true but {what}: the browser tests cannot run", pytrace=False)
    pytest.skip(f"{what} (the browser tests run in CI)")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    if not assets.available(extra=True):
        pytest.fail("static/vendor/ is incomplete: run `make static` (npm ci + "
                    "scripts/vendor_assets.py); the map cannot load offline without it")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@contextmanager
def serve(build: Path) -> Iterator[str]:
    """`streamlit run dashboard.py` on a build folder; yields its URL."""
    log = build / "streamlit.log"
    try:
        with streamlit_app("dashboard.py", build, ROOT, log) as url:
            yield url
    except NotStarted:
        pytest.fail("streamlit did not start:\n" + log.read_text())


@pytest.fixture(scope="module")
def server(fixture_build: Path) -> Iterator[str]:
    with serve(fixture_build) as url:
        yield url


@pytest.fixture
def page(browser, server) -> Iterator:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    pg = context.new_page()
    pg.outside, pg.errors, pg.dialogs = [], [], []

    def route(r) -> None:
        url = r.request.url
        if urlparse(url).hostname in ("127.0.0.1", "localhost") or url.startswith(
                ("data:", "blob:")):
            r.continue_()
        else:
            pg.outside.append(url)
            r.abort()

    pg.route("**/*", route)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.base = server
    yield pg
    context.close()
    assert not pg.outside, f"requests left localhost: {pg.outside}"
    assert not pg.dialogs, f"a script ran: {pg.dialogs}"


def wait_until(pg, fn, timeout: float = 30.0, what: str = "condition"):
    """Poll ``fn`` while letting Playwright work (route handlers only run inside its calls:
    a plain ``time.sleep`` would stall every request of the page)."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            last = fn()
            if last:
                return last
        except Exception as e:  # noqa: BLE001 - the page may be mid-rerun
            last = e
        pg.wait_for_timeout(250)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def idle(pg) -> None:
    """Wait until Streamlit has finished running the script."""
    pg.wait_for_timeout(400)
    wait_until(pg, lambda: pg.locator('[data-testid="stStatusWidget"]').count() == 0, 60,
               "the script run to end")


def map_frame(pg):
    wait_until(pg, lambda: any("st_folium" in f.url for f in pg.frames), 30, "the map frame")
    return [f for f in pg.frames if "st_folium" in f.url][0]


def markers(pg, expect: int | None = None, layer: str = "pl-mention") -> int:
    """Circles drawn by the map (waiting for ``expect`` of them if given)."""
    def count() -> int | bool:
        frame = map_frame(pg)
        if not frame.evaluate("() => !!(window.map && window.L)"):
            return False
        n = frame.locator(f"path.{layer}").count()
        return (n == expect or (n if expect is None and n else False)) and n
    try:
        wait_until(pg, lambda: count() is not False and (expect is None or count() == expect),
                   40, f"{expect} markers")
    except AssertionError:
        shot(pg, "failed_markers")
        raise
    return map_frame(pg).locator(f"path.{layer}").count()


def open_page(pg, path: str) -> None:
    pg.goto(pg.base + path)
    pg.locator('[data-testid="stSidebar"]').wait_for(timeout=60_000)
    idle(pg)
    # Page links and tables are loaded lazily by the Streamlit frontend.
    wait_until(pg, lambda: pg.locator('[data-testid="stPageLink-NavLink"]').count() >= 6, 30,
               "the page links")


def shot(pg, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"))


def slider_labels(pg) -> list[str]:
    thumbs = pg.locator(THUMBS)
    wait_until(pg, lambda: thumbs.count() >= 2, 30, "the time slider")
    return [thumbs.nth(i).get_attribute("aria-valuetext") for i in range(thumbs.count())]


LAND = (247, 245, 240)  # geo.maps.LAND


def pixel(pg, x: float, y: float) -> tuple[int, int, int]:
    """The colour painted at (x, y) of the page (a screenshot: what shows, not the DOM)."""
    from PIL import Image

    png = pg.screenshot(clip={"x": x, "y": y, "width": 1, "height": 1})
    return Image.open(BytesIO(png)).convert("RGB").getpixel((0, 0))


def unlike(colour: tuple[int, int, int], other: tuple[int, int, int]) -> bool:
    return max(abs(a - b) for a, b in zip(colour, other, strict=True)) > 12


def no_exception(pg) -> None:
    assert pg.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in pg.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("path, title", [
    ("", "Placeline"), ("map", "Map of place mentions"), ("timeline", "Timeline"),
    ("places", "Places"), ("documents", "Documents"), ("about", "About Placeline")])
def test_every_page_opens_offline(page, path, title):
    open_page(page, path)
    page.get_by_role("heading", name=title).first.wait_for()
    no_exception(page)
    if path in ("", "map"):
        assert markers(page, 7) == 7
        frame = map_frame(page)
        assert frame.locator(".pl-legend").first.is_visible()
        assert "Natural Earth" in frame.locator(".leaflet-control-attribution").inner_text()
    if path == "map":
        # Country names sit on their country (measured after the styles applied).
        off, shown = map_frame(page).evaluate("""() => { let worst = 0, shown = 0;
            window.map.eachLayer(l => { const icon = l.options && l.options.icon;
                if (!icon || !String(icon.options.className).includes('pl-country')) return;
                const label = l.getElement() && l.getElement().querySelector('span');
                const r = label && label.getBoundingClientRect();
                if (!r || r.width === 0) return;
                const c = window.map.getContainer().getBoundingClientRect();
                const p = window.map.latLngToContainerPoint(l.getLatLng());
                shown += 1;
                worst = Math.max(worst, Math.abs(r.left - c.left + r.width / 2 - p.x),
                                 Math.abs(r.top - c.top + r.height / 2 - p.y)); });
            return [worst, shown]; }""")
        assert shown > 0 and off < 3, (off, shown)
        control = map_frame(page).locator(".leaflet-control-layers").inner_text()
        assert "Place mentions" in control and "Density (heat map)" in control
    if path == "timeline":
        page.locator(".js-plotly-plot").first.wait_for()
    if path in ("places", "documents"):
        page.locator('[data-testid="stDataFrame"] canvas').first.wait_for()
        page.wait_for_timeout(500)
    shot(page, path or "overview")
    assert not page.errors, page.errors


def test_time_slider_changes_what_the_map_shows(page):
    open_page(page, "map")
    assert markers(page, 7) == 7
    left = page.locator(THUMBS).first
    left.focus()
    page.keyboard.press("End")  # the window becomes the last month: August 2020
    idle(page)
    assert slider_labels(page) == ["Aug 2020", "Aug 2020"]
    assert markers(page, 2) == 2  # Ségou and Bamako
    wait_until(page, lambda: "start=2020-08-01" in page.url and "end=2020-08-31" in page.url,
               20, "the window in the URL")
    shot(page, "map_august_2020")


def url_window(pg) -> tuple[str, str] | None:
    """The time window the page's address holds (what a shared link would reopen)."""
    q = parse_qs(urlparse(pg.url).query)
    return (q["start"][0], q["end"][0]) if "start" in q and "end" in q else None


def test_play_steps_the_window_through_time(page):
    open_page(page, "map?step=year")
    markers(page, 7)
    page.get_by_role("button", name="Play").click()
    seen: list[str] = []

    def stepped() -> bool:  # one-year windows, later and later (a step lasts ~1.6 s)
        window = url_window(page)
        if window and window[0][:4] == window[1][:4] and window[0][:4] not in seen:
            seen.append(window[0][:4])
        return len(seen) >= 2

    # The address, not the slider, witnesses the steps: reading the slider auto-waits while
    # a rerun replaces it, and a slow machine could sleep through every step that way.
    # A busy machine may miss a step or reach the last year: two later windows are enough.
    wait_until(page, stepped, 60, "two steps of the play control")
    assert seen == sorted(seen) and "2012" <= seen[0] <= "2020", seen
    pause = page.get_by_role("button", name="Pause")
    try:
        pause.click(timeout=5000)
    except Exception:  # noqa: BLE001 - it stopped by itself at the end of the corpus
        page.get_by_role("button", name="Play").wait_for(timeout=5000)
    idle(page)
    stopped = slider_labels(page)
    page.wait_for_timeout(2500)
    assert slider_labels(page) == stopped
    assert stopped[0] == stopped[1]
    # The slider shows the window the address holds, the one play stopped on.
    assert url_window(page) == (f"{stopped[0]}-01-01", f"{stopped[0]}-12-31"), page.url
    assert stopped[0] in seen or stopped[0] > seen[-1], (stopped, seen)
    expected = {"2012": 6, "2020": 2}.get(stopped[0], 0)  # the fixture's dated place mentions
    assert markers(page, expected) == expected
    shot(page, "map_playing")


def test_a_shared_link_opens_the_same_view(page):
    query = ("start=2012-03-01&end=2012-04-30&place=geonames%3A2460596&layers=mentions,heat"
             "&lat=14.2&lon=-5.5&zoom=6")
    open_page(page, "map?" + query)
    no_exception(page)
    assert slider_labels(page) == ["Mar 2012", "Apr 2012"]
    assert markers(page, 6) == 6
    frame = map_frame(page)
    wait_until(page, lambda: frame.evaluate("() => window.map.getZoom()") == 6, 20, "zoom 6")
    lat, lng = frame.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng]")
    assert abs(lat - 14.2) < 0.05 and abs(lng + 5.5) < 0.05
    assert frame.locator("canvas.leaflet-heatmap-layer").count() == 1
    # The heat shows around Bamako: drawn above the land, not hidden under it.
    at = frame.evaluate("""() => { let p = null; window.map.eachLayer(l => {
        if (l.feature && l.feature.id === 'geonames:2460596' && l.options.className
            === 'pl-mention') p = window.map.latLngToContainerPoint(l.getLatLng()); });
        return p && {x: p.x, y: p.y}; }""")
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    page.wait_for_timeout(500)
    assert unlike(pixel(page, box["x"] + at["x"] + 26, box["y"] + at["y"]), LAND)
    panel = page.locator('[data-testid="stMain"]').inner_text()
    assert "Soldiers seized power in Bamako on 21 March 2012." in panel
    assert page.locator("mark.pl-mention", has_text="Bamako").count() >= 1
    shot(page, "map_shared_link")


def test_copy_link_captures_the_map_view_and_reproduces_it(page, browser):
    open_page(page, "map")
    markers(page, 7)
    frame = map_frame(page)
    wait_until(page, lambda: frame.evaluate("() => !window.map._animatingZoom"), 10,
               "the first zoom animation to end")  # else its end overrides our view
    frame.evaluate("() => window.map.setView([13.9, -6.8], 7, {animate: false})")
    wait_until(page, lambda: frame.evaluate("() => window.map.getZoom()") == 7, 10, "zoom 7")
    frame.get_by_text("Density (heat map)").click()  # a layer switched on in the map
    page.locator(THUMBS).last.focus()
    page.keyboard.press("Home")  # the window becomes March 2012
    idle(page)
    n = markers(page, 3)
    assert frame.evaluate("() => window.map.getZoom()") == 7  # filters kept the view
    page.locator('[data-testid="pl-copy-link"]').click()
    code = page.locator('[data-testid="stCode"] code').first
    code.wait_for(timeout=30_000)
    link = code.inner_text().strip()
    q = {k: v[0] for k, v in parse_qs(urlparse(link).query).items()}
    assert urlparse(link).path.endswith("/map")
    assert q["zoom"] == "7" and abs(float(q["lat"]) - 13.9) < 0.01
    assert q["layers"] == "mentions,heat,regions" or set(q["layers"].split(",")) == {
        "mentions", "heat", "regions"}
    assert q["start"] == "2012-03-01" and q["end"] == "2012-03-31"
    shot(page, "map_copy_link")

    other = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    other.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname in (
        "127.0.0.1", "localhost") or r.request.url.startswith(("data:", "blob:"))
        else r.abort())
    other.goto(link)
    other.locator('[data-testid="stSidebar"]').wait_for(timeout=60_000)
    idle(other)
    assert slider_labels(other) == slider_labels(page) == ["Mar 2012", "Mar 2012"]
    assert markers(other, n) == n
    f2 = map_frame(other)
    wait_until(other, lambda: f2.evaluate("() => window.map.getZoom()") == 7, 20, "zoom 7")
    c = f2.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng]")
    assert abs(c[0] - 13.9) < 0.01 and abs(c[1] + 6.8) < 0.01
    assert f2.locator("canvas.leaflet-heatmap-layer").count() == 1
    other.context.close()


def test_clicking_a_place_opens_its_passages(page):
    open_page(page, "map")
    markers(page, 7)
    frame = map_frame(page)
    # The circle of Gao (on its own: Bamako and Kati overlap at this zoom).
    index = frame.evaluate("""() => {
        const paths = [...document.querySelectorAll('path.pl-mention')];
        let found = -1;
        window.map.eachLayer(l => { if (l.feature && l.feature.id === 'geonames:2457163'
                                        && l._path) found = paths.indexOf(l._path); });
        return found; }""")
    assert index >= 0
    box = frame.locator("path.pl-mention").nth(index).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # no scrolling
    wait_until(page, lambda: "place=geonames%3A2457163" in page.url, 30, "Gao in the URL")
    idle(page)
    page.locator("mark.pl-mention", has_text="Gao").first.wait_for()
    panel = page.locator('[data-testid="stMain"]').inner_text()
    assert "Rebels take Timbuktu" in panel
    assert "In April 2012 rebels entered Timbuktu and Gao." in panel
    assert re.search(r"confidence 0\.85", panel)
    assert frame.evaluate("() => window.map.getContainer().scrollLeft") == 0
    shot(page, "map_place_passages")


def test_the_map_saves_as_an_image_for_slides(page):
    from PIL import Image

    open_page(page, "map")
    markers(page)
    frame = map_frame(page)
    width, height = frame.evaluate("() => { const s = window.map.getSize(); return [s.x, s.y]; }")
    with page.expect_download(timeout=60_000) as saved:
        frame.locator(".pl-save a").click()
    assert saved.value.suggested_filename == maps.SAVE_FILE
    # captioned with what the view shows, the caption gone from the map once saved
    assert "mentions of" in frame.evaluate("() => window.plCaption")
    wait_until(page, lambda: frame.locator(".pl-caption").count() == 0, 10, "the caption gone")
    image = Image.open(saved.value.path()).convert("RGB")
    assert image.size == (2 * width, 2 * height)  # twice the screen's pixels, for slides
    counts = {colour: n for n, colour in image.getcolors(maxcolors=1 << 22)}
    assert counts.get(LAND, 0) > 0.1 * width * height  # the basemap is in it
    country = tuple(int(maps.FEATURE_COLORS["country"][i:i + 2], 16) for i in (1, 3, 5))
    assert any(not unlike(c, country) for c in counts)  # and the circles (Mali is a country)


def test_hostile_document_text_is_shown_as_text(page):
    open_page(page, "documents?doc=d4")
    no_exception(page)
    doc = page.locator(".pl-doc").first
    doc.wait_for()
    assert "<script>alert(1)</script> <b>Mali</b> is large & dry." in doc.inner_text()
    assert doc.locator("b").count() == 0 and doc.locator("script").count() == 0
    link = doc.locator("a", has_text="Mali").first
    assert "place=geonames%3A2453866" in link.get_attribute("href")
    shot(page, "documents_hostile")


@pytest.fixture(scope="module")
def big_build(corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus copied over a grid of places, more than ``maps.CANVAS_FROM`` of
    them: the map draws its circles and regions on a canvas."""
    mentions, documents = corpus
    copies = maps.CANVAS_FROM // 7 + 20  # seven dated places in each copy
    parts = []
    for i in range(copies):
        part = mentions.copy()
        part["place_id"] = part["place_id"] + f"-{i}"
        part["name"] = part["name"] + f" {i}"  # a click is resolved by name, then distance
        part["geometry"] = part.geometry.translate(xoff=(i % 40) * 0.8, yoff=(i // 40) * 0.6)
        parts.append(part)
    big = mentions.__class__(pd.concat(parts, ignore_index=True), crs=mentions.crs)
    folder = tmp_path_factory.mktemp("big")
    io.write_build(big, documents, folder)
    return folder


def test_a_big_corpus_draws_on_a_canvas_and_circles_still_select_places(browser, big_build):
    with serve(big_build) as url:
        pg = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        pg.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname in (
            "127.0.0.1", "localhost") or r.request.url.startswith(("data:", "blob:"))
            else r.abort())
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        data_files: list[str] = []
        pg.on("request", lambda r: data_files.append(r.url) if r.url.endswith(".json") else None)
        pg.base = url
        open_page(pg, "map")
        frame = map_frame(pg)
        expected = (maps.CANVAS_FROM // 7 + 20) * 7
        count = """(cls) => { let n = 0; if (!window.map) return -1;
            window.map.eachLayer(l => { if (l.options && l.options.className === cls
                && l.feature) n += 1; }); return n; }"""
        wait_until(pg, lambda: frame.evaluate(count, "pl-mention") == expected, 60,
                   f"{expected} circles")
        # They came as a data file (maps.data_files), not inside the map's script.
        assert any("/component/" in u for u in data_files), data_files
        # The context layer starts off, undrawn; turned on, it draws (and fetches) then.
        assert frame.evaluate(count, "pl-context") == 0
        frame.locator("label", has_text="Context: adjectives").locator("input").check()
        wait_until(pg, lambda: frame.evaluate(count, "pl-context") > 0, 30, "context circles")
        frame.locator("label", has_text="Context: adjectives").locator("input").uncheck()
        assert frame.locator("path.pl-mention").count() == 0  # not one SVG element each
        assert frame.locator("canvas").count() >= 1
        # Point at a circle well inside the map; the canvas says which circle is on top there.
        target = frame.evaluate("""() => { const s = window.map.getSize(); let found = null;
            window.map.eachLayer(l => { if (found || !l.feature
                || l.options.className !== 'pl-mention') return;
                const p = window.map.latLngToContainerPoint(l.getLatLng());
                if (p.x > 60 && p.y > 60 && p.x < s.x - 280 && p.y < s.y - 220)
                    found = {x: p.x, y: p.y}; });
            return found; }""")
        assert target, "no circle in view"
        box = pg.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
        # Painted above the basemap (Leaflet puts canvases under SVG within a pane).
        assert unlike(pixel(pg, box["x"] + target["x"], box["y"] + target["y"]), LAND)
        for dx in (-2, 0):  # two moves, apart by more than Leaflet's hover throttle (32 ms)
            pg.mouse.move(box["x"] + target["x"] + dx, box["y"] + target["y"])
            pg.wait_for_timeout(150)
        hovered = wait_until(pg, lambda: frame.evaluate(
            """() => { const l = window.plCanvas && window.plCanvas._hoveredLayer;
                return l && l.feature ? {id: l.feature.id,
                    name: l.feature.properties.tip.split(' · ')[0]} : null; }"""),
            10, "a circle under the pointer")
        wait_until(pg, lambda: hovered["name"] in " ".join(
            frame.locator(".leaflet-tooltip").all_inner_texts()), 10, "its tooltip")
        pg.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
        wait_until(pg, lambda: f"place={quote(hovered['id'], safe='')}" in pg.url, 30,
                   "the place in the URL")
        idle(pg)
        pg.get_by_role("heading", name=hovered["name"]).first.wait_for()  # its passages
        assert pg.locator("mark.pl-mention").count() >= 1
        shot(pg, "map_big_canvas")
        assert not errors, errors
        pg.context.close()
