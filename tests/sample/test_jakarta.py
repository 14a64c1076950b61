"""The Jakarta sample: figures re-derived from the inputs, the baseline, and where each scenario bites."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

from foodchain import load_dataset, load_scenario, solve
from foodchain.model.dataset import validate_source
from tests.conftest import ROOT, SCENARIOS

JAKARTA = ROOT / "sample_data" / "jakarta"
SERIBU = {"KEC-KEPULAUAN-SERIBU-SELATAN", "KEC-KEPULAUAN-SERIBU-UTARA"}


@pytest.fixture(scope="module")
def jakarta():
    return load_dataset(JAKARTA)


@pytest.fixture(scope="module")
def population() -> pd.DataFrame:
    return pd.read_csv(JAKARTA / "inputs" / "kecamatan_population_2024.csv")


def _run(jakarta, name: str):
    return solve(jakarta, load_scenario(SCENARIOS / f"{name}.json"))


def _short(result) -> pd.DataFrame:
    return result.shortfall[result.shortfall["shortfall_t"] > 1e-6]


def test_the_csv_files_are_what_build_py_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("build_jakarta", JAKARTA / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path)
    for table in ("nodes", "commodities", "routes", "supply", "demand", "stock"):
        pd.testing.assert_frame_equal(pd.read_csv(tmp_path / f"{table}.csv"), pd.read_csv(JAKARTA / f"{table}.csv"))


def test_the_dataset_is_valid_without_warnings():
    problems = validate_source(JAKARTA)
    assert [p.as_line() for p in problems] == []


def test_all_44_kecamatan_with_their_2024_population(jakarta, population):
    kec = jakarta.nodes[jakarta.nodes["node_id"].str.startswith("KEC-")]
    assert len(kec) == 44 and kec["lat"].notna().all() and kec["lon"].notna().all()
    assert kec["population"].sum() == population["population_2024_satudata"].sum() == 11_038_216


def test_rice_demand_is_population_times_5_46_kg_a_month(jakarta, population):
    expected = population["population_2024_satudata"].sum() * 5.46 * 12 / 365 / 1000
    d = jakarta.demand
    household = d[(d["commodity"] == "rice") & d["node_id"].str.startswith("KEC-")]["demand_t_per_day"].sum()
    assert household == pytest.approx(expected, abs=0.5)
    assert 1_900 <= household <= 2_000


def test_the_baseline_meets_demand_with_under_one_percent_short(jakarta):
    s = solve(jakarta).summary()
    assert s["total_shortfall_t"] < 0.01 * s["total_demand_t"]
    assert s["total_demand_t"] == pytest.approx(3_330.0, abs=0.1)  # regression: the 44 kecamatan (study area)
    assert s["external_demand_t"] == pytest.approx(1_163.7, abs=0.1)  # Bodetabek buyers' rice, counted apart


def test_seribu_storm_hits_only_the_thousand_islands(jakarta):
    short = _short(_run(jakarta, "seribu_sea_storm"))
    assert set(short["node_id"]) == SERIBU
    assert set(short["day"]) == {1, 2, 3}
    # shops hold three days of rice, sugar and oil: what runs short is the fresh food
    assert not set(short["commodity"]) & {"rice", "sugar", "cooking_oil"}


def test_january_2020_flood_leaves_rice_covered_and_fresh_food_short_in_flooded_zones(jakarta):
    result = _run(jakarta, "jan2020_flood")
    short = _short(result)
    assert short["shortfall_t"].sum() > 0
    assert "rice" not in set(short["commodity"])  # PIBC, Bulog and shop stocks bridge the closures
    assert short["day"].max() <= 3  # the last reported closure (Daan Mogot) and the polygons end on day 3
    south_east = {"KEC-PASAR-MINGGU", "KEC-JAGAKARSA", "KEC-TEBET", "KEC-MAKASAR", "KEC-PANCORAN"}
    assert south_east <= set(short["node_id"])


def test_cikampek_closure_is_absorbed_by_the_arterial_and_stocks(jakarta):
    result = _run(jakarta, "cikampek_closure")
    assert result.summary()["total_shortfall_t"] == pytest.approx(0.0, abs=1e-6)
    routes = jakarta.routes.set_index("route_id")["corridor"]
    flows = result.flows.assign(corridor=result.flows["route_id"].map(routes))
    closed_days = flows[flows["day"] <= 3]
    assert closed_days.loc[closed_days["corridor"] == "Tol Jakarta-Cikampek", "flow_t"].sum() == 0
    assert closed_days.loc[closed_days["corridor"] == "Pantura", "flow_t"].sum() > 0


def test_karawang_harvest_failure_is_bridged_by_rice_stock(jakarta):
    result = _run(jakarta, "karawang_harvest_failure")
    assert result.summary()["total_shortfall_t"] == pytest.approx(0.0, abs=1e-6)
    rice = result.stock[result.stock["commodity"] == "rice"].groupby("day")["stock_t"].sum()
    initial = jakarta.stock.loc[jakarta.stock["commodity"] == "rice", "initial_t"].sum()
    assert rice.min() < initial - 1_000  # thousands of tonnes drawn from the stores


def test_lebaran_with_pibc_closed_falls_short_of_rice_where_only_pibc_reaches(jakarta):
    short = _short(_run(jakarta, "lebaran_pibc_closed"))
    by_commodity = short.groupby("commodity")["shortfall_t"].sum()
    assert by_commodity.idxmax() == "rice"
    rice = short[short["commodity"] == "rice"].groupby("node_id")["shortfall_t"].sum()
    assert rice.idxmax() == "MKT-BODETABEK"  # its buyers only reach PIBC in this network
