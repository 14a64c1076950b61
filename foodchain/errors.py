"""The exceptions users can cause, in one small hierarchy.

Every error a market manager or analyst can trigger derives from :class:`FoodchainError`
and carries a message written for them. Input problems come as a list of
:class:`~foodchain.model.problems.Problem` so that all of them can be shown at once.
"""

from __future__ import annotations

from foodchain.messages import msg, render
from foodchain.messages.catalog import CATALOG


class FoodchainError(Exception):
    """Base class of every error foodchain raises on purpose.

    Its first argument is a :class:`~foodchain.messages.Message` (or plain text); ``str(error)``
    renders it in the current language (:func:`foodchain.messages.language`).
    """

    def __str__(self) -> str:
        return render(self.args[0]) if len(self.args) == 1 else super().__str__()


class InvalidInput(FoodchainError):
    """A dataset, scenario or flood file has errors; ``problems`` lists every one."""

    def __init__(self, problems: list, what: str = "input") -> None:
        self.problems = list(problems)
        self.what = what
        super().__init__(self._text("en"))

    def _text(self, lang: str | None) -> str:
        errors = [p for p in self.problems if p.severity == "error"]
        what = msg(f"common.what.{self.what}") if f"common.what.{self.what}" in CATALOG else self.what
        head = msg("common.problems_in", count=len(errors), what=what).render(lang)
        lines = [p.describe(lang) if hasattr(p, "describe") else str(p) for p in errors[:20]]
        more = [msg("common.and_more", count=len(errors) - 20).render(lang)] if len(errors) > 20 else []
        return "\n".join([head, *lines, *more])

    def __str__(self) -> str:
        return self._text(None)


class InvalidDataset(InvalidInput):
    """The dataset has errors; it is neither solved nor stored."""

    def __init__(self, problems: list) -> None:
        super().__init__(problems, "dataset")


class InvalidScenario(InvalidInput):
    """The scenario refers to unknown ids, days or types, or is malformed."""

    def __init__(self, problems: list) -> None:
        super().__init__(problems, "scenario")


class SolverError(FoodchainError):
    """The solver could not produce an optimal solution (status in words)."""


class InvalidSpec(InvalidInput):
    """The ensemble spec is malformed or names corridors or zones the dataset lacks."""

    def __init__(self, problems: list) -> None:
        super().__init__(problems, "ensemble spec")


class InvalidBoundary(FoodchainError):
    """A boundary or zone GeoJSON that is not polygons (or too large); the message says why."""


class NotFound(FoodchainError):
    """Something asked for by name or number is not stored (a dataset version, a scenario)."""


class Cancelled(FoodchainError):
    """The caller cancelled a batch of solves; nothing was written."""
