"""Backups, restoring one, and what happens to a damaged database at start."""

import json
import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from collabdesk.paths import backup_dir
from collabdesk.services import notes, workshops
from collabdesk.store import CorruptDatabaseError, NewerDatabaseError, Store, StoreError
from collabdesk.store import backup, restore
from collabdesk.store import store as store_module
from collabdesk.store.opening import open_store
from collabdesk.store.schema import SCHEMA_VERSION
from tests.store.damage import damage_a_page

DAY = 24 * 3600
ROOT = Path(__file__).resolve().parent.parent.parent


def add_workshop(store, note_text="pooled budgets for carers"):
    w = workshops.create_workshop(store, title="Roundtable", participants=["Ann"])
    notes.add_note(store, store.exercises(w.id)[0].id, note_text)
    return w


def note_texts(path):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT text FROM notes"))
    finally:
        conn.close()


def test_backup_is_a_single_plain_file_named_after_the_time_holding_unflushed_writes(fresh_db, db_path):
    add_workshop(fresh_db, "still in the write-ahead log")
    assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0  # nothing checkpointed yet
    path = backup.take_backup(fresh_db)
    assert path.parent == backup_dir(db_path)
    assert path.name == "collabdesk-20270115-080000.sqlite"  # the fake clock's UTC time
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no -wal, no lock, no leftovers
    assert note_texts(path) == ["still in the write-ahead log"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_two_backups_in_one_second_both_kept(fresh_db):
    add_workshop(fresh_db)
    first, second = backup.take_backup(fresh_db), backup.take_backup(fresh_db)
    assert first != second and first.exists() and second.name.endswith("-2.sqlite")


def test_only_the_newest_ten_backups_are_kept(fresh_db, clock):
    add_workshop(fresh_db)
    taken = []
    for _ in range(13):
        taken.append(backup.take_backup(fresh_db))
        clock.advance(3600)
    kept = [info.path for info in backup.list_backups(fresh_db.path)]
    assert kept == list(reversed(taken[3:]))
    assert not any(p.exists() for p in taken[:3])


def test_daily_backup_waits_a_day_and_skips_an_empty_database(fresh_db, clock):
    assert backup.backup_if_due(fresh_db) is None  # nothing worth keeping yet
    add_workshop(fresh_db)
    first = backup.backup_if_due(fresh_db)
    assert first is not None
    clock.advance(DAY - 60)
    assert backup.backup_if_due(fresh_db) is None
    clock.advance(120)
    assert backup.backup_if_due(fresh_db) not in (None, first)


def test_list_flags_a_damaged_backup_and_latest_good_skips_it(fresh_db, clock):
    add_workshop(fresh_db)
    good = backup.take_backup(fresh_db)
    clock.advance(60)
    bad = backup.take_backup(fresh_db)
    bad.write_bytes(b"not a database at all" * 100)
    infos = backup.list_backups(fresh_db.path)
    assert [(i.path, i.ok) for i in infos] == [(bad, False), (good, True)]
    assert infos[0].problem
    assert backup.latest_good_backup(fresh_db.path).path == good


def test_a_failed_backup_says_why_and_the_quiet_one_does_not_raise(fresh_db, db_path):
    add_workshop(fresh_db)
    backup_dir(db_path).write_text("a file where the backup folder should be")
    with pytest.raises(StoreError, match="Could not back up the database"):
        backup.take_backup(fresh_db)
    assert backup.backup_quietly(fresh_db) is None


def test_restore_brings_a_backup_back_and_keeps_the_replaced_file(db_path, clock):
    with Store(db_path, clock=clock) as store:
        add_workshop(store, "before the backup")
        saved = backup.take_backup(store)
        add_workshop(store, "after the backup")
    moved = restore.restore_backup(db_path, saved, clock=clock)
    assert note_texts(db_path) == ["before the backup"]
    assert note_texts(moved) == ["after the backup", "before the backup"]
    assert moved.name.startswith("collabdesk.sqlite.replaced-")
    assert saved.exists()
    with open_store(db_path) as store:
        assert store.integrity_problems() == []


def test_restore_refuses_a_damaged_or_newer_backup_and_changes_nothing(db_path, tmp_path, clock):
    with Store(db_path, clock=clock) as store:
        add_workshop(store)
    before = db_path.read_bytes()
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"garbage" * 1000)
    with pytest.raises(StoreError, match="cannot be restored"):
        restore.restore_backup(db_path, damaged, clock=clock)
    newer = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerDatabaseError):
        restore.restore_backup(db_path, newer, clock=clock)
    assert db_path.read_bytes() == before


