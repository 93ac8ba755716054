"""The team library in the window: a second database stands for a colleague's laptop
sharing the team folder; the window's library shows what arrives, in the background."""

import pytest
from PySide6.QtCore import Qt, QThreadPool

from collabdesk.services import notes, team, workshops
from collabdesk.store import Store
from collabdesk.ui.library.model import OWNER, TEAM, TITLE
from collabdesk.ui.library.team_dialogs import ShareDialog, TeamFolderDialog, TeamProblemsDialog
from collabdesk.ui.library.team_bar import TeamBar
from tests.conftest import FakeClock
from tests.ui.desk import make_window

SCAN_WAIT_MS = 30_000  # a bound for a stuck scan, not a speed limit: a busy machine may take seconds


@pytest.fixture
def colleague(tmp_path, folder):
    """Laptop A: a colleague's library sharing the team folder."""
    with Store(tmp_path / "colleague" / "collabdesk.sqlite", clock=FakeClock(1_700_000_000.0)) as store:
        team.set_team_folder(store, folder)
        yield store


@pytest.fixture
def open_window(qtbot, fresh_db, settings, clock):
    def make():
        return make_window(qtbot, fresh_db, settings, clock)

    yield make
    # pytest-qt has closed and deleted the windows by now: a scan still running reports to
    # nobody (TeamSync drops the report); wait for it so it cannot run into the next test.
    assert QThreadPool.globalInstance().waitForDone(SCAN_WAIT_MS), "a team-folder scan never finished"


def share_closed(store: Store, title: str) -> str:
    w = workshops.create_workshop(store, title=title, facilitator="Sam Whitfield", participants=["Ann"])
    notes.add_note(store, store.exercises(w.id)[0].id, "Pooled budgets for carers")
    workshops.close_workshop(store, w.id)
    return w.id


def listed(window) -> list[tuple[str, str]]:
    proxy = window.home.proxy
    return [(proxy.index(r, TITLE).data(), proxy.index(r, OWNER).data()) for r in range(proxy.rowCount())]


def select(window, workshop_id: str) -> None:
    assert window.home.select_workshops([workshop_id])


def test_with_no_team_folder_nothing_is_watched_scanned_or_shown(open_window, fresh_db, monkeypatch):
    monkeypatch.setattr(team, "scan", lambda store: pytest.fail("scanned with no team folder set"))
    window = open_window()
    workshops.create_workshop(fresh_db, title="Mine")
    window.home.refresh()
    assert window.team.sync._watcher is None and not window.team.sync.busy
    assert not window.home.team_bar.isVisible() and not window.home.filters.team.isVisible()
    assert window.home.table.isColumnHidden(OWNER)
    window.team.scan()  # Scan now, with nothing set: nothing happens
    assert not window.team.sync.busy


def test_the_team_workshops_arrive_in_the_background_and_follow_the_folder(
        qtbot, open_window, fresh_db, colleague, folder):
    first = share_closed(colleague, "Carers roundtable")
    team.set_team_folder(fresh_db, folder)
    mine = workshops.create_workshop(fresh_db, title="My own draft")
    window = open_window()
    assert listed(window) == [("My own draft", "Yours")]  # usable before the scan is done
    qtbot.waitUntil(lambda: ("Carers roundtable", TEAM) in listed(window), timeout=SCAN_WAIT_MS)
    assert window.home.team_bar.isVisible() and not window.home.table.isColumnHidden(OWNER)
    assert "1 team workshop" in window.home.team_bar.label.text()

    window.home.filters.team.setCurrentIndex(window.home.filters.team.findData(True))
    assert listed(window) == [("Carers roundtable", TEAM)]
    window.home.filters.team.setCurrentIndex(window.home.filters.team.findData(False))
    assert [t for t, _ in listed(window)] == ["My own draft"]
    window.home.filters.team.setCurrentIndex(0)

    colleague.clock.advance(60)
    workshops.reopen_workshop(colleague, first)
    workshops.edit_workshop(colleague, first, title="Carers roundtable, second round")
    workshops.close_workshop(colleague, first)  # written into the folder: the watcher sees it
    qtbot.waitUntil(lambda: ("Carers roundtable, second round", TEAM) in listed(window), timeout=SCAN_WAIT_MS)
    assert sorted(t for t, _ in listed(window)) == ["Carers roundtable, second round", "My own draft"]
    select(window, mine.id)
    assert window.home.share_action.isEnabled() and not window.home.copy_action.isEnabled()


