"""Upload data: replace a table or the whole dataset, fix rows in place, review every change,
save a draft, activate it, and see the value-level history."""

import hashlib

import streamlit as st

from foodchain.ingest import MAX_UPLOAD_BYTES, dataset_xlsx, dataset_zip, merge_tables, merge_upload, table_csv
from foodchain.model.schema import TABLES, spec_frame
from foodchain_app.auth import MANAGER, require, shared_mode
from foodchain_app.i18n import lang, t
from foodchain_app.state import page
from foodchain_app.tables import show
from foodchain_app.uploads import file_key, history_tab, numbers_choice, review, saved_message

ctx = page("nav_upload", need_dataset=False)
require(MANAGER)
if ctx is not None:
    store, version, dataset = ctx
    current = dataset.tables() if dataset is not None else {}
    c1, c2 = st.columns(2)
    c1.text_input(t("your_name"), key="upload_user", disabled=shared_mode())
    c2.text_input(t("note"), key="upload_note")
    saved_message()
    tab_up, tab_edit, tab_tpl, tab_hist = st.tabs(
        [t("tab_upload"), t("tab_edit"), t("tab_templates"), t("tab_history")]
    )
    with tab_up:
        st.caption(t("upload_help").format(mb=MAX_UPLOAD_BYTES // 2**20))
        file = st.file_uploader(t("upload_file"), type=["csv", "xlsx", "zip"], key="upload_file")
        if file is not None:
            data, key = file.getvalue(), file_key(file.name, file.getvalue())
            numbers = numbers_choice(key)
            candidate = merge_upload(current, data, file.name, numbers)
            review(store, candidate, current, "upload", f"{key}:{numbers}", numbers)
    with tab_edit:
        table = st.selectbox(t("table"), list(TABLES), key="edit_table")
        rows = current.get(table)
        if rows is not None:  # the grid's row numbers are the spreadsheet rows of the messages
            rows = rows.set_axis(range(2, len(rows) + 2))
        edited = st.data_editor(rows, num_rows="dynamic", key=f"edit_rows_{table}", width="stretch", hide_index=False)
        if st.toggle(t("check_edits"), key="edit_check") and edited is not None:
            edited = edited.reset_index(drop=True)
            signature = hashlib.sha256(edited.to_csv().encode()).hexdigest()
            review(store, merge_tables(current, {table: edited}), current, "edit", signature)
    with tab_tpl:
        table = st.selectbox(t("table"), list(TABLES), key="template_table")
        show(spec_frame(table, lang()).astype(str), "template_spec")
        if current:
            st.download_button(
                t("download_table").format(table=table),
                table_csv(current.get(table)),
                f"{table}.csv",
                "text/csv",
                key="template_csv",
            )
        tpl = current or None
        st.download_button(
            t("download_xlsx"), dataset_xlsx(tpl, lang()), f"foodchain_v{version}.xlsx", key="template_xlsx"
        )
        if current:
            st.download_button(t("download_zip"), dataset_zip(current), f"foodchain_v{version}.zip", key="template_zip")
    with tab_hist:
        history_tab(store, version)
