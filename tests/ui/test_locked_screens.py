"""A private ballot is a locked screen: while it (or its hand-over, or the dot count) fills the
window, every facilitator shortcut and menu is tried and nothing of the workshop changes."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from collabdesk.ui.voting.ballot import ADD_KEYS, CONFIRM_KEYS, REMOVE_KEYS
from tests.ui.desk import STRICT_QT
from tests.ui.test_board import add_notes
from tests.ui.test_run_voting import LEFT, docks, start_vote

pytestmark = STRICT_QT


def database(store) -> list[str]:
    """Every row of the database, as SQL: equal lists mean nothing was written."""
    copy = sqlite3.connect(":memory:")
    store.db.conn.backup(copy)
    return list(copy.iterdump())


def facilitator_keys(window) -> list[QKeySequence]:
    """Every key sequence of every action and shortcut outside the screen on show, but for the
    keys the screen itself answers to (Enter confirms a ballot, Esc leaves the dot count...)."""
    screen = window.run_view.screen
    keys, own = [], []
    for action in window.findChildren(QAction):
        widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        inside = any(w is screen or screen.isAncestorOf(w) for w in widgets)
        (own if inside else keys).extend(action.shortcuts())
    for shortcut in window.findChildren(QShortcut):
        (own if screen.isAncestorOf(shortcut.parent()) else keys).append(shortcut.key())
    plain = ADD_KEYS | REMOVE_KEYS | CONFIRM_KEYS
    return [k for k in keys if not k.isEmpty() and k not in own
            and not (k[0].keyboardModifiers() == Qt.KeyboardModifier.NoModifier and k[0].key() in plain)]


def press_everything(qtbot, window) -> int:
    """Every facilitator key, then every menu's Alt key; returns how many keys were pressed."""
    keys = facilitator_keys(window)
    for sequence in keys:
        combination = sequence[0]
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())
    for menu in window.menuBar().actions():
        mnemonic = menu.text()[menu.text().index("&") + 1]
        qtbot.keyClick(QApplication.focusWidget() or window, mnemonic, Qt.KeyboardModifier.AltModifier)
        assert QApplication.activePopupWidget() is None
    return len(keys)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> list[str]:
    """Every dialog a key opened (none should): recorded instead of waiting for a click."""
    opened = []

    def record(name, answer):
        return lambda *args, **kwargs: opened.append(name) or answer

    for cls, name, answer in ((QDialog, "exec", 0), (QMessageBox, "exec", 0), (QInputDialog, "getInt", (0, False)),
                              (QInputDialog, "getText", ("", False)), (QFileDialog, "getOpenFileNames", ([], "")),
                              (QFileDialog, "getSaveFileName", ("", ""))):
        monkeypatch.setattr(cls, name, record(f"{cls.__name__}.{name}", answer))
    yield opened
    assert opened == []


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
