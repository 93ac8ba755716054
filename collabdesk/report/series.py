"""A series report: the workshops of one series drawn together by domain.

For each domain: what each workshop said there (its top notes), and the top-voted notes
across the series; a series whose workshops ran under different frameworks reports each
workshop under its own framework's domains (a domain is one framework's: two frameworks'
"heart" domains are two parts, each with its own name and colour); then every action still open (not done, not dropped)
with its owner. Built on the workshop report model (:func:`summary.build_summary`), so a
note's votes, its order and the escaping of user text follow the same rules as a
workshop's own summary. Markdown and PDF are drawn from one :class:`SeriesSummary`.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer, Table,
)

from ..domain.model import Domain, Framework, WorkshopContent
from ..domain.voting import rank, top
from . import fonts
from .drawing import ColourBand, DomainStrip, DotBars, dot_gutter_width, draw_text
from .flowables import Gutter, user_paragraph
from .markdown import escape
from .markup import inline
from .pdf import _PAGE_TOTAL, LANG, _CountingCanvas, _Progress
from ..domain.dates import long_date, short_date
from .styles import (
    FOOTER_Y, HEADER_Y, INK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, RULE, STATUS_COLOURS, TEXT, colour, styles,
    table_style,
)
from .series_health import SeriesHealth, build_series_health, health_markdown, health_trend_pages
from .summary import ActionLine, Item, Summary, build_summary
from .wording import excerpt  # a note cut as a vote result shows it; the workshop's own summary has it whole

FOOTER_SIZE = 8  # the running header and footer, as in the workshop summary

TOP_NOTES_PER_WORKSHOP = 5  # a workshop's notes shown under each domain
TOP_IN_DOMAIN = (5, 8)  # ranks of the top-voted notes of one domain across the series, and most lines
TOP_IN_SERIES = (10, 12)  # the same for the whole series (ties at the last rank shown while lines allow)
OPEN_STATUSES = ("open", "in progress")


@dataclass(frozen=True)
class SeriesWorkshop:
    title: str
    date: str
    location: str
    facilitator: str
    notes: int
    votes: int
    open_actions: int


@dataclass(frozen=True)
class SeriesNote:
    """A note of one workshop, ranked among the series' notes."""

    rank: int
    item: Item
    workshop: SeriesWorkshop


@dataclass(frozen=True)
class WorkshopSaid:
    """What one workshop wrote under one domain: its top notes, and how many more there were."""

    workshop: SeriesWorkshop
    top: tuple[Item, ...]
    more: int


@dataclass(frozen=True)
class DomainPart:
    domain: Domain
    framework: Framework  # the domain's own: only workshops run under it are reported here
    said: tuple[WorkshopSaid, ...]  # every workshop of the framework, in series order, even when it wrote nothing
    top_voted: tuple[SeriesNote, ...]
    notes: int
    votes: int


@dataclass(frozen=True)
class OpenAction:
    action: ActionLine
    workshop: SeriesWorkshop


@dataclass(frozen=True)
class SeriesSummary:
    title: str
    framework: Framework  # the first workshop's
    frameworks: tuple[Framework, ...]  # every workshop's, first seen first (usually just ``framework``)
    workshops: tuple[SeriesWorkshop, ...]
    domains: tuple[DomainPart, ...]
    top_voted: tuple[SeriesNote, ...]
    open_actions: tuple[OpenAction, ...]
    health: SeriesHealth = SeriesHealth((), ())

    @property
    def notes(self) -> int:
        return sum(w.notes for w in self.workshops)

    @property
    def mixed(self) -> bool:
        """Whether the workshops ran under more than one framework (each domain part then names its own)."""
        return len(self.frameworks) > 1

    def using(self, name: Callable[[str], str] = str) -> str:
        """"the X framework", or "the X and Y frameworks"; ``name`` escapes each name for its format."""
        names = [name(f.name) for f in self.frameworks]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"the {listed} framework" + ("s" if len(names) > 1 else "")

    @property
    def votes(self) -> int:
        return sum(w.votes for w in self.workshops)

    @property
    def first_date(self) -> str:
        return min((w.date for w in self.workshops if w.date), default="")

    @property
    def last_date(self) -> str:
        return max((w.date for w in self.workshops if w.date), default="")


