"""Shared mode in a real Chromium: accounts made with the command line, login before any data,
a viewer who cannot upload, an analyst who can; and local mode listening on this machine only.

Screenshots of the login page in both languages go to tests/browser/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.test_app_browser import SHOTS, _need_chromium, _no_exception, _open, serve
from tests.browser.test_app_browser import browser as browser  # the module's Chromium fixture
from tests.browser.test_app_browser import server as server  # the local-mode server fixture
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PASSWORD = "soto-betawi-malam"
ACCOUNTS = {"pak-gub": "viewer", "ana": "analyst"}


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory):
    """A server with FOODCHAIN_AUTH=on, on the tiny sample, with accounts made by ``foodchain users add``."""
    _need_chromium()
    tmp = tmp_path_factory.mktemp("shared")
    env = os.environ | {
        "FOODCHAIN_DB": str(tmp / "app.sqlite"),
        "FOODCHAIN_SAMPLE": "tiny",
        "FOODCHAIN_AUTH": "on",
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": str(ROOT),
    }
    for name, role in ACCOUNTS.items():
        made = subprocess.run(
            [sys.executable, "-m", "foodchain", "users", "add", name, "--role", role],
            input=PASSWORD + "\n",
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )
        assert made.returncode == 0, made.stderr
    with serve(tmp, env) as url:
        yield url


def _sign_in(page, name: str, password: str = PASSWORD) -> None:
    page.get_by_label("Account name").fill(name)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_asks_for_login_first(shared_server, browser, lang):
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    for path in ("", "Upload_data", "Network", "Shortfalls"):
        _open(page, f"{shared_server}/{path}?lang={lang}")
        page.get_by_role("button", name="Masuk" if lang == "id" else "Sign in").wait_for(timeout=60_000)
        _no_exception(page)
        assert page.locator('[data-testid="stMetric"]').count() == 0
        assert page.locator('[data-testid="stDeckGlJsonChart"], [data-testid="stDataFrame"]').count() == 0
        assert "MKT-NORTH" not in page.content() and "West farms" not in page.content()
    _open(page, f"{shared_server}/?lang={lang}")
    page.screenshot(path=str(SHOTS / f"login_{lang}.png"), full_page=True)
    page.close()


def test_a_viewer_signs_in_sees_results_but_cannot_upload(shared_server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    _open(page, f"{shared_server}/?lang=en")
    _sign_in(page, "pak-gub", PASSWORD + "x")
    page.get_by_text("Wrong account name or password").wait_for(timeout=60_000)
    _sign_in(page, "pak-gub")
    page.get_by_text("Signed in as").wait_for(timeout=60_000)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=120_000)
    _no_exception(page)
    page.screenshot(path=str(SHOTS / "shared_viewer_home.png"), full_page=True)
    page.get_by_test_id("stSidebarUserContent").get_by_role(
        "link", name="Upload data"
    ).click()  # the same session: still signed in
    page.get_by_text("This page needs the manager role").wait_for(timeout=60_000)
    assert page.get_by_role("button", name="Save as a draft (new version)").count() == 0
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in").wait_for(timeout=60_000)
    assert page.locator('[data-testid="stMetric"]').count() == 0
    page.close()


def test_an_analyst_uploads_under_the_account_name(shared_server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    _open(page, f"{shared_server}/Upload_data?lang=en")
    _sign_in(page, "ana")
    name = page.get_by_label("Your name")
    name.wait_for(timeout=60_000)
    assert name.input_value() == "ana" and name.is_disabled()
    demand = (ROOT / "sample_data" / "tiny" / "demand.csv").read_text(encoding="utf-8")
    bumped = tmp_path / "demand.csv"
    bumped.write_text(demand.replace("MKT-SOUTH,rice,40", "MKT-SOUTH,rice,45"), encoding="utf-8")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(str(bumped))
    page.get_by_role("button", name="Save as a draft (new version)").click()
    page.get_by_text("Saved as version 2 (draft)").first.wait_for(timeout=60_000)  # an upload is a draft
    _no_exception(page)
    page.close()


def _listening(port: int) -> set[str]:
    """The local addresses (hex, as in /proc/net/tcp*) that listen on ``port``."""
    found = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        for line in table.read_text().splitlines()[1:] if table.exists() else []:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_local_mode_listens_on_this_machine_only(server):
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp to read listening sockets from")
    port = int(server.rsplit(":", 1)[1])
    assert _listening(port) == {"0100007F"}  # 127.0.0.1, and no other IPv4 or IPv6 address
