"""Health checks in the HTML reports: the workshop's check page and the series' trend, as the
PDF draws them (``health_pdf``, ``series_health``), each chart an SVG with a text alternative
followed by a table of the same numbers. The bars' geometry is the domain's (``health.diverging``),
so the PDF, the screen and the page draw the same bar.
"""

from collections.abc import Sequence

from ..domain import health
from ..domain.dates import short_date
from ..domain.health import DomainResult
from . import colours
from .health_summary import DomainHealth, HealthCheckLine, HealthSummary
from .html_charts import short_name, svg, svg_text
from .html_kit import Markup, element, join, user
from .html_page import cell, heading, part, swatch, table
from .series_health import DomainTrend, SeriesHealth

_WIDTH, _NAME, _ROW, _BAR = 360, 96, 30, 14
SCALE_WORDS = ("1 weakest", "2", "3", "4", "5 strongest")


def health_part(summary: HealthSummary) -> Markup | None:
    """The "Health check" part of the workshop summary; None when no check was revealed."""
    if not summary.checks:
        return None
    body: list[object] = [
        heading(2, "Health check", id="health-check-heading"),
        element("p", "How strong the room judged the partnership in each domain, from 1 (weakest) to 5 (strongest). "
                     "The spread is how many points the middle half of the raters spans: 2 or more and the room "
                     "split.", class_="lead")]
    body += [_check(check, number) for number, check in enumerate(summary.checks, 1)]
    return part("health-check", body)


def _check(check: HealthCheckLine, number: int) -> Markup:
    key = f"health-{number}"
    rows = []
    for line in check.domains:
        r = line.result
        median, spread = ("—", "—") if r.median is None else (health.points(r.median), health.points(r.spread))
        rows.append([cell(user(line.domain.name), header=True), *[cell(str(c), css="num") for c in r.counts],
                     cell(str(r.raters), css="num"), cell(median, css="num"), cell(spread, css="num"),
                     cell(r.verdict)])
    numbers = table([("Domain", "")] + [(str(p), "num") for p in health.SCALE]
                    + [("Rated", "num"), ("Median", "num"), ("Spread", "num"), ("Room", "")], rows,
                    label=f"The ratings of {check.title}")
    sentences = element("ul", [element("li", swatch(line.domain.colour), " ", user(line.sentence))
                               for line in check.domains], class_="sentences")
    commented = [line for line in check.domains if line.comments]
    comments = None
    if commented:
        comments = join(heading(4, "Comments by domain"), [_comments(line) for line in commented])
    return join(heading(3, user(check.title)), element("p", user(check.how), " · ", user(check.raters), class_="meta"),
                element("div", _diverging_chart(check.domains, key), numbers, class_="chart"),
                heading(4, "Where the room agreed and where it split"), sentences, comments)


def _comments(line: DomainHealth) -> Markup:
    return join(element("p", user(line.domain.name), class_="label"),
                element("ul", [element("li", user(text), f" — {author}" if author else None)
                               for text, author in line.comments], class_="notes comments"))


def _diverging_chart(lines: Sequence[DomainHealth], key: str) -> Markup:
    """Each domain's ratings as one bar split into the five points, weak to the left of the
    centre line and strong to the right, the median marked under it (as the PDF draws it)."""
    bar_width = _WIDTH - _NAME - 8
    scale = max([health.reach(line.result.counts) for line in lines if line.result.raters] + [0.5])
    top = 26
    shapes: list[Markup] = list(_scale_legend(_NAME))
    centre = _NAME + bar_width / 2
    shapes.append(element("line", x1=f"{centre:.1f}", y1=top - 4, x2=f"{centre:.1f}",
                          y2=f"{top + _ROW * len(lines):.1f}", stroke="#5f6a75", stroke_width="0.8"))
    for row, line in enumerate(lines):
        y = top + row * _ROW
        shapes.append(svg_text(short_name(line.domain.name, 13), 0, y + _BAR - 2, size=12, fill="#1e2329"))
        result = line.result
        if result.median is None:
            shapes.append(svg_text("no ratings", centre + 5, y + _BAR - 3, size=10, fill="#5f6a75"))
            continue
        placed = [(start * bar_width, width * bar_width) for start, width in health.diverging(result.counts, scale)]
        for point, ((x, w), count) in enumerate(zip(placed, result.counts)):
            if not count:
                continue
            shapes.append(element("rect", x=f"{_NAME + x:.1f}", y=y, width=f"{w:.1f}", height=_BAR,
                                  fill=health.SCALE_COLOURS[point]))
            if w >= 12:
                shapes.append(element("text", str(count), x=f"{_NAME + x + w / 2:.1f}", y=y + _BAR - 3,
                                      font_size=9.5, fill=health.SCALE_INK[point], text_anchor="middle"))
        mark = _NAME + health.median_at(result.median, placed)
        shapes.append(element("polygon", fill="#1e2329", points=f"{mark - 4:.1f},{y + _BAR + 7} {mark + 4:.1f},"
                                                                f"{y + _BAR + 7} {mark:.1f},{y + _BAR + 2}"))
    height = top + _ROW * len(lines)
    description = " ".join(_said(line.domain.name, line.result) for line in lines)
    return svg("How strong the room judged each domain, from 1 (weakest) to 5 (strongest)", description,
                shapes, _WIDTH, height, key)


