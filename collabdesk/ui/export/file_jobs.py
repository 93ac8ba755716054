"""Writing a file on a worker thread, whole or not at all: File → Export and the series report.

What a job writes is read from the store on the GUI thread first (a SQLite connection is
used only on the thread that opened it); the worker gets plain data and a function that
writes it. The file is written beside its final name and moved into place when complete,
so a failed or interrupted export never leaves half a file behind. ``FileJobDialog`` is
what both dialogs share: format, "Save as", progress, and the offer to open what was written.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QVBoxLayout, QWidget,
)

from ...whole_file import write_whole
from ..common import file_dialogs
from ..operations.files import is_database_file

Progress = Callable[[float], None]  # told a fraction from 0 to 1, from the worker thread
Writer = Callable[[Path, Progress], None]  # writes the whole file at the path it is given

PARTIAL_SUFFIX = ".part"
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


class JobSignals(QObject):
    """How a worker reports back; made on the GUI thread, so its signals arrive there."""

    progress = Signal(float)
    finished = Signal(str)  # the path written
    failed = Signal(str)  # one sentence for the facilitator


def write_file(path: Path, write: Writer, signals: JobSignals) -> None:
    """Run ``write`` into a partial file beside ``path``, then move it into place (worker thread).

    Always reports back, success or failure, or the dialog waiting for it would wait forever.
    """
    try:
        write_whole(path, lambda partial: write(partial, signals.progress.emit))
    except OSError as error:
        signals.failed.emit(f"Could not write {path.name}: {error.strerror or error}.")
        return
    except Exception as error:  # noqa: BLE001 - any failure is reported, never lost on the worker thread
        signals.failed.emit(f"The export failed: {error}")
        return
    signals.finished.emit(str(path))


def start_writing(path: Path, write: Writer, *, progress: Progress, finished: Callable[[str], None],
                  failed: Callable[[str], None]) -> JobSignals:
    """Write ``path`` on the shared thread pool; the callbacks run on the GUI thread.

    Keep the returned object until ``finished`` or ``failed`` has been called.
    """
    signals = JobSignals()
    signals.progress.connect(progress)
    signals.finished.connect(finished)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(lambda: write_file(path, write, signals))
    return signals


def safe_file_name(stem: str, suffix: str, fallback: str) -> str:
    """``stem + suffix`` with characters no file system accepts taken out (``fallback`` if none is left)."""
    cleaned = " ".join(_UNSAFE_IN_NAMES.sub(" ", stem).split()).strip(". ")
    return (cleaned[:100].rstrip(". ") or fallback) + suffix


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def open_path(path: Path) -> None:
    """Open a file or folder with the system's default application."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


@dataclass(frozen=True)
class FileFormat:
    key: str
    label: str
    suffix: str


