"""Setting up a vote: what it covers, how many dots, and how the dots are collected."""

from dataclasses import asdict, dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSpinBox, QVBoxLayout, QWidget,
)

from ...domain import text
from ...domain import voting as rules
from ...domain.errors import ValidationError
from ..common.inks import tint
from ..operations import Operations

WHOLE_WORKSHOP = "Whole workshop: top priorities across every exercise"
TARGET_CHOICES = (("notes", "Notes"), ("themes", "Themes (groups of notes)"))
MODE_CHOICES = (
    ("ballot", "Private ballots: pass the laptop round, or from phones when they have joined"),
    ("tally", "Count dots: from stickers on the wall, or a show of hands"),
)


@dataclass(frozen=True)
class RoundSettings:
    """What the dialog asks for: the keyword arguments of ``services.voting.start_round``."""

    title: str
    exercise_id: int | None = None
    dots_per_voter: int = 3
    max_per_item: int | None = None
    anonymous: bool = True
    target: str = "notes"
    mode: str = "ballot"
    voter_ids: tuple[int, ...] = field(default_factory=tuple)

    def as_kwargs(self) -> dict:
        values = asdict(self)
        values["voter_ids"] = list(self.voter_ids)
        return values


class RoundSetupDialog(QDialog):
    def __init__(self, ops: Operations, workshop_id: str, *, exercise_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New vote")
        self.setMinimumWidth(520)
        self._exercises = ops.store.exercises(workshop_id)
        self._participants = ops.store.participants(workshop_id)

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(text.LIMITS["title"])
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(WHOLE_WORKSHOP, None)
        for exercise in self._exercises:
            self.scope_combo.addItem(f"{exercise.position + 1}. {exercise.title}", exercise.id)
        if exercise_id is not None:
            self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(exercise_id)))
        self.target_combo = QComboBox()
        for key, label in TARGET_CHOICES:
            self.target_combo.addItem(label, key)
        self.dots_spin = QSpinBox()
        self.dots_spin.setRange(1, rules.MAX_DOTS_PER_VOTER)
        self.dots_spin.setValue(3)
        self.cap_spin = QSpinBox()
        self.cap_spin.setRange(0, rules.MAX_DOTS_PER_VOTER)
        self.cap_spin.setSpecialValueText("No limit")  # shown for 0
        self.cap_spin.setValue(0)
        self.named_check = QCheckBox("Named vote: the results say who placed which dots")
        self.mode_combo = QComboBox()
        for key, label in MODE_CHOICES:
            self.mode_combo.addItem(label, key)
        self.voter_list = QListWidget()
        self.voter_list.setMaximumHeight(140)
        for person in self._participants:
            item = QListWidgetItem(person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.voter_list.addItem(item)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        tint(self.error_label, "error")

        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        form.addRow("Covers", self.scope_combo)
        form.addRow("Vote on", self.target_combo)
        form.addRow("Dots per voter", self.dots_spin)
        form.addRow("Most dots on one card", self.cap_spin)
        form.addRow("", self.named_check)
        form.addRow("Collect votes by", self.mode_combo)
        form.addRow("Voters", self.voter_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start the vote")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.scope_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.target_combo.currentIndexChanged.connect(self._on_scope_changed)
        self._suggested = ""
        self._on_scope_changed()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Operations, workshop_id: str,
            exercise_id: int | None = None) -> RoundSettings | None:
        """The settings the facilitator chose, or None if they cancelled. Tests replace this."""
        dialog = cls(ops, workshop_id, exercise_id=exercise_id, parent=parent)
        try:
            return dialog.settings() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def settings(self) -> RoundSettings:
        """The settings as entered; raises ValidationError when they cannot start a vote."""
        target, mode = self.target_combo.currentData(), self.mode_combo.currentData()
        cap = self.cap_spin.value() or None
        rules.check_settings(dots_per_voter=self.dots_spin.value(), max_per_item=cap, target=target, mode=mode)
        voters = tuple(
            self.voter_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.voter_list.count())
            if self.voter_list.item(i).checkState() == Qt.CheckState.Checked)
        if mode == "ballot" and not voters:
            raise ValidationError("Tick at least one voter to pass the laptop round.")
        return RoundSettings(
            title=text.required(self.title_edit.text(), "The vote's title"),
            exercise_id=self.scope_combo.currentData(), dots_per_voter=self.dots_spin.value(), max_per_item=cap,
            anonymous=not self.named_check.isChecked(), target=target, mode=mode, voter_ids=voters)

    def accept(self) -> None:
        try:
            self.settings()
        except ValidationError as error:
            self.error_label.setText(str(error))
            return
        super().accept()

    def _on_scope_changed(self) -> None:
        """Suggest a title for the scope, unless the facilitator has written their own."""
        exercise_id = self.scope_combo.currentData()
        title = next((e.title for e in self._exercises if e.id == exercise_id), "")
        what = "themes" if self.target_combo.currentData() == "themes" else "priorities"
        suggested = f"Top {what}: {title}" if title else f"Top {what} across the workshop"
        if self.title_edit.text() in ("", self._suggested):
            self.title_edit.setText(suggested)
        self._suggested = suggested
