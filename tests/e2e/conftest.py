"""Fixtures for the browser journeys: the served site, Chromium, and audited visitors.

The site runs in its own process (``server.py``) on a fresh SQLite file with the demo data,
CSRF protection and rate limits on, so nothing here shares state with the other tests'
apps. Chromium is Debian's (``make browser``); a missing browser fails the run, never skips.
"""

import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from .browsing import Audit, Visitor

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
START_TIMEOUT = 120
ACTION_TIMEOUT_MS = 20_000


def _first_line(process: subprocess.Popen, timeout: float) -> str:
    """The server's first line of output, or "" if it says nothing in time."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(process.stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return ""


@pytest.fixture(scope="session")
def server_log(tmp_path_factory) -> Path:
    """Where the served site writes its log (tracebacks included)."""
    return tmp_path_factory.mktemp("e2e-site") / "server.log"


@pytest.fixture(scope="session")
def base_url(server_log: Path) -> Iterator[str]:
    """The address of a freshly migrated and seeded site served on 127.0.0.1."""
    folder, log_path = server_log.parent, server_log
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("server.py")), str(folder / "e2e.db")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    line = _first_line(process, START_TIMEOUT)
    if not line.startswith("serving "):
        process.kill()
        pytest.fail(f"The site did not start:\n{log_path.read_text()[-3000:]}")
    yield line.split()[1]
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make browser` to install it.")
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `make setup` to install it.")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script, read once."""
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def audit(axe_source: str, server_log: Path) -> Audit:
    """This test's accessibility and error findings."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return Audit(axe_source, SCREENSHOTS, server_log)


@pytest.fixture
def visitor(browser: Browser, base_url: str, audit: Audit) -> Iterator[Callable[..., Visitor]]:
    """Make a person with their own browser context (own cookies), JavaScript on or off."""
    contexts = []

    def make(name: str, javascript: bool = True) -> Visitor:
        context = browser.new_context(
            java_script_enabled=javascript, accept_downloads=True, locale="en-GB"
        )
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        person = Visitor(context, base_url, audit, name)
        person.scripts = javascript
        return person

    yield make
    for context in contexts:
        context.close()
