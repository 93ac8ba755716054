"""A note as a sticky card on the board, and the editor that changes its text in place."""

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QPlainTextEdit

from ...domain.model import Note
from ..common import style
from ..common.text_fit import FittedText, fit_text

CARD_SIZE = QSizeF(228, 156)
GAP = 18.0
MARGIN = 12.0
FOOTER = 22.0
PAD = 24.0  # empty space around the grid
SKETCH_BELOW = 0.4  # zoom below which cards are drawn without their text (it could not be read)
SHADOW_ABOVE = 0.6  # zoom above which a card shows its shadow
BARS_ABOVE = 0.2  # zoom above which a sketched card shows bars where its text is


class NoteCard(QGraphicsItem):
    """One note as a sticky card. Paints plain text only; long text is elided inside the card.

    A plain QGraphicsItem, not a QGraphicsObject: it needs no signals, and a board of 2,000
    cards is made in half the time.
    """

    def __init__(self, note: Note, author: str = ""):
        super().__init__()
        self.note = note
        self.author = author
        self.matches = True  # whether the board's filter shows it
        self._fitted: FittedText | None = None
        self.setFlags(_FLAGS)

    # -- content --------------------------------------------------------------------
    def set_note(self, note: Note, author: str = "") -> None:
        old, self.note = self.note, note
        if (note.text, note.kind) != (old.text, old.kind):
            self._fitted = None
        if (note.text, note.kind, note.colour, note.role, author) != (old.text, old.kind, old.colour, old.role,
                                                                      self.author):
            self.author = author
            self.update()  # only what shows; a card that just moved is redrawn by the move

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
    # Painting runs once per card per frame, thousands of times while zooming a big board:
    # everything it can share is made once (below the class), and zoomed out it draws less.
    def boundingRect(self) -> QRectF:
        return _BOUNDS

    def shape(self) -> QPainterPath:
        return _SHAPE

    def centre(self) -> QPointF:
        return self.pos() + _HALF

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < SKETCH_BELOW:
            self._paint_sketch(painter, lod)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if painter.worldTransform().type() in _UNSCALED:  # at 100 %
            painter.drawPixmap(_BOUNDS.topLeft(), _paper_image(self.note.colour, self.isSelected(),
                                                               painter.device().devicePixelRatioF()))
        else:
            _draw_paper(painter, self.note.colour, self.isSelected(), shadow=lod >= SHADOW_ABOVE)

        painter.setPen(QColor(style.NOTE_INK))
        mark = style.KIND_MARKS[self.note.kind]
        if mark:
            painter.setFont(_small_font(bold=True))
            painter.setPen(QColor(0, 0, 0, 150))
            painter.drawText(QRectF(MARGIN, MARGIN - 4, _CARD.width() - 2 * MARGIN, 16),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), mark)
            painter.setPen(QColor(style.NOTE_INK))
        self.fitted_text().draw(painter, self.text_rect().topLeft())

        footer = self.footer_text()
        if footer:
            painter.setFont(_small_font())
            painter.setPen(QColor(0, 0, 0, 160))
            rect = QRectF(MARGIN, _CARD.height() - MARGIN - FOOTER + 6, _CARD.width() - 2 * MARGIN, FOOTER - 6)
            elided = painter.fontMetrics().elidedText(footer, Qt.TextElideMode.ElideRight, int(rect.width()))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided)

    def _paint_sketch(self, painter: QPainter, lod: float) -> None:
        """Zoomed out the text cannot be read: paper, and grey bars where the lines would be
        (only the paper when even the bars would be a pixel or two)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if self.isSelected():  # a border as a fill under the paper: quicker than a stroke
            painter.fillRect(_SKETCH_SELECTION, SELECTION_INK)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paper_of(self.note.colour))
        painter.drawRect(_CARD)
        if lod >= BARS_ABOVE:
            painter.setBrush(_ink_bars(self.note.colour))
            painter.drawRects(_BARS[min(4, max(1, len(self.note.text) // 22 + 1))])

    def mouseDoubleClickEvent(self, event) -> None:
        scene = self.scene()
        if scene is not None and hasattr(scene, "edit_requested"):
            scene.edit_requested.emit(self.note.id)
        event.accept()


_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
          | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
_CARD = QRectF(QPointF(0, 0), CARD_SIZE)
_BOUNDS = QRectF(-3, -3, CARD_SIZE.width() + 7, CARD_SIZE.height() + 7)
_SHAPE = QPainterPath()
_SHAPE.addRect(_CARD)
_HALF = QPointF(CARD_SIZE.width() / 2, CARD_SIZE.height() / 2)
_SHADOW = _CARD.translated(2, 3)
_SHADOW_BRUSH = QColor(0, 0, 0, 38)
_SELECTED_PEN = QPen(QColor("#1F6FEB"), 3)
SELECTION_INK = QColor("#1F6FEB")
_SKETCH_SELECTION = _CARD.adjusted(-6, -6, 6, 6)
_BARS = {lines: [QRectF(MARGIN, MARGIN + 6 + line * 26,
                        (CARD_SIZE.width() - 2 * MARGIN) * (0.6 if line == lines - 1 and lines > 1 else 1.0), 12)
                 for line in range(lines)] for lines in range(1, 5)}
_PAPERS: dict[str, QColor] = {}
_BAR_INKS: dict[str, QColor] = {}


def _draw_paper(painter: QPainter, colour: str, selected: bool, *, shadow: bool) -> None:
    """The card's paper (and its shadow, and the selection's border) as shapes."""
    painter.setPen(Qt.PenStyle.NoPen)
    if shadow:
        painter.setBrush(_SHADOW_BRUSH)
        painter.drawRoundedRect(_SHADOW, 4, 4)
    painter.setBrush(paper_of(colour))
    if selected:
        painter.setPen(_SELECTED_PEN)
    painter.drawRoundedRect(_CARD, 4, 4)


_PAPER_IMAGES: dict[tuple, QPixmap] = {}
_UNSCALED = (QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate)


def _paper_image(colour: str, selected: bool, ratio: float) -> QPixmap:
    """The paper at 100 % drawn once per colour: a card painted at that zoom (the zoom notes
    are taken at) is a copy and its text, not two antialiased round rectangles."""
    key = (colour, selected, ratio)
    image = _PAPER_IMAGES.get(key)
    if image is None:
        image = QPixmap(math.ceil(_BOUNDS.width() * ratio), math.ceil(_BOUNDS.height() * ratio))
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(-_BOUNDS.topLeft())
        _draw_paper(painter, colour, selected, shadow=True)
        painter.end()
        _PAPER_IMAGES[key] = image
    return image


def paper_of(colour: str) -> QColor:
    """A note colour's paper, made once."""
    if colour not in _PAPERS:
        _PAPERS[colour] = style.paper(colour)
    return _PAPERS[colour]


def _ink_bars(colour: str) -> QColor:
    """Opaque grey-on-paper for the sketch's text bars (opaque fills are the quickest to draw)."""
    if colour not in _BAR_INKS:
        _BAR_INKS[colour] = paper_of(colour).darker(135)
    return _BAR_INKS[colour]


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
