"""The library, CollabDesk's home screen: every workshop, search, reuse, series and the trash.

An embeddable widget: it writes through the operations it is given and tells the window what to open
through signals; the window wires New, Open and Import to its own dialogs and views.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView, QMenu, QPushButton,
    QSplitter, QStackedWidget, QTableView, QToolBar, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import Template, Workshop
from ..common import prompts
from ..common.plain import plain_tooltip
from ..operations import Operations
from ..operations.library import SearchResult, TrashWorkshopsCommand
from ..operations.undo import while_alive
from .drop import WorkshopFileDropTarget
from .filters import LibraryFilterBar
from .model import (
    ACTIONS, DATE, FACILITATOR, FRAMEWORK, LOCATION, NOTES, OWNER, STATUS, TITLE, TRASHED, VOTES, LibraryFilter,
    LibraryModel,
)
from .sidebar import ALL, TRASH, LibrarySidebar
from .team_bar import TeamBar

if TYPE_CHECKING:
    from .trash import TrashView

SEARCH_LIMIT = 200  # hits of each kind (workshops, notes, actions)
COLUMN_WIDTHS = {DATE: 105, LOCATION: 165, FACILITATOR: 140, STATUS: 85, NOTES: 58, VOTES: 52, ACTIONS: 62,
                 FRAMEWORK: 175, OWNER: 70}


def _results_part(attribute: str) -> property:
    """A part of the search results page, which is made when first asked for, not at start-up."""
    def part(view):
        view._ensure_results_page()
        return getattr(view, attribute)
    return property(part)


class LibraryView(WorkshopFileDropTarget, QWidget):
    new_requested = Signal()
    import_requested = Signal()  # the window shows its file dialog, then calls import_files()
    open_requested = Signal(str)  # workshop id
    open_note_requested = Signal(str, int, int)  # workshop id, exercise id, note id
    open_action_requested = Signal(str, int)  # workshop id, action id
    workshop_created = Signal(str)  # made here: duplicated or from a template
    series_report_requested = Signal(int)  # series id: the window writes the report in the background
    library_changed = Signal()  # workshops added, trashed, restored, moved or deleted
    copy_requested = Signal(str)  # a team workshop to copy into one's own library
    share_requested = Signal(str)  # one's own workshop to share with the team
    team_folder_requested = Signal()  # the team folder's settings
    team_problems_requested = Signal()
    team_scan_requested = Signal()

    def __init__(self, ops: Operations, undo_stack: QUndoStack | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self._store = ops.store
        self._undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)  # the window's, in the app
        self.setAcceptDrops(True)
        self.model = LibraryModel(self._store, parent=self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.filters = LibraryFilterBar(self.proxy)
        self._results_page: QWidget | None = None  # made at the first search (_make_results_page)
        self._trash: TrashView | None = None  # made when first shown: start-up shows the library only
        self.sidebar = LibrarySidebar()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search every note, action and title  (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(280)
        self.search_box.installEventFilter(self)
        self.search_box.setAccessibleName("Search every workshop")
        self.table.setAccessibleName("Workshops")
        self._undoable: TrashWorkshopsCommand | None = None  # what the message bar's Undo takes back
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton("Undo")
        self.team_bar = TeamBar()
        self._make_actions()
        self._lay_out()
        self._connect()
        self._refresh_around_the_list()  # the models have just read their first page

    # -- public --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read everything again from the store (after the window changed a workshop, say)."""
        chosen = self.selected_ids()
        self.model.reload()
        if self._trash is not None:
            self._trash.reload()
        self._refresh_around_the_list()
        if chosen:
            self.select_workshops(chosen)
        if self.search_box.text().strip():
            self._run_search()

    def follow(self, hub) -> None:
        """Refresh when the app's event hub says workshops changed (a new one, a closed one)."""
        hub.workshops_listed_changed.connect(self._on_workshops_changed)
        hub.workshop_changed.connect(self._on_workshops_changed)

    def _on_workshops_changed(self, *_args) -> None:
        if self.isVisible():  # when hidden, the window refreshes the library as it shows it again
            self.refresh()

    def _refresh_around_the_list(self) -> None:
        """Framework names, filter choices, the sidebar's counts and series."""
        everything = self.ops.all_frameworks()
        self.model.set_framework_names({f.key: f.name for f in everything})
        self.filters.set_choices(everything, self._store.facilitators())
        self._update_sidebar()
        self._update_empty_label()
        self._update_team()

    def selected_ids(self) -> list[str]:
        return [self.proxy.summary(i).id for i in self.table.selectionModel().selectedRows()]

    def current_workshop_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.proxy.summary(index).id if index.isValid() else None

    def select_workshops(self, workshop_ids: list[str]) -> bool:
        """Select these workshops (the first current and scrolled to); False if none is listed.

        A workshop not loaded yet (an old one imported, say) loads the rest of the list first.
        """
        if any(self.model.row_of(i) is None for i in workshop_ids):
            self.model.fetch_all()
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for workshop_id in workshop_ids:
            row = self.model.row_of(workshop_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, TITLE))
            if index.isValid():
                selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
                first = first or index
        if first is not None:
            selection.setCurrentIndex(first, selection.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)
        return first is not None

    def search_for(self, query: str) -> None:
        """Put ``query`` in the search box and search for it (as typing it does)."""
        if query == self.search_box.text():
            self._run_search()
        else:
            self.search_box.setText(query)

    def move_selection_to_series(self, series_id: int | None) -> None:
        """Put the selected workshops in a series (None: take them out of theirs)."""
        self._move_to_series(self.selected_ids(), series_id)

    def import_files(self, paths: list[str]) -> list[str]:
        """Import workshop files; returns the new ids. Files that fail are listed in one message."""
        imported, problems = [], []
        for path in paths:
            try:
                imported.append(self.ops.import_workshop_file(path))
            except CollabDeskError as error:
                problems.append(str(error))
        if imported:
            self._leave_search_and_trash()
            self.refresh()
            self.select_workshops(imported)
            self._show_message(f"Imported {_workshops(len(imported))}.")
            self.library_changed.emit()
        if problems:
            prompts.show_error(self, "\n\n".join(problems))
        return imported

    # -- building ------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.horizontalHeader().setSortIndicator(*LibraryFilter.NATURAL_SORT)
        table.setSortingEnabled(True)  # sorts by the indicator: the natural order, which costs nothing
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        table.setColumnHidden(TRASHED, True)
        table.setColumnHidden(OWNER, True)  # until a team folder is set
        return table

    def _make_results_page(self) -> None:
        """The search results' page, made at the first search: its delegate loads QStyle and Qt's
        text layout classes, which the library's first frame does without."""
        from .search import SearchResultDelegate, SearchResultsModel

        self._results_model = SearchResultsModel(self)
        self._results = QListView()
        self._results.setModel(self._results_model)
        self._results.setItemDelegate(SearchResultDelegate(self._results))
        self._results.setUniformItemSizes(True)
        self._results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._results.setAccessibleName("Search results")
        self._results.activated.connect(self._on_result_activated)
        self._results_heading = QLabel()
        self._results_heading.setTextFormat(Qt.TextFormat.PlainText)
        self._results_page = QWidget()
        found = QVBoxLayout(self._results_page)
        found.setContentsMargins(0, 0, 0, 0)
        found.addWidget(self._results_heading)
        found.addWidget(self._results, 1)
        self.pages.addWidget(self._results_page)

    def _ensure_results_page(self) -> None:
        if self._results_page is None:
            self._make_results_page()

    results_page = _results_part("_results_page")
    results = _results_part("_results")  # the QListView
    results_model = _results_part("_results_model")  # a SearchResultsModel
    results_heading = _results_part("_results_heading")

    def _make_actions(self) -> None:
        def action(text: str, slot, shortcut=None, tip: str = "") -> QAction:
            made = QAction(text, self)
            made.triggered.connect(slot)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.setToolTip(plain_tooltip(tip or text))
            return made

        self.new_action = action("New workshop", self.new_requested.emit, tip="Plan a new workshop")
        self.open_action = action("Open", self._on_open, tip="Open the selected workshop (Enter)")
        self.import_action = action("Import…", self.import_requested.emit,
                                    tip="Add a workshop from a file (or drop the file on the library)")
        self.duplicate_action = action("Duplicate", self._on_duplicate, "Ctrl+D",
                                       "A new workshop with the same agenda and people, no notes (Ctrl+D)")
        self.template_action = action("Save agenda as template…", self._on_save_template)
        self.trash_action = action("Move to trash", self._on_trash, QKeySequence.StandardKey.Delete,
                                   "Move the selected workshops to the trash (Delete)")
        self.templates_action = action("Templates…", self.show_templates, tip="Create, edit and share agendas")
        self.frameworks_action = action("Frameworks…", self.show_frameworks,
                                        tip="Create, edit and share frameworks and their domains")
        self.find_action = action("Search", self._on_find, QKeySequence.StandardKey.Find)
        self.copy_action = action("Copy to my library", self._on_copy,
                                  tip="An editable copy of the team workshop, in your own library")
        self.share_action = action("Share with the team…", self._on_share,
                                   tip="Write the workshop into the team folder now (it is shared on closing too)")
        self.team_action = action("Team folder…", self.team_folder_requested.emit,
                                  tip="Share workshops through a folder your organisation already syncs")
        for shortcut_action in (self.duplicate_action, self.trash_action):
            self.table.addAction(shortcut_action)  # these keys act on the table's selection only
            shortcut_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.addAction(self.find_action)

    def _lay_out(self) -> None:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for item in (self.new_action, self.open_action, self.import_action, None, self.duplicate_action,
                     self.template_action, self.trash_action, None, self.templates_action, self.frameworks_action,
                     self.team_action):
            if item is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(item)
        top = QHBoxLayout()  # the search box beside the toolbar, never folded into its overflow menu
        top.addWidget(toolbar, 1)
        top.addWidget(self.search_box)

        self.message_bar = QFrame()
        self.message_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.message_bar)
        bar.setContentsMargins(8, 2, 8, 2)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.undo_button)
        for keeps_its_room in (self.message_bar, self.undo_button):
            policy = keeps_its_room.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            keeps_its_room.setSizePolicy(policy)
        self.message_bar.hide()

        self.library_page = QWidget()
        library = QVBoxLayout(self.library_page)
        library.setContentsMargins(0, 0, 0, 0)
        library.addWidget(self.filters)
        library.addWidget(self.team_bar)
        self.list_stack = QStackedWidget()  # the table, or a word on why it is empty
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        library.addWidget(self.list_stack, 1)
        self.pages = QStackedWidget()  # the library; the search results and the trash join it when first shown
        self.pages.addWidget(self.library_page)

        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 1000])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_bar)  # below, in room kept for it: nothing moves when it shows

    def _connect(self) -> None:
        self.table.activated.connect(self._on_open)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.proxy.modelReset.connect(self._update_actions)
        self.proxy.rowsInserted.connect(self._update_empty_label)
        self.proxy.rowsRemoved.connect(self._update_empty_label)
        self.proxy.layoutChanged.connect(self._update_empty_label)
        self.search_box.textChanged.connect(self._on_search_text)
        self.undo_button.clicked.connect(self._on_undo_trash)
        self.sidebar.place_changed.connect(self._on_place)
        self.sidebar.new_series_requested.connect(lambda: self._new_series([]))
        self.sidebar.rename_series_requested.connect(self._on_rename_series)
        self.sidebar.delete_series_requested.connect(self._on_delete_series)
        self.sidebar.series_report_requested.connect(self.series_report_requested)
        self.team_bar.problems.clicked.connect(self.team_problems_requested)
        self.team_bar.scan.clicked.connect(self.team_scan_requested)
        self._update_actions()

    # -- search --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box: Down goes to the results, Enter opens the chosen one, Esc clears."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down and self._results_page is not None and self.results_model.rowCount():
                self.results.setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search_box.text().strip():
                self._on_result_activated(self.results.currentIndex())
                return True
            if key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    def _on_search_text(self, text: str) -> None:
        """Search at each keystroke: a search over 100,000 notes takes a few milliseconds
        (bench/bench_library.py), so the results follow the typing with no pause to wait for."""
        if text.strip():
            self._run_search()
        else:
            if self._results_page is not None:
                self.results_model.set_results([])
            self._show_place(self.sidebar.current_place())

    def _run_search(self) -> None:
        query = self.search_box.text().strip()
        if not query:
            return
        try:
            found = self.ops.search(query, limit=SEARCH_LIMIT)
        except CollabDeskError as error:
            self.results_heading.setText(str(error))
            found = []
        else:
            self.results_heading.setText(_results_heading(found, query))
        self.results_model.set_results(found)
        if found:
            self.results.setCurrentIndex(self.results_model.index(0))
        self.pages.setCurrentWidget(self.results_page)

    def _on_result_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        from .search import RESULT_ROLE

        hit = index.data(RESULT_ROLE).hit
        if not self._may_open(hit.workshop_id):
            return
        if hit.kind == "note":
            self.open_note_requested.emit(hit.workshop_id, hit.exercise_id, int(hit.record_id))
        elif hit.kind == "action":
            self.open_action_requested.emit(hit.workshop_id, int(hit.record_id))
        else:
            self.open_requested.emit(hit.workshop_id)

    def _on_find(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- places: all, a series, the trash ------------------------------------------------
    @property
    def trash(self) -> "TrashView":
        """The trash's page, made the first time it is asked for."""
        if self._trash is None:
            from .trash import TrashView

            self._trash = TrashView(self.ops)
            self._trash.changed.connect(self._on_trash_changed)
            self.pages.addWidget(self._trash)
        return self._trash

    def _on_place(self, place) -> None:
        self.proxy.set_series(place[1] if place[0] == "series" else None)
        if not self.search_box.text().strip():
            self._show_place(place)
        self._update_empty_label()

    def _show_place(self, place) -> None:
        self.pages.setCurrentWidget(self.trash if place == TRASH else self.library_page)

    def _leave_search_and_trash(self) -> None:
        self.search_box.clear()
        if self.sidebar.current_place() == TRASH:
            self.sidebar.select_place(ALL)

    def _update_sidebar(self) -> None:
        self.sidebar.set_places(self._store.workshop_count() + self._store.team_workshop_count(),
                                self._store.workshop_count(trashed=True),
                                self.ops.series_list())

    # -- actions on the selection ----------------------------------------------------------
    def _on_open(self) -> None:
        workshop_id = self.current_workshop_id()
        if workshop_id is not None:
            self._open(workshop_id)

    def _open(self, workshop_id: str) -> None:
        if self._may_open(workshop_id):
            self.open_requested.emit(workshop_id)

    def _may_open(self, workshop_id: str) -> bool:
        """Opening a draft starts it, so that is asked first, whether from the list or from a search
        hit inside it (a stray double-click must not start the wrong one). A team workshop opens
        read only, so it is never started."""
        workshop = self._store.workshop(workshop_id)
        return (workshop.status != "draft" or self._store.is_team_workshop(workshop_id)
                or prompts.ask(self, "Start the workshop",
                               f"Start this workshop now? “{workshop.title}” becomes Running.",
                               confirm="Start"))

    def _on_duplicate(self) -> None:
        workshop_id = self.current_workshop_id()
        if workshop_id is not None:
            self.duplicate_workshop(workshop_id)

    def duplicate_workshop(self, workshop_id: str) -> Workshop | None:
        """A new draft with the same agenda and people and no notes, selected in the list."""
        copy = self._attempt(self.ops.duplicate_workshop, workshop_id)
        if copy is not None:
            self._changed(f"Made “{copy.title}”: same agenda and people, no notes.", [copy.id])
            self.workshop_created.emit(copy.id)
        return copy

    def _on_save_template(self) -> None:
        workshop_id = self.current_workshop_id()
        if workshop_id is not None:
            self.save_agenda_as_template(workshop_id)

    def save_agenda_as_template(self, workshop_id: str) -> Template | None:
        """Ask for a name, then keep the workshop's agenda as a template under it."""
        title = " ".join(self._store.workshop(workshop_id).title.split())
        name = prompts.ask_text(self, "Save agenda as template", "Template name:", f"{title} agenda")
        if name is None:
            return None
        template = self._attempt(self.ops.save_agenda_as_template, workshop_id, name)
        if template is not None:
            self._show_message(f"Saved the agenda as the template “{template.name}”.")
        return template

    def _on_copy(self) -> None:
        for workshop_id in self._selected(team=True):
            self.copy_requested.emit(workshop_id)

    def _on_share(self) -> None:
        workshop_id = self.current_workshop_id()
        if workshop_id is not None and workshop_id in self._selected(team=False):
            self.share_requested.emit(workshop_id)

    def _selected(self, *, team: bool) -> list[str]:
        """The selected team workshops (or, with ``team=False``, the facilitator's own)."""
        return [self.proxy.summary(i).id for i in self.table.selectionModel().selectedRows()
                if self.proxy.summary(i).team == team]

    def _on_trash(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        step = TrashWorkshopsCommand(self.ops, ids, changed=while_alive(self, self.refresh))
        if self._attempt(step.run, self._undo_stack) is not None:
            self._changed(f"Moved {_workshops(len(ids))} to the trash.", [], undoable=step)

    def _on_undo_trash(self) -> None:
        """The message bar's Undo: the same step as Ctrl+Z, when it is still the last one."""
        step, self._undoable = self._undoable, None
        stack = self._undo_stack
        if step is not None and stack.index() > 0 and stack.command(stack.index() - 1) is step:
            stack.undo()
            self._changed(f"Restored {_workshops(len(step.workshop_ids))}.", step.workshop_ids)

    def _on_trash_changed(self) -> None:
        self._undoable = None
        self.message_bar.hide()
        self.refresh()
        self.library_changed.emit()

    def _on_context_menu(self, position: QPoint) -> None:
        if not self.table.indexAt(position).isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.open_action)
        for team_action in (self.copy_action, self.share_action):
            if team_action.isEnabled():
                menu.addAction(team_action)
        menu.addAction(self.duplicate_action)
        menu.addAction(self.template_action)
        series_menu = menu.addMenu("Move to series")
        ids = self.selected_ids()
        for series in self.ops.series_list():
            series_menu.addAction(series.title, lambda s=series.id: self._move_to_series(ids, s))
        series_menu.addSeparator()
        series_menu.addAction("New series…", lambda: self._new_series(ids))
        leave = series_menu.addAction("Remove from series", lambda: self._move_to_series(ids, None))
        leave.setEnabled(any(self.proxy.summary(i).series_id is not None
                             for i in self.table.selectionModel().selectedRows()))
        menu.addSeparator()
        menu.addAction(self.trash_action)
        menu.exec(self.table.viewport().mapToGlobal(position))

    # -- series ----------------------------------------------------------------------------
    def _move_to_series(self, workshop_ids: list[str], series_id: int | None) -> None:
        if series_id is None:
            done = self._attempt(self.ops.remove_from_series, workshop_ids)
        else:
            done = self._attempt(self.ops.add_to_series, workshop_ids, series_id)
        if done is not None:
            self._changed("Moved to the series." if series_id else "Removed from the series.", workshop_ids)

    def _new_series(self, workshop_ids: list[str]) -> None:
        title = prompts.ask_text(self, "New series", "Name of the series:")
        if title is None:
            return
        series = self._attempt(self.ops.create_series, title)
        if series is not None:
            if workshop_ids:
                self._move_to_series(workshop_ids, series.id)
            else:
                self._update_sidebar()

    def _on_rename_series(self, series_id: int) -> None:
        current = self._store.series(series_id)
        title = prompts.ask_text(self, "Rename series", "Name of the series:", current.title)
        if title is not None and self._attempt(self.ops.rename_series, series_id, title):
            self._update_sidebar()

    def _on_delete_series(self, series_id: int) -> None:
        current = self._store.series(series_id)
        question = (f"Delete the series “{current.title}”? Its {_workshops(current.workshop_count)} "
                    "stay in the library.")
        if prompts.ask(self, "Delete series", question, confirm="Delete series"):
            self._attempt(self.ops.delete_series, series_id)
            self.refresh()

    # -- dialogs ---------------------------------------------------------------------------
    def show_templates(self) -> None:
        from ..planning.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self.ops, self)
        dialog.workshop_created.connect(self._on_created_elsewhere)
        dialog.exec()
        dialog.deleteLater()

    def show_frameworks(self) -> None:
        from ..planning.frameworks_dialog import FrameworksDialog

        dialog = FrameworksDialog(self.ops, self)
        dialog.exec()
        dialog.deleteLater()
        self.refresh()

    def _on_created_elsewhere(self, workshop_id: str) -> None:
        self._changed("Created the workshop from the template.", [workshop_id])
        self.workshop_created.emit(workshop_id)

    # -- helpers ---------------------------------------------------------------------------
    def _attempt(self, action, *args):
        """Run a service: its result (True when it returns nothing), or None after showing its refusal."""
        try:
            result = action(*args)
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return None
        return True if result is None else result

    def _changed(self, message: str, select: list[str], *, undoable: TrashWorkshopsCommand | None = None) -> None:
        self._leave_search_and_trash()
        self.refresh()
        self.select_workshops(select)
        self._undoable = undoable
        self._show_message(message)
        self.library_changed.emit()

    def changed(self, message: str, select: list[str]) -> None:
        """After a change made elsewhere (a team workshop copied, say): list, select, say so."""
        self._changed(message, select)

    def show_message(self, text: str) -> None:
        self._show_message(text)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.undo_button.setVisible(self._undoable is not None)
        self.message_bar.show()

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        for single in (self.open_action, self.duplicate_action, self.template_action):
            single.setEnabled(count >= 1)
        team, own = self._selected(team=True), self._selected(team=False)
        self.trash_action.setEnabled(count >= 1 and not team)  # a team workshop leaves with its file
        self.copy_action.setEnabled(bool(team))
        self.share_action.setEnabled(count == 1 and bool(own) and self.team_bar.isVisibleTo(self))

    def _update_team(self) -> None:
        """The team bar, filter and Whose column: shown only once a team folder is set."""
        state = self.ops.team_status()
        active = state.folder is not None
        self.team_bar.show_status(state)
        self.table.setColumnHidden(OWNER, not active)
        self.filters.set_team_shown(active)
        self._update_actions()

    def _update_empty_label(self) -> None:
        if self.proxy.rowCount():
            self.list_stack.setCurrentWidget(self.table)
            return
        if self.model.rowCount() == 0:
            self.empty_label.setText("No workshops yet. Start one with New workshop, or drop a workshop file here.")
        else:
            self.empty_label.setText("No workshop matches these filters.")
        self.list_stack.setCurrentWidget(self.empty_label)


def _workshops(count: int) -> str:
    return "1 workshop" if count == 1 else f"{count:,} workshops"


def _results_heading(found: list[SearchResult], query: str) -> str:
    if not found:
        return f"Nothing found for “{query}”."
    kinds = {"workshop": 0, "note": 0, "action": 0}
    for result in found:
        kinds[result.hit.kind] += 1
    parts = [f"{'the newest ' if count == SEARCH_LIMIT else ''}{count} {kind}{'' if count == 1 else 's'}"
             for kind, count in kinds.items() if count]
    return f"Found {', '.join(parts)} for “{query}”. Enter or double-click opens one; Esc clears the search."
