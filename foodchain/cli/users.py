"""``foodchain users add | list | disable``: the accounts of a shared deployment (in ``$FOODCHAIN_DB``).

The password of ``users add`` is asked for twice on a terminal (not echoed), or read as the
first line of standard input when that is not a terminal (for scripts:
``printf '%s\\n' "$PW" | foodchain users add ana --role analyst``).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from foodchain.cli.args import EXIT_OK
from foodchain.errors import InvalidInput
from foodchain.messages import msg
from foodchain.model.problems import Problem
from foodchain.store.accounts import MAX_PASSWORD_CHARS, ROLES, Accounts


def read_password() -> str:
    """The new password: prompted twice on a terminal, else the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(str(msg("cli.password")))
        if getpass.getpass(str(msg("cli.password_again"))) != first:
            raise InvalidInput([Problem("accounts", None, "password", msg("store.passwords_differ"))], "account")
        return first
    line = sys.stdin.readline(MAX_PASSWORD_CHARS + 2) if sys.stdin is not None else ""
    return line.removesuffix("\n").removesuffix("\r")


def cmd_add(args: argparse.Namespace) -> int:
    account = Accounts().add(args.name, args.role, read_password())
    print(msg("cli.account_added", name=account.name, role=account.role))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    table = Accounts().table()
    if table.empty:
        print(msg("cli.no_accounts"))
        return EXIT_OK
    table["disabled"] = table["disabled"].map({True: str(msg("cli.disabled")), False: ""})
    print(table.to_string(index=False))
    return EXIT_OK


def cmd_disable(args: argparse.Namespace) -> int:
    Accounts().disable(args.name)
    print(msg("cli.account_disabled", name=args.name))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``foodchain users add NAME --role ROLE``, ``users list`` and ``users disable NAME``."""
    users = subparsers.add_parser("users", help="accounts for the app's shared mode (FOODCHAIN_AUTH=on)")
    sub = users.add_subparsers(dest="users_command", required=True)
    add = sub.add_parser("add", help="add an account (password from a prompt, or the first line of stdin)")
    add.add_argument("name", help="1-64 letters, digits, '.', '_', '@' or '-'")
    add.add_argument("--role", required=True, choices=ROLES, help="viewer, manager, analyst or admin")
    add.set_defaults(func=cmd_add)
    sub.add_parser("list", help="every account, its role and last login").set_defaults(func=cmd_list)
    disable = sub.add_parser("disable", help="stop an account from signing in (its sessions end too)")
    disable.add_argument("name")
    disable.set_defaults(func=cmd_disable)
