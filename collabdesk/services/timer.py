"""Timer actions on the current exercise. The state is saved at every change, so a
restart (or a crash) finds the timer exactly where wall time has taken it."""

from ..domain.model import Exercise
from ..store import Store


def start_timer(store: Store, exercise_id: int) -> Exercise:
    return store.save_timer(exercise_id, store.exercise(exercise_id).timer.start(store.clock()))


def pause_timer(store: Store, exercise_id: int) -> Exercise:
    return store.save_timer(exercise_id, store.exercise(exercise_id).timer.pause(store.clock()))


def add_time(store: Store, exercise_id: int, seconds: float) -> Exercise:
    return store.save_timer(exercise_id, store.exercise(exercise_id).timer.add(seconds))


def reset_timer(store: Store, exercise_id: int) -> Exercise:
    return store.save_timer(exercise_id, store.exercise(exercise_id).timer.reset())


def go_to_exercise(store: Store, workshop_id: str, exercise_id: int | None) -> None:
    """Make ``exercise_id`` current, pausing whichever timer was running.

    None finishes the agenda (every exercise done).
    """
    now = store.clock()
    timers = {e.id: e.timer.pause(now) for e in store.exercises(workshop_id)
              if e.timer.running and e.id != exercise_id}
    store.set_current_exercise(workshop_id, exercise_id, timers)


def next_exercise(store: Store, workshop_id: str) -> Exercise | None:
    """Finish the current exercise and move to the one after it (None at the end)."""
    exercises = store.exercises(workshop_id)
    index = next((i for i, e in enumerate(exercises) if e.state == "current"), -1)
    following = exercises[index + 1] if index + 1 < len(exercises) else None
    go_to_exercise(store, workshop_id, following.id if following else None)
    return store.exercise(following.id) if following else None
