"""The team library's rules, free of files and SQL: which edit is newer, which names in a
team folder are workshop files, what a published file is called, and what an anonymised
copy of a workshop keeps.

A team folder is replicated by a sync engine (OneDrive, Dropbox, Google Drive, Nextcloud,
Syncthing), so it holds more than finished workshop files: partial downloads under
temporary names, editors' lock files, the engines' own folders, and conflict copies
("… (conflicted copy) ….json", "… (1).json", "…-DESKTOP-ABC.json") that carry the same
workshop UUID as the original. Identity is the UUID inside the file, never the name.
"""

import re
import unicodedata
import uuid
from dataclasses import replace
from datetime import UTC, datetime

from .model import WorkshopContent

FILE_SUFFIX = ".json"
MAX_NAME_PART = 60  # characters of facilitator or title in a published file's name
MAX_DEPTH = 3  # sub-folders of the team folder searched for workshop files

# Names sync engines and editors use for files that are not (yet) the file itself.
_TEMPORARY = re.compile(
    r"^(\.|~\$|~)|"  # hidden files (Syncthing's .syncthing.*.tmp, our own .publish temp), Office lock files
    r"(\.tmp|\.temp|\.part|\.partial|\.crdownload|\.download|\.!sync|\.sb-[0-9a-f]+-\w+|~)$",
    re.IGNORECASE)
_SYNC_FOLDERS = {".stfolder", ".stversions", ".dropbox.cache", ".sync", ".git", "__macosx", ".trash",
                 ".owncloudsync.log", ".nextcloudsync.log"}
_UNSAFE = re.compile(r"[^\w]+", re.UNICODE)  # anything but letters, digits and _ (any script)


def is_newer(candidate: str, current: str) -> bool:
    """Whether the timestamp ``candidate`` is later than ``current`` ("" is the earliest).

    Timestamps from other laptops may carry any offset; a timestamp without one is read
    as UTC. Anything unreadable counts as the earliest, so it never wins.
    """
    return _moment(candidate) > _moment(current)


def _moment(stamp: str) -> datetime:
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def workshop_uuid(value: str) -> str | None:
    """A workshop file's id as the canonical UUID it names, or None if it names none."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError):
        return None


def is_candidate(name: str) -> bool:
    """Whether a file name in the team folder may be a workshop file worth reading."""
    return name.lower().endswith(FILE_SUFFIX) and not _TEMPORARY.search(name)


def is_searched_folder(name: str) -> bool:
    """Whether a sub-folder of the team folder is searched (sync engines' own folders are not)."""
    return not name.startswith(".") and name.lower() not in _SYNC_FOLDERS


def _name_part(value: str) -> str:
    flat = unicodedata.normalize("NFC", value)
    return _UNSAFE.sub("-", flat).strip("-_")[:MAX_NAME_PART].strip("-_")


def file_name(workshop_id: str, title: str, facilitator: str = "") -> str:
    """The stable name a workshop is published under: readable, then its UUID.

    ``"Sam Whitfield", "Carers roundtable"`` -> ``"Sam-Whitfield_Carers-roundtable_<uuid>.json"``.
    Only letters, digits, "-" and "_" appear (safe on every file system the sync engines
    serve); the UUID at the end keeps two workshops with one title apart.
    """
    parts = [p for p in (_name_part(facilitator), _name_part(title)) if p]
    return "_".join([*parts, workshop_id]) + FILE_SUFFIX


def published_by_id(name: str, workshop_id: str) -> bool:
    """Whether ``name`` is a name ``file_name`` gives the workshop (under any title)."""
    return name == f"{workshop_id}{FILE_SUFFIX}" or name.endswith(f"_{workshop_id}{FILE_SUFFIX}")


def anonymised(content: WorkshopContent) -> WorkshopContent:
    """The workshop with no participant's or facilitator's name (the PDF's anonymise rule).

    Participants become "Participant 1", "Participant 2" ... in their order; the
    facilitator is left out; names typed into a quote's role or an action's owner are
    replaced the same way (:class:`NameScrubber`). What people wrote in their notes is
    kept as typed.
    """
    scrub = NameScrubber(content)
    return replace(
        content,
        workshop=replace(content.workshop, facilitator=""),
        participants=tuple(replace(p, name=f"Participant {i}") for i, p in enumerate(content.participants, 1)),
        notes=tuple(replace(n, role=scrub(n.role)) for n in content.notes),
        actions=tuple(replace(a, owner=scrub(a.owner)) for a in content.actions),
    )


class NameScrubber:
    """Replaces every participant's name with "Participant N" and the facilitator's with
    "Facilitator" in free text, longest names first ("Ann Lee" before "Ann"), any case."""

    def __init__(self, content: WorkshopContent):
        replacements = {p.name.strip(): f"Participant {i}" for i, p in enumerate(content.participants, 1)
                        if p.name.strip()}
        if content.workshop.facilitator.strip():
            replacements[content.workshop.facilitator.strip()] = "Facilitator"
        self._replacements = {k.casefold(): v for k, v in replacements.items()}
        ordered = sorted(replacements, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(n) for n in ordered), re.IGNORECASE) if ordered else None

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._replacements[m.group(0).casefold()], text)
