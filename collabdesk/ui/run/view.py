"""The run view: the screen a facilitator works in for the length of a workshop.

Agenda down the left, the current exercise and its timer across the top, the board in
the middle, the note entry at the bottom, and a side panel on the right that stays
hidden until voting or actions add a tab to it (``add_side_panel``).
"""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSplitter, QStackedWidget, QTabWidget, QToolButton,
    QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import Exercise, Framework, Note, Workshop
from ..board.card_list import CardList
from ..board.editing import BoardEditor, OnScreen
from ..board.filter import BoardFilter, BoardFilterBar
from ..board.scene import BoardScene, BoardView
from ..common import inks, style
from ..common.plain import plain_tooltip
from ..common.ticker import Ticker
from ..common.widgets import FittedLabel
from ..operations import Operations
from ..operations.notes import AddNoteCommand, DeleteNotesCommand, EditNoteCommand, note_fields
from .agenda_panel import AgendaPanel
from .capture import CaptureBar
from .timer_face import TimerFace


class ExerciseHeader(QWidget):
    """Domain (with its colour), exercise title and prompt, across the top."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("exercise-header")
        self.band = QFrame(self)
        self.band.setFixedWidth(10)
        self.domain = QLabel(self)
        self.domain.setObjectName("domain")
        self.domain.setTextFormat(Qt.TextFormat.PlainText)
        self.domain.setFont(style.font(11, bold=True))
        self.position = QLabel(self)
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        inks.tint(self.position, "muted")
        self.title = FittedLabel(style.font(20, bold=True), max_lines=2, wraps=True)
        self.title.setObjectName("exercise-title")
        self.prompt = FittedLabel(style.font(14), ink_role="prompt", max_lines=3, wraps=True)
        self.prompt.setObjectName("prompt")
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.domain)
        top.addWidget(self.position)
        top.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addLayout(top)
        text.addWidget(self.title)
        text.addWidget(self.prompt)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.band)
        layout.addLayout(text, 1)

    def show_exercise(self, exercise: Exercise | None, framework: Framework, position: str) -> None:
        if exercise is None:
            self.domain.setText("")
            self.title.set_text("No exercise")
            self.prompt.set_text("Add an exercise to the agenda to start capturing notes.")
            self.band.setStyleSheet("background: #C9CED6; border-radius: 4px;")
            return
        domain = framework.domain(exercise.domain_key)
        self.domain.setText(domain.name.upper())
        self.domain.setStyleSheet(f"color: {inks.readable(domain.colour, self.palette()).name()};")
        self.position.setText(position)
        self.title.set_text(exercise.title)
        self.prompt.set_text(exercise.prompt)
        self.band.setStyleSheet(f"background: {domain.colour}; border-radius: 4px;")


def exercise_column(parent: QWidget, header: ExerciseHeader, beside: QWidget, below) -> QWidget:
    """The middle of the run and review views: ``header`` with ``beside`` at its right, over
    ``below`` (pairs of widget and stretch)."""
    top = QHBoxLayout()
    top.setSpacing(18)
    top.addWidget(header, 1)
    top.addWidget(beside)
    centre = QWidget(parent)
    centre_layout = QVBoxLayout(centre)
    centre_layout.setContentsMargins(14, 12, 14, 12)
    centre_layout.setSpacing(10)
    centre_layout.addLayout(top)
    for widget, stretch in below:
        centre_layout.addWidget(widget, stretch)
    return centre


def select_note_card(scene: BoardScene, view: BoardView, note_id: int) -> bool:
    """Select the note's card alone, scroll it into view and focus the board; False when the
    board shows no such note."""
    card = scene.cards.get(note_id)
    if card is None:
        return False
    scene.clearSelection()
    card.setSelected(True)
    view.show_card(card)
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


class TimerPanel(QWidget):
    """The big timer and its buttons (reached by Tab; a click never takes the keyboard from the entry)."""

    def __init__(self, clock: Callable[[], float], parent=None):
        super().__init__(parent)
        self.setObjectName("timer-panel")
        self.face = TimerFace(clock, parent=self)
        self.face.setObjectName("timer")
        self.face.setMinimumSize(250, 110)
        self.start = self._button("Start", "Start or pause the timer (Ctrl+Space or F6)")
        self.more = self._button("+1 min", "Give this exercise another minute (Ctrl+=)")
        self.reset = self._button("Reset", "Set the timer back to the full time")
        self.next = self._button("Next ▸", "Finish this exercise and go to the next (Ctrl+PgDown)")
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.start, self.more, self.reset, self.next):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.face, 1)
        layout.addLayout(buttons)

    def add_action(self, action: QAction) -> None:
        """A button under the timer for a window action (Let phones join), checked as it is."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.layout().addWidget(button)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(plain_tooltip(tip))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keyboard in the entry
        return button

    def set_state(self, exercise: Exercise | None) -> None:
        self.face.set_state(exercise.timer if exercise else None)
        running = exercise is not None and exercise.timer.running
        self.start.setText("Pause" if running else ("Resume" if exercise and exercise.timer.accumulated else "Start"))
        for button in (self.start, self.more, self.reset):
            button.setEnabled(exercise is not None)




