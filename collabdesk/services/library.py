"""The library's user actions: search, the trash, reuse (duplicate, templates), series,
and frameworks and templates kept as files.

Framework and template files are untrusted: their size is bounded before they are read,
and what they hold is validated by the domain's ``*_from_dict`` before anything is saved.
"""

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain import text
from ..domain.errors import NotFoundError, ValidationError
from ..domain.frameworks import (
    default_agenda, framework_from_dict, framework_to_dict, slug, template_from_dict, template_to_dict,
)
from ..domain.model import (
    AgendaItem, Domain, Framework, SearchHit, Template, Workshop, WorkshopContent, WorkshopSummary,
)
from ..store import Store
from ..store.library import Series
from . import atomic, frameworks, workshops
from .files import refuse_database_file

MAX_FILE_BYTES = 1_000_000  # a framework with long prompts is a few kilobytes
FRAMEWORK_FILE = "collabdesk.framework"
TEMPLATE_FILE = "collabdesk.template"
FILE_VERSION = 1
COPY_SUFFIX = " (copy)"


@dataclass(frozen=True)
class SearchResult:
    """A search hit with what the result list shows beside it."""

    hit: SearchHit
    exercise_title: str = ""  # empty for workshop and action hits
    domain: Domain | None = None  # the exercise's domain in its workshop's framework


# -- search ---------------------------------------------------------------------------
def search(store: Store, query: str, *, limit: int = 200, origin: str | None = None) -> list[SearchResult]:
    """Search every live workshop (``origin``: only one's own, "own", or the team's, "team");
    note hits come labelled with their exercise and domain."""
    hits = store.search(query, limit=limit, origin=origin)
    context = store.exercise_context(h.exercise_id for h in hits if h.exercise_id is not None)
    known: dict[str, Framework] = {}
    results = []
    for hit in hits:
        if hit.exercise_id is None or hit.exercise_id not in context:
            results.append(SearchResult(hit))
            continue
        exercise_title, framework_key = context[hit.exercise_id]
        if framework_key not in known:
            known[framework_key] = frameworks.framework_or_default(store, framework_key)
        results.append(SearchResult(hit, exercise_title, known[framework_key].domain(hit.domain_key)))
    return results


# -- the trash ------------------------------------------------------------------------
def trash_workshops(store: Store, workshop_ids: Iterable[str]) -> list[str]:
    """Move workshops to the trash; returns their ids (to restore them as an undo).

    A team workshop is refused: it is read only here, and leaves the library when its
    file leaves the team folder.
    """
    ids = list(workshop_ids)
    if any(store.is_team_workshop(i) for i in ids):
        raise ValidationError("A team workshop cannot be moved to the trash: it is shown from the team folder, "
                              "read only. It leaves the library when its file leaves the team folder.")
    if ids:
        store.trash_workshops(ids)
    return ids


def restore_workshops(store: Store, workshop_ids: Iterable[str]) -> list[str]:
    ids = list(workshop_ids)
    if ids:
        store.restore_workshops(ids)
    return ids


def empty_trash(store: Store) -> int:
    """Delete every trashed workshop for good; returns how many went."""
    return store.purge_workshops()


def delete_for_good(store: Store, workshop_ids: Iterable[str]) -> int:
    """Delete some trashed workshops for good (live ones are never touched)."""
    ids = list(workshop_ids)
    return store.purge_workshops(ids) if ids else 0


# -- reuse ----------------------------------------------------------------------------
def duplicate_workshop(store: Store, workshop_id: str, title: str | None = None) -> Workshop:
    """A new draft with the same details, agenda and participants: no notes, votes or actions.

    It is not scheduled (no date) and in no series: it is the start of another session.
    """
    content = store.content(workshop_id)
    if title is None:
        title = _copy_title(content.workshop.title, {s.title.casefold() for s in store.summaries()})
    fresh = content.agenda_only(text.required(title, "The workshop title"))
    fresh = replace(fresh, workshop=replace(fresh.workshop, date=""))
    return store.workshop(store.insert_content(fresh, what="duplicate the workshop"))


