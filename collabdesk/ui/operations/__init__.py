"""The UI's one gateway to the services: call, announce what changed, report it saved.

Each method calls one service (one committed transaction), then emits the matching
``EventHub`` signal and ``saved``. Errors are the services' own ``CollabDeskError``
messages: a failed write is announced on ``save_failed`` (the status bar turns red) and
raised, so a dialog can show it inline and keep what the facilitator typed.
``attempt`` is for callers with nothing to keep: it reports and returns None.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from ...domain.errors import CollabDeskError
from ...domain.model import AgendaItem, Exercise, Note, Participant, Theme, Workshop
from ...services import notes as note_services
from ...services import timer as timer_services
from ...services import workshops as workshop_services
from ...store import Store, StoreError
from ..common.events import EventHub

T = TypeVar("T")

READ_ONLY = "This workshop is closed and shown read only, so nothing was changed. Reopen it to carry on."


class ReadOnlyError(StoreError):
    """A write refused because the workshop on screen is read only (review mode).

    A StoreError because, like one, it is reported on ``save_failed`` where it happens.
    """


class Operations:
    def __init__(self, store: Store, hub: EventHub):
        self.store = store
        self.hub = hub
        self.read_only = False  # set while a closed workshop is reviewed: every write is refused

    def attempt(self, action: Callable[..., T], *args, **kwargs) -> T | None:
        """Run ``action``; on a CollabDeskError report it on the hub and return None."""
        try:
            return action(*args, **kwargs)
        except CollabDeskError as error:
            if not isinstance(error, StoreError):  # store errors were reported already
                self.hub.save_failed.emit(str(error))
            return None

    def _write(self, what: str, action: Callable[[], T]) -> T:
        if self.read_only:  # the last guard: a control or shortcut that slipped through changes nothing
            self.hub.save_failed.emit(READ_ONLY)
            raise ReadOnlyError(READ_ONLY)
        try:
            result = action()
        except StoreError as error:
            self.hub.save_failed.emit(str(error))
            raise
        self.hub.saved.emit(what)
        return result

    # -- notes ----------------------------------------------------------------------
    def add_note(self, exercise_id: int, text: str, **fields) -> Note:
        note = self._write("note", lambda: note_services.add_note(self.store, exercise_id, text, **fields))
        self.hub.announce_notes(added=[note])
        return note

    def edit_note(self, note_id: int, **fields) -> Note:
        note = self._write("note", lambda: note_services.edit_note(self.store, note_id, **fields))
        self.hub.announce_notes(updated=[note])
        return note

    def delete_notes(self, note_ids: Iterable[int]) -> list[Note]:
        """Soft-delete; returns the notes as they were, for undo and for the views."""
        ids = list(note_ids)
        before = [self.store.note(i) for i in ids]
        self._write("deletion", lambda: note_services.delete_notes(self.store, ids))
        self.hub.announce_notes(removed=before)
        return before

    def restore_notes(self, note_ids: Iterable[int]) -> list[Note]:
        ids = list(note_ids)
        self._write("note", lambda: note_services.restore_notes(self.store, ids))
        restored = [self.store.note(i) for i in ids]
        self.hub.announce_notes(added=restored)
        return restored

    def move_notes(self, positions: Mapping[int, tuple[float, float] | None]) -> list[Note]:
        """Save card positions (None: back to the board's grid); one write for a whole drag."""
        self._write("board", lambda: note_services.move_notes(self.store, positions))
        moved = self.store.notes_by_ids(positions)
        self.hub.announce_notes(updated=moved)
        return moved

    def move_notes_to_exercise(self, note_ids: Iterable[int], exercise_id: int) -> list[Note]:
        ids = list(note_ids)
        left = {n.exercise_id for n in self.store.notes_by_ids(ids)}
        self._write("board", lambda: note_services.move_notes_to_exercise(self.store, ids, exercise_id))
        return self._regrouped(ids, left)

    def put_notes_back(self, places: Mapping[int, Mapping]) -> list[Note]:
        """Undo a move to another exercise: each note's exercise, theme and position as they were."""
        left = {n.exercise_id for n in self.store.notes_by_ids(places)}
        self._write("board", lambda: note_services.put_notes_back(self.store, places))
        return self._regrouped(list(places), left)

    # -- themes ----------------------------------------------------------------------
    def group_notes(self, exercise_id: int, title: str, note_ids: Iterable[int]) -> Theme:
        ids = list(note_ids)
        theme = self._write("theme", lambda: note_services.group_notes(self.store, exercise_id, title, ids))
        self._regrouped(ids, {exercise_id})
        return theme

    def rename_theme(self, theme_id: int, title: str) -> Theme:
        theme = self._write("theme", lambda: note_services.rename_theme(self.store, theme_id, title))
        self.hub.themes_changed.emit(theme.exercise_id)
        return theme

    def ungroup_theme(self, theme_id: int) -> list[int]:
        """Dissolve a theme; returns the notes it held, for undo."""
        exercise_id = self.store.theme(theme_id).exercise_id
        held = self._write("theme", lambda: note_services.ungroup_theme(self.store, theme_id))
        self._regrouped(held, {exercise_id})
        return held

    def regroup_theme(self, theme_id: int, note_ids: Iterable[int]) -> Theme:
        ids = list(note_ids)
        theme = self._write("theme", lambda: note_services.regroup_theme(self.store, theme_id, ids))
        self._regrouped(ids, {theme.exercise_id})
        return theme

    def set_notes_theme(self, theme_by_note: Mapping[int, int | None]) -> list[Note]:
        """Put notes in themes (None: in none), as a drag into or out of a frame does."""
        self._write("theme", lambda: note_services.set_notes_theme(self.store, theme_by_note))
        return self._regrouped(list(theme_by_note), set())

    def _regrouped(self, note_ids: list[int], exercise_ids: set[int]) -> list[Note]:
        """Announce notes whose theme or board changed, then the themes of every board touched."""
        notes = self.store.notes_by_ids(note_ids)
        live = [n for n in notes if not n.deleted]
        self.hub.announce_notes(updated=live)
        for exercise_id in sorted(exercise_ids | {n.exercise_id for n in notes}):
            if exercise_id not in {n.exercise_id for n in live}:
                self.hub.notes_changed.emit(exercise_id)  # a board the notes left
            self.hub.themes_changed.emit(exercise_id)
        return live

    # -- timer and agenda position ----------------------------------------------------
    def _timer(self, action: Callable[[], Exercise]) -> Exercise:
        exercise = self._write("timer", action)
        self.hub.timer_changed.emit(exercise)
        return exercise

    def start_timer(self, exercise_id: int) -> Exercise:
        return self._timer(lambda: timer_services.start_timer(self.store, exercise_id))

    def pause_timer(self, exercise_id: int) -> Exercise:
        return self._timer(lambda: timer_services.pause_timer(self.store, exercise_id))

    def add_time(self, exercise_id: int, seconds: float) -> Exercise:
        return self._timer(lambda: timer_services.add_time(self.store, exercise_id, seconds))

    def reset_timer(self, exercise_id: int) -> Exercise:
        return self._timer(lambda: timer_services.reset_timer(self.store, exercise_id))

    def go_to_exercise(self, workshop_id: str, exercise_id: int | None) -> None:
        self._write("agenda", lambda: timer_services.go_to_exercise(self.store, workshop_id, exercise_id))
        self.hub.current_exercise_changed.emit(workshop_id, exercise_id)

    # -- workshops ----------------------------------------------------------------------
    def create_workshop(self, **fields) -> Workshop:
        workshop = self._write("workshop", lambda: workshop_services.create_workshop(self.store, **fields))
        self.hub.workshops_listed_changed.emit()
        return workshop

    def start_workshop(self, workshop_id: str) -> Workshop:
        workshop = self._write("workshop", lambda: workshop_services.start_workshop(self.store, workshop_id))
        self.hub.workshop_changed.emit(workshop_id)
        return workshop

    def reopen_workshop(self, workshop_id: str) -> Workshop:
        workshop = self._write("workshop", lambda: workshop_services.reopen_workshop(self.store, workshop_id))
        self.hub.workshop_changed.emit(workshop_id)
        return workshop

    def close_workshop(self, workshop_id: str) -> Workshop:
        workshop = self._write("workshop", lambda: workshop_services.close_workshop(self.store, workshop_id))
        self.hub.workshop_changed.emit(workshop_id)
        self.hub.current_exercise_changed.emit(workshop_id, None)
        return workshop

    def add_participant(self, workshop_id: str, name: str) -> Participant:
        participant = self._write(
            "participant", lambda: workshop_services.add_participant(self.store, workshop_id, name))
        self.hub.workshop_changed.emit(workshop_id)
        return participant

    def apply_agenda(self, workshop_id: str, rows: Sequence["AgendaRow"]) -> list[Exercise]:
        """Make the workshop's agenda match ``rows``: edit, add, remove, then reorder.

        Each step is its own committed service call, so a failure part-way leaves every
        step before it saved and the agenda consistent.
        """

        def apply() -> list[Exercise]:
            store = self.store
            kept = {r.exercise_id for r in rows if r.exercise_id is not None}
            for exercise in store.exercises(workshop_id):
                if exercise.id not in kept:
                    workshop_services.remove_exercise(store, exercise.id)
            order = []
            for row in rows:
                if row.exercise_id is None:
                    order.append(workshop_services.add_exercise(store, workshop_id, row.item()).id)
                else:
                    current = store.exercise(row.exercise_id)
                    if ((current.domain_key, current.title, current.prompt) != (row.domain_key, row.title, row.prompt)
                            or abs(current.timer.planned - row.minutes * 60) > 0.5):
                        workshop_services.edit_exercise(store, row.exercise_id, domain_key=row.domain_key,
                                                        title=row.title, prompt=row.prompt, minutes=row.minutes)
                    order.append(row.exercise_id)
            return workshop_services.reorder_exercises(store, workshop_id, order)

        try:
            return self._write("agenda", apply)
        finally:
            self.hub.agenda_changed.emit(workshop_id)


class AgendaRow:
    """One line of an agenda being edited: an existing exercise (with its id) or a new one."""

    __slots__ = ("exercise_id", "domain_key", "title", "prompt", "minutes")

    def __init__(self, domain_key: str, title: str, prompt: str = "", minutes: float = 15,
                 exercise_id: int | None = None):
        self.exercise_id = exercise_id
        self.domain_key = domain_key
        self.title = title
        self.prompt = prompt
        self.minutes = minutes

    @classmethod
    def from_item(cls, item: AgendaItem) -> "AgendaRow":
        return cls(item.domain_key, item.title, item.prompt, item.minutes)

    @classmethod
    def from_exercise(cls, exercise: Exercise) -> "AgendaRow":
        return cls(exercise.domain_key, exercise.title, exercise.prompt,
                   round(exercise.timer.planned / 60, 2), exercise.id)

    def item(self) -> AgendaItem:
        return AgendaItem(self.domain_key, self.title, self.prompt, self.minutes)
