"""How the workshop runs against its plan (pure: no Qt, given exercises and a time)."""

import time
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Exercise


@dataclass(frozen=True)
class Schedule:
    planned_total: float  # seconds, the whole agenda as planned (minutes added included)
    drift: float  # seconds behind plan (positive) or ahead of it (negative)
    projected_finish: float | None  # wall-clock seconds when the agenda will end at this pace

    @property
    def behind(self) -> bool:
        """Whether the summary says "behind plan" (a whole minute or more, rounded)."""
        return round(self.drift / 60) > 0

    def summary(self, clock_text) -> str:
        """E.g. "4 min behind plan · ends about 16:42"; ``clock_text`` formats a wall time."""
        minutes = round(self.drift / 60)
        if minutes == 0:
            pace = "On plan"
        elif minutes > 0:
            pace = f"{minutes} min behind plan"
        else:
            pace = f"{-minutes} min ahead of plan"
        if self.projected_finish is None:
            return pace
        return f"{pace} · ends about {clock_text(self.projected_finish)}"


def schedule(exercises: Sequence[Exercise], now: float) -> Schedule:
    """Done exercises count their real length against the plan; the current one counts
    only once it runs over; pending ones are assumed to take what is planned."""
    planned_total = sum(e.timer.planned for e in exercises)
    drift = 0.0
    remaining = 0.0
    has_current = False
    for exercise in exercises:
        timer = exercise.timer
        if exercise.state == "done":
            drift += timer.elapsed(now) - timer.planned
        elif exercise.state == "current":
            has_current = True
            drift += max(0.0, -timer.remaining(now))
            remaining += max(0.0, timer.remaining(now))
        else:
            remaining += timer.planned
    return Schedule(planned_total, drift, now + remaining if has_current else None)


def clock_time(seconds: float) -> str:
    """A wall-clock time as the facilitator reads it: "16:42"."""
    return time.strftime("%H:%M", time.localtime(seconds))
