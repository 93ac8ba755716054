"""The UI tests' shared fixtures: one pinned font for the session, the gateway, a window, a
running workshop, recorded answers to the library's questions and to any dialog a key opens.

One pinned font, so layout does not depend on the machine.

A fresh machine's default font (DejaVu Sans 9 pt on many Linux images, Segoe UI on
Windows) lays cards and columns out differently from a developer's; the bundled DejaVu
Sans at a fixed size makes every geometry the tests check the same everywhere.
"""

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from collabdesk.ui.common import file_dialogs, prompts
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


@pytest.fixture
def dialogs(monkeypatch) -> list[str]:
    """Every dialog a key opened (none should): recorded instead of waiting for a click.

    Used by the locked-screen tests (``pytest.mark.usefixtures("dialogs")``)."""
    opened = []

    def record(name, answer):
        return lambda *args, **kwargs: opened.append(name) or answer

    for cls, name, answer in ((QDialog, "exec", 0), (QMessageBox, "exec", 0), (QInputDialog, "getInt", (0, False)),
                              (QInputDialog, "getText", ("", False)), (file_dialogs, "open_files", []),
                              (file_dialogs, "save_file", None)):
        monkeypatch.setattr(cls, name, record(f"{cls.__name__}.{name}", answer))
    yield opened
    assert opened == []


@pytest.fixture
def answers(monkeypatch, tmp_path):
    record = {"text": None, "ask": True, "errors": [], "colour": "#123ABC", "open": None,
              "save": str(tmp_path / "exported.json")}
    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, text="": record["text"])
    monkeypatch.setattr(prompts, "ask", lambda parent, title, question, **kw: record["ask"])
    monkeypatch.setattr(prompts, "show_error", lambda parent, message: record["errors"].append(message))
    monkeypatch.setattr(prompts, "choose_colour", lambda parent, colour: record["colour"])
    monkeypatch.setattr(prompts, "open_file", lambda parent, title: record["open"])
    monkeypatch.setattr(prompts, "save_file", lambda parent, title, suggested, *a: record["save"])
    return record
