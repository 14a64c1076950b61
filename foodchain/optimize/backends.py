"""Solver backends: HiGHS directly through highspy, Clp on an MPS file, or PuLP (CBC or HiGHS).

All backends return a :class:`Solution` with the same sign convention for duals:
``row_dual`` is d(objective)/d(row bound) as HiGHS reports it, so a binding ``<=``
capacity row of this minimisation has a dual <= 0 and the value of one more unit of
capacity is ``-row_dual``.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import highspy
import numpy as np
import pulp

from foodchain.errors import SolverError
from foodchain.messages import msg
from foodchain.optimize.lp import LinearProgram

SOLVERS = ("auto", "highs", "highs-simplex", "highs-ipm", "clp-simplex", "clp-barrier", "cbc", "pulp-highs")
DEFAULT_SOLVER = "auto"
IPM_ABOVE_COLUMNS = 20_000
RACE_ABOVE_COLUMNS_PER_DAY = 5_000  # columns per day of the horizon up to which HiGHS runs alone
AUTO_ENGINES = ("clp-simplex", "clp-barrier")  # above: both Clp engines, the likelier winner first
BACKUP_AFTER_SECONDS = 5.0  # auto starts its second engine when the first has not answered by then


@dataclass
class Solution:
    """Primal values, row duals and status of one solve; ``model`` keeps a HiGHS model for re-solves."""

    status: str
    objective: float
    x: np.ndarray
    row_dual: np.ndarray
    solve_seconds: float
    solver: str
    model: object = None
    basis: object = None  # a highspy.HighsBasis of an engine other than HiGHS (Clp), for a warm HiGHS re-solve


def require_optimal(sol: Solution) -> Solution:
    """``sol`` when it is optimal; else :class:`~foodchain.errors.SolverError` with its status in words.

    The one message of a solve that found no optimum, for :func:`foodchain.solve` and for
    warm re-solves alike (a shortfall is a result, not an error).
    """
    if sol.status != "optimal":
        raise SolverError(msg("solver.not_optimal", status=status_words(sol.status)))
    return sol


def _highs_status(h: highspy.Highs) -> str:
    status = h.getModelStatus()
    words = {
        highspy.HighsModelStatus.kOptimal: "optimal",
        highspy.HighsModelStatus.kInfeasible: "infeasible",
        highspy.HighsModelStatus.kUnbounded: "unbounded",
        highspy.HighsModelStatus.kUnboundedOrInfeasible: "infeasible or unbounded",
        highspy.HighsModelStatus.kTimeLimit: "time limit reached",
        highspy.HighsModelStatus.kIterationLimit: "iteration limit reached",
    }
    return words.get(status, h.modelStatusToString(status).lower())


STATUS_IDS = {
    "optimal": "solver.status.optimal",
    "infeasible": "solver.status.infeasible",
    "unbounded": "solver.status.unbounded",
    "infeasible or unbounded": "solver.status.infeasible_or_unbounded",
    "time limit reached": "solver.status.time_limit",
    "iteration limit reached": "solver.status.iteration_limit",
    "not solved": "solver.status.not_solved",
    "approximate": "solver.status.approximate",
}


def status_words(status: str) -> str:
    """A solver status for a person, in the reader's language (``status`` itself stays English in outputs)."""
    return msg(STATUS_IDS[status]) if status in STATUS_IDS else status


