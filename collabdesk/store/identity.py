"""Telling, without changing a byte, whether a file is a CollabDesk database.

``Store`` switches a database to WAL and creates its tables, so a file has to be known
to be ours (or new) before it is opened for writing. Even a read-only SQLite connection
changes things: on a database in WAL mode it creates ``-wal`` and ``-shm`` beside it and
leaves them. So the first look is through an ``immutable`` connection (which creates
nothing) when no ``-wal`` exists, and through a plain read-only one only when the
``-wal`` is already there (then its content has to be read, and nothing new appears).
No file of the database is ever opened outside SQLite (see ``hold``).
"""

import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path

OUR_TABLE = "workshops"  # every schema version has it, and our migrations create it first


class Kind(enum.Enum):
    MISSING = "missing"  # no file yet: CollabDesk creates a new database
    EMPTY = "empty"  # zero bytes (SQLite would start it afresh)
    NEW = "new"  # a SQLite file with no tables at all: as good as new
    OURS = "ours"
    FOREIGN = "foreign"  # another program's SQLite database
    DAMAGED = "damaged"  # not a readable SQLite database (damaged, or not a database at all)
    UNKNOWN = "unknown"  # could not be read just now (permissions, a lock): let the store say why


@dataclass(frozen=True)
class Identity:
    kind: Kind
    detail: str = ""  # the tables found (foreign), or SQLite's error (damaged, unknown)


def identify(path: Path) -> Identity:
    if not path.exists():
        return Identity(Kind.MISSING)
    if path.is_file() and path.stat().st_size == 0:
        return Identity(Kind.EMPTY)
    wal = path.with_name(path.name + "-wal")
    query = "?mode=ro" if wal.exists() else "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + query, uri=True)
    except sqlite3.Error as error:
        return Identity(Kind.UNKNOWN, str(error))
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    except sqlite3.DatabaseError as error:
        damaged = getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)
        return Identity(Kind.DAMAGED if damaged else Kind.UNKNOWN, str(error))
    finally:
        conn.close()
    if not tables and version == 0:
        return Identity(Kind.NEW)
    if OUR_TABLE in tables and version > 0:
        return Identity(Kind.OURS)
    shown = ", ".join(tables[:6]) + (f" and {len(tables) - 6} more" if len(tables) > 6 else "")
    return Identity(Kind.FOREIGN, f"tables {shown}" if tables else f"no tables, user_version {version}")
