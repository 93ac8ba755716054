"""User text is shown as the characters typed, never as markup: the one way to show it.

``QLabel``, ``QMessageBox`` and tooltips guess (``Qt.TextFormat.AutoText``): text that
looks like HTML (``<b>``, an ``<img>``, a link) is rendered as rich text. A note, a
participant's name, a series title, a workshop file or an error message quoting one
must never be. Every label, message box and tooltip that can carry such text is made
here; ``tests/ui/test_plain_text.py`` fails when a message box or a tooltip is made
anywhere else, and shows ``<b>x</b>`` literally on each surface.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # made when a box is first shown: PySide builds its type and enums (~1.5 ms) on first use
    from PySide6.QtWidgets import QMessageBox

TOOLTIP_LIMIT = 600


def plain_label(value: str = "", parent: QWidget | None = None, *, point_size: float | None = None,
                bold: bool = False) -> QLabel:
    """A label that shows ``value`` (and whatever it is later set to) as plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(value)
    if point_size is not None or bold:
        font = label.font()
        if point_size is not None:
            font.setPointSizeF(point_size)
        font.setBold(bold)
        label.setFont(font)
    return label


def plain_tooltip(text: str, limit: int = TOOLTIP_LIMIT) -> str:
    """A tooltip showing ``text`` literally; Qt reads a tooltip as rich text when it looks like it.

    Escaped inside a paragraph that keeps line breaks, and cut at ``limit`` characters.
    An empty text gives an empty tooltip (none shown).
    """
    if not text:
        return ""
    shown = text if len(text) <= limit else text[:limit] + "…"
    return f"<p style='white-space:pre-wrap'>{html.escape(shown)}</p>"


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton | None = None) -> QMessageBox:
    """A message box whose text is plain; add buttons (none by default), then ``exec()``."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton if buttons is None else buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """Tell the facilitator something (plain text) and wait for OK."""
    from PySide6.QtWidgets import QMessageBox

    message_box(parent, icon, title, text, QMessageBox.StandardButton.Ok).exec()
