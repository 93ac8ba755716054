"""The facilitator's voting side panel: a workshop's rounds, and what can be done with each.

It starts rounds, reveals, hides, closes and reopens them (undoably), lets a voter vote
again, and shows the selected round's progress and, once revealed, its results. Passing
the laptop round and counting dots happen on their own screens (``BallotScreen``,
``TallyPanel``): the panel asks for them with ``ballot_requested`` / ``tally_requested``.
"""

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QListView, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import VoteRound
from ..common.inks import tint
from ..operations import Operations
from ..operations.undo import while_alive
from ..operations.voting import CloseRoundCommand, RevealCommand
from ..common.plain import plain_label
from .listening import follow_hub
from .results import ResultsView
from .round_setup import RoundSetupDialog

RoundRole = Qt.ItemDataRole.UserRole + 1  # the VoteRound of a row
STATUS_WORDS = {"pending": "still to vote", "confirmed": "voted", "skipped": "skipped"}


def describe(round_: VoteRound) -> str:
    """One line on how a round runs, without any count."""
    how = "pass the laptop" if round_.mode == "ballot" else "count dots"
    what = "themes" if round_.target == "themes" else "notes"
    cap = f", max {round_.max_per_item} per card" if round_.max_per_item else ""
    state = "closed" if round_.state != "open" else "open"
    shown = "results shown" if round_.revealed else "results hidden"
    named = "named" if not round_.anonymous else "anonymous"
    return f"{how} · {round_.dots_per_voter} dots on {what}{cap} · {named} · {state} · {shown}"


class RoundsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rounds: list[VoteRound] = []

    def set_rounds(self, rounds: list[VoteRound]) -> None:
        if [r.id for r in rounds] == [r.id for r in self.rounds]:
            self.rounds = list(rounds)
            if rounds:
                self.dataChanged.emit(self.index(0), self.index(len(rounds) - 1))
            return
        self.beginResetModel()
        self.rounds = list(rounds)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rounds)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rounds):
            return None
        round_ = self.rounds[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{round_.title}\n{describe(round_)}"
        if role == RoundRole:
            return round_
        return None

    def row_of(self, round_id: int) -> int:
        return next((i for i, r in enumerate(self.rounds) if r.id == round_id), -1)


class VotingPanel(QWidget):
    round_started = Signal(int)
    ballot_requested = Signal(int)  # show a BallotScreen for this round
    tally_requested = Signal(int)  # show a TallyPanel for this round
    round_selected = Signal(int)
    changed = Signal(int)  # round id, after any saved change

    def __init__(self, ops: Operations, workshop_id: str, *, undo_stack: QUndoStack | None = None,
                 exercise_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self.workshop_id = workshop_id
        self.undo_stack = undo_stack
        self.exercise_id = exercise_id  # what a new round covers by default (None: the whole workshop)

        self.model = RoundsModel(self)
        self.rounds_view = QListView()
        self.rounds_view.setAccessibleName("Votes")
        self.rounds_view.setModel(self.model)
        self.rounds_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rounds_view.setWordWrap(True)
        self.rounds_view.setMaximumHeight(170)
        self.new_button = QPushButton("New vote…")
        self.collect_button = QPushButton("Pass the laptop")
        self.reveal_button = QPushButton("Reveal results")
        self.close_button = QPushButton("Close vote")
        self.progress_label = plain_label("")
        self.progress_label.setWordWrap(True)
        self.voters_list = QListWidget()
        self.voters_list.setAccessibleName("Voters")
        self.voters_list.setMaximumHeight(150)
        self.reopen_button = QPushButton("Let them vote again")
        self.message_label = plain_label("")
        self.message_label.setWordWrap(True)
        tint(self.message_label, "error")
        self.results_view = ResultsView(ops, None, follow=False)

        self.new_button.clicked.connect(self._on_new)
        self.collect_button.clicked.connect(self._on_collect)
        self.reveal_button.clicked.connect(self._on_reveal)
        self.close_button.clicked.connect(self._on_close)
        self.reopen_button.clicked.connect(self._on_reopen_ballot)
        self.voters_list.currentRowChanged.connect(self._update_reopen)
        self.rounds_view.selectionModel().currentRowChanged.connect(self._on_round_changed)

        actions = QHBoxLayout()
        for button in (self.collect_button, self.reveal_button, self.close_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(plain_label("Votes", point_size=13, bold=True), 1)
        heading.addWidget(self.new_button)
        layout.addLayout(heading)
        layout.addWidget(self.rounds_view)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.voters_list)
        layout.addWidget(self.reopen_button)
        layout.addWidget(self.results_view, 1)
        follow_hub(ops.hub, self, self.refresh, workshop_id, on_board=self._on_board_changed)
        self.refresh()

    def focus_order(self) -> list[QWidget]:
        """Where Tab goes in this panel, in reading order (the run view chains it)."""
        return [self.new_button, self.rounds_view, self.collect_button, self.reveal_button, self.close_button,
                self.voters_list, self.reopen_button, self.results_view.table]

    # -- the selected round -----------------------------------------------------------------
    def current_round(self) -> VoteRound | None:
        return self.model.data(self.rounds_view.currentIndex(), RoundRole)

    def select_round(self, round_id: int) -> None:
        row = self.model.row_of(round_id)
        if row >= 0:
            self.rounds_view.setCurrentIndex(self.model.index(row))

    def refresh(self) -> None:
        selected = self.current_round()
        self.model.set_rounds(self.store.vote_rounds(self.workshop_id))
        if selected is not None:
            self.select_round(selected.id)
        elif self.model.rounds:
            self.select_round(self.model.rounds[-1].id)
        self._show_round()

    def _on_board_changed(self) -> None:
        """Notes and themes matter to rounds' results only: before the first round (while notes
        are typed, one a few seconds) there is nothing to read again."""
        if self.model.rounds:
            self.refresh()

    def _on_round_changed(self, *_args) -> None:
        self.message_label.clear()
        self._show_round()
        round_ = self.current_round()
        if round_ is not None:
            self.round_selected.emit(round_.id)

    def _show_round(self) -> None:
        round_ = self.current_round()
        for button in (self.collect_button, self.reveal_button, self.close_button):
            button.setEnabled(round_ is not None)
        self.results_view.show_round(round_.id if round_ else None)
        self.voters_list.clear()
        if round_ is None:
            self.progress_label.setText("No votes yet in this workshop. Start one with New vote…")
            self.voters_list.hide()
            self.reopen_button.hide()
            return
        is_open = round_.state == "open"
        self.collect_button.setText("Pass the laptop" if round_.mode == "ballot" else "Count the dots")
        self.collect_button.setEnabled(is_open)
        self.reveal_button.setText("Hide results" if round_.revealed else "Reveal results")
        self.close_button.setText("Close vote" if is_open else "Reopen vote")
        ballot = round_.mode == "ballot"
        self.voters_list.setVisible(ballot)
        self.reopen_button.setVisible(ballot)
        if ballot:
            voted, total, _waiting = self.ops.vote_progress(round_.id)
            self.progress_label.setText(f"{voted} of {total} voted" + ("" if is_open else " · vote closed"))
            names = {p.id: p.name for p in self.store.participants(self.workshop_id)}
            for ballot_ in self.store.ballots(round_.id):
                entry = QListWidgetItem(f"{names.get(ballot_.participant_id, '')} — {STATUS_WORDS[ballot_.status]}")
                entry.setData(Qt.ItemDataRole.UserRole, (ballot_.participant_id, ballot_.status))
                self.voters_list.addItem(entry)
        else:
            self.progress_label.setText("Dots are counted on the tally screen." + ("" if is_open else " Vote closed."))
        self._update_reopen()

    def _update_reopen(self, *_args) -> None:
        entry = self.voters_list.currentItem()
        round_ = self.current_round()
        self.reopen_button.setEnabled(bool(
            entry and round_ and round_.state == "open" and entry.data(Qt.ItemDataRole.UserRole)[1] != "pending"))

    # -- what the facilitator does ------------------------------------------------------------
    def _on_new(self) -> None:
        settings = RoundSetupDialog.ask(self, self.ops, self.workshop_id, self.exercise_id)
        if settings is None:
            return
        try:
            round_ = self.ops.start_round(self.workshop_id, **settings.as_kwargs())
        except CollabDeskError as error:
            self.message_label.setText(str(error))
            return
        self._announce(round_.id)
        self.select_round(round_.id)
        self.round_started.emit(round_.id)

    def _on_collect(self) -> None:
        round_ = self.current_round()
        if round_ is not None:
            (self.ballot_requested if round_.mode == "ballot" else self.tally_requested).emit(round_.id)

    def _on_reveal(self) -> None:
        round_ = self.current_round()
        if round_ is not None:
            self._run(RevealCommand(self.ops, round_.id, not round_.revealed, **self._hooks()))

    def _on_close(self) -> None:
        round_ = self.current_round()
        if round_ is not None:
            self._run(CloseRoundCommand(self.ops, round_.id, round_.state == "open", **self._hooks()))

    def _on_reopen_ballot(self) -> None:
        round_, entry = self.current_round(), self.voters_list.currentItem()
        if round_ is None or entry is None:
            return
        try:
            self.ops.reopen_ballot(round_.id, entry.data(Qt.ItemDataRole.UserRole)[0])
        except CollabDeskError as error:
            self.message_label.setText(str(error))
            return
        self._announce(round_.id)

    def _run(self, command) -> None:
        try:
            command.run(self.undo_stack)
        except CollabDeskError as error:
            self.message_label.setText(str(error))
            return
        self.message_label.clear()

    def _hooks(self) -> dict:
        return {"changed": while_alive(self, self._on_changed),
                "failed": while_alive(self, self.message_label.setText)}

    def _on_changed(self, round_id: int) -> None:
        self.refresh()
        self.changed.emit(round_id)

    def _announce(self, round_id: int) -> None:
        """After a change made directly (not as a step): redraw, and tell whoever listens."""
        self._on_changed(round_id)
