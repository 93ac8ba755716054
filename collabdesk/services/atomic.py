"""JSON files written whole or not at all (``whole_file.write_whole``), and flushed to disk
before the rename, with the folder flushed after it where the system allows.

A reader (a sync engine uploading the team folder, another laptop's CollabDesk) then
sees the old file or the new one, never half of either, even after a power cut.
"""

import contextlib
import json
import os
from pathlib import Path

from ..domain.errors import CollabDeskError
from ..whole_file import write_whole
from .files import refuse_database_file


def write_json(path: str | os.PathLike, document: dict) -> Path:
    """Write ``document`` as indented UTF-8 JSON to ``path`` atomically; returns the path."""
    path = Path(path)
    refuse_database_file(path)  # writing over the database's own files would replace it
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def write(partial: Path) -> None:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    try:
        write_whole(path, write)  # the partial file's name is hidden: sync engines and the team scan pass it by
    except OSError as error:
        raise CollabDeskError(f"Could not write {path}: {error.strerror or error}.") from None
    _flush_folder(path.parent)
    return path


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no handle on a folder to flush."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
