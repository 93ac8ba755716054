"""Voting and actions in the run view: the side panel, the full-window ballot, and the room's screen."""

import re

import pytest
from PySide6.QtCore import Qt

from collabdesk.ui.voting import BallotScreen, RoomVotingView, TallyScreen
from tests.ui.desk import CTRL, LEFT, SHIFT, add_notes, click_card, docks, name_themes, room_texts, start_vote, undo


@pytest.fixture
def voting_room(running):
    notes = add_notes(running, "Pooled budgets", "One shared target", "Trust first")
    running.toggle_room_view()
    return running, notes, running.room_view()


def test_the_run_views_side_panel_holds_the_workshops_actions_and_votes(running):
    run = running.run_view
    assert [run.side_panel.tabText(i) for i in range(run.side_panel.count())] == ["Actions", "Votes", "Health",
                                                                                       "Phones"]
    actions, votes = docks(running)
    assert actions.panel.workshop_id == running.workshop_id and votes.panel.workshop_id == running.workshop_id
    assert votes.panel.exercise_id == run.exercise.id  # a new vote covers the exercise on now
    assert run.side_panel.isVisible() and run.splitter.sizes()[2] >= 300
    running.show_home()
    assert actions.panel is None and votes.panel is None


def test_passing_the_laptop_fills_the_window_and_the_room_shows_who_has_voted_never_counts(qtbot, voting_room,
                                                                                          fresh_db, monkeypatch):
    window, notes, room = voting_room
    run = window.run_view
    people = fresh_db.participants(window.workshop_id)
    round_id = start_vote(qtbot, window, monkeypatch, max_per_item=2)
    _actions, votes = docks(window)

    qtbot.mouseClick(votes.panel.collect_button, LEFT)
    screen = run.screen
    assert isinstance(screen, BallotScreen) and screen.isVisible()
    assert not run.splitter.isVisible() and not run.board.isVisible() and not run.side_panel.isVisible()
    assert isinstance(room.stage.currentWidget(), RoomVotingView)
    assert room_texts(room) == ["What first?", "Voting in progress — 0 of 3 voted",
                                "Still to vote: Amira, Ben, Chen Wei"]

    qtbot.mouseClick(screen.hand_over.start_button, LEFT)
    page = screen.voting_page
    for _ in range(2):
        qtbot.mouseClick(next(c for c in page.cards if c.item.key == ("note", notes[0].id)).add_button, LEFT)
    qtbot.mouseClick(next(c for c in page.cards if c.item.key == ("note", notes[2].id)).add_button, LEFT)
    qtbot.mouseClick(page.confirm_button, LEFT)
    assert screen.currentWidget() is screen.hand_over and screen.hand_over.name_label.text() == "Ben"
    texts = room_texts(room)
    assert texts == ["What first?", "Voting in progress — 1 of 3 voted", "Still to vote: Ben, Chen Wei"]
    assert not any(re.search(r"\d", t) for t in texts if "voted" not in t)  # no dots counted anywhere
    assert fresh_db.voter_allocation(round_id, people[0].id) == {("note", notes[0].id): 2, ("note", notes[2].id): 1}

    qtbot.mouseClick(screen.hand_over.skip_button, LEFT)
    qtbot.mouseClick(screen.hand_over.skip_button, LEFT)
    assert screen.currentWidget() is screen.finished_page
    qtbot.mouseClick(screen.finished_page.done_button, LEFT)
    assert run.screen is None and run.board.isVisible()
    assert room_texts(room)[1] == "Everyone has voted (1 of 1)"  # the two skipped are not waited for

    qtbot.mouseClick(votes.panel.reveal_button, LEFT)
    results = room.stage.currentWidget().results_view
    assert room.stage.currentWidget().currentWidget() is results
    assert [(line.text, line.dots) for line in results.model.lines] == [("Pooled budgets", 2), ("Trust first", 1)]
    assert results.title_label.font().pointSizeF() >= 30  # large type for the back of the room

    qtbot.mouseClick(votes.panel.close_button, LEFT)  # closing the vote brings the notes back
    assert room.stage.currentWidget() is room.notes
    undo(qtbot, window)  # reopened: the room stays on the notes until the facilitator asks
    assert room.stage.currentWidget() is room.notes
    qtbot.mouseClick(votes.room_button, LEFT)
    assert isinstance(room.stage.currentWidget(), RoomVotingView) and votes.room_button.isChecked()
    qtbot.mouseClick(votes.room_button, LEFT)
    assert room.stage.currentWidget() is room.notes and not votes.room_button.isChecked()


def test_hiding_the_results_again_takes_the_counts_off_the_room(qtbot, voting_room, fresh_db, monkeypatch):
    window, notes, room = voting_room
    _actions, votes = docks(window)
    start_vote(qtbot, window, monkeypatch)
    qtbot.mouseClick(votes.panel.reveal_button, LEFT)
    view = room.stage.currentWidget()
    assert view.currentWidget() is view.results_view
    undo(qtbot, window)
    assert room.stage.currentWidget() is view and view.currentWidget() is view.progress_view
    assert room_texts(room)[1] == "Voting in progress — 0 of 3 voted"


