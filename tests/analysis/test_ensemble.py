"""Flood ensembles: reproducible, independent of workers and executors, cancellable, validated."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foodchain.analysis.ensemble import ensemble_to_folder, run_ensemble
from foodchain.analysis.flood_spec import draw_run, load_spec, run_seeds, spec_from_dict
from foodchain.errors import Cancelled, InvalidSpec
from tests.conftest import ROOT, make_dataset

SPEC = Path(__file__).parent / "data" / "tiny_flood_spec.json"
JAKARTA_SPEC = ROOT / "sample_data" / "scenarios" / "jakarta_flood_spec.json"


@pytest.fixture(scope="module")
def spec():
    return load_spec(SPEC)


def _same(a, b) -> None:
    pd.testing.assert_frame_equal(a.runs, b.runs)
    pd.testing.assert_frame_equal(a.zones, b.zones)
    assert a.summary == b.summary


def test_same_seed_same_tables_other_seed_differs(tiny, spec):
    a = run_ensemble(tiny, spec, 30, seed=1)
    _same(a, run_ensemble(tiny, spec, 30, seed=1))
    c = run_ensemble(tiny, spec, 30, seed=2)
    assert list(a.runs["seed"]) != list(c.runs["seed"])
    assert list(a.runs["flooded"]) != list(c.runs["flooded"])


def test_run_j_depends_only_on_the_seed_and_j(tiny, spec):
    assert run_seeds(5, 10)[:4] == run_seeds(5, 4)
    short = run_ensemble(tiny, spec, 4, seed=5).runs
    long = run_ensemble(tiny, spec, 10, seed=5).runs.head(4)
    pd.testing.assert_frame_equal(short, long)


def test_tables_and_summary_are_consistent(tiny, spec):
    r = run_ensemble(tiny, spec, 40, seed=3)
    assert list(r.runs.columns[:3]) == ["run", "seed", "scenario"]
    assert (r.runs["status"] == "optimal").all()
    assert r.summary["expected_shortfall_t"] == pytest.approx(r.runs["total_shortfall_t"].mean())
    assert r.summary["total_demand_t"] == pytest.approx(336.0)  # 112 t/day x 3 days
    share = r.runs["total_shortfall_t"] / 336.0
    assert r.summary["p_share_above_5pct"] == pytest.approx((share > 0.05).mean())
    assert r.zones["expected_shortfall_t"].sum() == pytest.approx(r.summary["expected_shortfall_t"])
    no_flood = r.runs[r.runs["events"] == 0]
    assert (no_flood["total_shortfall_t"] == 0).all()  # the baseline meets all demand
    worst = r.summary["worst_runs"][0]
    assert worst["total_shortfall_t"] == pytest.approx(r.runs["total_shortfall_t"].max())


def test_a_certain_closure_gives_its_hand_checked_shortfall(tiny):
    # Tol Barat always closed on days 1-2: exactly tiny_west_toll_closed, 40 t short in every run.
    spec = spec_from_dict({"horizon_days": 3, "corridors": {"Tol Barat": {"p": 1.0, "days": [2]}}})
    r = run_ensemble(tiny, spec, 3, seed=0)
    assert r.runs["total_shortfall_t"].to_numpy() == pytest.approx([40.0, 40.0, 40.0])
    assert r.zones.set_index("node_id").loc["MKT-NORTH", "p_share_above_5pct"] == 1.0


def test_flood_probabilities_are_honoured(spec):
    hits = np.array([[ev in {e for e, _ in draw_run(spec, s)[1]} for ev in spec.events] for s in run_seeds(9, 2000)])
    assert hits.mean(axis=0) == pytest.approx([ev.p for ev in spec.events], abs=0.04)


def test_one_or_two_workers_give_identical_numbers(tiny, spec):
    _same(run_ensemble(tiny, spec, 24, seed=4), run_ensemble(tiny, spec, 24, seed=4, workers=2))


def test_dask_cluster_gives_the_local_numbers(tiny, spec):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = run_ensemble(tiny, spec, 16, seed=8, scheduler=cluster.scheduler_address)
    _same(run_ensemble(tiny, spec, 16, seed=8), remote)


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_mid_run_raises_and_writes_nothing(tiny, spec, tmp_path, workers):
    done = []
    with pytest.raises(Cancelled):
        ensemble_to_folder(
            tiny,
            spec,
            40,
            1,
            tmp_path / "out",
            workers=workers,
            progress=lambda d, t: done.append(d),
            cancel=lambda: len(done) >= 5,
        )
    assert 5 <= len(done) < 40
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_bad_spec_lists_every_problem(tiny, tmp_path):
    doc = {
        "horizon_days": 0,
        "corridorz": {},
        "corridors": {
            "Tol Barta": {"p": 1.5, "days": [2, 0], "weights": [1]},
            "Tol Timur": {"p": 0.2, "days": [1], "factor": 2},
        },
        "zones": {"Nowhere": {"days": [1]}},
    }
    with pytest.raises(InvalidSpec) as err:
        spec_from_dict(doc)
    lines = {p.as_line() for p in err.value.problems}
    assert "error: spec, , horizon_days, horizon_days must be a whole number >= 1 and <= 366, not 0" in lines
    assert any(line.startswith("error: spec, , corridorz, unknown key 'corridorz'") for line in lines)
    assert any(line.startswith("error: spec, , corridors.Tol Barta.p, p must be between 0 and 1") for line in lines)
    assert any(line.startswith("error: spec, , corridors.Tol Barta.days,") for line in lines)
    assert any(line.startswith("error: spec, , corridors.Tol Timur.factor,") for line in lines)
    assert "error: spec, , zones.Nowhere.p, 'p' is required" in lines
    names = spec_from_dict(
        {
            "horizon_days": 2,
            "corridors": {"Tol Barta": {"p": 0.5, "days": [1]}},
            "zones": {"Nowhere": {"p": 1, "days": [1]}},
        }
    )
    with pytest.raises(InvalidSpec) as err:
        run_ensemble(tiny, names, 2, 0)
    lines = [p.as_line() for p in err.value.problems]
    assert (
        "error: spec, , corridors.Tol Barta, 'Tol Barta' is not a corridor in the dataset (did you mean 'Tol Barat'?)"
        in lines
    )
    assert any("zone 'Nowhere' is not a node name, node_id or region" in line for line in lines)


def test_scenario_files_as_ensemble_members(tiny, tmp_path):
    (tmp_path / "a.json").write_text(
        json.dumps(
            {"horizon_days": 3, "disruptions": [{"type": "close_corridor", "corridor": "Tol Barat", "end_day": 2}]}
        )
    )
    (tmp_path / "b.json").write_text(json.dumps({"horizon_days": 3, "disruptions": []}))
    (tmp_path / "spec.json").write_text(
        json.dumps({"horizon_days": 3, "scenarios": ["a.json", "b.json"], "scenario_weights": [1, 0]})
    )
    r = run_ensemble(tiny, load_spec(tmp_path / "spec.json"), 3, seed=1)
    assert set(r.runs["scenario"]) == {"a.json"}
    assert r.runs["total_shortfall_t"].to_numpy() == pytest.approx([40.0] * 3)


def test_jakarta_example_spec_is_well_formed():
    spec = load_spec(JAKARTA_SPEC)
    assert spec.horizon_days >= 1 and "EST" in spec.description
    assert {ev.target for ev in spec.events if ev.kind == "corridor"} >= {"Tol Jakarta-Cikampek", "Jagorawi", "Pantura"}
    assert {ev.target for ev in spec.events if ev.kind == "zone"} >= {"Jakarta Timur", "Kepulauan Seribu"}


def test_a_depth_range_gives_a_distribution_on_the_scenario_flood_curve(tiny):
    """One corridor always floods with a depth drawn in 0-0.6 m: its factor follows the
    scenario floods' passability curve (1 to 0.15 m, 0.3 just below 0.5 m, 0 from 0.5 m),
    so the runs' shortfalls take many values, not just 'open' and 'closed'."""
    from foodchain.optimize.flood import DEFAULT_PASSABILITY, passability

    doc = {"horizon_days": 1, "corridors": {"Tol Barat": {"p": 1.0, "days": [1], "depth_m": [0.0, 0.6]}}}
    spec = spec_from_dict(doc)
    curve = np.array(DEFAULT_PASSABILITY)
    for seed in run_seeds(7, 20):
        rng = np.random.default_rng(seed)
        rng.random(), rng.choice(1, p=[1.0])  # the draw order of draw_run: u, duration, depth
        depth = rng.uniform(0.0, 0.6)
        ((event, _),) = draw_run(spec, seed)[1]
        assert event.factor == pytest.approx(passability(np.array([depth]), curve[:, 0], curve[:, 1])[0], abs=1e-6)
    # one route of 10 t/day on corridor C, 10 t/day wanted: shortfall = 10 x (1 - factor)
    one = make_dataset(
        [("S", "source"), ("M", "market")],
        [{"route_id": "R", "origin": "S", "destination": "M", "capacity_t_per_day": 10, "corridor": "C"}],
        [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 20}],
        [{"node_id": "M", "commodity": "rice", "demand_t_per_day": 10}],
    )
    doc = {"horizon_days": 1, "corridors": {"C": {"p": 1.0, "days": [1], "depth_m": [0.1, 0.6]}}}
    result = run_ensemble(one, spec_from_dict(doc), 30, seed=3)
    factors = [draw_run(spec_from_dict(doc), s)[1][0][0].factor for s in run_seeds(3, 30)]
    expected = 10 * (1 - np.array(factors))
    assert result.runs["total_shortfall_t"].to_numpy() == pytest.approx(expected, abs=1e-6)
    assert result.runs["total_shortfall_t"].round(3).nunique() > 10


def test_the_jakarta_spec_floods_corridors_by_depth():
    spec = load_spec(JAKARTA_SPEC)
    by_target = {e.target: e for e in spec.events}
    assert by_target["Tol Jakarta-Cikampek"].depth_m == (0.3, 0.9)
    assert by_target["Jakarta Timur"].depth_m is None and by_target["Jakarta Timur"].factor == 0.5
