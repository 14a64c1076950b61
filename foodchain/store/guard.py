"""A store that acts for one signed-in account (shared mode).

:meth:`AccountStore.acting_for` wraps a :class:`~foodchain.store.Store` so that

* each write first checks the account's role against :data:`WRITES` and raises
  :class:`~foodchain.store.accounts.PermissionDenied` when it falls short;
* the name written as uploader or author is the account's, whatever the caller passed;
* each write is logged in the audit table (``account_events``) with the account's name;
* a write method not listed in :data:`WRITES` is refused: every write of the store goes
  through ``Store._write``, which the wrapper only opens inside a listed method. A new
  write method must be given a role here before shared mode lets anyone use it.

Reading is open to every role.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from foodchain.messages import msg
from foodchain.store import Store
from foodchain.store.accounts import ANALYST, MANAGER, VIEWER, Account, Accounts, PermissionDenied, not_allowed

# store method: (the role it needs, given the call's arguments; the argument naming who did it)
WRITES: dict[str, tuple[Callable[[dict], str], str | None]] = {
    "add_version": (lambda call: ANALYST if call["activate"] else MANAGER, "by"),
    "activate": (lambda call: ANALYST, "by"),
    "save_scenario": (lambda call: ANALYST, "author"),
    "save_run": (lambda call: VIEWER, None),  # a solve's cached result: any account may view one
}


class AccountStore(Store):
    """A :class:`Store` whose writes are checked against, and named after, one account."""

    account: Account
    accounts: Accounts

    @classmethod
    def acting_for(cls, store: Store, account: Account, accounts: Accounts) -> AccountStore:
        """The same store file, acting for ``account`` (no new connection or schema check).

        Parameters
        ----------
        store : Store
            An open store.
        account : Account
            The signed-in account whose role each action is checked against.
        accounts : Accounts
            The accounts (the audit log).

        Returns
        -------
        AccountStore
        """
        view = cls.__new__(cls)
        view.__dict__.update(store.__dict__)
        view.account, view.accounts, view._granted = account, accounts, threading.local()
        return view

    @contextmanager
    def _write(self) -> Iterator:
        if not getattr(self._granted, "method", None):
            raise PermissionDenied(msg("store.write_without_role"))
        with super()._write() as con:
            yield con


def _detail(arguments: dict, result: object) -> str:
    """The plain arguments of a call and its result, for the audit log."""
    plain = [f"{k}={v}" for k, v in arguments.items() if isinstance(v, str | int | float) and k != "self"]
    return ", ".join(plain) + ("" if result is None else f" -> {result}")


def _guarded(method: str, rule: Callable[[dict], str], who: str | None) -> Callable:
    original = getattr(Store, method)
    signature = inspect.signature(original)
    if who is not None and who not in signature.parameters:
        raise TypeError(f"Store.{method} has no argument '{who}' (update foodchain.store.guard.WRITES)")

    @functools.wraps(original)
    def write(self: AccountStore, *args, **kwargs):
        call = signature.bind_partial(self, *args, **kwargs)
        if who is not None:  # the account's name, whatever the caller passed (or left out)
            call.arguments[who] = self.account.name
        call.apply_defaults()
        needed = rule(call.arguments)
        if not self.account.can(needed):
            self.accounts.record(self.account.name, "refused", f"{method} needs {needed}")
            raise PermissionDenied(not_allowed(self.account, method, needed))
        self._granted.method = method
        try:
            result = original(*call.args, **call.kwargs)
        finally:
            self._granted.method = None
        self.accounts.record(self.account.name, method, _detail(call.arguments, result)[:500])
        return result

    return write


for _method, (_rule, _who) in WRITES.items():
    setattr(AccountStore, _method, _guarded(_method, _rule, _who))
