"""Where CollabDesk keeps its data on this machine."""

import os
from pathlib import Path

APP_NAME = "CollabDesk"
ENV_DB = "COLLABDESK_DB"


def data_dir() -> Path:
    from platformdirs import user_data_path  # loaded only when no --db or $COLLABDESK_DB is given

    return user_data_path(APP_NAME, appauthor=False)


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    """``--db PATH`` first, then ``$COLLABDESK_DB``, then the user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return data_dir() / "collabdesk.sqlite"


def backup_dir(db_path: Path) -> Path:
    """Backups sit beside the database they copy, so a USB stick carries both.

    Each database has a folder of its own: ``team.sqlite`` keeps ``team-backups`` (the
    name CollabDesk always used), any other name adds ``.backups`` to the whole file
    name (``team.db.backups``), so ``team.sqlite`` and ``team.db`` never share one.
    """
    if db_path.suffix == ".sqlite":
        return db_path.parent / f"{db_path.stem}-backups"
    return db_path.parent / f"{db_path.name}.backups"


def runtime_dir() -> Path:
    """A folder of this user's own (mode 0700) for locks: ``$XDG_RUNTIME_DIR/collabdesk``, else one in
    the temporary folder named after the user. Another account cannot create or read files in it."""
    import tempfile

    base = os.environ.get("XDG_RUNTIME_DIR")
    uid = os.getuid() if hasattr(os, "getuid") else None
    if base and os.path.isdir(base):
        folder = Path(base) / "collabdesk"
    else:
        folder = Path(tempfile.gettempdir()) / f"collabdesk-{uid if uid is not None else 'user'}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if uid is not None:
        status = folder.lstat()
        if status.st_uid != uid or not folder.is_dir() or folder.is_symlink():
            raise PermissionError(f"{folder} belongs to another account; CollabDesk will not use it.")
        if status.st_mode & 0o077:
            os.chmod(folder, 0o700)
    return folder
