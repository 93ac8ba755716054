"""The workshop file, format version 2: one whole workshop as a JSON document.

Version 2 added health checks (``workshop.health_checks``); a version 1 file, which
cannot hold them, still reads unchanged.

This is a public surface (see docs/workshop-format.md): other machines and scripts read
and write it, so it changes only with a new version number. The two functions here are
pure. ``content_to_document`` turns a workshop read from the store into the document;
``document_to_content`` reads a document from anywhere, treating it as untrusted: every
field is type-checked, enumerations and references between records are checked, text
goes through the one text rule (``domain.text``) and counts are bounded. A problem is
reported as a ``ValidationError`` naming where it is, e.g.
``workshop.exercises[2].notes[5].text: must not be empty``.

Inside the file, records refer to each other by local ids (the ``id`` of a participant,
exercise, theme or note), which mean nothing outside the file: importing gives every
record a fresh id in the receiving database.
"""

import json
import math
from collections.abc import Iterable
from datetime import date as Date
from datetime import UTC, datetime

from . import health, text, voting
from .errors import ValidationError
from .health import HealthRound, Rating, TallyCount
from .model import (
    ACTION_STATUSES, EXERCISE_STATES, NOTE_COLOURS, NOTE_KINDS, WORKSHOP_STATUSES, Action, Ballot, Exercise,
    Note, Participant, Theme, Vote, VoteRound, Workshop, WorkshopContent,
)
from .timer import TimerState

FORMAT = "collabdesk.workshop"
VERSION = 2
FIRST_VERSION = 1
MAX_FILE_BYTES = 50 * 1024 * 1024

MAX_COUNTS = {  # per file; far beyond any real workshop, low enough to refuse a hostile one quickly
    "participants": 500,
    "exercises": 200,
    "themes": 5_000,
    "notes": 20_000,
    "vote_rounds": 500,
    "votes": 200_000,
    "ballots": 100_000,
    "actions": 5_000,
    "health_checks": 500,
    "ratings": 200_000,
    "tallies": 50_000,
}
ROUND_TARGETS = ("notes", "themes")
ROUND_MODES = ("ballot", "tally")
ROUND_STATES = ("open", "closed")
BALLOT_STATUSES = ("pending", "confirmed", "skipped")
MAX_DOTS = 1_000  # dots per voter, and per card
MAX_COUNT = 1_000_000  # dots on one card in one vote (a facilitator's tally of a big room)
MAX_SECONDS = 7 * 24 * 3600.0  # a timer's planned or run time
MAX_ID = 2**53  # local ids: integers any JSON reader keeps exactly
MAX_STAMP = 64  # characters in a timestamp

DOCUMENT_FIELDS = {"format", "version", "exported", "workshop"}
WORKSHOP_FIELDS = {"id", "title", "purpose", "facilitator", "location", "date", "status", "framework",
                   "created", "updated", "started", "ended", "reopened",
                   "participants", "exercises", "vote_rounds", "actions", "health_checks"}
WORKSHOP_FIELDS_V1 = WORKSHOP_FIELDS - {"health_checks"}
PARTICIPANT_FIELDS = {"id", "name"}
EXERCISE_FIELDS = {"id", "domain", "title", "prompt", "state", "timer", "themes", "notes"}
TIMER_FIELDS = {"planned_seconds", "accumulated_seconds", "running_since"}
THEME_FIELDS = {"id", "title"}
NOTE_FIELDS = {"id", "text", "kind", "colour", "author", "role", "theme", "x", "y", "created", "updated"}
ROUND_FIELDS = {"title", "exercise", "target", "mode", "dots_per_voter", "max_per_item", "anonymous",
                "state", "revealed", "created", "turnout", "ballots", "votes"}
