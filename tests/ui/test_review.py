"""Review mode: a closed workshop opens read only, nothing can change it, and Reopen is deliberate."""

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QInputDialog, QMenu, QMessageBox, QWidget,
)

from collabdesk.paths import backup_dir
from collabdesk.services import demo, health, workshops
from collabdesk.ui.shell import main_window
from collabdesk.ui.export.dialog import ExportDialog
from collabdesk.ui.shell.help import ShortcutsDialog
from collabdesk.ui.common import file_dialogs, prompts
from collabdesk.ui.planning.frameworks_dialog import FrameworksDialog
from collabdesk.ui.library.model import TITLE
from collabdesk.ui.planning.templates_dialog import TemplatesDialog
from collabdesk.domain.agenda import AgendaRow
from collabdesk.ui.operations import READ_ONLY, ReadOnlyError
from collabdesk.ui.planning.dialogs import AgendaDialog, NewWorkshopDialog
from tests.ui.desk import make_workshop

LEFT = Qt.MouseButton.LeftButton

# Keys widgets handle themselves (Help lists them in words), tried on every part of review mode.
WIDGET_KEYS = ["Return", "Enter", "Shift+Return", "Delete", "Backspace", "F2", "Esc", "Tab", "Shift+Tab", "Space",
               "Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+A", "Ctrl+V", "Ctrl+X", "Ctrl+D", "Ctrl+F", "Alt+Up",
               "Alt+Down", "Up", "Down", "PgDown", "Ctrl+1", "Ctrl+4", "Alt+1", "Alt+6", "Ctrl+P", "X"]


@pytest.fixture
def closed(fresh_db):
    """The demo workshop: closed, with timings, themes, a revealed vote and actions."""
    return demo.create_demo_workshop(fresh_db)


@pytest.fixture
def answers(monkeypatch):
    """Every question the window could ask, answered yes, and every dialog recorded instead of shown."""
    record = {"confirm": [], "dialogs": [], "errors": []}
    monkeypatch.setattr(main_window.MainWindow, "confirm",
                        lambda self, question, yes: (record["confirm"].append(question), record.get("yes", True))[1])
    monkeypatch.setattr(main_window.MainWindow, "show_error",
                        lambda self, title, message: record["errors"].append(message))
    for cls, name in ((NewWorkshopDialog, "new"), (ExportDialog, "export"), (AgendaDialog, "agenda")):
        monkeypatch.setattr(cls, "ask", classmethod(lambda cls, *a, _name=name, **k: record["dialogs"].append(_name)))
    for cls, name in ((ShortcutsDialog, "shortcuts"), (TemplatesDialog, "templates"), (FrameworksDialog, "frameworks"),
                      (QMessageBox, "message")):
        monkeypatch.setattr(cls, "exec", lambda self, _name=name: record["dialogs"].append(_name) or 0)
    monkeypatch.setattr(file_dialogs, "open_files", lambda *a, **k: [])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Late arrival", True)))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (5, True)))
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "Kept from review")
    monkeypatch.setattr(prompts, "show_error", lambda parent, message: record["errors"].append(message))
    return record


def open_from_library(qtbot, window, title: str) -> None:
    table = window.home.table
    row = next(r for r in range(table.model().rowCount()) if table.model().index(r, TITLE).data() == title)
    table.setFocus()
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_Return)


