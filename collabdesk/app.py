"""The entry point: the command line when given a sub-command, else the GUI."""

import sys


def main(argv: list[str] | None = None) -> int:
    from . import cli  # no Qt: the command line starts fast

    return cli.main(sys.argv[1:] if argv is None else argv)
