"""The series report: every workshop and every open action, by domain, in PDF and Markdown."""

import pypdf

from collabdesk.services import frameworks
from collabdesk.report.series import (
    TOP_NOTES_PER_WORKSHOP, build_series, excerpt, render_series_markdown, write_series_pdf,
)

from .builders import SERIES_TITLE, open_actions
from .pdf_text import contains, squash


def test_series_lists_its_workshops_earliest_first(series):
    contents, framework = series
    summary = build_series(contents, framework, SERIES_TITLE)
    assert [w.date for w in summary.workshops] == ["2025-01-02", "2025-03-14", "2025-09-01"]
    assert [d.domain.key for d in summary.domains] == ["head", "heart", "bones", "limbs", "blood"]
    assert summary.notes == sum(len(c.notes) for c in contents)


def test_each_domain_shows_each_workshops_top_notes_and_counts_the_rest(series):
    contents, framework = series
    summary = build_series(contents, framework, SERIES_TITLE)
    head = summary.domains[0]
    assert [s.workshop.date for s in head.said] == ["2025-01-02", "2025-03-14", "2025-09-01"]
    northfield = head.said[1]
    assert northfield.top[0].text.startswith("Each partner's budget rewards")  # 3 dots, the most in Head
    assert [i.votes for i in northfield.top] == sorted((i.votes for i in northfield.top), reverse=True)
    assert len(northfield.top) + northfield.more == 7 and len(northfield.top) == TOP_NOTES_PER_WORKSHOP
    assert head.said[2].top == () and head.said[2].more == 0
    blood = summary.domains[4]
    assert blood.notes == 0 and blood.top_voted == ()


def test_top_voted_notes_rank_across_workshops_with_shared_ranks(series):
    contents, framework = series
    summary = build_series(contents, framework, SERIES_TITLE)
    top = [(n.rank, n.item.votes, n.workshop.date) for n in summary.top_voted]
    assert top[0] == (1, 4, "2025-03-14")  # "Residents want one conversation": 4 dots
    assert [r for r, _, _ in top] == sorted(r for r, _, _ in top)
    assert {d for _, _, d in top} == {"2025-01-02", "2025-03-14"}
    ranks = {}
    for rank, votes, _ in top:
        ranks.setdefault(votes, set()).add(rank)
    assert all(len(r) == 1 for r in ranks.values())  # the same dots, the same rank


def test_pdf_holds_every_workshop_and_every_open_action_as_text(series, tmp_path):
    contents, framework = series
    path = tmp_path / "series.pdf"
    write_series_pdf(contents, framework, SERIES_TITLE, path)
    text = squash("\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages))
    assert contains(text, SERIES_TITLE)
    for content in contents:
        assert contains(text, content.workshop.title), content.workshop.title
    expected = open_actions(contents)
    assert len(expected) == 5
    for action in expected:
        assert contains(text, action.text), action.text
        assert contains(text, action.owner), action.owner
    assert not contains(text, "Share this summary with everyone who took part")  # done: not open


def test_markdown_holds_every_workshop_and_open_action_with_user_markup_escaped(series):
    contents, framework = series
    markdown = render_series_markdown(contents, framework, SERIES_TITLE)
    assert markdown.startswith("# Northfield care roundtables &lt;2025> &amp; co\n")
    assert "<b>" not in markdown and "<img" not in markdown and "<font" not in markdown
    assert "&lt;b>Tags&lt;/b> &amp; العربية &amp; 中文 &amp; 日本語 👍" in markdown
    for content in contents[1:]:
        assert content.workshop.title in markdown
    for action in open_actions(contents):
        assert f"| {action.status} |" in markdown
    assert "Unblock the data-sharing agreement with both legal teams | Ivo Kovač | 2025-04-11 | open" in markdown
    assert "Share this summary" not in markdown
    assert "Nothing was written under Blood." in markdown


def test_a_series_with_no_workshops_still_reports(tmp_path):
    framework = frameworks.builtin_frameworks()[0]
    assert "This series has no workshops yet." in render_series_markdown([], framework, "Empty")
    write_series_pdf([], framework, "Empty", tmp_path / "empty.pdf")
    assert "no workshops yet" in pypdf.PdfReader(tmp_path / "empty.pdf").pages[0].extract_text()


def test_long_notes_are_excerpted_in_the_overview():
    assert excerpt("short") == "short"
    long_note = "word " * 200
    assert len(excerpt(long_note)) <= 281 and excerpt(long_note).endswith("…")
