"""Notes: typed, edited, deleted and brought back; each write announced note by note."""

from collections.abc import Iterable

from ...domain.model import Note
from .gateway import Gateway
from .undo import UndoStep, preview


class NoteOperations(Gateway):
    def add_note(self, exercise_id: int, text: str, **fields) -> Note:
        from ...services import notes as note_services

        note = self._write("note", lambda: note_services.add_note(self.store, exercise_id, text, **fields))
        self.hub.announce_notes(added=[note])
        return note

    def edit_note(self, note_id: int, **fields) -> Note:
        from ...services import notes as note_services

        note = self._write("note", lambda: note_services.edit_note(self.store, note_id, **fields))
        self.hub.announce_notes(updated=[note])
        return note

    def delete_notes(self, note_ids: Iterable[int]) -> list[Note]:
        """Soft-delete; returns the notes as they were, for undo and for the views."""
        from ...services import notes as note_services

        ids = list(note_ids)
        before = [self.store.note(i) for i in ids]
        self._write("deletion", lambda: note_services.delete_notes(self.store, ids))
        self.hub.announce_notes(removed=before)
        return before

    def restore_notes(self, note_ids: Iterable[int]) -> list[Note]:
        from ...services import notes as note_services

        ids = list(note_ids)
        self._write("note", lambda: note_services.restore_notes(self.store, ids))
        restored = [self.store.note(i) for i in ids]
        self.hub.announce_notes(added=restored)
        return restored


def note_fields(note: Note, names) -> dict:
    return {name: getattr(note, name) for name in names}


class AddNoteCommand(UndoStep):
    """Adding a note; undo soft-deletes it, redo restores the same note (same id)."""

    def __init__(self, ops: NoteOperations, note: Note):
        super().__init__(ops, f"Add note “{preview(note.text)}”")
        self.note = note

    def apply(self) -> None:
        self.ops.restore_notes([self.note.id])

    def revert(self) -> None:
        self.ops.delete_notes([self.note.id])


class EditNoteCommand(UndoStep):
    """Changing some of a note's fields; ``before`` holds their old values."""

    def __init__(self, ops: NoteOperations, note_id: int, before: dict, after: dict):
        super().__init__(ops, "Edit note")
        self.note_id = note_id
        self.notes = (note_id,)
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.ops.edit_note(self.note_id, **self.after)

    def revert(self) -> None:
        self.ops.edit_note(self.note_id, **self.before)


class DeleteNotesCommand(UndoStep):
    def __init__(self, ops: NoteOperations, notes: list[Note]):
        label = f"Delete note “{preview(notes[0].text)}”" if len(notes) == 1 else f"Delete {len(notes)} notes"
        super().__init__(ops, label)
        self.note_ids = [n.id for n in notes]
        self.notes = tuple(self.note_ids)  # a note its participant withdrew is never brought back

    def apply(self) -> None:
        self.ops.delete_notes(self.note_ids)

    def revert(self) -> None:
        self.ops.restore_notes(self.note_ids)
