"""Write sample_data/jakarta/boundaries/: kecamatan, kelurahan, kota and sea shapes for the maps.

Input: the reference boundaries (``kecamatan_41.geojson``, ``kelurahan_253.geojson``,
``kota_5.geojson``; provenance in their README and in ``sample_data/jakarta/SOURCES.md``).
Output (WGS84 lon/lat, coordinates rounded to 1e-5 degrees, one feature per line):

- ``kecamatan.geojson``: one polygon per demand zone of the sample (44), property ``node_id``
  matching ``nodes.csv``. Tebet, missing from the source, is the largest piece of Jakarta
  Selatan minus its other kecamatan; the second largest piece is kelurahan Setia Budi, which is
  also missing and is added back to Setiabudi. The two Kepulauan Seribu kecamatan are drawn
  as schematic island shapes (ellipses at the islands' positions) [EST].
- ``kelurahan.geojson``: the 253 kelurahan plus the recovered Setia Budi (for flood replays).
- ``kota.geojson``: the five mainland kota plus Kepulauan Seribu (union of its islands).
- ``sea.geojson``: a schematic Java Sea north of the coast (the mainland kota cut away) [EST].

Run from the repository root: ``python scripts/make_boundaries.py [REFERENCE_FOLDER]``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pandas as pd
import shapely
from shapely import affinity
from shapely.geometry import Point, Polygon, mapping, shape

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "sample_data" / "jakarta" / "boundaries"
REFERENCE = ROOT.parent / "shared" / "reference" / "jakarta" / "boundaries"
SIMPLIFY_DEG = 0.0002  # ~22 m: finer than any kecamatan, keeps the files small

# Kepulauan Seribu islands [EST]: kecamatan, island, lon, lat, half-length (deg), half-width (deg), angle (deg)
ISLANDS = [
    ("Kepulauan Seribu Selatan", "Pulau Tidung", 106.507, -5.797, 0.014, 0.0030, 0),
    ("Kepulauan Seribu Selatan", "Pulau Pari", 106.617, -5.858, 0.012, 0.0030, -15),
    ("Kepulauan Seribu Selatan", "Pulau Untung Jawa", 106.706, -5.977, 0.0050, 0.0035, 0),
    ("Kepulauan Seribu Selatan", "Pulau Lancang", 106.585, -5.930, 0.0040, 0.0025, 30),
    ("Kepulauan Seribu Utara", "Pulau Pramuka", 106.614, -5.745, 0.0045, 0.0030, 70),
    ("Kepulauan Seribu Utara", "Pulau Panggang", 106.600, -5.742, 0.0030, 0.0025, 0),
    ("Kepulauan Seribu Utara", "Pulau Kelapa", 106.571, -5.655, 0.0060, 0.0030, 60),
    ("Kepulauan Seribu Utara", "Pulau Harapan", 106.578, -5.650, 0.0035, 0.0020, 0),
    ("Kepulauan Seribu Utara", "Pulau Sebira", 106.465, -5.203, 0.0045, 0.0030, 0),
]
# The sea's southern edge [EST]: west Tangerang coast, inland behind Jakarta's coast (the kota are cut away),
# east Bekasi coast up to Muara Gembong.
SEA = [
    (106.20, -4.90),
    (107.45, -4.90),
    (107.45, -5.93),
    (107.03, -5.93),
    (106.975, -6.105),
    (106.97, -6.17),
    (106.70, -6.17),
    (106.69, -6.09),
    (106.62, -6.03),
    (106.40, -5.98),
    (106.20, -5.98),
]


def key(name: str) -> str:
    """A spelling-proof key: 'Kramat Jati', 'Kramatjati' and 'KRAMAT-JATI' all give 'kramatjati'."""
    return re.sub(r"[^a-z]", "", name.lower())


def read(path: Path) -> list[tuple[dict, shapely.Geometry]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return [(f["properties"], shapely.make_valid(shape(f["geometry"]))) for f in doc["features"]]


def parts(geom) -> list:
    return sorted(getattr(geom, "geoms", [geom]), key=lambda g: -g.area)


def recovered(kecamatan: list, kota: dict) -> tuple:
    """(Tebet, kelurahan Setia Budi): the two largest pieces of Jakarta Selatan minus its listed kecamatan."""
    others = shapely.union_all([g for p, g in kecamatan if p["kota"] == "Jakarta Selatan"])
    pieces = parts(kota["Jakarta Selatan"].difference(others))
    return pieces[0], pieces[1]


def islands() -> dict[str, shapely.Geometry]:
    """Kepulauan Seribu kecamatan as unions of schematic island ellipses."""
    out: dict[str, list] = {}
    for kec, _, lon, lat, half_len, half_wid, angle in ISLANDS:
        ellipse = affinity.scale(Point(lon, lat).buffer(1.0, 16), half_len, half_wid)
        out.setdefault(kec, []).append(affinity.rotate(ellipse, angle))
    return {kec: shapely.union_all(shapes) for kec, shapes in out.items()}


def tidy(geom, tolerance: float = SIMPLIFY_DEG):
    geom = shapely.make_valid(geom.simplify(tolerance, preserve_topology=True))
    geom = shapely.set_precision(geom, 1e-5)
    polys = [g for g in parts(geom) if g.geom_type == "Polygon" and not g.is_empty]
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)


def feature(props: dict, geom) -> str:
    return json.dumps({"type": "Feature", "properties": props, "geometry": mapping(geom)}, ensure_ascii=False)


def write(name: str, features: list[str]) -> None:
    text = '{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n"
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{len(features)} features, {len(text) / 1024:.0f} KiB -> {name}")


def zone_features(kecamatan: list, kota: dict, tebet, setia_budi) -> list[str]:
    """One feature per market of nodes.csv that names a kecamatan."""
    nodes = pd.read_csv(ROOT / "sample_data" / "jakarta" / "nodes.csv", keep_default_na=False)
    shapes = {key(p["kecamatan"]): (p, g) for p, g in kecamatan}
    shapes["tebet"] = ({"kecamatan": "Tebet", "kota": "Jakarta Selatan"}, tebet)
    setiabudi_props, setiabudi = shapes["setiabudi"]
    shapes["setiabudi"] = (setiabudi_props, setiabudi.union(setia_budi.buffer(1e-5)))
    for kec, geom in islands().items():
        shapes[key(kec)] = ({"kecamatan": kec, "kota": "Kepulauan Seribu"}, geom)
    source = {
        "tebet": "recovered: Jakarta Selatan minus its other kecamatan",
        "setiabudi": "kelurahan Setia Budi recovered",
    }
    out = []
    for r in nodes[nodes["node_id"].str.startswith("KEC-")].itertuples(index=False):
        props, geom = shapes[key(r.name)]
        note = source.get(key(r.name), "schematic islands [EST]" if props["kota"] == "Kepulauan Seribu" else "")
        fields = {"node_id": r.node_id, "name": r.name, "kota": props["kota"], "note": note}
        out.append(feature(fields, tidy(geom, 0 if props["kota"] == "Kepulauan Seribu" else SIMPLIFY_DEG)))
    return out


def main(reference: Path = REFERENCE) -> None:
    kecamatan = read(reference / "kecamatan_41.geojson")
    kelurahan = read(reference / "kelurahan_253.geojson")
    kota = {p["kota"]: g for p, g in read(reference / "kota_5.geojson")}
    tebet, setia_budi = recovered(kecamatan, kota)
    OUT.mkdir(parents=True, exist_ok=True)
    write("kecamatan.geojson", zone_features(kecamatan, kota, tebet, setia_budi))
    kel = [
        feature({k: p[k] for k in ("kelurahan", "kecamatan", "kota")}, tidy(g, 0.0001))
        for p, g in sorted(kelurahan, key=lambda pg: (pg[0]["kota"], pg[0]["kecamatan"], pg[0]["kelurahan"]))
    ]
    kel.append(
        feature({"kelurahan": "Setia Budi", "kecamatan": "Setiabudi", "kota": "Jakarta Selatan"}, tidy(setia_budi))
    )
    write("kelurahan.geojson", kel)
    seribu = tidy(shapely.union_all(list(islands().values())), 0)
    kota = {k: tidy(g) for k, g in sorted(kota.items())} | {"Kepulauan Seribu": seribu}
    write("kota.geojson", [feature({"kota": k}, g) for k, g in kota.items()])
    land = shapely.union_all(list(kota.values()))
    sea = tidy(parts(Polygon(SEA).difference(land))[0], 0.0005)  # simplified, then cut again: no overlap
    write("sea.geojson", [feature({"name": "Laut Jawa (schematic)"}, tidy(sea.difference(land), 0))])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REFERENCE)
