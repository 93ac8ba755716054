"""Phones through the window: the switch, notes reaching the board through the operations,
and every token failing once the switch is off. Traffic to loopback only."""

from PySide6.QtCore import Qt

from tests.ui.desk import click_card, redo, undo
from tests.ui.phone_client import Phone, in_thread


def joined_phone(qtbot, window, fresh_db) -> Phone:
    """A phone in the room of the running workshop, having claimed the first name."""
    url = window.phones.turn_on(window.workshop_id, "127.0.0.1")
    base, code = url.split("?code=")
    phone = Phone(base)
    status, joined = in_thread(qtbot, lambda: phone.call("api/v1/join", {"code": code}))
    assert status == 200
    phone.token = joined["token"]
    person = fresh_db.participants(window.workshop_id)[0]
    assert in_thread(qtbot, lambda: phone.call("api/v1/claim", {"participant": person.id}))[0] == 200
    return phone


def test_a_phone_note_reaches_the_board_as_text_and_the_switch_off_ends_every_token(qtbot, running, fresh_db):
    window = running
    assert not window.actions["phones"].isChecked()
    phone = joined_phone(qtbot, window, fresh_db)
    assert window.actions["phones"].isChecked()
    amira = fresh_db.participants(window.workshop_id)[0]
    text = "<img src=x onerror=alert(1)>"
    body = {"key": "phone-note-0001", "text": text, "kind": "question"}
    with qtbot.waitSignal(window.hub.saved):
        status, saved = in_thread(qtbot, lambda: phone.call("api/v1/notes", body))
    assert status == 201
    exercise = window.run_view.exercise
    note = fresh_db.note(saved["id"])
    assert (note.text, note.kind, note.author_id, note.exercise_id) == (text, "question", amira.id, exercise.id)
    assert window.run_view.board_scene.cards[note.id].footer_text() == "Amira · phone"
    assert in_thread(qtbot, lambda: phone.call("api/v1/notes", body))[1]["id"] == note.id  # a re-send
    assert [n.text for n in fresh_db.notes(exercise.id)] == [text]

    window.show_home()  # leaving the workshop turns phones off
    assert not window.actions["phones"].isChecked() and not window.phones.is_on
    assert in_thread(qtbot, lambda: phone.reach("api/v1/state")) in (None, 401)


def test_the_phones_window_shows_the_address_the_code_and_who_joined(qtbot, running):
    window = running
    url = window.phones.turn_on(window.workshop_id, "127.0.0.1")
    window.phones.show_dialog(window)
    dialog = window.phones.dialog
    qtbot.waitExposed(dialog)
    room = window.phones.link.room
    assert dialog.address.text() == url.split("?")[0] and dialog.code.text() == room.code
    room.join(room.code)
    dialog.show_devices()
    assert dialog.devices.count() == 1
    dialog.lock.click()
    assert room.locked and room.code in dialog.code.text() and "locked" in dialog.code.text()
    dialog.devices.setCurrentRow(0)
    dialog.remove.click()
    assert room.devices() == [] and dialog.devices.count() == 0
    window.phones.toggle(window.workshop_id, window)  # the menu's switch, on: off
    assert window.phones.dialog is None and room.closed


def my_notes(qtbot, phone) -> list[tuple[str, str]]:
    return [(n["text"], n["status"]) for n in in_thread(qtbot, lambda: phone.call("api/v1/state"))[1]["notes"]]


def test_a_participant_changes_their_note_from_the_phone_and_ctrl_z_leaves_their_change_alone(qtbot, running,
                                                                                               fresh_db):
    window = running
    run = window.run_view
    phone = joined_phone(qtbot, window, fresh_db)
    status, saved = in_thread(qtbot, lambda: phone.call("api/v1/notes", {"key": "phone-key-01", "text": "Frist"}))
    assert status == 201
    run.board.edit_card(saved["id"])  # the facilitator fixes it on the board: a step on the undo stack
    qtbot.keyClick(run.board.editor, Qt.Key.Key_End)
    qtbot.keyClicks(run.board.editor, "!")
    qtbot.keyClick(run.board.editor, Qt.Key.Key_Return)
    assert fresh_db.note(saved["id"]).text == "Frist!"

    with qtbot.waitSignal(window.hub.notes_updated):
        status, edited = in_thread(qtbot, lambda: phone.call("api/v1/notes/phone-key-01", {"text": "First"}, "PATCH"))
    assert status == 200 and run.board_scene.cards[saved["id"]].note.text == "First"
    undo(qtbot, window)  # the facilitator's own edit is not replayed over the participant's
    assert fresh_db.note(saved["id"]).text == "First"
    assert "phone" in window.saved_label.text()
    assert not window.undo_stack.canUndo()


def test_the_facilitator_hides_a_phone_note_undoably_and_the_phone_is_told(qtbot, running, fresh_db):
    window = running
    run = window.run_view
    phone = joined_phone(qtbot, window, fresh_db)
    saved = in_thread(qtbot, lambda: phone.call("api/v1/notes", {"key": "phone-key-02", "text": "Off topic"}))[1]
    click_card(qtbot, run.board, run.board_scene.cards[saved["id"]])
    qtbot.keyClick(run.board, Qt.Key.Key_Delete)
    assert saved["id"] not in run.board_scene.cards
    qtbot.waitUntil(lambda: my_notes(qtbot, phone) == [("Off topic", "hidden")])
    status, refusal = in_thread(qtbot, lambda: phone.call("api/v1/notes/phone-key-02", {"text": "x"}, "PATCH"))
    assert (status, refusal["error"]) == (403, "hidden")

    undo(qtbot, window)  # the hide is undoable like any delete, and the phone sees its note back
    assert saved["id"] in run.board_scene.cards
    qtbot.waitUntil(lambda: my_notes(qtbot, phone) == [("Off topic", "saved")])

    status, _ = in_thread(qtbot, lambda: phone.call("api/v1/notes/phone-key-02", None, "DELETE"))
    assert status == 200 and saved["id"] not in run.board_scene.cards and my_notes(qtbot, phone) == []
    redo(qtbot, window)  # hiding again, then undoing, must not bring back what its author withdrew
    undo(qtbot, window)
    assert fresh_db.note(saved["id"]).deleted and saved["id"] not in run.board_scene.cards


def test_the_facilitator_closes_changes_from_phones(qtbot, running, fresh_db):
    window = running
    phone = joined_phone(qtbot, window, fresh_db)
    saved = in_thread(qtbot, lambda: phone.call("api/v1/notes", {"key": "phone-key-03", "text": "Mine"}))[1]
    window.phones.link.set_allow_changes(False)
    assert in_thread(qtbot, lambda: phone.call("api/v1/state"))[1]["changes"] is False
    for body, method in (({"text": "x"}, "PATCH"), (None, "DELETE")):
        status, refusal = in_thread(qtbot, lambda b=body, m=method: phone.call("api/v1/notes/phone-key-03", b, m))
        assert (status, refusal["error"]) == (403, "changes")
    assert fresh_db.note(saved["id"]).text == "Mine"
