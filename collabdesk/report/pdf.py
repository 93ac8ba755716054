"""The workshop summary as a PDF: the document template, running header and footer,
"page X of Y", metadata, outline, progress.

Output is deterministic: ReportLab's invariant mode fixes the creation date and file
id, and nothing else in the report depends on the time it is made (a running timer's
elapsed time aside), so the same workshop and options give the same bytes.
"""

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ..domain.model import Framework, WorkshopContent
from . import fonts
from .drawing import draw_text
from ..domain.dates import long_date
from .story import whole_story
from .styles import FOOTER_Y, HEADER_Y, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, RULE
from .summary import Summary, build_summary

PAGE_SIZES = {"A4": A4, "letter": LETTER}
_PAGE_TOTAL = "collabdeskPageTotal"  # a form drawn on every page, filled in with the count at the end
_PAGE_FRAME = "collabdeskPageFrame"  # the running header and footer
FOOTER = "Workshop summary made with CollabDesk"
_FOOTER_SIZE = 8
LANG = "en"  # the catalog's /Lang: the report's own words are English (see the HTML report's DOCUMENT_LANG)


def write_pdf(content: WorkshopContent, framework: Framework, path, *, appendix: bool = True,
              anonymise: bool = False, pagesize: str = "A4",
              progress: Callable[[float], None] | None = None) -> None:
    """Write the workshop's summary to ``path``. ``progress`` (if given) is called with a
    fraction from 0 to 1 as the pages are laid out, from whichever thread runs this."""
    if pagesize not in PAGE_SIZES:
        raise ValueError(f"pagesize is one of {', '.join(PAGE_SIZES)}, not {pagesize!r}")
    summary = build_summary(content, framework, anonymise=anonymise)
    write_summary_pdf(summary, path, appendix=appendix, pagesize=pagesize, progress=progress)


def write_summary_pdf(summary: Summary, path, *, appendix: bool = True, pagesize: str = "A4",
                      progress: Callable[[float], None] | None = None) -> None:
    fonts.register()
    document = SummaryDocument(Path(path), summary, PAGE_SIZES[pagesize])
    if progress is not None:
        document.setProgressCallBack(_Progress(progress))
    story = whole_story(summary, document.width, with_appendix=appendix)
    document.build(story, canvasmaker=_CountingCanvas)
    if progress is not None:
        progress(1.0)


class SummaryDocument(BaseDocTemplate):
    def __init__(self, path: Path, summary: Summary, pagesize):
        domains = [d.name for d in summary.domains]
        super().__init__(
            str(path), pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=summary.title, author=summary.facilitator or "CollabDesk", creator="CollabDesk",
            subject=f"Summary of a workshop using the {summary.framework.name} framework"
                    + (f", held on {long_date(summary.date)}" if summary.date else ""),
            keywords=["workshop summary", summary.framework.name, *domains],
            invariant=1, lang=LANG, displayDocTitle=1,
            initialFontName=fonts.SANS,  # not Helvetica, which would be the one font left unembedded
        )
        self.summary = summary
        self._bookmarks = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame]),
            PageTemplate("body", [frame], onPage=self._header_and_footer),
        ])

    def afterFlowable(self, flowable):
        outline = getattr(flowable, "outline", None)
        if outline:
            title, level = outline
            self._bookmarks += 1
            key = f"part{self._bookmarks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level)
            self.canv.showOutline()  # a reader opens with the bookmarks showing

    def _header_and_footer(self, canvas, document):
        """Page X of Y, then the running header and footer, which are the same on every
        page and so drawn once, as a form each page refers to."""
        width, height = document.pagesize
        left, right = MARGIN_X, width - MARGIN_X
        canvas.saveState()
        label = f"Page {canvas.getPageNumber()} of "
        draw_text(canvas, left, FOOTER_Y, label, size=_FOOTER_SIZE, colour=MUTED)
        canvas.translate(left + canvas.stringWidth(label, fonts.SANS, _FOOTER_SIZE), FOOTER_Y)
        canvas.doForm(_PAGE_TOTAL)
        canvas.restoreState()
        if not canvas.hasForm(_PAGE_FRAME):
            canvas.beginForm(_PAGE_FRAME)
            top = height - HEADER_Y
            where = " · ".join(x for x in (long_date(self.summary.date), self.summary.location) if x)
            used = draw_text(canvas, right, top, where, size=_FOOTER_SIZE, colour=MUTED, align="right",
                             max_width=(right - left) * 0.4)
            draw_text(canvas, left, top, self.summary.title, size=_FOOTER_SIZE, colour=MUTED, bold=True,
                      max_width=right - left - used - 24)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(left, top - 6, right, top - 6)
            draw_text(canvas, right, FOOTER_Y, FOOTER, size=_FOOTER_SIZE, colour=MUTED, align="right")
            canvas.endForm()
        canvas.doForm(_PAGE_FRAME)


class _CountingCanvas(Canvas):
    """A canvas that writes the total page count into the footer's form when it saves,
    so "page X of Y" needs one layout pass, not two."""

    def save(self):
        self.beginForm(_PAGE_TOTAL)
        self.setFont(fonts.SANS, _FOOTER_SIZE)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()


class _Progress:
    """Turns ReportLab's progress events into fractions, reported at most once per percent."""

    def __init__(self, report: Callable[[float], None]):
        self.report = report
        self.size = 1
        self.last = -1.0

    def __call__(self, kind: str, value: int):
        if kind == "SIZE_EST":
            self.size = max(1, value)
        elif kind == "PROGRESS":
            fraction = min(0.99, value / self.size)
            if fraction - self.last >= 0.01:
                self.last = fraction
                self.report(fraction)
