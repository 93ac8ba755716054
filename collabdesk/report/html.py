"""The workshop summary as one accessible, self-contained HTML page, in the PDF's order.

Drawn from the same :class:`~.summary.Summary` as the PDF, Markdown and CSV, so the four
never disagree. The headings follow the PDF's bookmarks: the title is the one ``<h1>``
(the PDF's "Cover"), each bookmark of level *n* is an ``<h(n+2)>`` with the same words.
Every piece of user text goes through :func:`html_kit.user` (escaped, ``dir="auto"``).
"""

from collections.abc import Callable
from pathlib import Path

from ..domain.dates import long_date, short_date
from ..domain.durations import duration_text
from ..domain.model import Framework, WorkshopContent
from .html_charts import domain_chart, time_bar
from .html_health import health_part
from .html_kit import Markup, element, join, user
from .html_page import (
    cell, contents, document, figures, footer, heading, hue_style, part, status, strip, swatch, table,
    typed_or_dash,
)
from . import colours
from .summary import UNGROUPED, Item, RoundLine, Section, Summary, build_summary
from .wording import counted, dots, excerpt, first_sentence, placed

FOOTER = "Workshop summary made with CollabDesk"


def write_html(content: WorkshopContent, framework: Framework, path, *, appendix: bool = True,
               anonymise: bool = False, paper: str = "A4", progress: Callable[[float], None] | None = None) -> None:
    """Write the workshop's summary page to ``path`` (UTF-8). ``progress`` as for the PDF."""
    page = render_html(content, framework, appendix=appendix, anonymise=anonymise, paper=paper)
    Path(path).write_text(page, encoding="utf-8", newline="\n")
    if progress is not None:
        progress(1.0)


def render_html(content: WorkshopContent, framework: Framework, *, appendix: bool = True,
                anonymise: bool = False, paper: str = "A4") -> str:
    return summary_html(build_summary(content, framework, anonymise=anonymise), appendix=appendix, paper=paper)


def summary_html(summary: Summary, *, appendix: bool = True, paper: str = "A4") -> str:
    parts = [("at-a-glance", "At a glance")] + ([("health-check", "Health check")] if summary.health.checks else [])
    parts += [(s.key, _section_title(n, s)) for n, s in enumerate(summary.sections, 1)]
    parts += [("actions", "Actions")] + ([("appendix", "Appendix")] if appendix else [])
    body = [_cover(summary), contents(parts), _at_a_glance(summary), health_part(summary.health)]
    body += [_section(s, n, len(summary.sections)) for n, s in enumerate(summary.sections, 1)]
    body += [_actions(summary)]
    if appendix:
        body.append(_appendix(summary))
    description = f"Summary of a workshop using the {summary.framework.name} framework" + (
        f", held on {long_date(summary.date)}" if summary.date else "")
    return document(title=summary.title, paper=paper, description=description,
                    body=join(element("main", body), footer(FOOTER)))


def _cover(summary: Summary) -> Markup:
    facts = [("Date", long_date(summary.date)), ("Location", summary.location),
             ("Facilitator", summary.facilitator), ("Participants", str(summary.participants))]
    legend = element("ul", [element("li", swatch(d.colour), element("strong", user(d.name)),
                                    user(first_sentence(d.description), class_="muted") if d.description else None)
                            for d in summary.domains], class_="legend")
    return element(
        "header",
        strip([d.colour for d in summary.domains]),
        element("p", "Workshop summary", class_="kicker"),
        heading(1, user(summary.title), id="title"),
        user(summary.purpose, "p", class_="purpose") if summary.purpose else None,
        element("dl", [element("div", element("dt", label), element("dd", user(value)))
                       for label, value in facts if value], class_="facts"),
        element("p", "Authors are anonymised in this summary.", class_="meta") if summary.anonymised else None,
        element("div", element("p", "The framework", class_="label"),
                element("p", user(summary.framework.name), class_="framework-name"), legend, class_="framework"),
        class_="cover")


