"""The pieces voting screens are made of: painted dots, and a card a voter can put dots on."""

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ...domain.voting import VoteItem
from ..common.plain import plain_label, plain_tooltip
from ..common.style import NOTE_INK, paper

DOT_INK = "#C2185B"  # a sticker-dot magenta that reads on every note colour
THEME_PAPER = "#E8EAF0"
CARD_TEXT_LIMIT = 280  # a card shows the start of a long note; the rest stays on the board


def card_text(value: str, limit: int = CARD_TEXT_LIMIT) -> str:
    """The start of a note as a card shows it: plain text, cut with an ellipsis."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


class DotMeter(QWidget):
    """A row of sticker dots: ``filled`` solid ones, then ``empty`` outlined ones."""

    def __init__(self, diameter: int = 18, parent: QWidget | None = None):
        super().__init__(parent)
        self.diameter = diameter
        self.filled = 0
        self.empty = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_dots(self, filled: int, empty: int = 0) -> None:
        self.filled, self.empty = max(0, filled), max(0, empty)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        count = self.filled + self.empty
        return QSize(max(1, count) * (self.diameter + 6), self.diameter + 4)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        step = self.diameter + 6
        per_row = max(1, self.width() // step)
        for index in range(self.filled + self.empty):
            x = (index % per_row) * step + 2
            rect = QRectF(x, 2, self.diameter, self.diameter)
            if index < self.filled:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(DOT_INK))
            else:
                painter.setPen(QPen(QColor(DOT_INK), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)


class ItemCard(QFrame):
    """One note or theme on a ballot: its text, the voter's own dots on it, and − / +."""

    add_requested = Signal(object)  # the card's item
    remove_requested = Signal(object)

    def __init__(self, item: VoteItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.dots = 0
        self.current = False
        self.setObjectName("itemCard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the screen handles the keyboard
        self.setMinimumSize(230, 170)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.text_label = plain_label(card_text(item.text), point_size=13)
        self.text_label.setWordWrap(True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.text_label.setMaximumHeight(110)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.meter = DotMeter(20)
        self.remove_button = self._button("−", "Take a dot off this card (Backspace)")
        self.add_button = self._button("+", "Put a dot on this card (+ or Space)")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.item.key))
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.item.key))

        controls = QHBoxLayout()
        controls.addWidget(self.meter, 1)
        controls.addWidget(self.remove_button)
        controls.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 10, 8)
        if item.key[0] == "theme":
            heading = plain_label(f"Theme · {item.notes} notes", point_size=9, bold=True)
            layout.addWidget(heading)
        layout.addWidget(self.text_label, 1)
        layout.addLayout(controls)
        self._restyle()

    def _button(self, symbol: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(symbol)
        button.setToolTip(plain_tooltip(tip))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setFixedSize(44, 40)
        font = button.font()
        font.setPointSize(18)
        font.setBold(True)
        button.setFont(font)
        return button

    def set_dots(self, dots: int) -> None:
        self.dots = dots
        self.meter.set_dots(dots)
        self.remove_button.setEnabled(dots > 0)

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            self._restyle()

    def _restyle(self) -> None:
        background = THEME_PAPER if self.item.key[0] == "theme" else paper(self.item.colour).name()
        border = "3px solid #1A5FB4" if self.current else "1px solid rgba(0,0,0,0.18)"
        self.setStyleSheet(
            f"QFrame#itemCard {{ background: {background}; border: {border}; border-radius: 6px; }}"
            f"QFrame#itemCard QLabel {{ color: {NOTE_INK}; background: transparent; }}")