class RunView(QWidget):
    """The workshop being run. Every edit goes through ``Operations``; views follow the hub."""

    status_message = Signal(str)
    action_made = Signal(int)  # an action made from the board: the window shows it in the actions panel
    screen_changed = Signal(object)  # the full-window screen now up (a ballot, the dot count), or None

    def __init__(self, ops: Operations, undo_stack: QUndoStack, ticker: Ticker,
                 clock: Callable[[], float] | None = None, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.hub = ops.hub
        self.undo_stack = undo_stack
        self.clock = clock or ops.store.clock
        self.workshop: Workshop | None = None
        self.framework: Framework | None = None
        self.exercises: list[Exercise] = []
        self.exercise: Exercise | None = None

        self.agenda = AgendaPanel(self.clock, self)
        self.header = ExerciseHeader(self)
        self.timer = TimerPanel(self.clock, self)
        self.board_scene = BoardScene(self)
        self.board = BoardView(self.board_scene, self)
        self.filter_bar = BoardFilterBar(self)
        self.capture = CaptureBar(self)
        self.side_panel = QTabWidget(self)
        self.side_panel.setObjectName("side-panel")
        self.side_panel.setDocumentMode(True)
        self.side_panel.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its tab bar takes Tab, in focus_order
        self.side_panel.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.side_panel.tabBar().setAccessibleName("Side panel")
        self.side_panel.hide()

        self.card_list = CardList(self.board_scene, self)  # the board read as a list (Board ▸ Board as a list)
        self.card_list.hide()
        self.card_list.card_chosen.connect(self._on_card_chosen)
        centre = exercise_column(self, self.header, self.timer,
                                 ((self.filter_bar, 0), (self.board, 1), (self.card_list, 1), (self.capture, 0)))
        self.list_action = QAction("Board as a &list", self)
        self.list_action.setCheckable(True)
        self.list_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.list_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.list_action.setProperty("help", "The board's cards as a list a screen reader reads; Enter shows a card")
        self.list_action.toggled.connect(self.show_as_list)
        self.addAction(self.list_action)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("run-splitter")
        self.splitter.addWidget(self.agenda)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.side_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.sized = False  # True once the splitter has its sizes (restored by the window, or on first show)
        self.screens = QStackedWidget(self)  # the run view, or a full-window screen (a ballot) over it
        self.screens.addWidget(self.splitter)
        self.screen: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.screens)
        self.setFocusProxy(self.capture.entry)
        self.chain_focus()
        self.board_editor = BoardEditor(self.ops, self.undo_stack, self.board_scene, self.board,
                                        lambda: OnScreen(self.workshop, self.exercise, self.exercises), self)
        self.board_editor.status_message.connect(self.status_message)
        self.board_editor.action_made.connect(self.action_made)
        self.board_editor.edit_requested.connect(self.edit_card)
        self.board_editor.delete_requested.connect(self.delete_selected)
        self.find_action = QAction("Filter the board", self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.focus_filter)
        self.addAction(self.find_action)

        self.capture.entry.submitted.connect(self._on_note_submitted)
        self.board_scene.edit_requested.connect(self.edit_card)
        self.board.text_edited.connect(self._on_card_text_edited)
        self.board.zoom_changed.connect(self.filter_bar.show_zoom)
        self.filter_bar.changed.connect(self._on_filter_changed)
        self.filter_bar.zoom_reset_requested.connect(lambda: self.board.set_zoom(1.0))
        self.filter_bar.done.connect(lambda: self.board.setFocus(Qt.FocusReason.OtherFocusReason))
        self.agenda.exercise_chosen.connect(self.go_to_exercise)
        self.timer.start.clicked.connect(self.toggle_timer)
        self.timer.more.clicked.connect(lambda: self.add_time(60))
        self.timer.reset.clicked.connect(self.reset_timer)
        self.timer.next.clicked.connect(self.next_exercise)
        ticker.tick.connect(self._on_tick)
        self.hub.phone_notes_added.connect(self.board_scene.mark_from_phones)
        self.hub.notes_added.connect(self._on_notes_added)
        self.hub.notes_updated.connect(self._on_notes_updated)
        self.hub.notes_removed.connect(self._on_notes_removed)
        self.hub.themes_changed.connect(self._on_themes_changed)
        self.hub.timer_changed.connect(self._on_timer_changed)
        self.hub.current_exercise_changed.connect(self._on_current_exercise_changed)
        self.hub.agenda_changed.connect(self._on_agenda_changed)
        self.hub.workshop_changed.connect(self._on_workshop_changed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.sized:
            self.sized = True
            self.size_panels()

    def size_panels(self) -> None:
        """Share the width out: the agenda about a fifth, the side panel (when shown) a quarter,
        each within reason, and the board the rest; on a 1280 px laptop the board keeps half."""
        width = self.splitter.width()
        agenda = max(220, min(400, int(width * 0.18)))
        side = max(300, min(440, int(width * 0.24))) if not self.side_panel.isHidden() else 0
        self.splitter.setSizes([agenda, max(200, width - agenda - side), side])

    # -- opening ------------------------------------------------------------------------
    def open_workshop(self, workshop_id: str) -> None:
        """Show the workshop at its current exercise (the last one when all are done)."""
        store = self.ops.store
        self.workshop = store.workshop(workshop_id)
        self.framework = self.ops.framework_or_default(self.workshop.framework_key)
        self._load_participants()
        self._load_agenda()
        self.capture.entry.clear()
        self.focus_entry()

    def close_workshop(self) -> None:
        self.board.finish_editing()
        self.close_screen()
        self.filter_bar.clear()  # the next workshop opens with its whole board showing
        self.workshop = None
        self.exercise = None
        self.exercises = []
        self.board_scene.load([])
        self.timer.set_state(None)

    def _load_participants(self) -> None:
        participants = self.ops.store.participants(self.workshop.id)
        self.capture.set_participants(participants)
        self.filter_bar.set_participants(participants)
        self.board_scene.set_authors({p.id: p.name for p in participants})

    def _load_agenda(self) -> None:
        self.exercises = self.ops.store.exercises(self.workshop.id)
        noted = {e.id for e in self.exercises if e.state == "done" and self.ops.store.notes(e.id)}
        self.agenda.set_exercises(self.exercises, self.framework, noted)
        current = next((e for e in self.exercises if e.state == "current"), None)
        if current is None and self.exercises:
            current = self.exercises[-1] if all(e.state == "done" for e in self.exercises) else self.exercises[0]
        self._show_exercise(current)

    def _show_exercise(self, exercise: Exercise | None) -> None:
        changed = exercise is None or self.exercise is None or exercise.id != self.exercise.id
        self.exercise = exercise
        position = ""
        if exercise is not None:
            index = next(i for i, e in enumerate(self.exercises) if e.id == exercise.id)
            position = f"Exercise {index + 1} of {len(self.exercises)}"
            if exercise.state == "done":
                position += " · agenda complete"
        self.header.show_exercise(exercise, self.framework, position)
        self.timer.set_state(exercise if exercise is not None and exercise.state != "done" else None)
        self.timer.next.setEnabled(exercise is not None and exercise.state == "current")
        if changed:
            self.capture.start_afresh()  # who spoke, and how, belongs to the exercise it was said in
            self.board.finish_editing()
            store = self.ops.store
            notes = store.notes(exercise.id) if exercise else []
            self.board_scene.from_phones = set(store.phone_devices([n.id for n in notes]))
            self.board_scene.load(notes,
                                  store.themes(exercise.id) if exercise else [])
            self._show_filter_count()
            self.board_editor.update_actions()
            self._refresh_list()
        row = self.agenda.model.row_of(exercise.id if exercise else None)
        if row >= 0:
            self.agenda.view.setCurrentIndex(self.agenda.model.index(row))

    def focus_entry(self) -> None:
        self.capture.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_note(self, exercise_id: int, note_id: int) -> bool:
        """Show that exercise's board (without making it current) with the note selected,
        in view, and the board focused: where a search hit opens."""
        exercise = next((e for e in self.exercises if e.id == exercise_id), None)
        if exercise is None:
            return False
        self._show_exercise(exercise)
        return select_note_card(self.board_scene, self.board, note_id)

    def focus_order(self) -> list[QWidget]:
        """Where Tab goes, round and round: what a facilitator uses most first, then the board's
        filters, the timer, the agenda and the side panel's tabs (each tab's page after its
        header, as the page gives them in ``focus_order``)."""
        capture, bar = self.capture, self.filter_bar
        order = [capture.entry, capture.author, capture.kind, capture.role, capture.colour, self.board, self.card_list,
                 bar.words, bar.author, bar.kind, bar.hide_others, bar.zoom,
                 self.timer.start, self.timer.more, self.timer.reset, self.timer.next,
                 self.agenda.view, self.agenda.edit_button, self.side_panel.tabBar()]
        for index in range(self.side_panel.count()):
            page = self.side_panel.widget(index)
            order += page.focus_order() if hasattr(page, "focus_order") else []
        return order

    def show_as_list(self, on: bool) -> None:
        """The board, or its cards as a list (each a sentence a screen reader says), in the same place."""
        if on:
            self.card_list.reload()
        self.card_list.setVisible(on)
        self.board.setVisible(not on)
        (self.card_list if on else self.board).setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_card_chosen(self, note_id: int) -> None:
        self.list_action.setChecked(False)
        select_note_card(self.board_scene, self.board, note_id)

    def _refresh_list(self) -> None:
        if self.card_list.isVisible():
            self.card_list.reload()

    def chain_focus(self) -> None:
        """Lay Tab's path along ``focus_order`` (again after a side panel remakes its widgets)."""
        order = self.focus_order()
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    # -- side panel (voting, actions) and full-window screens -------------------------
    def add_side_panel(self, widget: QWidget, title: str) -> int:
        """Add a tab to the right-hand panel, showing the panel if it was hidden."""
        index = self.side_panel.addTab(widget, title)
        if self.side_panel.isHidden():
            self.side_panel.show()
            if self.sized and self.splitter.sizes()[2] < 150:  # give it room, taken from the board
                self.size_panels()
        return index

    def show_screen(self, screen: QWidget) -> None:
        """Fill the whole run view with ``screen`` (a private ballot, counting dots) until
        ``close_screen``: nothing of the board, panels or agenda shows behind it."""
        self.board.finish_editing()
        self.close_screen(refocus=False)
        self.screen = screen
        self.screens.addWidget(screen)
        self.screens.setCurrentWidget(screen)
        screen.setFocus(Qt.FocusReason.OtherFocusReason)
        self.screen_changed.emit(screen)

    def close_screen(self, *, refocus: bool = True) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            self.screens.setCurrentWidget(self.splitter)
            self.screens.removeWidget(screen)
            screen.deleteLater()
            self.screen_changed.emit(None)
            if refocus:
                self.focus_entry()

    # -- filtering the board --------------------------------------------------------------
    def focus_filter(self) -> None:
        if self.screen is None:
            self.filter_bar.words.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.filter_bar.words.selectAll()

    def _on_filter_changed(self, board_filter: BoardFilter) -> None:
        self.board_scene.apply_filter(board_filter)
        self._show_filter_count()

    def _show_filter_count(self) -> None:
        self.filter_bar.show_count(self.board_scene.shown_count(), len(self.board_scene.cards))

    # -- capturing and editing notes ----------------------------------------------------
    def _on_note_submitted(self, text: str) -> None:
        if self.exercise is None:
            return
        try:
            note = self.ops.add_note(self.exercise.id, text, **self.capture.note_fields())
        except CollabDeskError as error:
            self.status_message.emit(str(error))
            return  # the text stays in the entry: nothing typed is lost
        self.undo_stack.push(AddNoteCommand(self.ops, note))
        self.capture.entry.take_text()

    def selected_notes(self) -> list[Note]:
        return [self.board_scene.cards[i].note for i in self.board_scene.selected_note_ids()]

    def board_has_focus(self) -> bool:
        return self.board.hasFocus() and bool(self.board_scene.selected_note_ids())

    def delete_selected(self) -> None:
        """Delete the selected cards; with only theme frames selected, ungroup them (the notes stay)."""
        notes = self.selected_notes()
        if not notes:
            self.board_editor.ungroup_selected()
            return
        self.board.finish_editing()
        try:
            self.ops.delete_notes([n.id for n in notes])
        except CollabDeskError:
            return
        self.undo_stack.push(DeleteNotesCommand(self.ops, notes))

    def edit_card(self, note_id: int | None = None) -> None:
        """Edit a card's text in place; with only a theme frame selected, rename the theme."""
        if note_id is None:
            selected = self.board_scene.selected_note_ids()
            if not selected:
                self.board_editor.rename_theme()
                return
            note_id = selected[0]
        self.board.edit_card(note_id)

    def _on_card_text_edited(self, note_id: int, text: str) -> None:
        self.edit_notes([note_id], text=text)

    def edit_notes(self, note_ids: list[int], **after) -> None:
        """Change fields of several notes as one undoable step (a macro when more than one)."""
        notes = [self.board_scene.cards[i].note for i in note_ids if i in self.board_scene.cards]
        changes = [(n, note_fields(n, after)) for n in notes if note_fields(n, after) != after]
        if not changes:
            return
        if len(changes) > 1:
            self.undo_stack.beginMacro(f"Edit {len(changes)} notes")
        try:
            for note, before in changes:
                try:
                    self.ops.edit_note(note.id, **after)
                except CollabDeskError as error:
                    self.status_message.emit(str(error))
                    break
                self.undo_stack.push(EditNoteCommand(self.ops, note.id, before, dict(after)))
        finally:
            if len(changes) > 1:
                self.undo_stack.endMacro()

    # Keys that set kind, colour and author act on the selected cards when the board has
    # the focus, and on the next note otherwise.
    def choose_kind(self, kind: str) -> None:
        if self.board_has_focus():
            fields = {"kind": kind}
            if kind == "quote":
                fields["role"] = self.capture.role.currentText().strip()
            self.edit_notes(self.board_scene.selected_note_ids(), **fields)
        else:
            self.capture.choose_kind(kind)

    def choose_colour(self, colour: str) -> None:
        if self.board_has_focus():
            self.edit_notes(self.board_scene.selected_note_ids(), colour=colour)
        else:
            self.capture.choose_colour(colour)

    def cycle_author(self, step: int) -> None:
        self.capture.cycle_author(step)
        if self.board_has_focus():
            self.edit_notes(self.board_scene.selected_note_ids(), author_id=self.capture.author.currentData())

    # -- timer and agenda -----------------------------------------------------------------
    def _current_id(self) -> int | None:
        return self.exercise.id if self.exercise is not None and self.exercise.state == "current" else None

    def toggle_timer(self) -> None:
        exercise_id = self._current_id()
        if exercise_id is None:
            return
        action = self.ops.pause_timer if self.exercise.timer.running else self.ops.start_timer
        self.ops.attempt(action, exercise_id)

    def add_time(self, seconds: float) -> None:
        if self._current_id() is not None:
            self.ops.attempt(self.ops.add_time, self._current_id(), seconds)

    def reset_timer(self) -> None:
        if self._current_id() is not None:
            self.ops.attempt(self.ops.reset_timer, self._current_id())

    def next_exercise(self) -> None:
        if self.workshop is None or self._current_id() is None:
            return
        index = next(i for i, e in enumerate(self.exercises) if e.id == self.exercise.id)
        following = self.exercises[index + 1].id if index + 1 < len(self.exercises) else None
        self.go_to_exercise(following)

    def previous_exercise(self) -> None:
        if self.workshop is None or self.exercise is None:
            return
        index = next(i for i, e in enumerate(self.exercises) if e.id == self.exercise.id)
        if self.exercise.state == "done":  # at the end: go back to the last one
            self.go_to_exercise(self.exercise.id)
        elif index > 0:
            self.go_to_exercise(self.exercises[index - 1].id)

    def go_to_exercise(self, exercise_id: int | None) -> None:
        if self.workshop is not None:
            self.ops.attempt(self.ops.go_to_exercise, self.workshop.id, exercise_id)

    def _on_tick(self) -> None:
        if self.workshop is None:
            return
        self.timer.face.refresh()
        self.agenda.refresh()

    # -- following the hub ---------------------------------------------------------------
    def _shows(self, note: Note) -> bool:
        return self.exercise is not None and note.exercise_id == self.exercise.id

    def _on_notes_added(self, notes: tuple[Note, ...]) -> None:
        card = None
        for note in notes:
            if self._shows(note):
                card = self.board_scene.add_note(note)
        if card is not None:
            self.board.show_card(card)
            self._show_filter_count()
        self._refresh_list()

    def _on_notes_updated(self, notes: tuple[Note, ...]) -> None:
        shown = [n for n in notes if self._shows(n)]
        if any(n.id not in self.board_scene.cards for n in shown):  # moved here from another exercise
            for note in shown:
                self.board_scene.add_note(note)
        self.board_scene.update_notes(shown)
        for note in notes:
            if not self._shows(note) and note.id in self.board_scene.cards:  # moved to another exercise
                self.board_scene.remove_note(note.id)
        self._show_filter_count()
        self.board_editor.update_actions()
        self._refresh_list()

    def _on_notes_removed(self, notes: tuple[Note, ...]) -> None:
        for note in notes:
            self.board_scene.remove_note(note.id)
        self._show_filter_count()
        self.board_editor.update_actions()
        self._refresh_list()

    def _on_themes_changed(self, exercise_id: int) -> None:
        if self.exercise is not None and exercise_id == self.exercise.id:
            self.board_scene.set_themes(self.ops.store.themes(exercise_id))
            self.board_editor.update_actions()
        self._refresh_list()

    def _on_timer_changed(self, exercise: Exercise) -> None:
        if self.workshop is None or exercise.workshop_id != self.workshop.id:
            return
        self.exercises = [exercise if e.id == exercise.id else e for e in self.exercises]
        self.agenda.replace(exercise)
        if self.exercise is not None and exercise.id == self.exercise.id:
            self.exercise = exercise
            self.timer.set_state(exercise)

    def _on_current_exercise_changed(self, workshop_id: str, exercise_id) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            self._load_agenda()

    def _on_agenda_changed(self, workshop_id: str) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            self._load_agenda()

    def _on_workshop_changed(self, workshop_id: str) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            self.workshop = self.ops.store.workshop(workshop_id)
            self._load_participants()
