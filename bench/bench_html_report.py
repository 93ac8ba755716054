"""The HTML summary against a bare page of the same texts.

    python bench/bench_html_report.py            # 500 and 2,000 notes, best of 5 runs each
    python bench/bench_html_report.py --quick    # one run each

For each workshop (the benchmark workshop of bench_report.py) the whole HTML summary is
rendered, appendix included: the report model, the page and its charts. The baseline is
the standard library alone: every note, action and title of the same summary escaped with
``html.escape`` into one ``<p>`` each and joined. The ratio is ours over the baseline.
Times are CPU seconds of this process, best of the runs. Figures are printed, not asserted.
"""

import argparse
import html
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_report import best_of_each  # noqa: E402
from collabdesk.report.html import render_html, summary_html  # noqa: E402
from collabdesk.report.summary import build_summary  # noqa: E402
from tests.report.builders import built, bulk_workshop  # noqa: E402


def bare_page(texts: list[str]) -> str:
    return "<!DOCTYPE html><html lang=en><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in texts) + \
        "</body></html>"


def measure(count: int, folder: Path, runs: int) -> None:
    workshop = built(folder, bulk_workshop, count)
    summary = build_summary(workshop.content, workshop.framework)
    notes = [i.text for s in summary.sections for i in s.items]
    texts = [summary.title] + notes * 2 + [a.text for a in summary.actions]  # each note: its section, the appendix
    page: list[str] = []
    ours, drawing, bare = best_of_each(runs, lambda: page.append(render_html(workshop.content, workshop.framework)),
                                       lambda: summary_html(summary), lambda: bare_page(texts))
    print(f"{count:>5} notes: HTML summary {ours:6.3f} s ({len(page[-1]) / 1e6:4.2f} MB; the page alone, "
          f"model built: {drawing:6.3f} s) | bare html.escape page {bare:6.3f} s ({len(texts)} texts) | "
          f"ratio {ours / bare:5.1f}x, page alone {drawing / bare:5.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run per size instead of the best of five")
    runs = 1 if parser.parse_args().quick else 5
    with tempfile.TemporaryDirectory() as folder:
        for count in (20, 500, 2_000):  # 20: load the modules once, outside the figures
            each = Path(folder) / str(count)
            each.mkdir()
            measure(count, each, runs if count > 20 else 1)


if __name__ == "__main__":
    main()
