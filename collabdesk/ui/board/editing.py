"""Making sense of the board: moving cards, themes, moving notes on, turning them into actions.

``BoardEditor`` holds the board's own keys and context menu and turns each gesture into
one undoable step: the change is made through ``Operations`` (so the store, the board,
the room and the panels all follow the event hub), then its command goes on the window's
undo stack; a gesture that takes several writes is one macro, undone in one go. A write
the store or the rules refuse is said in the status bar and leaves the board as it was.

The editor is given what it works with (the operations, the undo stack, the scene, the
view, and a way to ask which workshop and exercise are on screen) and says what it needs
from the screen around it through signals: it knows nothing of the run view.

Keys (with the board focused): Ctrl+A select all, Ctrl+G group, Ctrl+Shift+G ungroup,
Ctrl+Shift+M move to another exercise, Ctrl+Shift+N make an action, Ctrl+Shift+T tidy,
Ctrl+0 fit to window, + and − zoom (Ctrl++ and Ctrl+- already change the timer).
"""

import contextlib
from collections.abc import Callable, Iterator
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu

from ...domain import text
from ...domain.errors import CollabDeskError
from ...domain.model import Exercise, Workshop
from ..operations import Operations
from ..operations.actions import AddActionCommand, fields_from_note, fields_from_theme
from ..operations.board import (
    GroupNotesCommand, MoveNotesCommand, MoveToExerciseCommand, RenameThemeCommand, SetNotesThemeCommand,
    UngroupThemeCommand,
)
from .layout import arranged_to_fit, grouped_positions
from .prompts import ExerciseChooser, ThemeNameDialog
from .scene import BoardScene, BoardView, Drop

SHORTCUTS = {
    "select_all": ["Ctrl+A"],
    "group": ["Ctrl+G"],
    "ungroup": ["Ctrl+Shift+G"],
    "move_to_exercise": ["Ctrl+Shift+M"],
    "make_action": ["Ctrl+Shift+N"],
    "arrange": ["Ctrl+Shift+T"],
    "fit": ["Ctrl+0"],
}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class OnScreen(NamedTuple):
    """The workshop and exercise whose board is shown, and the agenda around it."""

    workshop: Workshop | None
    exercise: Exercise | None
    exercises: list[Exercise]


