"""The library of workshops: the home screen, its search, trash and series, and the
dialogs that manage templates and frameworks."""

from PySide6.QtCore import QTimer

from .team import TeamLibrary
from .view import LibraryView

__all__ = ["LibraryView", "create_home"]


def create_home(window) -> LibraryView:
    """The library as the main window's home page, wired to the window and its event hub.

    The window opens what the library asks for: a workshop (live, or read only when
    closed), a note or an action found by search, the dialogs for a new workshop or an
    import, and the series report. The team folder's actions and scans are wired here too.
    """
    library = LibraryView(window.ops, window.undo_stack, window)
    library.open_requested.connect(window.open_workshop)
    library.open_note_requested.connect(window.open_note)
    library.open_action_requested.connect(window.open_action)
    library.new_requested.connect(window.new_workshop)
    library.import_requested.connect(window.import_workshop)
    library.series_report_requested.connect(window.write_series_report)
    library.follow(window.hub)
    window.team = TeamLibrary(window.ops, library, window)
    QTimer.singleShot(0, window.team.start)  # after the window opens; with no team folder, nothing happens
    return library
