"""The HTML summary read back with the standard library's parser: everything typed is there
exactly as typed and only as text; nothing runs or is fetched; its headings are the PDF's
bookmarks; every table has header cells and every chart a text alternative."""

import re

import pytest

from collabdesk.report import pdf
from collabdesk.report.html import render_html, write_html
from collabdesk.report.summary import build_summary

from .builders import PEOPLE
from .html_reading import Page, outline_as_headings, pdf_outline

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "footer", "nav", "section",
                "div", "p", "span", "strong", "h1", "h2", "h3", "h4", "dl", "dt", "dd", "ul", "ol", "li", "a",
                "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "blockquote",
                "cite", "svg", "desc", "rect", "text", "line", "polygon", "polyline", "circle"}


@pytest.fixture(scope="module")
def adversarial_page(adversarial) -> Page:
    return Page(render_html(adversarial.content, adversarial.framework))


def _typed_texts(content, framework) -> list[str]:
    """Everything a person typed that the summary shows whole (an exercise never run is one line, no prompt)."""
    workshop = content.workshop
    summary = build_summary(content, framework)
    texts = [workshop.title, workshop.purpose, workshop.facilitator, workshop.location]
    texts += [n.text for n in content.notes if not n.deleted]
    texts += [e.title for e in content.exercises] + [s.prompt for s in summary.sections if s.prompt and not s.skipped]
    texts += [t.title for t in content.themes] + [r.title for r in content.rounds]
    texts += [a.text for a in content.actions] + [a.owner for a in content.actions if a.owner]
    return texts


def test_every_text_reads_back_exactly_as_typed(adversarial, adversarial_page):
    typed = set(adversarial_page.typed())
    missing = [text for text in _typed_texts(adversarial.content, adversarial.framework) if text not in typed]
    assert missing == []
    summary = build_summary(adversarial.content, adversarial.framework)
    quotes = [q.attribution for s in summary.sections for q in s.quotes]
    assert quotes and all(q in typed for q in quotes)
    assert "Guest <speaker>" in " ".join(quotes)


def test_user_text_is_only_ever_text(adversarial_page):
    tags = {e.tag for e in adversarial_page.elements}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS  # no <b>, <i>, <img>, <para>, <font> from the notes
    for element in adversarial_page.elements:
        assert not element.children or element.attributes.get("dir") != "auto", \
            f"markup inside user text: {element.text[:60]!r}"


def test_nothing_runs_and_nothing_is_fetched(adversarial_page):
    page = adversarial_page
    assert not page.all("script") and not page.all("iframe") and not page.all("img") and not page.all("link")
    for element in page.elements:
        for name, value in element.attributes.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert name.lower() not in ("src", "srcset", "action", "xmlns", "xlink:href"), (element.tag, name)
            if name.lower() == "href":
                assert value.startswith("#"), value
            assert "://" not in (value or "") and "url(" not in (value or ""), (element.tag, name, value)
    (style,) = page.all("style")
    assert "url(" not in style.text and "@import" not in style.text and "://" not in style.text
    links = {a.attributes["href"][1:] for a in page.all("a")}
    ids = {e.attributes.get("id") for e in page.elements}
    assert links and links <= ids  # every link goes to a part of this page


def test_one_language_one_title_and_headings_in_order(adversarial, adversarial_page):
    page = adversarial_page
    assert page.doctype.lower() == "doctype html"
    (root,) = page.all("html")
    assert root.attributes["lang"] == "en"
    assert [e.text for e in page.all("h1")] == [adversarial.content.workshop.title]
    levels = [level for level, _ in page.headings()]
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:])), levels


@pytest.mark.parametrize("appendix", [True, False])
def test_headings_are_the_pdf_bookmarks(adversarial, tmp_path, appendix):
    path = tmp_path / "summary.pdf"
    pdf.write_pdf(adversarial.content, adversarial.framework, path, appendix=appendix)
    outline = pdf_outline(path)
    assert outline[0] == ("Cover", 0)
    page = Page(render_html(adversarial.content, adversarial.framework, appendix=appendix))
    headings = page.headings()
    assert headings[0] == (1, " ".join(adversarial.content.workshop.title.split()))
    assert headings[1:] == outline_as_headings(outline)


def test_realistic_headings_are_the_pdf_bookmarks(realistic, tmp_path):
    path = tmp_path / "summary.pdf"
    pdf.write_pdf(realistic.content, realistic.framework, path)
    headings = Page(render_html(realistic.content, realistic.framework)).headings()
    assert headings[1:] == outline_as_headings(pdf_outline(path))
    assert (2, "1. Head") in headings and (3, "Money that pulls apart") in headings


def test_every_table_has_header_cells_with_a_scope(adversarial_page):
    tables = adversarial_page.all("table")
    assert len(tables) >= 5  # figures, priorities, chart numbers, actions, a vote round
    for table in tables:
        headers = table.find_all("th")
        assert headers, "a table without header cells"
        assert all(th.attributes.get("scope") in ("col", "row") for th in headers)
        assert table.find_all("thead")


