"""The PDF's health-check page: one diverging bar chart of every domain, a sentence per
domain, and the comments by domain.

Each domain's bar is split into the five points of the scale, each point's width its
share of the raters: points 1 and 2 run left of the centre line, 4 and 5 right of it, and
the middle point straddles it, so a room leaning weak sits left and one leaning strong
sits right, on the same scale for every domain. A triangle under the bar marks the
median; the figures beside the bar give it with the spread and the number of raters.
"""

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from ..domain import health
from . import fonts
from .drawing import new_drawing
from .flowables import user_paragraph
from .health_summary import DomainHealth, HealthCheckLine, HealthSummary
from .markup import inline
from .styles import INK, MUTED, RULE, styles, table_style

BAR = 13.0
MARK = 4.0  # the median triangle's height
FILLS = tuple(HexColor(c) for c in health.SCALE_COLOURS)
INKS = tuple(HexColor(c) for c in health.SCALE_INK)


def health_pages(summary: HealthSummary, width: float, marked) -> list[Flowable]:
    """The health-check part of the report (empty when no check was revealed); ``marked``
    adds a flowable to the PDF's outline."""
    if not summary.checks:
        return []
    s = styles()
    story: list[Flowable] = [marked(Paragraph("Health check", s["h1"]), "Health check", 0),
                             Paragraph("How strong the room judged the partnership in each domain, from 1 (weakest) "
                                       "to 5 (strongest). The spread is how many points the middle half of the "
                                       "raters spans: 2 or more and the room split.", s["lead"])]
    for check in summary.checks:
        story += _check(check, width, marked)
    return story


def _check(check: HealthCheckLine, width: float, marked) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [CondPageBreak(200), marked(user_paragraph(check.title, s["h2"]), check.title, 1),
                             Paragraph(f"{inline(check.how)} · {inline(check.raters)}", s["small"]), Spacer(1, 6),
                             health_chart(check.domains, width), Spacer(1, 8),
                             marked(Paragraph("Where the room agreed and where it split", s["theme"]),
                                    "Where the room agreed and where it split", 2)]
    for line in check.domains:
        story.append(Paragraph(f'<font color="{line.domain.colour}">\u25cf</font> {inline(line.sentence)}',
                               s["body"]))
    commented = [line for line in check.domains if line.comments]
    if commented:
        story.append(marked(Paragraph("Comments by domain", s["theme"]), "Comments by domain", 2))
        for line in commented:
            story.append(KeepTogether(
                [Paragraph(inline(line.domain.name, bold=True), s["label"])]
                + [user_paragraph(f"“{text}”" + (f" — {author}" if author else ""), s["note"])
                   for text, author in line.comments]))
    return story


def health_chart(lines: tuple[DomainHealth, ...], width: float) -> Table:
    """One row per domain: its name, its diverging bar, its median, spread and raters."""
    name_width = min(130.0, width * 0.26)
    figures_width = 132.0
    bar_width = width - name_width - figures_width
    rows = [[Paragraph("", styles()["legend"]), _legend(bar_width), Paragraph("", styles()["small"])]]
    scale = max([health.reach(line.result.counts) for line in lines if line.result.raters] + [0.5])
    for line in lines:
        result = line.result
        if result.median is None:
            figures = "no ratings"
        else:
            figures = (f"median <b>{health.points(result.median)}</b> · spread {health.points(result.spread)}"
                       f"<br/>{result.raters} rated · {'split' if result.verdict == 'split' else 'agreed'}")
        rows.append([Paragraph(inline(line.domain.name), styles()["legend"]), _bar(result, bar_width, scale),
                     Paragraph(figures, styles()["small"])])
    table = Table(rows, colWidths=[name_width, bar_width, figures_width], hAlign="LEFT")
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (2, 0), (2, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE)))
    return table


def _bar(result, width: float, scale: float) -> Drawing:
    drawing = new_drawing(width, BAR + MARK + 2)
    top = MARK + 2
    drawing.add(Line(width / 2, 0, width / 2, top + BAR, strokeColor=MUTED, strokeWidth=0.6))
    if result.median is None:
        drawing.add(String(width / 2 + 4, top + 3, "no ratings", fontName=fonts.SANS, fontSize=7.5, fillColor=MUTED))
        return drawing
    placed = [(start * width, share * width) for start, share in health.diverging(result.counts, scale)]
    for point, ((x, w), count) in enumerate(zip(placed, result.counts)):
        if not count:
            continue
        drawing.add(Rect(x, top, w, BAR, fillColor=FILLS[point], strokeColor=None))
        if w >= 9:
            drawing.add(String(x + w / 2, top + 3.6, str(count), fontName=fonts.SANS, fontSize=7.5,
                               fillColor=INKS[point], textAnchor="middle"))
    x = health.median_at(result.median, placed)
    drawing.add(Polygon([x - MARK, 0, x + MARK, 0, x, MARK + 1], fillColor=INK, strokeColor=None))
    return drawing


def _legend(width: float) -> Drawing:
    drawing = new_drawing(width, 11)
    x = 0.0
    for point in range(5):
        drawing.add(Rect(x, 1.5, 9, 7, fillColor=FILLS[point], strokeColor=None))
        word = {0: "1 weakest", 4: "5 strongest"}.get(point, str(point + 1))
        drawing.add(String(x + 12, 2, word, fontName=fonts.SANS, fontSize=7, fillColor=MUTED))
        x += 12 + stringWidth(word, fonts.SANS, 7) + 9
    drawing.add(Polygon([x, 2, x + 8, 2, x + 4, 7], fillColor=INK, strokeColor=None))
    drawing.add(String(x + 11, 2, "median", fontName=fonts.SANS, fontSize=7, fillColor=MUTED))
    return drawing
