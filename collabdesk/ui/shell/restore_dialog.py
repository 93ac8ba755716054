"""File ▸ Restore from backup…: choose one of the database's checked backups.

The dialog only chooses; putting the backup in place happens in ``app.run_gui`` once the
window has closed and the database is no longer open (a restore is refused while any
CollabDesk holds it).
"""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget
from PySide6.QtCore import Qt


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


class RestoreDialog(QDialog):
    """The backups newest first; only a backup that passed its check can be chosen."""

    def __init__(self, backups: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.setMinimumWidth(520)
        intro = QLabel("Choose the backup to go back to. CollabDesk closes, puts the backup in place of "
                       "your library and opens again; your library as it is now is kept beside it, not deleted.")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Backups, newest first")
        for info in backups:
            text = f"{info.taken_text} · {_size(info.size)}"
            item = QListWidgetItem(text if info.ok else f"{text} · damaged: {info.problem}")
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            if not info.ok:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("Restore and reopen", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(lambda: self.restore_button.setEnabled(self.chosen() is not None))
        self.list.itemActivated.connect(lambda _item: self.chosen() and self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        good = next((row for row, info in enumerate(backups) if info.ok), None)
        if good is not None:
            self.list.setCurrentRow(good)
        self.list.setFocus()

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None and item.isSelected() else None

    @classmethod
    def ask(cls, parent: QWidget | None, backups: list) -> Path | None:
        """The backup chosen, or None when cancelled."""
        dialog = cls(backups, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
