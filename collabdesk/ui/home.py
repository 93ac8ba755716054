"""The home page until the library (issue 6) takes its place: every workshop, newest first.

Any home widget offers the same three signals and ``refresh()``/``selected_workshop_id()``,
so the main window does not care which one it shows.
"""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from ..domain.model import WorkshopSummary
from . import style
from .operations import Operations

TITLE, DATE, LOCATION, FACILITATOR, STATUS, NOTES = range(6)
HEADERS = ("Workshop", "Date", "Location", "Facilitator", "Status", "Notes")
SummaryRole = Qt.ItemDataRole.UserRole + 1


class WorkshopListModel(QAbstractTableModel):
    """One row per workshop summary; ``SummaryRole`` gives the WorkshopSummary."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summaries: list[WorkshopSummary] = []

    def set_summaries(self, summaries: list[WorkshopSummary]) -> None:
        self.beginResetModel()
        self.summaries = list(summaries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.summaries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.summaries):
            return None
        summary = self.summaries[index.row()]
        if role == SummaryRole:
            return summary
        if role == Qt.ItemDataRole.DisplayRole:
            return (summary.title, summary.date, summary.location, summary.facilitator,
                    summary.status.title(), summary.notes)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == NOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class HomePage(QWidget):
    open_requested = Signal(str)
    new_requested = Signal()
    import_requested = Signal()

    def __init__(self, ops: Operations, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("home")
        heading = QLabel("Workshops", self)
        heading.setFont(style.font(18, bold=True))
        self.new = QPushButton("New workshop…", self)
        self.open = QPushButton("Open", self)
        self.import_ = QPushButton("Import…", self)
        self.model = WorkshopListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("workshops")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((DATE, 110), (LOCATION, 180), (FACILITATOR, 160), (STATUS, 90), (NOTES, 70)):
            self.table.setColumnWidth(column, width)
        self.table.setTabKeyNavigation(False)
        self.empty = QLabel("No workshops yet. Press Ctrl+N to plan your first one.", self)
        self.empty.setStyleSheet("color: #5C626C;")
        self.empty.setFont(style.font(13))
        buttons = QHBoxLayout()
        buttons.addWidget(heading)
        buttons.addStretch(1)
        for button in (self.new, self.open, self.import_):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.new.clicked.connect(self.new_requested)
        self.import_.clicked.connect(self.import_requested)
        self.open.clicked.connect(self._on_open)
        self.table.activated.connect(self._on_open)
        self.ops.hub.workshops_listed_changed.connect(self.refresh)
        self.ops.hub.workshop_changed.connect(lambda _id: self.refresh())
        self.setFocusProxy(self.table)

    def refresh(self) -> None:
        chosen = self.selected_workshop_id()
        self.model.set_summaries(self.ops.store.summaries())
        self.empty.setVisible(not self.model.summaries)
        row = next((i for i, s in enumerate(self.model.summaries) if s.id == chosen), 0)
        if self.model.summaries:
            self.table.selectRow(row)

    def selected_workshop_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(SummaryRole).id if index.isValid() else None

    def _on_open(self, *args) -> None:
        workshop_id = self.selected_workshop_id()
        if workshop_id:
            self.open_requested.emit(workshop_id)
