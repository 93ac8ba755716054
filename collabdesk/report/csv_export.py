"""The workshop as CSV: one row per note (in report order), one row per exercise that never
ran, one per action, then one per vote round (its status says whether its results were
revealed; a round never revealed adds nothing to any note's votes), then one per domain of
each revealed health check (its counts per point, raters, median and spread), and one per
health-check comment. A check never revealed is one row saying so, with no numbers.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some also
a tab or carriage return) as a formula, so text typed in a workshop could
otherwise run a formula on the reader's machine ("CSV injection"). Such cells are written
with a leading apostrophe (``'=SUM(A1)``), which spreadsheets show as text; the apostrophe
is the only change made to the text. Counts are written as plain numbers.

The text starts with a byte order mark so spreadsheet programs read it as UTF-8.
"""

import csv
import io

from ..domain.health import points
from ..domain.model import Framework, WorkshopContent
from .summary import Summary, build_summary

COLUMNS = ("record", "number", "exercise", "domain", "theme", "kind", "author", "role", "votes", "text",
           "owner", "due", "status", "rated_1", "rated_2", "rated_3", "rated_4", "rated_5", "raters", "median",
           "spread")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A cell value that no spreadsheet will run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _row(writer, *values) -> None:
    """One row, every cell safe, padded to the full width of the columns."""
    writer.writerow([safe_cell(v) for v in values] + [""] * (len(COLUMNS) - len(values)))


def render_csv(content: WorkshopContent, framework: Framework, *, anonymise: bool = False) -> str:
    return summary_csv(build_summary(content, framework, anonymise=anonymise))


def summary_csv(summary: Summary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for section in summary.sections:
        for item in section.items:
            role = item.attribution if item.kind == "quote" else ""
            _row(writer,
                "note", item.number, section.title, section.domain.name, item.theme, item.kind, item.author,
                role, item.votes, item.text, "", "", "")
        if section.skipped:
            _row(writer,
                "exercise", "", section.title, section.domain.name, "", "", "", "", "", "skipped: not run",
                "", "", "skipped")
    for number, action in enumerate(summary.actions, 1):
        _row(writer,
            "action", number, "", "", "", "", "", "", "", action.text, action.owner, action.due, action.status)
    for number, round_ in enumerate(summary.rounds, 1):
        votes = sum(r.dots for r in round_.results) if round_.revealed else ""
        _row(writer,
            "vote round", number, round_.scope, "", "", "", "", "", votes, round_.title, "", "",
            "revealed" if round_.revealed else "held, not revealed")
    for number, check in enumerate(summary.health.checks, 1):
        for line in check.domains:
            r = line.result
            figures = ("", "") if r.median is None else (points(r.median), points(r.spread))
            _row(writer,
                "health check", number, check.title, line.domain.name, "", "", "", "", "", line.sentence, "", "",
                r.verdict, *r.counts, r.raters, *figures)
            for text, author in line.comments:
                _row(writer,
                    "health comment", number, check.title, line.domain.name, "", "", author, "", "", text)
    if summary.health.held_back:
        _row(writer,
            "health check", "", "", "", "", "", "", "", "", summary.health.unrevealed_line, "", "",
            "held, not revealed")
    return "\ufeff" + buffer.getvalue()
