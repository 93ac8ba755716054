"""Voting from phones and the laptop in one round, through the window: phone ballots count in
"N of M voted", the laptop goes only to those still to vote, and nobody votes twice.
Traffic to loopback only."""

import pytest

from collabdesk.ui.voting import BallotScreen
from tests.ui.desk import LEFT, add_notes, docks, room_texts, start_vote
from tests.ui.phone_client import Phone, in_thread


@pytest.fixture
def vote_room(running):
    notes = add_notes(running, "Pooled budgets", "One shared target", "Trust first")
    running.toggle_room_view()
    return running, notes, running.room_view()


def phone_of(qtbot, window, name: str) -> Phone:
    """A phone that joined the room and claimed ``name``."""
    base, code = window.phones.link.join_url().split("?code=")
    phone = Phone(base)
    status, joined = in_thread(qtbot, lambda: phone.call("api/v1/join", {"code": code}))
    assert status == 200
    phone.token = joined["token"]
    person = next(p for p in window.ops.store.participants(window.workshop_id) if p.name == name)
    assert in_thread(qtbot, lambda: phone.call("api/v1/claim", {"participant": person.id}))[0] == 200
    return phone


def vote(qtbot, phone: Phone, round_id: int, dots: dict) -> tuple[int, dict]:
    body = {"round": round_id, "dots": {f"note:{note.id}": count for note, count in dots.items()}}
    return in_thread(qtbot, lambda: phone.call("api/v1/ballot", body))


def place(qtbot, page, note, times=1) -> None:
    for _ in range(times):
        qtbot.mouseClick(next(c for c in page.cards if c.item.key == ("note", note.id)).add_button, LEFT)


def test_phone_ballots_count_in_the_room_and_the_laptop_goes_only_to_those_still_to_vote(
        qtbot, vote_room, fresh_db, monkeypatch):
    window, notes, room = vote_room
    people = {p.name: p.id for p in fresh_db.participants(window.workshop_id)}
    round_id = start_vote(qtbot, window, monkeypatch, max_per_item=2)
    window.phones.turn_on(window.workshop_id, "127.0.0.1")
    _actions, votes = docks(window)
    qtbot.mouseClick(votes.panel.collect_button, LEFT)
    screen = window.run_view.screen
    assert isinstance(screen, BallotScreen) and screen.hand_over.name_label.text() == "Amira"

    amira = phone_of(qtbot, window, "Amira")
    with qtbot.waitSignal(window.hub.votes_changed):
        assert vote(qtbot, amira, round_id, {notes[0]: 2, notes[1]: 1})[0] == 200
    qtbot.waitUntil(lambda: screen.hand_over.name_label.text() == "Ben")  # the laptop passes Amira by
    assert room_texts(room) == ["What first?", "Voting in progress — 1 of 3 voted", "Still to vote: Ben, Chen Wei"]
    assert votes.panel.progress_label.text() == "1 of 3 voted"

    qtbot.mouseClick(screen.hand_over.start_button, LEFT)  # Ben votes on the laptop
    page = screen.voting_page
    place(qtbot, page, notes[2], 2)
    qtbot.mouseClick(page.confirm_button, LEFT)
    assert screen.hand_over.name_label.text() == "Chen Wei"
    ben = phone_of(qtbot, window, "Ben")  # ... and then tries his phone: refused, his laptop ballot kept
    status, answer = vote(qtbot, ben, round_id, {notes[0]: 1})
    assert (status, answer["error"]) == (409, "voted")
    assert fresh_db.voter_allocation(round_id, people["Ben"]) == {("note", notes[2].id): 2}

    with qtbot.waitSignal(window.hub.votes_changed):  # Amira changes her mind: still one ballot
        assert vote(qtbot, amira, round_id, {notes[1]: 1})[0] == 200
    assert room_texts(room)[1] == "Voting in progress — 2 of 3 voted"

    qtbot.mouseClick(screen.hand_over.start_button, LEFT)  # Chen Wei takes the laptop, and votes by phone too
    place(qtbot, page, notes[0])
    chen = phone_of(qtbot, window, "Chen Wei")
    with qtbot.waitSignal(window.hub.votes_changed):
        assert vote(qtbot, chen, round_id, {notes[1]: 2})[0] == 200
    assert "has voted from a phone" in page.message_label.text() and not page.confirm_button.isEnabled()
    assert fresh_db.voter_allocation(round_id, people["Chen Wei"]) == {("note", notes[1].id): 2}
    assert room_texts(room) == ["What first?", "Everyone has voted (3 of 3)"]
    qtbot.mouseClick(page.back_button, LEFT)
    assert screen.currentWidget() is screen.finished_page
    assert [(b.participant_id, b.status) for b in fresh_db.ballots(round_id)] == [
        (people[name], "confirmed") for name in ("Amira", "Ben", "Chen Wei")]


def test_a_voter_skipped_on_the_laptop_still_votes_from_their_phone(qtbot, vote_room, fresh_db, monkeypatch):
    window, notes, room = vote_room
    round_id = start_vote(qtbot, window, monkeypatch)
    window.phones.turn_on(window.workshop_id, "127.0.0.1")
    _actions, votes = docks(window)
    qtbot.mouseClick(votes.panel.collect_button, LEFT)
    screen = window.run_view.screen
    qtbot.mouseClick(screen.hand_over.skip_button, LEFT)  # "Amira has her phone"
    assert screen.hand_over.name_label.text() == "Ben"
    assert room_texts(room)[1] == "Voting in progress — 0 of 2 voted"
    with qtbot.waitSignal(window.hub.votes_changed):
        assert vote(qtbot, phone_of(qtbot, window, "Amira"), round_id, {notes[0]: 1})[0] == 200
    assert room_texts(room)[1] == "Voting in progress — 1 of 3 voted"
    assert screen.hand_over.name_label.text() == "Ben"