def build_series(contents: Sequence[WorkshopContent], framework: Framework, series_title: str, *,
                 frameworks: Mapping[str, Framework] | None = None) -> SeriesSummary:
    """The series model; ``contents`` in the order the report lists them (earliest first, usually).

    Each workshop is summarised under ``frameworks[its framework key]`` (``framework`` when
    the mapping has no entry, or none is given): the report's callers pass every workshop's."""
    frameworks = frameworks or {}
    own = [frameworks.get(content.workshop.framework_key, framework) for content in contents]
    summaries = [build_summary(content, used) for content, used in zip(contents, own)]
    lines = [SeriesWorkshop(title=s.title, date=s.date, location=s.location, facilitator=s.facilitator,
                            notes=s.notes, votes=s.votes,
                            open_actions=sum(a.status in OPEN_STATUSES for a in s.actions)) for s in summaries]
    distinct = list({f.key: f for f in own or [framework]}.values())
    domains: list[tuple[Framework, Domain]] = []
    for used in distinct:
        domains += [(used, d) for d in used.domains]
    for summary in summaries:
        known = {(f.key, d.key) for f, d in domains}
        domains += [(summary.framework, d) for d in summary.domains if (summary.framework.key, d.key) not in known]
    everything = [(i, item) for i, s in enumerate(summaries) for item in _items(s)]
    return SeriesSummary(
        title=series_title,
        framework=distinct[0],
        frameworks=tuple(distinct),
        workshops=tuple(lines),
        domains=tuple(_domain_part(f, d, summaries, lines) for f, d in domains),
        top_voted=_ranked(everything, lines, TOP_IN_SERIES),
        open_actions=tuple(OpenAction(a, lines[i]) for i, s in enumerate(summaries) for a in s.actions
                           if a.status in OPEN_STATUSES),
        health=build_series_health(summaries, domains),
    )


def _items(summary: Summary, domain_key: str | None = None) -> list[Item]:
    return [item for section in summary.sections if domain_key in (None, section.domain.key)
            for item in section.items]


def _domain_part(framework: Framework, domain: Domain, summaries: list[Summary],
                 lines: list[SeriesWorkshop]) -> DomainPart:
    said, pooled = [], []
    for i, summary in enumerate(summaries):
        if summary.framework.key != framework.key:
            continue
        items = _items(summary, domain.key)
        pooled += [(i, item) for item in items]
        best = sorted(items, key=lambda item: (-item.votes, item.number))[:TOP_NOTES_PER_WORKSHOP]
        said.append(WorkshopSaid(lines[i], tuple(best), len(items) - len(best)))
    return DomainPart(domain=domain, framework=framework, said=tuple(said),
                      top_voted=_ranked(pooled, lines, TOP_IN_DOMAIN),
                      notes=len(pooled), votes=sum(item.votes for _, item in pooled))


def _ranked(pooled: list[tuple[int, Item]], lines: list[SeriesWorkshop],
            limits: tuple[int, int]) -> tuple[SeriesNote, ...]:
    """Notes with dots, most first (ties share a rank): the first ranks and their ties, within a number of lines."""
    places, most = limits
    totals = {(i, item.number): item.votes for i, item in pooled}
    by_key = {(i, item.number): item for i, item in pooled}
    return tuple(SeriesNote(r.rank, by_key[r.item], lines[r.item[0]])
                 for r in top(rank(totals, order=list(by_key)), places)[:most])


# -- Markdown ---------------------------------------------------------------------------
def render_series_markdown(contents: Sequence[WorkshopContent], framework: Framework, series_title: str, *,
                           frameworks: Mapping[str, Framework] | None = None) -> str:
    return series_markdown(build_series(contents, framework, series_title, frameworks=frameworks))


def series_markdown(series: SeriesSummary) -> str:
    out = [f"# {escape(series.title)}", "",
           f"*Series report: {_count(len(series.workshops), 'workshop')} using {series.using(escape)}*", ""]
    out += ["## Workshops in this series", ""]
    if series.workshops:
        out += ["| Date | Workshop | Location | Facilitator | Notes | Dots | Open actions |",
                "|---|---|---|---|---:|---:|---:|"]
        out += [f"| {w.date or '—'} | {escape(w.title)} | {escape(w.location) or '—'} | "
                f"{escape(w.facilitator) or '—'} | {w.notes} | {w.votes} | {w.open_actions} |"
                for w in series.workshops]
    else:
        out.append("This series has no workshops yet.")
    out += ["", "## Top-voted notes across the series", ""]
    out += _ranked_lines(series.top_voted, with_domain=True) or ["No votes were cast in this series."]
    out.append("")
    out += health_markdown(series.health)
    for part in series.domains:
        out += _domain_markdown(part, series.mixed)
    out += ["## Open actions", ""]
    if series.open_actions:
        out += ["| Action | Owner | Due | Status | Workshop |", "|---|---|---|---|---|"]
        out += [f"| {escape(o.action.text)} | {escape(o.action.owner) or '—'} | {o.action.due or '—'} | "
                f"{o.action.status} | {escape(o.workshop.title)} |" for o in series.open_actions]
    else:
        out.append("Every action of the series is done or dropped.")
    return "\n".join(out).rstrip("\n") + "\n"


