"""The library's left column: every workshop, each series, and the trash."""

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QPushButton, QVBoxLayout, QWidget

from ..common.plain import plain_tooltip

from ..operations.library import Series

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # ("all", None), ("series", id) or ("trash", None)
ALL = ("all", None)
TRASH = ("trash", None)


class LibrarySidebar(QWidget):
    place_changed = Signal(object)  # the place chosen: ALL, TRASH or ("series", id)
    new_series_requested = Signal()
    rename_series_requested = Signal(int)
    delete_series_requested = Signal(int)
    series_report_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.places = QListWidget()
        self.places.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.places.setWordWrap(True)  # long series names wrap rather than hide behind a scroll bar
        self.places.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.places.setSpacing(2)
        self.new_series_button = QPushButton("New series…")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.places, 1)
        layout.addWidget(self.new_series_button)
        self.places.currentItemChanged.connect(self._on_current_changed)
        self.places.customContextMenuRequested.connect(self._on_context_menu)
        self.new_series_button.clicked.connect(self.new_series_requested)
        self.set_places(0, 0, [])

    def set_places(self, live: int, trashed: int, series: list[Series]) -> None:
        """Rebuild the list with fresh counts, keeping the place chosen (or falling back to all)."""
        chosen = self.current_place()
        self.places.blockSignals(True)
        self.places.clear()
        self._add(f"All workshops ({live:,})", ALL)
        if series:
            heading = QListWidgetItem("Series", self.places)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        for s in series:
            item = self._add(f"{s.title} ({s.workshop_count})", ("series", s.id))
            item.setToolTip(plain_tooltip(f"Series: {s.title}"))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"Series {s.title}")
        self._add(f"Trash ({trashed:,})", TRASH)
        found = self._item_for(chosen)
        self.places.setCurrentItem(found or self.places.item(0))
        self.places.blockSignals(False)
        if found is None and chosen != ALL:
            self.place_changed.emit(ALL)

    def current_place(self) -> tuple[str, int | None]:
        item = self.places.currentItem()
        return item.data(PLACE_ROLE) if item is not None else ALL

    def select_place(self, place: tuple[str, int | None]) -> None:
        item = self._item_for(place)
        if item is not None:
            self.places.setCurrentItem(item)

    def _add(self, label: str, place: tuple[str, int | None]) -> QListWidgetItem:
        item = QListWidgetItem(label, self.places)
        item.setData(PLACE_ROLE, place)
        return item

    def _item_for(self, place) -> QListWidgetItem | None:
        for row in range(self.places.count()):
            if self.places.item(row).data(PLACE_ROLE) == place:
                return self.places.item(row)
        return None

    def _on_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.place_changed.emit(current.data(PLACE_ROLE))

    def _on_context_menu(self, position: QPoint) -> None:
        item = self.places.itemAt(position)
        place = item.data(PLACE_ROLE) if item is not None else None
        if place is None or place[0] != "series":
            return
        series_id = place[1]
        menu = QMenu(self)
        menu.addAction("Series report…", lambda: self.series_report_requested.emit(series_id))
        menu.addSeparator()
        menu.addAction("Rename series…", lambda: self.rename_series_requested.emit(series_id))
        menu.addAction("Delete series…", lambda: self.delete_series_requested.emit(series_id))
        menu.exec(self.places.viewport().mapToGlobal(position))
