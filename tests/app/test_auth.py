"""Shared mode (FOODCHAIN_AUTH=on) in AppTest: no data before login, roles on pages, buttons and the store."""

from __future__ import annotations

import time

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from foodchain.store import Store
from foodchain.store.accounts import MAX_AGE_S, Accounts, PermissionDenied, Session
from foodchain.store.guard import AccountStore
from tests.app.test_pages import ADMIN_PAGES, PAGES, app, ok
from tests.conftest import ROOT, TINY

PAGES = [*PAGES, *ADMIN_PAGES]

PASSWORD = "gado-gado-siang"
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
ROLE_OF = {"pak-gub": "viewer", "siti": "manager", "ana": "analyst", "rina": "admin"}
SAMPLE_WORDS = ("MKT-NORTH", "Central wholesale market", "West farms")  # ids and names of the tiny sample


@pytest.fixture
def shared(tmp_path, monkeypatch):
    """Shared mode on a fresh store seeded with the tiny sample, with one account of each role."""
    path = tmp_path / "app.sqlite"
    monkeypatch.setenv("FOODCHAIN_DB", str(path))
    monkeypatch.setenv("FOODCHAIN_SAMPLE", "tiny")
    monkeypatch.setenv("FOODCHAIN_AUTH", "on")
    accounts = Accounts(path, hasher=FAST)
    for name, role in ROLE_OF.items():
        accounts.add(name, role, PASSWORD)
    return path


def signed_in(page: str, name: str, lang: str = "en", started_ago_s: float = 0.0) -> AppTest:
    """``page`` for a session in which ``name`` signed in ``started_ago_s`` seconds ago."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=120)
    at.session_state["lang"] = lang
    now = time.time()
    at.session_state["auth_session"] = Session(Accounts().get(name), now - started_ago_s, now)
    return at.run()


def _elements(node) -> list:
    children = getattr(node, "children", None)
    return [e for child in children.values() for e in _elements(child)] if children is not None else [node]


def everything_shown(at: AppTest) -> str:
    """Every element's content in the page and sidebar, as text (tables included)."""
    return "\n".join(str(getattr(e, "proto", "")) for e in _elements(at._tree))


def widget_keys(at: AppTest) -> set[str]:
    """The keys of every widget shown."""
    return {e.key for e in _elements(at._tree) if getattr(e, "key", None)}


@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_data_before_login(shared, page):
    at = ok(app(page))
    shown = everything_shown(at)
    assert {"auth_name", "auth_password", "auth_submit"} <= widget_keys(at)
    assert at.text_input(key="auth_password").proto.type == at.text_input(key="auth_password").proto.PASSWORD
    assert not at.dataframe and not at.metric and not at.get("deck_gl_json_chart")
    assert not [w for w in SAMPLE_WORDS if w in shown]
    assert "Active data" not in shown and "version" not in shown.lower()


def test_sample_words_are_found_once_signed_in(shared):
    """The check above can fail: the same words are found when a viewer sees the Network page."""
    shown = everything_shown(ok(signed_in("pages/2_Network.py", "pak-gub")))
    assert all(w in shown for w in SAMPLE_WORDS)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_login_with_the_form_then_sign_out(shared, lang):
    at = ok(app("Home.py", lang))
    at.text_input(key="auth_name").input("ana")
    at.text_input(key="auth_password").input(PASSWORD + "?")
    at.button(key="auth_submit").click().run()
    assert at.error[0].value.startswith("Nama akun atau kata sandi salah" if lang == "id" else "Wrong account name")
    assert not at.metric
    at.text_input(key="auth_name").input("ANA")
    at.text_input(key="auth_password").input(PASSWORD)
    at.button(key="auth_submit").click().run()
    ok(at)
    assert at.metric[0].value == "112"  # tiny: 100 t rice + 12 t chili a day
    assert "**ana**" in at.sidebar.markdown[-1].value
    assert "auth_name" not in widget_keys(at)
    at.sidebar.button(key="auth_sign_out").click().run()
    assert not at.metric and "auth_name" in widget_keys(at)
    log = Accounts().events()
    assert [e for e in log["event"] if e.startswith("log")] == ["logout", "login_ok", "login_failed"]


