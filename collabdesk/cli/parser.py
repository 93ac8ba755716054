"""The command line's grammar and help: every sub-command, its options and examples.

Kept apart from the commands so that building the parser imports nothing but argparse.
"""

import argparse

from .. import __version__

DESCRIPTION = """\
CollabDesk runs collaborative workshops on one laptop, offline: timed exercises,
sticky notes typed live, dot voting and summaries to hand out.

With no command, the app opens. The commands below work on your library of
workshops from a terminal, without opening a window."""

EPILOG = """\
examples:
  collabdesk demo                         add a sample five-domain workshop to explore
  collabdesk list                         every workshop, with the short id to use below
  collabdesk show 3f2a                    one workshop at a glance (a few characters of its id do)
  collabdesk export 3f2a -o summary.pdf   the summary to hand out (also .html, .md, .csv or .json)
  collabdesk search "pooled budget"       find workshops, notes and actions
  collabdesk import roundtable.json       add a workshop file someone sent you
  collabdesk team set ~/OneDrive/Team     share workshops through a folder your team syncs
  collabdesk export-series 2 -o all.pdf   one report across a series of workshops
  collabdesk check                        test the database and list its backups
  collabdesk --db ~/usb/team.sqlite list  use another database file

Your workshops live in one SQLite file in your user data folder (`collabdesk check`
shows where). --db PATH, or the COLLABDESK_DB environment variable, picks another.
Each command has its own help: collabdesk COMMAND --help.
Exit status: 0 done, 1 failed (the reason is one line on stderr), 2 wrong usage."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' line breaks; a little wider than the default for the option column."""

    def __init__(self, prog: str):
        super().__init__(prog, max_help_position=32)


