"""Notes on an exercise's board, and the themes that cluster them.

Deleting is soft (``deleted = 1``) so undo and the trash can bring a note back with
its votes; votes of deleted notes are never counted.
"""

from collections.abc import Iterable, Mapping, Sequence

from ..domain.errors import NotFoundError
from ..domain.model import Note, Theme
from . import rows

NOTE_FIELDS = ("text", "kind", "colour", "author_id", "role", "theme_id", "x", "y", "exercise_id")


_CHUNK = 500  # ids per IN (...) list, well inside SQLite's limit on bound values
_NOTE_COLUMNS = ", ".join(Note.__dataclass_fields__)  # selected in the record's order: Note(*row)


def _note(row: tuple) -> Note:
    """A row of ``_NOTE_COLUMNS`` as a Note (a board's thousands of rows are read this way)."""
    return Note(*row[:-1], deleted=bool(row[-1]))


def _marks(ids) -> str:
    return ", ".join("?" * len(ids))


class NoteRows:
    def add_note(self, exercise_id: int, text: str, *, kind: str = "note", colour: str = "yellow",
                 author_id: int | None = None, role: str = "", theme_id: int | None = None,
                 x: float | None = None, y: float | None = None) -> Note:
        now = self.now()
        with self._write("save the note"):
            found = self.db.execute("SELECT workshop_id FROM exercises WHERE id = ?", (exercise_id,)).fetchone()
            if found is None:
                raise NotFoundError(f"No exercise has the id {exercise_id}.")
            cursor = self.db.execute(
                "INSERT INTO notes (workshop_id, exercise_id, text, kind, colour, author_id, role, "
                "theme_id, x, y, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (found[0], exercise_id, text, kind, colour, author_id, role, theme_id, x, y, now, now),
            )
            note_id = cursor.lastrowid
            self.db.execute("UPDATE workshops SET updated = ? WHERE id = ?", (now, found[0]))
        return self.note(note_id)

    def add_phone_notes(self, exercise_id: int, drafts: Sequence[Mapping]) -> list[tuple[Note, bool]]:
        """Save notes sent from phones (each a mapping of text, kind, client_key, device and
        author_id) in one transaction, once per ``client_key`` in their workshop.

        Returns each note and whether it is new: a re-send of a key already saved (or a key
        twice in ``drafts``) gives the note saved the first time. Each key is written in its
        note's transaction, so a note and its key are saved together or not at all.
        """
        now = self.now()
        saved: list[tuple[int, bool]] = []
        with self._write("save the notes from phones"):
            found = self.db.execute("SELECT workshop_id FROM exercises WHERE id = ?", (exercise_id,)).fetchone()
            if found is None:
                raise NotFoundError(f"No exercise has the id {exercise_id}.")
            workshop_id = found[0]
            for draft in drafts:
                known = self.phone_note_id(workshop_id, draft["client_key"])
                if known is not None:
                    saved.append((known, False))
                    continue
                note_id = self.db.execute(
                    "INSERT INTO notes (workshop_id, exercise_id, text, kind, author_id, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (workshop_id, exercise_id, draft["text"], draft["kind"], draft["author_id"], now, now),
                ).lastrowid
                self.db.execute("INSERT INTO phone_notes (note_id, workshop_id, client_key, device) "
                                "VALUES (?, ?, ?, ?)", (note_id, workshop_id, draft["client_key"], draft["device"]))
                saved.append((note_id, True))
            if any(new for _, new in saved):
                self.db.execute("UPDATE workshops SET updated = ? WHERE id = ?", (now, workshop_id))
        notes = {n.id: n for n in self.notes_by_ids({i for i, _ in saved})}
        return [(notes[i], new) for i, new in saved]

    def phone_note_id(self, workshop_id: str, client_key: str) -> int | None:
        """The note a phone saved under ``client_key`` in this workshop (deleted or not), if any."""
        found = self.db.execute("SELECT note_id FROM phone_notes WHERE workshop_id = ? AND client_key = ?",
                                (workshop_id, client_key)).fetchone()
        return found[0] if found else None

    def phone_note_keys(self, note_ids: Iterable[int]) -> dict[int, str]:
        """Which of these notes came from a phone: note id -> the key its phone gave it."""
        return self._phone_column("client_key", note_ids)

    def phone_devices(self, note_ids: Iterable[int]) -> dict[int, str]:
        """Which of these notes came from a phone: note id -> the device's name."""
        return self._phone_column("device", note_ids)

    def phone_notes_of(self, workshop_id: str) -> list[Note]:
        """The workshop's notes sent from phones and still on a board, newest first."""
        sql = (f"SELECT {', '.join('n.' + c for c in Note.__dataclass_fields__)} FROM notes n "
               "JOIN phone_notes p ON p.note_id = n.id WHERE p.workshop_id = ? AND n.deleted = 0 ORDER BY n.id DESC")
        return [_note(r) for r in self.db.execute(sql, (workshop_id,))]

    def _phone_column(self, column: str, note_ids: Iterable[int]) -> dict[int, str]:
        ids = list(note_ids)
        found: dict[int, str] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            sql = f"SELECT note_id, {column} FROM phone_notes WHERE note_id IN ({_marks(chunk)})"
            found.update(dict(self.db.execute(sql, chunk).fetchall()))
        return found

    def note(self, note_id: int) -> Note:
        found = self._rows("SELECT * FROM notes WHERE id = ?", (note_id,))
        if not found:
            raise NotFoundError(f"No note has the id {note_id}.")
        return rows.note(found[0])

    def notes(self, exercise_id: int, *, include_deleted: bool = False) -> list[Note]:
        sql = f"SELECT {_NOTE_COLUMNS} FROM notes WHERE exercise_id = ?"
        if not include_deleted:
            sql += " AND deleted = 0"
        return [_note(r) for r in self.db.execute(sql + " ORDER BY id", (exercise_id,))]

    def notes_by_ids(self, note_ids: Iterable[int]) -> list[Note]:
        """The notes with these ids (deleted ones too), in the order asked; unknown ids are left out."""
        ids = list(note_ids)
        found: dict[int, Note] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            for row in self.db.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id IN ({_marks(chunk)})", chunk):
                found[row[0]] = _note(row)
        return [found[i] for i in ids if i in found]

    def update_note(self, note_id: int, **fields) -> Note:
        self.update_notes({note_id: fields}, what="save the note")
        return self.note(note_id)

    def update_notes(self, changes: Mapping[int, Mapping], *, what: str = "save the notes") -> None:
        """Apply per-note field changes (positions of a drag, say) in one transaction."""
        now = self.now()
        with self._write(what):
            workshops = set()
            for note_id, fields in changes.items():
                unknown = set(fields) - set(NOTE_FIELDS)
                if unknown:
                    raise ValueError(f"unknown note fields: {sorted(unknown)}")
                assignments = ", ".join(f"{k} = :{k}" for k in (*fields, "updated"))
                cursor = self.db.execute(
                    f"UPDATE notes SET {assignments} WHERE id = :id RETURNING workshop_id",
                    {**fields, "updated": now, "id": note_id})
                found = cursor.fetchone()
                if found is None:
                    raise NotFoundError(f"No note has the id {note_id}.")
                workshops.add(found[0])
            for workshop_id in workshops:
                self.db.execute("UPDATE workshops SET updated = ? WHERE id = ?", (now, workshop_id))

    def set_note_positions(self, positions: Mapping[int, tuple[float, float] | None]) -> None:
        """Where cards sit on their board (None: in the board's automatic grid), in one
        transaction and one statement however many cards a drag moved."""
        if not positions:
            return
        ids = list(positions)
        now = self.now()
        with self._write("move the notes"):
            workshops, found = set(), 0
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                for workshop_id, count in self.db.execute(
                        f"SELECT workshop_id, COUNT(*) FROM notes WHERE id IN ({_marks(chunk)}) GROUP BY workshop_id",
                        chunk):
                    workshops.add(workshop_id)
                    found += count
            if found != len(set(ids)):
                raise NotFoundError("Some of those notes no longer exist.")
            self.db.conn.executemany(
                "UPDATE notes SET x = ?, y = ?, updated = ? WHERE id = ?",
                [(*(place if place is not None else (None, None)), now, nid) for nid, place in positions.items()])
            for workshop_id in workshops:
                self.db.execute("UPDATE workshops SET updated = ? WHERE id = ?", (now, workshop_id))

    def delete_notes(self, note_ids: Iterable[int]) -> None:
        self._set_deleted(list(note_ids), 1, "delete the notes")

    def restore_notes(self, note_ids: Iterable[int]) -> None:
        self._set_deleted(list(note_ids), 0, "restore the notes")

    def _set_deleted(self, ids: list[int], deleted: int, what: str) -> None:
        if not ids:
            return
        with self._write(what):
            self.db.execute(f"UPDATE notes SET deleted = ?, updated = ? WHERE id IN ({_marks(ids)})",
                            (deleted, self.now(), *ids))

    # -- themes ------------------------------------------------------------------
    def themes(self, exercise_id: int) -> list[Theme]:
        return [rows.theme(r) for r in self._rows(
            "SELECT * FROM themes WHERE exercise_id = ? AND deleted = 0 ORDER BY position, id",
            (exercise_id,))]

    def theme(self, theme_id: int) -> Theme:
        found = self._rows("SELECT * FROM themes WHERE id = ?", (theme_id,))
        if not found:
            raise NotFoundError(f"No theme has the id {theme_id}.")
        return rows.theme(found[0])

    def create_theme(self, exercise_id: int, title: str, note_ids: Iterable[int] = ()) -> Theme:
        """A new theme on the exercise's board holding ``note_ids``."""
        ids = list(note_ids)
        with self._write("group the notes"):
            workshop_id, position = self.db.execute(
                "SELECT e.workshop_id, (SELECT COALESCE(MAX(position) + 1, 0) FROM themes "
                "WHERE exercise_id = e.id) FROM exercises e WHERE e.id = ?", (exercise_id,)).fetchone()
            theme_id = self.db.execute(
                "INSERT INTO themes (workshop_id, exercise_id, title, position) VALUES (?, ?, ?, ?)",
                (workshop_id, exercise_id, title, position)).lastrowid
            if ids:
                self.db.execute(f"UPDATE notes SET theme_id = ? WHERE id IN ({_marks(ids)})", (theme_id, *ids))
        return self.theme(theme_id)

    def rename_theme(self, theme_id: int, title: str) -> Theme:
        with self._write("rename the theme"):
            self.db.execute("UPDATE themes SET title = ? WHERE id = ?", (title, theme_id))
        return self.theme(theme_id)

    def set_theme_deleted(self, theme_id: int, deleted: bool, note_ids: Iterable[int] = ()) -> None:
        """Ungroup (deleted) or regroup a theme; ``note_ids`` are the notes it holds when restored."""
        ids = list(note_ids)
        with self._write("ungroup the theme" if deleted else "restore the theme"):
            self.db.execute("UPDATE themes SET deleted = ? WHERE id = ?", (int(deleted), theme_id))
            if deleted:
                self.db.execute("UPDATE notes SET theme_id = NULL WHERE theme_id = ?", (theme_id,))
            elif ids:
                self.db.execute(f"UPDATE notes SET theme_id = ? WHERE id IN ({_marks(ids)})", (theme_id, *ids))
