"""The store's handle on its SQLite connection, loading sqlite-utils only when needed.

Opening the app only reads (the library list, a workshop's board), and loading
sqlite-utils brings click, dateutil and pluggy with it: about 85 ms, a third of start-up
on a small laptop. So plain statements go straight to the connection, and sqlite-utils'
``Database`` is made on the same connection the first time a table verb (``insert``,
``update``, ``upsert``) or ``atomic()`` is used.

The connection is in the driver's autocommit mode (``isolation_level=None``): a statement
outside a transaction commits on its own, exactly as sqlite-utils' ``execute`` commits
it, and transactions are opened explicitly (``BEGIN IMMEDIATE`` in the store's writes).
"""

import sqlite3
from collections.abc import Iterable, Sequence


class DatabaseHandle:
    def __init__(self, conn: sqlite3.Connection):
        conn.isolation_level = None
        self.conn = conn
        self._utils = None

    def execute(self, sql: str, parameters: Sequence | dict | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)

    def executemany(self, sql: str, rows: Iterable[Sequence | dict]) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    @property
    def utils(self):
        """sqlite-utils' ``Database`` over this connection (made on first use)."""
        if self._utils is None:
            import sqlite_utils

            # recursive_triggers is set when the store opens, not here: it must not change mid-session
            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._utils

    def __getitem__(self, table: str):
        return self.utils[table]

    def atomic(self):
        return self.utils.atomic()

    def reconnect(self, conn: sqlite3.Connection) -> None:
        """Carry on with ``conn`` (the store reopened the database); the old one is closed already."""
        conn.isolation_level = None
        self.conn = conn
        self._utils = None

    def close(self) -> None:
        self.conn.close()
