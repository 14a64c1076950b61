"""pydeck maps drawn without a basemap (no internet needed): network and zone maps."""

from __future__ import annotations

import json
import math
import urllib.parse

import numpy as np
import pandas as pd
import pydeck as pdk

from foodchain import fmt
from foodchain.geo import located, polygon_rings
from foodchain.model.dataset import Dataset
from foodchain.optimize.targets import node_ids, routes_touching
from foodchain.zonemap import areas
from foodchain_app.i18n import lang, t

KIND_COLOURS = {"source": [46, 139, 87], "hub": [230, 126, 34], "market": [52, 101, 164]}
KIND_RADIUS = {"source": 1800, "hub": 1200, "market": 500}


def view_for(
    points: pd.DataFrame, paths: list | None = None, width_px: int = 900, height_px: int = 460
) -> pdk.ViewState:
    """A view centred on the points (and route paths), zoomed so that they all fit a map of about this size."""
    coords = [(float(a), float(b)) for a, b in zip(points["lon"], points["lat"], strict=True)] if len(points) else []
    coords += [(float(x), float(y)) for path in paths or [] if path for x, y in path]
    if not coords:
        return pdk.ViewState(latitude=-6.2, longitude=106.85, zoom=9)
    lon, lat = np.array(coords).T
    lon_span, lat_span = max(float(np.ptp(lon)), 0.01), max(float(np.ptp(lat)), 0.01)
    # deck.gl: at zoom z the world is 512 * 2**z pixels wide
    zoom = min(math.log2(width_px * 360 / (512 * lon_span)), math.log2(height_px * 360 / (512 * lat_span))) - 0.5
    mid_lat, mid_lon = (lat.max() + lat.min()) / 2, (lon.max() + lon.min()) / 2
    return pdk.ViewState(latitude=float(mid_lat), longitude=float(mid_lon), zoom=max(min(zoom, 14), 3))


def place_layer(pts: pd.DataFrame, min_px: int, max_px: int, outlined: bool = False) -> pdk.Layer:
    """Places as dots: ``pts`` has lon, lat, colour, radius (m), label and capacity (for the tooltip)."""
    outline = {"stroked": True, "get_line_color": [255, 255, 255], "line_width_min_pixels": 1} if outlined else {}
    return pdk.Layer(
        "ScatterplotLayer",
        pts[["lon", "lat", "colour", "radius", "label", "capacity"]],
        get_position=["lon", "lat"],
        get_fill_color="colour",
        get_radius="radius",
        radius_min_pixels=min_px,
        radius_max_pixels=max_px,
        pickable=True,
        **outline,
    )


def city_view(nodes: pd.DataFrame) -> pdk.ViewState:
    """A view on the city's hubs and markets between the 5th and 95th percentile of lat and lon,
    so far sources and outlying islands are off the edge (zoom out to see them)."""
    city = located(nodes[nodes["kind"] != "source"])
    if len(city) >= 20:
        inside = pd.Series(True, index=city.index)
        for axis in ("lat", "lon"):
            low, high = city[axis].quantile([0.05, 0.95])
            inside &= city[axis].between(low, high)
        city = city[inside]
    return view_for(city if len(city) else located(nodes))


# A map style with no sources: just a white background. Streamlit fills a missing style with a CDN
# basemap (a request to the internet on every map page); an inline style as a data: URL loads nothing.
OFFLINE_STYLE = {
    "version": 8,
    "sources": {},
    "layers": [{"id": "bg", "type": "background", "paint": {"background-color": "#ffffff"}}],
}
OFFLINE_STYLE_URL = "data:application/json;charset=utf-8," + urllib.parse.quote(json.dumps(OFFLINE_STYLE))


def offline_deck(layers: list, view: pdk.ViewState, tooltip: str) -> pdk.Deck:
    """A deck with no basemap from the internet (see ``OFFLINE_STYLE``); ``tooltip`` is plain text."""
    return pdk.Deck(
        layers=layers,
        initial_view_state=view,
        map_provider=None,
        map_style=OFFLINE_STYLE_URL,
        tooltip={"text": tooltip},
    )


_deck = offline_deck


SHARE_STOPS = [
    (0.0, (245, 245, 245)),
    (0.001, (255, 237, 160)),
    (0.25, (254, 178, 76)),
    (0.5, (240, 59, 32)),
    (1.0, (128, 0, 38)),
]
DIFF_STOPS = [
    (-1.0, (33, 102, 172)),
    (-0.001, (209, 229, 240)),
    (0.0, (245, 245, 245)),
    (0.001, (253, 219, 199)),
    (0.5, (214, 96, 77)),
    (1.0, (103, 0, 31)),
]


