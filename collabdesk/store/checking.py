"""What ``collabdesk check`` finds: the database's facts and every problem, named by table.

Nothing here gives up on a damaged file: a check that stops at the first unreadable
page would answer "run the check" instead of saying what is wrong.
"""

import re
import sqlite3

_TREE = re.compile(r"\b(?:Tree|tree) (\d+)\b")


def examine(store) -> tuple[dict, list[str]]:
    """(Facts about the database, its problems); counts the damage hides are None."""
    facts = {"database": str(store.path), "schema": store.schema_version}
    try:
        facts["workshops"] = store.workshop_count()
        facts["trashed"] = store.workshop_count(trashed=True)
    except sqlite3.DatabaseError:
        facts["workshops"] = facts["trashed"] = None
    return facts, problems(store.db.conn)


def problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` and ``foreign_key_check``, each finding named by its table."""
    try:
        trees = conn.execute("SELECT rootpage, type, name FROM sqlite_master WHERE rootpage > 0").fetchall()
    except sqlite3.DatabaseError as error:
        return [f"the list of tables cannot be read ({error})"]
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as error:
        rows = [f"the integrity check stopped ({error})",
                *_unreadable(conn, [name for _, kind, name in trees if kind == "table"])]
    names = {root: f"{kind} {name}" for root, kind, name in trees}
    found = [] if rows == ["ok"] else [_named(row, names) for row in rows]
    try:
        found += [f"row {r[1]} of {r[0]} points to a missing {r[2]}"
                  for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
    except sqlite3.DatabaseError as error:
        found.append(f"the foreign key check stopped ({error})")
    return found


def _named(row: str, names: dict[int, str]) -> str:
    """SQLite names a damaged b-tree by its root page; add the table (or index) it belongs to."""
    match = _TREE.search(row)
    if match and int(match[1]) in names:
        return f"{row} ({names[int(match[1])]})"
    return row


def _unreadable(conn: sqlite3.Connection, names) -> list[str]:
    """Each table a full read fails on, with SQLite's reason."""
    found = []
    for name in names:
        try:
            for _ in conn.execute(f'SELECT * FROM "{name}"'):
                pass
        except sqlite3.DatabaseError as error:
            found.append(f"table {name} cannot be read ({error})")
    return found
