"""The actions panel: add, edit, delete, undo and redo, in the widgets and in the store."""

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyleOptionViewItem

from collabdesk.services import actions, notes, workshops
from collabdesk.ui.actions.panel import (
    DUE_COLUMN, NO_DATE, OWNER_COLUMN, STATUS_COLUMN, TEXT_COLUMN, ActionDelegate, ActionsModel, ActionsPanel,
)

TEXTS = ["<b>Ring</b> &amp; <img src=x>", "合作 🎉", "تعاون", "שיתוף", "協力", "y" * 5000]


@pytest.fixture
def setup(qtbot, fresh_db, ops):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann Smith", "Bo Chen"])
    stack = QUndoStack()
    panel = ActionsPanel(ops, w.id, undo_stack=stack)
    qtbot.addWidget(panel)
    panel.show()
    return fresh_db, w, stack, panel


def cell(panel, row, column):
    return panel.model.index(row, column)


def test_typing_an_action_adds_it_and_undo_redo_follow_in_the_store(qtbot, setup):
    store, w, stack, panel = setup
    qtbot.keyClicks(panel.new_edit, "Book the room for June")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.new_edit, Qt.Key.Key_Return)
    [action] = store.actions(w.id)
    assert action.text == "Book the room for June" and panel.new_edit.text() == ""
    assert panel.model.rowCount() == 1 and panel.current_action() == action
    stack.undo()
    assert store.actions(w.id) == [] and panel.model.rowCount() == 0
    stack.redo()
    assert store.actions(w.id) == [action] and panel.model.rowCount() == 1


def test_text_is_kept_as_typed_in_any_script(setup):
    store, w, stack, panel = setup
    for typed in TEXTS:
        panel.add_action(typed)
    assert [a.text for a in store.actions(w.id)] == TEXTS
    assert [panel.model.data(cell(panel, r, TEXT_COLUMN)) for r in range(5)] == TEXTS[:5]
    assert panel.model.data(cell(panel, 5, TEXT_COLUMN), Qt.ItemDataRole.EditRole) == TEXTS[5]


def test_edits_are_saved_and_undone_field_by_field(setup):
    store, w, stack, panel = setup
    action = panel.add_action("Write up the notes")
    model = panel.model
    assert model.setData(cell(panel, 0, OWNER_COLUMN), "Bo Chen")
    assert model.setData(cell(panel, 0, DUE_COLUMN), "2031-02-03")
    assert model.setData(cell(panel, 0, STATUS_COLUMN), "in progress")
    assert model.setData(cell(panel, 0, TEXT_COLUMN), "Write up <the> notes")
    edited = store.action(action.id)
    assert (edited.owner, edited.due, edited.status, edited.text) == (
        "Bo Chen", "2031-02-03", "in progress", "Write up <the> notes")
    assert model.data(cell(panel, 0, STATUS_COLUMN)) == "in progress"
    for _ in range(4):
        stack.undo()
    assert store.action(action.id) == action and model.data(cell(panel, 0, DUE_COLUMN)) == "—"
    for _ in range(4):
        stack.redo()
    assert store.action(action.id) == edited


def test_a_refused_edit_changes_nothing_and_says_why(setup):
    store, w, stack, panel = setup
    action = panel.add_action("Call the council")
    before = stack.count()
    assert not panel.model.setData(cell(panel, 0, TEXT_COLUMN), "   ")
    assert not panel.model.setData(cell(panel, 0, STATUS_COLUMN), "someday")
    assert "not 'someday'" in panel.message_label.text()
    assert store.action(action.id) == action and stack.count() == before
    assert panel.add_action("") is None and "cannot be empty" in panel.message_label.text()


def test_delete_and_undo_bring_back_the_same_action(setup):
    store, w, stack, panel = setup
    keep = panel.add_action("Keep")
    gone = panel.add_action("Gone")
    panel.table.setCurrentIndex(cell(panel, 1, TEXT_COLUMN))
    assert panel.delete_selected()
    assert store.actions(w.id) == [keep]
    stack.undo()
    assert store.actions(w.id) == [keep, gone]


def test_actions_made_from_a_note_or_theme_link_back_and_start_with_its_text(setup):
    store, w, stack, panel = setup
    exercise = store.exercises(w.id)[0]
    note = notes.add_note(store, exercise.id, "<i>Shared</i> budget")
    theme = notes.group_notes(store, exercise.id, "Money & trust", [note.id])
    from_note = panel.add_from_note(note.id)
    from_theme = panel.add_from_theme(theme.id)
    assert (from_note.text, from_note.note_id, from_note.theme_id) == ("<i>Shared</i> budget", note.id, None)
    assert (from_theme.text, from_theme.theme_id, from_theme.note_id) == ("Money & trust", theme.id, None)
    assert panel.current_action() == from_theme


