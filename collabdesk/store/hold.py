"""The process's hold on the live database, and how it is kept, checked and taken back.

SQLite's unix VFS locks with POSIX advisory locks, which belong to the process and the
file: when *any* code in the process opens one of the database's files and closes that
descriptor again, the kernel drops every lock the process held on the file ("How To
Corrupt An SQLite Database File", section 2.2). A Qt file dialog sniffing ``x.sqlite`` to
choose an icon is enough. Another process then believes it is the last connection,
checkpoints and deletes the live write-ahead log; every later commit of the app goes
into a deleted file and is lost at the next crash.

Two defences live here, beside the rule that nothing in the app opens these files:

* ``LIVE`` names the databases this process has open, so every piece of our code that
  opens a file a person chose (imports, exports, the file dialogs' filter) refuses the
  live database's files by name and ``stat`` alone, without opening them.
* ``Hold`` checks, before a write begins and before its commit is acknowledged, that the
  hold is intact: on Linux, that the kernel still lists the process's locks on the
  database and its ``-shm`` (``/proc/self/fdinfo``, a few microseconds), and everywhere,
  that the ``-wal`` and the database at their paths are still the files SQLite opened
  (same device and inode). ``Hold.release`` closes a connection whose hold was lost
  without letting SQLite checkpoint its stale log over the file or delete a log that
  may now belong to another process.

Nothing else SQLite offers helps: ``locking_mode=EXCLUSIVE`` shuts the command line out
and its lock is dropped the same way; a spare descriptor kept open does not stop another
descriptor's close from dropping the locks; a lock file (``flock``, immune to this) only
binds programs that look at it, and the database is public to any SQLite tool.
"""

import enum
import fcntl
import os
import sqlite3
from collections import Counter
from pathlib import Path

from .errors import StoreError

SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")

# The byte ranges SQLite's unix VFS locks (os_unix.c): every connection in WAL mode keeps a
# read lock on the database's SHARED range and on the -shm's "dead man switch" byte.
_SHARED_FIRST, _SHARED_SIZE = 0x40000000 + 2, 510
_FLOCK = "hhqqi4x"  # struct flock on 64-bit Linux: type, whence, start, len, pid

_PROC_FD = Path("/proc/self/fd")

LIVE: Counter[str] = Counter()  # resolved path of each database open in this process


def _key(path: str | os.PathLike) -> str:
    return os.path.realpath(os.fspath(path))


def register(db_path: Path) -> None:
    LIVE[_key(db_path)] += 1


def unregister(db_path: Path) -> None:
    key = _key(db_path)
    LIVE[key] -= 1
    if LIVE[key] <= 0:
        del LIVE[key]


def live_database_file(path: str | os.PathLike) -> str | None:
    """The live database that ``path`` is (or is a side file of), else None; never opens ``path``."""
    wanted = _key(path)
    try:
        identity = _identity(os.stat(wanted))
    except OSError:
        identity = None
    for db in LIVE:
        for suffix in SIDE_SUFFIXES:
            side = db + suffix
            if wanted == side:
                return db
            try:
                if identity is not None and identity == _identity(os.stat(side)):
                    return db
            except OSError:
                continue
    return None


def refuse_live_database_file(path: str | os.PathLike) -> None:
    """Raise a clear StoreError when ``path`` is one of the open database's own files."""
    db = live_database_file(path)
    if db is not None:
        raise StoreError(f"{path} is part of the CollabDesk database in use ({db}). "
                         "CollabDesk never reads or writes it as a file; choose another file.")


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


class State(enum.Enum):
    HELD = "held"
    LOCKS_LOST = "locks lost"  # the log at the path is still ours: reopening loses nothing
    LOG_GONE = "log gone"  # the log (or the database) at the path is not the file SQLite writes to


class Hold:
    """What SQLite holds open for one connection in WAL mode, taken right after it opened."""

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.wal_path = Path(f"{db_path}-wal")
        self.files = {str(path): _identity(os.stat(path)) for path in (self.db_path, self.wal_path)}
        self._lock_fds = _locked_descriptors(self.db_path) if _PROC_FD.is_dir() else {}

    @classmethod
    def take(cls, conn: sqlite3.Connection, db_path: Path) -> "Hold | None":
        """The hold of ``conn`` (after a read, so SQLite has its files open); None outside WAL mode."""
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            return None
        return cls(db_path)

    def state(self) -> State:
        for path, identity in self.files.items():
            try:
                if _identity(os.stat(path)) != identity:
                    return State.LOG_GONE
            except FileNotFoundError:
                return State.LOG_GONE
        for fd, identity in self._lock_fds.items():
            if not _has_lock(fd, identity):
                return State.LOCKS_LOST
        return State.HELD

    def release(self, conn: sqlite3.Connection) -> None:
        """Close ``conn`` without the checkpoint SQLite runs when the last connection closes.

        With the hold lost, that checkpoint would copy pages from a stale or orphaned log
        over what other processes committed, and then delete the log at the path, which
        may be another process's live one. An open-file-description read lock on the
        SHARED range (Linux) makes SQLite's bid for the exclusive lock fail, so it closes
        without touching either; elsewhere the connection is left open for the process's
        life rather than risk it.
        """
        if not hasattr(fcntl, "F_OFD_SETLK"):
            _ABANDONED.append(conn)
            return
        fd = os.open(self.db_path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, _flock(fcntl.F_RDLCK, _SHARED_FIRST, _SHARED_SIZE))
            conn.close()
        finally:
            os.close(fd)  # the process holds no other lock on the file now: nothing to drop


_ABANDONED: list[sqlite3.Connection] = []


def _flock(kind: int, start: int, length: int) -> bytes:
    import struct

    return struct.pack(_FLOCK, kind, os.SEEK_SET, start, length, 0)


def _locked_descriptors(db_path: Path) -> dict[int, tuple[int, int]]:
    """SQLite's descriptors on the database and its -shm (the files it locks), by /proc/self/fd."""
    wanted = {_key(db_path), _key(f"{db_path}-shm")}
    found = {}
    for name in os.listdir(_PROC_FD):
        try:
            target = os.readlink(_PROC_FD / name)
            if target in wanted:
                found[int(name)] = _identity(os.stat(_PROC_FD / name))
        except OSError:
            continue
    return found


def _has_lock(fd: int, identity: tuple[int, int]) -> bool:
    """Whether the process still holds a lock on the file behind ``fd`` (SQLite's own descriptor).

    The kernel lists a lock under the descriptor it was taken through; when a second
    connection in the process took it through another, /proc/locks (the whole machine's
    list, slower) settles it.
    """
    try:  # plain os calls: this runs twice for every save
        info = os.open(f"/proc/self/fdinfo/{fd}", os.O_RDONLY | os.O_CLOEXEC)
        try:
            fdinfo = os.read(info, 65536)
        finally:
            os.close(info)
        if _identity(os.stat(f"/proc/self/fd/{fd}")) != identity:
            return False
    except OSError:
        return False
    if b"\nlock:" in fdinfo:
        return True
    dev, ino = identity
    needle = f" {os.getpid()} {os.major(dev):02x}:{os.minor(dev):02x}:{ino} "
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            return any(needle in line for line in locks)
    except OSError:
        return True  # no way to tell: the log's identity check still stands
