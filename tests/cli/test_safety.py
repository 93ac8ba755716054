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


# -- hostile files and arguments -------------------------------------------------------------------
def workshop_file(tmp_path, text: str):
    path = tmp_path / "hostile.json"
    path.write_text('{"format": "collabdesk.workshop", "version": 1, "workshop": ' + text + "}", encoding="utf-8")
    return path


@pytest.mark.parametrize(("workshop", "expected"), [
    ('{"title": "NaN in a title is fine",\n "purpose": NaN}',
     "NaN, which is not a number JSON allows (line 2, column 13)"),
    ('{"title": "x", "reopened": -Infinity}', "-Infinity, which is not a number JSON allows (line 1, column 88)"),
    ('{"title": "a", "exercises": [{"title": "q"}, {"title": "r", "title": "b"}]}',
     "the field 'title' appears twice in one object (line 1, column 121)"),
    ('{"title": "a", "reopened": ' + "9" * 4000 + "}", "not a number 4,000 digits long"),
    ('{"title": "a", "purpose": null}', "workshop.purpose: must be text, not null"),
    ('{"title": "a", "started": "9999-12-31T23:59:59-23:59"}', "outside the dates CollabDesk can show"),
])
def test_an_import_refusal_says_where_and_stays_one_short_line(run, tmp_path, workshop, expected):
    result = run("import", workshop_file(tmp_path, workshop))
    assert result.code == 1 and expected in result.err
    assert result.err.count("\n") == 1 and len(result.err) < 400


def test_control_characters_from_a_file_reach_the_terminal_escaped(run, tmp_path):
    result = run("import", workshop_file(tmp_path, '{"title": "a", "\\u001b[31mred\\u0007": 1}'))
    assert result.code == 1 and "\\x1b[31mred\\x07" in result.err and "\x1b" not in result.err


def test_importing_a_pipe_is_refused_at_once(run, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = run("import", fifo)  # before: waited forever for a writer
    assert result.code == 1 and "not a regular file" in result.err


def test_search_refuses_an_absurd_limit_and_too_many_words_with_a_clear_line(run):
    assert run("demo").code == 0
    result = run("search", "budget", "--limit", "99999999999999999999")
    assert result.code == 2 and "--limit must be between 1 and 10,000" in result.err
    assert run("search", *["ab"] * 1000).code == 0  # the same short word a thousand times is one word
    words = [chr(97 + i % 26) + chr(97 + i // 26 % 26) for i in range(1000)]
    result = run("search", *words)
    assert result.code == 1 and "at most 32 different words" in result.err


@pytest.mark.parametrize(("votes", "expected"), [
    ([{"note": 1, "voter": 1, "count": 2}, {"note": 2, "voter": 1, "count": 2}],
     "participant 1 has 3 dots and tried to place 4"),
    ([{"note": 1, "voter": 1, "count": 2}], "participant 1 put 2 dots on one card; the most allowed is 1"),
])
def test_the_import_refuses_votes_the_voting_rules_refuse(run, tmp_path, votes, expected):
    document = {"format": "collabdesk.workshop", "version": 1, "workshop": {
        "title": "Roundtable", "participants": [{"id": 1, "name": "Ann"}],
        "exercises": [{"id": 1, "domain": "head", "title": "Head",
                       "notes": [{"id": 1, "text": "one"}, {"id": 2, "text": "two"}]}],
        "vote_rounds": [{"title": "Try first", "dots_per_voter": 3, "max_per_item": 1 if len(votes) == 1 else None,
                         "anonymous": False, "state": "closed", "votes": votes}]}}
    path = tmp_path / "votes.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run("import", path)
    assert result.code == 1 and "vote_rounds[0].votes" in result.err and expected in result.err, result.err
    assert json.loads(run("list", "--json").out) == []


def test_export_writes_only_to_a_regular_file_or_a_new_name(run, tmp_path):
    workshop_id = json.loads(run("demo", "--json").out)["id"][:8]
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.md"
    folder.mkdir()
    refused = ((fifo, "it is not a regular file"), (folder, "it is a folder"),
               (Path("/dev/null"), "it is not a regular file"))
    for target, expected in refused:
        result = run("export", workshop_id, "--format", "md", "-o", target)
        assert result.code == 1 and f"Cannot write {target}: {expected}" in result.err and ".partial" not in result.err
    assert fifo.exists() and not fifo.is_file() and folder.is_dir()  # left as they were
    real = tmp_path / "summary.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    assert run("export", workshop_id, "--format", "md", "-o", link).code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")  # the link kept, its file written