def _copy_title(original: str, taken: set[str]) -> str:
    """``Title (copy)``, then ``Title (copy 2)``…: a copy of a copy counts up instead of stacking."""
    base = re.sub(r" \(copy(?: \d+)?\)$", "", original)
    number = 1
    while True:
        suffix = COPY_SUFFIX if number == 1 else f" (copy {number})"
        candidate = base[: text.LIMITS["title"] - len(suffix)] + suffix
        if candidate.casefold() not in taken:
            return candidate
        number += 1


def new_workshop_from_template(store: Store, template_key: str, *, title: str, **details) -> Workshop:
    """A new draft workshop whose agenda is the template's, in the template's framework."""
    chosen = template(store, template_key)
    return workshops.create_workshop(store, title=title, agenda=list(chosen.agenda),
                                     framework_key=chosen.framework_key, **details)


def save_agenda_as_template(store: Store, workshop_id: str, name: str) -> Template:
    """Keep a workshop's agenda (domains, titles, prompts, minutes) as a new template.

    A name already taken is refused rather than overwriting another template.
    """
    workshop = store.workshop(workshop_id)
    agenda = tuple(AgendaItem(domain_key=e.domain_key, title=e.title, prompt=e.prompt,
                              minutes=round(e.timer.planned / 60, 2)) for e in store.exercises(workshop_id))
    return create_template(store, name, frameworks.framework_or_default(store, workshop.framework_key).key, agenda)


# -- series ---------------------------------------------------------------------------
def series_list(store: Store) -> list[Series]:
    return store.series_list()


def create_series(store: Store, title: str) -> Series:
    return store.create_series(_series_title(store, title))


def rename_series(store: Store, series_id: int, title: str) -> Series:
    return store.rename_series(series_id, _series_title(store, title, series_id))


def delete_series(store: Store, series_id: int) -> None:
    """Delete the series; its workshops stay in the library."""
    store.delete_series(series_id)


def add_to_series(store: Store, workshop_ids: Iterable[str], series_id: int) -> None:
    store.set_workshops_series(list(workshop_ids), series_id)


def remove_from_series(store: Store, workshop_ids: Iterable[str]) -> None:
    store.set_workshops_series(list(workshop_ids), None)


def series_contents(store: Store, series_id: int) -> list[WorkshopContent]:
    """Everything in each live workshop of the series, earliest session first (for its report)."""
    return [store.content(s.id) for s in _chronological(store.summaries(series_id=store.series(series_id).id))]


@dataclass(frozen=True)
class SeriesReportInput:
    """What a series report is drawn from, read in one go (on the thread that owns the store)."""

    title: str
    contents: tuple[WorkshopContent, ...]
    framework: Framework  # the first session's
    frameworks: Mapping[str, Framework]  # each workshop's, by its framework key: each is reported under its own


def series_report_input(store: Store, series_id: int) -> SeriesReportInput:
    """The series' title, its workshops earliest first, and the framework to report by.

    A series without workshops is refused: there is nothing to draw together.
    """
    series = store.series(series_id)
    contents = series_contents(store, series_id)
    if not contents:
        raise ValidationError(f"The series {series.title!r} has no workshops to report on yet.")
    used = {key: frameworks.framework_or_default(store, key)
            for key in dict.fromkeys(c.workshop.framework_key for c in contents)}
    return SeriesReportInput(series.title, tuple(contents), used[contents[0].workshop.framework_key], used)


def _chronological(summaries: list[WorkshopSummary]) -> list[WorkshopSummary]:
    return sorted(summaries, key=lambda s: (s.date == "", s.date, s.updated))


def _series_title(store: Store, title: str, series_id: int | None = None) -> str:
    title = text.required(title, "The series title").strip()
    if any(s.title.casefold() == title.casefold() and s.id != series_id for s in store.series_list()):
        raise ValidationError(f"A series called {title!r} already exists.")
    return title


# -- frameworks -----------------------------------------------------------------------
def create_framework(store: Store, name: str, *, description: str = "",
                     domains: Sequence[Domain] | None = None) -> Framework:
    """A new framework of the facilitator's own; with no domains, one general domain to edit."""
    name = _free_framework_name(store, name)
    domains = domains or frameworks.framework(store, "blank").domains
    return _save_framework(store, Framework(key=_free_key(name, _framework_keys(store)), name=name,
                                            description=description, domains=tuple(domains)))


