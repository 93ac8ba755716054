"""The series report as one accessible, self-contained HTML page, in the PDF's order.

Drawn from the same :class:`~.series.SeriesSummary` as the series PDF and Markdown; its
headings follow the PDF's bookmarks as the workshop summary's do (see :mod:`.html`).
"""

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ..domain.dates import long_date, short_date
from ..domain.model import Framework, WorkshopContent
from .html_health import trend_part
from .html_kit import Markup, element, join, user
from .html_page import (
    cell, contents, document, figures, footer, heading, hue_style, part, status, strip, swatch, table,
    typed_or_dash,
)
from . import colours
from .series import DomainPart, SeriesNote, SeriesSummary, build_series, excerpt
from .wording import counted, dots

FOOTER = "Series report made with CollabDesk"


def write_series_html(contents_: Sequence[WorkshopContent], framework: Framework, series_title: str,
                      path: str | Path, *, paper: str = "A4", progress: Callable[[float], None] | None = None,
                      frameworks: Mapping[str, Framework] | None = None) -> None:
    """Write the series report page to ``path`` (UTF-8). ``progress`` and ``frameworks`` as for the PDF."""
    page = series_html(build_series(contents_, framework, series_title, frameworks=frameworks), paper=paper)
    Path(path).write_text(page, encoding="utf-8", newline="\n")
    if progress is not None:
        progress(1.0)


def series_html(series: SeriesSummary, *, paper: str = "A4") -> str:
    keys = [f"domain-{n}" for n in range(1, len(series.domains) + 1)]
    parts = [("across", "Across the series")]
    parts += [("health-across", "Health across the series")] if series.health.steps else []
    parts += [(key, d.domain.name) for key, d in zip(keys, series.domains)]
    parts.append(("open-actions", "Open actions"))
    body = [_cover(series), contents(parts), _across(series), trend_part(series.health)]
    body += [_domain(d, key, n, len(series.domains), series.mixed)
             for n, (key, d) in enumerate(zip(keys, series.domains), 1)]
    body.append(_open_actions(series))
    description = f"Series report of {counted(len(series.workshops), 'workshop')} using {series.using()}"
    return document(title=series.title, paper=paper, description=description,
                    body=join(element("main", body), footer(FOOTER)))


def _cover(series: SeriesSummary) -> Markup:
    span = " to ".join(long_date(d) for d in dict.fromkeys((series.first_date, series.last_date)) if d)
    using = Markup(series.using(user))  # the names escaped by user(), the words around them plain
    lead = [f"{counted(len(series.workshops), 'workshop')} using ", using, f", {span}." if span else "."]
    if series.workshops:
        rows = [[cell(short_date(w.date) if w.date else "—", css="date"), cell(user(w.title), header=True),
                 cell(typed_or_dash(w.location)), cell(typed_or_dash(w.facilitator)),
                 cell(f"{w.notes:,}", css="num"), cell(f"{w.votes:,}", css="num"),
                 cell(f"{w.open_actions:,}", css="num")] for w in series.workshops]
        workshops = table([("Date", ""), ("Workshop", ""), ("Location", ""), ("Facilitator", ""), ("Notes", "num"),
                           ("Dots", "num"), ("Open actions", "num")], rows, label="The workshops",
                          widths=(0.14, 0.25, 0.17, 0.15, 0.1, 0.09, 0.1))
    else:
        workshops = element("p", "This series has no workshops yet.", class_="empty")
    return element("header", strip([d.domain.colour for d in series.domains]),
                   element("p", "Series report", class_="kicker"), heading(1, user(series.title), id="title"),
                   element("p", lead, class_="purpose"), element("p", "The workshops", class_="label"), workshops,
                   class_="cover")


