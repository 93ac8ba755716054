"""A private ballot is a locked screen: while it (or its hand-over, or the dot count) fills the
window, every facilitator shortcut and menu is tried and nothing of the workshop changes."""

import pytest
from PySide6.QtCore import Qt

from tests.ui.desk import LEFT, add_notes, database, docks, press_everything, start_vote

pytestmark = pytest.mark.usefixtures("dialogs")


@pytest.fixture
def before_vote(qtbot, running, monkeypatch):
    """A workshop with notes, an undoable step on the stack and a ballot-mode vote set up."""
    add_notes(running, "Pooled budgets", "One shared target", "Trust first")
    running.toggle_room_view()
    round_id = start_vote(qtbot, running, monkeypatch)
    return running, round_id


def test_on_the_hand_over_page_no_facilitator_key_or_menu_changes_anything(qtbot, before_vote, fresh_db):
    window, _round_id = before_vote
    _actions, votes = docks(window)
    qtbot.mouseClick(votes.panel.collect_button, LEFT)
    screen = window.run_view.screen
    assert window.lock.engaged and not window.menuBar().isEnabled()
    rows, exercise = database(fresh_db), window.run_view.exercise
    assert press_everything(qtbot, window) > 40
    assert database(fresh_db) == rows
    assert window.run_view.screen is screen and screen.currentWidget() is screen.hand_over
    assert screen.hand_over.name_label.text() == "Amira"
    assert window.run_view.exercise == exercise and window.room_view().isVisible()
    assert window.stack.currentWidget() is window.run_view

    qtbot.mouseClick(screen.hand_over.stop_button, LEFT)  # the facilitator's deliberate way out
    assert window.run_view.screen is None and not window.lock.engaged and window.menuBar().isEnabled()


def test_mid_vote_only_the_ballots_own_keys_work(qtbot, before_vote, fresh_db):
    window, _round_id = before_vote
    _actions, votes = docks(window)
    qtbot.mouseClick(votes.panel.collect_button, LEFT)
    screen = window.run_view.screen
    qtbot.mouseClick(screen.hand_over.start_button, LEFT)
    page = screen.voting_page
    qtbot.keyClick(page, Qt.Key.Key_Space)  # the ballot's own key: a dot on the first card
    assert sum(page.allocation.values()) == 1
    rows = database(fresh_db)
    press_everything(qtbot, window)
    assert database(fresh_db) == rows
    assert screen.currentWidget() is page and sum(page.allocation.values()) == 1


def test_the_dot_count_is_locked_too(qtbot, before_vote, fresh_db, monkeypatch):
    window, _round_id = before_vote
    start_vote(qtbot, window, monkeypatch, mode="tally", title="Wall")
    _actions, votes = docks(window)
    qtbot.mouseClick(votes.panel.collect_button, LEFT)
    screen = window.run_view.screen
    assert screen.objectName() == "tally-screen" and window.lock.engaged
    rows = database(fresh_db)
    press_everything(qtbot, window)
    assert database(fresh_db) == rows
    qtbot.mouseClick(screen.back_button, LEFT)
    assert not window.lock.engaged
