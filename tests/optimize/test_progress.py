"""Progress while solving: the size before building, then each engine's phase; a log line on stderr."""

from __future__ import annotations

import io
import threading

from foodchain import Scenario, solve
from foodchain.cli import solve as cli_solve
from foodchain.optimize import backends, portfolio
from foodchain.optimize.portfolio import SolveProgress
from tests.optimize.test_clp import short_network


def test_solve_reports_the_lp_size_then_every_racing_engine(tiny, monkeypatch):
    monkeypatch.setattr(backends, "RACE_ABOVE_COLUMNS_PER_DAY", 0)
    monkeypatch.setattr(portfolio, "PROGRESS_SECONDS", 0.0)
    seen: list[SolveProgress] = []
    result = solve(tiny, Scenario(horizon_days=4), progress=seen.append)
    assert result.optimal
    assert list(seen[0].phases) == ["building the LP"] and "nonzeros" in seen[0].phases["building the LP"]
    engines = [p for p in seen[1:] if set(p.phases) <= set(backends.AUTO_ENGINES)]
    assert engines, "the race reported nothing"
    assert all(b.elapsed_s >= a.elapsed_s >= 0 for a, b in zip(seen, seen[1:]))  # seconds since solve() began


def test_stderr_progress_writes_a_line_every_few_seconds_to_a_log(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(cli_solve.sys, "stderr", err)
    progress, done = cli_solve.stderr_progress(every_s=5.0)
    for seconds in (0.0, 1.0, 4.9, 5.0, 7.0, 10.2):
        progress(SolveProgress(seconds, {"clp-simplex": f"iteration {round(seconds * 100):,}"}))
    done()
    lines = err.getvalue().splitlines()
    assert lines == [
        "solving: 0 s: clp-simplex iteration 0",
        "solving: 5 s: clp-simplex iteration 500",
        "solving: 10 s: clp-simplex iteration 1,020",
    ]


def test_the_fair_sharing_stage_reports_its_phase_from_the_callers_thread():
    dataset, _ = short_network()
    seen: list[tuple[SolveProgress, threading.Thread]] = []
    result = solve(dataset, Scenario(horizon_days=3), progress=lambda p: seen.append((p, threading.current_thread())))
    assert result.summary()["total_shortfall_t"] > 1
    fair = [p for p, _ in seen if "fair-sharing stage" in p.phases]
    assert fair and fair[0].elapsed_s >= max(p.elapsed_s for p, _ in seen if "building the LP" in p.phases)
    assert {t for _, t in seen} == {threading.main_thread()}
