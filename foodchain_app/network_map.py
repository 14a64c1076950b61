"""Readable network and criticality maps: a corridor is one path, last-mile routes are a layer of
their own, width shows tonnes moved, and the ten most critical items carry their rank.

A route is *last mile* when it runs from a hub to a market (the hub-to-kecamatan distribution);
every other route belongs to its corridor (a route without a corridor is its own). A corridor's
routes are merged into as few lines as their geometry allows (``shapely.line_merge``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pydeck as pdk
import shapely

from foodchain import fmt
from foodchain.boundaries import MapLayers
from foodchain.geo import located, polygon_rings
from foodchain.model.dataset import Dataset
from foodchain.optimize.disruptions import closure, touched
from foodchain.optimize.flood_geometry import route_geometries
from foodchain_app.i18n import lang, t
from foodchain_app.maps import KIND_COLOURS, KIND_RADIUS, city_view, offline_deck, place_layer
from foodchain_app.zone_map import PIXELS, base_layers, kota_lines, polygon_layer, text_layer

LAYERS = ("sources", "hubs", "markets", "corridors", "last_mile")
CORRIDOR_RGB, LAST_MILE_RGB, TOP_RGB = [90, 90, 110, 200], [150, 150, 150, 90], [200, 30, 30, 235]


def route_groups(dataset: Dataset, routes: pd.DataFrame) -> pd.Series:
    """Per route: its group name — the corridor, the route id for a route without one, or ``""``
    for last-mile (hub to market) routes."""
    kind = dataset.nodes.set_index("node_id")["kind"]
    last_mile = (routes["origin"].map(kind) == "hub") & (routes["destination"].map(kind) == "market")
    corridor = routes["corridor"].fillna("").astype(str)
    group = corridor.where(corridor != "", routes["route_id"])
    return group.where(~last_mile, "")


def _paths(geom) -> list[list[list[float]]]:
    parts = getattr(geom, "geoms", [geom])
    return [[[round(x, 5), round(y, 5)] for x, y in p.coords] for p in parts if p.geom_type == "LineString"]


def corridor_frame(dataset: Dataset, routes: pd.DataFrame, moved_t: pd.Series) -> pd.DataFrame:
    """One row per drawn line of each corridor: path, group, label, tonnes (moved on the corridor's
    routes, t/day) and width (px, by the square root of tonnes, 1.5-12 px)."""
    geoms = pd.Series(route_geometries(dataset)[0], index=dataset.routes["route_id"]).reindex(routes["route_id"])
    frame = pd.DataFrame({"group": route_groups(dataset, routes).to_numpy(), "geom": geoms.to_numpy()})
    frame["t"] = routes["route_id"].map(moved_t).fillna(0.0).to_numpy()
    frame = frame[(frame["group"] != "") & frame["geom"].notna()]
    rows = []
    for group, part in frame.groupby("group", sort=False):
        merged = shapely.line_merge(shapely.union_all(list(part["geom"])))
        for path in _paths(merged):
            rows.append({"group": group, "path": path, "t": float(part["t"].sum())})
    out = pd.DataFrame(rows, columns=["group", "path", "t"])
    top = max(float(out["t"].max()) if len(out) else 0.0, 1e-9)
    out["width"] = 1.5 + 10.5 * np.sqrt(out["t"] / top)
    out["label"] = out["group"] + "\n" + out["t"].map(lambda v: f"{fmt.number(v, lang())} t/{t('per_day_unit')}")
    return out


def last_mile_frame(dataset: Dataset, routes: pd.DataFrame) -> pd.DataFrame:
    """The hub-to-market routes as thin straight lines (path, label)."""
    groups = route_groups(dataset, routes)
    mile = routes[groups == ""]
    pos = located(dataset.nodes).set_index("node_id")[["lon", "lat"]]
    mile = mile[mile["origin"].isin(pos.index) & mile["destination"].isin(pos.index)]
    names = dataset.node_names()
    return pd.DataFrame(
        {
            "path": [[pos.loc[o].tolist(), pos.loc[d].tolist()] for o, d in zip(mile["origin"], mile["destination"])],
            "label": (mile["origin"].map(names) + " → " + mile["destination"].map(names)).to_numpy(),
        }
    )


def _line_layer(frame: pd.DataFrame, colour, width) -> pdk.Layer:
    return pdk.Layer(
        "PathLayer",
        frame,
        get_path="path",
        get_color=colour,
        get_width=width,
        width_units=PIXELS,
        pickable=True,
        cap_rounded=True,
        joint_rounded=True,
    )


def _places(dataset: Dataset, nodes: pd.DataFrame, shown: set[str]) -> pd.DataFrame:
    kinds = {"sources": "source", "hubs": "hub", "markets": "market"}
    keep = {kinds[k] for k in shown if k in kinds}
    pts = located(nodes[nodes["kind"].isin(keep)]).copy()
    pts["colour"] = pts["kind"].map(KIND_COLOURS)
    pts["radius"] = pts["kind"].map(KIND_RADIUS)
    pts["label"] = pts["node_id"].map(dataset.node_names())
    pts["capacity"] = pts["kind"].map(lambda k: t("kind_" + k))
    return pts


def network_deck(
    dataset: Dataset,
    nodes: pd.DataFrame,
    routes: pd.DataFrame,
    moved_t: pd.Series,
    shown: set[str],
    base: MapLayers | None = None,
) -> pdk.Deck:
    """The network map with the layers in ``shown`` (names in ``LAYERS``) over the ``base`` shapes."""
    layers = base_layers(base) + kota_lines(base) if base is not None else []
    if "last_mile" in shown:
        layers.append(_line_layer(last_mile_frame(dataset, routes), LAST_MILE_RGB, 1))
    if "corridors" in shown:
        layers.append(_line_layer(corridor_frame(dataset, routes, moved_t), CORRIDOR_RGB, "width"))
    pts = _places(dataset, nodes, shown)
    if len(pts):
        layers.append(place_layer(pts, 3, 14, outlined=True))
    return offline_deck(layers, city_view(nodes), "{label}")


def spread(frame: pd.DataFrame, step_deg: float = 0.012) -> pd.DataFrame:
    """Labels that share a spot (several last-mile groups of one hub) moved apart in a column below it."""
    spot = frame["lon"].round(3).astype(str) + "," + frame["lat"].round(3).astype(str)
    return frame.assign(lat=frame["lat"] - step_deg * spot.groupby(spot).cumcount().to_numpy())


def rank_labels(frame: pd.DataFrame) -> pdk.Layer:
    """Rank numbers ("1".."10") at ``frame``'s lon/lat, white on the item's colour."""
    return text_layer(frame, "rank", 13, [255, 255, 255, 255], TOP_RGB, font_weight=700)


def served_area(dataset: Dataset, routes: pd.DataFrame, base: MapLayers | None):
    """The area last-mile ``routes`` serve: the union of their markets' zone polygons when the map
    has zones, else the convex hull of the markets (slightly padded); ``None`` without coordinates."""
    markets = set(routes["destination"])
    if base is not None and len(base.zones):
        shapes = base.zones.loc[base.zones["node_id"].isin(markets), "geometry"]
        if len(shapes):
            return shapely.union_all(list(shapes))
    pts = located(dataset.nodes, sorted(markets))
    if not len(pts):
        return None
    return shapely.MultiPoint(pts[["lon", "lat"]].to_numpy()).convex_hull.buffer(0.005)


def criticality_deck(dataset: Dataset, table: pd.DataFrame, top: int = 10, base: MapLayers | None = None) -> pdk.Deck:
    """Corridors, routes or places ranked by the shortfall their loss adds (``table``: target, kind,
    added_shortfall_t, rank). Every corridor is drawn grey; the ``top`` most critical in red, width
    by added shortfall, labelled with their rank. A critical group of last-mile routes (hub to
    kecamatan) is drawn as the area it serves (:func:`served_area`), not as a fan of lines."""
    best = table.sort_values("added_shortfall_t", ascending=False).head(top)
    best = best[best["added_shortfall_t"] > 1e-9].assign(rank=lambda f: [str(i) for i in range(1, len(f) + 1)])
    kind = table["kind"].iloc[0] if len(table) else "route"
    routes = dataset.routes
    grey = corridor_frame(dataset, routes, pd.Series(dtype=float)).assign(width=2)
    layers = (base_layers(base) + kota_lines(base) if base is not None else []) + [
        _line_layer(grey, [170, 170, 170, 160], 2)
    ]
    labels, areas = [], []
    if kind in ("route", "corridor") and len(best):
        worst = float(best["added_shortfall_t"].max())
        for r in best.itertuples(index=False):
            chosen = routes[touched(dataset, closure(kind, r.target))[0]]  # what the ranking closed
            text = f"#{r.rank} {r.target}\n+{fmt.number(r.added_shortfall_t, lang(), 1)} t"
            mark = {"rank": r.rank, "label": text}
            if (route_groups(dataset, chosen) == "").mean() >= 0.5:  # last mile: the area it serves
                area = served_area(dataset, chosen, base)
                if area is None:
                    continue
                spot = area.representative_point()
                areas += [{"polygon": ring, **mark} for ring in polygon_rings(area)]
                labels.append({"path": [], "width": 0, "colour": TOP_RGB, "lon": spot.x, "lat": spot.y, **mark})
                continue
            geoms = [g for g in route_geometries(dataset)[0][chosen.index] if g is not None]
            if not geoms:
                continue
            line = shapely.line_merge(shapely.union_all(geoms))
            mid = line.interpolate(0.5, normalized=True) if line.geom_type == "LineString" else line.centroid
            width = 3 + 6 * r.added_shortfall_t / worst
            for path in _paths(line):
                labels.append(
                    {"path": path, "width": width, "colour": TOP_RGB[:3] + [190], "lon": mid.x, "lat": mid.y, **mark}
                )
        if areas:
            areas = pd.DataFrame(areas).assign(fill=[TOP_RGB[:3] + [55]] * len(areas))
            layers.append(polygon_layer(areas, pickable=True, stroke=TOP_RGB[:3] + [200]))
        frame = pd.DataFrame(labels, columns=["path", "width", "colour", "rank", "lon", "lat", "label"])
        layers.append(_line_layer(frame[frame["width"] > 0], "colour", "width"))
    pts = _places(dataset, dataset.nodes, {"sources", "hubs"})
    if kind == "node" and len(best):
        ranked = located(dataset.nodes, best["target"]).merge(best, left_on="node_id", right_on="target")
        ranked["label"] = (
            ranked["node_id"].map(dataset.node_names())
            + "\n+"
            + ranked["added_shortfall_t"].map(lambda v: f"{fmt.number(v, lang(), 1)} t")
        )
        layers.append(place_layer(pts.assign(colour=[[120, 120, 120, 160]] * len(pts)), 2, 8))
        ranked = ranked.assign(colour=[TOP_RGB] * len(ranked), radius=1500, capacity="")
        layers += [place_layer(ranked, 5, 16, outlined=True), rank_labels(ranked)]
    else:
        layers.append(place_layer(pts.assign(colour=[[120, 120, 120, 160]] * len(pts)), 2, 8))
        if labels:
            layers.append(rank_labels(spread(frame.drop_duplicates("rank"))))  # on top of the places
    return offline_deck(layers, city_view(dataset.nodes), "{label}")
