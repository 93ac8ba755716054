"""A tiny HTML builder for the HTML reports, made so that escaping cannot be forgotten.

:func:`element` is the only way the reports write a tag. Every child that is not already
:class:`Markup` (text this module made) is escaped, every attribute value is escaped, and
the builder refuses what the reports promise never to contain: event handlers (``on*``),
``src``, ``href`` to anything but a fragment of the same page, scripts, frames, external
stylesheets. A participant's text can therefore only ever become text.

User text goes through :func:`user`, which also gives it ``dir="auto"`` so a note in Arabic
or Hebrew reads right to left inside an English page, and the class that keeps its line
breaks and lets a 10,000-character word wrap.
"""

import html
import re
from collections.abc import Iterable

_TAG = re.compile(r"[a-z][a-z0-9]*\Z")
_ATTRIBUTE = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*\Z")
_FORBIDDEN_TAGS = frozenset({"script", "iframe", "frame", "object", "embed", "img", "link", "base", "form",
                             "input", "button", "use", "image", "foreignobject"})
_VOID = frozenset({"meta", "br", "wbr", "col"})


class Markup(str):
    """Text that is already HTML: made by :func:`element` (or a constant of ours), never by user input."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """``value`` as HTML text: markup stays as it is, anything else is escaped (quotes too)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def element(tag: str, *children: object, **attributes: object) -> Markup:
    """``<tag attributes>children</tag>``.

    Attribute names are given the Python way: a trailing underscore is dropped (``class_``)
    and other underscores become hyphens (``aria_labelledby``). ``True`` writes a bare
    attribute, ``None`` and ``False`` leave it out. Children may be text, numbers, markup,
    ``None`` (skipped) or iterables of these.
    """
    if not _TAG.match(tag) or tag in _FORBIDDEN_TAGS:
        raise ValueError(f"the reports do not write <{tag}>")
    parts = [f"<{tag}"]
    for raw_name, value in attributes.items():
        if value is None or value is False:
            continue
        name = _attribute_name(raw_name)
        _check_attribute(name, value)
        parts.append(f" {name}" if value is True else f' {name}="{escape(value)}"')
    parts.append(">")
    if tag in _VOID:
        if children:
            raise ValueError(f"<{tag}> has no content")
        return Markup("".join(parts))
    parts.extend(_children(children))
    parts.append(f"</{tag}>")
    return Markup("".join(parts))


def join(*children: object) -> Markup:
    """Several pieces side by side, escaped like an element's children."""
    return Markup("".join(_children(children)))


def user(text: str, tag: str = "span", **attributes: object) -> Markup:
    """Something a person typed: as plain text, in its own direction, line breaks kept."""
    classes = " ".join(c for c in ("typed", attributes.pop("class_", None)) if c)
    return element(tag, text, dir="auto", class_=classes, **attributes)


def _children(children: Iterable[object]) -> Iterable[str]:
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            yield escape(child)
        elif isinstance(child, int | float):
            yield str(child)
        else:
            yield from _children(child)


def _attribute_name(raw: str) -> str:
    name = raw[:-1] if raw.endswith("_") else raw
    name = name.replace("_", "-")
    if not _ATTRIBUTE.match(name):
        raise ValueError(f"{raw!r} is not an attribute name")
    return name


def _check_attribute(name: str, value: object) -> None:
    lowered = name.lower()
    if lowered.startswith("on") or lowered in ("src", "srcset", "action", "formaction"):
        raise ValueError(f"the reports never write a {name} attribute")
    if lowered == "href" and not str(value).startswith("#"):
        raise ValueError("the reports only link within the page")
