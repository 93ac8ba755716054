"""The command line as a user meets it: help, exit codes, every command, its errors."""

import json
import re
import sqlite3
import subprocess
import sys
import types

import pytest

from collabdesk import __version__
from collabdesk.cli import COMMANDS, build_parser
from collabdesk.services import demo, notes, workshops
from collabdesk.store import Store
from collabdesk.store.schema import SCHEMA_VERSION

from .conftest import ROOT, run_process


@pytest.fixture
def demo_id(fresh_db):
    return demo.create_demo_workshop(fresh_db).id


def readme_command_line() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Command line", 1)[1].split("\n## ", 1)[0]


# -- help, version, usage --------------------------------------------------------------------
def test_help_runs_as_a_new_process_and_lists_every_command_with_examples():
    result = run_process("--help")
    assert result.code == 0 and result.err == ""
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\s", result.out, re.MULTILINE), name
    assert "examples:" in result.out and "Exit status" in result.out


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_help_with_examples(name):
    result = run_process(name, "--help")
    assert result.code == 0, result.err
    assert result.out.startswith(f"usage: collabdesk {name}")
    assert f"collabdesk {name}" in result.out.split("examples:", 1)[1]


def test_version():
    assert run_process("--version").out.strip() == f"collabdesk {__version__}"


def test_every_command_is_documented_in_the_readme():
    section = readme_command_line()
    registered = set(build_parser()._subparsers._group_actions[0].choices)
    assert registered == set(COMMANDS)
    for name in registered:
        assert f"`collabdesk {name}" in section, f"README's Command line section does not document {name!r}"


@pytest.mark.parametrize("args, complaint", [
    (["lst"], "invalid choice: 'lst'"),
    (["show"], "the following arguments are required: ID"),
    (["export", "abc", "--format", "docx"], "invalid choice: 'docx'"),
    (["export", "abc", "--format", "pdf"], "a PDF needs a file to go to"),
    (["export", "abc", "--format", "md", "--paper", "letter"],
     "--paper and --no-appendix apply to PDF and HTML exports only"),
    (["export", "abc", "-o", "x.json", "--anonymise"], "--anonymise applies to md, csv, html and pdf"),
    (["search", "x", "--limit", "0"], "--limit must be between 1 and 10,000"),
    (["list", "--colour"], "unrecognized arguments: --colour"),
])
def test_wrong_usage_exits_2_saying_why(run, args, complaint):
    result = run(*args)
    assert result.code == 2
    assert complaint in result.err


