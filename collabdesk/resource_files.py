"""The bundled files (frameworks, fonts, icons, sounds), read through importlib.resources.

They live in the top-level ``resources/`` folder, which is installed as the package
``collabdesk.resources`` (see setup.py), so a wheel, an editable install and the
one-folder app find them the same way, and nothing reads beside the source tree.
"""

import atexit
import contextlib
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "collabdesk.resources"

_copies = contextlib.ExitStack()  # temporary copies of files read from a zip, kept until exit
atexit.register(_copies.close)


def resource(*parts: str) -> Traversable:
    """A bundled file or folder, e.g. ``resource("frameworks")``."""
    return files(PACKAGE).joinpath(*parts)


@cache
def resource_path(*parts: str) -> Path:
    """A bundled file as a real path, for code that opens it by name (ReportLab, a sound player).

    Installed packages and the one-folder app hold real files, so this is the file itself;
    were the package ever imported from a zip, a temporary copy lasts until the process ends.
    """
    return _copies.enter_context(as_file(resource(*parts)))
