"""The things a workshop is made of, as plain immutable records.

Ids are integers given by the store, except workshops, whose ids are UUID strings so
that a workshop keeps one identity across machines and files.
"""

from __future__ import annotations  # health's records name only annotations here

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from .timer import TimerState

if TYPE_CHECKING:  # loaded with the first health check, not at start
    from .health import HealthRound, Rating, TallyCount

NOTE_KINDS = ("note", "idea", "question", "quote")
NOTE_COLOURS = ("yellow", "pink", "blue", "green", "orange", "purple")
WORKSHOP_STATUSES = ("draft", "running", "closed")
SCALE = (1, 2, 3, 4, 5)  # a health check's points (here for Domain.labels, without loading health)
EXERCISE_STATES = ("pending", "current", "done")
ACTION_STATUSES = ("open", "in progress", "done", "dropped")
QUOTE_ROLES = ("Speaker", "Participant", "Facilitator", "Guest")


@dataclass(frozen=True)
class Participant:
    id: int
    workshop_id: str
    name: str
    position: int = 0


@dataclass(frozen=True)
class Exercise:
    id: int
    workshop_id: str
    position: int
    domain_key: str
    title: str
    prompt: str
    timer: TimerState
    state: str = "pending"

    @property
    def planned_seconds(self) -> float:
        return self.timer.planned


@dataclass(frozen=True)
class Note:
    id: int
    workshop_id: str
    exercise_id: int
    text: str
    kind: str = "note"
    colour: str = "yellow"
    author_id: int | None = None
    role: str = ""
    theme_id: int | None = None
    x: float | None = None
    y: float | None = None
    created: str = ""
    updated: str = ""
    deleted: bool = False


@dataclass(frozen=True)
class Theme:
    id: int
    workshop_id: str
    exercise_id: int
    title: str
    position: int = 0


@dataclass(frozen=True)
class VoteRound:
    id: int
    workshop_id: str
    title: str
    exercise_id: int | None = None  # None: the round covers the whole workshop
    dots_per_voter: int = 3
    max_per_item: int | None = None  # None: no cap per note or theme
    anonymous: bool = True
    target: str = "notes"  # "notes" or "themes"
    mode: str = "ballot"  # "ballot" or "tally"
    state: str = "open"  # "open" or "closed"
    revealed: bool = False
    created: str = ""


@dataclass(frozen=True)
class Vote:
    id: int
    round_id: int
    count: int
    note_id: int | None = None
    theme_id: int | None = None
    voter_id: int | None = None  # None: a facilitator's tally of physical dots


@dataclass(frozen=True)
class Ballot:
    """Where one voter stands in a ballot-mode round."""

    round_id: int
    participant_id: int
    status: str = "pending"  # "pending", "confirmed" or "skipped"


@dataclass(frozen=True)
class Action:
    id: int
    workshop_id: str
    text: str
    owner: str = ""
    due: str = ""  # ISO date or empty
    status: str = "open"
    note_id: int | None = None
    theme_id: int | None = None
    position: int = 0


@dataclass(frozen=True)
class Workshop:
    id: str
    title: str
    purpose: str = ""
    facilitator: str = ""
    location: str = ""
    date: str = ""  # ISO date of the session
    status: str = "draft"
    framework_key: str = "five-domains"
    created: str = ""
    updated: str = ""
    started: str = ""
    ended: str = ""
    reopened: int = 0
    series_id: int | None = None
    deleted: str = ""  # when it went to the trash, empty if it is live