class MenuTrigger(QObject):
    """Any context menu that pops up: every action in it (and its submenus) is triggered, then it closes."""

    def __init__(self):
        super().__init__()
        self.menus = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMenu):
            self.menus += 1
            QTimer.singleShot(0, lambda: self._trigger(watched))
        return False

    def _trigger(self, menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                self._trigger(action.menu())
            elif action.isEnabled():
                action.trigger()
        menu.close()


def back_in_review(qtbot, window, workshop_id: str) -> None:
    if not window.reviewing or window.workshop_id != workshop_id:
        window.open_workshop(workshop_id)
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    assert window.reviewing and window.ops.read_only


def press(qtbot, widget: QWidget, sequence: QKeySequence) -> None:
    combination = sequence[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


# -- opening read only ---------------------------------------------------------------------
def test_a_closed_workshop_opens_read_only_as_it_was_left(qtbot, closed, window, fresh_db):
    content = fresh_db.content(closed.id)
    open_from_library(qtbot, window, closed.title)
    review = window.review
    assert window.reviewing and window.ops.read_only and window.stack.currentWidget() is review
    assert review.banner.closed.text().startswith("Closed on ") and review.banner.closed.text().endswith("read only")
    assert "(read only)" in window.windowTitle() and window.saved_label.text() == "Read only"
    assert review.agenda_model.rowCount() == len(content.exercises)
    for exercise in content.exercises:  # every board exactly as it was, positions included
        review.show_exercise(exercise.id)
        shown = {i: (card.note.text, card.note.x, card.note.y) for i, card in review.board_scene.cards.items()}
        assert shown == {n.id: (n.text, n.x, n.y) for n in content.notes_of(exercise.id)}
        themes = [review.themes.topLevelItem(i).text(0) for i in range(review.themes.topLevelItemCount())]
        assert all(any(t.title in shown_theme for shown_theme in themes) for t in content.themes_of(exercise.id))
        took = review.took.text()
        assert took.startswith("Took ") if exercise.timer.accumulated else took.startswith("Not run")
    assert review.actions_table.rowCount() == len(content.actions)
    assert review.rounds.count() == len(content.rounds) and review.results.model.rowCount() > 0
    assert review.timings.rowCount() == len(content.exercises)
    for key in ("timer", "next", "edit_agenda", "add_participant", "finish", "delete", "edit_card", "focus_entry",
                "kind_idea", "colour_blue", "undo", "redo"):
        assert not window.actions[key].isEnabled(), key
    assert window.actions["reopen"].isEnabled() and window.actions["export"].isEnabled()


def test_the_health_tab_shows_revealed_checks_and_nothing_of_an_unrevealed_one(qtbot, closed, window, fresh_db):
    workshops.reopen_workshop(fresh_db, closed.id)
    first = fresh_db.participants(closed.id)[0]
    late = health.start_check(fresh_db, closed.id, title="End of the day", voter_ids=[first.id])
    health.cast_ballot(fresh_db, late.id, first.id, dict.fromkeys(late.domain_keys, 1),
                       {late.domain_keys[0]: "A private <b>worry</b>"})
    workshops.close_workshop(fresh_db, closed.id, backup=False)
    open_from_library(qtbot, window, closed.title)
    review = window.review
    review.tabs.setCurrentIndex(next(i for i in range(review.tabs.count()) if review.tabs.tabText(i) == "Health"))
    assert review.checks.count() == 2 and review.checks.currentRow() == 1  # the newest shown first
    assert review.checks.item(1).text() == ("End of the day\n"
                                            "pass the laptop · anonymous · results never revealed, so not shown")
    assert not review.check_results.isVisibleTo(review) and review.check_results.chart.rows == []
    assert review.check_results.sentences.toPlainText() == ""
    qtbot.keyClick(review.checks, Qt.Key.Key_Up)  # the revealed check of the morning
    assert review.checks.currentRow() == 0 and review.check_results.isVisibleTo(review)
    assert [row.name for row in review.check_results.chart.rows] == ["Head", "Heart", "Bones", "Limbs", "Blood"]
    shown = review.check_results.sentences.toPlainText()
    assert "We only all turn up when the winter figures are bad." in shown and "private" not in shown


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")
def test_no_shortcut_control_or_context_menu_changes_a_workshop_under_review(qtbot, closed, window, fresh_db, answers):
    before = fresh_db.content(closed.id, include_deleted=True)
    window.open_workshop(closed.id)
    review = window.review
    shortcuts = [s for _section, action in window.menu_actions if action.objectName() != "quit"
                 for s in action.shortcuts()]
    keys = shortcuts + [QKeySequence(k) for k in WIDGET_KEYS]
    assert len(shortcuts) > 30

    def targets() -> list[QWidget]:  # every part of review mode that can hold the keyboard, but Reopen
        return [review.agenda, review.board, review.themes, review.rounds, review.results.table,
                review.actions_table, review.timings, review.banner.back, review.tabs.tabBar()]

    for target_index in range(len(targets())):
        for sequence in keys:
            back_in_review(qtbot, window, closed.id)
            target = targets()[target_index]
            target.setFocus()
            press(qtbot, target, sequence)
        back_in_review(qtbot, window, closed.id)
        qtbot.keyClicks(targets()[target_index], "typed into review")

    menus = MenuTrigger()
    QApplication.instance().installEventFilter(menus)
    try:
        for exercise in before.exercises:  # the mouse on every board, list and table
            back_in_review(qtbot, window, closed.id)
            review.show_exercise(exercise.id)
            for card in list(review.board_scene.cards.values())[:6]:
                centre = review.board.mapFromScene(card.sceneBoundingRect().center())
                qtbot.mouseDClick(review.board.viewport(), LEFT, pos=centre)
                qtbot.mousePress(review.board.viewport(), LEFT, pos=centre)
                qtbot.mouseMove(review.board.viewport(), centre + QPoint(90, 60))
                qtbot.mouseRelease(review.board.viewport(), LEFT, pos=centre + QPoint(90, 60))
        for view in (review.agenda, review.actions_table, review.timings, review.themes, review.rounds):
            back_in_review(qtbot, window, closed.id)
            qtbot.mouseDClick(view.viewport(), LEFT, pos=QPoint(20, 12))
            qtbot.keyClicks(view, "edited")
        for widget in [review, *review.findChildren(QWidget)]:  # a right-click on every part
            back_in_review(qtbot, window, closed.id)
            if widget.isVisible():
                point = QPoint(5, 5)
                QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                                 widget.mapToGlobal(point)))
        for button in review.findChildren(QAbstractButton):
            back_in_review(qtbot, window, closed.id)
            if button.isVisible() and button.isEnabled() and button is not review.banner.reopen:
                qtbot.mouseClick(button, LEFT)
        for menu in window.menuBar().findChildren(QMenu):  # every menu entry, even with every answer "yes"
            for action in menu.actions():
                back_in_review(qtbot, window, closed.id)
                if action.isEnabled() and action.objectName() not in ("quit", "reopen") and action.menu() is None:
                    action.trigger()
    finally:
        QApplication.instance().removeEventFilter(menus)

    back_in_review(qtbot, window, closed.id)
    assert fresh_db.content(closed.id, include_deleted=True) == before
    assert menus.menus  # the scroll bars' menus at least: right-clicks reached their widgets
    assert {"shortcuts", "export", "new", "templates", "frameworks"} <= set(answers["dialogs"])  # the keys got there


