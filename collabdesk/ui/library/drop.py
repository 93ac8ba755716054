"""Importing workshop files dropped on a window."""

from PySide6.QtGui import QDragEnterEvent, QDropEvent


def dropped_workshop_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local ``.json`` files being dragged, which may be workshop files (checked on import)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile().lower().endswith(".json")]


class WorkshopFileDropTarget:
    """Mixed into a widget with ``import_files(paths)``: dropping workshop files imports them."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_workshop_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_workshop_files(event)
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)
