"""The bundled files (frameworks, fonts, icons, sounds), read through importlib.resources.

They live in the top-level ``resources/`` folder, which is installed as the package
``collabdesk.resources`` (see setup.py), so a wheel, an editable install and the
one-folder app find them the same way, and nothing reads beside the source tree.
Where that package is a folder on disk (all three), ``resource_path`` gives its files
directly, without loading importlib.resources (a few milliseconds of the app's start).
"""

import atexit
import contextlib
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PACKAGE = "collabdesk.resources"

_copies = contextlib.ExitStack()  # temporary copies of files read from a zip, kept until exit
atexit.register(_copies.close)


def resource(*parts: str) -> "Traversable":
    """A bundled file or folder, e.g. ``resource("frameworks")``."""
    from importlib.resources import files

    return files(PACKAGE).joinpath(*parts)


@cache
def resource_path(*parts: str) -> Path:
    """A bundled file as a real path, for code that opens it by name (ReportLab, a sound player).

    Installed packages and the one-folder app hold real files, so this is the file itself;
    were the package ever imported from a zip, a temporary copy lasts until the process ends.
    """
    folder = _package_folder()
    if folder is not None:
        return folder.joinpath(*parts)
    from importlib.resources import as_file

    return _copies.enter_context(as_file(resource(*parts)))


@cache
def _package_folder() -> Path | None:
    """The package's folder, when it is a folder on disk (not inside a zip)."""
    from . import resources

    return next((Path(p) for p in getattr(resources, "__path__", ()) if os.path.isdir(p)), None)
