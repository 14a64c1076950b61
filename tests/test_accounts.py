"""Accounts, roles, login limits, session expiry and the role-checked store (foodchain.store.accounts, guard)."""

from __future__ import annotations

import sqlite3

import pytest
from argon2 import PasswordHasher

from foodchain.errors import InvalidInput
from foodchain.store import Store
from foodchain.store import accounts as acc
from foodchain.store.accounts import Account, Accounts, LoginRefused, PermissionDenied, Session, allows
from foodchain.store.guard import WRITES, AccountStore

PASSWORD = "kopi-tubruk-2020"
# Real Argon2id with small costs, so that the many logins below take milliseconds
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


class Clock:
    """A clock the test moves by hand; ``waits`` records every delay asked for."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now, self.waits = now, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(tmp_path, clock) -> Accounts:
    return Accounts(tmp_path / "store.sqlite", clock=clock, sleep=clock.sleep, hasher=FAST)


def events(accounts: Accounts) -> list[tuple[str, str]]:
    return [(e.name, e.event) for e in accounts.events().itertuples()][::-1]


def test_passwords_are_stored_as_argon2id_hashes_only(tmp_path):
    accounts = Accounts(tmp_path / "s.sqlite")  # the real default costs
    accounts.add("ana", "analyst", PASSWORD)
    with sqlite3.connect(tmp_path / "s.sqlite") as con:
        dump = "\n".join(con.iterdump())
        stored = con.execute("SELECT password_hash FROM accounts").fetchone()[0]
    assert PASSWORD not in dump
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PasswordHasher().verify(stored, PASSWORD)
    assert accounts.login("ana", PASSWORD).account == Account("ana", "analyst")


def test_login_checks_the_password_and_waits_after_a_failure(accounts, clock):
    accounts.add("Ana", "manager", PASSWORD)
    with pytest.raises(LoginRefused) as wrong:
        accounts.login("ana", PASSWORD + "x")
    with pytest.raises(LoginRefused) as unknown:
        accounts.login("nobody", PASSWORD)
    assert wrong.value.reason == unknown.value.reason == "bad"  # the same answer: names stay secret
    assert clock.waits == [acc.FAIL_DELAY_S, acc.FAIL_DELAY_S]
    session = accounts.login(" ANA ", PASSWORD)  # names are case-insensitive
    assert session.account == Account("Ana", "manager") and session.started_at == clock.now
    assert events(accounts) == [
        ("command line", "account_added"),
        ("ana", "login_failed"),
        ("nobody", "login_failed"),
        ("ana", "login_ok"),
    ]
    assert "wrong password" in accounts.events()["detail"].iloc[2]


def test_a_hash_made_with_other_costs_is_renewed_at_login(tmp_path):
    path = tmp_path / "s.sqlite"
    Accounts(path, hasher=FAST).add("ana", "viewer", PASSWORD)
    Accounts(path).login("ana", PASSWORD)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT password_hash FROM accounts").fetchone()[0].startswith("$argon2id$v=19$m=65536,t=3")


def test_new_accounts_list_every_problem_at_once(accounts):
    with pytest.raises(InvalidInput) as bad:
        accounts.add("ana maria", "boss", "short")
    assert [(p.table, p.column) for p in bad.value.problems] == [
        ("accounts", "name"),
        ("accounts", "role"),
        ("accounts", "password"),
    ]
    accounts.add("ana", "viewer", PASSWORD)
    with pytest.raises(InvalidInput, match="already an account named 'ana'"):
        accounts.add("ANA", "admin", PASSWORD)
    assert accounts.table()["name"].tolist() == ["ana"]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("viewer", {"viewer"}),
        ("manager", {"viewer", "manager"}),
        ("analyst", {"viewer", "manager", "analyst"}),
        ("admin", {"viewer", "manager", "analyst", "admin"}),
        ("boss", set()),
    ],
)
def test_each_role_has_the_rights_of_the_ones_before_it(role, allowed):
    assert {needed for needed in acc.ROLES if allows(role, needed)} == allowed


def test_too_many_failures_lock_the_account_for_a_while(accounts, clock):
    accounts.add("ana", "analyst", PASSWORD)
    for _ in range(acc.USER_MAX_FAILURES):
        with pytest.raises(LoginRefused):
            accounts.login("ana", "guess-guess-guess")
        clock.now += 10
    waits = len(clock.waits)
    with pytest.raises(LoginRefused) as locked:
        accounts.login("ana", PASSWORD)  # even the right password: not checked while locked
    assert locked.value.reason == "locked"
    # the first of the five failures was 50 s ago: locked for the rest of the window
    assert locked.value.retry_after_s == pytest.approx(acc.USER_WINDOW_S - 50)
    assert len(clock.waits) == waits and events(accounts)[-1] == ("ana", "login_locked")
    accounts.add("budi", "viewer", PASSWORD)
    accounts.login("budi", PASSWORD)  # another account is not locked
    clock.now += acc.USER_WINDOW_S - 50
    assert accounts.login("ana", PASSWORD).account.name == "ana"


def test_a_successful_login_starts_the_count_again(accounts, clock):
    accounts.add("ana", "analyst", PASSWORD)
    for _ in range(2):
        for _ in range(acc.USER_MAX_FAILURES - 1):
            with pytest.raises(LoginRefused):
                accounts.login("ana", "guess-guess-guess")
            clock.now += 1
        accounts.login("ana", PASSWORD)
        clock.now += 1


def test_failures_across_names_throttle_every_login(accounts, clock, monkeypatch):
    monkeypatch.setattr(acc, "GLOBAL_MAX_FAILURES", 4)
    accounts.add("ana", "analyst", PASSWORD)
    for i in range(4):
        with pytest.raises(LoginRefused):
            accounts.login(f"user{i}", "guess-guess-guess")
        clock.now += 5
    with pytest.raises(LoginRefused) as busy:
        accounts.login("ana", PASSWORD)
    assert busy.value.reason == "busy"
    assert busy.value.retry_after_s == pytest.approx(acc.GLOBAL_WINDOW_S - 20)
    clock.now += acc.GLOBAL_WINDOW_S - 20
    accounts.login("ana", PASSWORD)


@pytest.mark.parametrize(
    ("started_ago", "idle", "expected"),
    [
        (60, 59, None),
        (3600, acc.IDLE_S - 1, None),
        (3600, acc.IDLE_S, "idle"),
        (acc.MAX_AGE_S - 1, 10, None),
        (acc.MAX_AGE_S, 10, "max_age"),
    ],
)
def test_sessions_expire_when_idle_or_old(started_ago, idle, expected):
    now = 10_000_000.0
    session = Session(Account("ana", "viewer"), started_at=now - started_ago, last_seen=now - idle)
    assert session.expiry(now) == expected


def test_resume_keeps_a_used_session_alive_and_ends_an_idle_one(accounts, clock):
    accounts.add("ana", "viewer", PASSWORD)
    session = accounts.login("ana", PASSWORD)
    for _ in range(4):  # used every 20 minutes: still alive after 80 minutes
        clock.now += 20 * 60
        session = accounts.resume(session)
        assert session is not None and session.last_seen == clock.now
    clock.now += acc.IDLE_S
    assert accounts.resume(session) is None
    assert events(accounts)[-1] == ("ana", "session_expired")


def test_a_session_ends_at_the_absolute_limit_even_when_used(accounts, clock):
    accounts.add("ana", "viewer", PASSWORD)
    session = accounts.login("ana", PASSWORD)
    while clock.now - session.started_at < acc.MAX_AGE_S - 600:
        clock.now += 600
        session = accounts.resume(session)
        assert session is not None
    clock.now += 600
    assert accounts.resume(session) is None


def test_a_disabled_account_cannot_sign_in_and_its_sessions_end(accounts, clock):
    accounts.add("ana", "analyst", PASSWORD)
    session = accounts.login("ana", PASSWORD)
    accounts.disable("ANA")
    assert accounts.resume(session) is None
    with pytest.raises(LoginRefused) as refused:
        accounts.login("ana", PASSWORD)
    assert refused.value.reason == "bad"
    assert accounts.get("ana") is None and accounts.count() == 0
    assert accounts.table()["disabled"].tolist() == [True]
    with pytest.raises(InvalidInput, match="no account named 'nobody'"):
        accounts.disable("nobody")


def test_resume_takes_the_role_from_the_store(accounts, clock):
    accounts.add("ana", "analyst", PASSWORD)
    session = accounts.login("ana", PASSWORD)
    forged = Session(Account("ana", "admin"), session.started_at, session.last_seen)
    assert accounts.resume(forged).account == Account("ana", "analyst")


# -- the role-checked store ------------------------------------------------------------


@pytest.fixture
def store(tmp_path, tiny) -> Store:
    store = Store(tmp_path / "store.sqlite")
    store.add_version(tiny, "foodchain", "sample", activate=True)
    return store


def acting(store: Store, accounts: Accounts, name: str, role: str) -> AccountStore:
    accounts.add(name, role, PASSWORD)
    return AccountStore.acting_for(store, accounts.get(name), accounts)


def test_a_viewer_can_read_but_not_write(store, accounts, tiny):
    viewer = acting(store, accounts, "pak-gub", "viewer")
    assert viewer.active_version() == 1 and len(viewer.load_version(1).nodes) == len(tiny.nodes)
    for write in (
        lambda: viewer.add_version(tiny, "pak-gub", activate=False),
        lambda: viewer.activate(1),
        lambda: viewer.save_scenario({"name": "x", "horizon_days": 1, "disruptions": []}, "pak-gub"),
    ):
        with pytest.raises(PermissionDenied, match="pak-gub"):
            write()
    assert len(store.versions()) == 1 and store.scenarios().empty
    assert [e for e in events(accounts) if e[1] == "refused"] == [("pak-gub", "refused")] * 3


def test_a_manager_uploads_drafts_only_under_the_account_name(store, accounts, tiny):
    manager = acting(store, accounts, "siti", "manager")
    with pytest.raises(PermissionDenied, match="analyst"):
        manager.add_version(tiny, "someone else", activate=True)  # activating needs an analyst
    draft = manager.add_version(tiny, "someone else", "new prices", activate=False)
    assert store.active_version() == 1
    assert store.version_info(draft)["uploader"] == "siti"
    with pytest.raises(PermissionDenied):
        manager.activate(draft)
    analyst = acting(store, accounts, "ana", "analyst")
    analyst.activate(draft)
    assert store.active_version() == draft
    assert analyst.save_scenario({"name": "Banjir", "horizon_days": 1, "disruptions": []}, "x") == 1
    assert store.scenarios()["author"].tolist() == ["ana"]
    log = accounts.events()
    assert log.query("event == 'activate'")["name"].tolist() == ["ana"]
    assert "version_id=2" in log.query("event == 'activate'")["detail"].iloc[0]


def test_a_write_without_a_role_is_refused(store, accounts):
    admin = acting(store, accounts, "root", "admin")
    with pytest.raises(PermissionDenied, match="no role"), admin._write() as con:
        con.execute("DELETE FROM dataset_versions")
    assert len(store.versions()) == 1
    assert set(WRITES) >= {"add_version", "activate", "save_scenario", "save_run"}


def test_only_an_admin_account_manages_accounts(accounts):
    admin, analyst = accounts.add("rina", "admin", PASSWORD), accounts.add("ana", "analyst", PASSWORD)
    with pytest.raises(PermissionDenied, match="admin role"):
        accounts.add("dewi", "viewer", PASSWORD, by=analyst)
    with pytest.raises(PermissionDenied):
        accounts.disable("rina", by=analyst)
    assert accounts.add("dewi", "viewer", PASSWORD, by=admin).role == "viewer"
    accounts.disable("ana", by=admin)
    assert accounts.get("rina") is not None and accounts.get("ana") is None
    assert accounts.table().set_index("name")["created_by"].to_dict() == {
        "ana": "command line",
        "dewi": "rina",
        "rina": "command line",
    }


def test_the_table_shows_each_last_login(accounts, clock):
    accounts.add("ana", "analyst", PASSWORD)
    accounts.add("budi", "viewer", PASSWORD)
    clock.now = 1_800_003_600.0
    accounts.login("ANA", PASSWORD)
    table = accounts.table()
    assert table["last_login"].tolist() == ["2027-01-15 09:00:00 UTC", ""]
    assert table["disabled"].tolist() == [False, False]
