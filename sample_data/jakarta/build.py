"""Build the Jakarta sample dataset from public figures: ``python sample_data/jakarta/build.py``.

Every number below is either a published figure (cited in SOURCES.md, marked [S]), derived
from published figures ([D], the method is in the comment) or an estimate ([EST]). Edit the
figures here and run the script again; do not edit the CSV files by hand.

Demand: population 2024 of each kecamatan x household consumption per capita (BPS, Pola
Konsumsi Penduduk DKI Jakarta 2024) x 12 / 365, in t/day. Supply: 1.15 x demand per
commodity, split over the origins by their published shares. Capacities: a route carries at
most 1.8 x its normal load (PIBC receives 5,000-6,000 t on Mondays against 3,000-3,500 on other
days [S]); an arterial alternative carries 35 % of its toll road [EST]; a hub-to-kecamatan
distribution route twice the kecamatan's daily demand of what the hub sells, in whole 5 t
trucks; a kecamatan receives at most 1.5 x its daily demand [EST].
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
DAYS_PER_MONTH = 365 / 12

# commodity: name, kg per capita per month [S, BPS 2024; eggs at 16 per kg and oil at 0.9 kg/L: EST],
# household spending Rp per capita per month [S], shelf life in days [EST]
COMMODITIES = {
    "rice": ("Beras", 5.46, 77_807, 180),
    "chili": ("Cabai (merah + rawit)", 0.18 + 0.12, 12_473 + 8_223, 5),
    "shallot": ("Bawang merah", 0.203, 9_336, 30),
    "garlic": ("Bawang putih", 0.154, 6_717, 90),
    "eggs": ("Telur ayam", 12.16 / 16, 23_599, 14),
    "chicken": ("Daging ayam", 0.94, 37_385, 2),
    "beef": ("Daging sapi", 0.15, 20_368, 3),
    "sugar": ("Gula pasir", 0.282, 5_459, 365),
    "cooking_oil": ("Minyak goreng", 1.03 * 0.9, 18_453, 365),
}
PENALTY_TIMES_PRICE = 10  # [EST] a tonne short costs 10x what households pay for it

# Per-capita spending by kota, Rp/month, 2024 [S]; vulnerability = DKI average / kota [D]
SPENDING = {
    "Kepulauan Seribu": 1_415_690,
    "Jakarta Selatan": 3_274_714,
    "Jakarta Timur": 2_430_017,
    "Jakarta Pusat": 2_443_794,
    "Jakarta Barat": 2_738_942,
    "Jakarta Utara": 3_045_738,
}
SPENDING_DKI = 2_794_485

# node_id: name, kind, lat, lon, region, throughput t/day, storage t
HUBS = {
    "HUB-PIBC": ("Pasar Induk Beras Cipinang", -6.218, 106.896, "Jakarta Timur", 6_000, 45_000),
    "HUB-PIKJ": ("Pasar Induk Kramat Jati", -6.294542, 106.871626, "Jakarta Timur", 3_000, 1_000),
    "HUB-BULOG-KG": ("Gudang Bulog Kelapa Gading", -6.161, 106.904, "Jakarta Utara", 1_500, 300_000),
    "HUB-PRIOK": ("Pelabuhan Tanjung Priok", -6.1105, 106.8797, "Jakarta Utara", 2_000, 20_000),
    "HUB-CAKUNG": ("RPH & poultry wholesale Cakung", -6.185, 106.945, "Jakarta Timur", 1_000, 1_500),
    "HUB-MUARA-ANGKE": ("Pelabuhan Muara Angke", -6.107, 106.775, "Jakarta Utara", 200, 500),
}
SOURCES = {
    "SRC-KARAWANG": ("Karawang", -6.32, 107.30, "Jawa Barat"),
    "SRC-CIREBON-INDRAMAYU": ("Cirebon & Indramayu", -6.55, 108.30, "Jawa Barat"),
    "SRC-JATENG": ("Jawa Tengah", -7.00, 110.40, "Jawa Tengah"),
    "SRC-BANDUNG": ("Bandung", -6.95, 107.60, "Jawa Barat"),
    "SRC-BANTEN-LAMPUNG": ("Banten & Lampung (via Merak)", -6.05, 106.10, "Banten"),
    "SRC-BREBES": ("Brebes", -6.87, 109.04, "Jawa Tengah"),
    "SRC-JATIM": ("Jawa Timur", -7.80, 112.00, "Jawa Timur"),
    "SRC-CIANJUR-GARUT": ("Cianjur & Garut", -6.90, 107.20, "Jawa Barat"),
    "SRC-BOGOR-SUKABUMI": ("Bogor & Sukabumi", -6.62, 106.80, "Jawa Barat"),
    "SRC-SUBANG-PURWAKARTA": ("Subang & Purwakarta", -6.55, 107.55, "Jawa Barat"),
    "SRC-PRIOK-SEA": ("Ships landing at Tanjung Priok", -6.08, 106.88, "Laut Jawa"),
}
# Rice shares are PIBC's origin shares [S, Aug 2021]; shallot PIKJ's [S, Jan 2017]; the rest [EST].
ORIGIN_SHARES = {
    "rice": {
        "SRC-CIREBON-INDRAMAYU": 0.33,
        "SRC-KARAWANG": 0.302,
        "SRC-JATENG": 0.226,
        "SRC-BANDUNG": 0.076,
        "SRC-BANTEN-LAMPUNG": 0.066,
    },
    "chili": {"SRC-JATENG": 0.35, "SRC-JATIM": 0.25, "SRC-CIANJUR-GARUT": 0.25, "SRC-BANDUNG": 0.15},
    "shallot": {"SRC-BREBES": 0.62, "SRC-CIREBON-INDRAMAYU": 0.30, "SRC-JATENG": 0.08},
    "garlic": {"SRC-PRIOK-SEA": 0.95, "SRC-JATENG": 0.05},
    "eggs": {"SRC-BOGOR-SUKABUMI": 0.80, "SRC-SUBANG-PURWAKARTA": 0.20},
    "chicken": {"SRC-BOGOR-SUKABUMI": 0.50, "SRC-SUBANG-PURWAKARTA": 0.50},
    "beef": {"SRC-PRIOK-SEA": 0.60, "SRC-BOGOR-SUKABUMI": 0.40},
    "sugar": {"SRC-PRIOK-SEA": 0.70, "SRC-JATIM": 0.30},
    "cooking_oil": {"SRC-PRIOK-SEA": 1.0},
}
SUPPLY_MARGIN = 1.15  # [EST]
# What each hub handles: the commodities it receives from the sources.
HUB_GOODS = {
    "HUB-PIBC": ("rice",),
    "HUB-PIKJ": ("chili", "shallot", "garlic"),
    "HUB-CAKUNG": ("eggs", "chicken", "beef"),
    "HUB-PRIOK": ("garlic", "beef", "sugar", "cooking_oil"),
    "HUB-BULOG-KG": ("rice", "sugar", "cooking_oil"),
}
# Initial stock, t: PIBC within its 25-40 kt "safe" band and Bulog KG as on 13 Jan 2023 [S]; others [EST]
STOCK = {
    ("HUB-PIBC", "rice"): 30_000,
    ("HUB-BULOG-KG", "rice"): 35_000,
    ("HUB-BULOG-KG", "sugar"): 3_000,
    ("HUB-BULOG-KG", "cooking_oil"): 2_000,
    ("HUB-PIKJ", "chili"): 110,
    ("HUB-PIKJ", "shallot"): 300,
    ("HUB-PIKJ", "garlic"): 250,
    ("HUB-PRIOK", "sugar"): 2_000,
    ("HUB-PRIOK", "garlic"): 500,
    ("HUB-PRIOK", "cooking_oil"): 3_000,
    ("HUB-PRIOK", "beef"): 300,
    ("HUB-CAKUNG", "eggs"): 550,
    ("HUB-CAKUNG", "chicken"): 170,
    ("HUB-CAKUNG", "beef"): 50,
}
BODETABEK_SHARE = 0.37  # PIBC rice not absorbed in Jakarta [S: ~63 % absorbed, Aug 2021]

# Trucking [D from S]: wingbox Rp 6.5 M for 800 km = Rp 8,125 per truck-km; 15 t payload [EST];
# city CDD trucks Rp 5,000 per truck-km with 5 t [EST]; handling Rp 25,000/t per leg [EST]; roads 1.3x crow-fly.
LONG_HAUL_RP_PER_T_KM = 8_125 / 15
CITY_RP_PER_T_KM = 5_000 / 5
SEA_RP_PER_T_KM = 150  # [EST]
HANDLING_RP_PER_T = 25_000
ROAD_FACTOR = 1.3
# Lead times [D/EST]: whole days between leaving and arriving; a trip that ends the day it starts
# takes 0. Trucks: 40 km/h for 10 h a day (400 km/day) [EST], lead = floor(distance_km / 400).
# Ships: lead = floor((distance_km / speed + port hours) / 24) (SEA_LEGS, sources in SOURCES.md).
KM_PER_DAY_ROAD = 400.0
KNOT_KM_PER_H = 1.852
# route_id: port-to-port km, speed in knots, port hours (berthing, unloading, clearance)
SEA_LEGS = {
    # Surabaya (Tanjung Perak) -> Tanjung Priok: 29 h at 15 knots by RoRo [S] = 805 km; a cargo ship
    # at 12 knots [EST] sails 36 h; plus a day in port to berth and unload [EST, waiting 24-40 h at
    # other Indonesian ports [S]]: 2 days. Stands for the ships landing imports and inter-island food.
    "R-SEA-PRIOK": (29 * 15 * KNOT_KM_PER_H, 12.0, 24.0),
    # Muara Angke -> Pulau Tidung / Pulau Pramuka: wooden ferries leave in the early morning and take
    # about 2.5 h [S]; 3 h loading [EST]: same day.
    "S-MUARA-ANGKE-KEPULAUAN-SERIBU-SELATAN": (None, 10.0, 3.0),
    "S-MUARA-ANGKE-KEPULAUAN-SERIBU-UTARA": (None, 10.0, 3.0),
}
# Bodetabek buyers have other wholesale markets in Tangerang, Bekasi and Depok: a tonne short
# there weighs half a tonne short in Jakarta [D]; they are outside the study area (external).
BODETABEK_VULNERABILITY = 0.5
PEAK_FACTOR = 1.8
ARTERIAL_SHARE = 0.35
TRUCK_T = 5
KECAMATAN_HEADROOM = 1.5
RETAIL_STORAGE_DAYS = 7  # [EST] shops in a kecamatan can hold a week of its demand
RETAIL_STOCK_DAYS = 3  # [EST] shops hold about three days of the dry staples
RETAIL_STOCKED = ("rice", "sugar", "cooking_oil")

# Waypoints (lon, lat) [EST, placed on the reported flood points where there are some]
W = {
    "cikampek": (107.45, -6.42),
    "km27": (107.106, -6.295),
    "km21": (107.05, -6.27),
    "km19": (107.032, -6.263),
    "km17": (107.015, -6.257),
    "cikunir": (106.965, -6.252),
    "km9": (106.942, -6.256),
    "cawang": (106.871, -6.2455),
    "jorr_east": (106.96, -6.22),
    "jorr_south": (106.90, -6.305),
    "bekasi_arterial": (107.00, -6.225),
    "pulogadung": (106.905, -6.195),
    "bogor": (106.80, -6.60),
    "cibubur": (106.885, -6.37),
    "pasar_rebo": (106.865, -6.31),
    "cibinong": (106.845, -6.48),
    "raya_bogor": (106.862, -6.36),
    "merak": (106.10, -6.05),
    "tangerang": (106.63, -6.185),
    "km4_tomang": (106.766, -6.186),
    "tomang": (106.795, -6.178),
    "daan_mogot": (106.739, -6.155),
    "grogol": (106.79, -6.165),
    "jorr_west": (106.75, -6.24),
    "lebak_bulus": (106.78, -6.29),
}
EAST = (
    "SRC-KARAWANG",
    "SRC-CIREBON-INDRAMAYU",
    "SRC-JATENG",
    "SRC-BANDUNG",
    "SRC-BREBES",
    "SRC-JATIM",
    "SRC-SUBANG-PURWAKARTA",
)
SOUTH = ("SRC-CIANJUR-GARUT", "SRC-BOGOR-SUKABUMI")
WEST = ("SRC-BANTEN-LAMPUNG",)
FAR_EAST = {"SRC-CIREBON-INDRAMAYU", "SRC-JATENG", "SRC-BREBES", "SRC-JATIM"}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle kilometres between (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def path_km(points: list[tuple[float, float]]) -> float:
    return sum(km(a, b) for a, b in zip(points, points[1:]))


def wkt(points: list[tuple[float, float]]) -> str:
    return "LINESTRING (" + ", ".join(f"{x:.4f} {y:.4f}" for x, y in points) + ")"


def kecamatan() -> pd.DataFrame:
    """The 44 kecamatan with population 2024 [S] and centroids [D; three EST]."""
    raw = pd.read_csv(HERE / "inputs" / "kecamatan_population_2024.csv")
    slug = raw["kecamatan"].str.upper().str.replace(" ", "-", regex=False)
    return pd.DataFrame(
        {
            "node_id": "KEC-" + slug,
            "kind": "market",
            "name": raw["kecamatan"],
            "lat": raw["centroid_lat"],
            "lon": raw["centroid_lon"],
            "region": raw["kota"],
            "population": raw["population_2024_satudata"],
            "vulnerability": (SPENDING_DKI / raw["kota"].map(SPENDING)).round(2),
        }
    )


def per_capita_t_per_day(commodity: str) -> float:
    return COMMODITIES[commodity][1] / DAYS_PER_MONTH / 1000


def household_demand(kec: pd.DataFrame) -> pd.DataFrame:
    rows = [
        (n, k, round(p * per_capita_t_per_day(k), 3))
        for n, p in zip(kec["node_id"], kec["population"])
        for k in COMMODITIES
    ]
    return pd.DataFrame(rows, columns=["node_id", "commodity", "demand_t_per_day"])


def bodetabek_demand(rice_jakarta_t: float) -> float:
    """PIBC rice sold outside Jakarta: Jakarta takes ~63 % of PIBC's rice [S], so the rest is 37/63 of it."""
    return round(rice_jakarta_t * BODETABEK_SHARE / (1 - BODETABEK_SHARE), 1)


