"""Tables as people read them: translated headers, names instead of ids, numbers written the
reader's way (1.234,5 and 30,0% in Bahasa, 1,234.5 and 30.0% in English), blanks as "–".

The data stays as the library returns it (column names, numbers); only the display is
configured, so a download or a test sees the same frame. ``st.dataframe`` would write numbers
the way the *browser's* locale does, so the numbers are written here instead, as display values
of a pandas ``Styler``: the grid shows them and still sorts on the numbers underneath. The grid
writes any missing number as "None" whatever the Styler says, so a numeric column with blanks is
shown as text (it then sorts as text). A table larger than :data:`MAX_STYLED_CELLS` is left to
the browser's number format.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foodchain import fmt
from foodchain.model import columns
from foodchain.model.dataset import Dataset
from foodchain_app.i18n import column_label, lang
from foodchain_app.names import readable

WHOLE = {"row", "rows"}  # result columns take their format from their unit (foodchain.model.columns)
UNIT_FORMATS = {unit: ("percent", 0.001) for unit in ("share", "probability", "ratio")}
UNIT_FORMATS |= {unit: ("localized", 0.1) for unit in ("t", "t/day", "days", "m")}
UNIT_FORMATS |= {unit: ("localized", 1) for unit in ("Rp", "Rp per t/day", "people", "person-days", "count")}
UNIT_FORMATS |= {unit: ("localized", 1) for unit in ("day", "rank")} | {"t per million Rp": ("localized", 0.001)}


def _number_format(column: str) -> tuple[str, float] | None:
    """(format, step) for a numeric column: a result column's by its unit, another's by what its name says."""
    spec = columns.column(column)
    if spec is not None:
        if spec.unit == "days" and spec.dtype == "int":
            return "localized", 1
        return UNIT_FORMATS.get(spec.unit)  # none for ids, text and bare numbers (a seed)
    if column.startswith("share"):
        return "percent", 0.001
    if column in WHOLE or column.endswith("_id"):
        return "localized", 1
    if any(word in column for word in ("cost", "price", "objective", "_rp")):
        return "localized", 1
    if column.endswith(("_t", "_t_per_day", "_days", "_km", "_m")) or "_t_" in column:
        return "localized", 0.1
    return None


def column_config(frame: pd.DataFrame, styled: bool = False) -> dict:
    """Streamlit column settings for ``frame``: a translated header and, unless the numbers are
    already written by a ``Styler`` (``styled``), a number format per column."""
    config = {}
    for column in frame.columns:
        label = column_label(str(column))
        spec = _number_format(str(column))
        if styled:
            config[column] = st.column_config.Column(label)
        elif column in ("lat", "lon"):
            config[column] = st.column_config.NumberColumn(label, format="%.4f")
        elif spec is not None and pd.api.types.is_numeric_dtype(frame[column]):
            config[column] = st.column_config.NumberColumn(label, format=spec[0], step=spec[1])
        else:
            config[column] = st.column_config.Column(label)
    return config


MAX_STYLED_CELLS = 100_000  # pandas Styler works cell by cell; larger tables keep the browser's format
BLANK = "–"
SEPARATORS = {"id": (",", "."), "en": (".", ",")}  # (decimal, thousands)


def _decimals(column: str, values: pd.Series) -> int:
    """Decimals shown for a numeric column: by what its name says it holds, else 0 for whole numbers, 2 else."""
    if column in ("lat", "lon"):
        return 4
    spec = _number_format(column)
    if spec is not None:
        return {1: 0, 0.1: 1}.get(spec[1], 3)
    return 0 if pd.api.types.is_integer_dtype(values) else 2


def _numeric(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def _written(value: object, column: str, decimals: int, language: str) -> str:
    """One number as text in ``language`` ("–" when blank), as :func:`styled` writes it."""
    if pd.isna(value):
        return BLANK
    spec = _number_format(column)
    if spec is not None and spec[0] == "percent":
        return fmt.percent(value, language)
    return fmt.number(value, language, decimals)


def blanks_as_dashes(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """``frame`` with blank text cells as "–", and numeric columns that have blanks written out as text."""
    out = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if not values.isna().any():
            continue
        if _numeric(values):
            decimals = _decimals(str(column), values)
            out[column] = [_written(v, str(column), decimals, language) for v in values]
        else:
            out[column] = values.astype(object).where(values.notna(), BLANK)
    return out


def styled(frame: pd.DataFrame, language: str):
    """``frame`` as a ``Styler`` writing numbers with the language's separators, shares as % and blanks as "–"."""
    decimal, thousands = SEPARATORS.get(language, SEPARATORS["en"])
    style = frame.style.format(na_rep=BLANK)
    for column in frame.columns:
        values = frame[column]
        if not _numeric(values):
            continue
        spec = _number_format(str(column))
        number = {"decimal": decimal, "thousands": thousands, "na_rep": BLANK, "subset": [column]}
        if spec is not None and spec[0] == "percent":
            style = style.format(formatter="{:,.1%}", **number)
        else:
            style = style.format(precision=_decimals(str(column), values), **number)
    return style


