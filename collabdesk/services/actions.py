"""Actions: who does what next."""

from ..domain import text
from ..domain.dates import optional_date
from ..domain.errors import ValidationError
from ..domain.model import ACTION_STATUSES, Action
from ..store import Store


def _checked(fields: dict) -> dict:
    checked = dict(fields)
    if "text" in checked:
        checked["text"] = text.required(checked["text"], "An action", "action")
    if "owner" in checked:
        checked["owner"] = text.optional(checked["owner"], "The owner", "name").strip()
    if "due" in checked:
        checked["due"] = optional_date(checked["due"])
    if "status" in checked and checked["status"] not in ACTION_STATUSES:
        raise ValidationError(f"An action is {', '.join(ACTION_STATUSES)}; not {checked['status']!r}.")
    return checked


def add_action(store: Store, workshop_id: str, action_text: str, **fields) -> Action:
    """Write an action, fresh or from a note (``note_id``) or theme (``theme_id``)."""
    checked = _checked({"text": action_text, **fields})
    return store.add_action(workshop_id, checked.pop("text"), **checked)


def edit_action(store: Store, action_id: int, **fields) -> Action:
    return store.update_action(action_id, **_checked(fields))


def delete_action(store: Store, action_id: int) -> None:
    store.set_action_deleted(action_id, True)


def restore_action(store: Store, action_id: int) -> None:
    store.set_action_deleted(action_id, False)
