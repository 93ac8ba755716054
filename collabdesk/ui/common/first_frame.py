"""Work that need not hold up the first screen: run once the window has shown its first frame.

Start-up does what the first screen needs, shows the window, and leaves the rest (listening
for later launches, the daily backup) to ``after_first_frame``: the callback runs once the
window's first paint is done and the event loop has turned, so it never delays the frame.
A window that is never painted (minimised, on a locked screen) runs it after
``FALLBACK_MS`` all the same.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class _FirstFrame(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]):
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._run)
        self._fallback.start(FALLBACK_MS)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            self._fallback.stop()
            QTimer.singleShot(0, self, self._run)  # after the children's paint, in the same frame
        return False

    def _run(self) -> None:
        if self._callback is None:
            return
        callback, self._callback = self._callback, None
        self._window.removeEventFilter(self)
        self._fallback.stop()
        callback()


def after_first_frame(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, as soon as ``window`` has painted its first frame (or after ``FALLBACK_MS``)."""
    _FirstFrame(window, callback)
