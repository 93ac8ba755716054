"""The workshop store: the only code in CollabDesk that speaks SQL."""

from .errors import CorruptDatabaseError, NewerDatabaseError, StoreError
from .store import Store

__all__ = ["Store", "StoreError", "NewerDatabaseError", "CorruptDatabaseError"]
