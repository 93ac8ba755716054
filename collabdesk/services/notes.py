"""Capturing notes and editing the board: every action here is one undoable step in the UI."""

from collections.abc import Iterable, Mapping

from ..domain import text
from ..domain.errors import ValidationError
from ..domain.model import NOTE_COLOURS, NOTE_KINDS, Note, Theme
from ..store import Store


def _kind(kind: str) -> str:
    if kind not in NOTE_KINDS:
        raise ValidationError(f"A note is one of {', '.join(NOTE_KINDS)}; not {kind!r}.")
    return kind


def _colour(colour: str) -> str:
    if colour not in NOTE_COLOURS:
        raise ValidationError(f"A note's colour is one of {', '.join(NOTE_COLOURS)}; not {colour!r}.")
    return colour


def add_note(store: Store, exercise_id: int, note_text: str, *, kind: str = "note", colour: str = "yellow",
             author_id: int | None = None, role: str = "", x: float | None = None,
             y: float | None = None) -> Note:
    """Save what the room said. Blank notes are refused; everything else is kept as typed."""
    return store.add_note(
        exercise_id,
        text.required(note_text, "A note", "note"),
        kind=_kind(kind),
        colour=_colour(colour),
        author_id=author_id,
        role=text.optional(role, "The quote's attribution", "name") if kind == "quote" else "",
        x=x,
        y=y,
    )


def edit_note(store: Store, note_id: int, **fields) -> Note:
    """Change a note's text, kind, colour, author or attribution."""
    checked = dict(fields)
    if "text" in checked:
        checked["text"] = text.required(checked["text"], "A note", "note")
    if "kind" in checked:
        _kind(checked["kind"])
    if "colour" in checked:
        _colour(checked["colour"])
    if "role" in checked:
        checked["role"] = text.optional(checked["role"], "The quote's attribution", "name")
    return store.update_note(note_id, **checked)


def delete_notes(store: Store, note_ids: Iterable[int]) -> None:
    store.delete_notes(note_ids)


def restore_notes(store: Store, note_ids: Iterable[int]) -> None:
    store.restore_notes(note_ids)


def move_notes(store: Store, positions: Mapping[int, tuple[float, float]]) -> None:
    """Save where cards were dropped on the board (one transaction for a whole drag)."""
    store.update_notes({nid: {"x": float(x), "y": float(y)} for nid, (x, y) in positions.items()},
                       what="move the notes")


def move_notes_to_exercise(store: Store, note_ids: Iterable[int], exercise_id: int) -> None:
    """Move notes to another exercise's board; they leave their theme behind."""
    store.update_notes({nid: {"exercise_id": exercise_id, "theme_id": None} for nid in note_ids},
                       what="move the notes")


def set_notes_theme(store: Store, theme_by_note: Mapping[int, int | None]) -> None:
    """Put notes in (or, with None, take them out of) themes."""
    store.update_notes({nid: {"theme_id": tid} for nid, tid in theme_by_note.items()}, what="regroup the notes")


def group_notes(store: Store, exercise_id: int, title: str, note_ids: Iterable[int]) -> Theme:
    return store.create_theme(exercise_id, text.required(title, "A theme's name"), note_ids)


def rename_theme(store: Store, theme_id: int, title: str) -> Theme:
    return store.rename_theme(theme_id, text.required(title, "A theme's name"))


def ungroup_theme(store: Store, theme_id: int) -> list[int]:
    """Dissolve a theme; returns the notes it held so undo can regroup them."""
    held = [n.id for n in store.notes(store.theme(theme_id).exercise_id) if n.theme_id == theme_id]
    store.set_theme_deleted(theme_id, True)
    return held


def regroup_theme(store: Store, theme_id: int, note_ids: Iterable[int]) -> None:
    store.set_theme_deleted(theme_id, False, note_ids)
