"""The "notes and votes per domain" chart.

One row per domain: its name (set as a paragraph, so any script prints) beside a drawing
of two bars on a shared scale, notes in the domain's colour and dots in a pale tint of
it, each with its number at the end.
"""

from reportlab.lib.colors import Color
from reportlab.platypus import Paragraph, Table

from .drawing import Bars
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


def _bars(tally: DomainTally, largest: int, width: float) -> Bars:
    room = width - LABEL_ROOM
    hue = colour(tally.domain.colour)
    bars = Bars(width, 2 * BAR + GAP)
    for row, (count, fill) in enumerate(((tally.notes, hue), (tally.votes, tint(hue, 0.4)))):
        y = (1 - row) * (BAR + GAP)
        length = room * count / largest
        if count:
            bars.bar(0, y, length, BAR, fill)
        else:
            bars.bar(0, y, 0.8, BAR, RULE)
        bars.label(length + 4, y + 1, str(count), TEXT if count else MUTED)
    return bars


def _legend(width: float) -> Bars:
    bars = Bars(width, 10)
    grey = Color(0.45, 0.49, 0.53)
    x = 0.0
    for label, fill in (("Notes", grey), ("Dots (votes)", tint(grey, 0.4))):
        bars.bar(x, 1.5, 9, 6, fill)
        bars.label(x + 13, 1.5, label, MUTED)
        x += 13 + len(label) * 4.4 + 16
    return bars
