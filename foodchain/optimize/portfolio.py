"""The default solver: engines race on one LP, the first definitive answer wins, the others stop.

No single engine is fastest on every LP this project solves (benchmarks/RESULTS.md, "Default
solver"): HiGHS's dual simplex wins on Jakarta's scenarios, Clp's dual simplex on one-day
synthetic networks, Clp's barrier with crossover on the synthetic city at several days, and
each loses by 2-25x where another wins. :func:`race` starts several engines on the same LP,
all at once or staggered (the likelier winner first, the next only when no answer has come
after ``stagger`` seconds), and returns the first answer whose status is definitive
(optimal, infeasible, unbounded):

* Clp engines run as separate processes of the CBC program that PuLP ships, all reading one
  MPS file; a losing process is terminated (killed after :data:`STOP_SECONDS`) and waited for,
  so no process is left behind (also when the caller is interrupted: the command line turns
  SIGTERM into the same clean stop as Ctrl-C; only a SIGKILL of this process can orphan one);
* a HiGHS engine runs in a thread of this process (highspy releases the GIL while solving); a
  losing HiGHS solve is interrupted at its next iteration (HiGHS's interrupt callback) and its
  thread joined.

Every engine solves the same LP to optimality, so the optimal objective does not depend on
which engine wins (to the engines' tolerances, about 1e-9 relative); where the LP has several
optimal solutions (ties in cost) the flows may be another optimum of the same value.

On a machine with fewer free cores than engines they share CPU time: each runs at most at
``cores / engines`` of its own speed, which the benchmark measures rather than assumes.
``progress`` receives a :class:`SolveProgress` about once a second: elapsed seconds and, per
engine, its last simplex iteration count or phase, read from the engine's log.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from foodchain.errors import SolverError
from foodchain.messages import msg, num
from foodchain.optimize.backends import (
    Solution,
    clp_args,
    highs_model,
    read_clp_solution,
    run_highs,
)
from foodchain.optimize.lp import LinearProgram

DEFINITIVE = ("optimal", "infeasible", "unbounded", "infeasible or unbounded")
STOP_SECONDS = 5.0  # a terminated Clp process that has not exited after this long is killed
POLL_SECONDS = 0.02
PROGRESS_SECONDS = 1.0
# the CBC program buffers its log when it writes to a file; coreutils' stdbuf makes it write each line
LINE_BUFFERED = ["stdbuf", "-oL"] if shutil.which("stdbuf") else []


@dataclass
class SolveProgress:
    """Where a solve stands: seconds since it started and each engine's phase in words."""

    elapsed_s: float
    phases: dict[str, str] = field(default_factory=dict)
    iterations: int = 0  # the most iterations any engine has made (0: not known)

    def line(self) -> str:
        """One line for a terminal, e.g. ``12 s: clp-simplex iteration 8760; clp-barrier running``."""
        return f"{self.elapsed_s:.0f} s: " + "; ".join(f"{name} {phase}" for name, phase in self.phases.items())


ProgressFn = Callable[[SolveProgress], None]


def engine_phase(iterations: int) -> str:
    """An engine's phase in the reader's language: ``iteration 8,760`` once it reports one, else ``running``."""
    return msg("solver.phase_iteration", n=num(iterations, 0)) if iterations else msg("solver.phase_running")


