"""A database on a read-only disk opens read only: a banner says so, reads work, writes say why not."""

from collabdesk.domain.errors import CollabDeskError
from collabdesk.store import Store
from collabdesk.store import store as store_module
from tests.ui.desk import make_window, make_workshop


def test_a_read_only_database_shows_a_banner_and_its_workshops(qtbot, db_path, settings, clock, monkeypatch):
    with Store(db_path, clock=clock) as store:
        workshop = make_workshop(store, title="<b>Kept on the USB stick</b>")
    monkeypatch.setattr(store_module, "_on_read_only_disk", lambda path: True)  # what a read-only mount gives
    store = Store(db_path, clock=clock)
    try:
        assert store.read_only
        window = make_window(qtbot, store, settings, clock)
        banner = window.read_only_banner
        assert banner.isVisible() and "read only" in banner.text() and str(db_path) in banner.text()
        assert [s.title for s in store.summaries()] == [workshop.title]
        try:
            make_workshop(store)
        except CollabDeskError as error:
            assert "can only be read" in str(error)
        else:
            raise AssertionError("a write to a read-only database was accepted")
        window.grab().save(str(db_path.parent / "read-only.png"))
    finally:
        store.close()
