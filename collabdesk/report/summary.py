"""The report model: what a workshop summary says, before any format draws it.

The PDF, Markdown and CSV writers all read one :class:`Summary`, so they follow the
same structure (priorities first, then one section per exercise, then actions and an
appendix) and the same rules about who is named:

- votes count only on notes and themes that are still live (``content`` leaves out
  deleted notes and ungrouped themes, so votes pointing elsewhere are ignored);
- votes count only from rounds whose results the facilitator revealed: a round never
  revealed is listed as held, with no count from it anywhere (the room never saw them);
- an exercise that never ran (no time on its timer, nothing written) is "skipped";
- a quote is attributed by its role, with the author's name only when it has an author
  and the report is not anonymised;
- anonymised, no participant or facilitator name appears: authors are dropped, and
  names typed into a quote's role or an action's owner become "Participant N"
  ("Facilitator" for the facilitator). What people wrote in their notes is kept as typed.
"""

import time
from collections import defaultdict
from dataclasses import dataclass

from ..domain.model import Domain, Exercise, Framework, Note, WorkshopContent
from ..domain.team import NameScrubber
from ..domain.voting import rank, rank_label, shares_rank
from .health_summary import HealthSummary, build_health
from .wording import excerpt

TOP_PRIORITIES = 5  # ranks shown under "at a glance"; ties at the last rank are all shown
MAX_PRIORITIES = 8  # but never more lines than this
UNGROUPED = ""  # the title of the group holding notes that are in no theme
UNATTRIBUTED = "Unattributed"


@dataclass(frozen=True)
class Item:
    """One note as the report shows it."""

    number: int  # 1..N in report order, so the appendix and vote results can refer to it
    text: str
    kind: str
    votes: int
    author: str  # "" when the note has no author or the report is anonymised
    attribution: str  # quotes only: role, or "name, role"; never a name when anonymised
    theme: str
    exercise: str
    domain: Domain


@dataclass(frozen=True)
class ThemeGroup:
    title: str  # UNGROUPED for notes in no theme
    votes: int  # dots on the theme itself plus on its notes
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Section:
    """One exercise of the agenda, drawn in its domain's colour."""

    key: str  # a stable anchor for bookmarks and links
    title: str
    domain: Domain
    prompt: str
    planned_seconds: float
    used_seconds: float
    groups: tuple[ThemeGroup, ...]
    quotes: tuple[Item, ...]
    questions: tuple[Item, ...]
    notes: int
    votes: int

    @property
    def empty(self) -> bool:
        return not (self.groups or self.quotes or self.questions)

    @property
    def skipped(self) -> bool:
        """The exercise never ran: nothing written and no time used; reports give it one line."""
        return self.empty and self.used_seconds == 0

    @property
    def items(self) -> tuple[Item, ...]:
        """Every note of the section in report order: grouped notes, quotes, questions."""
        return tuple(i for g in self.groups for i in g.items) + self.quotes + self.questions

    @property
    def quote_votes(self) -> int:
        return sum(i.votes for i in self.quotes)

    @property
    def question_votes(self) -> int:
        return sum(i.votes for i in self.questions)


@dataclass(frozen=True)
class Priority:
    rank: int
    text: str
    votes: int
    domain: Domain
    exercise: str
    is_theme: bool
    number: int | None  # the note's number, None for a theme
    shared: bool = False  # ties with a neighbour: printed "=3" as the app shows it

    @property
    def place(self) -> str:
        return rank_label(self.rank, self.shared)

    @property
    def where(self) -> str:
        """The domain, and the exercise when its title says more than the domain's name."""
        if self.exercise.strip().casefold() == self.domain.name.strip().casefold():
            return self.domain.name
        return f"{self.domain.name}, {self.exercise}"


@dataclass(frozen=True)
class DomainTally:
    domain: Domain
    notes: int
    votes: int


@dataclass(frozen=True)
class ActionLine:
    text: str
    owner: str
    due: str
    status: str


@dataclass(frozen=True)
class RoundResult:
    rank: int
    label: str  # "Note 12" or "Theme: title"
    text: str  # the note's or theme's text
    dots: int
    shared: bool = False

    @property
    def place(self) -> str:
        return rank_label(self.rank, self.shared)


@dataclass(frozen=True)
class Placed:
    """Who placed which dots in a named round: one participant's dots, item by item."""

    name: str
    dots: tuple[tuple[str, int], ...]  # ("Note 12" or 'Theme "title"', dots), in the order of the results


