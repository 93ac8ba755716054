"""One heartbeat for every clock-driven view: timer faces, the agenda's pace."""

from PySide6.QtCore import QObject, QTimer, Signal

TICK_MS = 200


class Ticker(QObject):
    """Wakes the views a few times a second; what they show is read from the clock, not counted."""

    tick = Signal()

    def __init__(self, parent=None, interval_ms: int = TICK_MS):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
