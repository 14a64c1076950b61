"""Point 3 of issue 13: inf, nan and Infinity are refused everywhere, with table, row and column."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from foodchain.errors import InvalidInput, InvalidScenario
from foodchain.model import validate_source
from foodchain.model.schema import TABLES
from foodchain.optimize import solve
from foodchain.optimize.scenario import scenario_from_dict
from tests.conftest import TINY
from tests.security.hostile import foodchain, refused

NUMERIC = [(t, c.name) for t, specs in TABLES.items() for c in specs if c.dtype in ("float", "int")]


@pytest.mark.parametrize("word", ["inf", "NaN", "-Infinity"])
@pytest.mark.parametrize(("table", "column"), NUMERIC)
def test_every_numeric_column_refuses_non_finite(tmp_path, table, column, word):
    data = shutil.copytree(TINY, tmp_path / "tiny")
    path = data / f"{table}.csv"
    lines = path.read_text().splitlines()
    header = lines[0].split(",")
    if column not in header:
        lines = [lines[0] + f",{column}"] + [line + "," for line in lines[1:]]
        header.append(column)
    first = next(csv.reader([lines[1]]))
    first += [""] * (len(header) - len(first))
    first[header.index(column)] = word
    lines[1] = ",".join(f'"{v}"' if "," in v else v for v in first)
    path.write_text("\n".join(lines) + "\n")
    found = [p for p in validate_source(data) if p.severity == "error"]
    assert [(p.table, p.row, p.column) for p in found] == [(table, 2, column)], found
    assert found[0].message in (f"'{word}' is not a finite number", f"'{word}' is not a number")


def test_route_cost_infinity_is_one_line_on_the_command_line(tmp_path):
    data = shutil.copytree(TINY, tmp_path / "tiny")
    routes = data / "routes.csv"
    routes.write_text(
        routes.read_text().replace("R-W-P,SRC-WEST,HUB-PORT,30,400,", "R-W-P,SRC-WEST,HUB-PORT,30,Infinity,")
    )
    refused(
        foodchain("solve", data, "--out", tmp_path / "o"), "routes, 3, cost_per_t, 'Infinity' is not a finite number"
    )


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_scenario_factor_must_be_finite(tmp_path, text):
    scenario = tmp_path / "nan.json"
    scenario.write_text(
        '{"name": "x", "horizon_days": 1, "disruptions": [{"type": "route_capacity", "routes": ["R-W-C"],'
        f' "factor": {text}}}]}}'
    )
    line = refused(foodchain("solve", TINY, "--scenario", scenario, "--out", tmp_path / "o"), "nan.json")
    assert "disruptions[1].factor" in line or "not valid JSON" in line


def test_yaml_nan_factor_is_refused(tmp_path):
    scenario = tmp_path / "nan.yaml"
    scenario.write_text(
        "name: x\nhorizon_days: 1\ndisruptions:\n  - {type: node_capacity, nodes: [HUB-PORT], factor: .nan}\n"
    )
    refused(
        foodchain("solve", TINY, "--scenario", scenario, "--out", tmp_path / "o"), "disruptions[1].factor", "not finite"
    )


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e6])
def test_scenario_documents_refuse_non_finite_or_huge_factors(value):
    doc = {"horizon_days": 1, "disruptions": [{"type": "node_capacity", "nodes": ["HUB-PORT"], "factor": value}]}
    with pytest.raises(InvalidScenario) as err:
        scenario_from_dict(doc)
    assert err.value.problems[0].column == "factor" and "<= 100" in err.value.problems[0].message


def test_summary_json_is_strict_json(tmp_path):
    assert foodchain("solve", TINY, "--days", "2", "--out", tmp_path / "o").code == 0

    def strict(constant: str):
        raise AssertionError(f"{constant} in summary.json")

    summary = json.loads((tmp_path / "o" / "summary.json").read_text(), parse_constant=strict)
    assert summary["total_demand_t"] == pytest.approx(224.0)


def test_days_beyond_a_year_are_refused_before_building(tiny):
    with pytest.raises(InvalidInput) as err:
        solve(tiny, days=10**9)
    assert "days must be from 1 to 366" in err.value.problems[0].message
