"""Counting physical dots and show-of-hands, with undo, through the tally panel."""

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from collabdesk.services import notes, voting, workshops
from collabdesk.ui.operations import Operations
from collabdesk.ui.common.events import EventHub
from collabdesk.ui.voting import BallotScreen, ResultsView, TallyPanel
from collabdesk.ui.voting.tally import HandsModel


@pytest.fixture
def room(fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann", "Bo", "Cy"])
    exercise = fresh_db.exercises(w.id)[0]
    cards = [notes.add_note(fresh_db, exercise.id, t) for t in ["Budget", "<i>Trust</i>", "共有", "تعاون"]]
    return fresh_db, w, [("note", n.id) for n in cards], [p.id for p in fresh_db.participants(w.id)]


def make_panel(qtbot, store, round_id, stack):
    panel = TallyPanel(Operations(store, EventHub()), round_id, undo_stack=stack)
    qtbot.addWidget(panel)
    panel.resize(800, 500)
    panel.show()
    return panel


def test_wall_counts_are_saved_and_undone_and_redone_in_the_store(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Wall", mode="tally")
    stack = QUndoStack()
    panel = make_panel(qtbot, store, round_.id, stack)
    row = panel.rows[items[0]]
    qtbot.mouseClick(row.plus_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(row.plus_button, Qt.MouseButton.LeftButton)
    row.spin.setValue(5)  # typed (keyboard tracking is off, so this is one change)
    panel.rows[items[1]].spin.setValue(2)
    assert voting.tally(store, round_.id) == {items[0]: 5, items[1]: 2}
    assert stack.count() == 2  # clicks and typing on one card merge into one step
    stack.undo()
    assert voting.tally(store, round_.id) == {items[0]: 5} and panel.rows[items[1]].spin.value() == 0
    stack.undo()
    assert voting.tally(store, round_.id) == {} and row.spin.value() == 0
    stack.redo()
    stack.redo()
    assert voting.tally(store, round_.id) == {items[0]: 5, items[1]: 2}


def test_a_count_the_room_cannot_have_placed_is_refused_with_a_reason(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Wall", mode="tally", max_per_item=1)
    panel = make_panel(qtbot, store, round_.id, QUndoStack())
    with qtbot.waitSignal(panel.blocked) as blocked:
        panel.rows[items[0]].spin.setValue(4)  # 3 voters, one dot each on a card at most
    assert "at most 3 dots on one card" in blocked.args[0]
    assert panel.message_label.text() == blocked.args[0]
    assert panel.rows[items[0]].spin.value() == 0 and voting.tally(store, round_.id) == {}


def test_show_of_hands_enforces_each_persons_dots_and_undoes(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Hands", mode="tally", max_per_item=2)
    stack = QUndoStack()
    panel = make_panel(qtbot, store, round_.id, stack)
    model = panel.hands_model
    ann, bo = 1, 2  # columns
    assert model.setData(model.index(0, ann), 2)
    assert model.setData(model.index(1, ann), 1)
    assert model.headerData(ann, Qt.Orientation.Horizontal) == "Ann\n0 left"
    assert not model.setData(model.index(2, ann), 1)
    assert "Ann has 3 dots and tried to place 4" in panel.message_label.text()
    assert not model.setData(model.index(0, bo), 3)
    assert "Bo put 3 dots on one card" in panel.message_label.text()
    assert voting.hands(store, round_.id) == {people[0]: {items[0]: 2, items[1]: 1}}
    stack.undo()
    assert voting.hands(store, round_.id) == {people[0]: {items[0]: 2}}
    assert model.data(model.index(1, ann)) == ""


def test_a_closed_round_cannot_be_counted(qtbot, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Wall", mode="tally")
    voting.close_round(store, round_.id)
    panel = make_panel(qtbot, store, round_.id, QUndoStack())
    assert not panel.rows[items[0]].isEnabled()
    assert not panel.set_count(items[0], 1) and "closed" in panel.message_label.text()
    assert not panel.hands_model.flags(panel.hands_model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_tally_mode_and_ballot_mode_give_the_same_ranking_for_the_same_dots(qtbot, room, ops):
    store, w, items, people = room
    ballots = [{items[0]: 1, items[2]: 2}, {items[2]: 1, items[3]: 2}, {items[1]: 3}]
    ballot_round = voting.start_round(store, w.id, title="Ballot")
    screen = BallotScreen(ops, ballot_round.id)
    qtbot.addWidget(screen)
    for allocation in ballots:
        qtbot.mouseClick(screen.hand_over.start_button, Qt.MouseButton.LeftButton)
        for item, count in allocation.items():
            for _ in range(count):
                screen.voting_page.add_dot(item)
        qtbot.mouseClick(screen.voting_page.confirm_button, Qt.MouseButton.LeftButton)
    wall_round = voting.start_round(store, w.id, title="Wall", mode="tally")
    panel = make_panel(qtbot, store, wall_round.id, QUndoStack())
    for allocation in ballots:  # the same dots, stuck on the wall and counted one click at a time
        for item, count in allocation.items():
            for _ in range(count):
                qtbot.mouseClick(panel.rows[item].plus_button, Qt.MouseButton.LeftButton)
    hands_round = voting.start_round(store, w.id, title="Hands", mode="tally")
    hands = make_panel(qtbot, store, hands_round.id, QUndoStack())
    for column, allocation in enumerate(ballots, start=1):
        for item, count in allocation.items():
            assert hands.hands_model.setData(hands.hands_model.index(items.index(item), column), count)
    shown = []
    for round_ in (ballot_round, wall_round, hands_round):
        voting.reveal_round(store, round_.id)
        view = ResultsView(ops, round_.id)
        qtbot.addWidget(view)
        shown.append([(view.model.data(view.model.index(r, 0)), view.model.lines[r].item, view.model.lines[r].dots)
                      for r in range(view.model.rowCount())])
    assert shown[0] == shown[1] == shown[2]
    assert shown[0] == [("=1", items[1], 3), ("=1", items[2], 3), ("3", items[3], 2), ("4", items[0], 1)]


def test_the_hands_model_passes_the_model_tester(qtmodeltester, room):
    store, w, items, people = room
    model = HandsModel(lambda voter, allocation: True)
    model.load(voting.items(store, voting.start_round(store, w.id, title="H", mode="tally").id),
               store.participants(w.id), {people[0]: {items[0]: 2}}, 3, True)
    qtmodeltester.check(model)


def test_undo_after_the_tally_screen_is_closed_still_reaches_the_store_and_the_room(qtbot, room, ops):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Wall", mode="tally")
    stack, hub = QUndoStack(), ops.hub
    panel = TallyPanel(ops, round_.id, undo_stack=stack)
    panel.set_count(items[0], 3)
    shiboken6.delete(panel)  # the facilitator closed the tally screen
    with qtbot.waitSignal(hub.votes_changed) as announced:
        stack.undo()
    assert announced.args == [w.id] and voting.tally(store, round_.id) == {}
    stack.redo()
    assert voting.tally(store, round_.id) == {items[0]: 3}
