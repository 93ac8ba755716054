"""File ▸ Restore from backup…: the window chooses a backup and closes; the start-up code lets
go of the database, puts the backup in place and opens it again, keeping what it replaced."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from collabdesk.domain.errors import CollabDeskError
from collabdesk.store import backup
from collabdesk.ui.shell import app as shell_app
from collabdesk.ui.shell.restore_dialog import RestoreDialog

from .desk import make_workshop


@pytest.fixture
def backed_up(fresh_db):
    """A library with one workshop in its backup and a second made after it."""
    kept = make_workshop(fresh_db, title="In the backup")
    taken = backup.take_backup(fresh_db)
    later = make_workshop(fresh_db, title="Made after the backup")
    return kept, later, taken


def test_the_dialog_offers_good_backups_and_never_a_damaged_one(qtbot, fresh_db, backed_up):
    _kept, _later, taken = backed_up
    damaged = taken.with_name(taken.name.replace(".sqlite", "-2.sqlite"))
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    infos = backup.list_backups(fresh_db.path)
    assert {i.path for i in infos} >= {taken} and any(not i.ok for i in infos)
    dialog = RestoreDialog(infos, None)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == taken and dialog.restore_button.isEnabled()
    for row in range(dialog.list.count()):
        item = dialog.list.item(row)
        if "damaged" in item.text():
            assert not item.flags() & Qt.ItemFlag.ItemIsEnabled


def test_restore_from_the_file_menu_goes_back_to_the_backup_and_keeps_the_library(
        qtbot, window, fresh_db, backed_up, monkeypatch):
    kept, later, taken = backed_up
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, parent, backups: backups[0].path))
    monkeypatch.setattr(window, "confirm", lambda question, yes: "kept beside it" in question)
    window.actions["restore"].trigger()
    assert window.restore_to == taken and not window.isVisible()

    told = []
    monkeypatch.setattr(shell_app, "show_message", lambda parent, icon, title, text: told.append((title, text)))
    store = shell_app.restore_and_reopen(fresh_db.path, fresh_db, window.restore_to)
    try:
        assert store.workshop(kept.id).title == "In the backup"
        with pytest.raises(CollabDeskError):
            store.workshop(later.id)
        (title, text), = told
        assert title == "Backup restored" and "kept as" in text
        aside = text.rsplit("kept as ", 1)[1].rstrip(".")
        assert aside and Path(aside).exists()
    finally:
        store.close()


def test_a_backup_that_cannot_be_restored_changes_nothing_and_says_why(qtbot, fresh_db, backed_up, monkeypatch):
    kept, later, taken = backed_up
    taken.write_bytes(b"not a database at all")
    told = []
    monkeypatch.setattr(shell_app, "show_message", lambda parent, icon, title, text: told.append(title))
    store = shell_app.restore_and_reopen(fresh_db.path, fresh_db, taken)
    try:
        assert told == ["The backup could not be restored"]
        assert store.workshop(later.id).title == "Made after the backup"
    finally:
        store.close()
