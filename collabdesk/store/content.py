"""A whole workshop read or written at once: for export, import, duplication and reports."""

import uuid

from ..domain.model import WorkshopContent
from . import rows


class ContentRows:
    def content(self, workshop_id: str, *, include_deleted: bool = False) -> WorkshopContent:
        """Everything in a workshop, read in one snapshot."""
        with self.db.atomic():  # one read transaction: a consistent picture even while others write
            workshop = self.workshop(workshop_id)
            notes_sql = "SELECT * FROM notes WHERE workshop_id = ?" + ("" if include_deleted else " AND deleted = 0")
            rounds = self.vote_rounds(workshop_id)
            health = self.health_rounds(workshop_id)
            return WorkshopContent(
                workshop=workshop,
                participants=tuple(self.participants(workshop_id)),
                exercises=tuple(self.exercises(workshop_id)),
                notes=tuple(rows.note(r) for r in self._rows(notes_sql + " ORDER BY id", (workshop_id,))),
                themes=tuple(rows.theme(r) for r in self._rows(
                    "SELECT * FROM themes WHERE workshop_id = ? AND deleted = 0 ORDER BY exercise_id, position, id",
                    (workshop_id,))),
                rounds=tuple(rounds),
                votes=tuple(v for r in rounds for v in self.votes(r.id)),
                ballots=tuple(b for r in rounds for b in self.ballots(r.id)),
                actions=tuple(self.actions(workshop_id)),
                health_rounds=tuple(health),
                health_ballots=tuple(b for r in health for b in self.health_ballots(r.id)),
                ratings=tuple(x for r in health for x in self.ratings(r.id)),
                tallies=tuple(t for r in health for t in self.tallies(r.id)),
            )

    def insert_content(self, content: WorkshopContent, *, new_id: bool = True, what: str = "import the workshop",
                       series_id: int | None = None, updated: str | None = None) -> str:
        """Write a whole workshop in one transaction, giving every record a fresh id.

        Returns the workshop id: a new one, or with ``new_id=False`` the content's own.
        References between records (a note's author, theme, exercise; a vote's note) are
        remapped; all or nothing is written. The workshop is marked changed now unless
        ``updated`` says when (a team workshop keeps its file's).
        """
        workshop = content.workshop
        workshop_id = str(uuid.uuid4()) if new_id else workshop.id
        now = self.now()
        with self._write(what) as db:
            record = {k: getattr(workshop, k) for k in workshop.__dataclass_fields__}
            record.update(id=workshop_id, series_id=series_id, deleted="", created=workshop.created or now,
                          updated=updated or now)
            db["workshops"].insert(record)
            people = {p.id: self._insert_participant(workshop_id, p.name, p.position) for p in content.participants}
            exercises = {}
            for e in content.exercises:
                exercises[e.id] = db.execute(
                    "INSERT INTO exercises (workshop_id, position, domain_key, title, prompt, planned_seconds, "
                    "timer_accumulated, timer_running_since, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (workshop_id, e.position, e.domain_key, e.title, e.prompt, e.timer.planned,
                     e.timer.accumulated, e.timer.running_since, e.state)).lastrowid
            themes = {}
            for t in content.themes:
                themes[t.id] = db.execute(
                    "INSERT INTO themes (workshop_id, exercise_id, title, position) VALUES (?, ?, ?, ?)",
                    (workshop_id, exercises[t.exercise_id], t.title, t.position)).lastrowid
            notes = {}
            for n in content.notes:
                notes[n.id] = db.execute(
                    "INSERT INTO notes (workshop_id, exercise_id, text, kind, colour, author_id, role, theme_id, "
                    "x, y, created, updated, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (workshop_id, exercises[n.exercise_id], n.text, n.kind, n.colour, people.get(n.author_id),
                     n.role, themes.get(n.theme_id), n.x, n.y, n.created or now, n.updated or now,
                     int(n.deleted))).lastrowid
            rounds = {}
            for r in content.rounds:
                rounds[r.id] = db.execute(
                    "INSERT INTO vote_rounds (workshop_id, exercise_id, title, dots_per_voter, max_per_item, "
                    "anonymous, target, mode, state, revealed, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (workshop_id, exercises.get(r.exercise_id), r.title, r.dots_per_voter, r.max_per_item,
                     int(r.anonymous), r.target, r.mode, r.state, int(r.revealed), r.created or now)).lastrowid
            for v in content.votes:
                db.execute(
                    "INSERT INTO votes (round_id, note_id, theme_id, voter_id, count) VALUES (?, ?, ?, ?, ?)",
                    (rounds[v.round_id], notes.get(v.note_id), themes.get(v.theme_id), people.get(v.voter_id),
                     v.count))
            for b in content.ballots:
                db.execute("INSERT INTO ballots (round_id, participant_id, status) VALUES (?, ?, ?)",
                           (rounds[b.round_id], people[b.participant_id], b.status))
            for a in content.actions:
                db.execute(
                    "INSERT INTO actions (workshop_id, text, owner, due, status, note_id, theme_id, position) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (workshop_id, a.text, a.owner, a.due, a.status, notes.get(a.note_id), themes.get(a.theme_id),
                     a.position))
            self.insert_health_content(workshop_id, content, people)
        return workshop_id

    def replace_content(self, content: WorkshopContent, *, what: str = "update the workshop") -> str:
        """Replace the workshop with ``content``'s id by ``content``, whole, in one transaction.

        Used when a newer file of a known workshop arrives: the workshop keeps its id and
        the series it was put in here, and takes the file's ``updated``; nothing of the
        old version's records is left over.
        """
        workshop_id = content.workshop.id
        with self._write(what) as db:
            series = db.execute("SELECT series_id FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
            db.execute("DELETE FROM workshops WHERE id = ?", (workshop_id,))
            self.insert_content(content, new_id=False, what=what, series_id=series[0] if series else None,
                                updated=content.workshop.updated or None)
        return workshop_id