def test_db_may_come_after_the_command_and_the_environment_is_honoured(tmp_path, monkeypatch, capsys):
    from collabdesk import cli

    here, there = tmp_path / "here.sqlite", tmp_path / "there.sqlite"
    with Store(there) as store:
        workshops.create_workshop(store, title="Over there")
    assert cli.main(["list", "--db", str(there), "--json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["Over there"]
    monkeypatch.setenv("COLLABDESK_DB", str(there))
    assert cli.main(["list", "--json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["Over there"]
    assert cli.main(["--db", str(here), "list", "--json"]) == 0  # --db wins over the environment
    assert json.loads(capsys.readouterr().out) == []


def test_the_command_line_never_loads_qt(tmp_path):
    db = tmp_path / "collabdesk.sqlite"
    script = (
        "import sys\n"
        "from collabdesk import cli\n"
        f"db = {str(db)!r}\n"
        "assert cli.main(['--db', db, 'demo']) == 0\n"
        "from collabdesk.store.opening import read_summaries\n"
        "wid = read_summaries(db)[0]['id']\n"
        "for args in (['list'], ['list', '--json'], ['show', wid], ['show', wid, '--json'], ['search', 'trusted'],\n"
        "             ['export', wid, '-o', db + '.json'], ['export', wid, '--format', 'md'], ['check'], ['backup']):\n"
        "    assert cli.main(['--db', db, *args]) == 0, args\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'collabdesk.ui')))\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", "import collabdesk.cli, sys; "
                           "assert not any(m.startswith('PySide6') for m in sys.modules)"], cwd=ROOT)
    assert done.returncode == 0
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# -- the library -----------------------------------------------------------------------------
def test_list_shows_short_ids_and_counts(run, demo_id):
    result = run("list")
    assert result.code == 0
    header, row, total = result.out.splitlines()
    assert header.split() == ["ID", "DATE", "STATUS", "NOTES", "DOTS", "ACTIONS", "TITLE"]
    assert row.split()[:6] == [demo_id[:8], row.split()[1], "closed", "28", "21", "6"]
    assert total == "(1 workshop)"


def test_an_empty_library_suggests_the_demo(run):
    assert "collabdesk demo" in run("list").out


def test_show_summarises_agenda_votes_and_actions(run, demo_id):
    out = run("show", demo_id[:5]).out
    assert out.startswith("Home from hospital")
    assert "1. Head — What pushes us together, and who leads  [done]  (20 min; 6 notes; 2 themes" in out
    assert "What should we try first? (whole workshop; closed, results shown, 7 of 8 voted)" in out
    assert "5 dots  Trusted assessor" in out
    assert "Draft a trusted assessor agreement" in out and "Helen Marsh, due" in out


def test_show_says_a_tally_round_was_counted_and_an_undated_workshop_has_no_date(run, fresh_db):
    from collabdesk.services import voting

    w = workshops.create_workshop(fresh_db, title="Counted", location="Room 4", participants=["Ann", "Bo"])
    voting.start_round(fresh_db, w.id, title="Hands up", mode="tally", voter_ids=[p.id for p in
                                                                                  fresh_db.participants(w.id)])
    out = run("show", w.id).out
    assert "Hands up (whole workshop; open, dots counted by the facilitator)" in out
    assert "voted" not in out
    assert "  date         not set" in out and "  location     Room 4" in out


def test_hidden_results_stay_hidden(run, fresh_db):
    w = workshops.create_workshop(fresh_db, title="Secret ballot", participants=["Ann"])
    from collabdesk.services import voting

    note = notes.add_note(fresh_db, fresh_db.exercises(w.id)[0].id, "vote for me")
    vote = voting.start_round(fresh_db, w.id, title="Quiet vote")
    voting.cast_ballot(fresh_db, vote.id, fresh_db.participants(w.id)[0].id, {("note", note.id): 1})
    out = run("show", w.id).out
    assert "results not revealed yet" in out and "vote for me" not in out


@pytest.mark.parametrize("prefix, message", [
    ("zzzz", "No workshop has an id starting with 'zzzz'."),
    ("aa", "More than one workshop has an id starting with 'aa'; give more of it."),
])
def test_an_unknown_or_ambiguous_id_is_one_clear_line(run, fresh_db, prefix, message):
    for workshop_id in ("aa01", "aa02"):
        fresh_db.create_workshop(title="Same start", workshop_id=workshop_id)
    result = run("show", prefix)
    assert result.code == 1 and result.out == ""
    assert result.err == f"collabdesk: error: {message}\n"
    assert run("show", "aa02").code == 0


def test_search_finds_notes_and_actions_and_prints_json(run, demo_id):
    text_out = run("search", "trusted", "assessor").out
    assert "note" in text_out and "Limbs: How we could deliver differently" in text_out
    assert "\ue000" not in text_out  # the match marks are not printed to a file or pipe
    hits = json.loads(run("search", "trusted", "--json").out)
    assert {h["kind"] for h in hits} == {"note", "action"}
    note_hit = next(h for h in hits if h["kind"] == "note")
    assert note_hit["workshop_id"] == demo_id and note_hit["domain"] == "Limbs"
    assert run("search", "nothing-like-this").out.strip() == "Nothing found."


# -- export ----------------------------------------------------------------------------------
def test_export_markdown_and_csv_through_the_report_writers(run, demo_id, tmp_path):
    markdown = run("export", demo_id, "--format", "md").out
    assert "Home from hospital" in markdown and "Trusted assessor" in markdown
    output = tmp_path / "summary.csv"
    result = run("export", demo_id, "-o", output)
    assert result.code == 0 and result.out.strip() == f"Wrote {output}"
    assert "Trusted assessor" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize("module, function, chosen", [
    ("markdown", "render_markdown", "md"), ("csv_export", "render_csv", "csv")])
def test_anonymise_reaches_the_text_writers(run, demo_id, monkeypatch, module, function, chosen):
    calls = []
    fake = types.ModuleType(f"collabdesk.report.{module}")
    setattr(fake, function, lambda content, framework, *, anonymise=False: calls.append(anonymise) or "done\n")
    monkeypatch.setitem(sys.modules, f"collabdesk.report.{module}", fake)
    assert run("export", demo_id, "--format", chosen, "--anonymise").out == "done\n"
    assert run("export", demo_id, "--format", chosen).out == "done\n"
    assert calls == [True, False]


def test_export_pdf_writes_a_pdf(run, demo_id, tmp_path):
    output = tmp_path / "summary.pdf"
    assert run("export", demo_id, "-o", output).code == 0
    assert output.read_bytes().startswith(b"%PDF-")


def test_export_html_writes_one_page_with_the_options(run, demo_id, tmp_path):
    output = tmp_path / "summary.html"
    result = run("export", demo_id, "-o", output, "--paper", "letter", "--no-appendix", "--anonymise")
    assert result.code == 0 and result.out.strip() == f"Wrote {output}"
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Trusted assessor" in page
    assert "size: letter" in page and 'id="appendix"' not in page and "anonymised" in page
    assert run("export", demo_id, "--format", "html").out.startswith("<!DOCTYPE html>")


def test_export_into_a_missing_folder_says_so(run, demo_id, tmp_path):
    result = run("export", demo_id, "-o", tmp_path / "nowhere" / "summary.md")
    assert result.code == 1
    assert result.err == f"collabdesk: error: Cannot write {tmp_path / 'nowhere' / 'summary.md'}: " \
                         f"there is no folder {tmp_path / 'nowhere'}.\n"


def test_export_pdf_passes_the_paper_and_appendix_choices(run, demo_id, tmp_path, monkeypatch):
    calls = []
    fake = types.ModuleType("collabdesk.report.pdf")

    def write_pdf(content, framework, path, *, appendix=True, anonymise=False, pagesize="A4"):
        calls.append((content.workshop.id, framework.key, appendix, anonymise, pagesize))
        path.write_bytes(b"%PDF-1.4 fake")

    fake.write_pdf = write_pdf
    monkeypatch.setitem(sys.modules, "collabdesk.report.pdf", fake)
    output = tmp_path / "summary.pdf"
    assert run("export", demo_id, "-o", output, "--paper", "letter", "--no-appendix", "--anonymise").code == 0
    assert calls == [(demo_id, "five-domains", False, True, "letter")]
    assert output.read_bytes() == b"%PDF-1.4 fake"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no partial left


def test_a_failed_export_leaves_no_file_behind(run, demo_id, tmp_path, monkeypatch):
    fake = types.ModuleType("collabdesk.report.pdf")

    def write_pdf(content, framework, path, **options):
        path.write_bytes(b"half a pdf")
        raise OSError(28, "No space left on device", str(path))

    fake.write_pdf = write_pdf
    monkeypatch.setitem(sys.modules, "collabdesk.report.pdf", fake)
    result = run("export", demo_id, "-o", tmp_path / "summary.pdf")
    assert result.code == 1 and "No space left on device" in result.err
    assert not (tmp_path / "summary.pdf").exists() and not (tmp_path / ".summary.pdf.partial").exists()


# -- the database ----------------------------------------------------------------------------
def test_check_reports_integrity_and_backups(run, demo_id, db_path):
    assert run("backup").code == 0
    result = run("check")
    assert result.code == 0
    assert f"Database   {db_path} (schema {SCHEMA_VERSION})" in result.out
    assert "Integrity  ok" in result.out and re.search(r"collabdesk-\d{8}-\d{6}\.sqlite  ok", result.out)
    data = json.loads(run("check", "--json").out)
    assert data["problems"] == [] and data["workshops"] == 1 and data["backups"][0]["ok"] is True


def test_check_exits_1_when_the_database_has_a_problem(run, demo_id, fresh_db):
    fresh_db.db.execute("PRAGMA foreign_keys = OFF")
    fresh_db.db.execute("INSERT INTO notes (workshop_id, exercise_id, text, created, updated) "
                        "VALUES ('nowhere', 424242, 'orphan', '', '')")
    fresh_db.db.conn.commit()
    result = run("check")
    assert result.code == 1
    assert "points to a missing" in result.out
    assert result.err.startswith("collabdesk: error: ") and result.err.count("\n") == 1


def test_backup_then_restore_brings_the_library_back(run, demo_id, db_path, fresh_db):
    saved = json.loads(run("backup", "--json").out)["path"]
    assert run("demo").code == 0
    assert len(fresh_db.summaries()) == 2
    fresh_db.close()
    result = run("restore", saved.rsplit("/", 1)[1])  # a name from `check` is enough
    assert result.code == 0, result.err
    assert "The database it replaced is kept as" in result.out
    assert [r["id"] for r in json.loads(run("list", "--json").out)] == [demo_id]


def test_a_newer_database_is_refused_untouched(run, db_path):
    with Store(db_path):
        pass
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    for command in (["list"], ["show", "x"], ["demo"], ["check"]):
        result = run(*command)
        assert result.code == 1 and "newer CollabDesk" in result.err and result.err.count("\n") == 1
    assert db_path.read_bytes() == before


def test_a_garbage_database_is_moved_aside_and_the_message_says_where(run, demo_id, db_path, fresh_db):
    assert run("backup").code == 0
    fresh_db.close()
    db_path.write_bytes(b"\x00garbage" * 4096)
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    result = run("list")
    assert result.code == 1 and result.err.count("\n") == 1
    moved = [p for p in db_path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes() == b"\x00garbage" * 4096
    assert f"moved aside to {moved[0]}" in result.err and "collabdesk --db" in result.err
    restore = result.err.split("run: ", 1)[1].strip().split(" ")
    assert run(*restore[3:]).code == 0  # the command the message gives works as written
    assert [r["id"] for r in json.loads(run("list", "--json").out)] == [demo_id]


# -- the window ------------------------------------------------------------------------------
def test_open_and_no_command_start_the_window_with_the_database(run, db_path, monkeypatch):
    calls = []
    fake = types.ModuleType("collabdesk.ui.shell.app")
    fake.run_gui = lambda path, workshop_id=None, phones=None: calls.append((path, workshop_id, phones)) or 0
    monkeypatch.setitem(sys.modules, "collabdesk.ui.shell.app", fake)
    assert run().code == 0
    assert run("open", "3f2a").code == 0
    assert run("open", "3f2a", "--phones", "--address", "192.168.1.20", "--port", "8080").code == 0
    assert calls == [(db_path, None, None), (db_path, "3f2a", None),
                     (db_path, "3f2a", {"address": "192.168.1.20", "port": 8080})]


def test_a_missing_window_is_a_clear_error(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "collabdesk.ui.shell.app", None)
    result = run("open", "3f2a")
    assert result.code == 1 and "The CollabDesk window cannot start here" in result.err
