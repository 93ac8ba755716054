"""Narrowing the board to some of its notes: by words, by who said them, by kind.

The filter never changes the notes: cards that do not match are dimmed (or hidden, if
the facilitator asks), cannot be selected, and come back as soon as the filter clears.
"""

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ...domain.model import NOTE_KINDS, Note, Participant
from ..common import inks, style

ANYONE = -1  # the author box's "anyone" (None is a real choice: notes said by nobody in particular)
_NOBODY = -2  # the author box's data for None


@dataclass(frozen=True)
class BoardFilter:
    words: str = ""
    author_id: int | None = ANYONE
    kind: str = ""  # "" any kind
    hide: bool = False  # hide the cards that do not match, rather than dim them

    @property
    def active(self) -> bool:
        return bool(self.words.strip()) or self.author_id != ANYONE or bool(self.kind)

    def matches(self, note: Note, author: str = "") -> bool:
        """Every word typed appears in the note's text, its author's name or its attribution."""
        if self.kind and note.kind != self.kind:
            return False
        if self.author_id != ANYONE and note.author_id != self.author_id:
            return False
        words = self.words.casefold().split()
        if not words:
            return True
        haystack = " ".join((note.text, author, note.role)).casefold()
        return all(word in haystack for word in words)


class BoardFilterBar(QWidget):
    """Words, author and kind boxes over the board, with the board's zoom beside them."""

    changed = Signal(object)  # BoardFilter
    zoom_reset_requested = Signal()
    done = Signal()  # Esc in an empty search box: back to the board

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("filter-bar")
        self.words = QLineEdit(self)
        self.words.setObjectName("filter-words")
        self.words.setAccessibleName("Filter words")
        self.words.setPlaceholderText("Filter the board (Ctrl+F): words, a name…")
        self.words.setClearButtonEnabled(True)
        self.words.installEventFilter(self)
        self.author = QComboBox(self)
        self.author.setObjectName("filter-author")
        self.author.setAccessibleName("Filter by person")
        self.author.setToolTip("Show only what one person said")
        self.kind = QComboBox(self)
        self.kind.setObjectName("filter-kind")
        self.kind.setAccessibleName("Filter by kind")
        self.kind.addItem("Any kind", "")
        for kind in NOTE_KINDS:
            self.kind.addItem(style.KIND_LABELS[kind] + "s", kind)
        self.hide_others = QCheckBox("Hide the rest", self)
        self.hide_others.setToolTip("Hide the cards that do not match instead of greying them")
        self.count = QLabel(self)
        self.count.setObjectName("filter-count")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        inks.tint(self.count, "muted")
        self.zoom = QToolButton(self)
        self.zoom.setObjectName("zoom")
        self.zoom.setAccessibleName("Zoom")
        self.zoom.setText("100%")
        self.zoom.setToolTip("Zoom: Ctrl+wheel, + and − on the board, Ctrl+0 fits the board. Click for 100%.")
        self.zoom.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.set_participants([])

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.words, 3)
        layout.addWidget(self.author, 1)
        layout.addWidget(self.kind)
        layout.addWidget(self.hide_others)
        layout.addWidget(self.count)
        layout.addStretch(0)
        layout.addWidget(self.zoom)

        self.words.textChanged.connect(self._on_changed)
        self.author.currentIndexChanged.connect(self._on_changed)
        self.kind.currentIndexChanged.connect(self._on_changed)
        self.hide_others.toggled.connect(self._on_changed)
        self.zoom.clicked.connect(self.zoom_reset_requested)

    def set_participants(self, participants: list[Participant]) -> None:
        chosen = self.author.currentData() if self.author.count() else ANYONE
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem("Anyone", ANYONE)
        self.author.addItem("No one in particular", _NOBODY)
        for person in participants:
            self.author.addItem(person.name, person.id)
        self.author.setCurrentIndex(max(0, self.author.findData(chosen)))
        self.author.blockSignals(False)

    def current(self) -> BoardFilter:
        author = self.author.currentData() if self.author.currentIndex() >= 0 else ANYONE
        author = None if author == _NOBODY else author
        return BoardFilter(self.words.text(), author, self.kind.currentData() or "", self.hide_others.isChecked())

    def clear(self) -> None:
        for box in (self.words, self.author, self.kind, self.hide_others):
            box.blockSignals(True)
        self.words.clear()
        self.author.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.hide_others.setChecked(False)
        for box in (self.words, self.author, self.kind, self.hide_others):
            box.blockSignals(False)
        self._on_changed()

    def show_count(self, shown: int, total: int) -> None:
        self.count.setText(f"{shown} of {total}" if self.current().active else "")

    def show_zoom(self, scale: float) -> None:
        self.zoom.setText(f"{round(scale * 100)}%")

    def eventFilter(self, watched, event) -> bool:
        """Esc in the words box clears the filter, or when there is none goes back to the board."""
        if watched is self.words and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            if self.current().active:
                self.clear()
            else:
                self.done.emit()
            return True
        return super().eventFilter(watched, event)

    def _on_changed(self, *_args) -> None:
        self.changed.emit(self.current())
