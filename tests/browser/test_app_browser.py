"""One real Chromium run of the main flow, plus screenshots of every page in both languages.

Starts ``streamlit run Home.py`` on a free port with a temporary store, uploads a CSV
(saved as a draft, then activated on the Version history tab), runs the January 2020 flood scenario (the tiny toll-road closure until the Jakarta
sample exists) and finds the shortfall map. Screenshots go to tests/browser/screenshots/.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from foodchain_app import nav
from tests.app.test_pages import ADMIN_PAGES
from tests.conftest import ROOT, SCENARIOS, TINY

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).parent / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = {  # screenshot name -> URL path, from the app's own menu (Accounts needs an administrator)
    key.removeprefix("nav_"): "" if path == "Home.py" else Path(path).stem.split("_", 1)[1]
    for path, key, _ in nav.PAGES
    if path not in ADMIN_PAGES
}
JAKARTA = ROOT / "sample_data" / "jakarta" / "nodes.csv"
FLOOD = next(
    (SCENARIOS / f for f in ("jan2020_flood.json", "jan2020_flood_polygons.json") if (SCENARIOS / f).exists()),
    SCENARIOS / "jan2020_flood.json",
)

pytestmark = pytest.mark.browser


def _need_chromium() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (run `make chromium`)")
        pytest.skip(f"{CHROMIUM} is missing")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(tmp: Path, env: dict[str, str]) -> Iterator[str]:
    """A streamlit server on a free port with the environment ``env``; yields its base URL."""
    port = _free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "Home.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    log = open(tmp / "server.log", "w")  # noqa: SIM115 -- closed below
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + (tmp / "server.log").read_text()[-2000:])
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A streamlit server with its own store (local mode); yields its base URL."""
    _need_chromium()
    tmp = tmp_path_factory.mktemp("app")
    env = os.environ | {"FOODCHAIN_DB": str(tmp / "app.sqlite"), "PYTHONUNBUFFERED": "1"}
    if not (JAKARTA.exists() and FLOOD.exists()):
        env["FOODCHAIN_SAMPLE"] = "tiny"
    with serve(tmp, env) as url:
        yield url


def _watch_requests(page, base_url: str) -> list[str]:
    """Record every request the page makes to a host other than the app's own (data: and blob:
    URLs are not requests to a host); the list fills while the page is used."""
    outside: list[str] = []
    own = urlsplit(base_url).netloc

    def check(request) -> None:
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob", "about") and url.netloc != own:
            outside.append(request.url)

    page.on("request", check)
    return outside


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _idle(page) -> None:
    """Wait until the app has finished its rerun."""
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
    page.wait_for_timeout(1500)


def _show_tab(page, tab: str, text: str) -> None:
    """Click ``tab`` until ``text`` in it is visible (a rerun may redraw the tabs under the click)."""
    for _ in range(10):
        _idle(page)
        page.get_by_role("tab", name=tab).last.click()
        page.wait_for_timeout(1500)
        if page.get_by_text(text).last.is_visible():
            return
    raise AssertionError(f"'{text}' never became visible on the {tab} tab")


