"""The "notes and votes per domain" chart (reportlab.graphics).

One row per domain: its name (set as a paragraph, so any script prints) beside a drawing
of two bars on a shared scale, notes in the domain's colour and dots in a pale tint of
it, each with its number at the end.
"""

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.colors import Color
from reportlab.platypus import Paragraph, Table

from . import fonts
from .drawing import new_drawing
from .markup import inline
from .styles import MUTED, RULE, TEXT, colour, styles, table_style, tint
from .summary import DomainTally

BAR = 7.0
GAP = 2.5
LABEL_ROOM = 26  # room after the longest bar for its number


def domain_chart(tallies: tuple[DomainTally, ...], width: float) -> Table:
    label_width = min(140.0, width * 0.3)
    bars_width = width - label_width
    largest = max([t.notes for t in tallies] + [t.votes for t in tallies] + [1])
    rows = [[Paragraph("", styles()["legend"]), _legend(bars_width)]]
    for tally in tallies:
        rows.append([Paragraph(inline(tally.domain.name), styles()["legend"]),
                     _bars(tally, largest, bars_width)])
    table = Table(rows, colWidths=[label_width, bars_width], hAlign="LEFT")
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("RIGHTPADDING", (0, 0), (0, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
    ))
    return table


def _bars(tally: DomainTally, largest: int, width: float) -> Drawing:
    room = width - LABEL_ROOM
    hue = colour(tally.domain.colour)
    drawing = new_drawing(width, 2 * BAR + GAP)
    for row, (count, fill) in enumerate(((tally.notes, hue), (tally.votes, tint(hue, 0.4)))):
        y = (1 - row) * (BAR + GAP)
        length = room * count / largest
        if count:
            drawing.add(Rect(0, y, length, BAR, fillColor=fill, strokeColor=None))
        else:
            drawing.add(Rect(0, y, 0.8, BAR, fillColor=RULE, strokeColor=None))
        drawing.add(String(length + 4, y + 1, str(count), fontName=fonts.SANS, fontSize=7.5,
                           fillColor=TEXT if count else MUTED))
    return drawing


def _legend(width: float) -> Drawing:
    drawing = new_drawing(width, 10)
    grey = Color(0.45, 0.49, 0.53)
    x = 0.0
    for label, fill in (("Notes", grey), ("Dots (votes)", tint(grey, 0.4))):
        drawing.add(Rect(x, 1.5, 9, 6, fillColor=fill, strokeColor=None))
        drawing.add(String(x + 13, 1.5, label, fontName=fonts.SANS, fontSize=7.5, fillColor=MUTED))
        x += 13 + len(label) * 4.4 + 16
    return drawing