def test_moving_aside_never_overwrites(tmp_path, clock):
    db = tmp_path / "collabdesk.sqlite"
    db.write_bytes(b"first")
    first = restore.move_aside(db, "corrupt", clock)
    db.write_bytes(b"second")
    db.with_name(db.name + "-wal").write_bytes(b"second wal")
    second = restore.move_aside(db, "corrupt", clock)  # same second: a new name, not the first's
    assert first != second
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"
    assert second.with_name(second.name + "-wal").read_bytes() == b"second wal"
    assert not db.exists()


def test_a_garbage_database_is_moved_aside_with_the_way_back_to_a_backup(db_path, clock):
    with Store(db_path, clock=clock) as store:
        add_workshop(store)
        saved = backup.take_backup(store)
    garbage = os.urandom(4096) * 8
    db_path.write_bytes(garbage)
    with pytest.raises(CorruptDatabaseError) as caught:
        open_store(db_path, clock=clock)
    message = str(caught.value)
    moved = db_path.with_name("collabdesk.sqlite.corrupt-20270115-080000")
    assert moved.read_bytes() == garbage and not db_path.exists()
    assert str(moved) in message
    assert f"restore {saved}" in message and "--db" in message
    with open_store(db_path, clock=clock) as store:  # the next start begins afresh
        assert store.summaries() == []


def test_damage_inside_the_file_is_caught_by_the_check_at_start(db_path, clock):
    with Store(db_path, clock=clock) as store:
        for i in range(30):
            add_workshop(store, f"note {i} " + "x" * 2000)
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 2):  # scribble over every other page after the first few
        data[offset + 8: offset + 200] = os.urandom(192)
    db_path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError, match="No good backup was found"):
        open_store(db_path, clock=clock, check=True)
    assert not db_path.exists()
    assert bytes(data) == db_path.with_name("collabdesk.sqlite.corrupt-20270115-080000").read_bytes()


