"""The library of workshops: the home screen, its search, trash and series, and the
dialogs that manage templates and frameworks."""

from .view import LibraryView

__all__ = ["LibraryView"]
