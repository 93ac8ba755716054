"""The workshop's actions (who does what next) and their undo steps; each write announces ``actions_changed``."""

from collections.abc import Callable

from ...domain.model import Action
from .gateway import Gateway
from .undo import UndoStep, preview


class ActionOperations(Gateway):
    def _action(self, workshop_id: str, action: Callable[[], Action | None]) -> Action | None:
        result = self._write("action", action)
        self.hub.actions_changed.emit(workshop_id)
        return result

    def add_action(self, workshop_id: str, text: str, **fields) -> Action:
        from ...services import actions as action_services

        return self._action(workshop_id, lambda: action_services.add_action(self.store, workshop_id, text, **fields))

    def edit_action(self, action_id: int, **fields) -> Action:
        from ...services import actions as action_services

        workshop_id = self.store.action(action_id).workshop_id
        return self._action(workshop_id, lambda: action_services.edit_action(self.store, action_id, **fields))

    def delete_action(self, action_id: int) -> None:
        from ...services import actions as action_services

        workshop_id = self.store.action(action_id).workshop_id
        self._action(workshop_id, lambda: action_services.delete_action(self.store, action_id))

    def restore_action(self, action_id: int) -> None:
        from ...services import actions as action_services

        workshop_id = self.store.action(action_id).workshop_id
        self._action(workshop_id, lambda: action_services.restore_action(self.store, action_id))


def fields_from_note(ops: ActionOperations, note_id: int) -> dict:
    """A new action's starting point from a note: its text, and the link back to it."""
    return {"text": ops.store.note(note_id).text, "note_id": note_id}


def fields_from_theme(ops: ActionOperations, theme_id: int) -> dict:
    """A new action's starting point from a theme: its name, and the link back to it."""
    return {"text": ops.store.theme(theme_id).title, "theme_id": theme_id}


class AddActionCommand(UndoStep):
    """Adding an action; undo deletes it, redo brings the same action (same id) back."""

    def __init__(self, ops: ActionOperations, workshop_id: str, fields: dict, **hooks):
        super().__init__(ops, f"Add action “{preview(fields.get('text', ''))}”", **hooks)
        self.workshop_id = workshop_id
        self.fields = dict(fields)
        self.action: Action | None = None

    def first(self) -> None:
        fields = dict(self.fields)
        self.action = self.ops.add_action(self.workshop_id, fields.pop("text"), **fields)

    def apply(self) -> None:
        self.ops.restore_action(self.action.id)

    def revert(self) -> None:
        self.ops.delete_action(self.action.id)


class EditActionCommand(UndoStep):
    def __init__(self, ops: ActionOperations, action: Action, after: dict, **hooks):
        super().__init__(ops, f"Edit action “{preview(action.text)}”", **hooks)
        self.action_id = action.id
        self.before = {name: getattr(action, name) for name in after}
        self.after = dict(after)

    def apply(self) -> None:
        self.ops.edit_action(self.action_id, **self.after)

    def revert(self) -> None:
        self.ops.edit_action(self.action_id, **self.before)


class DeleteActionCommand(UndoStep):
    def __init__(self, ops: ActionOperations, action: Action, **hooks):
        super().__init__(ops, f"Delete action “{preview(action.text)}”", **hooks)
        self.action_id = action.id

    def apply(self) -> None:
        self.ops.delete_action(self.action_id)

    def revert(self) -> None:
        self.ops.restore_action(self.action_id)
