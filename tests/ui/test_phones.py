"""Phones through the window: the switch, notes reaching the board through the operations,
and every token failing once the switch is off. Traffic to loopback only."""

from PySide6.QtCore import Qt

from collabdesk.domain.schedule import clock_time
from collabdesk.ui.phones import addresses
from collabdesk.ui.phones.join_card import JoinCard
from collabdesk.ui.phones.panel import PhonesPanel
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


def phones_panel(window):
    return next(p for p in window.side_panels if isinstance(p, PhonesPanel))


def test_the_phones_panel_and_the_room_view_show_how_to_join_and_who_joined(qtbot, running, fresh_db):
    window = running
    panel = phones_panel(window)
    assert "off" in panel.status.text() and not panel.lock.isEnabled()
    phone = joined_phone(qtbot, window, fresh_db)
    link = window.phones.link
    room = link.room
    assert link.url in panel.status.text() and room.code in panel.status.text()
    card = window.room_view().aside
    assert isinstance(card, JoinCard) and card.qr.matrix
    assert (card.address.text(), card.code.text()) == (link.url, room.code)
    assert card.address.textFormat() == Qt.TextFormat.PlainText

    panel.show_devices()
    assert [panel.devices.item(0).text()] == ["Amira · last seen just now"]
    old_code = room.code
    panel.lock.setFocus()
    qtbot.keyClick(panel.lock, Qt.Key.Key_Space)
    assert room.locked and room.code != old_code and "locked" in panel.status.text()
    card = window.room_view().aside
    assert card.heading.text() == "The room is locked" and card.qr.isHidden()
    qtbot.keyClick(panel.pause, Qt.Key.Key_Space)
    assert room.paused and in_thread(qtbot, lambda: phone.call("api/v1/notes", {"key": "k-paused-1", "text": "x"}))[0] \
        == 409
    qtbot.keyClick(panel.pause, Qt.Key.Key_Space)
    qtbot.keyClick(panel.changes, Qt.Key.Key_Space)
    assert not link.allow_changes
    panel.show_join.setFocus()
    qtbot.keyClick(panel.show_join, Qt.Key.Key_Space)
    assert window.room_view().aside is None
    window.room_view().close()
    qtbot.keyClick(panel.show_join, Qt.Key.Key_Space)  # shown again: the room view opens with it
    assert window.room_view().isVisible() and isinstance(window.room_view().aside, JoinCard)

    panel.devices.setCurrentRow(0)
    panel.remove.click()
    assert room.devices() == [] and panel.devices.count() == 0
    assert in_thread(qtbot, lambda: phone.call("api/v1/state"))[0] == 401
    panel.on_button.click()  # the panel's switch, on: off
    assert not window.phones.is_on and room.closed and "off" in panel.status.text()


def test_notes_from_phones_are_listed_newest_first_found_on_the_board_and_hidden_undoably(qtbot, running, fresh_db):
    window = running
    run = window.run_view
    panel = phones_panel(window)
    phone = joined_phone(qtbot, window, fresh_db)
    assert in_thread(qtbot, lambda: phone.call("api/v1/notes", {"key": "panel-key-x", "text": "Before"}))[0] == 201
    window.run_view.side_panel.setCurrentWidget(panel)  # a note sent while the tab was hidden is listed on showing
    assert panel.notes.count() == 1
    window.ops.delete_notes([fresh_db.notes(run.exercise.id)[0].id])
    for n, text in enumerate(["<b>First</b>", "Second"]):
        assert in_thread(qtbot, lambda t=text, k=f"panel-key-{n}": phone.call(
            "api/v1/notes", {"key": k, "text": t, "kind": "idea"}))[0] == 201
    qtbot.waitUntil(lambda: panel.notes.count() == 2)
    lines = [panel.notes.item(i).text() for i in range(2)]
    assert [line.split("  ", 1)[1] for line in lines] == ["Amira (idea): Second", "Amira (idea): <b>First</b>"]
    assert lines[0].startswith(clock_time(fresh_db.clock()))  # when it was sent, as the facilitator's clock says
    first = next(n for n in fresh_db.notes(run.exercise.id) if n.text == "<b>First</b>")

    panel.notes.setFocus()
    qtbot.keyClick(panel.notes, Qt.Key.Key_Down)
    qtbot.keyClick(panel.notes, Qt.Key.Key_Down)  # choosing a note shows its card, selected; the list keeps the keys
    assert run.board_scene.selected_note_ids() == [first.id] and panel.notes.hasFocus()
    qtbot.keyClick(panel.notes, Qt.Key.Key_Delete)
    assert first.id not in run.board_scene.cards and fresh_db.note(first.id).deleted
    qtbot.waitUntil(lambda: panel.notes.count() == 1)
    qtbot.waitUntil(lambda: ("<b>First</b>", "hidden") in my_notes(qtbot, phone))
    undo(qtbot, window)
    assert first.id in run.board_scene.cards
    qtbot.waitUntil(lambda: panel.notes.count() == 2)
    panel.notes.setCurrentRow(0)
    panel.notes.setFocus()
    qtbot.keyClick(panel.notes, Qt.Key.Key_Return)  # Enter goes to the card on the board
    assert run.board.hasFocus() and run.board_scene.selected_note_ids() == [panel._chosen_note().id]


def test_phone_notes_say_who_sent_them_in_the_room_view(qtbot, running, fresh_db):
    window = running
    room_view = window.room_view()
    phone = joined_phone(qtbot, window, fresh_db)
    saved = in_thread(qtbot, lambda: phone.call("api/v1/notes", {"key": "room-key-01", "text": "Mine",
                                                                 "kind": "question"}))[1]
    typed = window.ops.add_note(window.run_view.exercise.id, "Typed")
    notes = room_view.notes
    assert notes._footer(fresh_db.note(saved["id"])) == "QUESTION  ·  Amira · phone"
    assert notes._footer(typed) == ""
    room_view.follow(None)
    room_view.follow(window.workshop_id)  # read again from the database
    assert notes._footer(fresh_db.note(saved["id"])) == "QUESTION  ·  Amira · phone"


def test_letting_phones_join_from_the_menu_opens_the_phones_tab_and_the_room_view_with_the_code(qtbot, running,
                                                                                                monkeypatch):
    window = running
    monkeypatch.setattr(addresses, "private_addresses", lambda: [addresses.Address("127.0.0.1", "test", True)])
    window.actions["phones"].trigger()
    assert window.phones.is_on and window.run_view.side_panel.currentWidget() is phones_panel(window)
    room_view = window.room_view()
    qtbot.waitExposed(room_view)
    assert room_view.aside.code.text() == window.phones.link.room.code
    window.actions["phones"].trigger()
    assert not window.phones.is_on and room_view.aside is None
