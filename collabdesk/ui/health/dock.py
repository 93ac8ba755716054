"""Health checks in the run view: the "Health" tab, the laptop's screens and the room's stage.

From the tab the facilitator starts a check of every domain of the workshop's framework,
passes the laptop round (the ballot covers the window, locked as the voting ballot is)
or counts hands, then reveals. Until the reveal the tab and the room show only how many
have rated; afterwards the chart (small here, large in the room) and a sentence per domain.
A phone transport would only add another way to call ``ops.cast_health_ballot``.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ..common import prompts
from ..common.panel_context import PanelContext
from ..operations import Operations
from ..operations.health import CloseHealthCommand, RevealHealthCommand
from ..common.plain import plain_label
from .ballot import HealthBallotScreen
from .results import HealthResults
from .room import HealthFollower, RoomHealthView
from .tally import HandsScreen

STATUS_WORDS = {"pending": "still to rate", "confirmed": "rated", "skipped": "skipped"}
MODES = (("ballot", "Private ballots, passing the laptop"), ("tally", "A show of hands, counted by you"))


@dataclass(frozen=True)
class CheckSettings:
    title: str
    mode: str = "ballot"
    anonymous: bool = True


class StartCheckDialog(QDialog):
    """The title, how ratings are collected, and whether comments are named."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Start a health check")
        self.title = QLineEdit(title)
        self.mode = QComboBox()
        for key, label in MODES:
            self.mode.addItem(label, key)
        self.anonymous = QCheckBox("Anonymous: comments never say who wrote them")
        self.anonymous.setChecked(True)
        self.error = plain_label("")
        self.error.setStyleSheet("color: #B3261E")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Title", self.title)
        form.addRow("Collect by", self.mode)
        form.addRow("", self.anonymous)
        form.addRow(self.error)
        form.addRow(buttons)

    def settings(self) -> CheckSettings:
        return CheckSettings(self.title.text(), self.mode.currentData(), self.anonymous.isChecked())

    @classmethod
    def ask(cls, parent: QWidget, title: str) -> CheckSettings | None:
        """The settings chosen, or None when cancelled (tests replace this)."""
        dialog = cls(title, parent)
        return dialog.settings() if dialog.exec() == QDialog.DialogCode.Accepted else None


