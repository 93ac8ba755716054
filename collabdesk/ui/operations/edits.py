"""Undoable edits of the board: each captures before and after, and calls services.

The first ``redo()`` (run by ``QUndoStack.push``) does nothing when the edit was already
made to find out whether it succeeds: a note the services refuse never reaches the stack.
"""

from PySide6.QtGui import QUndoCommand

from ...domain.errors import CollabDeskError
from ...domain.model import Note, Theme
from . import Operations


def _preview(text: str, limit: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class _OperationCommand(QUndoCommand):
    """Runs its steps through ``Operations``; a failure is reported there, never raised into Qt."""

    def __init__(self, ops: Operations, text: str):
        super().__init__(text)
        self.ops = ops
        self._done = True  # the edit was made before the command was pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, step) -> None:
        try:
            step()
        except CollabDeskError:
            pass  # Operations announced it on save_failed; the status bar shows it in red

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddNoteCommand(_OperationCommand):
    """Adding a note; undo soft-deletes it, redo restores the same note (same id)."""

    def __init__(self, ops: Operations, note: Note):
        super().__init__(ops, f"Add note “{_preview(note.text)}”")
        self.note = note

    def apply(self) -> None:
        self.ops.restore_notes([self.note.id])

    def revert(self) -> None:
        self.ops.delete_notes([self.note.id])


class EditNoteCommand(_OperationCommand):
    """Changing some of a note's fields; ``before`` holds their old values."""

    def __init__(self, ops: Operations, note_id: int, before: dict, after: dict):
        super().__init__(ops, "Edit note")
        self.note_id = note_id
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.ops.edit_note(self.note_id, **self.after)

    def revert(self) -> None:
        self.ops.edit_note(self.note_id, **self.before)


class DeleteNotesCommand(_OperationCommand):
    def __init__(self, ops: Operations, notes: list[Note]):
        label = f"Delete note “{_preview(notes[0].text)}”" if len(notes) == 1 else f"Delete {len(notes)} notes"
        super().__init__(ops, label)
        self.note_ids = [n.id for n in notes]

    def apply(self) -> None:
        self.ops.delete_notes(self.note_ids)

    def revert(self) -> None:
        self.ops.restore_notes(self.note_ids)


def note_fields(note: Note, names) -> dict:
    return {name: getattr(note, name) for name in names}


# -- the board's layout and themes -----------------------------------------------------------
Place = tuple[float, float] | None  # where a card sits (None: in the board's grid)


class MoveNotesCommand(_OperationCommand):
    """Cards moved on the board (a whole drag, a tidy-up): one step however many cards."""

    def __init__(self, ops: Operations, before: dict[int, Place], after: dict[int, Place],
                 text: str = "Move cards"):
        super().__init__(ops, text)
        self.before = dict(before)
        self.after = dict(after)

    def apply(self) -> None:
        self.ops.move_notes(self.after)

    def revert(self) -> None:
        self.ops.move_notes(self.before)


class GroupNotesCommand(_OperationCommand):
    """Notes grouped into a new theme; undo dissolves it and puts the notes back in the themes they had."""

    def __init__(self, ops: Operations, theme: Theme, themes_before: dict[int, int | None]):
        super().__init__(ops, f"Group {len(themes_before)} notes as “{_preview(theme.title)}”")
        self.theme_id = theme.id
        self.themes_before = dict(themes_before)

    def apply(self) -> None:
        self.ops.regroup_theme(self.theme_id, list(self.themes_before))

    def revert(self) -> None:
        self.ops.ungroup_theme(self.theme_id)
        back = {note_id: theme_id for note_id, theme_id in self.themes_before.items() if theme_id is not None}
        if back:
            self.ops.set_notes_theme(back)


class RenameThemeCommand(_OperationCommand):
    def __init__(self, ops: Operations, theme_id: int, before: str, after: str):
        super().__init__(ops, f"Rename theme to “{_preview(after)}”")
        self.theme_id = theme_id
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.ops.rename_theme(self.theme_id, self.after)

    def revert(self) -> None:
        self.ops.rename_theme(self.theme_id, self.before)


class UngroupThemeCommand(_OperationCommand):
    """A theme dissolved; its notes stay on the board. Undo brings the theme back around them."""

    def __init__(self, ops: Operations, theme: Theme, held: list[int]):
        super().__init__(ops, f"Ungroup “{_preview(theme.title)}”")
        self.theme_id = theme.id
        self.held = list(held)

    def apply(self) -> None:
        self.ops.ungroup_theme(self.theme_id)

    def revert(self) -> None:
        self.ops.regroup_theme(self.theme_id, self.held)


class SetNotesThemeCommand(_OperationCommand):
    """Cards dropped into or out of a theme's frame."""

    def __init__(self, ops: Operations, before: dict[int, int | None], after: dict[int, int | None],
                 text: str = "Regroup cards"):
        super().__init__(ops, text)
        self.before = dict(before)
        self.after = dict(after)

    def apply(self) -> None:
        self.ops.set_notes_theme(self.after)

    def revert(self) -> None:
        self.ops.set_notes_theme(self.before)


class MoveToExerciseCommand(_OperationCommand):
    """Notes moved to another exercise's board; undo puts each back in its board, theme and place."""

    def __init__(self, ops: Operations, notes: list[Note], exercise_id: int, exercise_title: str):
        label = f"“{_preview(notes[0].text)}”" if len(notes) == 1 else f"{len(notes)} notes"
        super().__init__(ops, f"Move {label} to “{_preview(exercise_title)}”")
        self.exercise_id = exercise_id
        self.places = {n.id: {"exercise_id": n.exercise_id, "theme_id": n.theme_id, "x": n.x, "y": n.y}
                       for n in notes}

    def apply(self) -> None:
        self.ops.move_notes_to_exercise(list(self.places), self.exercise_id)

    def revert(self) -> None:
        self.ops.put_notes_back(self.places)
