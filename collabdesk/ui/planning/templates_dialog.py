"""Managing templates (reusable agendas): create, rename, delete, edit, share as files,
and start a new workshop from one."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QWidget,
)

from ...domain.errors import CollabDeskError
from ...domain.model import AgendaItem, Framework, Template
from ..common import prompts
from ..operations import Operations
from ..operations.frameworks import DEFAULT_FRAMEWORK
from .editor_dialog import EditorDialog, swatch

DOMAIN, TITLE, MINUTES, PROMPT = range(4)
AGENDA_HEADERS = ("Domain", "Exercise", "Minutes", "Prompt")


class TemplatesDialog(EditorDialog):
    """Templates on the left; the chosen one's framework and agenda on the right."""

    workshop_created = Signal(str)  # a new workshop made from the chosen template

    item_type = Template
    builtin_note = ("Built-in templates follow their framework and cannot be changed. Make a new "
                    "template to plan an agenda of your own.")

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(ops, "Templates", parent)
        self.resize(1000, 600)
        self.templates = self.saved_list
        self.use_button = QPushButton("New workshop from this template…")

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

        framework_row = QHBoxLayout()
        framework_row.addWidget(QLabel("Framework"))
        framework_row.addWidget(self.framework, 1)
        agenda_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            agenda_buttons.addWidget(button)
        agenda_buttons.addStretch(1)
        self._place_panes(
            ((self.new_button, self.rename_button), (self.delete_button, self.import_button),
             (self.export_button, self.share_button)),
            ((framework_row, 0), (self.agenda, 1), (agenda_buttons, 0)),
            list_width=300, last_button=self.use_button)

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
        self._reload()

    # -- the list of templates and the one shown -------------------------------------------
    def _all_items(self) -> list[Template]:
        return self._ops.all_templates()

    def _fetch(self, key: str) -> Template:
        return self._ops.template(key)

    def _show_editing(self, template: Template | None, editable: bool) -> None:
        self.framework.blockSignals(True)
        self.framework.clear()
        for framework in self._ops.all_frameworks():
            self.framework.addItem(framework.name, framework.key)
        self.framework.setCurrentIndex(max(0, self.framework.findData(template.framework_key if template else None)))
        self.framework.blockSignals(False)
        self.framework.setEnabled(editable)
        self._fill_agenda(template.agenda if template else (), editable)
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            widget.setEnabled(editable)
        self.use_button.setEnabled(template is not None)

    # -- the agenda table ------------------------------------------------------------------
    def _chosen_framework(self) -> Framework:
        return self._ops.framework_or_default(self.framework.currentData() or "")

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

    # -- saving and the buttons --------------------------------------------------------------
    def _save_edits(self) -> Template:
        return self._ops.edit_template(self._shown.key,
                                              framework_key=self.framework.currentData(),
                                              agenda=self.agenda_items())

    def _on_new(self) -> None:
        name = prompts.ask_text(self, "New template", "Name of the template:")
        if name is not None:
            framework_key = self.framework.currentData() or DEFAULT_FRAMEWORK
            self._run(lambda: self._ops.create_template(name, framework_key))

    def _on_rename(self) -> None:
        name = prompts.ask_text(self, "Rename template", "New name:", self._shown.name)
        if name is not None:
            self._run(lambda: self._ops.rename_template(self._shown.key, name))

    def _on_delete(self) -> None:
        if prompts.ask(self, "Delete template", f"Delete the template “{self._shown.name}”? Workshops made "
                       "from it keep their agenda.", confirm="Delete"):
            key = self._shown.key
            self._run(lambda: self._ops.delete_template(key))

    def _share_item(self, key: str) -> Path:
        return self._ops.share_template(key)

    def _on_import(self) -> None:
        path = prompts.open_file(self, "Import a template")
        if path is not None:
            self._run(lambda: self._ops.import_template_file(path))

    def _on_export(self) -> None:
        self._export("Export the template", self._ops.export_template_file)

    def _on_use(self) -> None:
        if self._dirty and not self.save():
            return
        title = prompts.ask_text(self, "New workshop", "Title of the new workshop:", self._shown.name)
        if title is None:
            return
        try:
            made = self._ops.new_workshop_from_template(self._shown.key, title=title)
        except CollabDeskError as error:
            prompts.show_error(self, str(error))
            return
        self.workshop_created.emit(made.id)
        self.accept()
