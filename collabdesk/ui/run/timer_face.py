"""The exercise timer as shown: computed from the clock at every tick, never counted.

``ticker.Ticker`` wakes the views a few times a second; each ``TimerFace`` then reads the
injected clock and the exercise's ``TimerState`` and draws what they say. Missing or
late ticks cannot make it drift. Crossing zero while running emits ``time_up`` once
and flashes the face for a few seconds (timed by the same clock).
"""

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.durations import format_clock
from ...domain.timer import TimerState
from ..common import style
from ..common.inks import timer_ink

FLASH_SECONDS = 4.0


class TimerFace(QWidget):
    """The big remaining time (``+m:ss`` once over), sized to fill the widget."""

    time_up = Signal()

    def __init__(self, clock: Callable[[], float], *, inks: dict[str, str] | None = None,
                 flash_background: str = style.FLASH_BACKGROUND, caption: bool = True, parent=None):
        super().__init__(parent)
        self.clock = clock
        self.inks = inks
        self.flash_background = QColor(flash_background)
        self.show_caption = caption
        self.state: TimerState | None = None
        self.text = ""
        self.phase = "idle"
        self.remaining = 0.0
        self.flash_until = 0.0
        self.flashing = False
        self._last_phase_running = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 70)

    def _ink(self, phase: str) -> QColor:
        """The phase's fixed ink (the room's), or the one for the palette this face is on."""
        return QColor(self.inks[phase]) if self.inks else timer_ink(phase, self.palette())

    def set_state(self, state: TimerState | None) -> None:
        """Show another exercise's timer (or none); a timer already over time does not chime."""
        self.state = state
        now = self.clock()
        self._last_phase_running = state is not None and state.running and state.remaining(now) >= 0
        if state is None or not state.running:
            self.flash_until = 0.0
        self.refresh()

    def refresh(self) -> None:
        """Read the clock and redraw if anything visible changed."""
        now = self.clock()
        state = self.state
        if state is None:
            text, phase, remaining = "–:––", "idle", 0.0
        else:
            remaining = state.remaining(now)
            phase = state.phase(now)
            text = format_clock(remaining)
            running_before_zero = state.running and remaining >= 0
            if self._last_phase_running and state.running and remaining < 0:
                self.flash_until = now + FLASH_SECONDS
                self.time_up.emit()
            self._last_phase_running = running_before_zero
        flashing = now < self.flash_until and int((self.flash_until - now) * 2) % 2 == 0
        self.remaining = remaining
        if (text, phase, flashing) != (self.text, self.phase, self.flashing):
            self.text, self.phase, self.flashing = text, phase, flashing
            self.update()

    def caption_text(self) -> str:
        if self.state is None:
            return ""
        planned = format_clock(self.state.planned)
        return {
            "idle": f"of {planned} · not started",
            "paused": f"of {planned} · paused",
            "running": f"of {planned}",
            "warning": f"of {planned} · last minute",
            "overtime": f"over the {planned} planned",
        }[self.phase]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        if self.flashing:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.flash_background)
            painter.drawRoundedRect(rect, 10, 10)
        caption_height = rect.height() * 0.2 if self.show_caption else 0.0
        digits = rect.adjusted(8, 4, -8, -caption_height - 4)
        painter.setFont(_fitted_font(self.text, digits))
        ink = self._ink(self.phase)
        if self.flashing:
            ink = style.readable_ink(self.flash_background)
        painter.setPen(ink)
        painter.drawText(digits, int(Qt.AlignmentFlag.AlignCenter), self.text)
        if caption_height:
            caption = self.caption_text()
            font = style.font(1)
            font.setPixelSize(max(9, int(caption_height * 0.62)))
            painter.setFont(font)
            painter.setPen(self._ink("paused") if not self.flashing else ink)
            painter.drawText(QRectF(rect.left(), rect.bottom() - caption_height - 2, rect.width(), caption_height),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), caption)
        painter.end()


_FIT_CACHE: dict[tuple, QFont] = {}


def _fitted_font(text: str, rect: QRectF) -> QFont:
    """The largest bold font whose ``text`` (at least as wide as "+88:88") fits ``rect``."""
    sample = "+" + "8" * max(4, sum(c.isdigit() for c in text)) + ":"
    key = (len(sample), int(rect.width()), int(rect.height()))
    if key not in _FIT_CACHE:
        font = style.font(10, bold=True, mono_digits=True)
        font.setPixelSize(100)
        width = QFontMetricsF(font).horizontalAdvance(sample)
        height = QFontMetricsF(font).height()
        scale = min(rect.width() / max(1.0, width), rect.height() / max(1.0, height))
        font.setPixelSize(max(8, int(100 * scale)))
        _FIT_CACHE[key] = font
    return _FIT_CACHE[key]
