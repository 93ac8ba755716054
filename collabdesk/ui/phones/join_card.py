"""How to join, as the room sees it: the QR code, the address and the room's code, large.

Shown beside the notes in the room view while phones are on (and the facilitator has not
taken it down). Sized for the back of a room: the QR code takes most of the column's
width, with whole device pixels per module so a projector's scaling keeps its edges
sharp; the code is in the largest type on the screen, in letters that cannot be confused
(no 0/O or 1/I/L). The QR code is painted from segno's module matrix, black on white with
its quiet zone, whatever the room view's dark palette.
"""

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ..common import style
from ..common.plain import plain_label


class QrCode(QWidget):
    """A QR code of ``text``, black on white with its quiet zone, as large as the widget allows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.matrix: tuple = ()
        self.setMinimumSize(QSize(160, 160))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("QR code of the join address")

    def set_text(self, text: str) -> None:
        import segno  # loaded with the room network, never while phones are off

        self.matrix = tuple(tuple(row) for row in segno.make(text, error="m", boost_error=False)
                            .matrix_iter(scale=1, border=4))
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def module_pixels(self) -> float:
        """One module's side in device pixels (whole, so every module is the same size)."""
        ratio = self.devicePixelRatioF()
        side = min(self.width(), self.height()) * ratio
        return max(1, math.floor(side / len(self.matrix))) if self.matrix else 0

    def paintEvent(self, event) -> None:
        if not self.matrix:
            return
        ratio = self.devicePixelRatioF()
        cell = self.module_pixels() / ratio
        side = cell * len(self.matrix)
        left = round((self.width() - side) / 2 * ratio) / ratio
        top = round((self.height() - side) / 2 * ratio) / ratio
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        for r, row in enumerate(self.matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.fillRect(QRectF(left + c * cell, top + r * cell, cell, cell), QColor("black"))


class JoinCard(QWidget):
    """The room view's column while phones are on: scan, or type the address and the code."""

    def __init__(self, url: str, code: str, join_url: str, *, locked: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("room-join")
        self.qr = QrCode(self)
        self.qr.set_text(join_url)
        self.qr.setVisible(not locked)
        self.heading = plain_label("Join from your phone" if not locked else "The room is locked")
        self.address = plain_label(url)
        self.address.setObjectName("room-join-address")
        self.code = plain_label(code)
        self.code.setObjectName("room-join-code")
        self.hint = plain_label("Scan the code, or open the address and type the code" if not locked
                                else "Phones already in carry on; no new phones can join")
        for label in (self.heading, self.address, self.code, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {style.ROOM_INK};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.address)
        layout.addWidget(self.code)
        layout.addWidget(self.hint)
        layout.addStretch(0 if not locked else 1)
        for widget in (self.address, self.code):  # in the layout first: a widget without a parent shows as a window
            widget.setVisible(not locked)

    def resizeEvent(self, event) -> None:
        """Type scales with the room view's height, as the rest of the room view's does."""
        super().resizeEvent(event)
        height = max(300, self.window().height())
        for label, share, bold in ((self.heading, 0.034, True), (self.address, 0.034, False),
                                   (self.code, 0.085, True), (self.hint, 0.026, False)):
            font = style.font(10, bold=bold)
            font.setPixelSize(max(12, int(height * share)))
            if label is self.code:
                font.setLetterSpacing(font.SpacingType.PercentageSpacing, 115)
            label.setFont(font)
