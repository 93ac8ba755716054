"""What every operation shares: the read-only guard, one transaction, and the status bar's news.

A write is a single service call (one committed transaction) made through ``_write``:
refused with ``ReadOnlyError`` while a closed workshop is reviewed, reported on
``save_failed`` when the store cannot save it, announced on ``saved`` when it can. The
feature's own signal (``notes_added``, ``votes_changed``, ...) follows, emitted by the
operation that knows what changed. Rule errors (``ValidationError``) are raised untouched
for the widget to show beside what the facilitator typed.
"""

from collections.abc import Callable
from typing import TypeVar

from ...domain.errors import CollabDeskError
from ...store import HoldLostError, Store, StoreError
from ..common.events import EventHub

T = TypeVar("T")

READ_ONLY = "This workshop is closed and shown read only, so nothing was changed. Reopen it to carry on."


class ReadOnlyError(StoreError):
    """A write refused because the workshop on screen is read only (review mode).

    A StoreError because, like one, it is reported on ``save_failed`` where it happens.
    """


class Gateway:
    """The store, the event hub and the guard every feature's operations write through."""

    def __init__(self, store: Store, hub: EventHub):
        self.store = store
        self.hub = hub
        self.read_only = False  # set while a closed workshop is reviewed: every write is refused
        self.outside_changes = 0  # counts changes made by others (participants on their phones)
        self.changed_outside: dict[int, int] = {}  # note id -> the count when someone else last changed it
        self._before_writes: list[Callable[[], None]] = []  # start-up work no change may come before

    def before_any_write(self, work: Callable[[], None]) -> None:
        """Have ``work`` done before the next write, unless ``run_start_up_work`` did it first.

        Start-up leaves the daily backup until the first frame is shown (``shell.app``); this
        makes sure the day's backup still comes before the day's first change.
        """
        self._before_writes.append(work)

    def run_start_up_work(self) -> None:
        while self._before_writes:
            self._before_writes.pop(0)()

    def attempt(self, action: Callable[..., T], *args, **kwargs) -> T | None:
        """Run ``action``; on a CollabDeskError report it on the hub and return None."""
        try:
            return action(*args, **kwargs)
        except CollabDeskError as error:
            self.report(error)
            return None

    def report(self, error: CollabDeskError) -> None:
        """Put ``error`` on the status bar, unless ``_write`` already did (store errors)."""
        if not isinstance(error, StoreError):
            self.hub.save_failed.emit(str(error))

    def _write(self, what: str, action: Callable[[], T]) -> T:
        if self.read_only:  # the last guard: a control or shortcut that slipped through changes nothing
            self.hub.save_failed.emit(READ_ONLY)
            raise ReadOnlyError(READ_ONLY)
        self.run_start_up_work()
        try:
            result = action()
        except StoreError as error:
            self._report_store_error(error)
            raise
        self.hub.saved.emit(what)
        return result

    def note_changed_outside(self, note_ids, since: int) -> bool:
        """Whether someone other than the facilitator changed any of these notes after ``since``
        (a value of ``outside_changes``): the undo stack then leaves their change alone."""
        return any(self.changed_outside.get(i, -1) >= since for i in note_ids)

    def check_hold(self) -> None:
        """Confirm the app still holds the database (a timer calls this); report it if it had to reopen."""
        try:
            self.store.check_hold()
        except StoreError as error:
            self._report_store_error(error)

    def _report_store_error(self, error: StoreError) -> None:
        self.hub.save_failed.emit(str(error))
        if isinstance(error, HoldLostError):  # the window shows what is on disk now, and says why
            self.hub.database_reopened.emit(str(error))
