"""Dates as facilitators type them (ISO, ``YYYY-MM-DD``) and as reports and lists show them.

Month names are written out here rather than through ``strftime``, so a summary reads the
same whatever the machine's locale.
"""

from datetime import date as Date

from . import text
from .errors import ValidationError

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def optional_date(value: str | None) -> str:
    """A typed date checked and written as ``YYYY-MM-DD``; blank stays blank."""
    value = text.clean(value).strip()
    if not value:
        return ""
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValidationError(f"{value!r} is not a date; write it as YYYY-MM-DD.") from None


def long_date(iso: str) -> str:
    """``2025-03-14`` (or a timestamp on that day) as ``14 March 2025``; anything else as it is."""
    day = _day(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else iso


def short_date(iso: str) -> str:
    """``2025-03-14`` as ``14 Mar 2025``; anything else as it is."""
    day = _day(iso)
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}" if day else iso


def _day(iso: str) -> Date | None:
    try:
        return Date.fromisoformat(iso[:10])
    except ValueError:
        return None
