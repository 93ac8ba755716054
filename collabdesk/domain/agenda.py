"""An agenda as it is being edited: each row an existing exercise (with its id) or a new one."""

from dataclasses import dataclass

from .model import AgendaItem, Exercise


@dataclass
class AgendaRow:
    """One line of an agenda being edited; ``exercise_id`` is None for an exercise not saved yet."""

    domain_key: str
    title: str
    prompt: str = ""
    minutes: float = 15
    exercise_id: int | None = None

    @classmethod
    def from_item(cls, item: AgendaItem) -> "AgendaRow":
        return cls(item.domain_key, item.title, item.prompt, item.minutes)

    @classmethod
    def from_exercise(cls, exercise: Exercise) -> "AgendaRow":
        return cls(exercise.domain_key, exercise.title, exercise.prompt,
                   round(exercise.timer.planned / 60, 2), exercise.id)

    def item(self) -> AgendaItem:
        return AgendaItem(self.domain_key, self.title, self.prompt, self.minutes)

    def differs_from(self, exercise: Exercise) -> bool:
        """Whether saving this row would change ``exercise`` (planned time to the half second)."""
        return ((exercise.domain_key, exercise.title, exercise.prompt) != (self.domain_key, self.title, self.prompt)
                or abs(exercise.timer.planned - self.minutes * 60) > 0.5)
