"""Notes from phones: written like a typed note (read-only guard, one transaction, the board's
signals), but not undoable as a step of the facilitator's own typing; hiding one is a delete."""

from collections.abc import Mapping, Sequence

from ...domain.errors import ValidationError
from ...domain.model import Note
from ...services import phones as phone_services
from .gateway import Gateway


class PhoneOperations(Gateway):
    def add_phone_notes(self, exercise_id: int, drafts: Sequence[Mapping]) -> list[Note | ValidationError]:
        """Save the notes phones sent since the GUI thread last looked, in one transaction;
        each is its note or the rule's error. The new ones are announced once, together (a
        re-send gives the first save and is not announced again)."""
        results = self._write("notes from phones", lambda: phone_services.add_phone_notes(
            self.store, exercise_id, drafts))
        added = [r[0] for r in results if isinstance(r, tuple) and r[1]]
        if added:
            self.hub.phone_notes_added.emit(tuple(n.id for n in added))
            self.hub.announce_notes(added=added)
        return [r[0] if isinstance(r, tuple) else r for r in results]
