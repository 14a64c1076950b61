"""Figures of one warm re-solve, as plain numbers that travel between processes.

Batch analyses (criticality, mitigation, ensembles) solve one LP many times through a
:class:`~foodchain.optimize.resolver.Resolver` and keep only a few numbers of each solve.
For demand row ``q`` (node ``n(q)``, commodity ``k(q)``) and day ``d`` with shortfall
``s[q,d]`` tonnes:

* ``total_shortfall_t = sum_{q,d} s[q,d]``;
* ``weighted_shortfall = sum_{q,d} penalty(k(q)) x vulnerability(n(q)) x s[q,d]`` (Rp):
  the shortfall term of the objective, so a tonne short in a vulnerable zone or of a
  dear commodity weighs more;
* ``cost = transport cost + supply cost`` (Rp), without the shortfall penalty.

``total_shortfall_t`` and ``weighted_shortfall`` count the study area only (nodes not
marked ``external``); ``external_shortfall_t`` is the rest. ``shortfall_q`` and
``weighted_q`` keep every demand row, so a caller can leave out more (a closed node's own demand).
"""

from __future__ import annotations

import numpy as np

from foodchain.errors import SolverError
from foodchain.optimize.resolver import Outcome, Resolver


def shortfall_weights(resolver: Resolver) -> np.ndarray:
    """``penalty(k(q)) x vulnerability(n(q))`` per demand row ``q`` (Rp per tonne short)."""
    inst = resolver.inst
    return inst.penalty[inst.demand_k] * inst.node_vulnerability[inst.demand_node]


def outcome_metrics(resolver: Resolver, outcome: Outcome) -> dict:
    """The figures of one solve (see the module docstring) plus shortfall per demand row.

    ``shortfall_q`` is ``sum_d s[q,d]`` per demand row, in the demand table's row order.

    Parameters
    ----------
    resolver : Resolver
        The Resolver that solved.
    outcome : Outcome
        Its solve.

    Returns
    -------
    dict
        ``status``, ``objective``, ``total_shortfall_t``, ``external_shortfall_t``,
        ``weighted_shortfall``, ``cost``, ``shortfall_q`` and ``weighted_q``.
    """
    short_q = outcome.shortfall.sum(axis=1)
    weighted_q = shortfall_weights(resolver) * short_q
    study = study_rows(resolver)
    return {
        "status": outcome.status,
        "objective": outcome.objective,
        "total_shortfall_t": float(short_q[study].sum()),
        "external_shortfall_t": float(short_q[~study].sum()),
        "weighted_shortfall": float(weighted_q[study].sum()),
        "cost": outcome.cost,
        "shortfall_q": short_q,
        "weighted_q": weighted_q,
    }


def external_nodes(dataset) -> set[str]:
    """node_ids marked ``external`` (demand outside the study area)."""
    nodes = dataset.nodes
    return set(nodes.loc[nodes["external"].astype(bool), "node_id"]) if "external" in nodes else set()


def study_rows(resolver: Resolver) -> np.ndarray:
    """Boolean per demand row: is its node in the study area (not ``external``)?"""
    inst = resolver.inst
    if inst.node_external is None:
        return np.ones(len(inst.demand_node), dtype=bool)
    return ~inst.node_external[inst.demand_node]


def failed_metrics(resolver: Resolver, error: SolverError) -> dict:
    """The figures of a solve that found no optimum: NaN numbers and the reason as status.

    Parameters
    ----------
    resolver : Resolver
        The Resolver that tried (for the number of demand rows).
    error : SolverError
        Why it failed; its text becomes ``status``.

    Returns
    -------
    dict
        The keys of :func:`outcome_metrics`.
    """
    nan = float("nan")
    return {
        "status": str(error),
        "objective": nan,
        "total_shortfall_t": nan,
        "external_shortfall_t": nan,
        "weighted_shortfall": nan,
        "cost": nan,
        "shortfall_q": np.full(len(resolver.inst.demand_node), nan),
        "weighted_q": np.full(len(resolver.inst.demand_node), nan),
    }


def solve_variant(resolver: Resolver, caps: dict | None = None, stock_add: dict | None = None) -> dict:
    """Re-solve with capacities ``caps`` {name: [rows, days]} (missing: the base's) and extra stock
    (:meth:`~foodchain.optimize.resolver.Resolver.solve`); return its figures.

    Parameters
    ----------
    resolver : Resolver
        The base model.
    caps : dict, optional
        ``{name: [rows, days]}`` capacities in t/day.
    stock_add : dict, optional
        ``{(node index, commodity index): t}`` added to the initial stock.

    Returns
    -------
    dict
        :func:`outcome_metrics`, or :func:`failed_metrics` when no optimum was found.
    """
    try:
        return outcome_metrics(resolver, resolver.solve(caps, stock_add))
    except SolverError as exc:
        return failed_metrics(resolver, exc)
