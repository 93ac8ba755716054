"""What a side panel of the run view may reach: the gateway, the undo stack, and the screens.

Panels are given this, never the main window, so each one's reach is written down here
and a test can build one without a window.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget


class SidePanel(Protocol):
    """What every side panel does: follow the workshop the run view opens (None: closed)."""

    def set_workshop(self, workshop_id: str | None) -> None: ...


@dataclass(frozen=True)
class PanelContext:
    ops: object  # ui.operations.Operations (not imported here: common/ sits below operations/)
    undo_stack: QUndoStack
    show_screen: Callable[[QWidget], None]  # cover the run view with a full-window screen (a ballot)
    close_screen: Callable[[], None]  # and put the board back
    set_room_stage: Callable[[QWidget | None], None]  # what the room view shows instead of the notes
    phones: object = None  # ui.phones.switch.PhonesSwitch: the room network's switch, and the link while on
    show_note: Callable[[int, int], bool] | None = None  # show (exercise id, note id)'s card on the board
