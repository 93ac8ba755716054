"""File → Export: a workshop as a PDF summary, an accessible web page (HTML), Markdown, CSV or a
workshop file (JSON).

The workshop is read from the store on the GUI thread when the dialog opens (a SQLite
connection is used only on the thread that opened it); the file is rendered and written
on a worker thread (``file_jobs``), so the window never freezes, with progress shown for
PDFs, and a failed export never leaves half a file. When it is done the dialog offers to
open the file or its folder.
"""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ...domain.model import Framework, WorkshopContent
from ..operations import Operations
from .file_jobs import FileFormat, FileJobDialog, Progress, Writer, safe_file_name

FORMATS = (
    FileFormat("pdf", "PDF summary", ".pdf"),
    FileFormat("html", "Web page (accessible HTML summary, to publish)", ".html"),
    FileFormat("md", "Markdown", ".md"),
    FileFormat("csv", "CSV spreadsheet (one row per note and action)", ".csv"),
    FileFormat("json", "Workshop file (JSON, to import elsewhere)", ".json"),
)
PAGE_SIZES = (("A4", "A4"), ("letter", "US Letter"))
PAGED = ("pdf", "html")  # the formats with a paper size (HTML's when printed) and an optional appendix


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
        from ...report.pdf import write_pdf

        write_pdf(job.content, job.framework, path, appendix=job.appendix, anonymise=job.anonymise,
                  pagesize=job.pagesize, progress=progress)
    elif job.format == "html":
        from ...report.html import write_html

        write_html(job.content, job.framework, path, appendix=job.appendix, anonymise=job.anonymise,
                   paper=job.pagesize, progress=progress)
    else:
        path.write_text(_render_text(job), encoding="utf-8", newline="")


def _render_text(job: ExportJob) -> str:
    if job.format == "md":
        from ...report.markdown import render_markdown

        return render_markdown(job.content, job.framework, anonymise=job.anonymise)
    if job.format == "csv":
        from ...report.csv_export import render_csv

        return render_csv(job.content, job.framework, anonymise=job.anonymise)
    return job.workshop_json


class ExportDialog(FileJobDialog):
    exported = Signal(str)  # the path of the file written
    export_failed = Signal(str)

    start_label = "Export"
    again_label = "Export again"
    save_as_caption = "Export the workshop as"
    missing_path_message = "Choose where to save the file."

    def __init__(self, ops: Operations, workshop_id: str, parent: QWidget | None = None):
        super().__init__("Export the workshop", FORMATS, parent)
        self.ops = ops
        self.workshop_id = workshop_id
        self.content = ops.store.content(workshop_id)
        self.framework = ops.framework_or_default(self.content.workshop.framework_key)

        self.appendix = QCheckBox("Add an appendix with every note and every vote round", self)
        self.appendix.setChecked(True)
        self.anonymise = QCheckBox("Anonymise: leave out every participant's and the facilitator's name", self)
        self.page_size = QComboBox(self)
        for key, label in PAGE_SIZES:
            self.page_size.addItem(label, key)
        if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
            self.page_size.setCurrentIndex(self.page_size.findData("letter"))
        self.export_button = self._add_saving(
            [self._heading(self.content.workshop.title, bold=True)],
            (("Page size", self.page_size), ("", self.appendix), ("", self.anonymise)), width=620)
        self._on_format_changed()

    @classmethod
    def ask(cls, ops: Operations, workshop_id: str, parent: QWidget | None = None) -> Path | None:
        """Run the dialog; the path written, or None if nothing was exported."""
        return cls._exec_for_path(cls(ops, workshop_id, parent))

    def _default_name(self, suffix: str) -> str:
        return default_file_name(self.content, suffix)

    def _on_format_changed(self) -> None:
        chosen = self.current_format()
        self.page_size.setEnabled(chosen.key in PAGED)
        self.appendix.setEnabled(chosen.key in PAGED)
        self.anonymise.setEnabled(chosen.key != "json")
        self.anonymise.setToolTip("" if chosen.key != "json" else
                                  "A workshop file keeps everything, names included, so it can be imported again.")
        super()._on_format_changed()

    def _writer(self, path: Path) -> Writer:
        chosen = self.current_format()
        job = ExportJob(
            format=chosen.key, path=path, content=self.content, framework=self.framework,
            appendix=self.appendix.isChecked(), anonymise=self.anonymise.isChecked() and chosen.key != "json",
            pagesize=self.page_size.currentData(),
            workshop_json=self._workshop_json() if chosen.key == "json" else "",
        )
        return lambda partial, progress: _write(job, partial, progress)

    def _workshop_json(self) -> str:
        return self.ops.workshop_json(self.workshop_id)

    def _options(self) -> tuple[QWidget, ...]:
        return (self.page_size, self.appendix, self.anonymise)

    def _set_busy(self, busy: bool, *, measured: bool = False) -> None:
        super()._set_busy(busy, measured=measured)
        if not busy:
            self._on_format_changed()  # every option was enabled: disable again those the format ignores

    def _on_finished(self, path: str) -> None:
        super()._on_finished(path)
        self.exported.emit(path)

    def _on_failed(self, message: str) -> None:
        super()._on_failed(message)
        self.export_failed.emit(message)


def export_workshop(parent: QWidget, ops: Operations, workshop_id: str) -> None:
    """File → Export for one workshop."""
    ExportDialog.ask(ops, workshop_id, parent)
