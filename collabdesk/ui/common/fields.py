"""Form fields that behave as a facilitator filling a form expects: Enter moves on to the
next field (Ctrl+Enter submits), and a date is one stop for Tab, not three."""

from datetime import date as Date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QHBoxLayout, QWidget

from .inks import tint
from .plain import plain_label

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
NO_DATE = QDate(2000, 1, 1)  # the date field's "No date"


class DateField(QDateEdit):
    """A date picked with a calendar or typed; Tab leaves it whole (QDateEdit's Tab walks
    day, month and year first). With ``optional``, its lowest value reads "No date"."""

    def __init__(self, iso: str = "", *, optional: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.optional = optional
        if optional:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText("No date")
        self.set_iso(iso)

    def set_iso(self, iso: str) -> None:
        try:
            day = Date.fromisoformat(iso)
        except ValueError:
            self.setDate(NO_DATE if self.optional else QDate.currentDate())
            return
        self.setDate(QDate(day.year, day.month, day.day))

    def iso(self) -> str:
        value = self.date()
        if self.optional and value == NO_DATE:
            return ""
        return Date(value.year(), value.month(), value.day()).isoformat()

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class EnterMovesOn(QObject):
    """Installed on a form's one-line fields: Enter goes to the next field, Ctrl+Enter runs
    ``submit`` (a dialog's buttons are then no one's default, so Enter never submits by surprise)."""

    def __init__(self, submit, fields: list[QWidget], parent: QObject | None = None):
        super().__init__(parent)
        self.submit = submit
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.submit()
            else:
                watched.focusNextChild()
            return True
        return False


def submit_keys(dialog: QWidget, submit) -> None:
    """Ctrl+Enter (either Enter key) runs ``submit`` anywhere in ``dialog``."""
    for key in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(key), dialog, submit)


def keyboard_form(dialog: QWidget, buttons: QDialogButtonBox, submit, fields: list[QWidget],
                  what: str) -> QHBoxLayout:
    """Make ``dialog`` a form run from the keyboard: Enter moves on through ``fields``, Ctrl+Enter
    runs ``submit`` (no button is a default any more); returns the footer, a hint saying so
    ("Ctrl+Enter ``what``") beside ``buttons``."""
    for button in buttons.buttons():
        button.setAutoDefault(False)
    dialog.enter_moves_on = EnterMovesOn(submit, fields, dialog)
    submit_keys(dialog, submit)
    hint = plain_label(f"Enter moves to the next field · Ctrl+Enter {what}", dialog)
    tint(hint, "muted")
    footer = QHBoxLayout()
    footer.addWidget(hint, 1)
    footer.addWidget(buttons)
    return footer
