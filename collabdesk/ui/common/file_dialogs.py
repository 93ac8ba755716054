"""Every file dialog in CollabDesk: ones that never open the files they list.

A file dialog that shows the database's folder must not read the database's files:
closing any descriptor of them drops SQLite's locks for the whole process (see
``collabdesk.store.hold``). Qt's own dialog reads a file's first bytes to pick its icon
and type whenever the name alone does not say (``x.sqlite-wal``, ``x.sqlite-shm``), and
a platform's native dialog running in our process may do the same where we cannot stop
it. So, on POSIX systems, where the locks are POSIX locks, every dialog is Qt's own,
with an icon provider that goes by the name alone, and a filter that leaves out the
open database and every side file (``-wal``, ``-shm``, ``-journal``, ``-lock``), so none can
be chosen either. Windows locks differently and keeps its native dialog.

Widgets ask through these functions (tests replace them, or drive the dialog that
``make_dialog`` builds); ``tests/ui/test_file_dialogs.py`` fails when a module uses
``QFileDialog`` directly.
"""

import os
from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase, QModelIndex, QSortFilterProxyModel
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QFileSystemModel, QWidget

from ..operations.files import is_database_file

SIDE_FILE_ENDINGS = ("-wal", "-shm", "-journal", "-lock")  # -lock: store.in_use
QT_OWN_DIALOG = os.name == "posix"


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file's name: a file's contents are never read."""

    def __init__(self):
        super().__init__()
        self._mime = QMimeDatabase()

    def icon(self, what) -> QIcon:
        if isinstance(what, QAbstractFileIconProvider.IconType):
            return super().icon(what)
        kind = QAbstractFileIconProvider.IconType.Folder if what.isDir() else QAbstractFileIconProvider.IconType.File
        return super().icon(kind)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        return self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension).comment()


class WithoutDatabaseFiles(QSortFilterProxyModel):
    """The dialog's listing without the open database and SQLite's side files."""

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        if isinstance(model, QFileSystemModel) and not model.isDir(index):
            name = model.fileName(index)
            if name.endswith(SIDE_FILE_ENDINGS) or is_database_file(model.filePath(index)):
                return False
        return True


def make_dialog(parent: QWidget | None, caption: str, start: str, file_filter: str) -> QFileDialog:
    """A file dialog on ``start`` (a folder, or a file to preselect) that never opens what it lists."""
    dialog = QFileDialog(parent, caption, start, file_filter)
    if QT_OWN_DIALOG:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.icons = NameOnlyIconProvider()  # the dialog does not own it: kept alive with the dialog
        dialog.setIconProvider(dialog.icons)
        dialog.setProxyModel(WithoutDatabaseFiles(dialog))
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


def open_files(parent: QWidget | None, caption: str, file_filter: str, start: str = "") -> list[str]:
    """Existing files to read; empty when the facilitator cancels."""
    dialog = make_dialog(parent, caption, start, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def open_file(parent: QWidget | None, caption: str, file_filter: str, start: str = "") -> str | None:
    """One existing file to read, or None."""
    dialog = make_dialog(parent, caption, start, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def save_file(parent: QWidget | None, caption: str, start: str, file_filter: str) -> str | None:
    """Where to write a file (asking before replacing one), or None."""
    dialog = make_dialog(parent, caption, start, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return str(Path(chosen[0])) if chosen else None


def existing_folder(parent: QWidget | None, caption: str, start: str = "") -> str | None:
    """A folder, or None."""
    dialog = make_dialog(parent, caption, start, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    chosen = _run(dialog)
    return chosen[0] if chosen else None
