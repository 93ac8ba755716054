"""The laptop's side of the room network: the server's ``Host``, living on the GUI thread.

Phone writes arrive on the server's thread; ``GuiThread.submit`` hands each one to the GUI
thread through a queued signal, where it goes through the operations exactly like a typed
note (read-only guard, one transaction, the board's signals, "All changes saved"). New
notes wait in a ``NoteInbox``: every note that arrived before the GUI thread gets to them
is saved in one transaction (one commit, one announcement to the board), which keeps the
room's busiest minute (sixty phones sending at once) from queueing one fsync per note.
The future the server awaits resolves after the commit, so a phone is acknowledged only
for what the database holds. What phones see (the current exercise, time left, names) is
pushed to the server whenever the hub says it changed.
"""

import concurrent.futures
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ...domain.errors import ChangeClosedError, ValidationError
from ...net import ballots
from ...net.room import Limits, Room
from ...net.server import PhoneServer, acknowledgement
from ..operations import Operations

IDLE_CHECK_MS = 60_000
VOTE_PUSH_MS = 50  # the vote's changes within this go to the phones in one push (a room voting at once)


class GuiThread(QObject):
    """Runs callables on the thread this object lives on (the GUI's), from any thread."""

    _run = Signal(object, object)  # the callable, its concurrent future

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._run.connect(self._on_run, Qt.ConnectionType.QueuedConnection)

    def submit(self, action: Callable[[], object]) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._run.emit(action, future)
        return future

    def _on_run(self, action, future: concurrent.futures.Future) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(action())
        except Exception as error:  # carried to the server, which answers the phone with it
            future.set_exception(error)


class NoteInbox(QObject):
    """Notes from phones waiting for the GUI thread, saved together by ``save`` there.

    ``put`` (any thread) queues a note and, when the inbox was empty, asks the GUI thread
    once to empty it; whatever arrives before it does joins the same transaction.
    """

    _arrived = Signal()

    def __init__(self, save: Callable[[list[dict]], list], parent: QObject | None = None):
        super().__init__(parent)
        self._save = save  # drafts -> one result per draft: an acknowledgement, or the error refusing it
        self._lock = threading.Lock()
        self._waiting: list[tuple[dict, concurrent.futures.Future]] = []
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)

    def put(self, draft: dict) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        with self._lock:
            self._waiting.append((draft, future))
            first = len(self._waiting) == 1
        if first:
            self._arrived.emit()
        return future

    def _on_arrived(self) -> None:
        with self._lock:
            waiting, self._waiting = self._waiting, []
        waiting = [(draft, future) for draft, future in waiting if future.set_running_or_notify_cancel()]
        if not waiting:
            return
        try:
            results = self._save([draft for draft, _ in waiting])
        except Exception as error:  # nothing was saved: every phone is told why, and sends again later
            for _, future in waiting:
                future.set_exception(error)
            return
        for (_, future), result in zip(waiting, results):
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)


