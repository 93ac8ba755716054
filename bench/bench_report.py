"""The PDF summary against a bare ReportLab document of the same paragraphs.

    python bench/bench_report.py             # 500 and 2,000 notes, best of 5 runs each
    python bench/bench_report.py --quick     # one run each

For each workshop (built through the store: notes over five domains, themes, a vote
round) the full summary is written (appendix included) and timed end to end: the report
model, the flowables, the layout and the file. The baseline is a SimpleDocTemplate with
one plain Paragraph per paragraph of that summary (the same text, escaped, in the same
DejaVu Sans), with no fallback fonts, bidi, tables, charts, outline or page count.
The ratio is ours over the baseline (aim: at most 1.5x); pages per second are ours.
Times are CPU seconds of this process, best of the runs.
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
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table  # noqa: E402

from collabdesk.report import pdf  # noqa: E402
from collabdesk.report.flowables import BidiParagraph, Decorated  # noqa: E402
from collabdesk.report.story import whole_story  # noqa: E402
from collabdesk.report.summary import build_summary  # noqa: E402
from collabdesk.resource_files import resource_path  # noqa: E402
from tests.report.builders import built, bulk_workshop  # noqa: E402

BARE_FONT = "BenchDejaVu"


def paragraph_texts(flowables) -> list[str]:
    """The plain text of every paragraph in a story, tables and decorations opened up."""
    texts = []
    for flowable in flowables:
        if isinstance(flowable, Decorated):
            texts += paragraph_texts([flowable.content])
        elif isinstance(flowable, BidiParagraph):
            texts.append(flowable.text)
        elif isinstance(flowable, Paragraph):
            texts.append(flowable.getPlainText())
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    texts += paragraph_texts(cell if isinstance(cell, (list, tuple)) else [cell])
    return [t for t in texts if t.strip()]


def bare_document(texts: list[str], path: Path) -> None:
    style = ParagraphStyle("bare", fontName=BARE_FONT, fontSize=10, leading=14, spaceAfter=5)
    story = [Paragraph(escape(t).replace("\n", "<br/>"), style) for t in texts]
    SimpleDocTemplate(str(path), invariant=1).build(story)


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


def measure(count: int, folder: Path, runs: int) -> None:
    workshop = built(folder, bulk_workshop, count)
    ours, bare = folder / f"ours-{count}.pdf", folder / f"bare-{count}.pdf"
    summary = build_summary(workshop.content, workshop.framework)
    texts = paragraph_texts(whole_story(summary, 451.3, with_appendix=True))

    ours_seconds, bare_seconds = best_of_each(
        runs, lambda: pdf.write_pdf(workshop.content, workshop.framework, ours), lambda: bare_document(texts, bare))
    pages = len(pypdf.PdfReader(ours).pages)
    bare_pages = len(pypdf.PdfReader(bare).pages)
    print(f"{count:>5} notes: summary {ours_seconds:6.2f} s, {pages} pages, {pages / ours_seconds:6.1f} pages/s | "
          f"bare ReportLab {bare_seconds:6.2f} s ({len(texts)} paragraphs, {bare_pages} pages) | "
          f"ratio {ours_seconds / bare_seconds:4.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run per size instead of the best of five")
    args = parser.parse_args()
    pdfmetrics.registerFont(TTFont(BARE_FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    runs = 1 if args.quick else 5
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm"
        warm.mkdir()
        measure(20, warm, 1)  # load fonts and modules once, outside the figures
        for count in (500, 2_000):
            each = Path(folder) / str(count)
            each.mkdir()
            measure(count, each, runs)


if __name__ == "__main__":
    main()
