"""Workshop files in and out of the store (format: ``domain.workshop_file``).

A file to import is untrusted: it is read with a size cap, parsed with errors that give
the line and column, validated record by record, and written in one transaction, so
either the whole workshop arrives or nothing does.
"""

import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain.clock import iso
from ..domain.errors import NotFoundError, ValidationError
from ..domain.model import WorkshopContent
from ..domain.team import is_newer, workshop_uuid
from ..store import Store
from .frameworks import framework
from ..store.hold import live_database_file, refuse_live_database_file


def is_database_file(path: str | os.PathLike) -> bool:
    """Whether ``path`` is the open database or one of its side files (found without opening it)."""
    return live_database_file(path) is not None


def refuse_database_file(path: str | os.PathLike) -> None:
    """Refuse, with a clear message, to read or write the open database's files as a file.

    Opening and closing one of them would drop SQLite's locks for the whole process (see
    ``store.hold``); writing one would replace the database.
    """
    refuse_live_database_file(path)


def workshop_document(store: Store, workshop_id: str) -> dict:
    """The workshop file's document for one workshop (``show --json`` prints it)."""
    from ..domain.workshop_file import content_to_document

    return content_to_document(store.content(workshop_id), exported=iso(store.clock()))


def export_workshop_json(store: Store, workshop_id: str) -> str:
    """The workshop as a workshop file (the current version): UTF-8 JSON text, ending in a newline."""
    return json.dumps(workshop_document(store, workshop_id), ensure_ascii=False, indent=2) + "\n"


def read_workshop_file(path: str | os.PathLike) -> WorkshopContent:
    """Read and validate a workshop file; nothing is written anywhere."""
    from ..domain.workshop_file import MAX_FILE_BYTES

    path = Path(path)
    refuse_database_file(path)
    if path.exists() and not path.is_file() and not path.is_dir():  # a pipe waits forever for a writer
        raise _refused(path, "it is not a regular file (it is a pipe or a device)")
    with path.open("rb") as stream:
        if os.fstat(stream.fileno()).st_size > MAX_FILE_BYTES:
            raise _refused(path, f"it is larger than {_megabytes(MAX_FILE_BYTES)}, the most a workshop file may be")
        data = stream.read(MAX_FILE_BYTES + 1)  # a pipe or device reports no size: cap what is read
    if len(data) > MAX_FILE_BYTES:
        raise _refused(path, f"it is larger than {_megabytes(MAX_FILE_BYTES)}, the most a workshop file may be")
    return parse_workshop_file(data, str(path))


def parse_workshop_file(data: bytes, source: str = "The file") -> WorkshopContent:
    """Validate the bytes of a workshop file; errors say what is wrong and where."""
    from ..domain.workshop_file import document_to_content

    try:
        document_text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _refused(source, f"it is not UTF-8 text (a bad byte on line {line})") from None
    try:
        document = json.loads(document_text, parse_constant=_no_constant, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as error:
        raise _refused(source, f"it is not valid JSON: {error.msg} at line {error.lineno}, "
                               f"column {error.colno}") from None
    except RecursionError:
        raise _refused(source, "its JSON is nested too deeply") from None
    except ValueError as error:
        raise _refused(source, f"{error} ({_where_json_breaks_the_format(document_text)})") from None
    try:
        return document_to_content(document)
    except ValidationError as error:
        raise _refused(source, str(error)) from None


def import_workshop_file(store: Store, path: str | os.PathLike) -> str:
    """Add the workshop in the file at ``path`` under a new id, all in one transaction."""
    return import_content(store, read_workshop_file(path), path).workshop_id


def check_health_domains(store: Store, content: WorkshopContent, source: object) -> None:
    """A health check rates only domains of the workshop's framework, when this library knows it."""
    try:
        known = {d.key for d in framework(store, content.workshop.framework_key).domains}
    except NotFoundError:
        return  # shown with the default framework; its ratings keep the file's domain keys
    for i, round_ in enumerate(content.health_rounds):
        stray = [key for key in round_.domain_keys if key not in known]
        if stray:
            raise _refused(source, f"workshop.health_checks[{i}].domains: {stray[0]!r} is not a domain of the "
                                   f"framework {content.workshop.framework_key!r}")


@dataclass(frozen=True)
class Imported:
    workshop_id: str
    outcome: str  # "copied", "added", "updated" or "unchanged"


def import_content(store: Store, content: WorkshopContent, source: object = "the file", *,
                   update: bool = False) -> Imported:
    """Bring a workshop read from a file into the library (``import``, ``import --update``),
    once checked against this library's frameworks.

    Without ``update`` it is a copy under a new id, as import has always made. With
    ``update`` the workshop's UUID decides (docs/workshop-format.md, "Identity"): a UUID
    the library does not know is added under that UUID; a workshop of one's own with that
    UUID is replaced whole when the file's ``updated`` is later, and left as it is
    otherwise; never a second copy. A file with no UUID, or the UUID of a read-only team
    workshop, is copied under a new id.
    """
    check_health_domains(store, content, source)
    workshop_id = workshop_uuid(content.workshop.id) if update else None
    origin = store.workshop_origin(workshop_id) if workshop_id else "team"
    if origin == "team":
        return Imported(store.insert_content(content, what="import the workshop"), "copied")
    content = replace(content, workshop=replace(content.workshop, id=workshop_id))
    if origin == "":
        return Imported(store.insert_content(content, new_id=False, updated=content.workshop.updated or None),
                        "added")
    if is_newer(content.workshop.updated, store.workshop(workshop_id).updated):
        return Imported(store.replace_content(content, what="import the workshop"), "updated")
    return Imported(workshop_id, "unchanged")


def _refused(source: object, why: str) -> ValidationError:
    return ValidationError(f"Cannot import {source}: {why[0].lower()}{why[1:].rstrip('.')}.")


def _megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]|-?Infinity|NaN')


def _where_json_breaks_the_format(document: str) -> str:
    """Where the first NaN, Infinity or field repeated in one object is, as "line L, column C".

    Only run once the file is refused: strings are skipped whole, so text inside a note
    that reads "NaN" is not taken for one.
    """
    keys: list[set[str]] = []
    previous = None
    for token in _TOKENS.finditer(document):
        value = token[0]
        if value in ("NaN", "Infinity", "-Infinity"):
            break
        if value == "{":
            keys.append(set())
        elif value == "}" and keys:
            keys.pop()
        elif value == ":" and previous is not None and previous[0].startswith('"') and keys:
            if previous[0] in keys[-1]:
                token = previous
                break
            keys[-1].add(previous[0])
        previous = token
    else:
        return "somewhere in the file"
    line = document.count("\n", 0, token.start()) + 1
    column = token.start() - (document.rfind("\n", 0, token.start()) + 1) + 1
    return f"line {line}, column {column}"


def _no_constant(name: str) -> None:
    raise ValueError(f"it holds {name}, which is not a number JSON allows")


def _no_repeats(pairs: list[tuple[str, object]]) -> dict:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen = set()
        repeated = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise ValueError(f"the field {repeated!r} appears twice in one object")
    return record