def test_counting_dots_takes_the_whole_window_and_esc_goes_back_to_the_board(qtbot, voting_room, fresh_db,
                                                                             monkeypatch):
    window, notes, room = voting_room
    run = window.run_view
    round_id = start_vote(qtbot, window, monkeypatch, mode="tally")
    _actions, votes = docks(window)
    assert votes.panel.collect_button.text() == "Count the dots"
    qtbot.mouseClick(votes.panel.collect_button, LEFT)
    screen = run.screen
    assert isinstance(screen, TallyScreen) and not run.board.isVisible()
    assert room_texts(room) == ["What first?", "Counting the dots"]
    screen.panel.set_count(("note", notes[1].id), 4)
    assert fresh_db.voter_allocation(round_id, None) == {("note", notes[1].id): 4}
    qtbot.keyClick(screen.back_button, Qt.Key.Key_Escape)
    assert run.screen is None and run.board.isVisible()


def test_ctrl_shift_n_makes_actions_from_notes_or_a_theme_and_undo_takes_them_back(qtbot, voting_room, fresh_db,
                                                                                   monkeypatch):
    window, notes, _room = voting_room
    run = window.run_view
    actions, _votes = docks(window)
    run.board.setFocus()
    click_card(qtbot, run.board, run.board_scene.cards[notes[0].id])
    click_card(qtbot, run.board, run.board_scene.cards[notes[1].id], CTRL)
    qtbot.keyClick(run.board, Qt.Key.Key_N, CTRL | SHIFT)
    made = fresh_db.actions(window.workshop_id)
    assert [(a.text, a.note_id) for a in made] == [(notes[0].text, notes[0].id), (notes[1].text, notes[1].id)]
    assert run.side_panel.currentWidget() is actions and actions.table.hasFocus()
    assert actions.panel.current_action() == made[1]
    undo(qtbot, window)
    assert fresh_db.actions(window.workshop_id) == [] and actions.model.rowCount() == 0

    name_themes(monkeypatch, "Pooled money")
    click_card(qtbot, run.board, run.board_scene.cards[notes[0].id])
    qtbot.keyClick(run.board, Qt.Key.Key_G, CTRL)
    [theme] = fresh_db.themes(run.exercise.id)
    frame = run.board_scene.frames[theme.id]
    qtbot.mouseClick(run.board.viewport(), LEFT,
                     pos=run.board.mapFromScene(frame.mapToScene(frame.label_rect().center())))
    qtbot.keyClick(run.board, Qt.Key.Key_N, CTRL | SHIFT)
    [action] = fresh_db.actions(window.workshop_id)
    assert (action.text, action.theme_id, action.note_id) == ("Pooled money", theme.id, None)
    assert actions.model.rowCount() == 1


def test_a_fresh_action_is_written_in_the_actions_tab(qtbot, running, fresh_db):
    actions, _votes = docks(running)
    actions.panel.new_edit.setFocus()
    qtbot.keyClicks(actions.panel.new_edit, "Book the room for June")
    qtbot.keyClick(actions.panel.new_edit, Qt.Key.Key_Return)
    assert [a.text for a in fresh_db.actions(running.workshop_id)] == ["Book the room for June"]
    qtbot.keyClick(running.run_view.board, Qt.Key.Key_Z, CTRL)
    assert fresh_db.actions(running.workshop_id) == []
    qtbot.keyClick(running.run_view.board, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [a.text for a in fresh_db.actions(running.workshop_id)] == ["Book the room for June"]


def test_named_results_give_the_notes_words_the_room_in_the_votes_tab(qtbot, running, fresh_db):
    from collabdesk.services import voting

    notes = add_notes(running, "Pooled budgets across the three councils", "One shared target for every team")
    people = [p.id for p in fresh_db.participants(running.workshop_id)]
    round_ = voting.start_round(fresh_db, running.workshop_id, title="Named", anonymous=False)
    voting.cast_ballot(fresh_db, round_.id, people[0], {("note", notes[0].id): 2, ("note", notes[1].id): 1})
    voting.cast_ballot(fresh_db, round_.id, people[1], {("note", notes[0].id): 1})
    voting.reveal_round(fresh_db, round_.id)
    run = running.run_view
    _, votes = docks(running)
    run.side_panel.setCurrentWidget(votes)
    votes.panel.refresh()
    votes.panel.select_round(round_.id)
    table = votes.panel.results_view.table
    qtbot.waitUntil(table.isVisible)
    assert running.screen().size().width() == 1280
    assert table.columnWidth(1) >= 0.4 * table.viewport().width()
    tip = table.model().data(table.model().index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "Pooled budgets across the three councils" in tip
