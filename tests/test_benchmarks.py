"""The synthetic network generator of ``benchmarks/`` (behaviour only, never timing)."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.generate import QUICK_SIZES, sized_dataset, synthetic_dataset
from foodchain import Scenario, solve


@pytest.mark.parametrize("size", sorted(QUICK_SIZES))
def test_a_small_generated_network_validates_and_meets_all_demand(size):
    dataset, days = sized_dataset(size, quick=True)  # dataset_from_tables raises on any error
    assert dataset.warnings == []
    result = solve(dataset, Scenario(horizon_days=days))
    assert result.optimal
    assert result.shortfall["shortfall_t"].sum() == 0.0
    assert result.shortfall["delivered_t"].sum() == pytest.approx(dataset.demand["demand_t_per_day"].sum() * days)


def test_the_generator_has_the_requested_shape():
    dataset = synthetic_dataset(4, 2, 15, 3, seed=1)
    kinds = dataset.nodes["kind"].value_counts().to_dict()
    assert kinds == {"source": 4, "hub": 2, "market": 15}
    assert len(dataset.commodities) == 3
    assert set(dataset.demand["node_id"]) == set(dataset.nodes.loc[dataset.nodes["kind"] == "market", "node_id"])


def test_the_same_seed_gives_the_same_network_and_another_seed_does_not():
    a, b, c = (synthetic_dataset(4, 2, 15, 3, seed=s) for s in (5, 5, 6))
    for name, frame in a.tables().items():
        pd.testing.assert_frame_equal(frame, b.tables()[name])
    assert not a.nodes["lat"].equals(c.nodes["lat"])


def test_the_stressed_city_leaves_2_to_5_percent_of_demand_unmet_and_only_lowers_capacities():
    from benchmarks.generate import stressed_dataset

    easy, _ = sized_dataset("city")
    stressed, _ = stressed_dataset("city")
    result = solve(stressed, Scenario(horizon_days=1))
    share = result.summary()["total_shortfall_t"] / stressed.demand["demand_t_per_day"].sum()
    assert 0.02 <= share <= 0.05
    before, after = easy.routes["capacity_t_per_day"], stressed.routes["capacity_t_per_day"]
    assert (after[before.notna()] <= before[before.notna()]).all() and after[before.isna()].isna().all()
