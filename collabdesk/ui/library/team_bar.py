"""The strip above the library's table once a team folder is set: where it is, how many
team workshops it gave, and the problems found, with a button to each."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ..common.plain import plain_tooltip
from ..operations.team import TeamStatus


class TeamBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("team-bar")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName("Team folder")
        self.scan = QPushButton("Scan now")
        self.scan.setToolTip("Read the team folder again for new and changed workshops")
        self.problems = QPushButton()
        self.problems.setToolTip("Files in the team folder that were skipped, and why")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.scan)
        self.hide()

    def show_status(self, state: TeamStatus, *, scanning: bool = False, read: tuple[int, int] | None = None) -> None:
        """Hidden with no team folder; otherwise the folder, the count and the problems
        (and while a scan runs, how far it is: ``read`` files of how many)."""
        if state.folder is None:
            self.hide()
            return
        count = f"{state.workshops} team workshop{'' if state.workshops == 1 else 's'}"
        reading = f" · reading the folder ({read[0]:,} of {read[1]:,} files)…" if read else " · reading the folder…"
        self.label.setText(f"Team folder: {state.folder.name} · {count}{reading if scanning else ''}")
        self.label.setToolTip(plain_tooltip(str(state.folder)))
        self.problems.setText(f"{len(state.problems)} problem{'' if len(state.problems) == 1 else 's'}…")
        self.problems.setVisible(bool(state.problems))
        self.show()
