"""foodchain criticality / ensemble / mitigate: exit codes, files and columns (DESIGN.md section 5)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from foodchain.cli import main
from tests.conftest import SCENARIOS, TINY

SPEC = Path(__file__).parent / "data" / "tiny_flood_spec.json"
CLOSED = SCENARIOS / "tiny_west_toll_closed.json"


def test_criticality_writes_the_contract_columns(tmp_path, capsys):
    code = main(["criticality", str(TINY), "--scenario", str(CLOSED), "--targets", "corridors", "--out", str(tmp_path)])
    assert code == 0
    table = pd.read_csv(tmp_path / "criticality.csv")
    assert list(table.columns[:5]) == ["target", "kind", "added_shortfall_t", "added_cost", "rank"]
    assert list(table["rank"]) == [1, 2, 3]
    assert set(table["target"]) == {"Tol Barat", "Tol Timur", "Laut"}
    assert "most critical" in capsys.readouterr().out


def test_ensemble_writes_runs_zones_and_summary(tmp_path):
    args = ["ensemble", str(TINY), "--spec", str(SPEC), "--runs", "12", "--seed", "3", "--out", str(tmp_path)]
    assert main(args + ["--workers", "2"]) == 0
    runs = pd.read_csv(tmp_path / "ensemble.csv")
    assert len(runs) == 12 and list(runs["run"]) == list(range(1, 13))
    for column in ("seed", "flooded", "total_shortfall_t", "share_unmet", "cost", "status"):
        assert column in runs.columns
    zones = pd.read_csv(tmp_path / "ensemble_zones.csv")
    assert {"node_id", "expected_shortfall_t", "p_share_above_5pct"} <= set(zones.columns)
    summary = json.loads((tmp_path / "ensemble_summary.json").read_text())
    assert summary["runs"] == 12 and summary["seed"] == 3
    assert summary["expected_shortfall_t"] == pytest.approx(runs["total_shortfall_t"].mean())
    again = tmp_path / "again"
    assert main(args[:-1] + [str(again)]) == 0  # one worker: the same file
    pd.testing.assert_frame_equal(runs, pd.read_csv(again / "ensemble.csv"))


def test_mitigate_with_and_without_a_lever_file(tmp_path):
    assert main(["mitigate", str(TINY), "--scenario", str(CLOSED), "--out", str(tmp_path / "proposed")]) == 0
    proposed = pd.read_csv(tmp_path / "proposed" / "mitigation.csv")
    assert proposed.loc[0, "shortfall_removed_t"] == pytest.approx(40.0)
    assert (tmp_path / "proposed" / "duals.csv").exists()
    levers = tmp_path / "levers.json"
    levers.write_text(json.dumps({"levers": [{"type": "reopen", "routes": ["R-W-C"], "cost_rp": 5e6}]}))
    out = tmp_path / "file"
    assert main(["mitigate", str(TINY), "--scenario", str(CLOSED), "--levers", str(levers), "--out", str(out)]) == 0
    table = pd.read_csv(out / "mitigation.csv")
    assert table.loc[0, "lever"] == "reopen R-W-C" and table.loc[0, "t_per_million_rp"] == pytest.approx(8.0)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "foodchain", *args], capture_output=True, text=True)


def test_bad_spec_exits_2_with_one_line_per_problem(tmp_path):
    bad = tmp_path / "spec.json"
    bad.write_text(json.dumps({"horizon_days": 3, "corridors": {"Tol Barta": {"p": 2, "days": [1]}}, "zone": {}}))
    run = _run("ensemble", str(TINY), "--spec", str(bad), "--runs", "3", "--seed", "1", "--out", str(tmp_path / "o"))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert lines == [
        "error: spec, , zone, unknown key 'zone' (did you mean 'zones'?)",
        "error: spec, , corridors.Tol Barta.p, p must be between 0 and 1, not 2",
    ]
    assert not (tmp_path / "o").exists()


def test_unknown_corridor_in_spec_and_bad_levers_exit_2(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"horizon_days": 3, "corridors": {"Tol Barta": {"p": 0.5, "days": [1]}}}))
    run = _run("ensemble", str(TINY), "--spec", str(spec), "--runs", "3", "--seed", "1", "--out", str(tmp_path / "o"))
    assert run.returncode == 2 and "did you mean 'Tol Barat'" in run.stderr and "Traceback" not in run.stderr
    levers = tmp_path / "levers.json"
    levers.write_text(json.dumps([{"type": "reopen", "routes": ["R-X"], "cost_rp": 1}]))
    run = _run("mitigate", str(TINY), "--scenario", str(CLOSED), "--levers", str(levers), "--out", str(tmp_path / "m"))
    assert run.returncode == 2 and "error: levers, 1, route, 'R-X' is not a route_id" in run.stderr


def test_missing_dataset_exits_2_and_bad_targets_are_refused(tmp_path):
    run = _run("criticality", str(tmp_path / "missing"), "--out", str(tmp_path))
    assert run.returncode == 2 and "does not exist" in run.stderr
    with pytest.raises(SystemExit) as exc:
        main(["criticality", str(TINY), "--targets", "bridges", "--out", str(tmp_path)])
    assert exc.value.code == 2
