"""Serve the map's scripts and stylesheets from the app itself instead of CDNs.

folium 0.20 points every map at CDN copies of Leaflet, jQuery, Bootstrap, Font Awesome and the
awesome-markers plugin (``folium.folium._default_js``/``_default_css``), and HeatMap at a
patched leaflet-heat. ``scripts/vendor_assets.py`` copies the same versions from ``node_modules``
(see ``package.json``) into ``static/vendor/``; Streamlit serves that folder at
``/app/static/vendor/``. ``use_local_assets`` swaps the URLs when the files are there and keeps
the CDN URLs when they are not (a hosted copy started with ``streamlit run`` alone).
"""

from __future__ import annotations

from pathlib import Path

import folium
import folium.plugins

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "static" / "vendor"
URL_PREFIX = "/app/static/vendor"
FOLIUM_TEMPLATES = Path(folium.__file__).resolve().parent / "templates"

# folium asset name -> (file under static/vendor/, where it comes from). Sources are relative
# to node_modules/, or absolute (leaflet-heat: folium's own patched copy, the exact file its
# CDN URL serves; the npm leaflet.heat 0.2.0 lacks the fix for point weights).
FILES: dict[str, tuple[str, str | Path]] = {
    "leaflet": ("leaflet/leaflet.js", "leaflet/dist/leaflet.js"),
    "jquery": ("jquery/jquery.min.js", "jquery/dist/jquery.min.js"),
    "bootstrap": ("bootstrap/js/bootstrap.bundle.min.js",
                  "bootstrap/dist/js/bootstrap.bundle.min.js"),
    "awesome_markers": ("awesome-markers/leaflet.awesome-markers.min.js",
                        "drmonty-leaflet-awesome-markers/js/leaflet.awesome-markers.min.js"),
    "leaflet_css": ("leaflet/leaflet.css", "leaflet/dist/leaflet.css"),
    "bootstrap_css": ("bootstrap/css/bootstrap.min.css", "bootstrap/dist/css/bootstrap.min.css"),
    "awesome_markers_font_css": ("fontawesome/css/all.min.css",
                                 "@fortawesome/fontawesome-free/css/all.min.css"),
    "awesome_markers_css": ("awesome-markers/leaflet.awesome-markers.css",
                            "drmonty-leaflet-awesome-markers/css/leaflet.awesome-markers.css"),
    "leaflet-heat.js": ("leaflet-heat/leaflet_heat.min.js",
                        FOLIUM_TEMPLATES / "leaflet_heat.min.js"),
}
# Scripts Placeline's maps load themselves, on demand (not folium's): name -> (file under
# static/vendor/, source under node_modules/, CDN copy for when the file is not there).
EXTRA: dict[str, tuple[str, str, str]] = {
    "html_to_image": ("html-to-image/html-to-image.js", "html-to-image/dist/html-to-image.js",
                      "https://cdn.jsdelivr.net/npm/html-to-image@1.11.13/dist/html-to-image.js"),
}
# Folders the files above refer to (marker images, web fonts), copied whole.
FOLDERS: dict[str, str] = {
    "leaflet/images": "leaflet/dist/images",
    "fontawesome/webfonts": "@fortawesome/fontawesome-free/webfonts",
    "awesome-markers/images": "drmonty-leaflet-awesome-markers/css/images",
}
# Not on npm and not used by Placeline's maps (glyphicon and rotated awesome-marker icons):
# left out when serving locally, so that no request leaves the app.
DROPPED = frozenset({"glyphicons_css", "awesome_rotate_css"})

_CDN: dict[type, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    cls: (list(cls.default_js), list(cls.default_css))
    for cls in (folium.Map, folium.plugins.HeatMap)
}


def available(vendor: Path = VENDOR, extra: bool = False) -> bool:
    """Whether every vendored file folium asks for (and with ``extra``, ``EXTRA``) is there."""
    files = [dest for dest, _ in FILES.values()]
    files += [dest for dest, *_ in EXTRA.values()] if extra else []
    return all((vendor / dest).is_file() for dest in files)


def script_url(name: str, vendor: Path = VENDOR, prefix: str = URL_PREFIX) -> str:
    """Where a map loads one of the ``EXTRA`` scripts from: the app's copy, else the CDN."""
    dest, _, cdn = EXTRA[name]
    return f"{prefix}/{dest}" if (vendor / dest).is_file() else cdn


def _localise(pairs: list[tuple[str, str]], vendor: Path, prefix: str) -> list[tuple[str, str]]:
    out = []
    for name, url in pairs:
        if name in DROPPED:
            continue
        dest = FILES.get(name, (None,))[0]
        out.append((name, f"{prefix}/{dest}" if dest and (vendor / dest).is_file() else url))
    return out


def use_local_assets(m: folium.Map | None = None, vendor: Path = VENDOR,
                     prefix: str = URL_PREFIX) -> bool:
    """Point folium at the app's own copies of its scripts and stylesheets.

    Parameters
    ----------
    m : folium.Map, optional
        Change this map (and the plugins on it) only; by default change the defaults of
        ``folium.Map`` and ``HeatMap`` for every map made afterwards.
    vendor : Path
        Where ``scripts/vendor_assets.py`` put the files.
    prefix : str
        URL the app serves ``vendor`` at (with a ``server.baseUrlPath``, put it in front).

    Returns
    -------
    bool
        True when the local copies are used; False when they are missing and the CDN URLs
        (folium's defaults) are kept.
    """
    local = available(vendor)
    for cls, (js, css) in _CDN.items():
        new_js = _localise(js, vendor, prefix) if local else list(js)
        new_css = _localise(css, vendor, prefix) if local else list(css)
        targets = [cls] if m is None else _elements(m, cls)
        for target in targets:
            target.default_js, target.default_css = new_js, new_css
    return local


def _elements(m: folium.Map, cls: type) -> list:
    found, stack = [], [m]
    while stack:
        el = stack.pop()
        if type(el) is cls:
            found.append(el)
        stack.extend(getattr(el, "_children", {}).values())
    return found
