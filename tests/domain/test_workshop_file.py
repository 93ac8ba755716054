"""The workshop file format v2 (and v1): what it writes, and how it refuses what it cannot read."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collabdesk.domain import text, workshop_file
from collabdesk.domain.errors import ValidationError
from collabdesk.domain.health import HealthRound, Rating, TallyCount
from collabdesk.domain.model import (
    Action, Ballot, Exercise, Note, Participant, Theme, Vote, VoteRound, Workshop, WorkshopContent,
)
from collabdesk.domain.timer import TimerState
from collabdesk.domain.workshop_file import content_to_document, document_to_content

TRICKY = [
    "x" * 10_000,
    "<b>bold</b> <img src=x onerror=alert(1)> &amp; &lt;",
    "\"double\" 'single' `back` \\ backslash",
    "tab\there\nnew line\n\nblank line above",
    "emoji 🎉👩🏽‍🤝‍👨🏿 🇬🇧 ❤️",
    "العمل معًا أفضل",
    "עבודה משותפת",
    "我们需要合作",
    "協力が必要です",
    "mixed עברית and English و عربي",
    "  leading and trailing spaces  ",
]


def sample_content(note_text: str = "Pool the budgets") -> WorkshopContent:
    """A small workshop with one of everything, using store-like ids that are not 1, 2, 3."""
    w = Workshop(id="abc", title="Roundtable", purpose="Why", facilitator="Sam", location="Hall",
                 date="2026-03-01", status="closed", created="2026-03-01T09:00:00+00:00",
                 updated="2026-03-01T12:00:00+00:00", started="2026-03-01T09:05:00+00:00",
                 ended="2026-03-01T11:55:00+00:00", reopened=1)
    people = (Participant(id=40, workshop_id="abc", name="Ann", position=0),
              Participant(id=41, workshop_id="abc", name="Bo", position=3))
    exercises = (
        Exercise(id=7, workshop_id="abc", position=0, domain_key="head", title="Head", prompt="Why?",
                 timer=TimerState(planned=1200.0, accumulated=300.5, running_since=1_800_000_000.25), state="done"),
        Exercise(id=9, workshop_id="abc", position=1, domain_key="heart", title="Heart", prompt="",
                 timer=TimerState(planned=900.0), state="current"),
    )
    themes = (Theme(id=3, workshop_id="abc", exercise_id=7, title="Money", position=0),)
    notes = (
        Note(id=100, workshop_id="abc", exercise_id=7, text=note_text, kind="idea", colour="green", author_id=41,
             theme_id=3, x=12.5, y=-4.0, created="2026-03-01T09:10:00+00:00", updated="2026-03-01T09:11:00+00:00"),
        Note(id=101, workshop_id="abc", exercise_id=9, text="Said aloud", kind="quote", colour="pink",
             role="Guest", created="2026-03-01T10:00:00+00:00", updated="2026-03-01T10:00:00+00:00"),
        Note(id=102, workshop_id="abc", exercise_id=9, text="in the trash", deleted=True),
    )
    rounds = (VoteRound(id=5, workshop_id="abc", title="Priorities", dots_per_voter=3, max_per_item=2,
                        anonymous=False, state="closed", revealed=True, created="2026-03-01T11:00:00+00:00"),
              VoteRound(id=6, workshop_id="abc", title="Themes", exercise_id=7, target="themes", mode="tally",
                        revealed=True))
    votes = (Vote(id=1, round_id=5, count=2, note_id=100, voter_id=40),
             Vote(id=2, round_id=5, count=1, note_id=101, voter_id=41),
             Vote(id=3, round_id=5, count=1, note_id=102, voter_id=41),  # on a deleted note: not exported
             Vote(id=4, round_id=6, count=7, theme_id=3))
    ballots = (Ballot(round_id=5, participant_id=40, status="confirmed"),
               Ballot(round_id=5, participant_id=41, status="skipped"))
    actions = (Action(id=1, workshop_id="abc", text="Map the budgets", owner="Ann", due="2026-04-01",
                      status="in progress", note_id=100, position=0),
               Action(id=2, workshop_id="abc", text="Write up", note_id=102, theme_id=3, position=1))
    checks = (HealthRound(id=11, workshop_id="abc", title="Start of day", domain_keys=("head", "heart"),
                          anonymous=False, state="closed", revealed=True, created="2026-03-01T09:06:00+00:00"),
              HealthRound(id=12, workshop_id="abc", title="Hands up", domain_keys=("head", "heart"), mode="tally",
                          revealed=True))
    health_ballots = (Ballot(round_id=11, participant_id=40, status="confirmed"),
                      Ballot(round_id=11, participant_id=41, status="confirmed"),
                      Ballot(round_id=12, participant_id=40), Ballot(round_id=12, participant_id=41))
    ratings = (Rating(11, 40, "head", 2, "Money pulls us apart"), Rating(11, 40, "heart", 4),
               Rating(11, 41, "head", 3))
    tallies = (TallyCount(12, "head", 4, 2), TallyCount(12, "heart", 1, 1))
    return WorkshopContent(workshop=w, participants=people, exercises=exercises, notes=notes, themes=themes,
                           rounds=rounds, votes=votes, ballots=ballots, actions=actions, health_rounds=checks,
                           health_ballots=health_ballots, ratings=ratings, tallies=tallies)


def through_json(document: dict) -> dict:
    return json.loads(json.dumps(document, ensure_ascii=False))


def canonical(content: WorkshopContent) -> dict:
    return content_to_document(content, exported="2026-03-02T00:00:00+00:00")


# -- writing ---------------------------------------------------------------------------------
def test_document_numbers_local_ids_in_order_and_links_records_by_them():
    doc = canonical(sample_content())
    assert doc["format"] == "collabdesk.workshop" and doc["version"] == 2
    w = doc["workshop"]
    assert [p["id"] for p in w["participants"]] == [1, 2]
    head, heart = w["exercises"]
    assert head["themes"] == [{"id": 1, "title": "Money"}]
    assert head["notes"][0] | {} == {
        "id": 1, "text": "Pool the budgets", "kind": "idea", "colour": "green", "author": 2, "role": "",
        "theme": 1, "x": 12.5, "y": -4.0, "created": "2026-03-01T09:10:00+00:00",
        "updated": "2026-03-01T09:11:00+00:00"}
    assert [n["text"] for n in heart["notes"]] == ["Said aloud"]  # the trash stays behind
    assert head["timer"] == {"planned_seconds": 1200.0, "accumulated_seconds": 300.5, "running_since": 1_800_000_000.25}
    priorities, by_theme = w["vote_rounds"]
    assert priorities["votes"] == [{"note": 1, "theme": None, "voter": 1, "count": 2},
                                   {"note": 2, "theme": None, "voter": 2, "count": 1}]
    assert priorities["ballots"] == [{"participant": 1, "status": "confirmed"}, {"participant": 2, "status": "skipped"}]
    assert by_theme["exercise"] == 1 and by_theme["votes"] == [{"note": None, "theme": 1, "voter": None, "count": 7}]
    assert [(a["note"], a["theme"]) for a in w["actions"]] == [(1, None), (None, 1)]  # link to the trash dropped
    named, hands = w["health_checks"]
    assert (named["domains"], named["anonymous"], named["revealed"]) == (["head", "heart"], False, True)
    assert named["ratings"] == [{"participant": 1, "domain": "head", "score": 2, "comment": "Money pulls us apart"},
                                {"participant": 1, "domain": "heart", "score": 4, "comment": ""},
                                {"participant": 2, "domain": "head", "score": 3, "comment": ""}]
    assert hands["mode"] == "tally" and hands["tallies"] == [{"domain": "head", "score": 4, "count": 2},
                                                             {"domain": "heart", "score": 1, "count": 1}]


def test_reading_the_document_back_gives_the_same_document():
    doc = canonical(sample_content())
    assert canonical(document_to_content(through_json(doc))) == doc


@pytest.mark.parametrize("value", TRICKY)
def test_text_survives_the_file_exactly(value):
    doc = canonical(sample_content(value))
    read = document_to_content(through_json(doc))
    assert [n.text for n in read.notes if n.exercise_id == 1] == [value]


def test_control_characters_are_stripped_and_line_ends_made_plain_on_reading():
    doc = through_json(canonical(sample_content()))
    doc["workshop"]["exercises"][0]["notes"][0]["text"] = "a\x00b\x07c\x1b[31md\r\ne\rf\x7f\x85g"
    doc["workshop"]["title"] = "Round\x00table"
    read = document_to_content(doc)
    assert read.notes[0].text == "abc[31md\ne\nfg"
    assert read.workshop.title == "Roundtable"


@given(st.text(max_size=300))
@settings(max_examples=50, deadline=None)
def test_any_unicode_note_round_trips_as_the_text_rule_keeps_it(value):
    doc = through_json(canonical(sample_content()))
    doc["workshop"]["exercises"][0]["notes"][0]["text"] = value
    if not text.clean(value).strip():
        with pytest.raises(ValidationError, match=r"workshop\.exercises\[0\]\.notes\[0\]\.text: must not be empty"):
            document_to_content(doc)
        return
    read = document_to_content(through_json(doc))
    assert read.notes[0].text == text.clean(value)
    assert canonical(document_to_content(through_json(canonical(read)))) == canonical(read)


# -- refusing --------------------------------------------------------------------------------
def edited(change) -> dict:
    doc = through_json(canonical(sample_content()))
    change(doc["workshop"])
    return doc


def note(w, exercise=0, index=0):
    return w["exercises"][exercise]["notes"][index]


REFUSALS = [
    ("empty note", lambda w: note(w).update(text="  \n\t "),
     r"workshop.exercises[0].notes[0].text: must not be empty."),
    ("title a number", lambda w: w.update(title=5), "workshop.title: must be text, not a number."),
    ("title missing", lambda w: w.pop("title"), "workshop.title: is missing."),
    ("note too long", lambda w: note(w).update(text="x" * 20_001),
     "workshop.exercises[0].notes[0].text: is 20,001 characters long; the most allowed is 20,000."),
    ("unknown kind", lambda w: note(w, 1).update(kind="rant"),
     'workshop.exercises[1].notes[0].kind: must be one of note, idea, question, quote; not "rant".'),
    ("unknown colour", lambda w: note(w).update(colour="#ff0000"), "workshop.exercises[0].notes[0].colour"),
    ("author missing", lambda w: note(w).update(author=99),
     "workshop.exercises[0].notes[0].author: refers to participant 99, which is not in the file."),
    ("theme of another exercise", lambda w: note(w, 1).update(theme=1),
     "workshop.exercises[1].notes[0].theme: refers to theme 1, which is not among this exercise's themes."),
    ("note id twice", lambda w: note(w, 1).update(id=1), "workshop.exercises[1].notes[0].id: note id 1 is used twice"),
    ("unknown field", lambda w: w["participants"][0].update(email="a@b.c"),
     "workshop.participants[0].email: is not a field of this record"),
    ("list expected", lambda w: w.update(actions={}), "workshop.actions: must be a list, not an object."),
    ("object expected", lambda w: w["exercises"].append("Limbs"),
     "workshop.exercises[2]: must be an object, not text."),
    ("bad date", lambda w: w.update(date="2026-13-01"),
     'workshop.date: must be a date written YYYY-MM-DD, not "2026-13-01".'),
    ("bad due date", lambda w: w["actions"][0].update(due="next week"), "workshop.actions[0].due: must be a date"),
    ("bad timestamp", lambda w: note(w).update(created="yesterday"), "workshop.exercises[0].notes[0].created"),
    ("count true", lambda w: w["vote_rounds"][0]["votes"][0].update(count=True),
     "workshop.vote_rounds[0].votes[0].count: must be a whole number, not true/false."),
    ("negative count", lambda w: w["vote_rounds"][0]["votes"][0].update(count=-1),
     "workshop.vote_rounds[0].votes[0].count: must be between 0 and 1,000,000; not -1."),
    ("vote on nothing", lambda w: w["vote_rounds"][0]["votes"][0].update(note=None),
     "workshop.vote_rounds[0].votes[0]: a vote on notes must name one note"),
    ("vote on a theme in a note round", lambda w: w["vote_rounds"][0]["votes"][0].update(note=None, theme=1),
     "workshop.vote_rounds[0].votes[0]: a vote on notes must name one note"),
    ("vote on a missing note", lambda w: w["vote_rounds"][0]["votes"][0].update(note=42),
     "workshop.vote_rounds[0].votes[0].note: refers to note 42, which is not in the file."),
    ("two ballots", lambda w: w["vote_rounds"][0]["ballots"][1].update(participant=1),
     "workshop.vote_rounds[0].ballots[1].participant: participant 1 has two ballots in this vote."),
    ("round on a missing exercise", lambda w: w["vote_rounds"][1].update(exercise=3),
     "workshop.vote_rounds[1].exercise: refers to exercise 3, which is not in the file."),
    ("anonymous as text", lambda w: w["vote_rounds"][0].update(anonymous="yes"),
     "workshop.vote_rounds[0].anonymous: must be true or false, not text."),
    ("planned time infinite", lambda w: w["exercises"][0]["timer"].update(planned_seconds=float("inf")),
     "workshop.exercises[0].timer.planned_seconds: must be between 0 and 604800; not inf."),
    ("position not a number", lambda w: note(w).update(x="left"), "workshop.exercises[0].notes[0].x: must be a number"),
    ("unknown status", lambda w: w.update(status="archived"), "workshop.status: must be one of draft, running, closed"),
    ("action for a missing theme", lambda w: w["actions"][1].update(theme=8),
     "workshop.actions[1].theme: refers to theme 8, which is not in the file."),
    ("rating off the scale", lambda w: w["health_checks"][0]["ratings"][0].update(score=6),
     "workshop.health_checks[0].ratings[0].score: a rating is a whole number from 1 to 5, not 6."),
    ("rating a domain the check does not ask", lambda w: w["health_checks"][0]["ratings"][0].update(domain="limbs"),
     "workshop.health_checks[0].ratings[0].domain: 'limbs' is not one of the domains this health check rates."),
    ("second ballot", lambda w: w["health_checks"][0]["ballots"][1].update(participant=1),
     "workshop.health_checks[0].ballots[1].participant: participant 1 has two ballots in this health check."),
    ("a domain rated twice", lambda w: w["health_checks"][0]["ratings"][2].update(participant=1),
     "workshop.health_checks[0].ratings[2].domain: participant 1 rates 'head' twice in this health check."),
    ("rating without a ballot", lambda w: w["health_checks"][0]["ballots"][1].update(status="skipped"),
     "workshop.health_checks[0].ratings[2].participant: a rating needs a confirmed ballot"),
    ("comment too long", lambda w: w["health_checks"][0]["ratings"][0].update(comment="x" * 201),
     "workshop.health_checks[0].ratings[0].comment: a comment is 201 characters long; the most allowed is 200."),
    ("domain listed twice", lambda w: w["health_checks"][0].update(domains=["head", "head"]),
     "workshop.health_checks[0].domains: a health check lists each domain once."),
    ("no domains", lambda w: w["health_checks"][0].update(domains=[]),
     "workshop.health_checks[0].domains: a health check needs at least one domain to rate."),
    ("hands beyond the room", lambda w: w["health_checks"][1]["tallies"][0].update(count=3),
     "workshop.health_checks[1].tallies[0]: 2 people can give at most 2 ratings per domain; this count would make 3."),
    ("hands in a private check", lambda w: w["health_checks"][0].update(tallies=[{"domain": "head", "score": 1,
                                                                                 "count": 1}]),
     "workshop.health_checks[0].tallies: counts of hands belong to a health check whose mode is tally."),
    ("a point counted twice", lambda w: w["health_checks"][1]["tallies"].append({"domain": "head", "score": 4,
                                                                                "count": 0}),
     "workshop.health_checks[1].tallies[2].score: point 4 of 'head' is counted twice in this health check."),
]


@pytest.mark.parametrize("change, message", [(c, m) for _, c, m in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_a_bad_record_is_refused_saying_where(change, message):
    with pytest.raises(ValidationError) as caught:
        document_to_content(edited(change))
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("document, message", [
    ([], "The file must hold a JSON object, not a list."),
    ({"format": "something.else", "version": 1}, "This is not a CollabDesk workshop file"),
    ({"version": 1, "workshop": {}}, "This is not a CollabDesk workshop file"),
    ({"format": "collabdesk.workshop", "version": 3, "workshop": {}},
     "This workshop file is format version 3, written by a newer CollabDesk; this one reads version 2. "
     "Update CollabDesk to import it."),
    ({"format": "collabdesk.workshop", "version": 0, "workshop": {}}, "version: 0 is not a workshop file version"),
    ({"format": "collabdesk.workshop", "version": "1", "workshop": {}}, "version: must be a whole number"),
    ({"format": "collabdesk.workshop", "version": 1}, "workshop: is missing."),
    ({"format": "collabdesk.workshop", "version": 1, "workshop": {"title": "x"}, "extra": 1},
     "document.extra: is not a field of this record"),
])
def test_a_document_that_is_not_a_workshop_file_this_version_reads_is_refused(document, message):
    with pytest.raises(ValidationError) as caught:
        document_to_content(document)
    assert str(caught.value).startswith(message)


def test_counts_are_bounded_across_the_whole_file(monkeypatch):
    monkeypatch.setitem(workshop_file.MAX_COUNTS, "notes", 2)
    doc = edited(lambda w: None)  # three notes, one of them in the trash and so not written: two
    document_to_content(copy.deepcopy(doc))
    doc["workshop"]["exercises"][1]["notes"].append({"id": 9, "text": "one too many"})
    with pytest.raises(ValidationError, match=r"workshop\.exercises\[1\]\.notes: brings the file to more than 2 notes"):
        document_to_content(doc)


def test_a_version_1_file_reads_unchanged_but_cannot_hold_health_checks():
    doc = through_json(canonical(sample_content()))
    doc["version"] = 1
    doc["workshop"].pop("health_checks")
    read = document_to_content(doc)
    assert read.health_rounds == () and [n.text for n in read.notes] == ["Pool the budgets", "Said aloud"]
    doc["workshop"]["health_checks"] = []
    with pytest.raises(ValidationError, match=r"^workshop\.health_checks: is not a field of this record"):
        document_to_content(doc)


def test_a_minimal_hand_written_file_gets_the_defaults():
    content = document_to_content({"format": "collabdesk.workshop", "version": 1, "workshop": {
        "title": "Quick session",
        "exercises": [{"id": 1, "domain": "head", "title": "Head", "notes": [{"id": 1, "text": "hello"}]}],
    }})
    assert content.workshop.status == "draft" and content.workshop.framework_key == "five-domains"
    assert content.exercises[0].timer == TimerState(planned=900.0)
    assert (content.notes[0].kind, content.notes[0].colour, content.notes[0].author_id) == ("note", "yellow", None)


# -- the documentation -----------------------------------------------------------------------
FORMAT_DOC = Path(__file__).resolve().parent.parent.parent / "docs" / "workshop-format.md"


def test_the_documented_example_is_exactly_what_collabdesk_writes():
    example = json.loads(FORMAT_DOC.read_text(encoding="utf-8").split("```json\n", 1)[1].split("```", 1)[0])
    content = document_to_content(example)
    assert (len(content.participants), len(content.exercises), len(content.notes), len(content.votes)) == (2, 2, 3, 2)
    assert (len(content.health_rounds), len(content.ratings)) == (1, 4)
    assert content_to_document(content, exported=example["exported"]) == example


def test_every_documented_example_reads_and_every_field_is_documented():
    documented = FORMAT_DOC.read_text(encoding="utf-8")
    examples = [json.loads(block.split("```", 1)[0]) for block in documented.split("```json\n")[1:]]
    assert [e["version"] for e in examples] == [workshop_file.VERSION, workshop_file.FIRST_VERSION]
    for example in examples:
        document_to_content(example)
    for fields in (workshop_file.WORKSHOP_FIELDS, workshop_file.HEALTH_FIELDS, workshop_file.RATING_FIELDS,
                   workshop_file.TALLY_FIELDS, workshop_file.ROUND_FIELDS, workshop_file.NOTE_FIELDS):
        for field in fields:
            assert f"`{field}`" in documented, field


def test_the_documented_limits_are_the_limits():
    documented = FORMAT_DOC.read_text(encoding="utf-8")
    for kind, most in workshop_file.MAX_COUNTS.items():
        assert f"{most:,} {kind.replace('_', ' ')}" in documented, kind
    assert f"larger than {workshop_file.MAX_FILE_BYTES // 2**20} MB" in documented
