"""Dot voting: rounds started, ballots cast, dots counted, results revealed; and its undo steps.

Every write announces ``votes_changed`` for the round's workshop. The reads here go
through the voting services, which keep counts back until the facilitator reveals.
A confirmed ballot is not an undo step: Ctrl+Z never takes a vote back from a voter;
the facilitator reopens it instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ...domain.model import VoteRound
from .gateway import Gateway
from .undo import UndoStep

if TYPE_CHECKING:  # loaded with the first vote, not at start
    from ...domain.voting import Item, ResultLine, VoteItem

_MERGE_TALLY = 0x7A11


class VotingOperations(Gateway):
    # -- reads --------------------------------------------------------------------------
    def ballot_session(self, round_id: int):
        from ...services import voting as voting_services

        return voting_services.session(self.store, round_id)

    def vote_items(self, round_id: int) -> list[VoteItem]:
        from ...services import voting as voting_services

        return voting_services.items(self.store, round_id)

    def vote_tally(self, round_id: int) -> dict[Item, int]:
        from ...services import voting as voting_services

        return voting_services.tally(self.store, round_id)

    def vote_hands(self, round_id: int) -> dict[int, dict[Item, int]]:
        from ...services import voting as voting_services

        return voting_services.hands(self.store, round_id)

    def vote_results(self, round_id: int) -> list[ResultLine]:
        from ...services import voting as voting_services

        return voting_services.results(self.store, round_id)

    def vote_progress(self, round_id: int):
        from ...services import voting as voting_services

        return voting_services.progress(self.store, round_id)

    def phone_vote(self, workshop_id: str) -> tuple[dict | None, dict[int, str]]:
        from ...services import phone_votes

        return phone_votes.phone_vote(self.store, workshop_id)

    # -- writes -------------------------------------------------------------------------
    def _vote(self, round_id: int, action: Callable[[], object]):
        workshop_id = self.store.vote_round(round_id).workshop_id
        result = self._write("vote", action)
        self.hub.votes_changed.emit(workshop_id)
        return result

    def start_round(self, workshop_id: str, **settings) -> VoteRound:
        from ...services import voting as voting_services

        round_ = self._write("vote", lambda: voting_services.start_round(self.store, workshop_id, **settings))
        self.hub.votes_changed.emit(workshop_id)
        return round_

    def cast_ballot(self, round_id: int, voter_id: int, allocation: Mapping[Item, int]) -> None:
        from ...services import voting as voting_services

        self._vote(round_id, lambda: voting_services.cast_ballot(self.store, round_id, voter_id, allocation))

    def cast_phone_ballot(self, workshop_id: str, round_id: int, voter_id: int, allocation: Mapping[Item, int], *,
                          replacing: Mapping[Item, int] | None = None) -> None:
        """A ballot from a phone (not an undo step, like every confirmed ballot)."""
        from ...services import phone_votes

        self._write("vote", lambda: phone_votes.cast_phone_ballot(
            self.store, workshop_id, round_id, voter_id, allocation, replacing=replacing))
        self.hub.votes_changed.emit(workshop_id)

    def skip_voter(self, round_id: int, voter_id: int) -> None:
        from ...services import voting as voting_services

        self._vote(round_id, lambda: voting_services.skip_voter(self.store, round_id, voter_id))

    def reopen_ballot(self, round_id: int, voter_id: int) -> None:
        from ...services import voting as voting_services

        self._vote(round_id, lambda: voting_services.reopen_ballot(self.store, round_id, voter_id))

    def set_tally(self, round_id: int, item: Item, count: int) -> None:
        from ...services import voting as voting_services

        self._vote(round_id, lambda: voting_services.set_tally(self.store, round_id, item, count))

    def record_hands(self, round_id: int, voter_id: int, allocation: Mapping[Item, int]) -> None:
        from ...services import voting as voting_services

        self._vote(round_id, lambda: voting_services.record_hands(self.store, round_id, voter_id, allocation))

    def reveal_round(self, round_id: int, reveal: bool = True) -> VoteRound:
        from ...services import voting as voting_services

        change = voting_services.reveal_round if reveal else voting_services.hide_round
        return self._vote(round_id, lambda: change(self.store, round_id))

    def close_round(self, round_id: int, close: bool = True) -> VoteRound:
        from ...services import voting as voting_services

        change = voting_services.close_round if close else voting_services.reopen_round
        return self._vote(round_id, lambda: change(self.store, round_id))


# -- undo steps ---------------------------------------------------------------------------
class VotingStep(UndoStep):
    """A step of one vote round; the widget's ``changed`` hook is told the round id."""

    def __init__(self, ops: VotingOperations, round_id: int, text: str, *,
                 changed: Callable[[int], None] | None = None, failed: Callable[[str], None] | None = None):
        super().__init__(ops, text, changed=(lambda: changed(round_id)) if changed else None, failed=failed)
        self.round_id = round_id


class SetTallyCommand(VotingStep):
    """The number of physical dots on one card; repeated clicks on one card merge."""

    def __init__(self, ops: VotingOperations, round_id: int, item: Item, count: int, before: int, **hooks):
        super().__init__(ops, round_id, f"Count {count} dots", **hooks)
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
        self.ops.set_tally(self.round_id, self.item, self.after)

    def revert(self) -> None:
        self.ops.set_tally(self.round_id, self.item, self.before)


class RecordHandsCommand(VotingStep):
    """One named participant's dots from a show of hands."""

    def __init__(self, ops: VotingOperations, round_id: int, voter_id: int, name: str,
                 allocation: Mapping[Item, int], before: Mapping[Item, int], **hooks):
        super().__init__(ops, round_id, f"Record {name}'s dots", **hooks)
        self.voter_id = voter_id
        self.after = dict(allocation)
        self.before = dict(before)

    def apply(self) -> None:
        self.ops.record_hands(self.round_id, self.voter_id, self.after)

    def revert(self) -> None:
        self.ops.record_hands(self.round_id, self.voter_id, self.before)


class RevealCommand(VotingStep):
    """Show the results to the room (``reveal`` True) or hide them again."""

    def __init__(self, ops: VotingOperations, round_id: int, reveal: bool, **hooks):
        super().__init__(ops, round_id, "Reveal the results" if reveal else "Hide the results", **hooks)
        self.reveal = reveal

    def apply(self) -> None:
        self.ops.reveal_round(self.round_id, self.reveal)

    def revert(self) -> None:
        self.ops.reveal_round(self.round_id, not self.reveal)


class CloseRoundCommand(VotingStep):
    """Lock the round (``close`` True) or open it again."""

    def __init__(self, ops: VotingOperations, round_id: int, close: bool, **hooks):
        super().__init__(ops, round_id, "Close the vote" if close else "Reopen the vote", **hooks)
        self.closing = close

    def apply(self) -> None:
        self.ops.close_round(self.round_id, self.closing)

    def revert(self) -> None:
        self.ops.close_round(self.round_id, not self.closing)
