"""Validation: every problem in a dataset at once, as ``table, row, column, message``.

Each rule is a small ``check_<rule>`` function returning a list of
:class:`~foodchain.model.problems.Problem`. :func:`parse_tables` runs the per-table
rules and turns raw string tables into typed ones; :func:`check_network` runs the
rules that look across tables. Rows are spreadsheet row numbers (header = row 1).
"""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd
import shapely
from shapely.errors import ShapelyError

from foodchain.messages import msg, num
from foodchain.messages.catalog import CATALOG
from foodchain.model.limits import MAX_VALUE
from foodchain.model.problems import WARNING, Problem
from foodchain.model.schema import KEYS, NODE_KINDS, OPTIONAL_TABLES, TABLES, ColumnSpec

ROW_OFFSET = 2  # spreadsheet row of the first data row


def suggest(value: str, choices) -> str:
    """`` (did you mean 'X'?)`` for the closest choice (a message), or an empty string.

    Parameters
    ----------
    value : str
        What was given.
    choices : iterable
        What it could have been.

    Returns
    -------
    str
        A :class:`~foodchain.messages.Message`, or ``""`` when nothing is close.
    """
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    if not close:
        stripped = {str(c).strip().lower(): c for c in choices}
        close = [stripped[str(value).strip().lower()]] if str(value).strip().lower() in stripped else []
    return msg("dataset.hint", choice=close[0]) if close else ""


def _rows(frame: pd.DataFrame, mask) -> list[int]:
    return [int(i) + ROW_OFFSET for i in frame.index[np.asarray(mask, dtype=bool)]]


