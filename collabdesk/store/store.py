"""Opening the database and the transaction discipline every write follows."""

import contextlib
import logging
import os
import shlex
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from ..domain.clock import Clock, iso, system_clock
from . import in_use
from .actions import ActionRows
from .content import ContentRows
from .errors import CorruptDatabaseError, HoldLostError, NewerDatabaseError, StoreError
from .handle import DatabaseHandle
from .health import HealthRows
from .hold import Hold, State, register, unregister
from .library import LibraryRows
from .notes import NoteRows
from .schema import SCHEMA_VERSION, migrate
from .team import TeamRows
from .voting import VotingRows
from .workshops import WorkshopRows

BUSY_TIMEOUT_MS = 10_000  # another process (the command line, a second window) may hold the lock

log = logging.getLogger(__name__)


class Store(WorkshopRows, NoteRows, VotingRows, HealthRows, ActionRows, ContentRows, LibraryRows, TeamRows):
    """One open workshop database.

    Every public method that writes is one transaction, committed before it returns:
    once a call returns, what it wrote survives a crash or a power cut
    (WAL with ``synchronous=FULL``).
    """

    def __init__(self, path: str | Path, *, clock: Clock = system_clock):
        self.path = Path(path)
        self.clock = clock
        self.read_only = _on_read_only_disk(self.path)  # then every read works and every write says why not
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise StoreError(f"There is no database at {self.path}, and its folder cannot be written to, so "
                             "CollabDesk cannot make one there. Choose a folder you can write to.")
        self._in_use = in_use.shared(self.path)  # a restore waits until every store on the file has closed
        try:
            conn = self._connect()
            self.db = DatabaseHandle(conn)
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            with contextlib.suppress(Exception):
                conn.close()
            self._in_use.release()
            raise CorruptDatabaseError(
                f"{self.path} is not a readable CollabDesk database ({error})."
            ) from error
        if version > SCHEMA_VERSION:
            self._close_unopened()
            raise NewerDatabaseError(
                f"{self.path} was written by a newer CollabDesk (schema {version}; this one "
                f"reads up to {SCHEMA_VERSION}). It has not been changed: update CollabDesk to open it."
            )
        if self.read_only and version < SCHEMA_VERSION:
            self._close_unopened()
            raise StoreError(f"{self.path} is on a read-only disk and was written by an older CollabDesk, which "
                             "this one has to update first. Copy it to a folder you can write to and open the copy.")
        try:
            self._configure()
            if version < SCHEMA_VERSION:
                migrate(self.db.utils)
        except sqlite3.DatabaseError as error:
            self._close_unopened()
            raise _translate(error, "open the database", self.path) from error
        self._hold = None if self.read_only else Hold.take(conn, self.path)
        register(self.path)

    def _connect(self) -> sqlite3.Connection:
        """Read-write; on a read-only disk, read-only (through the log when it has one beside it)."""
        timeout = BUSY_TIMEOUT_MS / 1000
        if not self.read_only:
            return sqlite3.connect(str(self.path), timeout=timeout)
        uri = self.path.resolve().as_uri()
        if Path(f"{self.path}-wal").exists() and Path(f"{self.path}-shm").exists():
            return sqlite3.connect(uri + "?mode=ro", uri=True, timeout=timeout)
        return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, timeout=timeout)  # nothing can change it

    def _configure(self) -> None:
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.db.execute("PRAGMA recursive_triggers = ON")
        self.db.execute("PRAGMA foreign_keys = ON")
        if not self.read_only and self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")

    def _close_unopened(self) -> None:
        self.db.close()
        self._in_use.release()

    def close(self) -> None:
        if self._hold is not None and self._hold.state() is not State.HELD:
            self._hold.release(self.db.conn)  # no checkpoint of a log that may not be the live one
        else:
            self.db.close()
        self._hold = None
        unregister(self.path)
        self._in_use.release()

    @property
    def hold_state(self) -> State:
        """Whether the process still holds the database as SQLite expects (``hold.State``)."""
        return self._hold.state() if self._hold is not None else State.HELD

    def check_hold(self) -> None:
        """Make sure the process still holds the database (see ``hold``); take it back if not.

        Locks dropped while the log is still the file at its path: the connection is
        reopened and nothing is lost. A log deleted or replaced: what this connection
        sees (including what the rest of the world lost) is copied to a rescue file, the
        database is reopened as it is on disk, and a ``HoldLostError`` says so.
        """
        state = self.hold_state
        if state is State.LOCKS_LOST:
            log.warning("CollabDesk's locks on %s were dropped; reopening it (nothing was lost).", self.path)
            self._reopen()
        elif state is State.LOG_GONE:
            rescued = self._rescue()
            self._reopen()
            raise HoldLostError(
                f"CollabDesk lost its hold on {self.path}: another program removed the database's log while "
                f"CollabDesk was using it, so changes made since then are not in the database file. "
                f"Everything CollabDesk had saved is kept in {rescued}. The database was reopened as it is on "
                f"disk; to go back to the kept copy, close CollabDesk and run: "
                f"collabdesk --db {shlex.quote(str(self.path))} restore {shlex.quote(str(rescued))}")

    def _reopen(self) -> None:
        self._hold.release(self.db.conn)
        conn = self._connect()
        self.db.reconnect(conn)
        self._configure()
        self._hold = Hold.take(conn, self.path)

    def _rescue(self) -> Path:
        """Copy what this connection sees into the backup folder (never pruned, never listed as a backup)."""
        from ..paths import backup_dir

        folder = backup_dir(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(self.clock()))
        target, counter = folder / f"{self.path.stem}-rescued-{stamp}.sqlite", 1
        while target.exists():
            counter += 1
            target = folder / f"{self.path.stem}-rescued-{stamp}-{counter}.sqlite"
        copy = sqlite3.connect(str(target))
        try:
            self.db.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
        return target

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def now(self) -> str:
        return iso(self.clock())

    @contextlib.contextmanager
    def transaction(self, what: str) -> Iterator[None]:
        """Several services' writes as one user action (the sample workshop): all saved, or none.

        Each write inside joins this transaction; ``what`` completes "Could not ..." if it fails.
        """
        with self._write(what):
            yield

    @contextlib.contextmanager
    def _write(self, what: str) -> Iterator[DatabaseHandle]:
        """One user action: a single transaction, committed on exit or rolled back whole.

        ``what`` completes "Could not ..." in the message the user sees if it fails. The
        transaction takes the write lock as it begins (BEGIN IMMEDIATE), so it waits its
        turn (the busy timeout) when another process is writing. A plain BEGIN would read
        first and then fail at once, without waiting, if the other process (the command
        line, a second window) had written in between.
        """
        try:
            if self.db.conn.in_transaction:  # inside another write (a voting change): join it
                with self.db.atomic():
                    yield self.db
                return
            self._check_hold(what)  # never begin a write into a log that is not the live one
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.conn.in_transaction:
                    self.db.conn.rollback()
                raise
        except sqlite3.DatabaseError as error:
            raise _translate(error, what, self.path) from error
        self._check_hold(what)  # and never acknowledge one that went into a deleted log

    def _check_hold(self, what: str) -> None:
        try:
            self.check_hold()
        except HoldLostError as error:
            raise HoldLostError(f"Could not {what}: it was not saved. {error}") from None

    def _rows(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        cursor = self.db.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity and foreign key checks report, by table; empty when sound."""
        from .checking import problems

        return problems(self.db.conn)


def _on_read_only_disk(path: Path) -> bool:
    """Whether the database (or, for a new one, its folder) cannot be written to."""
    folder = next((p for p in (path.parent, *path.parent.parents) if p.exists()), path.parent)
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


def _translate(error: sqlite3.DatabaseError, what: str, path: Path) -> StoreError:
    message = str(error).lower()
    if "full" in message:
        reason = "the disk is full. Free some space and try again"
    elif "readonly" in message or "read-only" in message:
        reason = (f"{path} can only be read (it is on a read-only disk, or the file is read-only). Copy it to "
                  "a folder you can write to, or choose another database")
    elif "locked" in message or "busy" in message:
        reason = "another CollabDesk is busy with the database. Try again in a moment"
    elif "malformed" in message or "not a database" in message:
        return CorruptDatabaseError(f"Could not {what}: {path} is damaged ({error}).")
    else:
        reason = str(error)
    return StoreError(f"Could not {what}: {reason}. Nothing saved before was lost.")
