"""Voting in the run view: the side panel, the laptop's full-window screens and the room's stage.

``create_panel(context)`` gives the main window the "Votes" tab. From it the facilitator
starts a vote, passes the laptop round (the ballot fills the whole window, so the next
voter sees nothing of the board, the panel or the previous voter), or counts dots. The
room follows: while votes come in it shows who has voted and who is still to vote (never
a count); when the facilitator reveals, the results in large type; when the vote is
closed, or the facilitator asks, the notes again.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..common.panel_context import PanelContext
from ..operations import Operations
from .ballot import BallotScreen
from ..common.plain import plain_label
from .panel import VotingPanel
from .results import RoomVotingView
from .tally import TallyPanel


class TallyScreen(QWidget):
    """Counting dots over the whole run view, with the way back to the board (or Esc)."""

    done = Signal()

    def __init__(self, ops: Operations, round_id: int, *, undo_stack=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.panel = TallyPanel(ops, round_id, undo_stack=undo_stack)
        self.back_button = QPushButton("Back to the board")
        self.back_button.setToolTip("Counts are saved as you type them (Esc)")
        self.back_button.clicked.connect(self.done)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.done.emit)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top = QHBoxLayout()
        top.addWidget(plain_label("Counting dots", point_size=18, bold=True), 1)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.panel, 1)


class VotingDock(QWidget):
    """The "Votes" tab: the open workshop's VotingPanel, and what it shows on the other screens."""

    def __init__(self, context: PanelContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ops: Operations = context.ops
        self.store = self.ops.store
        self.hub = self.ops.hub
        self.workshop_id: str | None = None
        self.panel: VotingPanel | None = None
        self.staged_round: int | None = None  # the vote the room shows, if any
        self._known: dict[int, tuple[str, bool]] = {}  # each round's state and revealed, as last seen

        self.placeholder = plain_label("Open a workshop to vote on its notes and themes.")
        self.placeholder.setWordWrap(True)
        self.room_button = QPushButton("Show this vote in the room")
        self.room_button.setObjectName("room-vote")
        self.room_button.setCheckable(True)
        self.room_button.setToolTip("The room shows who has voted (no counts), then the results once revealed")
        self.room_button.clicked.connect(self._on_room_button)
        self.body = QVBoxLayout()
        self.body.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.room_button)
        self.hub.votes_changed.connect(self._on_votes_changed)
        self.hub.current_exercise_changed.connect(self._on_exercise_changed)
        self._update_room_button()

    # -- the open workshop --------------------------------------------------------------
    def set_workshop(self, workshop_id: str | None) -> None:
        if self.panel is not None:
            self.body.removeWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
        self.unstage()
        self.workshop_id = workshop_id
        self.placeholder.setVisible(workshop_id is None)
        if workshop_id is not None:
            current = next((e.id for e in self.store.exercises(workshop_id) if e.state == "current"), None)
            self.panel = VotingPanel(self.ops, workshop_id, undo_stack=self.context.undo_stack,
                                     exercise_id=current)
            self.panel.ballot_requested.connect(self.collect_ballots)
            self.panel.tally_requested.connect(self.count_dots)
            self.panel.round_selected.connect(self._update_room_button)
            self.body.addWidget(self.panel)
            self._known = {r.id: (r.state, r.revealed) for r in self.store.vote_rounds(workshop_id)}
        self._update_room_button()

    def focus_order(self) -> list[QWidget]:
        return (self.panel.focus_order() if self.panel is not None else []) + [self.room_button]

    # -- the laptop's screens -------------------------------------------------------------
    def collect_ballots(self, round_id: int) -> None:
        """Pass the laptop round: the ballot fills the window, and the room shows the progress."""
        screen = BallotScreen(self.ops, round_id)
        screen.setObjectName("ballot-screen")
        screen.finished.connect(self._back_to_board)
        screen.closed.connect(self._back_to_board)
        self.context.show_screen(screen)
        screen.hand_over.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.stage(round_id)

    def count_dots(self, round_id: int) -> None:
        screen = TallyScreen(self.ops, round_id, undo_stack=self.context.undo_stack)
        screen.setObjectName("tally-screen")
        screen.done.connect(self._back_to_board)
        self.context.show_screen(screen)
        self.stage(round_id)

    def _back_to_board(self) -> None:
        self.context.close_screen()

    # -- the room --------------------------------------------------------------------------
    def stage(self, round_id: int) -> None:
        """The room shows this vote: progress until the reveal, then the results."""
        self.context.set_room_stage(RoomVotingView(self.ops, round_id))
        self.staged_round = round_id
        self._update_room_button()

    def unstage(self) -> None:
        """The room shows the notes again."""
        if self.staged_round is not None:
            self.staged_round = None
            self.context.set_room_stage(None)
        self._update_room_button()

    def _on_room_button(self, checked: bool) -> None:
        round_ = self.panel.current_round() if self.panel is not None else None
        if checked and round_ is not None:
            self.stage(round_.id)
        else:
            self.unstage()

    def _update_room_button(self, *_args) -> None:
        round_ = self.panel.current_round() if self.panel is not None else None
        shown = round_ is not None and round_.id == self.staged_round
        self.room_button.setEnabled(round_ is not None)
        self.room_button.setChecked(shown)
        self.room_button.setText("The room shows this vote (click for the notes)" if shown
                                 else "Show this vote in the room")

    def _on_votes_changed(self, workshop_id: str) -> None:
        """Follow the facilitator's steps, undo and redo included: a reveal puts the results
        up in the room; closing a vote brings the notes back."""
        if workshop_id != self.workshop_id:
            return
        for round_ in self.store.vote_rounds(workshop_id):
            before, now = self._known.get(round_.id), (round_.state, round_.revealed)
            self._known[round_.id] = now
            if before is None or before == now:
                continue
            if round_.revealed and not before[1]:
                self.stage(round_.id)
            elif round_.state != "open" and before[0] == "open" and self.staged_round == round_.id:
                self.unstage()
        self._update_room_button()

    def _on_exercise_changed(self, workshop_id: str, exercise_id) -> None:
        if self.panel is not None and workshop_id == self.workshop_id:
            self.panel.exercise_id = exercise_id  # a new vote covers the exercise on now, unless changed


def create_panel(context: PanelContext) -> tuple[str, QWidget]:
    """The run view's "Votes" tab (found by the main window)."""
    return "Votes", VotingDock(context)
