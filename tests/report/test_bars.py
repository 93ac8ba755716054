"""The small pictures drawn straight on the canvas: the time bar and the chart's rows."""

import io
import re

from reportlab.pdfgen.canvas import Canvas

from collabdesk.report import fonts
from collabdesk.report.drawing import DotBars, time_bar
from collabdesk.report.styles import RULE, colour, tint


def test_time_past_the_plan_extends_beyond_the_track_in_the_deeper_shade():
    hue = colour("#3366AA")
    bar = time_bar(planned=600, used=900, colour=hue, width=90, height=6)
    assert bar.wrap(500, 500) == (90, 6)
    assert [(kind, fill, x, size) for kind, fill, x, _, size in bar.marks] == [
        ("bar", RULE, 0, (60.0, 6)), ("bar", tint(hue, 0.75), 0, (60.0, 6)), ("bar", hue, 60.0, (30.0, 6))]


def test_bars_and_labels_are_filled_shapes_and_dejavu_text():
    fonts.register()
    canvas = Canvas(io.BytesIO())
    bar = time_bar(planned=600, used=300, colour=colour("#3366AA"), width=90, height=6)
    bar.label(94, 0, "5 min", RULE)
    bar.drawOn(canvas, 0, 0)
    code = "\n".join(canvas._code)
    assert code.count(" re f") == 2 and "(5 min) Tj" in code
    assert re.search(r"/F\d+\+0 7.5 Tf", code)  # a subset of an embedded TrueType face, not Helvetica


def test_a_dot_bar_that_recurs_is_one_form_and_a_rare_one_is_drawn_in_place():
    fonts.register()
    hue = colour("#3366AA")
    bars = DotBars(hue, size=10, leading=14)
    drawers = [bars.gutter(count) for count in (2, 5, 0, 5, 5)]  # every drawer is made before any is drawn
    canvas = Canvas(io.BytesIO())
    for draw in drawers:
        draw(canvas, 30)
    code = "\n".join(canvas._code)
    five, two = (f"collabdeskDots{n}x{hue.hexval()[2:]}" for n in (5, 2))
    assert canvas.hasForm(five) and code.count(f"/FormXob.{five} Do") == 3
    assert not canvas.hasForm(two) and "(2) Tj" in code  # drawn where it stands
    assert code.count(".8 w") == 1  # the dash of the note without dots
