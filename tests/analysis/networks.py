"""A small random network for the analysis tests (seeded, so every run builds the same one)."""

from __future__ import annotations

import numpy as np

from foodchain import Dataset
from tests.conftest import make_dataset

COMMODITIES = [
    {"commodity": "rice", "shortfall_penalty_per_t": 100_000.0},
    {"commodity": "chili", "shortfall_penalty_per_t": 300_000.0, "shelf_life_days": 2},
]


def random_network(seed: int = 0, n_sources: int = 3, n_hubs: int = 3, n_markets: int = 5) -> Dataset:
    """Sources -> hubs (-> hub) -> markets with random capacities, costs, lead times and stock.

    Supply is scarce on purpose (about 80% of demand over the network's capacities) so
    closures and floods cause shortfalls somewhere.
    """
    rng = np.random.default_rng(seed)
    nodes = [{"node_id": f"S{i}", "kind": "source", "region": "Out"} for i in range(n_sources)]
    nodes += [
        {"node_id": f"H{i}", "kind": "hub", "region": f"R{i % 2}", "throughput_t_per_day": float(rng.integers(60, 120))}
        for i in range(n_hubs)
    ]
    nodes += [
        {"node_id": f"M{i}", "kind": "market", "region": f"R{i % 2}", "vulnerability": float(rng.choice([1.0, 1.5]))}
        for i in range(n_markets)
    ]
    routes = []

    def add(origin: str, dest: str, corridor: str = "") -> None:
        routes.append(
            {
                "route_id": f"{origin}-{dest}",
                "origin": origin,
                "destination": dest,
                "capacity_t_per_day": float(rng.integers(15, 60)),
                "cost_per_t": float(rng.integers(1, 20)),
                "lead_time_days": int(rng.random() < 0.2),
                "corridor": corridor,
            }
        )

    for s in range(n_sources):
        for h in range(n_hubs):
            add(f"S{s}", f"H{h}", corridor=f"C{s}")
    for h in range(n_hubs):
        add(f"H{h}", f"H{(h + 1) % n_hubs}")
        for m in rng.choice(n_markets, size=3, replace=False):
            add(f"H{h}", f"M{m}", corridor="Last mile" if m % 2 else "")
    supply = [
        {"node_id": f"S{s}", "commodity": k, "supply_t_per_day": float(rng.integers(10, 50)), "cost_per_t": float(c)}
        for s in range(n_sources)
        for k, c in (("rice", 10), ("chili", 40))
    ]
    demand = [
        {"node_id": f"M{m}", "commodity": k, "demand_t_per_day": float(rng.integers(5, 30))}
        for m in range(n_markets)
        for k in ("rice", "chili")
    ]
    stock = [{"node_id": "H0", "commodity": "rice", "initial_t": 30.0}]
    return make_dataset(nodes, routes, supply, demand, stock, commodities=COMMODITIES)
