"""Headline figures and shortfall tables of one solve, for the app and reports.

All tonnes are summed over the days solved unless a day is chosen, and every headline
figure counts the study area only (nodes marked ``external`` are left out). The *share
unmet* of a zone is shortfall / demand (0 where there is no demand).

*People affected* (in words: the message ``report.people_definition``): on day ``d``, the people of every zone ``z``
where the unmet share of some commodity ``k`` reaches the threshold ``h`` (default
:data:`PEOPLE_THRESHOLD` = 10 %), ``short(z,k,d) >= h x demand(z,k,d)``. Counted per
commodity and day, then over commodities (a zone counts once a day, whichever food it
lacks, so rice cannot hide a chicken gap), as the *worst day* (most people on one day) and
as *person-days* (the sum over days).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foodchain.messages import msg, num
from foodchain.model.columns import ANY_COMMODITY, COLUMNS, TABLES
from foodchain.model.dataset import Dataset
from foodchain.optimize.results import SolveResult

WORST = "worst"
PEOPLE_THRESHOLD = 0.10
ANY = ANY_COMMODITY


def by_commodity(result: SolveResult) -> pd.DataFrame:
    """commodity, demand_t, delivered_t, shortfall_t, share_unmet over all days (study area)."""
    g = result.study_shortfall().groupby("commodity", sort=True)[["demand_t", "delivered_t", "shortfall_t"]].sum()
    g["share_unmet"] = np.where(g["demand_t"] > 0, g["shortfall_t"] / g["demand_t"].where(g["demand_t"] > 0), 0.0)
    return g.reset_index()


def stock_cover(dataset: Dataset, result: SolveResult) -> pd.DataFrame:
    """Days of stock cover at each hub: initial stock / tonnes a day the hub sends out on day 1.

    Columns node_id, name, commodity, stock_t, sent_t_per_day, cover_days (blank where the
    hub sends none of that commodity).

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved (nodes, routes, stock, demand).
    result : SolveResult
        The solve of ``dataset`` (days 1-based in its tables).

    Returns
    -------
    pandas.DataFrame
        One row per hub and commodity with initial stock > 0: stock_t (t), sent_t_per_day (t the hub
        sends on day 1, 0 if none) and cover_days (days; NaN where it sends none).
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
    dataset: Dataset,
    result: SolveResult,
    commodity: str | None = None,
    day: int | str | None = None,
    threshold: float = PEOPLE_THRESHOLD,
) -> pd.DataFrame:
    """Shortfall per zone for one commodity (all if ``None``) on one day, all days (``None``)
    or each zone's worst day (``"worst"``).

    Columns node_id, name, region, demand_t, shortfall_t, share_unmet, population,
    people_affected, days_affected (and ``day`` for the worst day). ``people_affected`` is
    the zone's population when it is affected (see the module docstring) on at least one of
    the days shown, else 0; ``days_affected`` counts those days. Study area only.

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved (nodes, routes, stock, demand).
    result : SolveResult
        The solve of ``dataset`` (days 1-based in its tables).
    commodity : str, optional
        The commodity id; ``None`` (default) sums over all commodities.
    day : int or str, optional
        A 1-based day of the result; ``None`` (default) sums over all days; ``"worst"``
        (:data:`WORST`) takes each zone's day of highest share unmet (the earliest on ties).
    threshold : float, optional
        Unmet share (fraction of demand, 0.10 = 10 %) from which a zone counts as affected;
        default :data:`PEOPLE_THRESHOLD`.

    Returns
    -------
    pandas.DataFrame
        The columns above (tonnes in t, share_unmet in 0..1, days_affected a count of days), sorted by
        share_unmet, highest first.
    """
    s = result.study_shortfall()
    s = s if commodity is None else s[s["commodity"] == commodity]
    if isinstance(day, int):
        s = s[s["day"] == day]
    hit = _affected(s, threshold).groupby(["node_id", "day"])["affected"].any().rename("affected").reset_index()
    per_day = s.groupby(["node_id", "day"], as_index=False)[["demand_t", "shortfall_t"]].sum()
    per_day["share_unmet"] = _share(per_day)
    per_day = per_day.merge(hit, on=["node_id", "day"], how="left")
    if day == WORST:
        idx = per_day.sort_values(["share_unmet", "day"], ascending=[False, True]).groupby("node_id").head(1)
        frame = idx.reset_index(drop=True)
        frame["days_affected"] = frame["affected"].astype(int)
    else:
        frame = per_day.groupby("node_id", as_index=False)[["demand_t", "shortfall_t"]].sum()
        frame["share_unmet"] = _share(frame)
        frame["days_affected"] = frame["node_id"].map(per_day.groupby("node_id")["affected"].sum()).astype(int)
    frame = frame.drop(columns="affected", errors="ignore")
    nodes = dataset.nodes.set_index("node_id")
    frame.insert(1, "name", frame["node_id"].map(dataset.node_names()))
    frame.insert(2, "region", frame["node_id"].map(nodes["region"]))
    frame["population"] = frame["node_id"].map(nodes["population"]).astype("Float64")
    frame["people_affected"] = frame["population"].where(frame["days_affected"] > 0, 0).fillna(0)
    return frame.sort_values("share_unmet", ascending=False, kind="stable").reset_index(drop=True)


