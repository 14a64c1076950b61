"""Sign-in for the app's shared mode (``FOODCHAIN_AUTH=on``).

In shared mode every page shows the login form, and nothing else of the data, until an
account signs in (:func:`gate`, called by ``state.page``); the sidebar then shows who is
signed in and a sign-out button, pages that need more than ``viewer`` call
:func:`require`, buttons ask :func:`can`, and the store a page gets acts for the account
(:func:`bind`: role checks and names in the store itself). Accounts are made with
``foodchain users add``; limits and timeouts are in :mod:`foodchain.store.accounts`.

Without ``FOODCHAIN_AUTH`` (local use) nothing changes: no login, every button works,
names are typed in as before. A value other than empty, ``off``, ``0``, ``false`` or
``no`` means on: a typo never opens the app.
"""

from __future__ import annotations

import math
import os

import streamlit as st

from foodchain.store import Store, default_path
from foodchain.store.accounts import ADMIN, ANALYST, MANAGER, VIEWER, Account, Accounts, LoginRefused, PermissionDenied
from foodchain.store.guard import AccountStore
from foodchain_app.i18n import t

__all__ = ["ADMIN", "ANALYST", "MANAGER", "VIEWER", "bind", "can", "gate", "require", "shared_mode"]

SESSION_KEY = "auth_session"
NAME_KEYS = ("upload_user", "scn_author")  # the pages' "your name" fields: the account's name in shared mode
OFF = {"", "off", "0", "false", "no"}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def shared_mode() -> bool:
    """Whether ``$FOODCHAIN_AUTH`` asks for logins (see the module docstring)."""
    return os.environ.get("FOODCHAIN_AUTH", "").strip().lower() not in OFF


@st.cache_resource(show_spinner=False)
def _accounts(path: str) -> Accounts:
    return Accounts(path)


def accounts() -> Accounts:
    """The accounts of the store at ``$FOODCHAIN_DB``."""
    return _accounts(str(default_path()))


def current() -> Account | None:
    """The signed-in account of this browser session, if any."""
    session = st.session_state.get(SESSION_KEY)
    return session.account if session is not None else None


def can(role: str) -> bool:
    """Whether this session may do what ``role`` may (always, in local mode)."""
    account = current()
    return not shared_mode() or (account is not None and account.can(role))


def gate() -> Account | None:
    """In shared mode: the login form and a stop until an account signs in, then who is
    signed in and a sign-out button in the sidebar. In local mode only a warning when the
    server listens on more than this machine (no login, yet others can reach it)."""
    if not shared_mode():
        if st.get_option("server.address") not in LOOPBACK:
            st.sidebar.warning(t("auth_open_to_network"))
        return None
    account = _resume()
    if account is None:
        _login_form()
        st.stop()
    st.sidebar.markdown(t("auth_signed_in").format(name=account.name, role=t("role_" + account.role)))
    st.sidebar.caption(t("auth_can_" + account.role))
    st.sidebar.button(t("auth_sign_out"), key="auth_sign_out", on_click=_sign_out, icon=":material/logout:")
    st.sidebar.divider()
    for key in NAME_KEYS:
        st.session_state[key] = account.name
    return account


def require(role: str) -> None:
    """Stop the page with a note unless the signed-in account has ``role`` (after ``state.page``)."""
    if not can(role):
        st.warning(t("auth_role_needed").format(role=t("role_" + role)))
        st.stop()


def bind(store: Store) -> Store:
    """The store acting for the signed-in account in shared mode; ``store`` itself in local mode."""
    if not shared_mode():
        return store
    account = current()
    if account is None:
        raise PermissionDenied("nobody is signed in")
    return AccountStore.acting_for(store, account, accounts())


def _resume() -> Account | None:
    session = st.session_state.get(SESSION_KEY)
    if session is None:
        return None
    fresh = accounts().resume(session)
    if fresh is None:
        del st.session_state[SESSION_KEY]
        st.info(t("auth_expired"))
        return None
    st.session_state[SESSION_KEY] = fresh
    return fresh.account


def _login_form() -> None:
    if accounts().count() == 0:
        st.warning(t("auth_no_accounts"))
        return
    st.markdown(t("auth_intro"))
    with st.form("auth_form", clear_on_submit=True, width=420):
        name = st.text_input(t("auth_name"), key="auth_name", autocomplete="username", max_chars=64)
        password = st.text_input(
            t("auth_password"), type="password", key="auth_password", autocomplete="current-password", max_chars=256
        )
        submitted = st.form_submit_button(t("auth_sign_in"), key="auth_submit", type="primary")
    if not submitted:
        return
    try:
        st.session_state[SESSION_KEY] = accounts().login(name or "", password or "", where=_client())
    except LoginRefused as exc:
        minutes, seconds = math.ceil(exc.retry_after_s / 60), math.ceil(exc.retry_after_s)
        st.error(t("auth_" + exc.reason).format(minutes=minutes, seconds=seconds))
        return
    st.rerun()


def _sign_out() -> None:
    session = st.session_state.pop(SESSION_KEY, None)
    if session is not None:
        accounts().logout(session)
    for key in NAME_KEYS:
        st.session_state.pop(key, None)


def _client() -> str:
    """The browser's address as Streamlit sees it (a reverse proxy's, behind one), for the audit log."""
    try:
        return f"from {st.context.ip_address}" if st.context.ip_address else ""
    except Exception:  # no browser (AppTest)
        return ""
