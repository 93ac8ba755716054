"""Damage a database the way a failing disk does: one page, leaving the rest readable."""

import sqlite3


def damage_a_page(db_path, table: str = "notes") -> None:
    """Scribble over the root page of ``table`` (the schema on page 1 stays readable)."""
    conn = sqlite3.connect(db_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * 64)
