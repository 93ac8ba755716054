"""Flowables for user text: plain paragraphs, right-to-left paragraphs, and paragraphs
decorated with a gutter (the dot bar beside a ranked note, the rule beside a quote) or a
caption line (a note's number and author in the appendix)."""

import re
from collections.abc import Callable
from weakref import WeakKeyDictionary

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from . import arabic, fonts
from .markup import base_is_rtl, font_markup, has_cjk, has_rtl, levels, reorder

_derived: dict[tuple[str, str], ParagraphStyle] = {}
_fragments: WeakKeyDictionary[ParagraphStyle, ParaFrag] = WeakKeyDictionary()  # see plain_paragraph
# A line may break after a space, and between any two CJK characters.
_WIDE = r"\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef"
_TOKEN = re.compile(rf"[{_WIDE}]\s*|[^\s{_WIDE}]+\s*|\s+")


def _variant(style: ParagraphStyle, what: str, **changes) -> ParagraphStyle:
    key = (style.name, what)
    if key not in _derived:
        _derived[key] = ParagraphStyle(f"{style.name}-{what}", parent=style, **changes)
    return _derived[key]


def user_paragraph(text: str, style: ParagraphStyle) -> Flowable:
    """A paragraph of user text, shown exactly as typed in any script.

    Text in one font on one line becomes markup with no tags at all, which ReportLab lays
    out on its fast path; keep it that way (no decoration inside the paragraph)."""
    if has_rtl(text):
        return BidiParagraph(text, style)
    bold = style.fontName == fonts.SANS_BOLD
    markup = "<br/>".join(font_markup(line, bold) for line in text.split("\n"))
    if has_cjk(text):
        style = _variant(style, "cjk", wordWrap="CJK")
    return plain_paragraph(markup, style)


def plain_paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(markup, style)``, made without ReportLab's markup parser when the markup
    is plain text (no tag, no entity): most notes are, and parsing was a third of the cost
    of setting one. The paragraph gets the one fragment the parser would make: the style's,
    taken from parsing a sample once per style, holding the text cleaned as the parser's
    caller cleans it (tests hold the two equal)."""
    if "<" in markup or "&" in markup:
        return Paragraph(markup, style)
    # ReportLab's cleaning: runs of white space made one space, ends trimmed; it keeps a
    # no-break space apart, and only then is its slower path needed.
    text = " ".join(markup.split()) if "\xa0" not in markup else cleanBlockQuotedText(markup)
    if not text:
        return Paragraph(markup, style)
    return Paragraph(text, style, frags=[_fragment(style).clone(text=text, link=[], us_lines=[])])


def _fragment(style: ParagraphStyle) -> ParaFrag:
    fragment = _fragments.get(style)
    if fragment is None:
        fragment = _fragments[style] = ParaParser().parse("x", style)[1][0]
    return fragment


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


class Decorated(Flowable):
    """A paragraph with things drawn around it: a gutter to its left (the dot bar beside
    a ranked note, the rule beside a quote) and a caption line above it (a note's number
    and author in the appendix).

    The paragraph keeps the full width and gets a left indent for the gutter, and is drawn
    without a translation of its own: a wrapper that moved it would double ReportLab's
    per-flowable drawing cost, which is most of the cost of a 2,000-note summary.
    ``draw_gutter(canvas, height)`` and ``caption(canvas, x, top, width)`` draw in this
    flowable's coordinates. When the paragraph splits across pages, the first part keeps
    the caption and the gutter, later parts the gutter only if ``repeat``.
    """

    def __init__(self, content: Flowable, *, gutter: float = 0.0, draw_gutter: Callable | None = None,
                 caption: Callable | None = None, caption_height: float = 0.0, repeat: bool = False,
                 indent: bool = True):
        super().__init__()
        if gutter and indent:
            content.style = _variant(content.style, f"indent{gutter:g}",
                                     leftIndent=content.style.leftIndent + gutter)
        self.content = content
        self.gutter = gutter
        self.draw_gutter = draw_gutter
        self.caption = caption
        self.caption_height = caption_height if caption else 0.0
        self.repeat = repeat

    def wrap(self, availWidth, availHeight):
        width, height = self.content.wrap(availWidth, availHeight - self.caption_height)
        self.width, self.height = width, height + self.caption_height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        if availHeight <= self.caption_height:
            return []
        parts = self.content.split(availWidth, availHeight - self.caption_height)
        if not parts:
            return []
        first, *rest = parts
        return [Decorated(first, gutter=self.gutter, draw_gutter=self.draw_gutter, caption=self.caption,
                          caption_height=self.caption_height, indent=False)] + [
            Decorated(part, gutter=self.gutter, draw_gutter=self.draw_gutter if self.repeat else None,
                      repeat=self.repeat, indent=False) for part in rest]

    def draw(self):
        canvas = self.canv
        if self.draw_gutter is not None:
            self.draw_gutter(canvas, self.height)
        if self.caption is not None:
            self.caption(canvas, self.gutter, self.height - self.caption_height, self.width - self.gutter)
        self.content._drawOn(canvas)

    def getSpaceBefore(self):
        return self.content.getSpaceBefore()

    def getSpaceAfter(self):
        return self.content.getSpaceAfter()


class Gutter(Decorated):
    """A paragraph with only a gutter, in positional form (the series report builds its notes so)."""

    def __init__(self, content: Flowable, gutter: float, draw_gutter: Callable, *, repeat: bool = False):
        super().__init__(content, gutter=gutter, draw_gutter=draw_gutter, repeat=repeat)
