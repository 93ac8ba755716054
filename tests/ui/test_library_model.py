"""The library's Qt model and proxy: lazy pages, qtmodeltester, filters and sorting."""

import pytest
from PySide6.QtCore import QModelIndex, Qt

from collabdesk.domain.dates import short_date
from collabdesk.services import workshops
from collabdesk.ui.library.model import (
    DATE, NOTES, STATUS, SUMMARY_ROLE, TITLE, UNDATED, LibraryFilter, LibraryModel,
)
from tests.store.library_data import rich_workshop


@pytest.fixture
def dated(fresh_db, clock):
    """Seven workshops across three years, two facilitators, all three statuses."""
    made = []
    for title, date, who in [("Alpha", "2024-02-01", "Ann"), ("Bravo", "2025-05-05", "Bo"),
                             ("Charlie", "2025-11-30", "Ann"), ("Delta", "", "Bo"), ("Echo", "2026-01-10", "Ann"),
                             ("Foxtrot", "2023-07-07", "Bo"), ("Golf", "2026-03-01", "Ann")]:
        made.append(workshops.create_workshop(fresh_db, title=title, date=date, facilitator=who))
        clock.advance(10)
    workshops.start_workshop(fresh_db, made[2].id)
    workshops.close_workshop(fresh_db, made[0].id)
    return fresh_db


def titles(model) -> list[str]:
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def test_model_and_proxy_pass_the_model_tester(qtmodeltester, dated):
    rich_workshop(dated)
    model = LibraryModel(dated, page_size=3)
    qtmodeltester.check(model)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.set_status("draft")
    proxy.sort(NOTES, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_rows_arrive_a_page_at_a_time_in_library_order(dated):
    model = LibraryModel(dated, page_size=3)
    assert titles(model) == ["Delta", "Golf", "Echo"]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert titles(model) == ["Delta", "Golf", "Echo", "Charlie", "Bravo", "Alpha", "Foxtrot"]
    assert not model.canFetchMore(QModelIndex())
    assert model.index(0, TITLE).data(SUMMARY_ROLE).title == "Delta"


def test_cells_show_readable_dates_statuses_and_counts(fresh_db):
    rich_workshop(fresh_db)
    model = LibraryModel(fresh_db)
    assert model.index(0, TITLE).data() == "Roundtable <b>&amp;</b>"
    assert (model.index(0, DATE).data(), model.index(0, STATUS).data(), model.index(0, NOTES).data()) == (
        "12 Mar 2026", "Draft", 3)
    assert short_date("") == "" and short_date("not a date") == "not a date"


def test_filters_need_and_load_every_page(dated):
    model = LibraryModel(dated, page_size=2)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.set_facilitator("Bo")
    assert model.complete
    assert sorted(titles(proxy)) == ["Bravo", "Delta", "Foxtrot"]
    proxy.set_date_range("2025-01-01", "2025-12-31")
    assert sorted(titles(proxy)) == ["Bravo"]
    proxy.clear_filters()
    proxy.set_status("running")
    assert titles(proxy) == ["Charlie"]
    proxy.set_status(None)
    proxy.set_text("  ALP ")
    assert titles(proxy) == ["Alpha"]


def test_undated_workshops_are_left_out_of_a_date_range(dated):
    proxy = LibraryFilter()
    proxy.setSourceModel(LibraryModel(dated))
    proxy.set_date_range("2020-01-01", "")
    assert "Delta" not in titles(proxy) and len(titles(proxy)) == 6


def test_natural_sort_keeps_paging_lazy_and_matches_the_store(dated):
    model = LibraryModel(dated, page_size=3)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.sort(*LibraryFilter.NATURAL_SORT)
    assert not model.complete
    assert titles(proxy) == ["Delta", "Golf", "Echo"]
    proxy.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert model.complete
    assert titles(proxy) == ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"]
    proxy.sort(DATE, Qt.SortOrder.AscendingOrder)
    assert titles(proxy) == ["Foxtrot", "Alpha", "Bravo", "Charlie", "Echo", "Golf", "Delta"]
    assert proxy.index(6, DATE).data() == UNDATED


def test_a_reload_while_filtered_brings_every_row_back(dated):
    model = LibraryModel(dated, page_size=2)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.set_facilitator("Ann")
    workshops.create_workshop(dated, title="Hotel", facilitator="Ann")
    model.reload()
    assert model.complete and sorted(titles(proxy)) == ["Alpha", "Charlie", "Echo", "Golf", "Hotel"]