class FileJobDialog(QDialog):
    """A dialog that writes one file with ``start_writing``: a format, "Save as", a progress bar,
    a message, and once the file is written the offer to open it or its folder.

    A subclass creates its options after ``__init__`` (the format box), then calls ``_add_saving``,
    and says what the file is called (``_default_name``), what to write (``_writer``) and what
    to tell the rest of the app (by extending ``_on_finished`` and ``_on_failed``).
    """

    start_label: str  # the button that writes the file
    again_label: str  # the same button once a file is written
    save_as_caption: str  # the title of the "Save as" box
    missing_path_message: str  # shown when "Save as" is left empty

    def __init__(self, title: str, formats: tuple[FileFormat, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.formats = formats
        self.written_path: Path | None = None
        self.busy = False
        self._signals: JobSignals | None = None  # the running job's, kept until it reports back
        self.format = QComboBox(self)
        for each in formats:
            self.format.addItem(each.label, each.key)

    def _add_saving(self, heading: list[QLabel], option_rows, width: int) -> QPushButton:
        """Add "Save as", progress, message and buttons, and lay out ``heading`` over a form of the
        format, ``option_rows`` (label and widget) and "Save as". Returns the button that writes."""
        self.path = QLineEdit(self)
        self.path.setText(str(documents_folder() / self._default_name(self.formats[0].suffix)))
        self.choose = QPushButton("Choose…", self)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose)
        form = QFormLayout()
        form.addRow("Format", self.format)
        for label, field in option_rows:
            form.addRow(label, field)
        form.addRow("Save as", where)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(self.start_label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_file = self.buttons.addButton("Open the file", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder = self.buttons.addButton("Show the folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_file.hide()
        self.open_folder.hide()
        self.start_button.setDefault(True)

        layout = QVBoxLayout(self)
        for label in heading:
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.choose.clicked.connect(self._on_choose)
        self.start_button.clicked.connect(self._on_start)
        self.open_file.clicked.connect(lambda: self.open_path(self.written_path))
        self.open_folder.clicked.connect(lambda: self.open_path(self.written_path.parent))
        self.close_button.clicked.connect(self.reject)
        self.resize(width, self.sizeHint().height())
        return self.start_button

    def _heading(self, text: str, *, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        if bold:
            label.setStyleSheet("font-weight: bold;")
        return label

    @staticmethod
    def _exec_for_path(dialog: "FileJobDialog") -> Path | None:
        """Run ``dialog``; the path written, or None if nothing was."""
        try:
            dialog.exec()
            return dialog.written_path
        finally:
            dialog.deleteLater()

    @staticmethod
    def open_path(path: Path) -> None:
        open_path(path)

    @classmethod
    def choose_path(cls, parent: QWidget, start: str, file_filter: str) -> str:
        """Ask for the file to write; "" if the facilitator cancels."""
        return file_dialogs.save_file(parent, cls.save_as_caption, start, file_filter) or ""

    def _default_name(self, suffix: str) -> str:
        """The file name "Save as" starts with, for a format's suffix."""
        raise NotImplementedError

    def _writer(self, path: Path) -> Writer:
        """What the worker runs to write ``path`` in the chosen format (it is given the partial file
        to write); read all it needs from the store here, on the GUI thread."""
        raise NotImplementedError

    def current_format(self) -> FileFormat:
        return self.formats[self.format.currentIndex()]

    def _on_format_changed(self) -> None:
        """The path takes the format's suffix, unless it has one of its own that no format uses."""
        chosen = self.current_format()
        path = Path(self.path.text().strip() or self._default_name(chosen.suffix))
        if path.suffix.lower() in {f.suffix for f in self.formats} or not path.suffix:
            self.path.setText(str(path.with_suffix(chosen.suffix)))

    def _on_choose(self) -> None:
        chosen = self.current_format()
        path = self.choose_path(self, self.path.text(), f"{chosen.label} (*{chosen.suffix})")
        if path:
            self.path.setText(path if Path(path).suffix else path + chosen.suffix)

    def _on_start(self) -> None:
        text = self.path.text().strip()
        if not text:
            self._show_message(self.missing_path_message)
            return
        path = Path(text).expanduser()
        if is_database_file(path):
            self._show_message(f"{path.name} is part of the CollabDesk database in use; choose another name.")
            return
        if not path.parent.is_dir():
            self._show_message(f"The folder {path.parent} does not exist.")
            return
        write = self._writer(path)
        self._set_busy(True, measured=self.current_format().key == "pdf")
        self._signals = start_writing(path, write, progress=self._on_progress, finished=self._on_finished,
                                      failed=self._on_failed)

    def reject(self) -> None:
        """Close, unless the file is being written (the close button is disabled then too)."""
        if not self.busy:
            super().reject()

    def _options(self) -> tuple[QWidget, ...]:
        """The widgets besides the format and "Save as" that are locked while writing."""
        return ()

    def _set_busy(self, busy: bool, *, measured: bool = False) -> None:
        self.busy = busy
        for widget in (self.format, *self._options(), self.path, self.choose, self.start_button,
                       self.close_button):
            widget.setEnabled(not busy)
        if busy:
            self.message.hide()
            self.progress.setRange(0, 100 if measured else 0)  # 0..0: a busy bar for quick formats
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
        self.start_button.setText(self.again_label)
        self.close_button.setText("Close")
        self.open_file.show()
        self.open_folder.show()
        self.open_file.setFocus()

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self._signals = None
        self._show_message(message)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
