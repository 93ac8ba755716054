"""Actions agreed in a workshop: who does what next."""

from ..domain.errors import NotFoundError
from ..domain.model import Action
from . import rows

ACTION_FIELDS = ("text", "owner", "due", "status", "note_id", "theme_id", "position")


class ActionRows:
    def add_action(self, workshop_id: str, text: str, **fields) -> Action:
        unknown = set(fields) - set(ACTION_FIELDS)
        if unknown:
            raise ValueError(f"unknown action fields: {sorted(unknown)}")
        with self._write("save the action"):
            position = self.db.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM actions WHERE workshop_id = ?",
                (workshop_id,)).fetchone()[0]
            action_id = self.db["actions"].insert(
                {"workshop_id": workshop_id, "text": text, "position": position, **fields}).last_pk
            self._touch(workshop_id)
        return self.action(action_id)

    def action(self, action_id: int) -> Action:
        found = self._rows("SELECT * FROM actions WHERE id = ?", (action_id,))
        if not found:
            raise NotFoundError(f"No action has the id {action_id}.")
        return rows.action(found[0])

    def actions(self, workshop_id: str) -> list[Action]:
        return [rows.action(r) for r in self._rows(
            "SELECT * FROM actions WHERE workshop_id = ? AND deleted = 0 ORDER BY position, id", (workshop_id,))]

    def update_action(self, action_id: int, **fields) -> Action:
        unknown = set(fields) - set(ACTION_FIELDS)
        if unknown:
            raise ValueError(f"unknown action fields: {sorted(unknown)}")
        with self._write("save the action") as db:
            db["actions"].update(action_id, fields)
        return self.action(action_id)

    def set_action_deleted(self, action_id: int, deleted: bool) -> None:
        with self._write("delete the action" if deleted else "restore the action"):
            self.db.execute("UPDATE actions SET deleted = ? WHERE id = ?", (int(deleted), action_id))
