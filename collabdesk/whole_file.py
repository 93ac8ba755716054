"""Writing a file whole or not at all, for every export: a hidden partial file, renamed into place."""

import os
from collections.abc import Callable
from pathlib import Path


def partial_path(path: Path) -> Path:
    """Where ``path`` is written before it is complete: hidden, beside it (the same disk, so the rename is atomic)."""
    return path.with_name(f".{path.name}.partial")


def write_whole(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Run ``write`` into a partial file beside ``path``, then rename it over ``path``.

    Whatever ``write`` raises, no partial file is left and ``path`` is as it was.
    """
    path = Path(path)
    partial = partial_path(path)
    try:
        write(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
