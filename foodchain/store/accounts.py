"""Accounts, roles, logins and sessions for a shared deployment, in the store's SQLite file.

Two tables live beside the store's own (created here, on first use):

* ``accounts`` -- name (unique, case-insensitive), role, an Argon2id password hash
  (argon2-cffi's defaults), whether the account is disabled, when and by whom it was made.
* ``account_events`` -- the audit log: every login (ok, failed, locked out, throttled),
  logout, expired session, account added or disabled, and every write made through an
  :class:`~foodchain.store.guard.AccountStore`, with the time and the account name.

Roles, each with the rights of the ones before it:

==========  ===========================================================
``viewer``   policymakers: see results, download reports and briefs
``manager``  market managers: upload drafts (versions that are not active)
``analyst``  scenarios, analyses, make a version active
``admin``    accounts (``foodchain users``)
==========  ===========================================================

Failed logins are rate-limited from the audit log, so the limits hold across browser
sessions and server processes:

* per account: after ``USER_MAX_FAILURES`` failures within ``USER_WINDOW_S`` seconds
  (counted since the last successful login) the account is locked until the oldest of
  those failures is ``USER_WINDOW_S`` old; the password is not even checked meanwhile;
* overall: after ``GLOBAL_MAX_FAILURES`` failures (any names) within ``GLOBAL_WINDOW_S``
  every login is refused until the window has room again;
* every failed attempt waits ``FAIL_DELAY_S`` seconds before it answers.

A session expires after ``IDLE_S`` seconds without use and ``MAX_AGE_S`` after login,
whichever comes first, and at once when its account is disabled. The clock and the
delay are parameters, so tests can move time.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from foodchain.errors import FoodchainError, InvalidInput
from foodchain.messages import msg
from foodchain.model.problems import Problem

VIEWER, MANAGER, ANALYST, ADMIN = ROLES = ("viewer", "manager", "analyst", "admin")

NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MIN_PASSWORD_CHARS, MAX_PASSWORD_CHARS = 12, 256

USER_MAX_FAILURES, USER_WINDOW_S = 5, 15 * 60
GLOBAL_MAX_FAILURES, GLOBAL_WINDOW_S = 50, 60
FAIL_DELAY_S = 1.0
IDLE_S, MAX_AGE_S = 30 * 60, 12 * 3600

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    name TEXT PRIMARY KEY COLLATE NOCASE, role TEXT NOT NULL, password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, created_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS account_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, name TEXT NOT NULL, event TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS account_events_by_name ON account_events (event, name, at);
"""

HASHER = PasswordHasher()  # Argon2id, argon2-cffi's defaults (RFC 9106 low-memory profile)


def allows(role: str, needed: str) -> bool:
    """Whether ``role`` has the rights of ``needed`` (roles are ordered viewer < manager < analyst < admin).

    Parameters
    ----------
    role : str
        The account's role.
    needed : str
        The role an action needs.

    Returns
    -------
    bool
        False for a role not in :data:`ROLES`.
    """
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


class PermissionDenied(FoodchainError):
    """The signed-in account's role does not allow this action."""


class LoginRefused(FoodchainError):
    """A login failed. ``reason`` is ``"bad"`` (wrong name or password, or a disabled
    account: the same answer for each), ``"locked"`` (too many failures for this name)
    or ``"busy"`` (too many failures overall); ``retry_after_s`` says when to try again."""

    def __init__(self, reason: str, retry_after_s: float = 0.0) -> None:
        self.reason, self.retry_after_s = reason, max(0.0, retry_after_s)
        super().__init__(msg("store.login_refused", reason=reason))


@dataclass(frozen=True)
class Account:
    """A signed-in account: its name as created, and its role."""

    name: str
    role: str

    def can(self, needed: str) -> bool:
        return allows(self.role, needed)


