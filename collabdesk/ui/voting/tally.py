"""Counting dots the room placed by hand: stickers on the wall, or a show of hands.

The wall page has one row per card with − / a spin box / +; the hands page is a grid of
cards by named participants. Every change goes through an undoable command and the same
rules as a ballot; when a rule blocks a change the count stays as it was and the panel
says why.
"""

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QScrollArea, QSpinBox, QTableView, QTabWidget, QToolButton,
    QVBoxLayout, QWidget,
)

from ...domain import voting as rules
from ...domain.errors import CollabDeskError
from ...domain.model import Participant
from ...domain.voting import Item, VoteItem
from ..common.inks import tint
from ..operations import Operations
from ..operations.undo import while_alive
from ..operations.voting import RecordHandsCommand, SetTallyCommand
from ..common.plain import plain_label
from .cards import card_text
from .listening import follow_hub

ITEM_COLUMN = 0  # the hands grid: the card, then one column per voter
VoterRole = Qt.ItemDataRole.UserRole + 1  # a cell's voter id


class TallyRow(QWidget):
    """One card on the wall: its text and how many physical dots it carries."""

    count_requested = Signal(object, int)  # item, new count

    def __init__(self, item: VoteItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.text_label = plain_label(card_text(item.text, 160), point_size=12)
        self.text_label.setWordWrap(True)
        self.spin = QSpinBox()
        self.spin.setRange(0, rules.MAX_DOTS_ON_ONE_ITEM)
        self.spin.setKeyboardTracking(False)  # one change per typed number, not per digit
        self.spin.setMinimumWidth(80)
        self.spin.setAccessibleName(f"Dots on {card_text(item.text, 40)}")
        self.minus_button = QToolButton()
        self.minus_button.setText("−")
        self.plus_button = QToolButton()
        self.plus_button.setText("+")
        for button in (self.minus_button, self.plus_button):
            button.setFixedSize(36, 32)
            font = button.font()
            font.setPointSize(15)
            font.setBold(True)
            button.setFont(font)
        self.minus_button.clicked.connect(lambda: self.count_requested.emit(self.item.key, self.spin.value() - 1))
        self.plus_button.clicked.connect(lambda: self.count_requested.emit(self.item.key, self.spin.value() + 1))
        self.spin.valueChanged.connect(lambda value: self.count_requested.emit(self.item.key, value))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.minus_button)
        layout.addWidget(self.spin)
        layout.addWidget(self.plus_button)

    def show_count(self, count: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(count)
        self.spin.blockSignals(False)
        self.minus_button.setEnabled(count > 0)


class HandsModel(QAbstractTableModel):
    """Cards by named voters: how many dots each person put on each card."""

    def __init__(self, commit: Callable[[int, dict], bool], parent=None):
        super().__init__(parent)
        self.commit = commit  # (voter id, their whole new allocation) -> saved?
        self.items: list[VoteItem] = []
        self.voters: list[Participant] = []
        self.hands: dict[int, dict[Item, int]] = {}
        self.dots_per_voter = 0
        self.editable = True

    def load(self, items, voters, hands, dots_per_voter: int, editable: bool) -> None:
        same_shape = ([i.key for i in items], [v.id for v in voters]) == (
            [i.key for i in self.items], [v.id for v in self.voters])
        if not same_shape:
            self.beginResetModel()
        self.items, self.voters, self.hands = list(items), list(voters), hands
        self.dots_per_voter, self.editable = dots_per_voter, editable
        if not same_shape:
            self.endResetModel()
        elif self.items and self.voters:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(self.voters)))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(self.voters))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(self.voters)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == ITEM_COLUMN:
            return "Card"
        if 1 <= section <= len(self.voters):
            voter = self.voters[section - 1]
            left = self.dots_per_voter - sum(self.hands.get(voter.id, {}).values())
            return f"{card_text(voter.name, 24)}\n{left} left"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != ITEM_COLUMN and self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if index.column() == ITEM_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(card_text(item.text, 120).split())
            return None
        voter = self.voters[index.column() - 1]
        count = self.hands.get(voter.id, {}).get(item.key, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.EditRole:
            return count
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == VoterRole:
            return voter.id
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == ITEM_COLUMN:
            return False
        try:
            count = int(value)
        except (TypeError, ValueError):
            return False
        voter = self.voters[index.column() - 1]
        allocation = dict(self.hands.get(voter.id, {}))
        allocation[self.items[index.row()].key] = count
        return self.commit(voter.id, {k: v for k, v in allocation.items() if v})


class TallyPanel(QWidget):
    """The facilitator's screen for a tally-mode round."""

    changed = Signal(int)  # round id, after any saved change (and after undo or redo)
    blocked = Signal(str)  # why a change was refused

    def __init__(self, ops: Operations, round_id: int, *, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self.round_id = round_id
        self.undo_stack = undo_stack
        self.rows: dict[Item, TallyRow] = {}
        self._items: list[VoteItem] = []

        self.title_label = plain_label("", point_size=15, bold=True)
        self.title_label.setWordWrap(True)
        self.rules_label = plain_label("", point_size=10)
        self.rules_label.setWordWrap(True)
        self.message_label = plain_label("")
        self.message_label.setWordWrap(True)
        tint(self.message_label, "error")
        self.rows_host = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_host)
        self.rows_layout.setSpacing(2)
        self.rows_layout.addStretch(1)
        wall_scroll = QScrollArea()
        wall_scroll.setWidgetResizable(True)
        wall_scroll.setWidget(self.rows_host)
        self.hands_model = HandsModel(self.record_hands, self)
        self.hands_table = QTableView()
        self.hands_table.setModel(self.hands_model)
        self.hands_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.hands_table.verticalHeader().hide()
        self.hands_table.horizontalHeader().setSectionResizeMode(ITEM_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.hands_table.horizontalHeader().setDefaultSectionSize(90)
        self.hands_table.setWordWrap(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(wall_scroll, "Dots on the wall")
        self.tabs.addTab(self.hands_table, "Show of hands")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.tabs, 1)
        follow_hub(ops.hub, self, self.refresh, self.store.vote_round(round_id).workshop_id)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        round_ = self.store.vote_round(self.round_id)
        voters = [self.store.participant(b.participant_id) for b in self.store.ballots(self.round_id)]
        items = self.ops.vote_items(self.round_id)
        if [(i.key, i.text) for i in items] != [(i.key, i.text) for i in self._items]:
            self._build_rows(items)
        tally = self.ops.vote_tally(self.round_id)
        is_open = round_.state == "open"
        for key, row in self.rows.items():
            row.show_count(tally.get(key, 0))
            row.setEnabled(is_open)
        self.hands_model.load(items, voters, self.ops.vote_hands(self.round_id), round_.dots_per_voter, is_open)
        self.tabs.setTabVisible(1, bool(voters))
        self.title_label.setText(round_.title + ("" if is_open else "  (closed)"))
        cap = f", at most {round_.max_per_item} on one card" if round_.max_per_item else ""
        room = (f" · {len(voters)} voters: up to {len(voters) * round_.dots_per_voter} dots in the room"
                if voters else "")
        self.rules_label.setText(f"{round_.dots_per_voter} dots each{cap}{room}")

    def _build_rows(self, items: list[VoteItem]) -> None:
        for row in self.rows.values():
            self.rows_layout.removeWidget(row)
            row.deleteLater()
        self.rows = {}
        for item in items:
            row = TallyRow(item)
            row.count_requested.connect(self.set_count)
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
            self.rows[item.key] = row
        self._items = list(items)

    # -- changing --------------------------------------------------------------------------
    def set_count(self, item: Item, count: int) -> bool:
        """Record ``count`` physical dots on ``item``; False (and a message) if a rule blocks it."""
        before = self.ops.vote_tally(self.round_id).get(tuple(item), 0)
        if count == before:
            return True
        return self._run(SetTallyCommand(self.ops, self.round_id, item, count, before, **self._hooks()))

    def record_hands(self, voter_id: int, allocation: dict) -> bool:
        before = self.ops.vote_hands(self.round_id).get(voter_id, {})
        name = self.store.participant(voter_id).name
        return self._run(RecordHandsCommand(self.ops, self.round_id, voter_id, name, allocation, before,
                                            **self._hooks()))

    def _run(self, command) -> bool:
        try:
            command.run(self.undo_stack)
        except CollabDeskError as error:
            self._on_failed(str(error))
            self.refresh()  # put back what the store holds
            return False
        self.message_label.clear()
        return True

    def _hooks(self) -> dict:
        return {"changed": while_alive(self, self._on_changed),
                "failed": while_alive(self, self._on_failed)}

    def _on_changed(self, round_id: int) -> None:
        self.refresh()
        self.changed.emit(round_id)

    def _on_failed(self, message: str) -> None:
        self.message_label.setText(message)
        self.blocked.emit(message)
