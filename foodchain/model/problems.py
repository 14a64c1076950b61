"""One problem found in a user's input: ``table, row, column, message``."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """A problem in one cell, row, column or table of the user's input.

    ``row`` is the spreadsheet row number (the header is row 1, the first data row is
    row 2), or ``None`` when the problem concerns a whole column or table.
    """

    table: str
    row: int | None
    column: str | None
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = self.table + (f" row {self.row}" if self.row is not None else "")
        where += f", column {self.column}" if self.column else ""
        tag = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{tag}{where}: {self.message}"

    def as_line(self) -> str:
        """``table, row, column, message`` as the command line prints it."""
        row = "" if self.row is None else str(self.row)
        return f"{self.severity}: {self.table}, {row}, {self.column or ''}, {self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that stop a dataset from being solved or stored."""
    return [p for p in problems if p.severity == ERROR]


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table with columns severity, table, row, column, message."""
    cols = ["severity", "table", "row", "column", "message"]
    rows = [asdict(p) for p in problems]
    return pd.DataFrame(rows, columns=["table", "row", "column", "message", "severity"])[cols]
