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


def move_notes(store: Store, positions: Mapping[int, tuple[float, float] | None]) -> None:
    """Save where cards were dropped on the board (one transaction for a whole drag).

    A position of None gives a card back to the board's automatic grid (the undo of the
    first drag, which pins every card where the grid had put it).
    """
    store.set_note_positions({nid: None if place is None or place[0] is None else (float(place[0]), float(place[1]))
                              for nid, place in positions.items()})


def move_notes_to_exercise(store: Store, note_ids: Iterable[int], exercise_id: int) -> None:
    """Move notes to another exercise's board, of the same workshop.

    They leave their theme behind and take the next free places in the new board's grid.
    """
    ids = list(note_ids)
    target = store.exercise(exercise_id)
    if any(n.workshop_id != target.workshop_id for n in store.notes_by_ids(ids)):
        raise ValidationError("Notes can only move to an exercise of their own workshop.")
    store.update_notes({nid: {"exercise_id": exercise_id, "theme_id": None, "x": None, "y": None} for nid in ids},
                       what="move the notes")


def put_notes_back(store: Store, places: Mapping[int, Mapping]) -> None:
    """Put notes back on the board, in the theme and at the position they had (``places``
    maps a note id to its ``exercise_id``, ``theme_id``, ``x`` and ``y``): undoing a move."""
    allowed = {"exercise_id", "theme_id", "x", "y"}
    store.update_notes({nid: {k: v for k, v in place.items() if k in allowed} for nid, place in places.items()},
                       what="move the notes")


def set_notes_theme(store: Store, theme_by_note: Mapping[int, int | None]) -> None:
    """Put notes in (or, with None, take them out of) themes of their own board."""
    themes = {tid: store.theme(tid) for tid in set(theme_by_note.values()) if tid is not None}
    for note in store.notes_by_ids(list(theme_by_note)):
        theme_id = theme_by_note[note.id]
        if theme_id is not None and themes[theme_id].exercise_id != note.exercise_id:
            raise ValidationError("A note can only join a theme on its own board.")
    store.update_notes({nid: {"theme_id": tid} for nid, tid in theme_by_note.items()}, what="regroup the notes")


def group_notes(store: Store, exercise_id: int, title: str, note_ids: Iterable[int]) -> Theme:
    """A new theme named ``title`` holding ``note_ids`` (notes of that exercise's board)."""
    ids = list(note_ids)
    if any(n.exercise_id != exercise_id for n in store.notes_by_ids(ids)):
        raise ValidationError("Only notes on one board can be grouped into a theme.")
    return store.create_theme(exercise_id, text.required(title, "A theme's name"), ids)


def rename_theme(store: Store, theme_id: int, title: str) -> Theme:
    return store.rename_theme(theme_id, text.required(title, "A theme's name"))


def ungroup_theme(store: Store, theme_id: int) -> list[int]:
    """Dissolve a theme; returns the notes it held (deleted ones too) so undo can regroup them."""
    exercise_id = store.theme(theme_id).exercise_id
    held = [n.id for n in store.notes(exercise_id, include_deleted=True) if n.theme_id == theme_id]
    store.set_theme_deleted(theme_id, True)
    return held


def regroup_theme(store: Store, theme_id: int, note_ids: Iterable[int]) -> Theme:
    """Bring an ungrouped theme back, holding ``note_ids`` again."""
    store.set_theme_deleted(theme_id, False, note_ids)
    return store.theme(theme_id)