def _ramp(value: float, stops: list) -> list[int]:
    """Linear interpolation between colour ``stops`` [(value, rgb)], clipped to their range."""
    v = min(max(float(value), stops[0][0]), stops[-1][0])
    for (a, ca), (b, cb) in zip(stops, stops[1:]):
        if v <= b:
            w = 0.0 if b == a else (v - a) / (b - a)
            return [round(x + (y - x) * w) for x, y in zip(ca, cb, strict=True)] + [215]
    return list(stops[-1][1]) + [215]


def share_colour(share: float) -> list[int]:
    """Light grey (all met), then yellow (a little unmet) through orange to deep red (all unmet)."""
    return _ramp(0.0 if pd.isna(share) else share, SHARE_STOPS)


def diff_colour(diff: float) -> list[int]:
    """Blue where the scenario is better than the baseline, red where worse, grey equal."""
    return _ramp(0.0 if pd.isna(diff) else diff, DIFF_STOPS)


def _css(rgb) -> str:
    return f"rgb({rgb[0]},{rgb[1]},{rgb[2]})"


def kind_legend(with_width: bool = False) -> str:
    """HTML legend of the network map: a dot per kind of place (and what line width means)."""
    items = [
        f'<span style="color:{_css(c)};font-size:1.3em">●</span> {t("kind_" + k + "s")}'
        for k, c in KIND_COLOURS.items()
    ]
    width = f" &nbsp; <b>—</b> {t('legend_width')}" if with_width else ""
    return '<div style="font-size:0.9em">' + " &nbsp; ".join(items) + width + "</div>"


def ramp_legend(stops: list, low: str, high: str) -> str:
    """HTML colour bar from ``low`` to ``high`` for a zone map."""
    colours = ", ".join(_css(_ramp(v, stops)) for v in np.linspace(stops[0][0], stops[-1][0], 11))
    bar = f'<span style="display:inline-block;width:220px;height:12px;background:linear-gradient(to right, {colours});'
    bar += 'vertical-align:middle;border:1px solid #999;margin:0 6px"></span>'
    return f'<div style="font-size:0.9em">{low}{bar}{high}</div>'


def zones_deck(
    dataset: Dataset,
    zones: pd.DataFrame,
    values: pd.DataFrame,
    value: str,
    colour=share_colour,
    label: str = "{name}\n{text}",
) -> pdk.Deck:
    """Zone polygons (``zones``: node_id, geometry) coloured by ``values[value]`` (joined on node_id)."""
    frame = zones.merge(values, on="node_id", how="left")
    rows = []
    for r in frame.itertuples(index=False):
        v = getattr(r, value)
        name = getattr(r, "name", None) if isinstance(getattr(r, "name", None), str) else r.node_id
        for ring in polygon_rings(r.geometry):
            text = "" if pd.isna(v) else fmt.percent(v, lang(), 0)
            rows.append({"polygon": ring, "fill": colour(v), "name": name, "text": text, "node_id": r.node_id})
    polys = pd.DataFrame(rows, columns=["polygon", "fill", "name", "text", "node_id"])
    pts = located(dataset.nodes, zones["node_id"])
    layers = [
        pdk.Layer(
            "PolygonLayer",
            polys,
            get_polygon="polygon",
            get_fill_color="fill",
            get_line_color=[90, 90, 90],
            line_width_min_pixels=1,
            stroked=True,
            filled=True,
            pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            pts[["lon", "lat"]],
            get_position=["lon", "lat"],
            get_fill_color=[40, 40, 40],
            get_radius=150,
            radius_min_pixels=2,
        ),
    ]
    main = zones.loc[areas(zones)[0]] if len(zones) else zones  # open on the main area, not the islands
    shown = polys[polys["node_id"].isin(set(main["node_id"]))]
    return _deck(layers, view_for(pts.iloc[:0], shown["polygon"].tolist()), label)


def filter_network(dataset: Dataset, commodities: list[str], regions: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes, routes) to draw: places that supply, stock or need ``commodities`` (hubs always),
    in ``regions``, and the routes that touch them. Empty lists filter nothing."""
    nodes = dataset.nodes
    if commodities:
        active = {
            nid
            for table in (dataset.supply, dataset.demand, dataset.stock)
            for nid in table.loc[table["commodity"].isin(commodities), "node_id"]
        }
        active |= set(nodes.loc[nodes["kind"] == "hub", "node_id"])
        nodes = nodes[nodes["node_id"].isin(active)]
    if regions:
        nodes = nodes[nodes["node_id"].isin(node_ids(dataset, regions=regions))]
    return nodes, dataset.routes[routes_touching(dataset, set(nodes["node_id"]))]