class HealthDock(QWidget):
    def __init__(self, context: PanelContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ops: Operations = context.ops
        self.workshop_id: str | None = None
        self.staged: int | None = None
        self._follower: HealthFollower | None = None
        self.placeholder = plain_label("Open a workshop to ask the room how strong the partnership is, "
                                       "domain by domain.")
        self.placeholder.setWordWrap(True)
        self.checks = QComboBox()
        self.checks.setAccessibleName("Health checks")
        self.new_button = QPushButton("Start a health check…")
        self.status = plain_label("")
        self.status.setWordWrap(True)
        self.collect_button = QPushButton("Pass the laptop round")
        self.reveal_button = QPushButton("Reveal the results")
        self.close_button = QPushButton("Close")
        self.delete_button = QPushButton("Delete…")
        self.room_button = QPushButton("Show in the room")
        self.room_button.setCheckable(True)
        self.room_button.setToolTip("The room shows how many have rated (never how), then the chart once revealed")
        self.voters = QListWidget()
        self.voters.setAccessibleName("Who has rated")
        self.voters.setMaximumHeight(120)
        self.rate_again_button = QPushButton("Let them rate again")
        self.rate_again_button.setToolTip("Clears this person's ratings; they rate at their next turn")
        self.results = HealthResults(self.ops)
        self.chart, self.sentences = self.results.chart, self.results.sentences
        buttons = QGridLayout()
        buttons.addWidget(self.collect_button, 0, 0, 1, 2)
        buttons.addWidget(self.reveal_button, 1, 0)
        buttons.addWidget(self.close_button, 1, 1)
        buttons.addWidget(self.room_button, 2, 0)
        buttons.addWidget(self.delete_button, 2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.new_button)
        layout.addWidget(self.checks)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.voters)
        layout.addWidget(self.rate_again_button)
        layout.addWidget(self.results, 1)
        self.new_button.clicked.connect(self.start_check)
        self.checks.currentIndexChanged.connect(lambda _index: self.refresh())
        self.collect_button.clicked.connect(self._on_collect)
        self.reveal_button.clicked.connect(self._on_reveal)
        self.close_button.clicked.connect(self._on_close)
        self.delete_button.clicked.connect(self._on_delete)
        self.room_button.clicked.connect(self._on_room)
        self.voters.currentRowChanged.connect(self._update_rate_again)
        self.rate_again_button.clicked.connect(self._on_rate_again)
        self.set_workshop(None)

    # -- the open workshop ------------------------------------------------------------------
    def set_workshop(self, workshop_id: str | None) -> None:
        self.unstage()
        self.workshop_id = workshop_id
        if self._follower is not None:
            self._follower.deleteLater()
            self._follower = None
        if workshop_id is not None:
            self._follower = HealthFollower(self.ops.hub, self, self._reload, workshop_id)
        self.placeholder.setVisible(workshop_id is None)
        self.new_button.setEnabled(workshop_id is not None)
        self._reload()

    def current_check(self):
        round_id = self.checks.currentData()
        return None if round_id is None else self.ops.health_check(round_id)

    def _reload(self) -> None:
        """List the workshop's checks, keeping the one shown (or the newest)."""
        kept = self.checks.currentData()
        found = self.ops.health_checks(self.workshop_id) if self.workshop_id else []
        self.checks.blockSignals(True)
        self.checks.clear()
        for check in found:
            self.checks.addItem(check.title, check.id)
        index = self.checks.findData(kept)
        self.checks.setCurrentIndex(index if index >= 0 else self.checks.count() - 1)
        self.checks.blockSignals(False)
        if self.staged is not None and self.staged not in {c.id for c in found}:
            self.unstage()
        self.refresh()

    def refresh(self) -> None:
        check = self.current_check()
        for widget in (self.checks, self.collect_button, self.reveal_button, self.close_button, self.delete_button,
                       self.room_button, self.status):
            widget.setVisible(check is not None)
        revealed = check is not None and check.revealed
        ballot = check is not None and check.mode == "ballot"
        self.voters.setVisible(ballot and not revealed)  # after the reveal the results take the room
        self.rate_again_button.setVisible(ballot and not revealed)
        self._list_voters(check if ballot else None)
        self.results.show_check(check)
        if check is None:
            return
        self.collect_button.setText("Pass the laptop round" if check.mode == "ballot" else "Count hands")
        self.collect_button.setEnabled(check.state == "open")
        self.reveal_button.setText("Hide the results" if check.revealed else "Reveal the results")
        self.close_button.setText("Reopen" if check.state == "closed" else "Close")
        self.room_button.setChecked(self.staged == check.id)
        if check.mode == "ballot":
            done, total, _waiting = self.ops.health_progress(check.id)
            progress = f"{done} of {total} done"
        else:
            progress = "Hands counted by you"
        state = "closed" if check.state == "closed" else "open"
        self.status.setText(f"{progress} · {state} · " + ("results revealed" if revealed else
                                                          "results hidden until you reveal them"))

    def _list_voters(self, check) -> None:
        """Who has rated, was skipped or is still to (never how anyone rated)."""
        self.voters.clear()
        if check is not None:
            names = {p.id: p.name for p in self.ops.store.participants(check.workshop_id)}
            session = self.ops.health_session(check.id)
            for voter, status in zip(session.order, session.statuses):
                entry = QListWidgetItem(f"{names.get(voter, '')} — {STATUS_WORDS[status]}")
                entry.setData(Qt.ItemDataRole.UserRole, (voter, status))
                self.voters.addItem(entry)
        self._update_rate_again()

    def _update_rate_again(self, *_args) -> None:
        entry, check = self.voters.currentItem(), self.current_check()
        self.rate_again_button.setEnabled(bool(entry and check and check.state == "open"
                                               and entry.data(Qt.ItemDataRole.UserRole)[1] != "pending"))

    def _on_rate_again(self) -> None:
        entry, check = self.voters.currentItem(), self.current_check()
        if entry is not None and check is not None:
            self.ops.attempt(self.ops.reopen_health_ballot, check.id, entry.data(Qt.ItemDataRole.UserRole)[0])

    # -- the facilitator's steps -------------------------------------------------------------
    def start_check(self) -> None:
        if self.workshop_id is None:
            return
        number = len(self.ops.health_checks(self.workshop_id)) + 1
        settings = StartCheckDialog.ask(self, "Where do we stand?" if number == 1 else f"Health check {number}")
        if settings is None:
            return
        try:
            check = self.ops.start_health_check(self.workshop_id, title=settings.title, mode=settings.mode,
                                                anonymous=settings.anonymous)
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return
        self.checks.setCurrentIndex(self.checks.findData(check.id))
        self.refresh()

    def _on_collect(self) -> None:
        check = self.current_check()
        if check is None:
            return
        if check.mode == "ballot":
            screen = HealthBallotScreen(self.ops, check.id)
            screen.finished.connect(self.context.close_screen)
            screen.closed.connect(self.context.close_screen)
        else:
            screen = HandsScreen(self.ops, check.id, undo_stack=self.context.undo_stack)
            screen.done.connect(self.context.close_screen)
        screen.setObjectName("health-screen")
        self.context.show_screen(screen)
        self.stage(check.id)

    def _on_reveal(self) -> None:
        check = self.current_check()
        if check is not None:
            self._step(RevealHealthCommand(self.ops, check.id, not check.revealed))
            if self.ops.health_check(check.id).revealed:
                self.stage(check.id)

    def _on_close(self) -> None:
        check = self.current_check()
        if check is not None:
            self._step(CloseHealthCommand(self.ops, check.id, check.state == "open"))

    def _step(self, step) -> None:
        try:
            step.run(self.context.undo_stack)
        except CollabDeskError as error:
            self.ops.report(error)

    def _on_delete(self) -> None:
        check = self.current_check()
        if check is not None and prompts.ask(self, "Delete health check",
                                             "Delete this health check and every rating in it? This cannot be "
                                             "undone.", confirm="Delete"):
            self.ops.attempt(self.ops.delete_health_check, check.id)

    # -- the room -----------------------------------------------------------------------------
    def stage(self, round_id: int) -> None:
        self.context.set_room_stage(RoomHealthView(self.ops, round_id))
        self.staged = round_id
        self.room_button.setChecked(True)

    def unstage(self) -> None:
        if self.staged is not None:
            self.staged = None
            self.context.set_room_stage(None)
        self.room_button.setChecked(False)

    def _on_room(self, checked: bool) -> None:
        check = self.current_check()
        if checked and check is not None:
            self.stage(check.id)
        else:
            self.unstage()


def create_panel(context: PanelContext) -> tuple[str, QWidget]:
    """The run view's "Health" tab (found by the main window)."""
    return "Health", HealthDock(context)
