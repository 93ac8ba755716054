"""Shared fixtures: a fresh database per test, a clock tests can move by hand."""

import os
from pathlib import Path

import pytest

# Headless, on one small laptop screen (1280 x 720 at 100 %) whatever the machine has:
# the offscreen platform's own default screen is 800 x 600.
SCREEN = Path(__file__).parent / "fixtures" / "screen-1280x720.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
# The screen's 96 dpi too: a font DPI from the environment would enlarge the pinned font on the
# same 1280 px (2x is tested in a subprocess with a screen of its own, tests/ui/test_small_screens.py).
os.environ.pop("QT_FONT_DPI", None)

from collabdesk.store import Store  # noqa: E402
from collabdesk.store.hold import State  # noqa: E402


class FakeClock:
    """Wall-clock seconds that move only when a test says so."""

    def __init__(self, start: float = 1_800_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "collabdesk.sqlite"


@pytest.fixture
def fresh_db(db_path, clock):
    """A migrated, empty store on a temporary file, driven by a fake clock."""
    store = Store(db_path, clock=clock)
    yield store
    # Nothing a test did (a file dialog on tmp_path, a drop, a backup) dropped SQLite's locks.
    assert store.hold_state is State.HELD
    store.close()


@pytest.fixture
def folder(tmp_path):
    """A team folder, as a sync service keeps it on each laptop (with a space in its path, as OneDrive's has)."""
    shared = tmp_path / "OneDrive - Council" / "Roundtables"
    shared.mkdir(parents=True)
    return shared
