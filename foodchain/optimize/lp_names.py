"""Names a person can read in an ``.lp`` file: ids of the dataset and 1-based days.

Each column and row of :func:`foodchain.optimize.lp.build_lp` is named after its family and
keys, e.g. ``flow(R-C-N,rice,d1)`` as ``flow(R_C_N,rice,d1)``, ``balance(PIBC,rice,d3)``,
``route_capacity(Tol_Barat_1,d2)``, ``drawdown(PIBC,rice)``:

* ``r`` is a route id, ``n`` a node id, ``k`` a commodity id, ``s`` a supply row (its node and
  commodity), ``q`` a demand row (its node and commodity), ``d`` a day written ``d1`` for the
  first, ``j`` a piece of the fair-sharing stage written ``p1`` for the first;
* ``i`` is a route in ``route_capacity`` and a node in ``throughput_in``, ``throughput_out`` and
  ``storage``.

The LP file format (CPLEX's, which HiGHS, CBC and PuLP read and write) allows letters, digits
and ``!"#$%&()/,.;?@_`'{}|~`` in names, at most 255 characters, not starting with a digit or
``.``. Brackets, ``-``, ``+``, ``:``, spaces and any other character of an id become ``_``
(:func:`safe`), each id is cut to :data:`MAX_ID_CHARS` characters, and where two names of one
LP come out the same (ids ``A-B`` and ``A_B``) the later ones get ``#2``, ``#3``, ... so every
name is unique.
"""

from __future__ import annotations

import re

import numpy as np

from foodchain.model.dataset import Dataset
from foodchain.optimize.backends import highs_model
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import Instance, build_instance
from foodchain.optimize.lp import LinearProgram, build_lp
from foodchain.optimize.scenario import Scenario

MAX_ID_CHARS = 60
UNSAFE = re.compile(r"[^A-Za-z0-9!\"#$%&()/,.;?@_`'{}|~]")
# key -> what it indexes, for every family but those in KEY_OF_FAMILY
KEY_MEANS = {"r": "route", "n": "node", "k": "commodity", "s": "supply", "q": "demand", "d": "day", "j": "piece"}
KEY_OF_FAMILY = {
    "route_capacity": {"i": "route"},
    "throughput_in": {"i": "node"},
    "throughput_out": {"i": "node"},
    "storage": {"i": "node"},
    "shortfall_cap": {"i": None},  # one row: no key in its name
}


def safe(text: str) -> str:
    """``text`` with every character an LP file does not allow in a name replaced by ``_``."""
    return UNSAFE.sub("_", str(text)[:MAX_ID_CHARS])


def _labels(inst: Instance, means: str | None, values: np.ndarray) -> list[list[str]]:
    """The parts of a name that one key contributes, for each member of a family."""
    nodes, goods = [safe(x) for x in inst.node_ids], [safe(x) for x in inst.commodity_ids]
    if means is None:
        return [[] for _ in values]
    if means == "route":
        routes = [safe(x) for x in inst.route_ids]
        return [[routes[v]] for v in values]
    if means == "node":
        return [[nodes[v]] for v in values]
    if means == "commodity":
        return [[goods[v]] for v in values]
    if means in ("supply", "demand"):
        node, good = (inst.supply_node, inst.supply_k) if means == "supply" else (inst.demand_node, inst.demand_k)
        return [[nodes[node[v]], goods[good[v]]] for v in values]
    prefix = "d" if means == "day" else "p"
    return [[f"{prefix}{v + 1}"] for v in values]


def family_names(inst: Instance, name: str, keys: dict[str, np.ndarray]) -> list[str]:
    """``name(key labels...)`` for each member of one family (see the module docstring).

    Parameters
    ----------
    inst : Instance
        The instance ``lp`` was built from (its ids give the labels; days are written 1-based).
    name : str
        The family's name.
    keys : dict of str to numpy.ndarray
        The family's index arrays (0-based indices).

    Returns
    -------
    list of str
        One name per member, e.g. ``flow(R1,rice,d1)``; ``name`` alone for a family without keys.
    """
    means = KEY_OF_FAMILY.get(name, {})
    size = len(next(iter(keys.values()))) if keys else 0
    parts: list[list[str]] = [[] for _ in range(size)]
    for key, values in keys.items():
        for member, label in zip(parts, _labels(inst, means.get(key, KEY_MEANS.get(key)), values)):
            member.extend(label)
    return [f"{name}({','.join(p)})" if p else name for p in parts]


def unique(names: list[str]) -> list[str]:
    """``names`` with ``#2``, ``#3``, ... added to the second, third, ... occurrence of a name."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    taken = set(out)
    if len(taken) < len(out):  # a suffixed name met an id that already ends in #n: number them all
        return [f"{name}#{i}" for i, name in enumerate(names)]
    return out


def column_names(inst: Instance, lp: LinearProgram) -> list[str]:
    """One name per column of ``lp``, in column order.

    Parameters
    ----------
    inst : Instance
        The instance ``lp`` was built from (its ids give the labels; days are written 1-based).
    lp : LinearProgram
        The LP.

    Returns
    -------
    list of str
        Unique names (see :func:`unique`).
    """
    names = [""] * lp.shape[1]
    for fam in lp.variables.values():
        names[fam.slice] = family_names(inst, fam.name, fam.keys)
    return unique(names)


def row_names(inst: Instance, lp: LinearProgram) -> list[str]:
    """One name per row of ``lp``, in row order.

    Parameters
    ----------
    inst : Instance
        The instance ``lp`` was built from (its ids give the labels; days are written 1-based).
    lp : LinearProgram
        The LP.

    Returns
    -------
    list of str
        Unique names (see :func:`unique`).
    """
    names = [""] * lp.shape[0]
    for fam in lp.constraints.values():
        names[fam.slice] = family_names(inst, fam.name, fam.keys)
    return unique(names)


def write_lp(lp: LinearProgram, inst: Instance, path) -> None:
    """Write ``lp`` to ``path`` in the LP file format with the names of :func:`column_names` and :func:`row_names`.

    HiGHS writes it: one row per line, in row order, so each family's rows are consecutive
    lines starting with the family's name. HiGHS, CBC and PuLP can read the file back.

    Parameters
    ----------
    lp : LinearProgram
        The LP.
    inst : Instance
        The instance ``lp`` was built from (its ids give the labels; days are written 1-based).
    path : str or Path
        The file to write (``.lp``).
    """
    h = highs_model(lp)
    for j, name in enumerate(column_names(inst, lp)):
        h.passColName(j, name)
    for i, name in enumerate(row_names(inst, lp)):
        h.passRowName(i, name)
    h.writeModel(str(path))


def write_scenario_lp(dataset: Dataset, scenario: Scenario | None, days: int | None, path) -> None:
    """Write the first-stage LP that :func:`foodchain.solve` builds for these arguments to ``path`` (:func:`write_lp`).

    Parameters
    ----------
    dataset : Dataset
        The network.
    scenario : Scenario or None
        The scenario; ``None`` for the baseline.
    days : int or None
        The horizon; default the scenario's.
    path : str or Path
        The file to write (``.lp``).
    """
    scenario = scenario or Scenario()
    inst = build_instance(dataset, scenario_factors(dataset, scenario, days or scenario.horizon_days))
    write_lp(build_lp(inst), inst, path)
