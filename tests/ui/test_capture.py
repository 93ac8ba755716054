"""Keyboard-first capture: what is typed reaches the store, the board and the room, and undo follows."""

from PySide6.QtCore import Qt

from tests.ui.desk import type_note

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_typed_note_reaches_store_board_and_room_and_undo_redo_follow(running, qtbot, fresh_db):
    running.toggle_room_view()
    room = running.room_view()
    entry = running.run_view.capture.entry
    exercise_id = running.run_view.exercise.id
    assert entry.hasFocus()

    type_note(qtbot, running, "Grant rules pit us against each other")

    [note] = fresh_db.notes(exercise_id)
    assert note.text == "Grant rules pit us against each other"
    assert entry.toPlainText() == ""
    assert list(running.run_view.board_scene.cards) == [note.id]
    assert room.notes.note_ids() == [note.id]
    assert running.saved_label.text().startswith("All changes saved")

    qtbot.keyClick(entry, Qt.Key.Key_Z, CTRL)
    assert fresh_db.notes(exercise_id) == []
    assert running.run_view.board_scene.cards == {}
    assert room.notes.note_ids() == []

    qtbot.keyClick(entry, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [n.id for n in fresh_db.notes(exercise_id)] == [note.id]
    assert list(running.run_view.board_scene.cards) == [note.id]
    assert room.notes.note_ids() == [note.id]


def test_undo_in_the_entry_first_undoes_typing_then_the_last_note(running, qtbot, fresh_db):
    exercise_id = running.run_view.exercise.id
    type_note(qtbot, running, "First")
    entry = running.run_view.capture.entry
    qtbot.keyClicks(entry, "half-typed")
    qtbot.keyClick(entry, Qt.Key.Key_Z, CTRL)
    assert [n.text for n in fresh_db.notes(exercise_id)] == ["First"]  # the typing went, not the note
    while entry.document().isUndoAvailable():
        qtbot.keyClick(entry, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(entry, Qt.Key.Key_Z, CTRL)
    assert fresh_db.notes(exercise_id) == []


def test_shift_enter_breaks_the_line_and_blank_notes_are_not_added(running, qtbot, fresh_db):
    entry = running.run_view.capture.entry
    qtbot.keyClicks(entry, "one")
    qtbot.keyClick(entry, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClicks(entry, "two")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.keyClicks(entry, "   ")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert [n.text for n in fresh_db.notes(running.run_view.exercise.id)] == ["one\ntwo"]
    assert running.undo_stack.count() == 1


def test_kind_colour_author_and_quote_role_are_set_from_the_keyboard(running, qtbot, fresh_db):
    entry = running.run_view.capture.entry
    qtbot.keyClick(entry, Qt.Key.Key_3, CTRL)  # question
    qtbot.keyClick(entry, Qt.Key.Key_2, ALT)  # pink
    qtbot.keyClick(entry, Qt.Key.Key_P, CTRL)  # first participant
    qtbot.keyClick(entry, Qt.Key.Key_P, CTRL)  # second
    type_note(qtbot, running, "Who signs off?")
    qtbot.keyClick(entry, Qt.Key.Key_4, CTRL)  # quote, attributed to "Speaker"
    qtbot.keyClick(entry, Qt.Key.Key_4, CTRL)  # again: the next attribution
    qtbot.keyClick(entry, Qt.Key.Key_P, CTRL | SHIFT)  # back to the first participant
    type_note(qtbot, running, "We are tired of pilots")

    question, quote = fresh_db.notes(running.run_view.exercise.id)
    names = {p.id: p.name for p in fresh_db.participants(running.workshop_id)}
    assert (question.kind, question.colour, names[question.author_id], question.role) == (
        "question", "pink", "Ben", "")
    assert (quote.kind, quote.colour, names[quote.author_id], quote.role) == ("quote", "pink", "Amira", "Participant")
    assert running.run_view.board_scene.cards[quote.id].footer_text() == "— Participant"


def test_a_card_is_edited_in_place_and_deleted_from_the_keyboard_with_undo(running, qtbot, fresh_db):
    view = running.run_view
    type_note(qtbot, running, "Budgets are siloed")
    [note] = fresh_db.notes(view.exercise.id)
    view.board.setFocus()
    view.board_scene.cards[note.id].setSelected(True)

    qtbot.keyClick(view.board, Qt.Key.Key_F2)
    assert view.board.editor is not None and view.board.editor.hasFocus()
    view.board.editor.selectAll()
    qtbot.keyClicks(view.board.editor, "Budgets sit in silos")
    qtbot.keyClick(view.board.editor, Qt.Key.Key_Return)
    assert fresh_db.note(note.id).text == "Budgets sit in silos"
    assert view.board_scene.cards[note.id].note.text == "Budgets sit in silos"

    view.board_scene.cards[note.id].setSelected(True)
    qtbot.keyClick(view.board, Qt.Key.Key_4, ALT)  # with the board focused: recolour the selected card
    assert fresh_db.note(note.id).colour == "green"

    qtbot.keyClick(view.board, Qt.Key.Key_Delete)
    assert fresh_db.notes(view.exercise.id) == [] and view.board_scene.cards == {}

    qtbot.keyClick(view.board, Qt.Key.Key_Z, CTRL)  # the deletion
    qtbot.keyClick(view.board, Qt.Key.Key_Z, CTRL)  # the colour
    qtbot.keyClick(view.board, Qt.Key.Key_Z, CTRL)  # the text
    assert fresh_db.note(note.id).text == "Budgets are siloed"
    assert fresh_db.note(note.id).colour == "yellow" and not fresh_db.note(note.id).deleted
    assert view.board_scene.cards[note.id].note.text == "Budgets are siloed"

    qtbot.keyClick(view.board, Qt.Key.Key_Escape)
    assert view.capture.entry.hasFocus()


def test_a_late_arrival_can_be_chosen_as_author(running, qtbot, fresh_db):
    running.ops.add_participant(running.workshop_id, "Dara (arrived late)")
    authors = [running.run_view.capture.author.itemText(i) for i in range(running.run_view.capture.author.count())]
    assert authors[-1] == "Dara (arrived late)"


def test_a_note_the_store_cannot_save_stays_in_the_entry(running, qtbot, fresh_db, monkeypatch):
    from collabdesk.store import StoreError

    def full_disk(*args, **kwargs):
        raise StoreError("Could not save the note: the disk is full.")

    monkeypatch.setattr(fresh_db, "add_note", full_disk)
    type_note(qtbot, running, "Do not lose me")
    assert running.run_view.capture.entry.toPlainText() == "Do not lose me"
    assert "disk is full" in running.saved_label.text()
    assert running.undo_stack.count() == 0


def test_timer_and_agenda_keys_work_while_typing_in_the_entry(running, qtbot, fresh_db):
    view = running.run_view
    entry = view.capture.entry
    planned = view.exercise.timer.planned
    qtbot.keyClicks(entry, "half a thought")
    qtbot.keyClick(entry, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(entry, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(entry, Qt.Key.Key_Minus, CTRL)
    assert fresh_db.exercise(view.exercise.id).timer.planned == planned + 60
    first = view.exercise.id
    qtbot.keyClick(entry, Qt.Key.Key_Return, CTRL | SHIFT)
    assert view.exercise.id != first and fresh_db.exercise(first).state == "done"
    assert entry.toPlainText() == "half a thought"  # nothing typed was lost or added to
    assert fresh_db.notes(first) == []


def test_tab_goes_from_the_entry_through_the_capture_row_to_the_board(running, qtbot):
    view = running.run_view
    order = [view.capture.author, view.capture.kind, view.capture.role, view.capture.colour, view.board]
    view.capture.kind.setCurrentIndex(view.capture.kind.findData("quote"))  # the attribution box is enabled
    widget = view.capture.entry
    for expected in order:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = view.focusWidget()
        assert widget is expected
    qtbot.keyClick(view.board, Qt.Key.Key_L, CTRL)
    assert view.capture.entry.hasFocus()


def test_speaker_kind_and_colour_start_afresh_in_the_next_exercise(running):
    capture = running.run_view.capture
    capture.cycle_author(1)
    capture.choose_kind("idea")
    capture.choose_colour("pink")
    running.run_view.next_exercise()
    assert capture.note_fields() == {"kind": "note", "colour": "yellow", "author_id": None, "role": ""}
