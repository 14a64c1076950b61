"""Synthetic food-supply networks of any size, shaped like a megacity's (for benchmarks and tests).

The shape follows Jakarta's: producing regions (*sources*) far outside the city send food
along a few inbound corridors to wholesale markets (*hubs*) near the centre; hubs trade
a little with their nearest hubs; each retail market (*market*) is served by its
``MARKET_HUBS`` nearest hubs. Numbers are plausible, not observed:

* demand at a market = population x per-capita intake of each commodity;
* supply of each commodity = ``SUPPLY_MARGIN`` x its total demand, split over the sources
  that grow it (every commodity has at least two);
* hub -> market capacity = ``MARKET_ROUTE_SHARE`` x the market's demand, so a market
  still gets most of its food when one of its hubs is cut off;
* transport costs ``COST_PER_T_KM`` x distance; far sources have a one-day lead time.

Inbound routes form one corridor per compass sector ("Corridor North" ...), and the
hub -> market routes of each region form a distribution corridor ("Distribusi North").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foodchain import Dataset, dataset_from_tables

# name: (n_sources, n_hubs, n_markets, n_commodities, days)
SIZES: dict[str, tuple[int, int, int, int, int]] = {
    "city": (30, 10, 300, 10, 7),
    "regional": (100, 30, 3000, 10, 1),
    "national": (500, 100, 10000, 10, 1),
}
QUICK_SIZES: dict[str, tuple[int, int, int, int, int]] = {  # the same shapes, small enough for a smoke test
    "city": (6, 3, 20, 3, 2),
    "regional": (8, 4, 40, 3, 1),
    "national": (12, 5, 80, 3, 1),
}
CENTRE = (-6.2, 106.85)  # lat, lon
KM_PER_DEG = 111.0
COST_PER_T_KM = 1500.0  # Rp per tonne-km
SUPPLY_MARGIN = 1.15
MARKET_HUBS = 3
MARKET_ROUTE_SHARE = 0.8
SOURCE_HUBS = 3
SECTORS = ("North", "East", "South", "West")
REGIONS = ("Central", "North", "East", "South", "West")
COMMODITY_NAMES = ("rice", "chili", "shallot", "garlic", "sugar", "cooking_oil", "egg", "chicken", "beef", "fish")
INTAKE_KG = (0.25, 0.01, 0.01, 0.005, 0.03, 0.03, 0.04, 0.03, 0.005, 0.04)  # per person per day


def _points(rng: np.random.Generator, n: int, r_min: float, r_max: float) -> tuple[np.ndarray, np.ndarray]:
    """``n`` (lat, lon) points at distances r_min..r_max degrees from the centre, any bearing."""
    angle = rng.uniform(0, 2 * np.pi, n)
    radius = np.sqrt(rng.uniform(r_min**2, r_max**2, n))
    return CENTRE[0] + radius * np.sin(angle), CENTRE[1] + radius * np.cos(angle)


def _sector(lat: np.ndarray, lon: np.ndarray, names: tuple[str, ...]) -> np.ndarray:
    """Compass sector of each point seen from the centre (North = bearing 45..135 degrees)."""
    bearing = np.degrees(np.arctan2(lat - CENTRE[0], lon - CENTRE[1])) % 360
    index = (((bearing + 45) % 360) // 90).astype(int)  # 0 east, 1 north, 2 west, 3 south
    compass = np.array(["East", "North", "West", "South"])[index]
    return np.array([c if c in names else names[0] for c in compass], dtype=object)


def _km(lat_a, lon_a, lat_b, lon_b) -> np.ndarray:
    """Straight-line km between every point a and every point b (plus 1 km of access)."""
    lat_a, lon_a, lat_b, lon_b = (np.asarray(v, dtype=float) for v in (lat_a, lon_a, lat_b, lon_b))
    return KM_PER_DEG * np.hypot(np.subtract.outer(lat_a, lat_b), np.subtract.outer(lon_a, lon_b)) + 1.0


def _nodes(rng: np.random.Generator, n_sources: int, n_hubs: int, n_markets: int) -> pd.DataFrame:
    lat_s, lon_s = _points(rng, n_sources, 0.4, 1.5)
    lat_h, lon_h = _points(rng, n_hubs, 0.02, 0.12)
    lat_m, lon_m = _points(rng, n_markets, 0.0, 0.18)
    region_m = np.where(
        np.hypot(lat_m - CENTRE[0], lon_m - CENTRE[1]) < 0.05, "Central", _sector(lat_m, lon_m, SECTORS)
    )
    frames = [
        pd.DataFrame({"node_id": [f"SRC-{i:04d}" for i in range(n_sources)], "kind": "source", "lat": lat_s,
                      "lon": lon_s, "region": _sector(lat_s, lon_s, SECTORS)}),
        pd.DataFrame({"node_id": [f"HUB-{i:03d}" for i in range(n_hubs)], "kind": "hub", "lat": lat_h, "lon": lon_h,
                      "region": _sector(lat_h, lon_h, SECTORS)}),
        pd.DataFrame({"node_id": [f"MKT-{i:05d}" for i in range(n_markets)], "kind": "market", "lat": lat_m,
                      "lon": lon_m, "region": region_m, "population": rng.integers(10_000, 100_000, n_markets),
                      "vulnerability": np.round(rng.uniform(0.8, 1.5, n_markets), 2)}),
    ]  # fmt: skip
    return pd.concat(frames, ignore_index=True)


def _nearest(dist: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` smallest entries of each row."""
    k = min(k, dist.shape[1])
    return np.argsort(dist, axis=1)[:, :k]


