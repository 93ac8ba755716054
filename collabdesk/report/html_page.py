"""What the workshop and series HTML reports share: the page, its stylesheet, and the pieces
both draw (figures, charts, tables, the domain colour swatch).

The page is one self-contained file: the stylesheet is inline, there is no script, and
nothing is fetched (no fonts, images or links beyond the page's own headings), so it can
be published as it is and opened offline. The print stylesheet sets the paper size and
starts each part on a new page, as the PDF does.
"""

from collections.abc import Sequence

from . import colours
from .html_kit import Markup, element, user

PAPER_SIZES = {"A4": "A4", "letter": "letter"}  # the PDF's choices, as CSS @page sizes
DOCUMENT_LANG = "en"  # the language of the report's own words; what people typed carries dir="auto"

STATUS_COLOURS = {"done": "#2F7D4F", "in progress": "#A86A12", "open": "#2F3740", "dropped": "#66717C"}

_STYLE = """
:root { color-scheme: light; --ink: #1e2329; --text: #2f3740; --muted: #5f6a75; --rule: #dce1e6;
  --wash: #f4f6f8; --hue: #5f6a75; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--text);
  font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue",
  Arial, sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 2.5rem 1.5rem 3rem; }
.typed { white-space: pre-wrap; overflow-wrap: anywhere; }
h1, h2, h3, h4 { color: var(--ink); line-height: 1.25; margin: 0; overflow-wrap: anywhere; }
h1 { font-size: 2.4rem; margin: 0 0 1rem; letter-spacing: -0.01em; }
h2 { font-size: 1.65rem; margin: 0 0 0.6rem; }
h3 { font-size: 1.2rem; margin: 2rem 0 0.6rem; }
h4 { font-size: 1.05rem; margin: 1.5rem 0 0.4rem; }
p { margin: 0 0 0.8rem; }
.strip { display: flex; gap: 4px; height: 8px; margin-bottom: 2.5rem; }
.strip span { flex: 1; border-radius: 2px; }
.kicker { font-size: 0.8rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase;
  color: var(--muted); margin: 0 0 0.6rem; }
.kicker.hued { color: var(--hue); }
.purpose { font-size: 1.2rem; line-height: 1.5; }
.lead { color: var(--muted); font-size: 1.05rem; }
.label { font-size: 0.75rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase;
  color: var(--muted); margin: 0 0 0.2rem; }
.muted, .meta { color: var(--muted); }
.meta { font-size: 0.85rem; }
.empty { color: var(--muted); font-style: italic; }
.facts { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; margin: 2rem 0; padding-top: 1rem;
  border-top: 1px solid var(--rule); }
.facts dt { font-size: 0.75rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase;
  color: var(--muted); }
.facts dd { margin: 0.15rem 0 0; color: var(--ink); font-size: 1.1rem; }
.framework { margin-top: 2.5rem; }
.framework-name { font-size: 1.2rem; font-weight: 700; color: var(--ink); margin-bottom: 0.6rem; }
.legend { list-style: none; margin: 0; padding: 0; }
.legend li { display: flex; gap: 0.6rem; align-items: baseline; padding: 0.3rem 0; }
.legend strong { flex: none; max-width: 40%; overflow-wrap: anywhere; }
.swatch { display: inline-block; flex: none; width: 0.8em; height: 0.8em; border-radius: 2px;
  background: var(--hue); }
nav.contents { margin: 2.5rem 0 0; padding: 1rem 1.25rem; background: var(--wash); border-radius: 6px; }
nav.contents ol { margin: 0; padding: 0; list-style: none; columns: 2 16rem; }
nav.contents li { padding: 0.1rem 0; }
nav.contents a { color: #1d4f91; }
.part { margin-top: 3.5rem; padding-top: 1.25rem; border-top: 2px solid var(--ink); }
.part.skipped { margin-top: 1.5rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); }
.part.skipped h2 { font-size: 1.15rem; margin-bottom: 0.2rem; }
.part.skipped + .part.skipped { margin-top: 0.5rem; border-top: 0; padding-top: 0; }
.part.hued { border-top: 8px solid var(--band, var(--hue)); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem 0.5rem 0; overflow-wrap: break-word; }
td .typed, th .typed { overflow-wrap: break-word; }
table.fixed, table.ranked { table-layout: fixed; }
table.ranked th:first-child { width: 3.6rem; }
table.ranked th:last-child { width: 5.5rem; }
thead th { font-size: 0.75rem; letter-spacing: 0.05em; text-transform: uppercase;
  color: var(--muted);
  border-bottom: 2px solid var(--ink); }
tbody tr + tr > * { border-top: 1px solid var(--rule); }
tbody th { font-weight: 400; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; padding-left: 0.5rem; }
th:last-child, td:last-child { padding-right: 0; }
.nowrap { white-space: nowrap; }
thead th.num { white-space: normal; }
.wide { overflow-x: auto; }
.wide:focus-visible { outline: 2px solid #1d4f91; outline-offset: 2px; }
.wide table { min-width: 42rem; }
table.figures { border-top: 2px solid var(--ink); border-bottom: 1px solid var(--rule); table-layout: fixed; }
table.figures thead { display: table-footer-group; }
table.figures th { white-space: normal; border: 0; padding-top: 0; padding-bottom: 0.9rem; text-transform: none;
  letter-spacing: 0;
  font-size: 0.85rem; font-weight: 400; line-height: 1.3; }
table.figures td { font-size: 2.2rem; font-weight: 700; color: var(--ink); padding-top: 0.7rem; padding-bottom: 0.2rem;
  line-height: 1.1; }
.rank { font-size: 1.6rem; font-weight: 700; line-height: 1.1; color: var(--hue); }
.priority { color: var(--ink); font-size: 1.05rem; }
.chart { margin: 0.5rem 0 0; }
.chart table { max-width: 27rem; }
.chart svg { display: block; width: 100%; max-width: 27rem; height: auto; margin-bottom: 0.5rem; }
.timing { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1rem; padding: 0.6rem 0 0.8rem;
  border-bottom: 1px solid var(--rule); margin-bottom: 1rem; color: var(--muted); font-size: 0.9rem; }
.timing svg { width: 8rem; height: 0.5rem; flex: none; }
.prompt { font-size: 1.15rem; color: var(--ink); }
.theme-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.75rem; margin: 2rem 0 0.6rem; }
.theme-head > h3, .theme-head > h4 { margin: 0; }
.theme-dots { font-size: 0.85rem; color: var(--muted); }
ul.notes { list-style: none; margin: 0; padding: 0; }
ul.notes > li { display: flex; gap: 0.75rem; align-items: baseline; padding: 0.35rem 0; }
ul.notes > li > .typed { flex: 1; min-width: 0; }
.votes { flex: none; order: -1; min-width: 4.2rem; font-size: 0.8rem; font-weight: 700; color: var(--hue); }
.mark { flex: none; order: -1; width: 1.2rem; font-weight: 700; color: var(--hue); }
figure.quote { margin: 1rem 0 1.25rem; padding: 0.1rem 0 0.1rem 1.1rem; border-left: 4px solid var(--quote-rule); }
figure.quote blockquote { margin: 0; font-size: 1.2rem; color: var(--ink); }
figure.quote figcaption { margin-top: 0.35rem; font-size: 0.85rem; font-weight: 700; color: var(--muted); }
figure.quote cite { font-style: normal; }
.status::before { content: "\\25CF\\00A0"; }
ul.sentences { list-style: none; margin: 0; padding: 0; }
ul.sentences > li { padding: 0.25rem 0; }
figure.trend { margin: 1.5rem 0 0; }
ol.appendix { margin: 0; padding-left: 3rem; font-size: 0.95rem; }
ol.appendix > li { padding: 0.25rem 0; }
ol.appendix .meta { display: block; }
footer { max-width: 50rem; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--muted); font-size: 0.85rem; }
footer p { padding-top: 0.75rem; border-top: 1px solid var(--rule); }
@media (max-width: 36rem) {
  body { font-size: 16px; }
  main { padding: 1.5rem 1rem 2rem; }
  h1 { font-size: 1.9rem; }
  h2 { font-size: 1.4rem; }
  table.figures td { font-size: 1.45rem; }
  table.figures th { font-size: 0.75rem; }
  .facts { gap: 0.75rem 1.5rem; }
  .rank { font-size: 1.25rem; }
  table.ranked th:first-child { width: 2.8rem; }
  table.ranked th:last-child { width: 4.6rem; }
  .votes { min-width: 3.4rem; }
  ol.appendix { padding-left: 2.2rem; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.contents { display: none; }
  .part { break-before: page; margin-top: 0; }
  .part.skipped { break-before: auto; margin-top: 1.5rem; }
  h2, h3, h4 { break-after: avoid; }
  li, tr, figure, .timing { break-inside: avoid; }
  .wide { overflow: visible; }
  .wide table { min-width: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def document(*, title: str, body: Markup, paper: str = "A4", description: str = "") -> str:
    """The whole page: ``body`` inside ``<main>``, styles inline, nothing external."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper is one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    style = Markup(_STYLE + f"@page {{ size: {PAPER_SIZES[paper]}; margin: 20mm 22mm; }}\n")
    head = element("head", element("meta", charset="utf-8"),
                   element("meta", name="viewport", content="width=device-width, initial-scale=1"),
                   element("meta", name="generator", content="CollabDesk"),
                   element("meta", name="description", content=description) if description else None,
                   element("title", " ".join(title.split()) or "Untitled"),
                   element("style", style))
    return "<!DOCTYPE html>\n" + element("html", head, element("body", body), lang=DOCUMENT_LANG) + "\n"


