"""The library: search, the trash, duplicates, series, workshop files in and out.

Writes announce ``workshops_listed_changed``; trashing is an undo step on the window's
stack like every other change (``TrashWorkshopsCommand``), so the library's Undo button
and Ctrl+Z are one and the same.
"""

import os
from collections.abc import Iterable

from ...domain.model import Template, Workshop
from ...services import library as library_services
from ...services.library import SearchResult, SeriesReportInput
from ...store.library import Series
from .gateway import Gateway
from .undo import UndoStep

__all__ = ["LibraryOperations", "SearchResult", "Series", "SeriesReportInput", "TrashWorkshopsCommand"]


class LibraryOperations(Gateway):
    # -- reads --------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 200) -> list[SearchResult]:
        return library_services.search(self.store, query, limit=limit)

    def series_list(self) -> list[Series]:
        return library_services.series_list(self.store)

    def series_report_input(self, series_id: int) -> SeriesReportInput:
        return library_services.series_report_input(self.store, series_id)

    def workshop_json(self, workshop_id: str) -> str:
        """The workshop as a workshop file's text (File → Export as JSON)."""
        from ...services.files import export_workshop_json  # loaded when first needed

        return export_workshop_json(self.store, workshop_id)

    def backups(self) -> list:
        """The database's backups newest first, each checked (File → Restore from backup…)."""
        from ...store.backup import list_backups  # loaded when first needed

        return list_backups(self.store.path)

    # -- writes -------------------------------------------------------------------------
    def _listed(self, what: str, action):
        result = self._write(what, action)
        self.hub.workshops_listed_changed.emit()
        return result

    def import_workshop_file(self, path: str | os.PathLike) -> str:
        """Import a workshop file in one transaction; the new workshop's id."""
        from ...services.files import import_workshop_file  # loaded when first needed

        return self._listed("workshop", lambda: import_workshop_file(self.store, path))

    def duplicate_workshop(self, workshop_id: str) -> Workshop:
        return self._listed("workshop", lambda: library_services.duplicate_workshop(self.store, workshop_id))

    def save_agenda_as_template(self, workshop_id: str, name: str) -> Template:
        return self._write("template",
                           lambda: library_services.save_agenda_as_template(self.store, workshop_id, name))

    def trash_workshops(self, workshop_ids: Iterable[str]) -> list[str]:
        ids = list(workshop_ids)
        return self._listed("trash", lambda: library_services.trash_workshops(self.store, ids))

    def restore_workshops(self, workshop_ids: Iterable[str]) -> list[str]:
        ids = list(workshop_ids)
        return self._listed("trash", lambda: library_services.restore_workshops(self.store, ids))

    def delete_for_good(self, workshop_ids: Iterable[str]) -> int:
        ids = list(workshop_ids)
        return self._listed("trash", lambda: library_services.delete_for_good(self.store, ids))

    def empty_trash(self) -> int:
        return self._listed("trash", lambda: library_services.empty_trash(self.store))

    def create_series(self, title: str) -> Series:
        return self._listed("series", lambda: library_services.create_series(self.store, title))

    def rename_series(self, series_id: int, title: str) -> Series:
        return self._listed("series", lambda: library_services.rename_series(self.store, series_id, title))

    def delete_series(self, series_id: int) -> None:
        self._listed("series", lambda: library_services.delete_series(self.store, series_id))

    def add_to_series(self, workshop_ids: Iterable[str], series_id: int) -> None:
        ids = list(workshop_ids)
        self._listed("series", lambda: library_services.add_to_series(self.store, ids, series_id))

    def remove_from_series(self, workshop_ids: Iterable[str]) -> None:
        ids = list(workshop_ids)
        self._listed("series", lambda: library_services.remove_from_series(self.store, ids))


class TrashWorkshopsCommand(UndoStep):
    """Workshops moved to the trash; undo puts them back in the library exactly as they were."""

    def __init__(self, ops: LibraryOperations, workshop_ids: Iterable[str], **hooks):
        self.workshop_ids = list(workshop_ids)
        count = len(self.workshop_ids)
        super().__init__(ops, "Move a workshop to the trash" if count == 1 else f"Move {count} workshops to the trash",
                         **hooks)

    def apply(self) -> None:
        self.ops.trash_workshops(self.workshop_ids)

    def revert(self) -> None:
        self.ops.restore_workshops(self.workshop_ids)
