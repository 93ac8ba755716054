"""Frameworks and templates: the built-in ones and those facilitators saved."""

from functools import cache

from ..domain import text
from ..domain.errors import NotFoundError, ValidationError
from ..domain.frameworks import default_agenda, load_builtin_frameworks, slug
from ..domain.model import AgendaItem, Framework, Template
from ..resource_files import resource
from ..store import Store

DEFAULT_FRAMEWORK = "five-domains"


@cache
def builtin_frameworks() -> tuple[Framework, ...]:
    return tuple(load_builtin_frameworks(resource("frameworks")))


def all_frameworks(store: Store) -> list[Framework]:
    """Built-in frameworks first (five domains leading), then the facilitator's own."""
    builtin = sorted(builtin_frameworks(), key=lambda f: (f.key != DEFAULT_FRAMEWORK, f.name))
    taken = {f.key for f in builtin}
    return builtin + [f for f in store.saved_frameworks() if f.key not in taken]


def framework(store: Store, key: str) -> Framework:
    for candidate in all_frameworks(store):
        if candidate.key == key:
            return candidate
    raise NotFoundError(f"No framework is called {key!r}.")


def framework_or_default(store: Store, key: str) -> Framework:
    """The workshop's framework, or the built-in default when it was deleted since."""
    try:
        return framework(store, key)
    except NotFoundError:
        return framework(store, DEFAULT_FRAMEWORK)


def save_framework(store: Store, framework: Framework) -> Framework:
    if framework.key in {f.key for f in builtin_frameworks()}:
        raise ValidationError(f"{framework.name!r} is built in; save a copy under a new name.")
    store.save_framework(framework)
    return framework


def delete_framework(store: Store, key: str) -> None:
    if key in {f.key for f in builtin_frameworks()}:
        raise ValidationError("Built-in frameworks cannot be deleted.")
    store.delete_framework(key)


def all_templates(store: Store) -> list[Template]:
    """A template per framework's default agenda, then the saved ones."""
    builtin = [
        Template(key=f"{f.key}-default", name=f"{f.name} (one exercise per domain)",
                 framework_key=f.key, agenda=default_agenda(f), builtin=True)
        for f in all_frameworks(store)
    ]
    return builtin + store.saved_templates()


def save_agenda_as_template(store: Store, workshop_id: str, name: str) -> Template:
    """Keep a workshop's agenda (domains, titles, prompts, minutes) as a reusable template."""
    name = text.required(name, "Template name", "name")
    workshop = store.workshop(workshop_id)
    agenda = tuple(
        AgendaItem(domain_key=e.domain_key, title=e.title, prompt=e.prompt, minutes=e.timer.planned / 60)
        for e in store.exercises(workshop_id)
    )
    template = Template(key=slug(name), name=name, framework_key=workshop.framework_key, agenda=agenda)
    store.save_template(template)
    return template


def delete_template(store: Store, key: str) -> None:
    store.delete_template(key)