def _affected(s: pd.DataFrame, threshold: float = PEOPLE_THRESHOLD) -> pd.DataFrame:
    """Shortfall rows with ``affected``: demand > 0 and shortfall >= threshold x demand."""
    tol = 1e-9 * s["demand_t"].abs().clip(lower=1.0)
    return s.assign(affected=(s["demand_t"] > 0) & (s["shortfall_t"] >= threshold * s["demand_t"] - tol))


def people_affected(dataset: Dataset, result: SolveResult, threshold: float = PEOPLE_THRESHOLD) -> pd.DataFrame:
    """People affected per commodity and day, and over all commodities (``commodity`` = :data:`ANY`).

    Columns commodity, day, people_affected, zones_affected. Study area only; zones without a
    population count as zones but add no people.

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved (nodes, routes, stock, demand).
    result : SolveResult
        The solve of ``dataset`` (days 1-based in its tables).
    threshold : float, optional
        Unmet share (fraction of demand, 0.10 = 10 %) from which a zone counts as affected;
        default :data:`PEOPLE_THRESHOLD`.

    Returns
    -------
    pandas.DataFrame
        Columns commodity, day (1-based), people_affected, zones_affected. The :data:`ANY` rows cover
        every day ``1 .. result.days`` (0 where nobody is affected); the per-commodity rows only the
        days where some zone is affected.
    """
    s = _affected(result.study_shortfall(), threshold)
    s = s[s["affected"]].assign(population=s["node_id"].map(dataset.nodes.set_index("node_id")["population"]))
    per = s.groupby(["commodity", "day"]).agg(
        people_affected=("population", "sum"), zones_affected=("node_id", "nunique")
    )
    zones = s.drop_duplicates(["node_id", "day"])
    anyk = zones.groupby("day").agg(people_affected=("population", "sum"), zones_affected=("node_id", "nunique"))
    days = pd.Index(range(1, result.days + 1), name="day")
    anyk = anyk.reindex(days, fill_value=0).reset_index().assign(commodity=ANY)
    frame = pd.concat([per.reset_index(), anyk], ignore_index=True)
    frame["people_affected"] = frame["people_affected"].fillna(0).astype(float)
    frame = frame.astype({"day": int, "zones_affected": int})  # whole numbers, also when no zone is affected
    return frame[["commodity", "day", "people_affected", "zones_affected"]]


def people_summary(dataset: Dataset, result: SolveResult, threshold: float = PEOPLE_THRESHOLD) -> dict:
    """worst_day_people, worst_day, person_days, threshold and the definition in words.

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved (nodes, routes, stock, demand).
    result : SolveResult
        The solve of ``dataset`` (days 1-based in its tables).
    threshold : float, optional
        Unmet share (fraction of demand, 0.10 = 10 %) from which a zone counts as affected;
        default :data:`PEOPLE_THRESHOLD`.

    Returns
    -------
    dict
        ``worst_day_people`` (people on the worst day), ``worst_day`` (1-based; ``None`` when nobody is
        affected), ``person_days`` (sum over days), ``threshold`` and ``definition`` (a message).
    """
    anyk = people_affected(dataset, result, threshold).query("commodity == @ANY")
    worst = anyk.sort_values(["people_affected", "day"], ascending=[False, True]).head(1)
    return {
        "worst_day_people": float(worst["people_affected"].sum()),
        "worst_day": int(worst["day"].iloc[0]) if len(worst) and worst["people_affected"].iloc[0] > 0 else None,
        "person_days": float(anyk["people_affected"].sum()),
        "threshold": threshold,
        "definition": msg("report.people_definition", percent=num(100 * threshold)),  # 9.9 %, not rounded,
    }


def has_population(dataset: Dataset, result: SolveResult) -> bool:
    """True when some zone of the study area with demand has a population.

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved (nodes, routes, stock, demand).
    result : SolveResult
        The solve of ``dataset`` (days 1-based in its tables).

    Returns
    -------
    bool
        Whether any study-area zone with demand > 0 on some day has a population.
    """
    zones = result.study_shortfall().loc[lambda s: s["demand_t"] > 0, "node_id"].unique()
    return bool(dataset.nodes.set_index("node_id")["population"].reindex(zones).notna().any())


