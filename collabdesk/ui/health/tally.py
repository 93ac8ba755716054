"""Counting hands: for each domain, how many people chose each point.

Each count is saved as it is typed (one undo step; typing on in one box merges into it),
through the same rules as a private ballot: points on the scale, domains of the check,
and no more hands per domain than people taking part.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ...domain import health
from ...domain.errors import CollabDeskError
from ..operations import Operations
from ..operations.health import SetHandsCommand
from ..operations.undo import while_alive
from ..common.plain import plain_label, plain_tooltip
from .room import HealthFollower


class HandsGrid(QWidget):
    blocked = Signal(str)

    def __init__(self, ops: Operations, round_id: int, *, undo_stack=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.round_id = round_id
        self.undo_stack = undo_stack
        check = ops.health_check(round_id)
        framework = ops.health_framework(check.workshop_id)
        self.boxes: dict[tuple[str, int], QSpinBox] = {}
        self.message = plain_label("")
        self.message.setStyleSheet("color: #B3261E")
        self.message.setWordWrap(True)
        grid = QGridLayout()
        for point in health.SCALE:
            grid.addWidget(plain_label(str(point), bold=True), 0, point, Qt.AlignmentFlag.AlignCenter)
        for row, key in enumerate(check.domain_keys, 1):
            domain = framework.domain(key)
            grid.addWidget(plain_label(domain.name, bold=True), row, 0)
            for point, label in zip(health.SCALE, health.labels_of(domain)):
                box = QSpinBox()
                box.setRange(0, health.MAX_TALLY)
                box.setToolTip(plain_tooltip(f"{domain.name}, {point}: {label}"))
                box.setAccessibleName(f"{domain.name} {point}")
                box.valueChanged.connect(lambda value, k=key, p=point: self._on_count(k, p, value))
                grid.addWidget(box, row, point)
                self.boxes[(key, point)] = box
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"{check.title}: hands raised for each point of each domain"))
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(1)
        HealthFollower(ops.hub, self, self.refresh, check.workshop_id)
        self.refresh()

    def refresh(self) -> None:
        counts = self.ops.health_tally(self.round_id)
        for (key, point), box in self.boxes.items():
            box.blockSignals(True)
            box.setValue(counts.get(key, (0,) * 5)[point - 1])
            box.blockSignals(False)

    def _on_count(self, key: str, point: int, value: int) -> None:
        before = self.ops.health_tally(self.round_id).get(key, (0,) * 5)[point - 1]
        step = SetHandsCommand(self.ops, self.round_id, key, point, value, before,
                               failed=while_alive(self, self.message.setText))
        try:
            step.run(self.undo_stack)
        except CollabDeskError as error:
            self.message.setText(str(error))
            self.refresh()
            return
        self.message.clear()


class HandsScreen(QWidget):
    """The count of hands over the whole run view, with the way back (or Esc)."""

    done = Signal()

    def __init__(self, ops: Operations, round_id: int, *, undo_stack=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = HandsGrid(ops, round_id, undo_stack=undo_stack)
        self.back_button = QPushButton("Back to the board")
        self.back_button.setToolTip("Counts are saved as you type them (Esc)")
        self.back_button.clicked.connect(self.done)
        top = QHBoxLayout()
        top.addWidget(plain_label("Counting hands", point_size=18, bold=True), 1)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.done.emit()
        else:
            super().keyPressEvent(event)
