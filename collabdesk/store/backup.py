"""Backups of the live database, and moving damaged or replaced files out of the way.

Backups are taken with SQLite's backup API, never a file copy: a copy of a live WAL
database can miss what is still in the write-ahead log. Each backup is a plain
(rollback-journal) SQLite file named after the database and the UTC time it was taken,
e.g. ``collabdesk-20260301-141502.sqlite``, in ``paths.backup_dir(db)``; the newest
``KEEP`` are kept. A backup is written under a temporary name and renamed when
complete, so a crash mid-backup never leaves a half file that looks like a good one.

Files moved aside (a damaged database, or the one a restore replaced) are renamed,
never overwritten and never deleted: ``collabdesk.sqlite.corrupt-20260301-141502``
keeps its ``-wal`` and ``-shm`` beside it under the same new name, so SQLite still
finds them if someone opens it to rescue what it holds.
"""

import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..domain.clock import Clock, system_clock
from ..paths import backup_dir
from .errors import NewerDatabaseError, StoreError
from .schema import SCHEMA_VERSION

KEEP = 10
DAY_SECONDS = 24 * 3600
STAMP = "%Y%m%d-%H%M%S"
PARTIAL = ".partial"
STALE_PARTIAL_SECONDS = 3600
SIDE_FILES = ("", "-wal", "-shm")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime  # UTC, from the file's name
    size: int
    ok: bool  # passes PRAGMA quick_check and is a schema this CollabDesk reads
    problem: str = ""  # why it is not ok

    @property
    def taken_text(self) -> str:
        return self.taken.strftime("%Y-%m-%d %H:%M:%S UTC")


def _stamp(moment: float) -> str:
    return datetime.fromtimestamp(moment, timezone.utc).strftime(STAMP)


def _pattern(db_path: Path) -> re.Pattern:
    return re.compile(re.escape(db_path.stem) + r"-(\d{8}-\d{6})(?:-(\d+))?\.sqlite$")


def _backup_files(db_path: Path) -> list[tuple[datetime, int, Path]]:
    """The database's backups as (time taken, same-second counter, path), oldest first."""
    folder = backup_dir(db_path)
    pattern = _pattern(db_path)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = pattern.match(path.name)
            if match:
                taken = datetime.strptime(match[1], STAMP).replace(tzinfo=timezone.utc)
                found.append((taken, int(match[2] or 0), path))
    return sorted(found)


def take_backup(store, *, keep: int = KEEP) -> Path:
    """Copy the live database into the backup folder now; returns the backup's path."""
    folder = backup_dir(store.path)
    stamp = _stamp(store.clock())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target, counter = folder / f"{store.path.stem}-{stamp}.sqlite", 1
        while target.exists():
            counter += 1
            target = folder / f"{store.path.stem}-{stamp}-{counter}.sqlite"
        partial = target.with_name(target.name + PARTIAL)
        _copy_database(store.db.conn, partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        with_reason = "the disk is full" if "full" in str(error).lower() else str(error)
        raise StoreError(f"Could not back up the database into {folder}: {with_reason}.") from error
    _prune(store.path, keep)
    return target


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` page by page into a fresh plain SQLite file at ``target``."""
    target.unlink(missing_ok=True)
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, not WAL
        copy.commit()
    finally:
        copy.close()


def _prune(db_path: Path, keep: int) -> None:
    """Keep the newest ``keep`` backups; clear what backups that never finished left behind."""
    for _, _, path in _backup_files(db_path)[:-max(keep, 1)]:
        path.unlink(missing_ok=True)
    for partial in backup_dir(db_path).glob(f"*{PARTIAL}"):
        if time.time() - partial.stat().st_mtime > STALE_PARTIAL_SECONDS:  # not one being written now
            partial.unlink(missing_ok=True)


def backup_if_due(store, *, keep: int = KEEP) -> Path | None:
    """Take the once-a-day backup at start when the newest is a day old or there is none.

    An empty database (no workshops, frameworks or templates yet) is not worth a backup.
    """
    backups = _backup_files(store.path)
    if backups and store.clock() - backups[-1][0].timestamp() < DAY_SECONDS:
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
    """Open ``path`` read-only: (passes quick_check, the problem if not, schema version)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as error:
        return False, str(error), 0
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        result = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.Error as error:
        return False, str(error), 0
    finally:
        conn.close()
    if result != ["ok"]:
        return False, "; ".join(result[:3]), version
    if version > SCHEMA_VERSION:
        return False, f"written by a newer CollabDesk (schema {version})", version
    if version == 0:
        return False, "not a CollabDesk database (it has no schema)", version
    return True, "", version


def list_backups(db_path: str | os.PathLike, *, check: bool = True) -> list[BackupInfo]:
    """The database's backups, newest first, each checked with ``PRAGMA quick_check``."""
    infos = []
    for taken, _, path in reversed(_backup_files(Path(db_path))):
        ok, problem = (check_database_file(path)[:2]) if check else (True, "")
        infos.append(BackupInfo(path=path, taken=taken, size=path.stat().st_size, ok=ok, problem=problem))
    return infos


def latest_good_backup(db_path: str | os.PathLike) -> BackupInfo | None:
    for info in list_backups(db_path, check=False):
        ok, problem, _ = check_database_file(info.path)
        if ok:
            return info
    return None


def move_aside(db_path: Path, label: str, clock: Clock = system_clock) -> Path | None:
    """Rename the database (with its -wal and -shm) to ``<name>.<label>-<time>``; never overwrite.

    Returns the new path of the main file, or None when there was no file to move.
    """
    if not any(Path(f"{db_path}{side}").exists() for side in SIDE_FILES):
        return None
    base = f"{db_path.name}.{label}-{_stamp(clock())}"
    name, counter = base, 1
    while any((db_path.parent / f"{name}{side}").exists() for side in SIDE_FILES):
        counter += 1
        name = f"{base}-{counter}"
    for side in SIDE_FILES:
        source = Path(f"{db_path}{side}")
        if source.exists():
            os.rename(source, db_path.parent / f"{name}{side}")
    return db_path.parent / name


def restore_backup(db_path: Path, backup_path: Path, *, clock: Clock = system_clock) -> Path | None:
    """Put a backup in the database's place; the current file is moved aside first, not lost.

    Returns where the replaced database went (None if there was none). The backup
    itself is left where it is. Close every CollabDesk using the database first.
    """
    if not backup_path.is_file():
        raise StoreError(f"There is no backup at {backup_path}.")
    ok, problem, version = check_database_file(backup_path)
    if version > SCHEMA_VERSION:
        raise NewerDatabaseError(f"{backup_path} was written by a newer CollabDesk (schema {version}); "
                                 "update CollabDesk to restore it.")
    if not ok:
        raise StoreError(f"{backup_path} cannot be restored: {problem}.")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    incoming = db_path.with_name(db_path.name + ".restoring")
    source = sqlite3.connect(backup_path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        _copy_database(source, incoming)
    except (sqlite3.Error, OSError) as error:
        incoming.unlink(missing_ok=True)
        raise StoreError(f"Could not restore {backup_path}: {error}.") from error
    finally:
        source.close()
    moved = move_aside(db_path, "replaced", clock)
    os.replace(incoming, db_path)
    return moved
