"""Managing templates (reusable agendas): create, rename, delete, edit, share as files,
and start a new workshop from one."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import AgendaItem, Framework, Template
from ...services import frameworks as framework_services
from ...services import library as library_services
from ...store import Store
from . import prompts
from .frameworks_dialog import ERROR_STYLE, swatch

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
DOMAIN, TITLE, MINUTES, PROMPT = range(4)
AGENDA_HEADERS = ("Domain", "Exercise", "Minutes", "Prompt")


class TemplatesDialog(QDialog):
    workshop_created = Signal(str)  # a new workshop made from the chosen template

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Templates")
        self.resize(1000, 600)
        self._store = store
        self._template: Template | None = None
        self._dirty = False

        self.templates = QListWidget()
        self.templates.setWordWrap(True)
        self.new_button = QPushButton("New…")
        self.rename_button = QPushButton("Rename…")
        self.delete_button = QPushButton("Delete…")
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        self.use_button = QPushButton("New workshop from this template…")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.templates, 1)
        for pair in ((self.new_button, self.rename_button), (self.delete_button, self.import_button)):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            left_layout.addLayout(row)
        left_layout.addWidget(self.export_button)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.framework = QComboBox()
        self.agenda = QTableWidget(0, len(AGENDA_HEADERS))
        self.agenda.setHorizontalHeaderLabels(AGENDA_HEADERS)
        self.agenda.verticalHeader().hide()
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(DOMAIN, 150)
        header.resizeSection(TITLE, 230)
        header.resizeSection(MINUTES, 90)
        self.add_button = QPushButton("Add exercise")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton("Save changes")
        self.revert_button = QPushButton("Revert")

        framework_row = QHBoxLayout()
        framework_row.addWidget(QLabel("Framework"))
        framework_row.addWidget(self.framework, 1)
        agenda_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            agenda_buttons.addWidget(button)
        agenda_buttons.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.note)
        right_layout.addLayout(framework_row)
        right_layout.addWidget(self.agenda, 1)
        right_layout.addLayout(agenda_buttons)
        right_layout.addLayout(save_row)
        right_layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignRight)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 700])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        close.rejected.connect(self.reject)
        self.templates.currentItemChanged.connect(self._on_template_chosen)
        self.framework.currentIndexChanged.connect(self._on_framework_changed)
        self.agenda.itemChanged.connect(lambda _item: self._set_dirty(True))
        self.new_button.clicked.connect(self._on_new)
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        self.import_button.clicked.connect(self._on_import)
        self.export_button.clicked.connect(self._on_export)
        self.use_button.clicked.connect(self._on_use)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self._show(self._template))
        self._reload()

    # -- the list of templates -------------------------------------------------------------
    def _reload(self, select: str | None = None) -> None:
        current = select or (self._template.key if self._template else None)
        self.templates.blockSignals(True)
        self.templates.clear()
        for template in framework_services.all_templates(self._store):
            item = QListWidgetItem(f"{template.name} · built in" if template.builtin else template.name,
                                   self.templates)
            item.setData(KEY_ROLE, template.key)
            if template.key == current:
                self.templates.setCurrentItem(item)
        if self.templates.currentItem() is None and self.templates.count():
            self.templates.setCurrentRow(0)
        self.templates.blockSignals(False)
        item = self.templates.currentItem()
        self._show(library_services.template(self._store, item.data(KEY_ROLE)) if item else None)

    def _on_template_chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._dirty and not prompts.ask(self, "Unsaved changes",
                                           f"Leave “{self._template.name}” without saving your changes?",
                                           confirm="Discard changes"):
            self.templates.blockSignals(True)
            self.templates.setCurrentItem(previous)
            self.templates.blockSignals(False)
            return
        self._show(library_services.template(self._store, current.data(KEY_ROLE)) if current else None)

    def _show(self, template: Template | None) -> None:
        self._template = template
        editable = template is not None and not template.builtin
        self.heading.setText(template.name if template else "")
        self.note.setText("Built-in templates follow their framework and cannot be changed. Make a new "
                          "template to plan an agenda of your own." if template and template.builtin else "")
        self.framework.blockSignals(True)
        self.framework.clear()
        for framework in framework_services.all_frameworks(self._store):
            self.framework.addItem(framework.name, framework.key)
        self.framework.setCurrentIndex(max(0, self.framework.findData(template.framework_key if template else None)))
        self.framework.blockSignals(False)
        self.framework.setEnabled(editable)
        self._fill_agenda(template.agenda if template else (), editable)
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button, self.rename_button,
                       self.delete_button):
            widget.setEnabled(editable)
        for widget in (self.export_button, self.use_button):
            widget.setEnabled(template is not None)
        self.error.clear()
        self._set_dirty(False)

    # -- the agenda table ------------------------------------------------------------------
    def _chosen_framework(self) -> Framework:
        return framework_services.framework_or_default(self._store, self.framework.currentData() or "")

    def _fill_agenda(self, agenda, editable: bool) -> None:
        self.agenda.blockSignals(True)
        self.agenda.setRowCount(0)
        for item in agenda:
            self._append_row(item, editable)
        self.agenda.blockSignals(False)

    def _append_row(self, item: AgendaItem, editable: bool = True) -> None:
        row = self.agenda.rowCount()
        self.agenda.insertRow(row)
        domains = QComboBox()
        for domain in self._chosen_framework().domains:
            domains.addItem(swatch(domain.colour), domain.name, domain.key)
        domains.setCurrentIndex(max(0, domains.findData(item.domain_key)))
        domains.setEnabled(editable)
        domains.currentIndexChanged.connect(lambda _i: self._set_dirty(True))
        self.agenda.setCellWidget(row, DOMAIN, domains)
        minutes = QDoubleSpinBox()
        minutes.setRange(0.5, 600)
        minutes.setDecimals(1)
        minutes.setSingleStep(5)
        minutes.setValue(float(item.minutes))
        minutes.setEnabled(editable)
        minutes.valueChanged.connect(lambda _v: self._set_dirty(True))
        self.agenda.setCellWidget(row, MINUTES, minutes)
        for column, value in ((TITLE, item.title), (PROMPT, item.prompt)):
            cell = QTableWidgetItem(value)
            if not editable:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.agenda.setItem(row, column, cell)

    def agenda_items(self) -> list[AgendaItem]:
        """The agenda as shown in the table (checked when saved)."""
        items = []
        for row in range(self.agenda.rowCount()):
            items.append(AgendaItem(
                domain_key=self.agenda.cellWidget(row, DOMAIN).currentData() or "",
                title=self.agenda.item(row, TITLE).text(),
                prompt=self.agenda.item(row, PROMPT).text(),
                minutes=self.agenda.cellWidget(row, MINUTES).value()))
        return items

    def _on_framework_changed(self) -> None:
        """Domains follow the framework: kept where the new one has the same key, else its first."""
        self._fill_agenda(self.agenda_items(), True)
        self._set_dirty(True)

    def _on_add(self) -> None:
        framework = self._chosen_framework()
        first = framework.domains[0]
        self.agenda.blockSignals(True)
        self._append_row(AgendaItem(first.key, first.name, first.prompts[0] if first.prompts else "", first.minutes))
        self.agenda.blockSignals(False)
        self.agenda.selectRow(self.agenda.rowCount() - 1)
        self._set_dirty(True)

    def _on_remove(self) -> None:
        row = self.agenda.currentRow()
        if row >= 0:
            self.agenda.removeRow(row)
            self._set_dirty(True)

    def _move(self, step: int) -> None:
        row = self.agenda.currentRow()
        items = self.agenda_items()
        target = row + step
        if 0 <= row < len(items) and 0 <= target < len(items):
            items[row], items[target] = items[target], items[row]
            self._fill_agenda(items, True)
            self.agenda.selectRow(target)
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty and self._template is not None and not self._template.builtin
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)

    # -- saving and the buttons --------------------------------------------------------------
    def save(self) -> bool:
        """Save the framework and agenda as edited; on refusal the reason shows and edits stay."""
        if not self._dirty:
            return True
        try:
            saved = library_services.edit_template(self._store, self._template.key,
                                                   framework_key=self.framework.currentData(),
                                                   agenda=self.agenda_items())
        except CollabDeskError as error:
            self.error.setText(str(error))
            return False
        self._set_dirty(False)
        self._reload(saved.key)
        return True

    def _on_new(self) -> None:
        name = prompts.ask_text(self, "New template", "Name of the template:")
        if name is not None:
            framework_key = self.framework.currentData() or framework_services.DEFAULT_FRAMEWORK
            self._run(lambda: library_services.create_template(self._store, name, framework_key))

    def _on_rename(self) -> None:
        name = prompts.ask_text(self, "Rename template", "New name:", self._template.name)
        if name is not None:
            self._run(lambda: library_services.rename_template(self._store, self._template.key, name))

    def _on_delete(self) -> None:
        if prompts.ask(self, "Delete template", f"Delete the template “{self._template.name}”? Workshops made "
                       "from it keep their agenda.", confirm="Delete"):
            key = self._template.key
            self._run(lambda: library_services.delete_template(self._store, key))

    def _on_import(self) -> None:
        path = prompts.open_file(self, "Import a template")
        if path is not None:
            self._run(lambda: library_services.import_template_file(self._store, path))

    def _on_export(self) -> None:
        path = prompts.save_file(self, "Export the template", f"{self._template.key}.json")
        if path is not None:
            self._run(lambda: library_services.export_template_file(self._store, self._template.key, path),
                      reselect=False)

    def _on_use(self) -> None:
        if self._dirty and not self.save():
            return
        title = prompts.ask_text(self, "New workshop", "Title of the new workshop:", self._template.name)
        if title is None:
            return
        try:
            made = library_services.new_workshop_from_template(self._store, self._template.key, title=title)
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return
        self.workshop_created.emit(made.id)
        self.accept()

    def _run(self, action, *, reselect: bool = True) -> None:
        try:
            result = action()
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return
        if reselect:
            self._set_dirty(False)
            self._reload(result.key if isinstance(result, Template) else None)

    def reject(self) -> None:
        if self._dirty and not prompts.ask(self, "Unsaved changes", "Close without saving your changes?",
                                           confirm="Discard changes"):
            return
        super().reject()
