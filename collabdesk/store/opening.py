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

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from ..domain.clock import Clock, system_clock
from .errors import CorruptDatabaseError, ForeignDatabaseError, StoreError

# The same rows, in the same order, as LibraryRows.summaries() (library.SUMMARY_SQL and
# LIBRARY_ORDER), but with the counts the triggers of schema v4 keep rather than counted
# afresh: tests/cli/test_list.py fails when the two drift apart. Columns are in the order
# of WorkshopSummary's fields.
SUMMARY_COLUMNS = ("id", "title", "date", "location", "facilitator", "status", "framework_key",
                   "notes", "votes", "actions", "updated", "series_id", "deleted", "team")
_SUMMARY_SQL = """
SELECT w.id, w.title, w.date, w.location, w.facilitator, w.status, w.framework_key,
       COALESCE(c.notes, 0), COALESCE(c.votes, 0), COALESCE(c.actions, 0), w.updated, w.series_id, w.deleted,
       {team}
FROM (SELECT * FROM workshops WHERE {where} ORDER BY {order}) w
LEFT JOIN workshop_counts c ON c.workshop_id = w.id
ORDER BY {order}
"""
_LIBRARY_ORDER = "(date = '') DESC, date DESC, updated DESC, id"


def open_store(path: str | Path, *, clock: Clock = system_clock, check: bool = False):
    """Open the workshop store at ``path``, creating and migrating it as needed.

    A file that is another program's SQLite database is refused untouched
    (``ForeignDatabaseError``); so is an empty (zero-byte) file that has good backups
    beside it, with the command that restores the latest. With ``check`` (at app start)
    the file is also given ``PRAGMA quick_check``. A file that is not a readable
    database, or fails the check, is moved aside to ``<name>.corrupt-<time>`` and a
    ``CorruptDatabaseError`` says where it went and how to restore the latest good
    backup; the next start begins a new, empty database.
    """
    from .store import Store  # sqlite-utils loads only when the full store is needed

    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give the path of a database file.")
    _refuse_what_is_not_ours(path, clock)
    try:
        store = Store(path, clock=clock)
    except CorruptDatabaseError as error:
        if not _is_damage(error.__cause__):  # cannot be opened at all (permissions, say): not damage
            raise StoreError(f"Could not open {path}: {error.__cause__ or error}.") from error
        raise _moved_aside(path, clock, _reason(error)) from error
    if check:
        problems = quick_check(store.db.conn)
        if problems:
            store.close()
            raise _moved_aside(path, clock, "; ".join(problems[:3]))
    return store


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong; empty when the database is sound."""
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if result == ["ok"] else result


def check_meanwhile(store) -> Callable[[], None]:
    """Give ``store``'s file the check ``open_store(check=True)`` gives it, on a thread of its own
    while start-up goes on (it reads the whole file: the longer, the larger the library).

    The thread reads through a read-only connection of its own. Call what is returned before
    anything can be written (the app: before its window shows): it waits for the check and,
    if the file is damaged, closes ``store``, moves the file aside and raises
    ``CorruptDatabaseError``, as ``open_store(check=True)`` does.
    """
    found: list[str] = []

    def check() -> None:
        try:
            conn = sqlite3.connect(store.path.resolve().as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error as error:
            found.append(str(error))
            return
        try:
            found.extend(quick_check(conn))
        finally:
            conn.close()

    thread = None
    if store.read_only:  # a read-only disk (rare): through the store's own connection, here and now
        found.extend(quick_check(store.db.conn))
    else:
        thread = threading.Thread(target=check, name="quick_check", daemon=True)
        thread.start()

    def confirm() -> None:
        if thread is not None:
            thread.join()
        if found:
            store.close()
            raise _moved_aside(store.path, store.clock, "; ".join(found[:3]))

    return confirm


def _refuse_what_is_not_ours(path: Path, clock: Clock) -> None:
    """Look before ``Store`` writes a byte: a foreign, empty or unreadable file is not started over."""
    from .identity import Kind, identify

    found = identify(path)
    if found.kind is Kind.FOREIGN:
        raise ForeignDatabaseError(
            f"{path} is not a CollabDesk database: it is another program's SQLite file ({found.detail}). "
            "CollabDesk has not changed it. Give --db a CollabDesk database, or a new file name.")
    if found.kind is Kind.EMPTY and _has_good_backup(path):
        raise CorruptDatabaseError(
            f"{path} is empty (0 bytes), though good backups of it exist, so CollabDesk has not started "
            f"a new database over it. {_way_back(path)}")
    if found.kind is Kind.DAMAGED:
        raise _moved_aside(path, clock, found.detail)


def _has_good_backup(path: Path) -> bool:
    from .backup import latest_good_backup

    return latest_good_backup(path) is not None


def _is_damage(cause: BaseException | None) -> bool:
    """Whether SQLite read the file and found it is not (or no longer) a sound database."""
    return getattr(cause, "sqlite_errorcode", None) in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)


def _reason(error: CorruptDatabaseError) -> str:
    cause = error.__cause__
    return str(cause) if cause is not None else str(error)


def _moved_aside(path: Path, clock: Clock, reason: str) -> CorruptDatabaseError:
    from .restore import move_aside

    try:
        moved = move_aside(path, "corrupt", clock)
    except OSError as error:
        return CorruptDatabaseError(
            f"{path} is damaged ({reason}) and could not be moved aside ({error.strerror}). "
            f"Move it somewhere safe yourself. {_way_back(path)}")
    return CorruptDatabaseError(
        f"{path} is damaged ({reason}). It was moved aside to {moved}; nothing was deleted. {_way_back(path)}")


def _way_back(path: Path) -> str:
    from .backup import restore_advice

    return restore_advice(path, if_none="No good backup was found, so CollabDesk will start a new, empty "
                                        "database here.")


def read_summaries(path: str | Path, *, trashed: bool = False, origin: str | None = None) -> list[dict]:
    """Every live (or trashed) workshop's summary row as a dict, newest first; ``origin``
    as in ``LibraryRows.summaries`` (the facilitator's own, the team's, or both)."""
    from .schema import IS_TEAM, ORIGINS, SCHEMA_VERSION

    from .identity import Kind, identify

    path = Path(path)
    rows = None
    if identify(path).kind is Kind.OURS:
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True, timeout=10)
        except sqlite3.Error:
            conn = None
        if conn is not None:
            try:
                if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                    where = "deleted != ''" + ORIGINS["own"] if trashed else "deleted = ''" + ORIGINS[origin]
                    sql = _SUMMARY_SQL.format(where=where, order=_LIBRARY_ORDER, team=IS_TEAM)
                    rows = [{**dict(zip(SUMMARY_COLUMNS, row)), "team": bool(row[-1])}
                            for row in conn.execute(sql).fetchall()]
            except sqlite3.Error:
                rows = None  # damaged, locked or odd: the full store knows what to do
            finally:
                conn.close()
    if rows is None:
        from dataclasses import asdict

        with open_store(path) as store:
            return [asdict(summary) for summary in store.summaries(trashed=trashed, origin=origin)]
    return rows
