"""Altair charts of results, with axis titles in the chosen language."""

from __future__ import annotations

import altair as alt
import pandas as pd

from foodchain_app.i18n import column_label, lang, t
from foodchain_app.names import readable

# d3 number locales (Vega's ``config.locale``): axis labels and tooltips written the reader's way
NUMBER_LOCALES = {
    "id": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""], "percent": "%"},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["Rp", ""], "percent": "%"},
}


def localised(chart: alt.Chart) -> alt.Chart:
    """``chart`` with numbers in the chosen language's separators."""
    return chart.configure(locale={"number": NUMBER_LOCALES.get(lang(), NUMBER_LOCALES["en"])})


def shortfall_by_day(daily: pd.DataFrame) -> alt.Chart:
    """Lines of shortfall (t) per commodity over the days."""
    return localised(
        alt.Chart(readable(daily))
        .mark_line(point=True)
        .encode(
            x=alt.X("day:O", title=t("day"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("shortfall_t:Q", title=column_label("shortfall_t")),
            color=alt.Color("commodity:N", title=t("commodity")),
            tooltip=[
                alt.Tooltip("day:O", title=t("day")),
                alt.Tooltip("commodity:N", title=t("commodity")),
                alt.Tooltip("shortfall_t:Q", title=column_label("shortfall_t"), format=",.1f"),
                alt.Tooltip("share_unmet:Q", title=column_label("share_unmet"), format=".1%"),
            ],
        )
    )


def hub_stock(stock: pd.DataFrame) -> alt.Chart:
    """End-of-day stock (t) at each hub, one line per hub and commodity (day 0 = initial stock)."""
    return localised(
        alt.Chart(readable(stock))
        .mark_line(point=True)
        .encode(
            x=alt.X("day:O", title=t("day_end"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("stock_t:Q", title=column_label("stock_t")),
            color=alt.Color("name:N", title=t("hub"), legend=alt.Legend(labelLimit=300)),
            strokeDash=alt.StrokeDash("commodity:N", title=t("commodity")),
            tooltip=[
                alt.Tooltip("name:N", title=t("hub")),
                alt.Tooltip("commodity:N", title=t("commodity")),
                alt.Tooltip("day:O", title=t("day")),
                alt.Tooltip("stock_t:Q", title=column_label("stock_t"), format=",.1f"),
            ],
        )
    )


RUN_COLOURS = ["#8c8c8c", "#1f77b4", "#ff7f0e", "#2ca02c"]  # baseline grey, then up to three scenarios


def commodity_bars(frame: pd.DataFrame, runs: list[str], value: str = "shortfall_t") -> alt.Chart:
    """Shortfall (t, or t/day with ``value="shortfall_t_per_day"``) per commodity, one bar per run side
    by side, runs in the order given (baseline first).

    ``frame``: run, commodity, ``value``, share_unmet.
    """
    scale = alt.Scale(domain=runs, range=RUN_COLOURS[: len(runs)])
    return localised(
        alt.Chart(readable(frame))
        .mark_bar()
        .encode(
            x=alt.X("commodity:N", title=t("commodity"), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("run:N", sort=runs),
            y=alt.Y(f"{value}:Q", title=column_label(value)),
            color=alt.Color(
                "run:N",
                title=None,
                scale=scale,
                sort=runs,
                legend=alt.Legend(orient="bottom", labelLimit=400, columns=1),
            ),
            tooltip=[
                alt.Tooltip("run:N", title=column_label("run")),
                alt.Tooltip("commodity:N", title=t("commodity")),
                alt.Tooltip(f"{value}:Q", title=column_label(value), format=",.1f"),
                alt.Tooltip("share_unmet:Q", title=column_label("share_unmet"), format=".1%"),
            ],
        )
    )


def ranking(table: pd.DataFrame) -> alt.Chart:
    """Horizontal bars: the shortfall each target's closure adds, most critical on top."""
    return localised(
        alt.Chart(table)
        .mark_bar(color="#c0392b")
        .encode(
            y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("added_shortfall_t:Q", title=column_label("added_shortfall_t")),
            tooltip=[
                alt.Tooltip("name:N", title=column_label("name")),
                alt.Tooltip("added_shortfall_t:Q", title=column_label("added_shortfall_t"), format=",.1f"),
                alt.Tooltip("rank:Q", title=column_label("rank")),
            ],
        )
    )