BALLOT_FIELDS = {"participant", "status"}
VOTE_FIELDS = {"note", "theme", "voter", "count"}
ACTION_FIELDS = {"text", "owner", "due", "status", "note", "theme"}
HEALTH_FIELDS = {"title", "domains", "mode", "anonymous", "state", "revealed", "created", "turnout", "ballots",
                 "ratings", "tallies"}
RATING_FIELDS = {"participant", "domain", "score", "comment"}
TALLY_FIELDS = {"domain", "score", "count"}


# -- writing ---------------------------------------------------------------------------------
def content_to_document(content: WorkshopContent, *, exported: str = "") -> dict:
    """The workshop file for ``content``: plain dicts and lists, ready for ``json.dumps``.

    Local ids are numbered 1, 2, 3 ... per kind in the order records appear, so the same
    workshop always gives the same document whatever its ids in the database. Deleted
    notes (the trash) are left out, and with them any dots on them or links to them: a
    file carries what the workshop shows, not what was thrown away.
    """
    w = content.workshop
    people = {p.id: local for local, p in enumerate(content.participants, 1)}
    exercises = {e.id: local for local, e in enumerate(content.exercises, 1)}
    themes_of: dict[int, list[Theme]] = {}
    for t in content.themes:
        themes_of.setdefault(t.exercise_id, []).append(t)
    notes_of: dict[int, list[Note]] = {}
    for n in sorted(content.notes, key=lambda n: n.id):
        if not n.deleted:
            notes_of.setdefault(n.exercise_id, []).append(n)
    themes = {t.id: local for local, t in enumerate(
        (t for e in content.exercises for t in themes_of.get(e.id, [])), 1)}
    notes = {n.id: local for local, n in enumerate(
        (n for e in content.exercises for n in notes_of.get(e.id, [])), 1)}

    def exercise(e: Exercise) -> dict:
        return {
            "id": exercises[e.id], "domain": e.domain_key, "title": e.title, "prompt": e.prompt, "state": e.state,
            "timer": {"planned_seconds": e.timer.planned, "accumulated_seconds": e.timer.accumulated,
                      "running_since": e.timer.running_since},
            "themes": [{"id": themes[t.id], "title": t.title} for t in themes_of.get(e.id, [])],
            "notes": [{
                "id": notes[n.id], "text": n.text, "kind": n.kind, "colour": n.colour,
                "author": people.get(n.author_id), "role": n.role, "theme": themes.get(n.theme_id),
                "x": n.x, "y": n.y, "created": n.created, "updated": n.updated,
            } for n in notes_of.get(e.id, [])],
        }

    def vote_round(r: VoteRound) -> dict:
        on_notes = r.target == "notes"
        ballots = [b for b in content.ballots if b.round_id == r.id and b.participant_id in people]
        votes = [{"note": notes.get(v.note_id) if on_notes else None,
                  "theme": None if on_notes else themes.get(v.theme_id),
                  "voter": people.get(v.voter_id), "count": v.count}
                 for v in content.votes
                 if v.round_id == r.id and (notes if on_notes else themes).get(
                     v.note_id if on_notes else v.theme_id) is not None]
        if not r.revealed:
            ballots, votes = [], []
        elif r.anonymous:
            votes = _pooled(votes)
        return {
            "title": r.title, "exercise": exercises.get(r.exercise_id), "target": r.target, "mode": r.mode,
            "dots_per_voter": r.dots_per_voter, "max_per_item": r.max_per_item, "anonymous": r.anonymous,
            "state": r.state, "revealed": r.revealed, "created": r.created,
            "turnout": _turnout(content.ballots, r.id),
            "ballots": [{"participant": people[b.participant_id], "status": b.status} for b in ballots],
            "votes": votes,
        }

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": exported,
        "workshop": {
            "id": w.id, "title": w.title, "purpose": w.purpose, "facilitator": w.facilitator,
            "location": w.location, "date": w.date, "status": w.status, "framework": w.framework_key,
            "created": w.created, "updated": w.updated, "started": w.started, "ended": w.ended,
            "reopened": w.reopened,
            "participants": [{"id": people[p.id], "name": p.name} for p in content.participants],
            "exercises": [exercise(e) for e in content.exercises],
            "vote_rounds": [vote_round(r) for r in content.rounds],
            "actions": [{"text": a.text, "owner": a.owner, "due": a.due, "status": a.status,
                         "note": notes.get(a.note_id), "theme": themes.get(a.theme_id)}
                        for a in content.actions],
            "health_checks": [_health_check(content, r, people) for r in content.health_rounds],
        },
    }


