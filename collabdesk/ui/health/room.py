"""The room's health-check screen: "N of M done" while ratings come in, the chart after the reveal.

Nothing about a rating is read until the check is revealed: the progress page shows how
many have rated and who is still to, never how anyone rated.
"""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ...domain.errors import NotFoundError
from ..common.style import ROOM_BACKGROUND, ROOM_INK, ROOM_MUTED
from ..operations import Operations
from ..common.plain import plain_label
from .chart import ChartRow, HealthChart


def chart_rows(ops: Operations, round_id: int) -> list[ChartRow]:
    """The revealed results of a check as chart rows (the services refuse an unrevealed check)."""
    check = ops.health_check(round_id)
    framework = ops.health_framework(check.workshop_id)
    return [ChartRow(framework.domain(r.domain_key).name, framework.domain(r.domain_key).colour, r)
            for r in ops.health_results(round_id)]


class HealthFollower(QObject):
    """Calls ``refresh`` when a health check of the workshop changes; a child of the widget it
    refreshes, so the connection ends with it."""

    def __init__(self, hub, owner: QObject, refresh, workshop_id: str):
        super().__init__(owner)
        self._refresh = refresh
        self._workshop_id = workshop_id
        hub.health_changed.connect(self._on_changed)

    def _on_changed(self, workshop_id: str) -> None:
        if workshop_id == self._workshop_id:
            self._refresh()


class RoomHealthView(QStackedWidget):
    def __init__(self, ops: Operations, round_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.round_id = round_id
        self.progress = QWidget()
        self.title_label = plain_label("", point_size=30, bold=True)
        self.status_label = plain_label("", point_size=48, bold=True)
        self.waiting_label = plain_label("", point_size=26)
        column = QVBoxLayout(self.progress)
        column.setContentsMargins(64, 48, 64, 48)
        column.addWidget(self.title_label)
        column.addStretch(1)
        column.addWidget(self.status_label)
        column.addSpacing(24)
        column.addWidget(self.waiting_label)
        column.addStretch(2)
        for label in (self.title_label, self.status_label, self.waiting_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.results = QWidget()
        self.results_title = plain_label("", point_size=34, bold=True)
        self.chart = HealthChart(room=True)
        column = QVBoxLayout(self.results)
        column.setContentsMargins(48, 32, 48, 32)
        column.addWidget(self.results_title)
        column.addSpacing(12)
        column.addWidget(self.chart, 1)
        self.addWidget(self.progress)
        self.addWidget(self.results)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"RoomHealthView, RoomHealthView QWidget {{ background: {ROOM_BACKGROUND}; }}"
                           f"QLabel {{ color: {ROOM_INK}; }}")
        self.waiting_label.setStyleSheet(f"color: {ROOM_MUTED}")
        HealthFollower(ops.hub, self, self.refresh, ops.health_check(round_id).workshop_id)
        self.refresh()

    def refresh(self) -> None:
        try:
            check = self.ops.health_check(self.round_id)
        except NotFoundError:  # deleted: the dock takes this view down
            return
        if check.revealed:
            self.results_title.setText(check.title)
            self.chart.set_rows(chart_rows(self.ops, self.round_id))
            self.setCurrentWidget(self.results)
            return
        self.title_label.setText(check.title)
        self.setCurrentWidget(self.progress)
        if check.mode == "tally":
            self.status_label.setText("Counting hands")
            self.waiting_label.setText("")
            return
        done, total, waiting = self.ops.health_progress(self.round_id)
        if check.state != "open":
            self.status_label.setText(f"Ratings closed: {done} of {total} done")
            self.waiting_label.setText("")
        elif waiting:
            self.status_label.setText(f"{done} of {total} done")
            self.waiting_label.setText("Still to rate: " + ", ".join(waiting))
        else:
            self.status_label.setText(f"All {total} done")
            self.waiting_label.setText("The results appear when the facilitator reveals them.")
