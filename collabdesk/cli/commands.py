"""What each sub-command does: each takes the parsed arguments and returns the exit status.

Every command opens the database through ``store.opening`` (so a damaged file is moved
aside with the way back to a backup) and calls services, never SQL. Modules beyond the
standard library are imported inside the command that needs them.
"""

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..domain.errors import CollabDeskError
from ..paths import database_path
from ..whole_file import write_whole

TEXT_FORMATS = ("json", "md", "csv", "html")
SUFFIXES = {"markdown": "md", "htm": "html"}  # other names of a format's extension
PAPER_SIZES = {"a4": "A4", "letter": "letter"}


class UsageError(Exception):
    """Options that make no sense together: exit status 2, like argparse's own errors."""


def run(args: argparse.Namespace) -> int:
    handler = HANDLERS[args.command or "gui"]
    if handler is not run_gui:  # the window says this in a dialog of its own
        _finish_interrupted_restore(_db(args))
    try:
        return handler(args)
    except UsageError as error:
        print(f"collabdesk {args.command}: error: {error}", file=sys.stderr)
        return 2


def _db(args: argparse.Namespace) -> Path:
    return database_path(args.db)


def _finish_interrupted_restore(db: Path) -> None:
    from ..store.restore import finish_interrupted

    done = finish_interrupted(db)
    if done:
        print(f"collabdesk: {done}", file=sys.stderr)