def _at_a_glance(summary: Summary) -> Markup:
    rounds = summary.revealed_rounds
    numbers = figures([
        (f"{summary.notes:,}", "notes captured"),
        (f"{summary.votes:,}", f"dots placed in {rounds} vote round{'s' if rounds != 1 else ''}"),
        (f"{len(summary.actions):,}", "actions agreed"),
        (f"{round(summary.used_seconds / 60):,}", f"minutes used of {round(summary.planned_seconds / 60):,} planned"),
    ])
    if summary.priorities:
        rows = []
        for p in summary.priorities:
            where = [swatch(p.domain.colour), " ", user(p.where)] + ([" · a theme"] if p.is_theme else [])
            rows.append([element("td", p.place, class_="rank", style=hue_style(p.domain.colour)),
                         cell([user(excerpt(p.text), "div", class_="priority"), element("div", where, class_="meta")]),
                         cell(dots(p.votes), css="num")])
        priorities = table([("Rank", "nowrap"), ("Priority", ""), ("Dots", "num")], rows, class_="ranked")
    else:
        priorities = element("p", "No votes were cast, so no priorities were ranked.", class_="empty")
    held = [element("p", line, class_="meta") for line in (summary.unrevealed_line, summary.health.unrevealed_line)
            if line]
    return part("at-a-glance", heading(2, "At a glance", id="at-a-glance-heading"), numbers, held,
                 heading(3, "Top priorities"), priorities,
                 heading(3, "Notes and votes per domain"), domain_chart(summary.tallies, key="domain-chart"))


def _section_title(number: int, section: Section) -> str:
    return f"{number}. {' '.join(section.title.split())}"


def _section(section: Section, number: int, total: int) -> Markup:
    domain = section.domain
    if section.skipped:  # one line, as in the PDF, keeping its number and its place among the headings
        line = [swatch(domain.colour), " ", user(domain.name),
                f" · skipped: not run ({duration_text(section.planned_seconds)} planned)"]
        return part(section.key, heading(2, f"{number}. ", user(section.title), id=f"{section.key}-heading"),
                    element("p", line, class_="meta"), skipped=True)
    kicker = [f"Exercise {number} of {total}"]
    if " ".join(section.title.split()).casefold() != " ".join(domain.name.split()).casefold():
        kicker += [" · ", user(domain.name)]
    facts = (f"{duration_text(section.used_seconds)} used of {duration_text(section.planned_seconds)} planned · "
             f"{counted(section.notes, 'note')} · {dots(section.votes)}")
    body: list[object] = [
        element("p", kicker, class_="kicker hued"),
        heading(2, f"{number}. ", user(section.title), id=f"{section.key}-heading"),
        user(domain.description, "p", class_="lead") if domain.description else None,
    ]
    if section.prompt:
        body += [element("p", "Prompt", class_="label"), user(section.prompt, "p", class_="prompt")]
    body.append(element("div", time_bar(section.planned_seconds, section.used_seconds, domain.colour),
                        element("span", facts), class_="timing"))
    if section.empty:
        body.append(element("p", "Nothing was written down during this exercise.", class_="empty"))
    gutter = any(item.votes for group in section.groups for item in group.items) or bool(section.question_votes)
    for group in section.groups:
        title = (group.title if group.title != UNGROUPED else "Other notes") \
            if len(section.groups) > 1 or group.title != UNGROUPED else None
        body += [_subheading(title, group.votes), _notes(group.items, gutter=gutter)]
    if section.quotes:
        body += [_subheading("In their words", section.quote_votes), [_quote(q, domain.colour) for q in section.quotes]]
    if section.questions:
        body.append(_subheading("Questions raised", section.question_votes))
        if section.question_votes:  # their dots beside them, like the notes', so every dot counted is shown
            body.append(_notes(section.questions, gutter=True))
        else:
            body.append(element("ul", [element("li", element("span", "?", class_="mark", aria_hidden="true"),
                                               user(q.text)) for q in section.questions], class_="notes"))
    style = hue_style(domain.colour, **{"--band": colours.domain_graphic(domain.colour)})
    return part(section.key, body, style=style, hued=True)


def _subheading(title: str | None, votes: int) -> Markup | None:
    """A theme's or a kind of note's heading, its dots beside it (not in it: the heading is the PDF's bookmark)."""
    if title is None:
        return None
    return element("div", heading(3, user(title)),
                   element("span", dots(votes), class_="theme-dots") if votes else None, class_="theme-head")


