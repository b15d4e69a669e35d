"""Shared Streamlit plumbing of the dashboard pages: data, view state, shared controls.

* Data: ``data()`` reads the build folder (``PLACELINE_BUILD``, default ``data/build``) through
  ``geo.io``, cached (big tables shared read-only); ``ensure_build()`` builds it on first start.
* View state: one ``geo.views.ViewState`` in session state is the truth. ``start()`` reads it
  from the URL on a session's first run (a shared link, a new tab), ``finish()`` writes it
  back after every run, so the URL always reproduces the view. Widgets mirror the state and
  change it in callbacks.
* Controls used by several pages: the sidebar filters, the time controls, the page links.
* Maps: ``prepared_base``, ``prepared_layer`` and ``folium_map`` send a folium map through
  streamlit-folium's component from strings rendered once and cached; bulk data (the basemap's
  shapes, big layers) goes as files the app serves (``serve_text``), fetched by the map frame.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

from geo import assets, io, maps, views
from geo.views import FEATURE_LABELS, ViewState

STATE, EPOCH, PLAYING, TICK = "pl_state", "pl_epoch", "pl_playing", "pl_tick"
PAGES: dict[str, Any] = {}  # page key -> st.Page, filled by dashboard.py
STYLE = """<style>
.pl-passage { border-left: 3px solid #1f5fa8; padding: 4px 0 4px 12px; margin: 0 0 14px 0; }
.pl-passage .pl-title { font-weight: 600; }
.pl-passage .pl-meta, .pl-passage .pl-why { color: #5c5c5c; font-size: .86rem; }
.pl-passage blockquote { margin: 4px 0; font-size: 1rem; }
mark.pl-mention { background: #ffe08a; padding: 0 2px; border-radius: 3px; }
mark.pl-context { background: #e4e4e4; padding: 0 2px; border-radius: 3px; }
mark.pl-dup { background: #f3e1e1; padding: 0 2px; border-radius: 3px; }
.pl-doc { white-space: pre-wrap; line-height: 1.6; font-size: 1rem; max-width: 60rem; }
.pl-doc a { text-decoration: none; color: inherit; }
</style>"""


# --- data ------------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def serve_local_assets(prefix: str) -> bool:
    """Point folium at the app's own copies of Leaflet and its plugins (``geo.assets``), once
    per server rather than on every run: it looks for each file on disk."""
    return assets.use_local_assets(prefix=prefix)


def build_folder() -> Path:
    """Where the built corpus is: ``$PLACELINE_BUILD`` or ``data/build``."""
    return Path(os.environ.get("PLACELINE_BUILD") or io.BUILD)


def _stamp(folder: Path) -> tuple[float, float]:
    files = (folder / "mentions.parquet", folder / "documents.parquet")
    return tuple(p.stat().st_mtime if p.exists() else 0.0 for p in files)  # type: ignore[return-value]


# The mentions table is shared, not copied per run (st.cache_resource): st.cache_data would
# unpickle it on every rerun, about 1 s for 100k mentions (the ``candidates`` lists). Treat
# it and the filtered views below as read-only.
@st.cache_resource(show_spinner="Loading the corpus…", max_entries=4)
def _tables(folder: str, stamp: tuple[float, float]) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    mentions, documents = io.read_mentions(folder), io.read_documents(folder)
    for c in ("doc_id", "title", "url", "text", "source_kind"):
        documents[c] = documents[c].fillna("").astype(str)
    documents["published"] = pd.to_datetime(documents["published"], errors="coerce")
    documents["n_mentions"] = pd.to_numeric(documents["n_mentions"]).fillna(0).astype(int)
    # Millions of long-lived objects (the candidate lists) that Streamlit's collection after
    # every run would otherwise walk: ~0.3 s a run at 100k mentions. Frozen, it skips them.
    gc.collect()
    gc.freeze()
    return mentions, documents


@st.cache_data(max_entries=4)
def _vocab(folder: str, stamp: tuple[float, float]) -> views.Vocabulary:
    mentions, documents = _tables(folder, stamp)
    shown = views.filter_mentions(mentions)
    vocab = views.Vocabulary.of(mentions, documents)
    spans = {a: s for a in views.TIME_AXES if (s := views.time_span(shown, a)) is not None}
    return views.Vocabulary(vocab.docs, vocab.places, vocab.countries, spans)


@st.cache_resource(show_spinner=False)
def layer(name: str) -> gpd.GeoDataFrame:
    """A bundled Natural Earth layer (shared, not copied per call: do not modify)."""
    return io.read_layer(name)


@st.cache_resource(show_spinner=False)
def region_shapes() -> gpd.GeoDataFrame:
    """The regions layer ready to draw (``geo.maps.simplified_regions``), once per server."""
    return maps.simplified_regions(layer("regions"))


@st.cache_resource(show_spinner="Preparing the basemap…")
def basemap_geojson() -> dict:
    """The offline basemap layers as simplified GeoJSON (``geo.maps.basemap_geojson``);
    shared, not copied (folium only reads it)."""
    return maps.basemap_geojson({n: layer(n) for n in ("lakes", "rivers", "countries")})


@st.cache_data(show_spinner=False)
def country_names() -> dict[str, str]:
    """ISO-2 code to country name."""
    c = layer("countries")
    return dict(zip(c["iso_a2"], c["name"], strict=True))


@st.cache_resource(max_entries=4, show_spinner=False)
def _titles(folder: str, stamp: tuple[float, float]) -> dict[str, str]:
    documents = _tables(folder, stamp)[1]
    return dict(zip(documents["doc_id"], documents["title"], strict=True))


@dataclass(frozen=True)
class Data:
    """The corpus of this run: tables (cached, do not modify) and what is in them."""

    folder: str
    stamp: tuple[float, float]
    mentions: gpd.GeoDataFrame
    documents: pd.DataFrame
    vocab: views.Vocabulary

    @property
    def titles(self) -> dict[str, str]:
        """Document id to title (shared: do not modify)."""
        return _titles(self.folder, self.stamp)

    def span(self, axis: str) -> tuple[dt.date, dt.date] | None:
        return self.vocab.spans.get(axis)


DOC_LIST = 200  # the most documents a chooser lists at once (more is slow to send, and to scroll)


@st.cache_data(max_entries=64, show_spinner=False)
def _doc_choices(folder: str, stamp: tuple[float, float], query: str,
                 keep: tuple[str, ...]) -> tuple[list[str], int]:
    return views.title_choices(_titles(folder, stamp), query, keep, DOC_LIST)


def document_choices(d: Data, keep: Sequence[str], key: str, label: str) -> list[str]:
    """Ids of the documents a chooser lists, with what is chosen (``keep``) always among them.

    A corpus of more than ``DOC_LIST`` documents also gets a search box (``key``, ``label``)
    above the chooser, which then lists the first ``DOC_LIST`` titles that match it.
    """
    if len(d.titles) <= DOC_LIST:
        return _doc_choices(d.folder, d.stamp, "", ())[0]
    query = st.text_input(label, key=key,
                          placeholder=f"Words from a title, among {len(d.titles):,}")
    ids, found = _doc_choices(d.folder, d.stamp, query.strip(), tuple(keep))
    if found > DOC_LIST:
        st.caption(f"Listing {DOC_LIST} of {found:,} documents: type to find others.")
    elif query.strip():
        st.caption("No title has those words." if not found else "1 document matches."
                   if found == 1 else f"{found:,} documents match.")
    return ids


def data() -> Data:
    """The corpus, read once per change of the build folder."""
    folder = build_folder()
    stamp = _stamp(folder)
    mentions, documents = _tables(str(folder), stamp)
    return Data(str(folder), stamp, mentions, documents, _vocab(str(folder), stamp))


@st.cache_resource(max_entries=32, show_spinner=False)
def _visible(folder: str, stamp: tuple[float, float], key: tuple) -> gpd.GeoDataFrame:
    window, step, axis, undated, docs, features, countries, conf, q, roles = key
    mentions, _ = _tables(folder, stamp)
    return views.filter_mentions(mentions, window, step, axis, undated, docs, features,
                                 countries, conf, q, roles)


def filter_key(state: ViewState, d: Data, roles: Sequence[str] = ("place",),
               timed: bool = True) -> tuple:
    """The filter values of a view, as a hashable cache key."""
    window = views.window_of(state, d.span(state.time)) if timed else None
    return (window, state.step, state.time, state.undated or not timed, state.docs,
            state.features, state.countries, state.min_conf, state.q, tuple(roles))


def visible(state: ViewState, d: Data, roles: Sequence[str] = ("place",),
            timed: bool = True) -> gpd.GeoDataFrame:
    """Mentions a view shows (``timed=False``: ignoring the time window, undated included)."""
    return _visible(d.folder, d.stamp, filter_key(state, d, roles, timed))


@st.cache_resource(max_entries=64, show_spinner=False)
def _counts(folder: str, stamp: tuple[float, float], key: tuple) -> tuple[int, int, int]:
    return views.counts(_visible(folder, stamp, key))


def counts(state: ViewState, d: Data, timed: bool = True) -> tuple[int, int, int]:
    """How many mentions, places and documents a view shows (``views.counts``)."""
    return _counts(d.folder, d.stamp, filter_key(state, d, timed=timed))


@st.cache_data(max_entries=64, show_spinner=False)
def _undated(folder: str, stamp: tuple[float, float], key: tuple) -> int:
    return views.undated_count(_visible(folder, stamp, key), key[2])


def undated(state: ViewState, d: Data) -> int:
    """How many mentions the filters keep that have no date on the view's time axis."""
    return _undated(d.folder, d.stamp, filter_key(state, d, timed=False))


@st.cache_resource(max_entries=64, show_spinner=False)  # shared, not copied: do not modify
def _places(folder: str, stamp: tuple[float, float], key: tuple) -> pd.DataFrame:
    return views.aggregate_places(_visible(folder, stamp, key), key[2])


def places(state: ViewState, d: Data, roles: Sequence[str] = ("place",),
           timed: bool = True) -> pd.DataFrame:
    """One row per place of the mentions a view shows (``views.aggregate_places``; shared
    between runs: do not modify)."""
    return _places(d.folder, d.stamp, filter_key(state, d, roles, timed))


# --- maps ------------------------------------------------------------------------------------
# st_folium renders the whole folium map to JavaScript on every run (seconds for 100k mentions:
# folium feeds each rendered script back through Jinja, and measures the bounds of every
# shape). Here the base map is rendered once per basemap and bounds, each layer once per
# filter state, and the cached strings go to streamlit-folium's component exactly as
# st_folium would send them. The browser then keeps the base map and swaps the layers.
try:
    from streamlit_folium import (
        _component_func,
        _get_feature_group_string,
        _get_header,
        _get_html,
        _get_layer_control_string,
        _get_map_string,
        get_full_id,
    )
    PREPARED = True
except ImportError:  # another streamlit-folium: pages fall back to st_folium
    PREPARED = False


# Bulk map data (the basemap's shapes, ~0.8 MB; a big corpus's circles) goes to the map frame
# as files it fetches (and the browser caches), not inside the map's script, which travels
# through the websocket and is read again whenever a layer changes. Streamlit serves the
# files of a declared component folder; this one is only a file server.
SERVED_LIMIT = 256 * 2**20  # bytes of served files kept; the least recently used go first


@functools.cache
def _file_server() -> tuple[Path, str] | None:
    """The folder whose files Streamlit serves, and their URL path; declared on first use
    (in a script run, so that it is registered). None without a writable temporary folder."""
    folder = Path(tempfile.gettempdir()) / ("placeline-files-" + hashlib.sha256(
        str(io.DATA).encode()).hexdigest()[:8])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    component = components.declare_component("placeline_files", path=str(folder))
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return folder, f"{'/' + prefix if prefix else ''}/component/{component.name}"


def _prune(folder: Path, limit: int = SERVED_LIMIT) -> None:
    """Delete the least recently used served files until they take at most half ``limit``
    (when they take more than ``limit``); a map whose file went is re-rendered (``served``)."""
    try:
        files = [(p.stat().st_mtime, p.stat().st_size, p) for p in folder.iterdir()]
    except OSError:
        return
    total = sum(size for _, size, _ in files)
    if total <= limit:
        return
    for _, size, path in sorted(files, key=lambda f: f[0]):
        if total <= limit // 2:
            break
        path.unlink(missing_ok=True)
        total -= size


def serve_text(text: str, suffix: str) -> str | None:
    """URL at which the app serves ``text`` (a file named by its content, written when
    missing); None when it cannot be written (callers then send the text inline)."""
    server = _file_server()
    if server is None:
        return None
    folder, url = server
    path = folder / f"{hashlib.sha256(text.encode()).hexdigest()[:20]}{suffix}"
    try:
        if not path.exists():
            part = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")
            part.write_text(text, encoding="utf-8")
            os.replace(part, path)
            _prune(folder)
    except OSError:
        return None
    return f"{url}/{path.name}"


def served(urls: Sequence[str]) -> bool:
    """Whether the files behind these ``serve_text`` URLs are all still there (marking them
    recently used)."""
    server = _file_server()
    if server is None:
        return not urls
    try:
        for url in urls:
            os.utime(server[0] / url.rsplit("/", 1)[-1])
    except OSError:
        return False
    return True


@st.cache_resource(show_spinner=False)
def _basemap_script() -> str:
    return maps.basemap_script(basemap_geojson())


def basemap_url() -> str | None:
    """URL of the basemap's shapes as a script (``geo.maps.basemap_script``); None when it
    cannot be served (``base_map`` then puts the shapes inline)."""
    text = _basemap_script()
    url = serve_text(text, ".js")
    return url if url and served([url]) else None


@dataclass(frozen=True)
class PreparedMap:
    """A base map as streamlit-folium's component takes it (see ``st_folium``)."""

    script: str
    header: str
    html: str
    id: str
    css: tuple[str, ...]
    js: tuple[str, ...]
    digest: str


def base_for(basemap: str, bounds: list[list[float]] | None) -> PreparedMap:
    """The prepared base map of a page: ``basemap`` fitted to ``bounds``
    (``geo.maps.data_bounds``), its shapes served as a file where possible."""
    key = None if bounds is None else tuple(tuple(corner) for corner in bounds)
    return prepared_base(basemap, key, basemap_url())


@st.cache_resource(max_entries=8, show_spinner=False)
def prepared_base(basemap: str, bounds: tuple | None, data_url: str | None) -> PreparedMap:
    """The base map (``geo.maps.base_map``), rendered once; shared read-only."""
    m = maps.base_map(basemap, basemap_geojson(), bounds, data_url=data_url)
    m.get_root().render()
    html, header, script = _get_html(m), _get_header(m), _get_map_string(m)
    css, js = maps.asset_links(m)
    return PreparedMap(script, header, html, get_full_id(m), tuple(css), tuple(js),
                       hashlib.sha256(script.encode()).hexdigest())


@dataclass(frozen=True)
class PreparedLayer:
    """A layer as streamlit-folium adds it (``feature_group_{index}``): its script, the CSS
    and scripts it needs, and the data files it fetches (``serve_text``)."""

    script: str
    css: tuple[str, ...]
    js: tuple[str, ...]
    files: tuple[str, ...]


def prepared_layer(fg: folium.FeatureGroup, index: int) -> PreparedLayer:
    """Render a layer for ``folium_map``, its bulk data in served files. Cache the result
    (this is the costly part), and check ``served(layer.files)`` before sending it again."""
    files: list[str] = []

    def store(text: str) -> str | None:
        url = serve_text(text, ".json")
        files.extend([url] if url else [])
        return url

    with maps.data_files(store):
        script = _get_feature_group_string(fg, folium.Map(tiles=None), index)
    css, js = maps.asset_links(fg)
    return PreparedLayer(script, tuple(css), tuple(js), tuple(files))


@st.cache_resource(max_entries=8, show_spinner=False)
def prepared_control(titles: tuple[str, ...]) -> str:
    """The layer control listing layers ``feature_group_0``… by these titles."""
    m = folium.Map(tiles=None)
    for index, title in enumerate(titles):
        fg = folium.FeatureGroup(name=title)
        fg._id = f"feature_group_{index}"
        fg.add_to(m)
    return _get_layer_control_string(folium.LayerControl(collapsed=False), m)


def served_layers(render: Any, calls: Sequence[tuple]) -> list[PreparedLayer]:
    """``render(*args)`` for each ``args`` in ``calls``: a cached function returning a
    ``PreparedLayer``, called again afresh when a data file of its cached layers went."""
    layers = [render(*args) for args in calls]
    if not all(served(layer.files) for layer in layers):
        render.clear()
        layers = [render(*args) for args in calls]
    return layers


def folium_map(base: PreparedMap, layers: Sequence[PreparedLayer],
               control: str, key: str, height: int, returned_objects: Sequence[str],
               center: tuple[float, float] | None = None, zoom: int | None = None,
               on_change: Callable[[], None] | None = None, caption: str = "") -> None:
    """Show a prepared map: what ``st_folium(base, key=…, feature_group_to_add=…,
    layer_control=…, use_container_width=True)`` shows, without rendering it again.

    The map's returned values land in ``st.session_state[key]`` before ``on_change`` runs;
    ``caption`` goes on the map's saved image (``views.caption``).
    """
    css = list(dict.fromkeys([*base.css, *(u for layer in layers for u in layer.css)]))
    js = list(dict.fromkeys([*base.js, *(u for layer in layers for u in layer.js)]))
    hash_key = hashlib.sha256(f"{base.digest}{key}False".encode()).hexdigest()

    def changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    _component_func(
        script=base.script, header=base.header, html=base.html, id=base.id, key=hash_key,
        height=height, width=None, returned_objects=list(returned_objects),
        default=dict.fromkeys(returned_objects), zoom=zoom, center=center,
        feature_group="".join(layer.script for layer in layers)
        + (maps.caption_script(caption) if caption else ""), return_on_hover=False,
        layer_control=control, pixelated=False, css_links=css, js_links=js,
        on_change=changed, wrap_longitude=False)


def show_map(m: folium.Map, layers: Sequence[folium.FeatureGroup], key: str, height: int,
             returned_objects: Sequence[str], control: bool = True, **kwargs: Any) -> None:
    """``st_folium`` for a page that builds its folium objects on every run (the fallback
    when streamlit-folium's internals differ from what ``folium_map`` expects)."""
    st_folium(m, key=key, height=height, use_container_width=True,
              returned_objects=list(returned_objects), feature_group_to_add=list(layers),
              layer_control=folium.LayerControl(collapsed=False) if control else None,
              **kwargs)


# --- first start -----------------------------------------------------------------------------
def require_dashboard() -> None:
    """Make sure a page runs inside ``dashboard.py`` (call first in every page).

    With a ``pages/`` folder next to the main script, a fresh Streamlit server runs a page it
    is asked for directly (its old multipage mode, without ``dashboard.py``) until some run
    has called ``st.navigation``; a shared link opened first on a new server would lose the
    app's set-up. Leave that mode and rerun through the dashboard instead.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without the old mode
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()



@st.cache_resource
def _build_lock() -> threading.Lock:
    return threading.Lock()


def _builder() -> Callable[..., Any] | None:
    try:
        import geo
    except Exception:  # noqa: BLE001 - the app must open even if the library is mid-change
        return None
    fn = getattr(geo, "build_corpus", None)
    if fn is None:
        try:
            from geo.corpus import build_corpus as fn
        except Exception:  # noqa: BLE001
            return None
    return fn


def ensure_build() -> None:
    """Build the corpus when the build folder has none (a fresh hosted copy), with progress."""
    folder = build_folder()
    if (folder / "mentions.parquet").exists():
        return
    build = _builder()
    corpus = Path(os.environ.get("PLACELINE_CORPUS") or io.CORPUS)
    if build is None or not corpus.is_dir():
        st.info(f"No built corpus in `{folder}`. Add texts to `{corpus}` and run "
                "`python -m geo build` (or `make build`).")
        return
    with _build_lock():
        if (folder / "mentions.parquet").exists():  # another session built it meanwhile
            return
        with st.status("Building the corpus for its first use…", expanded=True) as status:
            bar = st.progress(0.0, text="Reading the documents…")

            def progress(done: int, total: int, name: str) -> None:
                bar.progress(min(done / max(total, 1), 1.0), text=f"{done} of {total}: {name}")

            try:
                report = build(corpus, folder, progress=progress)
            except Exception as e:  # noqa: BLE001 - shown to the user, not a traceback
                status.update(label="The corpus could not be built", state="error")
                st.error(f"Building the corpus failed: {e}")
                return
            summary = report.summary().splitlines()[0] if hasattr(report, "summary") else ""
            status.update(label=f"Corpus built: {summary}", state="complete", expanded=False)


# --- view state ------------------------------------------------------------------------------
def state() -> ViewState:
    """The current view."""
    return st.session_state.get(STATE) or ViewState()


def set_state(new: ViewState, **changes: Any) -> ViewState:
    """Replace the current view (with ``changes`` applied)."""
    new = new.replace(**changes) if changes else new
    st.session_state[STATE] = new
    return new


def _query() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def start(d: Data) -> list[str]:
    """On a session's first run, take the view from the URL (a shared link); return warnings.

    Later runs keep the view of the session: the query string a rerun arrives with can be
    older than the last one written (a click sent before the URL was updated), so it is not
    trusted to change the view. Links between pages carry the view themselves.
    """
    if STATE in st.session_state:
        return []
    new, warnings = ViewState.from_query(_query())
    new, more = new.reconcile(d.vocab)
    set_state(new)
    return warnings + more


def finish() -> None:
    """Write the current view into the URL (only what differs from the defaults)."""
    query = state().to_query()
    if {k: v[-1] for k, v in _query().items()} != query:
        st.query_params.from_dict(query)


def reset_view() -> None:
    """Back to the default view; the map is drawn afresh (fit to the data)."""
    set_state(ViewState())
    st.session_state[EPOCH] = st.session_state.get(EPOCH, 0) + 1
    st.session_state[PLAYING] = False


def _bind(key: str, value: Any) -> dict[str, Any]:
    """Show ``value`` in widget ``key``; when the user changes it, put it in the view."""
    st.session_state[key] = value
    return {"key": key, "on_change": _changed, "args": (key,)}


_CONVERT: dict[str, Callable[[Any], dict[str, Any]]] = {
    "w_docs": lambda v: {"docs": tuple(v)},
    "w_features": lambda v: {"features": tuple(v)},
    "w_countries": lambda v: {"countries": tuple(v)},
    "w_conf": lambda v: {"min_conf": round(float(v), 2)},
    "w_q": lambda v: {"q": v or ""},
    "w_step": lambda v: {"step": v} if v else {},
    "w_time": lambda v: {"time": v, "start": None, "end": None} if v else {},
    "w_undated": lambda v: {"undated": bool(v)},
    "w_color": lambda v: {"color": v} if v else {},
    "w_basemap": lambda v: {"basemap": v} if v else {},
    "w_doc": lambda v: {"doc": v},
}


def _changed(key: str) -> None:
    value = st.session_state.get(key)
    if key.startswith("w_window"):
        changes = _window_changes(value)
    else:
        changes = _CONVERT[key](value)
    set_state(state(), **changes)


# --- shared controls -------------------------------------------------------------------------
def sidebar_filters(d: Data) -> None:
    """Search, documents, feature types, countries, minimum confidence (in the sidebar)."""
    s = state()
    titles = d.titles
    names = country_names()  # once: every call of a cached function copies its result
    countries = sorted(d.vocab.countries - {""}, key=lambda c: names.get(c, c))
    with st.sidebar:
        st.subheader("Filters")
        st.text_input("Search the sentences", placeholder="e.g. coup, drought",
                      **_bind("w_q", s.q))
        ids = document_choices(d, s.docs, "w_docs_find", "Find documents")
        st.multiselect("Documents", ids, format_func=titles.get, placeholder="All documents",
                       **_bind("w_docs", [i for i in s.docs if i in titles]))
        st.multiselect("Kinds of place", list(views.FEATURES), placeholder="All kinds",
                       format_func=FEATURE_LABELS.get, **_bind("w_features", list(s.features)))
        st.multiselect("Countries", countries, placeholder="All countries",
                       format_func=lambda c: f"{names.get(c, c)} ({c})",
                       **_bind("w_countries", [c for c in s.countries if c in countries]))
        st.slider("Minimum confidence", 0.0, 1.0, step=0.05,
                  help="How sure Placeline is that a name means this place (0 to 1).",
                  **_bind("w_conf", float(s.min_conf)))


def _window_changes(value: Any) -> dict[str, Any]:
    s, d = state(), data()
    span = d.span(s.time)
    if span is None or not value:
        return {}
    a, b = value
    first, last = views.period_start(span[0], s.step), views.period_start(span[1], s.step)
    if a <= first and b >= last:
        return {"start": None, "end": None}
    return {"start": a, "end": views.period_end(b, s.step)}


def time_controls(d: Data) -> None:
    """Step, time axis, undated toggle, play button and the time-window slider."""
    s = state()
    span = d.span(s.time)
    cols = st.columns([3, 3, 3, 2], vertical_alignment="bottom")
    cols[0].segmented_control("Step", views.STEPS, format_func=str.capitalize, required=True,
                              **_bind("w_step", s.step))
    cols[1].segmented_control("Dates", views.TIME_AXES, **_bind("w_time", s.time), required=True,
                              format_func={"event": "Event (from text)",
                                           "published": "Publication"}.get,
                              help="Event: when the sentence says things happened. "
                                   "Publication: when the document was published.")
    cols[2].toggle(f"Include undated ({undated(s, d)})", **_bind("w_undated", s.undated),
                   help="Mentions with no date on this time axis: shown whatever the window.")
    playing = st.session_state.get(PLAYING, False)
    cols[3].button("Pause" if playing else "Play", on_click=_toggle_play, width="stretch",
                   icon=":material/pause:" if playing else ":material/play_arrow:",
                   disabled=span is None,
                   help="Step the time window through the corpus, one step at a time.")
    if span is None:
        st.caption("No dated mentions: the time window is off.")
        return
    options = views.periods(span, s.step)
    window = views.window_of(s, span) or span
    value = (views.period_start(window[0], s.step), views.period_start(window[1], s.step))
    # A range slider takes its mode from ``value``, so it cannot be driven through Session
    # State like the other widgets: when the window changed elsewhere (play, reset, a link),
    # draw a new slider (new key) at the new value.
    base = f"w_window_{s.step}_{s.time}"
    version = st.session_state.get(base + "_v", 0)
    shown = st.session_state.get(f"{base}_{version}")
    if shown is not None and tuple(shown) != value:
        version += 1
        st.session_state[base + "_v"] = version
    key = f"{base}_{version}"
    common = {"key": key, "on_change": _changed, "args": (key,), "value": value,
              "label_visibility": "collapsed"}
    if len(options) < 2:
        st.caption(f"All dated mentions fall in {views.period_label(options[0], s.step)}.")
    elif s.step in ("month", "year"):
        st.select_slider("Time window", options, format_func=lambda x: views.period_label(
            x, s.step), **common)
    else:
        st.slider("Time window", options[0], options[-1], step=dt.timedelta(
            days=1 if s.step == "day" else 7), format="D MMM YYYY", **common)
    if playing:
        _player(span)


def _toggle_play() -> None:
    playing = not st.session_state.get(PLAYING, False)
    st.session_state[PLAYING] = playing
    s, d = state(), data()
    span = d.span(s.time)
    if playing and span is not None and s.start is None and s.end is None:
        first = views.period_start(span[0], s.step)
        set_state(s, start=first, end=views.period_end(first, s.step))
    st.session_state[TICK] = time.monotonic()


def _advance(span: tuple[dt.date, dt.date]) -> bool:
    """Move the window one step later; False when it already reaches the end."""
    s = state()
    lo, hi = views.window_of(s, span) or span
    if hi >= span[1]:
        return False
    nxt = views.period_end(hi, s.step) + dt.timedelta(days=1)
    start = views.period_end(lo, s.step) + dt.timedelta(days=1)
    set_state(s, start=start, end=views.period_end(nxt, s.step))
    return True


def _player(span: tuple[dt.date, dt.date], every: float = 1.6) -> None:
    @st.fragment(run_every=every)
    def tick() -> None:
        if not st.session_state.get(PLAYING):
            return
        if time.monotonic() - st.session_state.get(TICK, 0.0) < every * 0.8:
            return  # this run came from the last step, not from the timer
        st.session_state[TICK] = time.monotonic()
        if not _advance(span):
            st.session_state[PLAYING] = False
        st.rerun()

    tick()


def summary_line(counted: tuple[int, int, int], undated_hidden: int) -> str:
    """'42 mentions of 12 places in 3 documents · 7 undated mentions hidden'."""
    line = views.count_line(counted, "**")
    if undated_hidden:
        line += (f" · {undated_hidden} undated mention{'s' * (undated_hidden != 1)} hidden "
                 "(switch on *Include undated*)")
    return line


def show_warnings(warnings: Sequence[str]) -> None:
    """What was wrong with the link, in words, once."""
    if warnings:
        st.warning("Parts of this link could not be used, so defaults are shown instead:\n\n"
                   + "\n".join(f"- {w}" for w in warnings), icon="⚠️")


def map_href(place_id: str | None = None) -> str:
    """A relative link to the Map page showing the current view (with ``place`` selected)."""
    return "map?" + state().query_string(place=place_id)


def page_link(key: str, label: str | None = None, **changes: Any) -> None:
    """A link to a page that keeps the current view (with ``changes`` applied)."""
    query = state().replace(**changes).to_query()
    st.page_link(PAGES[key], label=label, query_params=query)


def nav(current: Any) -> None:
    """The page links at the top of the sidebar; they carry the view across pages."""
    query = state().to_query()
    for page in PAGES.values():
        st.page_link(page, query_params=query)


# --- copy link -------------------------------------------------------------------------------
# A button that reads the map's centre, zoom and visible layers from the st_folium frame (same
# origin) when pressed, so panning the map never reruns the script. Trusted, fixed code.
_COPY_JS = """
export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const button = parentElement.querySelector('button');
  button.onclick = () => {
    const view = {};
    try {
      for (const frame of document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')) {
        const w = frame.contentWindow;
        if (!w || !w.map || frame.offsetParent === null) continue;
        const c = w.map.getCenter();
        Object.assign(view, {lat: c.lat, lng: c.lng, zoom: w.map.getZoom()});
        const control = w.layer_control;
        if (control && control._layers) {
          view.layers = control._layers.filter(l => l.overlay && w.map.hasLayer(l.layer))
                                       .map(l => l.name);
        }
        break;
      }
    } catch (e) { /* no map to read: the link keeps the view without centre and zoom */ }
    setTriggerValue('view', view);
  };
}
"""
_COPY_CSS = """
button { font: inherit; font-family: var(--st-font); font-size: var(--st-base-font-size);
  color: var(--st-text-color); background: var(--st-background-color); width: 100%;
  border: 1px solid var(--st-border-color); border-radius: var(--st-button-radius);
  padding: .4rem .75rem; min-height: 2.5rem; cursor: pointer; }
button:hover { border-color: var(--st-primary-color); color: var(--st-primary-color); }
"""
_copy_button = st.components.v2.component(
    "placeline_copy_link", html='<button type="button" data-testid="pl-copy-link">'
    "Copy link</button>", css=_COPY_CSS, js=_COPY_JS)
LINK = "pl_link"


def copy_link_button(layer_ids: dict[str, str]) -> None:
    """The Copy link button; on a press, the map view goes into the view and the link is kept.

    ``layer_ids`` maps layer-control names back to layer ids.
    """
    result = _copy_button(key="pl_copy_link", on_view_change=lambda: None)
    view = result.get("view") if result is not None else None
    if view is None:
        return
    changes: dict[str, Any] = {}
    if isinstance(view.get("lat"), int | float) and isinstance(view.get("lng"), int | float):
        lng = (float(view["lng"]) + 180.0) % 360.0 - 180.0
        changes.update(lat=round(max(-90.0, min(90.0, float(view["lat"]))), 4),
                       lon=round(lng, 4), zoom=max(1, min(18, int(view.get("zoom") or 2))))
    if isinstance(view.get("layers"), list):
        changes["layers"] = tuple(layer_ids[n] for n in view["layers"] if n in layer_ids)
    new = set_state(state(), **changes)
    base = st.context.url or ""
    st.session_state[LINK] = (new, f"{base}?{new.query_string()}")


def shown_link() -> str | None:
    """The last copied link, while the view is still the one it shows."""
    kept = st.session_state.get(LINK)
    return kept[1] if kept and kept[0] == state() else None
