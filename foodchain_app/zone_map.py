"""The shortfall map: zone polygons in classed colours over a light offline base (sea, land,
kota outlines, main corridors), with names as labels and a tooltip of the zone's figures.

Nothing here fetches from the internet: no map style, no tiles, no web fonts (labels use the
browser's own monospace font).
"""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from foodchain import fmt
from foodchain.boundaries import MapLayers
from foodchain.geo import polygon_rings, route_paths
from foodchain.model.dataset import Dataset
from foodchain.zonemap import CLASSES, NO_DEMAND, areas, bounds, class_entry, outlying
from foodchain_app.i18n import lang, t
from foodchain_app.maps import offline_deck, view_for

SEA_RGB, LAND_RGB = [200, 222, 240], [250, 249, 244]
KOTA_LINE_RGB, CORRIDOR_RGB = [70, 70, 70, 220], [120, 120, 120, 150]
PIXELS = pdk.types.String("pixels")  # a literal: pydeck reads a bare string as a data expression
LOCAL_CORRIDOR_PREFIX = "Distribusi"  # last-mile routes: left off the base layer


def _polygons(geoms, fill: list[int], **columns) -> pd.DataFrame:
    rows = []
    for i, geom in enumerate(geoms):
        for ring in polygon_rings(geom):
            rows.append({"polygon": ring, "fill": fill} | {k: v[i] for k, v in columns.items()})
    return pd.DataFrame(rows, columns=["polygon", "fill", *columns])


def polygon_layer(frame: pd.DataFrame, pickable: bool = False, stroke: list[int] | None = None) -> pdk.Layer:
    return pdk.Layer(
        "PolygonLayer",
        frame,
        get_polygon="polygon",
        get_fill_color="fill",
        get_line_color=stroke or [0, 0, 0, 0],
        line_width_min_pixels=1 if stroke else 0,
        stroked=stroke is not None,
        filled=True,
        pickable=pickable,
    )


def base_layers(layers: MapLayers) -> list[pdk.Layer]:
    """Sea and land (kota) as flat colours: context without tiles."""
    out = []
    if layers.sea:
        out.append(polygon_layer(_polygons(layers.sea, SEA_RGB)))
    if len(layers.kota):
        out.append(polygon_layer(_polygons(list(layers.kota["geometry"]), LAND_RGB)))
    return out


def outline_layers(layers: MapLayers, dataset: Dataset) -> list[pdk.Layer]:
    """Kota outlines and the main corridors: routes drawn with their own path (a WKT geometry) that
    are not last-mile distribution; a two-way road is drawn once."""
    out = []
    routes = dataset.routes
    drawn = routes["geometry"].fillna("").astype(str).str.strip() != "" if "geometry" in routes else False
    main = routes[drawn & ~routes["corridor"].fillna("").str.startswith(LOCAL_CORRIDOR_PREFIX)]
    paths = list({str(sorted(map(tuple, p))): p for p in route_paths(dataset.nodes, main) if p}.values())
    if paths:
        frame = pd.DataFrame({"path": paths})
        out.append(
            pdk.Layer("PathLayer", frame, get_path="path", get_color=CORRIDOR_RGB, get_width=2, width_units=PIXELS)
        )
    return out + kota_lines(layers)


def kota_lines(layers: MapLayers) -> list[pdk.Layer]:
    """The kota borders as dark lines (none when the layer is empty)."""
    if not len(layers.kota):
        return []
    frame = pd.DataFrame({"path": [ring for g in layers.kota["geometry"] for ring in polygon_rings(g)]})
    return [pdk.Layer("PathLayer", frame, get_path="path", get_color=KOTA_LINE_RGB, get_width=1, width_units=PIXELS)]