def check_tables_present(raw: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every table but the optional ones must be there."""
    return [
        Problem(t, None, None, msg("dataset.table_absent", table=t, tables=", ".join(TABLES)))
        for t in TABLES
        if t not in raw and t not in OPTIONAL_TABLES
    ]


def check_columns(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Required columns present; headers matched case-insensitively; misspellings flagged.

    Parameters
    ----------
    table : str
        The table's name (a key of :data:`~foodchain.model.schema.TABLES`).
    frame : pandas.DataFrame
        The table.

    Returns
    -------
    frame : pandas.DataFrame
        With headers renamed to their known spelling.
    problems : list of Problem
        Errors for absent required columns, warnings for unknown ones that look misspelt.
    """
    problems: list[Problem] = []
    known = [c.name for c in TABLES[table]]
    renames = {}
    for col in frame.columns:
        low = str(col).lower().replace(" ", "_")
        if col not in known and low in known and low not in frame.columns:
            renames[col] = low
    if renames:
        frame = frame.rename(columns=renames)
    for col in frame.columns:
        if col not in known:
            hint = suggest(col, [k for k in known if k not in frame.columns])
            if hint:
                problems.append(
                    Problem(table, None, col, msg("dataset.column_ignored", column=col, hint=hint), WARNING)
                )
    for spec in TABLES[table]:
        if spec.required and spec.name not in frame.columns:
            hint = suggest(spec.name, [c for c in frame.columns if c not in known])
            problems.append(Problem(table, None, spec.name, msg("dataset.column_absent", column=spec.name, hint=hint)))
    return frame, problems


def check_values(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse every known column: blanks, numbers, minimums, kinds, geometries.

    Parameters
    ----------
    table : str
        The table's name (a key of :data:`~foodchain.model.schema.TABLES`).
    frame : pandas.DataFrame
        The table.
        Raw (all cells text).

    Returns
    -------
    frame : pandas.DataFrame
        Typed; absent optional columns added with their default.
    problems : list of Problem
        Rows numbered as in the spreadsheet (header = row 1).
    """
    problems: list[Problem] = []
    out = frame.copy()
    for spec in TABLES[table]:
        if spec.name not in frame.columns:
            out[spec.name] = _default_column(spec, len(frame), frame.index)
            continue
        text = frame[spec.name].fillna("").astype(str).str.strip()
        blank = text == ""
        if spec.required:
            for row in _rows(frame, blank):
                problems.append(Problem(table, row, spec.name, msg("dataset.blank", column=spec.name)))
        parsed, probs = _parse(table, spec, frame, text, blank)
        out[spec.name], problems = parsed, problems + probs
    return out, problems


TRUE_WORDS, FALSE_WORDS = ("true", "yes", "ya", "1", "y"), ("false", "no", "tidak", "0", "n")


def _default_column(spec: ColumnSpec, n: int, index) -> pd.Series:
    if spec.dtype == "bool":
        return pd.Series(bool(spec.default), index=index, dtype=bool)
    if spec.dtype == "float":
        return pd.Series(np.nan if spec.default is None else spec.default, index=index, dtype="float64")
    if spec.dtype == "int":
        return pd.Series(pd.NA if spec.default is None else spec.default, index=index, dtype="Int64")
    return pd.Series(
        "" if spec.default is None else spec.default, index=index, dtype="str"
    )  # as a column that is present: the same dtype either way


def _parse(table, spec, frame, text, blank) -> tuple[pd.Series, list[Problem]]:
    problems: list[Problem] = []
    if spec.dtype in ("float", "int"):
        values = pd.to_numeric(text.where(~blank), errors="coerce")
        bad = ~blank & values.isna()
        for row, cell in zip(_rows(frame, bad), text[bad]):
            problems.append(Problem(table, row, spec.name, msg("dataset.not_number", cell=cell)))
        values, more = check_finite_range(table, spec, frame, text, values)
        problems += more
        if spec.dtype == "int":
            frac = values.notna() & (values != values.round())
            for row, cell in zip(_rows(frame, frac), text[frac]):
                problems.append(Problem(table, row, spec.name, msg("dataset.not_whole", cell=cell)))
        if spec.minimum is not None:
            low = values < spec.minimum if not spec.strict else values <= spec.minimum
            rule = "dataset.greater_than" if spec.strict else "dataset.at_least"
            for row, cell in zip(_rows(frame, low.fillna(False)), text[low.fillna(False)]):
                problems.append(Problem(table, row, spec.name, msg(rule, cell=cell, minimum=num(spec.minimum))))
        if spec.default is not None:
            values = values.fillna(spec.default)
        if spec.dtype == "int":
            values = values.where(values == values.round()).round().astype("Int64")
        return values.astype("float64") if spec.dtype == "float" else values, problems
    if spec.dtype == "kind":
        lowered = text.str.lower()
        bad = ~blank & ~lowered.isin(NODE_KINDS)
        for row, cell in zip(_rows(frame, bad), text[bad]):
            hint = suggest(cell.lower(), NODE_KINDS)
            problems.append(Problem(table, row, spec.name, msg("dataset.not_kind", cell=cell, hint=hint)))
        return lowered, problems
    if spec.dtype == "bool":
        lowered = text.str.lower()
        bad = ~blank & ~lowered.isin(TRUE_WORDS + FALSE_WORDS)
        for row, cell in zip(_rows(frame, bad), text[bad]):
            problems.append(Problem(table, row, spec.name, msg("dataset.not_bool", cell=cell)))
        return (lowered.isin(TRUE_WORDS) | (blank & bool(spec.default))).astype(bool), problems
    if spec.dtype == "ids":
        return text.str.replace(r"\s*;\s*", ";", regex=True).str.strip(";"), problems
    if spec.dtype == "wkt":
        for row, cell in zip(_rows(frame, ~blank), text[~blank]):
            message = _wkt_problem(cell)
            if message:
                problems.append(Problem(table, row, spec.name, message))
        return text, problems
    return text.where(~blank, "" if spec.default is None else str(spec.default)), problems


def check_finite_range(table, spec, frame, text, values) -> tuple[pd.Series, list[Problem]]:
    """``inf``, ``nan`` and ``Infinity`` are not numbers; no number exceeds its column's maximum.

    Offending cells are reported and become blank, so that no later step sees them.

    Parameters
    ----------
    table : str
        The table's name.
    spec : Column
        The column's spec (its ``maximum``, else :data:`MAX_VALUE`, and its unit).
    frame : pandas.DataFrame
        The table (row numbers).
    text : pandas.Series
        The cells as written.
    values : pandas.Series
        The parsed numbers.

    Returns
    -------
    values : pandas.Series
        float64, offending cells blank (NaN).
    problems : list of Problem
    """
    problems = []
    values = values.astype("float64")
    nonfinite = values.notna() & ~np.isfinite(values.fillna(0).to_numpy())
    for row, cell in zip(_rows(frame, nonfinite), text[nonfinite]):
        problems.append(Problem(table, row, spec.name, msg("dataset.not_finite", cell=cell)))
    top = MAX_VALUE if spec.maximum is None else spec.maximum
    high = ~nonfinite & (values.abs() > top).fillna(False)
    unit = msg("dataset.with_unit", unit=unit_words(spec.unit)) if spec.unit else ""
    for row, cell in zip(_rows(frame, high), text[high]):
        message = msg("dataset.too_large", cell=cell, column=spec.name, top=num(top, 0), unit=unit)
        problems.append(Problem(table, row, spec.name, message))
    return values.mask(nonfinite | high), problems


def _wkt_problem(cell: str) -> str | None:
    try:
        geom = shapely.from_wkt(cell)
    except (ShapelyError, ValueError):
        return msg("dataset.not_wkt", cell=cell[:40])
    if geom.geom_type != "LineString":
        return msg("dataset.not_linestring", kind=geom.geom_type)
    return None


def unit_words(unit: str) -> str:
    """A schema unit (``t/day``) in the reader's language (``t/hari``); an unknown unit as written."""
    return msg(f"dataset.unit.{unit}") if f"dataset.unit.{unit}" in CATALOG else unit


def check_unique(table: str, frame: pd.DataFrame) -> list[Problem]:
    """Ids (or id pairs) appear once.

    Parameters
    ----------
    table : str
        The table's name (a key of :data:`~foodchain.model.schema.TABLES`).
    frame : pandas.DataFrame
        The table.

    Returns
    -------
    list of Problem
        One error per repeated row, naming the row it repeats.
    """
    key = [k for k in KEYS[table] if k in frame.columns]
    if len(key) != len(KEYS[table]) or frame.empty:
        return []
    dup = frame.duplicated(subset=key, keep="first")
    first = frame.drop_duplicates(subset=key, keep="first")
    first_row = {tuple(r): int(i) + ROW_OFFSET for i, r in zip(first.index, first[key].itertuples(index=False))}
    problems = []
    for idx, values in zip(frame.index[dup], frame.loc[dup, key].itertuples(index=False)):
        label = " / ".join(f"'{v}'" for v in values)
        message = msg("dataset.duplicate", label=label, row=first_row[tuple(values)])
        problems.append(Problem(table, int(idx) + ROW_OFFSET, key[-1], message))
    return problems


def check_references(table: str, frame: pd.DataFrame, keys: dict[str, set]) -> list[Problem]:
    """Columns that name a node or commodity name one that exists.

    Parameters
    ----------
    table : str
        The table's name (a key of :data:`~foodchain.model.schema.TABLES`).
    frame : pandas.DataFrame
        The table.
    keys : dict of str to set
        The known ids, by table (``nodes``, ``commodities``).

    Returns
    -------
    list of Problem
    """
    problems = []
    for spec in TABLES[table]:
        if spec.references is None or spec.name not in frame.columns or spec.references not in keys:
            continue
        known = keys[spec.references]
        noun = "node_id" if spec.references == "nodes" else "commodity"
        values = frame[spec.name]
        if spec.dtype == "ids":  # each of the ;-separated ids must exist
            values = values.str.split(";").explode()
            values = values[values != ""]
        bad = (values != "") & ~values.isin(known)
        for row, cell in zip(_rows(frame.loc[values.index], bad), values[bad]):
            hint = suggest(cell, known)
            message = msg("dataset.not_reference", cell=cell, noun=noun, table=spec.references, hint=hint)
            problems.append(Problem(table, row, spec.name, message))
    return problems


def check_not_empty(table: str, frame: pd.DataFrame) -> list[Problem]:
    """Nodes and commodities must have rows; empty routes, supply or demand are warned of.

    Parameters
    ----------
    table : str
        The table's name (a key of :data:`~foodchain.model.schema.TABLES`).
    frame : pandas.DataFrame
        The table.

    Returns
    -------
    list of Problem
    """
    if not frame.empty:
        return []
    if table in ("nodes", "commodities"):
        return [Problem(table, None, None, msg("dataset.no_rows", table=table))]
    if table in OPTIONAL_TABLES:
        return []
    return [Problem(table, None, None, msg("dataset.no_rows", table=table), WARNING)]


def check_coordinates(frame: pd.DataFrame) -> list[Problem]:
    """lat within -90..90, lon within -180..180; swapped pairs are named as such."""
    problems = []
    lat, lon = frame["lat"], frame["lon"]
    swapped = (lat.abs() > 90) & (lon.abs() <= 90)
    for row, a, b in zip(_rows(frame, swapped), lat[swapped], lon[swapped]):
        jakarta = {"jakarta_lat": num(-6.2), "jakarta_lon": num(106.8)}
        message = msg("dataset.lat_lon_swapped", lat=num(a), lon=num(b), **jakarta)
        problems.append(Problem("nodes", row, "lat", message))
    out_lat = (lat.abs() > 90) & ~swapped
    out_lon = lon.abs() > 180
    for row, a in zip(_rows(frame, out_lat), lat[out_lat]):
        problems.append(Problem("nodes", row, "lat", msg("dataset.lat_range", lat=num(a))))
    for row, b in zip(_rows(frame, out_lon), lon[out_lon]):
        problems.append(Problem("nodes", row, "lon", msg("dataset.lon_range", lon=num(b))))
    half = lat.isna() != lon.isna()
    for row in _rows(frame, half):
        problems.append(Problem("nodes", row, "lat", msg("dataset.lat_lon_pair"), WARNING))
    return problems


def check_self_loops(frame: pd.DataFrame) -> list[Problem]:
    """A route must join two different nodes."""
    loop = (frame["origin"] == frame["destination"]) & (frame["origin"] != "")
    return [Problem("routes", row, "destination", msg("dataset.self_loop")) for row in _rows(frame, loop)]


def parse_tables(raw: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Check and type every table; returns typed tables (defaults filled) and all problems."""
    problems = check_tables_present(raw)
    typed: dict[str, pd.DataFrame] = {}
    for table in TABLES:
        frame = raw.get(table)
        if frame is None:
            frame = pd.DataFrame({c.name: pd.Series(dtype=str) for c in TABLES[table]})
        frame = frame.astype(object).where(frame.notna(), "").astype(str)
        frame, probs = check_columns(table, frame)
        typed[table], more = check_values(table, frame)
        problems += probs + more + check_not_empty(table, frame) + check_unique(table, typed[table])
    keys = {"nodes": set(typed["nodes"]["node_id"]), "commodities": set(typed["commodities"]["commodity"])}
    for table in TABLES:
        problems += check_references(table, typed[table], keys)
    problems += check_coordinates(typed["nodes"]) + check_self_loops(typed["routes"])
    return typed, problems
