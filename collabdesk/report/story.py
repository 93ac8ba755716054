"""The PDF's content as platypus flowables, part by part: cover, at a glance, one section
per exercise, actions, appendix.

Every piece of user text goes through :func:`user_paragraph` or :func:`markup.inline`, so
it is escaped and printed in any script. Flowables that should appear in the PDF's outline
carry an ``outline`` attribute, ``(title, level)``, which the document template reads.
"""

from reportlab.lib.colors import Color
from reportlab.platypus import (CondPageBreak, Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table)

from ..domain.dates import long_date, short_date
from ..domain.durations import duration_text
from .charts import domain_chart
from .drawing import (CAPTION_HEIGHT, ColourBand, DomainStrip, DotBars, caption, caption_mark, dot_gutter_width,
                      mark_gutter, rule_gutter, time_bar)
from .flowables import Decorated, user_paragraph
from .health_pdf import health_pages
from .markup import inline
from .styles import INK, MUTED, RULE, STATUS_COLOURS, TEXT, colour, styles, table_style, tint
from .summary import UNGROUPED, Item, Section, Summary
from .wording import dots as _dots, excerpt as _excerpt, first_sentence as _first_sentence, placed as _placed

QUOTE_GUTTER = 30
QUESTION_GUTTER = 18
RANK_GUTTER = 24


def _hex(value: Color) -> str:
    """A colour as ``#rrggbb`` for ``<font color>`` markup, rebuilt from numbers so nothing else gets in."""
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (value.red, value.green, value.blue)))


def _dot(hue: Color) -> str:
    return f'<font color="{_hex(hue)}">\u25cf</font>'


def _marked(flowable: Flowable, title: str, level: int) -> Flowable:
    """``flowable`` as an entry of the PDF's outline; the HTML summary's headings follow these entries."""
    flowable.outline = (" ".join(title.split()), level)
    return flowable