def _health_check(content: WorkshopContent, r: HealthRound, people: dict[int, int]) -> dict:
    """A health check's record: before the reveal its settings and turnout only; after it, an
    anonymous check's ratings name no one and come in an order that follows no one."""
    record = {
        "title": r.title, "domains": list(r.domain_keys), "mode": r.mode, "anonymous": r.anonymous,
        "state": r.state, "revealed": r.revealed, "created": r.created,
        "turnout": _turnout(content.health_ballots, r.id),
    }
    if not r.revealed:
        return record | {"ballots": [], "ratings": [], "tallies": []}
    ratings = [{"participant": None if r.anonymous else people[x.participant_id], "domain": x.domain_key,
                "score": x.score, "comment": x.comment}
               for x in content.ratings
               if x.round_id == r.id and (x.participant_id in people or (r.anonymous and x.participant_id is None))]
    if r.anonymous:
        order = {key: i for i, key in enumerate(r.domain_keys)}
        ratings.sort(key=lambda x: (order.get(x["domain"], len(order)), x["domain"], x["score"], x["comment"]))
    return record | {
        "ballots": [{"participant": people[b.participant_id], "status": b.status}
                    for b in content.health_ballots if b.round_id == r.id and b.participant_id in people],
        "ratings": ratings,
        "tallies": [{"domain": t.domain_key, "score": t.score, "count": t.count}
                    for t in content.tallies if t.round_id == r.id],
    }


def _turnout(ballots: Iterable[Ballot], round_id: int) -> int:
    """How many have taken part in a round: its confirmed ballots."""
    return sum(1 for b in ballots if b.round_id == round_id and b.status == "confirmed")


def _pooled(votes: list[dict]) -> list[dict]:
    """An anonymous round's dots added up per card (or theme), with no voter: its results, not who gave them."""
    totals: dict[tuple[int | None, int | None], int] = {}
    for v in votes:
        key = (v["note"], v["theme"])
        totals[key] = totals.get(key, 0) + v["count"]
    return [{"note": note, "theme": theme, "voter": None, "count": count}
            for (note, theme), count in sorted(totals.items(), key=lambda item: (item[0][0] or 0, item[0][1] or 0))]