def test_the_gateway_refuses_every_write_while_a_workshop_is_reviewed(qtbot, closed, window, fresh_db):
    before = fresh_db.content(closed.id, include_deleted=True)
    window.open_workshop(closed.id)
    ops = window.ops
    exercise = before.exercises[0]
    note = before.notes[0]
    failures = []
    window.hub.save_failed.connect(failures.append)
    writes = {
        "add_note": lambda: ops.add_note(exercise.id, "slipped through"),
        "edit_note": lambda: ops.edit_note(note.id, text="changed"),
        "delete_notes": lambda: ops.delete_notes([note.id]),
        "restore_notes": lambda: ops.restore_notes([note.id]),
        "move_notes": lambda: ops.move_notes({note.id: (5.0, 5.0)}),
        "start_timer": lambda: ops.start_timer(exercise.id),
        "pause_timer": lambda: ops.pause_timer(exercise.id),
        "add_time": lambda: ops.add_time(exercise.id, 60),
        "reset_timer": lambda: ops.reset_timer(exercise.id),
        "go_to_exercise": lambda: ops.go_to_exercise(closed.id, exercise.id),
        "start_workshop": lambda: ops.start_workshop(closed.id),
        "reopen_workshop": lambda: ops.reopen_workshop(closed.id),
        "close_workshop": lambda: ops.close_workshop(closed.id),
        "add_participant": lambda: ops.add_participant(closed.id, "Late arrival"),
        "apply_agenda": lambda: ops.apply_agenda(closed.id, [AgendaRow.from_exercise(exercise)]),
    }
    for name, write in writes.items():
        with pytest.raises(ReadOnlyError):
            write()
        assert ops.attempt(write) is None, name
    assert fresh_db.content(closed.id, include_deleted=True) == before
    assert failures == [READ_ONLY] * (2 * len(writes))


