"""Planning a workshop: the New dialog builds the agenda the facilitator made; the run-time agenda dialog edits it."""

from PySide6.QtCore import QDate, Qt

from collabdesk.ui.planning.agenda_editor import MINUTES, TITLE
from collabdesk.ui.planning.dialogs import AgendaDialog, NewWorkshopDialog
from tests.ui.desk import make_dialog

ALT = Qt.KeyboardModifier.AltModifier


def set_cell(editor, row, column, value):
    model = editor.model
    assert model.setData(model.index(row, column), value)


def test_the_new_dialog_creates_the_agenda_in_order_with_its_durations(window, qtbot, fresh_db):
    dialog = make_dialog(qtbot, window)
    assert dialog.template.currentData() == "five-domains-default"
    editor = dialog.agenda
    assert [r.domain_key for r in editor.rows()] == ["head", "heart", "bones", "limbs", "blood"]

    qtbot.keyClicks(dialog.title, "Neighbourhood care roundtable")
    qtbot.keyClicks(dialog.location, "Town hall")
    dialog.date.setDate(QDate(2026, 12, 3))
    qtbot.keyClicks(dialog.participants, "Amira")
    qtbot.keyClick(dialog.participants, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.participants, "Ben")

    editor.select_row(4)  # remove Blood
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    editor.select_row(0)  # add an exercise after Head
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    assert editor.current_row() == 1
    set_cell(editor, 1, TITLE, "Warm-up: one word each")
    set_cell(editor, 1, MINUTES, 7)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, ALT)  # and move it to the top
    editor.select_row(3)
    qtbot.mouseClick(editor.down, Qt.MouseButton.LeftButton)  # Bones after Limbs
    set_cell(editor, 0, MINUTES, 8)
    assert "1 h 28 min planned" in editor.total.text()  # 8 + 4 × 20 minutes

    qtbot.mouseClick(dialog.save_draft, Qt.MouseButton.LeftButton)

    assert dialog.result() == dialog.DialogCode.Accepted
    workshop = fresh_db.workshop(dialog.workshop.id)
    assert (workshop.title, workshop.location, workshop.date, workshop.status) == (
        "Neighbourhood care roundtable", "Town hall", "2026-12-03", "draft")
    assert [p.name for p in fresh_db.participants(workshop.id)] == ["Amira", "Ben"]
    agenda = [(e.title, e.timer.planned) for e in fresh_db.exercises(workshop.id)]
    assert agenda == [("Warm-up: one word each", 480), ("Head", 1200), ("Heart", 1200), ("Limbs", 1200),
                      ("Bones", 1200)]


def test_a_count_of_participants_gives_numbered_roles(window, qtbot, fresh_db):
    dialog = make_dialog(qtbot, window)
    qtbot.keyClicks(dialog.title, "Quick session")
    dialog.participant_count.setValue(3)
    qtbot.mouseClick(dialog.create_start, Qt.MouseButton.LeftButton)
    names = [p.name for p in fresh_db.participants(dialog.workshop.id)]
    assert names == ["Participant 1", "Participant 2", "Participant 3"] and dialog.start_now


def test_problems_are_shown_in_the_dialog_and_nothing_typed_is_lost(window, qtbot, fresh_db):
    dialog = make_dialog(qtbot, window)
    qtbot.keyClicks(dialog.location, "Library")
    qtbot.mouseClick(dialog.create_start, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert "title cannot be empty" in dialog.error.text()
    assert dialog.location.text() == "Library" and len(dialog.agenda.rows()) == 5

    qtbot.keyClicks(dialog.title, "Roundtable")
    set_cell(dialog.agenda, 2, TITLE, "   ")
    qtbot.mouseClick(dialog.create_start, Qt.MouseButton.LeftButton)
    assert dialog.error.text().startswith("Exercise 3:") and dialog.agenda.current_row() == 2
    assert fresh_db.summaries() == []


def test_new_workshop_then_start_opens_the_run_view_with_focus_in_the_entry(window, qtbot, fresh_db, monkeypatch):
    def fill_and_create(ops, parent=None):
        dialog = NewWorkshopDialog(ops, parent)
        qtbot.addWidget(dialog)
        dialog.title.setText("Started straight away")
        dialog._create(start=True)
        return dialog.workshop, dialog.start_now

    monkeypatch.setattr(NewWorkshopDialog, "ask", staticmethod(fill_and_create))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.run_view
    assert fresh_db.workshop(window.workshop_id).status == "running"
    assert window.run_view.capture.entry.hasFocus()


def test_the_agenda_is_edited_during_the_workshop(running, qtbot, fresh_db):
    dialog = AgendaDialog(running.ops, running.workshop_id, running)
    qtbot.addWidget(dialog)
    editor = dialog.agenda
    set_cell(editor, 1, MINUTES, 25)
    set_cell(editor, 1, TITLE, "Heart: what we value")
    editor.select_row(4)
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    set_cell(editor, 5, TITLE, "Next steps")
    editor.select_row(2)
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    agenda = [(e.title, e.timer.planned) for e in fresh_db.exercises(running.workshop_id)]
    assert agenda[1] == ("Heart: what we value", 1500)
    assert [a[0] for a in agenda] == ["Head", "Heart: what we value", "Limbs", "Blood", "Next steps"]
    assert [e.title for e in running.run_view.agenda.model.exercises] == [a[0] for a in agenda]


def test_removing_an_exercise_with_notes_asks_first(running, qtbot, fresh_db, monkeypatch):
    head = running.run_view.exercise
    running.ops.add_note(head.id, "Keep me")
    dialog = AgendaDialog(running.ops, running.workshop_id, running)
    qtbot.addWidget(dialog)
    asked = []
    monkeypatch.setattr(AgendaDialog, "confirm_removal", staticmethod(lambda parent, losing: asked.append(losing)))
    dialog.agenda.select_row(0)
    qtbot.mouseClick(dialog.agenda.remove, Qt.MouseButton.LeftButton)
    dialog._save()
    assert asked == [[("Head", 1)]]
    assert [n.text for n in fresh_db.notes(head.id)] == ["Keep me"]
