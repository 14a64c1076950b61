"""The LP size estimate bounds the real LP, and an LP that would not fit is refused before it is built."""

from __future__ import annotations

import importlib

import pytest

from foodchain import Scenario, load_dataset, solve
from foodchain.cli import main
from foodchain.optimize import size
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.size import ModelTooLarge, estimate_lp_size
from tests.conftest import ROOT

JAKARTA = ROOT / "sample_data" / "jakarta"


@pytest.fixture(scope="module")
def jakarta():
    return load_dataset(JAKARTA)


@pytest.mark.parametrize("days", [1, 2, 5, 17])
def test_the_estimate_bounds_the_built_lp_within_a_third(jakarta, days):
    """Every count is an upper bound, and not a loose one (Jakarta has shelf lives of 2 to 365 days)."""
    inst = build_instance(jakarta, scenario_factors(jakarta, Scenario(horizon_days=days), days))
    lp, est = build_lp(inst), estimate_lp_size(inst)
    rows, columns = lp.shape
    for built, bound in ((rows, est.rows), (columns, est.columns), (lp.matrix.nnz, est.nonzeros)):
        assert built <= bound <= 1.6 * built + 100


def test_the_estimate_bounds_the_tiny_sample_with_stock_and_shelf_life(tiny):
    for days in (1, 3, 8):
        inst = build_instance(tiny, scenario_factors(tiny, Scenario(horizon_days=days), days))
        lp, est = build_lp(inst), estimate_lp_size(inst)
        assert lp.shape[0] <= est.rows and lp.shape[1] <= est.columns and lp.matrix.nnz <= est.nonzeros


def test_an_oversize_lp_is_refused_with_its_size_in_words(jakarta, monkeypatch):
    monkeypatch.setenv("FOODCHAIN_MAX_LP_GIB", "0.25")

    def never(*_):
        raise AssertionError("the LP must not be built")

    monkeypatch.setattr(importlib.import_module("foodchain.optimize.solve"), "build_lp", never)
    with pytest.raises(ModelTooLarge) as caught:
        solve(jakarta, days=90)
    message = caught.value.problems[0].message
    assert "90 days" in message and "GiB" in message and "0.2 GiB allowed" in message
    assert "fewer days" in message


def test_the_command_line_refuses_it_with_exit_code_2_and_one_line(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("FOODCHAIN_MAX_LP_GIB", "0.25")
    code = main(["solve", str(JAKARTA), "--days", "365", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err[-1].startswith("error: options, , days, the LP of 365 days would have up to")
    assert not (tmp_path / "out").exists()


def test_a_model_within_the_limit_is_solved(tiny, monkeypatch):
    monkeypatch.setattr(size, "memory_limit_bytes", lambda: size.BASE_BYTES + 10**9)
    assert solve(tiny, days=2).optimal
