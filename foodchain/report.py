"""Downloadable reports: Excel with one sheet per table, and CSVs in a ZIP.

Both are written by :mod:`foodchain.spreadsheet`, the one module behind every file
meant for a spreadsheet: text that a spreadsheet would run as a formula is escaped,
numbers stay numbers, and CR/LF inside a CSV cell is quoted.
"""

from __future__ import annotations

import pandas as pd

from foodchain.spreadsheet import DANGEROUS_STARTS, csv_zip_bytes, safe_cell, safe_frame, xlsx_bytes

__all__ = ["DANGEROUS_STARTS", "report_xlsx", "report_zip", "safe_cell", "safe_frame"]


def report_xlsx(tables: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per table; text cells escaped, numbers kept as numbers."""
    return xlsx_bytes(tables)


def report_zip(tables: dict[str, pd.DataFrame]) -> bytes:
    """A ZIP holding ``<name>.csv`` per table (UTF-8 with BOM, CRLF), text cells escaped."""
    return csv_zip_bytes(tables)
