"""Opening the database and the transaction discipline every write follows."""

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..domain.clock import Clock, iso, system_clock
from .actions import ActionRows
from .content import ContentRows
from .errors import CorruptDatabaseError, NewerDatabaseError, StoreError
from .handle import DatabaseHandle
from .library import LibraryRows
from .notes import NoteRows
from .schema import SCHEMA_VERSION, migrate
from .voting import VotingRows
from .workshops import WorkshopRows

BUSY_TIMEOUT_MS = 10_000  # another process (the command line, a second window) may hold the lock


class Store(WorkshopRows, NoteRows, VotingRows, ActionRows, ContentRows, LibraryRows):
    """One open workshop database.

    Every public method that writes is one transaction, committed before it returns:
    once a call returns, what it wrote survives a crash or a power cut
    (WAL with ``synchronous=FULL``).
    """

    def __init__(self, path: str | Path, *, clock: Clock = system_clock):
        self.path = Path(path)
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
            self.db = DatabaseHandle(conn)
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            with contextlib.suppress(Exception):
                conn.close()
            raise CorruptDatabaseError(
                f"{self.path} is not a readable CollabDesk database ({error})."
            ) from error
        if version > SCHEMA_VERSION:
            conn.close()
            raise NewerDatabaseError(
                f"{self.path} was written by a newer CollabDesk (schema {version}; this one "
                f"reads up to {SCHEMA_VERSION}). It has not been changed: update CollabDesk to open it."
            )
        try:
            self._configure()
            if version < SCHEMA_VERSION:
                migrate(self.db.utils)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise _translate(error, "open the database", self.path) from error

    def _configure(self) -> None:
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.db.execute("PRAGMA recursive_triggers = ON")
        self.db.execute("PRAGMA foreign_keys = ON")
        if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")

    def close(self) -> None:
        self.db.close()

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

    def _rows(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        cursor = self.db.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def integrity_problems(self) -> list[str]:
        """What ``PRAGMA integrity_check`` reports; empty when the database is sound."""
        rows = [r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall()]
        fk = self.db.execute("PRAGMA foreign_key_check").fetchall()
        problems = [] if rows == ["ok"] else rows
        problems += [f"row {r[1]} of {r[0]} points to a missing {r[2]}" for r in fk]
        return problems


def _translate(error: sqlite3.DatabaseError, what: str, path: Path) -> StoreError:
    message = str(error).lower()
    if "full" in message:
        reason = "the disk is full. Free some space and try again"
    elif "readonly" in message or "read-only" in message:
        reason = f"{path} is read-only. Check the file's permissions or choose another database"
    elif "locked" in message or "busy" in message:
        reason = "another CollabDesk is busy with the database. Try again in a moment"
    elif "malformed" in message or "not a database" in message:
        return CorruptDatabaseError(f"Could not {what}: {path} is damaged ({error}).")
    else:
        reason = str(error)
    return StoreError(f"Could not {what}: {reason}. Nothing saved before was lost.")
