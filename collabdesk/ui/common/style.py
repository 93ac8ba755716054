"""Colours and type shared by the facilitator's and the room's screens."""

from PySide6.QtGui import QColor, QFont, QGuiApplication

from ...domain.contrast import is_dark

# Sticky-note paper: light enough for near-black text to read from the back of a room.
NOTE_PAPER = {
    "yellow": "#FFE98A",
    "pink": "#FFC2D4",
    "blue": "#B9DCFF",
    "green": "#C5EBB0",
    "orange": "#FFCB94",
    "purple": "#DCC8F5",
}
NOTE_INK = "#1D1D1F"
KIND_LABELS = {"note": "Note", "idea": "Idea", "question": "Question", "quote": "Quote"}
KIND_MARKS = {"note": "", "idea": "IDEA", "question": "QUESTION", "quote": "QUOTE"}

# The room's timer phases (the facilitator's come from inks): calm, amber in the last minute, then red.
ROOM_TIMER_INK = {
    "idle": "#F4F5F7",
    "paused": "#A9AEB8",
    "running": "#F4F5F7",
    "warning": "#FFB23F",
    "overtime": "#FF6A4D",
}
FLASH_BACKGROUND = "#FFE0A3"

ROOM_BACKGROUND = "#1C1F24"
ROOM_INK = "#F4F5F7"
ROOM_MUTED = "#A9AEB8"



def paper(colour: str) -> QColor:
    return QColor(NOTE_PAPER.get(colour, NOTE_PAPER["yellow"]))


def font(point_size: float, *, bold: bool = False, mono_digits: bool = False) -> QFont:
    """The application font at a size; ``mono_digits`` keeps a running clock from jittering."""
    result = QFont(QGuiApplication.font())
    result.setPointSizeF(point_size)
    result.setBold(bold)
    if mono_digits:
        result.setFeature(QFont.Tag("tnum"), 1)
    return result


def readable_ink(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    return QColor("#FFFFFF") if is_dark(background.name()) else QColor("#111111")