def people_outputs(
    dataset: Dataset, result: SolveResult, threshold: float = PEOPLE_THRESHOLD
) -> tuple[pd.DataFrame, dict]:
    """``people_affected.csv`` and the ``people_affected_*`` keys ``solve --out`` adds to ``summary.json``.

    The table is :func:`people_affected`, the keys :func:`people_summary` (the definition in
    English, like every output file). Where no zone of the study area has a population the
    people figures are blank (``None`` in the keys; zones are still counted) and the
    definition says why: no number is made up.

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved (nodes, routes, stock, demand).
    result : SolveResult
        The solve of ``dataset`` (days 1-based in its tables).
    threshold : float, optional
        Unmet share (fraction of demand, 0.10 = 10 %) from which a zone counts as affected;
        default :data:`PEOPLE_THRESHOLD`.

    Returns
    -------
    tuple of (pandas.DataFrame, dict)
        The ``people_affected`` table in the columns of :mod:`foodchain.model.columns`, and the
        :func:`people_summary` keys prefixed ``people_affected_`` (definition as English text).
    """
    table = people_affected(dataset, result, threshold)
    keys = people_summary(dataset, result, threshold)
    if not has_population(dataset, result):
        table["people_affected"] = np.nan
        keys |= {"worst_day_people": None, "worst_day": None, "person_days": None}
        keys["definition"] = msg("report.people_no_population", definition=keys["definition"])
    keys["definition"] = keys["definition"].render("en")
    return table[list(TABLES["people_affected"])], {f"people_affected_{k}": v for k, v in keys.items()}


def _share(frame: pd.DataFrame) -> pd.Series:
    demand = frame["demand_t"].where(frame["demand_t"] > 0)
    return (frame["shortfall_t"] / demand).fillna(0.0).clip(0.0, 1.0)


def by_day(result: SolveResult) -> pd.DataFrame:
    """day, commodity, demand_t, shortfall_t, share_unmet (study area)."""
    g = result.study_shortfall().groupby(["day", "commodity"], as_index=False)[["demand_t", "shortfall_t"]].sum()
    g["share_unmet"] = _share(g)
    return g


def hub_stock(dataset: Dataset, result: SolveResult) -> pd.DataFrame:
    """End-of-day stock at hubs: node_id, name, commodity, day, stock_t (day 0 = initial stock).

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved (nodes, routes, stock, demand).
    result : SolveResult
        The solve of ``dataset`` (days 1-based in its tables).

    Returns
    -------
    pandas.DataFrame
        Columns node_id, name, commodity, day, stock_t (t): day 0 is the initial stock, days 1 ..
        ``result.days`` (1-based) the stock at the end of that day.
    """
    hubs = set(dataset.nodes.loc[dataset.nodes["kind"] == "hub", "node_id"])
    end = result.stock[result.stock["node_id"].isin(hubs)][["node_id", "commodity", "day", "stock_t"]]
    start = dataset.stock[dataset.stock["node_id"].isin(hubs)].rename(columns={"initial_t": "stock_t"})
    start = start[["node_id", "commodity", "stock_t"]].assign(day=0)
    frame = pd.concat([start, end], ignore_index=True)
    frame = frame.groupby(["node_id", "commodity", "day"], as_index=False)["stock_t"].sum()
    frame.insert(1, "name", frame["node_id"].map(dataset.node_names()))
    return frame


def report_tables(
    dataset: Dataset, result: SolveResult, threshold: float = PEOPLE_THRESHOLD
) -> dict[str, pd.DataFrame]:
    """The tables of a shortfall report: summary, by commodity, by zone, by day, hub stock, raw.

    The summary lists each figure (``item``, a key of ``summary.json`` or of
    :func:`people_summary`), its ``value`` (numbers stay numbers) and what it means (``about``,
    from :mod:`foodchain.model.columns`; ``perfect_foresight`` says that the model knows the
    whole scenario in advance). :func:`foodchain.report.people_tables` puts it in words.
    ``threshold`` is the unmet share from which people count as affected.

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved (nodes, routes, stock, demand).
    result : SolveResult
        The solve of ``dataset`` (days 1-based in its tables).
    threshold : float, optional
        Unmet share (fraction of demand, 0.10 = 10 %) from which a zone counts as affected;
        default :data:`PEOPLE_THRESHOLD`.

    Returns
    -------
    dict of str to pandas.DataFrame
        report_summary, by_commodity, by_zone, worst_day_by_zone, by_day, people_affected, hub_stock,
        shortfall and route_use, in that order.
    """
    summary = {k: v for k, v in result.summary().items() if not isinstance(v, dict)}
    people = people_summary(dataset, result, threshold)
    summary |= {f"people_affected_{k}": v for k, v in people.items()}
    about = [COLUMNS[k].description["en"] if k in COLUMNS else "" for k in summary]
    return {
        "report_summary": pd.DataFrame({"item": list(summary), "value": list(summary.values()), "about": about}),
        "by_commodity": by_commodity(result),
        "by_zone": zone_shortfall(dataset, result, threshold=threshold),
        "worst_day_by_zone": zone_shortfall(dataset, result, day=WORST, threshold=threshold),
        "by_day": by_day(result),
        "people_affected": people_affected(dataset, result, threshold),
        "hub_stock": hub_stock(dataset, result),
        "shortfall": result.shortfall,
        "route_use": result.route_use,
    }