def test_a_file_that_cannot_be_opened_is_not_taken_for_damage(tmp_path, clock, monkeypatch):
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    with pytest.raises(StoreError, match="is a folder") as caught:
        open_store(folder, clock=clock)
    assert not isinstance(caught.value, CorruptDatabaseError) and folder.is_dir()

    def refused(*args, **kwargs):  # what a file without read permission gives (tests run as root)
        raise sqlite3.OperationalError("unable to open database file")

    unreadable = tmp_path / "collabdesk.sqlite"
    with Store(unreadable, clock=clock) as store:
        add_workshop(store)
    monkeypatch.setattr(store_module, "sqlite3", types.SimpleNamespace(connect=refused,
                                                                      DatabaseError=sqlite3.DatabaseError))
    with pytest.raises(StoreError, match="Could not open .*unable to open database file") as caught:
        open_store(unreadable, clock=clock)
    assert not isinstance(caught.value, CorruptDatabaseError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["collabdesk.sqlite", "folder.sqlite"]  # nothing moved


# -- a backup is a promise ---------------------------------------------------------------------
def test_a_damaged_database_backed_up_eleven_times_keeps_the_good_backup(db_path, clock):
    with Store(db_path, clock=clock) as store:
        add_workshop(store)
        good = backup.take_backup(store)
    damage_a_page(db_path)
    with Store(db_path, clock=clock) as store:
        for _ in range(11):
            clock.advance(3600)
            with pytest.raises(backup.DamagedDatabaseError) as caught:
                backup.take_backup(store)
    message = str(caught.value)
    assert "is damaged" in message and "not backed up" in message
    assert f"restore {good}" in message and "2027-01-15 08:00:00 UTC" in message
    assert [info.path for info in backup.list_backups(db_path)] == [good]
    assert backup.latest_good_backup(db_path).path == good


def test_the_time_a_backup_was_taken_is_recorded_inside_it(fresh_db, db_path):
    add_workshop(fresh_db)
    path = backup.take_backup(fresh_db)
    renamed = path.with_name("collabdesk-20990101-000000.sqlite")  # a name that says otherwise
    path.rename(renamed)
    [info] = backup.list_backups(db_path)
    assert info.taken_text == "2027-01-15 08:00:00 UTC"


def test_backups_dated_in_the_future_never_make_a_new_backup_vanish(fresh_db, clock):
    add_workshop(fresh_db)
    clock.advance(365 * DAY)  # the laptop's clock runs a year ahead for a while
    ahead = []
    for _ in range(10):
        ahead.append(backup.take_backup(fresh_db))
        clock.advance(3600)
    clock.advance(-365 * DAY - 10 * 3600)  # set right again
    made = []
    for _ in range(3):
        clock.advance(DAY)
        made.append(backup.take_backup(fresh_db))
        assert made[-1].exists()  # "Backed up to ..." is true
    kept = {info.path for info in backup.list_backups(fresh_db.path)}
    assert set(made) <= kept and len(kept) == 10
    assert sum(p in kept for p in ahead) == 7  # the wrongly dated ones went first
    clock.advance(DAY + 1)
    assert backup.backup_if_due(fresh_db) is not None  # the daily backup is not put off by them


def test_leftovers_of_a_killed_backup_are_cleared_by_the_next(fresh_db, db_path):
    add_workshop(fresh_db)
    folder = backup_dir(db_path)
    folder.mkdir()
    leftovers = [folder / ".collabdesk-20270115-070000.sqlite.partial",
                 folder / "collabdesk-20260101-000000.sqlite.partial"]
    for leftover in leftovers:
        leftover.write_bytes(b"half a backup")
    made = backup.take_backup(fresh_db)
    assert sorted(p.name for p in folder.iterdir()) == [made.name]


def test_two_backups_at_once_both_succeed(fresh_db, db_path):
    add_workshop(fresh_db)
    for _ in range(3):
        children = [subprocess.Popen([sys.executable, "-m", "collabdesk", "--db", str(db_path), "backup", "--json"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, "PYTHONPATH": str(ROOT)}) for _ in range(2)]
        results = [(child.wait(60), *child.communicate()) for child in children]
        assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
        paths = [Path(json.loads(out)["path"]) for _, out, _ in results]
        assert paths[0] != paths[1] and all(backup.check_database_file(p)[0] for p in paths)
    assert len(backup.list_backups(db_path)) == 6
    assert not list(backup_dir(db_path).glob("*.partial"))


def test_databases_with_one_name_and_two_extensions_keep_their_backups_apart(tmp_path, clock):
    team_sqlite, team_db = tmp_path / "team.sqlite", tmp_path / "team.db"
    assert backup_dir(team_sqlite) != backup_dir(team_db)
    with Store(team_sqlite, clock=clock) as one, Store(team_db, clock=clock) as other:
        add_workshop(one)
        add_workshop(other)
        kept = backup.take_backup(one)
        for _ in range(12):
            clock.advance(60)
            backup.take_backup(other)
    assert kept.exists() and [i.path for i in backup.list_backups(team_sqlite)] == [kept]
    assert len(backup.list_backups(team_db)) == 10


def test_moved_aside_copies_are_kept_but_bounded(tmp_path, clock):
    db = tmp_path / "collabdesk.sqlite"
    for round_ in range(restore.KEEP_ASIDE + 2):
        db.write_bytes(b"damaged %d" % round_)
        restore.move_aside(db, "corrupt", clock)
        clock.advance(60)
    kept = restore.moved_aside(db)
    assert len(kept) == restore.KEEP_ASIDE
    assert [k.path.read_bytes() for k in kept] == [b"damaged %d" % r for r in range(6, 1, -1)]


def test_the_check_made_meanwhile_passes_a_sound_file_and_moves_a_damaged_one_aside(db_path, clock):
    from collabdesk.store.opening import check_meanwhile

    with Store(db_path, clock=clock) as store:
        add_workshop(store)
    with open_store(db_path, clock=clock) as store:
        check_meanwhile(store)()  # sound: nothing said, the store stays open
        assert [s.title for s in store.summaries()] == ["Roundtable"]
    damage_a_page(db_path)
    damaged = db_path.read_bytes()
    store = open_store(db_path, clock=clock)  # the damage is past the first pages: it opens
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        check_meanwhile(store)()
    assert not db_path.exists()
    assert db_path.with_name("collabdesk.sqlite.corrupt-20270115-080000").read_bytes() == damaged
