"""Backups of the live database: a backup is a promise that it can be restored.

Backups are taken with SQLite's backup API, never a file copy: a copy of a live WAL
database can miss what is still in the write-ahead log. Each backup is a plain
(rollback-journal) SQLite file in the database's own folder ``paths.backup_dir(db)``,
named after the database and the UTC time it was taken (``collabdesk-20260301-141502.sqlite``).

What makes it a promise:

- the live database passes ``PRAGMA quick_check`` first: a damaged database is not
  backed up over the good backups (``DamagedDatabaseError`` names the latest good one);
- the copy is written under a temporary name, checked again, and only then renamed
  into place, so a file with a backup's name is a complete, checked backup;
- the time it was taken is recorded inside it (table ``collabdesk_backup``, dropped
  again by a restore), so pruning keeps the newest ``KEEP`` by that time, whatever the
  file is called; a backup dated later than the one just made (taken while the clock
  was ahead) counts as older than every sensibly dated one, and the backup just made
  is never pruned;
- one backup of a database at a time (``in_use.folder_lock``): a second one waits, and
  whatever a killed backup left behind is cleared by the next.
"""

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..paths import backup_dir
from . import in_use
from .errors import CorruptDatabaseError, StoreError
from .opening import quick_check  # kept there: the start-up check needs it without this module
from .schema import SCHEMA_VERSION

KEEP = 10
DAY_SECONDS = 24 * 3600
STAMP = "%Y%m%d-%H%M%S"
PARTIAL = ".partial"
MARKER = "collabdesk_backup"  # the table inside each backup recording when it was taken, and of what

log = logging.getLogger(__name__)


class DamagedDatabaseError(CorruptDatabaseError):
    """The live database failed its check, so it was not backed up."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime  # UTC, as recorded inside the backup (or, for older backups, in its name)
    size: int
    ok: bool  # passes PRAGMA quick_check and is a schema this CollabDesk reads
    problem: str = ""  # why it is not ok

    @property
    def taken_text(self) -> str:
        return self.taken.strftime("%Y-%m-%d %H:%M:%S UTC")


def _utc(moment: float) -> datetime:
    return datetime.fromtimestamp(moment, timezone.utc)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that changes nothing: backups are plain files nobody else writes to."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def _recorded(path: Path) -> tuple[datetime | None, str]:
    """(When, of which database file) as recorded inside a backup; (None, "") if not recorded."""
    try:
        conn = _read_only(path)
        try:
            row = conn.execute(f"SELECT taken, database FROM {MARKER}").fetchone()
        finally:
            conn.close()
        return datetime.fromisoformat(row[0]), row[1]
    except (sqlite3.Error, ValueError, TypeError):
        return None, ""


def _name_pattern(db_path: Path) -> re.Pattern:
    """A backup's name: the database's, the time taken, a counter for a second in one second."""
    return re.compile(re.escape(db_path.stem) + r"-(\d{8}-\d{6})(?:-(\d+))?\.sqlite$")


def _backups(db_path: Path) -> list[tuple[datetime, Path]]:
    """This database's backups with the time each was taken, in no particular order.

    Files in the folder under other names (a copy rescued by ``Store.check_hold``) are not backups.
    """
    folder, pattern = backup_dir(db_path), _name_pattern(db_path)
    found = []
    if folder.is_dir():
        for path in folder.glob("*.sqlite"):
            match = pattern.match(path.name)
            if not match:
                continue
            taken, database = _recorded(path)
            if database and database != db_path.name:
                continue  # another database's backup, in a folder older versions shared
            found.append((taken or datetime.strptime(match[1], STAMP).replace(tzinfo=timezone.utc), path))
    return found


def _newest_first(db_path: Path, now: datetime) -> list[tuple[datetime, Path]]:
    """The backups newest first, a backup dated after ``now`` (a clock that was ahead) behind every other.

    Backups taken in one second are told apart by the counter in their names.
    """
    pattern = _name_pattern(db_path)

    def key(backup: tuple[datetime, Path]) -> tuple:
        return backup[0] <= now, backup[0], int(pattern.match(backup[1].name)[2] or 1)

    return sorted(_backups(db_path), key=key, reverse=True)


def take_backup(store, *, keep: int = KEEP) -> Path:
    """Copy the live database into its backup folder now; returns the checked backup's path."""
    problems = quick_check(store.db.conn)
    if problems:
        raise DamagedDatabaseError(
            f"{store.path} is damaged ({'; '.join(problems[:3])}), so it was not backed up: "
            f"the backups you have are kept as they are. {restore_advice(store.path)}")
    folder = backup_dir(store.path)
    taken = _utc(store.clock())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with in_use.folder_lock(folder):
            for leftover in folder.glob(f"*{PARTIAL}"):  # a killed backup's: none is being written now
                leftover.unlink(missing_ok=True)
            target = _free_name(folder, f"{store.path.stem}-{taken.strftime(STAMP)}")
            partial = folder / f".{target.name}{PARTIAL}"
            _write_backup(store, partial, taken)
            os.replace(partial, target)
            _prune(store.path, keep, target, taken)
    except (sqlite3.Error, OSError) as error:
        with_reason = "the disk is full" if "full" in str(error).lower() else str(error)
        raise StoreError(f"Could not back up the database into {folder}: {with_reason}.") from error
    return target


