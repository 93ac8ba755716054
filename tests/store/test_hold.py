"""The store never acknowledges a write into a log another process deleted.

Closing any descriptor of the database's files in the process drops SQLite's POSIX
locks (see ``collabdesk.store.hold``); another process then checkpoints and deletes the
live log. These tests do exactly that to a real writer process, run a real command
line beside it, kill the writer with SIGKILL and look at what survived.
"""

import os
import shlex
from pathlib import Path

import pytest

from collabdesk.services import notes, workshops
from collabdesk.store import Store, StoreError
from collabdesk.store.hold import State, live_database_file, refuse_live_database_file
from tests.store.hold_processes import Writer, other_process_runs_a_command, saved_notes

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX advisory locks are the subject")

@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_a_note_acknowledged_after_a_sniffed_file_and_another_process_survives_sigkill(tmp_path, suffix):
    db = tmp_path / "x.sqlite"
    writer = Writer(db)
    try:
        assert writer.read() == "ready"
        assert writer.tell("note before") == "ok before"
        assert writer.tell(f"sniff {suffix}") == "sniffed"
        other_process_runs_a_command(db)
        acknowledged = []
        for text in ("after", "again"):  # a refused note is typed again, as a facilitator would
            for _attempt in range(2):
                reply = writer.tell(f"note {text}")
                if reply.startswith("ok"):
                    acknowledged.append(text)
                    break
                assert "lost its hold" in reply
        other_process_runs_a_command(db)
    finally:
        writer.kill()
    assert acknowledged == ["after", "again"]
    assert {"before", *acknowledged} <= saved_notes(db)


def test_a_write_into_a_deleted_log_is_refused_and_kept_in_a_rescue_copy(tmp_path, clock):
    db = tmp_path / "x.sqlite"
    store = Store(db, clock=clock)
    try:
        workshop = workshops.create_workshop(store, title="Hold", participants=["Ann"])
        exercise_id = store.exercises(workshop.id)[0].id
        notes.add_note(store, exercise_id, "kept")
        with open(db, "rb") as sniffed:  # the process's locks on the database are gone
            sniffed.read(100)
        other_process_runs_a_command(db)  # ...so it checkpoints and deletes the live log
        with pytest.raises(StoreError, match="was not saved.*lost its hold.*restore") as refused:
            notes.add_note(store, exercise_id, "typed after")
        rescued = Path(shlex.split(str(refused.value).rsplit(" restore ", 1)[1])[0])
        assert "kept" in saved_notes(rescued)
        assert _deleted_database_files() == []  # reopened: no descriptor on a deleted log
        notes.add_note(store, exercise_id, "typed again")
        other_process_runs_a_command(db)
        assert {"kept", "typed again"} <= saved_notes(db)
    finally:
        store.close()


def test_dropped_locks_are_taken_back_before_the_next_write(tmp_path, clock):
    db = tmp_path / "x.sqlite"
    with Store(db, clock=clock) as store:
        workshop = workshops.create_workshop(store, title="Hold", participants=["Ann"])
        for suffix in ("-shm", ""):
            with open(f"{db}{suffix}", "rb"):
                pass
        assert store.hold_state is State.LOCKS_LOST
        notes.add_note(store, store.exercises(workshop.id)[0].id, "after")
        assert store.hold_state is State.HELD
        other_process_runs_a_command(db)
        assert Path(f"{db}-wal").exists() and store.hold_state is State.HELD


def test_the_live_database_files_are_refused_by_name_and_by_link(tmp_path, clock):
    db = tmp_path / "x.sqlite"
    (tmp_path / "other.json").write_text("{}")
    os.symlink(db, tmp_path / "link.json")
    with Store(db, clock=clock):
        for name in ("x.sqlite", "x.sqlite-wal", "x.sqlite-shm", "x.sqlite-journal", "link.json"):
            assert live_database_file(tmp_path / name) is not None, name
            with pytest.raises(StoreError, match="database in use"):
                refuse_live_database_file(tmp_path / name)
        assert live_database_file(tmp_path / "other.json") is None
    assert live_database_file(db) is None


def _deleted_database_files() -> list[str]:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return []
    links = []
    for fd in fds.iterdir():
        try:
            links.append(os.readlink(fd))
        except OSError:
            continue
    return [link for link in links if ".sqlite" in link and link.endswith("(deleted)")]
