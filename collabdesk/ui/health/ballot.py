"""The private health-check ballot: the laptop goes round, each person rates every domain.

The hand-over and end pages are the voting ballot's own (``voting.ballot``): whose turn
it is and nothing else. The rating page starts every voter blank, with no point chosen
and no comment, so nobody sees what the last person gave. Each domain is a row of five
buttons labelled with what each point means for that domain, and an optional one-line
comment. Keys: Up and Down move between domains, 1 to 5 choose a point, Enter confirms.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy,
    QStackedWidget, QVBoxLayout, QWidget,
)

from ...domain import health, text
from ...domain.errors import CollabDeskError
from ...domain.model import Domain
from ..operations import Operations
from ..voting.ballot import FinishedPage, HandOverPage, big_button
from ..common.plain import plain_label, plain_tooltip

POINT_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5}


class PointLabel(QLabel):
    """What a point means for a domain, wrapped under its button; clicking it chooses the point."""

    def __init__(self, text: str, button: QPushButton):
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button = button

    def mousePressEvent(self, event) -> None:
        self.button.click()


class DomainRating(QFrame):
    """One domain: its name, five labelled points to choose from, and a comment line."""

    def __init__(self, domain: Domain, parent: QWidget | None = None):
        super().__init__(parent)
        self.domain = domain
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"DomainRating {{ border-left: 6px solid {domain.colour}; }}")
        self.name_label = plain_label(domain.name, point_size=15, bold=True)
        self.points = QButtonGroup(self)
        self.points.setExclusive(True)
        row = QGridLayout()
        row.setHorizontalSpacing(6)
        for point, label in zip(health.SCALE, health.labels_of(domain)):
            button = QPushButton(str(point))
            button.setCheckable(True)
            button.setToolTip(plain_tooltip(f"{point}: {label}"))
            button.setAccessibleName(f"{domain.name} {point}: {label}")
            button.setMinimumHeight(34)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setStyleSheet("QPushButton { font-weight: bold; } QPushButton:checked {"
                                 f" background: {health.SCALE_COLOURS[point - 1]};"
                                 f" color: {health.SCALE_INK[point - 1]}; }}")
            words = PointLabel(label, button)
            self.points.addButton(button, point)
            row.addWidget(button, 0, point - 1)
            row.addWidget(words, 1, point - 1, Qt.AlignmentFlag.AlignTop)
            row.setColumnStretch(point - 1, 1)
        self.comment = QLineEdit()
        self.comment.setMaxLength(text.LIMITS["short"])
        self.comment.setPlaceholderText("A comment, if you like (one line)")
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addLayout(row)
        layout.addWidget(self.comment)

    def clear(self) -> None:
        self.points.setExclusive(False)
        for button in self.points.buttons():
            button.setChecked(False)
        self.points.setExclusive(True)
        self.comment.clear()

    def choose(self, point: int) -> None:
        self.points.button(point).setChecked(True)

    @property
    def score(self) -> int | None:
        chosen = self.points.checkedId()
        return chosen if chosen > 0 else None


class RatingPage(QWidget):
    confirm_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[DomainRating] = []
        self.current = 0
        self.name_label = plain_label("", point_size=24, bold=True)
        self.rules_label = plain_label("", point_size=11)
        self.rules_label.setWordWrap(True)
        self.message_label = plain_label("", point_size=12)
        self.message_label.setStyleSheet("color: #B3261E")
        self.message_label.setWordWrap(True)
        self.host = QWidget()
        self.list = QVBoxLayout(self.host)
        self.list.setSpacing(10)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.host)
        self.back_button = QPushButton("Back (nothing saved)")
        self.confirm_button = big_button("Confirm my ratings", primary=True)
        self.back_button.clicked.connect(self.back_requested)
        self.confirm_button.clicked.connect(self.confirm_requested)
        footer = QHBoxLayout()
        footer.addWidget(self.back_button)
        footer.addStretch(1)
        footer.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(footer)

    def start(self, title: str, name: str, domains: list[Domain]) -> None:
        """A blank page for one voter: no point chosen anywhere, no comment."""
        if [r.domain for r in self.rows] != domains:
            for row in self.rows:
                self.list.removeWidget(row)
                row.deleteLater()
            self.rows = [DomainRating(d) for d in domains]
            for row in self.rows:
                self.list.addWidget(row)
            self.list.addStretch(1)
        for row in self.rows:
            row.clear()
        self.name_label.setText(f"{name}, how strong is the partnership?")
        self.rules_label.setText(f"{title}  ·  rate each domain from 1 (weakest) to 5 (strongest); skip any you "
                                 "cannot judge. Nobody sees your ratings until the facilitator reveals them all.")
        self.message_label.clear()
        self.current = 0
        if self.rows:
            self.rows[0].points.button(1).setFocus(Qt.FocusReason.OtherFocusReason)

    def scores(self) -> dict[str, int]:
        return {row.domain.key: row.score for row in self.rows if row.score is not None}

    def comments(self) -> dict[str, str]:
        return {row.domain.key: row.comment.text() for row in self.rows if row.comment.text().strip()}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        focused = next((i for i, r in enumerate(self.rows) if r.isAncestorOf(self.focusWidget())), self.current)
        self.current = focused
        if key in POINT_KEYS and self.rows and not isinstance(self.focusWidget(), QLineEdit):
            self.rows[self.current].choose(POINT_KEYS[key])
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.rows:
            self.current = max(0, min(len(self.rows) - 1, self.current + (1 if key == Qt.Key.Key_Down else -1)))
            row = self.rows[self.current]
            (row.points.checkedButton() or row.points.button(1)).setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll.ensureWidgetVisible(row)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_requested.emit()
        else:
            super().keyPressEvent(event)


class HealthBallotScreen(QStackedWidget):
    """Passing the laptop round for one health check; each ballot is saved before the hand-over."""

    finished = Signal()
    closed = Signal()

    def __init__(self, ops: Operations, round_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.round_id = round_id
        self.voter_id: int | None = None
        self.hand_over = HandOverPage()
        self.hand_over.start_button.setText("Start")
        self.rating_page = RatingPage()
        self.finished_page = FinishedPage()
        for page in (self.hand_over, self.rating_page, self.finished_page):
            self.addWidget(page)
        self.hand_over.start_button.clicked.connect(self._on_start)
        self.hand_over.skip_button.clicked.connect(self._on_skip)
        self.hand_over.stop_button.clicked.connect(self.closed)
        self.rating_page.confirm_requested.connect(self._on_confirm)
        self.rating_page.back_requested.connect(self.refresh)
        self.finished_page.done_button.clicked.connect(self.finished)
        self.refresh()

    def refresh(self) -> None:
        check = self.ops.health_check(self.round_id)
        self.voter_id = self.ops.health_session(self.round_id).current
        if check.state != "open":
            self._finish("This health check is closed", "The facilitator can reopen it to take more ratings.")
        elif self.voter_id is None:
            self._finish("Everyone has rated", "Please hand the laptop back to the facilitator.")
        else:
            self.hand_over.show_voter(self.ops.store.participant(self.voter_id).name)
            self.hand_over.start_button.setText(self.hand_over.start_button.text().replace("vote", "ratings"))
            self.setCurrentWidget(self.hand_over)
            self.hand_over.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _finish(self, title: str, detail: str) -> None:
        self.finished_page.title_label.setText(title)
        self.finished_page.detail_label.setText(detail)
        self.setCurrentWidget(self.finished_page)

    def _on_start(self) -> None:
        check = self.ops.health_check(self.round_id)
        framework = self.ops.health_framework(check.workshop_id)
        domains = [framework.domain(key) for key in check.domain_keys]
        self.rating_page.start(check.title, self.ops.store.participant(self.voter_id).name, domains)
        self.setCurrentWidget(self.rating_page)

    def _on_confirm(self) -> None:
        try:
            self.ops.cast_health_ballot(self.round_id, self.voter_id, self.rating_page.scores(),
                                        self.rating_page.comments())
        except CollabDeskError as error:
            self.rating_page.message_label.setText(str(error))
            return
        self.refresh()

    def _on_skip(self) -> None:
        try:
            self.ops.skip_health_voter(self.round_id, self.voter_id)
        except CollabDeskError:
            pass  # the check changed meanwhile; the refresh shows where it stands
        self.refresh()
