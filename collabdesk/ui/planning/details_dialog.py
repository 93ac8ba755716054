"""Workshop ▸ Workshop details…: correct the title, purpose, date, place or facilitator after
the workshop was made (they head every page of the summary). The change is one undoable step."""

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import Workshop
from ..operations import Operations
from ..operations.workshops import EditWorkshopCommand
from .dialogs import ErrorLine
from ..common.fields import DateField, keyboard_form

FIELDS = ("title", "purpose", "date", "location", "facilitator")


class WorkshopDetailsDialog(QDialog):
    def __init__(self, ops: Operations, workshop: Workshop, undo_stack=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.workshop = workshop
        self.undo_stack = undo_stack
        self.setWindowTitle("Workshop details")
        self.setObjectName("workshop-details")
        self.title = QLineEdit(workshop.title, self)
        self.purpose = QPlainTextEdit(workshop.purpose, self)
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(72)
        self.date = DateField(workshop.date, optional=True, parent=self)
        self.location = QLineEdit(workshop.location, self)
        self.facilitator = QLineEdit(workshop.facilitator, self)
        form = QFormLayout()
        for label, field in (("&Title", self.title), ("&Purpose", self.purpose), ("&Date", self.date),
                             ("&Location", self.location), ("&Facilitator", self.facilitator)):
            field.setAccessibleName(label.replace("&", ""))
            form.addRow(label, field)
        self.error = ErrorLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        footer = keyboard_form(self, self.buttons, self.save, [self.title, self.date, self.location, self.facilitator],
                               "saves")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(footer)
        self.resize(520, self.sizeHint().height())
        self.title.setFocus()

    def values(self) -> dict:
        return {"title": self.title.text(), "purpose": self.purpose.toPlainText(), "date": self.date.iso(),
                "location": self.location.text(), "facilitator": self.facilitator.text()}

    def save(self) -> None:
        """Save what changed as one undoable step; a refusal is shown and nothing typed is lost."""
        before = {name: getattr(self.workshop, name) for name in FIELDS}
        after = self.values()
        changed = {name for name in FIELDS if after[name] != before[name]}
        if changed:
            command = EditWorkshopCommand(self.ops, self.workshop.id, {n: before[n] for n in changed},
                                          {n: after[n] for n in changed})
            try:
                command.run(self.undo_stack)
            except CollabDeskError as error:
                self.error.show_message(str(error))
                return
        self.accept()

    @classmethod
    def ask(cls, ops: Operations, workshop_id: str, undo_stack=None, parent: QWidget | None = None) -> bool:
        """Show the dialog; True when the details were saved."""
        dialog = cls(ops, ops.store.workshop(workshop_id), undo_stack, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
