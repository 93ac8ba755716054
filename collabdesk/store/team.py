"""Settings, and the team library's records: the files seen in the team folder, the
read-only workshops indexed from them, and the problems found (schema v7).

A team workshop is an ordinary row of ``workshops`` (so search, reports and series
see it like any other) marked by a row of ``team_workshops``. It keeps the UUID from
its file, so a second file with that UUID (a newer edit, a conflict copy) updates it
and never adds another.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.model import WorkshopContent


@dataclass(frozen=True)
class TeamFile:
    """What the team folder's file at ``path`` was when it was last read."""

    path: str  # relative to the team folder, with "/" between folders
    workshop_id: str
    size: int
    mtime_ns: int
    digest: str
    updated: str


@dataclass(frozen=True)
class TeamProblem:
    path: str
    reason: str
    seen: str


class TeamRows:
    # -- settings -------------------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        found = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return found[0] if found else default

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a setting; None removes it."""
        with self._write("save the setting"):
            if value is None:
                self.db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                self.db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    # -- what is known of the folder -----------------------------------------------
    def team_files(self) -> dict[str, TeamFile]:
        return {r["path"]: TeamFile(**r) for r in self._rows("SELECT * FROM team_files")}

    def team_workshop_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT workshop_id FROM team_workshops")}

    def is_team_workshop(self, workshop_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM team_workshops WHERE workshop_id = ?", (workshop_id,)).fetchone() \
            is not None

    def team_record(self, workshop_id: str) -> tuple[str, str] | None:
        """(path of the file it was read from, that file's ``updated``) for a team workshop."""
        found = self.db.execute("SELECT path, updated FROM team_workshops WHERE workshop_id = ?",
                                (workshop_id,)).fetchone()
        return (found[0], found[1]) if found else None

    def workshop_origin(self, workshop_id: str) -> str:
        """"team", "own", or "" when no workshop has the id."""
        found = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM team_workshops t WHERE t.workshop_id = w.id) FROM workshops w "
            "WHERE w.id = ?", (workshop_id,)).fetchone()
        if found is None:
            return ""
        return "team" if found[0] else "own"

    # -- indexing ----------------------------------------------------------------------
    def record_team_file(self, seen: TeamFile, content: WorkshopContent | None, *, when: str) -> None:
        """Remember a file just read and, with ``content``, make it the team workshop.

        One transaction: the file's row, its problem cleared and (with ``content``) the
        workshop replaced whole under its UUID, keeping the series it was put in here.
        ``content`` carries the file's UUID as its workshop id.
        """
        with self._write("index the team folder") as db:
            db.execute("INSERT OR REPLACE INTO team_files (path, workshop_id, size, mtime_ns, digest, updated) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       (seen.path, seen.workshop_id, seen.size, seen.mtime_ns, seen.digest, seen.updated))
            db.execute("DELETE FROM team_problems WHERE path = ?", (seen.path,))
            if content is not None:
                self.replace_content(content, what="index the team folder")
                db.execute("INSERT INTO team_workshops (workshop_id, path, updated, indexed) VALUES (?, ?, ?, ?)",
                           (seen.workshop_id, seen.path, seen.updated, when))
            # a file of a hidden team workshop is back (restored, or a copy of it): show it again
            db.execute("UPDATE workshops SET deleted = '' WHERE id = ? AND id IN "
                       "(SELECT workshop_id FROM team_workshops)", (seen.workshop_id,))

    def forget_team_files(self, paths: Iterable[str], *, when: str) -> None:
        """Files gone from the folder: forget them and hide the team workshops left with no file.

        A hidden team workshop is kept (with its series) so a file a sync engine restores
        brings it back as it was, never as a second copy.
        """
        paths = list(paths)
        with self._write("index the team folder"):
            for path in paths:
                self.db.execute("DELETE FROM team_files WHERE path = ?", (path,))
                self.db.execute("DELETE FROM team_problems WHERE path = ?", (path,))
            self.db.execute(  # shown from a file that left, while a copy stays: shown from the newest copy
                "UPDATE team_workshops SET path = (SELECT f.path FROM team_files f WHERE f.workshop_id = "
                "team_workshops.workshop_id ORDER BY f.updated DESC, f.path LIMIT 1) "
                "WHERE path NOT IN (SELECT path FROM team_files) "
                "AND workshop_id IN (SELECT workshop_id FROM team_files)")
            self.db.execute(
                "UPDATE workshops SET deleted = ? "
                "WHERE deleted = '' AND id IN (SELECT workshop_id FROM team_workshops) "
                "AND id NOT IN (SELECT workshop_id FROM team_files)", (when,))

    def forget_team_folder(self) -> None:
        """The team folder was changed or switched off: remove every team workshop and record."""
        with self._write("leave the team folder"):
            self.db.execute("DELETE FROM workshops WHERE id IN (SELECT workshop_id FROM team_workshops)")
            for table in ("team_files", "team_workshops", "team_problems"):
                self.db.execute(f"DELETE FROM {table}")

    # -- problems ------------------------------------------------------------------------
    def note_team_problem(self, path: str, reason: str, *, when: str) -> None:
        with self._write("note a team folder problem"):
            self.db.execute("INSERT INTO team_problems (path, reason, seen) VALUES (?, ?, ?) "
                            "ON CONFLICT (path) DO UPDATE SET reason = excluded.reason, seen = excluded.seen",
                            (path, reason, when))

    def clear_team_problems(self, paths: Iterable[str]) -> None:
        paths = list(paths)
        with self._write("index the team folder"):
            self.db.executemany("DELETE FROM team_problems WHERE path = ?", [(p,) for p in paths])

    def team_problems(self) -> list[TeamProblem]:
        return [TeamProblem(**r) for r in self._rows("SELECT path, reason, seen FROM team_problems ORDER BY path")]

    def team_workshop_count(self) -> int:
        return self.db.execute(
            "SELECT COUNT(*) FROM team_workshops t JOIN workshops w ON w.id = t.workshop_id "
            "WHERE w.deleted = ''").fetchone()[0]
