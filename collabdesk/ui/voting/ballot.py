"""The private ballot: the laptop goes round, and each voter sees only their own dots.

Three pages, one at a time. The hand-over page names who gets the laptop next and shows
nothing else: no counts, no cards, nothing the last voter did. The voting page starts
every voter from nothing (all dots left, no dots on any card). When everyone has voted,
the last page asks for the laptop to go back to the facilitator.

Phones may vote in the same round. The laptop goes only to those still to vote: a
ballot from a phone moves the hand-over on to the next voter, and a voter who voted
from their phone cannot confirm a second ballot on the laptop (the facilitator reopens
their ballot if they want to vote again). Skipping a voter here still lets them vote
from their phone.

Keyboard on the voting page: arrows move between cards, + / = / Space place a dot,
− / Backspace / Delete take one off, Enter confirms.
"""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
)

from ...domain import voting as rules
from ...domain.errors import CollabDeskError
from ...domain.voting import Item
from ..common.inks import tint
from ..operations import Operations
from ..common.plain import plain_label
from .cards import DotMeter, ItemCard
from .listening import follow_hub

ADD_KEYS = {Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Space}
REMOVE_KEYS = {Qt.Key.Key_Minus, Qt.Key.Key_Backspace, Qt.Key.Key_Delete}
CONFIRM_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
CARD_WIDTH = 250


