"""The dashboard in Streamlit's AppTest: every page, on the fixture corpus, on an empty corpus,
with bad links, and the view travelling through the URL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import io

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["overview", "map", "timeline", "places", "documents", "about"]
TITLES = {"overview": "Placeline", "map": "Map of place mentions", "timeline": "Timeline",
          "places": "Places", "documents": "Documents", "about": "About Placeline"}
BAD = {"start": "notadate", "zoom": "abc", "place": "geonames:999999999", "docs": "missing",
       "step": "fortnight", "layers": "mentions,lasers"}


def open_page(page: str, query: dict | None = None) -> AppTest:
    """Open ``page`` with ``query`` in the URL, as a new visitor following a link would."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params.update(query or {})
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
    return at.run()


def html_of(at: AppTest) -> str:
    return "\n".join(str(e.proto.body) for e in at.get("html"))


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in [*at.markdown, *at.caption, *at.info, *at.warning])


@pytest.fixture
def built(monkeypatch, fixture_build):
    monkeypatch.setenv("PLACELINE_BUILD", str(fixture_build))
    return fixture_build


@pytest.fixture
def empty(monkeypatch, empty_build):
    monkeypatch.setenv("PLACELINE_BUILD", str(empty_build))
    return empty_build


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_fixture_corpus(built, page):
    at = open_page(page)
    assert not at.exception, at.exception
    assert at.title[0].value == TITLES[page]
    assert not at.warning


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_corpus(empty, page):
    at = open_page(page)
    assert not at.exception, at.exception
    assert at.title[0].value == TITLES[page]


@pytest.mark.parametrize("page", PAGES)
def test_bad_links_warn_and_fall_back_to_defaults(built, page):
    at = open_page(page, BAD)
    assert not at.exception, at.exception
    warning = " ".join(w.value for w in at.warning)
    for bad in ("notadate", "abc", "geonames:999999999", "missing", "fortnight", "lasers"):
        assert bad in warning
    assert at.title[0].value == TITLES[page]
    query = at.query_params
    assert "zoom" not in query and "start" not in query and "place" not in query
    assert "Traceback" not in texts(at)


def test_overview_tells_what_the_corpus_holds(built):
    at = open_page("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Documents": "4", "Date span": "2012 – 2020", "Places": "7",
                       "Countries": "1"}
    assert "open the **Map**" in " ".join(s.value for s in at.success)


def test_map_summary_counts_and_says_what_is_hidden(built):
    at = open_page("map")
    text = texts(at)
    assert "**8** mentions of **7** places in **3** documents" in text
    assert "2 undated mentions hidden" in text
    at.toggle[0].set_value(True).run()
    assert "**10** mentions" in texts(at) and at.query_params["undated"] == "1"


def test_time_window_step_and_filters_go_into_the_url(built):
    at = open_page("map")
    at.segmented_control(key="w_step").set_value("year").run()
    assert at.query_params["step"] == "year"
    slider = at.select_slider[0]
    assert [str(o) for o in slider.options][:1] == ["2012"]
    first = slider.value[0]
    slider.set_value((first, first)).run()
    assert not at.exception
    assert at.query_params["start"] == "2012-01-01" and at.query_params["end"] == "2012-12-31"
    assert "**6** mentions" in texts(at)
    at.multiselect(key="w_docs").set_value(["d2"]).run()
    assert at.query_params["docs"] == "d2" and "**3** mentions" in texts(at)
    at.text_input(key="w_q").set_value("drought").run()
    assert at.query_params["q"] == "drought" and "**1** mention of" in texts(at)


def test_a_shared_link_reproduces_the_view(built):
    query = {"start": "2012-03-01", "end": "2012-03-31", "step": "month", "conf": "0.5",
             "place": "geonames:2460596", "color": "doc", "layers": "mentions,heat",
             "lat": "14.5", "lon": "-6.2", "zoom": "6"}
    at = open_page("map", query)
    assert not at.exception and not at.warning
    assert [d.isoformat() for d in at.select_slider[0].value] == ["2012-03-01", "2012-03-01"]
    assert at.slider(key="w_conf").value == 0.5
    assert at.segmented_control(key="w_color").value == "doc"
    assert "**2** mentions of **2** places" in texts(at)  # Kati (0.42) is below 0.5
    passages = html_of(at)
    assert '<mark class="pl-mention">Bamako</mark>' in passages
    assert "Soldiers seize power in Bamako" in passages
    # The URL keeps the view (the default step, month, is left out of it).
    assert {k: at.query_params[k] for k in query if k != "step"} == \
        {k: v for k, v in query.items() if k != "step"}


def test_picking_a_place_shows_its_passages(built):
    at = open_page("map")
    at.radio(key="pick_place").set_value("geonames:2455518").run()
    assert at.query_params["place"] == "geonames:2455518"
    passages = html_of(at)
    assert '<mark class="pl-mention">Kati</mark>' in passages
    assert "confidence 0.42 (low)" in passages and "runner-ups" in passages


def test_reset_view_returns_to_defaults(built):
    at = open_page("map", {"step": "year", "q": "coup", "place": "geonames:2460596"})
    next(b for b in at.button if b.label == "Reset view").click().run()
    assert not at.exception and dict(at.query_params) == {}


def test_the_view_carries_across_pages(built):
    at = open_page("map", {"step": "week", "docs": "d1"})
    at.switch_page("pages/timeline.py").run()
    assert at.segmented_control(key="w_step").value == "week"
    assert at.multiselect(key="w_docs").value == ["d1"]
    assert at.query_params["step"] == "week"
    links = [e.proto for e in at.get("page_link")]
    assert links and all("step=week" in (lk.query_string or "") for lk in links)


