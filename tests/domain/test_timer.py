import random

from collabdesk.domain.durations import duration_text, elapsed_text, format_clock
from collabdesk.domain.timer import TimerState


def test_elapsed_is_computed_from_the_clock_under_irregular_ticks():
    rng = random.Random(7)
    start = 1_000.0
    timer = TimerState(planned=600).start(start)
    now = start
    while now - start < 3600:  # a simulated hour of uneven UI ticks
        now += rng.choice([0.004, 0.016, 0.05, 0.3, 1.7, 4.0])
        assert abs(timer.elapsed(now) - (now - start)) <= 0.1
    assert timer.remaining(now) < 0 and timer.phase(now) == "overtime"


def test_pause_resume_keeps_only_running_time():
    timer = TimerState(planned=300).start(0).pause(100).start(1000)
    assert timer.elapsed(1050) == 150
    assert timer.pause(1050).elapsed(99999) == 150


def test_add_minute_and_reset():
    timer = TimerState(planned=60).start(0)
    assert timer.phase(10) == "warning"
    timer = timer.add(60)
    assert timer.remaining(10) == 110 and timer.phase(10) == "running"
    assert timer.reset().elapsed(500) == 0 and not timer.reset().running
    assert TimerState(planned=30).add(-60).planned == 0


def test_a_running_timer_restored_later_has_kept_running_in_wall_time():
    saved = TimerState(planned=900).start(5_000)
    restored = TimerState(saved.planned, saved.accumulated, saved.running_since)
    assert restored.elapsed(5_000 + 300) == 300


def test_clock_format_counts_down_in_whole_seconds_and_marks_overtime():
    assert format_clock(59.2) == "1:00"
    assert format_clock(0.2) == "0:01"
    assert format_clock(0) == "0:00"
    assert format_clock(-61) == "+1:01"
    assert format_clock(3725) == "1:02:05"


def test_time_spent_counts_up_and_is_never_rounded_up():
    assert [elapsed_text(s) for s in (0, 59.9, 60, 724.5, 3725, -3)] == ["0:00", "0:59", "1:00", "12:04", "1:02:05",
                                                                       "0:00"]


def test_a_planned_length_reads_as_people_say_it():
    assert [duration_text(s) for s in (0, 45 * 60, 3600, 65 * 60, 100 * 60 + 20)] == [
        "0 min", "45 min", "1 h", "1 h 05 min", "1 h 40 min"]
