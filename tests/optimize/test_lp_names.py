"""LP names: ids made safe for the LP file format, unique, and readable back by HiGHS."""

from __future__ import annotations

import highspy
import pytest

from foodchain import Scenario
from foodchain.cli import main
from foodchain.optimize.backends import highs_model, run_highs
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.lp_names import MAX_ID_CHARS, column_names, row_names, safe, unique, write_lp
from tests.conftest import SCENARIOS, TINY, make_dataset


def test_safe_keeps_what_the_format_allows_and_replaces_the_rest():
    assert safe("PIBC(1),x.y") == "PIBC(1),x.y"
    assert safe("R-C N:[2]+é") == "R_C_N__2___"
    assert len(safe("x" * 500)) == MAX_ID_CHARS


def test_unique_numbers_the_repeats():
    assert unique(["a", "b", "a", "a"]) == ["a", "b", "a#2", "a#3"]
    assert len(set(unique(["a", "a", "a#2"]))) == 3


def hostile_lp():
    """Two routes whose ids differ only in characters an LP file cannot hold."""
    ds = make_dataset(
        [("S 1", "source"), ("M:1", "market")],
        [
            {"route_id": "A-B", "origin": "S 1", "destination": "M:1", "capacity_t_per_day": 4},
            {"route_id": "A_B", "origin": "S 1", "destination": "M:1", "capacity_t_per_day": 3},
        ],
        [{"node_id": "S 1", "commodity": "rice", "supply_t_per_day": 9}],
        [{"node_id": "M:1", "commodity": "rice", "demand_t_per_day": 8}],
    )
    inst = build_instance(ds, scenario_factors(ds, Scenario(horizon_days=2), 2))
    return inst, build_lp(inst)


def test_colliding_ids_get_distinct_names_and_the_file_reads_back(tmp_path):
    inst, lp = hostile_lp()
    columns, rows = column_names(inst, lp), row_names(inst, lp)
    assert len(set(columns)) == len(columns) and len(set(rows)) == len(rows)
    assert "flow(A_B,rice,d1)" in columns and "flow(A_B,rice,d1)#2" in columns
    assert "balance(M_1,rice,d2)" in rows
    write_lp(lp, inst, tmp_path / "m.lp")
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    assert h.readModel(str(tmp_path / "m.lp")) == highspy.HighsStatus.kOk
    h.run()
    assert h.getInfo().objective_function_value == pytest.approx(run_highs(highs_model(lp)).objective, rel=1e-12)


def test_solve_writes_the_named_lp_into_out_on_request(tmp_path):
    out = tmp_path / "out"
    args = ["solve", str(TINY), "--scenario", str(SCENARIOS / "tiny_west_toll_closed.json"), "--out", str(out)]
    assert main([*args, "--write-lp"]) == 0
    text = (out / "model.lp").read_text()
    assert " route_capacity(R_W_C,d1): +1 flow(R_W_C,rice,d1) <= +0" in text.splitlines()  # closed on day 1
    assert main([*args[:-1], str(tmp_path / "plain")]) == 0
    assert not (tmp_path / "plain" / "model.lp").exists()
