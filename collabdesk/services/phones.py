"""Notes sent from phones: the same rules as a typed note, saved once per key the phone gave it."""

from collections.abc import Mapping, Sequence

from ..domain import text
from ..domain.errors import ChangeClosedError, NotFoundError, ValidationError
from ..domain.model import Note
from ..store import Store

PHONE_KINDS = ("note", "idea", "question")  # a quote is the facilitator's to attribute
KEY_LIMIT = 64


def checked_draft(draft: Mapping) -> dict:
    """A phone's note (text, kind, client_key, device, author_id) as the store takes it, or
    ValidationError saying what is wrong with it."""
    kind, client_key, words = draft.get("kind", "note"), draft.get("client_key"), draft.get("text")
    if not isinstance(words, str):
        raise ValidationError("A note is words: the page sent something else.")
    if kind not in PHONE_KINDS:
        raise ValidationError(f"A note from a phone is one of {', '.join(PHONE_KINDS)}; not {kind!r}.")
    if not isinstance(client_key, str) or not 8 <= len(client_key) <= KEY_LIMIT or not client_key.isascii():
        raise ValidationError("Each note needs its own key of 8 to 64 plain characters.")
    return {"text": text.required(words, "A note", "note"), "kind": kind, "client_key": client_key,
            "device": text.optional(draft.get("device", ""), "A device's name", "name"),
            "author_id": draft.get("author_id")}


def add_phone_notes(store: Store, exercise_id: int,
                    drafts: Sequence[Mapping]) -> list[tuple[Note, bool] | ValidationError]:
    """Save the notes phones sent (several at once: one transaction, one commit), each as
    ``(note, new)`` or the ValidationError that refused it (the others are saved all the same).

    A re-send with a ``client_key`` already saved gives the note saved first (and False), so
    a phone that lost its acknowledgement never makes a duplicate.
    """
    results: list[tuple[Note, bool] | ValidationError | None] = []
    valid = []
    for draft in drafts:
        try:
            valid.append(checked_draft(draft))
            results.append(None)
        except ValidationError as error:
            results.append(error)
    saved = iter(store.add_phone_notes(exercise_id, valid) if valid else [])
    return [next(saved) if result is None else result for result in results]


def _own_note(store: Store, workshop_id: str, client_key: str) -> Note:
    """The phone's note under ``client_key``, while its phone may still change it: on a board
    (not hidden) and on the exercise that is on now."""
    note_id = store.phone_note_id(workshop_id, client_key) if isinstance(client_key, str) else None
    if note_id is None:
        raise NotFoundError("That note is not on the laptop: it may not have been saved yet.")
    note = store.note(note_id)
    if note.deleted:
        raise ChangeClosedError("hidden", "The facilitator has hidden this note, so it can no longer be changed.")
    if store.exercise(note.exercise_id).state != "current":
        raise ChangeClosedError("moved-on", "The room has moved on from this exercise, so its notes stay as "
                                            "they are.")
    return note


def edit_phone_note(store: Store, workshop_id: str, client_key: str, note_text: str, kind: str) -> Note:
    """A participant changes their own note from their phone (the same text rule as typing)."""
    checked = checked_draft({"text": note_text, "kind": kind, "client_key": client_key})
    note = _own_note(store, workshop_id, client_key)
    return store.update_note(note.id, text=checked["text"], kind=checked["kind"])


def withdraw_phone_note(store: Store, workshop_id: str, client_key: str) -> Note:
    """A participant takes their own note back from the board; returns it as it was."""
    note = _own_note(store, workshop_id, client_key)
    store.delete_notes([note.id])
    return note