def nodes(kec: pd.DataFrame, demand: pd.DataFrame) -> pd.DataFrame:
    daily = demand.groupby("node_id")["demand_t_per_day"].sum()
    kec = kec.assign(
        throughput_t_per_day=(kec["node_id"].map(daily) * KECAMATAN_HEADROOM).round(1),
        storage_t=(kec["node_id"].map(daily) * RETAIL_STORAGE_DAYS).round(1),
    )
    hubs = [
        {
            "node_id": i,
            "kind": "hub",
            "name": n,
            "lat": la,
            "lon": lo,
            "region": r,
            "throughput_t_per_day": t,
            "storage_t": s,
        }
        for i, (n, la, lo, r, t, s) in HUBS.items()
    ]
    sources = [
        {"node_id": i, "kind": "source", "name": n, "lat": la, "lon": lo, "region": r}
        for i, (n, la, lo, r) in SOURCES.items()
    ]
    bodetabek = {
        "node_id": "MKT-BODETABEK",
        "kind": "market",
        "name": "Bodetabek buyers at PIBC",
        "lat": -6.30,
        "lon": 107.00,
        "region": "Bodetabek",
        "vulnerability": BODETABEK_VULNERABILITY,
        "storage_t": round(float(daily["MKT-BODETABEK"]) * RETAIL_STORAGE_DAYS, 1),
        "external": True,
    }
    frame = pd.concat([pd.DataFrame(sources), pd.DataFrame(hubs), kec, pd.DataFrame([bodetabek])], ignore_index=True)
    frame["external"] = frame["external"].astype("boolean").fillna(False).astype(bool)
    return frame


