"""The series report from the library: a PDF or Markdown file, written on a worker thread.

Every workshop of the series is read from the store on the GUI thread as the dialog opens
(a SQLite connection is used only on the thread that opened it); the report is rendered
and written by ``file_jobs`` on a worker thread with progress shown, whole or not at all.
When it is written the dialog offers to open the file or the folder it is in.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QVBoxLayout, QWidget,
)

from ..domain.errors import CollabDeskError
from ..services import library as library_services
from ..services.library import SeriesReportInput
from ..store import Store
from .file_jobs import JobSignals, Progress, documents_folder, open_path, safe_file_name, start_writing
from .library.model import long_date

FORMATS = (("pdf", "PDF report", ".pdf"), ("md", "Markdown", ".md"))


def write_report(report: SeriesReportInput, chosen: str, path: Path, progress: Progress) -> None:
    """Render the report as ``chosen`` ("pdf" or "md") into ``path`` (on the worker thread)."""
    from ..report.series import render_series_markdown, write_series_pdf  # ReportLab loads when first needed

    if chosen == "pdf":
        write_series_pdf(report.contents, report.framework, report.title, path, progress=progress)
    else:
        path.write_text(render_series_markdown(report.contents, report.framework, report.title),
                        encoding="utf-8", newline="")


def report_summary(report: SeriesReportInput) -> str:
    """What the report will hold, in a line: how many workshops, over which dates."""
    count = len(report.contents)
    dates = sorted(c.workshop.date for c in report.contents if c.workshop.date)
    when = (f", {long_date(dates[0])} to {long_date(dates[-1])}" if len(dates) > 1
            else f", {long_date(dates[0])}" if dates else "")
    return f"{count} workshop{'' if count == 1 else 's'}{when} · framework: {report.framework.name}"


class SeriesReportDialog(QDialog):
    written = Signal(str)  # the path of the report
    write_failed = Signal(str)

    def __init__(self, report: SeriesReportInput, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Series report")
        self.report = report
        self.written_path: Path | None = None
        self.busy = False
        self._signals: JobSignals | None = None  # the running job's, kept until it reports back

        title = QLabel(report.title, self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold;")
        summary = QLabel(report_summary(report), self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.format = QComboBox(self)
        for key, label, _suffix in FORMATS:
            self.format.addItem(label, key)
        self.path = QLineEdit(self)
        self.path.setText(str(documents_folder() / safe_file_name(report.title, ".pdf", "series report")))
        self.choose = QPushButton("Choose…", self)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Save as", where)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.write_button = self.buttons.addButton("Write the report", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_file = self.buttons.addButton("Open the file", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder = self.buttons.addButton("Show the folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_file.hide()
        self.open_folder.hide()
        self.write_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.choose.clicked.connect(self._on_choose)
        self.write_button.clicked.connect(self._on_write)
        self.open_file.clicked.connect(lambda: self.open_path(self.written_path))
        self.open_folder.clicked.connect(lambda: self.open_path(self.written_path.parent))
        self.close_button.clicked.connect(self.reject)
        self.resize(600, self.sizeHint().height())

    @classmethod
    def ask(cls, store: Store, series_id: int, parent: QWidget | None = None) -> Path | None:
        """Read the series, run the dialog; the report's path, or None if none was written.

        A series that cannot be reported on (it has no workshops) is explained instead.
        """
        try:
            report = library_services.series_report_input(store, series_id)
        except CollabDeskError as error:
            cls.show_refusal(parent, str(error))
            return None
        dialog = cls(report, parent)
        try:
            dialog.exec()
            return dialog.written_path
        finally:
            dialog.deleteLater()

    @staticmethod
    def show_refusal(parent: QWidget | None, message: str) -> None:
        from .library import prompts

        prompts.show_error(parent, message)

    @staticmethod
    def open_path(path: Path) -> None:
        open_path(path)

    @staticmethod
    def choose_path(parent: QWidget, start: str, file_filter: str) -> str:
        """Ask where to write the report; "" if the facilitator cancels."""
        path, _chosen = QFileDialog.getSaveFileName(parent, "Write the series report as", start, file_filter)
        return path

    def current_format(self) -> tuple[str, str, str]:
        return FORMATS[self.format.currentIndex()]

    def _on_format_changed(self) -> None:
        _key, _label, suffix = self.current_format()
        path = Path(self.path.text().strip() or safe_file_name(self.report.title, suffix, "series report"))
        if path.suffix.lower() in {f[2] for f in FORMATS} or not path.suffix:
            self.path.setText(str(path.with_suffix(suffix)))

    def _on_choose(self) -> None:
        _key, label, suffix = self.current_format()
        path = self.choose_path(self, self.path.text(), f"{label} (*{suffix})")
        if path:
            self.path.setText(path if Path(path).suffix else path + suffix)

    def _on_write(self) -> None:
        text = self.path.text().strip()
        if not text:
            self._show_message("Choose where to save the report.")
            return
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            self._show_message(f"The folder {path.parent} does not exist.")
            return
        chosen, report = self.current_format()[0], self.report
        self._set_busy(True, measured=chosen == "pdf")
        self._signals = start_writing(path, lambda partial, progress: write_report(report, chosen, partial, progress),
                                      progress=self._on_progress, finished=self._on_finished,
                                      failed=self._on_failed)

    def reject(self) -> None:
        """Close, unless the report is being written (the close button is disabled then too)."""
        if not self.busy:
            super().reject()

    def _set_busy(self, busy: bool, *, measured: bool = False) -> None:
        self.busy = busy
        for widget in (self.format, self.path, self.choose, self.write_button, self.close_button):
            widget.setEnabled(not busy)
        if busy:
            self.message.hide()
            self.progress.setRange(0, 100 if measured else 0)  # 0..0: a busy bar for Markdown
            self.progress.setValue(0)
            self.progress.show()
        else:
            self.progress.hide()

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))

    def _on_finished(self, path: str) -> None:
        self._set_busy(False)
        self._signals = None
        self.written_path = Path(path)
        self._show_message(f"Saved {self.written_path.name} in {self.written_path.parent}.")
        self.write_button.setText("Write again")
        self.close_button.setText("Close")
        self.open_file.show()
        self.open_folder.show()
        self.open_file.setFocus()
        self.written.emit(path)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self._signals = None
        self._show_message(message)
        self.write_failed.emit(message)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
