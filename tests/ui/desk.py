"""Building blocks for the window tests (the fixtures made of them are in conftest.py)."""

import pytest
from PySide6.QtCore import QSettings

from collabdesk.services import workshops
from collabdesk.ui.common.events import EventHub
from collabdesk.ui.shell.main_window import MainWindow
from collabdesk.ui.operations import Operations
from collabdesk.ui.run.chime import Chime

# Qt warnings fail a test, except the offscreen platform's notes that it has no window manager.
STRICT_QT = [pytest.mark.qt_log_level_fail("WARNING"),
             pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")]


def make_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_window(qtbot, store, settings, clock) -> MainWindow:
    window = MainWindow(Operations(store, EventHub()), settings, clock=clock, chime=Chime(player=lambda: None))
    window.ticker.stop()  # tests tick by hand: the display must not depend on how often ticks come
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def make_workshop(store, **fields):
    details = {"title": "Health and care roundtable", "purpose": "Can we pool our budgets?",
               "participants": ["Amira", "Ben", "Chen Wei"], **fields}
    return workshops.create_workshop(store, **details)
