"""Write sample_data/scenarios/floods/jan2020.geojson: the 1 January 2020 Jakarta flood as polygons.

Roads: a small rectangle (lon/lat, WGS84) around each reported flood point (positions are
estimates). Kelurahan: the BPBD flood-prone kelurahan as their real polygons, taken from
``sample_data/jakarta/boundaries/kelurahan.geojson`` (written by ``scripts/make_boundaries.py``).
The facts (places, depths, how long) come from the news reports cited in floods/SOURCES.md.
Day 1 is 1 Jan 2020.

Run from the repository root: ``python scripts/make_jan2020_flood.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "sample_data" / "scenarios" / "floods" / "jan2020.geojson"
KELURAHAN_LAYER = ROOT / "sample_data" / "jakarta" / "boundaries" / "kelurahan.geojson"

# name, lon, lat, half-size (deg, ~111 km each), depth_m (None: not reported -> closed), start_day, end_day, note
ROADS = [
    (
        "Tol Jakarta-Cikampek KM 9 Jatibening",
        106.9420,
        -6.2560,
        0.004,
        0.15,
        1,
        1,
        "10-15 cm; dry again by 15:40 on 1 Jan",
    ),
    ("Tol Jakarta-Cikampek KM 17", 107.0150, -6.2570, 0.004, None, 1, 2, "flooded; gates towards Jakarta closed"),
    ("Tol Jakarta-Cikampek KM 19", 107.0320, -6.2630, 0.004, None, 1, 2, "flooded; rest area 19 reopened ~10 Jan"),
    ("Tol Jakarta-Cikampek KM 21", 107.0500, -6.2700, 0.004, None, 1, 2, "flooded near GT Tambun"),
    ("Tol Jakarta-Cikampek KM 27", 107.1060, -6.2950, 0.004, None, 1, 2, "flooded near GT Cibitung/Cikarang Barat"),
    (
        "Tol Jakarta-Tangerang KM 3+900-4+400 Tomang",
        106.7660,
        -6.1860,
        0.004,
        0.5,
        1,
        2,
        "40-50 cm; closed both directions from Simpang Tomang, still closed 2 Jan 14:30",
    ),
    (
        "Simpang Susun Cawang tunnels",
        106.8710,
        -6.2455,
        0.003,
        None,
        1,
        2,
        "tunnels towards Jagorawi and towards Tanjung Priok flooded; traffic rerouted",
    ),
    (
        "Jalan Daan Mogot at Satpas SIM (Cengkareng-Grogol)",
        106.7390,
        -6.1550,
        0.004,
        0.3,
        1,
        3,
        "30 cm; still closed towards Grogol at 11:30 on 3 Jan",
    ),
]

# BPBD flood-prone kelurahan (SOURCES 5c): name, kota, lon, lat; depth = the kota's peak on 3 Jan 2020
KOTA_PEAK_M = {"Jakarta Timur": 3.1, "Jakarta Barat": 2.0, "Jakarta Selatan": 2.0, "Jakarta Utara": 1.0}
KELURAHAN = [
    ("Kampung Melayu", "Jakarta Timur"),
    ("Bidara Cina", "Jakarta Timur"),
    ("Cawang", "Jakarta Timur"),
    ("Cililitan", "Jakarta Timur"),
    ("Cipinang Melayu", "Jakarta Timur"),
    ("Makasar", "Jakarta Timur"),
    ("Rambutan", "Jakarta Timur"),
    ("Pluit", "Jakarta Utara"),
    ("Penjaringan", "Jakarta Utara"),
    ("Pademangan Barat", "Jakarta Utara"),
    ("Tegal Alur", "Jakarta Barat"),
    ("Kedoya Utara", "Jakarta Barat"),
    ("Kedoya Selatan", "Jakarta Barat"),
    ("Kembangan Utara", "Jakarta Barat"),
    ("Rawajati", "Jakarta Selatan"),
    ("Pejaten Timur", "Jakarta Selatan"),
    ("Cipulir", "Jakarta Selatan"),
    ("Ulujami", "Jakarta Selatan"),
    ("Pondok Pinang", "Jakarta Selatan"),
]


def rectangle(lon: float, lat: float, half: float) -> dict:
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
    return {"type": "Polygon", "coordinates": [[[round(x, 5), round(y, 5)] for x, y in ring]]}


def kelurahan_polygons() -> dict[tuple[str, str], dict]:
    """{(kelurahan, kota): GeoJSON geometry} of the bundled kelurahan layer."""
    doc = json.loads(KELURAHAN_LAYER.read_text(encoding="utf-8"))
    return {(f["properties"]["kelurahan"], f["properties"]["kota"]): f["geometry"] for f in doc["features"]}


def rounded(geometry: dict) -> dict:
    return mapping(shapely.set_precision(shape(geometry), 1e-5))


def features() -> list[dict]:
    out = []
    for name, lon, lat, half, depth, start, end, note in ROADS:
        props = {"name": name, "kind": "road", "start_day": start, "end_day": end, "note": note}
        props |= {} if depth is None else {"depth_m": depth}
        out.append({"type": "Feature", "properties": props, "geometry": rectangle(lon, lat, half)})
    polygons = kelurahan_polygons()
    for name, kota in KELURAHAN:
        props = {
            "name": f"Kel. {name}",
            "kind": "kelurahan",
            "kota": kota,
            "depth_m": KOTA_PEAK_M[kota],
            "start_day": 1,
            "end_day": 3,
            "note": "BPBD flood-prone kelurahan (its whole area); depth = kota peak on 3 Jan",
        }
        out.append({"type": "Feature", "properties": props, "geometry": rounded(polygons[(name, kota)])})
    return out


def main() -> None:
    collection = {
        "type": "FeatureCollection",
        "name": "Banjir Jakarta 1 Januari 2020 (roads approximate, kelurahan as mapped)",
        "features": features(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, indent=1)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{len(collection['features'])} features -> {OUT.name}")


if __name__ == "__main__":
    main()
