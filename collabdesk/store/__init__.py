"""The workshop store: the only code in CollabDesk that speaks SQL."""

from .errors import CorruptDatabaseError, HoldLostError, NewerDatabaseError, StoreError

__all__ = ["Store", "StoreError", "HoldLostError", "NewerDatabaseError", "CorruptDatabaseError"]


def __getattr__(name: str):
    """Load ``Store`` (and with it sqlite-utils) on first use: `collabdesk list` reads without it."""
    if name == "Store":
        from .store import Store

        globals()["Store"] = Store
        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
