"""Plotly charts of mentions over time (plain library code, no streamlit).

A mention counts once, in the period (day, week, month or year) where the time it refers to
starts. Labels are HTML-escaped: plotly renders a few tags in trace names.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from .maps import DOC_PALETTE
from .views import _PERIOD, STEPS, intervals, periods

PLACE_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8c564b",
                 "#7f7f7f", "#bcbd22", "#17becf"]
OTHER = "#c7c7c7"


def bar_step(span: tuple[dt.date, dt.date] | None, step: str = "month", most: int = 150) -> str:
    """The width of the bars: ``step``, or a coarser one when ``step`` would need more than
    ``most`` bars to cover ``span`` (months over fifty years are hairlines)."""
    i = STEPS.index(step)
    while span is not None and i < len(STEPS) - 1 and len(periods(span, STEPS[i])) > most:
        i += 1
    return STEPS[i]


def counts_by_period(gdf: pd.DataFrame, by: str = "place", step: str = "month",
                     time_axis: str = "event", top: int = 8,
                     titles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Mentions per period and place (or document): columns ``period``, ``label``, ``mentions``.

    The ``top`` places (documents) with most mentions keep their own label, the rest are
    counted together as "Other places" ("Other documents"). Undated mentions are left out.
    """
    if by not in ("place", "doc") or step not in STEPS:
        raise ValueError(f"by must be 'place' or 'doc' and step one of {STEPS}")
    start, _ = intervals(gdf, time_axis)
    dated = start.notna().to_numpy()
    if not dated.any():
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"),
                             "label": pd.Series(dtype=str), "mentions": pd.Series(dtype=int)})
    if by == "place":
        names = gdf["name"].astype(str)
        same_name = gdf.groupby("name")["place_id"].transform("nunique") > 1  # two Tripolis
        label = names.where(~same_name,
                            names + " (" + gdf["country_code"].fillna("").astype(str) + ")")
    else:
        titles = titles or {}
        label = gdf["doc_id"].astype(str).map(lambda d: titles.get(d, d))
        label = label.map(lambda t: t if len(t) <= 40 else t[:39] + "…")
    df = pd.DataFrame({"period": start[dated].dt.to_period(_PERIOD[step]).dt.start_time,
                       "label": label[dated].to_numpy()})
    keep = df["label"].value_counts().index[:top]
    df["label"] = df["label"].where(df["label"].isin(keep),
                                    "Other places" if by == "place" else "Other documents")
    out = df.groupby(["period", "label"]).size().rename("mentions").reset_index()
    return out


def timeline(gdf: pd.DataFrame, by: str = "place", step: str = "month",
             time_axis: str = "event", top: int = 8, titles: Mapping[str, str] | None = None,
             window: tuple[dt.date, dt.date] | None = None,
             colors: Mapping[str, str] | None = None) -> go.Figure:
    """Stacked bars of mentions over time, one colour per place (or document).

    Parameters
    ----------
    gdf : DataFrame
        Filtered mentions.
    by : {'place', 'doc'}
    step : {'day', 'week', 'month', 'year'}
        Width of a bar.
    time_axis : {'event', 'published'}
    top : int
        How many places (documents) get their own colour.
    titles : mapping, optional
        Document id to title, for ``by='doc'``.
    window : (date, date), optional
        The time window of the view, shaded.
    colors : mapping, optional
        Document id to colour (as on the map), for ``by='doc'``.
    """
    counts = counts_by_period(gdf, by, step, time_axis, top, titles)
    fig = go.Figure()
    if counts.empty:
        fig.add_annotation(text="No dated mentions match the filters.", showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15})
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    order = counts.groupby("label")["mentions"].sum().sort_values(ascending=False).index.tolist()
    order = [x for x in order if not x.startswith("Other ")] + [x for x in order
                                                                if x.startswith("Other ")]
    by_title = {}
    if by == "doc" and colors and titles:
        by_title = {t if len(t) <= 40 else t[:39] + "…": colors[d]
                    for d, t in titles.items() if d in colors}
    palette = DOC_PALETTE if by == "doc" else PLACE_PALETTE
    for i, label in enumerate(order):
        rows = counts[counts["label"] == label]
        ends = rows["period"].dt.to_period(_PERIOD[step]).dt.end_time
        width = ((ends - rows["period"]).dt.total_seconds() * 1000 * 0.85).tolist()
        color = OTHER if label.startswith("Other ") else by_title.get(label,
                                                                      palette[i % len(palette)])
        fig.add_bar(x=rows["period"] + (ends - rows["period"]) / 2, y=rows["mentions"],
                    width=width, name=html.escape(label), marker_color=color,
                    customdata=rows["period"].dt.strftime(_HOVER[step]),
                    hovertemplate="%{fullData.name}<br>%{customdata}: %{y} mentions"
                                  "<extra></extra>")
    if window is not None and not counts.empty:
        fig.add_vrect(x0=pd.Timestamp(window[0]), x1=pd.Timestamp(window[1]) + pd.Timedelta(days=1),
                      fillcolor="#1f5fa8", opacity=0.08, line_width=0, layer="below")
    fig.update_layout(barmode="stack", template="plotly_white", height=380,
                      margin={"l": 40, "r": 10, "t": 10, "b": 10}, bargap=0.1,
                      legend={"orientation": "h", "y": -0.15, "x": 0, "traceorder": "normal"},
                      yaxis_title="mentions", xaxis_title=None)
    if not counts.empty:
        tallest = int(counts.groupby("period")["mentions"].sum().max())
        fig.update_yaxes(rangemode="tozero", tickformat="d",
                         **({"dtick": 1} if tallest <= 8 else {}))
    return fig


_HOVER = {"day": "%d %b %Y", "week": "week of %d %b %Y", "month": "%b %Y", "year": "%Y"}
