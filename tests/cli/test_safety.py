"""The command line and files it did not make: another program's database, a damaged one, one in use."""

import json
import sqlite3

import pytest

from collabdesk.store import Store
from tests.store.damage import damage_a_page


COMMANDS = (["list"], ["list", "--json"], ["show", "abc"], ["search", "budget"], ["check"], ["backup"], ["demo"],
            ["series"], ["export", "abc", "--format", "md"], ["export-series", "1", "-o", "x.md"])


def folder_state(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_programs_database_is_never_touched(run, tmp_path, journal, elsewhere):
    foreign = tmp_path / "photos.db"
    conn = sqlite3.connect(foreign)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("PRAGMA user_version = 3")
    conn.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO albums (title) VALUES ('Summer')")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    assert sorted(before) == ["photos.db"]
    for command in [*COMMANDS, ["import", elsewhere["file"]], ["restore", elsewhere["backup"]]]:
        result = run(*command, db=foreign)
        assert result.code == 1, command
        assert result.err.count("\n") == 1, (command, result.err)
        assert "CollabDesk database" in result.err and "tables albums" in result.err, command
        assert folder_state(tmp_path) == before, command  # byte for byte, and no -wal, -shm or lock left


@pytest.fixture
def elsewhere(tmp_path_factory, run):
    """A good workshop file and a good backup, made with a database in another folder."""
    other = tmp_path_factory.mktemp("other") / "collabdesk.sqlite"
    workshop_id = json.loads(run("demo", "--json", db=other).out)["id"]
    path = other.with_name("demo.json")
    assert run("export", workshop_id, "-o", path, db=other).code == 0
    return {"file": path, "backup": json.loads(run("backup", "--json", db=other).out)["path"]}


def test_a_damaged_database_is_not_backed_up_and_check_says_where_the_damage_is(run, db_path):
    assert run("demo").code == 0
    good = json.loads(run("backup", "--json").out)["path"]
    damage_a_page(db_path)
    result = run("backup")
    assert result.code == 1 and "is damaged" in result.err and f"restore {good}" in result.err
    result = run("check")
    assert result.code == 1
    assert "collabdesk check" not in result.out + result.err  # it says what it found instead
    assert "table notes" in result.out and "(2 good)" in result.out
    assert f"restore {good}" in result.err


def test_restore_is_refused_while_the_app_has_the_database_open(run, db_path):
    assert run("demo").code == 0
    saved = json.loads(run("backup", "--json").out)["path"]
    with Store(db_path):  # what the app holds while its window is open
        result = run("restore", saved)
    assert result.code == 1 and "open in CollabDesk" in result.err and "Nothing was changed" in result.err
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) == [db_path.name]


def test_an_interrupted_restore_is_finished_at_the_next_command_and_check_lists_what_was_set_aside(run, db_path):
    assert run("demo").code == 0
    saved = json.loads(run("backup", "--json").out)["path"]
    assert run("demo").code == 0
    from collabdesk.store import restore

    real_replace = restore.os.replace
    calls = []

    def crash_at_the_swap(source, target):
        calls.append(target)
        if str(target) == str(db_path):
            raise KeyboardInterrupt  # stands for the power going off between two steps
        real_replace(source, target)

    restore.os.replace = crash_at_the_swap
    try:
        with pytest.raises(KeyboardInterrupt):
            restore.restore_backup(db_path, __import__("pathlib").Path(saved))
    finally:
        restore.os.replace = real_replace
    result = run("list", "--json")
    assert result.code == 0 and "interrupted; it has now been finished" in result.err
    assert len(json.loads(result.out)) == 1
    result = run("check")
    assert "Set aside  1 earlier database file(s)" in result.out and "replaced by a restore" in result.out
