"""The one rule for user text: stored exactly as typed, minus what no writer can carry.

Kept: every printable character of any script, emoji and their joiners, bidi marks,
tabs and newlines. Removed: NUL and the other C0/C1 control characters (they break
PDF, CSV and terminals and are never typed on purpose), and lone UTF-16 surrogates
(not encodable as UTF-8). Windows and old-Mac line ends become ``\\n``.
"""

import re

from .errors import ValidationError

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

LIMITS = {
    "note": 20_000,
    "title": 300,
    "name": 200,
    "purpose": 5_000,
    "prompt": 5_000,
    "action": 5_000,
    "short": 200,
}


def clean(text: str | None) -> str:
    """Return ``text`` with control characters removed and line ends made ``\\n``."""
    if text is None:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def required(text: str | None, what: str, limit: str = "title") -> str:
    """Clean ``text``; refuse it if blank or longer than the limit for its kind."""
    value = clean(text)
    if not value.strip():
        raise ValidationError(f"{what} cannot be empty.")
    return bounded(value, what, limit)


def optional(text: str | None, what: str, limit: str = "short") -> str:
    """Clean ``text`` (may be empty); refuse it only if it is too long."""
    return bounded(clean(text), what, limit)


def bounded(value: str, what: str, limit: str) -> str:
    maximum = LIMITS[limit]
    if len(value) > maximum:
        raise ValidationError(
            f"{what} is {len(value):,} characters long; the most allowed is {maximum:,}."
        )
    return value
