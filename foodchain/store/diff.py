"""What changed between two versions, cell by cell, and which changes look implausible.

Rows are matched by each table's key (``node_id``; ``node_id`` + ``commodity``; ...).
:func:`cell_changes` lists every changed cell as table, key, column, old, new;
:func:`row_changes` the rows added and removed. :func:`plausibility` flags, in words,
a change by a factor of 10 or more, and a stock, capacity or supply going to or from 0:
"stok HUB-PIBC beras turun dari 30.000 t ke 30 t (÷1000)".
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from foodchain.model.schema import KEYS, TABLES

FACTOR = 10.0  # a change by this factor or more is flagged
ZERO_WATCHED = ("initial_t", "storage_t", "throughput_t_per_day", "capacity_t_per_day", "supply_t_per_day")
CELL_COLUMNS = ["table", "key", "column", "old", "new"]
ROW_COLUMNS = ["table", "key", "change"]


def _number_columns(table: str) -> set[str]:
    return {c.name for c in TABLES[table] if c.dtype in ("float", "int")}


def _keyed(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table indexed by its key as text ``a / b``, numbers as floats, text as Python str."""
    numbers = _number_columns(table)
    columns = {}
    for col in frame.columns:
        values = frame[col]
        if col in numbers:
            columns[col] = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        else:
            columns[col] = np.array(["" if pd.isna(v) else str(v) for v in values], dtype=object)
    keys = [k for k in KEYS[table] if k in frame.columns]
    index = [" / ".join(parts) for parts in zip(*(columns[k] for k in keys))] if keys else [str(i) for i in frame.index]
    out = pd.DataFrame(columns, index=pd.Index(index, dtype=object, name="key"), copy=False)
    return out[~out.index.duplicated()]


def _column(frame: pd.DataFrame, col: str, numeric: bool) -> pd.Series:
    if col in frame:
        return frame[col]
    return pd.Series(float("nan") if numeric else "", index=frame.index, dtype="float64" if numeric else "object")


def cell_changes(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every cell that differs in a row present in both: table, key, column, old, new.

    Numbers compare as floats (blank equals blank), text as text.

    Parameters
    ----------
    old, new : dict of str to pandas.DataFrame
        The two versions' tables, by name.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CELL_COLUMNS`; ``key`` is the row's id (ids joined by `` / ``).
    """
    parts = []
    for table in TABLES:
        if table not in old or table not in new:
            continue
        a, b = _keyed(table, old[table]), _keyed(table, new[table])
        common = a.index.intersection(b.index, sort=False)
        a, b = a.loc[common], b.loc[common]
        numbers = _number_columns(table)
        for col in list(a.columns) + [c for c in b.columns if c not in a.columns]:
            left, right = _column(a, col, col in numbers), _column(b, col, col in numbers)
            same = (left == right) | (left.isna() & right.isna())
            changed = ~same.to_numpy(dtype=bool)
            if changed.any():
                parts.append(
                    pd.DataFrame(
                        {
                            "table": table,
                            "key": common[changed],
                            "column": col,
                            "old": left[changed].astype(object).to_numpy(),
                            "new": right[changed].astype(object).to_numpy(),
                        }
                    )
                )
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CELL_COLUMNS)


def row_changes(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows added and removed per table: table, key, change (``added`` / ``removed``).

    Parameters
    ----------
    old, new : dict of str to pandas.DataFrame
        The two versions' tables, by name.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ROW_COLUMNS`.
    """
    rows = []
    for table in TABLES:
        a = _keyed(table, old[table]).index if table in old else pd.Index([])
        b = _keyed(table, new[table]).index if table in new else pd.Index([])
        rows += [(table, k, "added") for k in b.difference(a, sort=False)]
        rows += [(table, k, "removed") for k in a.difference(b, sort=False)]
    return pd.DataFrame(rows, columns=ROW_COLUMNS)


def summary(cells: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """Per table: rows added, removed, and changed (rows with at least one changed cell).

    Parameters
    ----------
    cells : pandas.DataFrame
        As :func:`cell_changes` gives it.
    rows : pandas.DataFrame
        As :func:`row_changes` gives it.

    Returns
    -------
    pandas.DataFrame
        One row per table of :data:`~foodchain.model.schema.TABLES`.
    """
    out = []
    for table in TABLES:
        r = rows[rows["table"] == table]["change"]
        changed = cells.loc[cells["table"] == table, "key"].nunique()
        out.append(
            {
                "table": table,
                "added": int((r == "added").sum()),
                "removed": int((r == "removed").sum()),
                "changed": int(changed),
            }
        )
    return pd.DataFrame(out)


WORDS = {
    "en": {
        "stock": "stock",
        "supply": "supply",
        "demand": "demand",
        "nodes": "node",
        "routes": "route",
        "commodities": "commodity",
        "up": "rose",
        "down": "fell",
        "from": "from",
        "to": "to",
    },
    "id": {
        "stock": "stok",
        "supply": "pasokan",
        "demand": "permintaan",
        "nodes": "simpul",
        "routes": "rute",
        "commodities": "komoditas",
        "up": "naik",
        "down": "turun",
        "from": "dari",
        "to": "ke",
    },
}


def number_text(value: float, lang: str = "en") -> str:
    """``30,000`` (en) or ``30.000`` (id); decimals only when there are some.

    Parameters
    ----------
    value : float
        The number.
    lang : str, default "en"
        ``en`` or ``id``.

    Returns
    -------
    str
        At most 2 decimals.
    """
    text = f"{value:,.0f}" if value == round(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


def _unit(table: str, column: str) -> str:
    spec = next((c for c in TABLES[table] if c.name == column), None)
    return spec.unit if spec is not None else ""


def plausibility(cells: pd.DataFrame, lang: str = "en", names: dict[str, str] | None = None) -> list[str]:
    """Each changed number by a factor of 10 or more, or a stock/capacity/supply to or from 0,
    in words. ``names`` maps commodity ids to the word to use (e.g. ``rice`` -> ``beras``).

    Parameters
    ----------
    cells : pandas.DataFrame
        As :func:`cell_changes` gives it.
    lang : str, default "en"
        ``en`` or ``id``.
    names : dict of str to str, optional
        Words for ids.

    Returns
    -------
    list of str
        One sentence per flagged change, with its unit (t, t/day, Rp/t) and factor.
    """
    words, names = WORDS[lang], names or {}
    flags = []
    for c in cells.itertuples(index=False):
        if c.column not in _number_columns(c.table):
            continue
        old, new = float(c.old), float(c.new)
        if math.isnan(old) or math.isnan(new) or old == new:
            continue
        zero = (old == 0) != (new == 0) and c.column in ZERO_WATCHED
        ratio = max(abs(old), abs(new)) / min(abs(old), abs(new)) if old and new else None
        if not zero and (ratio is None or ratio < FACTOR):
            continue
        what = " ".join(names.get(part, part) for part in str(c.key).split(" / "))
        label = words[c.table] if c.table in ("stock", "supply", "demand") else f"{words[c.table]} {c.column}"
        unit = f" {_unit(c.table, c.column)}".replace("/day", "/hari" if lang == "id" else "/day").rstrip()
        tail = "" if ratio is None else f" ({'÷' if new < old else '×'}{number_text(ratio, lang)})"
        flags.append(
            f"{label} {what} {words['down' if new < old else 'up']} {words['from']} {number_text(old, lang)}{unit} "
            f"{words['to']} {number_text(new, lang)}{unit}{tail}"
        )
    return flags