class PhoneLink(QObject):
    """One workshop's room network, on while this object lives (``start`` .. ``stop``)."""

    idle = Signal()  # nobody has used the room for the idle period: the switch turns it off

    def __init__(self, ops: Operations, workshop_id: str, address: str, port: int = 0, *,
                 name: str | None = None, limits: Limits = Limits(), parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self.workshop_id = workshop_id
        self.allow_anonymous = not ops.store.participants(workshop_id)
        self.allow_changes = True  # participants may edit or withdraw their notes on the exercise that is on
        self.gui = GuiThread(self)
        self.inbox = NoteInbox(self._save_notes, self)
        self.room = Room(limits=limits)
        self.server = PhoneServer(self.room, self, address, port, name=name)
        self._withdrawing: str | None = None  # the key a phone is withdrawing now: it is told by its answer
        self._just_added: set[int] = set()  # phone notes being acknowledged now: their phones are told so
        self._vote_shown = False  # whether phones show a vote whose cards (or results) the board changes
        self._vote_timer = QTimer(self, singleShot=True, interval=VOTE_PUSH_MS)
        self._vote_timer.timeout.connect(self.publish_vote)
        for signal, slot in self._follows():
            signal.connect(slot)
        self._idle_timer = QTimer(self, interval=IDLE_CHECK_MS)
        self._idle_timer.timeout.connect(self._check_idle)

    @property
    def url(self) -> str:
        return self.server.url

    def join_url(self) -> str:
        return f"{self.server.url}?code={self.room.code}"

    def start(self) -> str:
        url = self.server.start()
        self.publish()
        self._idle_timer.start()
        return url

    def stop(self) -> None:
        self._idle_timer.stop()
        for signal, slot in self._follows():
            signal.disconnect(slot)
        self._vote_timer.stop()
        self.server.stop()

    def _follows(self) -> list[tuple]:
        hub = self.ops.hub
        return [(hub.current_exercise_changed, self.publish), (hub.timer_changed, self.publish),
                (hub.workshop_changed, self.publish), (hub.agenda_changed, self.publish),
                (hub.votes_changed, self._vote_changed), (hub.notes_changed, self._on_board_changed),
                (hub.themes_changed, self._on_board_changed), (hub.phone_notes_added, self._just_added.update),
                (hub.notes_added, self._on_notes_back), (hub.notes_updated, self._tell_phones),
                (hub.notes_removed, self._tell_phones)]

    def set_allow_anonymous(self, allowed: bool) -> None:
        self.allow_anonymous = allowed
        self.publish()

    def set_allow_changes(self, allowed: bool) -> None:
        """The facilitator's switch: may participants still edit or withdraw their notes?"""
        self.allow_changes = allowed
        self.publish()

    # -- the server's Host: called on the server's thread ---------------------------------------
    def add_note(self, *, text: str, kind: str, client_key: str, device: str,
                 author_id: int | None) -> concurrent.futures.Future:
        return self.inbox.put({"text": text, "kind": kind, "client_key": client_key, "device": device,
                               "author_id": author_id})

    def _save_notes(self, drafts: list[dict]) -> list:
        """On the GUI thread: the inbox's notes onto the current exercise, one acknowledgement
        (or refusal) each."""
        exercise = self.current_exercise()
        if exercise is None:
            raise ValidationError("No exercise is open for notes now: wait for the facilitator to start one.")
        results = self.ops.add_phone_notes(exercise.id, drafts)
        return [r if isinstance(r, Exception) else acknowledgement(r, d["client_key"])
                for d, r in zip(drafts, results)]

    def cast_ballot(self, *, round_id: int, voter_id: int, allocation: dict,
                    replacing: dict | None) -> concurrent.futures.Future:
        return self.gui.submit(lambda: self.ops.cast_phone_ballot(self.workshop_id, round_id, voter_id, allocation,
                                                                  replacing=replacing))

    def edit_note(self, *, client_key: str, text: str, kind: str) -> concurrent.futures.Future:
        def save() -> dict:
            self._check_changes_allowed()
            return acknowledgement(self.ops.edit_phone_note(self.workshop_id, client_key, text, kind), client_key)

        return self.gui.submit(save)

    def withdraw_note(self, *, client_key: str) -> concurrent.futures.Future:
        def save() -> dict:
            self._check_changes_allowed()
            self._withdrawing = client_key
            try:
                return acknowledgement(self.ops.withdraw_phone_note(self.workshop_id, client_key), client_key)
            finally:
                self._withdrawing = None

        return self.gui.submit(save)

    def _check_changes_allowed(self) -> None:
        if not self.allow_changes:
            raise ChangeClosedError("changes", "The facilitator has closed changes to notes for now.")

    # -- telling phones what became of their notes -------------------------------------------------
    def _on_notes_back(self, notes) -> None:
        """Notes added: new phone notes are acknowledged by the server; restored ones (the
        facilitator's undo of a hide) are on the board again, and their phones are told."""
        restored = [n for n in notes if n.id not in self._just_added]
        self._just_added.clear()
        if restored:
            self._tell_phones(restored)

    def _tell_phones(self, notes) -> None:
        """Phone notes edited, hidden or brought back on the laptop: their phones see them as they are."""
        keys = self.ops.store.phone_note_keys([n.id for n in notes])
        if not keys:
            return
        now = {n.id: n for n in self.ops.store.notes_by_ids(keys)}
        self.server.update_notes([acknowledgement(now[i], key) for i, key in keys.items()
                                  if key != self._withdrawing])

    # -- what phones see ------------------------------------------------------------------------
    def current_exercise(self):
        return next((e for e in self.ops.store.exercises(self.workshop_id) if e.state == "current"), None)

    def state(self) -> dict:
        store = self.ops.store
        workshop = store.workshop(self.workshop_id)
        exercise = self.current_exercise()
        shown = None
        if exercise is not None:
            domain = self.ops.framework_or_default(workshop.framework_key).domain(exercise.domain_key)
            shown = {"id": exercise.id, "domain": domain.name, "colour": domain.colour, "title": exercise.title,
                     "prompt": exercise.prompt, "seconds_left": round(exercise.timer.remaining(store.clock())),
                     "running": exercise.timer.running}
        return {"workshop": workshop.title, "exercise": shown, "anonymous": self.allow_anonymous,
                "changes": self.allow_changes, "paused": self.room.paused,
                "participants": [{"id": p.id, "name": p.name} for p in store.participants(self.workshop_id)],
                **self.vote_state()}

    def vote_state(self) -> dict:
        vote, statuses = self.ops.phone_vote(self.workshop_id)
        self._vote_shown = bool(vote and (vote["revealed"] or vote["mode"] == "ballot"))
        return ballots.vote_state(vote, statuses)

    def publish(self, *_changed) -> None:
        self.server.publish(self.state())

    def publish_vote(self) -> None:
        """The vote changed: each phone whose own view of it changed is told (no other)."""
        self._vote_timer.stop()
        self.server.publish_vote(self.vote_state())

    @property
    def vote_push_pending(self) -> bool:
        """A change of the vote waits (at most ``VOTE_PUSH_MS``) to be pushed with the next ones."""
        return self._vote_timer.isActive()

    def _vote_changed(self, workshop_id: str) -> None:
        if workshop_id == self.workshop_id and not self._vote_timer.isActive():
            self._vote_timer.start()

    def _on_board_changed(self, _exercise_id: int) -> None:
        """A note or theme changed: phones hear of it only when it changes the vote they show."""
        if self._vote_shown and not self._vote_timer.isActive():
            self._vote_timer.start()

    def _check_idle(self) -> None:
        if self.room.idle_for() >= self.room.limits.idle_seconds:
            self.idle.emit()
