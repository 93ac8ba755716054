"""Health checks: started, rated on the passed-round laptop, counted from hands, revealed,
closed, deleted; and their undo steps.

Every write announces ``health_changed`` for the check's workshop. Results and comments
come through the health services, which refuse them until the facilitator reveals. As
with votes, a confirmed ballot is not an undo step: the facilitator reopens it instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ...domain.model import Framework
from ...services import frameworks as framework_services
from .gateway import Gateway
from .undo import UndoStep

if TYPE_CHECKING:  # loaded with the first health check, not at start
    from ...domain.health import Comment, DomainResult, HealthRound

_MERGE_HANDS = 0x4EA1


class HealthOperations(Gateway):
    # -- reads --------------------------------------------------------------------------
    def health_checks(self, workshop_id: str) -> list[HealthRound]:
        from ...services import health as health_services

        return health_services.checks(self.store, workshop_id)

    def health_check(self, round_id: int) -> HealthRound:
        return self.store.health_round(round_id)

    def health_framework(self, workshop_id: str) -> Framework:
        """The framework whose domains, names and scale labels a workshop's checks use."""
        return framework_services.framework_or_default(self.store, self.store.workshop(workshop_id).framework_key)

    def health_session(self, round_id: int):
        from ...services import health as health_services

        return health_services.session(self.store, round_id)

    def health_progress(self, round_id: int):
        from ...services import health as health_services

        return health_services.progress(self.store, round_id)

    def health_tally(self, round_id: int) -> dict[str, tuple[int, ...]]:
        from ...services import health as health_services

        return health_services.tally(self.store, round_id)

    def health_results(self, round_id: int) -> list[DomainResult]:
        from ...services import health as health_services

        return health_services.results(self.store, round_id)

    def health_comments(self, round_id: int) -> list[Comment]:
        from ...services import health as health_services

        return health_services.comments(self.store, round_id)

    # -- writes -------------------------------------------------------------------------
    def _health(self, round_id: int, action: Callable[[], object]):
        workshop_id = self.store.health_round(round_id).workshop_id
        result = self._write("health check", action)
        self.hub.health_changed.emit(workshop_id)
        return result

    def start_health_check(self, workshop_id: str, **settings) -> HealthRound:
        from ...services import health as health_services

        check = self._write("health check", lambda: health_services.start_check(self.store, workshop_id, **settings))
        self.hub.health_changed.emit(workshop_id)
        return check

    def cast_health_ballot(self, round_id: int, voter_id: int, scores: Mapping[str, int],
                           comments: Mapping[str, str]) -> None:
        from ...services import health as health_services

        self._health(round_id, lambda: health_services.cast_ballot(self.store, round_id, voter_id, scores, comments))

    def skip_health_voter(self, round_id: int, voter_id: int) -> None:
        from ...services import health as health_services

        self._health(round_id, lambda: health_services.skip_voter(self.store, round_id, voter_id))

    def reopen_health_ballot(self, round_id: int, voter_id: int) -> None:
        from ...services import health as health_services

        self._health(round_id, lambda: health_services.reopen_ballot(self.store, round_id, voter_id))

    def set_health_tally(self, round_id: int, domain_key: str, score: int, count: int) -> None:
        from ...services import health as health_services

        self._health(round_id, lambda: health_services.set_tally(self.store, round_id, domain_key, score, count))

    def reveal_health_check(self, round_id: int, reveal: bool = True) -> HealthRound:
        from ...services import health as health_services

        change = health_services.reveal if reveal else health_services.hide
        return self._health(round_id, lambda: change(self.store, round_id))

    def close_health_check(self, round_id: int, close: bool = True) -> HealthRound:
        from ...services import health as health_services

        change = health_services.close if close else health_services.reopen
        return self._health(round_id, lambda: change(self.store, round_id))

    def delete_health_check(self, round_id: int) -> None:
        from ...services import health as health_services

        self._health(round_id, lambda: health_services.delete(self.store, round_id))


# -- undo steps ---------------------------------------------------------------------------
class HealthStep(UndoStep):
    def __init__(self, ops: HealthOperations, round_id: int, text: str, **hooks):
        super().__init__(ops, text, **hooks)
        self.round_id = round_id


class SetHandsCommand(HealthStep):
    """Hands counted for one point of one domain; repeated changes of one count merge."""

    def __init__(self, ops: HealthOperations, round_id: int, domain_key: str, score: int, count: int, before: int,
                 **hooks):
        super().__init__(ops, round_id, f"Count {count} hands", **hooks)
        self.domain_key, self.score = domain_key, score
        self.before, self.after = before, count

    def id(self) -> int:
        return _MERGE_HANDS

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetHandsCommand)
                and (other.round_id, other.domain_key, other.score) == (self.round_id, self.domain_key, self.score)):
            return False
        self.after = other.after
        self.setText(f"Count {self.after} hands")
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def apply(self) -> None:
        self.ops.set_health_tally(self.round_id, self.domain_key, self.score, self.after)

    def revert(self) -> None:
        self.ops.set_health_tally(self.round_id, self.domain_key, self.score, self.before)


class RevealHealthCommand(HealthStep):
    def __init__(self, ops: HealthOperations, round_id: int, reveal: bool, **hooks):
        super().__init__(ops, round_id, "Reveal the health check" if reveal else "Hide the health check", **hooks)
        self.reveal = reveal

    def apply(self) -> None:
        self.ops.reveal_health_check(self.round_id, self.reveal)

    def revert(self) -> None:
        self.ops.reveal_health_check(self.round_id, not self.reveal)


class CloseHealthCommand(HealthStep):
    def __init__(self, ops: HealthOperations, round_id: int, close: bool, **hooks):
        super().__init__(ops, round_id, "Close the health check" if close else "Reopen the health check", **hooks)
        self.closing = close

    def apply(self) -> None:
        self.ops.close_health_check(self.round_id, self.closing)

    def revert(self) -> None:
        self.ops.close_health_check(self.round_id, not self.closing)
