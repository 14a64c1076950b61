"""Shared fixtures: the tiny sample dataset and a builder for hand-made networks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from foodchain import Dataset, dataset_from_tables, load_dataset

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "sample_data" / "tiny"
SCENARIOS = ROOT / "sample_data" / "scenarios"


@pytest.fixture(scope="session")
def tiny() -> Dataset:
    return load_dataset(TINY)


def make_dataset(nodes, routes=(), supply=(), demand=(), stock=(), commodities=None) -> Dataset:
    """A dataset from lists of dicts; ``nodes`` may be ``(node_id, kind)`` pairs or dicts."""
    nodes = [n if isinstance(n, dict) else {"node_id": n[0], "kind": n[1]} for n in nodes]
    commodities = commodities or [{"commodity": "rice", "shortfall_penalty_per_t": 1000.0}]

    def frame(rows, columns):
        return pd.DataFrame(list(rows), columns=columns) if not rows else pd.DataFrame(list(rows))

    return dataset_from_tables(
        {
            "nodes": pd.DataFrame(nodes),
            "commodities": pd.DataFrame(commodities),
            "routes": frame(routes, ["route_id", "origin", "destination"]),
            "supply": frame(supply, ["node_id", "commodity", "supply_t_per_day"]),
            "demand": frame(demand, ["node_id", "commodity", "demand_t_per_day"]),
            "stock": frame(stock, ["node_id", "commodity", "initial_t"]),
        }
    )
