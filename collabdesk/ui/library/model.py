"""The library's table: workshop summaries loaded a page at a time, then filtered and sorted.

``LibraryModel`` holds summary rows in the store's library order (undated drafts, then
newest first) and asks for the next page only when the view scrolls near the end. The
proxy, ``LibraryFilter``, sorts and filters. Its natural order (date, newest first) is
the store's own, kept without comparing rows, so pages arriving later fall in place
below; any other sort, or any filter, needs every row and loads the rest in one query
first (a few milliseconds for thousands of workshops).
"""

from collections.abc import Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from ...domain.dates import short_date
from ...domain.model import WorkshopSummary
from ..common.plain import plain_tooltip
from ..operations import Store

TITLE, DATE, LOCATION, FACILITATOR, STATUS, NOTES, VOTES, ACTIONS, FRAMEWORK, TRASHED, OWNER = range(11)
HEADERS = ("Title", "Date", "Location", "Facilitator", "Status", "Notes", "Dots", "Actions", "Framework",
           "Moved to trash", "Whose")
OWN, TEAM = "Yours", "Team"  # the Whose column: the facilitator's own, or read only from the team folder
COUNT_COLUMNS = (NOTES, VOTES, ACTIONS)
FIELDS = {LOCATION: "location", FACILITATOR: "facilitator", NOTES: "notes", VOTES: "votes", ACTIONS: "actions"}
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's WorkshopSummary
ROLES_SHOWN = frozenset({Qt.ItemDataRole.DisplayRole, SUMMARY_ROLE, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                         Qt.ItemDataRole.DecorationRole})
PAGE_SIZE = 200
FIRST_PAGE = 50  # two screenfuls of rows on a laptop; a taller view asks for the next page itself
STATUS_LABELS = {"draft": "Draft", "running": "Running", "closed": "Closed"}
STATUS_COLOURS = {"draft": "#8A8F98", "running": "#2E8B57", "closed": "#3E6FB0"}
MUTED = QColor("#7A7F87")
UNDATED = "Not scheduled"

Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Summary rows of live (or, with ``trashed``, trashed) workshops, fetched in pages."""

    def __init__(self, store: Store, *, trashed: bool = False, framework_names: Mapping[str, str] | None = None,
                 page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        self._store = store
        self._trashed = trashed
        self._page_size = page_size
        self._framework_names = dict(framework_names or {})
        self._rows: list[WorkshopSummary] = []
        self._complete = False
        self.fetchMore(QModelIndex())

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in COUNT_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in ROLES_SHOWN:  # most of what a view asks for each cell (fonts, check states): at once
            return None
        if not index.isValid() or index.row() >= len(self._rows) or not 0 <= index.column() < len(HEADERS):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == SUMMARY_ROLE:
            return summary
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return plain_tooltip(summary.title)
        if role == Qt.ItemDataRole.ToolTipRole and column == OWNER and summary.team:
            return "From the team folder: read only here. Copy it to your library to change it."
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == DATE and not summary.date:
            return MUTED
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return QColor(STATUS_COLOURS.get(summary.status, "#8A8F98"))
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        size = self._page_size if self._rows else min(self._page_size, FIRST_PAGE)  # the first: what shows
        self._append(self._store.summaries(trashed=self._trashed, offset=len(self._rows), limit=size),
                     complete_below=size)

    # -- for the library ------------------------------------------------------------------
    def fetch_all(self) -> None:
        """Load every remaining row in one query (sorting or filtering needs them all)."""
        if not self._complete:
            self._append(self._store.summaries(trashed=self._trashed, offset=len(self._rows)), complete_below=None)

    def reload(self) -> None:
        """Read the rows again from the store (after a change), starting with one page."""
        self.beginResetModel()
        self._rows = []
        self._complete = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def set_framework_names(self, names: Mapping[str, str]) -> None:
        self._framework_names = dict(names)
        if self._rows:
            self.dataChanged.emit(self.index(0, FRAMEWORK), self.index(len(self._rows) - 1, FRAMEWORK))

    def summary_at(self, row: int) -> WorkshopSummary:
        return self._rows[row]

    def row_of(self, workshop_id: str) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == workshop_id:
                return row
        return None

    @property
    def complete(self) -> bool:
        return self._complete

    def sort_key(self, row: int, column: int):
        """What the column sorts by: raw dates and counts, names without case."""
        summary = self._rows[row]
        if column == DATE:
            return (summary.date or "\uffff", summary.updated)  # undated drafts with the newest
        if column in COUNT_COLUMNS:
            return getattr(summary, FIELDS[column])
        if column == TRASHED:
            return summary.deleted
        return self._display(summary, column).casefold()

    def _display(self, summary: WorkshopSummary, column: int) -> str | int:
        if column == TITLE:
            return " ".join(summary.title.split())
        if column == DATE:
            return short_date(summary.date) if summary.date else UNDATED
        if column == STATUS:
            return STATUS_LABELS.get(summary.status, summary.status)
        if column == FRAMEWORK:
            return self._framework_names.get(summary.framework_key, summary.framework_key)
        if column == TRASHED:
            return short_date(summary.deleted)
        if column == OWNER:
            return TEAM if summary.team else OWN
        return getattr(summary, FIELDS[column])

    def _append(self, page: list[WorkshopSummary], *, complete_below: int | None) -> None:
        self._complete = complete_below is None or len(page) < complete_below
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()


class LibraryFilter(QSortFilterProxyModel):
    """Sorts by any column and keeps the workshops that pass every filter set."""

    NATURAL_SORT = (DATE, Qt.SortOrder.DescendingOrder)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._date_from = ""
        self._date_to = ""
        self._status: str | None = None
        self._framework: str | None = None
        self._facilitator: str | None = None
        self._series: int | None = None
        self._team: bool | None = None  # True: only the team's; False: only one's own; None: both
        self._text = ""

    def library(self) -> LibraryModel:
        return self.sourceModel()

    def setSourceModel(self, model: LibraryModel) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._on_source_reset)

    def _on_source_reset(self) -> None:
        """A reload brings one page back; a filter or a sort of our own needs every row again."""
        if self.filtering() or self.sortColumn() >= 0:
            self.library().fetch_all()

    # -- filters ----------------------------------------------------------------------
    def set_date_range(self, start: str = "", end: str = "") -> None:
        """Keep workshops dated between ``start`` and ``end`` (ISO dates; empty: open-ended)."""
        self._change(_date_from=start, _date_to=end)

    def set_status(self, status: str | None) -> None:
        self._change(_status=status)

    def set_framework(self, framework_key: str | None) -> None:
        self._change(_framework=framework_key)

    def set_facilitator(self, facilitator: str | None) -> None:
        self._change(_facilitator=facilitator)

    def set_series(self, series_id: int | None) -> None:
        self._change(_series=series_id)

    def set_team(self, team: bool | None) -> None:
        self._change(_team=team)

    def set_text(self, text: str) -> None:
        """Keep workshops whose title, location or facilitator contains ``text`` (any case)."""
        self._change(_text=text.strip().casefold())

    def clear_filters(self) -> None:
        self._change(_date_from="", _date_to="", _status=None, _framework=None, _facilitator=None,
                     _series=None, _team=None, _text="")

    def filtering(self) -> bool:
        return bool(self._date_from or self._date_to or self._text) or any(
            value is not None for value in (self._status, self._framework, self._facilitator, self._series,
                                            self._team))

    def _change(self, **values) -> None:
        if all(getattr(self, name) == value for name, value in values.items()):
            return
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, name, value)
        if self.filtering():
            self.library().fetch_all()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # -- Qt proxy interface ---------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        s = self.library().summary_at(source_row)
        if self._date_from and not (s.date and s.date >= self._date_from):
            return False
        if self._date_to and not (s.date and s.date <= self._date_to):
            return False
        if self._status is not None and s.status != self._status:
            return False
        if self._framework is not None and s.framework_key != self._framework:
            return False
        if self._facilitator is not None and s.facilitator != self._facilitator:
            return False
        if self._series is not None and s.series_id != self._series:
            return False
        if self._team is not None and s.team != self._team:
            return False
        return not self._text or any(self._text in field.casefold() for field in (s.title, s.location, s.facilitator))

    def lessThan(self, left: Index, right: Index) -> bool:
        library = self.library()
        return library.sort_key(left.row(), left.column()) < library.sort_key(right.row(), right.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The natural sort is the store's own order: no comparing, and later pages fall in place."""
        if (column, order) == self.NATURAL_SORT or column < 0:
            super().sort(-1)
            return
        self.library().fetch_all()
        super().sort(column, order)

    def summary(self, index: Index) -> WorkshopSummary:
        return self.data(index, SUMMARY_ROLE)
