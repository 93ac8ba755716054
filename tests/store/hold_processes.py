"""The processes the hold tests run beside the test: a writer told what to do, and a command line.

``Writer`` runs ``hold_writer.py`` (or, in a subclass, the real window's ``hold_app.py``)
and talks to it line by line; ``other_process_runs_a_command`` is what a colleague's
script does to the same database.
"""

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

WRITER = Path(__file__).with_name("hold_writer.py")


def other_process_runs_a_command(db: Path) -> None:
    """What a colleague's script or `collabdesk list` does: open the database, read, close."""
    done = subprocess.run([sys.executable, "-m", "collabdesk", "--db", str(db), "list"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def saved_notes(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT text FROM notes")}


class Writer:
    def __init__(self, db: Path):
        self.process = subprocess.Popen([sys.executable, *self._command(db)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)

    def _command(self, db: Path) -> list[str]:
        return [str(WRITER), str(db)]

    def read(self) -> str:
        return self.process.stdout.readline().rstrip("\n")

    def tell(self, line: str) -> str:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.read()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stdin.close()