def cover(summary: Summary, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [DomainStrip([colour(d.colour) for d in summary.domains]), Spacer(1, 34),
                             Paragraph("WORKSHOP SUMMARY", s["kicker"]),
                             _marked(user_paragraph(summary.title, s["cover_title"]), "Cover", 0)]
    if summary.purpose:
        story.append(user_paragraph(summary.purpose, s["cover_purpose"]))
    facts = [("DATE", long_date(summary.date)), ("LOCATION", summary.location),
             ("FACILITATOR", summary.facilitator), ("PARTICIPANTS", str(summary.participants))]
    cells = [[Paragraph(label, s["label"]), Paragraph(inline(value), s["value"])] for label, value in facts if value]
    grid = Table([cells], colWidths=[width / len(cells)] * len(cells), hAlign="LEFT")
    grid.setStyle(table_style(
        ("RIGHTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE)))
    story += [Spacer(1, 22), grid]
    if summary.anonymised:
        story += [Spacer(1, 8), Paragraph("Authors are anonymised in this summary.", s["small"])]
    story += [Spacer(1, 40), Paragraph("THE FRAMEWORK", s["label"]),
              Paragraph(inline(summary.framework.name, bold=True), s["h2"]), _legend(summary, width)]
    return story


def _legend(summary: Summary, width: float) -> Table:
    s = styles()
    rows = []
    for domain in summary.domains:
        text = f"<b>{inline(domain.name, bold=True)}</b>"
        first = _first_sentence(domain.description)
        if first:
            text += f'  <font color="{_hex(MUTED)}">{inline(first)}</font>'
        rows.append([_Swatch(colour(domain.colour)), Paragraph(text, s["legend"])])
    table = Table(rows, colWidths=[20, width - 20], hAlign="LEFT")
    table.setStyle(table_style(
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)))
    return table


class _Swatch(Flowable):
    def __init__(self, fill: Color, size: float = 10):
        super().__init__()
        self.fill, self.size = fill, size

    def wrap(self, availWidth, availHeight):
        return self.size, self.size + 2

    def draw(self):
        self.canv.setFillColor(self.fill)
        self.canv.roundRect(0, 0, self.size, self.size, 1.5, stroke=0, fill=1)


def at_a_glance(summary: Summary, width: float) -> list[Flowable]:
    s = styles()
    rounds = summary.revealed_rounds
    figures = [
        (f"{summary.notes:,}", "notes captured"),
        (f"{summary.votes:,}", f"dots placed in {rounds} vote round{'s' if rounds != 1 else ''}"),
        (f"{len(summary.actions):,}", "actions agreed"),
        (f"{round(summary.used_seconds / 60):,}", f"minutes used of {round(summary.planned_seconds / 60):,} planned"),
    ]
    cells = [[Paragraph(number, s["figure"]), Paragraph(label, s["figure_label"])] for number, label in figures]
    grid = Table([cells], colWidths=[width / 4] * 4, hAlign="LEFT")
    grid.setStyle(table_style(
        ("RIGHTPADDING", (0, 0), (-1, -1), 12), ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 12), ("LINEABOVE", (0, 0), (-1, 0), 1.2, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE)))
    story: list[Flowable] = [_marked(Paragraph("At a glance", s["h1"]), "At a glance", 0), Spacer(1, 6), grid]
    for held in (summary.unrevealed_line, summary.health.unrevealed_line):
        if held:
            story.append(Paragraph(held, s["small"]))
    story.append(_marked(Paragraph("Top priorities", s["h2"]), "Top priorities", 1))
    if summary.priorities:
        story.append(_priorities(summary, width))
    else:
        story.append(Paragraph("No votes were cast, so no priorities were ranked.", s["empty"]))
    story += [Spacer(1, 6), _marked(Paragraph("Notes and votes per domain", s["h2"]), "Notes and votes per domain", 1),
              domain_chart(summary.tallies, width)]
    return story


def _priorities(summary: Summary, width: float) -> Table:
    s = styles()
    rows = []
    for p in summary.priorities:
        hue = colour(p.domain.colour)
        meta = f"{_dot(hue)} {inline(p.where)} · {_dots(p.votes)}" + (" · a theme" if p.is_theme else "")
        rank = Paragraph(f'<font color="{_hex(hue)}">{p.place}</font>', s["rank"])
        rows.append([rank, [user_paragraph(_excerpt(p.text), s["priority"]), Paragraph(meta, s["small"])]])
    table = Table(rows, colWidths=[34, width - 34], hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE)))
    return table


def section(section: Section, number: int, total: int, width: float) -> list[Flowable]:
    s = styles()
    hue = colour(section.domain.colour)
    band = _marked(ColourBand(hue), f"{number}. {' '.join(section.title.split())}", 0)
    kicker = f"EXERCISE {number} OF {total}"
    if " ".join(section.title.split()).casefold() != " ".join(section.domain.name.split()).casefold():
        kicker += " · " + inline(section.domain.name.upper(), bold=True)
    story: list[Flowable] = [band, Spacer(1, 14), Paragraph(f'<font color="{_hex(hue)}">{kicker}</font>', s["kicker"]),
                             user_paragraph(section.title, s["h1"])]
    if section.domain.description:
        story.append(user_paragraph(section.domain.description, s["lead"]))
    if section.prompt:
        story += [Paragraph(f'<font color="{_hex(hue)}">PROMPT</font>', s["label"]),
                  user_paragraph(section.prompt, s["prompt"])]
    facts = (f"{duration_text(section.used_seconds)} used of {duration_text(section.planned_seconds)} planned · "
             f"{section.notes} note{'s' if section.notes != 1 else ''} · {_dots(section.votes)}")
    timing = Table([[time_bar(section.planned_seconds, section.used_seconds, hue), Paragraph(facts, s["facts"])]],
                   colWidths=[122, width - 122], hAlign="LEFT")
    timing.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE)))
    story.append(timing)
    if section.empty:
        return story + [Paragraph("Nothing was written down during this exercise.", s["empty"])]
    gutter = dot_gutter_width(max((i.votes for g in section.groups for i in g.items), default=0))
    note = s["note"]
    bars = DotBars(hue, note.fontSize, note.leading)
    for group in section.groups:
        story += _group(group, bars, gutter, show_title=len(section.groups) > 1 or group.title != UNGROUPED)
    if section.quotes:
        story.append(_marked(Paragraph("In their words" + _heading_dots(section.quote_votes), s["h2"]),
                             "In their words", 1))
        for quote in section.quotes:
            story += _quote(quote, hue)
    if section.questions:
        story.append(_marked(Paragraph("Questions raised" + _heading_dots(section.question_votes), s["h2"]),
                             "Questions raised", 1))
        if section.question_votes:  # the dots in the gutter, like the notes', so every dot counted is shown
            story += [Decorated(user_paragraph(q.text, note), gutter=gutter, draw_gutter=bars.gutter(q.votes))
                      for q in section.questions]
        else:
            story += [Decorated(user_paragraph(q.text, note), gutter=QUESTION_GUTTER,
                                draw_gutter=mark_gutter("?", hue, note.fontSize, note.leading))
                      for q in section.questions]
    return story


