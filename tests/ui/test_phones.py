"""Phones through the window: the switch, notes reaching the board through the operations,
and every token failing once the switch is off. Traffic to loopback only."""

from tests.ui.phone_client import Phone, in_thread


def test_a_phone_note_reaches_the_board_as_text_and_the_switch_off_ends_every_token(qtbot, running, fresh_db):
    window = running
    assert not window.actions["phones"].isChecked()
    url = window.phones.turn_on(window.workshop_id, "127.0.0.1")
    assert window.actions["phones"].isChecked()
    base, code = url.split("?code=")
    phone = Phone(base)
    status, joined = in_thread(qtbot, lambda: phone.call("api/v1/join", {"code": code}))
    assert status == 200
    phone.token = joined["token"]
    amira = fresh_db.participants(window.workshop_id)[0]
    assert in_thread(qtbot, lambda: phone.call("api/v1/claim", {"participant": amira.id}))[0] == 200
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
