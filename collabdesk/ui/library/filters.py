"""The row of filters above the library table: dates, status, framework, facilitator, text.

The row stays narrow enough for the window to fit small screens (a projector mirrored at
800 pixels wide, say): the date range lives in a drop-down under one button, and long
framework or facilitator names are cut short in their lists' closed state.
"""

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction,
)

from ...domain.model import WORKSHOP_STATUSES, Framework
from .model import STATUS_LABELS, LibraryFilter

DATE_FORMAT = "d MMM yyyy"
SHORT_DATE = "d MMM yy"
CHOICE_LENGTH = 12  # characters a framework or facilitator list shows when closed


class LibraryFilterBar(QWidget):
    """Sets the proxy's filters as the facilitator changes them; nothing to apply."""

    def __init__(self, proxy: LibraryFilter, parent: QWidget | None = None):
        super().__init__(parent)
        self._proxy = proxy
        today = QDate.currentDate()
        self.from_check = QCheckBox("From")
        self.from_date = self._date_edit(today.addYears(-1))
        self.to_check = QCheckBox("Until")
        self.to_date = self._date_edit(today)
        self.status = QComboBox()
        self.status.addItem("Any status", None)
        for status in WORKSHOP_STATUSES:
            self.status.addItem(STATUS_LABELS[status], status)
        self.team = QComboBox()  # shown once a team folder is set
        self.team.addItem("Yours and the team's", None)
        self.team.addItem("Yours", False)
        self.team.addItem("The team's", True)
        self.team.setAccessibleName("Whose workshops")
        self.team.hide()
        self.framework = _choice_combo()
        self.facilitator = _choice_combo()
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter by title, place or facilitator")
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(110)
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear filters")
        self.dates_button = QToolButton()
        self.dates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.dates_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")  # "▾" says it
        self.dates_button.setToolTip("Only workshops held between two dates")
        self.dates_button.setMenu(self._dates_menu())
        self.set_choices([], [])

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.team, self.dates_button, self.status, self.framework, self.facilitator):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.clear_button)

        for check in (self.from_check, self.to_check):
            check.toggled.connect(self._on_dates_changed)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._on_dates_changed)
        self.status.currentIndexChanged.connect(lambda: proxy.set_status(self.status.currentData()))
        self.team.currentIndexChanged.connect(lambda: proxy.set_team(self.team.currentData()))
        self.framework.currentIndexChanged.connect(lambda: proxy.set_framework(self.framework.currentData()))
        self.facilitator.currentIndexChanged.connect(lambda: proxy.set_facilitator(self.facilitator.currentData()))
        self.text.textChanged.connect(proxy.set_text)
        self.clear_button.clicked.connect(self.clear)
        self._on_dates_changed()

    def set_choices(self, frameworks: list[Framework], facilitators: list[str]) -> None:
        """Refill the framework and facilitator lists, keeping what is chosen when it is still there."""
        _refill(self.framework, "Any framework", [(f.name, f.key) for f in frameworks])
        _refill(self.facilitator, "Any facilitator", [(name, name) for name in facilitators])

    def set_team_shown(self, shown: bool) -> None:
        """Show the Whose filter once a team folder is set; without one, it filters nothing."""
        if not shown:
            self.team.setCurrentIndex(0)
        self.team.setVisible(shown)

    def clear(self) -> None:
        for check in (self.from_check, self.to_check):
            check.setChecked(False)
        for combo in (self.team, self.status, self.framework, self.facilitator):
            combo.setCurrentIndex(0)
        self.text.clear()

    def _dates_menu(self) -> QMenu:
        """The From and To dates, each with a box that turns it on, in the dates button's drop-down."""
        menu = QMenu(self)
        panel = QWidget(menu)
        grid = QGridLayout(panel)
        grid.setContentsMargins(10, 8, 10, 8)
        for row, (check, edit) in enumerate(((self.from_check, self.from_date), (self.to_check, self.to_date))):
            grid.addWidget(check, row, 0)
            grid.addWidget(edit, row, 1)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(panel)
        menu.addAction(holder)
        return menu

    def _on_dates_changed(self) -> None:
        self.from_date.setEnabled(self.from_check.isChecked())
        self.to_date.setEnabled(self.to_check.isChecked())
        start = self.from_date.date().toString(SHORT_DATE) if self.from_check.isChecked() else ""
        end = self.to_date.date().toString(SHORT_DATE) if self.to_check.isChecked() else ""
        label = (f"{start} – {end}" if start and end else f"From {start}" if start
                 else f"Until {end}" if end else "Any date")
        self.dates_button.setText(f"{label} ▾")
        self._proxy.set_date_range(
            self.from_date.date().toString(Qt.DateFormat.ISODate) if self.from_check.isChecked() else "",
            self.to_date.date().toString(Qt.DateFormat.ISODate) if self.to_check.isChecked() else "")

    @staticmethod
    def _date_edit(initial: QDate) -> QDateEdit:
        edit = QDateEdit(initial)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        return edit


def _choice_combo() -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(CHOICE_LENGTH)
    return combo


def _refill(combo: QComboBox, anything: str, choices: list[tuple[str, object]]) -> None:
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(anything, None)
    for label, value in choices:
        combo.addItem(label, value)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if index < 0:  # what was chosen is gone: the filter must follow the combo back to "any"
        combo.currentIndexChanged.emit(0)
