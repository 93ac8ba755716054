"""Managing frameworks: create, copy, rename, delete, edit domains, import and export files."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.frameworks import slug
from ...domain.model import Domain, Framework
from ...services import frameworks as framework_services
from ...services import library as library_services
from ...store import Store
from . import prompts

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #B3261E"


def swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour) if QColor.isValidColorName(colour) else QColor("#888888"))
    return QIcon(pixmap)


class DomainEditor(QWidget):
    """The fields of one domain; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = QLineEdit()
        self.colour = QLineEdit()
        self.colour.setPlaceholderText("#RRGGBB")
        self.colour.setMaxLength(7)
        self.pick_button = QPushButton("Choose…")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 600)
        self.minutes.setSuffix(" min")
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("What this domain looks at, in a few sentences")
        self.prompts = QPlainTextEdit()
        self.prompts.setPlaceholderText("One question per line, to start the exercise")
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour)
        colour_row.addWidget(self.pick_button)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Name", self.name)
        form.addRow("Colour", colour_row)
        form.addRow("Planned time", self.minutes)
        form.addRow("Description", self.description)
        form.addRow("Prompts", self.prompts)
        for edit in (self.name, self.colour):
            edit.textEdited.connect(self.changed)
        self.minutes.valueChanged.connect(self.changed)
        self.description.textChanged.connect(self.changed)
        self.prompts.textChanged.connect(self.changed)
        self.pick_button.clicked.connect(self._on_pick)

    def show_domain(self, domain: Domain | None) -> None:
        self.blockSignals(True)
        self.name.setText(domain.name if domain else "")
        self.colour.setText(domain.colour if domain else "")
        self.minutes.setValue(domain.minutes if domain else 15)
        self.description.setPlainText(domain.description if domain else "")
        self.prompts.setPlainText("\n".join(domain.prompts) if domain else "")
        self.blockSignals(False)
        self.setEnabled(domain is not None)

    def domain(self, key: str) -> Domain:
        """The domain as typed (checked only when the framework is saved)."""
        prompts_typed = tuple(line.strip() for line in self.prompts.toPlainText().split("\n") if line.strip())
        return Domain(key=key, name=self.name.text(), colour=self.colour.text().strip(),
                      description=self.description.toPlainText(), prompts=prompts_typed,
                      minutes=self.minutes.value())

    def _on_pick(self) -> None:
        chosen = prompts.choose_colour(self, self.colour.text() or "#888888")
        if chosen is not None:
            self.colour.setText(chosen)
            self.changed.emit()