def test_a_team_workshop_opens_read_only_and_copies_into_the_library(qtbot, open_window, fresh_db, colleague, folder):
    shared = share_closed(colleague, "Carers roundtable")
    team.set_team_folder(fresh_db, folder)
    team.scan(fresh_db)
    window = open_window()
    select(window, shared)
    assert not window.home.trash_action.isEnabled() and window.home.copy_action.isEnabled()
    assert window.open_workshop(shared)
    banner = window.review.banner
    assert window.reviewing and window.ops.read_only
    assert banner.closed.text() == "From the team folder — read only"
    assert banner.copy.isVisible() and not banner.reopen.isVisible()
    qtbot.mouseClick(banner.copy, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home
    copies = [s for s in fresh_db.summaries(origin="own")]
    assert [s.title for s in copies] == ["Carers roundtable"] and copies[0].id != shared
    assert window.home.selected_ids() == [copies[0].id]
    assert "Copied" in window.home.message.text()


def test_share_with_the_team_writes_the_file_anonymised_when_asked(qtbot, open_window, fresh_db, folder, monkeypatch):
    team.set_team_folder(fresh_db, folder)
    w = workshops.create_workshop(fresh_db, title="Roundtable", facilitator="Sam Whitfield", participants=["Ann"])
    monkeypatch.setattr(ShareDialog, "ask", classmethod(lambda cls, parent, title, anonymise: True))
    window = open_window()
    select(window, w.id)
    window.home.share_action.trigger()
    shared = list(folder.glob("*.json"))
    assert [p.name for p in shared] == [f"Roundtable_{w.id}.json"]
    assert "Sam" not in shared[0].read_text(encoding="utf-8")
    assert "anonymised" in window.home.message.text()


def test_choosing_a_team_folder_starts_the_watch_and_lists_its_problems(
        qtbot, open_window, fresh_db, folder, monkeypatch):
    (folder / "half.json").write_text('{"format": "collabdesk.workshop", "ver', encoding="utf-8")
    monkeypatch.setattr(TeamFolderDialog, "ask", classmethod(lambda cls, parent, current, anonymise: (
        str(folder), False)))
    window = open_window()
    window.home.team_action.trigger()
    assert team.team_folder(fresh_db) == folder.resolve()
    qtbot.waitUntil(lambda: window.home.team_bar.problems.isVisible(), timeout=SCAN_WAIT_MS)
    assert window.home.team_bar.problems.text() == "1 problem…"
    assert window.team.sync._watcher is not None


def test_the_problems_list_shows_file_names_and_reasons_as_plain_text(qtbot):
    from collabdesk.store.team import TeamProblem

    dialog = TeamProblemsDialog([TeamProblem("<b>odd</b>.json", "It is empty: <i>still</i> arriving.",
                                             "2026-03-01T10:00:00+00:00")], None)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == "<b>odd</b>.json"
    assert dialog.table.item(0, 1).text() == "It is empty: <i>still</i> arriving."


def test_the_team_bar_hides_without_a_folder(qtbot):
    bar = TeamBar()
    qtbot.addWidget(bar)
    bar.show_status(team.TeamStatus(folder=None, workshops=0, problems=[], anonymise=False))
    assert not bar.isVisibleTo(bar.parentWidget() or bar)


def test_a_template_is_shared_with_the_team_from_the_templates_dialog(qtbot, ops, fresh_db, folder):
    from collabdesk.ui.planning.templates_dialog import TemplatesDialog

    without = TemplatesDialog(ops)
    qtbot.addWidget(without)
    assert not without.share_button.isVisibleTo(without)  # no team folder: no button
    team.set_team_folder(fresh_db, folder)
    dialog = TemplatesDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.share_button.isVisible() and dialog.share_button.isEnabled()
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    shared = list(folder.glob("*.template.json"))
    assert len(shared) == 1 and shared[0].name in dialog.note.text()


def test_a_long_first_index_lists_what_has_arrived_and_how_far_it_is(open_window, fresh_db, colleague, folder):
    window = open_window()  # no team folder yet: nothing scans
    share_closed(colleague, "Carers roundtable")
    team.set_team_folder(fresh_db, folder)
    team.scan(fresh_db)  # what the worker has indexed so far
    window.team.sync.progress.emit(1, 1000, 1)
    assert ("Carers roundtable", TEAM) in listed(window)
    assert "(1 of 1,000 files)" in window.home.team_bar.label.text()