def highs_model(lp: LinearProgram, method: str = "simplex", time_limit: float | None = None) -> highspy.Highs:
    """A HiGHS model holding ``lp``, ready to ``run()``; ``method`` is simplex or ipm.

    Parameters
    ----------
    lp : LinearProgram
        ``min cost x  s.t.  row_lower <= A x <= row_upper,  lower <= x <= upper``.
    method : str, default "simplex"
        ``"ipm"`` for interior point; anything else runs simplex.
    time_limit : float, optional
        Seconds before the engine stops; ``None`` (or 0) for no limit.

    Returns
    -------
    highspy.Highs
        A silent model with the columns, rows and bounds of ``lp`` (infinite bounds as
        ``kHighsInf``) and its matrix column-wise.
    """
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("solver", "ipm" if method == "ipm" else "simplex")
    if time_limit:
        h.setOptionValue("time_limit", float(time_limit))
    model = highspy.HighsLp()
    model.num_col_, model.num_row_ = lp.matrix.shape[1], lp.matrix.shape[0]
    model.col_cost_ = lp.cost
    model.col_lower_ = lp.lower
    model.col_upper_ = np.where(np.isinf(lp.upper), highspy.kHighsInf, lp.upper)
    model.row_lower_ = np.where(np.isinf(lp.row_lower), -highspy.kHighsInf, lp.row_lower)
    model.row_upper_ = np.where(np.isinf(lp.row_upper), highspy.kHighsInf, lp.row_upper)
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_ = lp.matrix.indptr.astype(np.int32)
    model.a_matrix_.index_ = lp.matrix.indices.astype(np.int32)
    model.a_matrix_.value_ = lp.matrix.data
    h.passModel(model)
    return h


def run_highs(h: highspy.Highs, solver: str = "highs") -> Solution:
    """Run (or re-run, warm from the current basis) a HiGHS model and read its solution.

    Parameters
    ----------
    h : highspy.Highs
        A model from :func:`highs_model` (possibly solved before, with changed bounds).
    solver : str, default "highs"
        The name recorded in ``Solution.solver``.

    Returns
    -------
    Solution
        Status in words, objective (Rp; NaN without a primal value), values and row duals
        (zeros when HiGHS has none), wall seconds of ``run()``, and ``model=h``.
    """
    start = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - start
    status = _highs_status(h)
    sol = h.getSolution()
    x = np.asarray(sol.col_value) if sol.value_valid else np.zeros(h.getNumCol())
    dual = np.asarray(sol.row_dual) if sol.dual_valid else np.zeros(h.getNumRow())
    objective = h.getInfo().objective_function_value if sol.value_valid else float("nan")
    return Solution(status, objective, x, dual, seconds, solver, model=h)


def to_pulp(lp: LinearProgram) -> tuple[pulp.LpProblem, list[pulp.LpVariable], list[list[pulp.LpConstraint]]]:
    """The same LP as a named PuLP problem (for CBC, PuLP's HiGHS, or writing an ``.lp`` file).

    Returns the problem, its variables by column and, for each row of ``lp``, the PuLP
    constraints that stand for it (see :func:`pulp_rows`).
    """
    prob = pulp.LpProblem("foodchain", pulp.LpMinimize)
    variables = [None] * lp.matrix.shape[1]
    for fam in lp.variables.values():
        for j, col in enumerate(range(fam.start, fam.start + fam.size)):
            label = "_".join(str(int(v[j])) for v in fam.keys.values())
            ub = None if np.isinf(lp.upper[col]) else float(lp.upper[col])
            variables[col] = prob.add_variable(f"{fam.name}_{label}", lowBound=0, upBound=ub)
    prob += pulp.LpAffineExpression([(variables[j], float(c)) for j, c in enumerate(lp.cost) if c])
    rows = lp.matrix.tocsr()
    constraints: list[list[pulp.LpConstraint]] = []
    for fam in lp.constraints.values():
        for j, i in enumerate(range(fam.start, fam.start + fam.size)):
            label = "_".join(str(int(v[j])) for v in fam.keys.values())
            lo, hi = rows.indptr[i], rows.indptr[i + 1]
            expr = pulp.LpAffineExpression(
                [(variables[c], float(a)) for c, a in zip(rows.indices[lo:hi], rows.data[lo:hi])]
            )
            parts = pulp_rows(expr, f"{fam.name}_{label}", float(lp.row_lower[i]), float(lp.row_upper[i]))
            for con in parts:
                prob += con
            constraints.append(parts)
    return prob, variables, constraints


