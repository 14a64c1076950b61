"""Accounts (admins): who may sign in in shared mode and with which role, and the log of sign-ins and changes."""

import streamlit as st

from foodchain.errors import InvalidInput
from foodchain.store.accounts import ROLES
from foodchain_app.auth import ADMIN, accounts, current, require
from foodchain_app.i18n import option_labels, t
from foodchain_app.state import page, show_problems
from foodchain_app.tables import show

page("nav_accounts")
require(ADMIN)
book, by = accounts(), current() or "app (local)"
st.caption(t("acc_help"))
left, right = st.columns(2)
with left.form("acc_add_form", clear_on_submit=True):
    st.subheader(t("acc_add"))
    name = st.text_input(t("auth_name"), key="acc_name", max_chars=64)
    role = st.selectbox(
        t("acc_role"), ROLES, key="acc_role", format_func=option_labels({r: "role_" + r for r in ROLES})
    )
    password = st.text_input(t("auth_password"), type="password", key="acc_password", autocomplete="new-password")
    again = st.text_input(t("acc_password_again"), type="password", key="acc_again", autocomplete="new-password")
    added = st.form_submit_button(t("acc_add_button"), key="acc_add_submit", type="primary")
if added and password != again:
    left.error(t("acc_passwords_differ"))
elif added:
    try:
        left.success(t("acc_added").format(name=book.add(name or "", role, password or "", by=by).name))
    except InvalidInput as exc:
        left.error(t("acc_invalid"))
        show_problems(exc.problems, "acc_problems")
with right.container(border=True):
    st.subheader(t("acc_disable"))
    enabled = book.table().query("not disabled")["name"].tolist()
    chosen = st.selectbox(t("acc_account"), enabled, key="acc_disable_pick", index=None, placeholder=t("choose"))
    if st.button(t("acc_disable_button"), key="acc_disable", disabled=chosen is None):
        book.disable(chosen, by=by)
        st.rerun()
st.subheader(t("acc_list"))
show(book.table(), "acc_table")
st.subheader(t("acc_log"))
show(book.events(), "acc_events")
