"""Creating a workshop, editing its details, agenda and participants, and its life cycle."""

from collections.abc import Iterable, Sequence

from ..domain import text
from ..domain.agenda import AgendaRow
from ..domain.dates import optional_date
from ..domain.errors import ValidationError
from ..domain.frameworks import default_agenda
from ..domain.model import WORKSHOP_STATUSES, AgendaItem, Exercise, Participant, Workshop
from ..store import Store
from . import frameworks

MAX_PARTICIPANTS = 500
MAX_EXERCISES = 200
MAX_MINUTES = 600


def _details(fields: dict) -> dict:
    checks = {
        "title": lambda v: text.required(v, "The workshop title"),
        "purpose": lambda v: text.optional(v, "The purpose", "purpose"),
        "facilitator": lambda v: text.optional(v, "The facilitator's name", "name"),
        "location": lambda v: text.optional(v, "The location", "name"),
        "date": optional_date,
        "framework_key": lambda v: text.required(v, "The framework", "short"),
    }
    unknown = set(fields) - set(checks)
    if unknown:
        raise ValueError(f"unknown workshop details: {sorted(unknown)}")
    return {k: checks[k](v) for k, v in fields.items()}


def agenda_item(domain_key: str, title: str, prompt: str = "", minutes: float = 15) -> AgendaItem:
    """A checked agenda item: a title, and between a few seconds and ten hours."""
    if not isinstance(minutes, (int, float)) or not 0 < minutes <= MAX_MINUTES:
        raise ValidationError(f"An exercise needs between 1 and {MAX_MINUTES} minutes, not {minutes}.")
    return AgendaItem(
        domain_key=text.required(domain_key, "The domain", "short"),
        title=text.required(title, "The exercise title"),
        prompt=text.optional(prompt, "The prompt", "prompt"),
        minutes=minutes,
    )


def participant_names(names: Iterable[str] = (), count: int = 0) -> list[str]:
    """The names given, or when only a count is known, "Participant 1" … "Participant N"."""
    cleaned = [text.required(n, "A participant's name", "name").strip() for n in names if text.clean(n).strip()]
    if not cleaned and count:
        cleaned = [f"Participant {i}" for i in range(1, count + 1)]
    if len(cleaned) > MAX_PARTICIPANTS:
        raise ValidationError(f"A workshop can have at most {MAX_PARTICIPANTS} participants.")
    return cleaned


def create_workshop(
    store: Store,
    *,
    title: str,
    agenda: Sequence[AgendaItem] | None = None,
    participants: Iterable[str] = (),
    participant_count: int = 0,
    **details,
) -> Workshop:
    """A new draft workshop. With no agenda given, one exercise per domain of its framework."""
    fields = _details({"title": title, "framework_key": frameworks.DEFAULT_FRAMEWORK, **details})
    if agenda is None:
        agenda = default_agenda(frameworks.framework(store, fields["framework_key"]))
    agenda = [agenda_item(i.domain_key, i.title, i.prompt, i.minutes) for i in agenda]
    if len(agenda) > MAX_EXERCISES:
        raise ValidationError(f"An agenda can have at most {MAX_EXERCISES} exercises.")
    return store.create_workshop(
        agenda=agenda, participants=participant_names(participants, participant_count), **fields)


def edit_workshop(store: Store, workshop_id: str, **details) -> Workshop:
    _own(store, workshop_id)
    return store.update_workshop(workshop_id, **_details(details))


def _own(store: Store, workshop_id: str) -> None:
    """Refuse to run or change a team workshop: it is read only here (its file is its owner's)."""
    if store.is_team_workshop(workshop_id):
        raise ValidationError("This is a team workshop, read only here: it changes only when its facilitator "
                              "shares a new version. Copy it to your library to run or change your own.")


def start_workshop(store: Store, workshop_id: str) -> Workshop:
    """Mark the workshop running and make its first unfinished exercise current."""
    _own(store, workshop_id)
    workshop = store.workshop(workshop_id)
    exercises = store.exercises(workshop_id)
    if workshop.status == "running" and any(e.state == "current" for e in exercises):
        return workshop
    first = next((e for e in exercises if e.state != "done"), exercises[-1] if exercises else None)
    store.set_current_exercise(workshop_id, first.id if first else None)
    return store.update_workshop(workshop_id, status="running", started=workshop.started or store.now())