@dataclass(frozen=True)
class Session:
    """A login: who, as what, since when (``started_at``) and last used (``last_seen``), in clock seconds."""

    account: Account
    started_at: float
    last_seen: float

    def expiry(self, now: float, idle_s: float = IDLE_S, max_age_s: float = MAX_AGE_S) -> str | None:
        """``"idle"`` after ``idle_s`` without use, ``"max_age"`` ``max_age_s`` after login, else ``None``.

        Parameters
        ----------
        now : float
            The time now, in seconds (the clock of :class:`Accounts`).
        idle_s : float, default IDLE_S
            Seconds without use before a session ends.
        max_age_s : float, default MAX_AGE_S
            Seconds after login before a session ends.

        Returns
        -------
        str or None
        """
        if now - self.started_at >= max_age_s:
            return "max_age"
        if now - self.last_seen >= idle_s:
            return "idle"
        return None


def not_allowed(account: Account, action: str, needed: str) -> str:
    """'account 'ana' (viewer) may not add version: that needs the analyst role', in the reader's language.

    Parameters
    ----------
    account : Account
        The signed-in account.
    action : str
        The action's id (``store.action.<action>`` names it).
    needed : str
        The role the action needs.

    Returns
    -------
    str
        A :class:`~foodchain.messages.Message`.
    """
    words = msg(f"store.action.{action}")
    return msg("store.not_allowed", name=account.name, role=account.role, action=words, needed=needed)


def _problem(column: str, message: str) -> Problem:
    return Problem("accounts", None, column, message)


def check_new_account(name: str, role: str, password: str) -> list[Problem]:
    """Every problem with a new account's name, role and password (empty when it may be made).

    Parameters
    ----------
    name : str
        The account's name (:data:`NAME_PATTERN`).
    role : str
        One of :data:`ROLES`.
    password : str
        :data:`MIN_PASSWORD_CHARS` to :data:`MAX_PASSWORD_CHARS` characters.

    Returns
    -------
    list of Problem
        Errors in table ``account``.
    """
    problems = []
    if not NAME_PATTERN.fullmatch(name):
        problems.append(_problem("name", msg("store.bad_account_name", name=name[:70])))
    if role not in ROLES:
        problems.append(_problem("role", msg("store.bad_role", role=role[:30], roles=", ".join(ROLES))))
    if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        problems.append(
            _problem("password", msg("store.password_length", low=MIN_PASSWORD_CHARS, high=MAX_PASSWORD_CHARS))
        )
    return problems


