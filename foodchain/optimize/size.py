"""How large the LP of a dataset over some days will be, known before anything is built.

:func:`estimate_lp_size` counts from the table sizes alone, in microseconds, an upper
bound on the LP :func:`foodchain.optimize.lp.build_lp` would build (reachability and
zero supply or demand only remove columns). :func:`check_lp_size` refuses, in words,
a solve that could not fit in memory, before any array is allocated.
"""

from __future__ import annotations

from dataclasses import dataclass

from foodchain.errors import InvalidInput
from foodchain.model.dataset import Dataset
from foodchain.model.limits import MAX_HORIZON_DAYS
from foodchain.model.problems import Problem

# The national benchmark (408,323 columns) peaks at 884 MiB: 4 million columns is
# about 9 GB, a third of this kind of machine.
MAX_LP_COLUMNS = 4_000_000


@dataclass(frozen=True)
class LpSize:
    """Upper bounds on the columns (variables) and rows (constraints) of one solve."""

    columns: int
    rows: int


def estimate_lp_size(dataset: Dataset, days: int) -> LpSize:
    """Upper bounds on the LP's size over ``days`` days.

    With R routes, K commodities, N nodes, S supply rows, Q demand rows, D days:

    * columns = D (R K + S + Q + 2 N K) + 2 N K
      (flow[r,k,d], supply[s,d], shortfall[q,d], stock and lost[n,k,d], drawdown and
      end stock[n,k]);
    * rows = D (2 N K + R + 3 N) + N K
      (balance and shelf life[n,k,d], route capacity[r,d], throughput in and out and
      storage[n,d], end stock[n,k]).
    """
    n, k, r = len(dataset.nodes), len(dataset.commodities), len(dataset.routes)
    s, q = len(dataset.supply), len(dataset.demand)
    return LpSize(
        columns=days * (r * k + s + q + 2 * n * k) + 2 * n * k,
        rows=days * (2 * n * k + r + 3 * n) + n * k,
    )


def check_lp_size(dataset: Dataset, days: int) -> LpSize:
    """The estimate, or :class:`~foodchain.errors.InvalidInput` when days or size are too large."""
    if not 1 <= days <= MAX_HORIZON_DAYS:
        problem = Problem("solve", None, "days", f"days must be from 1 to {MAX_HORIZON_DAYS} (a year), not {days}")
        raise InvalidInput([problem], "solve")
    size = estimate_lp_size(dataset, days)
    if size.columns > MAX_LP_COLUMNS:
        message = (
            f"the LP over {days} day(s) would have up to {size.columns:,} columns; the limit is"
            f" {MAX_LP_COLUMNS:,} (about 9 GB of memory): solve fewer days or a smaller network"
        )
        raise InvalidInput([Problem("solve", None, "days", message)], "solve")
    return size
