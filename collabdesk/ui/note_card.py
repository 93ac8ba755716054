"""A note as a sticky card on the board, and the editor that changes its text in place."""

from PySide6.QtCore import QEvent, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QPlainTextEdit

from ..domain.model import Note
from . import style
from .text_fit import FittedText, fit_text

CARD_SIZE = QSizeF(228, 156)
GAP = 18.0
MARGIN = 12.0
FOOTER = 22.0
PAD = 24.0  # empty space around the grid
SKETCH_BELOW = 0.4  # zoom below which cards are drawn without their text (it could not be read)


class NoteCard(QGraphicsObject):
    """One note as a sticky card. Paints plain text only; long text is elided inside the card."""

    def __init__(self, note: Note, author: str = ""):
        super().__init__()
        self.note = note
        self.author = author
        self.matches = True  # whether the board's filter shows it
        self._fitted: FittedText | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setToolTip("")

    # -- content --------------------------------------------------------------------
    def set_note(self, note: Note, author: str = "") -> None:
        if (note.text, note.kind) != (self.note.text, self.note.kind):
            self._fitted = None
        self.note = note
        self.author = author
        self.update()

    def footer_text(self) -> str:
        if self.note.kind == "quote":
            return f"— {self.note.role}" if self.note.role else "— (unattributed)"
        return self.author

    def text_rect(self) -> QRectF:
        """Where the note's text may be drawn, in card coordinates."""
        return QRectF(MARGIN, MARGIN + (14 if style.KIND_MARKS[self.note.kind] else 0),
                      CARD_SIZE.width() - 2 * MARGIN,
                      CARD_SIZE.height() - 2 * MARGIN - FOOTER - (14 if style.KIND_MARKS[self.note.kind] else 0))

    def fitted_text(self) -> FittedText:
        if self._fitted is None:
            rect = self.text_rect()
            self._fitted = fit_text(self.note.text, _card_font(italic=self.note.kind == "quote"),
                                    rect.width(), rect.height())
        return self._fitted

    # -- QGraphicsItem ----------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, CARD_SIZE.width() + 7, CARD_SIZE.height() + 7)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(QPointF(0, 0), CARD_SIZE))
        return path

    def centre(self) -> QPointF:
        return self.pos() + QPointF(CARD_SIZE.width() / 2, CARD_SIZE.height() / 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        card = QRectF(QPointF(0, 0), CARD_SIZE)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < SKETCH_BELOW:
            self._paint_sketch(painter, card)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 38))
        painter.drawRoundedRect(card.translated(2, 3), 4, 4)
        painter.setBrush(style.paper(self.note.colour))
        if self.isSelected():
            painter.setPen(QPen(QColor("#1F6FEB"), 3))
        painter.drawRoundedRect(card, 4, 4)

        painter.setPen(QColor(style.NOTE_INK))
        mark = style.KIND_MARKS[self.note.kind]
        if mark:
            painter.setFont(_small_font(bold=True))
            painter.setPen(QColor(0, 0, 0, 150))
            painter.drawText(QRectF(MARGIN, MARGIN - 4, card.width() - 2 * MARGIN, 16),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), mark)
            painter.setPen(QColor(style.NOTE_INK))
        self.fitted_text().draw(painter, self.text_rect().topLeft())

        footer = self.footer_text()
        if footer:
            painter.setFont(_small_font())
            painter.setPen(QColor(0, 0, 0, 160))
            rect = QRectF(MARGIN, card.height() - MARGIN - FOOTER + 6, card.width() - 2 * MARGIN, FOOTER - 6)
            elided = painter.fontMetrics().elidedText(footer, Qt.TextElideMode.ElideRight, int(rect.width()))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided)

    def _paint_sketch(self, painter: QPainter, card: QRectF) -> None:
        """Zoomed far out the text cannot be read: paper and grey lines where it would be."""
        painter.setPen(QPen(QColor("#1F6FEB"), 8) if self.isSelected() else Qt.PenStyle.NoPen)
        painter.setBrush(style.paper(self.note.colour))
        painter.drawRect(card)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 70))
        lines = min(4, max(1, len(self.note.text) // 22 + 1))
        for line in range(lines):
            width = (card.width() - 2 * MARGIN) * (0.6 if line == lines - 1 and lines > 1 else 1.0)
            painter.drawRect(QRectF(MARGIN, MARGIN + 6 + line * 26, width, 12))

    def mouseDoubleClickEvent(self, event) -> None:
        scene = self.scene()
        if scene is not None and hasattr(scene, "edit_requested"):
            scene.edit_requested.emit(self.note.id)
        event.accept()


_FONTS: dict[tuple, QFont] = {}


def _card_font(*, italic: bool = False) -> QFont:
    key = ("card", italic)
    if key not in _FONTS:
        font = style.font(12.5)
        font.setItalic(italic)
        _FONTS[key] = font
    return _FONTS[key]


def _small_font(*, bold: bool = False) -> QFont:
    key = ("small", bold)
    if key not in _FONTS:
        _FONTS[key] = style.font(8.5, bold=bold)
    return _FONTS[key]




_EDITOR_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Escape,
                Qt.Key.Key_F2)


class CardEditor(QPlainTextEdit):
    """A note's text, edited over its card: Enter keeps, Shift+Enter breaks the line, Esc cancels."""

    committed = Signal(int, str)
    cancelled = Signal()

    def __init__(self, note_id: int, text: str, parent=None):
        super().__init__(parent)
        self.note_id = note_id
        self._finished = False
        self.setObjectName("card-editor")
        self.setPlainText(text)
        self.selectAll()
        self.setTabChangesFocus(True)
        self.setFont(_card_font())

    def event(self, event) -> bool:
        # Keys the board binds (Enter, F2, Delete, Esc) belong to the editor while it is open.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in _EDITOR_KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self._finished = True
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        if self._finished:
            return
        self._finished = True
        self.committed.emit(self.note_id, self.toPlainText())
