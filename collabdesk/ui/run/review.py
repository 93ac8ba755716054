"""Review mode: a closed workshop, read only, exactly as it was left.

Its agenda with the time each exercise took, each exercise's board, the themes, the vote
results, the actions and the timings, all from one snapshot of the store. Nothing here
can write: the board only scrolls (it takes no clicks, drags or keys), no list or table
is editable, and while this view is shown the window disables every editing action and
the gateway refuses any write that slips through (``Operations.read_only``). "Reopen…"
is the one way back to the live run view, and the window asks before it takes it.
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QListView, QListWidget, QListWidgetItem,
    QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from ...domain.dates import short_date
from ...domain.durations import duration_text, elapsed_text
from ...domain.model import Exercise, Framework, WorkshopContent
from ...domain.schedule import clock_time
from ..board.scene import BoardScene, BoardView
from ..common import style
from ..common.plain import plain_tooltip
from ..health.results import HealthResults
from ..operations import Operations
from ..voting.panel import describe
from ..voting.results import ResultsView
from .agenda_panel import AgendaDelegate, AgendaModel, ExerciseRole
from .view import ExerciseHeader, exercise_column, select_note_card

BANNER_BACKGROUND = "#FFF4D6"
BANNER_INK = "#5A4300"
ACTION_HEADERS = ("Action", "Owner", "Due", "Status")
TIMING_HEADERS = ("Exercise", "Planned", "Took", "Against plan")


def closed_text(content: WorkshopContent) -> str:
    """The banner's line: when the workshop was closed, and that it is read only."""
    ended = content.workshop.ended
    if ended:
        try:
            moment = datetime.fromisoformat(ended).astimezone()
        except ValueError:
            return f"Closed on {short_date(ended)} — read only"
        return f"Closed on {short_date(moment.date().isoformat())} at {moment:%H:%M} — read only"
    if content.workshop.date:
        return f"Closed (held on {short_date(content.workshop.date)}) — read only"
    return "Closed — read only"


def against_plan(took: float, planned: float) -> str:
    """"3:20 over", "1:05 under" or "on time" (within half a minute)."""
    difference = took - planned
    if abs(difference) < 30:
        return "on time"
    return f"{elapsed_text(abs(difference))} {'over' if difference > 0 else 'under'}"


