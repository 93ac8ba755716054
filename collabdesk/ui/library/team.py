"""The team folder in the app: keeping the index in step with the folder (a scan at start,
on demand and when the folder changes, always in the background), and the library's team
actions; their dialogs (``team_dialogs``) load when one opens.

``TeamSync`` never touches the folder until a team folder is set: with none, it starts no
watcher, no timer and no scan. A scan runs on the shared thread pool with a store of its
own (a SQLite connection is used only on the thread that opened it); each file it
indexes is one short transaction, so the library stays usable while a big folder is read.
"""

import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QThreadPool, QTimer, Signal

from ...domain.team import MAX_DEPTH, is_searched_folder
from ..operations import Operations

DEBOUNCE_MS = 400  # a sync engine writes a file in bursts: scan once it has settled
PROGRESS_SECONDS = 1.0  # a long first index shows what has arrived this often


class TeamSync(QObject):
    """Keeps the team workshops in step with the team folder, in the background.

    ``scanned`` is emitted on the GUI thread after each scan (with how many team
    workshops were added or updated); ``progress`` while a long one runs (files read,
    files to read, workshops added or updated so far), at most every ``PROGRESS_SECONDS``;
    ``failed`` with one sentence when a scan could not run.
    """

    scanned = Signal(int)
    progress = Signal(int, int, int)
    failed = Signal(str)
    _done = Signal(object)  # from the worker: a ScanResult or an error message

    def __init__(self, ops: Operations, parent: QObject | None = None):
        super().__init__(parent)
        self._ops = ops
        self._watcher: QFileSystemWatcher | None = None
        self._timer: QTimer | None = None
        self._running = False
        self._again = False
        self._stopped = False  # stopped (the window closed): a scan still running reports to nobody
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._told = 0.0  # when the worker last reported progress

    @property
    def folder(self) -> Path | None:
        return self._ops.team_folder()

    @property
    def busy(self) -> bool:
        return self._running

    def start(self) -> None:
        """Watch the team folder and scan it now; with no team folder set, do nothing at all."""
        self.stop()
        self._stopped = False
        folder = self.folder
        if folder is None or getattr(self._ops.store, "read_only", False):  # a read-only database: no index
            return
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.scan)
        self._watcher = QFileSystemWatcher(self)
        self._watch(folder)
        self._watcher.directoryChanged.connect(self._on_folder_changed)
        self._watcher.fileChanged.connect(self._on_folder_changed)
        self.scan()

    def stop(self) -> None:
        """No more watching or scanning; a scan running finishes, and its report is dropped."""
        self._stopped = True
        self._again = False
        for owned in (self._watcher, self._timer):
            if owned is not None:
                owned.deleteLater()
        self._watcher = self._timer = None

    def scan(self) -> None:
        """Scan the folder in the background (once more after the one running, if one is)."""
        if self.folder is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        QThreadPool.globalInstance().start(self._scan_on_worker)

    def _scan_on_worker(self) -> None:
        self._told = time.monotonic()
        try:
            outcome = self._ops.scan_apart(self._report_progress)
        except Exception as error:  # noqa: BLE001 - reported on the GUI thread, never lost on the worker
            outcome = f"The team folder could not be read: {error}"
        try:
            self._done.emit(outcome)
        except RuntimeError:  # the window closed while the scan ran: nobody is left to tell
            pass

    def _report_progress(self, done: int, to_read: int, changed: int) -> None:
        """On the worker: pass progress on now and then (the signal is queued to the GUI thread)."""
        now = time.monotonic()
        if done < to_read and now - self._told >= PROGRESS_SECONDS:
            self._told = now
            try:
                self.progress.emit(done, to_read, changed)
            except RuntimeError:  # the window closed while the scan ran
                pass

    def _on_done(self, outcome) -> None:
        self._running = False
        if self._stopped:
            return
        if isinstance(outcome, str):
            self.failed.emit(outcome)
        else:
            if self._watcher is not None and self.folder is not None:
                self._watch(self.folder)  # sub-folders made since
            self.scanned.emit(outcome.changed)
        if self._again:
            self._again = False
            self.scan()

    def _on_folder_changed(self, _path: str) -> None:
        if self._timer is not None:
            self._timer.start()  # restarted by each change: one scan when the burst is over

    def _watch(self, folder: Path) -> None:
        """The folder and its searched sub-folders (as deep as a scan looks); names only, nothing opened."""
        wanted = [str(folder)]
        level = [folder]
        for _depth in range(MAX_DEPTH):
            below = []
            for directory in level:
                try:
                    below += [p for p in directory.iterdir()
                              if p.is_dir() and not p.is_symlink() and is_searched_folder(p.name)]
                except OSError:
                    continue
            wanted += [str(p) for p in below]
            level = below
        missing = [p for p in wanted if p not in self._watcher.directories()]
        if missing:
            self._watcher.addPaths(missing)


