"""Undoable voting steps: counting wall dots, recording hands, revealing, closing.

Each command captures the before and after in its constructor and calls the services in
``apply``/``revert``; how it is run, pushed, undone and announced is ``ServiceCommand``'s.
A confirmed ballot is not a command: Ctrl+Z never takes a vote back from a voter; the
facilitator reopens it instead.
"""

from collections.abc import Callable, Mapping

from PySide6.QtGui import QUndoCommand, QUndoStack

from ...domain.voting import Item
from ...services import voting
from ...store import Store
from ..operations.undo import ServiceCommand

Changed = Callable[[int], None]  # told the round id after every apply or revert
Failed = Callable[[str], None]  # told why an undo or redo could not be made

_MERGE_TALLY = 0x7A11


def run(stack: QUndoStack | None, command: "VotingCommand") -> None:
    """Make the change now; on success put it on ``stack`` (when there is one)."""
    command.run(stack)


class VotingCommand(ServiceCommand):
    """A step of one vote round; the widget's ``changed`` hook is told the round id."""

    def __init__(self, store: Store, round_id: int, text: str, *, hub=None, changed: Changed | None = None,
                 failed: Failed | None = None):
        super().__init__(store, store.vote_round(round_id).workshop_id, text, hub=hub, changed=changed,
                         failed=failed)
        self.round_id = round_id

    def announce(self) -> None:
        if self.changed is not None:
            self.changed(self.round_id)
        if self.hub is not None:
            self.hub.votes_changed.emit(self.workshop_id)


class SetTallyCommand(VotingCommand):
    """The number of physical dots on one card; repeated clicks on one card merge."""

    def __init__(self, store: Store, round_id: int, item: Item, count: int, before: int, **hooks):
        super().__init__(store, round_id, f"Count {count} dots", **hooks)
        self.item = tuple(item)
        self.before = before
        self.after = count

    def id(self) -> int:
        return _MERGE_TALLY

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetTallyCommand) and (other.round_id, other.item) == (self.round_id, self.item)):
            return False
        self.after = other.after
        self.setText(f"Count {self.after} dots")
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def apply(self) -> None:
        voting.set_tally(self.store, self.round_id, self.item, self.after)

    def revert(self) -> None:
        voting.set_tally(self.store, self.round_id, self.item, self.before)


class RecordHandsCommand(VotingCommand):
    """One named participant's dots from a show of hands."""

    def __init__(self, store: Store, round_id: int, voter_id: int, name: str,
                 allocation: Mapping[Item, int], before: Mapping[Item, int], **hooks):
        super().__init__(store, round_id, f"Record {name}'s dots", **hooks)
        self.voter_id = voter_id
        self.after = dict(allocation)
        self.before = dict(before)

    def apply(self) -> None:
        voting.record_hands(self.store, self.round_id, self.voter_id, self.after)

    def revert(self) -> None:
        voting.record_hands(self.store, self.round_id, self.voter_id, self.before)


class RevealCommand(VotingCommand):
    """Show the results to the room (``reveal`` True) or hide them again."""

    def __init__(self, store: Store, round_id: int, reveal: bool, **hooks):
        super().__init__(store, round_id, "Reveal the results" if reveal else "Hide the results", **hooks)
        self.reveal = reveal

    def apply(self) -> None:
        (voting.reveal_round if self.reveal else voting.hide_round)(self.store, self.round_id)

    def revert(self) -> None:
        (voting.hide_round if self.reveal else voting.reveal_round)(self.store, self.round_id)


class CloseRoundCommand(VotingCommand):
    """Lock the round (``close`` True) or open it again."""

    def __init__(self, store: Store, round_id: int, close: bool, **hooks):
        super().__init__(store, round_id, "Close the vote" if close else "Reopen the vote", **hooks)
        self.closing = close

    def apply(self) -> None:
        (voting.close_round if self.closing else voting.reopen_round)(self.store, self.round_id)

    def revert(self) -> None:
        (voting.reopen_round if self.closing else voting.close_round)(self.store, self.round_id)