def hue_style(colour: str, **more: str) -> str:
    """An element's ``style``: its domain colour (made readable) as ``--hue``, from numbers only."""
    rules = {"--hue": colours.domain_text(colour), **more}
    return "; ".join(f"{name}: {value}" for name, value in rules.items())


def swatch(colour: str) -> Markup:
    return element("span", class_="swatch", aria_hidden="true",
                   style=f"--hue: {colours.domain_graphic(colour)}")


def strip(colour_list: Sequence[str]) -> Markup:
    """The band of domain colours that opens the cover (decoration: the domains are named below)."""
    return element("div", [element("span", style=f"background: {colours.domain_graphic(c)}") for c in colour_list],
                   class_="strip", aria_hidden="true")


def figures(values: Sequence[tuple[str, str]]) -> Markup:
    """Big numbers over their labels: a table whose header row (the labels) is drawn below its numbers."""
    return element("table", element("thead", element("tr", [element("th", label, scope="col")
                                                            for _, label in values])),
                   element("tbody", element("tr", [element("td", number) for number, _ in values])),
                   class_="figures")


WIDE = 4  # columns from which a table keeps a readable width on a phone and scrolls sideways instead


def table(headings: Sequence[tuple[str, str]], rows: Sequence[Sequence[Markup]], *, label: str = "",
          widths: Sequence[float] = (), wide: bool | None = None, **attributes) -> Markup:
    """A table with one header cell per column (``(label, class)``); each row's cells are made by the caller.

    A ``wide`` table (by default, one of :data:`WIDE` columns or more) sits in a region of its
    own, named ``label``, that scrolls sideways on a narrow screen (WCAG's reflow exception for
    data tables) and can be reached from the keyboard to scroll it. ``widths`` (fractions, one per column) fix the
    columns as the PDF's table has them, so a long word wraps inside its column.
    """
    columns = element("colgroup", [element("col", style=f"width: {w * 100:.0f}%") for w in widths]) if widths else None
    if widths:
        attributes["class_"] = " ".join(c for c in (attributes.get("class_"), "fixed") if c)
    head = element("thead", element("tr", [element("th", heading, scope="col", class_=css or None)
                                           for heading, css in headings]))
    made = element("table", columns, head, element("tbody", [element("tr", row) for row in rows]), **attributes)
    if not (len(headings) >= WIDE if wide is None else wide):
        return made
    if not label:
        raise ValueError("a wide table needs a label for the region that scrolls it")
    return element("div", made, class_="wide", role="region", aria_label=label, tabindex=0)