def close_workshop(store: Store, workshop_id: str, *, backup: bool = True) -> Workshop:
    """Close the workshop (pausing any running timer), back the database up, and share the
    workshop with the team when a team folder is set.

    The close is committed before the backup starts; a backup or a share that fails (a
    full disk, say) is logged or listed, never raised, so it cannot undo or hide the
    close. ``backup=False`` (neither) is for building workshops inside a transaction or
    many at once: the demo (so a sample is never shared) and tests.
    """
    now = store.clock()
    timers = {e.id: e.timer.pause(now) for e in store.exercises(workshop_id) if e.timer.running}
    store.set_current_exercise(workshop_id, None, timers)
    closed = store.update_workshop(workshop_id, status="closed", ended=store.now())
    if backup:
        from ..store.backup import backup_quietly  # loaded when a workshop closes, not at start
        from .team import publish_on_close

        backup_quietly(store)
        publish_on_close(store, workshop_id)
    return closed


def reopen_workshop(store: Store, workshop_id: str) -> Workshop:
    """Deliberately continue a closed workshop; the count of reopenings is kept."""
    _own(store, workshop_id)
    workshop = store.workshop(workshop_id)
    if workshop.status != "closed":
        return workshop
    store.update_workshop(workshop_id, status="running", reopened=workshop.reopened + 1, ended="")
    return start_workshop(store, workshop_id)


def set_status(store: Store, workshop_id: str, status: str) -> Workshop:
    if status not in WORKSHOP_STATUSES:
        raise ValidationError(f"A workshop is {', '.join(WORKSHOP_STATUSES)}; not {status!r}.")
    return store.update_workshop(workshop_id, status=status)


# -- participants -------------------------------------------------------------------
def add_participant(store: Store, workshop_id: str, name: str) -> Participant:
    """Add someone (a late arrival, say) to the workshop."""
    if len(store.participants(workshop_id)) >= MAX_PARTICIPANTS:
        raise ValidationError(f"A workshop can have at most {MAX_PARTICIPANTS} participants.")
    return store.add_participant(workshop_id, text.required(name, "A participant's name", "name").strip())


def rename_participant(store: Store, participant_id: int, name: str) -> Participant:
    return store.rename_participant(participant_id, text.required(name, "A participant's name", "name").strip())


def remove_participant(store: Store, participant_id: int) -> None:
    store.remove_participant(participant_id)


# -- agenda ---------------------------------------------------------------------------
def apply_agenda(store: Store, workshop_id: str, rows: Sequence[AgendaRow]) -> list[Exercise]:
    """Make the workshop's agenda match ``rows``: remove, add, edit, reorder, in one transaction.

    Every row is checked before anything is written, and the edits are one transaction,
    so a refused row or a failure part-way leaves the agenda exactly as it was.
    """
    checked = [agenda_item(r.domain_key, r.title, r.prompt, r.minutes) for r in rows]
    if len(checked) > MAX_EXERCISES:
        raise ValidationError(f"An agenda can have at most {MAX_EXERCISES} exercises.")
    with store.agenda_change():
        current = {e.id: e for e in store.exercises(workshop_id)}
        kept = {r.exercise_id for r in rows if r.exercise_id is not None}
        for exercise_id in current.keys() - kept:
            store.remove_exercise(exercise_id)
        order = []
        for row, item in zip(rows, checked):
            if row.exercise_id is None:
                order.append(store.add_exercise(workshop_id, item).id)
                continue
            if row.exercise_id not in current:
                raise ValidationError("An exercise of this agenda was removed meanwhile; reopen the agenda.")
            if row.differs_from(current[row.exercise_id]):
                store.update_exercise(row.exercise_id, domain_key=item.domain_key, title=item.title,
                                      prompt=item.prompt, planned_seconds=float(item.minutes) * 60)
            order.append(row.exercise_id)
        store.reorder_exercises(workshop_id, order)
    return store.exercises(workshop_id)
