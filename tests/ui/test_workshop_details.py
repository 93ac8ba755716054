"""Workshop ▸ Workshop details… corrects what heads every summary page, as one undoable step;
the New workshop dialog moves on with Enter, creates with Ctrl+Enter, and its date is one field."""

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from collabdesk.ui.planning.details_dialog import WorkshopDetailsDialog
from collabdesk.ui.planning.dialogs import NewWorkshopDialog

ENTER, CTRL = Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_details_are_corrected_undone_and_redone(qtbot, running, fresh_db):
    workshop = fresh_db.workshop(running.workshop_id)
    dialog = shown(qtbot, WorkshopDetailsDialog(running.ops, workshop, running.undo_stack, running))
    dialog.title.setFocus()
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Health and care, round two")
    qtbot.keyClick(dialog.title, ENTER)  # Enter moves on, it does not save
    assert dialog.purpose.hasFocus() and dialog.isVisible()
    dialog.date.setDate(QDate(2026, 3, 14))
    dialog.location.setFocus()
    qtbot.keyClicks(dialog.location, "Northfield Hall")
    qtbot.keyClick(dialog.location, ENTER, CTRL)  # Ctrl+Enter saves
    saved = fresh_db.workshop(workshop.id)
    assert (saved.title, saved.date, saved.location) == ("Health and care, round two", "2026-03-14", "Northfield Hall")
    assert running.windowTitle() == "Health and care, round two — CollabDesk"
    running.undo_stack.undo()
    assert fresh_db.workshop(workshop.id) == workshop
    running.undo_stack.redo()
    assert fresh_db.workshop(workshop.id).location == "Northfield Hall"


def test_a_blank_title_is_refused_and_nothing_typed_is_lost(qtbot, running, fresh_db):
    dialog = shown(qtbot, WorkshopDetailsDialog(running.ops, fresh_db.workshop(running.workshop_id),
                                                running.undo_stack, running))
    dialog.title.clear()
    dialog.facilitator.setText("Rosa")
    dialog.save()
    assert dialog.error.isVisible() and dialog.error.text() and dialog.isVisible()
    assert dialog.facilitator.text() == "Rosa"
    assert fresh_db.workshop(running.workshop_id).title == "Health and care roundtable"


def test_the_workshop_menu_opens_the_details(running, monkeypatch):
    asked = []
    monkeypatch.setattr(WorkshopDetailsDialog, "ask", classmethod(lambda cls, *args: asked.append(args) or True))
    running.actions["details"].trigger()
    assert asked and asked[0][1] == running.workshop_id


def test_new_workshop_enter_moves_on_and_ctrl_enter_creates(qtbot, window):
    dialog = shown(qtbot, NewWorkshopDialog(window.ops, window))
    dialog.title.setFocus()
    qtbot.keyClicks(dialog.title, "Roundtable")
    qtbot.keyClick(dialog.title, ENTER)
    assert dialog.workshop is None and dialog.purpose.hasFocus()
    dialog.date.setFocus()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)  # the date is one stop for Tab
    assert QApplication.focusWidget() is dialog.location
    qtbot.keyClicks(dialog.location, "Hall 2")
    qtbot.keyClick(dialog.location, ENTER)
    assert dialog.facilitator.hasFocus() and dialog.workshop is None
    qtbot.keyClicks(dialog.facilitator, "Rosa")
    qtbot.keyClick(dialog.facilitator, ENTER, CTRL)
    assert dialog.workshop is not None
    assert (dialog.workshop.title, dialog.workshop.location, dialog.workshop.facilitator) == (
        "Roundtable", "Hall 2", "Rosa")
