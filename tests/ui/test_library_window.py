"""The library as the main window's home: search hits opened at their note, reuse from the
window's menus, the trash, dropped files, and the series report written from the app."""

import shutil
import warnings

import pypdf
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from collabdesk.services import library as library_services
from collabdesk.services import notes, workshops
from collabdesk.services.files import export_workshop_json
from collabdesk.store import Store
from collabdesk.ui.shell import main_window
from collabdesk.ui.actions.panel import ActionsDock
from collabdesk.ui.common import file_dialogs, prompts
from collabdesk.ui.library.model import TITLE
from collabdesk.ui.library.sidebar import TRASH
from collabdesk.ui.planning.templates_dialog import TemplatesDialog
from collabdesk.ui.export.series import SeriesReportDialog
from tests.report.html_reading import Page
from tests.report.pdf_text import contains, squash
from tests.store.library_data import NEEDLE, NEEDLE_WORDS, build_library, rich_workshop
from tests.ui.desk import make_window
from tests.ui.desk import type_text

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def thousand_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("library-window") / "thousand.sqlite"
    with Store(path) as store:
        needle = build_library(store)
    return path, needle


@pytest.fixture
def thousand(thousand_file, tmp_path, clock):
    source, needle = thousand_file
    path = tmp_path / "copy.sqlite"
    shutil.copy(source, path)
    store = Store(path, clock=clock)
    yield store, needle
    store.close()


@pytest.fixture
def asked(monkeypatch):
    record = {"ask": [], "errors": [], "answer": True, "text": None, "confirm": True}
    monkeypatch.setattr(prompts, "ask", lambda parent, title, question, **kw: (
        record["ask"].append(question), record["answer"])[1])
    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, text="": record["text"])
    monkeypatch.setattr(prompts, "show_error", lambda parent, message: record["errors"].append(message))
    monkeypatch.setattr(main_window.MainWindow, "show_error",
                        lambda self, title, message: record["errors"].append(message))
    monkeypatch.setattr(main_window.MainWindow, "confirm", lambda self, question, yes: record["confirm"])
    return record


def search_and_open(qtbot, window, text: str) -> None:
    library = window.home
    library.search_box.setFocus()
    library.search_box.clear()
    type_text(qtbot, library.search_box, text)
    qtbot.waitUntil(lambda: library.pages.currentWidget() is library.results_page
                    and library.results_model.rowCount() > 0)
    qtbot.keyClick(library.search_box, Qt.Key.Key_Return)


def selected_on(scene) -> list[int]:
    return scene.selected_note_ids()


def select_title(window, title: str) -> str:
    library = window.home
    for row in range(library.proxy.rowCount()):
        if library.proxy.index(row, TITLE).data() == title:
            library.table.setFocus()
            library.table.selectRow(row)
            return library.proxy.summary(library.proxy.index(row, TITLE)).id
    raise AssertionError(f"{title!r} is not listed")


