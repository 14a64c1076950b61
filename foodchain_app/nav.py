"""The page menu in the sidebar, titled in the chosen language.

Streamlit's own menu (switched off in ``.streamlit/config.toml``) would show the file names
of ``pages/`` in English whatever the language.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

from foodchain_app.i18n import t

# (file, title key, icon); Home.py is the app's entry point and first page
PAGES = [
    ("Home.py", "nav_home", ":material/home:"),
    ("pages/1_Upload_data.py", "nav_upload", ":material/upload_file:"),
    ("pages/2_Network.py", "nav_network", ":material/hub:"),
    ("pages/3_Scenarios.py", "nav_scenarios", ":material/flood:"),
    ("pages/4_Shortfalls.py", "nav_shortfalls", ":material/map:"),
    ("pages/5_Criticality.py", "nav_criticality", ":material/warning:"),
    ("pages/6_Compare.py", "nav_compare", ":material/compare_arrows:"),
    ("pages/7_Accounts.py", "nav_accounts", ":material/manage_accounts:"),
]


def link(path: str, label: str, icon: str | None = None, container=None) -> None:
    """A link to another page (plain text when the page runs on its own, as in AppTest)."""
    try:
        (container or st).page_link(path, label=label, icon=icon)
    except StreamlitAPIException:  # no page registry to link into
        (container or st).markdown(label)


def sidebar_menu() -> None:
    """One link per page in the sidebar, in the chosen language."""
    for path, key, icon in PAGES:
        link(path, t(key), icon, st.sidebar)
    st.sidebar.divider()
