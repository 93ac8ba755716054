"""The exercise timer as pure state: the time shown is always computed from a clock.

Nothing counts ticks. A running timer stores the wall-clock instant it started
(``running_since``) plus what it had accumulated before; elapsed time is derived from
the clock on every read, so the display never drifts, and a timer saved while running
and read after a restart has kept running in wall time.
"""

from dataclasses import dataclass, replace

WARNING_SECONDS = 60.0


@dataclass(frozen=True)
class TimerState:
    planned: float  # seconds the exercise is planned to take, including minutes added
    accumulated: float = 0.0  # seconds run before the current run began
    running_since: float | None = None  # wall-clock seconds when the current run began

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.accumulated
        return self.accumulated + max(0.0, now - self.running_since)

    def remaining(self, now: float) -> float:
        """Seconds left; negative once the exercise runs over."""
        return self.planned - self.elapsed(now)

    def phase(self, now: float) -> str:
        """"idle", "running", "warning" (last minute), "overtime" or "paused"."""
        remaining = self.remaining(now)
        if remaining < 0:
            return "overtime"
        if not self.running:
            return "idle" if self.accumulated == 0 else "paused"
        return "warning" if remaining <= WARNING_SECONDS else "running"

    def start(self, now: float) -> "TimerState":
        if self.running:
            return self
        return replace(self, running_since=now)

    def pause(self, now: float) -> "TimerState":
        if not self.running:
            return self
        return replace(self, accumulated=self.elapsed(now), running_since=None)

    def add(self, seconds: float) -> "TimerState":
        """Give the exercise more (or, with a negative value, less) time; never below zero."""
        return replace(self, planned=max(0.0, self.planned + seconds))

    def reset(self) -> "TimerState":
        return replace(self, accumulated=0.0, running_since=None)
