"""Results, the side panel and the setup dialog, through their widgets."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from collabdesk.services import notes, voting, workshops
from collabdesk.store import Store
from collabdesk.ui.common.events import EventHub
from collabdesk.ui.operations import Operations
from collabdesk.ui.voting import (
    BallotScreen, ResultsView, RoomResultsView, RoomVotingView, RoundSettings, RoundSetupDialog, VotingPanel,
)
from collabdesk.ui.voting.panel import RoundsModel
from collabdesk.ui.voting.results import ResultsModel


@pytest.fixture
def room(fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann", "Bo", "Cy"])
    exercise = fresh_db.exercises(w.id)[0]
    cards = [notes.add_note(fresh_db, exercise.id, t) for t in ["<b>Budget</b>", "Trust", "共有", "تعاون"]]
    return fresh_db, w, [("note", n.id) for n in cards], [p.id for p in fresh_db.participants(w.id)]


def vote(store, round_id, people, *allocations):
    for voter, allocation in zip(people, allocations):
        voting.cast_ballot(store, round_id, voter, allocation)


def shown(view):
    model = view.model
    return [tuple(model.data(model.index(r, c)) for c in range(3)) for r in range(model.rowCount())]


def test_ties_share_a_rank_on_screen(qtbot, room, ops):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    vote(store, round_.id, people, {items[0]: 2, items[1]: 1}, {items[1]: 1, items[2]: 1})
    voting.reveal_round(store, round_.id)
    view = ResultsView(ops, round_.id)
    qtbot.addWidget(view)
    assert shown(view) == [("=1", "<b>Budget</b>", "2"), ("=1", "Trust", "2"), ("3", "共有", "1")]


def test_a_deleted_notes_dots_leave_the_results_and_undo_brings_them_back(qtbot, room, ops):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    vote(store, round_.id, people, {items[0]: 3}, {items[1]: 1})
    voting.reveal_round(store, round_.id)
    hub = ops.hub
    view = ResultsView(ops, round_.id)
    qtbot.addWidget(view)
    notes.delete_notes(store, [items[0][1]])
    hub.notes_changed.emit(1)
    assert shown(view) == [("1", "Trust", "1")]
    notes.restore_notes(store, [items[0][1]])  # what undoing the delete does
    hub.notes_changed.emit(1)
    assert shown(view) == [("1", "<b>Budget</b>", "3"), ("2", "Trust", "1")]


def test_the_projector_shows_the_top_places_and_whoever_ties_with_the_last(qtbot, fresh_db, ops):
    w = workshops.create_workshop(fresh_db, title="Big", participants=[f"P{i}" for i in range(12)])
    exercise = fresh_db.exercises(w.id)[0]
    items = [("note", notes.add_note(fresh_db, exercise.id, f"Idea {i}").id) for i in range(14)]
    round_ = voting.start_round(fresh_db, w.id, title="Wall", mode="tally", dots_per_voter=20)
    for i, item in enumerate(items):
        voting.set_tally(fresh_db, round_.id, item, 14 - i if i < 10 else 5)  # places 10-14 all have 5
    voting.reveal_round(fresh_db, round_.id)
    room_view = RoomResultsView(ops, round_.id)
    qtbot.addWidget(room_view)
    room_view.resize(1920, 1080)
    room_view.show()
    assert room_view.model.rowCount() == 14 and room_view.model.lines[-1].rank == 10
    # Every place shown fits the projector without scrolling, in type still readable from the back.
    assert room_view.table.verticalHeader().length() <= room_view.table.viewport().height()
    assert room_view.table.font().pointSizeF() >= 20


def test_named_rounds_show_who_placed_dots_and_anonymous_ones_hide_the_column(qtbot, room, ops):
    store, w, items, people = room
    named = voting.start_round(store, w.id, title="Named", anonymous=False)
    secret = voting.start_round(store, w.id, title="Secret")
    for round_ in (named, secret):
        vote(store, round_.id, people, {items[0]: 2}, {items[0]: 1})
        voting.reveal_round(store, round_.id)
    named_view, secret_view = ResultsView(ops, named.id), ResultsView(ops, secret.id)
    for view in (named_view, secret_view):
        qtbot.addWidget(view)
    assert named_view.model.data(named_view.model.index(0, 3)) == "Ann 2, Bo 1"
    assert not named_view.table.isColumnHidden(3) and secret_view.table.isColumnHidden(3)
    projector = RoomResultsView(ops, named.id)
    qtbot.addWidget(projector)
    assert projector.table.isColumnHidden(3), "who voted stays on the laptop, even in a named vote"


def test_results_survive_closing_and_reopening_the_store(qtbot, room, db_path, clock, ops):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    vote(store, round_.id, people, {items[2]: 2, items[3]: 1}, {items[3]: 2})
    voting.reveal_round(store, round_.id)
    before = ResultsView(ops, round_.id)
    qtbot.addWidget(before)
    store.close()
    again = Store(db_path, clock=clock)
    try:
        after = ResultsView(Operations(again, EventHub()), round_.id)
        qtbot.addWidget(after)
        assert shown(after) == shown(before) == [("1", "تعاون", "3"), ("2", "共有", "2")]
    finally:
        again.close()


def test_the_panel_starts_reveals_closes_and_undoes(qtbot, room, monkeypatch, ops):
    store, w, items, people = room
    monkeypatch.setattr(RoundSetupDialog, "ask", classmethod(
        lambda cls, parent, store_, workshop_id, exercise_id=None: RoundSettings(
            title="Top", dots_per_voter=2, voter_ids=tuple(people))))
    stack = QUndoStack()
    panel = VotingPanel(ops, w.id, undo_stack=stack)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.round_started) as started:
        qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    round_id = started.args[0]
    assert panel.current_round().id == round_id and store.vote_round(round_id).dots_per_voter == 2
    vote(store, round_id, people, {items[0]: 2})
    panel.refresh()
    assert panel.progress_label.text() == "1 of 3 voted"
    assert panel.results_view.model.rowCount() == 0  # hidden before the reveal
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert store.vote_round(round_id).revealed and panel.results_view.model.rowCount() == 1
    assert panel.reveal_button.text() == "Hide results"
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert store.vote_round(round_id).state == "closed" and not panel.collect_button.isEnabled()
    stack.undo()
    assert store.vote_round(round_id).state == "open" and panel.collect_button.isEnabled()
    stack.undo()
    assert not store.vote_round(round_id).revealed and panel.results_view.model.rowCount() == 0
    stack.redo()
    assert store.vote_round(round_id).revealed


def test_the_panel_reopens_a_ballot_and_asks_for_the_ballot_screen(qtbot, room, ops):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    vote(store, round_.id, people, {items[0]: 1})
    panel = VotingPanel(ops, w.id)
    qtbot.addWidget(panel)
    assert [panel.voters_list.item(i).text() for i in range(3)] == [
        "Ann — voted", "Bo — still to vote", "Cy — still to vote"]
    panel.voters_list.setCurrentRow(1)
    assert not panel.reopen_button.isEnabled()
    panel.voters_list.setCurrentRow(0)
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert store.voter_allocation(round_.id, people[0]) == {}
    assert panel.voters_list.item(0).text() == "Ann — still to vote"
    with qtbot.waitSignal(panel.ballot_requested) as requested:
        qtbot.mouseClick(panel.collect_button, Qt.MouseButton.LeftButton)
    assert requested.args == [round_.id]


def test_the_setup_dialog_offers_the_defaults_and_refuses_a_ballot_without_voters(qtbot, room, ops):
    store, w, items, people = room
    exercise = store.exercises(w.id)[0]
    dialog = RoundSetupDialog(ops, w.id, exercise_id=exercise.id)
    qtbot.addWidget(dialog)
    settings = dialog.settings()
    assert (settings.exercise_id, settings.dots_per_voter, settings.max_per_item, settings.anonymous,
            settings.target, settings.mode, settings.voter_ids) == (
        exercise.id, 3, None, True, "notes", "ballot", tuple(people))
    assert settings.title == f"Top priorities: {exercise.title}"
    dialog.scope_combo.setCurrentIndex(0)
    assert dialog.title_edit.text() == "Top priorities across the workshop"
    dialog.cap_spin.setValue(1)
    dialog.named_check.setChecked(True)
    assert (dialog.settings().max_per_item, dialog.settings().anonymous) == (1, False)
    for i in range(dialog.voter_list.count()):
        dialog.voter_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    assert "at least one voter" in dialog.error_label.text() and dialog.result() == 0


def test_models_pass_the_model_tester(qtmodeltester, room):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top", anonymous=False)
    vote(store, round_.id, people, {items[0]: 2, items[1]: 1}, {items[1]: 1})
    results = ResultsModel()
    results.set_lines(voting.results(store, round_.id))
    qtmodeltester.check(results)
    rounds = RoundsModel()
    rounds.set_rounds(store.vote_rounds(w.id))
    qtmodeltester.check(rounds)


def test_the_room_follows_ballots_and_the_reveal_through_the_event_hub(qtbot, room, ops):
    store, w, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    hub = ops.hub
    screen = BallotScreen(ops, round_.id)
    room_view = RoomVotingView(ops, round_.id)
    panel = VotingPanel(ops, w.id, undo_stack=QUndoStack())
    for widget in (screen, room_view, panel):
        qtbot.addWidget(widget)
    qtbot.mouseClick(screen.hand_over.start_button, Qt.MouseButton.LeftButton)
    screen.voting_page.add_dot(items[1])
    with qtbot.waitSignal(hub.votes_changed):
        qtbot.mouseClick(screen.voting_page.confirm_button, Qt.MouseButton.LeftButton)
    assert room_view.progress_view.status_label.text() == "Voting in progress — 1 of 3 voted"
    assert panel.progress_label.text() == "1 of 3 voted"
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert room_view.currentWidget() is room_view.results_view
    assert shown(room_view.results_view) == [("1", "Trust", "1")]
