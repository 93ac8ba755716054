"""Notes from phones: written like a typed note (read-only guard, one transaction, the board's
signals), but not steps on the facilitator's undo stack.

A participant's own changes (a note sent, edited or withdrawn from their phone) are theirs,
not the facilitator's typing: Ctrl+Z never takes them back. A step of the facilitator's
that touches a note a participant has since changed is left alone when undone or redone
(``Gateway.note_changed_outside``), and the facilitator is told why. Hiding a phone note is
the facilitator's own delete, undoable like any other.
"""

from collections.abc import Mapping, Sequence

from ...domain.errors import ValidationError
from ...domain.model import Note
from .gateway import Gateway


class PhoneOperations(Gateway):
    def add_phone_notes(self, exercise_id: int, drafts: Sequence[Mapping]) -> list[Note | ValidationError]:
        """Save the notes phones sent since the GUI thread last looked, in one transaction;
        each is its note or the rule's error. The new ones are announced once, together (a
        re-send gives the first save and is not announced again)."""
        from ...services import phones as phone_services

        results = self._write("notes from phones", lambda: phone_services.add_phone_notes(
            self.store, exercise_id, drafts))
        added = [r[0] for r in results if isinstance(r, tuple) and r[1]]
        if added:
            self.hub.phone_notes_added.emit(tuple(n.id for n in added))
            self.hub.announce_notes(added=added)
        return [r[0] if isinstance(r, tuple) else r for r in results]

    def edit_phone_note(self, workshop_id: str, client_key: str, text: str, kind: str) -> Note:
        """A participant's change to their own note, made from their phone."""
        from ...services import phones as phone_services

        note = self._write("change from a phone", lambda: phone_services.edit_phone_note(
            self.store, workshop_id, client_key, text, kind))
        self._changed_outside(note.id)
        self.hub.announce_notes(updated=[note])
        return note

    def withdraw_phone_note(self, workshop_id: str, client_key: str) -> Note:
        """A participant takes their own note off the board from their phone."""
        from ...services import phones as phone_services

        note = self._write("note withdrawn from a phone", lambda: phone_services.withdraw_phone_note(
            self.store, workshop_id, client_key))
        self._changed_outside(note.id)
        self.hub.announce_notes(removed=[note])
        return note

    def _changed_outside(self, note_id: int) -> None:
        self.changed_outside[note_id] = self.outside_changes
        self.outside_changes += 1