def test_without_accounts_the_page_says_how_to_make_the_first(tmp_path, monkeypatch):
    monkeypatch.setenv("FOODCHAIN_DB", str(tmp_path / "app.sqlite"))
    monkeypatch.setenv("FOODCHAIN_SAMPLE", "tiny")
    monkeypatch.setenv("FOODCHAIN_AUTH", "yes please")  # not clearly off: on
    at = ok(app("Home.py"))
    assert "foodchain users add NAME --role admin" in at.warning[0].value
    assert not at.metric and not at.text_input


def test_an_expired_session_asks_for_login_again(shared):
    at = ok(signed_in("Home.py", "ana", started_ago_s=MAX_AGE_S + 1))
    assert at.info[0].value == "Your session has ended. Please sign in again."
    assert not at.metric and "auth_name" in widget_keys(at)
    assert "auth_session" not in at.session_state


def test_a_disabled_account_is_signed_out_at_its_next_page(shared):
    at = ok(signed_in("Home.py", "ana"))
    assert at.metric
    Accounts().disable("ana")
    at.run()
    assert not at.metric and "auth_name" in widget_keys(at)


@pytest.mark.parametrize(
    ("page", "lowest"),
    [
        ("Home.py", "viewer"),
        ("pages/1_Upload_data.py", "manager"),
        ("pages/2_Network.py", "viewer"),
        ("pages/3_Scenarios.py", "analyst"),
        ("pages/4_Shortfalls.py", "viewer"),
        ("pages/5_Criticality.py", "analyst"),
        ("pages/6_Compare.py", "viewer"),
        ("pages/7_Accounts.py", "admin"),
    ],
)
def test_each_role_sees_its_pages(shared, page, lowest):
    order = list(ROLE_OF.values())
    for name, role in ROLE_OF.items():
        allowed = order.index(role) >= order.index(lowest)
        at = ok(signed_in(page, name))
        refused = [w.value for w in at.warning if "role or a higher one" in w.value]
        assert bool(refused) != allowed, (page, name)
        assert not at.error, [e.value for e in at.error]


def _upload(at: AppTest) -> AppTest:
    demand = (TINY / "demand.csv").read_bytes().replace(b"MKT-SOUTH,rice,40", b"MKT-SOUTH,rice,45")
    return at.file_uploader(key="upload_file").set_value(("demand.csv", demand, "text/csv")).run()


def test_a_viewer_cannot_save_uploads_or_activate_and_the_store_refuses(shared):
    at = ok(signed_in("pages/1_Upload_data.py", "pak-gub"))
    assert not widget_keys(at) & {"upload_file", "upload_save", "history_activate", "edit_check"}
    assert at.warning[0].value.startswith("This page needs the manager role")
    store = Store(shared)
    viewer = AccountStore.acting_for(store, Accounts().get("pak-gub"), Accounts())
    with pytest.raises(PermissionDenied):
        viewer.add_version(store.load_version(1), "pak-gub", activate=False)
    with pytest.raises(PermissionDenied):
        viewer.activate(1)
    assert len(store.versions()) == 1


def test_a_manager_saves_a_draft_under_the_account_name_and_cannot_activate(shared):
    at = ok(signed_in("pages/1_Upload_data.py", "siti"))
    name = at.text_input(key="upload_user")
    assert name.value == "siti" and name.disabled
    ok(_upload(at)).button(key="upload_save").click().run()
    ok(at)
    versions = Store(shared).versions()
    assert versions[["id", "uploader", "active"]].values.tolist() == [[2, "siti", False], [1, "foodchain", True]]
    at.selectbox(key="history_pick").set_value(2).run()
    assert at.button(key="history_activate").disabled
    assert Store(shared).active_version() == 1


def test_an_analyst_activates_a_draft_and_can_go_back(shared):
    at = ok(signed_in("pages/1_Upload_data.py", "ana"))
    ok(_upload(at)).button(key="upload_save").click().run()
    assert Store(shared).active_version() == 1 and Store(shared).version_info(2)["uploader"] == "ana"
    at.selectbox(key="history_pick").set_value(2).run()
    ok(at).button(key="history_activate").click().run()
    assert Store(shared).active_version() == 2
    at.selectbox(key="history_pick").set_value(1).run()
    ok(at).button(key="history_activate").click().run()
    assert Store(shared).active_version() == 1
    assert Accounts().events().query("event == 'activate'")["name"].tolist() == ["ana", "ana"]