COMMANDS: dict[str, tuple[str, str, str]] = {
    # name: (one-line help, description, examples)
    "open": (
        "open the app on one workshop",
        "Open the CollabDesk window showing one workshop. With no command at all, the\n"
        "app opens on the library instead. --phones lets phones on the room's own\n"
        "network join (Workshop > Let phones join) and prints the join address.",
        "  collabdesk open 3f2a\n  collabdesk open 3f2a --phones --address 192.168.1.20 --port 8080",
    ),
    "list": (
        "list the workshops in the library",
        "List the workshops, undated drafts first, then the most recent session first,\n"
        "with counts of notes, dots and actions. The first column is a short id: any\n"
        "command that takes an ID accepts it, or any longer start of the full id.\n"
        "Your own workshops are listed; --team lists the team folder's instead.",
        "  collabdesk list\n  collabdesk list --trash\n  collabdesk list --team\n"
        "  collabdesk list --json > library.json",
    ),
    "show": (
        "show one workshop at a glance",
        "Show one workshop: its details, the agenda with how many notes each exercise\n"
        "gathered, the vote results (once revealed) and the actions agreed. --json\n"
        "prints the whole workshop as a workshop file (see docs/workshop-format.md).",
        "  collabdesk show 3f2a\n  collabdesk show 3f2a --json",
    ),
    "export": (
        "write a workshop as PDF, HTML, Markdown, CSV or a workshop file",
        "Write one workshop to a file: the PDF summary to hand out, the same summary as\n"
        "an accessible web page (HTML) to publish, Markdown, CSV for a spreadsheet, or a\n"
        "JSON workshop file that `collabdesk import` reads back.\n"
        "Without --format, the format follows the output's extension (json otherwise).\n"
        "Text formats go to standard output when there is no -o.",
        "  collabdesk export 3f2a -o summary.pdf --paper letter\n"
        "  collabdesk export 3f2a --format md --anonymise -o summary.md\n"
        "  collabdesk export 3f2a -o summary.html --anonymise --no-appendix\n"
        "  collabdesk export 3f2a --format json -o roundtable.json",
    ),
    "series": (
        "list the series of workshops",
        "List the named series that group workshops (three roundtables over four months,\n"
        "say), with their ids and how many workshops each holds. Group workshops into a\n"
        "series in the app's library.",
        "  collabdesk series\n  collabdesk series --json",
    ),
    "export-series": (
        "write the report of a whole series as PDF, HTML or Markdown",
        "Write one report drawing a series of workshops together by domain: what each\n"
        "workshop said, the top-voted notes across the series, and every open action with\n"
        "its owner. SERIES is the series' id or its exact name (see `collabdesk series`).",
        "  collabdesk export-series 2 -o roundtables.pdf\n"
        "  collabdesk export-series \"Home from hospital\" --format md -o series.md\n"
        "  collabdesk export-series 2 -o roundtables.html",
    ),
    "import": (
        "add a workshop from a workshop file",
        "Add the workshop in a JSON workshop file (from `export --format json`) to the\n"
        "library under a new id. The file is checked first: if anything is wrong, the\n"
        "message says what and where, and nothing is added. With --update the workshop's\n"
        "id decides instead: a workshop already here is updated when the file is newer\n"
        "(and left alone when it is not), one not here is added under its own id; never\n"
        "a second copy.",
        "  collabdesk import roundtable.json\n  collabdesk import --update roundtable.json",
    ),
    "search": (
        "find workshops, notes and actions",
        "Find workshops (by title or purpose), notes and actions containing every word\n"
        "given, in any script. Case does not matter; words of three or more characters\n"
        "use the search index. Your own workshops are searched; --team searches the\n"
        "team folder's instead.",
        "  collabdesk search budget\n  collabdesk search \"pooled budget\" --json\n"
        "  collabdesk search --team budget",
    ),
    "team": (
        "share workshops through a folder your team syncs",
        "Point CollabDesk at a folder your organisation's sync service keeps on every\n"
        "laptop (OneDrive or SharePoint, Google Drive, Nextcloud, Dropbox, Syncthing).\n"
        "A workshop is shared into it when it closes (or with `team publish`), and the\n"
        "team's workshops appear, read only, in your library and search.\n"
        "  set FOLDER       use FOLDER as the team folder (--anonymise: share without names)\n"
        "  off              stop using a team folder (its files are left as they are)\n"
        "  status           the folder, how many team workshops, and any problems\n"
        "  scan             read the folder now for new and changed workshops\n"
        "  publish ID       share one workshop now (--anonymise, or --named)",
        "  collabdesk team set ~/OneDrive/Roundtables\n  collabdesk team status\n"
        "  collabdesk team publish 3f2a --anonymise\n  collabdesk list --team",
    ),
    "check": (
        "check the database and list its backups",
        "Run SQLite's integrity and foreign key checks on the database (naming the table\n"
        "any damage is in), list the backups found beside it with whether each passes a\n"
        "quick check, and the earlier database files set aside beside it. Exits with 1\n"
        "when the database has a problem, naming the latest good backup.",
        "  collabdesk check",
    ),
    "backup": (
        "back up the database now",
        "Copy the database into its backup folder now (the app also does this when a\n"
        "workshop closes and once a day at start), and check the copy. The newest 10\n"
        "backups are kept. A damaged database is not backed up over the good backups.",
        "  collabdesk backup",
    ),
    "restore": (
        "put a backup back in place of the database",
        "Replace the database with a backup (a path, or a file name from\n"
        "`collabdesk check`). The backup is checked first; the current database is not\n"
        "deleted but kept beside itself under a new name. Refused while the app (or\n"
        "another command) has the database open.",
        "  collabdesk restore collabdesk-20260301-141502.sqlite",
    ),
    "demo": (
        "add a sample workshop to explore",
        "Add a realistic sample workshop: a council and health partnership roundtable\n"
        "across the five domains, with notes, quotes, themes, a revealed vote and\n"
        "actions. Run it again for another copy.",
        "  collabdesk demo\n  collabdesk demo --json",
    ),
}