def _routes(nodes: pd.DataFrame, demand_per_market: np.ndarray, supply_per_source: np.ndarray) -> pd.DataFrame:
    src, hub, mkt = (nodes[nodes["kind"] == k].reset_index(drop=True) for k in ("source", "hub", "market"))
    rows = []

    def add(a, b, km, cap, corridor, lead=0):
        rows.append((a, b, cap, round(COST_PER_T_KM * km, 0), lead, round(km, 1), corridor))

    d_sh = _km(src["lat"], src["lon"], hub["lat"], hub["lon"])
    for i, near in enumerate(_nearest(d_sh, SOURCE_HUBS)):
        for j in near:
            lead = 1 if d_sh[i, j] > 100 else 0
            add(src["node_id"][i], hub["node_id"][j], d_sh[i, j], round(supply_per_source[i] * 0.6, 1),
                f"Corridor {src['region'][i]}", lead)  # fmt: skip
    d_hh = _km(hub["lat"], hub["lon"], hub["lat"], hub["lon"]) + np.eye(len(hub)) * 1e9
    for i, near in enumerate(_nearest(d_hh, min(2, len(hub) - 1))):  # never a hub to itself
        for j in near:
            cap = np.nan if (i + j) % 3 == 0 else 200.0  # some hub links are unlimited
            add(hub["node_id"][i], hub["node_id"][j], d_hh[i, j], cap, "")
    d_mh = _km(mkt["lat"], mkt["lon"], hub["lat"], hub["lon"])
    for i, near in enumerate(_nearest(d_mh, MARKET_HUBS)):
        for j in near:
            add(hub["node_id"][j], mkt["node_id"][i], d_mh[i, j], round(MARKET_ROUTE_SHARE * demand_per_market[i], 2),
                f"Distribusi {mkt['region'][i]}")  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=[
            "origin",
            "destination",
            "capacity_t_per_day",
            "cost_per_t",
            "lead_time_days",
            "distance_km",
            "corridor",
        ],
    )
    frame.insert(0, "route_id", [f"R-{i:06d}" for i in range(len(frame))])
    return frame


def _commodities(n: int) -> pd.DataFrame:
    names = [COMMODITY_NAMES[k] if k < len(COMMODITY_NAMES) else f"c{k}" for k in range(n)]
    return pd.DataFrame(
        {
            "commodity": names,
            "shortfall_penalty_per_t": [5e7 * (1 + 0.1 * k) for k in range(n)],  # distinct: no ties between goods
            "shelf_life_days": [3 if k in (1, 7) else None for k in range(n)],  # chili, chicken perish
        }
    )


def _intake(k: int) -> float:
    return INTAKE_KG[k] if k < len(INTAKE_KG) else 0.02


