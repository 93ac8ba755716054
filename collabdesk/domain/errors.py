"""Errors the domain and the layers above raise for the user to read."""


class CollabDeskError(Exception):
    """Base for errors whose message is written for the facilitator to read."""


class ValidationError(CollabDeskError):
    """Input that cannot be accepted as given (empty, too long, out of range)."""


class NotFoundError(CollabDeskError):
    """A workshop, note or other record that does not exist (or was deleted for good)."""


class ChangeClosedError(CollabDeskError):
    """A change that was allowed once and is no longer: a phone's own note after the facilitator
    hid it, closed changes, or the exercise moved on. ``reason`` is a stable word for the phone."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
