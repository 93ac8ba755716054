"""The trash: workshops moved out of the library, restorable until the trash is emptied."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ..common import prompts
from ..operations import Operations
from .model import DATE, NOTES, TITLE, TRASHED, LibraryFilter, LibraryModel

SHOWN = (TITLE, DATE, TRASHED, NOTES)


class TrashView(QWidget):
    changed = Signal()  # workshops were restored or deleted for good

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.model = LibraryModel(ops.store, trashed=True, parent=self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSortIndicator(TRASHED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            self.table.setColumnHidden(column, column not in SHOWN)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (DATE, TRASHED):
            header.resizeSection(column, 140)

        self.explanation = QLabel("Workshops here are kept until you empty the trash. Restore puts them back "
                                  "in the library exactly as they were.")
        self.explanation.setWordWrap(True)
        self.restore_button = QPushButton("Restore")
        self.delete_button = QPushButton("Delete for good…")
        self.empty_button = QPushButton("Empty trash…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        delete = QAction("Delete for good…", self.table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._on_delete)
        self.table.addAction(delete)
        self.restore_button.clicked.connect(self._on_restore)
        self.delete_button.clicked.connect(self._on_delete)
        self.empty_button.clicked.connect(self._on_empty)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def reload(self) -> None:
        self.model.reload()

    def selected_ids(self) -> list[str]:
        return [self.proxy.summary(i).id for i in self.table.selectionModel().selectedRows()]

    def _on_restore(self) -> None:
        self._apply(self.ops.restore_workshops)

    def _on_delete(self) -> None:
        ids = self.selected_ids()
        if ids and prompts.ask(self, "Delete for good", _for_good(len(ids)), confirm="Delete for good"):
            self._apply(self.ops.delete_for_good)

    def _on_empty(self) -> None:
        count = self.ops.store.workshop_count(trashed=True)
        if count and prompts.ask(self, "Empty the trash", _for_good(count, everything=True), confirm="Empty trash"):
            self._apply(lambda _ids: self.ops.empty_trash(), need_selection=False)

    def _apply(self, action, *, need_selection: bool = True) -> None:
        ids = self.selected_ids()
        if need_selection and not ids:
            return
        try:
            action(ids)
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
        self.reload()
        self.changed.emit()

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.restore_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.empty_button.setEnabled(self.model.rowCount() > 0)


def _for_good(count: int, *, everything: bool = False) -> str:
    if everything:
        which = f"all {count:,} workshops in the trash" if count > 1 else "the workshop in the trash"
    else:
        which = f"these {count:,} workshops" if count > 1 else "this workshop"
    return f"Delete {which} for good, with every note, vote and action in them? This cannot be undone."