def synthetic_dataset(
    n_sources: int, n_hubs: int, n_markets: int, n_commodities: int, seed: int = 0, days: int | None = None
) -> Dataset:
    """A valid synthetic :class:`~foodchain.Dataset` (see the module docstring for its shape).

    ``days`` is accepted for symmetry with :data:`SIZES` and ignored: the network does not
    depend on the horizon. The same arguments always give the same dataset.
    """
    rng = np.random.default_rng(seed)
    nodes = _nodes(rng, n_sources, n_hubs, n_markets)
    commodities = _commodities(n_commodities)
    mkt = nodes[nodes["kind"] == "market"]
    intake_t = np.array([_intake(k) for k in range(n_commodities)]) / 1000.0
    demand_t = np.round(mkt["population"].to_numpy()[:, None] * intake_t[None, :], 3)  # [M, K]
    grows = rng.random((n_sources, n_commodities)) < 0.5
    grows[rng.integers(0, n_sources, n_commodities), np.arange(n_commodities)] = True
    grows[(np.arange(n_commodities) + 1) % n_sources, np.arange(n_commodities)] = True
    share = grows * rng.uniform(0.5, 1.5, grows.shape)
    share /= share.sum(axis=0, keepdims=True)
    supply_t = SUPPLY_MARGIN * demand_t.sum(axis=0)[None, :] * share  # [S, K]
    src_ids = nodes.loc[nodes["kind"] == "source", "node_id"].to_numpy()
    s_idx, k_idx = np.nonzero(supply_t > 0)
    supply = pd.DataFrame(
        {
            "node_id": src_ids[s_idx],
            "commodity": commodities["commodity"].to_numpy()[k_idx],
            "supply_t_per_day": np.round(supply_t[s_idx, k_idx], 3),
            "cost_per_t": np.round(rng.uniform(5e6, 1.5e7, len(s_idx)), -3),
        }
    )
    m_idx, mk_idx = np.nonzero(demand_t > 0)
    demand = pd.DataFrame(
        {
            "node_id": mkt["node_id"].to_numpy()[m_idx],
            "commodity": commodities["commodity"].to_numpy()[mk_idx],
            "demand_t_per_day": demand_t[m_idx, mk_idx],
        }
    )
    routes = _routes(nodes, demand_t.sum(axis=1), supply_t.sum(axis=1))
    hub_ids = nodes.loc[nodes["kind"] == "hub", "node_id"].to_numpy()
    hub_share = demand_t.sum(axis=0) / max(n_hubs, 1)  # [K] t/day a hub forwards on average
    nodes["throughput_t_per_day"] = np.where(nodes["kind"] == "hub", round(1.6 * hub_share.sum(), 1), np.nan)
    nodes["storage_t"] = np.where(nodes["kind"] == "hub", round(6 * hub_share.sum(), 1), np.nan)
    h_idx, hk_idx = np.nonzero(np.ones((n_hubs, n_commodities), dtype=bool))
    stock = pd.DataFrame(
        {
            "node_id": hub_ids[h_idx],
            "commodity": commodities["commodity"].to_numpy()[hk_idx],
            "initial_t": np.round(hub_share[hk_idx] * rng.uniform(0.5, 2.0, len(h_idx)), 2),
        }
    )
    tables = {"nodes": nodes, "commodities": commodities, "routes": routes, "supply": supply, "demand": demand}
    return dataset_from_tables(tables | {"stock": stock})


def sized_dataset(size: str, seed: int = 0, quick: bool = False) -> tuple[Dataset, int]:
    """The dataset and horizon (days) of one of :data:`SIZES` (of :data:`QUICK_SIZES` when ``quick``)."""
    n_sources, n_hubs, n_markets, n_commodities, days = (QUICK_SIZES if quick else SIZES)[size]
    return synthetic_dataset(n_sources, n_hubs, n_markets, n_commodities, seed=seed), days


STRESS_OTHER = 0.6  # inbound and hub-to-hub route capacities x this
STRESS_MARKET = (0.35, 0.47)  # each hub -> market route capacity x a factor drawn from this range


def stressed_dataset(size: str, seed: int = 0, quick: bool = False) -> tuple[Dataset, int]:
    """:func:`sized_dataset` with tight capacities: the base scenario already leaves 2-5 % of demand unmet.

    Inbound and hub-to-hub capacities are multiplied by :data:`STRESS_OTHER`; each hub -> market
    route by a factor drawn uniformly from :data:`STRESS_MARKET` (seeded), so a market's three
    routes carry 0.84-1.13 of its demand together and closures move real shortfall around.
    """
    dataset, days = sized_dataset(size, seed=seed, quick=quick)
    tables = {name: frame.copy() for name, frame in dataset.tables().items()}
    routes = tables["routes"]
    market = routes["corridor"].str.startswith("Distribusi").to_numpy()
    factor = np.where(market, np.random.default_rng(seed + 1).uniform(*STRESS_MARKET, len(routes)), STRESS_OTHER)
    routes["capacity_t_per_day"] = (routes["capacity_t_per_day"] * factor).round(3)
    return dataset_from_tables(tables), days
