"""How the room's ratings moved across a series: one small multiple per domain.

Every revealed health check of the series' workshops is one step along the x-axis, in
series order (a workshop with two checks, start and end of the day, gives two steps).
Each domain's strip shares the same 1-to-5 scale: a dot at the median, a bar over the
middle half of the ratings (the quartiles), a line joining the medians, and under each
step the number of people who rated. Checks never revealed are left out.
"""

from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from ..domain import health
from ..domain.dates import short_date
from ..domain.health import DomainResult
from ..domain.model import Domain, Framework
from . import fonts
from .drawing import new_drawing
from .markdown import escape
from .markup import inline
from .styles import FAINT, INK, MUTED, RULE, colour, styles, table_style, tint
from .summary import Summary

ROW_HEIGHT = 66.0
AXIS = 14.0  # room on the left of a strip for the scale's numbers
FOOT = 11.0  # room under a strip for the raters


@dataclass(frozen=True)
class TrendStep:
    """One revealed health check of one workshop: a step of every domain's trend."""

    number: int  # 1.. along the x-axis
    workshop: str
    date: str
    check: str


@dataclass(frozen=True)
class DomainTrend:
    domain: Domain
    results: tuple[DomainResult | None, ...]  # one per step; None when the check did not ask about the domain


@dataclass(frozen=True)
class SeriesHealth:
    steps: tuple[TrendStep, ...]
    trends: tuple[DomainTrend, ...]


def build_series_health(summaries: list[Summary], domains: list[tuple[Framework, Domain]]) -> SeriesHealth:
    """``domains`` with their frameworks: a domain key means one domain only within one framework."""
    steps, by_step = [], []
    for summary in summaries:
        for check in summary.health.checks:
            steps.append(TrendStep(len(steps) + 1, summary.title, summary.date, check.title))
            by_step.append({(summary.framework.key, line.domain.key): line.result for line in check.domains})
    asked = {key for results in by_step for key in results}
    trends = tuple(DomainTrend(d, tuple(results.get((f.key, d.key)) for results in by_step))
                   for f, d in domains if (f.key, d.key) in asked)
    return SeriesHealth(tuple(steps), trends)


# -- Markdown ---------------------------------------------------------------------------
def health_markdown(trend: SeriesHealth) -> list[str]:
    if not trend.steps:
        return []
    out = ["## Health across the series", "",
           "Each revealed health check, in series order. Ratings from 1 (weakest) to 5 (strongest); the middle "
           "half is the range the central half of the raters gave.", "",
           "| Step | Workshop | Date | Health check |", "|---:|---|---|---|"]
    out += [f"| {s.number} | {escape(s.workshop)} | {s.date or '—'} | {escape(s.check)} |" for s in trend.steps]
    out.append("")
    for line in trend.trends:
        out += [f"### {escape(line.domain.name)}", "", "| Step | Rated | Median | Middle half | 1 | 2 | 3 | 4 | 5 |",
                "|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
        for step, result in zip(trend.steps, line.results):
            if result is None:
                out.append(f"| {step.number} | not asked | — | — | — | — | — | — | — |")
            elif result.median is None:
                out.append(f"| {step.number} | 0 | — | — | {' | '.join(map(str, result.counts))} |")
            else:
                out.append(f"| {step.number} | {result.raters} | {health.points(result.median)} | "
                           f"{_middle(result)} | {' | '.join(map(str, result.counts))} |")
        out.append("")
    return out


def _middle(result: DomainResult) -> str:
    return f"{health.points(result.lower)}–{health.points(result.upper)}"


# -- PDF ------------------------------------------------------------------------------------
def health_trend_pages(trend: SeriesHealth, width: float, outlined) -> list[Flowable]:
    """The trend page (empty when the series has no revealed health check)."""
    if not trend.steps:
        return []
    s = styles()
    story: list[Flowable] = [
        outlined(Paragraph("Health across the series", s["h1"]), "Health across the series"),
        Paragraph("How the room rated each domain at every revealed health check, on the same 1 to 5 scale: the "
                  "dot and its number are the median, the pale bar the middle half of the ratings, and the number "
                  "under each step how many people rated.", s["lead"])]
    name_width = min(120.0, width * 0.22)
    strip_width = width - name_width
    rows = []
    for line in trend.trends:
        rows.append([Paragraph(inline(line.domain.name), s["legend"]), _strip(line, len(trend.steps), strip_width)])
    table = Table(rows, colWidths=[name_width, strip_width], hAlign="LEFT")
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4), ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE)))
    story += [Spacer(1, 4), table, CondPageBreak(80), outlined(Paragraph("The steps", s["theme"]), "The steps", 1)]
    for step in trend.steps:
        when = f" · {short_date(step.date)}" if step.date else ""
        story.append(Paragraph(f"<b>{step.number}</b>  {inline(step.workshop)}{when} · {inline(step.check)}",
                               s["small"]))
    return story


def _x(index: int, steps: int, width: float) -> float:
    usable = width - AXIS - 16
    return AXIS + 8 + (usable * (index + 0.5) / steps)


def _y(score: float) -> float:
    return FOOT + 4 + (ROW_HEIGHT - FOOT - 10) * (score - 1) / 4


def _strip(line: DomainTrend, steps: int, width: float) -> Drawing:
    hue = colour(line.domain.colour)
    drawing = new_drawing(width, ROW_HEIGHT)
    for score in health.SCALE:
        y = _y(score)
        drawing.add(Line(AXIS, y, width, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(AXIS - 4, y - 2.5, str(score), fontName=fonts.SANS, fontSize=6.5, fillColor=FAINT,
                           textAnchor="end"))
    drawing.add(String(AXIS - 4, 1, "rated", fontName=fonts.SANS, fontSize=6.5, fillColor=FAINT, textAnchor="end"))
    if not any(result is not None and result.raters for result in line.results):
        drawing.add(String((AXIS + width) / 2, _y(3) - 2.5, "nobody rated this domain", fontName=fonts.SANS,
                           fontSize=7.5, fillColor=MUTED, textAnchor="middle"))
    medians = []
    for index, result in enumerate(line.results):
        x = _x(index, steps, width)
        raters = "—" if result is None else f"{result.raters}"
        drawing.add(String(x, 1, raters, fontName=fonts.SANS, fontSize=7, fillColor=MUTED, textAnchor="middle"))
        if result is None or result.median is None:
            medians.append(None)
            continue
        drawing.add(Rect(x - 4, _y(result.lower), 8, max(1.2, _y(result.upper) - _y(result.lower)),
                         fillColor=tint(hue, 0.35), strokeColor=None))
        medians.append((x, _y(result.median)))
    run: list[float] = []
    for point in medians + [None]:  # the line breaks where a check did not rate the domain
        if point is None:
            if len(run) >= 4:
                drawing.add(PolyLine(run, strokeColor=hue, strokeWidth=1.2))
            run = []
        else:
            run += list(point)
    for point, result in zip(medians, line.results):
        if point is not None:
            drawing.add(Circle(point[0], point[1], 3.2, fillColor=hue, strokeColor=None))
            drawing.add(String(point[0] + 6, point[1] - 2.3, health.points(result.median), fontName=fonts.SANS,
                               fontSize=6.5, fillColor=INK))
    for index in range(steps):
        drawing.add(String(_x(index, steps, width), ROW_HEIGHT - 6, str(index + 1), fontName=fonts.SANS,
                           fontSize=6.5, fillColor=FAINT, textAnchor="middle"))
    return drawing
