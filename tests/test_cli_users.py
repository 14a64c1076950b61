"""``foodchain users add | list | disable``: exit codes, the password from stdin or a prompt."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import time

import pytest

from foodchain.cli import main
from foodchain.store.accounts import Accounts
from tests.conftest import ROOT

PASSWORD = "nasi-uduk-pagi-hari"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("FOODCHAIN_DB", str(path))
    return path


def users(monkeypatch, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["users", *args])


def test_add_list_and_disable(db, monkeypatch, capsys):
    assert users(monkeypatch, "add", "ana", "--role", "analyst", stdin=PASSWORD + "\n") == 0
    assert users(monkeypatch, "add", "pak-gub", "--role", "viewer", stdin=PASSWORD) == 0  # no newline
    assert "account 'ana' added as analyst" in capsys.readouterr().out
    assert Accounts(db).login("ana", PASSWORD).account.role == "analyst"
    assert Accounts(db).login("pak-gub", PASSWORD).account.role == "viewer"
    assert users(monkeypatch, "list") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["name", "role", "disabled"]
    assert [line.split()[:2] for line in out[1:]] == [["ana", "analyst"], ["pak-gub", "viewer"]]
    assert users(monkeypatch, "disable", "ana") == 0
    assert Accounts(db).get("ana") is None and Accounts(db).get("pak-gub") is not None
    users(monkeypatch, "list")
    assert "disabled" in capsys.readouterr().out.splitlines()[1]


def test_list_of_an_empty_store_says_how_to_begin(db, monkeypatch, capsys):
    assert users(monkeypatch, "list") == 0
    assert "foodchain users add NAME --role admin" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "stdin", "line"),
    [
        (["add", "ana", "--role", "boss"], PASSWORD, "invalid choice: 'boss'"),
        (["add", "ana"], PASSWORD, "the following arguments are required: --role"),
        (["add", "ana", "--role", "admin"], "", "error: accounts, , password, the password must have 12 to 256"),
        (["add", "ana", "--role", "admin"], "short\n", "error: accounts, , password, the password must have"),
        (["add", "a b", "--role", "admin"], PASSWORD, "error: accounts, , name, 'a b' is not a name"),
        (["disable", "nobody"], "", "error: accounts, , name, there is no account named 'nobody'"),
    ],
)
def test_invalid_input_exits_2_with_one_line_and_no_traceback(db, monkeypatch, capsys, args, stdin, line):
    try:
        code = users(monkeypatch, *args, stdin=stdin)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert line in err and "Traceback" not in err
    assert Accounts(db).count() == 0


def test_a_taken_name_exits_2(db, monkeypatch, capsys):
    assert users(monkeypatch, "add", "ana", "--role", "admin", stdin=PASSWORD) == 0
    assert users(monkeypatch, "add", "ANA", "--role", "viewer", stdin=PASSWORD) == 2
    assert "there is already an account named 'ana'" in capsys.readouterr().err
    assert Accounts(db).get("ana").role == "admin"


def test_password_piped_into_the_real_command(db):
    run = subprocess.run(
        [sys.executable, "-m", "foodchain", "users", "add", "siti", "--role", "manager"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert Accounts(db).login("siti", PASSWORD).account.role == "manager"


def _on_a_terminal(answers: list[str]) -> tuple[int, str]:
    """Run ``users add`` with a pseudo-terminal as stdin; type each answer at each prompt."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "foodchain", "users", "add", "ana", "--role", "admin"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        start_new_session=True,  # no controlling terminal: getpass prompts on stdin
    )
    os.close(slave)
    screen, deadline = b"", time.monotonic() + 120
    for i, answer in enumerate(answers):
        while screen.count(b"Password") <= i and time.monotonic() < deadline:
            if select.select([master], [], [], 1.0)[0]:
                screen += os.read(master, 1024)
        os.write(master, answer.encode() + b"\n")
    code = proc.wait(timeout=120)
    try:
        while chunk := os.read(master, 1024):
            screen += chunk
    except OSError:  # the terminal closed with the process
        pass
    os.close(master)
    return code, screen.decode(errors="replace")


def test_password_prompted_twice_on_a_terminal_and_not_shown(db):
    code, screen = _on_a_terminal([PASSWORD, PASSWORD])
    assert code == 0, screen
    assert "Password: " in screen and "Password again: " in screen and PASSWORD not in screen
    assert Accounts(db).login("ana", PASSWORD).account.role == "admin"


def test_two_different_passwords_on_a_terminal_exit_2(db):
    code, screen = _on_a_terminal([PASSWORD, PASSWORD + "!"])
    assert code == 2 and "the two passwords differ" in screen
    assert Accounts(db).count() == 0
