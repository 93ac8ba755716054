"""The one undo authority: every undoable change is an ``UndoStep`` on the window's stack.

A step makes its change through the operations (so the read-only guard, the single
transaction and the hub's signals come with it) in ``apply`` and takes it back in
``revert``. ``run`` makes the change now (``first``, which is ``apply`` unless a step
says otherwise), raising the rules' error for the widget to show, and only then puts
the step on the stack. A change already made (a note typed, a drag ended) is pushed as
it is. Either way the stack's first ``redo`` is skipped: a step is always made before
it is pushed.

A failed undo or redo (the round was closed since, the database is locked) is reported
on the status bar and to the ``failed`` hook, and the step is made obsolete so the stack
drops it: a step that cannot be replayed is never kept. The window's stack outlives the
screen that pushed a step, so hooks are wrapped with ``while_alive``.

A step names the notes it touches (``notes``). When a participant has changed one of them
from their phone since the step was made, the step is not replayed (it would silently
take back what they wrote): the facilitator is told why and the stack drops it.
"""

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...domain.errors import ChangeClosedError, CollabDeskError
from .gateway import Gateway


def while_alive(widget: QObject, callback: Callable) -> Callable:
    """``callback``, made to do nothing once ``widget`` has been deleted."""
    def call(*args) -> None:
        if shiboken6.isValid(widget):
            callback(*args)
    return call


def preview(text: str, limit: int = 30) -> str:
    """A short one-line form of user text for an undo step's name."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class UndoStep(QUndoCommand):
    """A subclass calls operations in ``apply``/``revert``; ``changed`` is told after each."""

    def __init__(self, ops: Gateway, text: str, *, changed: Callable[[], None] | None = None,
                 failed: Callable[[str], None] | None = None):
        super().__init__(text)
        self.ops = ops
        self.changed = changed
        self.failed = failed
        self._made = True  # the change is made before the step is pushed: the stack's first redo skips it
        self.notes: tuple[int, ...] = ()  # the notes this step changes (set by a subclass)
        self._since = ops.outside_changes

    def run(self, stack: QUndoStack | None) -> None:
        """Make the change now; on success put it on ``stack`` (when there is one)."""
        self.first()
        self._tell()
        if stack is not None:
            stack.push(self)

    def first(self) -> None:
        self.apply()

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            if self.ops.note_changed_outside(self.notes, self._since):
                raise ChangeClosedError("phone", f"“{self.text()}” was left as it is: a participant has changed "
                                                 "that note from their phone since.")
            step()
        except CollabDeskError as error:
            self.setObsolete(True)  # what it changed has moved on: the stack drops this step
            self.ops.report(error)
            if self.failed is not None:
                self.failed(str(error))
        self._tell()

    def _tell(self) -> None:
        if self.changed is not None:
            self.changed()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError
