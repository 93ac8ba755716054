"""The HTML reports audited in headless Chromium with every axe-core rule: no violations,
at a desktop's width and a phone's, and not one request leaves the page."""

from pathlib import Path

import pytest

from collabdesk.report.html import render_html
from collabdesk.report.series import build_series
from collabdesk.report.series_html import series_html

from .browser import chromium
from .builders import SERIES_TITLE

AXE = (Path(__file__).parent / "axe" / "axe.min.js").read_text(encoding="utf-8")
WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def browser():
    with chromium() as opened:
        yield opened


def audit(browser, html: str, width: int) -> list[str]:
    """axe-core's violations of ``html`` at ``width`` CSS pixels, one line each; fails if the page asks
    for anything (a font, an image, a link fetched)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests = []
    page.route("**/*", lambda route: (requests.append(route.request.url), route.abort()))
    try:
        page.set_content(html, wait_until="load")
        page.add_script_tag(content=AXE)  # the test's own script; the report has none
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        page.close()
    assert requests == [], f"the page fetched {requests}"
    return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s), first: "
            f"{v['nodes'][0]['html'][:160]}" for v in result["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_adversarial_summary_passes_every_axe_rule(browser, adversarial, width):
    assert audit(browser, render_html(adversarial.content, adversarial.framework), width) == []


def test_a_realistic_anonymised_summary_passes_every_axe_rule(browser, realistic):
    html = render_html(realistic.content, realistic.framework, anonymise=True, appendix=False)
    assert audit(browser, html, 1280) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_series_report_passes_every_axe_rule(browser, series, width):
    contents, framework = series
    assert audit(browser, series_html(build_series(contents, framework, SERIES_TITLE)), width) == []


def test_the_audit_finds_what_it_looks_for(browser):
    """The audit is live: a page with a known fault reports it."""
    faulty = "<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1>" \
             "<table><tr><td>no header</td></tr></table><p style='color:#ccc'>faint</p></main></body></html>"
    found = " ".join(audit(browser, faulty, 1280))
    assert "html-has-lang" in found and "color-contrast" in found


@pytest.mark.parametrize("width", WIDTHS)
def test_health_checks_and_their_trend_pass_every_axe_rule(browser, demo_series, width):
    contents, framework = demo_series
    assert audit(browser, render_html(contents[0], framework), width) == []
    assert audit(browser, series_html(build_series(contents, framework, "Home from hospital")), width) == []
