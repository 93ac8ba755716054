"""Ranked results with dot bars, for the facilitator's panel and, in large type, the room.

No count is read from the store until the round is revealed: before that the views
show only that results are hidden (and the room shows who is still to vote).
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QStackedWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
    QTableView, QVBoxLayout, QWidget,
)

from ...domain import voting as rules
from ...domain.voting import ResultLine, rank_label
from ..common.style import ROOM_BACKGROUND, ROOM_INK, ROOM_MUTED
from ..common.plain import plain_label, plain_tooltip
from ..common.rows_model import RowsTableModel
from ..operations import Operations
from .cards import DOT_INK, card_text
from .listening import follow_hub

RANK_COLUMN, ITEM_COLUMN, DOTS_COLUMN, VOTERS_COLUMN = range(4)
HEADERS = ("Rank", "Note or theme", "Dots", "Who")
LineRole = Qt.ItemDataRole.UserRole + 1  # the ResultLine of a row
ShareRole = Qt.ItemDataRole.UserRole + 2  # dots as a share of the top result, 0..1
ROOM_LIMIT = rules.ROOM_PLACES  # places the room sees; ties with the last place are shown too
ROOM_MAX_ROW, ROOM_MIN_ROW = 96, 44  # a result row on the projector, in pixels
ROOM_TYPE_PER_ROW = 0.35  # point size of the projector's type for each pixel of row height
DOTS_MIN_WIDTH = 64  # the dots' count and a bar beside it, in a narrow side panel
HIDDEN_TEXT = "Results stay hidden until the facilitator reveals them."


def rank_text(line: ResultLine) -> str:
    return rank_label(line.rank, line.shared)


def _one_line(value: str) -> str:
    return " ".join(card_text(value, 400).split())


def _voters_text(line: ResultLine) -> str:
    return ", ".join(f"{name} {dots}" for name, dots in line.voters)


class ResultsModel(RowsTableModel):
    """Rows of ranked results; an empty model until lines are given."""

    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[ResultLine] = []
        self._top = 1
        self.rank_font: QFont | None = None  # the rank column's (bold) font, once the view sets it

    def set_lines(self, lines: list[ResultLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self._top = max((line.dots for line in self.lines), default=1) or 1
        self.endResetModel()

    def rows(self) -> list[ResultLine]:
        return self.lines

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RANK_COLUMN:
                return rank_text(line)
            if column == ITEM_COLUMN:
                return _one_line(line.text)
            if column == DOTS_COLUMN:
                return str(line.dots)
            if column == VOTERS_COLUMN:
                return _voters_text(line)
        elif role == Qt.ItemDataRole.ToolTipRole and column == VOTERS_COLUMN and line.voters:
            return plain_tooltip(_voters_text(line))  # when cut short
        elif role == Qt.ItemDataRole.ToolTipRole and column == RANK_COLUMN and line.shared:
            return f"Tied for place {line.rank}"
        elif role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and column == ITEM_COLUMN:
            return plain_tooltip(line.text) if role == Qt.ItemDataRole.ToolTipRole else line.text  # when cut short
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (RANK_COLUMN, DOTS_COLUMN):
            return int(Qt.AlignmentFlag.AlignCenter)
        elif role == Qt.ItemDataRole.FontRole and column == RANK_COLUMN:
            return self.rank_font
        elif role == LineRole:
            return line
        elif role == ShareRole:
            return line.dots / self._top
        return None


class DotBarDelegate(QStyledItemDelegate):
    """Paints the dots column as a bar as long as the dots' share of the top result."""

    def __init__(self, *, ink: str, parent=None):
        super().__init__(parent)
        self.ink = QColor(ink)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        if style is not None:  # selection and background, without the text
            option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        share = float(index.data(ShareRole) or 0)
        rect = QRectF(option.rect).adjusted(6, option.rect.height() * 0.22, -6, -option.rect.height() * 0.22)
        metrics = option.fontMetrics
        label = index.data(Qt.ItemDataRole.DisplayRole)
        label_width = metrics.horizontalAdvance("0000") + 8
        bar = QRectF(rect.left(), rect.top(), max(4.0, (rect.width() - label_width) * share), rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(DOT_INK))
        painter.drawRoundedRect(bar, rect.height() / 2, rect.height() / 2)
        painter.setPen(self.ink)
        painter.setFont(option.font)
        painter.drawText(QRectF(bar.right() + 8, rect.top(), label_width, rect.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), label)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 160), hint.height())


