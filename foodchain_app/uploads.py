"""The Upload page's parts: review an upload (numbers, changes, plausibility), save a draft,
and the version history (activate, compare two versions). Library calls only; no model logic."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from foodchain.ingest import Candidate, history, version_changes
from foodchain.model.numbers import CONVENTIONS
from foodchain.store import Store
from foodchain.store.diff import cell_changes, plausibility, row_changes
from foodchain.store.versions import STATES
from foodchain_app.auth import ANALYST, can
from foodchain_app.i18n import lang, option_labels, t
from foodchain_app.state import show_problems
from foodchain_app.tables import show


def uploader_name() -> str:
    """The name recorded with a save or an activation (an account name will take its place)."""
    return st.session_state.get("upload_user", "").strip()


def numbers_choice(file_key: str) -> str:
    """The number convention of this file: auto until the user picks one (reset for a new file)."""
    if st.session_state.get("upload_numbers_for") != file_key:
        st.session_state["upload_numbers_for"] = file_key
        st.session_state["upload_numbers"] = "auto"
    return st.radio(
        t("numbers_choice"),
        CONVENTIONS,
        format_func=option_labels({c: f"numbers_{c}" for c in CONVENTIONS}),
        key="upload_numbers",
        horizontal=True,
    )


def _commodity_words(candidate: Candidate) -> dict[str, str]:
    """Commodity ids as words in the chosen language: ``rice`` -> ``beras`` (its name) in Bahasa."""
    if lang() != "id" or candidate.dataset is None:
        return {}
    c = candidate.dataset.commodities
    return {k: n.lower() for k, n in zip(c["commodity"], c["name"]) if n}


def review(store: Store, candidate: Candidate, current: dict, key: str, signature: str, numbers: str = "en") -> None:
    """Problems (always); then changed cells, rows and plausibility flags, and Save as a draft.

    ``signature`` identifies what was uploaded or edited: once saved, it is not offered again.
    """
    if st.session_state.get("saved_signature") == signature:
        return  # already saved: the persisted message says so
    if candidate.problems:
        (st.error if not candidate.ok else st.warning)(t("problems_found") if not candidate.ok else t("warnings_found"))
        show_problems(candidate.problems, key=f"{key}_problems")
    if not candidate.ok:
        st.warning(t("nothing_saved"))
        return
    new = candidate.dataset.tables()
    cells, rows = cell_changes(current, new), row_changes(current, new)
    if cells.empty and rows.empty:
        st.info(t("no_changes"))
        return
    st.success(t("valid_upload").format(tables=", ".join(candidate.replaced)))
    flags = plausibility(cells, lang(), _commodity_words(candidate))
    if flags:
        st.warning(t("plausibility_title") + "\n\n" + "\n".join(f"- {f}" for f in flags))
    show_changes(cells, rows, key)
    blocked = bool(candidate.ambiguous) and numbers == "auto"
    if blocked:
        st.warning(t("numbers_ambiguous").format(n=len(candidate.ambiguous)))
    if not uploader_name():
        st.caption(t("name_required"))
    if st.button(t("save_draft"), key=f"{key}_save", type="primary", disabled=blocked or not uploader_name()):
        version = store.add_version(
            candidate.dataset, uploader_name(), st.session_state.get("upload_note", ""), source=key
        )
        st.session_state["saved_signature"], st.session_state["saved_version"] = signature, version
        st.rerun()


def show_changes(cells: pd.DataFrame, rows: pd.DataFrame, key: str) -> None:
    """Changed cells (key, column, old, new) and rows added or removed."""
    if not cells.empty:
        st.caption(t("changed_cells"))
        show(cells.astype({"old": str, "new": str}), f"{key}_cells")
    if not rows.empty:
        st.caption(t("added_removed_rows"))
        show(rows, f"{key}_rows")


def saved_message() -> None:
    """ "Saved as version N (draft)" stays on the page (and pops up once as a toast)."""
    version = st.session_state.get("saved_version")
    if version is None:
        return
    st.success(t("saved_draft").format(id=version))
    if st.session_state.get("saved_toasted") != version:
        st.toast(t("saved_draft").format(id=version))
        st.session_state["saved_toasted"] = version


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_changes(path: str, version_id: int, parent_id: int | None) -> str:
    return version_changes(Store(path), version_id, parent_id)


def _changes(store: Store, version_id: int, parent_id: int | None) -> str:
    """What a version changed from its parent (cached: a stored version never changes)."""
    return _cached_changes(str(store.path), version_id, parent_id)


def history_tab(store: Store, active: int | None) -> None:
    """Versions (state, who, when, changes), activations, activate one, compare any two."""
    versions = history(store, changes=_changes)
    states = {s: t(f"state_{s}") for s in STATES}
    show(versions.drop(columns=["active"]).assign(state=versions["state"].map(states)), "history_table")
    ids = store.versions()["id"].tolist()
    if not ids:
        return
    if st.session_state.get("history_newest") != ids[0]:  # a new version: the pickers follow it
        st.session_state["history_newest"] = st.session_state["history_pick"] = st.session_state["history_b"] = ids[0]
        st.session_state["history_a"] = ids[min(1, len(ids) - 1)]
    chosen = st.selectbox(t("version_to_activate"), ids, key="history_pick")
    if not uploader_name():
        st.caption(t("name_required"))
    disabled = chosen == active or not uploader_name() or not can(ANALYST)
    if st.button(t("make_active"), key="history_activate", disabled=disabled, type="primary"):
        store.activate(int(chosen), uploader_name(), st.session_state.get("upload_note", ""))
        st.session_state["activated_version"] = int(chosen)
        if st.session_state.get("saved_version") == int(chosen):  # the draft is in use now
            st.session_state["saved_version"] = None
        st.rerun()
    if st.session_state.get("activated_version") is not None:
        st.success(t("activated").format(id=st.session_state["activated_version"]))
    st.subheader(t("activation_events"))
    show(store.events().drop(columns=["id"]), "history_events")
    st.subheader(t("compare_versions"))
    c1, c2 = st.columns(2)
    a = c1.selectbox(t("version_a"), ids, key="history_a")
    b = c2.selectbox(t("version_b"), ids, key="history_b")
    try:
        old, new = store.tables(int(a)), store.tables(int(b))
    except Exception as exc:  # a damaged version: say so, keep the page
        st.error(t("version_failed").format(id=f"{a}/{b}", why=exc))
        return
    cells, rows = cell_changes(old, new), row_changes(old, new)
    if cells.empty and rows.empty:
        st.info(t("no_differences"))
    show_changes(cells, rows, "history_diff")


def file_key(name: str, data: bytes) -> str:
    """Identifies one uploaded file (name and content)."""
    return f"{name}:{hashlib.sha256(data).hexdigest()[:16]}"
