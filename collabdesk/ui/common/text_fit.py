"""Laying plain user text into a fixed box: wrapped, elided, never spilling out.

Every place that paints what a facilitator typed (cards, the room's tiles, the
exercise header) goes through ``fit_text``. It never interprets markup: ``<b>`` is
drawn as the four characters it is. Text is wrapped at word boundaries, or anywhere
when a word is wider than the box (a 10,000-letter "word" still fits); when lines run
out, the last one ends in an ellipsis. Right-to-left paragraphs (Arabic, Hebrew) are
laid out right-to-left.
"""

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

ELLIPSIS = "…"
# A box never shows more than a few hundred characters; laying out more is wasted work.
_MAX_LAID_OUT = 3000


def is_right_to_left(text: str) -> bool:
    """The direction of the first strongly directional character (as Unicode's P2/P3 rule)."""
    for char in text[:_MAX_LAID_OUT]:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


@dataclass
class FittedText:
    """Text laid out in a box of ``width`` by at most ``max_height``."""

    layout: QTextLayout
    full_lines: int  # lines drawn from the layout as they are
    last_line: str  # the elided final line ("" when everything fitted)
    last_line_rect: QRectF
    height: float  # the height used
    elided: bool
    right_to_left: bool

    def draw(self, painter: QPainter, origin: QPointF) -> None:
        for index in range(self.full_lines):
            self.layout.lineAt(index).draw(painter, origin)
        if self.last_line:
            painter.save()
            painter.setFont(self.layout.font())
            painter.setLayoutDirection(  # puts the ellipsis at the end of a right-to-left line: its left
                Qt.LayoutDirection.RightToLeft if self.right_to_left else Qt.LayoutDirection.LeftToRight)
            painter.drawText(self.last_line_rect.translated(origin),
                             int(Qt.AlignmentFlag.AlignLeading | Qt.TextFlag.TextSingleLine), self.last_line)
            painter.restore()

    def bounds(self) -> QRectF:
        """Where ink can fall, relative to the box's top-left corner."""
        result = QRectF()
        for index in range(self.full_lines):
            line = self.layout.lineAt(index)
            rect = line.naturalTextRect()
            if self.right_to_left:  # drawn against the right edge of the line
                rect.moveLeft(line.x() + line.width() - line.naturalTextWidth())
            result = result.united(rect)
        if self.last_line:
            width = QFontMetricsF(self.layout.font()).horizontalAdvance(self.last_line)
            rect = self.last_line_rect
            left = rect.right() - width if self.right_to_left else rect.left()
            result = result.united(QRectF(left, rect.top(), width, rect.height()))
        return result


def fit_text(text: str, font: QFont, width: float, max_height: float, *, max_lines: int | None = None,
             centred: bool = False) -> FittedText:
    """Lay ``text`` out in ``width`` × ``max_height`` (and at most ``max_lines`` lines)."""
    width = max(1.0, width)
    shown = text[:_MAX_LAID_OUT].replace("\n", "\u2028")  # QTextLayout breaks lines at U+2028
    right_to_left = is_right_to_left(text)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight)
    option.setAlignment(Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeading)
    layout = QTextLayout(shown, font)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    # Lines are measured as laid out: a fallback font (Arabic, CJK, emoji) may be taller.
    layout.beginLayout()
    y = 0.0
    fitting = 0
    overflow = False
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        if y + line.height() > max_height or (max_lines is not None and fitting >= max_lines):
            overflow = True
            break
        y += line.height()
        fitting += 1
    layout.endLayout()

    if not overflow and len(text) == len(shown):
        return FittedText(layout, fitting, "", QRectF(), y, False, right_to_left)
    if fitting == 0:
        return FittedText(layout, 0, "", QRectF(), 0.0, True, right_to_left)
    last = layout.lineAt(fitting - 1)
    rest = shown[last.textStart():].replace("\u2028", " ")
    metrics = QFontMetricsF(font)
    elided = metrics.elidedText(rest + (" " if len(text) > len(shown) else ""), Qt.TextElideMode.ElideRight, width)
    if not elided.endswith(ELLIPSIS):  # the rest fits on one line, but more text follows it
        elided = metrics.elidedText(elided.rstrip() + ELLIPSIS, Qt.TextElideMode.ElideRight, width)
        if not elided.endswith(ELLIPSIS):
            elided = elided.rstrip() + ELLIPSIS
    squeeze = width
    while metrics.horizontalAdvance(elided) > width and squeeze > 1:  # elidedText can overshoot with fallback fonts
        squeeze -= max(1.0, metrics.horizontalAdvance(elided) - width)
        elided = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, squeeze)
    rect = QRectF(0, last.y(), width, last.height())
    return FittedText(layout, fitting - 1, elided, rect, last.y() + last.height(), True, right_to_left)
