"""Managing frameworks: create, copy, rename, delete, edit domains, import and export files."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from ...domain import health
from ...domain.frameworks import slug
from ...domain.model import Domain, Framework
from ..common import prompts
from ..operations import Operations
from .editor_dialog import EditorDialog, swatch


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
        self.labels = QPlainTextEdit()
        self.labels.setPlaceholderText("Five lines, what 1 (weakest) to 5 (strongest) mean here;\n"
                                       "left empty, a health check uses: " + ", ".join(health.GENERIC_LABELS))
        self.labels.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # one label a line, as saved
        self.labels.setToolTip("How a health check describes each point of its 1 to 5 scale for this domain")
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
        form.addRow("Health-check scale", self.labels)
        for edit in (self.name, self.colour):
            edit.textEdited.connect(self.changed)
        self.minutes.valueChanged.connect(self.changed)
        self.description.textChanged.connect(self.changed)
        self.prompts.textChanged.connect(self.changed)
        self.labels.textChanged.connect(self.changed)
        self.pick_button.clicked.connect(self._on_pick)

    def show_domain(self, domain: Domain | None) -> None:
        self.blockSignals(True)
        self.name.setText(domain.name if domain else "")
        self.colour.setText(domain.colour if domain else "")
        self.minutes.setValue(domain.minutes if domain else 15)
        self.description.setPlainText(domain.description if domain else "")
        self.prompts.setPlainText("\n".join(domain.prompts) if domain else "")
        self.labels.setPlainText("\n".join(domain.labels) if domain else "")
        self.blockSignals(False)
        self.setEnabled(domain is not None)

    def domain(self, key: str) -> Domain:
        """The domain as typed (checked only when the framework is saved)."""
        prompts_typed = tuple(line.strip() for line in self.prompts.toPlainText().split("\n") if line.strip())
        labels_typed = tuple(line.strip() for line in self.labels.toPlainText().split("\n") if line.strip())
        return Domain(key=key, name=self.name.text(), colour=self.colour.text().strip(),
                      description=self.description.toPlainText(), prompts=prompts_typed,
                      minutes=self.minutes.value(), labels=labels_typed)

    def _on_pick(self) -> None:
        chosen = prompts.choose_colour(self, self.colour.text() or "#888888")
        if chosen is not None:
            self.colour.setText(chosen)
            self.changed.emit()


class FrameworksDialog(EditorDialog):
    """Frameworks on the left; the chosen one's description and domains on the right."""

    item_type = Framework
    builtin_note = "Built-in frameworks cannot be changed. Copy one to make a version of your own."

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(ops, "Frameworks", parent)
        self.resize(980, 640)
        self._domains: list[Domain] = []
        self.frameworks = self.saved_list
        self.copy_button = QPushButton("Copy…")

        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("What the framework is for")
        self.description.setMaximumHeight(90)
        self.domains = QListWidget()
        self.add_domain_button = QPushButton("Add domain")
        self.remove_domain_button = QPushButton("Remove")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        self.domain_editor = DomainEditor()

        domain_buttons = QHBoxLayout()
        for button in (self.add_domain_button, self.remove_domain_button, self.up_button, self.down_button):
            domain_buttons.addWidget(button)
        domain_list = QVBoxLayout()
        domain_list.addWidget(self.domains, 1)
        domain_list.addLayout(domain_buttons)
        domain_row = QHBoxLayout()
        domain_row.addLayout(domain_list, 2)
        domain_row.addWidget(self.domain_editor, 3)
        self._place_panes(((self.new_button, self.copy_button), (self.rename_button, self.delete_button),
                           (self.import_button, self.export_button), (self.share_button,)),
                          ((QLabel("Description"), 0), (self.description, 0), (QLabel("Domains"), 0),
                           (domain_row, 1)),
                          list_width=280)

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
        self._reload()

    # -- the list of frameworks and the one shown ---------------------------------------------
    def _all_items(self) -> list[Framework]:
        return self._ops.all_frameworks()

    def _fetch(self, key: str) -> Framework:
        return self._ops.framework(key)

    def _show_editing(self, framework: Framework | None, editable: bool) -> None:
        self._domains = list(framework.domains) if framework else []
        self.description.blockSignals(True)
        self.description.setPlainText(framework.description if framework else "")
        self.description.blockSignals(False)
        self.description.setReadOnly(not editable)
        for widget in (self.add_domain_button, self.remove_domain_button, self.up_button, self.down_button):
            widget.setEnabled(editable)
        self.copy_button.setEnabled(framework is not None)
        self._fill_domains(0)
        self.domain_editor.setEnabled(editable and bool(self._domains))

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
        self.domain_editor.setEnabled(0 <= row < len(self._domains) and not self._shown.builtin)

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

    # -- saving and the buttons on the left --------------------------------------------------
    def _save_edits(self) -> Framework:
        return self._ops.edit_framework(self._shown.key,
                                               description=self.description.toPlainText(),
                                               domains=self._domains)

    def _on_new(self) -> None:
        name = prompts.ask_text(self, "New framework", "Name of the framework:")
        if name is not None:
            self._run(lambda: self._ops.create_framework(name))

    def _on_copy(self) -> None:
        name = prompts.ask_text(self, "Copy framework", "Name of the copy:", f"{self._shown.name} (my version)")
        if name is not None:
            self._run(lambda: self._ops.copy_framework(self._shown.key, name))

    def _on_rename(self) -> None:
        name = prompts.ask_text(self, "Rename framework", "New name:", self._shown.name)
        if name is not None:
            self._run(lambda: self._ops.rename_framework(self._shown.key, name))

    def _on_delete(self) -> None:
        question = (f"Delete the framework “{self._shown.name}”? Workshops that used it will be shown "
                    "with the five domains instead.")
        if prompts.ask(self, "Delete framework", question, confirm="Delete"):
            key = self._shown.key
            self._run(lambda: self._ops.delete_framework(key))

    def _share_item(self, key: str) -> Path:
        return self._ops.share_framework(key)

    def _on_import(self) -> None:
        path = prompts.open_file(self, "Import a framework")
        if path is not None:
            self._run(lambda: self._ops.import_framework_file(path))

    def _on_export(self) -> None:
        self._export("Export the framework", self._ops.export_framework_file)
