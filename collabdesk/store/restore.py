"""Putting a backup back, and moving damaged or replaced databases out of the way.

A restore never leaves the database missing, whenever it is interrupted:

1. the backup is checked, then copied (SQLite's backup API) to ``<db>.restoring`` and
   that copy checked: a crash here leaves the database as it was, and the next start
   removes the unfinished copy;
2. a plan, ``<db>.restore`` (which backup, where the replaced database goes), is
   written and flushed: from here on the restore is as good as done;
3. the database's ``-wal`` and ``-shm`` are renamed to the replaced copy's name, the
   database is hard-linked to that name (it stays in place meanwhile), and the copy is
   renamed over it in one atomic step; the plan is removed.

If it stops anywhere in 3, the next start (``finish_interrupted``) does the rest of the
same steps, each of which is skipped when already done, and says so. Throughout, the
database's path holds a complete database: the old one, then the restored one.

A restore needs the database to itself (``in_use.exclusive``): it is refused while the
app or a command has it open.

Files moved aside (a damaged database, or the one a restore replaced) are renamed,
never overwritten: ``collabdesk.sqlite.corrupt-20260301-141502`` keeps its ``-wal`` and
``-shm`` beside it under the same new name, so SQLite still finds them if someone opens
it to rescue what it holds. The newest ``KEEP_ASIDE`` of each kind are kept.
"""

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..domain.clock import Clock, system_clock
from . import in_use
from .backup import MARKER, check_database_file, copy_database, quick_check
from .errors import ForeignDatabaseError, NewerDatabaseError, StoreError
from .identity import Kind, identify
from .restore_files import draft as _draft
from .restore_files import incoming as _incoming
from .restore_files import interrupted
from .restore_files import plan as _plan
from .schema import SCHEMA_VERSION

SIDE_FILES = ("", "-wal", "-shm")
STAMP = "%Y%m%d-%H%M%S"
LABELS = ("corrupt", "replaced")
KEEP_ASIDE = 5


@dataclass(frozen=True)
class AsideInfo:
    path: Path
    label: str  # "corrupt" or "replaced"
    size: int


def _side(path: Path, side: str) -> Path:
    return path.with_name(path.name + side)


def _aside_name(db_path: Path, label: str, clock: Clock) -> Path:
    base = f"{db_path.name}.{label}-{datetime.fromtimestamp(clock(), timezone.utc).strftime(STAMP)}"
    name, counter = base, 1
    while any((db_path.parent / f"{name}{side}").exists() for side in SIDE_FILES):
        counter += 1
        name = f"{base}-{counter}"
    return db_path.parent / name


def move_aside(db_path: Path, label: str, clock: Clock = system_clock) -> Path | None:
    """Rename the database (with its -wal and -shm) to ``<name>.<label>-<time>``; never overwrite.

    Returns the new path of the main file, or None when there was no file to move.
    """
    if not any(_side(db_path, side).exists() for side in SIDE_FILES):
        return None
    target = _aside_name(db_path, label, clock)
    for side in SIDE_FILES:
        if _side(db_path, side).exists():
            os.rename(_side(db_path, side), _side(target, side))
    _prune_aside(db_path, label)
    return target


def moved_aside(db_path: Path) -> list[AsideInfo]:
    """The damaged and replaced copies kept beside the database, newest first."""
    found = []
    for label in LABELS:
        for path in db_path.parent.glob(f"{db_path.name}.{label}-*"):
            if not path.name.endswith(("-wal", "-shm", ".partial")):
                found.append(AsideInfo(path, label, path.stat().st_size))
    return sorted(found, key=lambda info: info.path.name.rsplit(".", 1)[-1], reverse=True)


def _prune_aside(db_path: Path, label: str) -> None:
    for info in [i for i in moved_aside(db_path) if i.label == label][KEEP_ASIDE:]:
        for side in SIDE_FILES:
            _side(info.path, side).unlink(missing_ok=True)


