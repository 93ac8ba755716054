"""What the frameworks and templates dialogs share: saved items listed on the left, the chosen
one's editor on the right, a save/revert row, and a guard against leaving unsaved edits."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLayout, QListWidget, QListWidgetItem, QPushButton,
    QSplitter, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import Framework, Template
from ..common import prompts
from ..common.inks import tint
from ..operations import Operations

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def swatch(colour: str, size: int = 14) -> QIcon:
    """A square of a domain's colour; grey when the colour is not (yet) a valid one."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour) if QColor.isValidColorName(colour) else QColor("#888888"))
    return QIcon(pixmap)


class EditorDialog(QDialog):
    """The list, heading, buttons and save logic both library editors use.

    A subclass says which items it edits (``item_type``, ``_all_items``, ``_fetch``), what the
    note says about built-in ones, how the chosen item fills the editor (``_show_editing``) and
    how the edits are saved (``_save_edits``); it lays out its editor with ``_place_panes`` and
    connects the New, Rename, Delete, Import and Export buttons to its own operations.
    """

    item_type: type[Framework] | type[Template]
    builtin_note: str

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._ops = ops
        self._shown: Framework | Template | None = None
        self._dirty = False

        self.saved_list = QListWidget()
        self.saved_list.setWordWrap(True)
        self.new_button = QPushButton("New…")
        self.rename_button = QPushButton("Rename…")
        self.delete_button = QPushButton("Delete…")
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        self.share_button = QPushButton("Share with the team")
        self.share_button.setToolTip("Put its file in the team folder; colleagues add it with Import…")
        self.share_button.setVisible(ops.team_folder() is not None)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # names and paths as typed
        self.error = QLabel()
        self.error.setWordWrap(True)
        tint(self.error, "error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton("Save changes")
        self.revert_button = QPushButton("Revert")

        self.saved_list.currentItemChanged.connect(self._on_item_chosen)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self._show(self._shown))
        self.share_button.clicked.connect(self._on_share)

    def _place_panes(self, button_rows, editing_parts, list_width: int,
                     last_button: QPushButton | None = None) -> None:
        """The list over rows of buttons on the left; heading, note, ``editing_parts`` (pairs of
        widget or layout and stretch), the save row and ``last_button`` (at the right) on the right."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.saved_list, 1)
        for buttons in button_rows:
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            left_layout.addLayout(row)

        save_row = QHBoxLayout()
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.note)
        for part, stretch in editing_parts:
            if isinstance(part, QLayout):
                right_layout.addLayout(part, stretch)
            else:
                right_layout.addWidget(part, stretch)
        right_layout.addLayout(save_row)
        if last_button is not None:
            right_layout.addWidget(last_button, 0, Qt.AlignmentFlag.AlignRight)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([list_width, 700])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        close.rejected.connect(self.reject)

    # -- the list of saved items -----------------------------------------------------------
    def _all_items(self) -> list[Framework] | list[Template]:
        """Every item to list, built-in ones included."""
        raise NotImplementedError

    def _fetch(self, key: str) -> Framework | Template:
        raise NotImplementedError

    def _reload(self, select: str | None = None) -> None:
        current = select or (self._shown.key if self._shown else None)
        self.saved_list.blockSignals(True)
        self.saved_list.clear()
        for saved in self._all_items():
            item = QListWidgetItem(f"{saved.name} · built in" if saved.builtin else saved.name, self.saved_list)
            item.setData(KEY_ROLE, saved.key)
            if saved.key == current:
                self.saved_list.setCurrentItem(item)
        if self.saved_list.currentItem() is None and self.saved_list.count():
            self.saved_list.setCurrentRow(0)
        self.saved_list.blockSignals(False)
        self._show(self._current_item())

    def _current_item(self) -> Framework | Template | None:
        item = self.saved_list.currentItem()
        return self._fetch(item.data(KEY_ROLE)) if item else None

    def _on_item_chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._dirty and not prompts.ask(self, "Unsaved changes",
                                           f"Leave “{self._shown.name}” without saving your changes?",
                                           confirm="Discard changes"):
            self.saved_list.blockSignals(True)
            self.saved_list.setCurrentItem(previous)
            self.saved_list.blockSignals(False)
            return
        self._show(self._current_item())

    def _show(self, shown: Framework | Template | None) -> None:
        self._shown = shown
        editable = shown is not None and not shown.builtin
        self.heading.setText(shown.name if shown else "")
        self.note.setText(self.builtin_note if shown and shown.builtin else "")
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(editable)
        self.export_button.setEnabled(shown is not None)
        self.share_button.setEnabled(shown is not None)
        self._show_editing(shown, editable)
        self.error.clear()
        self._set_dirty(False)

    def _show_editing(self, shown: Framework | Template | None, editable: bool) -> None:
        """Fill the editor below the heading with ``shown`` (None: nothing chosen)."""
        raise NotImplementedError

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty and self._shown is not None and not self._shown.builtin
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)

    # -- saving and the buttons ------------------------------------------------------------
    def _save_edits(self) -> Framework | Template:
        """Hand the edits to their service; returns the saved item."""
        raise NotImplementedError

    def save(self) -> bool:
        """Save the edits; on refusal the reason shows and the edits stay."""
        if not self._dirty:
            return True
        try:
            saved = self._save_edits()
        except CollabDeskError as error:
            self.error.setText(str(error))
            return False
        self._set_dirty(False)
        self._reload(saved.key)
        self.note.setText(f"Saved “{saved.name}”.")  # a save says so, as every other button does
        return True

    def _export(self, caption: str, write) -> None:
        """Ask where to write the shown item's file, write it, and say where it went."""
        shown = self._shown
        path = prompts.save_file(self, caption, f"{shown.key}.json") if shown is not None else None
        if path is None:
            return
        try:
            written = write(shown.key, path)
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return
        self.note.setText(f"Exported “{shown.name}” to {written}.")

    def _share_item(self, key: str) -> Path:
        """Put the item's file in the team folder (a framework or a template: its own operation)."""
        raise NotImplementedError

    def _on_share(self) -> None:
        if self._shown is None:
            return
        try:
            path = self._share_item(self._shown.key)
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return
        self.note.setText(f"Shared with the team as {path.name}: colleagues add it with Import….")

    def _run(self, action) -> None:
        """Run a service for a button; show its refusal, else list the items again."""
        try:
            result = action()
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return
        self._set_dirty(False)
        self._reload(result.key if isinstance(result, self.item_type) else None)

    def reject(self) -> None:
        if self._dirty and not prompts.ask(self, "Unsaved changes", "Close without saving your changes?",
                                           confirm="Discard changes"):
            return
        super().reject()
