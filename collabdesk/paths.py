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
