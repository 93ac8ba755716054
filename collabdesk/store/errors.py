"""Store errors, each with a message a facilitator can act on."""

from ..domain.errors import CollabDeskError


class StoreError(CollabDeskError):
    """The database could not do what was asked; nothing acknowledged before was lost."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer CollabDesk; it is left untouched."""


class CorruptDatabaseError(StoreError):
    """The database file is damaged."""


class ForeignDatabaseError(StoreError):
    """The file is another program's SQLite database; it is left untouched."""


class HoldLostError(StoreError):
    """The database's log was deleted or replaced under the app (see ``store.hold``); the store reopened it."""
