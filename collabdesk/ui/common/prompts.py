"""The few modal questions the library asks, as plain functions tests replace.

Widgets call them through this module (``prompts.ask(...)``), so a test monkeypatches
``collabdesk.ui.common.prompts.ask`` instead of clicking a modal box.
"""

from PySide6.QtWidgets import QWidget

from .plain import message_box, show_message

JSON_FILTER = "CollabDesk files (*.json);;All files (*)"


def ask(parent: QWidget, title: str, question: str, *, confirm: str = "OK") -> bool:
    """Yes or no; the safe answer (Cancel) is the default."""
    from PySide6.QtWidgets import QMessageBox  # the dialogs' Python types are made on first use, not at start

    box = message_box(parent, QMessageBox.Icon.Warning, title, question, QMessageBox.StandardButton.Cancel)
    yes = box.addButton(confirm, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A line of text, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if accepted else None


def show_error(parent: QWidget, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    show_message(parent, QMessageBox.Icon.Warning, "CollabDesk", message)


def open_file(parent: QWidget, title: str) -> str | None:
    return _file_dialogs().open_file(parent, title, JSON_FILTER)


def save_file(parent: QWidget, title: str, suggested: str, file_filter: str = JSON_FILTER) -> str | None:
    return _file_dialogs().save_file(parent, title, suggested, file_filter)


def choose_folder(parent: QWidget, title: str, start: str = "") -> str | None:
    """A folder, or None when cancelled."""
    return _file_dialogs().existing_folder(parent, title, start)


def choose_colour(parent: QWidget, colour: str) -> str | None:
    """A colour from the platform's picker as ``#RRGGBB``, or None when cancelled."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    chosen = QColorDialog.getColor(QColor(colour), parent, "Domain colour")
    return chosen.name().upper() if chosen.isValid() else None


def _file_dialogs():
    """Qt's file dialog machinery, loaded when a dialog opens rather than at start."""
    from . import file_dialogs

    return file_dialogs
