"""The workshop summary as Markdown, in the same order as the PDF.

Every piece of user text is escaped so it shows literally: HTML is neutralised (``<`` and
``&`` become entities, so ``<img src=x>`` or ``&amp;`` never turn into markup), inline
markers (``* _ ` [ ] ! | ~ \\``) are backslash-escaped, and characters that would open a
block at the start of a line (``#``, ``>``, ``-``, ``+``, ``=``, ``1.``) are escaped there.
Line breaks inside a note become ``<br>`` so a note stays one list item or table cell.
"""

import re

from ..domain import health
from ..domain.durations import duration_text
from ..domain.model import Framework, WorkshopContent
from .summary import UNGROUPED, Item, Section, Summary, build_summary
from .wording import placed

_INLINE = re.compile(r"([\\`*_\[\]!|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """User text as Markdown that renders exactly as typed, on one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + _escape_block_marker(m.group(2)), text)
    return text.replace("\n", "<br>")


def _escape_block_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def render_markdown(content: WorkshopContent, framework: Framework, *, anonymise: bool = False) -> str:
    return summary_markdown(build_summary(content, framework, anonymise=anonymise))


def summary_markdown(summary: Summary) -> str:
    out: list[str] = []
    out += [f"# {escape(summary.title)}", ""]
    if summary.purpose:
        out += [escape(summary.purpose), ""]
    details = [("Date", summary.date), ("Location", summary.location), ("Facilitator", summary.facilitator)]
    out += [f"- **{label}:** {escape(value)}" for label, value in details if value]
    out += [f"- **Participants:** {summary.participants}",
            f"- **Framework:** {escape(summary.framework.name)} "
            f"({', '.join(escape(d.name) for d in summary.domains)})", ""]
    if summary.anonymised:
        out += ["*Authors are anonymised in this summary.*", ""]

    out += ["## At a glance", "",
            "| Notes | Votes | Actions | Time used |", "|---:|---:|---:|---|",
            f"| {summary.notes} | {summary.votes} | {len(summary.actions)} | "
            f"{duration_text(summary.used_seconds)} of {duration_text(summary.planned_seconds)} planned |", ""]
    for held in (summary.unrevealed_line, summary.health.unrevealed_line):
        if held:
            out += [f"*{held}*", ""]
    out += ["### Top priorities", ""]
    if summary.priorities:
        for p in summary.priorities:
            what = "Theme: " if p.is_theme else ""
            out.append(f"{_place(p.place)} {what}**{escape(p.text)}** — {_dots(p.votes)} · "
                       f"{escape(p.where)}  ")
        out.append("")
    else:
        out += ["No votes were cast.", ""]
    out += ["### Notes and votes per domain", "", "| Domain | Notes | Votes |", "|---|---:|---:|"]
    out += [f"| {escape(t.domain.name)} | {t.notes} | {t.votes} |" for t in summary.tallies]
    out.append("")
    out += _health(summary)

    for number, section in enumerate(summary.sections, 1):
        out += _section(number, section)

    out += ["## Actions", ""]
    if summary.actions:
        out += ["| Action | Owner | Due | Status |", "|---|---|---|---|"]
        out += [f"| {escape(a.text)} | {escape(a.owner) or '—'} | {a.due or '—'} | {a.status} |"
                for a in summary.actions]
    else:
        out.append("No actions were agreed.")
    out.append("")
    out += _appendix(summary)
    return "\n".join(out).rstrip("\n") + "\n"


