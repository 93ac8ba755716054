"""The two questions the board asks: a theme's name, and which exercise to move notes to.

Each is a class method ``ask`` that tests replace, so no test has to click a modal box.
"""

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from ...domain import text
from ...domain.model import Exercise


class ThemeNameDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, *, title: str, label: str, name: str = "") -> str | None:
        """The name typed, or None when the facilitator cancels."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextValue(name)
        dialog.setOkButtonText("Save")
        dialog.setMinimumWidth(420)
        entry = dialog.findChild(QLineEdit)
        if entry is not None:
            entry.setMaxLength(text.LIMITS["title"])
        try:
            return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def exercise_choice(exercise: Exercise) -> str:
    """How an exercise is offered in the chooser: its place in the agenda and its title."""
    return f"{exercise.position + 1}. {' '.join(exercise.title.split())}"


class ExerciseChooser:
    @classmethod
    def ask(cls, parent: QWidget | None, exercises: list[Exercise], count: int) -> int | None:
        """The id of the exercise chosen for ``count`` notes, or None when cancelled."""
        if not exercises:
            return None
        choices = [exercise_choice(e) for e in exercises]
        dialog = QInputDialog(parent)
        dialog.setWindowTitle("Move to another exercise")
        dialog.setLabelText(f"Move the {count} selected note{'s' if count != 1 else ''} to:")
        dialog.setComboBoxItems(choices)
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText("Move")
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return exercises[choices.index(dialog.textValue())].id
        finally:
            dialog.deleteLater()
