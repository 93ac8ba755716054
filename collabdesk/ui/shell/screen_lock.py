"""Locked screens: while a private ballot, its hand-over or the dot count fills the window,
only that screen's own keys work.

A voter holding the laptop must not reach the workshop: no facilitator shortcut (Ctrl+Z,
Ctrl+PgDown, Ctrl+W, F5...), no menu, in this window or in the room's. The lock swallows
every shortcut event whose action or shortcut does not belong to the screen (an application
event filter, so actions added later, or shared with the room's window, are covered too) and
turns the menu bar off. The facilitator leaves through the screen's own deliberate step
("Stop: back to the facilitator", "Back to the board").
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class ScreenLock(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.screen: QWidget | None = None

    @property
    def engaged(self) -> bool:
        return self.screen is not None

    def engage(self, screen: QWidget) -> None:
        if self.screen is None:
            QApplication.instance().installEventFilter(self)
        self.screen = screen
        self.window.menuBar().setEnabled(False)

    def release(self) -> None:
        if self.screen is not None:
            QApplication.instance().removeEventFilter(self)
            self.screen = None
            self.window.menuBar().setEnabled(True)

    def _belongs_to_screen(self, receiver: QObject) -> bool:
        if isinstance(receiver, QAction):
            return any(isinstance(w, QWidget) and self._inside(w) for w in receiver.associatedObjects())
        if isinstance(receiver, QShortcut):
            parent = receiver.parent()
            return isinstance(parent, QWidget) and self._inside(parent)
        return isinstance(receiver, QWidget) and self._inside(receiver)

    def _inside(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self.screen or self.screen.isAncestorOf(widget))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.screen is not None and event.type() == QEvent.Type.Shortcut:
            return not self._belongs_to_screen(watched)
        return False
