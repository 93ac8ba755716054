"""Workshops, their participants and their agenda of exercises."""

import contextlib
import uuid
from collections.abc import Iterable, Iterator, Sequence

from ..domain.errors import NotFoundError
from ..domain.model import AgendaItem, Exercise, Participant, Workshop
from ..domain.timer import TimerState
from . import rows

WORKSHOP_FIELDS = ("title", "purpose", "facilitator", "location", "date", "status",
                   "framework_key", "started", "ended", "reopened", "series_id")
EXERCISE_FIELDS = ("domain_key", "title", "prompt", "planned_seconds", "state")


class WorkshopRows:
    # -- workshops ---------------------------------------------------------------
    def create_workshop(
        self,
        *,
        title: str,
        agenda: Iterable[AgendaItem] = (),
        participants: Iterable[str] = (),
        workshop_id: str | None = None,
        **fields,
    ) -> Workshop:
        """Create a workshop with its participants and agenda in one transaction."""
        now = self.now()
        record = {"id": workshop_id or str(uuid.uuid4()), "title": title,
                  "created": now, "updated": now, **fields}
        with self._write("create the workshop") as db:
            db["workshops"].insert(record)
            for position, name in enumerate(participants):
                self._insert_participant(record["id"], name, position)
            for position, item in enumerate(agenda):
                self._insert_exercise(record["id"], position, item)
        return self.workshop(record["id"])

    def workshop(self, workshop_id: str) -> Workshop:
        found = self._rows("SELECT * FROM workshops WHERE id = ?", (workshop_id,))
        if not found:
            raise NotFoundError(f"No workshop has the id {workshop_id!r}.")
        return rows.workshop(found[0])

    def resolve_workshop_id(self, prefix: str) -> str:
        """The full id of the one workshop whose id starts with ``prefix`` (as git does)."""
        prefix = prefix.strip()
        found = [r[0] for r in self.db.execute(
            "SELECT id FROM workshops WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        )] if prefix else []
        if not found:
            raise NotFoundError(f"No workshop has an id starting with {prefix!r}.")
        if len(found) > 1:
            raise NotFoundError(f"More than one workshop has an id starting with {prefix!r}; give more of it.")
        return found[0]

    def update_workshop(self, workshop_id: str, **fields) -> Workshop:
        unknown = set(fields) - set(WORKSHOP_FIELDS)
        if unknown:
            raise ValueError(f"unknown workshop fields: {sorted(unknown)}")
        with self._write("save the workshop"):
            self._touch(workshop_id, **fields)
        return self.workshop(workshop_id)

    def _touch(self, workshop_id: str, **fields) -> None:
        """Mark the workshop as changed now (inside a write)."""
        cursor = self.db.execute(
            f"UPDATE workshops SET {', '.join(f'{k} = :{k}' for k in (*fields, 'updated'))} WHERE id = :id",
            {**fields, "updated": self.now(), "id": workshop_id},
        )
        if cursor.rowcount == 0:
            raise NotFoundError(f"No workshop has the id {workshop_id!r}.")

    # -- participants ------------------------------------------------------------
    def participants(self, workshop_id: str) -> list[Participant]:
        return [rows.participant(r) for r in self._rows(
            "SELECT * FROM participants WHERE workshop_id = ? ORDER BY position, id", (workshop_id,))]

    def add_participant(self, workshop_id: str, name: str) -> Participant:
        with self._write("add the participant"):
            position = self.db.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM participants WHERE workshop_id = ?",
                (workshop_id,)).fetchone()[0]
            new_id = self._insert_participant(workshop_id, name, position)
            self._touch(workshop_id)
        return self.participant(new_id)

    def participant(self, participant_id: int) -> Participant:
        found = self._rows("SELECT * FROM participants WHERE id = ?", (participant_id,))
        if not found:
            raise NotFoundError(f"No participant has the id {participant_id}.")
        return rows.participant(found[0])

    def rename_participant(self, participant_id: int, name: str) -> Participant:
        with self._write("rename the participant"):
            self.db.execute("UPDATE participants SET name = ? WHERE id = ?", (name, participant_id))
        return self.participant(participant_id)

    def remove_participant(self, participant_id: int) -> None:
        with self._write("remove the participant"):
            self.db.execute("DELETE FROM participants WHERE id = ?", (participant_id,))

    def _insert_participant(self, workshop_id: str, name: str, position: int) -> int:
        return self.db["participants"].insert(
            {"workshop_id": workshop_id, "name": name, "position": position}).last_pk

    # -- exercises ---------------------------------------------------------------
    def exercises(self, workshop_id: str) -> list[Exercise]:
        return [rows.exercise(r) for r in self._rows(
            "SELECT * FROM exercises WHERE workshop_id = ? ORDER BY position, id", (workshop_id,))]

    def exercise(self, exercise_id: int) -> Exercise:
        found = self._rows("SELECT * FROM exercises WHERE id = ?", (exercise_id,))
        if not found:
            raise NotFoundError(f"No exercise has the id {exercise_id}.")
        return rows.exercise(found[0])

    @contextlib.contextmanager
    def agenda_change(self, what: str = "change the agenda") -> Iterator[None]:
        """Group the edits of one agenda change in a single transaction: all saved, or none."""
        with self._write(what):
            yield

    def add_exercise(self, workshop_id: str, item: AgendaItem, position: int | None = None) -> Exercise:
        """Insert an exercise at ``position`` (the end when None), shifting those after it."""
        with self._write("add the exercise"):
            count = self.db.execute(
                "SELECT COUNT(*) FROM exercises WHERE workshop_id = ?", (workshop_id,)).fetchone()[0]
            position = count if position is None else max(0, min(position, count))
            self.db.execute(
                "UPDATE exercises SET position = position + 1 WHERE workshop_id = ? AND position >= ?",
                (workshop_id, position))
            new_id = self._insert_exercise(workshop_id, position, item)
            self._touch(workshop_id)
        return self.exercise(new_id)

    def update_exercise(self, exercise_id: int, **fields) -> Exercise:
        unknown = set(fields) - set(EXERCISE_FIELDS)
        if unknown:
            raise ValueError(f"unknown exercise fields: {sorted(unknown)}")
        exercise = self.exercise(exercise_id)
        with self._write("save the exercise") as db:
            db["exercises"].update(exercise_id, fields)
            self._touch(exercise.workshop_id)
        return self.exercise(exercise_id)

    def remove_exercise(self, exercise_id: int) -> None:
        """Remove an exercise and everything on its board."""
        exercise = self.exercise(exercise_id)
        with self._write("remove the exercise"):
            self.db.execute("DELETE FROM exercises WHERE id = ?", (exercise_id,))
            self._renumber(exercise.workshop_id)
            self._touch(exercise.workshop_id)

    def reorder_exercises(self, workshop_id: str, exercise_ids: Sequence[int]) -> None:
        with self._write("reorder the agenda"):
            current = {r[0] for r in self.db.execute(
                "SELECT id FROM exercises WHERE workshop_id = ?", (workshop_id,))}
            if set(exercise_ids) != current or len(exercise_ids) != len(current):
                raise ValueError("the new order must list every exercise of the workshop once")
            for position, exercise_id in enumerate(exercise_ids):
                self.db.execute("UPDATE exercises SET position = ? WHERE id = ?", (position, exercise_id))
            self._touch(workshop_id)

    def save_timer(self, exercise_id: int, timer: TimerState) -> Exercise:
        with self._write("save the timer"):
            self.db.execute(
                "UPDATE exercises SET planned_seconds = ?, timer_accumulated = ?, timer_running_since = ? "
                "WHERE id = ?",
                (timer.planned, timer.accumulated, timer.running_since, exercise_id),
            )
        return self.exercise(exercise_id)

    def set_current_exercise(self, workshop_id: str, exercise_id: int | None,
                             timers: dict[int, TimerState] | None = None) -> None:
        """Make one exercise current: those before it are done, those after pending.

        ``timers`` saves timer states in the same transaction (pausing the one left).
        """
        with self._write("move to the exercise"):
            ids = [r[0] for r in self.db.execute(
                "SELECT id FROM exercises WHERE workshop_id = ? ORDER BY position, id", (workshop_id,))]
            index = ids.index(exercise_id) if exercise_id in ids else len(ids)
            for i, eid in enumerate(ids):
                state = "done" if i < index else "current" if i == index else "pending"
                self.db.execute("UPDATE exercises SET state = ? WHERE id = ?", (state, eid))
            for eid, timer in (timers or {}).items():
                self.db.execute(
                    "UPDATE exercises SET planned_seconds = ?, timer_accumulated = ?, "
                    "timer_running_since = ? WHERE id = ?",
                    (timer.planned, timer.accumulated, timer.running_since, eid))
            self._touch(workshop_id)

    def _insert_exercise(self, workshop_id: str, position: int, item: AgendaItem) -> int:
        return self.db["exercises"].insert({
            "workshop_id": workshop_id,
            "position": position,
            "domain_key": item.domain_key,
            "title": item.title,
            "prompt": item.prompt,
            "planned_seconds": float(item.minutes) * 60,
            "timer_accumulated": 0.0,
            "timer_running_since": None,
            "state": "pending",
        }).last_pk

    def _renumber(self, workshop_id: str) -> None:
        ids = [r[0] for r in self.db.execute(
            "SELECT id FROM exercises WHERE workshop_id = ? ORDER BY position, id", (workshop_id,))]
        for position, eid in enumerate(ids):
            self.db.execute("UPDATE exercises SET position = ? WHERE id = ?", (position, eid))
