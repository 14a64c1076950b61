"""One problem found in a user's input: ``table, row, column, message``."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from foodchain.messages import msg, render

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """A problem in one cell, row, column or table of the user's input.

    ``row`` is the spreadsheet row number (the header is row 1, the first data row is
    row 2), or ``None`` when the problem concerns a whole column or table. ``message`` is a
    :class:`~foodchain.messages.Message` (or plain text): it reads as English and renders in
    the reader's language with :meth:`text`; table, row and column are never translated.
    """

    table: str
    row: int | None
    column: str | None
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return self.describe()

    def describe(self, lang: str | None = None) -> str:
        """``table row 4, column x: message`` (warnings tagged) in ``lang`` (default: the current language)."""
        where = self.table + (msg("common.at_row", row=self.row).render(lang) if self.row is not None else "")
        where += msg("common.at_column", column=self.column).render(lang) if self.column else ""
        tag = "" if self.severity == ERROR else f"{self.severity_word(lang)}: "
        return f"{tag}{where}: {self.text(lang)}"

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return render(self.message, lang)

    def severity_word(self, lang: str | None = None) -> str:
        """``error`` or ``warning`` in ``lang``."""
        return msg(f"common.{self.severity}").render(lang)

    def as_line(self, lang: str | None = None) -> str:
        """``severity: table, row, column, message`` as the command line prints it, in ``lang``."""
        row = "" if self.row is None else str(self.row)
        return f"{self.severity_word(lang)}: {self.table}, {row}, {self.column or ''}, {self.text(lang)}"


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that stop a dataset from being solved or stored."""
    return [p for p in problems if p.severity == ERROR]


def problems_frame(problems: list[Problem], lang: str | None = None) -> pd.DataFrame:
    """Problems as a table with columns severity, table, row, column, message (message in ``lang``).

    Parameters
    ----------
    problems : list of Problem
        The problems.
    lang : str, optional
        ``id`` or ``en``; default the current language.

    Returns
    -------
    pandas.DataFrame
    """
    cols = ["severity", "table", "row", "column", "message"]
    rows = [{**asdict(p), "message": p.text(lang)} for p in problems]
    return pd.DataFrame(rows, columns=["table", "row", "column", "message", "severity"])[cols]
