"""Notes sent from phones: the same rules as a typed note, saved once per key the phone gave it."""

from ..domain import text
from ..domain.errors import ValidationError
from ..domain.model import Note
from ..store import Store

PHONE_KINDS = ("note", "idea", "question")  # a quote is the facilitator's to attribute
KEY_LIMIT = 64


def add_phone_note(store: Store, exercise_id: int, note_text: str, *, client_key: str, device: str,
                   kind: str = "note", author_id: int | None = None) -> tuple[Note, bool]:
    """Save a phone's note; a re-send with the same ``client_key`` returns the note saved first
    (and False), so a phone that lost its acknowledgement never makes a duplicate."""
    if kind not in PHONE_KINDS:
        raise ValidationError(f"A note from a phone is one of {', '.join(PHONE_KINDS)}; not {kind!r}.")
    if not isinstance(client_key, str) or not 8 <= len(client_key) <= KEY_LIMIT or not client_key.isascii():
        raise ValidationError("Each note needs its own key of 8 to 64 plain characters.")
    return store.add_phone_note(exercise_id, text.required(note_text, "A note", "note"), client_key=client_key,
                                device=text.optional(device, "A device's name", "name"), kind=kind,
                                author_id=author_id)
