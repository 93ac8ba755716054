"""The workshop's actions: who does what next, edited in place with undo.

An action can be written fresh, or made from a note or a theme (``add_from_note``,
``add_from_theme``): it then keeps a link to where it came from, and starts with that
text for the facilitator to turn into a task.
"""

from collections.abc import Callable

from PySide6.QtCore import (
    QDate, QModelIndex, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QCompleter, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QStyledItemDelegate, QTableView, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import ACTION_STATUSES, Action
from ..common.fields import DateField
from ..common.inks import tint
from ..common.panel_context import PanelContext
from ..common.plain import plain_tooltip
from ..common.rows_model import RowsTableModel
from ..operations import Operations
from ..operations.actions import (
    AddActionCommand, DeleteActionCommand, EditActionCommand, fields_from_note, fields_from_theme,
)
from ..operations.undo import UndoStep, while_alive

TEXT_COLUMN, OWNER_COLUMN, DUE_COLUMN, STATUS_COLUMN = range(4)
HEADERS = ("Action", "Owner", "Due", "Status")
COMPACT_WIDTH = 480  # narrower than this (a side panel on a small laptop), due and status step aside
FIELDS = ("text", "owner", "due", "status")  # the Action field each column edits
ActionRole = Qt.ItemDataRole.UserRole + 1  # the Action of a row
NO_DATE = QDate(2000, 1, 1)  # the date editor's "no date" (shown as its special text)


# -- model and editors ----------------------------------------------------------------------
class ActionsModel(RowsTableModel):
    """The workshop's live actions, one per row, in their order."""

    headers = HEADERS

    def __init__(self, store, workshop_id: str, edit: Callable[[Action, dict], bool], parent=None):
        super().__init__(parent)
        self.store = store
        self.workshop_id = workshop_id
        self.edit = edit  # (action, changed fields) -> saved?
        self.actions: list[Action] = []
        self.reload()

    def reload(self) -> None:
        """Reread the actions; only changed rows are redrawn when the same actions remain."""
        fresh = self.store.actions(self.workshop_id)
        if [a.id for a in fresh] != [a.id for a in self.actions]:
            self.beginResetModel()
            self.actions = fresh
            self.endResetModel()
            return
        old, self.actions = self.actions, fresh
        for row, (before, after) in enumerate(zip(old, fresh)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def row_of(self, action_id: int) -> int:
        return next((i for i, a in enumerate(self.actions) if a.id == action_id), -1)

    def rows(self) -> list[Action]:
        return self.actions

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.actions):
            return None
        action = self.actions[index.row()]
        if role == ActionRole:
            return action
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TEXT_COLUMN:
            facts = f"{action.owner or 'No owner'} · due {action.due or '—'} · {action.status}"
            return plain_tooltip(f"{action.text}\n{facts}")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        value = getattr(action, FIELDS[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == TEXT_COLUMN:
                return " ".join(value[:500].split())
            if index.column() == DUE_COLUMN and not value:
                return "—"
        return value

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        action = self.actions[index.row()]
        name = FIELDS[index.column()]
        if getattr(action, name) == value:
            return True
        return self.edit(action, {name: value})


class ActionDelegate(QStyledItemDelegate):
    """Editors per column: names offered for the owner, a date picker, a status list."""

    def __init__(self, names: Callable[[], list[str]], parent=None):
        super().__init__(parent)
        self.names = names

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        column = index.column()
        if column == OWNER_COLUMN:
            editor = QLineEdit(parent)
            completer = QCompleter(self.names(), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
            editor.setPlaceholderText("A participant, or anyone")
            return editor
        if column == DUE_COLUMN:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            editor.setMinimumDate(NO_DATE)
            editor.setSpecialValueText("No date")
            return editor
        if column == STATUS_COLUMN:
            editor = QComboBox(parent)
            editor.addItems(list(ACTION_STATUSES))
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            editor.setDate(QDate.fromString(value, Qt.DateFormat.ISODate) if value else NO_DATE)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(value)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QDateEdit):
            date = editor.date()
            model.setData(index, "" if date == NO_DATE else date.toString(Qt.DateFormat.ISODate))
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QLineEdit):
            model.setData(index, _completed(editor))
        else:
            super().setModelData(editor, model, index)


def _completed(editor: QLineEdit) -> str:
    """What was typed, or the one participant's name it points to ("Tom" -> "Tom O'Neill"), as
    the suggestion under the field promised; a name matching nobody, or several, stays as typed."""
    text, completer = editor.text(), editor.completer()
    if completer is None or not text.strip():
        return text
    completer.setCompletionPrefix(text)
    names = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
    if len(names) == 1 and names[0].casefold() != text.strip().casefold():
        return names[0]
    return text


# -- the panel ---------------------------------------------------------------------------------
class ActionsPanel(QWidget):
    changed = Signal(str)  # workshop id, after any saved change (and after undo or redo)

    def __init__(self, ops: Operations, workshop_id: str, *, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self.workshop_id = workshop_id
        self.undo_stack = undo_stack

        self.model = ActionsModel(self.store, workshop_id, self.edit_action, self)
        self.table = QTableView()
        self.table.setAccessibleName("Actions")
        self.table.setModel(self.model)
        self.table.setItemDelegate(ActionDelegate(self._participant_names, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(OWNER_COLUMN, 150)
        header.resizeSection(DUE_COLUMN, 110)
        header.resizeSection(STATUS_COLUMN, 110)
        self._compact: bool | None = None
        self.new_edit = QLineEdit()
        self.new_edit.setAccessibleName("New action")
        self.new_edit.setPlaceholderText("Write a new action and press Enter")
        self.add_button = QPushButton("Add")
        self.delete_button = QPushButton("Delete")
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        tint(self.message_label, "error")
        self.message_label.hide()
        self.new_edit.returnPressed.connect(self._on_add)
        self.add_button.clicked.connect(self._on_add)
        self.delete_button.clicked.connect(self.delete_selected)

        # In a narrow panel the due and status columns step aside: the selected action's are set here.
        self.details = QWidget()
        self.due_edit = DateField(optional=True, parent=self.details)
        self.due_edit.setAccessibleName("Due")
        self.status_box = QComboBox(self.details)
        self.status_box.addItems(list(ACTION_STATUSES))
        self.status_box.setAccessibleName("Status")
        details = QHBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        for caption, field in (("Due", self.due_edit), ("Status", self.status_box)):
            label = QLabel(caption, self.details)
            label.setBuddy(field)
            details.addWidget(label)
            details.addWidget(field, 1)
        self.details.hide()
        self.due_edit.editingFinished.connect(self._on_details_edited)
        self.due_edit.calendarWidget().clicked.connect(lambda _day: self._on_details_edited())
        self.status_box.activated.connect(lambda _index: self._on_details_edited())

        entry = QHBoxLayout()
        entry.addWidget(self.new_edit, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._on_current_changed)
        self._on_current_changed()
        ops.hub.actions_changed.connect(self._on_actions_changed)

    def _participant_names(self) -> list[str]:
        return [p.name for p in self.store.participants(self.workshop_id)]

    def focus_order(self) -> list[QWidget]:
        """Where Tab goes in this panel, in reading order (the run view chains it)."""
        return [self.new_edit, self.add_button, self.delete_button, self.table, self.due_edit, self.status_box]

    def refresh(self) -> None:
        self.model.reload()

    def current_action(self) -> Action | None:
        return self.model.data(self.table.currentIndex(), ActionRole)

    # -- what the facilitator does --------------------------------------------------------
    def add_action(self, text: str, **fields) -> Action | None:
        """Add an action (undoably); None, with the reason shown, if it cannot be saved."""
        command = AddActionCommand(self.ops, self.workshop_id, {"text": text, **fields}, **self._hooks())
        if not self._run(command):
            return None
        row = self.model.row_of(command.action.id)
        self.table.setCurrentIndex(self.model.index(row, TEXT_COLUMN))
        return command.action

    def add_from_note(self, note_id: int) -> Action | None:
        return self.add_action(**fields_from_note(self.ops, note_id))

    def add_from_theme(self, theme_id: int) -> Action | None:
        return self.add_action(**fields_from_theme(self.ops, theme_id))

    def edit_action(self, action: Action, fields: dict) -> bool:
        return self._run(EditActionCommand(self.ops, action, fields, **self._hooks()))

    def delete_selected(self) -> bool:
        action = self.current_action()
        return action is not None and self._run(DeleteActionCommand(self.ops, action, **self._hooks()))

    def _on_add(self) -> None:
        if self.add_action(self.new_edit.text()) is not None:
            self.new_edit.clear()

    def _run(self, command: UndoStep) -> bool:
        try:
            command.run(self.undo_stack)
        except CollabDeskError as error:
            self._say(str(error))
            return False
        self._say("")
        return True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """In a narrow side panel the action's words come first: the due date and status
        columns step aside (they stay in the row's tooltip, and come back when widened)."""
        compact = self.width() < COMPACT_WIDTH
        if compact == self._compact:
            return
        self._compact = compact
        for column in (DUE_COLUMN, STATUS_COLUMN):
            self.table.setColumnHidden(column, compact)
        self.table.horizontalHeader().resizeSection(OWNER_COLUMN, 110 if compact else 150)
        self._show_details()

    def _show_details(self) -> None:
        """The selected action's due date and status under the table, when their columns stepped aside."""
        action = self.current_action()
        self.details.setVisible(bool(self._compact) and action is not None)
        if action is not None:
            for field in (self.due_edit, self.status_box):
                field.blockSignals(True)
            self.due_edit.set_iso(action.due)
            self.status_box.setCurrentIndex(max(0, self.status_box.findText(action.status)))
            for field in (self.due_edit, self.status_box):
                field.blockSignals(False)

    def _on_details_edited(self) -> None:
        action = self.current_action()
        if action is None:
            return
        fields = {"due": self.due_edit.iso(), "status": self.status_box.currentText()}
        changed = {k: v for k, v in fields.items() if getattr(action, k) != v}
        if changed:
            self.edit_action(action, changed)

    def _say(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))

    def _hooks(self) -> dict:
        return {"changed": while_alive(self, self._on_changed),
                "failed": while_alive(self, self._say)}

    def _on_current_changed(self, *_args) -> None:
        self.delete_button.setEnabled(self.table.currentIndex().isValid())
        if self._compact is not None:
            self._show_details()

    def _on_changed(self) -> None:
        self.model.reload()
        self.changed.emit(self.workshop_id)

    def _on_actions_changed(self, workshop_id: str) -> None:
        if workshop_id == self.workshop_id:
            self.model.reload()


class ActionsDock(QWidget):
    """The "Actions" tab of the run view: the open workshop's ActionsPanel, made again per workshop."""

    def __init__(self, ops: Operations, *, undo_stack: QUndoStack | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.undo_stack = undo_stack
        self.panel: ActionsPanel | None = None
        self.placeholder = QLabel("Open a workshop to see and write its actions.")
        self.placeholder.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.placeholder)

    @property
    def model(self) -> ActionsModel | None:
        return self.panel.model if self.panel is not None else None

    @property
    def table(self) -> QTableView | None:
        return self.panel.table if self.panel is not None else None

    def set_workshop(self, workshop_id: str | None) -> None:
        if self.panel is not None:
            self.body.removeWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
        self.placeholder.setVisible(workshop_id is None)
        if workshop_id is not None:
            self.panel = ActionsPanel(self.ops, workshop_id, undo_stack=self.undo_stack)
            self.body.addWidget(self.panel)

    def focus_order(self) -> list[QWidget]:
        return self.panel.focus_order() if self.panel is not None else []

    def show_action(self, action_id: int) -> bool:
        """Select an action (one just made from the board, or found by search) and give the table
        the keyboard: F2 or typing rewords it; Tab moves on to its owner, due date and status.
        False when the open workshop has no such action."""
        if self.panel is None:
            return False
        self.panel.model.reload()
        row = self.panel.model.row_of(action_id)
        if row < 0:
            return False
        index = self.panel.model.index(row, TEXT_COLUMN)
        self.panel.table.setCurrentIndex(index)
        self.panel.table.scrollTo(index)
        self.panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


def create_panel(context: PanelContext) -> tuple[str, QWidget]:
    """The run view's "Actions" tab (found by the main window)."""
    return "Actions", ActionsDock(context.ops, undo_stack=context.undo_stack)

