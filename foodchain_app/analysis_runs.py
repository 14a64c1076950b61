"""Long analyses for the Criticality page: criticality ranking, mitigation levers, flood ensembles.

Each runs with an ``st.progress`` bar and is kept in the session, keyed by (dataset version,
scenario, options), so that moving between tabs or pages does not solve it again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from foodchain import scenario_from_dict
from foodchain.analysis.criticality import criticality
from foodchain.analysis.ensemble import run_ensemble
from foodchain.analysis.flood_spec import load_spec
from foodchain.analysis.mitigation import evaluate_levers
from foodchain.model.dataset import Dataset
from foodchain.store import scenario_hash
from foodchain_app.i18n import t
from foodchain_app.state import SAMPLES

NONE = "—"
# the ranking as read: what closes, the shortfall it adds (study area, then its weight and outside),
# and only then the cost, which falls when less food moves
RANKING_ORDER = [
    "rank",
    "target",
    "name",
    "kind",
    "added_shortfall_t",
    "added_weighted_shortfall",
    "added_external_shortfall_t",
    "added_cost",
    "added_objective",
    "shortfall_t",
    "routes_closed",
    "status",
]


def spec_files() -> list[Path]:
    """The sample flood ensemble specs (JSON files with ``spec`` in their name)."""
    return sorted((SAMPLES / "scenarios").glob("*spec*.json"))


def last_run_scenario(store, version: int, names: list[str]) -> str:
    """The saved scenario run last on this version (the first saved one if none was run)."""
    ran = [n for n in store.runs(version)["scenario_name"] if n in names and n != NONE]
    return ran[0] if ran else names[min(1, len(names) - 1)]


def scenario_doc(store, name: str) -> dict | None:
    """The saved scenario ``name`` (``None`` for no scenario: the baseline)."""
    return None if name == NONE else store.scenario_doc(name)


def _bar(label: str) -> Callable[[int, int], None]:
    bar = st.progress(0.0, text=label)

    def progress(done: int, total: int) -> None:
        bar.progress(done / max(total, 1), text=f"{label} {done}/{total}")

    return progress


def _kept(kind: str, version: int, doc: dict | None, options: dict, compute: Callable[[], object]):
    """``compute()`` once per (kind, version, scenario, options) in this session."""
    key = f"{kind}:{version}:{scenario_hash(doc or {})}:{json.dumps(options, sort_keys=True)}"
    kept = st.session_state.setdefault("analyses", {})
    if key not in kept:
        kept[key] = compute()
    return kept[key]


def ranking(dataset: Dataset, version: int, doc: dict | None, targets: str) -> pd.DataFrame:
    """Criticality table: close each route, corridor or place in turn (``foodchain.analysis.criticality``)."""
    scenario = scenario_from_dict(doc) if doc else None
    return _kept(
        "criticality",
        version,
        doc,
        {"targets": targets},
        lambda: criticality(dataset, scenario, targets, progress=_bar(t("closing_each"))),
    )


def mitigation(dataset: Dataset, version: int, doc: dict) -> pd.DataFrame:
    """The proposed levers of a scenario, solved on top of it and ranked (as ``foodchain mitigate``)."""

    def compute() -> tuple[pd.DataFrame, list]:
        scenario = scenario_from_dict(doc)
        result = evaluate_levers(dataset, scenario, None, progress=_bar(t("trying_levers")))
        return result.levers, result.proposed

    table, levers = _kept("mitigation", version, doc, {}, compute)
    names = {lever.id: str(lever.name(dataset)) for lever in levers}  # in the reader's language, now
    table = table.assign(lever=table["lever"].map(names).fillna(table["lever"]))
    shown = ["lever", "cost_rp", "shortfall_removed_t", "t_per_million_rp", "rank_shortfall", "rank_per_rp", "note"]
    return table[[c for c in shown if c in table]]


def ensemble(dataset: Dataset, version: int, spec_path: Path, runs: int, seed: int):
    """A flood ensemble of ``runs`` random floods drawn from the spec file."""
    options = {"spec": spec_path.name, "runs": runs, "seed": seed}
    spec = load_spec(spec_path)
    return _kept(
        "ensemble",
        version,
        None,
        options,
        lambda: run_ensemble(dataset, spec, runs, seed, progress=_bar(t("running_floods"))),
    )