def _stamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class Accounts:
    """The accounts and the audit log of one store file (see the module docstring).

    Parameters
    ----------
    path : the store's SQLite file (``foodchain.store.default_path()`` when ``None``).
    clock : seconds now (``time.time``); tests pass their own.
    sleep : waits a number of seconds (``time.sleep``); called once per failed login.
    hasher : the Argon2 hasher (argon2-cffi's defaults); hashes made with other parameters
        are checked as they are and re-hashed at the next login.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        hasher: PasswordHasher = HASHER,
    ) -> None:
        from foodchain.store import default_path

        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.clock, self.sleep, self.hasher = clock, sleep, hasher
        self._dummy_hash = ""
        con = self._connect()
        try:
            con.executescript(SCHEMA)
        finally:
            con.close()

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        con.execute("PRAGMA busy_timeout=60000")
        return con

    def _run(self, sql: str, params: tuple = ()) -> list[tuple]:
        con = self._connect()
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    # -- accounts ------------------------------------------------------------------------

    def add(self, name: str, role: str, password: str, by: str | Account = "command line") -> Account:
        """Make an account; raises :class:`InvalidInput` listing every problem (a taken name too).

        ``by`` is who does it: a text (the command line) or a signed-in :class:`Account`,
        which must be an admin (else :class:`PermissionDenied`).

        Parameters
        ----------
        name : str
            The account's name.
        role : str
            One of :data:`ROLES`.
        password : str
            Stored only as a hash.
        by : str or Account, default "command line"
            Who does it; an :class:`Account` must be an admin.

        Returns
        -------
        Account

        Raises
        ------
        InvalidInput
            Listing every problem with name, role and password, or a name already taken.
        PermissionDenied
            When ``by`` is an account that is not an admin.
        """
        by = self._admin(by, "add_account")
        name = name.strip()
        problems = check_new_account(name, role, password)
        taken = self._row(name) if not problems else None
        if taken is not None:
            problems.append(_problem("name", msg("store.account_taken", name=taken[0])))
        if problems:
            raise InvalidInput(problems, "account")
        try:
            self._run(
                "INSERT INTO accounts (name, role, password_hash, created_at, created_by) VALUES (?,?,?,?,?)",
                (name, role, self.hasher.hash(password), _stamp(self.clock()), by),
            )
        except sqlite3.IntegrityError:  # made by someone else since the check above
            raise InvalidInput([_problem("name", msg("store.account_taken", name=name))], "account") from None
        self.record(by, "account_added", f"{name} ({role})")
        return Account(name, role)

    def disable(self, name: str, by: str | Account = "command line") -> None:
        """Disable an account: it can no longer sign in, and its open sessions end at their next page
        (``by`` as for :meth:`add`).

        Parameters
        ----------
        name : str
            The account's name.
        by : str or Account, default "command line"
            Who does it; an :class:`Account` must be an admin.

        Raises
        ------
        InvalidInput
            When there is no such account.
        PermissionDenied
            When ``by`` is an account that is not an admin.
        """
        by = self._admin(by, "disable_account")
        row = self._row(name.strip())
        if row is None:
            raise InvalidInput([_problem("name", msg("store.no_account", name=name.strip()[:70]))], "account")
        self._run("UPDATE accounts SET disabled = 1 WHERE name = ?", (row[0],))
        self.record(by, "account_disabled", row[0])

    def _admin(self, by: str | Account, action: str) -> str:
        """The name of who acts; an :class:`Account` that is not an admin is refused (and logged).

        ``action`` names the action (``add_account``): the log records it, the message says it in words."""
        if not isinstance(by, Account):
            return by
        if not by.can(ADMIN):
            self.record(by.name, "refused", f"{action.replace('_', ' ')} needs admin")
            raise PermissionDenied(not_allowed(by, action, ADMIN))
        return by.name

    def get(self, name: str) -> Account | None:
        """The enabled account of this name, or ``None``."""
        row = self._row(name.strip())
        return Account(row[0], row[1]) if row is not None and not row[3] else None

    def table(self) -> pd.DataFrame:
        """Every account: name, role, disabled, created_at, created_by, last_login."""
        rows = self._run(
            "SELECT a.name, a.role, a.disabled, a.created_at, a.created_by,"
            " (SELECT MAX(at) FROM account_events e WHERE e.event = 'login_ok' AND e.name = lower(a.name))"
            " FROM accounts a ORDER BY a.name COLLATE NOCASE"
        )
        rows = [(*row[:2], bool(row[2]), *row[3:5], _stamp(row[5]) if row[5] is not None else "") for row in rows]
        return pd.DataFrame(rows, columns=["name", "role", "disabled", "created_at", "created_by", "last_login"])

    def count(self) -> int:
        """How many enabled accounts there are."""
        return int(self._run("SELECT COUNT(*) FROM accounts WHERE disabled = 0")[0][0])

    def _row(self, name: str) -> tuple | None:
        rows = self._run("SELECT name, role, password_hash, disabled FROM accounts WHERE name = ?", (name,))
        return rows[0] if rows else None

    # -- audit log -----------------------------------------------------------------------

    def record(self, name: str, event: str, detail: str = "") -> None:
        """Add one line to the audit log (names are kept in lower case, at most 64 characters).

        Parameters
        ----------
        name : str
            Who (an account name, or what acted).
        event : str
            What happened (``login_ok``, ``account_added``, ...).
        detail : str, default ""
            More, cut to 500 characters.
        """
        self._run(
            "INSERT INTO account_events (at, name, event, detail) VALUES (?,?,?,?)",
            (self.clock(), name.strip().lower()[:64], event, detail[:500]),
        )

    def events(self, limit: int = 200) -> pd.DataFrame:
        """The newest audit lines: at (UTC), name, event, detail."""
        rows = self._run("SELECT at, name, event, detail FROM account_events ORDER BY id DESC LIMIT ?", (limit,))
        frame = pd.DataFrame(rows, columns=["at", "name", "event", "detail"])
        frame["at"] = [_stamp(s) for s in frame["at"]]
        return frame

    # -- logins and sessions -------------------------------------------------------------

    def login(self, name: str, password: str, where: str = "") -> Session:
        """Check a name and password against the limits and the stored hash; a new :class:`Session`.

        Raises :class:`LoginRefused` (see there) and logs every outcome; ``where`` (e.g. the
        client's address) goes into the log.

        Parameters
        ----------
        name : str
            The account's name (case and spaces around ignored for the limits).
        password : str
            The password.
        where : str, default ""
            Where the attempt came from, for the log.

        Returns
        -------
        Session
            Started now.

        Raises
        ------
        LoginRefused
            ``bad``, ``locked`` or ``busy``.
        """
        now, key = self.clock(), name.strip().lower()[:64]
        wait = self._throttle_wait(now)
        if wait > 0:
            self.record(key, "login_throttled", where)
            raise LoginRefused("busy", wait)
        wait = self._lockout_wait(key, now)
        if wait > 0:
            self.record(key, "login_locked", where)
            raise LoginRefused("locked", wait)
        row = self._row(name.strip()) if len(password) <= MAX_PASSWORD_CHARS else None
        # one hash check whatever the case, so that the time taken tells nothing about the name
        right = self._verify(row[2] if row is not None else self._dummy(), password[: MAX_PASSWORD_CHARS + 1])
        why = "no such account" if row is None else "disabled" if row[3] else "" if right else "wrong password"
        if why:
            self.record(key, "login_failed", f"{why}; {where}".strip("; "))
            self.sleep(FAIL_DELAY_S)
            raise LoginRefused("bad")
        if self.hasher.check_needs_rehash(row[2]):
            self._run("UPDATE accounts SET password_hash = ? WHERE name = ?", (self.hasher.hash(password), row[0]))
        self.record(key, "login_ok", where)
        return Session(Account(row[0], row[1]), now, now)

    def resume(self, session: Session) -> Session | None:
        """The session with ``last_seen`` now and the account's current role, or ``None`` when it
        has expired or its account was disabled (logged as ``session_expired``)."""
        now = self.clock()
        why = session.expiry(now)
        account = self.get(session.account.name) if why is None else None
        if why is None and account is None:
            why = "account disabled"
        if why is not None:
            self.record(session.account.name, "session_expired", why)
            return None
        return replace(session, account=account, last_seen=now)

    def logout(self, session: Session) -> None:
        self.record(session.account.name, "logout")

    def _failures(self, since: float, key: str | None = None) -> list[float]:
        """Times of failed logins after ``since`` (of one lower-case name if given), newest first."""
        sql = "SELECT at FROM account_events WHERE event = 'login_failed' AND at > ?"
        if key is None:
            rows = self._run(sql + " ORDER BY at DESC", (since,))
        else:
            rows = self._run(sql + " AND name = ? ORDER BY at DESC", (since, key))
        return [r[0] for r in rows]

    def _lockout_wait(self, key: str, now: float) -> float:
        last_ok = self._run("SELECT MAX(at) FROM account_events WHERE event = 'login_ok' AND name = ?", (key,))[0][0]
        failures = self._failures(max(now - USER_WINDOW_S, last_ok or 0.0), key)
        return failures[USER_MAX_FAILURES - 1] + USER_WINDOW_S - now if len(failures) >= USER_MAX_FAILURES else 0.0

    def _throttle_wait(self, now: float) -> float:
        failures = self._failures(now - GLOBAL_WINDOW_S)
        return (
            failures[GLOBAL_MAX_FAILURES - 1] + GLOBAL_WINDOW_S - now if len(failures) >= GLOBAL_MAX_FAILURES else 0.0
        )

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _dummy(self) -> str:
        """A hash of a random text, to check unknown names against (made once)."""
        if not self._dummy_hash:
            self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))
        return self._dummy_hash