def _cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(" ".join(text.split()))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)  # never editable
    item.setToolTip(plain_tooltip(text) if len(text) > 60 else "")
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _read_only_table(headers: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class ReviewBanner(QFrame):
    """Across the top: closed when, read only, and the two ways out."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("review-banner")
        self.setStyleSheet(f"#review-banner {{ background: {BANNER_BACKGROUND}; border-bottom: 1px solid #E4C873; }}"
                           f"#review-banner QLabel {{ color: {BANNER_INK}; }}")
        self.closed = QLabel(self)
        self.closed.setObjectName("review-closed")
        self.closed.setTextFormat(Qt.TextFormat.PlainText)
        self.closed.setFont(style.font(12, bold=True))
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.reopen = QPushButton("Reopen…", self)
        self.reopen.setObjectName("reopen")
        self.reopen.setToolTip("Carry on with this workshop: it becomes a running workshop again")
        self.copy = QPushButton("Copy to my library", self)
        self.copy.setObjectName("review-copy")
        self.copy.setToolTip("An editable copy of this team workshop, in your own library")
        self.copy.hide()
        self.back = QPushButton("Back to the library", self)
        self.back.setObjectName("review-back")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.closed)
        text.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.back)
        layout.addWidget(self.reopen)
        layout.addWidget(self.copy)

    def show_workshop(self, content: WorkshopContent, *, team: bool = False) -> None:
        """The banner for a closed workshop, or for a team workshop (read only here whatever its
        state: it is copied, not reopened)."""
        workshop = content.workshop
        self.closed.setText("From the team folder — read only" if team else closed_text(content))
        self.reopen.setVisible(not team)
        self.copy.setVisible(team)
        people = len(content.participants)
        reopened = ("" if not workshop.reopened else "reopened once before" if workshop.reopened == 1
                    else f"reopened {workshop.reopened} times before")
        parts = [workshop.title, workshop.location, f"facilitated by {workshop.facilitator}" if workshop.facilitator
                 else "", f"{people} participant{'' if people == 1 else 's'}", reopened]
        self.detail.setText(" · ".join(" ".join(p.split()) for p in parts if p))


class ReviewView(QWidget):
    """A closed workshop to browse; every part of it is read from one ``store.content`` snapshot."""

    reopen_requested = Signal(str)  # workshop id
    copy_requested = Signal(str)  # a team workshop's id
    back_requested = Signal()

    def __init__(self, ops: Operations, clock: Callable[[], float], parent=None):
        super().__init__(parent)
        self.setObjectName("review")
        self.ops = ops
        self.store = ops.store
        self.content: WorkshopContent | None = None
        self.framework: Framework | None = None
        self.exercise: Exercise | None = None

        self.banner = ReviewBanner(self)
        self.agenda_model = AgendaModel(self)
        self.agenda = QListView(self)
        self.agenda.setObjectName("review-agenda")
        self.agenda.setModel(self.agenda_model)
        self.agenda.setItemDelegate(AgendaDelegate(clock, self.agenda))
        self.agenda.setUniformItemSizes(True)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header = ExerciseHeader(self)
        self.took = QLabel(self)
        self.took.setObjectName("review-took")
        self.took.setTextFormat(Qt.TextFormat.PlainText)
        self.took.setFont(style.font(13, bold=True))
        self.took.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.board_scene = BoardScene(self)
        self.board = BoardView(self.board_scene, self)
        self.board.setObjectName("review-board")
        self.board.setInteractive(False)  # cards can be looked at and zoomed, never moved, edited or deleted
        self.board.empty_hint = "No notes were written in this exercise."
        self.themes = QTreeWidget(self)
        self.themes.setObjectName("review-themes")
        self.themes.setHeaderHidden(True)
        self.themes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rounds = QListWidget(self)
        self.rounds.setObjectName("review-rounds")
        self.rounds.setWordWrap(True)
        self.rounds.setMaximumHeight(150)
        self.results = ResultsView(ops, None, follow=False, parent=self)
        self.checks = QListWidget(self)
        self.checks.setObjectName("review-health-checks")
        self.checks.setAccessibleName("Health checks")
        self.checks.setWordWrap(True)
        self.checks.setMaximumHeight(150)
        self.checks.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)  # one check: one row
        self.check_results = HealthResults(ops, self)
        self.actions_table = _read_only_table(ACTION_HEADERS, 0)
        self.actions_table.setObjectName("review-actions")
        self.timings = _read_only_table(TIMING_HEADERS, 0)
        self.timings.setObjectName("review-timings")
        self.timing_total = QLabel(self)
        self.timing_total.setTextFormat(Qt.TextFormat.PlainText)
        self.timing_total.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("review-tabs")
        self.tabs.setDocumentMode(True)
        self._lay_out()

        self.agenda.selectionModel().currentChanged.connect(self._on_agenda_row)
        self.rounds.currentRowChanged.connect(self._on_round_row)
        self.checks.currentRowChanged.connect(self._on_check_row)
        self.banner.reopen.clicked.connect(self._on_reopen)
        self.banner.back.clicked.connect(self.back_requested)
        self.banner.copy.clicked.connect(lambda: self.content and self.copy_requested.emit(self.content.workshop.id))
        self.setFocusProxy(self.agenda)

    def _lay_out(self) -> None:
        votes = QWidget(self)
        votes_layout = QVBoxLayout(votes)
        votes_layout.addWidget(self.rounds)
        votes_layout.addWidget(self.results, 1)
        checks = QWidget(self)
        checks_layout = QVBoxLayout(checks)
        checks_layout.addWidget(self.checks)
        checks_layout.addWidget(self.check_results, 1)
        checks_layout.addStretch()
        timings = QWidget(self)
        timings_layout = QVBoxLayout(timings)
        timings_layout.addWidget(self.timing_total)
        timings_layout.addWidget(self.timings, 1)
        self.tabs.addTab(self.themes, "Themes")
        self.tabs.addTab(votes, "Votes")
        self.tabs.addTab(checks, "Health")
        self.tabs.addTab(self.actions_table, "Actions")
        self.tabs.addTab(timings, "Timings")

        centre = exercise_column(self, self.header, self.took, ((self.board, 1),))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 6, 10)
        heading = QLabel("Agenda", left)
        heading.setFont(style.font(11, bold=True))
        left_layout.addWidget(heading)
        left_layout.addWidget(self.agenda, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("review-splitter")
        for part in (left, centre, self.tabs):
            self.splitter.addWidget(part)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([250, 690, 430])  # scaled to the window on the first show
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

    # -- opening ---------------------------------------------------------------------------
    def open_workshop(self, workshop_id: str) -> None:
        """Read the whole workshop once and show its first exercise."""
        self.content = content = self.store.content(workshop_id)
        self.framework = self.ops.framework_or_default(content.workshop.framework_key)
        self.banner.show_workshop(content, team=self.store.is_team_workshop(workshop_id))
        self.board_scene.set_authors({p.id: p.name for p in content.participants})
        self.exercise = None
        self.agenda_model.set_exercises(list(content.exercises), self.framework,
                                        {n.exercise_id for n in content.notes if not n.deleted})
        self._fill_rounds()
        self._fill_checks()
        self._fill_actions()
        self._fill_timings()
        if content.exercises:
            self.show_exercise(content.exercises[0].id)
        else:
            self._show(None)

    def close_workshop(self) -> None:
        self.content = None
        self.exercise = None
        self.board_scene.load([])
        self.results.show_round(None)
        self.check_results.show_check(None)

    @property
    def workshop_id(self) -> str | None:
        return self.content.workshop.id if self.content else None

    # -- browsing --------------------------------------------------------------------------
    def show_exercise(self, exercise_id: int) -> bool:
        row = self.agenda_model.row_of(exercise_id)
        if row < 0:
            return False
        self.agenda.setCurrentIndex(self.agenda_model.index(row))  # shows it, through _on_agenda_row
        return True

    def show_note(self, exercise_id: int, note_id: int) -> bool:
        """That exercise's board with the note selected and scrolled into view."""
        return self.show_exercise(exercise_id) and select_note_card(self.board_scene, self.board, note_id)

    def show_action(self, action_id: int) -> bool:
        """The Actions tab, with that action selected."""
        for row in range(self.actions_table.rowCount()):
            if self.actions_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == action_id:
                self.tabs.setCurrentIndex(self.tabs.indexOf(self.actions_table))
                self.actions_table.selectRow(row)
                self.actions_table.scrollToItem(self.actions_table.item(row, 0))
                self.actions_table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _on_agenda_row(self, current, _previous=None) -> None:
        self._show(current.data(ExerciseRole) if current.isValid() else None)

    def _show(self, exercise: Exercise | None) -> None:
        self.exercise = exercise
        content = self.content
        position = ""
        if exercise is not None:
            index = next(i for i, e in enumerate(content.exercises) if e.id == exercise.id)
            position = f"Exercise {index + 1} of {len(content.exercises)}"
        self.header.show_exercise(exercise, self.framework, position)
        if exercise is None:
            self.header.prompt.set_text("This workshop has no exercises.")
            self.took.setText("")
        else:
            took = exercise.timer.accumulated
            self.took.setText(f"Took {elapsed_text(took)}\nof {duration_text(exercise.timer.planned)} planned"
                              if took else f"Not run\n{duration_text(exercise.timer.planned)} planned")
        self.board_scene.load(content.notes_of(exercise.id) if exercise else [],
                              content.themes_of(exercise.id) if exercise else [])
        self._fill_themes()

    # -- the side tabs ---------------------------------------------------------------------
    def _fill_themes(self) -> None:
        self.themes.clear()
        exercise = self.exercise
        themes = self.content.themes_of(exercise.id) if exercise else []
        notes = self.content.notes_of(exercise.id) if exercise else []
        for theme in themes:
            held = [n for n in notes if n.theme_id == theme.id]
            item = QTreeWidgetItem([f"{' '.join(theme.title.split())}  ({len(held)})"])
            item.setFont(0, style.font(10.5, bold=True))
            for note in held:
                child = QTreeWidgetItem([" ".join(note.text.split())])
                child.setToolTip(0, plain_tooltip(note.text) if len(note.text) > 60 else "")
                item.addChild(child)
            self.themes.addTopLevelItem(item)
            item.setExpanded(True)
        if not themes:
            self.themes.addTopLevelItem(QTreeWidgetItem(["No themes were made in this exercise."]))

    def _fill_rounds(self) -> None:
        _fill_choices(self.rounds, [(f"{' '.join(r.title.split())}\n{describe(r)}", r.id) for r in self.content.rounds],
                      "No votes were held in this workshop.", lambda: self.results.show_round(None))

    def _on_round_row(self, row: int) -> None:
        item = self.rounds.item(row)
        self.results.show_round(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)

    def _fill_checks(self) -> None:
        """Each health check with how it ran; a revealed one's results below (never an unrevealed one's)."""
        choices = []
        for check in self.content.health_rounds:
            how = "pass the laptop" if check.mode == "ballot" else "show of hands"
            shown = "results shown" if check.revealed else "results never revealed, so not shown"
            choices.append((f"{' '.join(check.title.split())}\n{how} · "
                            f"{'anonymous' if check.anonymous else 'named'} · {shown}", check))
        _fill_choices(self.checks, choices, "No health checks were made in this workshop.",
                      lambda: self.check_results.show_check(None))

    def _on_check_row(self, row: int) -> None:
        item = self.checks.item(row)
        self.check_results.show_check(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)

    def _fill_actions(self) -> None:
        actions = self.content.actions
        self.actions_table.setRowCount(len(actions))
        for row, action in enumerate(actions):
            first = _cell(action.text)
            first.setData(Qt.ItemDataRole.UserRole, action.id)
            self.actions_table.setItem(row, 0, first)
            self.actions_table.setItem(row, 1, _cell(action.owner))
            self.actions_table.setItem(row, 2, _cell(short_date(action.due) if action.due else "—"))
            self.actions_table.setItem(row, 3, _cell(action.status))
        self.actions_table.resizeColumnsToContents()
        self.actions_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabs.setTabText(self.tabs.indexOf(self.actions_table), f"Actions ({len(actions)})")

    def _fill_timings(self) -> None:
        exercises = self.content.exercises
        self.timings.setRowCount(len(exercises))
        for row, exercise in enumerate(exercises):
            took, planned = exercise.timer.accumulated, exercise.timer.planned
            self.timings.setItem(row, 0, _cell(exercise.title))
            self.timings.setItem(row, 1, _cell(duration_text(planned), right=True))
            self.timings.setItem(row, 2, _cell(elapsed_text(took) if took else "not run", right=True))
            self.timings.setItem(row, 3, _cell(against_plan(took, planned) if took else "", right=True))
        self.timings.resizeColumnsToContents()
        self.timings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        took = sum(e.timer.accumulated for e in exercises)
        planned = sum(e.timer.planned for e in exercises)
        lines = [f"Exercises took {elapsed_text(took)} in all, of {duration_text(planned)} planned."]
        workshop = self.content.workshop
        if workshop.started and workshop.ended:
            lines.append(f"Started at {_local_time(workshop.started)}, closed at {_local_time(workshop.ended)}.")
        self.timing_total.setText(" ".join(lines))

    def _on_reopen(self) -> None:
        if self.content is not None:
            self.reopen_requested.emit(self.content.workshop.id)


def _fill_choices(choices: QListWidget, entries: list[tuple[str, object]], none: str, show_none) -> None:
    """A side tab's list of rounds or checks, each item holding its data, the newest chosen
    (which shows it); with none, a line saying so and ``show_none`` to empty what shows one."""
    choices.clear()
    for text, data in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        choices.addItem(item)
    if entries:
        choices.setCurrentRow(len(entries) - 1)
    else:
        show_none()
        choices.addItem(none)


def _local_time(iso: str) -> str:
    try:
        return clock_time(datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return iso
