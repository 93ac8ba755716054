"""The exercise timer: start, pause, extend, reset; each announced with the timer's new state."""

from collections.abc import Callable

from ...domain.model import Exercise
from .gateway import Gateway


class TimerOperations(Gateway):
    def _timer(self, action: Callable[[], Exercise]) -> Exercise:
        exercise = self._write("timer", action)
        self.hub.timer_changed.emit(exercise)
        return exercise

    def start_timer(self, exercise_id: int) -> Exercise:
        from ...services import timer as timer_services

        return self._timer(lambda: timer_services.start_timer(self.store, exercise_id))

    def pause_timer(self, exercise_id: int) -> Exercise:
        from ...services import timer as timer_services

        return self._timer(lambda: timer_services.pause_timer(self.store, exercise_id))

    def add_time(self, exercise_id: int, seconds: float) -> Exercise:
        from ...services import timer as timer_services

        return self._timer(lambda: timer_services.add_time(self.store, exercise_id, seconds))

    def reset_timer(self, exercise_id: int) -> Exercise:
        from ...services import timer as timer_services

        return self._timer(lambda: timer_services.reset_timer(self.store, exercise_id))
