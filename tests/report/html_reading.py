"""Reading an HTML report back with the standard library's parser, for the tests.

:class:`Page` keeps what the tests look at: every element with its attributes and its
text (the text of everything inside it, entities decoded), in document order, and the
PDF's outline flattened to ``(title, level)`` pairs for comparison with the headings.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pypdf

VOID = {"meta", "br", "wbr", "col", "img", "link", "input", "hr", "base", "source"}


@dataclass
class Element:
    tag: str
    attributes: dict[str, str | None]
    parent: "Element | None"
    children: list["Element"] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)  # text, and this element's children's text, in order

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def find_all(self, tag: str) -> list["Element"]:
        found = []
        for child in self.children:
            if child.tag == tag:
                found.append(child)
            found += child.find_all(tag)
        return found


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.elements: list[Element] = []
        self._open = self.root
        self.doctype = ""
        self.feed(html)
        self.close()

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self._open)
        self._open.children.append(element)
        self.elements.append(element)
        if tag not in VOID:
            self._open = element

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, dict(attrs), self._open)
        self._open.children.append(element)
        self.elements.append(element)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self._open.tag == tag, f"</{tag}> closes <{self._open.tag}>"
        self._open = self._open.parent

    def handle_data(self, data):
        element = self._open
        while element is not None:
            element.pieces.append(data)
            element = element.parent

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def typed(self) -> list[str]:
        """The text of every piece of user text (``dir="auto"``), exactly as it reads."""
        return [e.text for e in self.elements if e.attributes.get("dir") == "auto"]

    def headings(self) -> list[tuple[int, str]]:
        return [(int(e.tag[1]), " ".join(e.text.split())) for e in self.elements
                if e.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]


def pdf_outline(path) -> list[tuple[str, int]]:
    """The PDF's bookmarks in order, each with its depth (0 at the top)."""
    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, level + 1)
            else:
                yield item.title, level
    return list(walk(pypdf.PdfReader(path).outline, 0))


def outline_as_headings(outline: list[tuple[str, int]]) -> list[tuple[int, str]]:
    """The headings the HTML report should have for a PDF outline: its first entry, the cover,
    is the ``<h1>`` (the report's title), every other entry of depth *n* an ``<h(n+2)>``."""
    return [(level + 2, title) for title, level in outline[1:]]