def cell(content: object, *, css: str | None = None, header: bool = False) -> Markup:
    if header:
        return element("th", content, scope="row", class_=css)
    return element("td", content, class_=css)


def status(value: str) -> Markup:
    """An action's status in its colour, always with its word (colour is never the only sign)."""
    colour = colours.css(colours.darkened(colours.parse(STATUS_COLOURS.get(value, "#2F3740"))))
    return element("span", value, class_="status", style=f"color: {colour}")


def part(key: str, *content: object, style: str | None = None, hued: bool = False, skipped: bool = False) -> Markup:
    """One part of the report (a page of the PDF), labelled by its heading, whose id is ``{key}-heading``;
    a ``skipped`` one is a line under its heading, as the PDF gives an exercise that never ran."""
    css = "part skipped" if skipped else "part hued" if hued else "part"
    return element("section", *content, id=key, class_=css, aria_labelledby=f"{key}-heading", style=style)


def heading(level: int, *content: object, id: str | None = None, **attributes) -> Markup:
    return element(f"h{level}", *content, id=id, **attributes)


def typed_or_dash(text: str) -> Markup:
    return user(text) if text else Markup("—")


def footer(text: str) -> Markup:
    return element("footer", element("p", text))


def contents(entries: Sequence[tuple[str, str]]) -> Markup:
    """Links to the page's parts, for a long report read on screen (left out of print, as the PDF has bookmarks)."""
    return element("nav", element("p", "Contents", class_="label"),
                   element("ol", [element("li", element("a", user(title), href=f"#{anchor}"))
                                  for anchor, title in entries]),
                   class_="contents", aria_label="Contents")