def test_every_chart_has_a_text_alternative_and_its_numbers_as_a_table(realistic):
    page = Page(render_html(realistic.content, realistic.framework))
    ids = {e.attributes.get("id"): e for e in page.elements}
    charts = page.all("svg")
    assert len(charts) == 1 + len(realistic.content.exercises)  # the domain chart, a time bar per exercise
    for chart in charts:
        assert chart.attributes.get("role") == "img"
        assert chart.find_all("title") and chart.find_all("title")[0].text.strip()
        label = chart.attributes.get("aria-label") or " ".join(
            ids[i].text for i in chart.attributes.get("aria-labelledby", "").split())
        assert label.strip()
    domain_chart = charts[0]
    desc = domain_chart.find_all("desc")[0].text
    summary = build_summary(realistic.content, realistic.framework)
    numbers = domain_chart.parent.find_all("table")[0]
    rows = [[cell.text for cell in row.children] for row in numbers.find_all("tr")[1:]]
    for tally, row in zip(summary.tallies, rows, strict=True):
        assert f"{tally.domain.name}: {tally.notes} notes and {tally.votes} dots." in desc
        assert row == [tally.domain.name, str(tally.notes), str(tally.votes)]


def test_colour_is_never_the_only_sign(realistic):
    page = Page(render_html(realistic.content, realistic.framework))
    for swatch in [e for e in page.elements if e.attributes.get("class") == "swatch"]:
        assert swatch.attributes.get("aria-hidden") == "true"
        assert swatch.parent.text.strip(), "a domain colour without its name beside it"
    statuses = [e.text for e in page.elements if e.attributes.get("class") == "status"]
    assert statuses == [a.status for a in realistic.content.actions]


def test_domain_colours_are_dark_enough_to_read():
    from collabdesk.report import colours

    for typed in ("#FFFF00", "#3F8F5A", "#ffffff", "not a colour", "#12"):
        ink = colours.parse(colours.domain_text(typed))
        assert colours.contrast(ink, colours.PAGE) >= 4.5


def test_anonymised_html_names_nobody(realistic):
    page = render_html(realistic.content, realistic.framework, anonymise=True)
    assert [name for name in PEOPLE + ("Rosa Lindqvist",) if name in page] == []
    assert "Authors are anonymised in this summary." in page


def test_appendix_and_paper_options(realistic, tmp_path):
    letter = render_html(realistic.content, realistic.framework, paper="letter", appendix=False)
    assert "@page { size: letter;" in letter and 'id="appendix"' not in letter
    assert "@page { size: A4;" in render_html(realistic.content, realistic.framework)
    with pytest.raises(ValueError):
        render_html(realistic.content, realistic.framework, paper="A5")
    path = tmp_path / "summary.html"
    fractions = []
    write_html(realistic.content, realistic.framework, path, progress=fractions.append)
    assert path.read_text(encoding="utf-8") == render_html(realistic.content, realistic.framework)
    assert fractions == [1.0]


def test_no_votes_and_empty_domains_read_plainly(unvoted):
    page = Page(render_html(unvoted.content, unvoted.framework))
    text = " ".join(page.root.text.split())
    assert "No votes were cast, so no priorities were ranked." in text
    assert "Head · skipped: not run (20 min planned)" not in text  # Head ran
    assert "Limbs · skipped: not run (20 min planned)" in text and "Skipped: not run." in text
    assert "No vote rounds were held." in text


def test_long_notes_wrap_and_keep_their_line_breaks():
    from collabdesk.report.html_page import document

    style = re.search(r"\.typed \{([^}]*)\}", document(title="x", body="")).group(1)
    assert "pre-wrap" in style and "overflow-wrap: anywhere" in style


def test_ranks_and_unrevealed_votes_read_as_in_the_pdf(realistic):
    page = Page(render_html(realistic.content, realistic.framework))
    summary = build_summary(realistic.content, realistic.framework)
    ranks = [e.text for e in page.elements if e.attributes.get("class") == "rank"]
    assert ranks == [p.place for p in summary.priorities] and "=3" in ranks


def test_wide_tables_scroll_in_a_named_region_that_the_keyboard_reaches(realistic):
    from collabdesk.report.html_page import table

    page = Page(render_html(realistic.content, realistic.framework))
    (actions,) = [t for t in page.all("table") if "Owner" in t.find_all("thead")[0].text]
    region = actions.parent
    assert (region.attributes.get("role"), region.attributes.get("tabindex")) == ("region", "0")
    assert region.attributes.get("aria-label") == "Every action"
    with pytest.raises(ValueError):
        table([("A", ""), ("B", ""), ("C", ""), ("D", "")], [])