def copy_framework(store: Store, key: str, name: str) -> Framework:
    """A copy of any framework (a built-in one, say) under a new name, to edit."""
    source = frameworks.framework(store, key)
    return create_framework(store, name, description=source.description, domains=source.domains)


def edit_framework(store: Store, key: str, *, description: str | None = None,
                   domains: Sequence[Domain] | None = None) -> Framework:
    """Change a saved framework's description or domains (a domain keeps its key when renamed,
    so exercises already run under it keep their domain)."""
    current = _own_framework(store, key)
    return _save_framework(store, replace(
        current,
        description=current.description if description is None else description,
        domains=current.domains if domains is None else tuple(domains)))


def rename_framework(store: Store, key: str, name: str) -> Framework:
    """Rename a saved framework; its key, which workshops refer to, stays."""
    current = _own_framework(store, key)
    return _save_framework(store, replace(current, name=_free_framework_name(store, name, key)))


def delete_framework(store: Store, key: str) -> None:
    """Delete a saved framework; workshops that used it are shown with the default one."""
    _own_framework(store, key)
    frameworks.delete_framework(store, key)


def export_framework_file(store: Store, key: str, path: str | os.PathLike) -> Path:
    chosen = frameworks.framework(store, key)
    return atomic.write_json(path, {"format": FRAMEWORK_FILE, "version": FILE_VERSION,
                                    "framework": framework_to_dict(chosen)})


def import_framework_file(store: Store, path: str | os.PathLike) -> Framework:
    """Read a framework file (or a bare framework object) and save it.

    A name or key already taken gets a number ("Partnership check (2)"), so an import
    never replaces anything.
    """
    data = _unwrap(read_json_file(path, "framework"), FRAMEWORK_FILE, "framework", path)
    imported = framework_from_dict(data)
    name = _numbered(imported.name, {f.name.casefold() for f in frameworks.all_frameworks(store)})
    return _save_framework(store, replace(imported, name=name, key=_free_key(
        imported.key if name == imported.name else name, _framework_keys(store))))


def _save_framework(store: Store, framework: Framework) -> Framework:
    """Validate by a round trip through the file form, then save."""
    checked = framework_from_dict(framework_to_dict(framework))
    return frameworks.save_framework(store, checked)


def _own_framework(store: Store, key: str) -> Framework:
    for saved in store.saved_frameworks():
        if saved.key == key:
            return saved
    if key in {f.key for f in frameworks.builtin_frameworks()}:
        raise ValidationError("Built-in frameworks cannot be changed; make a copy to edit.")
    raise NotFoundError(f"No framework is called {key!r}.")


def _framework_keys(store: Store) -> set[str]:
    return {f.key for f in frameworks.all_frameworks(store)}


def _free_framework_name(store: Store, name: str, own_key: str | None = None) -> str:
    name = text.required(name, "Framework name", "name").strip()
    if any(f.name.casefold() == name.casefold() and f.key != own_key for f in frameworks.all_frameworks(store)):
        raise ValidationError(f"A framework called {name!r} already exists.")
    return name


# -- templates ------------------------------------------------------------------------
def template(store: Store, key: str) -> Template:
    for candidate in frameworks.all_templates(store):
        if candidate.key == key:
            return candidate
    raise NotFoundError(f"No template is called {key!r}.")


def create_template(store: Store, name: str, framework_key: str,
                    agenda: Sequence[AgendaItem] | None = None) -> Template:
    """A new template; with no agenda, one exercise per domain of its framework."""
    name = text.required(name, "Template name", "name").strip()
    _refuse_taken_template(store, name)
    chosen = frameworks.framework(store, framework_key)
    items = default_agenda(chosen) if agenda is None else tuple(agenda)
    keys = {t.key for t in frameworks.all_templates(store)}
    return _save_template(store, Template(key=_free_key(name, keys), name=name, framework_key=chosen.key,
                                          agenda=items))


def edit_template(store: Store, key: str, *, framework_key: str | None = None,
                  agenda: Sequence[AgendaItem] | None = None) -> Template:
    current = _own_template(store, key)
    if framework_key is not None:
        framework_key = frameworks.framework(store, framework_key).key
    return _save_template(store, replace(
        current,
        framework_key=current.framework_key if framework_key is None else framework_key,
        agenda=current.agenda if agenda is None else tuple(agenda)))


