"""The agenda: which exercise is on, and the agenda changed as a whole from the agenda dialog."""

from collections.abc import Sequence

from ...domain.agenda import AgendaRow
from ...domain.model import Exercise
from ...services import workshops as workshop_services
from .gateway import Gateway


class AgendaOperations(Gateway):
    def go_to_exercise(self, workshop_id: str, exercise_id: int | None) -> None:
        from ...services import timer as timer_services

        self._write("agenda", lambda: timer_services.go_to_exercise(self.store, workshop_id, exercise_id))
        self.hub.current_exercise_changed.emit(workshop_id, exercise_id)

    def apply_agenda(self, workshop_id: str, rows: Sequence[AgendaRow]) -> list[Exercise]:
        """Make the workshop's agenda match ``rows`` in one transaction: all of it saved, or none."""
        exercises = self._write("agenda", lambda: workshop_services.apply_agenda(self.store, workshop_id, rows))
        self.hub.agenda_changed.emit(workshop_id)
        return exercises