class ClpRun:
    """One Clp engine solving ``mps`` in its own process (see :func:`~foodchain.optimize.backends.clp_args`)."""

    def __init__(self, lp: LinearProgram, mps: Path, folder: Path, method: str, time_limit: float | None) -> None:
        self.lp, self.method, self.name = lp, method, f"clp-{method}"
        self.sol_path, self.log_path = folder / f"{method}.sol", folder / f"{method}.log"
        self.start = time.perf_counter()
        with open(self.log_path, "w") as log:
            self.proc = subprocess.Popen(  # noqa: S603 -- PuLP's CBC binary, our own file names, no shell
                LINE_BUFFERED + clp_args(mps, self.sol_path, method, time_limit), stdout=log, stderr=subprocess.STDOUT
            )
        self.seconds: float | None = None

    def done(self) -> bool:
        if self.seconds is None and self.proc.poll() is not None:
            self.seconds = time.perf_counter() - self.start
        return self.seconds is not None

    def result(self) -> Solution:
        log = self.log_path.read_text(errors="replace")
        return read_clp_solution(self.lp, self.sol_path, self.seconds, self.method, log)

    @property
    def iterations(self) -> int:
        """N of the last iteration line of Clp's log (``N  Obj ...``), 0 before the first."""
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()[-5:]
        except OSError:
            return 0
        for line in reversed(lines):
            words = line.split()
            if len(words) > 1 and words[0].isdigit() and words[1] == "Obj":
                return int(words[0])
        return 0

    def phase(self) -> str:
        return engine_phase(self.iterations)

    def stop(self) -> None:
        """Terminate the process (kill it if it does not exit within :data:`STOP_SECONDS`) and reap it."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class HighsRun:
    """One HiGHS engine solving in a thread of this process.

    HiGHS calls :meth:`_interrupt` between iterations (its simplex and interior-point
    interrupt callbacks): it records the iteration count for :meth:`phase` and stops the
    solve once :meth:`stop` has been called.
    """

    def __init__(self, lp: LinearProgram, method: str, time_limit: float | None) -> None:
        self.name = f"highs-{method}"
        self.h = highs_model(lp, method, time_limit)
        self.solution: Solution | None = None
        self.error: Exception | None = None
        self.stopping, self.iterations = False, 0
        self.h.cbSimplexInterrupt += self._interrupt
        self.h.cbIpmInterrupt += self._interrupt
        self.listening = True
        self.thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self.thread.start()

    def _interrupt(self, event) -> None:
        out = event.data_out
        self.iterations = max(out.simplex_iteration_count, out.ipm_iteration_count)
        if self.stopping:
            event.interrupt()

    def _run(self) -> None:
        try:
            self.solution = run_highs(self.h, self.name)
        except Exception as exc:  # noqa: BLE001 - handed to the caller by result()
            self.error = exc

    def done(self) -> bool:
        return not self.thread.is_alive()

    def result(self) -> Solution:
        if self.error is not None:
            raise SolverError(f"{self.name} failed: {self.error}")
        return self.solution

    def phase(self) -> str:
        return engine_phase(self.iterations)

    def stop(self) -> None:
        """Interrupt the solve at its next iteration and wait for the thread to end.

        A run that has finished is left as it is: its model may be solved again (the
        fair-sharing stage re-solves the winner's model warm), and must not be interrupted.
        The interrupt callback is taken off the model (HiGHS calls it every iteration: about
        5 % of a solve's time on Jakarta at 30 days).
        """
        if self.thread.is_alive():
            self.stopping = True
        self.thread.join()
        if self.listening:  # the model may be re-solved (warm stages, re-solve sessions): no callback per iteration
            self.h.cbSimplexInterrupt -= self._interrupt
            self.h.cbIpmInterrupt -= self._interrupt
            self.listening = False


def _start(lp: LinearProgram, engine: str, mps: Path | None, folder: Path, time_limit: float | None):
    family, method = engine.split("-", 1)
    if family == "clp":
        return ClpRun(lp, mps, folder, method, time_limit)
    return HighsRun(lp, "ipm" if method == "ipm" else "simplex", time_limit)


def race(
    lp: LinearProgram,
    engines: Sequence[str],
    time_limit: float | None = None,
    progress: ProgressFn | None = None,
    stagger: float = 0.0,
) -> Solution:
    """Solve ``lp`` with several engines at once and return the first definitive answer.

    ``engines`` are names among ``clp-simplex``, ``clp-barrier``, ``highs-simplex`` and
    ``highs-ipm``. Engine ``i`` (counting from 0) starts ``i x stagger`` seconds after the
    first, or at once when every engine started before it has ended without a definitive
    answer; with ``stagger=0`` all start together. The winner's
    :class:`~foodchain.optimize.backends.Solution` names it in ``solver``; the others are
    stopped before this function returns (also when it raises, e.g. on
    ``KeyboardInterrupt``), and an engine whose turn has not come is never started. When no
    engine reaches a definitive status (all hit the time limit), the first answer is
    returned; when every engine fails, the first error is raised.

    Parameters
    ----------
    lp : LinearProgram
        The LP to solve.
    engines : sequence of str
        The engines to run, in the order they start.
    time_limit : float, optional
        Seconds each engine may take; ``None`` for no limit.
    progress : callable, optional
        Called with a :class:`SolveProgress` at once and about once a second.
    stagger : float, default 0
        Seconds between the starts of successive engines.

    Returns
    -------
    Solution
        The winner's solution.

    Raises
    ------
    SolverError
        When ``engines`` is empty, or every engine failed.
    """
    if not engines:
        raise SolverError("no solver engine to run")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="foodchain-race-") as tmp:
        folder = Path(tmp)
        mps = None
        if any(e.startswith("clp") for e in engines):
            mps = folder / "lp.mps"
            highs_model(lp).writeModel(str(mps))
        runs: list = []
        try:

            def start_engine(engine: str):  # a later engine gets what is left of the time limit, if anything
                if not time_limit or not runs:
                    return _start(lp, engine, mps, folder, time_limit)
                left = time_limit - (time.perf_counter() - start)
                return _start(lp, engine, mps, folder, left) if left > POLL_SECONDS else None

            lineup = _Lineup(start_engine, engines, stagger, runs)
            lineup.launch(idle=True)
            if progress:  # the engines are running: say so at once (a small LP may be solved before the first poll)
                progress(SolveProgress(time.perf_counter() - start, {r.name: r.phase() for r in runs}, 0))
            deadline = start + time_limit + STOP_SECONDS if time_limit else float("inf")
            return _first_answer(lineup, start, progress, deadline)
        finally:
            for run in runs:
                run.stop()


class _Lineup:
    """The engines of a :func:`race` in starting order; ``runs`` collects every started run."""

    def __init__(
        self, start_engine: Callable[[str], object], engines: Sequence[str], stagger: float, runs: list
    ) -> None:
        self.start_engine, self.waiting, self.stagger, self.runs = start_engine, list(engines), stagger, runs
        self.pending: list = []
        self.errors: list[SolverError] = []  # engines that could not start or failed
        self.next_at = 0.0

    def launch(self, idle: bool) -> None:
        """Start the engines whose turn has come, or the next one at once when ``idle`` (none running).

        An engine that cannot start (no CBC program) is an error of the race, and the next
        engine takes its turn at once; one whose turn comes after the time limit is not started.
        """
        while self.waiting and (idle or time.perf_counter() >= self.next_at):
            try:
                run = self.start_engine(self.waiting.pop(0))
            except SolverError as exc:
                self.errors.append(exc)
                continue
            if run is None:  # no time left for it
                continue
            self.runs.append(run)
            self.pending.append(run)
            self.next_at, idle = time.perf_counter() + self.stagger, False


def _first_answer(lineup: _Lineup, start: float, progress: ProgressFn | None, deadline: float) -> Solution:
    """Poll the engines until one gives a definitive answer (see :func:`race`).

    At ``deadline`` (the time limit plus :data:`STOP_SECONDS`, for an engine that does not
    honour the limit itself) every engine is stopped and :class:`SolverError` says so.
    """
    answers: list[Solution] = []
    errors = lineup.errors
    pending, next_report = lineup.pending, start + PROGRESS_SECONDS
    while pending or lineup.waiting:
        for run in [r for r in pending if r.done()]:
            pending.remove(run)
            try:
                sol = run.result()
            except SolverError as exc:
                errors.append(exc)
                continue
            if sol.status in DEFINITIVE:
                return sol
            answers.append(sol)
        now = time.perf_counter()
        if now > deadline:
            raise SolverError("time limit reached")
        lineup.launch(idle=not pending)
        if progress and now >= next_report and pending:
            most = max(r.iterations for r in pending)
            progress(SolveProgress(now - start, {r.name: r.phase() for r in pending}, most))
            next_report = now + PROGRESS_SECONDS
        time.sleep(POLL_SECONDS)
    if answers:
        return answers[0]
    raise errors[0]


def polled(work: Callable[[], Solution], phase: str, progress: ProgressFn | None) -> Solution:
    """``work()`` run in a thread while this thread reports ``phase`` to ``progress`` about once a second.

    For a stage that is not a :func:`race` (the fair-sharing stage): ``progress`` is still
    called from the caller's thread, as the app's callbacks need. Returns what ``work``
    returns, or raises what it raised.

    Parameters
    ----------
    work : callable
        The stage, taking no arguments.
    phase : str
        The phase's name in progress reports.
    progress : callable or None
        Called with a :class:`SolveProgress`; ``None`` runs ``work`` in this thread.

    Returns
    -------
    Solution
        What ``work`` returned.
    """
    if progress is None:
        return work()
    out: dict[str, object] = {}

    def run() -> None:
        try:
            out["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            out["error"] = exc

    start = time.perf_counter()
    progress(SolveProgress(0.0, {phase: engine_phase(0)}))  # at once: a small stage may end before the first poll
    thread = threading.Thread(target=run, name=phase, daemon=True)
    thread.start()
    next_report = start + PROGRESS_SECONDS
    while thread.is_alive():
        now = time.perf_counter()
        if now >= next_report:
            progress(SolveProgress(now - start, {phase: engine_phase(0)}))
            next_report = now + PROGRESS_SECONDS
        thread.join(POLL_SECONDS)
    if "error" in out:
        raise out["error"]
    return out["value"]