def _notes(items: tuple[Item, ...], *, gutter: bool) -> Markup:
    """Notes as a list; with ``gutter``, each has a column for its dots, so the notes line up."""
    return element("ul", [element("li", user(item.text),
                                  element("span", dots(item.votes) if item.votes else "", class_="votes")
                                  if gutter else None) for item in items], class_="notes")


def _quote(quote: Item, colour: str) -> Markup:
    return element("figure",
                   element("blockquote", user(quote.text, "p")),
                   element("figcaption", "— ", element("cite", user(quote.attribution)),
                           f" · {dots(quote.votes)}" if quote.votes else None),
                   class_="quote", style=f"--quote-rule: {colours.domain_tint(colour, 0.85)}")


def _actions(summary: Summary) -> Markup:
    body: list[object] = [heading(2, "Actions", id="actions-heading")]
    if not summary.actions:
        return part("actions", body, element("p", "No actions were agreed.", class_="empty"))
    counts: dict[str, int] = {}
    for action in summary.actions:
        counts[action.status] = counts.get(action.status, 0) + 1
    told = ", ".join(f"{n} {state}" for state, n in counts.items())
    body.append(element("p", f"{counted(len(summary.actions), 'action')}: {told}.", class_="lead"))
    rows = [[cell(user(a.text)), cell(typed_or_dash(a.owner)), cell(short_date(a.due) if a.due else "—", css="date"),
             cell(status(a.status), css="nowrap")] for a in summary.actions]
    body.append(table([("Action", ""), ("Owner", ""), ("Due", ""), ("Status", "")], rows, label="Every action",
                      widths=(0.46, 0.2, 0.17, 0.17)))
    return part("actions", body)


def _appendix(summary: Summary) -> Markup:
    body: list[object] = [
        heading(2, "Appendix", id="appendix-heading"),
        element("p", "Every note as it was written, numbered in the order of this summary, "
                     "and every vote round in full.", class_="lead"),
        heading(3, "Every note")]
    for number, section in enumerate(summary.sections, 1):
        body.append(heading(4, f"{number}. ", user(section.title)))
        if section.empty:
            body.append(element("p", "Skipped: not run." if section.skipped else "No notes.", class_="meta"))
        else:
            body.append(element("ol", [element("li", user(item.text), _appendix_meta(item), value=item.number)
                                       for item in section.items], class_="appendix"))
    body.append(heading(3, "Vote rounds"))
    if not summary.rounds:
        body.append(element("p", "No vote rounds were held.", class_="meta"))
    body += [_round(r) for r in summary.rounds]
    return part("appendix", body)


def _appendix_meta(item: Item) -> Markup:
    who = item.attribution if item.kind == "quote" else item.author
    parts: list[object] = [item.kind]
    if who:
        parts += [" · ", user(who)]
    if item.theme:
        parts += [" · theme ", user(item.theme)]
    parts.append(" · " + dots(item.votes))
    return element("span", parts, class_="meta")


def _round(round_: RoundLine) -> Markup:
    facts = element("p", user(round_.scope), f" · {round_.rules} · {round_.state} · {round_.voters}", class_="meta")
    if not round_.results:
        said = "No dots were placed." if round_.revealed else "The results were not revealed, so they are left out."
        return join(heading(4, user(round_.title)), facts, element("p", said, class_="meta"))
    rows = [[cell(r.place), cell([element("span", r.label + ": "), user(excerpt(r.text))]),
             cell(f"{r.dots:,}", css="num")] for r in round_.results]
    return join(heading(4, user(round_.title)), facts,
                table([("Rank", "nowrap"), ("Note or theme", ""), ("Dots", "num")], rows, class_="ranked"),
                _who_placed(round_))


def _who_placed(round_: RoundLine) -> Markup | None:
    """A named round's dots, participant by participant (nothing for an anonymous round)."""
    if not round_.placed:
        return None
    return join(element("p", "Who placed which dots", class_="meta"),
                element("ul", [element("li", element("strong", user(p.name)), ": ", user(placed(p.dots)))
                               for p in round_.placed], class_="placed"))
