"""The team library's user actions: choose the team folder, share (publish) a workshop,
index the folder, copy a team workshop into one's own library, and report the folder's state.

The team folder is replicated by whatever sync engine the organisation runs; CollabDesk
only ever reads files from it and writes its own files into it atomically. Every file
read from it is untrusted exactly like an import: the same size cap, the same parser and
validation (``services.files``). A file that cannot be used is skipped and listed in the
"team folder problems"; the index keeps what it had, and the file is read again at the
next scan. With no team folder set, nothing here reads, lists or watches any folder.
"""

import hashlib
import os
from collections.abc import Callable
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain.errors import CollabDeskError, ValidationError
from ..domain.model import Framework, Template, Workshop
from ..domain.team import (
    MAX_DEPTH,
    anonymised,
    file_name,
    is_candidate,
    is_newer,
    is_searched_folder,
    published_by_id,
    workshop_uuid,
)
from ..store import Store
from ..store.team import TeamFile, TeamProblem
from . import atomic, files

FOLDER = "team.folder"
ANONYMISE = "team.anonymise"  # "1": share anonymised unless a workshop says otherwise
ANONYMISE_ONE = "team.anonymise:"  # + workshop id: that workshop's own choice, "1" or "0"
SHARED_FRAMEWORK_SUFFIX = ".framework.json"
SHARED_TEMPLATE_SUFFIX = ".template.json"
FOLDER_PROBLEM = "."  # the problems list's entry for the team folder itself

Progress = Callable[[int, int, int], None]  # files read, files to read, team workshops added or updated


@dataclass(frozen=True)
class TeamStatus:
    folder: Path | None
    workshops: int  # team workshops in the library
    problems: list[TeamProblem]
    anonymise: bool  # the folder's default for sharing


@dataclass(frozen=True)
class ScanResult:
    files: int = 0  # workshop files in the folder
    read: int = 0  # of those, read because they were new or changed
    changed: int = 0  # team workshops added or updated
    problems: int = 0  # files that could not be used


# -- the folder -------------------------------------------------------------------------
def team_folder(store: Store) -> Path | None:
    """The team folder, or None when none is set (reads the setting only, never the folder)."""
    value = store.setting(FOLDER)
    return Path(value) if value else None


def set_team_folder(store: Store, folder: str | os.PathLike | None) -> Path | None:
    """Point the library at a team folder (None or "" switches the team library off).

    Changing or switching off the folder removes the previous folder's team workshops
    from this library (they were read-only copies; the files stay where they are).
    """
    current = team_folder(store)
    if folder is None or str(folder).strip() == "":
        if current is not None:
            store.forget_team_folder()
            store.set_setting(FOLDER, None)
        return None
    chosen = Path(folder).expanduser().resolve()
    if not chosen.is_dir():
        raise ValidationError(f"There is no folder {chosen}. Choose the folder your sync service keeps "
                              "(OneDrive, Dropbox, Google Drive, Nextcloud, Syncthing).")
    if chosen != current:
        store.forget_team_folder()
        store.set_setting(FOLDER, str(chosen))
    return chosen


def set_anonymise_default(store: Store, anonymise: bool) -> None:
    store.set_setting(ANONYMISE, "1" if anonymise else "0")


def anonymises(store: Store, workshop_id: str) -> bool:
    """Whether the workshop is shared anonymised: its own choice, else the folder's default."""
    own = store.setting(ANONYMISE_ONE + workshop_id)
    return (own or store.setting(ANONYMISE, "0")) == "1"


def status(store: Store) -> TeamStatus:
    return TeamStatus(folder=team_folder(store), workshops=store.team_workshop_count(),
                      problems=store.team_problems(), anonymise=store.setting(ANONYMISE, "0") == "1")


# -- sharing ----------------------------------------------------------------------------
def publish(store: Store, workshop_id: str, *, anonymise: bool | None = None) -> Path:
    """Write the workshop's file into the team folder ("Share with the team…", `team publish`).

    The file is named by ``domain.team.file_name`` and written atomically, replacing the
    one shared before (renamed if the title changed). ``anonymise`` (None: as before, or
    the folder's default) is remembered for the next share, including the one on close.
    """
    from ..domain.workshop_file import content_to_document

    folder = _required_folder(store)
    if store.is_team_workshop(workshop_id):
        raise ValidationError("This is a team workshop, shared by its own facilitator. "
                              "Copy it to your library to share a version of your own.")
    if anonymise is None:
        anonymise = anonymises(store, workshop_id)
    else:
        store.set_setting(ANONYMISE_ONE + workshop_id, "1" if anonymise else "0")
    content = store.content(workshop_id)
    if anonymise:
        content = anonymised(content)
    workshop = content.workshop
    target = folder / file_name(workshop.id, workshop.title, workshop.facilitator)
    atomic.write_json(target, content_to_document(content, exported=store.now()))
    for old in _published_before(folder, workshop.id, target.name):
        old.unlink(missing_ok=True)  # the same workshop under its former title
    return target


