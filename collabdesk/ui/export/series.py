"""The series report from the library: a PDF, an accessible web page (HTML) or Markdown, written
on a worker thread.

Every workshop of the series is read from the store on the GUI thread as the dialog opens
(a SQLite connection is used only on the thread that opened it); the report is rendered
and written by ``file_jobs`` on a worker thread with progress shown, whole or not at all.
When it is written the dialog offers to open the file or the folder it is in.
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ...domain.dates import short_date
from ...domain.errors import CollabDeskError
from ..operations import Operations
from ..operations.library import SeriesReportInput
from .file_jobs import FileFormat, FileJobDialog, Progress, Writer, safe_file_name

FORMATS = (FileFormat("pdf", "PDF report", ".pdf"),
           FileFormat("html", "Web page (accessible HTML report, to publish)", ".html"),
           FileFormat("md", "Markdown", ".md"))


def write_report(report: SeriesReportInput, chosen: str, path: Path, progress: Progress) -> None:
    """Render the report as ``chosen`` ("pdf", "html" or "md") into ``path`` (on the worker thread)."""
    from ...report.series import render_series_markdown, write_series_pdf  # ReportLab loads when first needed

    if chosen == "pdf":
        write_series_pdf(report.contents, report.framework, report.title, path, progress=progress,
                         frameworks=report.frameworks)
    elif chosen == "html":
        from ...report.series_html import write_series_html

        write_series_html(report.contents, report.framework, report.title, path, progress=progress,
                          frameworks=report.frameworks)
    else:
        path.write_text(render_series_markdown(report.contents, report.framework, report.title,
                                                frameworks=report.frameworks),
                        encoding="utf-8", newline="")


def report_summary(report: SeriesReportInput) -> str:
    """What the report will hold, in a line: how many workshops, over which dates."""
    count = len(report.contents)
    dates = sorted(c.workshop.date for c in report.contents if c.workshop.date)
    when = (f", {short_date(dates[0])} to {short_date(dates[-1])}" if len(dates) > 1
            else f", {short_date(dates[0])}" if dates else "")
    names = [f.name for f in report.frameworks.values()]
    return f"{count} workshop{'' if count == 1 else 's'}{when} · framework{'s' if len(names) > 1 else ''}: " \
        + ", ".join(names)


class SeriesReportDialog(FileJobDialog):
    written = Signal(str)  # the path of the report
    write_failed = Signal(str)

    start_label = "Write the report"
    again_label = "Write again"
    save_as_caption = "Write the series report as"
    missing_path_message = "Choose where to save the report."

    def __init__(self, report: SeriesReportInput, parent: QWidget | None = None):
        super().__init__("Series report", FORMATS, parent)
        self.report = report
        self.write_button = self._add_saving(
            [self._heading(report.title, bold=True), self._heading(report_summary(report))], (), width=600)

    @classmethod
    def ask(cls, ops: Operations, series_id: int, parent: QWidget | None = None) -> Path | None:
        """Read the series, run the dialog; the report's path, or None if none was written.

        A series that cannot be reported on (it has no workshops) is explained instead.
        """
        try:
            report = ops.series_report_input(series_id)
        except CollabDeskError as error:
            cls.show_refusal(parent, str(error))
            return None
        return cls._exec_for_path(cls(report, parent))

    @staticmethod
    def show_refusal(parent: QWidget | None, message: str) -> None:
        from ..common import prompts

        prompts.show_error(parent, message)

    def _default_name(self, suffix: str) -> str:
        return safe_file_name(self.report.title, suffix, "series report")

    def _writer(self, path: Path) -> Writer:
        chosen, report = self.current_format().key, self.report
        return lambda partial, progress: write_report(report, chosen, partial, progress)

    def _on_finished(self, path: str) -> None:
        super()._on_finished(path)
        self.written.emit(path)

    def _on_failed(self, message: str) -> None:
        super()._on_failed(message)
        self.write_failed.emit(message)
