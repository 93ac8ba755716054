"""The board's layout and themes: cards moved, grouped, regrouped and sent to other exercises."""

from collections.abc import Iterable, Mapping

from ...domain.model import Note, Theme
from .gateway import Gateway
from .undo import UndoStep, preview

Place = tuple[float, float] | None  # where a card sits (None: in the board's grid)


class BoardOperations(Gateway):
    def move_notes(self, positions: Mapping[int, Place]) -> list[Note]:
        """Save card positions (None: back to the board's grid); one write for a whole drag."""
        from ...services import notes as note_services

        self._write("board", lambda: note_services.move_notes(self.store, positions))
        moved = self.store.notes_by_ids(positions)
        self.hub.announce_notes(updated=moved)
        return moved

    def move_notes_to_exercise(self, note_ids: Iterable[int], exercise_id: int) -> list[Note]:
        from ...services import notes as note_services

        ids = list(note_ids)
        left = {n.exercise_id for n in self.store.notes_by_ids(ids)}
        self._write("board", lambda: note_services.move_notes_to_exercise(self.store, ids, exercise_id))
        return self._regrouped(ids, left)

    def put_notes_back(self, places: Mapping[int, Mapping]) -> list[Note]:
        """Undo a move to another exercise: each note's exercise, theme and position as they were."""
        from ...services import notes as note_services

        left = {n.exercise_id for n in self.store.notes_by_ids(places)}
        self._write("board", lambda: note_services.put_notes_back(self.store, places))
        return self._regrouped(list(places), left)

    def group_notes(self, exercise_id: int, title: str, note_ids: Iterable[int]) -> Theme:
        from ...services import notes as note_services

        ids = list(note_ids)
        theme = self._write("theme", lambda: note_services.group_notes(self.store, exercise_id, title, ids))
        self._regrouped(ids, {exercise_id})
        return theme

    def rename_theme(self, theme_id: int, title: str) -> Theme:
        from ...services import notes as note_services

        theme = self._write("theme", lambda: note_services.rename_theme(self.store, theme_id, title))
        self.hub.themes_changed.emit(theme.exercise_id)
        return theme

    def ungroup_theme(self, theme_id: int) -> list[int]:
        """Dissolve a theme; returns the notes it held, for undo."""
        from ...services import notes as note_services

        exercise_id = self.store.theme(theme_id).exercise_id
        held = self._write("theme", lambda: note_services.ungroup_theme(self.store, theme_id))
        self._regrouped(held, {exercise_id})
        return held

    def regroup_theme(self, theme_id: int, note_ids: Iterable[int]) -> Theme:
        from ...services import notes as note_services

        ids = list(note_ids)
        theme = self._write("theme", lambda: note_services.regroup_theme(self.store, theme_id, ids))
        self._regrouped(ids, {theme.exercise_id})
        return theme

    def set_notes_theme(self, theme_by_note: Mapping[int, int | None]) -> list[Note]:
        """Put notes in themes (None: in none), as a drag into or out of a frame does."""
        from ...services import notes as note_services

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


class MoveNotesCommand(UndoStep):
    """Cards moved on the board (a whole drag, a tidy-up): one step however many cards."""

    def __init__(self, ops: BoardOperations, before: dict[int, Place], after: dict[int, Place],
                 text: str = "Move cards"):
        super().__init__(ops, text)
        self.before = dict(before)
        self.after = dict(after)

    def apply(self) -> None:
        self.ops.move_notes(self.after)

    def revert(self) -> None:
        self.ops.move_notes(self.before)


class GroupNotesCommand(UndoStep):
    """Notes grouped into a new theme; undo dissolves it and puts the notes back in the themes they had."""

    def __init__(self, ops: BoardOperations, theme: Theme, themes_before: dict[int, int | None]):
        super().__init__(ops, f"Group {len(themes_before)} notes as “{preview(theme.title)}”")
        self.theme_id = theme.id
        self.themes_before = dict(themes_before)

    def apply(self) -> None:
        self.ops.regroup_theme(self.theme_id, list(self.themes_before))

    def revert(self) -> None:
        self.ops.ungroup_theme(self.theme_id)
        back = {note_id: theme_id for note_id, theme_id in self.themes_before.items() if theme_id is not None}
        if back:
            self.ops.set_notes_theme(back)


class RenameThemeCommand(UndoStep):
    def __init__(self, ops: BoardOperations, theme_id: int, before: str, after: str):
        super().__init__(ops, f"Rename theme to “{preview(after)}”")
        self.theme_id = theme_id
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.ops.rename_theme(self.theme_id, self.after)

    def revert(self) -> None:
        self.ops.rename_theme(self.theme_id, self.before)


class UngroupThemeCommand(UndoStep):
    """A theme dissolved; its notes stay on the board. Undo brings the theme back around them."""

    def __init__(self, ops: BoardOperations, theme: Theme, held: list[int]):
        super().__init__(ops, f"Ungroup “{preview(theme.title)}”")
        self.theme_id = theme.id
        self.held = list(held)

    def apply(self) -> None:
        self.ops.ungroup_theme(self.theme_id)

    def revert(self) -> None:
        self.ops.regroup_theme(self.theme_id, self.held)


class SetNotesThemeCommand(UndoStep):
    """Cards dropped into or out of a theme's frame."""

    def __init__(self, ops: BoardOperations, before: dict[int, int | None], after: dict[int, int | None],
                 text: str = "Regroup cards"):
        super().__init__(ops, text)
        self.before = dict(before)
        self.after = dict(after)

    def apply(self) -> None:
        self.ops.set_notes_theme(self.after)

    def revert(self) -> None:
        self.ops.set_notes_theme(self.before)


class MoveToExerciseCommand(UndoStep):
    """Notes moved to another exercise's board; undo puts each back in its board, theme and place."""

    def __init__(self, ops: BoardOperations, notes: list[Note], exercise_id: int, exercise_title: str):
        label = f"“{preview(notes[0].text)}”" if len(notes) == 1 else f"{len(notes)} notes"
        super().__init__(ops, f"Move {label} to “{preview(exercise_title)}”")
        self.exercise_id = exercise_id
        self.places = {n.id: {"exercise_id": n.exercise_id, "theme_id": n.theme_id, "x": n.x, "y": n.y}
                       for n in notes}

    def apply(self) -> None:
        self.ops.move_notes_to_exercise(list(self.places), self.exercise_id)

    def revert(self) -> None:
        self.ops.put_notes_back(self.places)
