"""Errors the domain and the layers above raise for the user to read."""


class CollabDeskError(Exception):
    """Base for errors whose message is written for the facilitator to read."""


class ValidationError(CollabDeskError):
    """Input that cannot be accepted as given (empty, too long, out of range)."""


class NotFoundError(CollabDeskError):
    """A workshop, note or other record that does not exist (or was deleted for good)."""
