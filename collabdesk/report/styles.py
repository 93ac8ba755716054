"""The look of the PDF: a small palette, one sans family, a clear scale of sizes.

Domain colours are used with restraint: the band that opens a section, the dots of a
vote, the rule beside a quote, the chart. Everything else is ink on paper.
"""

from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle
from reportlab.lib.units import mm

from . import fonts

INK = HexColor("#1E2329")
TEXT = HexColor("#2F3740")
MUTED = HexColor("#66717C")
FAINT = HexColor("#9AA3AC")
RULE = HexColor("#DCE1E6")
WASH = HexColor("#F4F6F8")
WHITE = HexColor("#FFFFFF")
STATUS_COLOURS = {"done": HexColor("#2F7D4F"), "in progress": HexColor("#A86A12"), "open": TEXT,
                  "dropped": FAINT}

MARGIN_X = 22 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 22 * mm
HEADER_Y = 14 * mm  # distance of the running header's baseline from the top edge
FOOTER_Y = 11 * mm


def tint(colour: Color, strength: float) -> Color:
    """``colour`` mixed with white: 1.0 is the colour itself, 0.0 is white."""
    return Color(1 - (1 - colour.red) * strength, 1 - (1 - colour.green) * strength,
                 1 - (1 - colour.blue) * strength)


def colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


def _style(name: str, size: float, leading: float, *, bold: bool = False, colour: Color = TEXT,
           before: float = 0, after: float = 0, **more) -> ParagraphStyle:
    more.setdefault("alignment", TA_LEFT)
    return ParagraphStyle(name, fontName=fonts.SANS_BOLD if bold else fonts.SANS, fontSize=size, leading=leading,
                          textColor=colour, spaceBefore=before, spaceAfter=after, **more)


@cache
def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    return {
        "kicker": _style("kicker", 8.5, 11, bold=True, colour=MUTED, after=10),
        "cover_title": _style("cover_title", 30, 36, bold=True, colour=INK, after=14),
        "cover_purpose": _style("cover_purpose", 12.5, 18.5, colour=TEXT, after=6),
        "label": _style("label", 7.5, 10, bold=True, colour=MUTED, after=2),
        "value": _style("value", 11, 14.5, colour=INK),
        "h1": _style("h1", 21, 26, bold=True, colour=INK, after=8, keepWithNext=1),
        "h2": _style("h2", 12.5, 16, bold=True, colour=INK, before=16, after=6, keepWithNext=1),
        "theme": _style("theme", 11, 15, bold=True, colour=INK, before=12, after=5, keepWithNext=1),
        "body": _style("body", 10, 14.5, after=6),
        "lead": _style("lead", 10.5, 15.5, colour=MUTED, after=10),
        "prompt": _style("prompt", 12, 17, colour=INK, after=4),
        "note": _style("note", 10, 14, after=5),
        "priority": _style("priority", 11, 15, colour=INK, after=1),
        "rank": _style("rank", 17, 20, bold=True, colour=INK),
        "quote": _style("quote", 12.5, 18, colour=INK, after=2),
        "attribution": _style("attribution", 8.5, 12, bold=True, colour=MUTED, after=12),
        "small": _style("small", 8.5, 12, colour=MUTED, after=2),
        "facts": _style("facts", 8.5, 12, colour=MUTED),
        "figure": _style("figure", 28, 32, bold=True, colour=INK),
        "figure_label": _style("figure_label", 8.5, 11.5, colour=MUTED),
        "cell": _style("cell", 9, 12.5),
        "cell_head": _style("cell_head", 7.5, 10, bold=True, colour=MUTED),
        "cell_right": _style("cell_right", 9, 12.5, alignment=TA_RIGHT),
        "legend": _style("legend", 9.5, 13, colour=INK),
        "appendix_meta": _style("appendix_meta", 7.5, 10, colour=MUTED, before=5, keepWithNext=1),
        "appendix_note": _style("appendix_note", 8.5, 11.5, after=1),
        "empty": _style("empty", 10, 14.5, colour=MUTED, before=4),
    }


def table_style(*commands) -> TableStyle:
    """A table style that starts from DejaVu (a table's default font, Helvetica, would be
    put in the PDF unembedded even when every cell is a paragraph), no left padding and
    cells aligned at the top; ``commands`` come after and can override these."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"), *commands])
