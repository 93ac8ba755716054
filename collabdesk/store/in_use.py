"""Whether CollabDesk has the database open: an advisory lock on a small file of its own.

Every ``Store`` (the app for as long as it runs, each command while it works) holds a
*shared* lock on the database's lock file (``lock_path``, in this user's runtime folder);
a restore needs the *exclusive* lock, so it is refused while CollabDesk has the database
open instead of swapping the file under a connection that would go on writing into the
copy moved aside. The lock file is never read or written; the last holder to let go removes it, and a holder that finds
its file was removed meanwhile takes the new one instead, so no lock files pile up.

This is a separate file on purpose: SQLite's own POSIX locks on ``.sqlite``, ``-wal``
and ``-shm`` are dropped for the whole process when any descriptor of those files is
closed (see ``hold``), so nothing here ever opens them. BSD ``flock`` locks belong to
one open file, not to the process, so two stores in one process (tests, the app's
restore) also see each other. It binds only CollabDesk: other SQLite tools ignore it.
Where ``fcntl`` does not exist (Windows) the lock does nothing.

The same mechanism serialises backups of one database (``folder_lock``).
"""

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks here; a restore there trusts the user to close the app
    fcntl = None

WAIT_SECONDS = 10.0  # as long as a write waits for another process (store.BUSY_TIMEOUT_MS)
POLL_SECONDS = 0.05


class InUseError(StoreError):
    """The database is open in CollabDesk (the app or another command)."""


def lock_path(db_path: Path) -> Path:
    """The database's lock file, in this user's private runtime folder, named by a hash of its path.

    Not beside the database: a file appearing and going there would wake anything watching
    that folder (a team folder, a file dialog), and sit in the facilitator's way.
    """
    from ..paths import runtime_dir

    digest = hashlib.sha256(str(db_path.expanduser().resolve()).encode()).hexdigest()[:32]
    return runtime_dir() / f"{digest}.lock"


class FileLock:
    """A lock held on a lock file until ``release`` (or the end of a ``with`` block)."""

    def __init__(self, path: Path | None = None, descriptor: int | None = None):
        self._path = path
        self._descriptor = descriptor

    def release(self) -> None:
        if self._descriptor is None:
            return
        try:  # the last holder removes the file: nobody else holds it, so nobody can be locking it
            fcntl.flock(self._descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self._path.unlink(missing_ok=True)
        except OSError:
            pass  # still held by others (or already gone): leave it
        os.close(self._descriptor)  # closing the only descriptor releases the flock
        self._descriptor = None

    def __enter__(self) -> "FileLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _acquire(target: Path, mode: int, wait: float) -> FileLock | None:
    """The lock for ``target`` (a database or a backup folder), or None if another holder keeps it
    past ``wait`` seconds."""
    if fcntl is None:
        return FileLock()
    try:
        path = lock_path(target)
    except OSError:
        return FileLock()  # no private folder for locks here: go on unlocked rather than not at all
    deadline = time.monotonic() + wait
    while True:
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return FileLock()  # the lock folder cannot be written to: go on unlocked
        try:
            fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            if time.monotonic() >= deadline:
                return None
            time.sleep(POLL_SECONDS)
            continue
        if _same_file(descriptor, path):
            return FileLock(path, descriptor)
        os.close(descriptor)  # the last holder removed it while we waited: lock the current one


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def shared(db_path: Path) -> FileLock:
    """What every open store holds; waits out a restore under way."""
    held = _acquire(db_path, fcntl.LOCK_SH if fcntl else 0, WAIT_SECONDS)
    if held is None:
        raise InUseError(f"{db_path} is being restored from a backup; try again when that is done.")
    return held


def exclusive(db_path: Path) -> FileLock:
    """Sole use of the database, for a restore: refused at once while anyone has it open."""
    held = _acquire(db_path, fcntl.LOCK_EX if fcntl else 0, 0)
    if held is None:
        raise InUseError(f"{db_path} is open in CollabDesk (the app, or another collabdesk command). "
                         "Close the app (or wait for the command to finish), then try again. Nothing was changed.")
    return held


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """One backup at a time into ``folder``: a second one waits its turn (no time limit)."""
    held = _acquire(folder, fcntl.LOCK_EX if fcntl else 0, float("inf"))
    try:
        yield
    finally:
        held.release()
