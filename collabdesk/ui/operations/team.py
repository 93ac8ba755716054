"""The team library: the folder's setting and state, sharing, copying, and the scan.

Copying and sharing leave the workshop on screen as it is, so they are allowed while a
workshop is reviewed (a team workshop is always reviewed); the rest of the read-only
guard stands. ``scan_apart`` is the one call made off the GUI thread: it opens a store
of its own there (a SQLite connection is used only on the thread that opened it).
"""

from pathlib import Path

from ...domain.model import Workshop
from ...services import team as team_services
from ...services.team import Progress, ScanResult, TeamStatus
from ...store.team import TeamProblem
from .gateway import Gateway

__all__ = ["ScanResult", "TeamOperations", "TeamProblem", "TeamStatus"]


class TeamOperations(Gateway):
    # -- reads --------------------------------------------------------------------------
    def team_folder(self) -> Path | None:
        """The team folder's setting (the folder itself is not looked at)."""
        return team_services.team_folder(self.store)

    def team_status(self) -> TeamStatus:
        return team_services.status(self.store)

    def shares_anonymised(self, workshop_id: str) -> bool:
        return team_services.anonymises(self.store, workshop_id)

    def scan_apart(self, progress: Progress | None = None) -> ScanResult:
        """Scan the team folder with a store of its own: for a worker thread."""
        from ...store import Store

        with Store(self.store.path) as store:
            return team_services.scan(store, progress)

    # -- writes -------------------------------------------------------------------------
    def _shared(self, what: str, action):
        """Like ``_write``, but allowed in review mode: it changes nothing on screen."""
        reviewing, self.read_only = self.read_only, False
        try:
            return self._write(what, action)
        finally:
            self.read_only = reviewing

    def copy_team_workshop(self, workshop_id: str) -> Workshop:
        """An editable copy of a read-only team workshop, in one's own library."""
        copy = self._shared("workshop", lambda: team_services.copy_to_library(self.store, workshop_id))
        self.hub.workshops_listed_changed.emit()
        return copy

    def share_workshop(self, workshop_id: str, *, anonymise: bool | None = None) -> Path:
        return self._shared("shared with the team",
                            lambda: team_services.publish(self.store, workshop_id, anonymise=anonymise))

    def set_team_folder(self, folder: str | None, *, anonymise: bool) -> Path | None:
        def apply() -> Path | None:
            chosen = team_services.set_team_folder(self.store, folder)
            team_services.set_anonymise_default(self.store, anonymise)
            return chosen

        chosen = self._shared("team folder", apply)
        self.hub.workshops_listed_changed.emit()
        return chosen

    def share_framework(self, key: str) -> Path:
        """The framework's file into the team folder, for colleagues to import."""
        return self._shared("shared with the team", lambda: team_services.share_framework(self.store, key))

    def share_template(self, key: str) -> Path:
        """The template's file into the team folder, for colleagues to import."""
        return self._shared("shared with the team", lambda: team_services.share_template(self.store, key))