def commodities() -> pd.DataFrame:
    rows = []
    for k, (name, kg, rp, life) in COMMODITIES.items():
        price_per_t = rp / kg * 1000  # household price [D]: spending / quantity
        rows.append(
            {
                "commodity": k,
                "name": name,
                "shortfall_penalty_per_t": round(PENALTY_TIMES_PRICE * price_per_t, -3),
                "shelf_life_days": life,
                "stock_value_per_t": round(price_per_t, -3),
            }
        )
    return pd.DataFrame(rows)


def supply(total_demand: pd.Series) -> pd.DataFrame:
    rows = [
        (src, k, round(SUPPLY_MARGIN * total_demand[k] * share, 1))
        for k, shares in ORIGIN_SHARES.items()
        for src, share in shares.items()
    ]
    return pd.DataFrame(rows, columns=["node_id", "commodity", "supply_t_per_day"])


def stock(demand: pd.DataFrame) -> pd.DataFrame:
    """Hub stocks (STOCK) and RETAIL_STOCK_DAYS of the dry staples in every market's shops."""
    hubs = pd.DataFrame([(n, k, t) for (n, k), t in STOCK.items()], columns=["node_id", "commodity", "initial_t"])
    shops = demand[demand["commodity"].isin(RETAIL_STOCKED)]
    shops = shops.assign(initial_t=(shops["demand_t_per_day"] * RETAIL_STOCK_DAYS * 10).apply(math.ceil) / 10)
    return pd.concat([hubs, shops[["node_id", "commodity", "initial_t"]]], ignore_index=True)


