"""Everything by keyboard: Tab reaches every command of the run view, the voting and the
actions tabs (the walk lists what it visits), and every control has a name a screen reader says."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QTabBar,
                               QWidget)

from tests.ui.desk import add_notes, docks, start_vote
from tests.ui.keyboard import describe, tab_walk

RUN_VIEW = ["NoteEntry:Note", "QComboBox:Said by", "QComboBox:Kind", "QComboBox:Colour", "BoardView:Board",
            "QLineEdit:Filter words", "QComboBox:Filter by person", "QComboBox:Filter by kind",
            "QCheckBox:Hide the rest", "QToolButton:Zoom", "QPushButton:Start", "QPushButton:+1 min",
            "QPushButton:Reset", "QPushButton:Next ▸", "QListView:Agenda", "QPushButton:Edit agenda…",
            "QTabBar:Side panel"]


def walk_with_tab(qtbot, window, tab: str) -> list[str]:
    """Bring the side panel's ``tab`` forward by keyboard (its tab bar and the arrow keys), then walk."""
    run = window.run_view
    bar = run.side_panel.tabBar()
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    while run.side_panel.tabText(run.side_panel.currentIndex()) != tab:
        qtbot.keyClick(bar, Qt.Key.Key_Right)
    return [describe(w) for w in tab_walk(qtbot, run.capture.entry)]


def test_tab_reaches_every_command_of_the_run_view_and_the_actions(qtbot, running):
    add_notes(running, "Pooled budgets")
    running.run_view.board.setFocus()
    visited = walk_with_tab(qtbot, running, "Actions")
    assert visited == RUN_VIEW + ["QLineEdit:New action", "QPushButton:Add", "QTableView:Actions"]


def test_tab_reaches_every_voting_command(qtbot, running, monkeypatch):
    add_notes(running, "Pooled budgets", "Trust first")
    start_vote(qtbot, running, monkeypatch)
    visited = walk_with_tab(qtbot, running, "Votes")
    assert visited == RUN_VIEW + ["QPushButton:New vote…", "QListView:Votes", "QPushButton:Pass the laptop",
                                  "QPushButton:Reveal results", "QPushButton:Close vote", "QListWidget:Voters",
                                  "QPushButton:Show this vote in the room"]
    _actions, votes = docks(running)
    votes.panel.reveal_button.setFocus()
    qtbot.keyClick(votes.panel.reveal_button, Qt.Key.Key_Space)  # Space presses the focused button
    assert votes.panel.current_round().revealed


def test_every_control_of_the_run_view_has_a_name(running):
    controls = [w for w in running.findChildren(QWidget) if isinstance(w, (QAbstractButton, QComboBox, QLineEdit,
                                                                        QTabBar, QAbstractItemView))
                and not isinstance(w, QHeaderView)]  # a table's header is part of the table
    unnamed = [describe(w) for w in controls
               if w.isVisibleTo(running) and not (w.accessibleName() or getattr(w, "text", lambda: "")())]
    assert unnamed == []


def test_arrow_keys_move_between_cards_and_say_what_each_is(qtbot, running):
    notes = add_notes(running, "Pooled budgets", "One shared target", "Trust first")
    board = running.run_view.board
    board.setFocus()
    scene = running.run_view.board_scene
    qtbot.keyClick(board, Qt.Key.Key_Right)  # nothing selected: the first card
    assert scene.selected_note_ids() == [notes[0].id]
    qtbot.keyClick(board, Qt.Key.Key_Right)
    assert scene.selected_note_ids() == [notes[1].id]
    assert board.accessibleDescription() == "Note: One shared target"
    qtbot.keyClick(board, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # Shift adds to the selection
    assert sorted(scene.selected_note_ids()) == sorted([notes[0].id, notes[1].id])
    qtbot.keyClick(board, Qt.Key.Key_Right)
    assert scene.selected_note_ids() == [notes[1].id]


def test_the_board_reads_as_a_list_and_enter_goes_to_the_card(qtbot, running):
    notes = add_notes(running, "Pooled budgets", "One shared target")
    run = running.run_view
    run.board.setFocus()
    qtbot.keyClick(run.board, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert run.card_list.isVisible() and not run.board.isVisible() and run.card_list.hasFocus()
    rows = [run.card_list.model().index(r).data() for r in range(run.card_list.model().rowCount())]
    assert rows == ["Note: Pooled budgets", "Note: One shared target"]
    add_notes(running, "Trust first")  # the list follows the board
    assert run.card_list.model().rowCount() == 3
    run.card_list.setCurrentIndex(run.card_list.model().index(1))
    qtbot.keyClick(run.card_list, Qt.Key.Key_Return)
    assert run.board.isVisible() and run.board_scene.selected_note_ids() == [notes[1].id]
