"""The Phones window: how to join (QR code, address, short code) and who has joined.

Non-modal, so the facilitator can leave it on the projector while the room scans. The QR
code is painted from segno's module matrix (no image file, no HTML); every name a phone
claimed is shown as plain text.
"""

import time

import segno
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QCheckBox, QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QSizePolicy, QVBoxLayout, QWidget)

from .link import PhoneLink

REFRESH_MS = 2000


class QrCode(QWidget):
    """A QR code of ``text``, black on white with its quiet zone, as large as the widget allows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.matrix: tuple = ()
        self.setMinimumSize(QSize(220, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("QR code of the join address")

    def set_text(self, text: str) -> None:
        self.matrix = tuple(segno.make(text, error="m", boost_error=False).matrix_iter(scale=1, border=4))
        self.update()

    def paintEvent(self, event) -> None:
        if not self.matrix:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        cell = side / len(self.matrix)
        left, top = (self.width() - side) / 2, (self.height() - side) / 2
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for r, row in enumerate(self.matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(left + c * cell, top + r * cell, cell + 0.5, cell + 0.5))


def _plain(text: str = "", *, big: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    if big:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        label.setFont(font)
    return label


class PhonesDialog(QDialog):
    """Join details and the device list of one running ``PhoneLink``."""

    def __init__(self, link: PhoneLink, parent: QWidget | None = None):
        super().__init__(parent)
        self.link = link
        self.setWindowTitle("Phones in the room")
        self.qr = QrCode(self)
        self.address = _plain(big=True)
        self.address.setObjectName("join-address")
        self.code = _plain(big=True)
        self.code.setObjectName("join-code")
        self.devices = QListWidget(self)
        self.devices.setAccessibleName("Phones in the room")
        self.remove = QPushButton("&Remove phone", self)
        self.lock = QPushButton("&Lock the room", self)
        self.lock.setToolTip("No new phones; a new code. Phones already in keep working.")
        self.pause = QCheckBox("&Pause new notes", self)
        self.anonymous = QCheckBox("Let people join &without a name", self)
        self.anonymous.setChecked(link.allow_anonymous)

        join = QVBoxLayout()
        join.addWidget(_plain("Open the camera, scan the code, or type this address on the room's Wi-Fi:"))
        join.addWidget(self.address)
        join.addWidget(_plain("Room code:"))
        join.addWidget(self.code)
        join.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.qr, 3)
        top.addLayout(join, 2)
        buttons = QHBoxLayout()
        for widget in (self.remove, self.lock, self.pause, self.anonymous):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(_plain("Phones that joined:"))
        layout.addWidget(self.devices, 1)
        layout.addLayout(buttons)

        self.remove.clicked.connect(self._on_remove)
        self.lock.clicked.connect(self._on_lock)
        self.pause.toggled.connect(link.room.set_paused)
        self.anonymous.toggled.connect(link.set_allow_anonymous)
        self.refresh = QTimer(self, interval=REFRESH_MS)
        self.refresh.timeout.connect(self.show_devices)
        self.refresh.start()
        self.show_join()
        self.show_devices()
        self.resize(820, 620)

    def show_join(self) -> None:
        self.qr.set_text(self.link.join_url())
        self.address.setText(self.link.url)
        self.code.setText(self.link.room.code + ("  (locked: no new phones)" if self.link.room.locked else ""))

    def show_devices(self) -> None:
        chosen = self._chosen()
        self.devices.clear()
        now = time.monotonic()
        for device in sorted(self.link.room.devices(), key=lambda d: d.id):
            seen = int(now - device.last_seen)
            when = "just now" if seen < 10 else f"{seen // 60} min ago" if seen >= 60 else f"{seen} s ago"
            item = QListWidgetItem(f"{device.name or f'Phone {device.id} (no name yet)'} · last seen {when}")
            item.setData(Qt.ItemDataRole.UserRole, device.id)
            self.devices.addItem(item)
            item.setSelected(device.id == chosen)
        self.remove.setEnabled(self.devices.count() > 0)

    def _chosen(self) -> int | None:
        items = self.devices.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _on_remove(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.link.room.remove(chosen)
            self.link.publish()  # its live connection is closed with the next push
            self.show_devices()

    def _on_lock(self) -> None:
        self.link.room.lock()
        self.show_join()
