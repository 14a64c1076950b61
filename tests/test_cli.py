"""The command line contract: exit codes, files and columns (DESIGN.md section 5)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from foodchain.cli import main
from tests.conftest import SCENARIOS, TINY


def test_validate_exit_codes(tmp_path, capsys):
    assert main(["validate", str(TINY)]) == 0
    assert "is valid" in capsys.readouterr().out
    bad = tmp_path / "bad"
    shutil.copytree(TINY, bad)
    (bad / "demand.csv").write_text("node_id,commodity,demand_t_per_day\nMKT-NORTH,rice,-1\nNOPE,rice,1\n")
    assert main(["validate", str(bad)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert "error: demand, 2, demand_t_per_day, -1 must be at least 0" in out
    assert any(line.startswith("error: demand, 3, node_id, 'NOPE' is not a node_id") for line in out)


def test_solve_writes_every_file_with_the_contract_columns(tmp_path):
    out = tmp_path / "out"
    code = main(["solve", str(TINY), "--scenario", str(SCENARIOS / "tiny_west_toll_closed.json"), "--out", str(out)])
    assert code == 0
    summary = json.loads((out / "summary.json").read_text())
    for key in (
        "status",
        "objective",
        "days",
        "total_demand_t",
        "total_delivered_t",
        "total_shortfall_t",
        "transport_cost",
        "supply_cost",
        "by_commodity",
    ):
        assert key in summary
    assert summary["total_shortfall_t"] == pytest.approx(40.0)
    assert set(summary["by_commodity"]["rice"]) == {"demand_t", "delivered_t", "shortfall_t"}
    columns = {
        "shortfall.csv": ["node_id", "commodity", "day", "demand_t", "delivered_t", "shortfall_t"],
        "flows.csv": ["route_id", "commodity", "day", "flow_t"],
        "route_use.csv": ["route_id", "day", "capacity_t", "flow_t", "utilisation", "shadow_price"],
        "stock.csv": ["node_id", "commodity", "day", "stock_t"],
    }
    for name, cols in columns.items():
        assert list(pd.read_csv(out / name).columns[: len(cols)]) == cols, name


def test_one_day_solve_writes_no_stock_file(tmp_path):
    assert main(["solve", str(TINY), "--out", str(tmp_path)]) == 0
    assert not (tmp_path / "stock.csv").exists()


def test_invalid_inputs_exit_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"disruptions": [{"type": "close_corridor", "corridor": "Tol Selatan"}]}))
    run = subprocess.run(
        [sys.executable, "-m", "foodchain", "solve", str(TINY), "--scenario", str(bad), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "'Tol Selatan' is not a corridor" in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "foodchain", "solve", str(tmp_path / "missing"), "--out", str(tmp_path / "o2")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "does not exist" in run.stderr


def test_equity_switch_on_solve_and_the_scenario_key(tmp_path, capsys):
    scenario = SCENARIOS / "tiny_west_toll_closed.json"
    days = {}
    for flag in ("on", "off"):
        out = tmp_path / flag
        assert main(["solve", str(TINY), "--scenario", str(scenario), "--equity", flag, "--out", str(out)]) == 0
        short = pd.read_csv(out / "shortfall.csv").query("shortfall_t > 0")
        days[flag] = sorted(short["day"])
        summary = json.loads((out / "summary.json").read_text())
        assert summary["total_shortfall_t"] == pytest.approx(40.0)
        assert summary["external_demand_t"] == 0.0 and summary["external_shortfall_t"] == 0.0
    assert days["on"] == [1, 2]  # 20 t on each day, shared
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "x", "equity": "maybe"}))
    assert main(["solve", str(TINY), "--scenario", str(bad), "--out", str(tmp_path / "x")]) == 2
    captured = capsys.readouterr()
    assert "equity must be 'on' or 'off'" in captured.out + captured.err


def test_solve_horizon_rolling_is_written_as_an_approximation(tmp_path, monkeypatch, capsys):
    """``--horizon rolling`` (windows shrunk so that 4 days roll): status approximate, the method in
    summary.json and a warning on stderr; ``--horizon exact`` on the same days is optimal."""
    import foodchain.optimize.rolling as rolling

    monkeypatch.setattr(rolling, "WINDOW_DAYS", 2)
    monkeypatch.setattr(rolling, "KEPT_DAYS", 1)
    scenario = str(SCENARIOS / "tiny_west_toll_closed.json")
    for method in ("rolling", "exact"):
        out = tmp_path / method
        args = ["solve", str(TINY), "--scenario", scenario, "--days", "4", "--horizon", method, "--out", str(out)]
        assert main(args) == 0
        summary = json.loads((out / "summary.json").read_text())
        err = capsys.readouterr().err
        if method == "rolling":
            assert summary["status"] == "approximate"
            assert summary["horizon"] == {"method": "rolling", "window_days": 2, "kept_days": 1}
            assert "rolling horizon (3 windows of 2 days, 1 kept from each)" in err
        else:
            assert summary["status"] == "optimal" and summary["horizon"] == {"method": "exact"}
            assert "rolling" not in err
