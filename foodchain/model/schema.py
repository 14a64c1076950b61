"""Column specifications: the single source of truth for the dataset format.

Each table of a dataset (DESIGN.md section 2) is described by a tuple of
:class:`ColumnSpec`. Loading fills defaults and dtypes from it, validation checks
against it, and the app draws its help text and download templates from it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from foodchain.messages import language, msg
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
    ``description`` is English, ``description_id`` the same in Bahasa Indonesia.
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
    description_id: str = ""

    def meaning(self, lang: str) -> str:
        """The description in ``lang`` (``id`` or ``en``)."""
        return self.description_id if lang == "id" and self.description_id else self.description


def _c(name: str, dtype: str, description: str, **kw: object) -> ColumnSpec:
    return ColumnSpec(name=name, dtype=dtype, description=description, **kw)


# issue 16: the column meanings in Bahasa Indonesia (English: each spec's description)
DESCRIPTIONS_ID: dict[str, dict[str, str]] = {
    "nodes": {
        "node_id": "id unik tempat",
        "kind": "source (sumber), hub (pusat distribusi) atau market (pasar); untuk tampilan dan nilai bawaan",
        "name": "nama tampilan (bawaan: node_id)",
        "lat": "lintang, WGS84",
        "lon": "bujur, WGS84",
        "region": "kota atau kabupaten, untuk pengelompokan",
        "population": "jumlah penduduk yang dilayani di sini",
        "vulnerability": "pengali penalti kekurangan di sini",
        "throughput_t_per_day": "ton per hari terbanyak yang tiba, dan yang berangkat, lewat rute (kosong: tak terbatas)",
        "storage_t": "ton terbanyak yang disimpan sebagai stok (kosong: tak terbatas untuk hub, 0 lainnya)",
        "external": "true untuk permintaan di luar wilayah kajian (mis. pembeli dari luar kota): dihitung, "
        "tetapi terpisah dari angka utama (kosong: false)",
    },
    "commodities": {
        "commodity": "id unik komoditas, mis. rice",
        "name": "nama tampilan, mis. Beras",
        "shortfall_penalty_per_t": "biaya satu ton permintaan yang tak terpenuhi (kosong: cukup besar sehingga "
        "setiap ton yang dapat dikirim terkirim)",
        "shelf_life_days": "stok yang lebih tua dari ini hilang (kosong: tanpa batas)",
        "stock_value_per_t": "biaya tiap ton stok awal yang tidak dipegang lagi di akhir jangka waktu, yaitu biaya "
        "menggantinya (kosong: 0); buat lebih kecil dari penalti kekurangan agar stok dilepas lebih dulu",
    },
    "routes": {
        "route_id": "id unik rute",
        "origin": "tempat asal rute",
        "destination": "tempat tujuan rute",
        "capacity_t_per_day": "semua komoditas bersama (kosong: tak terbatas)",
        "cost_per_t": "biaya angkut",
        "lead_time_days": "ton yang berangkat pada hari d tiba pada hari d + lead",
        "distance_km": "untuk tampilan",
        "mode": "jalan, laut, rel ... untuk tampilan",
        "corridor": "kelompok rute bernama yang tutup bersama",
        "geometry": "WKT LINESTRING (bujur lintang) jalur rute (kosong: garis lurus)",
        "commodities": "komoditas yang boleh diangkut rute ini, dipisah ; mis. chicken;beef;eggs untuk rantai "
        "dingin (kosong: semua)",
    },
    "supply": {
        "node_id": "tempat pasokan masuk",
        "commodity": "komoditas yang dipasok",
        "supply_t_per_day": "ton per hari terbanyak yang tersedia",
        "cost_per_t": "biaya beli",
    },
    "demand": {
        "node_id": "tempat pangan dikonsumsi",
        "commodity": "komoditas yang dikonsumsi",
        "demand_t_per_day": "ton per hari yang dibutuhkan",
    },
    "stock": {
        "node_id": "tempat stok berada",
        "commodity": "komoditas yang disimpan",
        "initial_t": "stok di tangan pada awal hari 1",
    },
}


UNITS_ID = {"t/day": "t/hari", "days": "hari", "deg": "derajat", "people": "orang"}


def _bahasa(table: str, specs: tuple[ColumnSpec, ...]) -> tuple[ColumnSpec, ...]:
    return tuple(replace(c, description_id=DESCRIPTIONS_ID[table][c.name]) for c in specs)


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
    "nodes": _bahasa("nodes", NODES),
    "commodities": _bahasa("commodities", COMMODITIES),
    "routes": _bahasa("routes", ROUTES),
    "supply": _bahasa("supply", SUPPLY),
    "demand": _bahasa("demand", DEMAND),
    "stock": _bahasa("stock", STOCK),
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


def spec_frame(table: str, lang: str | None = None) -> pd.DataFrame:
    """The column specs of ``table`` as a table: the help text of the format, in ``lang``
    (``id`` or ``en``; default :func:`foodchain.messages.language`).

    Parameters
    ----------
    table : str
        A key of :data:`TABLES`.
    lang : str, optional
        ``id`` or ``en``.

    Returns
    -------
    pandas.DataFrame
        One row per column: column, required, type, unit, default, meaning.
    """
    lang = lang or language()
    rows = []
    for c in TABLES[table]:
        default = "" if c.default is None or (isinstance(c.default, float) and math.isnan(c.default)) else c.default
        rows.append(
            {
                "column": c.name,
                "required": msg("template.yes" if c.required else "template.no").render(lang),
                "type": msg(f"template.type.{c.dtype}").render(lang),
                "unit": UNITS_ID.get(c.unit, c.unit) if lang == "id" else c.unit,
                "default": default,
                "meaning": c.meaning(lang),
            }
        )
    return pd.DataFrame(rows)


def help_frame(lang: str | None = None) -> pd.DataFrame:
    """Every column of every table with its help (required, type, unit, default, meaning), headers
    and words in ``lang``: the help sheet of the dataset template."""
    lang = lang or language()
    frames = [spec_frame(table, lang).assign(table=table) for table in TABLES]
    frame = pd.concat(frames, ignore_index=True)[["table", "column", "required", "type", "unit", "default", "meaning"]]
    return frame.rename(columns={c: msg(f"template.help.{c}").render(lang) for c in frame.columns})
