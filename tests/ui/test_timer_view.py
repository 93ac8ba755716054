"""The timer as the facilitator and the room see it: computed from the clock, never counted."""

import random

from PySide6.QtCore import Qt

from collabdesk.domain.durations import format_clock
from tests.ui.desk import make_settings, make_window, make_workshop

CTRL = Qt.KeyboardModifier.ControlModifier


def tick(window):
    window.ticker.tick.emit()


def test_an_hour_of_irregular_ticks_never_drifts_more_than_a_tenth_of_a_second(running, qtbot, clock):
    running.toggle_room_view()
    face, room_face = running.run_view.timer.face, running.room_view().timer
    planned = running.run_view.exercise.timer.planned
    qtbot.keyClick(running.run_view.capture.entry, Qt.Key.Key_Space, CTRL)
    started = clock.now
    rng = random.Random(3)
    while clock.now - started < 3600:
        clock.advance(rng.choice([0.003, 0.016, 0.2, 0.21, 0.5, 1.3, 7.0]))  # late, early and missed ticks
        tick(running)
        expected = planned - (clock.now - started)
        assert abs(face.remaining - expected) <= 0.1
        assert abs(room_face.remaining - expected) <= 0.1
        assert face.text == room_face.text == format_clock(expected)
    assert face.phase == "overtime" and face.text.startswith("+")


def test_pause_resume_add_and_reset(running, qtbot, clock):
    view = running.run_view
    face = view.timer.face
    entry = view.capture.entry
    planned = view.exercise.timer.planned
    qtbot.keyClick(entry, Qt.Key.Key_F6)  # start
    clock.advance(100)
    qtbot.keyClick(entry, Qt.Key.Key_Space, CTRL)  # pause
    clock.advance(500)
    tick(running)
    assert face.remaining == planned - 100 and face.phase == "paused"
    assert view.timer.start.text() == "Resume"
    qtbot.keyClick(entry, Qt.Key.Key_Space, CTRL)  # resume
    clock.advance(20)
    qtbot.keyClick(entry, Qt.Key.Key_Equal, CTRL)  # one more minute
    tick(running)
    assert face.remaining == planned + 60 - 120
    running.actions["reset"].trigger()
    tick(running)
    assert face.remaining == planned + 60 and face.phase == "idle"
    assert running.ops.store.exercise(view.exercise.id).timer.accumulated == 0


def test_a_timer_saved_running_shows_five_more_minutes_when_reopened_later(qtbot, fresh_db, tmp_path, clock):
    workshop = make_workshop(fresh_db)
    first = make_window(qtbot, fresh_db, make_settings(tmp_path), clock)
    first.open_workshop(workshop.id)
    first.run_view.toggle_timer()
    clock.advance(90)
    tick(first)
    before = first.run_view.timer.face.remaining
    first.close()

    clock.advance(300)  # the laptop was closed for five minutes
    second = make_window(qtbot, fresh_db, make_settings(tmp_path), clock)
    second.open_workshop(workshop.id)
    after = second.run_view.timer.face.remaining
    assert after == before - 300
    assert second.run_view.timer.face.phase == "running"


def test_zero_chimes_once_flashes_then_counts_overtime(running, qtbot, clock):
    view = running.run_view
    face = view.timer.face
    view.toggle_timer()
    clock.advance(view.exercise.timer.planned - 2)
    tick(running)
    assert face.phase == "warning" and running.chime.played == 0
    with qtbot.waitSignal(face.time_up):
        clock.advance(3)
        tick(running)
    assert running.chime.played == 1 and face.flashing
    clock.advance(4)
    tick(running)
    assert face.text == "+0:05" and face.phase == "overtime" and not face.flashing
    clock.advance(60)
    tick(running)
    assert running.chime.played == 1


def test_a_muted_chime_stays_silent_and_the_choice_is_kept(running, qtbot, clock, settings):
    qtbot.keyClick(running.run_view.capture.entry, Qt.Key.Key_M, CTRL)
    assert running.chime.muted and settings.value("sound/muted", type=bool)
    running.run_view.toggle_timer()
    clock.advance(running.run_view.exercise.timer.planned + 1)
    tick(running)
    assert running.chime.played == 0 and running.run_view.timer.face.flashing


def test_next_exercise_pauses_the_timer_and_the_room_follows(running, qtbot, fresh_db, clock):
    running.toggle_room_view()
    room = running.room_view()
    view = running.run_view
    first = view.exercise
    view.toggle_timer()
    clock.advance(30)
    qtbot.keyClick(view.capture.entry, Qt.Key.Key_PageDown, CTRL)
    second = view.exercise
    assert second.position == first.position + 1 and room.exercise.id == second.id
    assert fresh_db.exercise(first.id).state == "done" and not fresh_db.exercise(first.id).timer.running
    assert fresh_db.exercise(first.id).timer.accumulated == 30
    assert view.capture.entry.hasFocus()
    qtbot.keyClick(view.capture.entry, Qt.Key.Key_PageUp, CTRL)
    assert view.exercise.id == first.id == room.exercise.id


def test_an_exercise_left_without_running_shows_as_skipped_not_done(running, qtbot, fresh_db):
    from tests.ui.desk import add_notes

    run = running.run_view
    first, second, third = run.exercises[:3]
    add_notes(running, "Said while the timer was never started")  # notes, no time: it ran
    run.next_exercise()
    run.next_exercise()  # the second: no notes, no time
    model = run.agenda.model
    done = {e.id: e for e in model.exercises}
    assert not model.skipped(done[first.id]) and model.skipped(done[second.id])
    assert not model.skipped(done[third.id])  # current, not finished
    run.agenda.view.grab()  # paints both without complaint