def test_scenarios_are_saved_under_the_account_name(shared):
    at = ok(signed_in("pages/3_Scenarios.py", "ana"))
    assert at.text_input(key="scn_author").value == "ana" and at.text_input(key="scn_author").disabled
    before = set(Store(shared).scenarios()["author"])
    at.button(key="scn_save").click().run()
    ok(at)
    after = Store(shared).scenarios()["author"].tolist()
    assert before == {"foodchain"} and after.count("ana") == 1 and len(after) == after.count("foodchain") + 1


def test_a_new_run_is_logged_with_the_account_that_made_it(shared):
    ok(signed_in("Home.py", "pak-gub"))  # the one-day baseline is solved and saved
    ok(signed_in("Home.py", "ana"))  # and then read back, not made again
    saved = Accounts().events().query("event == 'save_run'")
    assert saved["name"].tolist() == ["pak-gub"] and "version_id=1" in saved["detail"].iloc[0]
    assert len(Store(shared).runs(1)) == 1


def _add_on_the_page(at: AppTest, name: str, role: str, password: str, again: str) -> AppTest:
    at.text_input(key="acc_name").input(name)
    at.selectbox(key="acc_role").set_value(role)
    at.text_input(key="acc_password").input(password)
    at.text_input(key="acc_again").input(again)
    return ok(at.button(key="acc_add_submit").click().run())


def test_an_admin_adds_and_disables_accounts_on_the_page(shared):
    Accounts(hasher=FAST).login("rina", PASSWORD)  # one account with a last login, one without
    at = ok(signed_in("pages/7_Accounts.py", "rina", lang="id"))
    assert at.dataframe[0].value.set_index("name")["last_login"].astype(bool).to_dict()["rina"]
    _add_on_the_page(at, "dewi", "manager", PASSWORD, PASSWORD + "!")
    assert at.error[0].value == "Kedua kata sandi berbeda." and Accounts().get("dewi") is None
    _add_on_the_page(at, "dewi", "manager", "pendek", "pendek")
    assert at.error[0].value == "Akun tidak dibuat:" and Accounts().get("dewi") is None
    assert at.dataframe[0].value["column"].tolist() == ["password"]
    _add_on_the_page(at, "dewi", "manager", PASSWORD, PASSWORD)
    assert Accounts().get("dewi").role == "manager"
    assert "dewi" in at.dataframe[0].value["name"].tolist()  # the table shows the new account at once
    at.selectbox(key="acc_disable_pick").set_value("siti").run()
    ok(at.button(key="acc_disable").click().run())
    assert Accounts().get("siti") is None
    log = Accounts().events()
    assert log.query("event in ['account_added', 'account_disabled']")["name"].tolist()[:2] == ["rina", "rina"]


def test_the_accounts_page_works_in_local_mode(tmp_path, monkeypatch):
    monkeypatch.setenv("FOODCHAIN_DB", str(tmp_path / "app.sqlite"))
    monkeypatch.setenv("FOODCHAIN_SAMPLE", "tiny")
    monkeypatch.delenv("FOODCHAIN_AUTH", raising=False)
    at = ok(app("pages/7_Accounts.py"))
    _add_on_the_page(at, "rina", "admin", PASSWORD, PASSWORD)
    assert Accounts().get("rina").role == "admin"
    assert Accounts().table()["created_by"].tolist() == ["app (local)"]


def test_local_mode_warns_when_other_machines_can_reach_it(tmp_path, monkeypatch):
    from streamlit import config

    monkeypatch.setenv("FOODCHAIN_DB", str(tmp_path / "app.sqlite"))
    monkeypatch.setenv("FOODCHAIN_SAMPLE", "tiny")
    monkeypatch.delenv("FOODCHAIN_AUTH", raising=False)
    before = config.get_option("server.address")
    assert before == "127.0.0.1" and not ok(app("Home.py")).sidebar.warning  # from .streamlit/config.toml
    config.set_option("server.address", "0.0.0.0")
    try:
        at = ok(app("Home.py"))
    finally:
        config.set_option("server.address", before)
    assert "FOODCHAIN_AUTH=on" in at.sidebar.warning[0].value and at.metric
