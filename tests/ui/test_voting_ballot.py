"""The pass-the-laptop ballot, driven through its widgets."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from collabdesk.services import notes, voting, workshops
from collabdesk.ui.common.events import EventHub
from collabdesk.ui.operations import Operations
from collabdesk.ui.voting import BallotScreen, ResultsView, RoomVotingProgress, RoomVotingView
from collabdesk.ui.voting.cards import ItemCard

TEXTS = ["<b>bold</b> &amp; <img src=x>", "合作 協力", "تعاون", "שיתוף פעולה", "x" * 10_000]


@pytest.fixture
def room(fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann", "Bo", "Cy"])
    exercise = fresh_db.exercises(w.id)[0]
    cards = [notes.add_note(fresh_db, exercise.id, t) for t in TEXTS]
    return fresh_db, w, [("note", n.id) for n in cards], [p.id for p in fresh_db.participants(w.id)]


def make_screen(qtbot, store, round_id):
    screen = BallotScreen(Operations(store, EventHub()), round_id)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    return screen


def start_voting(qtbot, screen):
    qtbot.mouseClick(screen.hand_over.start_button, Qt.MouseButton.LeftButton)
    assert screen.currentWidget() is screen.voting_page
    return screen.voting_page


def card(page, key) -> ItemCard:
    return next(c for c in page.cards if c.item.key == key)


def click_plus(qtbot, page, key, times=1):
    for _ in range(times):
        qtbot.mouseClick(card(page, key).add_button, Qt.MouseButton.LeftButton)


def visible_texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget) and label.text()]


def test_no_voter_can_spend_more_dots_than_allowed(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    screen = make_screen(qtbot, store, round_.id)
    page = start_voting(qtbot, screen)
    click_plus(qtbot, page, items[0], 2)
    click_plus(qtbot, page, items[1])
    assert page.left_label.text() == "0 of 3 dots left"
    assert not card(page, items[2]).add_button.isEnabled()
    page.add_dot(items[2])  # what a click would do if the button were not disabled
    assert "All your dots are placed" in page.message_label.text()
    assert page.allocation == {items[0]: 2, items[1]: 1}
    with qtbot.waitSignal(page.confirm_requested):
        qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert store.voter_allocation(round_.id, people[0]) == {items[0]: 2, items[1]: 1}


def test_the_per_card_cap_stops_a_voter_at_the_limit(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top", max_per_item=2)
    screen = make_screen(qtbot, store, round_.id)
    page = start_voting(qtbot, screen)
    page.setFocus()
    for _ in range(3):
        qtbot.keyClick(page, Qt.Key.Key_Plus)
    assert card(page, items[0]).dots == 2
    assert "at most 2 dots on one card" in page.message_label.text()
    assert page.left_label.text() == "1 of 3 dots left"


def test_a_voters_dots_are_invisible_to_the_next_voter(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    screen = make_screen(qtbot, store, round_.id)
    page = start_voting(qtbot, screen)
    click_plus(qtbot, page, items[3], 3)
    with qtbot.waitSignal(screen.ballot_confirmed) as confirmed:
        qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert confirmed.args == [people[0]]
    # The hand-over names the next voter and shows nothing else: no count, no card.
    assert screen.currentWidget() is screen.hand_over
    assert visible_texts(screen.hand_over) == ["Pass the laptop to", "Bo"]
    assert not any(ch.isdigit() for ch in " ".join(visible_texts(screen.hand_over)))
    page = start_voting(qtbot, screen)
    assert page.name_label.text() == "Bo, place your dots"
    assert page.left_label.text() == "3 of 3 dots left"
    assert page.allocation == {} and all(c.dots == 0 and c.meter.filled == 0 for c in page.cards)
    assert (page.left_meter.filled, page.left_meter.empty) == (3, 0)


def test_a_confirmed_ballot_is_on_disk_before_the_hand_over_shows(qtbot, room, db_path):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    screen = make_screen(qtbot, store, round_.id)
    page = start_voting(qtbot, screen)
    click_plus(qtbot, page, items[1])
    qtbot.keyClick(page, Qt.Key.Key_Return)
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT SUM(count) FROM votes WHERE round_id = ?", (round_.id,)).fetchone()[0] == 1
    other.close()


def test_keyboard_moves_adds_removes_and_confirms(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    screen = make_screen(qtbot, store, round_.id)
    page = start_voting(qtbot, screen)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    qtbot.keyClick(page, Qt.Key.Key_Plus)
    qtbot.keyClick(page, Qt.Key.Key_Plus)
    qtbot.keyClick(page, Qt.Key.Key_Backspace)
    assert page.allocation == {items[1]: 1, items[2]: 1}
    assert card(page, items[2]).current
    with qtbot.waitSignal(screen.ballot_confirmed):
        qtbot.keyClick(page, Qt.Key.Key_Enter)
    assert store.voter_allocation(round_.id, people[0]) == {items[1]: 1, items[2]: 1}


def test_going_back_saves_nothing_and_the_same_voter_starts_again_empty(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    screen = make_screen(qtbot, store, round_.id)
    page = start_voting(qtbot, screen)
    click_plus(qtbot, page, items[0], 2)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert screen.hand_over.name_label.text() == "Ann" and store.votes(round_.id) == []
    assert start_voting(qtbot, screen).allocation == {}


def test_skip_then_reopen_lets_a_voter_vote_after_all(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    screen = make_screen(qtbot, store, round_.id)
    with qtbot.waitSignal(screen.voter_skipped):
        qtbot.mouseClick(screen.hand_over.skip_button, Qt.MouseButton.LeftButton)
    assert screen.hand_over.name_label.text() == "Bo"
    screen.reopen(people[0])
    assert screen.hand_over.name_label.text() == "Ann"
    for voter in range(3):
        page = start_voting(qtbot, screen)
        click_plus(qtbot, page, items[voter])
        qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert screen.currentWidget() is screen.finished_page
    with qtbot.waitSignal(screen.finished):
        qtbot.mouseClick(screen.finished_page.done_button, Qt.MouseButton.LeftButton)
    assert voting.progress(store, round_.id) == (3, 3, ())


def test_cards_show_user_text_as_plain_characters(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    screen = make_screen(qtbot, store, round_.id)
    page = start_voting(qtbot, screen)
    labels = [c.text_label for c in page.cards]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert [label.text() for label in labels[:4]] == TEXTS[:4]
    assert labels[4].text().endswith("…") and len(labels[4].text()) < 300


def test_a_closed_round_shows_no_ballot(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    voting.close_round(store, round_.id)
    screen = make_screen(qtbot, store, round_.id)
    assert screen.currentWidget() is screen.finished_page
    assert screen.finished_page.title_label.text() == "This vote is closed"


def test_the_room_sees_who_voted_but_no_count_before_the_reveal(qtbot, room, ops):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    screen = make_screen(qtbot, store, round_.id)
    page = start_voting(qtbot, screen)
    click_plus(qtbot, page, items[0], 3)
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    progress = RoomVotingProgress(ops, round_.id)
    room_view = RoomVotingView(ops, round_.id)
    results = ResultsView(ops, round_.id)
    for widget in (progress, room_view, results):
        qtbot.addWidget(widget)
    assert progress.status_label.text() == "Voting in progress — 1 of 3 voted"
    assert progress.waiting_label.text() == "Still to vote: Bo, Cy"
    assert room_view.currentWidget() is room_view.progress_view
    assert results.model.rowCount() == 0 and not results.table.isVisibleTo(results)
    assert "hidden" in results.hidden_label.text()
    voting.reveal_round(store, round_.id)
    room_view.refresh()
    results.refresh()
    assert room_view.currentWidget() is room_view.results_view
    assert results.model.rowCount() == 1 and results.model.lines[0].dots == 3


def test_names_with_markup_or_ampersands_show_as_typed(qtbot, fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["<b>Tom</b> & Jerry", "Bo"])
    notes.add_note(fresh_db, fresh_db.exercises(w.id)[0].id, "Budget")
    round_ = voting.start_round(fresh_db, w.id, title="Top")
    screen = make_screen(qtbot, fresh_db, round_.id)
    assert screen.hand_over.name_label.textFormat() == Qt.TextFormat.PlainText
    assert screen.hand_over.name_label.text() == "<b>Tom</b> & Jerry"
    assert screen.hand_over.start_button.text() == "I am <b>Tom</b> && Jerry: start my vote"  # && shows one &
    page = start_voting(qtbot, screen)
    assert page.name_label.text() == "<b>Tom</b> & Jerry, place your dots"
