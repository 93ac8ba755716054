"""Turning table rows into domain records."""

from ..domain.model import (
    Action, Ballot, Exercise, Note, Participant, Theme, Vote, VoteRound, Workshop,
)
from ..domain.timer import TimerState


def workshop(row: dict) -> Workshop:
    return Workshop(**{k: row[k] for k in Workshop.__dataclass_fields__})


def participant(row: dict) -> Participant:
    return Participant(id=row["id"], workshop_id=row["workshop_id"], name=row["name"], position=row["position"])


def exercise(row: dict) -> Exercise:
    return Exercise(
        id=row["id"],
        workshop_id=row["workshop_id"],
        position=row["position"],
        domain_key=row["domain_key"],
        title=row["title"],
        prompt=row["prompt"],
        timer=TimerState(
            planned=row["planned_seconds"],
            accumulated=row["timer_accumulated"],
            running_since=row["timer_running_since"],
        ),
        state=row["state"],
    )


def note(row: dict) -> Note:
    fields = {k: row[k] for k in Note.__dataclass_fields__}
    fields["deleted"] = bool(fields["deleted"])
    return Note(**fields)


def theme(row: dict) -> Theme:
    return Theme(id=row["id"], workshop_id=row["workshop_id"], exercise_id=row["exercise_id"],
                 title=row["title"], position=row["position"])


def vote_round(row: dict) -> VoteRound:
    fields = {k: row[k] for k in VoteRound.__dataclass_fields__}
    fields["anonymous"] = bool(fields["anonymous"])
    fields["revealed"] = bool(fields["revealed"])
    return VoteRound(**fields)


def vote(row: dict) -> Vote:
    return Vote(**{k: row[k] for k in Vote.__dataclass_fields__})


def ballot(row: dict) -> Ballot:
    return Ballot(round_id=row["round_id"], participant_id=row["participant_id"], status=row["status"])


def action(row: dict) -> Action:
    return Action(**{k: row[k] for k in Action.__dataclass_fields__})
