"""Every result table has a spec: each column it produces, in order, with a unit and both languages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from foodchain import load_scenario, scenario_from_dict, solve
from foodchain.analysis import compare, outcomes
from foodchain.analysis.criticality import criticality
from foodchain.analysis.ensemble import run_ensemble
from foodchain.analysis.flood_spec import load_spec
from foodchain.analysis.mitigation import evaluate_levers
from foodchain.model import columns
from foodchain.optimize.flood import flood_overlay
from tests.conftest import SCENARIOS

SPEC = Path(__file__).parents[1] / "analysis" / "data" / "tiny_flood_spec.json"
NUMBERS = {"int", "float"}


def _flood_over_everything(days: int):
    ring = [[106.0, -6.6], [107.5, -6.6], [107.5, -5.8], [106.0, -5.8], [106.0, -6.6]]
    feature = {"type": "Feature", "properties": {"name": "all"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
    doc = {"horizon_days": days, "disruptions": [{"type": "flood", "features": [feature], "depth_m": 0.3}]}
    return scenario_from_dict(doc)


@pytest.fixture(scope="module")
def produced(tiny) -> dict[str, list[str]]:
    """The columns (or JSON keys) of every table a solve or an analysis produces, by spec table name."""
    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    result = replace(solve(tiny, scenario), start_date="2020-01-01")
    base = solve(tiny, None, days=3)
    out = {name: list(getattr(result, name).columns) for name in columns.SOLVE_TABLES}
    out["summary"] = list(result.summary())
    report = outcomes.report_tables(tiny, result)
    out["report_summary"] = list(report.pop("report_summary").columns)
    out |= {name: list(frame.columns) for name, frame in report.items()}
    out["people_summary"] = [f"people_affected_{k}" for k in outcomes.people_summary(tiny, result)]
    out["stock_cover"] = list(outcomes.stock_cover(tiny, result).columns)
    out["city_cover"] = list(outcomes.city_cover(tiny).columns)
    out["criticality"] = list(criticality(tiny, scenario).columns)
    levers = evaluate_levers(tiny, scenario)
    out["levers"], out["lever_duals"] = list(levers.levers.columns), list(levers.duals.columns)
    ensemble = run_ensemble(tiny, load_spec(SPEC), 3, seed=1)
    out["ensemble"], out["ensemble_zones"] = list(ensemble.runs.columns), list(ensemble.zones.columns)
    out["ensemble_summary"] = list(ensemble.summary)
    runs = {"baseline": base, "closed": result}
    out["compare_totals"] = list(compare.totals(runs, daily=False).columns)
    out["compare_totals_per_day"] = list(compare.totals(runs, daily=True).columns)
    out["compare_commodity"] = list(compare.commodity_shortfall(runs, daily=False).columns)
    out["compare_commodity_per_day"] = list(compare.commodity_shortfall(runs, daily=True).columns)
    out["zone_difference"] = list(compare.zone_difference(base, result).columns)
    out["route_price_rises"] = list(compare.dual_rises(base, result).columns)
    out["node_price_rises"] = list(compare.dual_rises(base, result, "node_use").columns)
    overlay = flood_overlay(tiny, _flood_over_everything(2))
    assert len(overlay) > 0
    out["flood_overlay"] = list(overlay.columns)
    return out


def test_every_produced_table_matches_its_spec_in_order(produced):
    assert sorted(produced) == sorted(columns.TABLES)
    for name, cols in produced.items():
        assert cols == columns.table_columns(name), name


def test_every_spec_entry_is_produced_somewhere(produced):
    used = {c for cols in produced.values() for c in cols}
    assert set(columns.COLUMNS) == used
    assert {c for cols in columns.TABLES.values() for c in cols} == used


def test_every_column_has_both_languages_and_a_unit_when_it_is_a_number():
    for spec in columns.COLUMNS.values():
        for lang in columns.LANGS:
            assert spec.label[lang].strip() and spec.description[lang].strip(), (spec.name, lang)
        assert spec.label["en"] != spec.label["id"] or spec.name in {"status", "target", "id"}, spec.name
        assert spec.unit in columns.UNITS or (spec.unit == "" and spec.dtype not in NUMBERS), spec.name
        assert spec.dtype in NUMBERS | {"str", "bool", "date", "json"}, spec.name


def test_labels_carry_the_unit_people_need():
    for spec in columns.COLUMNS.values():
        unit = {"t": "(t", "t/day": "t/", "Rp": "Rp"}.get(spec.unit)
        if unit and spec.dtype == "float":
            assert unit in spec.label["en"] and unit.replace("day", "hari") in spec.label["id"], spec.name


def test_sheet_titles_fit_a_workbook():
    for table, names in columns.TITLES.items():
        assert table in columns.TABLES
        for lang in columns.LANGS:
            assert 0 < len(names[lang]) <= 31 and not set(names[lang]) & set("[]:*?/\\")


def test_label_falls_back_to_the_name():
    assert columns.label("shortfall_t", "id") == "Kekurangan (t)"
    assert columns.label("shortfall_t", "en") == "Shortfall (t)"
    assert columns.label("not_a_column", "id") == "not_a_column"
