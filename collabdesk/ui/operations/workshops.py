"""A workshop's life (created, started, closed, reopened), its details and its participants."""

from ...domain.model import Participant, Workshop
from ...services import workshops as workshop_services
from .gateway import Gateway
from .undo import UndoStep

MAX_PARTICIPANTS = workshop_services.MAX_PARTICIPANTS
MAX_MINUTES = workshop_services.MAX_MINUTES
check_agenda_item = workshop_services.agenda_item  # the rules a typed agenda row must meet


class WorkshopOperations(Gateway):
    def create_workshop(self, **fields) -> Workshop:
        workshop = self._write("workshop", lambda: workshop_services.create_workshop(self.store, **fields))
        self.hub.workshops_listed_changed.emit()
        return workshop

    def edit_workshop(self, workshop_id: str, **details) -> Workshop:
        """Change a workshop's title, purpose, facilitator, location, date or framework."""
        workshop = self._write("workshop", lambda: workshop_services.edit_workshop(self.store, workshop_id, **details))
        self.hub.workshop_changed.emit(workshop_id)
        self.hub.workshops_listed_changed.emit()
        return workshop

    def start_workshop(self, workshop_id: str) -> Workshop:
        workshop = self._write("workshop", lambda: workshop_services.start_workshop(self.store, workshop_id))
        self.hub.workshop_changed.emit(workshop_id)
        return workshop

    def reopen_workshop(self, workshop_id: str) -> Workshop:
        workshop = self._write("workshop", lambda: workshop_services.reopen_workshop(self.store, workshop_id))
        self.hub.workshop_changed.emit(workshop_id)
        return workshop

    def close_workshop(self, workshop_id: str) -> Workshop:
        workshop = self._write("workshop", lambda: workshop_services.close_workshop(self.store, workshop_id))
        self.hub.workshop_changed.emit(workshop_id)
        self.hub.current_exercise_changed.emit(workshop_id, None)
        return workshop

    def add_participant(self, workshop_id: str, name: str) -> Participant:
        participant = self._write(
            "participant", lambda: workshop_services.add_participant(self.store, workshop_id, name))
        self.hub.workshop_changed.emit(workshop_id)
        return participant


class EditWorkshopCommand(UndoStep):
    """Changing a workshop's details (title, purpose, date, place, facilitator); ``before``
    holds their old values."""

    def __init__(self, ops: WorkshopOperations, workshop_id: str, before: dict, after: dict):
        super().__init__(ops, "Edit workshop details")
        self.workshop_id = workshop_id
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.ops.edit_workshop(self.workshop_id, **self.after)

    def revert(self) -> None:
        self.ops.edit_workshop(self.workshop_id, **self.before)