def _domain_markdown(part: DomainPart, mixed: bool) -> list[str]:
    out = [f"## {escape(part.domain.name)}", ""]
    if mixed:
        out += [f"*A domain of the {escape(part.framework.name)} framework.*", ""]
    if part.domain.description:
        out += [escape(part.domain.description), ""]
    out += [f"*{_count(part.notes, 'note')} and {_count(part.votes, 'dot')} across the series.*", ""]
    if part.top_voted:
        out += ["### Top-voted across the series", ""] + _ranked_lines(part.top_voted, with_domain=False) + [""]
    out += ["### What each workshop said", ""]
    for said in part.said:
        out += [f"#### {escape(said.workshop.title)}" + (f" ({said.workshop.date})" if said.workshop.date else ""),
                ""]
        if not said.top:
            out += [f"Nothing was written under {escape(part.domain.name)}.", ""]
            continue
        out += [f"- {escape(excerpt(item.text))}" + (f" — {_count(item.votes, 'dot')}" if item.votes else "")
                for item in said.top]
        if said.more:
            out.append(f"- *and {_count(said.more, 'more note')}*")
        out.append("")
    return out


def _ranked_lines(notes: tuple[SeriesNote, ...], *, with_domain: bool) -> list[str]:
    lines = []
    for note in notes:
        where = [escape(note.item.domain.name)] if with_domain else []
        where.append(escape(note.workshop.title) + (f" ({note.workshop.date})" if note.workshop.date else ""))
        lines.append(f"{note.rank}\\. **{escape(excerpt(note.item.text))}** — {_count(note.item.votes, 'dot')} · "
                     f"{' · '.join(where)}  ")
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


# -- PDF ----------------------------------------------------------------------------------
def write_series_pdf(contents: Sequence[WorkshopContent], framework: Framework, series_title: str,
                     path: str | Path, *, progress: Callable[[float], None] | None = None,
                     frameworks: Mapping[str, Framework] | None = None) -> None:
    """Write the series report to ``path``. ``progress`` (if given) is called with a fraction
    from 0 to 1 as the pages are laid out, from whichever thread runs this."""
    write_series_summary_pdf(build_series(contents, framework, series_title, frameworks=frameworks), Path(path),
                             progress=progress)


def write_series_summary_pdf(series: SeriesSummary, path: Path, *,
                             progress: Callable[[float], None] | None = None) -> None:
    fonts.register()
    document = SeriesDocument(path, series)
    if progress is not None:
        document.setProgressCallBack(_Progress(progress))
    width = document.width
    story = _cover(series, width) + [NextPageTemplate("body"), PageBreak()] + _across(series, width)
    trend = health_trend_pages(series.health, width, _outlined)
    if trend:
        story += [PageBreak()] + trend
    total = len(series.domains)
    for number, part in enumerate(series.domains, 1):
        story += [PageBreak()] + _domain_pages(part, number, total, width, series.mixed)
    story += [PageBreak()] + _open_actions(series, width)
    document.build(story, canvasmaker=_CountingCanvas)
    if progress is not None:
        progress(1.0)