def big_button(label: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(label)
    button.setMinimumHeight(48)
    font = button.font()
    font.setPointSize(14)
    button.setFont(font)
    if primary:
        button.setDefault(True)
        button.setStyleSheet("QPushButton { background: #1A5FB4; color: white; padding: 6px 22px;"
                             " border-radius: 6px; } QPushButton:disabled { background: #9DB4D3; }")
    return button


class HandOverPage(QWidget):
    """A neutral screen between voters: whose turn it is, and nothing else."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.prompt_label = plain_label("Pass the laptop to", point_size=20)
        self.name_label = plain_label("", point_size=40, bold=True)
        self.name_label.setWordWrap(True)
        self.start_button = big_button("Start my vote", primary=True)
        self.skip_button = QPushButton("Skip this voter")
        self.skip_button.setToolTip("They can still vote from their phone")
        self.stop_button = QPushButton("Stop: back to the facilitator")
        for label in (self.prompt_label, self.name_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.name_label)
        layout.addSpacing(24)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        layout.addLayout(buttons)

    def show_voter(self, name: str) -> None:
        self.name_label.setText(name)
        shown = name.replace("&", "&&")  # a button would take "&" as a shortcut marker
        self.start_button.setText(f"I am {shown}: start my vote" if len(name) <= 40 else "Start my vote")
        self.skip_button.setText(f"Skip {shown}" if len(name) <= 40 else "Skip this voter")


class VotingPage(QWidget):
    """One voter's private screen: the cards, their own dots on them, and the dots left."""

    confirm_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.round_ = None
        self.allocation: dict[Item, int] = {}
        self.cards: list[ItemCard] = []
        self.current_index = 0
        self._columns = 1

        self.name_label = plain_label("", point_size=24, bold=True)
        self.rules_label = plain_label("", point_size=11)
        self.left_label = plain_label("", point_size=18, bold=True)
        self.left_meter = DotMeter(26)
        self.message_label = plain_label("", point_size=12)
        tint(self.message_label, "error")
        self.message_label.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(12)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid_host)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.viewport().installEventFilter(self)  # re-flow the cards when the width changes
        self.empty_label = plain_label("There is nothing to vote on yet.", point_size=14)
        self.back_button = QPushButton("Back (nothing saved)")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button = QPushButton("Take all my dots off")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button = big_button("Confirm my dots", primary=True)
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back_requested)
        self.clear_button.clicked.connect(self._on_clear)
        self.confirm_button.clicked.connect(self.confirm_requested)

        header = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.name_label)
        names.addWidget(self.rules_label)
        header.addLayout(names, 1)
        dots = QVBoxLayout()
        dots.addWidget(self.left_label, 0, Qt.AlignmentFlag.AlignRight)
        dots.addWidget(self.left_meter, 0, Qt.AlignmentFlag.AlignRight)
        header.addLayout(dots)
        footer = QHBoxLayout()
        footer.addWidget(self.back_button)
        footer.addWidget(self.clear_button)
        footer.addStretch(1)
        footer.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.message_label)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(footer)

    # -- filling the page ------------------------------------------------------------------
    def start(self, round_, name: str, items) -> None:
        """A fresh page for one voter: no dots on any card, all their dots left."""
        self.round_ = round_
        self.allocation = {}
        self.name_label.setText(f"{name}, place your dots")
        cap = ("no more than one dot on a card" if round_.max_per_item == 1
               else f"at most {round_.max_per_item} on one card" if round_.max_per_item
               else "as many as you like on one card")
        self.rules_label.setText(f"{round_.title}  ·  {round_.dots_per_voter} dots, {cap}")
        if [c.item for c in self.cards] != list(items):
            self._build_cards(items)
        self.current_index = 0
        self.message_label.clear()
        self._show_state()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_cards(self, items) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for item in items:
            card = ItemCard(item)
            card.add_requested.connect(self.add_dot)
            card.remove_requested.connect(self.remove_dot)
            self.cards.append(card)
        self._columns = 0
        self._lay_out_cards()
        self.empty_label.setVisible(not self.cards)
        self.scroll.setVisible(bool(self.cards))

    def _lay_out_cards(self) -> None:
        columns = max(1, (self.scroll.viewport().width() - 12) // (CARD_WIDTH + 12))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)
        self.grid.setRowStretch(self.grid.rowCount(), 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._lay_out_cards()
        return super().eventFilter(watched, event)

    def _show_state(self) -> None:
        left = rules.dots_left(self.round_, self.allocation)
        placed = self.round_.dots_per_voter - left
        self.left_label.setText(f"{left} of {self.round_.dots_per_voter} dots left")
        self.left_meter.set_dots(left, placed)
        for index, card in enumerate(self.cards):
            card.set_dots(self.allocation.get(card.item.key, 0))
            card.add_button.setEnabled(not rules.why_no_more_dots(self.round_, self.allocation, card.item.key))
            card.set_current(index == self.current_index)
        self.confirm_button.setText("Confirm my dots" if left == 0 else
                                    f"Confirm ({left} dot{'s' if left != 1 else ''} not placed)")
        self.clear_button.setEnabled(bool(self.allocation))

    # -- what the voter does -----------------------------------------------------------------
    def add_dot(self, key: Item) -> bool:
        reason = rules.why_no_more_dots(self.round_, self.allocation, key)
        self._select(key)
        if reason:
            self.message_label.setText(reason)
            self._show_state()
            return False
        self.allocation = rules.with_one_more(self.allocation, key, 1)
        self.message_label.clear()
        self._show_state()
        return True

    def remove_dot(self, key: Item) -> bool:
        self._select(key)
        had = self.allocation.get(key, 0)
        self.allocation = rules.with_one_more(self.allocation, key, -1)
        self.message_label.clear()
        self._show_state()
        return had > 0

    def _on_clear(self) -> None:
        self.allocation = {}
        self.message_label.clear()
        self._show_state()

    def _select(self, key: Item) -> None:
        self.current_index = next((i for i, c in enumerate(self.cards) if c.item.key == key), self.current_index)

    def move(self, step: int) -> None:
        if not self.cards:
            return
        self.current_index = max(0, min(len(self.cards) - 1, self.current_index + step))
        self._show_state()
        self.scroll.ensureWidgetVisible(self.cards[self.current_index])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.cards[self.current_index].item.key if self.cards else None
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -self._columns,
                 Qt.Key.Key_Down: self._columns}
        if key in moves:
            self.move(moves[key])
        elif key in ADD_KEYS and current is not None:
            self.add_dot(current)
        elif key in REMOVE_KEYS and current is not None:
            self.remove_dot(current)
        elif key in CONFIRM_KEYS:
            self.confirm_requested.emit()
        else:
            super().keyPressEvent(event)


class FinishedPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_label = plain_label("Everyone has voted", point_size=32, bold=True)
        self.detail_label = plain_label("Please hand the laptop back to the facilitator.", point_size=16)
        self.done_button = big_button("Back to the facilitator", primary=True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for label in (self.title_label, self.detail_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addSpacing(24)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)


class BallotScreen(QStackedWidget):
    """Passing the laptop round for one ballot-mode round.

    Each confirmed ballot is saved (committed) before the hand-over page appears.
    """

    ballot_confirmed = Signal(int)  # voter id
    voter_skipped = Signal(int)
    finished = Signal()  # everyone has voted or been skipped, and the laptop is back
    closed = Signal()  # the facilitator stopped the pass-round part-way
    changed = Signal(int)  # round id, after any saved change

    def __init__(self, ops: Operations, round_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self.round_id = round_id
        self.voter_id: int | None = None
        self._saving = False  # this screen's own change is being announced
        self.hand_over = HandOverPage()
        self.voting_page = VotingPage()
        self.finished_page = FinishedPage()
        for page in (self.hand_over, self.voting_page, self.finished_page):
            self.addWidget(page)
        self.hand_over.start_button.clicked.connect(self._on_start)
        self.hand_over.skip_button.clicked.connect(self._on_skip)
        self.hand_over.stop_button.clicked.connect(self.closed)
        self.voting_page.confirm_requested.connect(self._on_confirm)
        self.voting_page.back_requested.connect(self.refresh)
        self.finished_page.done_button.clicked.connect(self.finished)
        follow_hub(ops.hub, self, self._on_votes_changed, self.store.vote_round(round_id).workshop_id)
        self.refresh()

    def refresh(self) -> None:
        """Show the hand-over to whoever votes next (or the end), forgetting any unconfirmed dots."""
        round_ = self.store.vote_round(self.round_id)
        session = self.ops.ballot_session(self.round_id)
        self.voter_id = session.current
        if round_.state != "open":
            self.finished_page.title_label.setText("This vote is closed")
            self.finished_page.detail_label.setText("The facilitator can reopen it to take more votes.")
            self.setCurrentWidget(self.finished_page)
        elif self.voter_id is None:
            self.finished_page.title_label.setText("Everyone has voted")
            self.finished_page.detail_label.setText("Please hand the laptop back to the facilitator.")
            self.setCurrentWidget(self.finished_page)
        else:
            self.hand_over.show_voter(self.store.participant(self.voter_id).name)
            self.setCurrentWidget(self.hand_over)
        self.voting_page.allocation = {}

    def _on_votes_changed(self) -> None:
        """A ballot came from a phone (or the facilitator changed the round): the hand-over goes
        to whoever is still to vote; a voter at the laptop who has just voted from a phone is told
        so, and cannot confirm a second ballot."""
        if self._saving:
            return
        if self.currentWidget() is not self.voting_page:
            self.refresh()
            return
        round_ = self.store.vote_round(self.round_id)
        if round_.state != "open" or self.ops.ballot_session(self.round_id).status_of(self.voter_id) != "pending":
            name = self.store.participant(self.voter_id).name
            self.voting_page.message_label.setText(
                "This vote is closed: nothing more can be confirmed." if round_.state != "open" else
                f"{name} has voted from a phone, so the laptop cannot take a second ballot. Go back to pass the "
                "laptop on (the facilitator can let them vote again).")
            self.voting_page.confirm_button.setEnabled(False)

    def reopen(self, voter_id: int) -> None:
        """The facilitator lets a voter vote again: their dots are cleared and they vote next."""
        self.ops.reopen_ballot(self.round_id, voter_id)
        self._announce()
        self.refresh()

    def _on_start(self) -> None:
        round_ = self.store.vote_round(self.round_id)
        items = self.ops.vote_items(self.round_id)
        self.voting_page.start(round_, self.store.participant(self.voter_id).name, items)
        self.voting_page.confirm_button.setEnabled(True)
        self.setCurrentWidget(self.voting_page)
        self.voting_page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_confirm(self) -> None:
        voter_id = self.voter_id
        self._saving = True
        try:
            self.ops.cast_ballot(self.round_id, voter_id, self.voting_page.allocation)
        except CollabDeskError as error:
            self.voting_page.message_label.setText(str(error))
            return
        finally:
            self._saving = False
        self.ballot_confirmed.emit(voter_id)
        self._announce()
        self.refresh()

    def _on_skip(self) -> None:
        voter_id = self.voter_id
        try:
            self.ops.skip_voter(self.round_id, voter_id)
        except CollabDeskError:
            pass  # someone changed the round meanwhile; the refresh below shows where it stands
        else:
            self.voter_skipped.emit(voter_id)
            self._announce()
        self.refresh()

    def _announce(self) -> None:
        self.changed.emit(self.round_id)