def _open(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    page.wait_for_selector('[data-testid="stSidebar"]', timeout=60_000)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
    page.wait_for_timeout(1500)


def _fit_height(page) -> None:
    """Make the window as tall as the page: Streamlit scrolls inside its own container, so a
    full-page screenshot would otherwise show only the first screen."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 80, 8000)})
    page.wait_for_timeout(1500)


def _no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]'
    ).first.inner_text()


def _bumped_demand(data_dir: Path, tmp_path: Path) -> Path:
    """demand.csv of the sample with one more tonne a day in its first row."""
    rows = (data_dir / "demand.csv").read_text(encoding="utf-8").splitlines()
    header, first = rows[0].split(","), rows[1].split(",")
    col = header.index("demand_t_per_day")
    first[col] = str(float(first[col]) + 1)
    out = tmp_path / "demand.csv"
    out.write_text("\n".join([rows[0], ",".join(first), *rows[2:]]) + "\n", encoding="utf-8")
    return out


def test_upload_run_flood_and_find_the_shortfall_map(server, browser, tmp_path):
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1700})
    outside = _watch_requests(page, server)
    _open(page, f"{server}/Upload_data?lang=en")
    data_dir = ROOT / "sample_data" / ("jakarta" if JAKARTA.exists() and FLOOD.exists() else "tiny")
    page.get_by_label("Your name").fill("Browser test")
    page.get_by_label("Your name").press("Enter")
    page.wait_for_timeout(500)  # the name's rerun starts, then must end before the uploader is used
    _idle(page)
    upload = page.locator('[data-testid="stFileUploader"] input[type="file"]').first
    same = tmp_path / "commodities.csv"
    same.write_bytes((data_dir / "commodities.csv").read_bytes())
    upload.set_input_files(str(same))
    page.get_by_text("No changes from the active version.").wait_for(timeout=60_000)
    upload.set_input_files(str(_bumped_demand(data_dir, tmp_path)))
    page.get_by_text("Changed cells").wait_for(timeout=60_000)
    page.get_by_role("button", name="Save as a draft (new version)").click()
    page.get_by_text("Saved as version 2 (draft)").first.wait_for(timeout=60_000)
    page.get_by_text("Active data: version 1").wait_for(timeout=60_000)  # a draft is not yet in use
    page.screenshot(path=str(SHOTS / "flow_1_upload.png"), full_page=True)
    _idle(page)
    page.get_by_role("tab", name="Version history").last.click()
    picker = "[...document.querySelectorAll('input[aria-label=\"Version\"]')].some(e => e.value === '2')"
    page.wait_for_function(picker, timeout=60_000)  # the picker follows the newest version once the rerun is drawn
    page.get_by_role("button", name="Make this version active").click()
    page.get_by_text("Active data: version 2").wait_for(timeout=120_000)
    _show_tab(page, "Version history", "Version 2 is now active.")  # a rerun may show the first tab again
    page.get_by_text("Activations (who, when, from → to)").wait_for(timeout=60_000)
    _fit_height(page)
    page.screenshot(path=str(SHOTS / "flow_1b_history.png"), full_page=True)
    _no_exception(page)

    scenario = FLOOD if data_dir != TINY else SCENARIOS / "tiny_west_toll_closed.json"
    name = json.loads(scenario.read_text(encoding="utf-8"))["name"]
    _open(page, f"{server}/Scenarios?lang=en")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(str(scenario))
    page.get_by_role("button", name="Run").click()
    page.get_by_text("Shortfall (t)").first.wait_for(timeout=180_000)
    page.wait_for_timeout(1500)
    _no_exception(page)
    page.screenshot(path=str(SHOTS / "flow_2_scenario.png"), full_page=True)

    _open(page, f"{server}/Shortfalls?lang=en")
    shown = page.get_by_role("combobox", name="Run to show").input_value()
    assert shown.startswith(name), shown  # the newest run is the one shown
    chart = page.locator('[data-testid="stDeckGlJsonChart"]').first
    chart.wait_for(timeout=60_000)
    assert chart.locator("canvas").count() >= 1
    _no_exception(page)
    page.wait_for_timeout(2000)
    page.screenshot(path=str(SHOTS / "flow_3_shortfalls.png"), full_page=True)
    page.close()
    assert outside == [], f"the app asked hosts other than its own: {outside}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_screenshot_every_page(server, browser, lang):
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1700})
    outside = _watch_requests(page, server)
    for name, path in PAGES.items():
        page.set_viewport_size({"width": 1400, "height": 1000})
        _open(page, f"{server}/{path}?lang={lang}")
        _no_exception(page)
        _fit_height(page)
        page.screenshot(path=str(SHOTS / f"{name}_{lang}.png"), full_page=True)
    page.close()
    assert outside == [], f"the app asked hosts other than its own: {outside}"
