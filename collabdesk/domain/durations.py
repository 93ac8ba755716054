"""One way to write a length of time, for the screens, the reports and the timer.

Three readings of a length, each with one function: a countdown (``format_clock``:
"4:59", rounded up so it reads 0:01 until truly zero, "+1:05" in overtime), time spent
(``elapsed_text``: "12:04", counted up and never rounded up) and a planned length as
people say it (``duration_text``: "45 min", "1 h", "1 h 05 min").
"""

import math


def _clock(sign: str, total: int) -> str:
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


def format_clock(seconds: float) -> str:
    """A countdown: ``m:ss`` (or ``h:mm:ss``); overtime is shown with a leading ``+``."""
    if seconds > 0:
        return _clock("", math.ceil(seconds))
    return _clock("+" if seconds < 0 else "", math.floor(-seconds))


def elapsed_text(seconds: float) -> str:
    """Time spent, counted up in whole seconds: "12:04" (never rounded up, unlike a countdown)."""
    return _clock("", int(max(0.0, seconds)))


def duration_text(seconds: float) -> str:
    """A planned or used length as people say it, to the minute: "45 min", "1 h", "1 h 05 min"."""
    hours, minutes = divmod(round(seconds / 60), 60)
    if hours and minutes:
        return f"{hours} h {minutes:02d} min"
    return f"{hours} h" if hours else f"{minutes} min"
