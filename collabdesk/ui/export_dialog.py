"""File → Export: a workshop as a PDF summary, Markdown, CSV or a workshop file (JSON).

The workshop is read from the store on the GUI thread when the dialog opens (a SQLite
connection is used only on the thread that opened it); the file is rendered and written
on a worker thread (``file_jobs``), so the window never freezes, with progress shown for
PDFs, and a failed export never leaves half a file. When it is done the dialog offers to
open the file or its folder.
"""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from ..domain.model import Framework, WorkshopContent
from ..services.frameworks import framework_or_default
from ..store import Store
from .file_jobs import JobSignals, Progress, documents_folder, safe_file_name, start_writing


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    suffix: str


FORMATS = (
    Format("pdf", "PDF summary", ".pdf"),
    Format("md", "Markdown", ".md"),
    Format("csv", "CSV spreadsheet (one row per note and action)", ".csv"),
    Format("json", "Workshop file (JSON, to import elsewhere)", ".json"),
)
PAGE_SIZES = (("A4", "A4"), ("letter", "US Letter"))


def default_file_name(content: WorkshopContent, suffix: str) -> str:
    """``"<title> <date><suffix>"`` with characters no file system accepts taken out."""
    workshop = content.workshop
    return safe_file_name(f"{workshop.title} {workshop.date}", suffix, "workshop")


@dataclass(frozen=True)
class ExportJob:
    """Everything the worker needs: plain data, no store."""

    format: str
    path: Path
    content: WorkshopContent
    framework: Framework
    appendix: bool
    anonymise: bool
    pagesize: str
    workshop_json: str = ""  # the workshop file, read on the GUI thread


def _write(job: ExportJob, path: Path, progress: Progress) -> None:
    """Render and write one export (on a worker thread)."""
    if job.format == "pdf":
        from ..report.pdf import write_pdf

        write_pdf(job.content, job.framework, path, appendix=job.appendix, anonymise=job.anonymise,
                  pagesize=job.pagesize, progress=progress)
    else:
        path.write_text(_render_text(job), encoding="utf-8", newline="")


def _render_text(job: ExportJob) -> str:
    if job.format == "md":
        from ..report.markdown import render_markdown

        return render_markdown(job.content, job.framework, anonymise=job.anonymise)
    if job.format == "csv":
        from ..report.csv_export import render_csv

        return render_csv(job.content, job.framework, anonymise=job.anonymise)
    return job.workshop_json