def pulp_rows(expr, name: str, lower: float, upper: float) -> list[pulp.LpConstraint]:
    """PuLP constraints for ``lower <= expr <= upper``: one ``=``, ``<=`` or ``>=`` row, two for a range
    (``name_lo`` and ``name_hi``), none for a free row. PuLP has no ranged rows and rejects infinite sides.

    Parameters
    ----------
    expr : pulp.LpAffineExpression
        The row's left-hand side.
    name : str
        The row's name; a range gets ``name_lo`` and ``name_hi``.
    lower, upper : float
        The row's bounds; -inf / +inf for a free side.

    Returns
    -------
    list of pulp.LpConstraint
        Zero, one or two constraints.
    """
    if lower == upper:
        return [pulp.LpConstraint(expr, pulp.LpConstraintEQ, name, upper)]
    rows = []
    if np.isfinite(lower):
        rows.append(pulp.LpConstraint(expr, pulp.LpConstraintGE, name if np.isinf(upper) else f"{name}_lo", lower))
    if np.isfinite(upper):
        rows.append(pulp.LpConstraint(expr, pulp.LpConstraintLE, name if np.isinf(lower) else f"{name}_hi", upper))
    return rows


def run_pulp(lp: LinearProgram, solver: str = "cbc", time_limit: float | None = None) -> Solution:
    """Solve through PuLP with CBC (``cbc``) or PuLP's HiGHS interface (``pulp-highs``).

    Parameters
    ----------
    lp : LinearProgram
        ``min cost x  s.t.  row_lower <= A x <= row_upper,  lower <= x <= upper``.
    solver : str, default "cbc"
        ``"cbc"``, else PuLP's HiGHS interface is used.
    time_limit : float, optional
        Seconds before the engine stops; ``None`` (or 0) for no limit.

    Returns
    -------
    Solution
        Status in words, objective re-derived as ``cost @ x`` (Rp), values (0 for a missing
        value) and one dual per LP row (the sum over its PuLP rows).

    Raises
    ------
    SolverError
        When PuLP fails to run the engine.
    """
    prob, variables, constraints = to_pulp(lp)
    with warnings.catch_warnings():  # PuLP 3 warns that its bundled CBC moves to an extra in PuLP 4
        warnings.simplefilter("ignore", DeprecationWarning)
        engine = (
            pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit)
            if solver == "cbc"
            else pulp.HiGHS(msg=False, timeLimit=time_limit)
        )
    start = time.perf_counter()
    try:
        prob.solve(engine)
    except pulp.PulpError as exc:
        raise SolverError(msg("solver.pulp_failed", solver=solver, detail=str(exc))) from exc
    seconds = time.perf_counter() - start
    status = pulp.LpStatus[prob.status].lower()
    x = np.array([v.varValue or 0.0 for v in variables])
    dual = np.array([sum(c.pi or 0.0 for c in parts) for parts in constraints])
    return Solution(status, float(lp.cost @ x), x, dual, seconds, solver)


CLP_STATUS = {
    "Optimal": "optimal",
    "Infeasible": "infeasible",
    "Unbounded": "unbounded",
    "Stopped on time": "time limit reached",
    "Stopped on iterations": "iteration limit reached",
}


def clp_binary() -> str:
    """Path of the CBC program that PuLP ships (its LP engine is Clp)."""
    path = pulp.PULP_CBC_CMD.pulp_cbc_path
    if not Path(path).is_file():
        raise SolverError(msg("solver.no_cbc"))
    return path


def clp_args(mps: Path, sol_path: Path, method: str = "simplex", time_limit: float | None = None) -> list[str]:
    """Command line that makes the CBC program solve ``mps`` as an LP with Clp and write ``sol_path``.

    Clp also writes its final basis (MPS basis format) next to it, as ``sol_path`` with the
    suffix ``.bas`` (see :func:`read_clp_basis`).

    Parameters
    ----------
    mps : Path
        The LP in MPS format.
    sol_path : Path
        Where Clp writes its solution file.
    method : str, default "simplex"
        ``"barrier"`` for barrier with crossover, anything else for dual simplex.
    time_limit : float, optional
        Seconds before the engine stops; ``None`` (or 0) for no limit.

    Returns
    -------
    list of str
        The program and its arguments, for :func:`subprocess.run` without a shell.
    """
    args = [clp_binary(), str(mps)]
    if time_limit:
        args += ["-sec", str(float(time_limit))]
    method_args = ["-barrier" if method == "barrier" else "-dualS", "-printingOptions", "all"]
    return args + method_args + ["-basisO", str(sol_path.with_suffix(".bas")), "-solu", str(sol_path)]


