"""The HTML report's charts as inline SVG, each with a text alternative.

Every chart is ``role="img"`` labelled by its own ``<title>`` and ``<desc>`` (the desc says
every number the chart shows), and the domain chart is followed by a table of the same
numbers. Bars carry their numbers with the unit ("7 notes", "4 dots") and a legend, so
neither colour nor length is the only way to read them.
"""

from collections.abc import Sequence

from ..domain.durations import duration_text
from . import colours
from .html_kit import Markup, element, user
from .html_page import cell, table
from .summary import DomainTally
from .wording import counted, dots

_WIDTH = 360  # the chart's own units; it scales to the column (at most 27rem wide)
_LABEL = 104  # room for the domain's name
_ROOM = 66  # room after the longest bar for its number
_ROW = 38
_BAR = 12
_LEGEND = 26
_NAME_LIMIT = 14  # characters of a domain's name inside the chart; the table below has the whole name
SVG_FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif'


def domain_chart(tallies: Sequence[DomainTally], *, key: str) -> Markup:
    """Notes and dots per domain: two bars a row on a shared scale, then the same numbers as a table."""
    largest = max([t.notes for t in tallies] + [t.votes for t in tallies] + [1])
    room = _WIDTH - _LABEL - _ROOM
    height = _LEGEND + _ROW * len(tallies)
    shapes = list(_legend())
    for row, tally in enumerate(tallies):
        top = _LEGEND + row * _ROW
        hue = colours.domain_graphic(tally.domain.colour)
        shapes.append(svg_text(short_name(tally.domain.name), 0, top + _ROW / 2 + 5, size=13, fill="#1e2329"))
        for bar, (count, fill, noun) in enumerate(((tally.notes, hue, "note"),
                                                   (tally.votes, colours.domain_tint(tally.domain.colour, 0.4),
                                                    "dot"))):
            y = top + 6 + bar * (_BAR + 2)
            length = room * count / largest
            shapes.append(element("rect", x=_LABEL, y=f"{y:.1f}", width=f"{max(length, 1):.1f}", height=_BAR,
                                  fill=fill if count else "#c2c9d0", rx=1.5))
            shapes.append(svg_text(counted(count, noun), _LABEL + length + 5, y + _BAR - 2, size=11,
                                fill="#2f3740" if count else "#5f6a75"))
    description = " ".join(f"{t.domain.name}: {counted(t.notes, 'note')} and {dots(t.votes)}." for t in tallies)
    chart = svg("Notes and dots (votes) per domain", description or "No domains.", shapes, _WIDTH, height, key)
    numbers = table([("Domain", ""), ("Notes", "num"), ("Dots", "num")],
                    [[cell(user(t.domain.name), header=True), cell(f"{t.notes:,}", css="num"),
                      cell(f"{t.votes:,}", css="num")] for t in tallies], class_="chart-numbers")
    return element("div", chart, numbers, class_="chart")


def time_bar(planned: float, used: float, colour: str) -> Markup:
    """Planned time as a pale track, used time over it; time past the plan runs on in the full colour."""
    width, height = 110.0, 8.0
    longest = max(planned, used, 1.0)
    planned_w = width * planned / longest
    used_w = width * min(used, planned) / longest
    shapes = [element("rect", x=0, y=0, width=f"{planned_w:.1f}", height=height, fill="#dce1e6"),
              element("rect", x=0, y=0, width=f"{used_w:.1f}", height=height,
                      fill=colours.domain_tint(colour, 0.75))]
    if used > planned:
        shapes.append(element("rect", x=f"{planned_w:.1f}", y=0, width=f"{width * used / longest - planned_w:.1f}",
                              height=height, fill=colours.domain_graphic(colour)))
    said = f"Time: {duration_text(used)} used of {duration_text(planned)} planned"
    return element("svg", element("title", said), shapes,
                   viewBox=f"0 0 {width:.0f} {height:.0f}", preserveAspectRatio="none", role="img",
                   aria_label=said)


def svg(title: str, description: str, shapes: list[Markup], width: float, height: float, key: str) -> Markup:
    """A chart: ``role="img"``, named by its ``<title>`` and described by its ``<desc>`` (ids from ``key``)."""
    return element("svg", element("title", title, id=f"{key}-title"), element("desc", description, id=f"{key}-desc"),
                   shapes, viewBox=f"0 0 {width:.0f} {height:.0f}", role="img",
                   aria_labelledby=f"{key}-title {key}-desc", font_family=SVG_FONT)


def _legend():
    x = float(_LABEL)
    for label, fill in (("Notes", "#66717c"), ("Dots (votes)", "#c2c6cb")):
        yield element("rect", x=f"{x:.0f}", y=4, width=10, height=10, fill=fill, rx=1.5)
        yield svg_text(label, x + 15, 13, size=11, fill="#5f6a75")
        x += 15 + len(label) * 6.5 + 18


def svg_text(content: str, x: float, y: float, *, size: float, fill: str, anchor: str | None = None) -> Markup:
    return element("text", content, x=f"{x:.1f}", y=f"{y:.1f}", font_size=size, fill=fill, text_anchor=anchor)


def short_name(name: str, limit: int = _NAME_LIMIT) -> str:
    """A domain's name as a chart labels it; the table beside the chart has it whole."""
    name = " ".join(name.split())
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"