class BoardEditor(QObject):
    """The board's edits, each one undoable step."""

    status_message = Signal(str)  # why an edit was refused
    action_made = Signal(int)  # action id: show it in the actions panel
    edit_requested = Signal()  # Edit text on the context menu: the screen edits the selected card
    delete_requested = Signal()  # Delete on the context menu: the screen deletes the selected cards

    def __init__(self, ops: Operations, stack: QUndoStack, scene: BoardScene, board: BoardView,
                 on_screen: Callable[[], OnScreen], parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self.stack = stack
        self.scene = scene
        self.board = board
        self.on_screen = on_screen
        self.actions: dict[str, QAction] = {}
        self._pending: list[QUndoCommand] = []
        add = self._action
        add("select_all", "Select &all cards", self.select_all, "Select every card the filter shows")
        add("group", "&Group into a theme…", self.group_selected, "Group the selected cards into a named theme")
        add("rename_theme", "&Rename theme…\tF2", self.rename_theme, "Rename the selected theme")
        add("ungroup", "&Ungroup", self.ungroup_selected, "Dissolve the selected themes; their cards stay")
        add("take_out", "&Take out of the theme", self.take_out_of_theme,
            "Take the selected cards out of their themes")
        add("move_to_exercise", "&Move to another exercise…", self.move_to_exercise,
            "Move the selected notes to another exercise's board")
        add("make_action", "Make an &action", self.make_action,
            "Start an action from the selected notes, or from the selected theme")
        add("arrange", "Ti&dy the board", self.arrange, "Each theme's cards together, then the others")
        add("fit", "&Fit to window", self.board.fit_to_window, "Zoom to show the whole board")
        add("zoom_in", "Zoom &in\t+", lambda: self.board.zoom_by(1.2), "Zoom in (or Ctrl+wheel)")
        add("zoom_out", "Zoom &out\t−", lambda: self.board.zoom_by(1 / 1.2), "Zoom out (or Ctrl+wheel)")
        add("actual_size", "Actual si&ze", lambda: self.board.set_zoom(1.0), "Back to 100%")
        self.scene.cards_dropped.connect(self.commit_drop)
        self.scene.rename_requested.connect(self.rename_theme)
        self.scene.selectionChanged.connect(self.update_actions)
        self.board.context_menu_requested.connect(self._on_context_menu)
        self.update_actions()

    def _action(self, key: str, label: str, slot: Callable[[], None], tip: str) -> QAction:
        action = QAction(label, self.board)
        action.setObjectName(f"board_{key}")
        action.setStatusTip(tip)
        action.setProperty("help", tip)
        action.setShortcuts([QKeySequence(s) for s in SHORTCUTS.get(key, ())])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda *_args: slot())
        self.board.addAction(action)
        self.actions[key] = action
        return action

    def help_actions(self) -> list[QAction]:
        """The actions with keys, for the window's menu and its list of shortcuts."""
        return [self.actions[key] for key in SHORTCUTS]

    # -- what is selected ------------------------------------------------------------------
    def _selected_notes(self):
        """The selected cards' notes, in the order they were captured."""
        return [self.scene.cards[i].note for i in sorted(self.scene.selected_note_ids())]

    def _selected_themes(self) -> list[int]:
        """The selected frames' themes, or else the themes of the selected cards."""
        chosen = self.scene.selected_theme_ids()
        if chosen:
            return chosen
        found = {n.theme_id for n in self._selected_notes()} - {None}
        return sorted(t for t in found if t in self.scene.frames)

    def update_actions(self) -> None:
        if not shiboken6.isValid(self.scene):  # the scene announces its last selection change as it goes
            return
        notes = self._selected_notes()
        themes = self._selected_themes()
        here = self.on_screen()
        has_board = here.exercise is not None
        self.actions["group"].setEnabled(bool(notes))
        self.actions["rename_theme"].setEnabled(len(themes) == 1)
        self.actions["ungroup"].setEnabled(bool(themes))
        self.actions["take_out"].setEnabled(any(n.theme_id is not None for n in notes))
        self.actions["move_to_exercise"].setEnabled(bool(notes) and len(here.exercises) > 1)
        self.actions["make_action"].setEnabled(bool(notes or themes))
        for key in ("select_all", "arrange", "fit"):
            self.actions[key].setEnabled(has_board)

    # -- one undoable step ----------------------------------------------------------------------
    @contextlib.contextmanager
    def _step(self, label: str) -> Iterator[None]:
        """Gather the commands made inside (``_push``) into one undo step; a refused write is
        reported. Each change is already made, so the stack's first redo of each is skipped."""
        self._pending = []
        try:
            yield
        except CollabDeskError as error:
            self.status_message.emit(str(error))
        finally:
            pending, self._pending = self._pending, []
            if len(pending) == 1:
                pending[0].setText(label)
            if len(pending) > 1:
                self.stack.beginMacro(label)
            for command in pending:
                self.stack.push(command)
            if len(pending) > 1:
                self.stack.endMacro()

    def _push(self, command: QUndoCommand) -> None:
        self._pending.append(command)

    def _dissolve_emptied(self, theme_ids) -> None:
        """Ungroup themes that a regrouping left without any note (inside the current step)."""
        for theme_id in sorted(set(theme_ids) - {None}):
            theme = self.store.theme(theme_id)
            if not any(n.theme_id == theme_id for n in self.store.notes(theme.exercise_id)):
                held = self.ops.ungroup_theme(theme_id)
                self._push(UngroupThemeCommand(self.ops, theme, held))

    def _pin(self, note_ids) -> None:
        """Place cards about to be grouped so that their frame holds them alone (gathered
        into a block if need be; cards the board lays out stay its own: see grouped_positions)."""
        places = grouped_positions(self.scene, note_ids)
        if places:
            before = {i: self._place(i) for i in places}
            self.ops.move_notes(places)
            self._push(MoveNotesCommand(self.ops, before, places, "Place cards"))

    # -- dragging -------------------------------------------------------------------------------
    def commit_drop(self, drop: Drop) -> None:
        """Save a finished drag: the places, and any frame a card was dropped into or out of."""
        moved = len([i for i, place in drop.before.items() if place is not None or i in drop.themes_after]) or 1
        label = f"Move {_plural(moved, 'card')}"
        joined = {t for t in drop.themes_after.values() if t is not None}
        if len(joined) == 1 and joined.issubset(self.scene.frames):
            label += f" into “{self.scene.frames[next(iter(joined))].theme.title[:40]}”"
        elif drop.themes_after:
            label += " out of their theme"
        with self._step(label):
            try:
                self.ops.move_notes(drop.after)
            except CollabDeskError:
                self.scene.put_back()
                raise
            self._push(MoveNotesCommand(self.ops, drop.before, drop.after))
            if drop.themes_after:
                self.ops.set_notes_theme(drop.themes_after)
                self._push(SetNotesThemeCommand(self.ops, drop.themes_before, drop.themes_after))
                self._dissolve_emptied(drop.themes_before.values())

    # -- themes -----------------------------------------------------------------------------------
    def group_selected(self) -> None:
        notes = self._selected_notes()
        exercise = self.on_screen().exercise
        if not notes or exercise is None:
            return
        name = ThemeNameDialog.ask(self.board, title="Group into a theme",
                                   label=f"A name for the theme these {len(notes)} notes share:"
                                   if len(notes) > 1 else "A name for the theme of this note:")
        if name is None:
            return
        try:
            name = text.required(name, "A theme's name")
        except CollabDeskError as error:
            self.status_message.emit(str(error))
            return
        themes_before = {n.id: n.theme_id for n in notes}
        with self._step(f"Group {_plural(len(notes), 'note')}"):
            self._pin(themes_before)
            theme = self.ops.group_notes(exercise.id, name, list(themes_before))
            self._push(GroupNotesCommand(self.ops, theme, themes_before))
            self._dissolve_emptied(themes_before.values())

    def rename_theme(self, theme_id: int | None = None) -> None:
        if theme_id is None:
            themes = self._selected_themes()
            if len(themes) != 1:
                return
            theme_id = themes[0]
        theme = self.store.theme(theme_id)
        name = ThemeNameDialog.ask(self.board, title="Rename theme", label="The theme's new name:", name=theme.title)
        if name is None or name == theme.title:
            return
        with self._step(f"Rename theme to “{name[:40]}”"):
            self.ops.rename_theme(theme_id, name)
            self._push(RenameThemeCommand(self.ops, theme_id, theme.title, name))

    def ungroup_selected(self) -> None:
        theme_ids = self._selected_themes()
        if not theme_ids:
            return
        with self._step(f"Ungroup {_plural(len(theme_ids), 'theme')}"):
            for theme_id in theme_ids:
                theme = self.store.theme(theme_id)
                held = self.ops.ungroup_theme(theme_id)
                self._push(UngroupThemeCommand(self.ops, theme, held))

    def take_out_of_theme(self) -> None:
        before = {n.id: n.theme_id for n in self._selected_notes() if n.theme_id is not None}
        if not before:
            return
        with self._step(f"Take {_plural(len(before), 'card')} out of their theme"):
            after = dict.fromkeys(before)
            self.ops.set_notes_theme(after)
            self._push(SetNotesThemeCommand(self.ops, before, after))
            self._dissolve_emptied(before.values())

    def arrange(self) -> None:
        """Tidy the board: each theme's cards together in a block, then the loose cards."""
        if not self.scene.cards:
            return
        viewport = self.board.viewport()
        wanted = arranged_to_fit(self.scene, viewport.width(), viewport.height())
        before = {i: self._place(i) for i in wanted}
        after = {i: place for i, place in wanted.items() if before[i] != place}
        if after:
            with self._step("Tidy the board"):
                self.ops.move_notes(after)
                self._push(MoveNotesCommand(self.ops, {i: before[i] for i in after}, after, "Tidy the board"))
        self.board.fit_to_window()

    def _place(self, note_id: int):
        note = self.scene.cards[note_id].note
        return (note.x, note.y) if note.x is not None and note.y is not None else None

    # -- moving notes on ---------------------------------------------------------------------------
    def move_to_exercise(self) -> None:
        notes = self._selected_notes()
        here = self.on_screen()
        current = here.exercise
        if not notes or current is None:
            return
        others = [e for e in here.exercises if e.id != current.id]
        target_id = ExerciseChooser.ask(self.board, others, len(notes))
        target = next((e for e in others if e.id == target_id), None)
        if target is None:
            return
        with self._step(f"Move {_plural(len(notes), 'note')} to another exercise"):
            self.ops.move_notes_to_exercise([n.id for n in notes], target.id)
            self._push(MoveToExerciseCommand(self.ops, notes, target.id, target.title))
            self._dissolve_emptied(n.theme_id for n in notes)

    def make_action(self) -> None:
        """An action from each selected note, or else from each selected theme."""
        workshop = self.on_screen().workshop
        if workshop is None:
            return
        notes = self._selected_notes()
        sources = ([fields_from_note(self.ops, n.id) for n in notes] if notes else
                   [fields_from_theme(self.ops, t) for t in self._selected_themes()])
        if not sources:
            return
        made = None
        with self._step(f"Make {_plural(len(sources), 'action')}"):
            for fields in sources:
                command = AddActionCommand(self.ops, workshop.id, fields)
                command.run(None)  # made now; pushed with the rest of the step
                self._push(command)
                made = command.action
        if made is not None:
            self.action_made.emit(made.id)

    def select_all(self) -> None:
        self.scene.select_all()
        self.board.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- the context menu ----------------------------------------------------------------------------
    def context_menu(self) -> QMenu:
        """The menu for what is selected (right-click selects the card or frame under the mouse)."""
        self.update_actions()
        menu = QMenu(self.board)
        notes = self._selected_notes()
        if notes:
            menu.addAction("&Edit text\tF2", self.edit_requested.emit).setEnabled(len(notes) == 1)
        for key in ("group", "rename_theme", "take_out", "ungroup", "move_to_exercise", "make_action"):
            if self.actions[key].isEnabled():
                menu.addAction(self.actions[key])
        if notes:
            menu.addAction(f"&Delete {_plural(len(notes), 'card')}\tDel", self.delete_requested.emit)
        menu.addSeparator()
        for key in ("select_all", "arrange", "fit", "zoom_in", "zoom_out", "actual_size"):
            menu.addAction(self.actions[key])
        return menu

    def _on_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(position)
        menu.deleteLater()
