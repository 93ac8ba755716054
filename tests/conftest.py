"""Shared fixtures: a fresh database per test, a clock tests can move by hand."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collabdesk.store import Store  # noqa: E402


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
    store.close()