def test_play_steps_the_window_through_time(built):
    at = open_page("map")
    next(b for b in at.button if b.label == "Play").click().run()
    assert not at.exception
    assert at.query_params["start"] == "2012-03-01" and at.query_params["end"] == "2012-03-31"
    assert "**3** mentions" in texts(at)
    next(b for b in at.button if b.label == "Pause").click().run()
    assert any(b.label == "Play" for b in at.button)


def test_documents_page_escapes_text_and_links_places_to_the_map(built):
    at = open_page("documents", {"doc": "d4"})
    assert not at.exception
    body = html_of(at)
    assert "<script>alert(1)</script>" not in body and "<b>Mali</b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    link = re.search(r'<a href="(map\?[^"]+)" target="_self"><mark class="pl-mention"', body)
    assert link and "place=geonames%3A2453866" in link.group(1) and "doc=d4" in link.group(1)
    at.selectbox(key="w_doc").set_value("d1").run()
    body = html_of(at)
    assert 'class="pl-dup"' in body and 'class="pl-context"' in body
    assert any(b.proto.url == "https://example.org/mali-coup" for b in at.get("link_button"))
    links = at.dataframe[0].value.set_index("doc_id")["url"]
    assert links["d1"] == "https://example.org/mali-coup"
    assert links.drop("d1").eq("").all()  # a blank cell where there is no link, not "None"


@pytest.fixture(scope="module")
def many_documents(tmp_path_factory):
    """A synthetic corpus of 240 documents: more than a chooser lists at once."""
    from bench.synthetic_corpus import synthetic_corpus

    mentions, documents = synthetic_corpus(6000, seed=3)
    folder = tmp_path_factory.mktemp("many")
    io.write_build(mentions, documents, folder)
    return folder, documents.sort_values(["title", "doc_id"])


def test_a_corpus_of_many_documents_gets_a_search_box_over_its_choosers(monkeypatch,
                                                                        many_documents):
    folder, documents = many_documents
    monkeypatch.setenv("PLACELINE_BUILD", str(folder))
    assert len(documents) > 200  # pages.ui.DOC_LIST
    last = documents["doc_id"].iloc[-1]  # beyond the first 200 titles
    at = open_page("map", {"docs": last})
    assert not at.exception and not at.warning
    chooser = at.multiselect(key="w_docs")
    assert len(chooser.options) == 201 and chooser.value == [last]
    assert f"Listing 200 of {len(documents)} documents" in texts(at)
    at.text_input(key="w_docs_find").set_value("VOTES").run()
    expected = set(documents.loc[documents["title"].str.contains("votes"), "doc_id"])
    assert 1 < len(expected) < 200 and f"{len(expected)} documents match" in texts(at)
    assert len(at.multiselect(key="w_docs").options) == len(expected | {last})
    assert at.query_params["docs"] == last  # finding is not choosing
    at = open_page("documents", {"doc": last})
    assert not at.exception and at.selectbox(key="w_doc").value == last
    assert len(at.selectbox(key="w_doc").options) == 201
    assert at.text_input(key="w_doc_find").placeholder.endswith(f"among {len(documents)}")


def test_timeline_and_places_follow_the_filters(built):
    at = open_page("timeline", {"docs": "d3"})
    charts = at.get("plotly_chart")
    names = {t["name"] for t in json.loads(charts[0].proto.spec)["data"]}
    assert len(charts) == 2 and names == {"Ségou", "Bamako"}
    at = open_page("places", {"countries": "ML", "undated": "1"})
    table = at.dataframe[0].value
    assert table["name"].iloc[0] == "Bamako" and int(table["mentions"].iloc[0]) == 3
    assert table["map"].iloc[0].startswith("map?") and "place=geonames%3A2460596" in \
        table["map"].iloc[0]


def test_first_start_builds_the_missing_corpus_with_progress(monkeypatch, tmp_path, corpus):
    import geo

    calls = []

    def fake_build(corpus_dir, out, progress=None):
        for i in range(3):
            progress(i, 3, f"doc{i}.txt")
        io.write_build(*corpus, out)
        calls.append((Path(corpus_dir), Path(out)))

        class Report:
            def summary(self) -> str:
                return "4 documents, 10 place mentions"
        return Report()

    (tmp_path / "corpus").mkdir()
    monkeypatch.setattr(geo, "build_corpus", fake_build, raising=False)
    monkeypatch.setenv("PLACELINE_BUILD", str(tmp_path / "build"))
    monkeypatch.setenv("PLACELINE_CORPUS", str(tmp_path / "corpus"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert calls == [(tmp_path / "corpus", tmp_path / "build")]
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Documents"] == "4"
    status = " ".join(str(s.proto) for s in at.get("status"))
    progress = " ".join(str(p.proto) for p in at.get("progress"))
    assert "Corpus built: 4 documents" in status and "2 of 3: doc2.txt" in progress
    at.run()
    assert len(calls) == 1 and not at.get("status")  # built once


def test_without_a_build_or_builder_the_app_still_opens(monkeypatch, tmp_path):
    import geo

    monkeypatch.setattr(geo, "build_corpus", None, raising=False)
    monkeypatch.setattr("geo.corpus.build_corpus", None, raising=False)
    monkeypatch.setenv("PLACELINE_BUILD", str(tmp_path / "nothing"))
    at = open_page("map")
    assert not at.exception
    assert any("No built corpus" in i.value for i in at.info)