# -- reading ---------------------------------------------------------------------------------
class _Record:
    """One JSON object of the document being read, knowing where it sits in it."""

    def __init__(self, value: object, path: str, fields: set[str]):
        if not isinstance(value, dict):
            raise _problem(path, f"must be an object, not {_kind_of(value)}")
        unknown = sorted(k for k in value if k not in fields)
        if unknown:
            raise _problem(f"{path}.{unknown[0]}",
                           f"is not a field of this record (known: {', '.join(sorted(fields))})")
        self.value = value
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}"

    def has(self, key: str) -> bool:
        return self.value.get(key) is not None

    def _not_null(self, key: str, kind: str) -> None:
        """A field the format gives a type may be left out, but not written as null."""
        if key in self.value and self.value[key] is None:
            raise _problem(self.at(key), f"must be {kind}, not null (leave the field out instead)")

    def text(self, key: str, limit: str, *, required: bool = False) -> str:
        self._not_null(key, "text")
        raw = self.value.get(key)
        if raw is None and not required:
            return ""
        if not isinstance(raw, str):
            raise _problem(self.at(key), "is missing" if raw is None else f"must be text, not {_kind_of(raw)}")
        value = text.clean(raw)
        if required and not value.strip():
            raise _problem(self.at(key), "must not be empty")
        maximum = text.LIMITS[limit]
        if len(value) > maximum:
            raise _problem(self.at(key), f"is {len(value):,} characters long; the most allowed is {maximum:,}")
        return value

    def choice(self, key: str, choices: Iterable[str], default: str) -> str:
        raw = self.value.get(key, default)
        choices = tuple(choices)
        if raw not in choices:
            raise _problem(self.at(key), f"must be one of {', '.join(choices)}; not {_shown(raw)}")
        return raw

    def integer(self, key: str, low: int, high: int, *, default: int | None = None,
                nullable: bool = False) -> int | None:
        if not nullable:
            self._not_null(key, "a whole number")
        raw = self.value.get(key)
        if raw is None:
            return self._absent_number(key, default, nullable)
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise _problem(self.at(key), f"must be a whole number, not {_kind_of(raw)}")
        if not low <= raw <= high:
            raise _problem(self.at(key), f"must be between {low:,} and {high:,}; not {_shown_number(raw)}")
        return raw

    def number(self, key: str, low: float, high: float, *, default: float | None = None,
               nullable: bool = False) -> float | None:
        if not nullable:
            self._not_null(key, "a number")
        raw = self.value.get(key)
        if raw is None:
            return self._absent_number(key, default, nullable)
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise _problem(self.at(key), f"must be a number, not {_kind_of(raw)}")
        if not math.isfinite(raw) or not low <= raw <= high:
            raise _problem(self.at(key), f"must be between {low:g} and {high:g}; not {_shown_number(raw)}")
        return float(raw)

    def _absent_number(self, key: str, default: float | None, nullable: bool) -> float | None:
        """What a number left out stands for: None if it may be left out, else its default;
        without a default it is missing."""
        if nullable:
            return None
        if default is None:
            raise _problem(self.at(key), "is missing")
        return default

    def boolean(self, key: str, default: bool) -> bool:
        self._not_null(key, "true or false")
        raw = self.value.get(key, default)
        if not isinstance(raw, bool):
            raise _problem(self.at(key), f"must be true or false, not {_kind_of(raw)}")
        return raw

    def date(self, key: str) -> str:
        value = self.text(key, "short").strip()
        if value:
            try:
                return Date.fromisoformat(value).isoformat()
            except ValueError:
                raise _problem(self.at(key), f"must be a date written YYYY-MM-DD, not {_shown(value)}") from None
        return value

    def timestamp(self, key: str) -> str:
        self._not_null(key, "a date and time")
        raw = self.value.get(key)
        if raw is None or raw == "":
            return ""
        if not isinstance(raw, str) or len(raw) > MAX_STAMP:
            raise _problem(self.at(key), f"must be a date and time in ISO 8601, not {_kind_of(raw)}")
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            raise _problem(self.at(key), f"must be a date and time in ISO 8601, not {_shown(raw)}") from None
        try:  # every view and report shows it in UTC or local time: both must exist
            moment.astimezone(UTC).astimezone()
        except (OverflowError, ValueError, OSError):
            raise _problem(self.at(key), f"is {_shown(raw)}, outside the dates CollabDesk can show "
                                         "(years 1 to 9999 in every time zone)") from None
        return raw

    def local_id(self) -> int:
        return self.integer("id", 0, MAX_ID)

    def reference(self, key: str, known: dict[int, object], what: str, *,
                  where: str = " in the file") -> int | None:
        """A local id naming a record of the file (``what``), or None when absent."""
        target = self.integer(key, 0, MAX_ID, nullable=True)
        if target is not None and target not in known:
            raise _problem(self.at(key), f"refers to {what} {target}, which is not{where}")
        return target

    def records(self, key: str, fields: set[str], counter: "_Counter") -> list["_Record"]:
        raw = self.value.get(key, [])
        if not isinstance(raw, list):
            raise _problem(self.at(key), f"must be a list, not {_kind_of(raw)}")
        counter.add(key, len(raw), self.at(key))
        return [_Record(item, f"{self.at(key)}[{i}]", fields) for i, item in enumerate(raw)]


