"""Time as the rest of the code sees it, so tests can stand it still."""

import time
from collections.abc import Callable
from datetime import datetime, UTC

Clock = Callable[[], float]  # wall-clock seconds since the epoch

system_clock: Clock = time.time


def iso(seconds: float | None = None) -> str:
    """An ISO 8601 UTC timestamp, to the second."""
    moment = datetime.fromtimestamp(time.time() if seconds is None else seconds, UTC)
    return moment.isoformat(timespec="seconds")