class SeriesDocument(BaseDocTemplate):
    """The workshop summary's page: same margins, header and "page X of Y" footer."""

    def __init__(self, path: Path, series: SeriesSummary):
        super().__init__(
            str(path), pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=series.title, author="CollabDesk", creator="CollabDesk",
            subject=f"Series report of {_count(len(series.workshops), 'workshop')} using {series.using()}",
            keywords=["series report", *(f.name for f in series.frameworks), *(d.domain.name for d in series.domains)],
            invariant=1, lang=LANG, displayDocTitle=1, initialFontName=fonts.SANS)
        self.series = series
        self._bookmarks = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("cover", [frame]),
                               PageTemplate("body", [frame], onPage=self._header_and_footer)])

    def afterFlowable(self, flowable):
        outline = getattr(flowable, "outline", None)
        if outline:
            title, level = outline
            self._bookmarks += 1
            key = f"part{self._bookmarks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level)
            self.canv.showOutline()

    def _header_and_footer(self, canvas, document):
        width, height = document.pagesize
        left, right = MARGIN_X, width - MARGIN_X
        top = height - HEADER_Y
        canvas.saveState()
        used = draw_text(canvas, right, top, "Series report", size=FOOTER_SIZE, colour=MUTED, align="right")
        draw_text(canvas, left, top, self.series.title, size=FOOTER_SIZE, colour=MUTED, bold=True,
                  max_width=right - left - used - 24)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 6, right, top - 6)
        label = f"Page {canvas.getPageNumber()} of "
        draw_text(canvas, left, FOOTER_Y, label, size=FOOTER_SIZE, colour=MUTED)
        canvas.translate(left + canvas.stringWidth(label, fonts.SANS, FOOTER_SIZE), FOOTER_Y)
        canvas.doForm(_PAGE_TOTAL)
        canvas.restoreState()
        canvas.saveState()
        draw_text(canvas, right, FOOTER_Y, "Series report made with CollabDesk", size=FOOTER_SIZE, colour=MUTED,
                  align="right")
        canvas.restoreState()


def _hex(value) -> str:
    return "#" + value.hexval()[2:]


def _outlined(flowable, title: str, level: int = 0):
    """``flowable`` as an entry of the PDF's outline; the HTML report's headings follow these entries."""
    flowable.outline = (" ".join(title.split()), level)
    return flowable


def _cover(series: SeriesSummary, width: float) -> list:
    s = styles()
    story = [DomainStrip([colour(d.domain.colour) for d in series.domains]), Spacer(1, 34),
             Paragraph("SERIES REPORT", s["kicker"]),
             _outlined(user_paragraph(series.title, s["cover_title"]), "Cover")]
    span = " to ".join(long_date(d) for d in dict.fromkeys((series.first_date, series.last_date)) if d)
    lead = f"{_count(len(series.workshops), 'workshop')} using {series.using(inline)}"
    story += [Paragraph(lead + (f", {span}." if span else "."), s["cover_purpose"]), Spacer(1, 18),
              Paragraph("THE WORKSHOPS", s["label"])]
    if not series.workshops:
        return story + [Paragraph("This series has no workshops yet.", s["empty"])]
    head = [Paragraph(label, s["cell_head"]) for label in ("DATE", "WORKSHOP", "LOCATION", "FACILITATOR", "NOTES",
                                                           "DOTS", "OPEN")]
    rows = [head] + [[Paragraph(short_date(w.date) if w.date else "—", s["cell"]),
                      user_paragraph(w.title, s["cell"]), Paragraph(inline(w.location) or "—", s["cell"]),
                      Paragraph(inline(w.facilitator) or "—", s["cell"]),
                      Paragraph(str(w.notes), s["cell_right"]), Paragraph(str(w.votes), s["cell_right"]),
                      Paragraph(str(w.open_actions), s["cell_right"])] for w in series.workshops]
    widths = [0.13, 0.33, 0.17, 0.15, 0.08, 0.07, 0.07]
    table = Table(rows, colWidths=[width * w for w in widths], hAlign="LEFT", repeatRows=1, splitInRow=1)
    table.setStyle(table_style(
        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)))
    return story + [table]


def _across(series: SeriesSummary, width: float) -> list:
    s = styles()
    figures = [(f"{len(series.workshops):,}", "workshops"), (f"{series.notes:,}", "notes captured"),
               (f"{series.votes:,}", "dots placed"), (f"{len(series.open_actions):,}", "actions still open")]
    cells = [[Paragraph(number, s["figure"]), Paragraph(label, s["figure_label"])] for number, label in figures]
    grid = Table([cells], colWidths=[width / 4] * 4, hAlign="LEFT")
    grid.setStyle(table_style(
        ("RIGHTPADDING", (0, 0), (-1, -1), 12), ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 12), ("LINEABOVE", (0, 0), (-1, 0), 1.2, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE)))
    story = [_outlined(Paragraph("Across the series", s["h1"]), "Across the series"), Spacer(1, 6), grid,
             _outlined(Paragraph("Top-voted notes across the series", s["h2"]),
                       "Top-voted notes across the series", 1)]
    if series.top_voted:
        story.append(_ranked_table(series.top_voted, width, with_domain=True))
    else:
        story.append(Paragraph("No votes were cast in this series.", s["empty"]))
    return story