def publish_on_close(store: Store, workshop_id: str) -> Path | None:
    """Share a workshop that was just closed, if a team folder is set; never raises.

    The close is already committed: a folder that cannot be written (a drive not
    mounted, a full disk) is noted in the problems list rather than undoing it.
    """
    if team_folder(store) is None or store.is_team_workshop(workshop_id):
        return None
    try:
        return publish(store, workshop_id)
    except (CollabDeskError, OSError) as error:
        store.note_team_problem(FOLDER_PROBLEM, f"Could not share the workshop {workshop_id} on closing it: "
                                f"{error}", when=store.now())
        return None


def share_framework(store: Store, key: str) -> Path:
    """Put a framework's file in the team folder, for colleagues to import."""
    from . import frameworks, library

    chosen: Framework = frameworks.framework(store, key)
    return library.export_framework_file(
        store, key, _required_folder(store) / (_safe_stem(chosen.name) + SHARED_FRAMEWORK_SUFFIX))


def share_template(store: Store, key: str) -> Path:
    """Put a template's file in the team folder, for colleagues to import."""
    from . import library

    chosen: Template = library.template(store, key)
    return library.export_template_file(
        store, key, _required_folder(store) / (_safe_stem(chosen.name) + SHARED_TEMPLATE_SUFFIX))


def copy_to_library(store: Store, workshop_id: str) -> Workshop:
    """An editable copy of a team workshop in one's own library, under a new id."""
    content = store.content(workshop_id)
    return store.workshop(store.insert_content(content, what="copy the workshop to your library"))


def _required_folder(store: Store) -> Path:
    folder = team_folder(store)
    if folder is None:
        raise CollabDeskError("No team folder is set. Choose one in Settings, or run: collabdesk team set FOLDER")
    if not folder.is_dir():
        raise CollabDeskError(f"The team folder {folder} is not there (a drive not connected, or renamed?).")
    return folder


def _published_before(folder: Path, workshop_id: str, current: str) -> list[Path]:
    with os.scandir(folder) as entries:
        return [Path(e.path) for e in entries
                if e.name != current and published_by_id(e.name, workshop_id) and e.is_file(follow_symlinks=False)]


def _safe_stem(name: str) -> str:
    return file_name("", name).removesuffix("_.json").removesuffix(".json") or "shared"


# -- indexing -----------------------------------------------------------------------------
def scan(store: Store, progress: Progress | None = None) -> ScanResult:
    """Bring the team workshops in line with the folder; reads only new or changed files.

    Each file read is indexed in its own transaction, so the library (another
    connection) sees team workshops arrive one by one and is never blocked for long.
    ``progress(done, to_read, changed)`` is told after each file read (the first index
    of a big folder takes a while, and the library can show what has arrived so far).
    """
    folder = team_folder(store)
    if folder is None:
        return ScanResult()
    now = store.now()
    if not folder.is_dir():
        store.note_team_problem(FOLDER_PROBLEM, f"The team folder {folder} is not there (a drive not connected, "
                                "or renamed?). The team workshops already in the library are kept.", when=now)
        return ScanResult()
    present = _workshop_files(folder, _database_files(store))
    known = store.team_files()
    gone = [p for p in known if p not in present]
    if gone:
        store.forget_team_files(gone, when=now)
    stale = [p.path for p in store.team_problems() if p.path not in present and p.path != FOLDER_PROBLEM]
    if stale or any(p.path == FOLDER_PROBLEM for p in store.team_problems()):
        store.clear_team_problems([*stale, FOLDER_PROBLEM])
    to_read = [(relative, path, known.get(relative)) for relative, (path, stat) in sorted(present.items())
               if relative not in known or (known[relative].size, known[relative].mtime_ns)
               != (stat.st_size, stat.st_mtime_ns)]
    read = changed = 0
    for relative, path, before in to_read:
        if team_folder(store) != folder:  # switched to another folder (or off) meanwhile: this scan is stale
            return ScanResult(files=len(present), read=read, changed=changed)
        read += 1
        changed += _index_file(store, relative, path, before, now)
        if progress is not None:
            progress(read, len(to_read), changed)
    _list_copies(store, now)
    return ScanResult(files=len(present), read=read, changed=changed, problems=len(store.team_problems()))


