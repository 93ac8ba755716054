"""Building blocks for the window tests: a window, a workshop, and the gestures the tests make
(keys, clicks, drags, answers to the dialogs). The fixtures made of them are in conftest.py."""

import sqlite3

from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from collabdesk.services import workshops
from collabdesk.ui.actions.panel import ActionsDock
from collabdesk.ui.board.prompts import ThemeNameDialog
from collabdesk.ui.common.events import EventHub
from collabdesk.ui.operations import Operations
from collabdesk.ui.planning.dialogs import NewWorkshopDialog
from collabdesk.ui.run.chime import Chime
from collabdesk.ui.shell.main_window import MainWindow
from collabdesk.ui.voting import RoundSettings, RoundSetupDialog, VotingDock
from collabdesk.ui.voting.ballot import ADD_KEYS, CONFIRM_KEYS, REMOVE_KEYS

def make_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_window(qtbot, store, settings, clock) -> MainWindow:
    window = MainWindow(Operations(store, EventHub()), settings, clock=clock, chime=Chime(player=lambda: None))
    window.ticker.stop()  # tests tick by hand: the display must not depend on how often ticks come
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def make_workshop(store, **fields):
    details = {"title": "Health and care roundtable", "purpose": "Can we pool our budgets?",
               "participants": ["Amira", "Ben", "Chen Wei"], **fields}
    return workshops.create_workshop(store, **details)


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


# -- helpers the theme and voting tests share -----------------------------------------------
def add_notes(window, *texts, **fields):
    exercise_id = window.run_view.exercise.id
    return [window.ops.add_note(exercise_id, text, **fields) for text in texts]


def type_note(qtbot, window, text):
    """Type ``text`` into the run view's entry and press Enter, as the facilitator does."""
    entry = window.run_view.capture.entry
    qtbot.keyClicks(entry, text)
    qtbot.keyClick(entry, Qt.Key.Key_Return)


def card_point(view, card) -> QPoint:
    view.ensureVisible(card, 4, 4)
    return view.mapFromScene(card.centre())


def drag(qtbot, view, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press, move in two steps and release on the board's viewport, as a hand on a mouse would."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, LEFT, modifier, start)
    qtbot.mouseMove(viewport, start + (end - start) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, LEFT, modifier, end)


def drag_card(qtbot, view, card, delta: QPointF) -> None:
    start = card_point(view, card)
    drag(qtbot, view, start, start + QPoint(round(delta.x() * view.zoom()), round(delta.y() * view.zoom())))


def click_card(qtbot, view, card, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(view.viewport(), LEFT, modifier, card_point(view, card))


def name_themes(monkeypatch, *names) -> list:
    """Answer the theme-name questions with ``names`` in turn; returns what was asked."""
    asked, answers = [], list(names)

    def ask(cls, parent, **question):
        asked.append(question)
        return answers.pop(0)
    monkeypatch.setattr(ThemeNameDialog, "ask", classmethod(ask))
    return asked


def places(store, note_ids):
    return {i: (store.note(i).x, store.note(i).y) for i in note_ids}


def undo(qtbot, window):
    qtbot.keyClick(window.run_view.board, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window):
    qtbot.keyClick(window.run_view.board, Qt.Key.Key_Z, CTRL | SHIFT)


def docks(window) -> tuple[ActionsDock, VotingDock]:
    return (next(p for p in window.side_panels if isinstance(p, ActionsDock)),
            next(p for p in window.side_panels if isinstance(p, VotingDock)))


def room_texts(room) -> list[str]:
    """The words the room view's stage shows (a vote's progress or results), in reading order."""
    stage = room.stage.currentWidget()
    return [label.text() for label in stage.findChildren(QLabel) if label.isVisibleTo(stage) and label.text()]


def start_vote(qtbot, window, monkeypatch, **settings) -> int:
    """New vote… in the Votes tab, with the setup dialog answered by ``settings``."""
    everyone = tuple(p.id for p in window.ops.store.participants(window.workshop_id))
    monkeypatch.setattr(RoundSetupDialog, "ask", classmethod(
        lambda cls, parent, store, workshop_id, exercise_id=None: RoundSettings(
            **{"title": "What first?", "exercise_id": exercise_id, "voter_ids": everyone, **settings})))
    _actions, votes = docks(window)
    qtbot.mouseClick(votes.panel.new_button, LEFT)
    return votes.panel.current_round().id


def type_text(qtbot, widget, text: str) -> None:
    """Type like a keyboard: QTest knows ASCII keys only, so other characters arrive as key
    events carrying their text, as an Arabic or Hebrew layout (or an input method) sends them."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def database(store) -> list[str]:
    """Every row of the database, as SQL: equal lists mean nothing was written."""
    copy = sqlite3.connect(":memory:")
    store.db.conn.backup(copy)
    return list(copy.iterdump())


def facilitator_keys(window) -> list[QKeySequence]:
    """Every key sequence of every action and shortcut outside the screen on show, but for the
    keys the screen itself answers to (Enter confirms a ballot, Esc leaves the dot count...)."""
    screen = window.run_view.screen
    keys, own = [], []
    for action in window.findChildren(QAction):
        widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        inside = any(w is screen or screen.isAncestorOf(w) for w in widgets)
        (own if inside else keys).extend(action.shortcuts())
    for shortcut in window.findChildren(QShortcut):
        (own if screen.isAncestorOf(shortcut.parent()) else keys).append(shortcut.key())
    plain = ADD_KEYS | REMOVE_KEYS | CONFIRM_KEYS
    return [k for k in keys if not k.isEmpty() and k not in own
            and not (k[0].keyboardModifiers() == Qt.KeyboardModifier.NoModifier and k[0].key() in plain)]


def press_everything(qtbot, window) -> int:
    """Every facilitator key, then every menu's Alt key; returns how many keys were pressed."""
    keys = facilitator_keys(window)
    for sequence in keys:
        combination = sequence[0]
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())
    for menu in window.menuBar().actions():
        mnemonic = menu.text()[menu.text().index("&") + 1]
        qtbot.keyClick(QApplication.focusWidget() or window, mnemonic, Qt.KeyboardModifier.AltModifier)
        assert QApplication.activePopupWidget() is None
    return len(keys)


def choose(list_widget, text: str) -> None:
    for row in range(list_widget.count()):
        if list_widget.item(row).text().startswith(text):
            list_widget.setCurrentRow(row)
            return
    raise AssertionError(f"{text!r} is not listed")


def make_dialog(qtbot, window):
    dialog = NewWorkshopDialog(window.ops, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def answer_next_question(button: str) -> None:
    """Click ``button`` on the modal question the next step opens (its event loop runs the click)."""
    def click():
        box = QApplication.activeModalWidget()
        next(b for b in box.findChildren(QAbstractButton) if b.text() == button).click()
    QTimer.singleShot(0, click)