def skipped_section(section: Section, number: int) -> list[Flowable]:
    """An exercise that never ran, in one line (it keeps its number and its place in the outline)."""
    s = styles()
    hue = colour(section.domain.colour)
    line = (f"{_dot(hue)} <b>{number}. {inline(section.title, bold=True)}</b> · {inline(section.domain.name)}"
            f" · skipped: not run ({duration_text(section.planned_seconds)} planned)")
    return [_marked(Paragraph(line, s["facts"]), f"{number}. {' '.join(section.title.split())}", 0)]


def _heading_dots(count: int) -> str:
    if not count:
        return ""
    return f'  <font name="{styles()["facts"].fontName}" size="8.5" color="{_hex(MUTED)}">{_dots(count)}</font>'


def _group(group, bars: DotBars, gutter: float, *, show_title: bool) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = []
    if show_title:
        title = inline(group.title, bold=True) if group.title != UNGROUPED else "Other notes"
        named = group.title if group.title != UNGROUPED else "Other notes"
        story.append(_marked(Paragraph(title + _heading_dots(group.votes), s["theme"]), named, 1))
    else:
        story.append(Spacer(1, 10))
    story += [Decorated(user_paragraph(item.text, s["note"]), gutter=gutter, draw_gutter=bars.gutter(item.votes))
              for item in group.items]
    return story


def _quote(quote: Item, hue: Color) -> list[Flowable]:
    s = styles()
    body = Decorated(user_paragraph(quote.text, s["quote"]), gutter=QUOTE_GUTTER,
                     draw_gutter=rule_gutter(tint(hue, 0.85), mark="\u201c"), repeat=True)
    body.keepWithNext = 1
    votes = f" · {_dots(quote.votes)}" if quote.votes else ""
    attribution = Decorated(Paragraph("— " + inline(quote.attribution) + votes, s["attribution"]),
                            gutter=QUOTE_GUTTER)
    return [Spacer(1, 4), body, attribution]


