"""A workshop with private rounds (unrevealed votes and checks, anonymous ones) and what a workshop file
written from it may hold: shared by the service, command line and export dialog tests."""

import json
from dataclasses import dataclass

from collabdesk.services import health, notes, voting, workshops

PEOPLE = ["Zephyrine Quill", "Bartholomew Marsh", "Ottoline Vance"]


HIDDEN_COMMENTS = ["Hidden remark about the budget kestrel", "Hidden named remark about the heron"]


HIDDEN_COUNTS = (37, 29)  # dots placed in the unrevealed vote: no other count in the workshop is either


SHOWN_COMMENTS = ["Open remark: we only meet in a crisis", "Open remark: data is shared at last"]


@dataclass(frozen=True)
class Private:
    workshop_id: str
    hidden_vote: int
    shown_vote: int
    hidden_checks: tuple[int, int]
    shown_check: int
    named_check: int


def private_workshop(store) -> Private:
    """A workshop holding an unrevealed vote and two unrevealed checks, and revealed ones."""
    w = workshops.create_workshop(store, title="Private rounds", participants=PEOPLE)
    ann, bo, cy = (p.id for p in store.participants(w.id))
    exercise = store.exercises(w.id)[0].id
    first, second = (notes.add_note(store, exercise, f"Card {i}").id for i in (1, 2))

    hidden = voting.start_round(store, w.id, title="Hidden vote", dots_per_voter=40)
    voting.cast_ballot(store, hidden.id, ann, {("note", first): HIDDEN_COUNTS[0]})
    voting.cast_ballot(store, hidden.id, bo, {("note", second): HIDDEN_COUNTS[1]})

    shown = voting.start_round(store, w.id, title="Shown vote", dots_per_voter=5)
    voting.cast_ballot(store, shown.id, ann, {("note", first): 3, ("note", second): 2})
    voting.cast_ballot(store, shown.id, bo, {("note", first): 4})
    voting.skip_voter(store, shown.id, cy)
    voting.reveal_round(store, shown.id)

    anonymous = health.start_check(store, w.id, title="Hidden check")
    health.cast_ballot(store, anonymous.id, ann, {"head": 1, "heart": 5}, {"head": HIDDEN_COMMENTS[0]})
    named = health.start_check(store, w.id, title="Hidden named check", anonymous=False)
    health.cast_ballot(store, named.id, bo, {"bones": 2}, {"bones": HIDDEN_COMMENTS[1]})

    open_check = health.start_check(store, w.id, title="Shown check")
    health.cast_ballot(store, open_check.id, ann, {"head": 2, "heart": 4}, {"head": SHOWN_COMMENTS[0]})
    health.cast_ballot(store, open_check.id, bo, {"head": 5, "blood": 1}, {"blood": SHOWN_COMMENTS[1]})
    health.cast_ballot(store, open_check.id, cy, {"head": 3})
    health.reveal(store, open_check.id)
    named_open = health.start_check(store, w.id, title="Shown named check", anonymous=False)
    health.cast_ballot(store, named_open.id, cy, {"limbs": 4}, {"limbs": "Cy says so"})
    health.reveal(store, named_open.id)
    return Private(w.id, hidden.id, shown.id, (anonymous.id, named.id), open_check.id, named_open.id)


def assert_private(file_text: str) -> None:
    """What a workshop file written from ``private_workshop`` may and may not hold."""
    for secret in HIDDEN_COMMENTS:
        assert secret not in file_text
    for count in HIDDEN_COUNTS:
        assert f'"count": {count}' not in file_text
    w = json.loads(file_text)["workshop"]
    rounds = {r["title"]: r for r in w["vote_rounds"]}
    checks = {c["title"]: c for c in w["health_checks"]}
    hidden = rounds["Hidden vote"]
    assert (hidden["ballots"], hidden["votes"], hidden["turnout"]) == ([], [], 2)
    assert (hidden["dots_per_voter"], hidden["revealed"], hidden["anonymous"]) == (40, False, True)
    for title in ("Hidden check", "Hidden named check"):
        assert {k: checks[title][k] for k in ("ballots", "ratings", "tallies", "turnout")} == {
            "ballots": [], "ratings": [], "tallies": [], "turnout": 1}
    shown = rounds["Shown vote"]  # anonymous: each card's dots added up, no voter
    assert shown["votes"] == [{"note": 1, "theme": None, "voter": None, "count": 7},
                              {"note": 2, "theme": None, "voter": None, "count": 2}]
    assert shown["turnout"] == 2 and len(shown["ballots"]) == 3
    ratings = checks["Shown check"]["ratings"]
    assert {r["participant"] for r in ratings} == {None}
    assert [(r["domain"], r["score"]) for r in ratings] == [("head", 2), ("head", 3), ("head", 5), ("heart", 4),
                                                           ("blood", 1)]
    assert {r["comment"] for r in ratings} == {*SHOWN_COMMENTS, ""}
    assert checks["Shown named check"]["ratings"] == [
        {"participant": 3, "domain": "limbs", "score": 4, "comment": "Cy says so"}]