def rename_template(store: Store, key: str, name: str) -> Template:
    current = _own_template(store, key)
    name = text.required(name, "Template name", "name").strip()
    _refuse_taken_template(store, name, key)
    return _save_template(store, replace(current, name=name))


def delete_template(store: Store, key: str) -> None:
    _own_template(store, key)
    frameworks.delete_template(store, key)


def export_template_file(store: Store, key: str, path: str | os.PathLike) -> Path:
    return atomic.write_json(path, {"format": TEMPLATE_FILE, "version": FILE_VERSION,
                                    "template": template_to_dict(template(store, key))})


def import_template_file(store: Store, path: str | os.PathLike) -> Template:
    """Read a template file and save it under a free name; its framework must be known here."""
    data = _unwrap(read_json_file(path, "template"), TEMPLATE_FILE, "template", path)
    imported = template_from_dict(data)
    if imported.framework_key not in _framework_keys(store):
        raise ValidationError(f"The template {imported.name!r} is built on the framework "
                              f"{imported.framework_key!r}, which is not here: import that framework first.")
    existing = frameworks.all_templates(store)
    name = _numbered(imported.name, {t.name.casefold() for t in existing})
    return _save_template(store, replace(imported, name=name, key=_free_key(
        imported.key if name == imported.name else name, {t.key for t in existing})))


def _save_template(store: Store, template: Template) -> Template:
    checked = template_from_dict(template_to_dict(template))
    for item in checked.agenda:  # the same checks as an agenda typed into a new workshop
        workshops.agenda_item(item.domain_key, item.title, item.prompt, item.minutes)
    store.save_template(checked)
    return checked


def _own_template(store: Store, key: str) -> Template:
    for saved in store.saved_templates():
        if saved.key == key:
            return saved
    template(store, key)  # raises NotFoundError when there is no such template at all
    raise ValidationError("Built-in templates cannot be changed; make a new template instead.")


def _refuse_taken_template(store: Store, name: str, own_key: str | None = None) -> None:
    if any(t.name.casefold() == name.strip().casefold() and t.key != own_key
           for t in frameworks.all_templates(store)):
        raise ValidationError(f"A template called {name.strip()!r} already exists.")


# -- files ----------------------------------------------------------------------------
def read_json_file(path: str | os.PathLike, what: str, *, max_bytes: int = MAX_FILE_BYTES):
    """The JSON in ``path``, refusing files too big, not UTF-8 or not JSON, each with a clear reason."""
    path = Path(path)
    refuse_database_file(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # bounded even if the file grows while read
    except OSError as error:
        raise ValidationError(f"Could not read {path.name}: {error.strerror or error}.") from None
    if len(data) > max_bytes:
        raise ValidationError(f"{path.name} is too big for a {what} file (more than {max_bytes:,} bytes).")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name} is not a {what} file: it is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise ValidationError(f"{path.name} is not a {what} file: broken JSON at line {error.lineno}, "
                              f"column {error.colno} ({error.msg}).") from None
    except RecursionError:
        raise ValidationError(f"{path.name} is not a {what} file: it is nested too deeply.") from None


def _unwrap(data, file_format: str, what: str, path) -> dict:
    """The object inside a ``{"format": ..., "version": ...}`` envelope, or a bare object."""
    if isinstance(data, dict) and "format" in data:
        if data["format"] != file_format:
            raise ValidationError(f"{Path(path).name} is not a {what} file (it says it is {data['format']!r}).")
        if data.get("version") != FILE_VERSION:
            raise ValidationError(f"{Path(path).name} is a {what} file of version {data.get('version')!r}; "
                                  f"this CollabDesk reads version {FILE_VERSION}.")
        data = data.get(what)
    if not isinstance(data, dict):
        raise ValidationError(f"{Path(path).name} does not hold a {what}.")
    return data


def _numbered(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… whichever is not taken (compared casefolded)."""
    candidate, number = name, 2
    while candidate.casefold() in taken:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def _free_key(name: str, taken: set[str]) -> str:
    base = slug(name)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
