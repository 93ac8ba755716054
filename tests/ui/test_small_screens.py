"""The run view fits a 1280 x 720 laptop at 100 %, the same screen at 200 % (2560 x 1440), and with
its text at 125 %: the window stays on the screen, its minimum width within it, and every control
inside it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTabBar, QWidget

from tests.ui.desk import add_notes, make_window, make_workshop

FIXTURES = Path(__file__).parents[1] / "fixtures"
CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QTabBar)


def clipped_controls(window) -> list[str]:
    """Controls on show that reach outside the window, or outside any widget they sit in."""
    clipped = []
    for control in window.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or not control.isVisibleTo(window) or control.isWindow():
            continue
        widget, rect = control, QRect(QPoint(0, 0), control.size())
        while widget is not window:
            rect.translate(widget.pos())
            widget = widget.parentWidget()
            if not QRect(QPoint(0, 0), widget.size()).contains(rect):
                label = getattr(control, "text", lambda: "")() or control.accessibleName() or control.objectName()
                clipped.append(f"{type(control).__name__} {label!r} in {type(widget).__name__}")
                break
    return clipped


def test_the_run_view_fits_the_screen_it_opens_on(qtbot, fresh_db, settings, clock):
    window = make_window(qtbot, fresh_db, settings, clock)
    workshop = make_workshop(fresh_db, purpose="A long prompt and purpose " * 6)
    assert window.open_workshop(workshop.id)
    add_notes(window, "Pooled budgets", "One shared target")
    qtbot.waitUntil(lambda: window.run_view.side_panel.isVisible())
    screen = window.screen()
    expected = os.environ.get("COLLABDESK_EXPECT_SCREEN")
    if expected:
        assert f"{screen.size().width()}x{screen.size().height()}@{screen.devicePixelRatio():g}" == expected
    available = screen.availableGeometry()
    assert available.contains(window.frameGeometry())
    assert window.minimumSizeHint().width() <= available.width()
    assert window.run_view.minimumSizeHint().width() <= window.width()
    assert clipped_controls(window) == []
    for tab in range(window.run_view.side_panel.count()):  # each side tab in turn
        window.run_view.side_panel.setCurrentIndex(tab)
        assert clipped_controls(window) == []


@pytest.mark.parametrize("screen, expected, rounding", [
    ("screen-2560x1440-2x.json", "1280x720@2", "PassThrough"),  # 2560 x 1440 at 200 %
    ("screen-1280x720-text125.json", "1280x720@1", "Floor"),  # 1280 x 720 with text at 125 %
])
def test_the_same_holds_at_twice_the_scale_and_with_larger_text(screen, expected, rounding):
    """The same test in a fresh process (Qt reads the screen once): at 200 %, and with the text alone
    at 125 % (120 dpi on a 96 dpi screen, rounded down to whole pixels: fonts grow, the screen not)."""
    environment = dict(os.environ, COLLABDESK_EXPECT_SCREEN=expected, QT_SCALE_FACTOR_ROUNDING_POLICY=rounding,
                       QT_QPA_PLATFORM=f"offscreen:configfile={FIXTURES / screen}")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{__file__}::test_the_run_view_fits_the_screen_it_opens_on"],
        env=environment, capture_output=True, text=True, timeout=300, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
