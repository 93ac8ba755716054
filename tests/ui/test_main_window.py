"""The main window: the library as home, opening workshops, the saved status, window state, shortcuts in Help."""

from PySide6.QtCore import QRect, Qt

from collabdesk.services import workshops
from collabdesk.ui.shell.help import shortcut_rows
from collabdesk.ui.library.model import TITLE
from collabdesk.ui.planning.agenda_editor import AgendaPlanModel
from collabdesk.ui.run.agenda_panel import AgendaModel
from collabdesk.domain.agenda import AgendaRow
from collabdesk.domain.schedule import schedule
from collabdesk.services.frameworks import framework
from tests.ui.desk import answer_next_question, make_settings, make_window, make_workshop


def test_home_lists_workshops_and_enter_opens_one_into_the_run_view(qtbot, fresh_db, settings, clock):
    make_workshop(fresh_db, title="Older", date="2026-01-10")
    newer = make_workshop(fresh_db, title="Newer", date="2026-03-02")
    window = make_window(qtbot, fresh_db, settings, clock)
    table = window.home.table
    assert [table.model().index(r, TITLE).data() for r in range(2)] == ["Newer", "Older"]
    table.setFocus()
    table.selectRow(0)
    answer_next_question("Start")  # a draft: "Start this workshop now?"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.workshop_id == newer.id and window.stack.currentWidget() is window.run_view
    assert fresh_db.workshop(newer.id).status == "running"
    assert window.focusWidget() is window.run_view.capture.entry
    window.activateWindow()  # offscreen, nothing hands activation back once the question has closed
    qtbot.waitUntil(window.run_view.capture.entry.hasFocus)
    qtbot.keyClick(window.run_view.capture.entry, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.home and window.workshop_id is None
    assert fresh_db.workshop(newer.id).status == "running"  # back to the library leaves it running


def test_opening_a_workshop_resumes_at_its_current_exercise(qtbot, fresh_db, settings, clock):
    workshop = make_workshop(fresh_db)
    workshops.start_workshop(fresh_db, workshop.id)
    third = fresh_db.exercises(workshop.id)[2]
    fresh_db.set_current_exercise(workshop.id, third.id)
    window = make_window(qtbot, fresh_db, settings, clock)
    window.bring_forward(workshop.id[:8])  # what a second launch with `open ID` asks for
    assert window.run_view.exercise.id == third.id
    assert window.run_view.capture.entry.hasFocus()


def test_window_geometry_and_layout_are_restored(qtbot, fresh_db, tmp_path, clock):
    first = make_window(qtbot, fresh_db, make_settings(tmp_path), clock)
    assert first.frameGeometry().bottom() < 720  # 1366 x 768 does not fit the 1280 x 720 screen: it shrinks
    first.setGeometry(QRect(30, 40, 900, 560))
    first.close()
    second = make_window(qtbot, fresh_db, make_settings(tmp_path), clock)
    assert second.size() == first.size() and second.pos() == first.pos()

    second.run_view.splitter.setSizes([333, 900, 0])
    kept = second.run_view.splitter.sizes()[0]
    second.close()
    third = make_window(qtbot, fresh_db, make_settings(tmp_path), clock)
    assert third.run_view.splitter.sizes()[0] == kept


def test_a_failed_write_turns_the_status_red_and_the_next_success_clears_it(running):
    running.hub.save_failed.emit("Could not save the note: the disk is full.")
    assert "disk is full" in running.saved_label.text() and "#b3261e" in running.saved_label.styleSheet()
    running.ops.add_note(running.run_view.exercise.id, "Saved")
    assert running.saved_label.text().startswith("All changes saved")


def test_every_shortcut_is_listed_in_help(window):
    rows = shortcut_rows(window.menu_actions)
    listed = " ".join(keys for _section, keys, _what in rows)
    for _section, action in window.menu_actions:
        for sequence in action.shortcuts():
            assert sequence.toString() in listed
    for must in ("Ctrl+Space", "Ctrl+PgDown", "Ctrl+B", "F5", "Ctrl+Z", "Ctrl+Shift+Z", "Enter", "Shift+Enter"):
        assert must in listed


def test_help_lists_the_keys_the_board_handles_itself_once_each(window, fresh_db):
    def board_keys() -> list[str]:
        return [keys for section, keys, _what in shortcut_rows(window.menu_actions) if section == "Board"]
    own = ("+ / −", "Ctrl+wheel", "Ctrl+0", "Drag a card into or out of a theme's frame", "Drag a theme by its name",
           "Double-click a theme's name")
    before = board_keys()  # no workshop opened yet: the Board menu is not made
    assert [before.count(keys) for keys in own] == [1] * len(own)
    assert window.open_workshop(make_workshop(fresh_db).id)
    after = board_keys()
    assert "Ctrl+G" in after and [after.count(keys) for keys in own] == [1] * len(own)


def test_models_pass_the_model_tester(qtmodeltester, fresh_db, qtbot):
    workshop = make_workshop(fresh_db)
    five = framework(fresh_db, "five-domains")
    agenda = AgendaModel()
    agenda.set_exercises(fresh_db.exercises(workshop.id), five)
    qtmodeltester.check(agenda)
    plan = AgendaPlanModel(five, [AgendaRow("head", "Head", "", 20), AgendaRow("heart", "Heart", "", 15)])
    qtmodeltester.check(plan)


def test_the_pace_counts_overruns_and_projects_the_finish(fresh_db, clock):
    workshop = make_workshop(fresh_db)
    workshops.start_workshop(fresh_db, workshop.id)
    first, second = fresh_db.exercises(workshop.id)[:2]
    fresh_db.save_timer(first.id, first.timer.start(clock.now))
    clock.advance(first.timer.planned + 300)  # five minutes over
    paused = fresh_db.exercise(first.id).timer.pause(clock.now)
    fresh_db.set_current_exercise(workshop.id, second.id, {first.id: paused})
    plan = schedule(fresh_db.exercises(workshop.id), clock.now)
    assert round(plan.drift) == 300
    later = sum(e.timer.planned for e in fresh_db.exercises(workshop.id)[1:])
    assert plan.projected_finish == clock.now + later
    assert plan.summary(lambda t: "16:42").startswith("5 min behind plan · ends about 16:42")


def test_closing_says_which_votes_are_open_and_which_exercises_never_ran(running, fresh_db, monkeypatch):
    fresh_db.create_round(running.workshop_id, title="What first?", voter_ids=[], dots_per_voter=3)
    asked = []
    monkeypatch.setattr(type(running), "confirm", lambda self, question, yes: asked.append(question) or False)
    running.finish_workshop()
    assert "1 vote is still open (What first?)" in asked[0]
    assert "5 exercises have not been run (Head, Heart, Bones, Limbs, Blood)" in asked[0]


def test_in_an_empty_library_open_export_and_duplicate_are_off(window):
    assert window.home.current_workshop_id() is None
    assert not any(window.actions[key].isEnabled() for key in ("open", "export", "duplicate"))