def restore_backup(db_path: Path, backup_path: Path, *, clock: Clock = system_clock) -> Path | None:
    """Put a backup in the database's place; the current file is kept aside, not lost.

    Returns where the replaced database now is (None if there was none). The backup
    itself is left where it is.
    """
    if not backup_path.is_file():
        raise StoreError(f"There is no backup at {backup_path}.")
    ok, problem, version = check_database_file(backup_path)
    if version > SCHEMA_VERSION:
        raise NewerDatabaseError(f"{backup_path} was written by a newer CollabDesk (schema {version}); "
                                 "update CollabDesk to restore it.")
    if not ok:
        raise StoreError(f"{backup_path} cannot be restored: {problem}. Nothing was changed.")
    found = identify(db_path)
    if found.kind is Kind.FOREIGN:
        raise ForeignDatabaseError(f"{db_path} is another program's SQLite file ({found.detail}), not a CollabDesk "
                                   "database: a backup is not restored over it. Nothing was changed.")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with in_use.exclusive(db_path):
        _finish_interrupted(db_path)
        _prepare(db_path, backup_path)
        aside = _aside_name(db_path, "replaced", clock) if db_path.exists() else None
        _write_plan(db_path, {"backup": str(backup_path), "aside": aside.name if aside else None})
        _carry_out(db_path, aside)
    if aside is not None:
        _prune_aside(db_path, "replaced")
    return aside


def _prepare(db_path: Path, backup_path: Path) -> None:
    """The backup's copy at ``<db>.restoring``, without its backup record, checked."""
    incoming = _incoming(db_path)
    try:
        source = sqlite3.connect(backup_path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            copy_database(source, incoming)
        finally:
            source.close()
        conn = sqlite3.connect(str(incoming), isolation_level=None)
        try:
            conn.execute(f"DROP TABLE IF EXISTS {MARKER}")
            problems = quick_check(conn)
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as error:
        if incoming.exists():
            os.unlink(incoming)
        raise StoreError(f"Could not restore {backup_path}: {error}. Nothing was changed.") from error
    if problems:
        os.unlink(incoming)
        raise StoreError(f"The copy of {backup_path} failed its check ({'; '.join(problems[:3])}). "
                         "Nothing was changed.")


def _write_plan(db_path: Path, plan: dict) -> None:
    """The point of no return, made durable before anything of the database is touched."""
    written = _draft(db_path)
    with open(written, "w", encoding="utf-8") as file:
        json.dump(plan, file)
        file.flush()
        os.fsync(file.fileno())
    os.replace(written, _plan(db_path))
    _sync_folder(db_path.parent)


def _carry_out(db_path: Path, aside: Path | None) -> None:
    """Step 3, each part skipped when an earlier, interrupted run already did it."""
    incoming = _incoming(db_path)
    if incoming.exists():
        if aside is not None:
            for side in ("-wal", "-shm"):
                if _side(db_path, side).exists() and not _side(aside, side).exists():
                    os.rename(_side(db_path, side), _side(aside, side))
            if db_path.exists() and not aside.exists():
                _keep_as(db_path, aside)
        os.replace(incoming, db_path)
        _sync_folder(db_path.parent)
    os.unlink(_plan(db_path))


def _keep_as(db_path: Path, aside: Path) -> None:
    """A second name for the database, which stays where it is until the restored one replaces it."""
    try:
        os.link(db_path, aside)
    except OSError:  # a file system without hard links (a FAT USB stick): a copy, renamed when complete
        copying = aside.with_name(aside.name + ".partial")
        shutil.copyfile(db_path, copying)
        os.replace(copying, aside)


def _sync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def finish_interrupted(db_path: Path) -> str | None:
    """Finish (or undo) a restore a crash interrupted; what happened, or None if there was none.

    Run before the database is opened, at every start. A restore still under way in
    another process holds the database, and is left alone.
    """
    if not interrupted(db_path):
        return None
    try:
        with in_use.exclusive(db_path):
            return _finish_interrupted(db_path)
    except in_use.InUseError:
        return None


def _finish_interrupted(db_path: Path) -> str | None:
    plan_path, incoming = _plan(db_path), _incoming(db_path)
    if _draft(db_path).exists():
        os.unlink(_draft(db_path))
    if not plan_path.exists():
        if not incoming.exists():
            return None
        os.unlink(incoming)
        return (f"A restore into {db_path} was interrupted before it changed anything; "
                "the database is as it was. Run the restore again if you still want it.")
    try:
        plan = json.loads(plan_path.read_text(encoding="utf-8"))
        backup, aside = plan["backup"], plan["aside"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(f"A restore into {db_path} was interrupted, and its plan {plan_path} cannot be read "
                         f"({error}). Nothing was changed: look at {plan_path} and {incoming}.") from error
    aside_path = db_path.parent / aside if aside else None
    _carry_out(db_path, aside_path)
    kept = f" The database it replaced is kept as {aside_path}." if aside_path else ""
    return f"A restore of {backup} into {db_path} was interrupted; it has now been finished.{kept}"
