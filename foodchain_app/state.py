"""Cached loaders over the library and the frame every page shares (title, language, dataset)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import streamlit as st

from foodchain import Dataset, SolveResult, scenario_from_dict, solve
from foodchain.errors import FoodchainError
from foodchain.store import Store, default_path, run_key, seed
from foodchain_app.i18n import LANGUAGES, init_lang, t
from foodchain_app.nav import sidebar_menu

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
BASELINE = "Baseline"  # the name under which baseline runs are stored


def sample_candidates() -> list[Path]:
    """Sample datasets to seed an empty store with: ``$FOODCHAIN_SAMPLE`` if set, else Jakarta, then tiny."""
    chosen = os.environ.get("FOODCHAIN_SAMPLE")
    return [SAMPLES / chosen] if chosen else [SAMPLES / "jakarta", SAMPLES / "tiny"]


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    store = Store(path)
    seed(store, sample_candidates(), SAMPLES / "scenarios")
    return store


def get_store() -> Store:
    """The store at ``$FOODCHAIN_DB`` (or the default file), seeded with sample data on first start."""
    return _store(str(default_path()))


@st.cache_data(show_spinner=False, max_entries=8)
def _dataset(path: str, version_id: int) -> Dataset:
    return _store(path).load_version(version_id)


def get_dataset(version_id: int) -> Dataset:
    return _dataset(str(get_store().path), version_id)


@st.cache_data(show_spinner=False, max_entries=32)
def _run(path: str, version_id: int, scenario_json: str, days: int, _progress=None) -> SolveResult:
    store = _store(path)
    doc, options = json.loads(scenario_json), {"days": days}
    key = run_key(version_id, doc, options)
    cached = store.get_run(key)
    if cached is not None:
        return cached
    result = solve(_dataset(path, version_id), scenario_from_dict(doc), days=days, progress=_progress)
    store.save_run(key, version_id, doc, options, result)
    return result


def run(version_id: int, doc: dict, days: int, progress=None) -> SolveResult:
    """Solve ``doc`` on a version, cached by (dataset version, scenario JSON, days) in memory and SQLite.

    ``progress`` (not part of the cache key) receives a
    :class:`~foodchain.optimize.portfolio.SolveProgress` about once a second while solving.
    """
    doc_json = json.dumps(doc, sort_keys=True, ensure_ascii=False)
    return _run(str(get_store().path), version_id, doc_json, days, progress)


def progress_note():
    """An empty slot on the page and a ``progress`` callback writing elapsed time and iterations into it."""
    slot = st.empty()

    def progress(p) -> None:
        key = "solve_progress" if p.iterations else "solve_elapsed"
        slot.caption(t(key).format(seconds=p.elapsed_s, iterations=p.iterations))

    return slot, progress


def baseline(version_id: int, days: int = 1) -> SolveResult:
    """The dataset with no disruptions over ``days`` days."""
    return run(version_id, {"name": BASELINE, "horizon_days": days, "disruptions": []}, days)


def _set_lang() -> None:
    st.session_state["lang"] = st.session_state["lang_choice"]


def page(title_key: str) -> tuple[Store, int, Dataset] | None:
    """Page setup: config, language switch, the active dataset version in the sidebar.

    Returns (store, active version id, dataset), or ``None`` after showing an error.
    """
    init_lang()
    st.set_page_config(page_title=f"foodchain · {t(title_key)}", page_icon="🌾", layout="wide")
    sidebar_menu()
    langs = list(LANGUAGES)
    st.sidebar.radio(
        "Bahasa / Language",
        langs,
        index=langs.index(st.session_state["lang"]),
        format_func=LANGUAGES.get,
        key="lang_choice",
        on_change=_set_lang,
        horizontal=True,
    )
    st.title(t(title_key))
    try:
        store = get_store()
        version = store.active_version()
        if version is None:
            st.error(t("no_dataset"))
            return None
        dataset = get_dataset(version)
    except (FoodchainError, OSError, KeyError) as exc:
        st.error(f"{t('store_error')}: {exc}")
        return None
    info = store.version_info(version)
    st.sidebar.caption(t("active_version").format(id=version, who=info["uploader"], when=info["created_at"]))
    return store, version, dataset


def show_problems(problems: list, key: str) -> None:
    """Every problem as a table: severity, table, row, column, message."""
    from foodchain.model.problems import problems_frame
    from foodchain_app.tables import show

    show(problems_frame(problems), key)


@st.cache_data(show_spinner=False, max_entries=32)
def _stored_run(path: str, key: str) -> SolveResult | None:
    return _store(path).get_run(key)


def stored_run(key: str) -> SolveResult | None:
    return _stored_run(str(get_store().path), key)


def run_choices(store: Store, version_id: int, baselines: bool = True) -> dict[str, str]:
    """{run key: label} of this version's stored runs: scenarios newest first, then baselines
    (the one-day baseline is run if missing; ``baselines=False`` leaves them out)."""
    baseline(version_id)
    runs = store.runs(version_id)
    is_base = runs["scenario_name"] == BASELINE
    runs = (
        runs[~is_base]
        if not baselines
        else runs.sort_values("scenario_name", key=lambda s: s == BASELINE, kind="stable")
    )
    out = {}
    for r in runs.itertuples(index=False):
        name = t("baseline") if r.scenario_name == BASELINE else r.scenario_name
        days = t("n_days").format(n=json.loads(r.options).get("days", 1))
        out[r.key] = f"{name} · {days} · {r.created_at[:16]}"
    return out


@st.cache_data(show_spinner=False, max_entries=8)
def _zones(path: str, version_id: int, boundary: bytes | None):
    from foodchain.geo import catchments, read_boundary

    dataset = _dataset(path, version_id)
    ids = dataset.demand["node_id"].unique().tolist()
    if boundary:
        shapes, outline = read_boundary(boundary, ids)
        if shapes is not None:
            return shapes
        return catchments(dataset.nodes, ids, outline)
    return catchments(dataset.nodes, ids)


def zones(version_id: int, boundary: bytes | None = None):
    """Demand zone shapes: from a boundary GeoJSON if given, else Voronoi catchments (cached)."""
    return _zones(str(get_store().path), version_id, boundary)