class FrameworksDialog(QDialog):
    """Frameworks on the left; the chosen one's description and domains on the right."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Frameworks")
        self.resize(980, 640)
        self._store = store
        self._framework: Framework | None = None
        self._domains: list[Domain] = []
        self._dirty = False

        self.frameworks = QListWidget()
        self.frameworks.setWordWrap(True)
        self.new_button = QPushButton("New…")
        self.copy_button = QPushButton("Copy…")
        self.rename_button = QPushButton("Rename…")
        self.delete_button = QPushButton("Delete…")
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.frameworks, 1)
        for pair in ((self.new_button, self.copy_button), (self.rename_button, self.delete_button),
                     (self.import_button, self.export_button)):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            left_layout.addLayout(row)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("What the framework is for")
        self.description.setMaximumHeight(90)
        self.domains = QListWidget()
        self.add_domain_button = QPushButton("Add domain")
        self.remove_domain_button = QPushButton("Remove")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        self.domain_editor = DomainEditor()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton("Save changes")
        self.revert_button = QPushButton("Revert")

        domain_buttons = QHBoxLayout()
        for button in (self.add_domain_button, self.remove_domain_button, self.up_button, self.down_button):
            domain_buttons.addWidget(button)
        domain_list = QVBoxLayout()
        domain_list.addWidget(self.domains, 1)
        domain_list.addLayout(domain_buttons)
        domain_row = QHBoxLayout()
        domain_row.addLayout(domain_list, 2)
        domain_row.addWidget(self.domain_editor, 3)
        save_row = QHBoxLayout()
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.note)
        right_layout.addWidget(QLabel("Description"))
        right_layout.addWidget(self.description)
        right_layout.addWidget(QLabel("Domains"))
        right_layout.addLayout(domain_row, 1)
        right_layout.addLayout(save_row)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([280, 700])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        close.rejected.connect(self.reject)
        self.frameworks.currentItemChanged.connect(self._on_framework_chosen)
        self.domains.currentRowChanged.connect(self._on_domain_chosen)
        self.domain_editor.changed.connect(self._on_domain_edited)
        self.description.textChanged.connect(self._on_description_edited)
        self.new_button.clicked.connect(self._on_new)
        self.copy_button.clicked.connect(self._on_copy)
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        self.import_button.clicked.connect(self._on_import)
        self.export_button.clicked.connect(self._on_export)
        self.add_domain_button.clicked.connect(self._on_add_domain)
        self.remove_domain_button.clicked.connect(self._on_remove_domain)
        self.up_button.clicked.connect(lambda: self._move_domain(-1))
        self.down_button.clicked.connect(lambda: self._move_domain(1))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self._show(self._framework))
        self._reload()

    # -- the list of frameworks --------------------------------------------------------------
    def _reload(self, select: str | None = None) -> None:
        current = select or (self._framework.key if self._framework else None)
        self.frameworks.blockSignals(True)
        self.frameworks.clear()
        for framework in framework_services.all_frameworks(self._store):
            label = f"{framework.name} · built in" if framework.builtin else framework.name
            item = QListWidgetItem(label, self.frameworks)
            item.setData(KEY_ROLE, framework.key)
            if framework.key == current:
                self.frameworks.setCurrentItem(item)
        if self.frameworks.currentItem() is None and self.frameworks.count():
            self.frameworks.setCurrentRow(0)
        self.frameworks.blockSignals(False)
        self._show(self._current_framework())

    def _current_framework(self) -> Framework | None:
        item = self.frameworks.currentItem()
        return framework_services.framework(self._store, item.data(KEY_ROLE)) if item else None

    def _on_framework_chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._dirty and not prompts.ask(self, "Unsaved changes",
                                           f"Leave “{self._framework.name}” without saving your changes?",
                                           confirm="Discard changes"):
            self.frameworks.blockSignals(True)
            self.frameworks.setCurrentItem(previous)
            self.frameworks.blockSignals(False)
            return
        self._show(self._current_framework())

    def _show(self, framework: Framework | None) -> None:
        self._framework = framework
        self._domains = list(framework.domains) if framework else []
        editable = framework is not None and not framework.builtin
        self.heading.setText(framework.name if framework else "")
        self.note.setText("Built-in frameworks cannot be changed. Copy one to make a version of your own."
                          if framework and framework.builtin else "")
        self.description.blockSignals(True)
        self.description.setPlainText(framework.description if framework else "")
        self.description.blockSignals(False)
        self.description.setReadOnly(not editable)
        for widget in (self.add_domain_button, self.remove_domain_button, self.up_button, self.down_button,
                       self.rename_button, self.delete_button):
            widget.setEnabled(editable)
        self.copy_button.setEnabled(framework is not None)
        self.export_button.setEnabled(framework is not None)
        self._fill_domains(0)
        self.domain_editor.setEnabled(editable and bool(self._domains))
        self._set_dirty(False)
        self.error.clear()

    # -- domains ---------------------------------------------------------------------------
    def _fill_domains(self, row: int) -> None:
        self.domains.blockSignals(True)
        self.domains.clear()
        for domain in self._domains:
            QListWidgetItem(swatch(domain.colour), domain.name or "(no name)", self.domains)
        self.domains.blockSignals(False)
        if self._domains:
            self.domains.setCurrentRow(max(0, min(row, len(self._domains) - 1)))
        else:
            self.domain_editor.show_domain(None)

    def _on_domain_chosen(self, row: int) -> None:
        self.domain_editor.show_domain(self._domains[row] if 0 <= row < len(self._domains) else None)
        self.domain_editor.setEnabled(0 <= row < len(self._domains) and not self._framework.builtin)

    def _on_domain_edited(self) -> None:
        row = self.domains.currentRow()
        if not 0 <= row < len(self._domains):
            return
        domain = self.domain_editor.domain(self._domains[row].key)
        self._domains[row] = domain
        item = self.domains.item(row)
        item.setText(domain.name or "(no name)")
        item.setIcon(swatch(domain.colour))
        self._set_dirty(True)

    def _on_description_edited(self) -> None:
        self._set_dirty(True)

    def _on_add_domain(self) -> None:
        taken = {d.key for d in self._domains}
        number = len(self._domains) + 1
        while slug(f"Domain {number}") in taken:
            number += 1
        self._domains.append(Domain(key=slug(f"Domain {number}"), name=f"Domain {number}", colour="#5B6770"))
        self._fill_domains(len(self._domains) - 1)
        self.domain_editor.name.setFocus()
        self.domain_editor.name.selectAll()
        self._set_dirty(True)

    def _on_remove_domain(self) -> None:
        row = self.domains.currentRow()
        if 0 <= row < len(self._domains):
            del self._domains[row]
            self._fill_domains(row)
            self._set_dirty(True)

    def _move_domain(self, step: int) -> None:
        row = self.domains.currentRow()
        target = row + step
        if 0 <= row < len(self._domains) and 0 <= target < len(self._domains):
            self._domains[row], self._domains[target] = self._domains[target], self._domains[row]
            self._fill_domains(target)
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty and self._framework is not None and not self._framework.builtin
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)

    # -- saving and the buttons on the left --------------------------------------------------
    def save(self) -> bool:
        """Save the edited description and domains; on refusal the reason shows and edits stay."""
        if not self._dirty:
            return True
        try:
            saved = library_services.edit_framework(self._store, self._framework.key,
                                                    description=self.description.toPlainText(),
                                                    domains=self._domains)
        except CollabDeskError as error:
            self.error.setText(str(error))
            return False
        self._set_dirty(False)
        self._reload(saved.key)
        return True

    def _on_new(self) -> None:
        name = prompts.ask_text(self, "New framework", "Name of the framework:")
        if name is not None:
            self._run(lambda: library_services.create_framework(self._store, name))

    def _on_copy(self) -> None:
        name = prompts.ask_text(self, "Copy framework", "Name of the copy:", f"{self._framework.name} (my version)")
        if name is not None:
            self._run(lambda: library_services.copy_framework(self._store, self._framework.key, name))

    def _on_rename(self) -> None:
        name = prompts.ask_text(self, "Rename framework", "New name:", self._framework.name)
        if name is not None:
            self._run(lambda: library_services.rename_framework(self._store, self._framework.key, name))

    def _on_delete(self) -> None:
        question = (f"Delete the framework “{self._framework.name}”? Workshops that used it will be shown "
                    "with the five domains instead.")
        if prompts.ask(self, "Delete framework", question, confirm="Delete"):
            key = self._framework.key
            self._run(lambda: library_services.delete_framework(self._store, key))

    def _on_import(self) -> None:
        path = prompts.open_file(self, "Import a framework")
        if path is not None:
            self._run(lambda: library_services.import_framework_file(self._store, path))

    def _on_export(self) -> None:
        path = prompts.save_file(self, "Export the framework", f"{self._framework.key}.json")
        if path is not None:
            self._run(lambda: library_services.export_framework_file(self._store, self._framework.key, path),
                      reselect=False)

    def _run(self, action, *, reselect: bool = True) -> None:
        """Run a service for a button; show its refusal, else list the frameworks again."""
        try:
            result = action()
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return
        if reselect:
            self._set_dirty(False)
            self._reload(result.key if isinstance(result, Framework) else None)

    def reject(self) -> None:
        if self._dirty and not prompts.ask(self, "Unsaved changes", "Close without saving your changes?",
                                           confirm="Discard changes"):
            return
        super().reject()
