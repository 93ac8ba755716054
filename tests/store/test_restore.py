"""Restoring a backup: refused while the database is open, and never leaves it missing."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from collabdesk.services import notes, workshops
from collabdesk.store import Store, backup, in_use, restore

HERE = Path(__file__).resolve().parent
KILLER = HERE / "restore_killer.py"


def add_note(store, text):
    w = workshops.create_workshop(store, title="Roundtable", participants=["Ann"])
    notes.add_note(store, store.exercises(w.id)[0].id, text)


def texts(path):
    """The notes a file holds, read without changing it; None if it is not a sound database."""
    if not path.exists():
        return None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        if backup.quick_check(conn):
            return None
        return sorted(r[0] for r in conn.execute("SELECT text FROM notes"))
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


@pytest.fixture
def saved(db_path, clock):
    """A database with a backup of its first note, then a second note: (backup path)."""
    with Store(db_path, clock=clock) as store:
        add_note(store, "in the backup")
        path = backup.take_backup(store)
        add_note(store, "after the backup")
    return path


BEFORE, AFTER = ["after the backup", "in the backup"], ["in the backup"]


def test_restore_is_refused_while_the_database_is_open(db_path, saved, clock):
    with Store(db_path, clock=clock) as app:  # the app, or a command, has it open
        with pytest.raises(in_use.InUseError, match="open in CollabDesk"):
            restore.restore_backup(db_path, saved, clock=clock)
        add_note(app, "saved after the refused restore")
    assert texts(db_path) == sorted([*BEFORE, "saved after the refused restore"])
    assert restore.moved_aside(db_path) == []


def test_restore_drops_the_backup_record_and_says_what_it_replaced(db_path, saved, clock):
    replaced = restore.restore_backup(db_path, saved, clock=clock)
    assert texts(db_path) == AFTER and texts(replaced) == BEFORE
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = ?", (backup.MARKER,)).fetchone() is None
    conn.close()
    assert sorted(p.name for p in db_path.parent.iterdir()) == sorted(
        [db_path.name, replaced.name, saved.parent.name])


def test_a_kill_at_every_step_of_a_restore_leaves_a_complete_database(db_path, saved, clock, tmp_path):
    step, outcomes = 0, []
    while True:
        step += 1
        case = tmp_path / f"step{step}"
        case.mkdir()
        db, copy = case / db_path.name, case / saved.name
        db.write_bytes(db_path.read_bytes())  # the database was closed cleanly: no -wal
        copy.write_bytes(saved.read_bytes())
        done = subprocess.run([sys.executable, str(KILLER), str(db), str(copy), str(step)], capture_output=True,
                              text=True, timeout=60)
        assert done.returncode in (0, 9), done.stderr
        assert texts(db) in (BEFORE, AFTER), f"killed before step {step}: the database is not whole"
        if done.returncode == 0:
            break
        planned = db.with_name(db.name + ".restore").exists()
        message = restore.finish_interrupted(db)
        assert message is not None and ("finished" if planned else "before it changed anything") in message
        assert texts(db) == (AFTER if planned else BEFORE)
        assert sorted(p.name for p in case.iterdir() if ".restor" in p.name) == []
        if planned:
            [kept] = restore.moved_aside(db)
            assert texts(kept.path) == BEFORE
        outcomes.append(planned)
    assert step > 6 and False in outcomes and True in outcomes  # killed on both sides of the plan


def test_nothing_to_finish_when_no_restore_was_interrupted(db_path, saved):
    assert restore.finish_interrupted(db_path) is None


def test_an_empty_database_with_backups_is_not_started_over(db_path, saved, clock):
    from collabdesk.store import CorruptDatabaseError
    from collabdesk.store.opening import open_store

    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    db_path.write_bytes(b"")
    with pytest.raises(CorruptDatabaseError, match=r"empty \(0 bytes\).*restore") as caught:
        open_store(db_path, clock=clock)
    assert db_path.read_bytes() == b""
    assert str(saved) in str(caught.value)
    restore.restore_backup(db_path, saved, clock=clock)
    assert texts(db_path) == AFTER


def test_the_lock_lives_in_a_private_folder_of_this_user_not_beside_the_database(db_path, saved):
    from collabdesk.paths import runtime_dir

    with Store(db_path):
        lock = in_use.lock_path(db_path)
        assert lock.exists() and lock.parent == runtime_dir()
        assert lock.parent.stat().st_mode & 0o777 == 0o700 and lock.parent.stat().st_uid == os.getuid()
        assert not [p for p in db_path.parent.iterdir() if "lock" in p.name]
