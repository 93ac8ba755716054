"""Walking the keyboard's focus chain the way a facilitator does, with Tab."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = widget.accessibleName() or (text() if callable(text) else "") or widget.objectName()
    return f"{type(widget).__name__}:{label}"


def tab_walk(qtbot, start: QWidget, limit: int = 120) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back round (or ``limit`` presses)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    visited = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start or widget is None:
            break
        visited.append(widget)
    return visited
