"""Nothing the app does in its own process drops SQLite's hold on the database.

A real window runs in a process of its own (``hold_app.py``) on a database in a folder
that also holds a workshop file. It goes down one path that can touch that folder (Qt's
own file dialog, shown until its listing has loaded, then cancelled; a drop of every
file in the folder; the backup and check code); then another process runs a command on
the database; then the app saves notes; then it is killed with SIGKILL. Every note it
acknowledged must be in the database. Before the fix, the dialog's icon sniffing
dropped the locks, `collabdesk list` deleted the live log and the notes vanished.
"""

import ast
import os
from pathlib import Path

import pytest

from collabdesk.store import StoreError
from collabdesk.ui.common import file_dialogs

from tests.store.hold_processes import Writer, other_process_runs_a_command, saved_notes
from tests.ui.desk import make_workshop

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX advisory locks are the subject")

APP = Path(__file__).with_name("hold_app.py")
UI = Path(file_dialogs.__file__).parent.parent


class App(Writer):
    def __init__(self, db: Path, path: str):
        self.script = [str(APP), str(db), path]
        super().__init__(db)

    def _command(self, db: Path) -> list[str]:
        return self.script


@pytest.mark.slow
@pytest.mark.parametrize("path", ["import", "template-import", "framework-export", "team-folder", "export", "drop",
                                  "backup"])
def test_notes_saved_after_a_path_through_the_database_folder_survive_sigkill(tmp_path, path):
    db = tmp_path / "x.sqlite"
    app = App(db, path)
    try:
        assert app.read() == "done"
        other_process_runs_a_command(db)
        assert app.tell("note after") == "ok after"
        other_process_runs_a_command(db)
        assert app.tell("note again") == "ok again"
    finally:
        app.kill()
    assert {"after", "again"} <= saved_notes(db)


def test_no_module_but_file_dialogs_uses_qfiledialog():
    users = []
    for module in UI.rglob("*.py"):
        if module.name != "file_dialogs.py":
            names = {n.id for n in ast.walk(ast.parse(module.read_text(encoding="utf-8"))) if isinstance(n, ast.Name)}
            if "QFileDialog" in names:
                users.append(str(module.relative_to(UI)))
    assert users == []


@pytest.mark.parametrize("sniffed", ["", "-shm"])
def test_a_lost_hold_is_taken_back_by_the_window_s_check_before_another_process_acts(window, fresh_db, sniffed):
    with open(f"{fresh_db.path}{sniffed}", "rb"):
        pass
    window.hold_timer.timeout.emit()
    other_process_runs_a_command(fresh_db.path)
    workshop = make_workshop(fresh_db)
    assert Path(f"{fresh_db.path}-wal").exists()
    note = window.ops.add_note(fresh_db.exercises(workshop.id)[0].id, "after")
    other_process_runs_a_command(fresh_db.path)
    assert note.text in saved_notes(fresh_db.path)


def test_a_write_into_a_deleted_log_is_refused_and_the_facilitator_told(qtbot, window, fresh_db, monkeypatch):
    workshop = make_workshop(fresh_db)
    assert window.open_workshop(workshop.id)
    told = []
    monkeypatch.setattr(window, "show_error", lambda title, message: told.append((title, message)))
    with open(fresh_db.path, "rb"):  # as a sniffing dialog did, with no check since
        pass
    other_process_runs_a_command(fresh_db.path)  # deletes the live log
    with pytest.raises(StoreError):
        window.ops.add_note(fresh_db.exercises(workshop.id)[0].id, "typed into a deleted log")
    assert "lost its hold" in window.saved_label.text()
    assert "typed into a deleted log" not in saved_notes(fresh_db.path)
    qtbot.waitUntil(lambda: told != [])
    assert told[0][0] == "CollabDesk reopened the database" and "kept in" in told[0][1]
    assert window.stack.currentWidget() is window.home  # what is on disk now, not the lost view
    window.ops.add_note(fresh_db.exercises(workshop.id)[0].id, "typed again")
    assert "typed again" in saved_notes(fresh_db.path)