def read_clp_basis(path: Path, rows: int, columns: int) -> highspy.HighsBasis | None:
    """The basis Clp wrote to ``path`` (MPS basis format) as a HiGHS basis, or ``None`` without a file.

    Names are those :meth:`highspy.Highs.writeModel` gives an unnamed LP: ``c<j>`` for column
    ``j``, ``r<i>`` for row ``i``. Every column starts nonbasic at its lower bound and every
    row basic; then ``XU c r`` / ``XL c r`` make column ``c`` basic and row ``r`` nonbasic at
    its upper / lower bound, ``UL c`` puts column ``c`` at its upper bound, ``LL c`` at its lower.

    Parameters
    ----------
    path : Path
        The basis file.
    rows, columns : int
        The LP's number of rows and columns.

    Returns
    -------
    highspy.HighsBasis or None
        A valid basis, or ``None`` when ``path`` does not exist.
    """
    if not path.exists():
        return None
    status = highspy.HighsBasisStatus
    col = np.full(columns, status.kLower, dtype=object)
    row = np.full(rows, status.kBasic, dtype=object)
    at = {"XU": status.kUpper, "XL": status.kLower, "UL": status.kUpper, "LL": status.kLower}
    for line in path.read_text().splitlines()[1:]:
        words = line.split()
        if len(words) < 2 or words[0] not in at:
            continue
        j = int(words[1][1:])
        if words[0] in ("XU", "XL"):
            col[j], row[int(words[2][1:])] = status.kBasic, at[words[0]]
        else:
            col[j] = at[words[0]]
    basis = highspy.HighsBasis()
    basis.col_status, basis.row_status, basis.valid = list(col), list(row), True
    return basis


def warm_highs(lp: LinearProgram, sol: Solution, time_limit: float | None = None) -> Solution:
    """``sol`` held by a HiGHS model of ``lp``, for stages that re-solve warm (the fair-sharing stage).

    A HiGHS solution is returned as it is. A Clp solution is handed over through Clp's final
    basis: HiGHS starts from it and confirms optimality, normally in 0 iterations, and its
    values (full precision, not the 8 digits of Clp's file) replace Clp's; ``solver`` and the
    seconds of both are kept. Without a basis, or when HiGHS does not confirm optimality,
    ``sol`` is returned unchanged.

    Parameters
    ----------
    lp : LinearProgram
        ``min cost x  s.t.  row_lower <= A x <= row_upper,  lower <= x <= upper``.
    sol : Solution
        The first stage's solution of ``lp``.
    time_limit : float, optional
        Seconds before the engine stops; ``None`` (or 0) for no limit.

    Returns
    -------
    Solution
        ``sol`` or the HiGHS re-solve that confirmed it.
    """
    if isinstance(sol.model, highspy.Highs) or sol.basis is None:
        return sol
    h = highs_model(lp, "simplex", time_limit)
    h.setBasis(sol.basis)
    again = run_highs(h, sol.solver)
    if again.status != "optimal":
        return sol
    again.solve_seconds += sol.solve_seconds
    return again


