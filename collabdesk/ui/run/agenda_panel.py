"""The agenda down the side of the run view: each exercise's domain, plan and real time."""

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QLabel, QListView, QPushButton, QStyle, QStyledItemDelegate, QVBoxLayout, QWidget,
)

from ...domain.durations import duration_text, elapsed_text, format_clock
from ...domain.model import Exercise, Framework
from ...domain.schedule import clock_time, schedule
from ..common import inks, style
from ..common.text_fit import fit_text

ExerciseRole = Qt.ItemDataRole.UserRole + 1


class AgendaModel(QAbstractListModel):
    """The workshop's exercises in order; the ``ExerciseRole`` gives the Exercise itself."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.exercises: list[Exercise] = []
        self.framework: Framework | None = None
        self.noted: frozenset[int] = frozenset()

    def set_exercises(self, exercises: list[Exercise], framework: Framework, noted=frozenset()) -> None:
        """``noted``: the ids of exercises with notes (one that ran no timer and has none was skipped)."""
        self.beginResetModel()
        self.exercises = list(exercises)
        self.framework = framework
        self.noted = frozenset(noted)
        self.endResetModel()

    def skipped(self, exercise: Exercise) -> bool:
        """Finished without ever running: no time on its timer and nothing written (as the summary says)."""
        return exercise.state == "done" and exercise.timer.accumulated == 0 and exercise.id not in self.noted

    def replace(self, exercise: Exercise) -> None:
        for row, existing in enumerate(self.exercises):
            if existing.id == exercise.id:
                self.exercises[row] = exercise
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return

    def row_of(self, exercise_id: int | None) -> int:
        return next((row for row, e in enumerate(self.exercises) if e.id == exercise_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.exercises)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.exercises):
            return None
        exercise = self.exercises[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return exercise.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        if role == ExerciseRole:
            return exercise
        return None


class AgendaDelegate(QStyledItemDelegate):
    """Paints a row: domain colour bar, title (elided), planned vs real time, state."""

    def __init__(self, clock: Callable[[], float], parent=None):
        super().__init__(parent)
        self.clock = clock

    def sizeHint(self, option, index) -> QSize:
        return QSize(200, 74)

    def paint(self, painter: QPainter, option, index) -> None:
        exercise: Exercise = index.data(ExerciseRole)
        model: AgendaModel = index.model()
        domain = model.framework.domain(exercise.domain_key) if model.framework else None
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        current = exercise.state == "current"
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = QGuiApplication.palette()  # the cards follow it (the list's own is made transparent)
        background = palette.color(QPalette.ColorRole.Base if current else QPalette.ColorRole.AlternateBase)
        if selected:
            background = _mixed(palette.color(QPalette.ColorRole.Highlight), background, 0.18)
        text = palette.color(QPalette.ColorRole.Text)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1) if not current else QPen(text, 2))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(domain.colour if domain else "#888888"))
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 7, rect.height()), 3, 3)

        done = exercise.state == "done"
        skipped = model.skipped(exercise)  # never ran: no tick for it
        muted = inks.ink("muted", palette)
        text_left = rect.left() + 16
        width = rect.width() - 22
        painter.setPen(muted if done else text)
        marker = "– " if skipped else "✓ " if done else "▶ " if current else ""
        title = fit_text(marker + exercise.title, style.font(10.5, bold=current), width, 40, max_lines=2)
        title.draw(painter, QPointF(text_left, rect.top() + 5))

        painter.setFont(style.font(9))
        painter.setPen(muted)
        name = domain.name if domain else exercise.domain_key
        timer = exercise.timer
        now = self.clock()
        planned = format_clock(timer.planned)
        if exercise.state == "pending" and timer.accumulated == 0:
            times = f"{planned} planned"
        elif skipped:
            times = f"skipped ({planned} planned)"
        else:
            elapsed = timer.elapsed(now)
            times = f"{elapsed_text(elapsed)} of {planned}"
            if elapsed > timer.planned:
                painter.setPen(inks.ink("overtime", palette))
        detail = painter.fontMetrics().elidedText(f"{name} · {times}", Qt.TextElideMode.ElideRight, int(width))
        painter.drawText(QRectF(text_left, rect.bottom() - 22, width, 18),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), detail)
        painter.restore()


def _mixed(ink: QColor, background: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(*(b + (i - b) * amount for i, b in zip(
        (ink.redF(), ink.greenF(), ink.blueF()), (background.redF(), background.greenF(), background.blueF()))))


class AgendaPanel(QWidget):
    """The agenda list, the pace of the whole workshop, and the way to edit the plan."""

    exercise_chosen = Signal(int)  # double-click or Enter on a row: make it current
    edit_requested = Signal()

    def __init__(self, clock: Callable[[], float], parent=None):
        super().__init__(parent)
        self.clock = clock
        self.setObjectName("agenda-panel")
        self.model = AgendaModel(self)
        self.view = QListView(self)
        self.view.setAccessibleName("Agenda")
        self.view.setObjectName("agenda")
        self.view.setModel(self.model)
        self.view.setItemDelegate(AgendaDelegate(clock, self.view))
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setStyleSheet("QListView { background: transparent; }")
        self.view.activated.connect(self._on_activated)
        heading = QLabel("Agenda", self)
        heading.setFont(style.font(11, bold=True))
        self.pace = QLabel(self)
        self.pace.setObjectName("pace")
        self.pace.setTextFormat(Qt.TextFormat.PlainText)
        self.pace.setWordWrap(True)
        self.pace.setFont(style.font(10))
        self.total = QLabel(self)
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        inks.tint(self.total, "muted")
        edit = self.edit_button = QPushButton("Edit agenda…", self)
        edit.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keyboard in the entry
        edit.clicked.connect(self.edit_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 10)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pace)
        layout.addWidget(self.total)
        layout.addWidget(edit)

    def set_exercises(self, exercises: list[Exercise], framework: Framework, noted=frozenset()) -> None:
        self.model.set_exercises(exercises, framework, noted)
        self.refresh()

    def replace(self, exercise: Exercise) -> None:
        self.model.replace(exercise)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the pace and repaint the current row (called on every tick)."""
        plan = schedule(self.model.exercises, self.clock())
        self.pace.setText(plan.summary(clock_time))
        inks.tint(self.pace, "warning" if plan.behind else "ok", bold=True)
        self.total.setText(f"{len(self.model.exercises)} exercises · {duration_text(plan.planned_total)} planned")
        current = next((row for row, e in enumerate(self.model.exercises) if e.state == "current"), -1)
        if current >= 0:
            self.view.update(self.model.index(current))

    def _on_activated(self, index) -> None:
        self.exercise_chosen.emit(index.data(ExerciseRole).id)