MOMENT_COLUMNS = ("created_at", "at", "last_login")  # stored in UTC; people read them in WIB


def in_wib(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its moment columns (:data:`MOMENT_COLUMNS`) as WIB text in the chosen language."""
    columns = [c for c in MOMENT_COLUMNS if c in frame and frame[c].dtype != "float64"]
    if not columns:
        return frame
    out, language = frame.copy(), lang()
    for c in columns:
        out[c] = [fmt.wib(v, language) if isinstance(v, str) and v.strip() else "" for v in out[c]]
    return out


def show(frame: pd.DataFrame, key: str, container=None, **kwargs) -> None:
    """``st.dataframe`` of ``frame`` with translated headers, names for ids, readable numbers and times in WIB."""
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    language = lang()
    shown = readable(in_wib(frame)).reset_index(drop=True)
    small = shown.size <= MAX_STYLED_CELLS and shown.columns.is_unique
    written = [c for c in shown if _numeric(shown[c]) and shown[c].isna().any()]
    shown = blanks_as_dashes(shown, language)
    config = column_config(shown, small) | {
        c: st.column_config.Column(column_label(str(c)), alignment="right") for c in written
    }
    data = styled(shown, language) if small else shown
    (container or st).dataframe(data, column_config=config, key=key, **kwargs)


def with_names(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """``frame`` with a ``name`` column after ``node_id``, or a ``label`` (origin → destination) after ``route_id``."""
    out = frame.copy()
    if "node_id" in out and "name" not in out:
        out.insert(out.columns.get_loc("node_id") + 1, "name", out["node_id"].map(dataset.node_names()))
    if "route_id" in out and "label" not in out:
        out.insert(out.columns.get_loc("route_id") + 1, "label", out["route_id"].map(route_labels(dataset)))
    return out


def route_labels(dataset: Dataset) -> pd.Series:
    """route_id -> "origin name → destination name (corridor)"."""
    names = dataset.node_names()
    routes = dataset.routes.set_index("route_id")
    label = routes["origin"].map(names) + " → " + routes["destination"].map(names)
    corridor = routes["corridor"].fillna("")
    return label.where(corridor == "", label + " (" + corridor + ")")


def with_dates(frame: pd.DataFrame, start_date: str | None) -> pd.DataFrame:
    """``frame`` with a ``date`` column ("Rab, 1 Jan 2020") after ``day`` when the start date is known."""
    if not start_date or "day" not in frame or "date" in frame:
        return frame
    out = frame.copy()
    dates = [fmt.day_label(int(d), start_date, lang()) if d and not pd.isna(d) else "" for d in out["day"]]
    out.insert(out.columns.get_loc("day") + 1, "date", dates)
    return out