# -- search hits ---------------------------------------------------------------------------
def test_a_search_hit_among_a_thousand_workshops_opens_with_that_note_selected(qtbot, thousand, settings, clock):
    store, needle = thousand
    window = make_window(qtbot, store, settings, clock)
    for word in NEEDLE_WORDS:  # the needle's workshop is closed: it opens read only, at the note
        search_and_open(qtbot, window, word)
        assert window.reviewing and window.workshop_id == needle["workshop_id"], word
        review = window.review
        assert review.exercise.id == needle["exercise_id"]
        assert selected_on(review.board_scene) == [needle["note_id"]], word
        card = review.board_scene.cards[needle["note_id"]]
        assert card.note.text == NEEDLE
        assert review.board.viewport().rect().intersects(review.board.mapFromScene(card.sceneBoundingRect())
                                                          .boundingRect())
        qtbot.keyClick(review, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.home

    workshops.reopen_workshop(store, needle["workshop_id"])  # now live: the hit opens in the run view
    notes.add_note(store, needle["exercise_id"], "Another note so the needle is not alone")
    search_and_open(qtbot, window, "التعاون")
    run_view = window.run_view
    assert window.stack.currentWidget() is run_view and run_view.exercise.id == needle["exercise_id"]
    assert selected_on(run_view.board_scene) == [needle["note_id"]]
    assert run_view.board.hasFocus() and window.actions["delete"].isEnabled()


def test_an_action_hit_opens_the_actions_panel_at_that_action(qtbot, fresh_db, settings, clock):
    made = rich_workshop(fresh_db, "Live roundtable")
    workshops.start_workshop(fresh_db, made.id)
    window = make_window(qtbot, fresh_db, settings, clock)
    window.home.search_for("Book the next room")
    results = window.home.results_model
    row = next(r for r in range(results.rowCount()) if results.result_at(r).hit.kind == "action")
    hit = results.result_at(row)
    window.home.results.setCurrentIndex(results.index(row))
    with qtbot.waitSignal(window.home.open_action_requested):
        qtbot.keyClick(window.home.search_box, Qt.Key.Key_Return)
    dock = window.run_view.side_panel.currentWidget()
    assert isinstance(dock, ActionsDock) and dock.panel.current_action().id == int(hit.hit.record_id)
    assert dock.table.hasFocus()


# -- reuse through the window's menus ------------------------------------------------------
def test_duplicate_and_template_from_the_menus_give_the_agenda_and_none_of_the_notes(
        qtbot, fresh_db, settings, clock, asked, monkeypatch):
    source = rich_workshop(fresh_db, "Spring roundtable")
    agenda = [(e.domain_key, e.title, e.prompt, e.timer.planned) for e in fresh_db.exercises(source.id)]
    window = make_window(qtbot, fresh_db, settings, clock)
    window.open_workshop(source.id)  # from the run view: it acts on the open workshop
    window.actions["duplicate"].trigger()
    copy = next(s for s in fresh_db.summaries() if s.title == "Spring roundtable (copy)")
    assert [(e.domain_key, e.title, e.prompt, e.timer.planned) for e in fresh_db.exercises(copy.id)] == agenda
    assert fresh_db.content(copy.id).notes == () and fresh_db.content(copy.id).actions == ()
    assert [p.name for p in fresh_db.participants(copy.id)] == [p.name for p in fresh_db.participants(source.id)]
    assert "Spring roundtable (copy)" in window.statusBar().currentMessage()

    asked["text"] = "Spring plan"
    window.actions["save_template"].trigger()
    template = library_services.template(fresh_db, "spring-plan")
    assert [(i.domain_key, i.title, i.prompt, i.minutes * 60) for i in template.agenda] == agenda

    def use_the_template(dialog):
        row = next(r for r in range(dialog.templates.count()) if dialog.templates.item(r).text().startswith("Spring"))
        dialog.templates.setCurrentRow(row)
        asked["text"] = "Autumn roundtable"
        qtbot.mouseClick(dialog.use_button, LEFT)
        return 0

    monkeypatch.setattr(TemplatesDialog, "exec", use_the_template)
    window.show_home()
    window.actions["templates"].trigger()
    made = next(s for s in fresh_db.summaries() if s.title == "Autumn roundtable")
    assert [(e.domain_key, e.title, e.prompt, e.timer.planned) for e in fresh_db.exercises(made.id)] == agenda
    assert fresh_db.content(made.id).notes == ()
    assert window.home.selected_ids() == [made.id]


# -- the trash -----------------------------------------------------------------------------
def test_trash_restores_intact_and_emptying_it_leaves_nothing_to_find_or_open(
        qtbot, fresh_db, settings, clock, asked):
    rich_workshop(fresh_db, "Keep me")
    gone = rich_workshop(fresh_db, "Throw me away")
    notes.add_note(fresh_db, fresh_db.exercises(gone.id)[0].id, "Zebra crossing outside the venue")
    before = fresh_db.content(gone.id, include_deleted=True)
    window = make_window(qtbot, fresh_db, settings, clock)
    library = window.home
    select_title(window, "Throw me away")
    qtbot.keyClick(library.table, Qt.Key.Key_Delete)
    library.sidebar.select_place(TRASH)
    library.trash.table.selectRow(0)
    qtbot.mouseClick(library.trash.restore_button, LEFT)
    assert fresh_db.content(gone.id, include_deleted=True) == before

    library.sidebar.select_place(("all", None))
    select_title(window, "Throw me away")
    qtbot.keyClick(library.table, Qt.Key.Key_Delete)
    library.sidebar.select_place(TRASH)
    qtbot.mouseClick(library.trash.empty_button, LEFT)
    assert "cannot be undone" in asked["ask"][-1]
    search_box = library.search_box
    library.search_for("Zebra")
    assert library.results_model.rowCount() == 0 and "Nothing found" in library.results_heading.text()
    assert search_box.text() == "Zebra"
    assert not window.open_workshop(gone.id) and len(asked["errors"]) == 1  # "no workshop has the id…"
    assert window.stack.currentWidget() is window.home


def test_ctrl_z_in_the_library_takes_a_workshop_back_out_of_the_trash(qtbot, fresh_db, settings, clock, asked):
    rich_workshop(fresh_db, "Keep me")
    window = make_window(qtbot, fresh_db, settings, clock)
    select_title(window, "Keep me")
    qtbot.keyClick(window.home.table, Qt.Key.Key_Delete)
    assert [s.title for s in fresh_db.summaries()] == []
    qtbot.keyClick(window.home.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.title for s in fresh_db.summaries()] == ["Keep me"]


# -- files dropped on the window -------------------------------------------------------------
def drag(widget, mime: QMimeData) -> bool:
    """Drag ``mime`` over ``widget`` and drop it, as the platform does: into its window's QWindow,
    which hands the drag to the widget under the pointer; whether the drag was accepted."""
    window = widget.window().windowHandle()
    at = widget.mapTo(widget.window(), QPoint(5, 5))
    with warnings.catch_warnings():  # PySide offers only this constructor, and marks it deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if enter.isAccepted():
        QApplication.sendEvent(window, QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime,
                                                  Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    return enter.isAccepted()


def drop_on(widget, paths) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return drag(widget, mime)


def test_workshop_files_dropped_on_the_window_are_imported_safely(qtbot, fresh_db, settings, clock, asked, tmp_path):
    original = rich_workshop(fresh_db, "Travelling <b>roundtable</b>")
    good = tmp_path / "travelling.json"
    good.write_text(export_workshop_json(fresh_db, original.id), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "collabdesk.workshop", "version": 1, "workshop": {"title": ', encoding="utf-8")
    live = rich_workshop(fresh_db, "Running now")
    window = make_window(qtbot, fresh_db, settings, clock)
    window.open_workshop(live.id)  # dropped on the run view: it stays open
    assert not drop_on(window, [tmp_path / "notes.txt"])
    assert drop_on(window, [good, broken])
    copies = [s for s in fresh_db.summaries() if s.title == original.title]
    assert len(copies) == 2
    imported = next(s for s in copies if s.id != original.id)
    assert fresh_db.content(imported.id).notes != () and window.stack.currentWidget() is window.run_view
    assert "Imported 1 workshop" in window.statusBar().currentMessage()
    assert len(asked["errors"]) == 1 and "broken.json" in asked["errors"][0]
    window.show_home()
    assert imported.id in window.home.selected_ids()


def test_workshop_files_dropped_on_the_board_or_the_note_entry_are_imported(qtbot, fresh_db, settings, clock,
                                                                            tmp_path):
    original = rich_workshop(fresh_db, "Dropped on the run view")
    good = tmp_path / "dropped.json"
    good.write_text(export_workshop_json(fresh_db, original.id), encoding="utf-8")
    live = rich_workshop(fresh_db, "Running now")
    window = make_window(qtbot, fresh_db, settings, clock)
    window.open_workshop(live.id)
    entry = window.run_view.capture.entry
    for target in (window.run_view.board.viewport(), entry.viewport()):
        assert drop_on(target, [good])
    assert len([s for s in fresh_db.summaries() if s.title == original.title]) == 3
    assert entry.toPlainText() == "" and window.stack.currentWidget() is window.run_view
    assert not drop_on(entry.viewport(), [fresh_db.path])  # the database's own file is never opened
    assert not drop_on(window.run_view.board.viewport(), [tmp_path / "notes.txt"])
    assert entry.toPlainText() == "" and len([s for s in fresh_db.summaries() if s.title == original.title]) == 3


def test_plain_text_dropped_on_the_note_entry_is_still_text(qtbot, fresh_db, settings, clock):
    window = make_window(qtbot, fresh_db, settings, clock)
    window.open_workshop(rich_workshop(fresh_db, "Running now").id)
    entry = window.run_view.capture.entry
    mime = QMimeData()
    mime.setText("Dropped words")
    assert drag(entry.viewport(), mime)
    assert entry.toPlainText() == "Dropped words"


def test_import_from_the_file_menu_lists_and_selects_the_workshop(qtbot, fresh_db, settings, clock, asked,
                                                                   tmp_path, monkeypatch):
    original = rich_workshop(fresh_db, "Imported by menu")
    path = tmp_path / "menu.json"
    path.write_text(export_workshop_json(fresh_db, original.id), encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "open_files", lambda *a, **k: [str(path)])
    window = make_window(qtbot, fresh_db, settings, clock)
    qtbot.keyClick(window.home.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len([s for s in fresh_db.summaries() if s.title == "Imported by menu"]) == 2
    assert window.home.proxy.summary(window.home.table.currentIndex()).title == "Imported by menu"


def test_the_library_follows_workshops_made_while_it_is_shown(qtbot, fresh_db, settings, clock):
    window = make_window(qtbot, fresh_db, settings, clock)
    window.ops.create_workshop(title="Made elsewhere in the app")
    assert window.home.proxy.index(0, TITLE).data() == "Made elsewhere in the app"


# -- the series report from the app --------------------------------------------------------------
@pytest.fixture
def series(fresh_db):
    """Three workshops in a series, with open and finished actions, and one outside it."""
    members = [rich_workshop(fresh_db, f"Northfield roundtable {n} <i>&amp;</i>") for n in (1, 2, 3)]
    for member in members:
        actions = fresh_db.actions(member.id)
        from collabdesk.services import actions as action_services

        action_services.edit_action(fresh_db, actions[0].id, status="done")
        workshops.start_workshop(fresh_db, member.id)
        workshops.close_workshop(fresh_db, member.id, backup=False)
    rich_workshop(fresh_db, "Not in the series")
    made = library_services.create_series(fresh_db, "Northfield 2026")
    library_services.add_to_series(fresh_db, [m.id for m in members], made.id)
    return made, members


@pytest.mark.parametrize("chosen", ["pdf", "html", "md"])
def test_the_series_report_from_the_library_holds_every_workshop_and_open_action(
        qtbot, fresh_db, settings, clock, series, tmp_path, monkeypatch, chosen):
    made, members = series
    target = tmp_path / f"northfield.{chosen}"
    progress, opened = [], []

    def write_it(dialog):  # what the facilitator does in the (modal) dialog
        dialog.show()
        dialog.format.setCurrentIndex(dialog.format.findData(chosen))
        dialog.progress.valueChanged.connect(progress.append)
        dialog.path.setText(str(target))
        with qtbot.waitSignal(dialog.written, timeout=60_000):
            qtbot.mouseClick(dialog.write_button, LEFT)
        assert not dialog.progress.isVisible() and dialog.open_file.isVisible()
        qtbot.mouseClick(dialog.open_file, LEFT)
        qtbot.mouseClick(dialog.open_folder, LEFT)
        return 0

    monkeypatch.setattr(SeriesReportDialog, "exec", write_it)
    monkeypatch.setattr(SeriesReportDialog, "open_path", staticmethod(opened.append))
    window = make_window(qtbot, fresh_db, settings, clock)
    window.home.sidebar.select_place(("series", made.id))
    window.home.sidebar.series_report_requested.emit(made.id)  # the series' right-click menu
    assert opened == [target, tmp_path] and not list(tmp_path.glob(".*.partial"))
    if chosen == "pdf":
        text = squash("\n".join(page.extract_text() for page in pypdf.PdfReader(target).pages))
        assert progress and max(progress) == 100
    elif chosen == "html":
        text = squash(Page(target.read_text(encoding="utf-8")).root.text)
    else:
        text = squash(target.read_text(encoding="utf-8").replace("&lt;", "<").replace("&amp;", "&"))
    assert contains(text, "Northfield 2026")
    for member in members:
        assert contains(text, member.title), member.title
    open_actions = [a for m in members for a in fresh_db.actions(m.id) if a.status in ("open", "in progress")]
    assert len(open_actions) == 3
    for action in open_actions:
        assert contains(text, action.text) and contains(text, action.owner)
    assert not contains(text, "Not in the series")


def test_a_series_without_workshops_is_explained_not_reported(qtbot, fresh_db, settings, clock, asked):
    made = library_services.create_series(fresh_db, "Nothing yet")
    window = make_window(qtbot, fresh_db, settings, clock)
    window.write_series_report(made.id)
    assert asked["errors"] == ["The series 'Nothing yet' has no workshops to report on yet."]
