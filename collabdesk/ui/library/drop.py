"""Importing workshop files dropped on a window, whichever widget in it is under the pointer."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from ..operations.files import is_database_file

DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_workshop_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local ``.json`` files being dragged, which may be workshop files (checked on import).

    The open database's own files are never among them: opening one would drop SQLite's locks."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
    return [p for p in paths if p.lower().endswith(".json") and not is_database_file(p)]


class WorkshopFileDropTarget:
    """Mixed into a widget with ``import_files(paths)``: dropping workshop files imports them.

    Widgets inside a window that take drops of their own (the board, the note entry, the search
    box, which would paste a file's address as text) would see workshop files first:
    ``catch_drops_inside`` lets the window take those and refuse other files, while every other
    drop (plain text on the entry) goes on as before."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_workshop_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_workshop_files(event)
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def catch_drops_inside(self) -> None:
        """On a window: files dragged over any widget in it come here first.

        The platform hands every drag into a window to its ``QWindow``, which passes it on to
        the widget under the pointer; a filter there sees each drag before any widget does.
        (Not one on the whole application: every event of every object would pass through
        Python, making each new widget slower to build and each event slower to deliver.)
        """
        self.winId()  # the window's QWindow, made now rather than when it is first shown
        self._drop_catcher = _DropCatcher(self)
        self.windowHandle().installEventFilter(self._drop_catcher)


class _DropCatcher(QObject):
    """Hands workshop files dragged into ``target``'s window to ``target``, whichever widget they are over."""

    def __init__(self, target: QWidget):
        super().__init__(target)
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in DRAG_EVENTS or not _local_files(event):
            return False
        paths = dropped_workshop_files(event)
        if not paths:  # other files (the database's own among them) are refused, not pasted as text
            event.ignore()
            return True
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.target.import_files(paths)
        return True


def _local_files(event: QDragEnterEvent | QDropEvent) -> bool:
    return event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls())
