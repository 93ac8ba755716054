"""The exercise's board: notes as sticky cards on a QGraphicsScene.

Built to grow: cards are selectable now (click, Ctrl+click, rubber band), and carry
their saved x/y so dragging, theme frames and zoom can be layered on (issue 4) without
changing how cards are made or placed. Cards without a saved position sit in a tidy
grid in capture order; adding a note places one card in the next slot, it never
rebuilds the board.
"""

from PySide6.QtCore import QEvent, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsScene, QGraphicsView, QPlainTextEdit

from ..domain.model import Note
from . import style
from .text_fit import FittedText, fit_text

CARD_SIZE = QSizeF(228, 156)
GAP = 18.0
MARGIN = 12.0
FOOTER = 22.0
PAD = 24.0  # empty space around the grid


class NoteCard(QGraphicsObject):
    """One note as a sticky card. Paints plain text only; long text is elided inside the card."""

    def __init__(self, note: Note, author: str = ""):
        super().__init__()
        self.note = note
        self.author = author
        self._fitted: FittedText | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
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

    def paint(self, painter: QPainter, option, widget=None) -> None:
        card = QRectF(QPointF(0, 0), CARD_SIZE)
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

    def mouseDoubleClickEvent(self, event) -> None:
        scene = self.scene()
        if isinstance(scene, BoardScene):
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


class BoardScene(QGraphicsScene):
    """The cards of one exercise, keyed by note id."""

    edit_requested = Signal(int)  # note id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards: dict[int, NoteCard] = {}
        self.authors: dict[int, str] = {}  # participant id -> name, for the card footers
        self._auto: list[int] = []  # notes without a saved position, in the order they sit in the grid
        self.columns = 4
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    def load(self, notes: list[Note]) -> None:
        """Show ``notes`` (an exercise's whole board), replacing what was there."""
        self.clearSelection()
        for card in self.cards.values():
            self.removeItem(card)
        self.cards.clear()
        self._auto.clear()
        for note in notes:
            self._place(self._make_card(note))
        self._fit_scene_rect()

    def add_note(self, note: Note) -> NoteCard:
        card = self.cards.get(note.id)
        if card is not None:  # already shown (redo of an add that raced a reload)
            return card
        card = self._make_card(note)
        self._place(card)
        self._grow_scene_rect(card)
        return card

    def update_note(self, note: Note) -> None:
        card = self.cards.get(note.id)
        if card is None:
            return
        had_position = card.note.x is not None
        card.set_note(note, self.authors.get(note.author_id, ""))
        if note.x is not None:
            if not had_position:
                self._auto.remove(note.id)
                self._reflow()
            card.setPos(note.x, note.y)

    def remove_note(self, note_id: int) -> None:
        card = self.cards.pop(note_id, None)
        if card is None:
            return
        self.removeItem(card)
        if note_id in self._auto:
            index = self._auto.index(note_id)
            del self._auto[index]
            self._reflow(start=index)
        if not self.cards:  # an emptied board needs no scroll bars
            self._fit_scene_rect()

    def set_authors(self, authors: dict[int, str]) -> None:
        self.authors = dict(authors)
        for card in self.cards.values():
            card.set_note(card.note, self.authors.get(card.note.author_id, ""))

    def selected_note_ids(self) -> list[int]:
        return [item.note.id for item in self.selectedItems() if isinstance(item, NoteCard)]

    def set_columns(self, columns: int) -> None:
        columns = max(1, columns)
        if columns != self.columns:
            self.columns = columns
            self._reflow()
            self._fit_scene_rect()

    # -- placing ------------------------------------------------------------------------
    def _make_card(self, note: Note) -> NoteCard:
        card = NoteCard(note, self.authors.get(note.author_id, ""))
        self.cards[note.id] = card
        self.addItem(card)
        return card

    def _place(self, card: NoteCard) -> None:
        note = card.note
        if note.x is not None and note.y is not None:
            card.setPos(note.x, note.y)
        else:
            self._auto.append(note.id)
            card.setPos(self.slot(len(self._auto) - 1))

    def slot(self, index: int) -> QPointF:
        """The top-left corner of grid slot ``index``."""
        row, column = divmod(index, self.columns)
        return QPointF(PAD + column * (CARD_SIZE.width() + GAP), PAD + row * (CARD_SIZE.height() + GAP))

    def _reflow(self, start: int = 0) -> None:
        for index in range(start, len(self._auto)):
            self.cards[self._auto[index]].setPos(self.slot(index))

    def _grow_scene_rect(self, card: NoteCard) -> None:
        wanted = card.sceneBoundingRect().adjusted(-PAD, -PAD, PAD, PAD)
        if not self.sceneRect().contains(wanted):
            self.setSceneRect(self.sceneRect().united(wanted))

    def _fit_scene_rect(self) -> None:
        rect = QRectF(0, 0, PAD * 2 + self.columns * (CARD_SIZE.width() + GAP), PAD * 2 + CARD_SIZE.height())
        for card in self.cards.values():
            rect = rect.united(card.sceneBoundingRect().adjusted(-PAD, -PAD, PAD, PAD))
        self.setSceneRect(rect)


class BoardView(QGraphicsView):
    """Shows a BoardScene; keeps the grid as wide as the view and edits cards in place."""

    text_edited = Signal(int, str)  # note id, new text

    def __init__(self, scene: BoardScene, parent=None):
        super().__init__(scene, parent)
        self.board = scene
        self.setObjectName("board")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setBackgroundBrush(QColor("#EEF0F3"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.empty_hint = "Notes appear here. Type in the box below and press Enter."
        self.editor: CardEditor | None = None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        usable = self.viewport().width() - 2 * PAD + GAP
        self.board.set_columns(int(usable // (CARD_SIZE.width() + GAP)))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if self.board.cards:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#7A808A"))
        painter.setFont(style.font(13))
        painter.drawText(self.viewport().rect().adjusted(24, 24, -24, -24),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_hint)
        painter.restore()

    def show_card(self, card: NoteCard) -> None:
        self.ensureVisible(card, 8, 8)

    # -- editing in place -------------------------------------------------------------
    def edit_card(self, note_id: int) -> None:
        card = self.board.cards.get(note_id)
        if card is None:
            return
        self.finish_editing()
        self.show_card(card)
        self.editor = CardEditor(note_id, card.note.text, self.viewport())
        rect = self.mapFromScene(card.sceneBoundingRect()).boundingRect().adjusted(3, 3, -7, -7)
        self.editor.setGeometry(rect)
        self.editor.committed.connect(self._on_editor_committed)
        self.editor.cancelled.connect(self._on_editor_cancelled)
        self.editor.show()
        self.editor.setFocus()

    def finish_editing(self) -> None:
        if self.editor is not None:
            self.editor.commit()

    def _on_editor_committed(self, note_id: int, text: str) -> None:
        self._close_editor()
        card = self.board.cards.get(note_id)
        if card is not None and text != card.note.text:
            self.text_edited.emit(note_id, text)

    def _on_editor_cancelled(self) -> None:
        self._close_editor()

    def _close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self.setFocus()


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
