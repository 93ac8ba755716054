"""Health checks in the HTML reports: the workshop's check and the series' trend as the PDF
has them, each chart with a text alternative and a table of the same numbers."""

from collabdesk.domain import health
from collabdesk.report.html import render_html
from collabdesk.report.pdf import write_pdf
from collabdesk.report.series import build_series, write_series_pdf
from collabdesk.report.series_html import series_html
from collabdesk.report.summary import build_summary
from collabdesk.services.frameworks import framework_or_default
from collabdesk.store import Store

from .builders import COMMENT, checked_workshop
from .html_reading import Page, outline_as_headings, pdf_outline


def test_the_health_check_part_follows_the_pdf_bookmarks(demo_series, tmp_path):
    contents, framework = demo_series
    write_pdf(contents[0], framework, tmp_path / "demo.pdf")
    headings = Page(render_html(contents[0], framework)).headings()
    assert headings[1:] == outline_as_headings(pdf_outline(tmp_path / "demo.pdf"))
    assert (2, "Health check") in headings and (4, "Where the room agreed and where it split") in headings


def test_every_domain_rating_is_in_the_chart_description_and_the_table(demo_series):
    contents, framework = demo_series
    page = Page(render_html(contents[0], framework))
    (check,) = build_summary(contents[0], framework).health.checks
    (part,) = [e for e in page.all("section") if e.attributes.get("id") == "health-check"]
    (chart,) = part.find_all("svg")
    assert chart.attributes["role"] == "img" and chart.find_all("title")[0].text.strip()
    description = chart.find_all("desc")[0].text
    rows = [[c.text for c in row.children] for row in part.find_all("table")[0].find_all("tr")[1:]]
    for line, row in zip(check.domains, rows, strict=True):
        counts = ", ".join(f"{c} chose {p}" for p, c in zip(health.SCALE, line.result.counts) if c)
        assert f"{line.domain.name}: {counts}; median {health.points(line.result.median)}" in description
        assert row[:6] == [line.domain.name, *map(str, line.result.counts)]
        assert line.sentence in page.typed()


def test_a_comment_reads_back_exactly_and_an_unrevealed_check_shows_nothing(tmp_path):
    with Store(tmp_path / "db.sqlite") as store:
        shown = store.content(checked_workshop(store, reveal=True))
        hidden = store.content(checked_workshop(store, reveal=False))
        framework = framework_or_default(store, shown.workshop.framework_key)
    page = Page(render_html(shown, framework))
    assert COMMENT in page.typed() and not page.all("b")
    quiet = render_html(hidden, framework)
    assert 'id="health-check"' not in quiet and "A health check was held and not revealed" in quiet


def test_the_series_trend_follows_the_series_pdf_bookmarks(demo_series, tmp_path):
    contents, framework = demo_series
    write_series_pdf(contents, framework, "Home from hospital", tmp_path / "series.pdf")
    summary = build_series(contents, framework, "Home from hospital")
    page = Page(series_html(summary))
    assert page.headings()[1:] == outline_as_headings(pdf_outline(tmp_path / "series.pdf"))
    trends = [e for e in page.all("figure") if "trend" in e.attributes.get("class", "")]
    assert [f.find_all("figcaption")[0].text.strip() for f in trends] == [t.domain.name for t in summary.health.trends]
    for figure, trend in zip(trends, summary.health.trends):
        medians = [row.children[2].text for row in figure.find_all("tr")[1:]]
        assert medians == [health.points(r.median) for r in trend.results]
        assert figure.find_all("svg")[0].find_all("desc")[0].text.startswith("Step 1: median")