def read_clp_solution(lp: LinearProgram, sol_path: Path, seconds: float, method: str, log: str = "") -> Solution:
    """The :class:`Solution` in a solution file Clp wrote for ``lp`` (status in words, duals, values).

    Parameters
    ----------
    lp : LinearProgram
        ``min cost x  s.t.  row_lower <= A x <= row_upper,  lower <= x <= upper``.
    sol_path : Path
        The solution file (its ``.bas`` sibling is read for the basis).
    seconds : float
        Wall seconds of the Clp run, recorded in the solution.
    method : str
        ``simplex`` or ``barrier``; the solver is recorded as ``clp-<method>``.
    log : str, default ""
        Clp's output, the last 500 characters of which go into the error when no file was written.

    Returns
    -------
    Solution
        Status in words, objective ``cost @ x`` (Rp), values, row duals and the basis (or ``None``).

    Raises
    ------
    SolverError
        When there is no solution file, or it has not ``rows + columns`` lines of four words.
    """
    if not sol_path.exists():
        raise SolverError(msg("solver.clp_no_solution", log=log[-500:]))
    text = sol_path.read_text()
    head, _, body = text.partition("\n")
    phrase = head.split(" - ")[0].strip()
    status = CLP_STATUS.get(phrase, phrase.lower())
    m, n = lp.shape
    words = body.replace("**", " ").split()  # "**" marks an infeasible row or column
    if len(words) != 4 * (m + n):
        raise SolverError(msg("solver.clp_bad_file", found=f"{len(words) / 4:g}", expected=m + n))
    table = np.array(words, dtype=object).reshape(-1, 4)  # index, name, value or activity, reduced cost or dual
    dual = table[:m, 3].astype(float)
    x = table[m:, 2].astype(float)
    basis = read_clp_basis(sol_path.with_suffix(".bas"), m, n)
    return Solution(status, float(lp.cost @ x), x, dual, seconds, f"clp-{method}", basis=basis)


def run_clp(lp: LinearProgram, method: str = "simplex", time_limit: float | None = None) -> Solution:
    """Solve ``lp`` with Clp (dual simplex, or barrier with crossover) on an MPS file written by HiGHS.

    Skips PuLP's per-variable Python objects: the LP goes to disk as MPS in one call, the CBC
    program solves it as an LP (no branching: every variable is continuous) and prints every
    row (activity, dual) and column (value, reduced cost) to a solution file. The solution
    file carries 8 significant digits; the objective is re-derived as ``cost @ x``.

    Parameters
    ----------
    lp : LinearProgram
        ``min cost x  s.t.  row_lower <= A x <= row_upper,  lower <= x <= upper``.
    method : str, default "simplex"
        ``"simplex"`` (dual simplex) or ``"barrier"``.
    time_limit : float, optional
        Seconds before the engine stops; ``None`` (or 0) for no limit.

    Returns
    -------
    Solution
        As read by :func:`read_clp_solution`; the temporary files are removed.

    Raises
    ------
    SolverError
        When Clp writes no solution, or a file that does not match ``lp``.
    """
    with tempfile.TemporaryDirectory(prefix="foodchain-clp-") as tmp:
        mps, sol_path = Path(tmp, "lp.mps"), Path(tmp, "lp.sol")
        highs_model(lp).writeModel(str(mps))
        start = time.perf_counter()
        args = clp_args(mps, sol_path, method, time_limit)
        done = subprocess.run(args, capture_output=True, text=True)  # noqa: S603 -- PuLP's CBC binary, our own file names, no shell
        seconds = time.perf_counter() - start
        return read_clp_solution(lp, sol_path, seconds, method, f"exit {done.returncode}: {done.stdout}")


def choose_method(lp: LinearProgram) -> str:
    """HiGHS method for ``lp``: dual simplex up to :data:`IPM_ABOVE_COLUMNS` columns, interior point above.

    Measured on the synthetic city network (benchmarks/RESULTS.md, "Core solve"; same LP,
    solver alone): dual simplex is faster at 1 day (12.6k columns: 0.28 s against 0.38 s),
    interior point from 2 days on (25.6k columns: 1.17 s against 1.45 s; 90k columns at
    7 days: 7.2 s against 17.4 s). Crossover stays on, so duals and the basis are exact.
    """
    return "ipm" if lp.shape[1] > IPM_ABOVE_COLUMNS else "simplex"


