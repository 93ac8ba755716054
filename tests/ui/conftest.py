"""The UI tests' session: one pinned font, so layout does not depend on the machine.

A fresh machine's default font (DejaVu Sans 9 pt on many Linux images, Segoe UI on
Windows) lays cards and columns out differently from a developer's; the bundled DejaVu
Sans at a fixed size makes every geometry the tests check the same everywhere.
"""

import pytest
from PySide6.QtGui import QFont

from collabdesk.ui.common.fonts import use_bundled_fonts

PINNED_FONT = QFont("DejaVu Sans", 9)


@pytest.fixture(scope="session", autouse=True)
def pinned_font(qapp):
    use_bundled_fonts(qapp, PINNED_FONT)
    return qapp.font()