@dataclass(frozen=True)
class RoundLine:
    """One vote round in full, for the appendix."""

    title: str
    scope: str  # "Whole workshop" or the exercise's title
    rules: str  # "3 dots each, at most 2 per note, anonymous ballot"
    state: str
    voters: str  # "7 of 9 ballots confirmed" or "Dots counted by the facilitator"
    results: tuple[RoundResult, ...]  # empty for a round never revealed
    revealed: bool = True
    placed: tuple[Placed, ...] = ()  # a revealed named round's (ballot or show of hands), unless anonymised


@dataclass(frozen=True)
class Summary:
    title: str
    purpose: str
    date: str
    location: str
    facilitator: str  # "" when anonymised
    participants: int
    framework: Framework
    domains: tuple[Domain, ...]  # the framework's domains, then any other domain the agenda uses
    notes: int
    votes: int
    actions: tuple[ActionLine, ...]
    used_seconds: float
    planned_seconds: float
    priorities: tuple[Priority, ...]
    tallies: tuple[DomainTally, ...]
    sections: tuple[Section, ...]
    rounds: tuple[RoundLine, ...]
    anonymised: bool
    health: HealthSummary = HealthSummary((), 0)

    @property
    def revealed_rounds(self) -> int:
        return sum(1 for r in self.rounds if r.revealed)

    @property
    def unrevealed_line(self) -> str:
        """The sentence every format prints when a round's results were never revealed ("" when none)."""
        hidden = len(self.rounds) - self.revealed_rounds
        if not hidden:
            return ""
        held = "A vote was" if hidden == 1 else f"{hidden} votes were"
        return f"{held} held and not revealed; no counts from {'it' if hidden == 1 else 'them'} appear here."


def build_summary(content: WorkshopContent, framework: Framework, *, anonymise: bool = False,
                  now: float | None = None) -> Summary:
    """Turn a workshop's content into the report model.

    ``now`` is only read for a timer that is still running (the time used so far); a
    workshop whose timers are stopped gives the same summary whenever it is built.
    """
    if now is None:
        now = time.time()
    workshop = content.workshop
    names = _Names(content, anonymise)
    live_notes = {n.id: n for n in content.notes if not n.deleted}
    themes = {t.id: t for t in content.themes}
    exercises = {e.id: e for e in content.exercises}

    note_dots: dict[int, int] = defaultdict(int)
    theme_dots: dict[int, int] = defaultdict(int)
    for vote in _revealed_votes(content):
        if vote.note_id is not None and vote.note_id in live_notes:
            note_dots[vote.note_id] += vote.count
        elif vote.theme_id is not None and vote.theme_id in themes:
            theme_dots[vote.theme_id] += vote.count

    domains = list(framework.domains)
    for exercise in content.exercises:
        if exercise.domain_key not in {d.key for d in domains}:
            domains.append(framework.domain(exercise.domain_key))

    sections = []
    numbers: dict[int, int] = {}  # note id -> its number in the report
    for exercise in content.exercises:
        sections.append(_section(exercise, framework.domain(exercise.domain_key), content, themes, note_dots,
                                 theme_dots, names, numbers, now=now))

    tallies = tuple(
        DomainTally(d, notes=sum(s.notes for s in sections if s.domain.key == d.key),
                    votes=sum(s.votes for s in sections if s.domain.key == d.key))
        for d in domains)

    return Summary(
        title=workshop.title,
        purpose=workshop.purpose,
        date=workshop.date,
        location=workshop.location,
        facilitator="" if anonymise else workshop.facilitator,
        participants=len(content.participants),
        framework=framework,
        domains=tuple(domains),
        notes=len(live_notes),
        votes=sum(note_dots.values()) + sum(theme_dots.values()),
        actions=tuple(ActionLine(text=a.text, owner=names.scrub(a.owner), due=a.due, status=a.status)
                      for a in sorted(content.actions, key=lambda a: (a.position, a.id))),
        used_seconds=sum(s.used_seconds for s in sections),
        planned_seconds=sum(s.planned_seconds for s in sections),
        priorities=_priorities(note_dots, theme_dots, live_notes, themes, exercises, framework, numbers),
        tallies=tallies,
        sections=tuple(sections),
        rounds=tuple(_round_line(r, content, live_notes, themes, exercises, numbers, names)
                     for r in content.rounds),
        anonymised=anonymise,
        health=build_health(content, framework, anonymise=anonymise),
    )