def _health(summary: Summary) -> list[str]:
    """The health checks: a table of the numbers the PDF's chart draws, the sentences, the comments."""
    if not summary.health.checks:
        return []
    out = ["## Health check", "",
           "Ratings from 1 (weakest) to 5 (strongest). The spread is how many points the middle half of the "
           "raters spans: 2 or more and the room split.", ""]
    for check in summary.health.checks:
        out += [f"### {escape(check.title)}", "", f"{escape(check.how)} · {escape(check.raters)}", "",
                "| Domain | 1 | 2 | 3 | 4 | 5 | Rated | Median | Spread | Room |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
        for line in check.domains:
            r = line.result
            figures = ("—", "—") if r.median is None else (health.points(r.median), health.points(r.spread))
            out.append(f"| {escape(line.domain.name)} | {' | '.join(map(str, r.counts))} | {r.raters} | "
                       f"{figures[0]} | {figures[1]} | {r.verdict} |")
        out += ["", *[f"- {escape(line.sentence)}" for line in check.domains], ""]
        for line in check.domains:
            if line.comments:
                out += [f"**Comments on {escape(line.domain.name)}**", ""]
                out += [f"- {escape(text)}" + (f" — {escape(author)}" if author else "")
                        for text, author in line.comments]
                out.append("")
    return out


def _section(number: int, section: Section) -> list[str]:
    if section.skipped:
        return [f"## {number}. {escape(section.title)}", "",
                f"*{escape(section.domain.name)}* · skipped: not run "
                f"({duration_text(section.planned_seconds)} planned)", ""]
    out = [f"## {number}. {escape(section.title)}", "",
           f"*{escape(section.domain.name)}* · {duration_text(section.used_seconds)} used of "
           f"{duration_text(section.planned_seconds)} planned · {section.notes} notes · {_dots(section.votes)}", ""]
    if section.domain.description:
        out += [escape(section.domain.description), ""]
    if section.prompt:
        out += [f"**Prompt:** {escape(section.prompt)}", ""]
    if section.empty:
        return out + ["No notes were captured in this exercise.", ""]
    for group in section.groups:
        title = escape(group.title) if group.title != UNGROUPED else "Other notes"
        heading = title if len(section.groups) > 1 or group.title != UNGROUPED else "Notes"
        out += [f"### {heading}" + _heading_dots(group.votes), ""]
        out += [_note_line(item) for item in group.items]
        out.append("")
    if section.quotes:
        out += ["### In their words" + _heading_dots(section.quote_votes), ""]
        for quote in section.quotes:
            votes = f" · {_dots(quote.votes)}" if quote.votes else ""
            out += [f"> {escape(quote.text)}", ">", f"> — {escape(quote.attribution)}{votes}", ""]
    if section.questions:
        out += ["### Questions raised" + _heading_dots(section.question_votes), ""]
        out += [_note_line(item) for item in section.questions]
        out.append("")
    return out


def _note_line(item: Item) -> str:
    votes = f" — {_dots(item.votes)}" if item.votes else ""
    return f"- {escape(item.text)}{votes}"


def _appendix(summary: Summary) -> list[str]:
    out = ["## Appendix: every note", ""]
    for section in summary.sections:
        out += [f"### {escape(section.title)}", ""]
        if section.empty:
            out += ["Skipped: not run." if section.skipped else "No notes.", ""]
            continue
        for item in section.items:
            who = item.attribution if item.kind == "quote" else item.author
            facts = [item.kind] + ([escape(who)] if who else []) + \
                    ([f"theme {escape(item.theme)}"] if item.theme else []) + [_dots(item.votes)]
            out.append(f"{item.number}\\. {escape(item.text)} *({' · '.join(facts)})*  ")
        out.append("")
    out += ["## Appendix: vote rounds", ""]
    if not summary.rounds:
        out += ["No vote rounds.", ""]
    for round_ in summary.rounds:
        out += [f"### {escape(round_.title)}", "",
                f"{escape(round_.scope)} · {round_.rules} · {round_.state} · {round_.voters}", ""]
        if round_.results:
            out += ["| Rank | Item | Dots |", "|---:|---|---:|"]
            out += [f"| {r.place} | {escape(r.label)}: {escape(r.text)} | {r.dots} |" for r in round_.results]
            if round_.placed:
                out += ["", "Who placed which dots:", ""]
                out += [f"- **{escape(p.name)}**: {escape(placed(p.dots))}" for p in round_.placed]
        elif not round_.revealed:
            out.append("The results were not revealed, so they are left out.")
        else:
            out.append("No dots were placed.")
        out.append("")
    return out


def _heading_dots(count: int) -> str:
    return f" ({_dots(count)})" if count else ""


def _place(place: str) -> str:
    """A rank at the start of a line: "3\\." escaped so it is not an ordered list, "=3" so it is not a heading."""
    return f"\\{place}" if place.startswith("=") else f"{place}\\."


def _dots(count: int) -> str:
    return f"{count} dot" if count == 1 else f"{count} dots"
