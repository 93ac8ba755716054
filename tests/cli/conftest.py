"""Running the command line: in this process (fast), or as a real `python -m collabdesk`."""

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from collabdesk import cli

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(db_path, capsys):
    """``run("list", "--json")``: the command line on the test's database, in this process."""

    def invoke(*args: str, db: Path | None = db_path) -> Result:
        capsys.readouterr()
        code = cli.main([*(["--db", str(db)] if db is not None else []), *map(str, args)])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def run_process(*args: str, env: dict | None = None, timeout: float = 60) -> Result:
    """``python -m collabdesk ARGS`` in a new process, as a user would start it."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("COLLABDESK_DB", None)
    environment.update(env or {})
    done = subprocess.run([sys.executable, "-m", "collabdesk", *map(str, args)], capture_output=True, text=True,
                          env=environment, timeout=timeout, cwd=ROOT)
    return Result(done.returncode, done.stdout, done.stderr)


def dump(db: Path) -> str:
    """Every table's rows (the search index's too) as SQL text: equal dumps, equal content."""
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def comparable(document: dict) -> dict:
    """The document without what an import is meant to change: the id, when it was changed and exported."""
    document = json.loads(json.dumps(document))
    document.pop("exported")
    document["workshop"].pop("id")
    document["workshop"].pop("updated")
    return document
