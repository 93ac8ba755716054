"""Opening the database the way the app and the command line need it.

``open_store`` is the front door: the full ``Store``, plus what to do when the file is
damaged (move it aside, never overwrite it, and say how to get the latest good backup
back). A database written by a newer CollabDesk is refused untouched by ``Store``
itself; that error passes through here unchanged.

``read_summaries`` is the library list for the command line's ``list``: plain rows read
with the bare ``sqlite3`` module, without loading sqlite-utils or the domain classes, so
the command answers in about the time Python takes to start. Anything beyond a plain
read (no file yet, an older schema to migrate, a damaged or locked file) goes through
``open_store`` instead.
"""

import shlex
import sqlite3
from pathlib import Path

from ..domain.clock import Clock, system_clock
from .errors import CorruptDatabaseError, StoreError

# The same rows, in the same order, as LibraryRows.summaries() (library.SUMMARY_SQL and
# LIBRARY_ORDER), but with the counts the triggers of schema v4 keep rather than counted
# afresh: tests/cli/test_list.py fails when the two drift apart. Columns are in the order
# of WorkshopSummary's fields.
SUMMARY_COLUMNS = ("id", "title", "date", "location", "facilitator", "status", "framework_key",
                   "notes", "votes", "actions", "updated", "series_id", "deleted")
_SUMMARY_SQL = """
SELECT w.id, w.title, w.date, w.location, w.facilitator, w.status, w.framework_key,
       COALESCE(c.notes, 0), COALESCE(c.votes, 0), COALESCE(c.actions, 0), w.updated, w.series_id, w.deleted
FROM (SELECT * FROM workshops WHERE {where} ORDER BY {order}) w
LEFT JOIN workshop_counts c ON c.workshop_id = w.id
ORDER BY {order}
"""
_LIBRARY_ORDER = "(date = '') DESC, date DESC, updated DESC, id"


def open_store(path: str | Path, *, clock: Clock = system_clock, check: bool = False):
    """Open the workshop store at ``path``, creating and migrating it as needed.

    With ``check`` (at app start) the file is also given ``PRAGMA quick_check``. A file
    that is not a readable database, or fails the check, is moved aside to
    ``<name>.corrupt-<time>`` and a ``CorruptDatabaseError`` says where it went and how to
    restore the latest good backup; the next start begins a new, empty database.
    """
    from .store import Store  # sqlite-utils loads only when the full store is needed

    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give the path of a database file.")
    try:
        store = Store(path, clock=clock)
    except CorruptDatabaseError as error:
        if not _is_damage(error.__cause__):  # cannot be opened at all (permissions, say): not damage
            raise StoreError(f"Could not open {path}: {error.__cause__ or error}.") from error
        raise _moved_aside(path, clock, _reason(error)) from error
    if check:
        try:
            result = [row[0] for row in store.db.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as error:
            result = [str(error)]
        if result != ["ok"]:
            store.close()
            raise _moved_aside(path, clock, "; ".join(result[:3]))
    return store


def _is_damage(cause: BaseException | None) -> bool:
    """Whether SQLite read the file and found it is not (or no longer) a sound database."""
    return getattr(cause, "sqlite_errorcode", None) in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)


def _reason(error: CorruptDatabaseError) -> str:
    cause = error.__cause__
    return str(cause) if cause is not None else str(error)


def _moved_aside(path: Path, clock: Clock, reason: str) -> CorruptDatabaseError:
    from . import backup

    try:
        moved = backup.move_aside(path, "corrupt", clock)
    except OSError as error:
        return CorruptDatabaseError(
            f"{path} is damaged ({reason}) and could not be moved aside ({error.strerror}). "
            f"Move it somewhere safe yourself, then {_way_back(path)}")
    return CorruptDatabaseError(
        f"{path} is damaged ({reason}). It was moved aside to {moved}; nothing was deleted. {_way_back(path)}")


def _way_back(path: Path) -> str:
    from . import backup
    from ..paths import database_path

    latest = backup.latest_good_backup(path)
    if latest is None:
        return "No good backup was found, so CollabDesk will start a new, empty database here."
    db_option = "" if path == database_path() else f" --db {shlex.quote(str(path))}"
    return (f"To go back to the latest good backup ({latest.taken_text}), run: "
            f"collabdesk{db_option} restore {shlex.quote(str(latest.path))}")


def read_summaries(path: str | Path, *, trashed: bool = False) -> list[dict]:
    """Every live (or trashed) workshop's summary row as a dict, newest first."""
    from .schema import SCHEMA_VERSION

    path = Path(path)
    rows = None
    if path.is_file():
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True, timeout=10)
        except sqlite3.Error:
            conn = None
        if conn is not None:
            try:
                if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                    where = "deleted != ''" if trashed else "deleted = ''"
                    sql = _SUMMARY_SQL.format(where=where, order=_LIBRARY_ORDER)
                    rows = [dict(zip(SUMMARY_COLUMNS, row)) for row in conn.execute(sql).fetchall()]
            except sqlite3.Error:
                rows = None  # damaged, locked or odd: the full store knows what to do
            finally:
                conn.close()
    if rows is None:
        from dataclasses import asdict

        with open_store(path) as store:
            return [asdict(summary) for summary in store.summaries(trashed=trashed)]
    return rows