def test_the_editors_offer_participants_a_date_or_none_and_the_statuses(qtbot, setup):
    store, w, stack, panel = setup
    panel.add_action("Plan", due="2030-05-06")
    delegate = panel.table.itemDelegate()
    assert isinstance(delegate, ActionDelegate)
    option = QStyleOptionViewItem()
    owner = delegate.createEditor(panel.table, option, cell(panel, 0, OWNER_COLUMN))
    assert isinstance(owner, QLineEdit)
    owner.completer().setCompletionPrefix("chen")
    assert owner.completer().currentCompletion() == "Bo Chen"
    owner.setText("Someone from the council")  # free text is fine too
    delegate.setModelData(owner, panel.model, cell(panel, 0, OWNER_COLUMN))
    due = delegate.createEditor(panel.table, option, cell(panel, 0, DUE_COLUMN))
    assert isinstance(due, QDateEdit)
    delegate.setEditorData(due, cell(panel, 0, DUE_COLUMN))
    assert due.date() == QDate(2030, 5, 6)
    due.setDate(NO_DATE)
    assert due.text() == "No date"
    delegate.setModelData(due, panel.model, cell(panel, 0, DUE_COLUMN))
    status = delegate.createEditor(panel.table, option, cell(panel, 0, STATUS_COLUMN))
    assert isinstance(status, QComboBox) and status.count() == 4
    status.setCurrentText("done")
    delegate.setModelData(status, panel.model, cell(panel, 0, STATUS_COLUMN))
    [action] = store.actions(w.id)
    assert (action.owner, action.due, action.status) == ("Someone from the council", "", "done")
    for editor in (owner, due, status):
        editor.deleteLater()


def test_the_actions_model_passes_the_model_tester(qtmodeltester, fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable")
    for text in TEXTS:
        actions.add_action(fresh_db, w.id, text)
    model = ActionsModel(fresh_db, w.id, lambda action, fields: True)
    qtmodeltester.check(model)


def test_undo_after_the_panel_is_gone_still_reaches_the_store_and_the_app(qtbot, fresh_db, ops):
    w = workshops.create_workshop(fresh_db, title="Roundtable")
    stack, hub = QUndoStack(), ops.hub
    panel = ActionsPanel(ops, w.id, undo_stack=stack)
    action = panel.add_action("Send the minutes")
    shiboken6.delete(panel)
    with qtbot.waitSignal(hub.actions_changed) as announced:
        stack.undo()
    assert announced.args == [w.id] and fresh_db.actions(w.id) == []
    stack.redo()
    assert fresh_db.actions(w.id) == [action]


def test_a_narrow_panel_gives_the_words_room_and_keeps_due_and_status_in_the_tooltip(qtbot, setup):
    store, w, stack, panel = setup
    action = actions.add_action(store, w.id, "Draft the joint discharge protocol", owner="Bo Chen",
                                due="2026-12-20", status="in progress")
    panel.model.reload()
    panel.resize(320, 400)
    qtbot.waitUntil(lambda: panel.table.isColumnHidden(DUE_COLUMN))
    assert panel.table.isColumnHidden(STATUS_COLUMN) and not panel.table.isColumnHidden(OWNER_COLUMN)
    assert panel.table.columnWidth(TEXT_COLUMN) > panel.table.columnWidth(OWNER_COLUMN)
    tip = panel.model.data(cell(panel, 0, TEXT_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert "2026-12-20" in tip and "in progress" in tip and action.text in tip
    panel.resize(900, 400)
    qtbot.waitUntil(lambda: not panel.table.isColumnHidden(DUE_COLUMN))
    assert not panel.table.isColumnHidden(STATUS_COLUMN)


def test_an_owner_typed_short_takes_the_one_name_it_points_to(qtbot, setup):
    store, w, stack, panel = setup
    panel.add_action("Plan")
    delegate = panel.table.itemDelegate()
    owner = delegate.createEditor(panel.table, QStyleOptionViewItem(), cell(panel, 0, OWNER_COLUMN))
    for typed, kept in (("bo", "Bo Chen"), ("Someone from the council", "Someone from the council"),
                        ("n", "n")):  # "n" is in both names: it stays as typed
        owner.setText(typed)
        delegate.setModelData(owner, panel.model, cell(panel, 0, OWNER_COLUMN))
        assert store.actions(w.id)[0].owner == kept


def test_a_narrow_panel_sets_the_selected_actions_due_date_and_status_beneath_the_table(qtbot, setup):
    store, w, stack, panel = setup
    actions.add_action(store, w.id, "Draft the protocol", due="2026-12-20")
    panel.model.reload()
    panel.resize(320, 400)
    qtbot.waitUntil(lambda: panel.table.isColumnHidden(DUE_COLUMN))
    assert not panel.details.isVisible()  # nothing selected yet
    panel.table.setCurrentIndex(cell(panel, 0, TEXT_COLUMN))
    assert panel.details.isVisible() and panel.due_edit.iso() == "2026-12-20"
    panel.status_box.setCurrentIndex(panel.status_box.findText("done"))
    panel.status_box.activated.emit(panel.status_box.currentIndex())
    panel.due_edit.setDate(QDate(2027, 1, 8))
    panel.due_edit.editingFinished.emit()
    saved = store.actions(w.id)[0]
    assert (saved.status, saved.due) == ("done", "2027-01-08")
    stack.undo()
    assert store.actions(w.id)[0].due == "2026-12-20"
    panel.resize(900, 400)
    qtbot.waitUntil(lambda: not panel.details.isVisible())
