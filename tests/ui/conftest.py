"""The UI tests' session: one pinned font, so layout does not depend on the machine.

A fresh machine's default font (DejaVu Sans 9 pt on many Linux images, Segoe UI on
Windows) lays cards and columns out differently from a developer's; the bundled DejaVu
Sans at a fixed size makes every geometry the tests check the same everywhere.
"""

import pytest
from PySide6.QtGui import QFont

from collabdesk.ui.common.events import EventHub
from collabdesk.ui.common.fonts import use_bundled_fonts
from collabdesk.ui.operations import Operations
from tests.ui.desk import make_settings, make_window, make_workshop

PINNED_FONT = QFont("DejaVu Sans", 9)


@pytest.fixture(scope="session", autouse=True)
def pinned_font(qapp):
    use_bundled_fonts(qapp, PINNED_FONT)
    return qapp.font()


@pytest.fixture
def ops(fresh_db):
    """The UI's gateway over the test's fresh store, with an event hub of its own."""
    return Operations(fresh_db, EventHub())


@pytest.fixture
def settings(tmp_path):
    return make_settings(tmp_path)


@pytest.fixture
def window(qtbot, fresh_db, settings, clock):
    return make_window(qtbot, fresh_db, settings, clock)


@pytest.fixture
def running(window, fresh_db):
    """The window with a five-domain workshop open in the run view."""
    workshop = make_workshop(fresh_db)
    assert window.open_workshop(workshop.id)
    return window