def _ranked_table(notes: tuple[SeriesNote, ...], width: float, *, with_domain: bool) -> Table:
    s = styles()
    rows = []
    for note in notes:
        hue = colour(note.item.domain.colour)
        where = [inline(note.item.domain.name)] if with_domain else []
        where.append(inline(note.workshop.title) + (f", {short_date(note.workshop.date)}" if note.workshop.date
                                                   else ""))
        meta = f'<font color="{_hex(hue)}">\u25cf</font> {" · ".join(where)} · {_count(note.item.votes, "dot")}'
        rows.append([Paragraph(f'<font color="{_hex(hue)}">{note.rank}</font>', s["rank"]),
                     [user_paragraph(excerpt(note.item.text), s["priority"]), Paragraph(meta, s["small"])]])
    table = Table(rows, colWidths=[34, width - 34], hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE)))
    return table


def _domain_pages(part: DomainPart, number: int, total: int, width: float, mixed: bool) -> list:
    s = styles()
    hue = colour(part.domain.colour)
    kicker = f"DOMAIN {number} OF {total}" + (f" · {inline(part.framework.name.upper())} FRAMEWORK" if mixed else "")
    story = [_outlined(ColourBand(hue), part.domain.name), Spacer(1, 14),
             Paragraph(f'<font color="{_hex(hue)}">{kicker}</font>', s["kicker"]),
             user_paragraph(part.domain.name, s["h1"])]
    if part.domain.description:
        story.append(user_paragraph(part.domain.description, s["lead"]))
    story.append(Paragraph(f"{_count(part.notes, 'note')} and {_count(part.votes, 'dot')} across "
                           f"{_count(len(part.said), 'workshop')}.", s["facts"]))
    if part.top_voted:
        story += [_outlined(Paragraph("Top-voted across the series", s["h2"]), "Top-voted across the series", 1),
                  _ranked_table(part.top_voted, width, with_domain=False)]
    story.append(_outlined(Paragraph("What each workshop said", s["h2"]), "What each workshop said", 1))
    note = s["note"]
    gutter = dot_gutter_width(max((i.votes for said in part.said for i in said.top), default=0))
    bars = DotBars(hue, note.fontSize, note.leading)
    for said in part.said:
        heading = inline(said.workshop.title, bold=True)
        if said.workshop.date:
            heading += f'  <font name="{s["facts"].fontName}" size="8.5" color="{_hex(MUTED)}">' \
                       f"{short_date(said.workshop.date)}</font>"
        story.append(_outlined(Paragraph(heading, s["theme"]), said.workshop.title, 2))
        if not said.top:
            story.append(Paragraph(f"Nothing was written under {inline(part.domain.name)}.", s["small"]))
            continue
        story += [Gutter(user_paragraph(excerpt(item.text), note), gutter, bars.gutter(item.votes))
                  for item in said.top]
        if said.more:
            story.append(Paragraph(f"and {_count(said.more, 'more note')} in this workshop's own summary",
                                   s["small"]))
    return story


def _open_actions(series: SeriesSummary, width: float) -> list:
    s = styles()
    story = [_outlined(Paragraph("Open actions", s["h1"]), "Open actions")]
    if not series.open_actions:
        return story + [Paragraph("Every action of the series is done or dropped.", s["empty"])]
    story.append(Paragraph(f"{_count(len(series.open_actions), 'action')} not yet done, with who owns each and "
                           "the workshop that agreed it.", s["lead"]))
    head = [Paragraph(label, s["cell_head"]) for label in ("ACTION", "OWNER", "DUE", "STATUS", "WORKSHOP")]
    rows = [head]
    for line in series.open_actions:
        action = line.action
        hue = STATUS_COLOURS.get(action.status, TEXT)
        rows.append([user_paragraph(action.text, s["cell"]), Paragraph(inline(action.owner) or "—", s["cell"]),
                     Paragraph(short_date(action.due) if action.due else "—", s["cell"]),
                     Paragraph(f'<font color="{_hex(hue)}">\u25cf {action.status}</font>', s["cell"]),
                     user_paragraph(line.workshop.title, s["cell"])])
    widths = [0.36, 0.16, 0.13, 0.13, 0.22]
    table = Table(rows, colWidths=[width * w for w in widths], hAlign="LEFT", repeatRows=1, splitInRow=1)
    table.setStyle(table_style(
        ("RIGHTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)))
    return story + [table]