def tooltip_text(row, start_date: str | None) -> str:
    """The zone's figures, one per line, in the chosen language."""
    lg = lang()
    lines = [
        f"{t('tip_demand')}: {fmt.tonnes(row.demand_t, lg)}",
        f"{t('tip_delivered')}: {fmt.tonnes(row.delivered_t, lg)}",
        f"{t('tip_shortfall')}: {fmt.tonnes(row.shortfall_t, lg)} ({fmt.percent(row.share_unmet, lg)})",
        f"{t('people_affected')}: {fmt.number(row.people_affected, lg)}",
    ]
    day = getattr(row, "day", None)
    if day is not None and not pd.isna(day):
        lines.append(f"{t('tip_day')}: {fmt.day_label(int(day), start_date, lg)}")
    return "\n".join(lines)


def zone_layers(figures: pd.DataFrame, start_date: str | None = None) -> list[pdk.Layer]:
    """Zones filled by class (pickable, with tooltip text) and their names as labels."""
    fills = [list(class_entry(int(c))[1]) + [225] for c in figures["class"]]
    tips = [tooltip_text(r, start_date) for r in figures.itertuples(index=False)]
    polys = []
    for geom, fill, name, tip in zip(figures["geometry"], fills, figures["name"], tips, strict=True):
        polys += [{"polygon": ring, "fill": fill, "name": name, "tip": tip} for ring in polygon_rings(geom)]
    points = [
        max(getattr(g, "geoms", [g]), key=lambda part: part.area).representative_point() for g in figures["geometry"]
    ]
    labels = pd.DataFrame({"name": figures["name"], "lon": [p.x for p in points], "lat": [p.y for p in points]})
    return [
        polygon_layer(pd.DataFrame(polys, columns=["polygon", "fill", "name", "tip"]), True, [110, 110, 110, 200]),
        text_layer(labels, "name", 10, [20, 20, 20, 235], [255, 255, 255, 150]),
    ]


def text_layer(frame: pd.DataFrame, column: str, size_px: int, colour: list, background: list, **extra) -> pdk.Layer:
    """Labels from ``frame[column]`` at its lon/lat, on a background box, in the browser's sans-serif."""
    return pdk.Layer(
        "TextLayer",
        frame,
        get_position=["lon", "lat"],
        get_text=column,
        get_size=size_px,
        size_units=PIXELS,
        get_color=colour,
        background=True,
        get_background_color=background,
        background_padding=[2, 1],
        font_family=pdk.types.String("sans-serif"),
        **extra,
    )


def area_names(shapes: pd.DataFrame) -> list[tuple[str, pd.Index]]:
    """(label, zone index) of each area of zones, the main one first (labelled "city")."""
    groups = areas(shapes)
    if not groups:
        return []
    return [(t("map_area_city"), groups[0]), *outlying(shapes, groups[1:]).items()]


def area_view(shapes: pd.DataFrame, idx: pd.Index | None, height_px: int) -> pdk.ViewState:
    """A view fitting the zones ``idx`` (all when ``None``)."""
    chosen = shapes if idx is None else shapes.loc[idx]
    lon0, lat0, lon1, lat1 = bounds(chosen)
    corners = pd.DataFrame({"lon": [lon0, lon1], "lat": [lat0, lat1]})
    return view_for(corners, width_px=1000, height_px=height_px)


def shortfall_deck(
    figures: pd.DataFrame,
    layers: MapLayers,
    dataset: Dataset,
    view: pdk.ViewState,
    start_date: str | None = None,
) -> pdk.Deck:
    """The readable shortfall map (see the module docstring)."""
    stack = base_layers(layers) + zone_layers(figures, start_date)
    stack = stack[:-1] + outline_layers(layers, dataset) + stack[-1:]  # labels on top
    return offline_deck(stack, view, "{name}\n{tip}")


def class_legend() -> str:
    """HTML legend: a swatch per class of share unmet, plus "no demand"."""
    entries = [*CLASSES, NO_DEMAND]
    idx = 2 if lang() == "id" else 3
    items = [
        f'<span style="display:inline-block;width:18px;height:12px;background:rgb{tuple(c[1])};'
        f'border:1px solid #888;vertical-align:middle;margin-right:4px"></span>{c[idx]}'
        for c in entries
    ]
    return f'<div style="font-size:0.9em"><b>{t("share_unmet_legend")}</b> &nbsp; ' + " &nbsp; ".join(items) + "</div>"
