"""Every backend solves the bundled Jakarta LP (with its ``>=`` reserve rows) to the same optimum.

The tiny dataset has no ``stock_value_per_t`` and hence no ``stock_end`` rows; Jakarta has
them, so this is where a backend that mis-writes ``>=`` or ranged rows would show.
"""

from __future__ import annotations

import pytest

from foodchain import Scenario, load_dataset, load_scenario, solve
from foodchain.optimize.backends import SOLVERS
from tests.conftest import ROOT, SCENARIOS

BACKENDS = [s for s in SOLVERS if s not in ("auto", "highs")]  # auto and highs pick one of these


@pytest.fixture(scope="module")
def jakarta():
    return load_dataset(ROOT / "sample_data" / "jakarta")


@pytest.fixture(scope="module")
def reference(jakarta):
    return {
        "1 day": solve(jakarta, Scenario(horizon_days=1), solver="highs-simplex"),
        "5 days": solve(jakarta, Scenario(horizon_days=5), solver="highs-simplex"),
        "jan2020": solve(jakarta, load_scenario(SCENARIOS / "jan2020_flood.json"), solver="highs-simplex"),
    }


def _scenario(case: str) -> Scenario:
    return {
        "1 day": Scenario(horizon_days=1),
        "5 days": Scenario(horizon_days=5),
        "jan2020": load_scenario(SCENARIOS / "jan2020_flood.json"),
    }[case]


@pytest.mark.parametrize("case", ["1 day", "5 days", "jan2020"])
@pytest.mark.parametrize("solver", BACKENDS)
def test_every_backend_agrees_on_jakarta(jakarta, reference, solver, case):
    ref = reference[case]
    other = solve(jakarta, _scenario(case), solver=solver)
    assert other.status == "optimal"
    assert other.objective == pytest.approx(ref.objective, rel=1e-6), solver
    for key in ("total_shortfall_t", "total_demand_t"):
        assert other.summary()[key] == pytest.approx(ref.summary()[key], rel=1e-6, abs=1e-3), (solver, key)


def test_a_pulp_error_becomes_a_solver_error(tiny, monkeypatch):
    from foodchain import SolverError
    from foodchain.optimize import backends

    def fail(self, *args, **kwargs):
        raise backends.pulp.PulpError("Cannot set constraint RHS to NaN/inf values")

    monkeypatch.setattr(backends.pulp.LpProblem, "solve", fail)
    with pytest.raises(SolverError, match="through PuLP"):
        solve(tiny, solver="cbc")
