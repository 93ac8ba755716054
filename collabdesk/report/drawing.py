"""Small things drawn straight on the canvas: one line of user text in any script, vote
dots, the coloured band that opens a section, the bar of planned against used time."""

from collections import Counter
from collections.abc import Callable
from functools import partial

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from . import fonts
from .markup import display_line
from .styles import FAINT, MUTED, RULE, tint

ELLIPSIS = "…"
DOT_RADIUS = 2.6
DOT_STEP = 7.0
MAX_DOTS = 6  # dots drawn in a bar; the count beside it says how many there are


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(stringWidth(chunk, font, size) for font, chunk in fonts.runs(text, bold))


def fitted(text: str, size: float, bold: bool, max_width: float) -> str:
    """``text`` (on one line) cut in reading order with an ellipsis to fit ``max_width``."""
    if text_width(display_line(text), size, bold) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start of the text that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(display_line(text[:middle].rstrip() + ELLIPSIS), size, bold) <= max_width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def draw_text(canvas, x: float, y: float, text: str, *, size: float, colour: Color, bold: bool = False,
              align: str = "left", max_width: float | None = None) -> float:
    """Draw one line of user text at baseline ``y``; returns its width (0 when neither
    ``align="right"`` nor ``max_width`` needed it measured)."""
    text = " ".join(text.split())
    line = display_line(text)
    runs = fonts.runs(line, bold)
    width = 0.0
    if max_width is not None or align == "right":
        width = sum(stringWidth(chunk, font, size) for font, chunk in runs)
        if max_width is not None and width > max_width:
            runs = fonts.runs(display_line(fitted(text, size, bold, max_width)), bold)
            width = sum(stringWidth(chunk, font, size) for font, chunk in runs)
    if align == "right":
        x -= width
    canvas.setFillColor(colour)
    writer = canvas.beginText(x, y)  # one text object for every run: no per-run setup
    for font, chunk in runs:
        writer.setFont(font, size)
        writer.textOut(chunk)
    canvas.drawText(writer)
    return width


def draw_dots(canvas, x: float, y: float, count: int, colour: Color) -> None:
    """A bar of up to MAX_DOTS vote dots from ``x``, centred on ``y``.

    Each dot is a zero-length stroke with a round cap, which PDF draws as a filled circle:
    one path for the whole bar, a fraction of the size of Bézier circles."""
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(2 * DOT_RADIUS)
    canvas.setLineCap(1)
    path = canvas.beginPath()
    for i in range(min(count, MAX_DOTS)):
        centre = x + DOT_RADIUS + i * DOT_STEP
        path.moveTo(centre, y)
        path.lineTo(centre, y)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def dot_gutter_width(most: int) -> float:
    """Room for the number and the dot bar of the most-voted note of a section."""
    return 16 + min(most, MAX_DOTS) * DOT_STEP + 10 if most else 16


class DotBars:
    """The gutter drawers of one part's ranked notes, in its colour: on a note's first line
    the number of its dots and the dot bar, or for a note without dots a short dash, so
    every note has its marker.

    A bar (a count) that recurs is drawn once per document as a form and placed wherever it
    recurs: a 2,000-note summary repeats a few dozen. One that this part shows on fewer than
    ``FORM_FROM`` notes is drawn in place, which costs less than making a form and writing it
    into the file (a small workshop's bars mostly appear once). The dash is two numbers' worth
    of drawing, cheaper drawn in place. The counts are known before anything is drawn, since
    every drawer of the part is made first."""

    FORM_FROM = 3

    def __init__(self, colour: Color, size: float, leading: float):
        self.colour, self.size, self.leading = colour, size, leading
        self.notes: Counter[int] = Counter()

    def gutter(self, count: int) -> Callable:
        """The drawer for a note with ``count`` dots."""
        self.notes[count] += 1
        return partial(self._draw, count)

    def _draw(self, count: int, canvas, height: float) -> None:
        middle = height - self.leading + (self.leading - self.size) / 2 + 1 + self.size * 0.35
        if not count:
            canvas.setStrokeColor(FAINT)
            canvas.setLineWidth(0.8)
            canvas.line(1, middle, 2 * DOT_RADIUS + 1, middle)
            return
        name = f"collabdeskDots{count}x{self.colour.hexval()[2:]}"
        canvas.saveState()
        canvas.translate(0, middle)
        if canvas.hasForm(name):
            canvas.doForm(name)
        elif self.notes[count] < self.FORM_FROM:
            self._bar(canvas, count)
        else:
            canvas.beginForm(name, lowerx=-2, lowery=-8, upperx=120, uppery=8)  # the box clips: room around y = 0
            self._bar(canvas, count)
            canvas.endForm()
            canvas.doForm(name)
        canvas.restoreState()

    def _bar(self, canvas, count: int) -> None:
        """The number and the dots, around y = 0."""
        canvas.setFillColor(self.colour)
        canvas.setFont(fonts.SANS_BOLD, 8.5)
        canvas.drawString(0, -3, str(count))
        draw_dots(canvas, 16, 0, count, self.colour)


