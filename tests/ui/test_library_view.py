"""The library as the facilitator uses it: search, open, trash, duplicate, series, drop to import."""

import shutil
import warnings

import pytest
from PySide6.QtCore import QModelIndex, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from collabdesk.domain.errors import ValidationError
from collabdesk.domain.model import SearchHit
from collabdesk.services import library as library_services
from collabdesk.services import notes, workshops
from collabdesk.services.library import SearchResult
from collabdesk.store import Store
from collabdesk.ui.common.events import EventHub
from collabdesk.ui.operations import Operations
from collabdesk.ui.common import prompts
from collabdesk.ui.library.model import FACILITATOR, FIRST_PAGE, NOTES, PAGE_SIZE, STATUS, TITLE, LibraryModel
from collabdesk.ui.library.search import (
    HIGHLIGHT, SearchResultsModel, plain_text, snippet_line, where_line,
)
from collabdesk.ui.library.sidebar import TRASH
from collabdesk.ui.library.view import LibraryView
from tests.store.library_data import NEEDLE_WORDS, build_library, rich_workshop
from tests.ui.desk import type_text


@pytest.fixture(scope="module")
def thousand_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("library-ui") / "thousand.sqlite"
    with Store(path) as store:
        needle = build_library(store)
    return path, needle


@pytest.fixture
def thousand(thousand_file, tmp_path):
    """A private copy of the thousand-workshop library, so a test may change it."""
    source, needle = thousand_file
    path = tmp_path / "copy.sqlite"
    shutil.copy(source, path)
    store = Store(path)
    yield store, needle
    store.close()


@pytest.fixture
def asked(monkeypatch):
    """Answers for the library's questions; records what was asked and what errors it showed."""
    record = {"ask": [], "errors": [], "answer": True, "text": None}
    monkeypatch.setattr(prompts, "ask", lambda parent, title, question, **kw: (
        record["ask"].append(question), record["answer"])[1])
    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, text="": record["text"])
    monkeypatch.setattr(prompts, "show_error", lambda parent, message: record["errors"].append(message))
    return record


def make_view(qtbot, store) -> LibraryView:
    view = LibraryView(Operations(store, EventHub()))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    with qtbot.waitActive(view):  # keyboard shortcuts reach only the active window
        view.show()
        view.activateWindow()
    return view


def select_title(view: LibraryView, title: str) -> str:
    for row in range(view.proxy.rowCount()):
        if view.proxy.index(row, TITLE).data() == title:
            view.table.setFocus()
            view.table.selectRow(row)
            return view.proxy.summary(view.proxy.index(row, TITLE)).id
    raise AssertionError(f"{title!r} is not listed")


def table_titles(view: LibraryView) -> list[str]:
    return [view.proxy.index(r, TITLE).data() for r in range(view.proxy.rowCount())]


# -- search --------------------------------------------------------------------------
def test_typing_any_word_of_a_note_finds_it_and_enter_opens_that_note(qtbot, thousand):
    store, needle = thousand
    view = make_view(qtbot, store)
    expected = [needle["workshop_id"], needle["exercise_id"], needle["note_id"]]
    for word in NEEDLE_WORDS:
        view.search_box.clear()
        type_text(qtbot, view.search_box, word)
        assert view.search_box.text() == word
        qtbot.waitUntil(lambda: view.pages.currentWidget() is view.results_page and view.results_model.rowCount())
        first = view.results_model.result_at(0)
        assert (first.hit.kind, first.hit.record_id) == ("note", str(needle["note_id"])), word
        with qtbot.waitSignal(view.open_note_requested) as opened:
            qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
        assert opened.args == expected, word


def test_double_clicking_a_result_opens_it(qtbot, thousand):
    store, needle = thousand
    view = make_view(qtbot, store)
    view.search_for("stubborn")
    rect = view.results.visualRect(view.results_model.index(0))
    qtbot.mouseClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click
    with qtbot.waitSignal(view.open_note_requested) as opened:  # starts with a press on the same item
        qtbot.mouseDClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [needle["workshop_id"], needle["exercise_id"], needle["note_id"]]