def _open(args: argparse.Namespace, **options):
    from ..store.opening import open_store

    return open_store(_db(args), **options)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _write_file(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file renamed into place: a failed export leaves no half file.

    Only a regular file (replaced) or a new name is written; a folder, a device or a pipe is
    refused, and a symbolic link is followed, so the file it points to is replaced and the
    link kept. Messages name the user's path, never the temporary one.
    """
    target = path.resolve() if path.is_symlink() else path
    if target.is_dir():
        raise CollabDeskError(f"Cannot write {path}: it is a folder. Give a file name inside it.")
    if target.exists() and not target.is_file():
        raise CollabDeskError(f"Cannot write {path}: it is not a regular file (a device or a pipe).")
    if target.exists() and not os.access(target, os.W_OK):
        raise CollabDeskError(f"Cannot write {path}: the file is read-only.")
    if not target.parent.is_dir():
        raise CollabDeskError(f"Cannot write {path}: there is no folder {target.parent}.")
    try:
        write_whole(target, write)
    except OSError as error:
        raise CollabDeskError(f"Cannot write {path}: {error.strerror or error}.") from None


def _report_module(name: str):
    """A report writer, loaded when an export asks for it: ``list`` and ``show`` never load ReportLab."""
    import importlib

    return importlib.import_module(f"collabdesk.report.{name}")


# -- the library -----------------------------------------------------------------------------
def run_list(args: argparse.Namespace) -> int:
    from ..store.opening import read_summaries
    from . import render

    rows = read_summaries(_db(args), trashed=args.trash, origin="team" if args.team else "own")
    if args.json:  # one workshop per line: readable, and one C encoder for them all
        encode = json.JSONEncoder(ensure_ascii=False).encode
        body = ",\n".join(map(encode, rows))
        sys.stdout.write(f"[\n{body}\n]\n" if rows else "[]\n")
    else:
        print(render.library(rows, trashed=args.trash, team=args.team))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from ..services import files, frameworks
    from . import render

    with _open(args) as store:
        workshop_id = store.resolve_workshop_id(args.id)
        if args.json:
            _print_json(files.workshop_document(store, workshop_id))
            return 0
        content = store.content(workshop_id)
        framework = frameworks.framework_or_default(store, content.workshop.framework_key)
    print(render.workshop(content, framework))
    return 0


def run_search(args: argparse.Namespace) -> int:
    from ..services import library
    from ..store.library import MAX_SEARCH_LIMIT
    from . import render

    if not 1 <= args.limit <= MAX_SEARCH_LIMIT:
        raise UsageError(f"--limit must be between 1 and {MAX_SEARCH_LIMIT:,}.")
    with _open(args) as store:
        results = library.search(store, " ".join(args.words), limit=args.limit,
                                 origin="team" if args.team else "own")
    if args.json:
        _print_json([render.search_record(r) for r in results])
    else:
        print(render.search_results(results, bold=sys.stdout.isatty()))
    return 0


# -- files -----------------------------------------------------------------------------------
def _export_format(args: argparse.Namespace) -> str:
    chosen = args.format
    if chosen is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        chosen = SUFFIXES.get(suffix, suffix) if suffix in (*TEXT_FORMATS, "pdf", *SUFFIXES) else "json"
    if chosen == "pdf" and args.output in (None, "-"):
        raise UsageError("a PDF needs a file to go to: add -o PATH.")
    if chosen not in ("pdf", "html") and (args.paper or not args.appendix):
        raise UsageError("--paper and --no-appendix apply to PDF and HTML exports only.")
    if chosen == "json" and args.anonymise:
        raise UsageError("--anonymise applies to md, csv, html and pdf; a workshop file keeps every record as it is.")
    return chosen


def run_export(args: argparse.Namespace) -> int:
    from ..services import files, frameworks

    chosen = _export_format(args)
    with _open(args) as store:
        workshop_id = store.resolve_workshop_id(args.id)
        if chosen == "json":
            data = files.export_workshop_json(store, workshop_id)
        else:
            content = store.content(workshop_id)
            framework = frameworks.framework_or_default(store, content.workshop.framework_key)
    if chosen == "md":
        data = _report_module("markdown").render_markdown(content, framework, anonymise=args.anonymise)
    elif chosen == "csv":
        data = _report_module("csv_export").render_csv(content, framework, anonymise=args.anonymise)
    elif chosen == "html":
        data = _report_module("html").render_html(content, framework, appendix=args.appendix,
                                                  anonymise=args.anonymise, paper=PAPER_SIZES[args.paper or "a4"])
    elif chosen == "pdf":
        write_pdf = _report_module("pdf").write_pdf
        output = Path(args.output).expanduser()
        _write_file(output, lambda path: write_pdf(content, framework, path, appendix=args.appendix,
                                                   anonymise=args.anonymise,
                                                   pagesize=PAPER_SIZES[args.paper or "a4"]))
        print(f"Wrote {output}")
        return 0
    if args.output in (None, "-"):
        sys.stdout.write(data)
        return 0
    output = Path(args.output).expanduser()
    _write_file(output, lambda path: path.write_text(data, encoding="utf-8", newline=""))
    print(f"Wrote {output}")
    return 0


def run_series(args: argparse.Namespace) -> int:
    with _open(args) as store:
        found = store.series_list()
    if args.json:
        _print_json([{"id": s.id, "title": s.title, "workshops": s.workshop_count} for s in found])
    elif not found:
        print("No series yet. Group workshops into a series in the app's library.")
    else:
        for series in found:
            print(f"{series.id:>4}  {series.title}  ({series.workshop_count} workshops)")
    return 0


def run_export_series(args: argparse.Namespace) -> int:
    from ..services import library

    output = Path(args.output).expanduser()
    suffix = output.suffix.lower().lstrip(".")
    chosen = args.format or (SUFFIXES.get(suffix, suffix) if suffix in ("md", "html", *SUFFIXES) else "pdf")
    with _open(args) as store:
        wanted = library.series_report_input(store, _find_series(store, args.series).id)
    report = _report_module("series")
    if chosen == "md":
        data = report.render_series_markdown(list(wanted.contents), wanted.framework, wanted.title,
                                            frameworks=wanted.frameworks)
        _write_file(output, lambda path: path.write_text(data, encoding="utf-8", newline=""))
    elif chosen == "html":
        write = _report_module("series_html").write_series_html
        _write_file(output, lambda path: write(list(wanted.contents), wanted.framework, wanted.title, path,
                                                     frameworks=wanted.frameworks))
    else:
        _write_file(output, lambda path: report.write_series_pdf(
            list(wanted.contents), wanted.framework, wanted.title, path, frameworks=wanted.frameworks))
    print(f"Wrote {output}")
    return 0


def _find_series(store, wanted: str):
    for series in store.series_list():
        if str(series.id) == wanted.strip() or series.title == wanted:
            return series
    raise CollabDeskError(f"No series has the id or name {wanted!r}; `collabdesk series` lists them.")


IMPORT_OUTCOMES = {"copied": "Imported {title!r} as {id}", "added": "Imported {title!r} as {id}",
                   "updated": "Updated {title!r} ({id}) from the newer file",
                   "unchanged": "{title!r} ({id}) is already up to date: the file is not newer; nothing changed"}


def run_import(args: argparse.Namespace) -> int:
    from ..services import files

    content = files.read_workshop_file(Path(args.file).expanduser())  # refused before the database is opened
    with _open(args) as store:
        done = files.import_content(store, content, args.file, update=args.update)
        title = store.workshop(done.workshop_id).title
    if args.json:
        _print_json({"id": done.workshop_id, "title": title, "outcome": done.outcome})
    else:
        print(IMPORT_OUTCOMES[done.outcome].format(title=title, id=done.workshop_id))
    return 0


def run_team(args: argparse.Namespace) -> int:
    from ..services import team
    from . import render

    needs_target = args.action in ("set", "publish")
    if needs_target != (args.target is not None):
        raise UsageError(f"`team {args.action}` takes {'one' if needs_target else 'no'} "
                         f"{'FOLDER' if args.action == 'set' else 'ID'}.")
    with _open(args) as store:
        if args.action == "set":
            folder = team.set_team_folder(store, args.target)
            if args.anonymise is not None:
                team.set_anonymise_default(store, args.anonymise)
            found = team.scan(store)
            print(f"Team folder: {folder} ({_count(found.files, 'workshop file')}"
                  f"{', ' + _count(found.problems, 'problem') if found.problems else ''})")
        elif args.action == "off":
            team.set_team_folder(store, None)
            print("No team folder now; its files were left as they are.")
        elif args.action == "publish":
            path = team.publish(store, store.resolve_workshop_id(args.target), anonymise=args.anonymise)
            print(f"Shared as {path}")
        else:
            if args.action == "scan":
                team.scan(store)
            state = team.status(store)
            if args.json:
                _print_json(render.team_record(state))
            else:
                print(render.team_status(state))
    return 0


def _count(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# -- the database ----------------------------------------------------------------------------
def run_check(args: argparse.Namespace) -> int:
    from ..store import backup, checking, restore
    from . import render

    db = _db(args)
    with _open(args) as store:
        facts, problems = checking.examine(store)
    backups = backup.list_backups(db)
    aside = restore.moved_aside(db)
    if args.json:
        _print_json({**facts, "problems": problems, "backups": [render.backup_record(b) for b in backups],
                     "moved_aside": [render.aside_record(a) for a in aside]})
    else:
        print(render.check_report(facts, problems, backups, aside))
    if problems:
        raise CollabDeskError(f"{db} has {len(problems)} problem(s). {backup.restore_advice(db)}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from ..store import backup

    with _open(args) as store:
        path = backup.take_backup(store)
    if args.json:
        _print_json({"path": str(path)})
    else:
        print(f"Backed up to {path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from ..paths import backup_dir
    from ..store import restore

    db = _db(args)
    chosen = Path(args.backup).expanduser()
    if not chosen.exists() and (backup_dir(db) / args.backup).exists():
        chosen = backup_dir(db) / args.backup
    moved = restore.restore_backup(db, chosen)
    with _open(args):  # brings an older backup up to this version's schema, and proves it opens
        pass
    print(f"Restored {chosen} as {db}.")
    if moved:
        print(f"The database it replaced is kept as {moved}.")
    else:
        print("There was no database there before, so nothing was replaced.")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from ..services import demo

    with _open(args) as store:
        workshop = demo.create_demo_workshop(store)
    if args.json:
        _print_json({"id": workshop.id, "title": workshop.title})
    else:
        print(f"Added the sample workshop {workshop.title!r} ({workshop.id}).")
        print(f"Try: collabdesk show {workshop.id[:8]}")
    return 0


# -- the app ---------------------------------------------------------------------------------
def run_gui(args: argparse.Namespace) -> int:
    """Open the window, on the library or (``open ID``) on one workshop.

    The window's own start-up checks the database (moving a damaged one aside and offering
    the latest backup), takes the daily backup and, when CollabDesk already runs on this
    database, brings that window forward instead.
    """
    gc.disable()  # while the GUI's modules load too: ui.shell.app.run_gui says why, and turns it back on
    try:
        from ..ui.shell.app import run_gui as start_window
    except ModuleNotFoundError as error:
        if error.name and error.name.split(".")[0] in ("collabdesk", "PySide6", "shiboken6"):
            raise CollabDeskError(f"The CollabDesk window cannot start here ({error.name} is missing). "
                                  "The command line works: collabdesk --help") from None
        raise
    phones = {"address": args.address, "port": args.port} if getattr(args, "phones", False) else None
    return start_window(_db(args), getattr(args, "id", None), phones=phones)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": run_gui,
    "open": run_gui,
    "list": run_list,
    "show": run_show,
    "export": run_export,
    "series": run_series,
    "export-series": run_export_series,
    "import": run_import,
    "search": run_search,
    "team": run_team,
    "check": run_check,
    "backup": run_backup,
    "restore": run_restore,
    "demo": run_demo,
}
