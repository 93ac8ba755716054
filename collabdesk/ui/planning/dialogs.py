"""Planning a workshop: the New workshop dialog, and the agenda dialog used while it runs."""

from datetime import date as Date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from ...domain.agenda import AgendaRow
from ...domain.errors import CollabDeskError, ValidationError
from ...domain.model import Framework, Template, Workshop
from ..common import inks
from ..common.plain import message_box
from ..operations import Operations
from ..operations.workshops import MAX_PARTICIPANTS, check_agenda_item
from .agenda_editor import AgendaEditor
from ..common.fields import DateField, keyboard_form


class ErrorLine(QLabel):
    """A validation message shown in place, in the dialog, as plain text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("error")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        inks.tint(self, "error", bold=True)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


def check_agenda(rows: list[AgendaRow]) -> tuple[int, str] | None:
    """The first row the services would refuse, with their message; None when all are fine."""
    if not rows:
        return -1, "The agenda is empty: add at least one exercise."
    for number, row in enumerate(rows):
        try:
            check_agenda_item(row.domain_key, row.title, row.prompt, row.minutes)
        except ValidationError as error:
            return number, f"Exercise {number + 1}: {error}"
    return None


class NewWorkshopDialog(QDialog):
    """Title, purpose, when and where, who, and the agenda; created through the services."""

    def __init__(self, ops: Operations, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.workshop: Workshop | None = None
        self.start_now = True
        self.setWindowTitle("New workshop")
        self.setObjectName("new-workshop")
        self.frameworks = {f.key: f for f in ops.all_frameworks()}
        self.templates: list[Template] = ops.all_templates()

        self.template = QComboBox(self)
        self.template.setObjectName("template")
        for template in self.templates:
            self.template.addItem(template.name, template.key)
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.title.setPlaceholderText("e.g. Health and care partnership roundtable")
        self.purpose = QPlainTextEdit(self)
        self.purpose.setObjectName("purpose")
        self.purpose.setPlaceholderText("The question this workshop is here to answer")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(64)
        self.date = DateField(Date.today().isoformat(), parent=self)
        self.date.setObjectName("date")
        self.location = QLineEdit(self)
        self.location.setObjectName("location")
        self.facilitator = QLineEdit(self)
        self.facilitator.setObjectName("facilitator")
        self.participants = QPlainTextEdit(self)
        self.participants.setObjectName("participants")
        self.participants.setPlaceholderText("One name (or role) per line")
        self.participants.setTabChangesFocus(True)
        self.participant_count = QSpinBox(self)
        self.participant_count.setObjectName("participant-count")
        self.participant_count.setRange(0, MAX_PARTICIPANTS)
        self.participant_count.setSpecialValueText("—")
        self.participant_count.setToolTip("With no names, the workshop gets Participant 1 … N")

        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details.addRow("Start from", self.template)
        details.addRow("&Title", self.title)
        details.addRow("&Purpose", self.purpose)
        details.addRow("&Date", self.date)
        details.addRow("&Location", self.location)
        details.addRow("&Facilitator", self.facilitator)
        details.addRow("Parti&cipants", self.participants)
        count_row = QHBoxLayout()
        count_row.addWidget(self.participant_count)
        count_row.addWidget(QLabel("people (when you have no names)", self))
        count_row.addStretch(1)
        details.addRow("…or a count", count_row)
        left = QWidget(self)
        left.setLayout(details)
        left.setMinimumWidth(360)

        first = self.templates[0]
        self.agenda = AgendaEditor(self._framework_of(first), [AgendaRow.from_item(i) for i in first.agenda], self)
        self.agenda.setObjectName("agenda-editor")
        agenda_box = QGroupBox("Agenda", self)
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(left, 2)
        body.addWidget(agenda_box, 3)
        self.error = ErrorLine(self)
        self.buttons = QDialogButtonBox(self)
        self.save_draft = self.buttons.addButton("Save for later", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_start = self.buttons.addButton("Create and start", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_start.setToolTip("Ctrl+Enter")
        self.save_draft.clicked.connect(lambda: self._create(start=False))
        self.create_start.clicked.connect(lambda: self._create(start=True))
        self.buttons.rejected.connect(self.reject)
        footer = keyboard_form(
            self, self.buttons, lambda: self._create(start=True),
            [self.title, self.date, self.location, self.facilitator, self.participant_count, self.template],
            "creates and starts")
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addLayout(footer)
        self.template.currentIndexChanged.connect(self._on_template_chosen)
        self.resize(1120, 620)
        self.title.setFocus()

    @classmethod
    def ask(cls, ops: Operations, parent=None) -> tuple[Workshop, bool] | None:
        """Run the dialog; the created workshop and whether to start it now, or None."""
        dialog = cls(ops, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.workshop is not None:
                return dialog.workshop, dialog.start_now
            return None
        finally:
            dialog.deleteLater()

    def _framework_of(self, template: Template) -> Framework:
        return self.frameworks.get(template.framework_key) or self.ops.framework_or_default(
            template.framework_key)

    def _on_template_chosen(self) -> None:
        template = self.templates[self.template.currentIndex()]
        self.agenda.set_rows([AgendaRow.from_item(i) for i in template.agenda], self._framework_of(template))

    def participant_names(self) -> list[str]:
        return [line for line in self.participants.toPlainText().splitlines() if line.strip()]

    def _create(self, *, start: bool) -> None:
        rows = self.agenda.rows()
        problem = check_agenda(rows)
        if problem is not None:
            row, message = problem
            self.error.show_message(message)
            self.agenda.select_row(row)
            return
        template = self.templates[self.template.currentIndex()]
        try:
            self.workshop = self.ops.create_workshop(
                title=self.title.text(),
                purpose=self.purpose.toPlainText(),
                date=self.date.iso(),
                location=self.location.text(),
                facilitator=self.facilitator.text(),
                framework_key=self._framework_of(template).key,
                participants=self.participant_names(),
                participant_count=self.participant_count.value(),
                agenda=[row.item() for row in rows],
            )
        except CollabDeskError as error:
            self.error.show_message(str(error))
            if "title" in str(error).lower():
                self.title.setFocus()
            return
        self.start_now = start
        self.accept()


class AgendaDialog(QDialog):
    """Change the agenda of a workshop while it runs: titles, prompts, minutes, order."""

    def __init__(self, ops: Operations, workshop_id: str, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.workshop_id = workshop_id
        self.setWindowTitle("Edit agenda")
        self.setObjectName("agenda-dialog")
        store = ops.store
        workshop = store.workshop(workshop_id)
        framework = ops.framework_or_default(workshop.framework_key)
        self.agenda = AgendaEditor(framework, [AgendaRow.from_exercise(e) for e in store.exercises(workshop_id)],
                                   self)
        note = QLabel("Changes apply when you press Save. Removing an exercise removes the notes on its board.",
                      self)
        note.setWordWrap(True)
        inks.tint(note, "muted")
        self.error = ErrorLine(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.agenda, 1)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 460)

    @classmethod
    def ask(cls, ops: Operations, workshop_id: str, parent=None) -> bool:
        dialog = cls(ops, workshop_id, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    @staticmethod
    def confirm_removal(parent, titles_with_notes: list[tuple[str, int]]) -> bool:
        lines = "\n".join(f"• {title}: {count} notes" for title, count in titles_with_notes)
        box = message_box(parent, QMessageBox.Icon.Warning, "Remove exercises with notes?",
                          f"These exercises have notes that will be removed with them:\n{lines}",
                          QMessageBox.StandardButton.Cancel)
        remove = box.addButton("Remove them", QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        return box.clickedButton() is remove

    def _save(self) -> None:
        rows = self.agenda.rows()
        problem = check_agenda(rows)
        if problem is not None:
            self.error.show_message(problem[1])
            self.agenda.select_row(problem[0])
            return
        store = self.ops.store
        kept = {r.exercise_id for r in rows}
        losing = [(e.title, len(store.notes(e.id))) for e in store.exercises(self.workshop_id) if e.id not in kept]
        losing = [(title, count) for title, count in losing if count]
        if losing and not self.confirm_removal(self, losing):
            return
        try:
            self.ops.apply_agenda(self.workshop_id, rows)
            exercises = store.exercises(self.workshop_id)
            workshop = store.workshop(self.workshop_id)
            if workshop.status == "running" and not any(e.state == "current" for e in exercises):
                following = next((e for e in exercises if e.state != "done"), None)
                if following is not None:
                    self.ops.go_to_exercise(self.workshop_id, following.id)
        except CollabDeskError as error:
            self.error.show_message(str(error))
            return
        self.accept()
