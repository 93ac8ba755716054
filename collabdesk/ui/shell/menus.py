"""The main window's menu bar: every command, its keys, and the section Help lists it under.

A mixin of ``MainWindow`` (the slots it names are the window's). Each action is kept in
``actions`` by key, so the window can turn commands on and off as screens change, and in
``menu_actions`` with its section, so Help ▸ Keyboard shortcuts is read from the live
actions and never goes out of date. Board keys are added to the board alone (see
``MainWindow.run_view``); every other key works anywhere in the window.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ...domain.model import NOTE_COLOURS, NOTE_KINDS
from ..common import style


class WindowMenus:
    def _action(self, section: str, key: str, text: str, slot, shortcuts=(), *, checkable=False,
                context=Qt.ShortcutContext.WindowShortcut, tip: str = "", help_text: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(key)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(context)
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
        if help_text:  # how Help ▸ Keyboard shortcuts describes it, when the menu text is too short
            action.setProperty("help", help_text)
        action.triggered.connect(slot)
        if context == Qt.ShortcutContext.WindowShortcut:  # board keys belong to the board alone (see run_view)
            self.addAction(action)
        self.actions[key] = action
        self.menu_actions.append((section, action))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        def run(call):
            """A slot handing the run view to ``call`` (the run view is made on first use)."""
            return lambda *_ignored: call(self.run_view)

        file = bar.addMenu("&File")
        file.addAction(self._action("File", "new", "&New workshop…", self.new_workshop, ["Ctrl+N"]))
        file.addAction(self._action("File", "open", "&Open workshop…", self.open_selected, ["Ctrl+O"]))
        file.addAction(self._action("File", "import", "&Import…", self.import_workshop, ["Ctrl+I"]))
        file.addAction(self._action("File", "export", "&Export…", self.export_workshop, ["Ctrl+E"]))
        file.addSeparator()
        file.addAction(self._action("File", "duplicate", "&Duplicate workshop", self.duplicate_workshop,
                                    tip="A new draft with the same agenda and participants, and none of the notes"))
        file.addAction(self._action("File", "save_template", "Save agenda as &template…",
                                    self.save_agenda_as_template))
        file.addAction(self._action("File", "templates", "Te&mplates…", self.home.show_templates))
        file.addAction(self._action("File", "frameworks", "&Frameworks…", self.home.show_frameworks))
        file.addSeparator()
        file.addAction(self._action("File", "close", "&Back to the library", self.show_home, ["Ctrl+W"],
                                    tip="Leave the workshop as it is (still running) and go back to the library"))
        file.addAction(self._action("Agenda", "finish", "&Close workshop…", self.finish_workshop,
                                    tip="Mark the workshop closed (it asks first); it is then read only"))
        file.addSeparator()
        file.addAction(self._action("File", "restore", "&Restore from backup…", self.restore_from_backup,
                                    tip="Go back to a backup of the whole library; the library as it is now is kept"))
        file.addAction(self._action("File", "quit", "&Quit", self.close, ["Ctrl+Q"]))

        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for key, action in (("undo", undo), ("redo", redo)):
            action.setObjectName(key)
            self.addAction(action)
            self.actions[key] = action
            self.menu_actions.append(("Edit", action))
            edit.addAction(action)
        edit.addSeparator()
        board = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, text, slot, keys in (
                ("edit_card", "&Edit card", run(lambda view: view.edit_card()), ["F2", "Return"]),
                ("delete", "&Delete cards", run(lambda view: view.delete_selected()), ["Delete", "Backspace"])):
            edit.addAction(self._action("Board", key, text, slot, keys, context=board))
        edit.addSeparator()
        edit.addAction(self._action("Capturing notes", "focus_entry", "Go to note &entry",
                                    run(lambda view: view.focus_entry()),
                                    ["Ctrl+L"]))
        self.board_escape = QAction(self)
        self.board_escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.board_escape.setShortcutContext(board)
        self.board_escape.triggered.connect(run(lambda view: view.focus_entry()))
        kinds = edit.addMenu("Note &kind")
        for number, kind in enumerate(NOTE_KINDS, 1):
            kinds.addAction(self._action("Capturing notes", f"kind_{kind}", style.KIND_LABELS[kind],
                                         run(lambda view, kind=kind: view.choose_kind(kind)),
                                         [f"Ctrl+{number}"],
                                         help_text=f"Kind: {kind} (for the next note, or the selected cards)"))
        colours = edit.addMenu("Note &colour")
        for number, colour in enumerate(NOTE_COLOURS, 1):
            colours.addAction(self._action("Capturing notes", f"colour_{colour}", colour.title(),
                                           run(lambda view, colour=colour: view.choose_colour(colour)),
                                           [f"Alt+{number}"],
                                           help_text=f"Colour: {colour} (next note, or the selected cards)"))
        edit.addAction(self._action("Capturing notes", "next_author", "Next speaker",
                                    run(lambda view: view.cycle_author(1)), ["Ctrl+P"]))
        edit.addAction(self._action("Capturing notes", "previous_author", "Previous speaker",
                                    run(lambda view: view.cycle_author(-1)), ["Ctrl+Shift+P"]))

        view = bar.addMenu("&View")
        view.addAction(self._action("View", "room", "&Room view", self.toggle_room_view, ["F5"], checkable=True))
        view.addAction(self._action("View", "room_full_screen", "Room view &full screen",
                                    self.toggle_room_full_screen, ["Shift+F11"]))
        view.addAction(self._action("View", "blank", "&Blank the room's board", self.toggle_blank, ["Ctrl+B"],
                                    checkable=True, tip="Hide the notes on the projector; the timer stays"))
        view.addSeparator()
        view.addAction(self._action("View", "full_screen", "Full &screen", self.toggle_full_screen, ["F11"]))

        workshop = bar.addMenu("&Workshop")
        workshop.addAction(self._action("Timer", "timer", "&Start / pause timer",
                                        run(lambda view: view.toggle_timer()),
                                        ["Ctrl+Space", "F6"]))
        workshop.addAction(self._action("Timer", "add_minute", "&Add a minute",
                                        run(lambda view: view.add_time(60)),
                                        ["Ctrl+=", "Ctrl++"]))
        workshop.addAction(self._action("Timer", "remove_minute", "Take a minute off",
                                        run(lambda view: view.add_time(-60)),
                                        ["Ctrl+-"]))
        workshop.addAction(self._action("Timer", "add_time", "Add &time…", self.add_custom_time,
                                        ["Ctrl+Shift+="]))
        workshop.addAction(self._action("Timer", "reset", "&Reset timer", run(lambda view: view.reset_timer())))
        workshop.addAction(self._action("Timer", "mute", "&Mute the chime", self.toggle_mute, ["Ctrl+M"],
                                        checkable=True))
        self.actions["mute"].setChecked(self.chime.muted)
        workshop.addSeparator()
        workshop.addAction(self._action("Agenda", "next", "&Next exercise",
                                        run(lambda view: view.next_exercise()),
                                        ["Ctrl+PgDown", "Ctrl+Shift+Return"]))
        workshop.addAction(self._action("Agenda", "previous", "&Previous exercise",
                                        run(lambda view: view.previous_exercise()),
                                        ["Ctrl+PgUp"]))
        workshop.addAction(self._action("Agenda", "details", "Workshop &details…", self.edit_details, ["Ctrl+Shift+D"],
                                        tip="Title, purpose, date, place and facilitator (they head the summary)"))
        workshop.addAction(self._action("Agenda", "edit_agenda", "&Edit agenda…", self.edit_agenda,
                                        ["Ctrl+Shift+E"]))
        workshop.addAction(self._action("Agenda", "add_participant", "Add a &participant…", self.add_participant,
                                        ["Ctrl+Shift+A"]))
        workshop.addAction(self._action("Agenda", "health_check", "Start a &health check…", self.start_health_check,
                                        tip="Ask the room to rate each domain of the framework from 1 to 5"))
        workshop.addSeparator()
        workshop.addAction(self._action("Agenda", "phones", "Let p&hones join", self.toggle_phones, checkable=True,
                                        tip="Serve this workshop to phones on the room's own Wi-Fi"))
        workshop.addAction(self.actions["finish"])
        workshop.addAction(self._action("Agenda", "reopen", "&Reopen workshop…", lambda: self.reopen_workshop(),
                                        tip="Carry on with this closed workshop: it becomes a running one again"))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("Help", "shortcuts", "&Keyboard shortcuts", self.show_shortcuts, ["F1"]))
        help_menu.addAction(self._action("Help", "about", "&About CollabDesk", self.show_about))
