"""Writing a file on a worker thread, whole or not at all: File → Export and the series report.

What a job writes is read from the store on the GUI thread first (a SQLite connection is
used only on the thread that opened it); the worker gets plain data and a function that
writes it. The file is written beside its final name and moved into place when complete,
so a failed or interrupted export never leaves half a file behind.
"""

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices

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
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    try:
        write(partial, signals.progress.emit)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        signals.failed.emit(f"Could not write {path.name}: {error.strerror or error}.")
        return
    except Exception as error:  # noqa: BLE001 - any failure is reported, never lost on the worker thread
        partial.unlink(missing_ok=True)
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
