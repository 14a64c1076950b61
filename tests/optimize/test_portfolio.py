"""The default solver races engines: the same answer as each engine alone, and no loser left running."""

from __future__ import annotations

import math
import threading

import psutil
import pytest
from hypothesis import given, settings

from foodchain import Scenario, solve
from foodchain.errors import SolverError
from foodchain.optimize import backends, portfolio
from foodchain.optimize.backends import solve_lp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from tests.conftest import make_dataset
from tests.optimize.test_clp import infeasible_lp
from tests.optimize.test_oracle import networks

ENGINES = ("clp-simplex", "clp-barrier", "highs-simplex", "highs-ipm")


def _lp(dataset, days):
    return build_lp(build_instance(dataset, scenario_factors(dataset, Scenario(horizon_days=days), days)))


def _children() -> set[int]:
    return {p.pid for p in psutil.Process().children(recursive=True)}


def _left_behind(before: set[int]) -> tuple[list, list]:
    """Child processes started since ``before`` (other tests' pools may still be around) and HiGHS threads."""
    threads = [t for t in threading.enumerate() if t.name.startswith("highs-")]
    return sorted(_children() - before), threads


@settings(max_examples=10, deadline=None)
@given(networks())
def test_the_race_gives_each_engines_optimum_on_random_networks(net):
    before = _children()
    nodes, routes, supply, demand = net
    ds = make_dataset([(n, "hub") for n in nodes], routes, supply, demand)
    lp = _lp(ds, 1)
    alone = {e: solve_lp(lp, e).objective for e in ENGINES}
    raced = portfolio.race(lp, ENGINES)
    assert raced.status == "optimal" and raced.solver in ENGINES
    for engine, objective in alone.items():
        assert raced.objective == pytest.approx(objective, rel=1e-7, abs=1e-6), engine
    assert _left_behind(before) == ([], [])


def test_auto_equals_every_engine_on_the_tiny_sample_over_three_days(tiny, monkeypatch):
    """``auto`` races when the LP is above the size limit; force it on the tiny LP."""
    before = _children()
    monkeypatch.setattr(backends, "RACE_ABOVE_COLUMNS_PER_DAY", 0)
    reference = {e: solve(tiny, Scenario(horizon_days=3), solver=e) for e in ENGINES}
    auto = solve(tiny, Scenario(horizon_days=3))
    assert auto.solver in backends.AUTO_ENGINES
    for engine, result in reference.items():
        assert auto.objective == pytest.approx(result.objective, rel=1e-7), engine
        for key in ("total_shortfall_t", "total_delivered_t"):
            assert auto.summary()[key] == pytest.approx(result.summary()[key], abs=1e-5), (engine, key)
    assert _left_behind(before) == ([], [])


def test_auto_runs_highs_alone_on_small_lps(tiny, monkeypatch):
    assert backends.choose_engines(_lp(tiny, 1)) == ("highs-simplex",)
    monkeypatch.setattr(backends, "RACE_ABOVE_COLUMNS_PER_DAY", 0)
    assert backends.choose_engines(_lp(tiny, 1)) == ("clp-simplex", "clp-barrier")  # one day: dual simplex first
    assert backends.choose_engines(_lp(tiny, 2)) == ("clp-barrier", "clp-simplex")  # several days: barrier first
    monkeypatch.setattr(backends.pulp.PULP_CBC_CMD, "pulp_cbc_path", "/nonexistent/cbc")
    assert backends.choose_engines(_lp(tiny, 1)) == ("highs-simplex",)


def test_auto_counts_columns_per_day_of_the_horizon(tiny, monkeypatch):
    lp = _lp(tiny, 8)
    assert backends.lp_days(lp) == 8 and backends.lp_days(_lp(tiny, 1)) == 1
    per_day = lp.shape[1] / 8
    monkeypatch.setattr(backends, "RACE_ABOVE_COLUMNS_PER_DAY", math.ceil(per_day))
    assert backends.choose_engines(lp) == ("highs-simplex",)  # a small network over many days: HiGHS alone
    monkeypatch.setattr(backends, "RACE_ABOVE_COLUMNS_PER_DAY", math.floor(per_day) - 1)
    assert set(backends.choose_engines(lp)) == set(backends.AUTO_ENGINES)


@pytest.fixture(scope="module")
def city_lp():
    from benchmarks.generate import sized_dataset

    city, _ = sized_dataset("city")
    return _lp(city, 3)  # a few seconds for every engine: still running when stopped