def test_escape_clears_the_search_and_brings_the_list_back(qtbot, thousand):
    store, _ = thousand
    view = make_view(qtbot, store)
    view.search_for("calendar")
    assert view.pages.currentWidget() is view.results_page
    qtbot.keyClick(view.search_box, Qt.Key.Key_Escape)
    assert view.search_box.text() == "" and view.pages.currentWidget() is view.library_page


def test_results_name_the_workshop_exercise_and_domain(qtbot, fresh_db, asked):
    w = rich_workshop(fresh_db)
    view = make_view(qtbot, fresh_db)
    view.search_for("地域")
    (result,) = [view.results_model.result_at(r) for r in range(view.results_model.rowCount())]
    text = view.results_model.index(0).data()
    assert text.startswith("Note · Roundtable <b>&amp;</b> · Heart · Heart\n")
    row = view.results.visualRect(view.results_model.index(0))
    image = view.results.viewport().grab(row).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert HIGHLIGHT.lower() in colours and "#c8414b" in colours  # the match, marked; the domain's swatch
    assert result.domain.colour == "#C8414B"
    with qtbot.waitSignal(view.open_note_requested) as opened:
        view.results.activated.emit(view.results_model.index(0))
    assert opened.args[:2] == [w.id, fresh_db.exercises(w.id)[1].id]
    assert asked["ask"] == [f"Start this workshop now? “{w.title}” becomes Running."]  # a draft


def test_user_markup_is_shown_as_text_and_only_matches_are_highlighted():
    typed = "<b>Budget</b> &amp; <img src=x> 合作"
    hit = SearchHit("w", "<i>Title</i>\n", "note", "1", typed, ("budget", "合作"))
    result = SearchResult(hit, "<script>x</script>")
    where, words = where_line(result), snippet_line(hit.snippet)
    assert where.text == "Note · <i>Title</i> · <script>x</script>"
    assert [(where.text[s:s + n], style) for s, n, style in where.spans] == [
        ("Note", "muted"), ("<i>Title</i>", "title")]
    assert words.text == typed
    assert [(words.text[s:s + n], style) for s, n, style in words.spans] == [("Budget", "match"), ("合作", "match")]
    assert plain_text(result) == f"{where.text}\n{typed}"


# -- the list: filters and sorting through the widgets --------------------------------
def test_the_first_page_is_what_shows_and_the_next_ones_are_full_pages(qtbot, thousand):
    store, _ = thousand
    model = LibraryModel(store)
    assert model.rowCount() == FIRST_PAGE  # a start reads no more than shows
    model.fetchMore(QModelIndex())
    assert model.rowCount() == FIRST_PAGE + PAGE_SIZE and not model.complete


def test_filter_widgets_and_header_clicks_filter_and_sort_every_workshop(qtbot, thousand):
    store, _ = thousand
    view = make_view(qtbot, store)
    assert view.model.rowCount() == FIRST_PAGE and not view.model.complete  # lazily: what shows first
    view.filters.facilitator.setCurrentIndex(view.filters.facilitator.findText("Kenji Sato"))
    assert view.proxy.rowCount() == 333
    assert {view.proxy.index(r, FACILITATOR).data() for r in range(view.proxy.rowCount())} == {"Kenji Sato"}
    qtbot.keyClicks(view.filters.text, "roundtable 99")
    assert sorted(table_titles(view)) == ["Neighbourhood roundtable 992", "Neighbourhood roundtable 995",
                                  "Neighbourhood roundtable 998"]
    view.filters.clear_button.click()
    assert view.proxy.rowCount() == 1000
    view.filters.from_check.setChecked(True)
    view.filters.from_date.setDate(view.filters.from_date.date().fromString("2025-01-01", Qt.DateFormat.ISODate))
    view.filters.to_check.setChecked(True)
    view.filters.to_date.setDate(view.filters.to_date.date().fromString("2025-12-31", Qt.DateFormat.ISODate))
    dates = [view.proxy.summary(view.proxy.index(r, 0)).date for r in range(view.proxy.rowCount())]
    in_2025 = [s for s in store.summaries() if s.date.startswith("2025-")]
    assert len(dates) == len(in_2025) > 100 and all(d.startswith("2025-") for d in dates)
    view.filters.clear_button.click()

    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(TITLE) + 20, header.height() // 2))
    assert view.model.complete
    shown = table_titles(view)
    assert shown == sorted(shown, key=str.casefold) or shown == sorted(shown, key=str.casefold, reverse=True)
    assert len(shown) == 1000


