"""The exceptions users can cause, in one small hierarchy.

Every error a market manager or analyst can trigger derives from :class:`FoodchainError`
and carries a message written for them. Input problems come as a list of
:class:`~foodchain.model.problems.Problem` so that all of them can be shown at once.
"""

from __future__ import annotations


class FoodchainError(Exception):
    """Base class of every error foodchain raises on purpose."""


class InvalidInput(FoodchainError):
    """A dataset, scenario or flood file has errors; ``problems`` lists every one."""

    def __init__(self, problems: list, what: str = "input") -> None:
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = "\n".join(str(p) for p in errors[:20])
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"{len(errors)} problem(s) in the {what}:\n{lines}{more}")


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
