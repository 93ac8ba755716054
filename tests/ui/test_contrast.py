"""Every text colour reads in light, dark and high contrast: the ratios are computed from the
palettes (WCAG: 4.5:1 for text, 3:1 for large text such as the timer's digits)."""

import pytest
from PySide6.QtGui import QColor, QPalette

from collabdesk.domain.contrast import AA_LARGE, AA_TEXT, contrast_ratio
from collabdesk.services.frameworks import builtin_frameworks
from collabdesk.ui.board.themes import BOARD_BACKGROUND
from collabdesk.ui.common import inks, style
from collabdesk.ui.run.review import BANNER_BACKGROUND, BANNER_INK
from tests.ui.desk import make_window, make_workshop

Role = QPalette.ColorRole


def ratio(ink: QColor | str, background: QColor | str) -> float:
    return contrast_ratio(QColor(ink).name(), QColor(background).name())


@pytest.mark.parametrize("scheme", inks.SCHEMES)
def test_every_text_role_of_each_palette_reads_on_its_background(scheme):
    palette = inks.scheme_palette(scheme)
    low = {(text.name, background.name): round(ratio(palette.color(text), palette.color(background)), 2)
           for text, background in inks.TEXT_PAIRS
           if ratio(palette.color(text), palette.color(background)) < AA_TEXT}
    assert low == {}


@pytest.mark.parametrize("scheme", inks.SCHEMES)
def test_every_ink_reads_on_the_window_and_in_fields(scheme):
    palette = inks.scheme_palette(scheme)
    assert inks.scheme_of(palette) == scheme
    low = {}
    for role in inks.INKS:
        for background in (Role.Window, Role.Base, Role.AlternateBase):  # AlternateBase: the agenda's cards
            value = ratio(inks.ink(role, palette), palette.color(background))
            if value < AA_TEXT:
                low[(role, background.name)] = round(value, 2)
    for phase in inks.TIMER_ROLES:  # large type
        value = ratio(inks.timer_ink(phase, palette), palette.color(Role.Window))
        if value < AA_LARGE:
            low[("timer " + phase, "Window")] = round(value, 2)
    for framework in builtin_frameworks():  # the exercise header names the domain in its colour
        for domain in framework.domains:
            value = ratio(inks.readable(domain.colour, palette), palette.color(Role.Window))
            if value < AA_TEXT:
                low[(domain.name, "Window")] = round(value, 2)
    assert low == {}


def test_black_on_light_grey_is_light_and_white_on_black_is_high_contrast():
    assert inks.scheme_of(QPalette(QColor("#efefef"))) == "light"  # Qt's own default: 18:1, not "high contrast"
    assert inks.scheme_of(QPalette(QColor("#353535"))) == "dark"
    assert inks.scheme_of(inks.scheme_palette("high contrast")) == "high contrast"


def test_colours_that_bring_their_own_background_read_on_it():
    pairs = {f"note on {name}": (style.NOTE_INK, paper) for name, paper in style.NOTE_PAPER.items()}
    pairs.update({"room text": (style.ROOM_INK, style.ROOM_BACKGROUND), "room muted": (style.ROOM_MUTED,
                                                                                       style.ROOM_BACKGROUND),
                  "board hint": ("#5C626C", BOARD_BACKGROUND), "read-only banner": (BANNER_INK, BANNER_BACKGROUND),
                  })
    pairs.update({f"room timer {phase}": (ink, style.ROOM_BACKGROUND) for phase, ink in style.ROOM_TIMER_INK.items()})
    low = {name: round(ratio(ink, background), 2) for name, (ink, background) in pairs.items()
           if ratio(ink, background) < (AA_LARGE if "timer" in name else AA_TEXT)}
    assert low == {}


@pytest.mark.parametrize("scheme", ["dark", "high contrast"])
def test_the_run_view_in_a_dark_palette_draws_title_timer_and_pace_readably(qtbot, fresh_db, settings, clock, qapp,
                                                                             scheme):
    qapp.setPalette(inks.scheme_palette(scheme))
    try:
        window = make_window(qtbot, fresh_db, settings, clock)
        assert window.open_workshop(make_workshop(fresh_db).id)
        run = window.run_view
        background = run.palette().color(Role.Window)
        title_ink = run.header.title.palette().color(Role.WindowText)
        assert run.header.title.ink is None and ratio(title_ink, background) >= AA_TEXT
        assert ratio(run.timer.face._ink("idle"), background) >= AA_LARGE
        pace = run.agenda.pace.styleSheet().split("color:")[1].split(";")[0].strip()
        assert ratio(pace, background) >= AA_TEXT
        domain = run.header.domain.styleSheet().split("color:")[1].split(";")[0].strip()
        assert ratio(domain, background) >= AA_TEXT
    finally:
        qapp.setPalette(QPalette())