def test_status_filter_through_its_combo(qtbot, fresh_db):
    rich_workshop(fresh_db, "Drafted")
    running = rich_workshop(fresh_db, "Running now")
    workshops.start_workshop(fresh_db, running.id)
    view = make_view(qtbot, fresh_db)
    view.filters.status.setCurrentIndex(view.filters.status.findText("Running"))
    assert table_titles(view) == ["Running now"]
    assert view.proxy.index(0, STATUS).data() == "Running"
    view.proxy.sort(NOTES, Qt.SortOrder.DescendingOrder)


# -- trash, undo, duplicate ------------------------------------------------------------
def test_delete_key_trashes_and_undo_brings_it_back_intact(qtbot, fresh_db, asked):
    rich_workshop(fresh_db, "Keep")
    gone = rich_workshop(fresh_db, "Trash me")
    before = fresh_db.content(gone.id)
    view = make_view(qtbot, fresh_db)
    select_title(view, "Trash me")
    with qtbot.waitSignal(view.library_changed):
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert table_titles(view) == ["Keep"] and fresh_db.workshop(gone.id).deleted
    assert view.message.text() == "Moved 1 workshop to the trash." and view.undo_button.isVisible()
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert sorted(table_titles(view)) == ["Keep", "Trash me"]
    assert fresh_db.content(gone.id) == before and view.selected_ids() == [gone.id]
    assert asked["ask"] == []  # moving to the trash is undoable: no question


def test_emptying_the_trash_asks_first_then_deletes_for_good(qtbot, fresh_db, asked):
    kept = rich_workshop(fresh_db, "Keep")
    gone = rich_workshop(fresh_db, "Gone for good")
    view = make_view(qtbot, fresh_db)
    select_title(view, "Gone for good")
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    view.sidebar.select_place(TRASH)
    assert view.pages.currentWidget() is view.trash
    assert view.trash.model.rowCount() == 1

    asked["answer"] = False
    qtbot.mouseClick(view.trash.empty_button, Qt.MouseButton.LeftButton)
    assert len(asked["ask"]) == 1 and "cannot be undone" in asked["ask"][0]
    assert fresh_db.workshop_count(trashed=True) == 1

    asked["answer"] = True
    with qtbot.waitSignal(view.library_changed):
        qtbot.mouseClick(view.trash.empty_button, Qt.MouseButton.LeftButton)
    assert view.trash.model.rowCount() == 0 and fresh_db.workshop_count(trashed=True) == 0
    assert {r.hit.workshop_id for r in library_services.search(fresh_db, "budget")} == {kept.id}
    view.search_for("Gone")
    assert view.results_model.rowCount() == 0
    assert "Trash (0)" in [view.sidebar.places.item(r).text() for r in range(view.sidebar.places.count())]
    assert gone.id not in {s.id for s in fresh_db.summaries(trashed=True)}


def test_restore_from_the_trash_view(qtbot, fresh_db, asked):
    gone = rich_workshop(fresh_db, "Back again")
    before = fresh_db.content(gone.id)
    library_services.trash_workshops(fresh_db, [gone.id])
    view = make_view(qtbot, fresh_db)
    view.sidebar.select_place(TRASH)
    view.trash.table.selectRow(0)
    qtbot.mouseClick(view.trash.restore_button, Qt.MouseButton.LeftButton)
    assert fresh_db.content(gone.id) == before and fresh_db.workshop_count(trashed=True) == 0


