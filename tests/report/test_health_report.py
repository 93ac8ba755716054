"""The health check in the reports: the PDF page after "At a glance" read back by text
extraction, Markdown and CSV with the same numbers, and nothing of an unrevealed check."""

import csv
import io

import pytest

from collabdesk.domain import health as rules
from collabdesk.report.csv_export import summary_csv
from collabdesk.report.markdown import summary_markdown
from collabdesk.report.pdf import write_pdf
from collabdesk.report.summary import build_summary
from collabdesk.services.frameworks import framework_or_default
from collabdesk.store import Store

from .builders import COMMENT, PEOPLE, SCORES, checked_workshop
from .pdf_text import body_text, squash


def _summary(tmp_path, *, reveal=True, anonymous=True, anonymise=False):
    with Store(tmp_path / "db.sqlite") as store:
        content = store.content(checked_workshop(store, reveal=reveal, anonymous=anonymous))
        framework = framework_or_default(store, content.workshop.framework_key)
    return content, framework, build_summary(content, framework, anonymise=anonymise)


def test_the_pdf_page_after_at_a_glance_reads_back_every_domain_and_figure(tmp_path):
    content, framework, summary = _summary(tmp_path)
    write_pdf(content, framework, tmp_path / "report.pdf")
    text = squash(body_text(tmp_path / "report.pdf"))
    glance, page = text.index("Ataglance"), text.index("Healthcheck")
    assert glance < page < text.index("1.Head")  # before the first exercise's section
    page_text = text[page:text.index("1.Head")]
    for line in summary.health.checks[0].domains:
        assert squash(line.domain.name) in page_text and squash(line.sentence) in page_text
    assert squash("median 2.5 · spread 1") in page_text  # head: 2 2 3 3
    assert squash("median 3 · spread 4") in page_text and "4rated·split" in page_text  # heart: 1 5 1 5
    assert squash("median 4 · spread 0") in page_text and "1rated·agreed" in page_text  # bones: one rater
    assert squash("Limbs: nobody rated this domain.") in page_text
    assert squash(f"“{COMMENT}”") in page_text


def test_markdown_and_csv_carry_the_numbers_the_chart_draws(tmp_path):
    _, _, summary = _summary(tmp_path)
    markdown = summary_markdown(summary)
    assert "| Head | 0 | 2 | 2 | 0 | 0 | 4 | 2.5 | 1 | agreed |" in markdown
    assert "| Heart | 2 | 0 | 0 | 0 | 2 | 4 | 3 | 4 | split |" in markdown
    assert "| Limbs | 0 | 0 | 0 | 0 | 0 | 0 | — | — | unrated |" in markdown
    rows = [r for r in csv.DictReader(io.StringIO(summary_csv(summary).lstrip("\ufeff")))
            if r["record"] == "health check"]
    assert [(r["domain"], r["rated_1"], r["rated_5"], r["raters"], r["median"], r["spread"], r["status"])
            for r in rows] == [("Head", "0", "0", "4", "2.5", "1", "agreed"),
                               ("Heart", "2", "2", "4", "3", "4", "split"),
                               ("Bones", "0", "0", "1", "4", "0", "agreed"),
                               ("Limbs", "0", "0", "0", "", "", "unrated"),
                               ("Blood", "0", "1", "4", "4", "1", "agreed")]
    for line in summary.health.checks[0].domains:
        assert line.result == rules.summarise(line.domain.key, rules.distribution(SCORES[line.domain.key]))


def test_an_unrevealed_check_shows_nothing_but_that_it_was_held(tmp_path):
    content, framework, summary = _summary(tmp_path, reveal=False)
    write_pdf(content, framework, tmp_path / "report.pdf")
    held = "A health check was held and not revealed; no ratings from it appear here."
    for text in (body_text(tmp_path / "report.pdf"), summary_markdown(summary), summary_csv(summary)):
        assert squash(held) in squash(text)
        assert "median " not in text and squash(COMMENT) not in squash(text) and "Start of the day" not in text
        assert "Health check" not in text.replace(held, "")
    assert summary.health.checks == ()


@pytest.mark.parametrize("anonymous, anonymise, named", [(False, False, True), (False, True, False),
                                                         (True, False, False)])
def test_comments_are_named_only_in_a_named_check_of_a_report_not_anonymised(tmp_path, anonymous, anonymise, named):
    _, _, summary = _summary(tmp_path, anonymous=anonymous, anonymise=anonymise)
    head = summary.health.checks[0].domains[0]
    assert head.comments == ((COMMENT, PEOPLE[0] if named else ""),)
    assert (PEOPLE[0] in summary_markdown(summary)) is named