def _point(node_id: str, table: pd.DataFrame) -> tuple[float, float]:
    row = table.loc[table["node_id"] == node_id].iloc[0]
    return (float(row["lon"]), float(row["lat"]))


def _short(node_id: str) -> str:
    return node_id.split("-", 1)[1]


def _trucks(t: float, truck_t: float = TRUCK_T) -> float:
    return float(math.ceil(t / truck_t) * truck_t)


def _inbound_paths(src: str, hub: str) -> list[tuple[str, str, float, float, list[str]]]:
    """(suffix, corridor, capacity share, cost per t-km, waypoints) of the roads from a source to a hub."""
    arterial = LONG_HAUL_RP_PER_T_KM * 1.3  # [EST] slower, congested roads
    if src in EAST:
        start = ["cikampek"] if src in FAR_EAST or src == "SRC-SUBANG-PURWAKARTA" else []
        last = {"HUB-PIBC": ["km9", "cawang"], "HUB-PIKJ": ["jorr_south"]}.get(hub, ["jorr_east"])
        toll = start + ["km27", "km21", "km19", "km17", "cikunir"] + last
        return [
            ("TOL", "Tol Jakarta-Cikampek", 1.0, LONG_HAUL_RP_PER_T_KM, toll),
            ("ART", "Pantura", ARTERIAL_SHARE, arterial, start + ["bekasi_arterial", "pulogadung"]),
        ]
    if src in SOUTH:
        lead = [] if src == "SRC-BOGOR-SUKABUMI" else ["bogor"]
        toll = lead + (["cibubur", "pasar_rebo"] if hub == "HUB-PIKJ" else ["cibubur", "jorr_south", "jorr_east"])
        return [
            ("TOL", "Jagorawi", 1.0, LONG_HAUL_RP_PER_T_KM, toll),
            ("ART", "Jalan Raya Bogor", ARTERIAL_SHARE, arterial, lead + ["cibinong", "raya_bogor"]),
        ]
    return [
        ("TOL", "Tol Jakarta-Tangerang", 1.0, LONG_HAUL_RP_PER_T_KM, ["merak", "tangerang", "km4_tomang", "tomang"]),
        ("ART", "Jalan Daan Mogot", ARTERIAL_SHARE, arterial, ["merak", "tangerang", "daan_mogot", "grogol"]),
        ("JORR", "JORR", 0.5, LONG_HAUL_RP_PER_T_KM, ["merak", "tangerang", "jorr_west", "lebak_bulus", "jorr_south"]),
    ]