def actions(summary: Summary, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [_marked(Paragraph("Actions", s["h1"]), "Actions", 0)]
    if not summary.actions:
        return story + [Paragraph("No actions were agreed.", s["empty"])]
    counts = {}
    for action in summary.actions:
        counts[action.status] = counts.get(action.status, 0) + 1
    told = ", ".join(f"{n} {status}" for status, n in counts.items())
    story.append(Paragraph(f"{len(summary.actions)} action{'s' if len(summary.actions) != 1 else ''}: {told}.",
                           s["lead"]))
    head = [Paragraph(label, s["cell_head"]) for label in ("ACTION", "OWNER", "DUE", "STATUS")]
    rows = [head]
    for action in summary.actions:
        hue = STATUS_COLOURS.get(action.status, TEXT)
        rows.append([
            user_paragraph(action.text, s["cell"]),
            Paragraph(inline(action.owner) or "—", s["cell"]),
            Paragraph(short_date(action.due) if action.due else "—", s["cell"]),
            Paragraph(f'<font color="{_hex(hue)}">\u25cf {action.status}</font>', s["cell"]),
        ])
    table = Table(rows, colWidths=[width * 0.46, width * 0.2, width * 0.17, width * 0.17], hAlign="LEFT",
                  repeatRows=1, splitInRow=1)
    table.setStyle(table_style(
        ("RIGHTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7), ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)))
    return story + [table]


def appendix(summary: Summary, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        _marked(Paragraph("Appendix", s["h1"]), "Appendix", 0),
        Paragraph("Every note as it was written, numbered in the order of this summary, "
                  "and every vote round in full.", s["lead"]),
        _marked(Paragraph("Every note", s["h2"]), "Every note", 1)]
    for number, part in enumerate(summary.sections, 1):
        story.append(_marked(Paragraph(f"{number}. {inline(part.title, bold=True)}", s["theme"]),
                             f"{number}. {part.title}", 2))
        if part.empty:
            story.append(Paragraph("Skipped: not run." if part.skipped else "No notes.", s["small"]))
        story += [Decorated(user_paragraph(item.text, s["appendix_note"]), caption=caption(_appendix_meta(item)),
                            caption_height=CAPTION_HEIGHT) for item in part.items]
    story += [CondPageBreak(120), _marked(Paragraph("Vote rounds", s["h2"]), "Vote rounds", 1)]
    if not summary.rounds:
        story.append(Paragraph("No vote rounds were held.", s["small"]))
    for round_ in summary.rounds:
        facts = f"{inline(round_.scope)} · {round_.rules} · {round_.state} · {round_.voters}"
        story += [_marked(Paragraph(inline(round_.title, bold=True), s["theme"]), round_.title, 2),
                  Paragraph(facts, s["small"])]
        if round_.results:
            story += _results(round_) + _who_placed(round_)
        elif not round_.revealed:
            story.append(Paragraph("The results were not revealed, so they are left out.", s["small"]))
        else:
            story.append(Paragraph("No dots were placed.", s["small"]))
    return story


def _appendix_meta(item: Item) -> str:
    who = item.attribution if item.kind == "quote" else item.author
    parts = [str(item.number), item.kind] + ([who] if who else []) + ([f"theme {item.theme}"] if item.theme else [])
    return " · ".join(parts + [_dots(item.votes)])


def _who_placed(round_) -> list[Flowable]:
    """A named round's dots, participant by participant (nothing for an anonymous round)."""
    if not round_.placed:
        return []
    s = styles()
    return [Spacer(1, 4), Paragraph("WHO PLACED WHICH DOTS", s["label"])] + [
        Paragraph(f"{inline(p.name, bold=True)}: {inline(_placed(p.dots))}", s["small"]) for p in round_.placed]


def _results(round_) -> list[Flowable]:
    """One line per ranked note or theme: the rank in the margin, what it is and its dots
    above an excerpt of its text."""
    style = styles()["appendix_note"]
    return [Decorated(user_paragraph(_excerpt(r.text), style), gutter=RANK_GUTTER,
                      draw_gutter=caption_mark(r.place, INK), caption=caption(f"{r.label} · {_dots(r.dots)}"),
                      caption_height=CAPTION_HEIGHT) for r in round_.results]


def whole_story(summary: Summary, width: float, *, with_appendix: bool) -> list[Flowable]:
    story = cover(summary, width) + [NextPageTemplate("body"), PageBreak()] + at_a_glance(summary, width)
    checks = health_pages(summary.health, width, _marked)
    if checks:
        story += [PageBreak()] + checks
    total = len(summary.sections)
    after_skipped = False
    for number, part in enumerate(summary.sections, 1):
        if part.skipped:
            story += ([] if after_skipped else [Spacer(1, 16), CondPageBreak(40)]) + skipped_section(part, number)
        else:
            story += [PageBreak()] + section(part, number, total, width)
        after_skipped = part.skipped
    story += [PageBreak()] + actions(summary, width)
    if with_appendix:
        story += [PageBreak()] + appendix(summary, width)
    return story