def rule_gutter(colour: Color, *, mark: str = ""):
    """A gutter drawer with a vertical rule (a quote), optionally a mark at its top."""
    def draw(canvas, height):
        canvas.setFillColor(colour)
        canvas.rect(0, 0, 2.2, height, stroke=0, fill=1)
        if mark:
            draw_text(canvas, 9, height - 15, mark, size=20, colour=colour, bold=True)
    return draw


def mark_gutter(mark: str, colour: Color, size: float, leading: float):
    """A gutter drawer with a small mark ("?") on the first line."""
    def draw(canvas, height):
        draw_text(canvas, 2, height - leading + (leading - size) / 2 + 1, mark, size=size, colour=colour, bold=True)
    return draw


CAPTION_SIZE = 7.5
CAPTION_HEIGHT = 14  # room for a caption line above a note, including the gap before it


def caption(text: str):
    """A caption drawer: ``text`` on one small muted line above the paragraph, cut to fit."""
    def draw(canvas, x, top, width):
        draw_text(canvas, x, top + 3, text, size=CAPTION_SIZE, colour=MUTED, max_width=width)
    return draw


def caption_mark(mark: str, colour: Color):
    """A gutter drawer with ``mark`` (a rank) on the caption's line."""
    def draw(canvas, height):
        canvas.setFillColor(colour)
        canvas.setFont(fonts.SANS_BOLD, 8.5)
        canvas.drawString(0, height - CAPTION_HEIGHT + 3, mark)
    return draw


class ColourBand(Flowable):
    """The strip of the domain's colour that opens a section."""

    def __init__(self, colour: Color, height: float = 7):
        super().__init__()
        self.colour, self.band_height = colour, height

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, self.band_height
        return self.width, self.height

    def draw(self):
        self.canv.setFillColor(self.colour)
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)


class DomainStrip(Flowable):
    """A thin strip made of every domain's colour: the cover's signature."""

    def __init__(self, colours: list[Color], height: float = 5):
        super().__init__()
        self.colours, self.strip_height = colours or [FAINT], height

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, self.strip_height
        return self.width, self.height

    def draw(self):
        step = self.width / len(self.colours)
        for i, each in enumerate(self.colours):
            self.canv.setFillColor(each)
            self.canv.rect(i * step, 0, step + 0.3, self.height, stroke=0, fill=1)


def new_drawing(width: float, height: float) -> Drawing:
    """A graphics drawing whose initial font is DejaVu: left at its default, it would
    select Helvetica, the one font of the PDF that is not embedded."""
    return Drawing(width, height, initialFontName=fonts.SANS, initialFontSize=8)


class Bars(Flowable):
    """A small fixed-size picture of filled bars and short labels (a time bar, a chart row),
    drawn straight on the canvas: the marks a ``reportlab.graphics`` Drawing of the same
    shapes makes, without its renderer's setup, which cost more than the marks themselves.
    Labels are the report's own words and numbers, in DejaVu Sans."""

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height
        self.marks: list[tuple] = []

    def bar(self, x: float, y: float, width: float, height: float, fill: Color) -> None:
        self.marks.append(("bar", fill, x, y, (width, height)))

    def label(self, x: float, y: float, text: str, fill: Color, size: float = 7.5) -> None:
        self.marks.append(("label", fill, x, y, (text, size)))

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        for kind, fill, x, y, more in self.marks:
            canvas.setFillColor(fill)
            if kind == "bar":
                width, height = more
                canvas.rect(x, y, width, height, stroke=0, fill=1)
            else:
                text, size = more
                canvas.setFont(fonts.SANS, size)
                canvas.drawString(x, y, text)


def time_bar(planned: float, used: float, colour: Color, width: float = 110, height: float = 6) -> Bars:
    """Planned time as a pale track, used time over it in the domain's colour; time past the
    plan extends beyond the track in a deeper shade. The scale fits the longer of the two."""
    bars = Bars(width, height)
    longest = max(planned, used, 1.0)
    planned_w = width * planned / longest
    used_w = width * min(used, planned) / longest
    bars.bar(0, 0, planned_w, height, RULE)
    bars.bar(0, 0, used_w, height, tint(colour, 0.75))
    if used > planned:
        bars.bar(planned_w, 0, width * used / longest - planned_w, height, colour)
    return bars
