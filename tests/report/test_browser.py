"""The audit's browser: skipped with its reason on a machine without Chromium, never under CI."""

import pytest

from . import browser


def test_a_machine_without_chromium_skips_the_audit_saying_why(monkeypatch):
    monkeypatch.setattr(browser, "chromium_path", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        with browser.chromium():
            pass


def test_under_ci_a_missing_chromium_fails_instead(monkeypatch):
    monkeypatch.setattr(browser, "chromium_path", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the accessibility audit"):
        with browser.chromium():
            pass