def _across(series: SeriesSummary) -> Markup:
    numbers = figures([(f"{len(series.workshops):,}", "workshops"), (f"{series.notes:,}", "notes captured"),
                       (f"{series.votes:,}", "dots placed"), (f"{len(series.open_actions):,}", "actions still open")])
    ranked = _ranked(series.top_voted, with_domain=True) if series.top_voted else \
        element("p", "No votes were cast in this series.", class_="empty")
    return part("across", heading(2, "Across the series", id="across-heading"), numbers,
                 heading(3, "Top-voted notes across the series"), ranked)


def _ranked(notes: tuple[SeriesNote, ...], *, with_domain: bool) -> Markup:
    rows = []
    for note in notes:
        where: list[object] = [swatch(note.item.domain.colour), " ", user(note.item.domain.name), " · "] \
            if with_domain else []
        where.append(user(note.workshop.title))
        if note.workshop.date:
            where.append(f", {short_date(note.workshop.date)}")
        rows.append([element("td", str(note.rank), class_="rank", style=hue_style(note.item.domain.colour)),
                     cell([user(excerpt(note.item.text), "div", class_="priority"),
                           element("div", where, class_="meta")]),
                     cell(dots(note.item.votes), css="num")])
    return table([("Rank", "nowrap"), ("Note", ""), ("Dots", "num")], rows, class_="ranked")


def _domain(domain_part: DomainPart, key: str, number: int, total: int, mixed: bool) -> Markup:
    kicker: list[object] = [f"Domain {number} of {total}"]
    if mixed:
        kicker += [" · ", user(domain_part.framework.name), " framework"]
    body: list[object] = [element("p", *kicker, class_="kicker hued"),
                          heading(2, user(domain_part.domain.name), id=f"{key}-heading")]
    if domain_part.domain.description:
        body.append(user(domain_part.domain.description, "p", class_="lead"))
    body.append(element("p", f"{counted(domain_part.notes, 'note')} and {counted(domain_part.votes, 'dot')} across "
                             f"{counted(len(domain_part.said), 'workshop')}.", class_="meta"))
    if domain_part.top_voted:
        body += [heading(3, "Top-voted across the series"), _ranked(domain_part.top_voted, with_domain=False)]
    body.append(heading(3, "What each workshop said"))
    gutter = any(item.votes for said in domain_part.said for item in said.top)
    for said in domain_part.said:
        body.append(element("div", heading(4, user(said.workshop.title)),
                            element("span", short_date(said.workshop.date), class_="theme-dots")
                            if said.workshop.date else None, class_="theme-head"))
        if not said.top:
            body.append(element("p", "Nothing was written under ", user(domain_part.domain.name), ".", class_="meta"))
            continue
        body.append(element("ul", [element("li", user(excerpt(item.text)),
                                           element("span", dots(item.votes) if item.votes else "", class_="votes")
                                           if gutter else None) for item in said.top], class_="notes"))
        if said.more:
            body.append(element("p", f"and {counted(said.more, 'more note')} in this workshop's own summary",
                                class_="meta"))
    style = hue_style(domain_part.domain.colour, **{"--band": colours.domain_graphic(domain_part.domain.colour)})
    return part(key, body, style=style, hued=True)


def _open_actions(series: SeriesSummary) -> Markup:
    body: list[object] = [heading(2, "Open actions", id="open-actions-heading")]
    if not series.open_actions:
        return part("open-actions", body, element("p", "Every action of the series is done or dropped.",
                                                   class_="empty"))
    body.append(element("p", f"{counted(len(series.open_actions), 'action')} not yet done, with who owns each and "
                             "the workshop that agreed it.", class_="lead"))
    rows = [[cell(user(o.action.text)), cell(typed_or_dash(o.action.owner)),
             cell(short_date(o.action.due) if o.action.due else "—", css="date"),
             cell(status(o.action.status), css="nowrap"), cell(user(o.workshop.title))] for o in series.open_actions]
    body.append(table([("Action", ""), ("Owner", ""), ("Due", ""), ("Status", ""), ("Workshop", "")], rows,
                      label="Every open action", widths=(0.34, 0.16, 0.13, 0.15, 0.22)))
    return part("open-actions", body)
