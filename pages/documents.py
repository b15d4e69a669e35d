"""Documents: every document of the corpus, and one document's text with its places marked.

Each marked place links to the Map with that place selected; the text is escaped before it is
marked up, so whatever a document contains is shown as text, never run as HTML.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import views
from pages import ui

ui.require_dashboard()


def date_label(day: object, how: object, fmt: str = "%Y-%m-%d") -> str:
    """A publication date as shown: 'undated' when unknown, flagged when read from the text."""
    if day is None or pd.isna(day):
        return "undated"
    return f"{pd.Timestamp(day):{fmt}}" + (" (inferred)" if how == "inferred" else "")


def pick_row(table: pd.DataFrame) -> None:
    rows = st.session_state["doc_table"].selection.rows
    if rows:
        ui.set_state(ui.state(), doc=str(table.iloc[rows[0]]["doc_id"]))


def marked_text(doc: pd.Series, mentions: pd.DataFrame) -> str:
    spans = []
    for _, m in mentions.iterrows():
        if m["duplicate"]:
            spans.append(views.Span(m["start"], m["end"], "pl-dup",
                                    title="Repeated paragraph: not counted"))
        elif m["role"] == "place":
            spans.append(views.Span(m["start"], m["end"], "pl-mention",
                                    href=ui.map_href(m["place_id"]),
                                    title=f"{m['name']} ({m['feature']}, confidence "
                                          f"{m['confidence']:.2f}): show on the map"))
        else:
            spans.append(views.Span(m["start"], m["end"], "pl-context",
                                    title=f"{m['name']}, as {m['role'].replace('_', ' ')}"))
    return f'{ui.STYLE}<div class="pl-doc">{views.highlight_html(doc["text"], spans)}</div>'


d = ui.data()
st.title("Documents")
docs = d.documents.sort_values(["published", "title"], na_position="last").reset_index(drop=True)
table = docs.assign(published=[date_label(p, how) for p, how in
                               zip(docs["published"], docs["date_source"], strict=True)],
                    url=docs["url"].fillna(""))  # empty, not None: a blank cell, not "None"
columns = ["title", "published", "source_kind", "n_mentions", "url", "doc_id"]
if (table["url"] == "").all():  # no document has a link to its original
    columns.remove("url")
st.dataframe(
    table[columns],
    hide_index=True, width="stretch", key="doc_table", on_select=lambda: pick_row(table),
    selection_mode="single-row", height=min(38 + 35 * len(table), 400),
    column_config={
        "title": st.column_config.TextColumn("Title", width="large"),
        "published": st.column_config.TextColumn(
            "Published", help="As the document states it; *inferred* when read from its text."),
        "source_kind": st.column_config.TextColumn("Source"),
        "n_mentions": st.column_config.NumberColumn("Place mentions"),
        "url": st.column_config.LinkColumn("Original", display_text="Open article"),
        "doc_id": st.column_config.TextColumn("Id"),
    })

if len(docs) == 0:
    st.info("No documents in this corpus yet.")
    st.stop()

s = ui.state()
ids = docs["doc_id"].astype(str).tolist()
current = s.doc if s.doc in ids else ids[0]
st.selectbox("Read a document (or select a row above)",
             ui.document_choices(d, [current], "w_doc_find", "Find a document"),
             format_func=d.titles.get, **ui._bind("w_doc", current))
doc = docs.set_index("doc_id").loc[current]
pub = doc["published"]
meta = [f"published {date_label(pub, doc['date_source'], '%d %B %Y')}"
        if pd.notna(pub) else "publication date unknown",
        str(doc["source_kind"])]
st.subheader(str(doc["title"]))
st.caption(" · ".join(meta))
if doc["url"]:
    st.link_button("Open the original article ↗", doc["url"])
mentions = d.mentions[d.mentions["doc_id"] == current].sort_values("start")
st.markdown('<span style="background:#ffe08a;padding:0 4px">place</span> links to the map · '
            '<span style="background:#e4e4e4;padding:0 4px">adjective or part of a name</span> · '
            '<span style="background:#f3e1e1;padding:0 4px">repeated paragraph (not counted)'
            '</span>', unsafe_allow_html=True)
st.html(marked_text(doc, mentions))