class ResultsView(QWidget):
    """A round's ranked results, or the notice that they are hidden until revealed.

    ``large`` is the projector's variant: light on dark, big type, the top places only.
    """

    def __init__(self, ops: Operations, round_id: int | None = None, *, large: bool = False,
                 limit: int | None = None, follow: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self.round_id = round_id
        self.large = large
        self.limit = limit if limit is not None else (ROOM_LIMIT if large else None)
        self.model = ResultsModel(self)
        self.title_label = plain_label("", point_size=40 if large else 13, bold=True)
        self.title_label.setWordWrap(True)
        self.hidden_label = plain_label(HIDDEN_TEXT, point_size=30 if large else 11)
        self.hidden_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setAccessibleName("Results")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(DOTS_COLUMN, DotBarDelegate(ink=ROOM_INK if large else "#1D1D1F",
                                                                        parent=self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ITEM_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VOTERS_COLUMN, QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hidden_label)
        layout.addWidget(self.table, 1)
        self._style(large)
        if follow:  # False when the widget holding this view refreshes it
            follow_hub(ops.hub, self, self.refresh)
        self.refresh()

    def _style(self, large: bool) -> None:
        header = self.table.horizontalHeader()
        if not large:
            self.table.verticalHeader().setDefaultSectionSize(30)
            return
        header.hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            f"ResultsView {{ background: {ROOM_BACKGROUND}; }}"
            f"QLabel {{ color: {ROOM_INK}; }}"
            f"QTableView {{ background: {ROOM_BACKGROUND}; color: {ROOM_INK}; border: none; }}")
        self.hidden_label.setStyleSheet(f"color: {ROOM_MUTED}")
        self.layout().setContentsMargins(48, 36, 48, 36)

    def show_round(self, round_id: int | None) -> None:
        self.round_id = round_id
        self.refresh()

    def refresh(self) -> None:
        """Reread the round: results if revealed, otherwise nothing but the notice."""
        round_ = self.store.vote_round(self.round_id) if self.round_id is not None else None
        revealed = bool(round_ and round_.revealed)
        lines = self.ops.vote_results(self.round_id) if revealed else []
        if self.limit:
            lines = rules.top(lines, self.limit)
        self.model.set_lines(lines)
        self.title_label.setText(round_.title if round_ else "")
        self.hidden_label.setText(HIDDEN_TEXT if round_ and not revealed else
                                  "No dots were placed." if round_ and not lines else "")
        self.hidden_label.setVisible(bool(self.hidden_label.text()))
        self.table.setVisible(bool(lines))
        # Who placed which dots (a named vote) stays on the laptop: on the projector the
        # column could only be a sliver beside the note's text.
        self.table.setColumnHidden(VOTERS_COLUMN, not round_ or round_.anonymous or self.large)
        self._fit_rows()

    def _fit_columns(self) -> None:
        """On the laptop (a side panel a few hundred pixels wide), the notes' words get the room: the
        rank as wide as it reads, the dots' bar a fifth, who voted at most a fifth (all of it in the
        tooltip), and the words the rest."""
        width = self.table.viewport().width()
        header = self.table.horizontalHeader()
        header.resizeSection(RANK_COLUMN, max(32, self.table.sizeHintForColumn(RANK_COLUMN)))
        header.resizeSection(DOTS_COLUMN, max(DOTS_MIN_WIDTH, min(120, width // 5)))
        if not self.table.isColumnHidden(VOTERS_COLUMN):
            header.resizeSection(VOTERS_COLUMN, min(self.table.sizeHintForColumn(VOTERS_COLUMN), width // 5))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """On the projector, size the type so every place shown fits the screen without scrolling."""
        if not self.large:
            self._fit_columns()
            return
        available = self.table.viewport().height() if self.table.isVisible() else self.height() - 160
        row = max(ROOM_MIN_ROW, min(ROOM_MAX_ROW, available // max(1, self.model.rowCount())))
        width = self.table.viewport().width()  # the notes' words get the most of a narrower projector
        header = self.table.horizontalHeader()
        header.resizeSection(RANK_COLUMN, max(72, min(120, width // 12)))
        header.resizeSection(DOTS_COLUMN, max(200, min(460, width // 4)))
        font = QFont(self.font())
        font.setPointSizeF(row * ROOM_TYPE_PER_ROW)
        self.table.setFont(font)
        self.model.rank_font = QFont(font)
        self.model.rank_font.setBold(True)
        self.table.verticalHeader().setDefaultSectionSize(row)


class RoomResultsView(ResultsView):
    """The projector's results: large type, the top places (and their ties)."""

    def __init__(self, ops: Operations, round_id: int | None = None, *, limit: int = ROOM_LIMIT,
                 follow: bool = True, parent: QWidget | None = None):
        super().__init__(ops, round_id, large=True, limit=limit, follow=follow, parent=parent)


class RoomVotingProgress(QWidget):
    """What the room sees while votes are collected: how many have voted and who is left.

    It never shows a count of dots, for any note, before or after the reveal.
    """

    def __init__(self, ops: Operations, round_id: int, *, follow: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self.round_id = round_id
        self.title_label = plain_label("", point_size=30, bold=True)
        self.status_label = plain_label("", point_size=48, bold=True)
        self.waiting_label = plain_label("", point_size=26)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.addWidget(self.title_label)
        layout.addStretch(1)
        for label in (self.title_label, self.status_label, self.waiting_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.status_label)
        layout.addSpacing(24)
        layout.addWidget(self.waiting_label)
        layout.addStretch(2)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"RoomVotingProgress {{ background: {ROOM_BACKGROUND}; }}"
                           f"QLabel {{ color: {ROOM_INK}; }}")
        self.waiting_label.setStyleSheet(f"color: {ROOM_MUTED}")
        if follow:
            follow_hub(ops.hub, self, self.refresh, self.store.vote_round(round_id).workshop_id)
        self.refresh()

    def refresh(self) -> None:
        round_ = self.store.vote_round(self.round_id)
        self.title_label.setText(round_.title)
        if round_.mode == "tally":
            self.status_label.setText("Counting the dots")
            self.waiting_label.setText("")
            return
        voted, total, waiting = self.ops.vote_progress(self.round_id)
        if round_.state != "open":
            self.status_label.setText(f"Voting closed: {voted} of {total} voted")
        elif waiting:
            self.status_label.setText(f"Voting in progress — {voted} of {total} voted")
        else:
            self.status_label.setText(f"Everyone has voted ({voted} of {total})")
        self.waiting_label.setText("Still to vote: " + ", ".join(waiting) if waiting else "")


class RoomVotingView(QStackedWidget):
    """The room's voting screen: progress until the reveal, then the large results."""

    def __init__(self, ops: Operations, round_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = ops.store
        self.round_id = round_id
        self.progress_view = RoomVotingProgress(ops, round_id, follow=False)
        self.results_view = RoomResultsView(ops, round_id, follow=False)
        self.addWidget(self.progress_view)
        self.addWidget(self.results_view)
        follow_hub(ops.hub, self, self.refresh, self.store.vote_round(round_id).workshop_id)
        self.refresh()

    def refresh(self) -> None:
        revealed = self.store.vote_round(self.round_id).revealed
        (self.results_view if revealed else self.progress_view).refresh()
        self.setCurrentWidget(self.results_view if revealed else self.progress_view)
