"""The main window: the library, the run view or review mode, the status bar, the room view.

The home page is the library (``library.create_home``): it asks this window to open a
workshop, a note or an action found by search, or to write a series report. A running or
draft workshop opens in the run view; a closed one in review mode (``review.ReviewView``),
read only until the facilitator chooses Reopen. Files dropped on the window are imported.

What the window hands out (each made on first use, so start-up shows the library only):
- side panels of the run view (actions, votes, health, phones): each ``create_panel(context)`` is given
  a ``PanelContext`` (the operations, the undo stack, the screens, the phones' switch), never this
  window, and returns
  ``(title, widget)``; the widget's ``set_workshop(workshop_id | None)`` is called on open and close.
- the room view: ``window.room_view()`` gives the RoomView (``set_stage`` for voting; ``set_aside``
  for how to join from phones, while they are on).
- export: ``collabdesk.ui.export.dialog.export_workshop(parent, ops, workshop_id)``.
``window.ops`` (every write, through ``ui/operations``) and ``window.undo_stack`` (every undoable step).
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel, QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import NOTE_COLOURS, NOTE_KINDS
from ...domain.schedule import clock_time
from ..common import inks
from ..common.plain import message_box, plain_label, show_message
from ..common.ticker import Ticker
from ..library import create_home
from ..library.drop import WorkshopFileDropTarget
from ..operations import Operations
from ..phones.switch import PhonesSwitch
from ..run.chime import Chime
from .screen_lock import ScreenLock
from .menus import WindowMenus

if TYPE_CHECKING:  # made on first use, so the home shows sooner
    from ..common.panel_context import SidePanel
    from ..run.review import ReviewView
    from ..room.view import RoomView
    from ..run.view import RunView


def _read_only_banner(store) -> QLabel:
    """The line across the top when the database is on a read-only disk: what works, what does not."""
    from ..run.review import BANNER_BACKGROUND, BANNER_INK

    banner = plain_label(f"{store.path} is on a disk CollabDesk cannot write to, so it is open read only: you "
                         "can look at workshops, search and export them, but nothing can be changed or added. To "
                         "work with it, copy the file to a folder you can write to and open the copy.")
    banner.setObjectName("read-only-banner")
    banner.setWordWrap(True)
    banner.setStyleSheet(f"#read-only-banner {{ background: {BANNER_BACKGROUND}; color: {BANNER_INK}; "
                         "padding: 6px 10px; border-bottom: 1px solid #E4C873; }")
    return banner


def _with_banner(banner: QLabel | None, body: QWidget) -> QWidget:
    if banner is None:
        return body
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(body, 1)
    return page


FRAME_ALLOWANCE = QSize(16, 48)  # a window manager's borders and title bar, at most
HOLD_CHECK_MS = 2000  # checking costs a few microseconds (store.hold)


class MainWindow(WorkshopFileDropTarget, WindowMenus, QMainWindow):
    def __init__(self, ops: Operations, settings: QSettings, *, clock: Callable[[], float] | None = None,
                 chime: Chime | None = None, ticker: Ticker | None = None):
        super().__init__()
        self.ops = ops
        self.hub = ops.hub
        self.settings = settings
        self.clock = clock or ops.store.clock
        self.setObjectName("main-window")
        self.setWindowTitle("CollabDesk")
        self.undo_stack = QUndoStack(self)
        self.ticker = ticker or Ticker(self)
        self.chime = chime or Chime(muted=settings.value("sound/muted", False, type=bool))
        self.workshop_id: str | None = None
        self.restore_to: Path | None = None  # a backup chosen to go back to, put in place once the window closes
        self._room: RoomView | None = None
        self._run_view: RunView | None = None
        self._review: ReviewView | None = None

        self.stack = QStackedWidget(self)
        self.home = create_home(self)
        self.stack.addWidget(self.home)
        self.setAcceptDrops(True)  # workshop files dropped anywhere on the window are imported
        self.catch_drops_inside()  # the board and the note entry too
        self.read_only_banner = _read_only_banner(ops.store) if ops.store.read_only else None
        self.setCentralWidget(_with_banner(self.read_only_banner, self.stack))
        self.side_panels: "list[SidePanel] | None" = None  # made on the first open: start-up stays quick
        self.actions_dock = None  # the first of them

        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("saved")
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().setSizeGripEnabled(False)

        self.actions: dict[str, QAction] = {}
        self.menu_actions: list[tuple[str, QAction]] = []
        self.lock = ScreenLock(self)  # on while a ballot or the dot count fills the window
        self.phones = PhonesSwitch(ops, self)  # off; the room network is loaded only when turned on
        self._build_menus()
        self.phones.changed.connect(self.actions["phones"].setChecked)
        self.phones.failed.connect(self.show_error)
        self.phones.turned_off.connect(lambda reason: self.statusBar().showMessage(reason))
        self.phones.shown.connect(self._show_phones)
        self.phones.changed.connect(lambda _on: self._show_join_in_room())
        self.phones.join_changed.connect(self._show_join_in_room)

        self.hub.saved.connect(self._on_saved)
        self.hub.workshop_changed.connect(self._on_workshop_changed)
        self.hub.save_failed.connect(self._on_save_failed)
        self.hub.database_reopened.connect(self._on_database_reopened)
        self.hold_timer = QTimer(self)  # a lost hold is taken back within seconds, even with no write
        self.hold_timer.setInterval(HOLD_CHECK_MS)
        self.hold_timer.timeout.connect(self.ops.check_hold)
        self.hold_timer.start()
        self.stack.currentChanged.connect(lambda _index: self._update_actions())
        self.home.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_actions())

        self._fit_to_screen(QSize(1366, 768))
        self._restore_state()
        self._update_actions()
        self.ticker.start()

    @property
    def run_view(self) -> "RunView":
        """The run view, made the first time a workshop opens (or a test asks)."""
        if self._run_view is None:
            from ..run.view import RunView

            view = RunView(self.ops, self.undo_stack, self.ticker, self.clock, self)
            self.stack.addWidget(view)
            for key in ("edit_card", "delete"):
                view.board.addAction(self.actions[key])
            view.board.addAction(self.board_escape)
            board_menu = QMenu("&Board", self)  # the board's own keys: themes, moving notes on, zoom
            board_menu.addActions([*view.board_editor.help_actions(), view.find_action, view.list_action])
            self.menuBar().insertMenu(self.menuBar().actions()[-1], board_menu)
            self.menu_actions += [("Board", action) for action in board_menu.actions()]
            view.status_message.connect(self._on_save_failed)
            view.action_made.connect(self._show_action)
            view.screen_changed.connect(lambda screen: self.lock.engage(screen) if screen else self.lock.release())
            view.timer.face.time_up.connect(self.chime.play)
            view.agenda.edit_requested.connect(self.edit_agenda)
            view.timer.add_action(self.actions["phones"])
            splitter = self.settings.value("run/splitter")
            if splitter is not None:
                view.sized = view.splitter.restoreState(splitter)
            self._run_view = view
        return self._run_view

    def _update_actions(self) -> None:
        current = self.stack.currentWidget()
        running = self._run_view is not None and current is self._run_view and self.workshop_id is not None
        reviewing = self.reviewing
        for key in ("phones", "timer", "add_minute", "remove_minute", "add_time", "reset", "next", "previous",
                    "edit_agenda", "details", "add_participant", "finish", "edit_card", "delete", "focus_entry",
                    "next_author", "previous_author", *(f"kind_{k}" for k in NOTE_KINDS),
                    *(f"colour_{c}" for c in NOTE_COLOURS)):
            self.actions[key].setEnabled(running)
        self.actions["close"].setEnabled(running or reviewing)
        self.actions["reopen"].setEnabled(  # a team workshop is copied, never reopened
            reviewing and not self.ops.store.is_team_workshop(self.workshop_id or ""))
        chosen = self.current_workshop_id() is not None  # in the library: a workshop is selected
        for key in ("open", "export", "duplicate", "save_template"):
            self.actions[key].setEnabled(chosen)
        if reviewing:  # nothing to undo or redo in a workshop that cannot change
            self.undo_stack.clear()

    @property
    def reviewing(self) -> bool:
        """True while a closed workshop is shown read only."""
        return self._review is not None and self.stack.currentWidget() is self._review

    # -- workshops ----------------------------------------------------------------------
    def new_workshop(self) -> None:
        from ..planning.dialogs import NewWorkshopDialog

        if self.reviewing:
            self.show_home()  # a new workshop is planned from the library, never over a read-only one
        result = NewWorkshopDialog.ask(self.ops, self)
        if result is None:
            return
        workshop, start_now = result
        if start_now:
            self.open_workshop(workshop.id)
        else:
            self.show_home()

    def open_selected(self) -> None:
        if self.stack.currentWidget() is self.home and self.home.current_workshop_id():
            self.open_workshop(self.home.current_workshop_id())
        else:
            self.show_home()
            self.home.setFocus()

    def open_workshop(self, workshop_id: str) -> bool:
        """Open a workshop: into the run view at its current exercise, focus in the note entry
        (a draft is started), or, when it is closed, into review mode, read only."""
        store = self.ops.store
        try:
            if store.workshop(workshop_id).status == "closed" or store.is_team_workshop(workshop_id):
                return self.review_workshop(workshop_id)  # a team workshop is read only here, whatever its state
            if self.reviewing or workshop_id != self.workshop_id:
                self._leave_workshop()
            self.ops.start_workshop(workshop_id)
        except CollabDeskError as error:
            self.show_error("Could not open the workshop", str(error))
            return False
        self.workshop_id = workshop_id
        self.run_view.open_workshop(workshop_id)
        self.stack.setCurrentWidget(self.run_view)
        self.setWindowTitle(f"{store.workshop(workshop_id).title} — CollabDesk")
        for panel in self._side_panels():
            panel.set_workshop(workshop_id)
        self.run_view.chain_focus()  # the side panels' widgets are new
        if self._room is not None:
            self._room.follow(workshop_id)
        self._update_actions()
        self.run_view.focus_entry()
        return True

    def review_workshop(self, workshop_id: str) -> bool:
        """Show a closed workshop read only: every editing action off, every write refused."""
        self._leave_workshop()
        try:
            self.review.open_workshop(workshop_id)
        except CollabDeskError as error:
            self.show_error("Could not open the workshop", str(error))
            return False
        self.ops.read_only = True
        self.workshop_id = workshop_id
        self.stack.setCurrentWidget(self.review)
        self.setWindowTitle(f"{self.review.content.workshop.title} (read only) — CollabDesk")
        inks.tint(self.saved_label, "ok")
        self.saved_label.setText("Read only")
        self._update_actions()
        self.review.setFocus()
        return True

    @property
    def review(self) -> "ReviewView":
        """Review mode's view, made the first time a closed workshop opens."""
        if self._review is None:
            from ..run.review import ReviewView

            self._review = ReviewView(self.ops, self.clock, self)
            self._review.reopen_requested.connect(self.reopen_workshop)
            self._review.back_requested.connect(self.show_home)
            self._review.copy_requested.connect(self.copy_team_workshop)
            self.stack.addWidget(self._review)
        return self._review

    def copy_team_workshop(self, workshop_id: str) -> None:
        """Copy to my library, from review mode: back to the library with the copy selected."""
        self.show_home()
        self.team.copy(workshop_id)

    def open_note(self, workshop_id: str, exercise_id: int, note_id: int) -> bool:
        """Open the workshop at that exercise, the note selected on the board and in view."""
        if not self.open_workshop(workshop_id):
            return False
        view = self.review if self.reviewing else self.run_view
        return view.show_note(exercise_id, note_id)

    def open_action(self, workshop_id: str, action_id: int) -> bool:
        """Open the workshop with the action shown: in review mode's Actions tab, or in the
        run view's actions panel when there is one."""
        if not self.open_workshop(workshop_id):
            return False
        if self.reviewing:
            return self.review.show_action(action_id)
        return self._show_action(action_id)

    def _show_action(self, action_id: int) -> bool:
        """The Actions tab brought forward with ``action_id`` selected."""
        self._side_panels()
        if not self.actions_dock.show_action(action_id):
            return False
        self.run_view.side_panel.setCurrentWidget(self.actions_dock)
        return True

    def reopen_workshop(self, workshop_id: str | None = None) -> bool:
        """Carry on with the closed workshop under review, after asking: it runs again, and
        the library counts that it was reopened."""
        workshop_id = workshop_id or (self.workshop_id if self.reviewing else None)
        if workshop_id is None:
            return False
        title = " ".join(self.ops.store.workshop(workshop_id).title.split())
        if not self.confirm(f"Reopen “{title}” to carry on with it? It becomes a running workshop again "
                            "and can be changed; the library records that it was reopened.", "Reopen"):
            return False
        self.ops.read_only = False
        if self.ops.attempt(self.ops.reopen_workshop, workshop_id) is None:
            self.ops.read_only = self.reviewing
            return False
        return self.open_workshop(workshop_id)

    def _side_panels(self) -> "list[SidePanel]":
        """The run view's side panels from the voting and actions work, made once."""
        if self.side_panels is None:
            self.side_panels = []
            from .. import voting  # made on first use: start-up stays quick
            from ..actions import panel as actions_panel
            from ..common.panel_context import PanelContext
            from ..health import dock as health_dock
            from ..phones import panel as phones_panel

            context = PanelContext(ops=self.ops, undo_stack=self.undo_stack,
                                   show_screen=lambda screen: self.run_view.show_screen(screen),
                                   close_screen=lambda: self.run_view.close_screen(),
                                   set_room_stage=lambda stage: self.room_view().set_stage(stage),
                                   phones=self.phones,
                                   show_note=lambda exercise_id, note_id: self.run_view.show_note(exercise_id, note_id))
            for create in (actions_panel.create_panel, voting.create_panel, health_dock.create_panel,
                           phones_panel.create_panel):
                title, widget = create(context)
                self.run_view.add_side_panel(widget, title)
                self.side_panels.append(widget)
            self.actions_dock = self.side_panels[0]
        return self.side_panels

    def _leave_workshop(self) -> None:
        """Put away the workshop on screen (live or under review) before showing another thing."""
        self.phones.turn_off()
        if self.workshop_id is not None and self._run_view is not None and self._run_view.workshop is not None:
            self._run_view.close_workshop()
            for panel in self._side_panels():
                panel.set_workshop(None)
        if self._review is not None and self._review.content is not None:
            self._review.close_workshop()
            self.saved_label.clear()
        self.ops.read_only = False
        self.undo_stack.clear()
        self.workshop_id = None
        if self._room is not None:
            self._room.follow(None)

    def show_home(self) -> None:
        self._leave_workshop()
        self.stack.setCurrentWidget(self.home)
        self.setWindowTitle("CollabDesk")
        self.home.refresh()
        self._update_actions()

    def current_workshop_id(self) -> str | None:
        if self.workshop_id is not None:
            return self.workshop_id
        return self.home.current_workshop_id()

    # -- files and reuse --------------------------------------------------------------------
    def import_workshop(self) -> None:
        from ..common import file_dialogs

        paths = file_dialogs.open_files(self, "Import workshops", "Workshop files (*.json);;All files (*)")
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> list[str]:
        """Import workshop files (checked as `collabdesk import` checks them); the library lists
        and selects them, and shows in one message any that could not be imported."""
        imported = self.home.import_files(paths)
        if imported:
            self.hub.saved.emit("import")
            if self.stack.currentWidget() is not self.home:
                count = len(imported)
                self.statusBar().showMessage(
                    f"Imported {count} workshop{'' if count == 1 else 's'} into the library (Ctrl+W to see).", 6000)
        return imported

    def export_workshop(self) -> None:
        workshop_id = self.current_workshop_id()
        if workshop_id is None:
            self.show_error("Export", "Choose a workshop to export first.")
            return
        from ..export.dialog import export_workshop

        export_workshop(self, self.ops, workshop_id)

    def duplicate_workshop(self) -> None:
        """A new draft like the open (or selected) workshop: same agenda and people, no notes."""
        workshop_id = self.current_workshop_id()
        copy = self.home.duplicate_workshop(workshop_id) if workshop_id else None
        if copy is not None and self.stack.currentWidget() is not self.home:
            self.statusBar().showMessage(f"Made “{copy.title}” in the library: same agenda, no notes.", 6000)

    def save_agenda_as_template(self) -> None:
        workshop_id = self.current_workshop_id()
        if workshop_id is not None:
            self.home.save_agenda_as_template(workshop_id)

    def write_series_report(self, series_id: int) -> None:
        from ..export.series import SeriesReportDialog

        SeriesReportDialog.ask(self.ops, series_id, self)

    # -- the workshop on screen ---------------------------------------------------------------
    def edit_agenda(self) -> None:
        from ..planning.dialogs import AgendaDialog

        if self.workshop_id is not None and not self.reviewing and AgendaDialog.ask(self.ops, self.workshop_id, self):
            self.run_view.focus_entry()

    def _on_workshop_changed(self, workshop_id: str) -> None:
        if workshop_id == self.workshop_id and not self.reviewing:  # a title corrected in Workshop details
            self.setWindowTitle(f"{self.ops.store.workshop(workshop_id).title} — CollabDesk")

    def edit_details(self) -> None:
        from ..planning.details_dialog import WorkshopDetailsDialog

        if self.workshop_id is not None and not self.reviewing:
            WorkshopDetailsDialog.ask(self.ops, self.workshop_id, self.undo_stack, self)
            self.run_view.focus_entry()

    def add_participant(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.workshop_id is None or self.reviewing:
            return
        name, ok = QInputDialog.getText(self, "Add a participant", "Name or role of the person who joined:")
        if ok and name.strip():
            participant = self.ops.attempt(self.ops.add_participant, self.workshop_id, name)
            if participant is not None:
                self.statusBar().showMessage(f"Added {participant.name}.", 4000)
        self.run_view.focus_entry()

    def start_health_check(self) -> None:
        """Workshop ▸ Start a health check: the Health tab comes forward and asks for its settings."""
        if self.workshop_id is None or self.reviewing:
            return
        from ..health.dock import HealthDock

        dock = next(p for p in self._side_panels() if isinstance(p, HealthDock))
        self.run_view.side_panel.setCurrentWidget(dock)
        dock.start_check()

    def finish_workshop(self) -> None:
        """Close the workshop on screen, after asking; the services back the database up."""
        if self.workshop_id is None or self.reviewing or not self.confirm(
                "Close this workshop? Its timers stop and it is marked closed: it then opens read only, "
                "and can be reopened from there." + self._still_to_do(), "Close workshop"):
            return
        if self.ops.attempt(self.ops.close_workshop, self.workshop_id) is not None:
            self.show_home()

    def _still_to_do(self) -> str:
        """What closing now would leave behind: votes still open, exercises never run."""
        store = self.ops.store
        lines = []
        open_votes = [r.title for r in store.vote_rounds(self.workshop_id) if r.state == "open"]
        if open_votes:
            lines.append(f"{len(open_votes)} vote{'s are' if len(open_votes) > 1 else ' is'} still open "
                         f"({', '.join(open_votes)}): no more votes can be cast once the workshop is closed.")
        unrun = [e.title for e in store.exercises(self.workshop_id)
                 if e.timer.accumulated == 0 and not e.timer.running and not store.notes(e.id)]  # as the summary
        if unrun:
            lines.append(f"{len(unrun)} exercise{'s have' if len(unrun) > 1 else ' has'} not been run "
                         f"({', '.join(unrun)}); the summary shows {'them' if len(unrun) > 1 else 'it'} as skipped.")
        return "".join("\n\n" + line for line in lines)

    def add_custom_time(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        minutes, ok = QInputDialog.getInt(self, "Add time", "Minutes to add (negative to take off):", 5, -120, 240)
        if ok and minutes:
            self.run_view.add_time(minutes * 60)
        self.run_view.focus_entry()

    # -- the room view ----------------------------------------------------------------------
    def room_view(self) -> "RoomView":
        """The projector window, made on first use."""
        if self._room is None:
            from ..room.view import RoomView

            self._room = RoomView(self.ops, self.ticker, self.clock)
            self._room.follow(self.workshop_id)
            self._room.closed.connect(lambda: self.actions["room"].setChecked(False))
            # The facilitator's keys work when the room's window has the focus too (F11 and Esc are the room's own).
            self._room.addActions([action for key, action in self.actions.items() if key != "full_screen"
                                   and action.shortcutContext() == Qt.ShortcutContext.WindowShortcut])
            geometry = self.settings.value("room/geometry")
            if geometry is not None:
                self._room.restoreGeometry(geometry)
        return self._room

    def toggle_room_view(self) -> None:
        room = self.room_view()
        if room.isVisible():
            room.close()
            return
        if not room.place_on_second_screen(self.screen()):
            room.show()
        self.actions["room"].setChecked(True)
        self.activateWindow()  # keep the keyboard with the facilitator

    def toggle_room_full_screen(self) -> None:
        room = self.room_view()
        if not room.isVisible():
            self.toggle_room_view()
        room.toggle_full_screen()
        self.activateWindow()

    def toggle_blank(self) -> None:
        blank = not self.room_view().blanked
        self.room_view().set_blank(blank)
        self.actions["blank"].setChecked(blank)
        self.statusBar().showMessage("Room board hidden (Ctrl+B shows it)" if blank else "Room board shown", 4000)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def toggle_mute(self) -> None:
        self.chime.muted = self.actions["mute"].isChecked()
        self.settings.setValue("sound/muted", self.chime.muted)

    # -- messages ----------------------------------------------------------------------------
    def _on_saved(self, _what: str) -> None:
        inks.tint(self.saved_label, "ok")
        self.saved_label.setText(f"All changes saved · {clock_time(self.clock())}")

    def _on_save_failed(self, message: str) -> None:
        inks.tint(self.saved_label, "error", bold=True)
        self.saved_label.setText(message)

    def _on_database_reopened(self, message: str) -> None:
        """Show what is on disk now, and say plainly what happened and where the rest is kept."""
        self.undo_stack.clear()  # its steps belong to what was on screen before
        QTimer.singleShot(0, self, lambda: (self.show_home(), self.show_error("CollabDesk reopened the database",
                                                                               message)))

    def show_error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        show_message(self, QMessageBox.Icon.Warning, title, message)

    def restore_from_backup(self) -> None:
        """Choose a backup, then close: ``run_gui`` puts it in place once the database is let go."""
        from .restore_dialog import RestoreDialog

        backups = self.ops.backups()
        if not any(info.ok for info in backups):
            self.show_error("Restore from backup", "There is no good backup of this library yet. CollabDesk "
                            "takes one each day it starts and whenever a workshop is closed.")
            return
        chosen = RestoreDialog.ask(self, backups)
        if chosen is None or not self.confirm(
                "CollabDesk will close, put this backup in place of your library and open again. Your library as "
                "it is now is kept beside it, not deleted. Go back to the backup?", "Restore and reopen"):
            return
        self.restore_to = chosen
        self.close()

    def confirm(self, question: str, yes: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = message_box(self, QMessageBox.Icon.Question, "CollabDesk", question, QMessageBox.StandardButton.Cancel)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is accept

    def show_shortcuts(self) -> None:
        from .help import ShortcutsDialog, shortcut_rows

        ShortcutsDialog(shortcut_rows(self.menu_actions), self).exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .help import ABOUT

        show_message(self, QMessageBox.Icon.Information, "About CollabDesk", ABOUT)

    # -- single instance, window state ----------------------------------------------------------
    def bring_forward(self, workshop_id: str | None = None) -> None:
        """Another launch asked for this window (and maybe a workshop)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if workshop_id:
            try:
                workshop_id = self.ops.store.resolve_workshop_id(workshop_id)
            except CollabDeskError as error:
                self.show_error("Could not open the workshop", str(error))
                return
            self.open_workshop(workshop_id)

    def _fit_to_screen(self, wanted: QSize) -> None:
        """``wanted``, centred on the screen, or as much of the screen as a window can take with
        its title bar and borders (``FRAME_ALLOWANCE``) when that is smaller (a 1280 x 720
        laptop, a 2x display): no part of the window ever starts off screen."""
        available = self.screen().availableGeometry()
        size = wanted.boundedTo(available.size() - FRAME_ALLOWANCE)
        self.resize(size)
        self.move(available.left() + (available.width() - size.width() - FRAME_ALLOWANCE.width()) // 2,
                  available.top() + (available.height() - size.height() - FRAME_ALLOWANCE.height()) // 2)

    def _restore_state(self) -> None:
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # Qt keeps a restored window on a screen that is still there
        state = self.settings.value("main/state")
        if state is not None:
            self.restoreState(state)

    def save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/state", self.saveState())
        if self._run_view is not None:
            self.settings.setValue("run/splitter", self._run_view.splitter.saveState())
        if self._room is not None:
            self.settings.setValue("room/geometry", self._room.saveGeometry())
        self.settings.sync()

    def toggle_phones(self) -> None:
        self.phones.toggle(self.workshop_id if not self.reviewing else None, self)

    def _show_phones(self) -> None:
        """Phones just turned on by the facilitator: the Phones tab, and the room view showing how to join."""
        from ..phones.panel import PhonesPanel

        if self._run_view is not None and self.side_panels is not None:
            self.run_view.side_panel.setCurrentWidget(next(p for p in self.side_panels if isinstance(p, PhonesPanel)))
        if not self.room_view().isVisible():
            self.toggle_room_view()

    def _show_join_in_room(self) -> None:
        """The room view's column on how to join follows the switch (made only when there is one to show)."""
        if self.phones.is_on and self.phones.join_in_room:
            room = self.room_view()
            room.set_aside(self.phones.join_card(room))
        elif self._room is not None:
            self._room.set_aside(None)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.phones.turn_off()
        if self._run_view is not None:
            self._run_view.board.finish_editing()
        self.save_state()
        self.ticker.stop()
        self.team.sync.stop()  # a scan still running reports to nobody
        self.hold_timer.stop()
        if self._room is not None:
            self._room.close()
            self._room.deleteLater()
            self._room = None
        super().closeEvent(event)
