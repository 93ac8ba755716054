"""Headless Chromium for the HTML report's tests, through Playwright, never downloading a browser.

The browser is the system's (Debian's ``chromium``; ``.ci/run`` installs it). Outside CI a
machine without it skips the tests that need it, saying why; under ``CI=true`` they fail
instead, so the audit cannot silently stop running.
"""

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CANDIDATES = ("chromium", "chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the accessibility audit (.ci/run installs chromium and playwright)")
    pytest.skip(f"{reason}: install Debian's chromium (apt-get install chromium) and the test extra to run it")


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium browser (Playwright's ``Browser``), closed afterwards."""
    path = chromium_path()
    if path is None:
        _unavailable("Chromium was not found (looked for chromium, chromium-browser and /usr/bin/chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
