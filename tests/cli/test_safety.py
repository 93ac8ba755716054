"""The command line and files it did not make: another program's database, a damaged one, one in use."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from collabdesk.store import Store
from tests.store.damage import damage_a_page

ROOT = Path(__file__).resolve().parents[2]


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
    assert "table notes" in result.out and "Backups    1 (1 good)" in result.out
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


def _read_only_mounts() -> bool:
    """Whether this machine lets a test mount a read-only folder (a user namespace, or root)."""
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.mark.skipif(not _read_only_mounts(), reason="needs unshare to mount a read-only folder")
def test_a_database_on_a_read_only_disk_answers_every_read_command(run, db_path, tmp_path):
    workshop_id = json.loads(run("demo", "--json").out)["id"]
    disk = tmp_path / "usb"
    disk.mkdir()
    commands = [["list"], ["show", workshop_id[:8]], ["search", "budget"], ["check"],
                ["export", workshop_id[:8], "--format", "md"], ["demo"]]
    script = f"mount -t tmpfs none {disk} && cp {db_path} {disk} && mount -o remount,ro {disk} && " + " ; ".join(
        f"{sys.executable} -m collabdesk --db {disk / db_path.name} {' '.join(c)} >/dev/null 2>{tmp_path}/err; "
        f"echo \"{c[0]} $? $(cat {tmp_path}/err)\"" for c in commands)
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert [lines[c[0]].split(" ")[0] for c in commands[:-1]] == ["0"] * 5, done.stdout + done.stderr
    assert lines["demo"].startswith("1 ") and "can only be read" in lines["demo"]


FULL_DISK = """
import resource, signal, sys
from collabdesk import cli
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails as on a full disk
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.exit(cli.main(["--db", sys.argv[1], "demo"]))
"""


def test_demo_on_a_full_disk_leaves_nothing_and_says_so(run, db_path):
    assert run("list").code == 0  # a new, empty database
    before = run("list", "--json").out
    log_limit = 96 * 1024  # the write-ahead log stops growing half-way through the sample
    done = subprocess.run([sys.executable, "-c", FULL_DISK, str(db_path), str(log_limit)],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stdout
    assert done.stderr.startswith("collabdesk: error: Could not add the sample workshop")
    assert "Nothing saved" in done.stderr
    assert run("list", "--json").out == before
    assert run("check").code == 0
