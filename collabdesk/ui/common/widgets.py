"""Small widgets shared by the facilitator's and the room's screens."""

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from .inks import ink
from .plain import plain_tooltip
from .text_fit import FittedText, fit_text


class FittedLabel(QWidget):
    """Plain user text wrapped into the widget's box and elided when it does not fit.

    Unlike QLabel it never grows with its text (a 5,000-character prompt keeps the
    layout intact) and never reads markup.
    """

    def __init__(self, font: QFont, ink: str | None = None, *, ink_role: str | None = None,
                 max_lines: int | None = None, centred: bool = False, wraps: bool = False, parent=None):
        """``ink`` is a fixed colour (the room's dark screen); without one the text takes the
        ``ink_role`` from ``inks`` (or the palette's text colour), so it reads in dark mode too."""
        super().__init__(parent)
        self.text = ""
        self.text_font = font
        self.ink = QColor(ink) if ink else None
        self.ink_role = ink_role
        self.max_lines = max_lines
        self.centred = centred
        self._fitted: FittedText | None = None
        self.wraps = wraps  # takes the lines its text needs at its width, up to max_lines (a heading)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(wraps)
        self.setSizePolicy(policy)

    def set_text(self, text: str) -> None:
        """Show ``text``; a screen reader hears it whole, and a sighted reader sees it whole on
        hover whenever it had to be cut."""
        if text != self.text:
            self.text = text
            self._fitted = None
            self.setAccessibleName(" ".join(text.split())[:120])
            self.setAccessibleDescription(text)
            self.setToolTip("")
            if self.wraps:
                self.updateGeometry()
            self.update()

    def set_ink(self, ink: str) -> None:
        self.ink = QColor(ink)
        self.update()

    def set_text_font(self, font: QFont) -> None:
        self.text_font = font
        self._fitted = None
        self.updateGeometry()
        self.update()

    def fitted(self) -> FittedText:
        if self._fitted is None:
            self._fitted = fit_text(self.text, self.text_font, self.width(), self.height(),
                                    max_lines=self.max_lines, centred=self.centred)
            self.setToolTip(plain_tooltip(self.text) if self._fitted.elided else "")
        return self._fitted

    def sizeHint(self) -> QSize:
        return QSize(200, int(self._line_height() * (self.max_lines or 2)) + 2)

    def hasHeightForWidth(self) -> bool:
        return self.wraps

    def heightForWidth(self, width: int) -> int:
        lines = fit_text(self.text, self.text_font, width, 10_000, max_lines=self.max_lines).height
        return int(max(lines, self._line_height())) + 2

    def minimumSizeHint(self) -> QSize:
        return QSize(40, int(self._line_height()) + 2)

    def _line_height(self) -> float:
        return QFontMetricsF(self.text_font).lineSpacing()

    def resizeEvent(self, event) -> None:
        self._fitted = None
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self.ink is not None:
            painter.setPen(self.ink)
        else:
            painter.setPen(ink(self.ink_role, self.palette()) if self.ink_role
                           else self.palette().color(QPalette.ColorRole.WindowText))
        painter.setFont(self.text_font)
        self.fitted().draw(painter, QPointF(0, 0))
        painter.end()