class _Counter:
    """Running totals per kind of record, refused as soon as one passes its limit."""

    def __init__(self):
        self.totals = dict.fromkeys(MAX_COUNTS, 0)

    def add(self, kind: str, count: int, path: str) -> None:
        self.totals[kind] += count
        if self.totals[kind] > MAX_COUNTS[kind]:
            raise _problem(path, f"brings the file to more than {MAX_COUNTS[kind]:,} {kind.replace('_', ' ')}, "
                                 "the most one workshop file may hold")


def _problem(path: str, message: str) -> ValidationError:
    """The error naming where in the document; a field name the size of a page is cut short."""
    shown = path if len(path) <= 120 else path[:119] + "…"
    return ValidationError(f"{shown}: {message}.")


def _kind_of(value: object) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _shown_number(value: int | float) -> str:
    """A number as an error message can hold it: a 4,000-digit one is described, not printed."""
    written = f"{value:,}" if isinstance(value, int) else repr(value)
    return written if len(written) <= 30 else f"a number {len(str(abs(value))):,} digits long"


def _shown(value: object) -> str:
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _unique(ids: dict[int, object], new_id: int, path: str, what: str) -> None:
    if new_id in ids:
        raise _problem(path, f"{what} id {new_id} is used twice in the file")


def document_to_content(document: object) -> WorkshopContent:
    """Read a workshop file's document, refusing anything that is not a valid version 1 or 2 file.

    The records of the returned content carry the file's local ids; the store gives them
    real ids when it inserts the content.
    """
    if not isinstance(document, dict):
        raise ValidationError(f"The file must hold a JSON object, not {_kind_of(document)}.")
    if document.get("format") != FORMAT:
        raise ValidationError(
            f"This is not a CollabDesk workshop file: its \"format\" is {_shown(document.get('format'))}, "
            f"expected {FORMAT!r}.")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ValidationError(f"version: must be a whole number, not {_kind_of(version)}.")
    if version > VERSION:
        raise ValidationError(
            f"This workshop file is format version {version}, written by a newer CollabDesk; "
            f"this one reads version {VERSION}. Update CollabDesk to import it.")
    if version < FIRST_VERSION:
        raise ValidationError(f"version: {version} is not a workshop file version (the first is {FIRST_VERSION}).")
    top = _Record(document, "document", DOCUMENT_FIELDS)
    top.timestamp("exported")
    if "workshop" not in document:
        raise ValidationError("workshop: is missing.")
    fields = WORKSHOP_FIELDS_V1 if version == 1 else WORKSHOP_FIELDS
    return _workshop(_Record(document["workshop"], "workshop", fields))


