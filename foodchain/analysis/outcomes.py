"""Headline figures and shortfall tables of one solve, for the app and reports.

All tonnes are summed over the days solved unless a day is chosen. The *share unmet*
of a zone is shortfall / demand (0 where there is no demand); *people affected* is
population x share unmet, the number of people whose food that share would feed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foodchain.model.dataset import Dataset
from foodchain.optimize.results import SolveResult

WORST = "worst"


def by_commodity(result: SolveResult) -> pd.DataFrame:
    """commodity, demand_t, delivered_t, shortfall_t, share_unmet over all days."""
    g = result.shortfall.groupby("commodity", sort=True)[["demand_t", "delivered_t", "shortfall_t"]].sum()
    g["share_unmet"] = np.where(g["demand_t"] > 0, g["shortfall_t"] / g["demand_t"].where(g["demand_t"] > 0), 0.0)
    return g.reset_index()


def stock_cover(dataset: Dataset, result: SolveResult) -> pd.DataFrame:
    """Days of stock cover at each hub: initial stock / tonnes a day the hub sends out on day 1.

    Columns node_id, name, commodity, stock_t, sent_t_per_day, cover_days (blank where the
    hub sends none of that commodity).
    """
    hubs = dataset.nodes.loc[dataset.nodes["kind"] == "hub", "node_id"]
    stock = dataset.stock[dataset.stock["node_id"].isin(hubs)].groupby(["node_id", "commodity"])["initial_t"].sum()
    flows = result.flows[result.flows["day"] == 1].merge(dataset.routes[["route_id", "origin"]], on="route_id")
    sent = flows[flows["origin"].isin(hubs)].groupby(["origin", "commodity"])["flow_t"].sum()
    sent.index.names = ["node_id", "commodity"]
    frame = pd.DataFrame({"stock_t": stock, "sent_t_per_day": sent}).fillna(0.0).reset_index()
    frame = frame[frame["stock_t"] > 0]
    frame["cover_days"] = frame["stock_t"] / frame["sent_t_per_day"].where(frame["sent_t_per_day"] > 0)
    frame.insert(1, "name", frame["node_id"].map(dataset.node_names()))
    return frame.reset_index(drop=True)


def city_cover(dataset: Dataset) -> pd.DataFrame:
    """Per commodity: stock held at hubs / total daily demand = days the city could eat from it."""
    hubs = dataset.nodes.loc[dataset.nodes["kind"] == "hub", "node_id"]
    stock = dataset.stock[dataset.stock["node_id"].isin(hubs)].groupby("commodity")["initial_t"].sum()
    demand = dataset.demand.groupby("commodity")["demand_t_per_day"].sum()
    frame = pd.DataFrame({"hub_stock_t": stock, "demand_t_per_day": demand}).fillna(0.0)
    frame["cover_days"] = frame["hub_stock_t"] / frame["demand_t_per_day"].where(frame["demand_t_per_day"] > 0)
    return frame.rename_axis("commodity").reset_index()


def zone_shortfall(
    dataset: Dataset, result: SolveResult, commodity: str | None = None, day: int | str | None = None
) -> pd.DataFrame:
    """Shortfall per zone for one commodity (all if ``None``) on one day, all days (``None``)
    or each zone's worst day (``"worst"``).

    Columns node_id, name, region, demand_t, shortfall_t, share_unmet, population,
    people_affected (and ``day`` for the worst day).
    """
    s = result.shortfall if commodity is None else result.shortfall[result.shortfall["commodity"] == commodity]
    if isinstance(day, int):
        s = s[s["day"] == day]
    per_day = s.groupby(["node_id", "day"], as_index=False)[["demand_t", "shortfall_t"]].sum()
    per_day["share_unmet"] = _share(per_day)
    if day == WORST:
        idx = per_day.sort_values(["share_unmet", "day"], ascending=[False, True]).groupby("node_id").head(1)
        frame = idx.reset_index(drop=True)
    else:
        frame = per_day.groupby("node_id", as_index=False)[["demand_t", "shortfall_t"]].sum()
        frame["share_unmet"] = _share(frame)
    nodes = dataset.nodes.set_index("node_id")
    frame.insert(1, "name", frame["node_id"].map(dataset.node_names()))
    frame.insert(2, "region", frame["node_id"].map(nodes["region"]))
    frame["population"] = frame["node_id"].map(nodes["population"]).astype("Float64")
    frame["people_affected"] = (frame["population"] * frame["share_unmet"]).round(0)
    return frame.sort_values("share_unmet", ascending=False, kind="stable").reset_index(drop=True)


def _share(frame: pd.DataFrame) -> pd.Series:
    demand = frame["demand_t"].where(frame["demand_t"] > 0)
    return (frame["shortfall_t"] / demand).fillna(0.0).clip(0.0, 1.0)


def by_day(result: SolveResult) -> pd.DataFrame:
    """day, commodity, demand_t, shortfall_t, share_unmet."""
    g = result.shortfall.groupby(["day", "commodity"], as_index=False)[["demand_t", "shortfall_t"]].sum()
    g["share_unmet"] = _share(g)
    return g


def hub_stock(dataset: Dataset, result: SolveResult) -> pd.DataFrame:
    """End-of-day stock at hubs: node_id, name, commodity, day, stock_t (day 0 = initial stock)."""
    hubs = set(dataset.nodes.loc[dataset.nodes["kind"] == "hub", "node_id"])
    end = result.stock[result.stock["node_id"].isin(hubs)][["node_id", "commodity", "day", "stock_t"]]
    start = dataset.stock[dataset.stock["node_id"].isin(hubs)].rename(columns={"initial_t": "stock_t"})
    start = start[["node_id", "commodity", "stock_t"]].assign(day=0)
    frame = pd.concat([start, end], ignore_index=True)
    frame = frame.groupby(["node_id", "commodity", "day"], as_index=False)["stock_t"].sum()
    frame.insert(1, "name", frame["node_id"].map(dataset.node_names()))
    return frame


def report_tables(dataset: Dataset, result: SolveResult) -> dict[str, pd.DataFrame]:
    """The tables of a shortfall report: summary, by commodity, by zone, by day, hub stock, raw."""
    summary = {k: v for k, v in result.summary().items() if not isinstance(v, dict)}
    summary["note"] = "perfect foresight: the model knows the whole scenario in advance (best response)"
    return {
        "summary": pd.DataFrame({"item": list(summary), "value": [str(v) for v in summary.values()]}),
        "by_commodity": by_commodity(result),
        "by_zone": zone_shortfall(dataset, result),
        "worst_day_by_zone": zone_shortfall(dataset, result, day=WORST),
        "by_day": by_day(result),
        "hub_stock": hub_stock(dataset, result),
        "shortfall": result.shortfall,
        "route_use": result.route_use,
    }