class ExportDialog(QDialog):
    exported = Signal(str)  # the path of the file written
    export_failed = Signal(str)

    def __init__(self, store: Store, workshop_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export the workshop")
        self.store = store
        self.workshop_id = workshop_id
        self.content = store.content(workshop_id)
        self.framework = framework_or_default(store, self.content.workshop.framework_key)
        self.exported_path: Path | None = None
        self.busy = False
        self._signals: JobSignals | None = None  # the running job's, kept until it reports back

        self.format = QComboBox(self)
        for each in FORMATS:
            self.format.addItem(each.label, each.key)
        self.appendix = QCheckBox("Add an appendix with every note and every vote round", self)
        self.appendix.setChecked(True)
        self.anonymise = QCheckBox("Anonymise: leave out every participant's and the facilitator's name", self)
        self.page_size = QComboBox(self)
        for key, label in PAGE_SIZES:
            self.page_size.addItem(label, key)
        if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
            self.page_size.setCurrentIndex(self.page_size.findData("letter"))
        self.path = QLineEdit(self)
        self.path.setText(str(documents_folder() / default_file_name(self.content, ".pdf")))
        self.choose = QPushButton("Choose…", self)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose)

        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Page size", self.page_size)
        form.addRow("", self.appendix)
        form.addRow("", self.anonymise)
        form.addRow("Save as", where)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_file = self.buttons.addButton("Open the file", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder = self.buttons.addButton("Show the folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_file.hide()
        self.open_folder.hide()
        self.export_button.setDefault(True)

        layout = QVBoxLayout(self)
        title = QLabel(self.content.workshop.title, self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.choose.clicked.connect(self._on_choose)
        self.export_button.clicked.connect(self._on_export)
        self.open_file.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(self.exported_path))))
        self.open_folder.clicked.connect(
            lambda: self.open_url(QUrl.fromLocalFile(str(self.exported_path.parent))))
        self.close_button.clicked.connect(self.reject)
        self._on_format_changed()
        self.resize(620, self.sizeHint().height())

    @classmethod
    def ask(cls, store: Store, workshop_id: str, parent: QWidget | None = None) -> Path | None:
        """Run the dialog; the path written, or None if nothing was exported."""
        dialog = cls(store, workshop_id, parent)
        try:
            dialog.exec()
            return dialog.exported_path
        finally:
            dialog.deleteLater()

    @staticmethod
    def open_url(url: QUrl) -> None:
        """Open a file or folder with the system's default application."""
        QDesktopServices.openUrl(url)

    @staticmethod
    def choose_path(parent: QWidget, start: str, file_filter: str) -> str:
        """Ask for the file to write; "" if the facilitator cancels."""
        path, _chosen = QFileDialog.getSaveFileName(parent, "Export the workshop as", start, file_filter)
        return path

    def current_format(self) -> Format:
        return FORMATS[self.format.currentIndex()]

    def _on_format_changed(self) -> None:
        chosen = self.current_format()
        self.page_size.setEnabled(chosen.key == "pdf")
        self.appendix.setEnabled(chosen.key == "pdf")
        self.anonymise.setEnabled(chosen.key != "json")
        self.anonymise.setToolTip("" if chosen.key != "json" else
                                  "A workshop file keeps everything, names included, so it can be imported again.")
        path = Path(self.path.text().strip() or default_file_name(self.content, chosen.suffix))
        if path.suffix.lower() in {f.suffix for f in FORMATS} or not path.suffix:
            self.path.setText(str(path.with_suffix(chosen.suffix)))

    def _on_choose(self) -> None:
        chosen = self.current_format()
        path = self.choose_path(self, self.path.text(), f"{chosen.label} (*{chosen.suffix})")
        if path:
            self.path.setText(path if Path(path).suffix else path + chosen.suffix)

    def _on_export(self) -> None:
        text = self.path.text().strip()
        if not text:
            self._show_message("Choose where to save the file.")
            return
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            self._show_message(f"The folder {path.parent} does not exist.")
            return
        chosen = self.current_format()
        job = ExportJob(
            format=chosen.key, path=path, content=self.content, framework=self.framework,
            appendix=self.appendix.isChecked(), anonymise=self.anonymise.isChecked() and chosen.key != "json",
            pagesize=self.page_size.currentData(),
            workshop_json=self._workshop_json() if chosen.key == "json" else "",
        )
        self._set_busy(True, measured=chosen.key == "pdf")
        self._signals = start_writing(path, lambda partial, progress: _write(job, partial, progress),
                                      progress=self._on_progress, finished=self._on_finished,
                                      failed=self._on_failed)

    def _workshop_json(self) -> str:
        from ..services.files import export_workshop_json  # written alongside; loaded when first needed

        return export_workshop_json(self.store, self.workshop_id)

    def reject(self) -> None:
        """Close, unless a file is being written (the close button is disabled then too)."""
        if not self.busy:
            super().reject()

    def _set_busy(self, busy: bool, *, measured: bool = False) -> None:
        self.busy = busy
        for widget in (self.format, self.page_size, self.appendix, self.anonymise, self.path, self.choose,
                       self.export_button):
            widget.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        if busy:
            self.message.hide()
            self.progress.setRange(0, 100 if measured else 0)  # 0..0: a busy bar for quick formats
            self.progress.setValue(0)
            self.progress.show()
        else:
            self.progress.hide()
            self._on_format_changed()

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))

    def _on_finished(self, path: str) -> None:
        self._set_busy(False)
        self.exported_path = Path(path)
        self._show_message(f"Saved {self.exported_path.name} in {self.exported_path.parent}.")
        self.export_button.setText("Export again")
        self.close_button.setText("Close")
        self.open_file.show()
        self.open_folder.show()
        self.open_file.setFocus()
        self.exported.emit(path)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self._show_message(message)
        self.export_failed.emit(message)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def export_workshop(parent: QWidget, store: Store, workshop_id: str) -> None:
    """File → Export for one workshop."""
    ExportDialog.ask(store, workshop_id, parent)