def lead_time_days(route_id: str, dist_km: float, mode: str) -> int:
    """Whole days from departure to arrival (see SEA_LEGS and KM_PER_DAY_ROAD)."""
    if mode == "road":
        return int(round(dist_km, 1) // KM_PER_DAY_ROAD)
    _, knots, port_hours = SEA_LEGS[route_id]
    return int((dist_km / (knots * KNOT_KM_PER_H) + port_hours) // 24)


def _route(route_id, origin, dest, points, cap, rp_per_t_km, corridor, mode="road", geometry=True, goods=()) -> dict:
    """One route; ``goods`` the commodities it may carry (empty: all)."""
    dist = path_km(points) * (ROAD_FACTOR if mode == "road" else 1.0)
    if mode == "sea" and SEA_LEGS[route_id][0]:
        dist = SEA_LEGS[route_id][0]  # the voyage, not the drawn approach to the port
    return {
        "route_id": route_id,
        "origin": origin,
        "destination": dest,
        "capacity_t_per_day": cap,
        "cost_per_t": round(HANDLING_RP_PER_T + rp_per_t_km * dist, -2),
        "lead_time_days": lead_time_days(route_id, dist, mode),
        "distance_km": round(dist, 1),
        "mode": mode,
        "corridor": corridor,
        "geometry": wkt(points) if geometry else None,
        "commodities": ";".join(sorted(goods)),
    }


def inbound_routes(table: pd.DataFrame, sup: pd.DataFrame) -> list[dict]:
    """Source -> hub over a toll road and its alternatives; capacity PEAK_FACTOR x the normal load."""
    rows = []
    for src in SOURCES:
        if src == "SRC-PRIOK-SEA":  # ships land at Priok; Priok itself serves the city
            continue
        goods = set(sup.loc[sup["node_id"] == src, "commodity"])
        for hub, handled in HUB_GOODS.items():
            load = sup.loc[(sup["node_id"] == src) & sup["commodity"].isin(handled), "supply_t_per_day"].sum()
            if load == 0 or hub == "HUB-PRIOK" or not goods & set(handled):
                continue
            for suffix, corridor, share, rate, via in _inbound_paths(src, hub):
                points = [_point(src, table)] + [W[w] for w in via] + [_point(hub, table)]
                cap = _trucks(PEAK_FACTOR * load * share, 10)
                route_id = f"R-{_short(src)}-{_short(hub)}-{suffix}"
                # a source's trucks to a hub carry what the source supplies and the hub trades [S]
                carried = goods & set(handled)
                rows.append(_route(route_id, src, hub, points, cap, rate, corridor, goods=carried))
    load = sup.loc[sup["node_id"] == "SRC-PRIOK-SEA", "supply_t_per_day"].sum()
    points = [_point("SRC-PRIOK-SEA", table), _point("HUB-PRIOK", table)]
    rows.append(
        _route(
            "R-SEA-PRIOK",
            "SRC-PRIOK-SEA",
            "HUB-PRIOK",
            points,
            _trucks(PEAK_FACTOR * load, 10),
            SEA_RP_PER_T_KM,
            "",
            mode="sea",
            goods=set(sup.loc[sup["node_id"] == "SRC-PRIOK-SEA", "commodity"]),
        )
    )
    return rows


def distribution_routes(table: pd.DataFrame, demand: pd.DataFrame) -> list[dict]:
    """Hub -> kecamatan (and -> Muara Angke -> Kepulauan Seribu by sea); twice the demand served, in 5 t trucks."""
    rows, kec = [], table[table["node_id"].str.startswith("KEC-")]
    seribu = kec["region"] == "Kepulauan Seribu"
    for hub, handled in HUB_GOODS.items():
        served = demand[demand["commodity"].isin(handled)].groupby("node_id")["demand_t_per_day"].sum()
        corridor_of = "Priok access" if hub == "HUB-PRIOK" else None
        for _, k in kec[~seribu].iterrows():
            points = [_point(hub, table), (k["lon"], k["lat"])]
            cap = _trucks(2 * served[k["node_id"]])
            corridor = corridor_of or f"Distribusi {k['region']}"
            rows.append(
                _route(
                    f"D-{_short(hub)}-{_short(k['node_id'])}",
                    hub,
                    k["node_id"],
                    points,
                    cap,
                    CITY_RP_PER_T_KM,
                    corridor,
                    goods=handled,
                )
                | {"geometry": None}
            )
        cap = _trucks(2 * served[kec.loc[seribu, "node_id"]].sum())
        points = [_point(hub, table), _point("HUB-MUARA-ANGKE", table)]
        rows.append(
            _route(
                f"D-{_short(hub)}-MUARA-ANGKE",
                hub,
                "HUB-MUARA-ANGKE",
                points,
                cap,
                CITY_RP_PER_T_KM,
                corridor_of or "Distribusi Jakarta Utara",
                goods=handled,
            )
            | {"geometry": None}
        )
    total = demand.groupby("node_id")["demand_t_per_day"].sum()
    for _, k in kec[seribu].iterrows():
        points = [_point("HUB-MUARA-ANGKE", table), (k["lon"], k["lat"])]
        rows.append(
            _route(
                f"S-MUARA-ANGKE-{_short(k['node_id'])}",
                "HUB-MUARA-ANGKE",
                k["node_id"],
                points,
                _trucks(2 * total[k["node_id"]]),
                SEA_RP_PER_T_KM * 4,
                "Muara Angke sea route",
                mode="sea",
            )
        )
    bodetabek = demand.loc[demand["node_id"] == "MKT-BODETABEK", "demand_t_per_day"].sum()
    points = [_point("HUB-PIBC", table), W["jorr_east"], _point("MKT-BODETABEK", table)]
    rows.append(
        _route(
            "D-PIBC-BODETABEK",
            "HUB-PIBC",
            "MKT-BODETABEK",
            points,
            _trucks(PEAK_FACTOR * bodetabek, 10),
            CITY_RP_PER_T_KM,
            "JORR",
            goods=HUB_GOODS["HUB-PIBC"],
        )
    )
    return rows


def build(folder: Path = HERE) -> dict[str, pd.DataFrame]:
    """Write nodes, commodities, routes, supply, demand and stock CSVs into ``folder``."""
    kec = kecamatan()
    demand = household_demand(kec)
    rice = demand.loc[demand["commodity"] == "rice", "demand_t_per_day"].sum()
    demand = pd.concat(
        [demand, pd.DataFrame([("MKT-BODETABEK", "rice", bodetabek_demand(rice))], columns=demand.columns)],
        ignore_index=True,
    )
    table = nodes(kec, demand)
    sup = supply(demand.groupby("commodity")["demand_t_per_day"].sum())
    routes = pd.DataFrame(inbound_routes(table, sup) + distribution_routes(table, demand))
    tables = {
        "nodes": table,
        "commodities": commodities(),
        "routes": routes,
        "supply": sup,
        "demand": demand,
        "stock": stock(demand),
    }
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    return tables


if __name__ == "__main__":
    out = build()
    print(", ".join(f"{name}: {len(frame)} rows" for name, frame in out.items()))