def test_ctrl_d_duplicates_the_agenda_without_the_notes(qtbot, fresh_db):
    source = rich_workshop(fresh_db, "Original")
    view = make_view(qtbot, fresh_db)
    select_title(view, "Original")
    with qtbot.waitSignal(view.workshop_created) as created:
        qtbot.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copy_id = created.args[0]
    assert view.selected_ids() == [copy_id]
    assert [e.title for e in fresh_db.exercises(copy_id)] == [e.title for e in fresh_db.exercises(source.id)]
    assert fresh_db.content(copy_id).notes == ()
    assert view.proxy.index(0, TITLE).data() == "Original (copy)"


def test_enter_on_the_table_opens_a_running_workshop_without_asking(qtbot, fresh_db, asked):
    made = rich_workshop(fresh_db)
    workshops.start_workshop(fresh_db, made.id)
    view = make_view(qtbot, fresh_db)
    select_title(view, made.title)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [made.id] and asked["ask"] == []


@pytest.mark.parametrize("way", ["the list", "a search hit"])
def test_opening_a_draft_asks_before_starting_it(qtbot, fresh_db, asked, way):
    made = workshops.create_workshop(fresh_db, title="Still a draft")
    exercise = fresh_db.exercises(made.id)[0]
    note = notes.add_note(fresh_db, exercise.id, "Shared calendars for the discharge team")
    view = make_view(qtbot, fresh_db)
    if way == "the list":
        select_title(view, made.title)
        where, opening, expected = view.table, view.open_requested, [made.id]
    else:
        type_text(qtbot, view.search_box, "calendars")
        qtbot.waitUntil(lambda: view.pages.currentWidget() is view.results_page and view.results_model.rowCount())
        where, opening, expected = view.search_box, view.open_note_requested, [made.id, exercise.id, note.id]
    asked["answer"] = False
    with qtbot.assertNotEmitted(opening):
        qtbot.keyClick(where, Qt.Key.Key_Return)
    assert asked["ask"] == ["Start this workshop now? “Still a draft” becomes Running."]
    assert fresh_db.workshop(made.id).status == "draft"
    asked["answer"] = True
    with qtbot.waitSignal(opening) as opened:
        qtbot.keyClick(where, Qt.Key.Key_Return)
    assert opened.args == expected and len(asked["ask"]) == 2


