"""Nothing acknowledged is ever lost: not to SIGKILL, a read-only file, a full disk or a
second process writing at the same time."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest
import sqlite_utils

from collabdesk import cli
from collabdesk.services import demo, files, notes, workshops
from collabdesk.store import Store, StoreError
from collabdesk.store import store as store_module

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WRITER = HERE / "crash_writer.py"
KILLS = 24


@pytest.fixture(scope="module")
def child_env(tmp_path_factory) -> dict:
    """The writer's environment: bytecode cached between its many starts, so each starts quickly."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(tmp_path_factory.mktemp("pycache"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Acknowledged:
    """Every write a writer reported as done, to look for after the crash."""

    def __init__(self):
        self.notes: set[int] = set()
        self.edits: dict[int, str] = {}
        self.votes: dict[tuple[int, int], int] = {}

    def record(self, line: str) -> None:
        kind, _, rest = line.partition(" ")
        if kind == "note":
            self.notes.add(int(rest))
        elif kind == "edit":
            note_id, text = rest.split(" ", 1)
            self.edits[int(note_id)] = text
        elif kind == "vote":
            round_id, note_id, count = map(int, rest.split())
            self.votes[(round_id, note_id)] = count

    def missing_from(self, db: Path) -> list[str]:
        conn = sqlite3.connect(db)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            problems = [] if problems == ["ok"] else problems
            if not self.notes:
                return problems
            live = dict(conn.execute("SELECT id, text FROM notes WHERE deleted = 0"))
            problems += [f"note {n} lost" for n in self.notes if n not in live]
            problems += [f"edit of note {n} lost" for n, text in self.edits.items() if live.get(n) != text]
            counted = {(r, n): c for r, n, c in conn.execute(
                "SELECT round_id, note_id, count FROM votes WHERE voter_id IS NULL")}
            problems += [f"dots on note {n} in round {r} lost" for (r, n), c in self.votes.items()
                         if counted.get((r, n)) != c]
            return problems
        finally:
            conn.close()


