"""Flowables for user text: plain paragraphs, right-to-left paragraphs, and text with a
gutter (the dot bar beside a ranked note, the coloured rule beside a quote)."""

import re
from collections.abc import Callable

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from . import arabic, fonts
from .markup import base_is_rtl, font_markup, has_cjk, has_rtl, levels, reorder

_derived: dict[tuple[str, str], ParagraphStyle] = {}
# A line may break after a space, and between any two CJK characters.
_TOKEN = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]\s*|[^\s\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]+\s*|\s+")


def _variant(style: ParagraphStyle, what: str, **changes) -> ParagraphStyle:
    key = (style.name, what)
    if key not in _derived:
        _derived[key] = ParagraphStyle(f"{style.name}-{what}", parent=style, **changes)
    return _derived[key]


def user_paragraph(text: str, style: ParagraphStyle) -> Flowable:
    """A paragraph of user text, shown exactly as typed in any script."""
    if has_rtl(text):
        return BidiParagraph(text, style)
    bold = style.fontName == fonts.SANS_BOLD
    markup = "<br/>".join(font_markup(line, bold) for line in text.split("\n"))
    if has_cjk(text):
        style = _variant(style, "cjk", wordWrap="CJK")
    return Paragraph(markup, style)


class BidiParagraph(Flowable):
    """User text holding right-to-left script.

    Lines are broken here, in logical order, at the width the frame offers; each line
    is then reordered for display and the lines are set as one Paragraph with explicit
    breaks (right-aligned when the paragraph reads right to left). Splitting across
    pages is the Paragraph's own.
    """

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text = text
        self.style = style
        self.rtl = base_is_rtl(text)
        self._laid_out: tuple[float, Paragraph] | None = None

    def _paragraph(self, width: float) -> Paragraph:
        if self._laid_out is None or self._laid_out[0] != width:
            style = _variant(self.style, "rtl", alignment=TA_RIGHT) if self.rtl else self.style
            self._laid_out = (width, Paragraph(self._markup(width), style))
        return self._laid_out[1]

    def _markup(self, width: float) -> str:
        style = self.style
        usable = width - style.leftIndent - style.rightIndent - 0.5
        bold = style.fontName == fonts.SANS_BOLD
        lines = []
        for hard_line in self.text.split("\n"):
            shaped = arabic.shape(hard_line)
            line_levels = levels(shaped, self.rtl)
            for start, end in _break(shaped, usable, style.fontSize, bold):
                line = shaped[start:end].rstrip()
                lines.append(font_markup(reorder(line, line_levels[start:start + len(line)], int(self.rtl)), bold))
        return "<br/>".join(lines)

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self._paragraph(availWidth).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return self._paragraph(availWidth).split(availWidth, availHeight)

    def draw(self):
        self._laid_out[1].drawOn(self.canv, 0, 0)

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter


def _width(text: str, size: float, bold: bool) -> float:
    return sum(stringWidth(chunk, font, size) for font, chunk in fonts.runs(text, bold))


def _break(text: str, usable: float, size: float, bold: bool) -> list[tuple[int, int]]:
    """Greedy line breaks of one logical line: (start, end) slices, each fitting ``usable``."""
    spans: list[tuple[int, int]] = []
    start, filled = 0, 0.0
    for token in _TOKEN.finditer(text):
        word = token.group()
        ink = _width(word.rstrip(), size, bold)
        if filled and filled + ink > usable:
            spans.append((start, token.start()))
            start, filled = token.start(), 0.0
        if ink > usable:  # a word longer than the line: cut it where the line is full
            cut, run = token.start(), 0.0
            for i in range(token.start(), token.end()):
                advance = _width(text[i], size, bold)
                if run + advance > usable and i > cut:
                    spans.append((cut, i))
                    cut, run = i, 0.0
                run += advance
            start, filled = cut, run
            continue
        filled += _width(word, size, bold)
    spans.append((start, len(text)))
    return spans


class Gutter(Flowable):
    """A flowable (usually a paragraph) with ``draw_gutter(canvas, height)`` drawing in a
    strip of ``width`` points to its left: dots for votes, a rule beside a quote.
    When the content splits across pages, every part keeps the gutter if ``repeat``."""

    def __init__(self, content: Flowable, gutter: float, draw_gutter: Callable, *, repeat: bool = False):
        super().__init__()
        self.content = content
        self.gutter = gutter
        self.draw_gutter = draw_gutter
        self.repeat = repeat

    def wrap(self, availWidth, availHeight):
        width, height = self.content.wrap(availWidth - self.gutter, availHeight)
        self.width, self.height = width + self.gutter, height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        parts = self.content.split(availWidth - self.gutter, availHeight)
        if not parts:
            return []
        first, *rest = parts
        quiet = self.draw_gutter if self.repeat else _nothing
        return [Gutter(first, self.gutter, self.draw_gutter)] + [Gutter(p, self.gutter, quiet) for p in rest]

    def draw(self):
        self.draw_gutter(self.canv, self.height)
        self.content.drawOn(self.canv, self.gutter, 0)

    def getSpaceBefore(self):
        return self.content.getSpaceBefore()

    def getSpaceAfter(self):
        return self.content.getSpaceAfter()


def _nothing(canvas, height) -> None:
    """The gutter of a continued part: empty."""