def _workshop(w: _Record) -> WorkshopContent:
    counter = _Counter()
    workshop_id = w.text("id", "short")
    workshop = Workshop(
        id=workshop_id,
        title=w.text("title", "title", required=True),
        purpose=w.text("purpose", "purpose"),
        facilitator=w.text("facilitator", "name"),
        location=w.text("location", "name"),
        date=w.date("date"),
        status=w.choice("status", WORKSHOP_STATUSES, "draft"),
        framework_key=w.text("framework", "short").strip() or "five-domains",
        created=w.timestamp("created"),
        updated=w.timestamp("updated"),
        started=w.timestamp("started"),
        ended=w.timestamp("ended"),
        reopened=w.integer("reopened", 0, 1_000_000, default=0),
    )
    participants: dict[int, Participant] = {}
    for position, p in enumerate(w.records("participants", PARTICIPANT_FIELDS, counter)):
        pid = p.local_id()
        _unique(participants, pid, p.at("id"), "participant")
        participants[pid] = Participant(id=pid, workshop_id=workshop_id, name=p.text("name", "name", required=True),
                                        position=position)

    exercises: dict[int, Exercise] = {}
    themes: dict[int, Theme] = {}
    notes: dict[int, Note] = {}
    for position, e in enumerate(w.records("exercises", EXERCISE_FIELDS, counter)):
        eid = e.local_id()
        _unique(exercises, eid, e.at("id"), "exercise")
        exercises[eid] = Exercise(
            id=eid, workshop_id=workshop_id, position=position,
            domain_key=e.text("domain", "short", required=True),
            title=e.text("title", "title", required=True),
            prompt=e.text("prompt", "prompt"),
            timer=_timer(e),
            state=e.choice("state", EXERCISE_STATES, "pending"),
        )
        own_themes: dict[int, Theme] = {}
        for theme_position, t in enumerate(e.records("themes", THEME_FIELDS, counter)):
            tid = t.local_id()
            _unique(themes, tid, t.at("id"), "theme")
            themes[tid] = own_themes[tid] = Theme(
                id=tid, workshop_id=workshop_id, exercise_id=eid,
                title=t.text("title", "title", required=True), position=theme_position)
        for n in e.records("notes", NOTE_FIELDS, counter):
            nid = n.local_id()
            _unique(notes, nid, n.at("id"), "note")
            notes[nid] = Note(
                id=nid, workshop_id=workshop_id, exercise_id=eid,
                text=n.text("text", "note", required=True),
                kind=n.choice("kind", NOTE_KINDS, "note"),
                colour=n.choice("colour", NOTE_COLOURS, "yellow"),
                author_id=n.reference("author", participants, "participant"),
                role=n.text("role", "name"),
                theme_id=n.reference("theme", own_themes, "theme", where=" among this exercise's themes"),
                x=n.number("x", -1e9, 1e9, nullable=True),
                y=n.number("y", -1e9, 1e9, nullable=True),
                created=n.timestamp("created"),
                updated=n.timestamp("updated"),
            )

    rounds, votes, ballots = _rounds(w, counter, workshop_id, participants, exercises, notes, themes)
    actions = []
    for position, a in enumerate(w.records("actions", ACTION_FIELDS, counter)):
        actions.append(Action(
            id=position + 1, workshop_id=workshop_id,
            text=a.text("text", "action", required=True),
            owner=a.text("owner", "name"),
            due=a.date("due"),
            status=a.choice("status", ACTION_STATUSES, "open"),
            note_id=a.reference("note", notes, "note"),
            theme_id=a.reference("theme", themes, "theme"),
            position=position,
        ))
    health_rounds, health_ballots, ratings, tallies = _health_checks(w, counter, workshop_id, participants)
    return WorkshopContent(
        workshop=workshop,
        health_rounds=tuple(health_rounds), health_ballots=tuple(health_ballots),
        ratings=tuple(ratings), tallies=tuple(tallies),
        participants=tuple(participants.values()),
        exercises=tuple(exercises.values()),
        notes=tuple(notes.values()),
        themes=tuple(themes.values()),
        rounds=tuple(rounds),
        votes=tuple(votes),
        ballots=tuple(ballots),
        actions=tuple(actions),
    )


def _timer(exercise: _Record) -> TimerState:
    if not exercise.has("timer"):
        return TimerState(planned=15 * 60.0)
    t = _Record(exercise.value["timer"], exercise.at("timer"), TIMER_FIELDS)
    return TimerState(
        planned=t.number("planned_seconds", 0, MAX_SECONDS),
        accumulated=t.number("accumulated_seconds", 0, MAX_SECONDS, default=0.0),
        running_since=t.number("running_since", 0, 1e11, nullable=True),
    )