def choose_engines(lp: LinearProgram) -> tuple[str, ...]:
    """The engines ``auto`` runs on ``lp``, the likelier winner first (a staggered race).

    Learnt from the benchmark set (benchmarks/RESULTS.md, "Default solver" and "Core solve";
    Jakarta's scenarios from 1 to 90 days, the easy and the stressed synthetic city at 1 and
    7 days, regional and national at 1 day):

    * up to :data:`RACE_ABOVE_COLUMNS_PER_DAY` columns per day of the horizon (a city-sized
      network, on any horizon), HiGHS's dual simplex alone, in process: the fastest engine on
      every Jakarta LP (90 days: 23.6 s, every other engine above 35 s) and on small LPs,
      which it answers before a second process would have started;
    * above, on one day, Clp's dual simplex first (city 0.22 s against 0.33 s for the
      barrier, regional 3.5 s against 6.9 s, national 70 s against 62 s);
    * above, on two days or more, Clp's barrier first (city at 2 days 0.80 s against 1.07 s,
      at 7 days 3.8-4.8 s against 6.8-9.7 s for every other engine).

    :func:`solve_lp` starts the second engine only when the first has not answered after
    :data:`BACKUP_AFTER_SECONDS`: where the rule guesses right the LP pays nothing for the
    portfolio, and where it guesses wrong (each Clp engine is 2-25x slower than the other on
    some LP) the other engine bounds the loss. Falls back to HiGHS alone when PuLP ships no
    CBC program for this platform.

    Parameters
    ----------
    lp : LinearProgram
        The LP to solve; its horizon is read from its ``flow`` columns.

    Returns
    -------
    tuple of str
        Engine names, e.g. ``("highs-simplex",)`` or ``("clp-barrier", "clp-simplex")``.
    """
    days = lp_days(lp)
    if lp.shape[1] <= RACE_ABOVE_COLUMNS_PER_DAY * days:
        return ("highs-simplex",)
    try:
        clp_binary()
    except SolverError:
        return (f"highs-{choose_method(lp)}",)
    return AUTO_ENGINES if days == 1 else AUTO_ENGINES[::-1]


def lp_days(lp: LinearProgram) -> int:
    """The number of days ``lp`` covers (1 when it has no dated ``flow`` columns)."""
    flow = lp.variables.get("flow")
    if flow is None or not flow.size or "d" not in flow.keys:
        return 1
    return int(flow.keys["d"].max()) + 1


def choose_solver(lp: LinearProgram) -> str:
    """The engines ``auto`` runs on ``lp`` in words, e.g. ``clp-simplex|clp-barrier`` (see :func:`choose_engines`)."""
    return "|".join(choose_engines(lp))


def solve_lp(
    lp: LinearProgram,
    solver: str = DEFAULT_SOLVER,
    time_limit: float | None = None,
    progress=None,
) -> Solution:
    """Solve ``lp`` with one of :data:`SOLVERS`.

    ``auto`` races the engines of :func:`choose_engines`, the second one starting after
    :data:`BACKUP_AFTER_SECONDS` (the first definitive answer wins,
    :func:`~foodchain.optimize.portfolio.race`); ``highs`` picks the HiGHS method by size
    (:func:`choose_method`); ``highs-simplex``, ``highs-ipm``, ``clp-simplex`` and
    ``clp-barrier`` run that engine alone; ``cbc`` and ``pulp-highs`` go through PuLP.
    ``progress`` (a callable taking a :class:`~foodchain.optimize.portfolio.SolveProgress`)
    is called about once a second by every engine but the PuLP ones.

    Parameters
    ----------
    lp : LinearProgram
        ``min cost x  s.t.  row_lower <= A x <= row_upper,  lower <= x <= upper``.
    solver : str, default DEFAULT_SOLVER
        One of :data:`SOLVERS`.
    time_limit : float, optional
        Seconds before the engine stops; ``None`` (or 0) for no limit.
    progress : callable, optional
        Called with a :class:`~foodchain.optimize.portfolio.SolveProgress`.

    Returns
    -------
    Solution
        The solution of the engine that answered, optimal or not (see :func:`require_optimal`).

    Raises
    ------
    SolverError
        For a solver name not in :data:`SOLVERS`, or when an engine fails to run.
    """
    from foodchain.optimize.portfolio import race  # the portfolio builds on this module

    if solver not in SOLVERS:
        raise SolverError(msg("solver.unknown", solver=solver, choices=", ".join(SOLVERS)))
    if solver == "auto":
        return race(lp, choose_engines(lp), time_limit, progress, stagger=BACKUP_AFTER_SECONDS)
    if solver == "highs":
        solver = f"highs-{choose_method(lp)}"
    if solver.startswith(("clp", "highs")):
        return race(lp, (solver,), time_limit, progress)
    return run_pulp(lp, solver, time_limit)