class TeamLibrary(QObject):
    """The library's team actions, carried out through the window's operations: choose the
    folder, share, copy, read the problems, and refresh the list as scans finish."""

    def __init__(self, ops: Operations, library, parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self.library = library
        self.sync = TeamSync(ops, parent=self)
        self._listed = 0  # team workshops already listed during the scan running
        library.team_folder_requested.connect(self.choose_folder)
        library.share_requested.connect(self.share)
        library.copy_requested.connect(self.copy)
        library.team_problems_requested.connect(self.show_problems)
        library.team_scan_requested.connect(self.scan)
        self.sync.scanned.connect(self._on_scanned)
        self.sync.progress.connect(self._on_progress)
        self.sync.failed.connect(ops.hub.save_failed)

    def start(self) -> None:
        """Watch and scan the team folder in the background (nothing at all without one)."""
        self.sync.start()
        self._show_status()

    def scan(self) -> None:
        self.sync.scan()
        self._show_status()

    def choose_folder(self) -> None:
        state = self.ops.team_status()
        from .team_dialogs import TeamFolderDialog

        chosen = TeamFolderDialog.ask(self.library, state.folder, state.anonymise)
        if chosen is None:
            return
        folder, anonymise = chosen
        done = self.ops.attempt(self.ops.set_team_folder, folder or None, anonymise=anonymise)
        if done is None and folder:
            return
        self.library.refresh()
        self.start()
        self.library.show_message(f"Team folder: {done}. Reading it in the background…" if done
                                  else "No team folder now; its files were left as they are.")

    def share(self, workshop_id: str) -> None:
        from .team_dialogs import ShareDialog

        anonymise = ShareDialog.ask(self.library, self.ops.store.workshop(workshop_id).title,
                                    self.ops.shares_anonymised(workshop_id))
        if anonymise is None:
            return
        path = self.ops.attempt(self.ops.share_workshop, workshop_id, anonymise=anonymise)
        if path is not None:
            self.library.show_message(f"Shared with the team as {path.name}"
                                      f"{', anonymised' if anonymise else ''}.")

    def copy(self, workshop_id: str) -> None:
        copy = self.ops.attempt(self.ops.copy_team_workshop, workshop_id)
        if copy is not None:
            self.library.changed(f"Copied “{' '.join(copy.title.split())}” to your library: this copy is yours "
                                 "to change.", [copy.id])

    def show_problems(self) -> None:
        state = self.ops.team_status()
        from .team_dialogs import TeamProblemsDialog

        dialog = TeamProblemsDialog(state.problems, state.folder, self.library)
        dialog.rescan_requested.connect(self.scan)
        dialog.exec()
        dialog.deleteLater()

    def _on_progress(self, done: int, to_read: int, changed: int) -> None:
        """A long first index: list what has arrived so far, and say how far it is."""
        if changed > self._listed:
            self._listed = changed
            self.library.refresh()
        self.library.team_bar.show_status(self.ops.team_status(), scanning=True, read=(done, to_read))

    def _on_scanned(self, changed: int) -> None:
        self._listed = 0
        if changed:
            self.library.refresh()
        self._show_status()

    def _show_status(self) -> None:
        self.library.team_bar.show_status(self.ops.team_status(), scanning=self.sync.busy)
