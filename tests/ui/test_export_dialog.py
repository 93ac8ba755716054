"""File → Export: options, a worker thread that never blocks the window, the offer to open the result."""

import csv
import io
import json

import pytest
from PySide6.QtCore import Qt

from collabdesk.report.html import render_html
from collabdesk.report.markdown import render_markdown
from collabdesk.ui.export import dialog as export_dialog
from collabdesk.ui.export.dialog import ExportDialog, default_file_name
from tests.report.builders import PEOPLE, realistic_workshop
from tests.services.private_data import assert_private, private_workshop

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def workshop_id(fresh_db):
    return realistic_workshop(fresh_db)


@pytest.fixture
def dialog(qtbot, fresh_db, workshop_id, ops):
    dialog = ExportDialog(ops, workshop_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save_as(qtbot, dialog, path):
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(path))


def export(qtbot, dialog):
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        qtbot.mouseClick(dialog.export_button, LEFT)
    return done.args[0]


def test_pdf_export_shows_progress_then_offers_the_file_and_its_folder(qtbot, dialog, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(ExportDialog, "open_path", staticmethod(lambda path: opened.append(str(path))))
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    target = tmp_path / "summary.pdf"
    save_as(qtbot, dialog, target)
    assert export(qtbot, dialog) == str(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.partial"))
    assert seen and max(seen) > 0
    assert dialog.open_file.isVisible() and dialog.open_folder.isVisible() and not dialog.progress.isVisible()
    assert "summary.pdf" in dialog.message.text()
    qtbot.mouseClick(dialog.open_file, LEFT)
    qtbot.mouseClick(dialog.open_folder, LEFT)
    assert opened == [str(target), str(tmp_path)]


def test_the_window_stays_open_while_the_file_is_written(qtbot, dialog, tmp_path):
    save_as(qtbot, dialog, tmp_path / "summary.pdf")
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, LEFT)
        assert dialog.busy and not dialog.export_button.isEnabled() and not dialog.close_button.isEnabled()
        dialog.reject()  # Escape or the window's close box while writing: ignored
        assert dialog.isVisible()
    assert not dialog.busy and dialog.close_button.isEnabled()


def test_format_sets_the_extension_and_the_options_that_apply(qtbot, dialog):
    assert dialog.path.text().endswith("Joining up care in Northfield 2025-03-14.pdf")
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert dialog.path.text().endswith(".md")
    assert not dialog.page_size.isEnabled() and not dialog.appendix.isEnabled() and dialog.anonymise.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.path.text().endswith(".json") and not dialog.anonymise.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.path.text().endswith(".html")
    assert dialog.page_size.isEnabled() and dialog.appendix.isEnabled() and dialog.anonymise.isEnabled()


def test_markdown_export_writes_what_the_report_renders(qtbot, dialog, fresh_db, workshop_id, tmp_path):
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    target = tmp_path / "notes.md"
    save_as(qtbot, dialog, target)
    export(qtbot, dialog)
    content = fresh_db.content(workshop_id)
    assert target.read_text(encoding="utf-8") == render_markdown(content, dialog.framework)


def test_html_export_writes_the_page_with_the_chosen_options(qtbot, dialog, fresh_db, workshop_id, tmp_path):
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("letter"))
    qtbot.mouseClick(dialog.appendix, LEFT)
    qtbot.mouseClick(dialog.anonymise, LEFT)
    target = tmp_path / "summary.html"
    save_as(qtbot, dialog, target)
    export(qtbot, dialog)
    content = fresh_db.content(workshop_id)
    assert target.read_text(encoding="utf-8") == render_html(content, dialog.framework, appendix=False,
                                                             anonymise=True, paper="letter")


def test_anonymised_csv_export_names_nobody(qtbot, dialog, tmp_path):
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    qtbot.mouseClick(dialog.anonymise, LEFT)
    target = tmp_path / "notes.csv"
    save_as(qtbot, dialog, target)
    export(qtbot, dialog)
    text = target.read_text(encoding="utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 28  # 22 notes, 4 actions and 2 vote rounds
    assert not [name for name in PEOPLE if name in text]


def test_json_export_writes_the_workshop_file(qtbot, dialog, tmp_path):
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    target = tmp_path / "workshop.json"
    save_as(qtbot, dialog, target)
    export(qtbot, dialog)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "collabdesk.workshop"


def test_json_export_of_the_dialog_holds_nothing_unrevealed(qtbot, fresh_db, ops, tmp_path):
    dialog = ExportDialog(ops, private_workshop(fresh_db).workshop_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    target = tmp_path / "private.json"
    save_as(qtbot, dialog, target)
    export(qtbot, dialog)
    assert_private(target.read_text(encoding="utf-8"))


def test_a_write_that_fails_is_reported_and_leaves_no_file(qtbot, dialog, tmp_path):
    blocked = tmp_path / "summary.pdf"
    blocked.mkdir()  # a folder where the file should go: the final move fails
    save_as(qtbot, dialog, blocked)
    with qtbot.waitSignal(dialog.export_failed, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, LEFT)
    assert "Could not write summary.pdf" in dialog.message.text()
    assert not list(tmp_path.glob(".*.partial")) and dialog.export_button.isEnabled()


def test_a_missing_folder_is_refused_before_anything_runs(qtbot, dialog, tmp_path):
    save_as(qtbot, dialog, tmp_path / "nowhere" / "summary.pdf")
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert "does not exist" in dialog.message.text() and not dialog.busy


def test_choose_asks_for_a_file_and_keeps_the_extension(qtbot, dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(ExportDialog, "choose_path", staticmethod(lambda parent, start, kind: str(tmp_path / "mine")))
    qtbot.mouseClick(dialog.choose, LEFT)
    assert dialog.path.text() == str(tmp_path / "mine.pdf")


def test_file_menu_entry_point_runs_the_dialog(fresh_db, workshop_id, monkeypatch, ops):
    asked = []
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, store, wid, parent=None: asked.append(wid)))
    export_dialog.export_workshop(None, ops, workshop_id)
    assert asked == [workshop_id]


def test_default_file_name_drops_characters_file_systems_refuse(fresh_db, workshop_id):
    content = fresh_db.content(workshop_id)
    odd = content.__class__(workshop=content.workshop.__class__(id="x", title='a/b: "c" <d>?', date="2025-01-02"))
    assert default_file_name(odd, ".pdf") == "a b c d 2025-01-02.pdf"
    assert default_file_name(content, ".csv") == "Joining up care in Northfield 2025-03-14.csv"
