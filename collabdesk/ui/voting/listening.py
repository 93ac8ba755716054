"""Keeping a voting widget current from the app's event hub."""

from collections.abc import Callable

from PySide6.QtCore import QObject


class HubFollower(QObject):
    """Calls ``refresh`` when the workshop's votes change, or any notes or themes do.

    ``hub`` is the app's EventHub. Notes matter because deleting one takes its dots out
    of the results, and undoing the delete brings them back. The follower is a child of
    the widget it refreshes, so its connections end when the widget goes.
    """

    def __init__(self, hub, owner: QObject, refresh: Callable[[], None], workshop_id: str | None = None,
                 on_board: Callable[[], None] | None = None):
        super().__init__(owner)
        self._refresh = refresh
        self._on_board = on_board or refresh
        self._workshop_id = workshop_id
        hub.votes_changed.connect(self._on_votes_changed)
        hub.notes_changed.connect(self._on_board_changed)
        hub.themes_changed.connect(self._on_board_changed)

    def _on_votes_changed(self, workshop_id: str) -> None:
        if self._workshop_id in (None, workshop_id):
            self._refresh()

    def _on_board_changed(self, _exercise_id: int) -> None:
        self._on_board()


def follow_hub(hub, owner: QObject, refresh: Callable[[], None], workshop_id: str | None = None, *,
               on_board: Callable[[], None] | None = None) -> None:
    """Keep ``owner`` current through ``refresh`` (``on_board`` instead, when given, for changes of
    notes and themes); nothing to do without a hub."""
    if hub is not None:
        HubFollower(hub, owner, refresh, workshop_id, on_board)
