"""The ``collabdesk`` command line: argparse sub-commands over the services. No Qt here.

``main(argv)`` returns the exit status: 0 done, 1 an error (one line on stderr), 2 wrong
usage. Heavy modules (sqlite-utils, the report writers, the GUI) load inside the commands
that need them, so ``collabdesk list`` starts about as fast as Python does.
"""

import os
import re
import sqlite3
import sys

from ..domain.errors import CollabDeskError
from .parser import COMMANDS, build_parser

__all__ = ["main", "build_parser", "COMMANDS"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what a terminal acts on instead of showing


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser(argv).parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error (already explained)
        return stop.code if isinstance(stop.code, int) else 2
    from . import commands

    try:
        return commands.run(args)
    except CollabDeskError as error:
        return _fail(str(error))
    except BrokenPipeError:  # the reader went away (`collabdesk list | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        if error.filename is not None and error.strerror:
            return _fail(f"{error.filename}: {error.strerror}.")
        return _fail(str(error))
    except sqlite3.DatabaseError as error:
        return _fail(f"The database could not be read ({error}). Run `collabdesk check` to test it.")
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> int:
    """One line on stderr; control characters from a file's names (ESC, BEL) shown escaped, never sent raw."""
    line = " ".join(message.splitlines())
    print(f"collabdesk: error: {_CONTROL.sub(lambda m: ascii(m[0])[1:-1], line)}", file=sys.stderr)
    return 1
