"""An undoable step made through the services, for the actions table and for voting.

``run`` makes the change once (``first``, which is ``apply`` unless a command says otherwise)
to find out whether the rules allow it, raising the service's error for the widget to show,
and only then puts the command on the stack, whose first ``redo`` is skipped.

The window's undo stack outlives the screen that pushed a command, so a command announces
its change on the event hub itself; the ``changed``/``failed`` hooks reach a widget only
while it exists (wrap them with ``voting.listening.while_alive``).
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from ...domain.errors import CollabDeskError
from ...store import Store


class ServiceCommand(QUndoCommand):
    """A subclass calls the services in ``apply``/``revert`` and says who hears of it in ``announce``."""

    def __init__(self, store: Store, workshop_id: str, text: str, *, hub=None, changed: Callable | None = None,
                 failed: Callable[[str], None] | None = None):
        super().__init__(text)
        self.store = store
        self.workshop_id = workshop_id
        self.hub = hub  # the app's EventHub (or None): told what changed, and save_failed on a failed undo
        self.changed = changed
        self.failed = failed
        self.pushed = False  # the change was already made; the stack's first redo skips it

    def run(self, stack: QUndoStack | None) -> None:
        """Make the change now; on success put it on ``stack`` (when there is one)."""
        self.first()
        self.announce()
        if stack is not None:
            self.pushed = True
            stack.push(self)

    def first(self) -> None:
        self.apply()

    def redo(self) -> None:
        if self.pushed:
            self.pushed = False
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except CollabDeskError as error:
            self.setObsolete(True)  # what it changed has moved on (a closed round, say): drop this step
            if self.failed is not None:
                self.failed(str(error))
            if self.hub is not None:
                self.hub.save_failed.emit(str(error))
        self.announce()

    def announce(self) -> None:
        """Tell the ``changed`` hook and the hub that the change was made or undone."""
        raise NotImplementedError

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError
