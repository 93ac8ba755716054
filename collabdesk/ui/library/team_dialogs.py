"""The team folder's dialogs: choose the folder, share a workshop, read the folder's problems."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain.dates import short_date
from ..common import prompts
from ..common.plain import plain_label, plain_tooltip
from ..operations.team import TeamProblem


class TeamFolderDialog(QDialog):
    """Settings ▸ Team folder: which folder, sharing with names or not, and what it means."""

    def __init__(self, folder: Path | None, anonymise: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Team folder")
        explanation = QLabel(
            "Choose a folder your organisation's sync service keeps on every facilitator's laptop "
            "(OneDrive or SharePoint, Google Drive, Nextcloud, Dropbox, Syncthing). A workshop is shared "
            "into it when you close it, or when you choose Share with the team. The team's workshops "
            "appear in your library, read only. Nothing else leaves this laptop.")
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setWordWrap(True)
        self.path = QLineEdit(str(folder) if folder else "")
        self.path.setPlaceholderText("No team folder: nothing is shared or read")
        self.path.setAccessibleName("Team folder")
        self.choose = QPushButton("Choose…")
        self.anonymise = QCheckBox("Share anonymised: no participant's or facilitator's name")
        self.anonymise.setChecked(anonymise)
        self.stop_sharing = QPushButton("Stop using a team folder")
        self.stop_sharing.setEnabled(folder is not None)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.stop_sharing, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.anonymise)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self.choose.clicked.connect(self._on_choose)
        self.stop_sharing.clicked.connect(self._on_stop)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def chosen(self) -> tuple[str, bool]:
        """(the folder, "" for none; share anonymised)."""
        return self.path.text().strip(), self.anonymise.isChecked()

    def _on_choose(self) -> None:
        chosen = prompts.choose_folder(self, "Choose the team folder", self.path.text().strip())
        if chosen:
            self.path.setText(chosen)

    def _on_stop(self) -> None:
        self.path.clear()
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget, folder: Path | None, anonymise: bool) -> tuple[str, bool] | None:
        """The folder and default chosen, or None when cancelled (tests replace this)."""
        dialog = cls(folder, anonymise, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ShareDialog(QDialog):
    """Share with the team…: whether the shared file names people, remembered for this workshop."""

    def __init__(self, title: str, anonymise: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Share with the team")
        what = plain_label(f"“{' '.join(title.split())}” is written into the team folder now, and again each "
                           "time you close it. Colleagues see it in their libraries, read only.")
        what.setWordWrap(True)
        self.anonymise = QCheckBox("Anonymised: no participant's or facilitator's name")
        self.anonymise.setChecked(anonymise)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Share", QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.anonymise)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    @classmethod
    def ask(cls, parent: QWidget, title: str, anonymise: bool) -> bool | None:
        """Whether to share anonymised, or None when cancelled (tests replace this)."""
        dialog = cls(title, anonymise, parent)
        try:
            return dialog.anonymise.isChecked() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class TeamProblemsDialog(QDialog):
    """The team folder's problems: files skipped (and why), tried again when they change."""

    rescan_requested = Signal()

    def __init__(self, problems: list[TeamProblem], folder: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Team folder problems")
        intro = QLabel(
            "These files in the team folder were skipped. Nothing in your library was changed by them; each is "
            "read again when it changes (a file still arriving from the sync service usually sorts itself out). "
            "Older copies of a workshop are left for you to keep or delete.")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        where = plain_label(f"Team folder: {folder}" if folder else "No team folder is set.")
        self.table = QTableWidget(len(problems), 3)
        self.table.setHorizontalHeaderLabels(("File", "Problem", "Seen"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        for row, problem in enumerate(problems):
            for column, value in enumerate((problem.path, problem.reason, short_date(problem.seen[:10]))):
                item = QTableWidgetItem(value)  # items show text as text, never markup
                item.setToolTip(plain_tooltip(value))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 240)
        self.table.resizeRowsToContents()
        self.rescan = QPushButton("Scan again")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.rescan, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)
        buttons.rejected.connect(self.reject)
        self.rescan.clicked.connect(self.rescan_requested)
        self.rescan.clicked.connect(self.accept)
