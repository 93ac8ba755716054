"""Keyboard-first note capture: the entry and the row that sets who said it, what and how."""

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from ...domain.model import NOTE_COLOURS, NOTE_KINDS, QUOTE_ROLES, Participant
from ..common import style
from ..common.flow_layout import FlowLayout

ANONYMOUS = "Anonymous"


class NoteEntry(QPlainTextEdit):
    """Enter submits, Shift+Enter breaks the line.

    Undo/redo keys go to the entry's own history while it has one; once it is empty
    (just after a note was added) they fall through to the board's undo stack, so
    Ctrl+Z right after Enter takes the note back.
    """

    submitted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("note-entry")
        self.setAccessibleName("Note")
        self.setAccessibleDescription("What the room says. Enter adds it to the board; Shift+Enter starts a new line.")
        self.setTabChangesFocus(True)
        self.setPlaceholderText("Type what the room says. Enter adds it; Shift+Enter starts a new line.")
        self.setFont(style.font(15))
        line = self.fontMetrics().lineSpacing()
        self.setFixedHeight(int(line * 3 + 18))

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            document = self.document()
            if (event.matches(QKeySequence.StandardKey.Undo) and not document.isUndoAvailable()) or (
                    event.matches(QKeySequence.StandardKey.Redo) and not document.isRedoAvailable()):
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if modifiers == Qt.KeyboardModifier.NoModifier:
                self.submit()
                return
            if modifiers == Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
                return
        super().keyPressEvent(event)

    def submit(self) -> None:
        text = self.toPlainText()
        if text.strip():
            self.submitted.emit(text)

    def take_text(self) -> None:
        """Clear after a note was saved (and forget its typing history, so undo reaches the board)."""
        self.clear()


class HintLabel(QLabel):
    """A one-line reminder that shortens itself (from the end) rather than push the layout."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.full_text = text
        self.setTextFormat(Qt.TextFormat.PlainText)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


def swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CaptureBar(QWidget):
    """The note entry and, beneath it, author, kind, attribution and colour for the next note."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("capture-bar")
        self.entry = NoteEntry(self)

        self.author = QComboBox(self)
        self.author.setObjectName("author")
        self.author.setMinimumContentsLength(14)
        self.author.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for number, kind in enumerate(NOTE_KINDS, 1):
            self.kind.addItem(f"{style.KIND_LABELS[kind]}  (Ctrl+{number})", kind)
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        self.role.setEditable(True)
        self.role.addItems(QUOTE_ROLES)
        self.role.setToolTip("Who the quote is attributed to. Type your own, or cycle with Ctrl+4.")
        self.colour = QComboBox(self)
        self.colour.setObjectName("colour")
        for number, colour in enumerate(NOTE_COLOURS, 1):
            self.colour.addItem(swatch(style.NOTE_PAPER[colour]), f"{colour.title()}  (Alt+{number})", colour)
        self.colour.setIconSize(QSize(14, 14))
        self.set_participants([])

        self.fields = QWidget(self)  # the four fields, wrapping to a second line on a narrow window
        row = FlowLayout(self.fields)
        for caption, combo, description in (
                ("Said by", self.author, "Who said the next note (Ctrl+P next, Ctrl+Shift+P previous)"),
                ("Kind", self.kind, "Note, idea, question or quote (Ctrl+1 to Ctrl+4)"),
                ("Attributed to", self.role, "Who a quote is attributed to (Ctrl+4 again cycles)"),
                ("Colour", self.colour, "The next note's colour (Alt+1 to Alt+6)")):
            pair = QWidget(self.fields)
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.setSpacing(6)
            label = QLabel(caption, pair)
            label.setBuddy(combo)
            label.setTextFormat(Qt.TextFormat.PlainText)
            combo.setParent(pair)
            combo.setAccessibleName(caption)
            combo.setAccessibleDescription(description)
            pair_layout.addWidget(label)
            pair_layout.addWidget(combo)
            row.addWidget(pair)
        self.hint = HintLabel("F1 all keys · Ctrl+P next speaker · Ctrl+1–4 kind · Alt+1–6 colour", self)
        self.hint.setObjectName("capture-hint")
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # gives way first
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.fields, 0)
        below.addWidget(self.hint, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.entry)
        layout.addLayout(below)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()

    # -- what the next note will carry ------------------------------------------------
    def set_participants(self, participants: list[Participant]) -> None:
        chosen = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem(ANONYMOUS, None)
        for participant in participants:
            self.author.addItem(participant.name, participant.id)
        index = self.author.findData(chosen)
        self.author.setCurrentIndex(max(0, index))
        self.author.blockSignals(False)

    def start_afresh(self) -> None:
        """The next note as a new exercise starts it: anonymous, a plain note, yellow."""
        self.author.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.colour.setCurrentIndex(0)

    def note_fields(self) -> dict:
        kind = self.kind.currentData()
        return {
            "kind": kind,
            "colour": self.colour.currentData(),
            "author_id": self.author.currentData(),
            "role": self.role.currentText().strip() if kind == "quote" else "",
        }

    def cycle_author(self, step: int) -> None:
        self.author.setCurrentIndex((self.author.currentIndex() + step) % self.author.count())

    def choose_kind(self, kind: str) -> None:
        """Pick the kind; picking "quote" again moves to the next attribution."""
        if self.kind.currentData() == kind == "quote":
            self.cycle_role()
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def cycle_role(self) -> None:
        roles = list(QUOTE_ROLES)
        current = self.role.currentText()
        following = roles[(roles.index(current) + 1) % len(roles)] if current in roles else roles[0]
        self.role.setCurrentText(following)

    def choose_colour(self, colour: str) -> None:
        self.colour.setCurrentIndex(self.colour.findData(colour))

    def _on_kind_changed(self) -> None:
        self.role.setEnabled(self.kind.currentData() == "quote")