def _said(name: str, result: DomainResult) -> str:
    if result.median is None:
        return f"{name}: no ratings."
    counts = ", ".join(f"{c} chose {p}" for p, c in zip(health.SCALE, result.counts) if c)
    return (f"{name}: {counts}; median {health.points(result.median)}, spread {health.points(result.spread)}, "
            f"{result.verdict}.")


def trend_part(trend: SeriesHealth) -> Markup | None:
    """The series' "Health across the series" part; None when the series has no revealed check."""
    if not trend.steps:
        return None
    steps = table([("Step", "num"), ("Workshop", ""), ("Date", ""), ("Health check", "")],
                  [[cell(str(s.number), css="num"), cell(user(s.workshop)),
                    cell(short_date(s.date) if s.date else "—"), cell(user(s.check))] for s in trend.steps],
                  label="Every step",
                  widths=(0.1, 0.4, 0.18, 0.32))
    body: list[object] = [
        heading(2, "Health across the series", id="health-across-heading"),
        element("p", "How the room rated each domain at every revealed health check, on the same 1 to 5 scale: the "
                     "dot is the median, the pale bar the middle half of the ratings.", class_="lead")]
    body += [_domain_trend(line, len(trend.steps), f"trend-{n}") for n, line in enumerate(trend.trends, 1)]
    body += [heading(3, "The steps"), steps]
    return part("health-across", body)


def _domain_trend(line: DomainTrend, steps: int, key: str) -> Markup:
    rows = []
    for number, result in enumerate(line.results, 1):
        if result is None:
            figures = ["not asked", "—", "—"]
        elif result.median is None:
            figures = ["0", "—", "—"]
        else:
            figures = [str(result.raters), health.points(result.median),
                       f"{health.points(result.lower)}–{health.points(result.upper)}"]
        rows.append([cell(str(number), css="num", header=True), *[cell(f, css="num") for f in figures]])
    numbers = table([("Step", "num"), ("Rated", "num"), ("Median", "num"), ("Middle half", "num")], rows,
                    wide=False, class_="trend-numbers")
    return element("figure", element("figcaption", swatch(line.domain.colour), " ", user(line.domain.name),
                                      class_="framework-name"),
                   _strip(line, steps, key), numbers, class_="chart trend")


def _strip(line: DomainTrend, steps: int, key: str) -> Markup:
    """One domain's medians (dots joined by a line) and middle halves (pale bars) at each step, on 1 to 5."""
    height, left, foot = 120, 22, 16

    def y(score: float) -> float:
        return foot + 8 + (height - foot - 18) * (5 - score) / 4

    def x(index: int) -> float:
        return left + 10 + (_WIDTH - left - 20) * (index + 0.5) / steps

    shapes: list[Markup] = []
    for score in health.SCALE:
        shapes += [element("line", x1=left, y1=f"{y(score):.1f}", x2=_WIDTH, y2=f"{y(score):.1f}", stroke="#dce1e6"),
                   svg_text(str(score), left - 6, y(score) + 3.5, size=10, fill="#5f6a75", anchor="end")]
    hue = colours.domain_graphic(line.domain.colour)
    points = []
    for index, result in enumerate(line.results):
        shapes.append(svg_text(f"step {index + 1}", x(index), 11, size=9.5, fill="#5f6a75", anchor="middle"))
        if result is None or result.median is None:
            points.append(None)
            continue
        shapes.append(element("rect", x=f"{x(index) - 5:.1f}", y=f"{y(result.upper):.1f}", width=10,
                              height=f"{max(1.5, y(result.lower) - y(result.upper)):.1f}", fill=hue, opacity="0.35"))
        points.append((x(index), y(result.median)))
    run: list[str] = []
    for point in points + [None]:
        if point is None:
            if len(run) > 1:
                shapes.append(element("polyline", points=" ".join(run), fill="none", stroke=hue, stroke_width="1.5"))
            run = []
        else:
            run.append(f"{point[0]:.1f},{point[1]:.1f}")
    for point, result in zip(points, line.results):
        if point is not None:
            shapes += [element("circle", cx=f"{point[0]:.1f}", cy=f"{point[1]:.1f}", r=4, fill=hue),
                       svg_text(health.points(result.median), point[0] + 7, point[1] + 3.5, size=10, fill="#1e2329")]
    said = " ".join(f"Step {i}: not asked." if r is None else f"Step {i}: nobody rated." if r.median is None else
                    f"Step {i}: median {health.points(r.median)}, middle half {health.points(r.lower)} to "
                    f"{health.points(r.upper)}, {r.raters} rated." for i, r in enumerate(line.results, 1))
    return svg(f"{line.domain.name}: the room's rating at each step", said, shapes, _WIDTH, height, key)


def _scale_legend(x: float):
    for point, word in enumerate(SCALE_WORDS):
        yield element("rect", x=f"{x:.0f}", y=4, width=9, height=9, fill=health.SCALE_COLOURS[point])
        yield svg_text(word, x + 12, 12, size=9.5, fill="#5f6a75")
        x += 12 + len(word) * 5.6 + 8