def test_an_interrupted_race_stops_every_engine(city_lp, monkeypatch):
    """A caller that gives up (here: progress raises, as Ctrl-C would) leaves no process or thread."""
    before = _children()
    monkeypatch.setattr(portfolio, "PROGRESS_SECONDS", 0.0)
    seen = []

    def give_up(p: portfolio.SolveProgress) -> None:
        seen.append(p)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        portfolio.race(city_lp, ("clp-simplex", "clp-barrier", "highs-simplex"), progress=give_up)
    assert set(seen[0].phases) == {"clp-simplex", "clp-barrier", "highs-simplex"}
    assert _left_behind(before) == ([], [])


def test_a_stopped_clp_process_is_reaped_and_a_stopped_highs_solve_is_not_optimal(city_lp, tmp_path):
    before = _children()
    mps = tmp_path / "lp.mps"
    backends.highs_model(city_lp).writeModel(str(mps))
    clp = portfolio.ClpRun(city_lp, mps, tmp_path, "barrier", None)
    highs = portfolio.HighsRun(city_lp, "simplex", None)
    pid = clp.proc.pid
    clp.stop()
    highs.stop()
    assert clp.proc.returncode is not None and not psutil.pid_exists(pid)
    assert not highs.thread.is_alive() and highs.result().status != "optimal"
    assert _left_behind(before) == ([], [])


def _started(monkeypatch) -> list[str]:
    """The engines a race starts, in order (the real engines run)."""
    names: list[str] = []
    real = portfolio._start

    def start(lp, engine, *args):
        names.append(engine)
        return real(lp, engine, *args)

    monkeypatch.setattr(portfolio, "_start", start)
    return names


def test_a_staggered_race_never_starts_the_backup_when_the_first_engine_answers_in_time(tiny, monkeypatch):
    before = _children()
    started = _started(monkeypatch)
    lp = _lp(tiny, 2)
    sol = portfolio.race(lp, ("highs-simplex", "clp-barrier"), stagger=60.0)
    assert sol.solver == "highs-simplex" and sol.status == "optimal"
    assert started == ["highs-simplex"]
    assert sol.objective == pytest.approx(solve_lp(lp, "clp-barrier").objective, rel=1e-7)
    assert _left_behind(before) == ([], [])


def test_a_staggered_race_starts_the_backup_when_its_turn_comes(city_lp, monkeypatch):
    """The first engine is still running after the stagger: the second starts and the first answer wins."""
    before = _children()
    started = _started(monkeypatch)
    seen: list[portfolio.SolveProgress] = []
    monkeypatch.setattr(portfolio, "PROGRESS_SECONDS", 0.0)
    sol = portfolio.race(city_lp, ("highs-simplex", "clp-barrier"), progress=seen.append, stagger=0.2)
    assert started == ["highs-simplex", "clp-barrier"]
    assert set(seen[0].phases) == {"highs-simplex"}
    assert any(set(p.phases) == {"highs-simplex", "clp-barrier"} for p in seen)
    assert sol.status == "optimal"
    assert sol.objective == pytest.approx(solve_lp(city_lp, "clp-simplex").objective, rel=1e-7)
    assert _left_behind(before) == ([], [])


def test_a_staggered_race_starts_the_next_engine_at_once_when_one_cannot_run(tiny, monkeypatch):
    before = _children()
    started = _started(monkeypatch)
    monkeypatch.setattr(backends.pulp.PULP_CBC_CMD, "pulp_cbc_path", "/nonexistent/cbc")  # Clp cannot run
    lp = _lp(tiny, 1)
    with pytest.raises(SolverError, match="CBC program"):
        portfolio.race(lp, ("clp-simplex",), stagger=60.0)
    started.clear()
    sol = portfolio.race(lp, ("clp-simplex", "highs-simplex"), stagger=60.0)
    assert started == ["clp-simplex", "highs-simplex"] and sol.solver == "highs-simplex"
    assert sol.status == "optimal"
    assert _left_behind(before) == ([], [])


def test_the_winner_of_a_real_race_leaves_no_loser(city_lp):
    before = _children()
    sol = portfolio.race(city_lp, backends.AUTO_ENGINES)
    assert sol.status == "optimal"
    assert _left_behind(before) == ([], [])


def test_an_infeasible_lp_is_a_definitive_answer():
    before = _children()
    assert "infeasible" in portfolio.race(infeasible_lp(), ("clp-simplex", "highs-simplex")).status
    assert _left_behind(before) == ([], [])


def test_the_winners_model_keeps_no_callback(tiny):
    """The model handed back is re-solved warm later: HiGHS must not call back into the race every iteration."""
    sol = portfolio.race(_lp(tiny, 2), ("highs-simplex",))
    assert sol.model.cbSimplexInterrupt.callbacks == [] and sol.model.cbIpmInterrupt.callbacks == []
