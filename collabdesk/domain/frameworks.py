"""Frameworks and templates: reading and writing their JSON form, and the built-in ones."""

import json
import re
from importlib.resources.abc import Traversable

from . import text
from .errors import ValidationError
from .model import SCALE, AgendaItem, Domain, Framework, Template

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_KEY = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A key made from a name: ``"My Own Frame"`` -> ``"my-own-frame"``."""
    return _KEY.sub("-", name.lower()).strip("-") or "framework"


def _minutes(raw: dict, what: str) -> int | float:
    """The planned minutes of a domain or an agenda item (``what``): 15 when left out."""
    minutes = raw.get("minutes", 15)
    if not isinstance(minutes, (int, float)) or not 0 < minutes <= 600:
        raise ValidationError(f"{what} needs minutes between 1 and 600.")
    return minutes


def _labels(raw: object, domain_name: str) -> tuple[str, ...]:
    """A domain's health-check labels: none (the generic ones apply) or one per point of the scale."""
    if not isinstance(raw, list) or (raw and len(raw) != len(SCALE)):
        raise ValidationError(f"Domain {domain_name!r} needs {len(SCALE)} health-check labels, one per point, "
                              "or none.")
    return tuple(text.required(label, f"A health-check label of {domain_name!r}", "short").strip()
                 for label in raw)


def framework_from_dict(data: dict, *, builtin: bool = False) -> Framework:
    """Build a framework from its JSON form, refusing anything malformed with a clear message."""
    if not isinstance(data, dict):
        raise ValidationError("A framework must be a JSON object.")
    name = text.required(data.get("name"), "Framework name", "name")
    domains = []
    raw_domains = data.get("domains")
    if not isinstance(raw_domains, list) or not raw_domains:
        raise ValidationError(f"Framework {name!r} needs at least one domain.")
    seen = set()
    for i, raw in enumerate(raw_domains, 1):
        if not isinstance(raw, dict):
            raise ValidationError(f"Domain {i} of {name!r} must be an object.")
        domain_name = text.required(raw.get("name"), f"Domain {i} name", "name")
        key = slug(str(raw.get("key") or domain_name))
        if key in seen:
            raise ValidationError(f"Domain {domain_name!r} appears twice in {name!r}.")
        seen.add(key)
        colour = str(raw.get("colour", "#888888"))
        if not _COLOUR.match(colour):
            raise ValidationError(f"Domain {domain_name!r} has colour {colour!r}; use #rrggbb.")
        prompts = raw.get("prompts", [])
        if not isinstance(prompts, list):
            raise ValidationError(f"Prompts of domain {domain_name!r} must be a list.")
        minutes = _minutes(raw, f"Domain {domain_name!r}")
        labels = _labels(raw.get("labels", []), domain_name)
        domains.append(
            Domain(
                key=key,
                name=domain_name,
                colour=colour.upper(),
                description=text.optional(raw.get("description"), "Description", "prompt"),
                prompts=tuple(text.required(p, "Prompt", "prompt") for p in prompts),
                minutes=int(minutes),
                labels=labels,
            )
        )
    return Framework(
        key=slug(str(data.get("key") or name)),
        name=name,
        description=text.optional(data.get("description"), "Description", "prompt"),
        domains=tuple(domains),
        builtin=builtin,
    )


def framework_to_dict(framework: Framework) -> dict:
    return {
        "key": framework.key,
        "name": framework.name,
        "description": framework.description,
        "domains": [
            {
                "key": d.key,
                "name": d.name,
                "colour": d.colour,
                "minutes": d.minutes,
                "description": d.description,
                "prompts": list(d.prompts),
                "labels": list(d.labels),
            }
            for d in framework.domains
        ],
    }


def template_from_dict(data: dict, *, builtin: bool = False) -> Template:
    if not isinstance(data, dict):
        raise ValidationError("A template must be a JSON object.")
    name = text.required(data.get("name"), "Template name", "name")
    agenda = data.get("agenda")
    if not isinstance(agenda, list):
        raise ValidationError(f"Template {name!r} needs an agenda list.")
    items = []
    for i, raw in enumerate(agenda, 1):
        if not isinstance(raw, dict):
            raise ValidationError(f"Agenda item {i} of {name!r} must be an object.")
        minutes = _minutes(raw, f"Agenda item {i} of {name!r}")
        items.append(
            AgendaItem(
                domain_key=slug(str(raw.get("domain_key", "general"))),
                title=text.required(raw.get("title"), f"Agenda item {i} title"),
                prompt=text.optional(raw.get("prompt"), "Prompt", "prompt"),
                minutes=minutes,
            )
        )
    return Template(
        key=slug(str(data.get("key") or name)),
        name=name,
        framework_key=slug(str(data.get("framework_key", "blank"))),
        agenda=tuple(items),
        builtin=builtin,
    )


def template_to_dict(template: Template) -> dict:
    return {
        "key": template.key,
        "name": template.name,
        "framework_key": template.framework_key,
        "agenda": [
            {"domain_key": a.domain_key, "title": a.title, "prompt": a.prompt, "minutes": a.minutes}
            for a in template.agenda
        ],
    }


def load_builtin_frameworks(folder: Traversable) -> list[Framework]:
    """Every ``*.json`` framework in ``folder`` (a path, or a package's resource folder)."""
    return [
        framework_from_dict(json.loads(entry.read_text(encoding="utf-8")), builtin=True)
        for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".json")
    ]


def default_agenda(framework: Framework) -> tuple[AgendaItem, ...]:
    """One exercise per domain, led by its first prompt: the usual shape of a diagnostic."""
    return tuple(
        AgendaItem(
            domain_key=d.key,
            title=d.name,
            prompt=d.prompts[0] if d.prompts else "",
            minutes=d.minutes,
        )
        for d in framework.domains
    )