def _revealed_votes(content: WorkshopContent):
    revealed = {r.id for r in content.rounds if r.revealed}
    return [v for v in content.votes if v.round_id in revealed]


class _Names:
    """Who may be named, and how names typed into free text are hidden when anonymising."""

    def __init__(self, content: WorkshopContent, anonymise: bool):
        self.content = content
        self.anonymise = anonymise
        self._scrub = NameScrubber(content)

    def author(self, note: Note) -> str:
        if self.anonymise or note.author_id is None:
            return ""
        return self.content.participant_name(note.author_id)

    def scrub(self, text: str) -> str:
        """Free text with every participant's and the facilitator's name replaced, when anonymising."""
        return self._scrub(text) if self.anonymise else text

    def attribution(self, note: Note) -> str:
        role = self.scrub(note.role.strip())
        name = self.author(note)
        if name and role:
            return f"{name}, {role}"
        return name or role or UNATTRIBUTED


def _section(exercise: Exercise, domain: Domain, content: WorkshopContent, themes, note_dots, theme_dots,
             names: _Names, numbers: dict[int, int], *, now: float) -> Section:
    """One exercise's section; numbers its notes on from ``numbers`` (note id -> number), in report order."""
    notes = content.notes_of(exercise.id)
    in_order = _report_order(notes, exercise, content, themes, note_dots, theme_dots)
    by_kind = defaultdict(list)
    for note in in_order:
        by_kind[note.kind].append(note)

    def item(note: Note) -> Item:
        theme = themes.get(note.theme_id)
        numbers[note.id] = len(numbers) + 1
        return Item(number=numbers[note.id], text=note.text, kind=note.kind, votes=note_dots.get(note.id, 0),
                    author=names.author(note),
                    attribution=names.attribution(note) if note.kind == "quote" else "",
                    theme=theme.title if theme else UNGROUPED, exercise=exercise.title, domain=domain)

    grouped = [n for n in in_order if n.kind not in ("quote", "question")]
    groups = []
    for theme_id, members in _groups(grouped, themes):
        items = tuple(item(n) for n in members)
        theme = themes.get(theme_id)
        groups.append(ThemeGroup(title=theme.title if theme else UNGROUPED,
                                 votes=sum(i.votes for i in items) + (theme_dots.get(theme_id, 0) if theme else 0),
                                 items=items))
    quotes = tuple(item(n) for n in by_kind["quote"])
    questions = tuple(item(n) for n in by_kind["question"])
    section_theme_dots = sum(theme_dots.get(t.id, 0) for t in content.themes_of(exercise.id))
    timer = exercise.timer
    return Section(
        key=f"exercise-{exercise.id}",
        title=exercise.title,
        domain=domain,
        prompt=exercise.prompt,
        planned_seconds=timer.planned,
        used_seconds=timer.elapsed(now) if timer.running else timer.accumulated,
        groups=tuple(groups),
        quotes=quotes,
        questions=questions,
        notes=len(notes),
        votes=sum(note_dots.get(n.id, 0) for n in notes) + section_theme_dots,
    )


def _report_order(notes: list[Note], exercise: Exercise, content: WorkshopContent, themes, note_dots,
                  theme_dots) -> list[Note]:
    """Notes grouped by theme (themes with most dots first, ungrouped last), ranked by dots inside
    each; ties in the order the notes were written."""
    theme_order = {t.id: i for i, t in enumerate(content.themes_of(exercise.id))}
    theme_total: dict[int, int] = defaultdict(int)
    for note in notes:
        theme_total[note.theme_id] += note_dots.get(note.id, 0)

    def key(note: Note):
        theme_id = note.theme_id if note.theme_id in themes else None
        if theme_id is None:
            placement = (1, 0, 0)
        else:
            placement = (0, -(theme_total[theme_id] + theme_dots.get(theme_id, 0)), theme_order.get(theme_id, 0))
        return placement + (-note_dots.get(note.id, 0), note.id)

    return sorted(notes, key=key)


def _groups(notes: list[Note], themes) -> list[tuple[int | None, list[Note]]]:
    """Runs of notes in report order that share a live theme (None: in no theme)."""
    groups: list[tuple[int | None, list[Note]]] = []
    for note in notes:
        theme_id = note.theme_id if note.theme_id in themes else None
        if groups and groups[-1][0] == theme_id:
            groups[-1][1].append(note)
        else:
            groups.append((theme_id, [note]))
    return groups


