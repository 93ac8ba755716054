"""Undoable edits of the board: each captures before and after, and calls services.

The first ``redo()`` (run by ``QUndoStack.push``) does nothing when the edit was already
made to find out whether it succeeds: a note the services refuse never reaches the stack.
"""

from PySide6.QtGui import QUndoCommand

from ..domain.errors import CollabDeskError
from ..domain.model import Note
from .operations import Operations


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
