"""Reports tell what the room saw, no more and no less: a vote never revealed is held but
not counted, every dot shown is in the totals, an exercise never run takes one line, and
ties print as the app shows them ("=3")."""

import csv
import io
from dataclasses import replace

import pytest

from collabdesk.report import pdf
from collabdesk.report.csv_export import render_csv
from collabdesk.report.markdown import render_markdown
from collabdesk.report.summary import build_summary
from collabdesk.services import notes, workshops

from . import builders
from .pdf_text import body_text, squash

HIDDEN_TITLE = "What matters most"


def _without_hidden_round(content):
    """The workshop as if the unrevealed round had never been held."""
    hidden = {r.id for r in content.rounds if not r.revealed}
    return replace(content, rounds=tuple(r for r in content.rounds if r.id not in hidden),
                   votes=tuple(v for v in content.votes if v.round_id not in hidden))


def test_an_unrevealed_round_adds_no_dot_to_the_summary(unrevealed):
    summary = build_summary(unrevealed.content, unrevealed.framework)
    never_held = build_summary(_without_hidden_round(unrevealed.content), unrevealed.framework)
    assert summary.votes == never_held.votes == 9  # the revealed theme tally only
    assert summary.priorities == never_held.priorities
    assert [s.items for s in summary.sections] == [s.items for s in never_held.sections]
    hidden = next(r for r in summary.rounds if r.title == HIDDEN_TITLE)
    assert not hidden.revealed and hidden.results == ()
    assert summary.unrevealed_line == "A vote was held and not revealed; no counts from it appear here."


def test_a_pdf_with_an_unrevealed_vote_contains_none_of_its_counts(unrevealed, tmp_path):
    """The PDF reads exactly as if the round had never been held, apart from the lines saying it was."""
    held, never = tmp_path / "held.pdf", tmp_path / "never.pdf"
    pdf.write_pdf(unrevealed.content, unrevealed.framework, held)
    pdf.write_pdf(_without_hidden_round(unrevealed.content), unrevealed.framework, never)
    text = squash(body_text(held))
    summary = build_summary(unrevealed.content, unrevealed.framework)
    hidden = next(r for r in summary.rounds if r.title == HIDDEN_TITLE)
    said = [summary.unrevealed_line, hidden.title,
            f"{hidden.scope} · {hidden.rules} · {hidden.state} · {hidden.voters}",
            "The results were not revealed, so they are left out."]
    for line in said:
        assert squash(line) in text
        text = text.replace(squash(line), "", 1)
    assert text == squash(body_text(never))


def test_markdown_and_csv_leave_out_an_unrevealed_round(unrevealed, realistic):
    markdown = render_markdown(unrevealed.content, unrevealed.framework)
    assert "*A vote was held and not revealed; no counts from it appear here.*" in markdown
    assert "| Rank | Item | Dots |" in markdown  # the revealed tally is still listed in full
    assert markdown.count("| Rank | Item | Dots |") == 1
    shown = render_csv(realistic.content, realistic.framework)
    hidden = render_csv(unrevealed.content, unrevealed.framework)
    assert "vote round,1,Whole workshop,,,,,,,What matters most,,,\"held, not revealed\"" in hidden
    assert "vote round,1,Whole workshop,,,,,,21,What matters most,,,revealed" in shown
    rows = list(csv.DictReader(io.StringIO(hidden[1:])))
    assert {r["votes"] for r in rows if r["record"] == "note"} == {"0"}


@pytest.fixture(scope="module")
def dotted(tmp_path_factory):
    """One exercise whose dots sit on a themed note, the theme itself, a quote and a question;
    a second exercise that never ran."""
    def build(store):
        workshop = workshops.create_workshop(store, title="Dots everywhere", participants=["Ann", "Bo"])
        first = store.exercises(workshop.id)[0]
        idea = notes.add_note(store, first.id, "Pool the budgets").id
        other = notes.add_note(store, first.id, "Share the rota").id
        quote = notes.add_note(store, first.id, "We never see the money", kind="quote", role="Resident").id
        question = notes.add_note(store, first.id, "Who owns the data?", kind="question").id
        theme = notes.group_notes(store, first.id, "Money", [idea, other]).id
        tally = store.create_round(workshop.id, title="Wall", mode="tally", dots_per_voter=9)
        store.replace_votes(tally.id, None, {("note", idea): 3, ("note", other): 3, ("theme", theme): 1,
                                             ("note", quote): 1, ("note", question): 2})
        store.update_round(tally.id, state="closed", revealed=True)
        return workshop.id
    return builders.built(tmp_path_factory.mktemp("dotted"), build)


def test_every_dot_shown_is_in_the_section_totals(dotted):
    section = build_summary(dotted.content, dotted.framework).sections[0]
    assert section.votes == 10
    shown = sum(g.votes for g in section.groups) + section.quote_votes + section.question_votes
    assert shown == section.votes
    markdown = render_markdown(dotted.content, dotted.framework)
    assert "### Money (7 dots)" in markdown
    assert "### In their words (1 dot)" in markdown and "> — Resident · 1 dot" in markdown
    assert "### Questions raised (2 dots)" in markdown


def test_ties_print_as_the_app_shows_them(dotted, tmp_path):
    summary = build_summary(dotted.content, dotted.framework)
    assert [p.place for p in summary.priorities] == ["=1", "=1", "3", "=4", "=4"]
    assert [r.place for r in summary.rounds[0].results][:2] == ["=1", "=1"]
    markdown = render_markdown(dotted.content, dotted.framework)
    assert "\\=1 **Pool the budgets** — 3 dots" in markdown
    path = tmp_path / "ties.pdf"
    pdf.write_pdf(dotted.content, dotted.framework, path)
    assert squash("=1Pool the budgets") in squash(body_text(path))


def test_an_exercise_never_run_takes_one_line(dotted, realistic, tmp_path):
    summary = build_summary(dotted.content, dotted.framework)
    assert [s.skipped for s in summary.sections] == [False] + [True] * (len(summary.sections) - 1)
    path = tmp_path / "skipped.pdf"
    pdf.write_pdf(dotted.content, dotted.framework, path, appendix=False)
    text = squash(body_text(path))
    assert squash("Nothing was written down") not in text
    second = summary.sections[1]
    assert squash(f"2. {second.title} · {second.domain.name} · skipped: not run (20 min planned)") in text
    markdown = render_markdown(dotted.content, dotted.framework)
    assert f"*{second.domain.name}* · skipped: not run (20 min planned)" in markdown
    blood = build_summary(realistic.content, realistic.framework).sections[-1]
    assert blood.empty and not blood.skipped  # time ran, nothing was written: a page saying so
