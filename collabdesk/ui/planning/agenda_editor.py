"""An agenda being planned or changed: an ordered, editable table of exercises.

Used by the New workshop dialog and, during a workshop, by the agenda dialog. Rows are
``AgendaRow``s; the editor never writes: its owner validates the rows and saves them
through the operations (one transaction for the whole agenda) when the facilitator confirms.
"""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox,
    QStyledItemDelegate, QTableView, QVBoxLayout, QWidget,
)

from ...domain.agenda import AgendaRow
from ...domain.model import Framework
from ...domain.durations import duration_text
from ..operations.workshops import MAX_MINUTES
from ..run.capture import swatch

DOMAIN, TITLE, PROMPT, MINUTES = range(4)
HEADERS = ("Domain", "Exercise", "Prompt", "Minutes")
RowRole = Qt.ItemDataRole.UserRole + 1


class AgendaPlanModel(QAbstractTableModel):
    """Rows of an agenda; ``RowRole`` returns the AgendaRow itself."""

    def __init__(self, framework: Framework, rows: list[AgendaRow] = (), parent=None):
        super().__init__(parent)
        self.framework = framework
        self.rows: list[AgendaRow] = list(rows)
        self.locked: set[int] = set()  # exercise ids that cannot be removed (none yet)

    def set_rows(self, rows: list[AgendaRow], framework: Framework | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if framework is not None:
            self.framework = framework
        self.endResetModel()

    def total_minutes(self) -> float:
        return sum(r.minutes for r in self.rows)

    # -- reading --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return str(section + 1)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == RowRole:
            return row
        if column == DOMAIN:
            domain = self.framework.domain(row.domain_key)
            if role == Qt.ItemDataRole.DisplayRole:
                return domain.name
            if role == Qt.ItemDataRole.EditRole:
                return row.domain_key
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(domain.colour)
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == TITLE:
                return row.title
            if column == PROMPT:
                return " ".join(row.prompt.split()) if role == Qt.ItemDataRole.DisplayRole else row.prompt
            if column == MINUTES:
                return _whole(row.minutes)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MINUTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- editing --------------------------------------------------------------------------
    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        column = index.column()
        if column == DOMAIN:
            row.domain_key = str(value)
        elif column == TITLE:
            row.title = str(value)
        elif column == PROMPT:
            row.prompt = str(value)
        elif column == MINUTES:
            try:
                row.minutes = float(value)
            except (TypeError, ValueError):
                return False
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(len(HEADERS) - 1))
        return True

    def insert(self, position: int, row: AgendaRow) -> None:
        position = max(0, min(position, len(self.rows)))
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, row)
        self.endInsertRows()

    def remove(self, position: int) -> AgendaRow:
        self.beginRemoveRows(QModelIndex(), position, position)
        row = self.rows.pop(position)
        self.endRemoveRows()
        return row

    def move(self, position: int, step: int) -> int:
        """Move a row up (-1) or down (+1); returns where it now is."""
        target = position + step
        if not (0 <= position < len(self.rows) and 0 <= target < len(self.rows)):
            return position
        destination = target + 1 if step > 0 else target  # Qt counts the destination before removal
        self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), destination)
        self.rows.insert(target, self.rows.pop(position))
        self.endMoveRows()
        return target


def _whole(minutes: float) -> float | int:
    return int(minutes) if float(minutes).is_integer() else round(minutes, 2)


class AgendaPlanDelegate(QStyledItemDelegate):
    """A domain chooser (with colour swatches) and a minutes spin box; text for the rest."""

    def __init__(self, model: AgendaPlanModel, parent=None):
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent, option, index):
        if index.column() == DOMAIN:
            combo = QComboBox(parent)
            for domain in self.model.framework.domains:
                combo.addItem(swatch(domain.colour), domain.name, domain.key)
            return combo
        if index.column() == MINUTES:
            spin = QSpinBox(parent)
            spin.setRange(1, MAX_MINUTES)
            spin.setSuffix(" min")
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(round(float(index.data(Qt.ItemDataRole.EditRole)))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        else:
            super().setModelData(editor, model, index)


class AgendaEditor(QWidget):
    """The table with Add, Remove, Up and Down (Alt+Up / Alt+Down), and the total planned."""

    changed = Signal()

    def __init__(self, framework: Framework, rows: list[AgendaRow] = (), parent=None):
        super().__init__(parent)
        self.model = AgendaPlanModel(framework, rows, self)
        self.table = QTableView(self)
        self.table.setObjectName("agenda-table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(AgendaPlanDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DOMAIN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MINUTES, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(DOMAIN, 120)
        self.table.setColumnWidth(TITLE, 190)
        self.table.verticalHeader().setDefaultSectionSize(30)

        self.add = QPushButton("Add exercise", self)
        self.remove = QPushButton("Remove", self)
        self.up = QPushButton("Move up", self)
        self.up.setToolTip("Alt+Up")
        self.down = QPushButton("Move down", self)
        self.down.setToolTip("Alt+Down")
        self.total = QLabel(self)
        self.total.setObjectName("agenda-total")
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        for button in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self.remove_row)
        self.up.clicked.connect(lambda: self.move_row(-1))
        self.down.clicked.connect(lambda: self.move_row(1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move_row(step))
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.rowsMoved, self.model.modelReset):
            signal.connect(self._on_changed)
        self._on_changed()

    def rows(self) -> list[AgendaRow]:
        return list(self.model.rows)

    def set_rows(self, rows: list[AgendaRow], framework: Framework | None = None) -> None:
        self.model.set_rows(rows, framework)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int, column: int = TITLE) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, column))

    def add_row(self) -> None:
        framework = self.model.framework
        used = {r.domain_key for r in self.model.rows}
        domain = next((d for d in framework.domains if d.key not in used),
                      framework.domains[0] if framework.domains else None)
        row = AgendaRow(domain.key, domain.name, domain.prompts[0] if domain.prompts else "", domain.minutes) \
            if domain else AgendaRow("general", "New exercise")
        position = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self.model.insert(position, row)
        self.select_row(position)
        self.table.edit(self.model.index(position, TITLE))

    def remove_row(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove(row)
            self.select_row(min(row, self.model.rowCount() - 1))

    def move_row(self, step: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        column = self.table.currentIndex().column()
        self.select_row(self.model.move(row, step), column)

    def _on_changed(self) -> None:
        minutes = self.model.total_minutes()
        self.total.setText(f"{self.model.rowCount()} exercises · {duration_text(minutes * 60)} planned in all")
        self.changed.emit()
