"""The app-level event hub: what changed, announced once, so each view redraws only that.

One ``EventHub`` is made per window set and passed in (never reached globally). Every
call that writes through a service is followed by the matching signal, emitted by
``Operations`` (the UI's one gateway to the services). Views subscribe to what they
show and ignore the rest: the board listens to its exercise's notes, the room view to
the current exercise, the home list to workshop changes.
"""

from PySide6.QtCore import QObject, Signal


class EventHub(QObject):
    # Notes, fine-grained so a view can add or remove one card instead of rebuilding.
    notes_added = Signal(object)  # tuple[Note, ...]
    notes_updated = Signal(object)  # tuple[Note, ...] as they are now
    notes_removed = Signal(object)  # tuple[Note, ...] as they were
    notes_changed = Signal(int)  # exercise id, after any of the three above (coarse listeners)
    phone_notes_added = Signal(object)  # tuple of note ids sent from phones, just before notes_added

    # Workshop structure and state.
    workshop_changed = Signal(str)  # details, status, participants
    agenda_changed = Signal(str)  # exercises added, removed, edited or reordered
    current_exercise_changed = Signal(str, object)  # workshop id, exercise id (None at the end)
    timer_changed = Signal(object)  # Exercise with its new TimerState
    workshops_listed_changed = Signal()  # a workshop created, imported or trashed

    # For the board, voting and actions work to announce their own changes.
    themes_changed = Signal(int)  # exercise id
    votes_changed = Signal(str)  # workshop id
    health_changed = Signal(str)  # workshop id: a health check started, rated, counted, revealed, closed or deleted
    actions_changed = Signal(str)  # workshop id

    # Persistence, for the status bar.
    saved = Signal(str)  # what was saved, e.g. "note"
    save_failed = Signal(str)  # a message the facilitator can act on
    database_reopened = Signal(str)  # the database's log was lost under the app and reopened: why, what was kept

    def announce_notes(self, *, added=(), updated=(), removed=()) -> None:
        """Emit the fine signals, then ``notes_changed`` once per exercise touched."""
        added, updated, removed = tuple(added), tuple(updated), tuple(removed)
        if added:
            self.notes_added.emit(added)
        if updated:
            self.notes_updated.emit(updated)
        if removed:
            self.notes_removed.emit(removed)
        for exercise_id in sorted({n.exercise_id for n in (*added, *updated, *removed)}):
            self.notes_changed.emit(exercise_id)
