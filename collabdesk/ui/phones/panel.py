"""The run view's "Phones" tab: the facilitator stays in charge of the room's phones.

One place for everything about phones while a workshop runs: turning them on and off,
how to join (the address and code; the room view shows them large with the QR code),
pausing submissions, locking the room, whether participants may still change their
notes, the devices that joined (remove one), and the notes that came from phones,
newest first (choosing one shows its card on the board, Enter goes there; Delete hides
it, undoably, like any delete on the board, and its phone is told).

Made on the first open of a workshop like every side panel; it imports nothing of the
room network itself (``PhonesSwitch`` loads that when turned on).
"""

import time
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from ...domain.model import Note
from ...domain.schedule import clock_time
from ..common.panel_context import PanelContext
from ..common.plain import plain_label, plain_tooltip
from ..operations import Operations
from ..operations.notes import DeleteNotesCommand
from ..operations.undo import preview

REFRESH_MS = 2000  # the devices' "last seen"
NOTES_LATER_MS = 300  # a busy minute's notes are listed together, not one redraw each


def seen_ago(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 10:
        return "just now"
    return f"{seconds} s ago" if seconds < 60 else f"{seconds // 60} min ago"


class PhonesPanel(QWidget):
    """The "Phones" tab of the run view (a ``SidePanel``)."""

    def __init__(self, context: PanelContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ops: Operations = context.ops
        self.switch = context.phones
        self.workshop_id: str | None = None
        self._names: dict[int, str] = {}
        self._notes_stale = False  # notes changed while the tab was not on screen

        self.status = plain_label()
        self.status.setWordWrap(True)
        self.status.setObjectName("phones-status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.on_button = QPushButton("Let phones join")
        self.on_button.setObjectName("phones-on")
        self.on_button.clicked.connect(self._on_switch)

        self.show_join = QCheckBox("Show how to &join in the room")
        self.show_join.setToolTip("The room view shows the QR code, the address and the room's code")
        self.show_join.setChecked(True)
        self.pause = QCheckBox("&Pause submissions")
        self.pause.setToolTip("Phones keep what people write and send it when you carry on")
        self.lock = QCheckBox("&Lock the room")
        self.lock.setToolTip("No new phones, and a new code; phones already in keep working")
        self.changes = QCheckBox("Participants can &change their notes")
        self.changes.setToolTip("Edit or withdraw their own notes, while their exercise is on")
        self.changes.setChecked(True)
        self.anonymous = QCheckBox("Let people join without a &name")
        self.show_join.toggled.connect(self._on_show_join)
        self.pause.toggled.connect(self._on_pause)
        self.lock.toggled.connect(self._on_lock)
        self.changes.toggled.connect(self._on_changes)
        self.anonymous.toggled.connect(self._on_anonymous)

        self.devices = QListWidget()
        self.devices.setObjectName("phones-devices")
        self.devices.setAccessibleName("Phones in the room")
        self.remove = QPushButton("&Remove phone")
        self.remove.setToolTip("Its token stops working; it can join again while the room is not locked")
        self.remove.clicked.connect(self._on_remove)
        self.devices.itemSelectionChanged.connect(self._update_buttons)

        self.notes = QListWidget()
        self.notes.setObjectName("phones-notes")
        self.notes.setAccessibleName("Notes from phones, newest first")
        self.notes.setWordWrap(True)
        self.notes.setAlternatingRowColors(True)
        self.notes.setSpacing(2)
        self.notes.setToolTip("Choosing a note shows its card on the board (Enter goes there); Delete hides it")
        self.notes.itemActivated.connect(lambda _item: self.find_on_board())
        self.notes.currentItemChanged.connect(self._on_note_chosen)
        self.notes.installEventFilter(self)
        self.find = QPushButton("&Show on the board")
        self.find.clicked.connect(self.find_on_board)
        self.hide_note = QPushButton("Hi&de note")
        self.hide_note.setToolTip("Take it off the board (Ctrl+Z brings it back); its phone shows it as hidden")
        self.hide_note.clicked.connect(self.hide_selected)

        room = QGroupBox("The room")
        room_layout = QVBoxLayout(room)
        for widget in (self.status, self.on_button, self.show_join, self.pause, self.lock, self.changes,
                       self.anonymous):
            room_layout.addWidget(widget)
        devices = QGroupBox("Phones that joined")
        devices_layout = QVBoxLayout(devices)
        devices_layout.addWidget(self.devices, 1)
        devices_layout.addWidget(self.remove)
        notes = QGroupBox("Notes from phones")
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(self.notes, 1)
        note_buttons = QHBoxLayout()
        note_buttons.addWidget(self.find)
        note_buttons.addWidget(self.hide_note)
        notes_layout.addLayout(note_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(room)
        layout.addWidget(devices, 1)
        layout.addWidget(notes, 2)
        self._groups = (room, devices, notes)

        self.refresh = QTimer(self, interval=REFRESH_MS)
        self.refresh.timeout.connect(self.show_devices)
        self._notes_later = QTimer(self, singleShot=True, interval=NOTES_LATER_MS)
        self._notes_later.timeout.connect(self.show_notes)
        self.switch.changed.connect(self._on_switched)
        hub = self.ops.hub
        hub.notes_changed.connect(self._on_notes_changed)
        hub.workshop_changed.connect(self._on_workshop_changed)
        self._on_switched(self.switch.is_on)

    # -- the open workshop --------------------------------------------------------------
    def set_workshop(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self._read_names()
        for group in self._groups:
            group.setEnabled(workshop_id is not None)
        self.show_notes()
        self._on_switched(self.switch.is_on)

    def focus_order(self) -> list[QWidget]:
        return [self.on_button, self.show_join, self.pause, self.lock, self.changes, self.anonymous,
                self.devices, self.remove, self.notes, self.find, self.hide_note]

    # -- on and off ------------------------------------------------------------------------
    def _on_switch(self) -> None:
        self.switch.toggle(self.workshop_id, self.window())

    def _on_switched(self, on: bool) -> None:
        link = self.switch.link
        self.on_button.setText("Turn phones off" if on else "Let phones join")
        for box in (self.show_join, self.pause, self.lock, self.changes, self.anonymous):
            box.setEnabled(on)
        if link is not None:
            for box, value in ((self.pause, link.room.paused), (self.lock, link.room.locked),
                               (self.changes, link.allow_changes), (self.anonymous, link.allow_anonymous),
                               (self.show_join, self.switch.join_in_room)):
                box.blockSignals(True)
                box.setChecked(value)
                box.blockSignals(False)
        self._follow_devices()
        self.show_join_details()
        self.show_devices()

    def show_join_details(self) -> None:
        link = self.switch.link
        if link is None:
            self.status.setText("Phones are off. Let them join to take notes and votes from the room's own "
                                "Wi-Fi; nothing listens on the network until then.")
            return
        state = []
        if link.room.locked:
            state.append("locked: no new phones")
        if link.room.paused:
            state.append("submissions paused")
        self.status.setText(f"Join at {link.url}  ·  room code {link.room.code}"
                            + (f"  ({', '.join(state)})" if state else ""))

    # -- the facilitator's switches ----------------------------------------------------------
    def _on_show_join(self, shown: bool) -> None:
        self.switch.set_join_in_room(shown)
        if shown:
            self.switch.shown.emit()  # and the room view opens, if it was closed

    def _on_pause(self, paused: bool) -> None:
        if self.switch.link is not None:
            self.switch.link.room.set_paused(paused)
            self.switch.link.publish()  # phones say so, and send what they kept when it ends
            self.show_join_details()

    def _on_lock(self, locked: bool) -> None:
        link = self.switch.link
        if link is not None:
            if locked:
                link.room.lock()
            else:
                link.room.unlock()
            self.switch.join_changed.emit()  # the room view shows the new code (or that the room is locked)
            self.show_join_details()

    def _on_changes(self, allowed: bool) -> None:
        if self.switch.link is not None:
            self.switch.link.set_allow_changes(allowed)

    def _on_anonymous(self, allowed: bool) -> None:
        if self.switch.link is not None:
            self.switch.link.set_allow_anonymous(allowed)

    # -- devices ------------------------------------------------------------------------------
    def show_devices(self) -> None:
        link = self.switch.link
        chosen = self._chosen_device()
        self.devices.clear()
        if link is None:
            self._update_buttons()
            return
        now = time.monotonic()
        for device in sorted(link.room.devices(), key=lambda d: d.id):
            name = device.name or f"Phone {device.id} (no name yet)"
            item = QListWidgetItem(f"{name} · last seen {seen_ago(now - device.last_seen)}")
            item.setData(Qt.ItemDataRole.UserRole, device.id)
            self.devices.addItem(item)
            item.setSelected(device.id == chosen)
        self._update_buttons()

    def _chosen_device(self) -> int | None:
        items = self.devices.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _on_remove(self) -> None:
        chosen = self._chosen_device()
        if chosen is not None and self.switch.link is not None:
            self.switch.link.room.remove(chosen)
            self.switch.link.publish()  # its live connection is closed with the next push
            self.show_devices()

    def _follow_devices(self) -> None:
        """"Last seen" is kept current while the tab is on screen and phones are on."""
        if self.switch.is_on and self.isVisible():
            self.refresh.start()
        else:
            self.refresh.stop()

    # -- notes from phones ---------------------------------------------------------------------
    def _on_notes_changed(self, _exercise_id: int) -> None:
        """Listed again shortly after (a busy minute's notes together), or when the tab is next shown."""
        if self.workshop_id is None:
            return
        if not self.isVisible():
            self._notes_stale = True
        elif not self._notes_later.isActive():
            self._notes_later.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._notes_stale:
            self.show_notes()
        self.show_devices()
        self._follow_devices()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._notes_stale = self._notes_stale or self._notes_later.isActive()
        self._notes_later.stop()
        self._follow_devices()

    def _on_workshop_changed(self, workshop_id: str) -> None:
        if workshop_id == self.workshop_id:
            self._read_names()

    def _read_names(self) -> None:
        self._names = ({p.id: p.name for p in self.ops.store.participants(self.workshop_id)}
                       if self.workshop_id is not None else {})

    def show_notes(self) -> None:
        self._notes_stale = False
        chosen = self._chosen_note()
        self.notes.clear()
        found = self.ops.store.phone_notes_of(self.workshop_id) if self.workshop_id is not None else []
        for note in found:
            item = QListWidgetItem(self.note_line(note))
            item.setData(Qt.ItemDataRole.UserRole, note)
            item.setToolTip(plain_tooltip(note.text))
            self.notes.addItem(item)
            if chosen is not None and note.id == chosen.id:
                self.notes.setCurrentItem(item)
        self.notes.parentWidget().setTitle(f"Notes from phones ({len(found)})" if found else "Notes from phones")
        self._update_buttons()

    def note_line(self, note: Note) -> str:
        who = self._names.get(note.author_id, "Anonymous") if note.author_id is not None else "Anonymous"
        kind = "" if note.kind == "note" else f" ({note.kind})"
        sent = clock_time(datetime.fromisoformat(note.created).timestamp()) if note.created else ""
        return f"{sent}  {who}{kind}: {preview(note.text, 120)}"

    def _chosen_note(self) -> Note | None:
        item = self.notes.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_note_chosen(self, *_items) -> None:
        """Browsing the list (keys or a click) shows each note's card on the board; the list keeps
        the keyboard, so Delete hides the note chosen and the arrows go on to the next."""
        self._update_buttons()
        if self.notes.hasFocus() and self._chosen_note() is not None:
            self.find_on_board()
            self.notes.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_on_board(self) -> None:
        note = self._chosen_note()
        if note is not None:
            self.context.show_note(note.exercise_id, note.id)

    def hide_selected(self) -> None:
        """Hide the chosen note: the board's own delete, one step on the facilitator's undo stack."""
        note = self._chosen_note()
        if note is None:
            return
        step = DeleteNotesCommand(self.ops, [note])
        self.ops.attempt(step.run, self.context.undo_stack)
        self.notes.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.KeyPress and \
                event.matches(QKeySequence.StandardKey.Delete):
            self.hide_selected()
            return True
        return super().eventFilter(watched, event)

    def _update_buttons(self) -> None:
        self.remove.setEnabled(self._chosen_device() is not None)
        chosen = self._chosen_note() is not None
        self.find.setEnabled(chosen)
        self.hide_note.setEnabled(chosen)


def create_panel(context: PanelContext) -> tuple[str, QWidget]:
    """The run view's "Phones" tab (found by the main window)."""
    return "Phones", PhonesPanel(context)