def test_double_clicking_a_draft_asks_too(qtbot, fresh_db, asked):
    made = workshops.create_workshop(fresh_db, title="Still a draft")
    view = make_view(qtbot, fresh_db)
    select_title(view, made.title)
    rect = view.table.visualRect(view.table.currentIndex())
    qtbot.mousePress(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's press
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [made.id] and len(asked["ask"]) == 1


def test_a_message_bar_does_not_move_the_rows_under_the_pointer(qtbot, fresh_db, asked):
    made = rich_workshop(fresh_db)
    view = make_view(qtbot, fresh_db)
    select_title(view, made.title)
    before = (view.table.mapTo(view, QPoint(0, 0)), view.table.size())
    view.trash_action.trigger()  # "Moved … to the trash" with Undo
    view.layout().activate()
    assert view.message_bar.isVisible() and view.undo_button.isVisible()
    assert (view.table.mapTo(view, QPoint(0, 0)), view.table.size()) == before
    view.show_message("A line without Undo")
    view.layout().activate()
    assert (view.table.mapTo(view, QPoint(0, 0)), view.table.size()) == before


def test_save_agenda_as_template_asks_for_a_name(qtbot, fresh_db, asked):
    made = rich_workshop(fresh_db)
    view = make_view(qtbot, fresh_db)
    select_title(view, made.title)
    asked["text"] = "Roundtable plan"
    view.template_action.trigger()
    assert library_services.template(fresh_db, "roundtable-plan").agenda
    view.template_action.trigger()
    assert asked["errors"] == ["A template called 'Roundtable plan' already exists."]


# -- series ----------------------------------------------------------------------------
def test_series_made_from_the_sidebar_hold_workshops_and_filter_the_list(qtbot, fresh_db, asked):
    first = rich_workshop(fresh_db, "March roundtable")
    rich_workshop(fresh_db, "Unrelated")
    view = make_view(qtbot, fresh_db)
    asked["text"] = "Spring series"
    qtbot.mouseClick(view.sidebar.new_series_button, Qt.MouseButton.LeftButton)
    (series,) = fresh_db.series_list()
    select_title(view, "March roundtable")
    view.move_selection_to_series(series.id)
    assert fresh_db.workshop(first.id).series_id == series.id
    view.sidebar.select_place(("series", series.id))
    assert table_titles(view) == ["March roundtable"]
    with qtbot.waitSignal(view.series_report_requested) as report:
        view.sidebar.series_report_requested.emit(series.id)
    assert report.args == [series.id]
    asked["text"] = "Spring series 2026"
    view.sidebar.rename_series_requested.emit(series.id)
    assert fresh_db.series(series.id).title == "Spring series 2026"
    view.sidebar.delete_series_requested.emit(series.id)
    assert fresh_db.series_list() == [] and sorted(table_titles(view)) == ["March roundtable", "Unrelated"]


# -- drop a file to import -------------------------------------------------------------
def drop(view, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    with warnings.catch_warnings():  # PySide offers only this constructor, and marks it deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, enter)
    if enter.isAccepted():
        QApplication.sendEvent(view, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    return enter.isAccepted()


def test_dropping_workshop_files_imports_them_and_shows_what_failed(qtbot, fresh_db, asked, monkeypatch, tmp_path):
    def fake_import(store, path):
        if "broken" in str(path):
            raise ValidationError("Cannot import broken.json: the file is not a CollabDesk workshop.")
        return workshops.create_workshop(store, title="Imported <b>roundtable</b>").id

    monkeypatch.setattr("collabdesk.services.files.import_workshop_file", fake_import)  # what the operation calls
    view = make_view(qtbot, fresh_db)
    assert not drop(view, [tmp_path / "notes.txt"])
    with qtbot.waitSignal(view.library_changed):
        assert drop(view, [tmp_path / "good.json", tmp_path / "broken.json"])
    assert table_titles(view) == ["Imported <b>roundtable</b>"] and len(view.selected_ids()) == 1
    assert asked["errors"] == ["Cannot import broken.json: the file is not a CollabDesk workshop."]


def test_a_workshop_beyond_the_first_page_is_loaded_to_be_selected(qtbot, thousand):
    store, _ = thousand
    view = make_view(qtbot, store)
    oldest = store.summaries()[-1]
    assert view.model.row_of(oldest.id) is None
    assert view.select_workshops([oldest.id]) and view.selected_ids() == [oldest.id]


def test_a_note_added_elsewhere_shows_after_refresh(qtbot, fresh_db):
    made = rich_workshop(fresh_db)
    view = make_view(qtbot, fresh_db)
    notes.add_note(fresh_db, fresh_db.exercises(made.id)[0].id, "late idea")
    view.refresh()
    assert view.proxy.index(0, NOTES).data() == 4


def test_search_results_model_passes_the_model_tester(qtmodeltester, fresh_db):
    rich_workshop(fresh_db)
    model = SearchResultsModel()
    model.set_results(library_services.search(fresh_db, "budget"))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_delete_key_in_the_trash_deletes_for_good_after_asking(qtbot, fresh_db, asked):
    kept = rich_workshop(fresh_db, "Also in the trash")
    gone = rich_workshop(fresh_db, "Delete me for good")
    library_services.trash_workshops(fresh_db, [kept.id, gone.id])
    view = make_view(qtbot, fresh_db)
    view.sidebar.select_place(TRASH)
    trash = view.trash
    row = next(r for r in range(trash.proxy.rowCount()) if trash.proxy.index(r, TITLE).data() == "Delete me for good")
    trash.table.setFocus()
    trash.table.selectRow(row)
    qtbot.keyClick(trash.table, Qt.Key.Key_Delete)
    assert "Delete this workshop for good" in asked["ask"][0]
    assert [s.id for s in fresh_db.summaries(trashed=True)] == [kept.id]