def _priorities(note_dots, theme_dots, live_notes, themes, exercises, framework, numbers) -> tuple[Priority, ...]:
    totals = {("note", k): v for k, v in note_dots.items()}
    totals.update({("theme", k): v for k, v in theme_dots.items()})
    order = sorted(totals, key=lambda key: (exercises[_exercise_of(key, live_notes, themes)].position, key))
    result = []
    ranking = rank(totals, order)
    for index, ranked in enumerate(ranking):
        if ranked.rank > TOP_PRIORITIES or len(result) >= MAX_PRIORITIES:
            break
        kind, item_id = ranked.item
        exercise = exercises[_exercise_of(ranked.item, live_notes, themes)]
        result.append(Priority(
            rank=ranked.rank,
            text=live_notes[item_id].text if kind == "note" else themes[item_id].title,
            votes=ranked.dots,
            domain=framework.domain(exercise.domain_key),
            exercise=exercise.title,
            is_theme=kind == "theme",
            number=numbers.get(item_id) if kind == "note" else None,
            shared=shares_rank(ranking, index),
        ))
    return tuple(result)


def _exercise_of(key, live_notes, themes) -> int:
    kind, item_id = key
    return live_notes[item_id].exercise_id if kind == "note" else themes[item_id].exercise_id


def _round_line(round_, content: WorkshopContent, live_notes, themes, exercises, numbers,
                names: _Names) -> RoundLine:
    totals: dict[tuple[str, int], int] = defaultdict(int)
    for vote in content.votes:
        if vote.round_id != round_.id or not round_.revealed:
            continue
        if vote.note_id is not None and vote.note_id in live_notes:
            totals[("note", vote.note_id)] += vote.count
        elif vote.theme_id is not None and vote.theme_id in themes:
            totals[("theme", vote.theme_id)] += vote.count
    results, labels = [], {}
    ranking = rank(totals, sorted(totals))
    for index, ranked in enumerate(ranking):
        kind, item_id = ranked.item
        label, text = ((f"Note {numbers.get(item_id, '?')}", live_notes[item_id].text) if kind == "note"
                       else ("Theme", themes[item_id].title))
        results.append(RoundResult(ranked.rank, label, text, ranked.dots, shared=shares_rank(ranking, index)))
        labels[ranked.item] = label if kind == "note" else f"theme \u201c{excerpt(text)}\u201d"
    exercise = exercises.get(round_.exercise_id)
    target = "theme" if round_.target == "themes" else "note"
    rules = f"{round_.dots_per_voter} dots each"
    if round_.max_per_item is not None:
        rules += f", at most {round_.max_per_item} per {target}"
    if round_.mode == "tally":
        rules += ", show of hands" if round_.anonymous else ", named show of hands"
        voters = "Dots counted by the facilitator"
    else:
        rules += ", anonymous ballot" if round_.anonymous else ", open ballot"
        ballots = [b for b in content.ballots if b.round_id == round_.id]
        confirmed = sum(1 for b in ballots if b.status == "confirmed")
        voters = f"{confirmed} of {len(ballots)} ballots confirmed" if ballots else "No ballots"
    return RoundLine(
        title=round_.title,
        scope=exercise.title if exercise else "Whole workshop",
        rules=rules,
        state=("closed" if round_.state == "closed" else "still open")
        + ("" if round_.revealed else ", results not revealed"),
        voters=voters,
        results=tuple(results),
        revealed=round_.revealed,
        placed=_placed(round_, content, labels, names),
    )


def _placed(round_, content: WorkshopContent, labels: dict[tuple[str, int], str],
            names: _Names) -> tuple[Placed, ...]:
    """Each participant's dots in a revealed named round, in the workshop's order of participants
    and the round's order of results (``labels``: each ranked item's key and label, in that order);
    nothing for an anonymous or unrevealed round, or when anonymising."""
    if round_.anonymous or not round_.revealed or names.anonymise:
        return ()
    by_voter: dict[int, dict[tuple[str, int], int]] = defaultdict(lambda: defaultdict(int))
    for vote in content.votes:
        key = ("note", vote.note_id) if vote.note_id is not None else ("theme", vote.theme_id)
        if vote.round_id == round_.id and vote.voter_id is not None and vote.count and key in labels:
            by_voter[vote.voter_id][key] += vote.count
    return tuple(Placed(person.name, tuple((label, by_voter[person.id][key]) for key, label in labels.items()
                                           if by_voter[person.id].get(key)))
                 for person in content.participants if by_voter.get(person.id))