def _rounds(w: _Record, counter: _Counter, workshop_id: str, participants: dict, exercises: dict,
            notes: dict, themes: dict) -> tuple[list[VoteRound], list[Vote], list[Ballot]]:
    rounds, votes, ballots = [], [], []
    for round_id, r in enumerate(w.records("vote_rounds", ROUND_FIELDS, counter), 1):
        target = r.choice("target", ROUND_TARGETS, "notes")
        rounds.append(VoteRound(
            id=round_id, workshop_id=workshop_id,
            title=r.text("title", "title", required=True),
            exercise_id=r.reference("exercise", exercises, "exercise"),
            dots_per_voter=r.integer("dots_per_voter", 0, MAX_DOTS, default=3),
            max_per_item=r.integer("max_per_item", 1, MAX_DOTS, nullable=True),
            anonymous=r.boolean("anonymous", True),
            target=target,
            mode=r.choice("mode", ROUND_MODES, "ballot"),
            state=r.choice("state", ROUND_STATES, "open"),
            revealed=r.boolean("revealed", False),
            created=r.timestamp("created"),
        ))
        r.integer("turnout", 0, MAX_COUNTS["ballots"], default=0)  # shown to people reading the file; not stored
        ballots += _ballots(r, counter, round_id, participants)
        for v in r.records("votes", VOTE_FIELDS, counter):
            note_id = v.reference("note", notes, "note")
            theme_id = v.reference("theme", themes, "theme")
            wanted = "note" if target == "notes" else "theme"
            if (note_id is None) == (theme_id is None) or (target == "notes") != (note_id is not None):
                raise _problem(v.path, f"a vote on {target} must name one {wanted} (and nothing else)")
            votes.append(Vote(id=len(votes) + 1, round_id=round_id, count=v.integer("count", 0, MAX_COUNT),
                              note_id=note_id, theme_id=theme_id,
                              voter_id=v.reference("voter", participants, "participant")))
        _check_round(r.path, rounds[-1], [v for v in votes if v.round_id == round_id])
    return rounds, votes, ballots


def _check_round(path: str, round_: VoteRound, votes: list[Vote]) -> None:
    """The voting rules the app applies as dots are placed, applied to a round from a file.

    Each named voter's dots are held to the round's dots and cap; dots that name no voter
    (an anonymous round, the wall's count) to the sanity limits of a count, since the file
    does not say how many people placed them.
    """
    _ruled(path, lambda: voting.check_settings(dots_per_voter=round_.dots_per_voter, max_per_item=round_.max_per_item,
                                               target=round_.target, mode=round_.mode))
    named: dict[int, dict] = {}
    pooled: dict = {}
    for v in votes:
        spent = named.setdefault(v.voter_id, {}) if v.voter_id is not None else pooled
        spent[(v.note_id, v.theme_id)] = spent.get((v.note_id, v.theme_id), 0) + v.count
    for voter, allocation in named.items():
        _ruled(f"{path}.votes", voting.check_spend, round_, allocation, f"Participant {voter}")
    if pooled:
        _ruled(f"{path}.votes", voting.check_counts, round_, pooled, voting.totals_of(named.values()), 0)


def _ruled(path: str, check, *args):
    """Apply a domain rule (``domain.health``) to what the file says, reporting a refusal at ``path``."""
    try:
        return check(*args)
    except ValidationError as error:
        message = str(error).rstrip(".")
        raise _problem(path, message[0].lower() + message[1:]) from None


def _ballots(r: _Record, counter: _Counter, round_id: int, participants: dict) -> list[Ballot]:
    ballots, seen = [], set()
    for b in r.records("ballots", BALLOT_FIELDS, counter):
        participant = b.reference("participant", participants, "participant")
        if participant is None:
            raise _problem(b.at("participant"), "is missing")
        if participant in seen:
            raise _problem(b.at("participant"), f"participant {participant} has two ballots in this "
                                                 f"{'vote' if 'vote_rounds' in b.path else 'health check'}")
        seen.add(participant)
        ballots.append(Ballot(round_id=round_id, participant_id=participant,
                              status=b.choice("status", BALLOT_STATUSES, "pending")))
    return ballots


