"""The PDF summary against a bare ReportLab document of the same paragraphs.

    python bench/bench_report.py             # 20, 500 and 2,000 notes, best of 5 runs each
    python bench/bench_report.py --quick     # one run each

For each workshop (built through the store: notes over five domains, themes, a vote
round) the full summary is written (appendix included) and timed end to end: the report
model, the flowables, the layout and the file. The baseline is a SimpleDocTemplate with
the summary's page size and frame, one plain Paragraph per paragraph of that summary:
the same text, escaped, in the paragraph's own style (the same embedded DejaVu faces,
sizes, leading, spacing and indents), with the summary's page breaks, so both documents
have about as many pages. It has no fallback fonts, bidi, tables, charts, gutters,
captions, running heads, outline or page count: those are the summary's own cost.
The ratio is ours over the baseline (aim: at most 1.3x at 500 and 2,000 notes); pages per
second are ours. Both sides are warmed up once (fonts, modules) before anything is timed.
Times are CPU seconds of this process, best of the runs, taken in turns.
Figures are printed, not asserted.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdf  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table  # noqa: E402

from collabdesk.report import pdf  # noqa: E402
from collabdesk.report.flowables import BidiParagraph, Decorated  # noqa: E402
from collabdesk.report.story import whole_story  # noqa: E402
from collabdesk.report.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X  # noqa: E402
from collabdesk.report.summary import build_summary  # noqa: E402
from tests.report.builders import built, bulk_workshop  # noqa: E402


def bare_paragraphs(flowables) -> list:
    """What the bare document sets: for every paragraph of the summary, its plain text in its
    own style (font, size, leading, spacing, indent), in order, with the summary's page breaks.
    Tables and decorations are opened up; a caption leaves its room as space before the
    paragraph, so both documents fill about as many pages."""
    parts = []
    for flowable in flowables:
        if isinstance(flowable, PageBreak):
            parts.append(flowable)
        elif isinstance(flowable, Decorated):
            inner = bare_paragraphs([flowable.content])
            if flowable.caption_height and inner:
                text, style = inner[0]
                inner[0] = (text, ParagraphStyle(f"{style.name}-captioned", parent=style,
                                                 spaceBefore=style.spaceBefore + flowable.caption_height))
            parts += inner
        elif isinstance(flowable, BidiParagraph):
            parts.append((flowable.text, flowable.style))
        elif isinstance(flowable, Paragraph):
            parts.append((flowable.getPlainText(), flowable.style))
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    parts += bare_paragraphs(cell if isinstance(cell, (list, tuple)) else [cell])
    return [p for p in parts if isinstance(p, PageBreak) or p[0].strip()]


def bare_document(parts: list, path: Path) -> None:
    """A SimpleDocTemplate whose frame is the summary's (its 6 pt padding taken off the
    margins), one plain Paragraph per paragraph: the text escaped, as ours is."""
    story = [p if isinstance(p, PageBreak) else Paragraph(escape(p[0]).replace("\n", "<br/>"), p[1]) for p in parts]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN_X - 6, rightMargin=MARGIN_X - 6,
                      topMargin=MARGIN_TOP - 6, bottomMargin=MARGIN_BOTTOM - 6, invariant=1).build(story)


def best_of_each(runs: int, *actions) -> list[float]:
    """The fastest of ``runs`` timings of each action, taken in turns so a busy moment
    on the machine hits both sides alike. Timed in CPU seconds of this process, so other
    work on a shared machine does not skew the ratio."""
    best = [float("inf")] * len(actions)
    for _ in range(runs):
        for i, action in enumerate(actions):
            start = time.process_time()
            action()
            best[i] = min(best[i], time.process_time() - start)
    return best


def measure(count: int, folder: Path, runs: int, *, show: bool = True) -> None:
    workshop = built(folder, bulk_workshop, count)
    ours, bare = folder / f"ours-{count}.pdf", folder / f"bare-{count}.pdf"
    summary = build_summary(workshop.content, workshop.framework)
    parts = bare_paragraphs(whole_story(summary, A4[0] - 2 * MARGIN_X, with_appendix=True))

    ours_seconds, bare_seconds = best_of_each(
        runs, lambda: pdf.write_pdf(workshop.content, workshop.framework, ours), lambda: bare_document(parts, bare))
    if not show:
        return
    pages = len(pypdf.PdfReader(ours).pages)
    bare_pages = len(pypdf.PdfReader(bare).pages)
    paragraphs = sum(not isinstance(p, PageBreak) for p in parts)
    print(f"{count:>5} notes: summary {ours_seconds:6.3f} s, {pages} pages, {pages / ours_seconds:6.1f} pages/s | "
          f"bare ReportLab {bare_seconds:6.3f} s ({paragraphs} paragraphs, {bare_pages} pages) | "
          f"ratio {ours_seconds / bare_seconds:4.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run per size instead of the best of five")
    args = parser.parse_args()
    runs = 1 if args.quick else 5
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm"
        warm.mkdir()
        measure(20, warm, 1, show=False)  # both sides load their fonts and modules once, outside the figures
        for count in (20, 500, 2_000):
            each = Path(folder) / str(count)
            each.mkdir()
            measure(count, each, runs)


if __name__ == "__main__":
    main()
