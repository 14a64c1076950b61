"""Files meant to be opened in a spreadsheet: CSV and XLSX that never run a formula.

Every download the app offers (tables, datasets, reports) goes through this module.
Following OWASP's advice on CSV injection, a *text* cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is prefixed with ``'``, so Excel, LibreOffice
and Google Sheets show it as text instead of running it. Real numbers are never
touched: number columns are left as they are, and text that is exactly a number
(``-3.5``, ``+62``, ``1e3``) stays as written. In CSV every line ends with CRLF, so a
cell holding a CR or LF is quoted and stays one cell.

The command line's ``solve --out`` tables are *data for programs* and are written
exactly, without this escaping.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pandas as pd

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")  # 1.5 and, in Bahasa, 1,5


def safe_cell(value: object) -> object:
    """``value`` unchanged unless it is text a spreadsheet would run as a formula: then ``'`` + text."""
    if isinstance(value, str) and value.startswith(DANGEROUS_STARTS) and not _NUMBER.fullmatch(value):
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


def csv_bytes(frame: pd.DataFrame, sep: str = ",", decimal: str = ".") -> bytes:
    """One table as CSV for a spreadsheet: UTF-8 with a BOM (Excel reads accents), CRLF, escaped.

    ``sep=";"`` and ``decimal=","`` write it as a spreadsheet set to Bahasa Indonesia reads it.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table, written without its index.
    sep : str, default ","
        The separator.
    decimal : str, default "."
        The decimal mark.

    Returns
    -------
    bytes
    """
    text = safe_frame(frame).to_csv(index=False, lineterminator="\r\n", sep=sep, decimal=decimal)
    return text.encode("utf-8-sig")


def _sheet_name(name: str, used: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "sheet"
    out, i = base, 2
    while out.lower() in used:
        out, i = f"{base[:28]}_{i}", i + 1
    used.add(out.lower())
    return out


def xlsx_bytes(
    tables: dict[str, pd.DataFrame], on_sheet: Callable | None = None, formats: dict[str, list] | None = None
) -> bytes:
    """A workbook with one sheet per table; text cells escaped and never formulas, numbers kept as numbers.

    ``on_sheet(worksheet, name, columns)``, if given, is called after each sheet is written
    (header comments, drop-down lists). ``formats[name]``, if given, holds one Excel number
    format per column of table ``name`` (``"0.0%"``, ``"#,##0.0"``, or ``None``): the values stay
    as they are, the spreadsheet shows them so (with the reader's own separators), and each
    column is made wide enough for its header.

    Parameters
    ----------
    tables : dict of str to pandas.DataFrame
        The sheets, by name (cut and made unique to fit Excel's sheet names).
    on_sheet : callable, optional
        Called per sheet.
    formats : dict of str to list, optional
        Number formats per table.

    Returns
    -------
    bytes
        The ``.xlsx`` file.
    """
    buf = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False}
    used: set[str] = set()
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": options}) as writer:
        for name, frame in tables.items():
            sheet_name = _sheet_name(name, used)
            safe_frame(frame).to_excel(writer, sheet_name=sheet_name, index=False)
            if formats and name in formats:
                _format_columns(writer, writer.sheets[sheet_name], list(frame.columns), formats[name])
            if on_sheet is not None:
                on_sheet(writer.sheets[sheet_name], name, list(frame.columns))
    return buf.getvalue()


def _format_columns(writer: pd.ExcelWriter, sheet, columns: list, formats: list) -> None:
    """Give each column its number format (``None``: general) and a width that fits its header."""
    for i, (column, number_format) in enumerate(zip(columns, formats)):
        style = writer.book.add_format({"num_format": number_format}) if number_format else None
        sheet.set_column(i, i, min(max(len(str(column)) + 2, 10), 50), style)


def csv_zip_bytes(tables: dict[str, pd.DataFrame], sep: str = ",", decimal: str = ".") -> bytes:
    """A ZIP holding ``<name>.csv`` per table, each as :func:`csv_bytes` writes it.

    Parameters
    ----------
    tables : dict of str to pandas.DataFrame
        The tables, by name.
    sep : str, default ","
        The separator.
    decimal : str, default "."
        The decimal mark.

    Returns
    -------
    bytes
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", csv_bytes(frame, sep, decimal))
    return buf.getvalue()