def requested_command(argv: list[str]) -> str | None:
    """The sub-command named in ``argv``, if any (skipping the value of ``--db``)."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--db":
            next(tokens, None)
        elif not token.startswith("-"):
            return token if token in COMMANDS else None
    return None


def opens_the_app(argv: list[str]) -> bool:
    """Whether ``argv`` names no command at all (options only, ``--db PATH`` say), so the app
    opens, and asks for no help (which lists the commands)."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help") or not token.startswith("-"):
            return False
        if token == "--db":
            next(tokens, None)
    return True


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; given ``argv`` naming a command, only that command's options,
    and none when it names no command (the app opens).

    Each option argparse registers costs a little (it sizes the terminal every time), so
    a command that only needs its own options does not pay for all the others: part of
    keeping `collabdesk list`, and the app's start, quick.
    """
    only = requested_command(argv) if argv is not None else None
    if argv is not None and opens_the_app(argv):
        only = ""  # no command's options are needed
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                           help="the database file to use (default: $COLLABDESK_DB, else your data folder)")
    json_option = argparse.ArgumentParser(add_help=False)
    json_option.add_argument("--json", action="store_true", help="print JSON for scripts instead of text")

    parser = argparse.ArgumentParser(prog="collabdesk", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=_Formatter)
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="the database file to use (default: $COLLABDESK_DB, else your data folder)")
    parser.add_argument("--version", action="version", version=f"collabdesk {__version__}")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    def command(name: str, *parents: argparse.ArgumentParser) -> argparse.ArgumentParser | None:
        if only is not None and name != only:
            return None
        summary, description, examples = COMMANDS[name]
        return commands.add_parser(name, help=summary, description=description,
                                   epilog=f"examples:\n{examples}", formatter_class=_Formatter,
                                   parents=[db_option, *parents])

    for name, add_options in _OPTIONS.items():
        sub = command(name, *([json_option] if name in _WITH_JSON else []))
        if sub is not None:
            add_options(sub)
    return parser


def _workshop_id(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("id", metavar="ID", help="the workshop's id, or the start of it")


def _open_options(sub: argparse.ArgumentParser) -> None:
    _workshop_id(sub)
    sub.add_argument("--phones", action="store_true",
                     help="let phones on the room's network join at once; prints the join address")
    sub.add_argument("--address", metavar="ADDR",
                     help="the laptop's private address phones use (default: its Wi-Fi one)")
    sub.add_argument("--port", metavar="N", type=int, default=0, help="the port to serve on (default: any free one)")


def _list_options(sub: argparse.ArgumentParser) -> None:
    shown = sub.add_mutually_exclusive_group()
    shown.add_argument("--trash", action="store_true", help="list the workshops in the trash instead")
    shown.add_argument("--team", action="store_true", help="list the team folder's workshops instead")


def _export_options(sub: argparse.ArgumentParser) -> None:
    _workshop_id(sub)
    sub.add_argument("--format", choices=("json", "md", "csv", "pdf", "html"),
                     help="what to write (default: from the output's extension, else json)")
    sub.add_argument("-o", "--output", metavar="PATH",
                     help="the file to write (needed for pdf; text formats default to standard output)")
    sub.add_argument("--anonymise", action="store_true",
                     help="leave out who said and voted what (md, csv, html, pdf)")
    sub.add_argument("--no-appendix", dest="appendix", action="store_false",
                     help="leave the appendix of every note out of the PDF or HTML")
    sub.add_argument("--paper", choices=("a4", "letter"), default=None,
                     help="the paper size of the PDF, or of the HTML when printed (default a4)")


def _export_series_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("series", metavar="SERIES", help="the series' id or exact name")
    sub.add_argument("--format", choices=("pdf", "md", "html"),
                     help="what to write (default: from the output's extension, else pdf)")
    sub.add_argument("-o", "--output", metavar="PATH", required=True, help="the file to write")


def _import_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", metavar="FILE", help="the workshop file (.json) to add")
    sub.add_argument("--update", action="store_true",
                     help="update the workshop with the file's id if the file is newer, never a second copy")


def _search_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("words", metavar="TEXT", nargs="+", help="the words to find")
    sub.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits of each kind (default 50)")
    sub.add_argument("--team", action="store_true", help="search the team folder's workshops instead")


def _team_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("action", choices=("set", "off", "status", "scan", "publish"), help="what to do")
    sub.add_argument("target", metavar="FOLDER|ID", nargs="?", help="the folder (set) or the workshop (publish)")
    named = sub.add_mutually_exclusive_group()
    named.add_argument("--anonymise", action="store_true", default=None,
                       help="share without any participant's or facilitator's name")
    named.add_argument("--named", dest="anonymise", action="store_false", help="share with the names")


def _restore_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("backup", metavar="BACKUP", help="the backup file, or its name")


def _no_options(sub: argparse.ArgumentParser) -> None:
    pass


_OPTIONS = {
    "open": _open_options,
    "list": _list_options,
    "show": _workshop_id,
    "export": _export_options,
    "series": _no_options,
    "export-series": _export_series_options,
    "import": _import_options,
    "search": _search_options,
    "team": _team_options,
    "check": _no_options,
    "backup": _no_options,
    "restore": _restore_options,
    "demo": _no_options,
}
_WITH_JSON = {"list", "show", "series", "import", "search", "team", "check", "backup", "demo"}
