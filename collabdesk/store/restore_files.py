"""The files a restore under way leaves beside the database (see ``restore``).

On their own so that every start can look for them without loading the restore and
backup modules: they are only needed when one of these files is there.
"""

from pathlib import Path


def incoming(db_path: Path) -> Path:
    """The checked copy of the backup, before it is renamed over the database."""
    return db_path.with_name(db_path.name + ".restoring")


def plan(db_path: Path) -> Path:
    """Which backup, and where the replaced database goes: once written, the restore is as good as done."""
    return db_path.with_name(db_path.name + ".restore")


def draft(db_path: Path) -> Path:
    """The plan while it is written."""
    return db_path.with_name(db_path.name + ".restore.new")


def interrupted(db_path: Path) -> bool:
    """Whether a restore of ``db_path`` left any of its files (one was interrupted, or is under way)."""
    return any(path.exists() for path in (plan(db_path), draft(db_path), incoming(db_path)))
