"""Cached loaders over the library and the frame every page shares (title, language, dataset)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import streamlit as st

from foodchain import Dataset, SolveResult, fmt, scenario_from_dict, solve
from foodchain.errors import FoodchainError
from foodchain.optimize.rolling import rolling_warning
from foodchain.store import Store, default_path, run_key, seed
from foodchain_app.auth import bind, gate
from foodchain_app.i18n import LANGUAGES, init_lang, lang, t
from foodchain_app.names import remember_commodities
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
def _run(path: str, version_id: int, scenario_json: str, days: int, _writer: Store, _progress=None) -> SolveResult:
    store = _store(path)
    doc, options = json.loads(scenario_json), {"days": days}
    key = run_key(version_id, doc, options)
    cached = store.get_run(key)
    if cached is not None:
        return cached
    result = solve(_dataset(path, version_id), scenario_from_dict(doc), days=days, progress=_progress)
    _writer.save_run(key, version_id, doc, options, result)
    return result


def run(version_id: int, doc: dict, days: int, progress=None) -> SolveResult:
    """Solve ``doc`` on a version, cached by (dataset version, scenario JSON, days) in memory and SQLite
    (in shared mode a new run is saved, and logged, as the signed-in account's).

    ``progress`` (not part of the cache key) receives a
    :class:`~foodchain.optimize.portfolio.SolveProgress` about once a second while solving.
    """
    st.session_state.setdefault("run_docs", {})[run_key(version_id, doc, {"days": days})] = doc
    doc_json = json.dumps(doc, sort_keys=True, ensure_ascii=False)
    return _run(str(get_store().path), version_id, doc_json, days, bind(get_store()), progress)


def approximate_warning(result: SolveResult) -> None:
    """A warning box when ``result`` is a rolling-horizon plan (feasible, not proven optimal); nothing otherwise."""
    if result.horizon.get("method") == "rolling":
        text = rolling_warning(result.days).text(lang())
        st.warning(text[:1].upper() + text[1:])


def progress_note():
    """An empty slot on the page and a ``progress`` callback writing elapsed time and iterations into it."""
    slot = st.empty()

    def progress(p) -> None:
        key = "solve_progress" if p.iterations else "solve_elapsed"
        slot.caption(t(key).format(seconds=p.elapsed_s, iterations=fmt.number(p.iterations, lang())))

    return slot, progress


def baseline(version_id: int, days: int = 1) -> SolveResult:
    """The dataset with no disruptions over ``days`` days."""
    return run(version_id, {"name": BASELINE, "horizon_days": days, "disruptions": []}, days)


def _set_lang() -> None:
    st.session_state["lang"] = st.session_state["lang_choice"]


def page(title_key: str, need_dataset: bool = True) -> tuple[Store, int | None, Dataset | None] | None:
    """Page setup: config, language switch, the active dataset version in the sidebar.

    Returns (store, active version id, dataset), or ``None`` after showing an error. When the
    active version cannot be loaded, the sidebar still renders and the error names the version
    and why; with ``need_dataset=False`` (Upload and History) the page goes on with
    ``dataset=None``, so that another version can be activated.
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
    gate()  # shared mode: nothing below until an account has signed in
    try:
        store = bind(get_store())
        version = store.active_version()
    except (FoodchainError, OSError, sqlite3.Error) as exc:
        st.error(f"{t('store_error')}: {exc}")
        return None
    if version is None:
        st.error(t("no_dataset"))
        return (store, None, None) if not need_dataset else None
    info = store.version_info(version)
    when = fmt.wib(info["created_at"], st.session_state["lang"])
    st.sidebar.caption(t("active_version").format(id=version, who=info["uploader"], when=when))
    try:
        dataset = get_dataset(version)
    except Exception as exc:  # any damage to a stored version: say which and why, never lock out
        st.error(t("version_failed").format(id=version, why=f"{type(exc).__name__}: {exc}"))
        return (store, version, None) if not need_dataset else None
    remember_commodities(dataset)
    return store, version, dataset


def show_problems(problems: list, key: str) -> None:
    """Every problem as a table: severity, table, row, column, message."""
    from foodchain.model.problems import problems_frame
    from foodchain_app.tables import show

    show(problems_frame(problems, lang()), key)


@st.cache_data(show_spinner=False, max_entries=32)
def _stored_run(path: str, key: str) -> SolveResult | None:
    return _store(path).get_run(key)


def stored_run(key: str) -> SolveResult | None:
    return _stored_run(str(get_store().path), key)


def run_choices(store: Store, version_id: int, baselines: bool = True) -> dict[str, str]:
    """{run key: label} of stored runs: this version's scenarios newest first, then its baselines
    (the one-day baseline is run if missing; ``baselines=False`` leaves them out), then the
    scenario runs of earlier data versions, labelled "computed on version N"."""
    baseline(version_id)
    runs = store.runs()
    is_base, here = runs["scenario_name"] == BASELINE, runs["dataset_version"] == version_id
    runs = runs[here | ~is_base]
    runs = (
        runs[~is_base]
        if not baselines
        else runs.sort_values("scenario_name", key=lambda s: s == BASELINE, kind="stable")
    )
    runs = runs.sort_values("dataset_version", key=lambda v: v != version_id, kind="stable")
    out = {}
    for r in runs.itertuples(index=False):
        name = t("baseline") if r.scenario_name == BASELINE else r.scenario_name
        days = t("n_days").format(n=json.loads(r.options).get("days", 1))
        other = "" if r.dataset_version == version_id else " · " + t("computed_on").format(v=r.dataset_version)
        out[r.key] = f"{name} · {days} · {fmt.wib(r.created_at, st.session_state.get('lang', 'id'))}{other}"
    return out


def earlier_run_badge(store: Store, key: str, version_id: int, widget_key: str) -> None:
    """For a run computed on another data version: a badge saying so, and a one-click re-run
    of the same scenario on the active version (the new run is then selected)."""
    runs = store.runs()
    row = runs[runs["key"] == key]
    if row.empty or int(row["dataset_version"].iloc[0]) == version_id:
        return
    name = row["scenario_name"].iloc[0]
    badge = t("computed_on_badge").format(v=int(row["dataset_version"].iloc[0]), active=version_id)
    st.warning(f"**{name}** · {badge}")
    found = store.run_doc(key)
    if found is None:
        return
    doc, options = found
    args = (key, version_id, doc, int(options.get("days", 1)), widget_key)
    st.button(t("rerun_active").format(v=version_id), key=f"{widget_key}_rerun_{key}", on_click=_rerun, args=args)


def _rerun(key: str, version_id: int, doc: dict, days: int, widget_key: str) -> None:
    """Solve ``doc`` on ``version_id`` and put the new run where the old one was selected."""
    run(version_id, doc, days)
    new_key = run_key(version_id, doc, {"days": days})
    current = st.session_state.get(widget_key)
    st.session_state[widget_key] = (
        [new_key if k == key else k for k in current] if isinstance(current, list) else new_key
    )


@st.cache_data(show_spinner=False, max_entries=8)
def _layers(path: str, version_id: int):
    from foodchain.boundaries import MapLayers, bundled_layers

    ids = set(_dataset(path, version_id).demand["node_id"])
    for folder in sample_candidates() + sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
        layers = bundled_layers(folder)
        if ids & set(layers.zones["node_id"]):
            return layers
    return MapLayers()


def map_layers(version_id: int):
    """The bundled map shapes (zones, kota, sea) of the sample whose zones are this version's, else none."""
    return _layers(str(get_store().path), version_id)


@st.cache_data(show_spinner=False, max_entries=8)
def _zones(path: str, version_id: int, boundary: bytes | None):
    from foodchain.boundaries import zone_shapes

    dataset = _dataset(path, version_id)
    ids = dataset.demand["node_id"].unique().tolist()
    return zone_shapes(dataset.nodes, ids, _layers(path, version_id), boundary)


def zones(version_id: int, boundary: bytes | None = None):
    """Zone shapes: an uploaded boundary GeoJSON, else the bundled polygons, else Voronoi catchments (cached)."""
    return _zones(str(get_store().path), version_id, boundary)


def scenario_for_run(store: Store, key: str) -> dict | None:
    """The stored scenario document a run was made from (matched on the hash in its key), if any."""
    from foodchain.store import scenario_hash

    wanted = key.split("-")[1] if key.count("-") >= 2 else ""
    for name, latest in zip(store.scenarios()["name"], store.scenarios()["version"], strict=True):
        for v in range(int(latest), 0, -1):
            doc = store.scenario_doc(name, v)
            if scenario_hash(doc) == wanted:
                return doc
    return st.session_state.get("run_docs", {}).get(key)  # run in this session, not stored


@st.cache_data(show_spinner=False, max_entries=16)
def _brief(
    path: str, version_id: int, key: str, language: str, boundary: bytes | None, doc: dict | None
) -> bytes | None:
    from foodchain.brief import BriefInput, build_brief

    result = _stored_run(path, key)
    if doc is None and result is not None and result.scenario == BASELINE:
        doc = {"name": BASELINE, "horizon_days": result.days, "disruptions": []}
    if doc is None:
        return None
    info = _store(path).version_info(version_id)
    label = f"v{version_id} · {info['uploader']} · {fmt.wib(info['created_at'], language)}"
    shapes = _zones(path, version_id, boundary)
    inp = BriefInput(_dataset(path, version_id), result, doc, shapes, _layers(path, version_id), label)
    return build_brief(inp, language)


def brief_download(container, version_id: int, key: str, boundary: bytes | None = None) -> None:
    """A download button for the PDF brief of a stored run (a note when its scenario is not stored)."""
    doc = scenario_for_run(get_store(), key)
    pdf = _brief(str(get_store().path), version_id, key, st.session_state.get("lang", "id"), boundary, doc)
    if pdf is None:
        container.caption(t("brief_not_stored"))
    else:
        container.download_button(t("download_brief"), pdf, "foodchain_brief.pdf", "application/pdf", key="sf_brief")
