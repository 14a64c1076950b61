"""Upload data: replace a table or the whole dataset, fix rows in place, see every problem, keep versions."""

import streamlit as st

from foodchain.ingest import (
    MAX_UPLOAD_BYTES,
    dataset_xlsx,
    dataset_zip,
    history,
    merge_tables,
    merge_upload,
    table_changes,
    table_csv,
)
from foodchain.model.schema import TABLES, spec_frame
from foodchain_app.auth import ANALYST, MANAGER, can, require, shared_mode
from foodchain_app.i18n import t
from foodchain_app.state import page, show_problems
from foodchain_app.tables import show


def review(candidate, current, key: str) -> None:
    """Problems (always), then what would change and a save button (only when valid)."""
    if candidate.problems:
        st.error(t("problems_found") if not candidate.ok else t("warnings_found"))
        show_problems(candidate.problems, key=f"{key}_problems")
    if not candidate.ok:
        st.warning(t("nothing_saved"))
        return
    changes = table_changes(current, candidate.tables)
    if not changes[["added", "removed", "changed"]].to_numpy().any():
        st.info(t("no_changes"))
        return
    st.success(t("valid_upload").format(tables=", ".join(candidate.replaced)))
    show(changes, f"{key}_changes")
    if st.button(t("save_version"), key=f"{key}_save", type="primary"):
        new = store.add_version(
            candidate.dataset,
            st.session_state.get("upload_user", ""),
            st.session_state.get("upload_note", ""),
            source=key,
            activate=can(ANALYST),
        )
        st.success(t("saved_version").format(id=new))
        st.rerun()


ctx = page("nav_upload")
require(MANAGER)
if ctx is not None:
    store, version, dataset = ctx
    current = store.raw_tables(version)
    c1, c2 = st.columns(2)
    c1.text_input(t("your_name"), key="upload_user", disabled=shared_mode())
    c2.text_input(t("note"), key="upload_note")
    tab_up, tab_edit, tab_tpl, tab_hist = st.tabs(
        [t("tab_upload"), t("tab_edit"), t("tab_templates"), t("tab_history")]
    )
    with tab_up:
        st.caption(t("upload_help").format(mb=MAX_UPLOAD_BYTES // 2**20))
        file = st.file_uploader(t("upload_file"), type=["csv", "xlsx", "zip"], key="upload_file")
        if file is not None:
            review(merge_upload(current, file.getvalue(), file.name), current, "upload")
    with tab_edit:
        table = st.selectbox(t("table"), list(TABLES), key="edit_table")
        edited = st.data_editor(current.get(table), num_rows="dynamic", key=f"edit_rows_{table}", width="stretch")
        if st.toggle(t("check_edits"), key="edit_check"):
            review(merge_tables(current, {table: edited}), current, "edit")
    with tab_tpl:
        table = st.selectbox(t("table"), list(TABLES), key="template_table")
        show(spec_frame(table).astype(str), "template_spec")
        st.download_button(
            t("download_table").format(table=table),
            table_csv(current.get(table)),
            f"{table}.csv",
            "text/csv",
            key="template_csv",
        )
        st.download_button(t("download_xlsx"), dataset_xlsx(current), f"foodchain_v{version}.xlsx", key="template_xlsx")
        st.download_button(t("download_zip"), dataset_zip(current), f"foodchain_v{version}.zip", key="template_zip")
    with tab_hist:
        show(history(store), "history_table")
        ids = store.versions()["id"].tolist()
        chosen = st.selectbox(t("version_to_activate"), ids, index=ids.index(version), key="history_pick")
        if st.button(t("make_active"), key="history_activate", disabled=chosen == version or not can(ANALYST)):
            store.activate(int(chosen))
            st.rerun()