def _free_name(folder: Path, base: str) -> Path:
    target, counter = folder / f"{base}.sqlite", 1
    while target.exists():
        counter += 1
        target = folder / f"{base}-{counter}.sqlite"
    return target


def _write_backup(store, partial: Path, taken: datetime) -> None:
    """The copy, with when and of what it was taken, checked; removed again if it fails."""
    try:
        copy_database(store.db.conn, partial)
        conn = sqlite3.connect(str(partial), isolation_level=None)
        try:
            conn.execute(f"CREATE TABLE {MARKER} (taken TEXT NOT NULL, database TEXT NOT NULL)")
            conn.execute(f"INSERT INTO {MARKER} VALUES (?, ?)", (taken.isoformat(), store.path.name))
            problems = quick_check(conn)
        finally:
            conn.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if problems:
        partial.unlink(missing_ok=True)
        raise StoreError(f"The backup just written failed its check ({'; '.join(problems[:3])}); "
                         "it was removed and the earlier backups are kept")


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` page by page into a fresh plain SQLite file at ``target``."""
    target.unlink(missing_ok=True)
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, not WAL
        copy.commit()
    finally:
        copy.close()


def _prune(db_path: Path, keep: int, just_made: Path, taken: datetime) -> None:
    """Keep the newest ``keep`` backups, always counting the one just made among them."""
    others = [b for b in _newest_first(db_path, taken) if b[1] != just_made]
    for _, path in others[max(keep, 1) - 1:]:
        path.unlink(missing_ok=True)


def backup_if_due(store, *, keep: int = KEEP) -> Path | None:
    """Take the once-a-day backup at start when the newest is a day old or there is none.

    An empty database (no workshops, frameworks or templates yet) is not worth a backup.
    A backup dated in the future does not put the next one off.
    """
    now = _utc(store.clock())
    recent = [taken for taken, _ in _backups(store.path) if taken <= now]
    if recent and (now - max(recent)).total_seconds() < DAY_SECONDS:
        return None
    has_content = store.db.execute(
        "SELECT EXISTS (SELECT 1 FROM workshops) OR EXISTS (SELECT 1 FROM frameworks) "
        "OR EXISTS (SELECT 1 FROM templates)").fetchone()[0]
    return take_backup(store, keep=keep) if has_content else None


def backup_quietly(store, *, keep: int = KEEP) -> Path | None:
    """A backup that never raises: for when a workshop closes.

    The close itself is already committed; a backup that fails then (a full disk, say)
    is logged rather than turned into an error about the close. The next start's daily
    backup tries again, and ``collabdesk check`` lists what backups exist.
    """
    try:
        return take_backup(store, keep=keep)
    except StoreError as error:
        log.warning("%s", error)
        return None


def check_database_file(path: Path) -> tuple[bool, str, int]:
    """Read ``path`` without changing it: (passes quick_check, the problem if not, schema version)."""
    try:
        conn = _read_only(path)
    except sqlite3.Error as error:
        return False, str(error), 0
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        problems = quick_check(conn)
        has_workshops = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workshops'").fetchone()
    except sqlite3.Error as error:
        return False, str(error), 0
    finally:
        conn.close()
    if problems:
        return False, "; ".join(problems[:3]), version
    if version > SCHEMA_VERSION:
        return False, f"written by a newer CollabDesk (schema {version})", version
    if version == 0 or not has_workshops:
        return False, "not a CollabDesk database", version
    return True, "", version


def list_backups(db_path: str | os.PathLike, *, check: bool = True) -> list[BackupInfo]:
    """The database's backups, newest first, each checked with ``PRAGMA quick_check``."""
    now = datetime.now(timezone.utc)
    infos = []
    for taken, path in _newest_first(Path(db_path), now):
        ok, problem = check_database_file(path)[:2] if check else (True, "")
        infos.append(BackupInfo(path=path, taken=taken, size=path.stat().st_size, ok=ok, problem=problem))
    return infos


def latest_good_backup(db_path: str | os.PathLike) -> BackupInfo | None:
    for info in list_backups(db_path, check=False):
        ok, problem, _ = check_database_file(info.path)
        if ok:
            return info
    return None


def restore_advice(path: Path, *, if_none: str = "No good backup was found.") -> str:
    """The way back: the latest good backup and the exact command that restores it."""
    import shlex

    from ..paths import database_path

    latest = latest_good_backup(path)
    if latest is None:
        return if_none
    db_option = "" if path == database_path() else f" --db {shlex.quote(str(path))}"
    return (f"The latest good backup is from {latest.taken_text}. To go back to it, close CollabDesk "
            f"and run: collabdesk{db_option} restore {shlex.quote(str(latest.path))}")