def _health_checks(w: _Record, counter: _Counter, workshop_id: str, participants: dict):
    """Health checks, held to the same rules as ratings typed or tallied in the app."""
    rounds, ballots, ratings, tallies = [], [], [], []
    for round_id, r in enumerate(w.records("health_checks", HEALTH_FIELDS, counter), 1):
        domains = r.value.get("domains")
        if not isinstance(domains, list) or not all(isinstance(d, str) and d.strip() for d in domains):
            raise _problem(r.at("domains"), "must be a list of domain keys (text)")
        if any(len(d) > text.LIMITS["short"] for d in domains):
            raise _problem(r.at("domains"), f"has a key longer than {text.LIMITS['short']} characters")
        mode = r.choice("mode", health.MODES, "ballot")
        _ruled(r.at("domains"), lambda: health.check_settings(mode=mode, domain_keys=domains))  # noqa: B023 (run at once)
        round_ = HealthRound(
            id=round_id, workshop_id=workshop_id, title=r.text("title", "title", required=True),
            domain_keys=tuple(domains), mode=mode, anonymous=r.boolean("anonymous", True),
            state=r.choice("state", health.STATES, "open"), revealed=r.boolean("revealed", False),
            created=r.timestamp("created"))
        rounds.append(round_)
        r.integer("turnout", 0, MAX_COUNTS["ballots"], default=0)  # shown to people reading the file; not stored
        own_ballots = _ballots(r, counter, round_id, participants)
        ballots += own_ballots
        confirmed = {b.participant_id for b in own_ballots if b.status == "confirmed"}
        rated, per_domain = set(), {}
        for x in r.records("ratings", RATING_FIELDS, counter):
            voter = x.reference("participant", participants, "participant")
            if voter is None and not (round_.anonymous and round_.revealed):
                raise _problem(x.at("participant"), "is missing: only a revealed anonymous health check's "
                                                    "ratings may leave it out")
            if voter is not None and voter not in confirmed:
                raise _problem(x.at("participant"), "a rating needs a confirmed ballot of its participant in "
                                                    "this health check")
            domain = x.text("domain", "short", required=True)
            if voter is not None and (voter, domain) in rated:
                raise _problem(x.at("domain"), f"participant {voter} rates {domain!r} twice in this health check")
            rated.add((voter, domain))
            per_domain[domain] = per_domain.get(domain, 0) + 1
            if per_domain[domain] > len(confirmed):
                raise _problem(x.at("domain"), f"{domain!r} has more ratings than the {len(confirmed)} confirmed "
                                               "ballots of this health check")
            _ruled(x.at("domain"), health.check_domain, round_, domain)
            ratings.append(Rating(round_id, voter, domain, _ruled(x.at("score"), health.check_score,
                                                                   x.value.get("score")),
                                  _ruled(x.at("comment"), health.clean_comment, x.text("comment", "note"))))
        counts: dict[str, dict[int, int]] = {}
        hands = r.records("tallies", TALLY_FIELDS, counter)
        if hands and mode != "tally":
            raise _problem(r.at("tallies"), "counts of hands belong to a health check whose mode is tally")
        for t in hands:
            domain = t.text("domain", "short", required=True)
            score, count = t.value.get("score"), t.value.get("count")
            if score in counts.get(domain, {}):
                raise _problem(t.at("score"), f"point {score} of {domain!r} is counted twice in this health check")
            _ruled(t.path, health.check_hands, round_, domain, score, count, counts.get(domain, {}),
                   len(own_ballots))
            counts.setdefault(domain, {})[score] = count
            tallies.append(TallyCount(round_id, domain, score, count))
    return rounds, ballots, ratings, tallies
