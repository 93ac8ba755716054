"""The report model every format draws from."""

from dataclasses import replace

from collabdesk.domain.timer import TimerState
from collabdesk.report.summary import UNATTRIBUTED, build_summary

from .builders import PEOPLE


def test_every_live_note_appears_once_in_report_order(adversarial):
    summary = build_summary(adversarial.content, adversarial.framework)
    items = [i for s in summary.sections for i in s.items]
    assert sorted(i.text for i in items) == sorted(n.text for n in adversarial.content.notes)
    assert [i.number for i in items] == list(range(1, len(items) + 1))


def test_votes_on_deleted_notes_do_not_count(adversarial):
    summary = build_summary(adversarial.content, adversarial.framework)
    assert summary.votes == 6  # 2 + 1 + 3 on live notes; the 3 dots on the deleted note are ignored
    assert all("deleted note" not in p.text for p in summary.priorities)


def test_priorities_rank_notes_and_themes_by_dots_with_shared_ranks(realistic):
    summary = build_summary(realistic.content, realistic.framework)
    assert [(p.rank, p.votes) for p in summary.priorities[:3]] == [(1, 6), (2, 4), (3, 3)]
    assert summary.priorities[0].is_theme and summary.priorities[0].text == "Money that pulls apart"
    assert {p.rank for p in summary.priorities if p.votes == 3} == {3}


def test_notes_rank_by_dots_inside_their_theme(realistic):
    head = build_summary(realistic.content, realistic.framework).sections[0]
    first = head.groups[0]
    assert first.title == "Money that pulls apart"
    assert [i.votes for i in first.items] == [3, 2, 0]
    assert first.votes == 5 + 6  # its notes' dots plus the dots the tally put on the theme itself


def test_time_used_comes_from_the_stopped_timers(realistic):
    summary = build_summary(realistic.content, realistic.framework)
    assert [round(s.used_seconds / 60) for s in summary.sections] == [23, 18, 21, 25, 14]
    assert summary.planned_seconds == 5 * 20 * 60


def test_quote_without_author_is_never_named(realistic):
    quotes = [q for s in build_summary(realistic.content, realistic.framework).sections for q in s.quotes]
    by_text = {q.text: q.attribution for q in quotes}
    assert by_text["We say partnership, but residents still get the letter last."] == "Participant"
    assert by_text["Pilots die when the person who started them moves on."] == "Speaker"
    assert by_text["People turn up when they can see the money follows the agreement."] == "Dev Raman, Finance lead"


def test_anonymised_summary_names_nobody(realistic):
    summary = build_summary(realistic.content, realistic.framework, anonymise=True)
    items = [i for s in summary.sections for i in s.items]
    assert all(i.author == "" for i in items)
    assert summary.facilitator == ""
    owners = [a.owner for a in summary.actions]
    assert owners == ["Participant 4", "Participant 6", "Participant 9", "Facilitator"]
    text = repr(summary)
    assert not [name for name in PEOPLE + ("Rosa Lindqvist",) if name in text]


def test_unattributed_quote_reads_unattributed(adversarial):
    quotes = [q for s in build_summary(adversarial.content, adversarial.framework).sections for q in s.quotes]
    assert UNATTRIBUTED in [q.attribution for q in quotes]


def test_a_running_timer_counts_time_up_to_now(realistic):
    first = realistic.content.exercises[0]
    running = replace(first, timer=TimerState(planned=1200, accumulated=300, running_since=1000.0))
    content = replace(realistic.content, exercises=(running,) + realistic.content.exercises[1:])
    section = build_summary(content, realistic.framework, now=1090.0).sections[0]
    assert section.used_seconds == 390
    assert section.planned_seconds == 1200
