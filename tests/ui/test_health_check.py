"""A health check in the run view: started from the Health tab, rated passing the laptop or
counted from hands, private until revealed (in the widgets, for the next voter and the room)."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from collabdesk.ui.health.ballot import HealthBallotScreen
from collabdesk.ui.health.dock import CheckSettings, HealthDock, StartCheckDialog
from collabdesk.ui.health.room import RoomHealthView
from collabdesk.ui.health.tally import HandsScreen
from tests.ui.desk import database, make_dialog, press_everything, undo

pytestmark = pytest.mark.usefixtures("dialogs")
LEFT = Qt.MouseButton.LeftButton


def dock(window) -> HealthDock:
    return next(p for p in window.side_panels if isinstance(p, HealthDock))


def start(qtbot, window, monkeypatch, **settings) -> int:
    monkeypatch.setattr(StartCheckDialog, "ask", classmethod(
        lambda cls, parent, title: CheckSettings(**{"title": "Start of day", **settings})))
    qtbot.mouseClick(dock(window).new_button, LEFT)
    return dock(window).current_check().id


def texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget) and label.text()]


@pytest.fixture
def room(running):
    running.toggle_room_view()
    return running.room_view()


def test_passing_the_laptop_keeps_each_ballot_from_the_next_voter_and_the_room_until_the_reveal(
        qtbot, running, room, fresh_db, monkeypatch):
    window = running
    round_id = start(qtbot, window, monkeypatch)
    health = dock(window)
    assert health.status.text().startswith("0 of 3 done") and not health.chart.isVisibleTo(health)
    qtbot.mouseClick(health.collect_button, LEFT)
    screen = window.run_view.screen
    assert isinstance(screen, HealthBallotScreen) and not window.run_view.board.isVisible()
    assert isinstance(room.stage.currentWidget(), RoomHealthView)
    assert texts(room.stage.currentWidget()) == ["Start of day", "0 of 3 done", "Still to rate: Amira, Ben, Chen Wei"]

    qtbot.mouseClick(screen.hand_over.start_button, LEFT)
    page = screen.rating_page
    assert [row.domain.key for row in page.rows] == ["head", "heart", "bones", "limbs", "blood"]
    qtbot.mouseClick(page.rows[0].points.button(2), LEFT)
    qtbot.keyClicks(page.rows[0].comment, "Only a <b>crisis</b> gets us together")
    qtbot.mouseClick(page.rows[1].points.button(5), LEFT)
    qtbot.mouseClick(page.confirm_button, LEFT)
    assert screen.currentWidget() is screen.hand_over and screen.hand_over.name_label.text() == "Ben"
    room_texts = texts(room.stage.currentWidget())
    assert room_texts == ["Start of day", "1 of 3 done", "Still to rate: Ben, Chen Wei"]
    assert not any(re.search(r"\d", t) for t in room_texts if "done" not in t)

    qtbot.mouseClick(screen.hand_over.start_button, LEFT)  # Ben sees a blank page: nothing of Amira's
    assert all(row.score is None and not row.comment.text() for row in page.rows)
    page.rows[0].points.button(1).setFocus()
    qtbot.keyClick(page, Qt.Key.Key_4)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.mouseClick(screen.hand_over.skip_button, LEFT)
    qtbot.mouseClick(screen.finished_page.done_button, LEFT)
    assert window.run_view.screen is None
    assert health.status.text().startswith("2 of 2 done") and "hidden" in health.status.text()
    assert not health.chart.isVisibleTo(health) and not health.sentences.toPlainText()
    assert fresh_db.ratings(round_id)[0].comment == "Only a <b>crisis</b> gets us together"

    qtbot.mouseClick(health.reveal_button, LEFT)
    staged = room.stage.currentWidget()
    assert staged.currentWidget() is staged.results
    assert [(r.name, r.result.median, r.result.raters) for r in staged.chart.rows][:2] == [
        ("Head", 3.0, 2), ("Heart", 5.0, 1)]
    assert health.chart.isVisibleTo(health) and "Head: the room split." in health.sentences.toPlainText()
    assert "Head: “Only a <b>crisis</b> gets us together”" in health.sentences.toPlainText()
    undo(qtbot, window)  # hidden again: the room goes back to the count
    assert staged.currentWidget() is staged.progress and not health.chart.isVisibleTo(health)
    assert health.chart.rows == [] and not health.sentences.toPlainText()


def test_a_second_ballot_or_a_tally_beyond_the_room_is_refused_in_the_widgets(qtbot, running, fresh_db, monkeypatch):
    window = running
    round_id = start(qtbot, window, monkeypatch, mode="tally")
    health = dock(window)
    assert health.collect_button.text() == "Count hands"
    qtbot.mouseClick(health.collect_button, LEFT)
    screen = window.run_view.screen
    assert isinstance(screen, HandsScreen)
    box = screen.grid.boxes[("head", 3)]
    box.setValue(3)
    assert fresh_db.tallies(round_id)[0].count == 3
    screen.grid.boxes[("head", 4)].setValue(1)  # three people, already three hands for head
    assert "3 people can give at most 3 ratings per domain" in screen.grid.message.text()
    assert screen.grid.boxes[("head", 4)].value() == 0 and len(fresh_db.tallies(round_id)) == 1
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert window.run_view.screen is None
    undo(qtbot, window)  # back on the board, Ctrl+Z takes the count back
    assert fresh_db.tallies(round_id) == []


def test_the_workshop_menu_starts_a_check_on_the_health_tab(qtbot, running, monkeypatch):
    monkeypatch.setattr(StartCheckDialog, "ask", classmethod(
        lambda cls, parent, title: CheckSettings(title=title)))
    running.actions["health_check"].trigger()
    health = dock(running)
    assert running.run_view.side_panel.currentWidget() is health
    assert health.current_check().title == "Where do we stand?"


def test_the_health_ballot_is_a_locked_screen_mid_rating(qtbot, running, fresh_db, monkeypatch, dialogs):  # noqa: F811
    start(qtbot, running, monkeypatch)
    qtbot.mouseClick(dock(running).collect_button, LEFT)
    screen = running.run_view.screen
    assert running.lock.engaged and not running.menuBar().isEnabled()
    qtbot.mouseClick(screen.hand_over.start_button, LEFT)
    qtbot.mouseClick(screen.rating_page.rows[0].points.button(3), LEFT)
    rows = database(fresh_db)
    assert press_everything(qtbot, running) > 40
    assert database(fresh_db) == rows
    assert screen.currentWidget() is screen.rating_page and screen.rating_page.scores() == {"head": 3}


def test_the_cycle_of_systems_change_is_offered_in_new_workshop_and_its_check_rates_seven_domains(
        qtbot, window, fresh_db, monkeypatch):
    from collabdesk.services import health as health_services

    dialog = make_dialog(qtbot, window)
    dialog.template.setCurrentIndex(dialog.template.findData("systems-change-default"))
    assert [r.domain_key for r in dialog.agenda.rows()][0] == "vision" and len(dialog.agenda.rows()) == 7
    qtbot.keyClicks(dialog.title, "Systems roundtable")
    qtbot.keyClicks(dialog.participants, "Amira")
    qtbot.mouseClick(dialog.save_draft, LEFT)
    workshop = fresh_db.workshop(dialog.workshop.id)
    assert workshop.framework_key == "systems-change"
    check = health_services.start_check(fresh_db, workshop.id, title="Start")
    assert check.domain_keys == ("vision", "behaviours", "learning", "infrastructure", "delivery", "impact",
                                 "systems-change")


def test_the_facilitator_lets_someone_rate_again_and_they_get_a_blank_page(qtbot, running, fresh_db, monkeypatch):
    round_id = start(qtbot, running, monkeypatch)
    health = dock(running)
    amira = fresh_db.participants(running.workshop_id)[0]
    running.ops.cast_health_ballot(round_id, amira.id, {"head": 1}, {})
    assert health.voters.item(0).text() == "Amira — rated"
    health.voters.setCurrentRow(0)
    qtbot.mouseClick(health.rate_again_button, LEFT)
    assert fresh_db.ratings(round_id) == [] and health.voters.item(0).text() == "Amira — still to rate"
