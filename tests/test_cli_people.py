"""``solve --out`` writes people affected: ``people_affected.csv`` and ``people_affected_*`` in summary.json.

The network is small enough to check by hand (issue 14, item 3). One source S sends over a
route of its own to each market:

- A (1,000 people): rice 10 t/day over a 9 t/day route, 1 t short = exactly 10 % every day;
- B (500 people): rice 1,000 t/day over a 901 t/day route, 99 t short = 9.9 % every day;
- C (200 people): rice 10 and chicken 1 t/day over an 11 t/day route, chicken supply halved
  on day 3 = 50 % of C's chicken short on day 3 only.

At the default 10 %: A counts on days 1-3, B never, C on day 3, so 1,000 / 1,000 / 1,200
people, the worst day is day 3 and person-days = 3,200. At 9.9 % B counts too: 1,500 /
1,500 / 1,700, person-days 4,700.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from foodchain.cli import main
from foodchain.model.columns import ANY_COMMODITY, COLUMNS, TABLES
from tests.conftest import SCENARIOS, TINY

POPULATION = {"A": 1000, "B": 500, "C": 200}


def write_network(folder, population: bool = True):
    """The hand-checked network above as dataset CSVs, and its 3-day scenario."""
    folder.mkdir()
    nodes = [{"node_id": "S", "kind": "source"}] + [{"node_id": m, "kind": "market"} for m in "ABC"]
    if population:
        for n in nodes[1:]:
            n["population"] = POPULATION[n["node_id"]]
    tables = {
        "nodes": nodes,
        "commodities": [
            {"commodity": "rice", "shortfall_penalty_per_t": 1000},
            {"commodity": "chicken", "shortfall_penalty_per_t": 1000},
        ],
        "routes": [
            {"route_id": f"R-{m}", "origin": "S", "destination": m, "capacity_t_per_day": cap}
            for m, cap in (("A", 9), ("B", 901), ("C", 11))
        ],
        "supply": [
            {"node_id": "S", "commodity": "rice", "supply_t_per_day": 10_000},
            {"node_id": "S", "commodity": "chicken", "supply_t_per_day": 1},
        ],
        "demand": [
            {"node_id": m, "commodity": k, "demand_t_per_day": t}
            for m, k, t in (("A", "rice", 10), ("B", "rice", 1000), ("C", "rice", 10), ("C", "chicken", 1))
        ],
    }
    for name, rows in tables.items():
        pd.DataFrame(rows).to_csv(folder / f"{name}.csv", index=False)
    scenario = folder / "scenario.json"
    shock = {"type": "supply_shock", "nodes": ["S"], "commodities": ["chicken"], "factor": 0.5}
    scenario.write_text(json.dumps({"name": "hand", "horizon_days": 3, "disruptions": [shock | {"start_day": 3}]}))
    return folder, scenario


def run(tmp_path, *extra, population: bool = True):
    data, scenario = write_network(tmp_path / "data", population)
    out = tmp_path / "out"
    assert main(["solve", str(data), "--scenario", str(scenario), "--out", str(out), *extra]) == 0
    return pd.read_csv(out / "people_affected.csv", keep_default_na=False), json.loads(
        (out / "summary.json").read_text()
    )


def rows(table: pd.DataFrame) -> dict:
    return {(r.commodity, r.day): (r.people_affected, r.zones_affected) for r in table.itertuples()}


def test_people_affected_by_hand_at_the_default_threshold(tmp_path):
    table, summary = run(tmp_path)
    shortfall = pd.read_csv(tmp_path / "out" / "shortfall.csv").set_index(["node_id", "commodity", "day"])
    assert shortfall.loc[("A", "rice", 1), "shortfall_t"] == pytest.approx(1.0)  # exactly 10 %
    assert shortfall.loc[("B", "rice", 1), "shortfall_t"] == pytest.approx(99.0)  # 9.9 %
    assert shortfall.loc[("C", "chicken", 3), "shortfall_t"] == pytest.approx(0.5)
    assert rows(table) == {
        ("rice", 1): (1000, 1),
        ("rice", 2): (1000, 1),
        ("rice", 3): (1000, 1),
        ("chicken", 3): (200, 1),
        (ANY_COMMODITY, 1): (1000, 1),
        (ANY_COMMODITY, 2): (1000, 1),
        (ANY_COMMODITY, 3): (1200, 2),
    }
    assert summary["people_affected_worst_day_people"] == 1200
    assert summary["people_affected_worst_day"] == 3
    assert summary["people_affected_person_days"] == 1000 + 1000 + 1200
    assert summary["people_affected_threshold"] == 0.1
    assert "at least 10% of the demand for one commodity" in summary["people_affected_definition"]


def test_a_lower_threshold_counts_the_zone_at_9_9_percent(tmp_path):
    table, summary = run(tmp_path, "--people-threshold", "0.099")
    got = rows(table)
    assert got[("rice", 1)] == (1500, 2) and got[(ANY_COMMODITY, 3)] == (1700, 3)
    assert summary["people_affected_worst_day_people"] == 1700
    assert summary["people_affected_worst_day"] == 3
    assert summary["people_affected_person_days"] == 1500 + 1500 + 1700
    assert summary["people_affected_threshold"] == 0.099
    assert "at least 9.9% of the demand" in summary["people_affected_definition"]  # as set, not rounded to 10%


def test_without_population_the_people_are_blank_and_the_definition_says_why(tmp_path):
    table, summary = run(tmp_path, population=False)
    assert set(table["people_affected"]) == {""}  # blank, not 0
    assert rows(table)[(ANY_COMMODITY, 3)] == ("", 2)  # zones still counted
    for key in ("worst_day_people", "worst_day", "person_days"):
        assert summary[f"people_affected_{key}"] is None
    assert summary["people_affected_threshold"] == 0.1
    assert "no population" in summary["people_affected_definition"]


def test_the_file_and_keys_follow_the_column_spec(tmp_path):
    data, scenario = write_network(tmp_path / "data")
    out = tmp_path / "out"
    assert main(["solve", str(data), "--out", str(out)]) == 0  # baseline, 1 day: A is 10 % short
    table = pd.read_csv(out / "people_affected.csv")
    assert tuple(table.columns) == TABLES["people_affected"]
    assert rows(table) == {("rice", 1): (1000, 1), (ANY_COMMODITY, 1): (1000, 1)}
    summary = json.loads((out / "summary.json").read_text())
    people_keys = tuple(k for k in summary if k.startswith("people_affected_"))
    assert people_keys == TABLES["people_summary"]
    assert all(k in COLUMNS for k in people_keys + TABLES["people_affected"])
    assert set(TABLES["summary"]) - {"start_date"} <= set(summary)  # the keys it had stay
    assert summary["people_affected_worst_day"] == 1 and summary["people_affected_person_days"] == 1000


@pytest.mark.parametrize("text", ["0", "-0.1", "1.01", "nan", "inf", "ten"])
def test_a_bad_threshold_is_one_line_and_exit_2(tmp_path, capsys, text):
    data, _ = write_network(tmp_path / "data")
    with pytest.raises(SystemExit) as stop:
        main(["solve", str(data), "--out", str(tmp_path / "out"), f"--people-threshold={text}"])
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--people-threshold" in err[0] and f"not {text}" in err[0]
    assert not (tmp_path / "out").exists()


def test_a_threshold_of_one_counts_only_zones_with_nothing(tmp_path):
    table, summary = run(tmp_path, "--people-threshold", "1")
    assert rows(table) == {(ANY_COMMODITY, d): (0, 0) for d in (1, 2, 3)}
    assert summary["people_affected_threshold"] == 1.0


def test_the_report_uses_the_same_threshold(tmp_path):
    data, scenario = write_network(tmp_path / "data")
    report = tmp_path / "report.xlsx"
    args = ["solve", str(data), "--scenario", str(scenario), "--out", str(tmp_path / "out"), "--report", str(report)]
    assert main([*args, "--people-threshold", "0.099", "--lang", "id"]) == 0
    sheets = pd.read_excel(report, sheet_name=None)
    summary = sheets["Ringkasan"].set_index(sheets["Ringkasan"].columns[0]).iloc[:, 0]
    assert summary["Ambang terdampak (%)"] == "9,9%"
    assert "sedikitnya 9,9% permintaan" in summary["Siapa yang terdampak"]
    assert summary["Penduduk terdampak (orang-hari)"] == 1500 + 1500 + 1700
    zones = sheets["Per zona"].set_index("Id tempat")
    assert zones.loc["B", "Penduduk terdampak (zona >= 10% satu komoditas tak terpenuhi)"] == 500
    assert zones.loc["B", "Hari terdampak"] == 3


@pytest.mark.parametrize(("threshold", "people"), [("0.4", 500_000), ("0.41", 0)])
def test_the_geojson_uses_the_same_threshold(tmp_path, threshold, people):
    # tiny, west toll closed: MKT-NORTH (500,000 people) gets 30 of 50 t of rice on days 1-2: 40 % short
    geojson = tmp_path / "zones.geojson"
    scenario = SCENARIOS / "tiny_west_toll_closed.json"
    args = ["solve", str(TINY), "--scenario", str(scenario), "--out", str(tmp_path / "out"), "--geojson", str(geojson)]
    assert main([*args, "--people-threshold", threshold]) == 0
    zones = {f["properties"]["node_id"]: f["properties"] for f in json.loads(geojson.read_text())["features"]}
    short = pd.read_csv(tmp_path / "out" / "shortfall.csv").query("node_id == 'MKT-NORTH'")
    assert short.query("commodity == 'rice' and day <= 2")["shortfall_t"].tolist() == pytest.approx([20, 20])
    assert short.query("commodity == 'rice' and day <= 2")["demand_t"].tolist() == pytest.approx([50, 50])
    assert zones["MKT-NORTH"]["people_affected"] == people
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["people_affected_person_days"] == 2 * people
