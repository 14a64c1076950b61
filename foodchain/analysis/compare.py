"""Side-by-side comparison of a baseline and scenario runs on the same dataset.

Shadow prices come from ``route_use`` / ``node_use``: what one more t/day of capacity
would lower the objective by. A route whose mean shadow price rises most under a
scenario is the one whose extra capacity would help most there.
"""

from __future__ import annotations

import pandas as pd

from foodchain.optimize.results import SolveResult


def horizons_differ(results: dict[str, SolveResult]) -> bool:
    """True when the runs cover different numbers of days (then totals are compared per day)."""
    return len({r.days for r in results.values()}) > 1


def per_day(frame: pd.DataFrame, days: pd.Series, columns: list[str]) -> pd.DataFrame:
    """``frame`` with each of ``columns`` (tonnes over the horizon) divided by ``days`` and renamed
    ``<column>_per_day`` (t/day).

    Parameters
    ----------
    frame : pandas.DataFrame
        The table; not changed.
    days : pandas.Series
        Each row's horizon in days.
    columns : list of str
        The columns to divide.

    Returns
    -------
    pandas.DataFrame
    """
    out = frame.copy()
    for c in columns:
        out[c] = out[c] / days.to_numpy()
    return out.rename(columns={c: f"{c}_per_day" for c in columns})


def totals(results: dict[str, SolveResult], daily: bool | None = None) -> pd.DataFrame:
    """One row per run: days, demand_t, delivered_t, shortfall_t, share_unmet, transport_cost, supply_cost.

    With ``daily`` (default: when the horizons differ) the tonnes and costs are per day
    (``demand_t_per_day`` = demand_t / days, ...), so runs of 3, 5 and 10 days compare.

    Parameters
    ----------
    results : dict of str to SolveResult
        The runs, by name.
    daily : bool, optional
        Per day or over the horizon; default per day when the horizons differ.

    Returns
    -------
    pandas.DataFrame
        ``share_unmet = shortfall_t / demand_t`` (0 without demand); costs in Rp.
    """
    rows = []
    for name, r in results.items():
        s = r.summary()
        share = s["total_shortfall_t"] / s["total_demand_t"] if s["total_demand_t"] else 0.0
        rows.append(
            {
                "run": name,
                "days": r.days,
                "demand_t": s["total_demand_t"],
                "delivered_t": s["total_delivered_t"],
                "shortfall_t": s["total_shortfall_t"],
                "share_unmet": share,
                "transport_cost": r.transport_cost,
                "supply_cost": r.supply_cost,
            }
        )
    frame = pd.DataFrame(rows)
    if daily if daily is not None else horizons_differ(results):
        return per_day(
            frame, frame["days"], ["demand_t", "delivered_t", "shortfall_t", "transport_cost", "supply_cost"]
        )
    return frame


def commodity_shortfall(results: dict[str, SolveResult], daily: bool | None = None) -> pd.DataFrame:
    """Long table: run, commodity, demand_t, shortfall_t, share_unmet (over all days; with ``daily``,
    default when the horizons differ, ``demand_t_per_day`` and ``shortfall_t_per_day`` instead).

    Parameters
    ----------
    results : dict of str to SolveResult
        The runs, by name.
    daily : bool, optional
        Per day or over the horizon; default per day when the horizons differ.

    Returns
    -------
    pandas.DataFrame
        ``share_unmet = shortfall_t / demand_t`` (0 without demand).
    """
    frames = []
    for name, r in results.items():
        g = r.shortfall.groupby("commodity", as_index=False)[["demand_t", "shortfall_t"]].sum()
        g["share_unmet"] = (g["shortfall_t"] / g["demand_t"].where(g["demand_t"] > 0)).fillna(0.0)
        frames.append(g.assign(run=name, days=r.days))
    frame = pd.concat(frames, ignore_index=True)[["run", "commodity", "days", "demand_t", "shortfall_t", "share_unmet"]]
    if daily if daily is not None else horizons_differ(results):
        return per_day(frame, frame["days"], ["demand_t", "shortfall_t"])
    return frame


def zone_share(result: SolveResult) -> pd.Series:
    """Share of demand unmet per node_id over all days and commodities."""
    g = result.shortfall.groupby("node_id")[["demand_t", "shortfall_t"]].sum()
    return (g["shortfall_t"] / g["demand_t"].where(g["demand_t"] > 0)).fillna(0.0)


def zone_difference(base: SolveResult, other: SolveResult) -> pd.DataFrame:
    """node_id, base_share, scenario_share, difference (scenario - base share unmet).

    Parameters
    ----------
    base : SolveResult
        The base run.
    other : SolveResult
        The scenario run.

    Returns
    -------
    pandas.DataFrame
        Shares in [0, 1] (0 for a node in one run only), largest difference first.
    """
    frame = pd.DataFrame({"base_share": zone_share(base), "scenario_share": zone_share(other)}).fillna(0.0)
    frame["difference"] = frame["scenario_share"] - frame["base_share"]
    return frame.rename_axis("node_id").reset_index().sort_values("difference", ascending=False)


def dual_rises(base: SolveResult, other: SolveResult, table: str = "route_use", top: int = 10) -> pd.DataFrame:
    """Routes (``route_use``) or nodes (``node_use``) whose mean shadow price rises most.

    Columns id, base_price, scenario_price, rise (Rp per extra t/day, averaged over days);
    only positive rises, largest first.

    Parameters
    ----------
    base : SolveResult
        The base run.
    other : SolveResult
        The scenario run.
    table : str, default "route_use"
        ``route_use`` or ``node_use``.
    top : int, default 10
        At most this many rows.

    Returns
    -------
    pandas.DataFrame
    """
    key = "route_id" if table == "route_use" else "node_id"
    a = getattr(base, table).groupby(key)["shadow_price"].mean()
    b = getattr(other, table).groupby(key)["shadow_price"].mean()
    frame = pd.DataFrame({"base_price": a, "scenario_price": b}).fillna(0.0)
    frame["rise"] = frame["scenario_price"] - frame["base_price"]
    frame = frame[frame["rise"] > 1e-9].sort_values("rise", ascending=False).head(top)
    return frame.rename_axis(key).reset_index()
