"""The series report as HTML: what each workshop said and every open action, exactly as typed,
with the series PDF's bookmarks as its headings."""

from collabdesk.report.series import build_series, excerpt, write_series_pdf
from collabdesk.report.series_html import series_html, write_series_html

from .builders import SERIES_TITLE, open_actions
from .html_reading import Page, outline_as_headings, pdf_outline


def test_series_html_reads_back_exactly_as_typed(series):
    contents, framework = series
    summary = build_series(contents, framework, SERIES_TITLE)
    page = Page(series_html(summary))
    typed = set(page.typed())
    expected = [SERIES_TITLE] + [w.title for w in summary.workshops]
    expected += [w.location for w in summary.workshops if w.location]
    expected += [w.facilitator for w in summary.workshops if w.facilitator]
    expected += [a.text for a in open_actions(contents)] + [a.owner for a in open_actions(contents) if a.owner]
    expected += [excerpt(item.text) for part in summary.domains for said in part.said for item in said.top]
    assert [text for text in expected if text not in typed] == []
    assert not page.all("script") and not page.all("img")
    assert all(a.attributes["href"].startswith("#") for a in page.all("a"))


def test_series_headings_are_the_series_pdf_bookmarks(series, tmp_path):
    contents, framework = series
    path = tmp_path / "series.pdf"
    write_series_pdf(contents, framework, SERIES_TITLE, path)
    outline = pdf_outline(path)
    assert outline[0] == ("Cover", 0)
    html = tmp_path / "series.html"
    write_series_html(contents, framework, SERIES_TITLE, html)
    page = Page(html.read_text(encoding="utf-8"))
    assert page.headings()[0] == (1, SERIES_TITLE)
    assert page.headings()[1:] == outline_as_headings(outline)
    assert (4, "Northfield follow-up (nothing written yet)") in page.headings()


def test_series_tables_have_header_cells(series):
    contents, framework = series
    page = Page(series_html(build_series(contents, framework, SERIES_TITLE), paper="letter"))
    tables = page.all("table")
    assert len(tables) >= 4
    assert all(t.find_all("th") and all(th.attributes.get("scope") for th in t.find_all("th")) for t in tables)
    assert "size: letter" in page.all("style")[0].text