@pytest.mark.slow
def test_every_acknowledged_write_survives_sigkill_at_random_moments(tmp_path, child_env):
    db = tmp_path / "collabdesk.sqlite"
    seed = int(os.environ.get("CRASH_SEED", random.randrange(1_000_000)))
    rng = random.Random(seed)
    acked = Acknowledged()
    for run in range(KILLS):
        # How many acknowledgements to read before the kill: the writer is then somewhere
        # in its next write. 0 kills it while it opens (on the first run: creates) the database.
        wanted = 0 if run in (0, 7) else rng.choice([1, 2, 3, 5, 8, 13, 21, 34])
        writer = subprocess.Popen([sys.executable, str(WRITER), str(db), str(run)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=child_env, cwd=tmp_path)
        assert writer.stdout.readline() == "start\n"
        for _ in range(wanted):
            line = writer.stdout.readline()
            assert line.endswith("\n"), f"writer stopped early: {writer.stderr.read()}"
            acked.record(line.rstrip("\n"))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        for line in writer.stdout.read().splitlines(keepends=True):  # acknowledged before the kill, unread
            if line.endswith("\n"):
                acked.record(line.rstrip("\n"))
        writer.stdout.close()
        writer.stderr.close()
        assert writer.returncode == -signal.SIGKILL
        problems = acked.missing_from(db)
        assert not problems, f"after kill {run + 1} (CRASH_SEED={seed}): {problems[:5]}"
    assert len(acked.notes) >= 40 and acked.edits and acked.votes  # the test did exercise the writes
    with Store(db) as store:  # and the database still opens and takes writes
        assert store.integrity_problems() == []
        notes.add_note(store, store.exercises(store.summaries()[0].id)[0].id, "after all that")


def read_only_connection(path: Path) -> sqlite3.Connection:
    """What a file the user may not write gives SQLite (tests run as root, who may write anything)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def test_a_read_only_database_gives_a_clear_error_and_keeps_what_was_saved(fresh_db, db_path):
    w = workshops.create_workshop(fresh_db, title="Roundtable")
    exercise = fresh_db.exercises(w.id)[0].id
    saved = notes.add_note(fresh_db, exercise, "saved before")
    read_only = read_only_connection(db_path)
    read_only.execute("SELECT count(*) FROM notes").fetchone()  # opened first: the log stays
    fresh_db.db.close()
    fresh_db.db = sqlite_utils.Database(read_only)
    with pytest.raises(StoreError) as caught:
        notes.add_note(fresh_db, exercise, "never acknowledged")
    assert str(caught.value) == (f"Could not save the note: {db_path} can only be read (it is on a read-only disk, "
                                 "or the file is read-only). Copy it to a folder you can write to, or choose another "
                                 "database. Nothing saved before was lost.")
    with Store(db_path) as reopened:
        assert [n.text for n in reopened.notes(exercise)] == [saved.text]


def test_the_command_line_on_a_read_only_database_exits_1_with_one_line(db_path, monkeypatch, capsys):
    with Store(db_path) as store:
        workshops.create_workshop(store, title="Kept")
    read_only = types.SimpleNamespace(connect=lambda path, **options: read_only_connection(Path(path)),
                                      DatabaseError=sqlite3.DatabaseError)
    monkeypatch.setattr(store_module, "sqlite3", read_only)
    assert cli.main(["--db", str(db_path), "demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("collabdesk: error: Could not create the workshop: ") and "is read-only" in err
    assert err.count("\n") == 1
    monkeypatch.undo()
    with Store(db_path) as store:
        assert [s.title for s in store.summaries()] == ["Kept"]


def test_a_full_disk_gives_a_clear_error_writes_nothing_and_keeps_what_was_saved(fresh_db, db_path):
    w = workshops.create_workshop(fresh_db, title="Roundtable")
    exercise = fresh_db.exercises(w.id)[0].id
    saved = [notes.add_note(fresh_db, exercise, f"note {i}").text for i in range(5)]
    pages = fresh_db.db.execute("PRAGMA page_count").fetchone()[0]
    fresh_db.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: not one page more
    with pytest.raises(StoreError) as caught:
        notes.add_note(fresh_db, exercise, "a long note " * 1500)
    assert str(caught.value) == ("Could not save the note: the disk is full. Free some space and try again. "
                                 "Nothing saved before was lost.")
    with Store(db_path) as other:
        assert [n.text for n in other.notes(exercise)] == saved
        assert other.integrity_problems() == []
    fresh_db.db.execute("PRAGMA max_page_count = 1073741823")  # space freed: writing works again
    notes.add_note(fresh_db, exercise, "a long note " * 1500)
    assert len(fresh_db.notes(exercise)) == 6


def test_a_command_line_write_while_another_process_writes(tmp_path, child_env):
    db = tmp_path / "collabdesk.sqlite"
    with Store(db) as store:
        busy = workshops.create_workshop(store, title="Running in the GUI")
        exercise = store.exercises(busy.id)[0].id
        source = demo.create_demo_workshop(store)
        (tmp_path / "shared.json").write_text(files.export_workshop_json(store, source.id), encoding="utf-8")
    stop, written, failures = threading.Event(), [], []

    def keep_writing() -> None:  # the open app: a note every few milliseconds, on its own connection
        with Store(db) as store:
            while not stop.is_set() or len(written) < 20:
                try:
                    written.append(notes.add_note(store, exercise, f"typed live {len(written)}").id)
                except Exception as error:  # noqa: BLE001 - reported below, with what it was
                    failures.append(error)
                    return
                stop.wait(0.002)

    app = threading.Thread(target=keep_writing)
    app.start()
    try:
        results = [subprocess.run([sys.executable, "-m", "collabdesk", "--db", str(db), *args], env=child_env,
                                  capture_output=True, text=True, timeout=120, cwd=ROOT)
                   for args in (["demo"], ["import", str(tmp_path / "shared.json")], ["backup"])]
    finally:
        stop.set()
        app.join()
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
    assert not failures
    with Store(db) as store:
        assert store.integrity_problems() == []
        assert {n.id for n in store.notes(exercise)} == set(written)
        titles = [s.title for s in store.summaries()]
        assert titles.count(source.title) == 3 and "Running in the GUI" in titles
    backup_path = results[2].stdout.split("Backed up to ", 1)[1].strip()
    conn = sqlite3.connect(backup_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
