"""The room view: follows the facilitator, shows nothing facilitator-only, blanks without hiding the timer."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit


CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_room_shows_domain_prompt_timer_and_notes_and_no_controls(running, qtbot):
    running.toggle_room_view()
    room = running.room_view()
    assert room.isVisible()
    assert room.domain.text == "HEAD" and room.prompt.text == running.run_view.exercise.prompt
    assert room.timer.state == running.run_view.exercise.timer
    for kind in (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit):
        assert room.findChildren(kind) == []
    assert running.isActiveWindow()  # showing the room leaves the keyboard with the facilitator


def test_blanking_hides_the_notes_but_not_the_timer(running, qtbot):
    running.toggle_room_view()
    room = running.room_view()
    running.ops.add_note(running.run_view.exercise.id, "Seen by all")
    qtbot.keyClick(running.run_view.capture.entry, Qt.Key.Key_B, CTRL)
    assert room.blanked and room.stage.currentWidget() is room.blank_stage
    assert room.timer.isVisible() and not room.notes.isVisible()
    assert running.run_view.capture.entry.toPlainText() == ""  # the key did not type into the entry
    qtbot.keyClick(running.run_view.capture.entry, Qt.Key.Key_B, CTRL)
    assert not room.blanked and room.notes.isVisible()


def test_notes_of_other_exercises_do_not_reach_the_room(running):
    running.toggle_room_view()
    room = running.room_view()
    other = running.run_view.exercises[2]
    running.ops.add_note(other.id, "Said during Bones")
    assert room.notes.note_ids() == []
    running.run_view.go_to_exercise(other.id)
    assert room.exercise.id == other.id and len(room.notes.note_ids()) == 1


def test_a_stage_widget_replaces_the_notes_and_goes_away(running, qtbot):
    from PySide6.QtWidgets import QLabel

    room = running.room_view()
    results = QLabel("Results")
    room.set_stage(results)
    assert room.stage.currentWidget() is results
    room.set_stage(None)
    assert room.stage.currentWidget() is room.notes


def test_f5_opens_and_closes_the_room(running, qtbot):
    qtbot.keyClick(running.run_view.capture.entry, Qt.Key.Key_F5)
    assert running.room_view().isVisible() and running.actions["room"].isChecked()
    qtbot.keyClick(running.run_view.capture.entry, Qt.Key.Key_F5)
    assert not running.room_view().isVisible() and not running.actions["room"].isChecked()


def test_the_room_is_titled_for_its_workshop_and_passes_the_facilitators_keys_on(running, qtbot):
    running.toggle_room_view()
    room = running.room_view()
    assert room.windowTitle() == "Room — Health and care roundtable"
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)
    qtbot.keyClick(room, Qt.Key.Key_Space, CTRL)  # start the timer from the room's window
    assert running.run_view.exercise.timer.running
    qtbot.keyClick(room, Qt.Key.Key_B, CTRL)
    assert room.blanked
    first = running.run_view.exercise.id
    qtbot.keyClick(room, Qt.Key.Key_PageDown, CTRL)
    assert running.run_view.exercise.id != first
    qtbot.keyClick(room, Qt.Key.Key_F5)  # and F5 closes it again
    assert not room.isVisible()
