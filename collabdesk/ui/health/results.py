"""A health check's revealed results beside a board: the chart and a sentence per domain.

Shared by the run view's Health tab and the review of a closed workshop. It reads nothing of
a check that is not revealed: ``show_check`` with such a check empties the widget, so no
rating stays behind even in a hidden chart.
"""

from PySide6.QtWidgets import QFrame, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain import health
from ...domain.health import HealthRound
from ..operations import Operations
from .chart import HealthChart
from .room import chart_rows


class HealthResults(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.chart = HealthChart()
        self.sentences = QPlainTextEdit()  # plain text, and it scrolls when the tab is short
        self.sentences.setReadOnly(True)
        self.sentences.setFrameShape(QFrame.Shape.NoFrame)
        self.sentences.setAccessibleName("Where the room agreed and where it split")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        layout.addWidget(self.sentences, 1)

    def show_check(self, check: HealthRound | None) -> None:
        """The check's results when it is revealed; nothing at all otherwise."""
        revealed = check is not None and check.revealed
        self.setVisible(revealed)
        if not revealed:
            self.chart.set_rows([])
            self.sentences.clear()
            return
        rows = chart_rows(self.ops, check.id)
        self.chart.set_rows(rows)
        framework = self.ops.health_framework(check.workshop_id)
        lines = [health.sentence(r.result, r.name, health.labels_of(framework.domain(r.result.domain_key)))
                 for r in rows]
        comments = self.ops.health_comments(check.id)
        if comments:
            names = {r.result.domain_key: r.name for r in rows}
            lines.append("Comments\n" + "\n".join(
                f"{names.get(c.domain_key, c.domain_key)}: “{c.text}”" + (f" — {c.author}" if c.author else "")
                for c in comments))
        self.sentences.setPlainText("\n\n".join(lines))
