"""How big an LP will be, known before it is built, and a refusal when it cannot fit in memory.

:func:`estimate_lp_size` counts the LP of an :class:`~foodchain.optimize.instance.Instance`
(cheap to build: arrays of the dataset with the scenario applied) family by family, as
:mod:`foodchain.optimize.lp` would build it, and returns upper bounds. With ``D`` days,
``F = sum_r |allowed commodities of r|`` route-commodity pairs, ``S`` supply rows, ``Q``
demand rows, ``H`` node-commodity pairs that may hold stock, ``R`` routes, ``N`` nodes and
``K`` commodities:

* columns <= ``D (F + S + Q + H) + 2 H_L + N K`` (flow, supply, shortfall, stock; lost and
  shelf room; drawdown), where ``H_L = sum over held pairs of max(D - L(k) + 1, 0)`` counts
  the days on which a shelf life ``L(k)`` can bind (shelf room only where ``L(k)`` is above
  :data:`~foodchain.optimize.lp.DIRECT_SHELF_LIFE_DAYS`; counted everywhere as a bound);
* rows <= ``D (N K + R + 3 N) + H_L + N K`` (balance, route capacity, throughput in and
  out, storage; shelf life; stock at the end);
* nonzeros <= ``D (5 F + 2 S + Q + 4 H) + 5 H_L + sum_k I(k) x (max(D - L(k) + 1, 0) L(k)
  if L(k) <= T, else 2 D if L(k) <= D) + 2 N K``, where ``I(k)`` counts the routes and
  supply rows that bring commodity ``k`` and ``T`` is
  :data:`~foodchain.optimize.lp.DIRECT_SHELF_LIFE_DAYS`: a direct shelf-life row sums the
  last ``L(k)`` days of arrivals; a window row holds its stock and room columns and those
  of the day before, and each arrival enters at most two window rows (the day it joins the
  window and the day it leaves it), so the count is linear in ``D`` whatever the shelf lives.

Memory is estimated as :data:`BYTES_PER_NONZERO` per nonzero plus :data:`BASE_BYTES`,
calibrated on Jakarta's 30-day LP (313k nonzeros) solved by ``auto``: the Python process
grew by 55 MiB over its 165 MiB at start, and each of the two racing Clp processes peaked
at 195 MiB (barrier factors included), about 1,450 bytes a nonzero in all. :func:`check_lp_size` refuses an LP above the limit (the memory
available now, or ``$FOODCHAIN_MAX_LP_GIB``) with :class:`ModelTooLarge` before anything
large is allocated.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import psutil

from foodchain.errors import InvalidInput
from foodchain.messages import msg, num
from foodchain.model.limits import MAX_HORIZON_DAYS
from foodchain.model.problems import Problem
from foodchain.optimize.instance import Instance
from foodchain.optimize.lp import DIRECT_SHELF_LIFE_DAYS

BYTES_PER_NONZERO = 1_500
BASE_BYTES = 200 * 2**20
GIB = 2**30


class ModelTooLarge(InvalidInput):
    """The LP of this dataset and horizon would not fit in the memory allowed (exit code 2)."""


@dataclass(frozen=True)
class LpSize:
    """Upper bounds on one LP's rows, columns and nonzeros, and the memory solving it takes."""

    rows: int
    columns: int
    nonzeros: int

    @property
    def memory_bytes(self) -> int:
        return BASE_BYTES + BYTES_PER_NONZERO * self.nonzeros

    def words(self) -> str:
        """Rows, columns, nonzeros and memory in words (a message: the reader's language)."""
        gib = num(self.memory_bytes / GIB, 1)
        return msg(
            "solver.size_words", rows=num(self.rows), columns=num(self.columns), nonzeros=num(self.nonzeros), gib=gib
        )


def estimate_lp_size(inst: Instance) -> LpSize:
    """Upper bounds on the size of ``build_lp(inst)`` (see the module docstring for the counts)."""
    days = inst.days
    n_nodes, n_k = len(inst.node_ids), len(inst.commodity_ids)
    life = np.where(inst.shelf_life > 0, inst.shelf_life, days + 1)  # [K] no shelf life: no row
    life_days = np.maximum(days - life + 1, 0)  # [K] days with a shelf-life row
    route_k = np.nonzero(inst.route_allowed)[1]
    held_k = np.nonzero(inst.stock_allowed)[1]
    inflows_k = np.bincount(route_k, minlength=n_k) + np.bincount(inst.supply_k, minlength=n_k)
    pairs, supply, demand, held = len(route_k), len(inst.supply_k), len(inst.demand_k), len(held_k)
    shelf = int(life_days[held_k].sum())  # lost columns = shelf-room columns = shelf-life rows
    columns = days * (pairs + supply + demand + held) + 2 * shelf + n_nodes * n_k
    rows = days * (n_nodes * n_k + len(inst.route_ids) + 3 * n_nodes) + shelf + n_nodes * n_k
    direct = life <= DIRECT_SHELF_LIFE_DAYS
    per_inflow = np.where(direct, life_days * np.minimum(life, days), 2 * days * (life_days > 0))
    window = int((per_inflow * inflows_k).sum())  # inflow entries of the shelf-life rows
    nonzeros = days * (5 * pairs + 2 * supply + demand + 4 * held) + 5 * shelf + window + 2 * n_nodes * n_k
    return LpSize(int(rows), int(columns), int(nonzeros))


def memory_limit_bytes() -> int:
    """``$FOODCHAIN_MAX_LP_GIB`` GiB when set, else the memory available now."""
    limit = os.environ.get("FOODCHAIN_MAX_LP_GIB")
    return int(float(limit) * GIB) if limit else int(psutil.virtual_memory().available)


def check_lp_size(inst: Instance) -> LpSize:
    """The estimate of :func:`estimate_lp_size`; raises :class:`ModelTooLarge` when it exceeds the limit."""
    size = estimate_lp_size(inst)
    limit = memory_limit_bytes()
    if size.memory_bytes > limit:
        message = msg("solver.too_large", days=days_words(inst.days), size=size.words(), limit=num(limit / GIB, 1))
        raise ModelTooLarge([Problem("options", None, "days", message)], "options")
    return size


def days_words(days: int) -> str:
    return msg("solver.one_day", days=days) if days == 1 else msg("solver.days", days=days)


def check_days(days: int) -> None:
    """Refuse (exit code 2) a horizon outside 1 to :data:`~foodchain.model.limits.MAX_HORIZON_DAYS` days."""
    if not 1 <= days <= MAX_HORIZON_DAYS:
        problem = Problem("options", None, "days", msg("solver.days_range", limit=MAX_HORIZON_DAYS, days=days))
        raise InvalidInput([problem], "options")