@dataclass(frozen=True)
class WorkshopContent:
    """A whole workshop with everything in it, as the report and the file format see it."""

    workshop: Workshop
    participants: tuple[Participant, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    notes: tuple[Note, ...] = ()
    themes: tuple[Theme, ...] = ()
    rounds: tuple[VoteRound, ...] = ()
    votes: tuple[Vote, ...] = ()
    ballots: tuple[Ballot, ...] = ()
    actions: tuple[Action, ...] = ()
    health_rounds: tuple[HealthRound, ...] = ()
    health_ballots: tuple[Ballot, ...] = ()  # where each voter stands in a health check (round_id: its id)
    ratings: tuple[Rating, ...] = ()
    tallies: tuple[TallyCount, ...] = ()

    def notes_of(self, exercise_id: int) -> list[Note]:
        return [n for n in self.notes if n.exercise_id == exercise_id and not n.deleted]

    def themes_of(self, exercise_id: int) -> list[Theme]:
        return [t for t in self.themes if t.exercise_id == exercise_id]

    def agenda_only(self, title: str) -> "WorkshopContent":
        """A new draft with the same agenda and participants: no notes, votes or actions, timers reset."""
        workshop = replace(self.workshop, title=title, status="draft", started="", ended="", reopened=0,
                           created="", updated="")
        exercises = tuple(replace(e, state="pending", timer=TimerState(planned=e.timer.planned))
                          for e in self.exercises)
        return WorkshopContent(workshop=workshop, participants=self.participants, exercises=exercises)

    def participant_name(self, participant_id: int | None) -> str:
        for p in self.participants:
            if p.id == participant_id:
                return p.name
        return ""


@dataclass(frozen=True)
class WorkshopSummary:
    """One row of the library: what the list shows without loading the workshop."""

    id: str
    title: str
    date: str
    location: str
    facilitator: str
    status: str
    framework_key: str
    notes: int
    votes: int
    actions: int
    updated: str
    series_id: int | None = None
    deleted: str = ""
    team: bool = False  # a read-only workshop indexed from the team folder


@dataclass(frozen=True)
class SearchHit:
    workshop_id: str
    workshop_title: str
    kind: str  # "workshop", "note" or "action"
    record_id: str
    text: str
    words: tuple[str, ...]  # what was looked for, which the snippet marks
    exercise_id: int | None = None
    domain_key: str = ""

    @cached_property
    def snippet(self) -> str:
        """The text around the first match, the matching words between HIT_START and HIT_END.

        Made when first read: a search as you type finds hundreds of hits, and the list
        shows a screenful of them.
        """
        return snippet(self.text, self.words)


@dataclass(frozen=True)
class Domain:
    key: str
    name: str
    colour: str  # "#rrggbb"
    description: str = ""
    prompts: tuple[str, ...] = ()
    minutes: int = 15
    labels: tuple[str, ...] = ()  # what each point of the health check's 1..5 scale means here; () for the generic ones


@dataclass(frozen=True)
class Framework:
    key: str
    name: str
    description: str = ""
    domains: tuple[Domain, ...] = ()
    builtin: bool = False

    def domain(self, key: str) -> Domain:
        for d in self.domains:
            if d.key == key:
                return d
        return Domain(key=key, name=key.title() or "General", colour="#888888")


@dataclass(frozen=True)
class AgendaItem:
    """One exercise as planned, before it belongs to a workshop (templates, the setup dialog)."""

    domain_key: str
    title: str
    prompt: str = ""
    minutes: float = 15


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    framework_key: str
    agenda: tuple[AgendaItem, ...] = field(default_factory=tuple)
    builtin: bool = False

HIT_START, HIT_END = "\ue000", "\ue001"  # private-use marks around matched words in SearchHit.snippet
SNIPPET_CHARS = 160  # about two lines of a result list
SNIPPET_LEAD = 50  # characters of context kept before the first match


def snippet(text: str, words, *, chars: int = SNIPPET_CHARS) -> str:
    """``text`` on one line, cut to about ``chars`` around its first match of any of ``words``,
    with every match shown between HIT_START and HIT_END (and "…" where text was cut)."""
    flat = " ".join(text.replace(HIT_START, "").replace(HIT_END, "").split())  # typed marks are not ours
    pattern = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)),
                         re.IGNORECASE)
    first = pattern.search(flat)
    start = 0
    if first and first.start() > SNIPPET_LEAD:
        start = first.start() - SNIPPET_LEAD
        space = flat.find(" ", start, first.start())
        start = space + 1 if 0 <= space < start + 15 else start
    end = min(len(flat), start + chars)
    if end < len(flat) and first and first.end() > end:
        end = first.end()  # a long match is shown whole
    window = flat[start:end]
    marked = pattern.sub(lambda m: HIT_START + m.group(0) + HIT_END, window)
    return ("…" if start > 0 else "") + marked + ("…" if end < len(flat) else "")
