"""Moving between cards with the arrow keys, and what a screen reader says about a card."""

from PySide6.QtCore import Qt

from ..common import style
from .note_card import NoteCard

ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


def nearest(current: NoteCard, cards: list[NoteCard], dx: int, dy: int) -> NoteCard | None:
    """The card closest to ``current`` whose centre lies in the direction (dx, dy); a card
    straight along the line beats a nearer one off to the side."""
    here = current.sceneBoundingRect().center()
    best, best_score = None, None
    for card in cards:
        if card is current:
            continue
        offset = card.sceneBoundingRect().center() - here
        along = offset.x() * dx + offset.y() * dy
        if along <= 1:
            continue
        across = abs(offset.x() * dy) + abs(offset.y() * dx)
        score = along + 2 * across
        if best_score is None or score < best_score:
            best, best_score = card, score
    return best


def card_description(card: NoteCard) -> str:
    """The card as a sentence: its kind, its words, who said it (or its attribution)."""
    note = card.note
    parts = [f"{style.KIND_LABELS.get(note.kind, note.kind)}: {' '.join(note.text.split())}"]
    footer = card.footer_text()
    if footer:
        parts.append(footer if note.kind == "quote" else f"said by {footer}")
    return ", ".join(parts)
