"""Notes from phones: written like a typed note (read-only guard, one transaction, the board's
signals), but not undoable as a step of the facilitator's own typing; hiding one is a delete."""

from ...domain.model import Note
from ...services import phones as phone_services
from .gateway import Gateway


class PhoneOperations(Gateway):
    def add_phone_note(self, exercise_id: int, text: str, *, client_key: str, device: str, kind: str = "note",
                       author_id: int | None = None) -> Note:
        """Save a phone's note; announced only when new (a re-send returns the first save)."""
        note, new = self._write("note from a phone", lambda: phone_services.add_phone_note(
            self.store, exercise_id, text, client_key=client_key, device=device, kind=kind, author_id=author_id))
        if new:
            self.hub.phone_notes_added.emit((note.id,))
            self.hub.announce_notes(added=[note])
        return note
