"""Downloadable reports: Excel with one sheet per table, and CSVs in a ZIP.

Cells are written so that a spreadsheet never executes them: a text cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with ``'`` (OWASP's
advice against CSV/formula injection). Numbers stay numbers, so ``-3.5`` is still a
number; only *text* such as a node name ``=HYPERLINK(...)`` is escaped.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` unchanged unless it is text a spreadsheet would run as a formula: then ``'`` + text."""
    if isinstance(value, str) and value.startswith(DANGEROUS_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell (and column name) passed through :func:`safe_cell`."""
    out = frame.copy()
    out.columns = [safe_cell(str(c)) for c in out.columns]
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].map(safe_cell)
    return out


def _sheet_name(name: str, used: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "sheet"
    out, i = base, 2
    while out.lower() in used:
        out, i = f"{base[:28]}_{i}", i + 1
    used.add(out.lower())
    return out


def report_xlsx(tables: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per table; text cells escaped, numbers kept as numbers."""
    buf = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False}
    used: set[str] = set()
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": options}) as writer:
        for name, frame in tables.items():
            safe_frame(frame).to_excel(writer, sheet_name=_sheet_name(name, used), index=False)
    return buf.getvalue()


def report_zip(tables: dict[str, pd.DataFrame]) -> bytes:
    """A ZIP holding ``<name>.csv`` per table (UTF-8 with BOM), text cells escaped."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", safe_frame(frame).to_csv(index=False).encode("utf-8-sig"))
    return buf.getvalue()
