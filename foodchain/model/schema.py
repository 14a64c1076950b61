"""Column specifications: the single source of truth for the dataset format.

Each table of a dataset (DESIGN.md section 2) is described by a tuple of
:class:`ColumnSpec`. Loading fills defaults and dtypes from it, validation checks
against it, and the app draws its help text and download templates from it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from foodchain.model.limits import MAX_HORIZON_DAYS, MAX_SHELF_LIFE_DAYS

NODE_KINDS = ("source", "hub", "market")


@dataclass(frozen=True)
class ColumnSpec:
    """One column of one table.

    ``dtype`` is one of ``str``, ``float``, ``int``, ``kind``, ``wkt``, ``bool`` (true/false,
    yes/no, ya/tidak, 1/0) and ``ids`` (``;``-separated ids of the ``references`` table). ``minimum`` is
    the smallest allowed value (inclusive unless ``strict``). ``references`` names the
    table whose key this column must match (``nodes`` or ``commodities``). A
    ``default`` of ``None`` means "no value" (for numbers: unlimited or absent).
    """

    name: str
    dtype: str
    required: bool = False
    default: object = None
    unit: str = ""
    description: str = ""
    minimum: float | None = None
    strict: bool = False
    maximum: float | None = None  # inclusive; every number is also at most limits.MAX_VALUE
    references: str | None = None


def _c(name: str, dtype: str, description: str, **kw: object) -> ColumnSpec:
    return ColumnSpec(name=name, dtype=dtype, description=description, **kw)


NODES = (
    _c("node_id", "str", "unique id of the place", required=True),
    _c("kind", "kind", "source, hub or market (for display and defaults)", required=True),
    _c("name", "str", "display name (defaults to node_id)"),
    _c("lat", "float", "latitude, WGS84", unit="deg"),
    _c("lon", "float", "longitude, WGS84", unit="deg"),
    _c("region", "str", "kota or kabupaten, for grouping"),
    _c("population", "int", "people served here", unit="people", minimum=0),
    _c("vulnerability", "float", "multiplies the shortfall penalty here", default=1.0, minimum=0),
    _c(
        "throughput_t_per_day",
        "float",
        "most tonnes a day arriving, and most leaving, by route (blank: unlimited)",
        unit="t/day",
        minimum=0,
    ),
    _c(
        "storage_t",
        "float",
        "most tonnes held in stock (blank: unlimited for hubs, 0 otherwise)",
        unit="t",
        minimum=0,
    ),
    _c(
        "external",
        "bool",
        "true for demand outside the study area (e.g. buyers from outside the city): solved, "
        "but counted apart from the headline figures (blank: false)",
        default=False,
    ),
)

COMMODITIES = (
    _c("commodity", "str", "unique id of the commodity, e.g. rice", required=True),
    _c("name", "str", "display name, e.g. Beras"),
    _c(
        "shortfall_penalty_per_t",
        "float",
        "cost of one tonne of demand not met (blank: large enough that every deliverable tonne is delivered)",
        unit="Rp/t",
        minimum=0,
        strict=True,
    ),
    _c(
        "shelf_life_days",
        "int",
        "stock older than this is lost (blank: no limit)",
        unit="days",
        minimum=0,
        strict=True,
        maximum=MAX_SHELF_LIFE_DAYS,
    ),
    _c(
        "stock_value_per_t",
        "float",
        "cost of each tonne of initial stock not held again at the end of the horizon, i.e. of replacing it "
        "(blank: 0, stock is free to use); keep it below the shortfall penalty so stock is released before demand goes unmet",
        default=0.0,
        unit="Rp/t",
        minimum=0,
    ),
)

ROUTES = (
    _c("route_id", "str", "unique id of the route", required=True),
    _c("origin", "str", "node the route leaves from", required=True, references="nodes"),
    _c("destination", "str", "node the route arrives at", required=True, references="nodes"),
    _c("capacity_t_per_day", "float", "all commodities together (blank: unlimited)", unit="t/day", minimum=0),
    _c("cost_per_t", "float", "transport cost", default=0.0, unit="Rp/t", minimum=0),
    _c(
        "lead_time_days",
        "int",
        "tonnes leaving on day d arrive on day d + lead",
        default=0,
        unit="days",
        minimum=0,
        maximum=MAX_HORIZON_DAYS - 1,
    ),
    _c("distance_km", "float", "for display", unit="km", minimum=0),
    _c("mode", "str", "road, sea, rail ... for display"),
    _c("corridor", "str", "named group of routes that close together"),
    _c("geometry", "wkt", "WKT LINESTRING (lon lat) of the path (blank: straight line)"),
    _c(
        "commodities",
        "ids",
        "commodities this route may carry, separated by ; e.g. chicken;beef;eggs for a cold chain (blank: all)",
        references="commodities",
    ),
)

SUPPLY = (
    _c("node_id", "str", "where the supply enters", required=True, references="nodes"),
    _c("commodity", "str", "what is supplied", required=True, references="commodities"),
    _c("supply_t_per_day", "float", "most tonnes a day available", required=True, unit="t/day", minimum=0),
    _c("cost_per_t", "float", "purchase cost", default=0.0, unit="Rp/t", minimum=0),
)

DEMAND = (
    _c("node_id", "str", "where the food is consumed", required=True, references="nodes"),
    _c("commodity", "str", "what is consumed", required=True, references="commodities"),
    _c("demand_t_per_day", "float", "tonnes a day needed", required=True, unit="t/day", minimum=0),
)

STOCK = (
    _c("node_id", "str", "where the stock is", required=True, references="nodes"),
    _c("commodity", "str", "what is stocked", required=True, references="commodities"),
    _c("initial_t", "float", "stock on hand at the start of day 1", required=True, unit="t", minimum=0),
)

TABLES: dict[str, tuple[ColumnSpec, ...]] = {
    "nodes": NODES,
    "commodities": COMMODITIES,
    "routes": ROUTES,
    "supply": SUPPLY,
    "demand": DEMAND,
    "stock": STOCK,
}
OPTIONAL_TABLES = ("stock",)
KEYS: dict[str, tuple[str, ...]] = {
    "nodes": ("node_id",),
    "commodities": ("commodity",),
    "routes": ("route_id",),
    "supply": ("node_id", "commodity"),
    "demand": ("node_id", "commodity"),
    "stock": ("node_id", "commodity"),
}


def column_names(table: str) -> list[str]:
    """The columns of ``table`` in their documented order."""
    return [c.name for c in TABLES[table]]


def empty_table(table: str) -> pd.DataFrame:
    """A table with no rows and the documented columns (an empty sheet of the template workbook)."""
    return pd.DataFrame({c: [] for c in column_names(table)}, dtype=object)


def spec_frame(table: str) -> pd.DataFrame:
    """The column specs of ``table`` as a table: the help text of the format."""
    rows = []
    for c in TABLES[table]:
        default = "" if c.default is None or (isinstance(c.default, float) and math.isnan(c.default)) else c.default
        rows.append(
            {
                "column": c.name,
                "required": "yes" if c.required else "no",
                "type": c.dtype,
                "unit": c.unit,
                "default": default,
                "meaning": c.description,
            }
        )
    return pd.DataFrame(rows)