def _workshop_files(folder: Path, skipped: set[tuple[int, int]]) -> dict[str, tuple[Path, os.stat_result]]:
    """Every file in the folder that may be a workshop file, by relative path, with its stat.

    Only names (``is_candidate``) and stats are looked at; nothing is opened. Symbolic
    links are not followed, and the database's own files are never touched.
    """
    found: dict[str, tuple[Path, os.stat_result]] = {}

    def walk(directory: Path, prefix: str, depth: int) -> None:
        try:
            entries = list(os.scandir(directory))
        except OSError:
            return
        for entry in entries:
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir():
                    if depth < MAX_DEPTH and is_searched_folder(entry.name):
                        walk(Path(entry.path), f"{prefix}{entry.name}/", depth + 1)
                elif entry.is_file() and is_candidate(entry.name) and not entry.name.endswith(
                        (SHARED_FRAMEWORK_SUFFIX, SHARED_TEMPLATE_SUFFIX)):
                    stat = entry.stat()
                    if (stat.st_dev, stat.st_ino) not in skipped:
                        found[prefix + entry.name] = (Path(entry.path), stat)
            except OSError:
                continue  # gone between listing and looking: the next scan sees the folder as it is

    walk(folder, "", 0)
    return found


def _database_files(store: Store) -> set[tuple[int, int]]:
    """The database's files as (device, inode), found by stat alone (opening one would drop
    SQLite's locks), so a team folder that holds the database never reads them."""
    identities = set()
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            stat = os.stat(f"{store.path}{suffix}")
        except OSError:
            continue
        identities.add((stat.st_dev, stat.st_ino))
    return identities


def _read_file(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes, capped like an import, with its stat as it was opened.

    The stat is taken from the open file, before reading: if the file is replaced while
    it is read, the stat recorded is the old one, so the next scan reads the new file.
    """
    from ..domain.workshop_file import MAX_FILE_BYTES

    with path.open("rb") as stream:
        stat = os.fstat(stream.fileno())
        if stat.st_size > MAX_FILE_BYTES:
            return b"", stat
        return stream.read(MAX_FILE_BYTES + 1), stat


def _index_file(store: Store, relative: str, path: Path, before: TeamFile | None, now: str) -> int:
    """Read one new or changed file; returns 1 when a team workshop was added or updated."""
    from ..domain.workshop_file import MAX_FILE_BYTES

    try:
        data, stat = _read_file(path)
    except OSError as error:
        return _problem(store, relative, f"It could not be read ({error.strerror or error}); "
                                         "it is tried again at the next scan.", now)
    if stat.st_size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        return _problem(store, relative, f"It is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
                                         "the most a workshop file may be.", now)
    if not data.strip():
        return _problem(store, relative, "It is empty: the sync service may still be downloading it. "
                                         "It is tried again when it changes.", now)
    digest = hashlib.sha256(data).hexdigest()
    if before is not None and before.digest == digest:  # touched, not changed
        store.record_team_file(replace(before, size=stat.st_size, mtime_ns=stat.st_mtime_ns), None, when=now)
        return 0
    try:
        content = files.parse_workshop_file(data, relative)
        files.check_health_domains(store, content, relative)
    except ValidationError as error:
        why = str(error).removeprefix(f"Cannot import {relative}: ")
        return _problem(store, relative, f"{why[0].upper()}{why[1:]} A file still arriving is tried again "
                                         "when it changes.", now)
    workshop_id = workshop_uuid(content.workshop.id)
    if workshop_id is None:
        return _problem(store, relative, "It has no workshop id (a UUID), so it cannot be told apart from "
                                         "other workshops; export it again from CollabDesk.", now)
    updated = content.workshop.updated
    seen = TeamFile(path=relative, workshop_id=workshop_id, size=stat.st_size, mtime_ns=stat.st_mtime_ns,
                    digest=digest, updated=updated)
    if store.workshop_origin(workshop_id) == "own":  # shared from this library: it is here already
        store.record_team_file(seen, None, when=now)
        return 0
    current = store.team_record(workshop_id)
    newer = current is None or is_newer(updated, current[1]) or (
        current[0] == relative and updated == current[1])  # the same file rewritten within the second
    content = replace(content, workshop=replace(content.workshop, id=workshop_id))
    store.record_team_file(seen, content if newer else None, when=now)
    return int(newer)


def _problem(store: Store, relative: str, reason: str, now: str) -> int:
    store.note_team_problem(relative, reason, when=now)
    return 0


def _list_copies(store: Store, now: str) -> None:
    """List every file that holds an older edit of a team workshop than the one shown (a
    sync engine's conflict copy, or a file saved under another name): kept, never deleted."""
    by_workshop: dict[str, list[TeamFile]] = defaultdict(list)
    for found in store.team_files().values():
        by_workshop[found.workshop_id].append(found)
    listed = {p.path: p.reason for p in store.team_problems()}
    for workshop_id, copies in by_workshop.items():
        record = store.team_record(workshop_id) if len(copies) > 1 else None
        if record is None:
            continue
        for copy in copies:
            if copy.path == record[0]:
                continue
            reason = (f"Another copy of a team workshop shown from {record[0]} (a sync service's conflict copy?). "
                      f"It holds {'the same or an older' if not is_newer(copy.updated, record[1]) else 'a'} "
                      "edit, so the library shows the newer file; this one is left in the folder for you to "
                      "keep or delete.")
            if listed.get(copy.path) != reason:
                store.note_team_problem(copy.path, reason, when=now)