# -- reopening and closing -----------------------------------------------------------------
def test_reopen_asks_then_records_it_and_continues_in_the_run_view(qtbot, closed, window, fresh_db, answers):
    window.open_workshop(closed.id)
    answers["yes"] = False
    qtbot.mouseClick(window.review.banner.reopen, LEFT)
    assert len(answers["confirm"]) == 1 and "Reopen" in answers["confirm"][0]
    assert fresh_db.workshop(closed.id).status == "closed" and window.reviewing

    answers["yes"] = True
    qtbot.mouseClick(window.review.banner.reopen, LEFT)
    reopened = fresh_db.workshop(closed.id)
    assert (reopened.status, reopened.reopened, reopened.ended) == ("running", 1, "")
    assert window.stack.currentWidget() is window.run_view and not window.ops.read_only
    assert window.run_view.capture.entry.hasFocus() and window.actions["timer"].isEnabled()
    qtbot.keyClicks(window.run_view.capture.entry, "After reopening")
    qtbot.keyClick(window.run_view.capture.entry, Qt.Key.Key_Return)
    assert "After reopening" in [n.text for e in fresh_db.exercises(closed.id) for n in fresh_db.notes(e.id)]
    window.actions["finish"].trigger()  # closed again: review mode says it was reopened
    window.open_workshop(closed.id)
    assert window.reviewing and window.review.banner.detail.text().endswith("reopened once before")


def test_close_workshop_asks_backs_up_and_returns_to_the_library_then_opens_read_only(
        qtbot, window, fresh_db, answers):
    workshop = make_workshop(fresh_db, title="Closing time")
    window.open_workshop(workshop.id)
    answers["yes"] = False
    window.actions["finish"].trigger()
    assert fresh_db.workshop(workshop.id).status == "running" and window.stack.currentWidget() is window.run_view
    assert not backup_dir(fresh_db.path).exists()

    answers["yes"] = True
    window.actions["finish"].trigger()
    assert "Close this workshop?" in answers["confirm"][-1]
    assert fresh_db.workshop(workshop.id).status == "closed" and fresh_db.workshop(workshop.id).ended
    assert len(list(backup_dir(fresh_db.path).glob("*.sqlite"))) == 1
    assert window.stack.currentWidget() is window.home and window.workshop_id is None
    assert window.home.proxy.summary(window.home.proxy.index(0, TITLE)).status == "closed"
    open_from_library(qtbot, window, "Closing time")
    assert window.reviewing


def test_back_to_the_library_leaves_review_mode_and_lifts_the_lock(qtbot, closed, window, fresh_db):
    window.open_workshop(closed.id)
    qtbot.mouseClick(window.review.banner.back, LEFT)
    assert window.stack.currentWidget() is window.home and not window.ops.read_only
    assert window.review.content is None and window.saved_label.text() == ""
    live = make_workshop(fresh_db, title="Next one")
    window.open_workshop(live.id)
    window.ops.add_note(fresh_db.exercises(live.id)[0].id, "Writes work again")


def test_action_hits_open_the_actions_tab_at_that_action(qtbot, closed, window, fresh_db):
    action = fresh_db.actions(closed.id)[-1]
    assert window.open_action(closed.id, action.id)
    review = window.review
    assert review.tabs.currentWidget() is review.actions_table and review.actions_table.hasFocus()
    row = review.actions_table.currentRow()
    assert review.actions_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == action.id


def test_closed_on_text_falls_back_to_the_session_date():
    from collabdesk.domain.model import Workshop, WorkshopContent
    from collabdesk.ui.run.review import against_plan, closed_text

    assert closed_text(WorkshopContent(Workshop("w", "t", date="2026-03-12"))) == \
        "Closed (held on 12 Mar 2026) — read only"
    assert closed_text(WorkshopContent(Workshop("w", "t"))) == "Closed — read only"
    assert (against_plan(1300, 1200), against_plan(1000, 1200), against_plan(1210, 1200)) == \
        ("1:40 over", "3:20 under", "on time")


def test_closing_without_a_backup_folder_still_closes(fresh_db, monkeypatch):
    """A backup that fails (a read-only disk) is logged; the close stands."""
    from collabdesk.store import backup

    def refuse(store, keep=10):
        raise backup.StoreError("Could not back up the database: the disk is full.")

    monkeypatch.setattr(backup, "take_backup", refuse)
    workshop = make_workshop(fresh_db)
    workshops.start_workshop(fresh_db, workshop.id)
    assert workshops.close_workshop(fresh_db, workshop.id).status == "closed"
