"""The library's store: summaries, paging, search at scale, the trash, series, indexes."""

import sqlite3

import pytest
import sqlite_utils

from collabdesk.domain.errors import NotFoundError
from collabdesk.domain.model import HIT_END, HIT_START, snippet
from collabdesk.services import notes, workshops
from collabdesk.store import Store
from collabdesk.store.library import LIBRARY_ORDER, SUMMARY_SQL, _search_sql
from collabdesk.store.schema import migrate
from tests.store.library_data import NEEDLE_WORDS, build_library, rich_workshop


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    path = tmp_path_factory.mktemp("library") / "thousand.sqlite"
    with Store(path) as store:
        needle = build_library(store)
    store = Store(path)
    yield store, needle
    store.close()


def rows_of(store: Store, workshop_id: str) -> dict[str, int]:
    """How many rows of each table belong to the workshop."""
    by_workshop = {t: store.db.execute(f"SELECT COUNT(*) FROM {t} WHERE workshop_id = ?", (workshop_id,)).fetchone()[0]
                   for t in ("participants", "exercises", "themes", "notes", "vote_rounds", "actions")}
    by_workshop["workshops"] = store.db.execute("SELECT COUNT(*) FROM workshops WHERE id = ?",
                                                (workshop_id,)).fetchone()[0]
    return by_workshop


# -- summaries -----------------------------------------------------------------------
def test_summary_counts_live_notes_dots_and_actions(fresh_db):
    w = rich_workshop(fresh_db)
    ex = fresh_db.exercises(w.id)[0]
    gone = notes.add_note(fresh_db, ex.id, "deleted later")
    notes.delete_notes(fresh_db, [gone.id])
    (row,) = fresh_db.summaries()
    assert (row.title, row.notes, row.votes, row.actions) == ("Roundtable <b>&amp;</b>", 3, 4, 2)
    assert (row.date, row.facilitator, row.location, row.status) == ("2026-03-12", "Amara Okafor", "Leeds", "draft")


def test_summaries_put_undated_drafts_first_then_newest_and_page_in_that_order(fresh_db, clock):
    for title, date in [("old", "2024-01-05"), ("undated", ""), ("new", "2026-02-01"), ("mid", "2025-06-30")]:
        workshops.create_workshop(fresh_db, title=title, date=date)
        clock.advance(1)
    whole = [s.title for s in fresh_db.summaries()]
    assert whole == ["undated", "new", "mid", "old"]
    pages = [s.title for offset in (0, 2) for s in fresh_db.summaries(offset=offset, limit=2)]
    assert pages == whole
    assert fresh_db.summaries(offset=4, limit=2) == []


def test_summary_counts_are_read_not_recounted(fresh_db):
    sql = "EXPLAIN QUERY PLAN " + SUMMARY_SQL.format(where="WHERE deleted = ''", order=LIBRARY_ORDER)
    plan = " | ".join(r[3] for r in fresh_db.db.execute(sql, {"limit": 200, "offset": 0}))
    assert "SEARCH c USING PRIMARY KEY (workshop_id=?)" in plan
    assert not any(table in plan for table in ("notes", "votes", "actions"))


def test_a_version_2_database_gains_the_library_indexes_and_keeps_its_rows(db_path):
    db = sqlite_utils.Database(sqlite3.connect(db_path))
    migrate(db, target=2)
    db["workshops"].insert({"id": "w1", "title": "Before the upgrade", "created": "", "updated": ""})
    db.conn.commit()
    db.close()
    with Store(db_path) as store:
        assert store.schema_version >= 3
        assert [s.title for s in store.summaries()] == ["Before the upgrade"]
        indexes = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"idx_notes_author", "idx_actions_note", "idx_votes_voter", "idx_themes_workshop"} <= indexes


# -- search --------------------------------------------------------------------------
def test_search_finds_the_note_by_any_word_among_a_thousand_workshops(thousand):
    store, needle = thousand
    assert store.workshop_count() == 1000
    for word in NEEDLE_WORDS:
        hits = [h for h in store.search(word) if h.kind == "note"]
        assert [(h.workshop_id, h.exercise_id, h.record_id) for h in hits] == [
            (needle["workshop_id"], needle["exercise_id"], str(needle["note_id"]))], word
        assert f"{HIT_START}{word}{HIT_END}" in hits[0].snippet, word


def test_search_of_a_common_word_walks_the_index_newest_first_and_stops_at_the_limit(thousand):
    store, _ = thousand
    hits = [h for h in store.search("calendar", limit=50) if h.kind == "note"]
    assert len(hits) == 50
    assert [int(h.record_id) for h in hits] == sorted((int(h.record_id) for h in hits), reverse=True)
    sql = dict(_search_sql(["calendar"]))["note"]
    plan = " | ".join(r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, {"match": '"calendar"', "limit": 5}))
    assert "TEMP B-TREE" not in plan


def test_snippet_keeps_context_around_the_first_match_on_one_line():
    text = "Intro line.\n" + "filler words here " * 20 + "the stubborn trust issue\nends here " + "tail " * 40
    cut = snippet(text, ["TRUST"])
    assert cut.startswith("…") and cut.endswith("…") and "\n" not in cut
    assert f"stubborn {HIT_START}trust{HIT_END} issue" in cut
    assert len(cut) <= 170
    assert snippet("short note", ["note"]) == f"short {HIT_START}note{HIT_END}"


def test_search_marks_every_word_and_matches_workshops_and_actions(fresh_db):
    w = rich_workshop(fresh_db, title="Budget roundtable")
    hits = fresh_db.search("budget")
    assert {h.kind for h in hits} == {"workshop", "note", "action"}
    workshop_hit = next(h for h in hits if h.kind == "workshop")
    assert workshop_hit.record_id == w.id and workshop_hit.snippet.startswith(f"{HIT_START}Budget{HIT_END}")


# -- the trash -----------------------------------------------------------------------
def test_trash_then_restore_gives_back_the_workshop_exactly(fresh_db, clock):
    w = rich_workshop(fresh_db)
    before = fresh_db.content(w.id, include_deleted=True)
    clock.advance(60)
    fresh_db.trash_workshops([w.id])
    assert fresh_db.summaries() == [] and [s.id for s in fresh_db.summaries(trashed=True)] == [w.id]
    assert fresh_db.workshop(w.id).deleted != ""
    assert fresh_db.search("budget") == []
    clock.advance(60)
    fresh_db.restore_workshops([w.id])
    assert fresh_db.content(w.id, include_deleted=True) == before
    assert [h.kind for h in fresh_db.search("budget")] == ["workshop", "note", "action"]


def test_purge_deletes_every_row_of_a_trashed_workshop_and_its_index_entries(fresh_db):
    gone = rich_workshop(fresh_db)
    kept = rich_workshop(fresh_db, title="Kept roundtable")
    kept_before = fresh_db.content(kept.id)
    fresh_db.trash_workshops([gone.id])
    assert fresh_db.purge_workshops() == 1
    assert set(rows_of(fresh_db, gone.id).values()) == {0}
    orphans = fresh_db.db.execute(
        "SELECT COUNT(*) FROM votes WHERE round_id NOT IN (SELECT id FROM vote_rounds)").fetchone()[0]
    assert orphans == 0
    fts_rows = sum(fresh_db.db.execute(f"SELECT COUNT(*) FROM {t}_fts").fetchone()[0]
                   for t in ("workshops", "notes", "actions"))
    assert fts_rows == 1 + 3 + 2  # only the kept workshop is indexed
    assert {h.workshop_id for h in fresh_db.search("budget")} == {kept.id}
    assert fresh_db.content(kept.id) == kept_before
    assert fresh_db.integrity_problems() == []
    with pytest.raises(NotFoundError):
        fresh_db.workshop(gone.id)


def test_purge_never_deletes_a_live_workshop(fresh_db):
    w = rich_workshop(fresh_db)
    assert fresh_db.purge_workshops([w.id]) == 0
    assert fresh_db.purge_workshops() == 0
    assert rows_of(fresh_db, w.id)["notes"] == 3


def test_trashing_an_unknown_workshop_is_refused_and_changes_nothing(fresh_db):
    w = rich_workshop(fresh_db)
    with pytest.raises(NotFoundError, match="no-such-id"):
        fresh_db.trash_workshops([w.id, "no-such-id"])
    assert fresh_db.workshop_count(trashed=True) == 0


# -- series --------------------------------------------------------------------------
def test_series_hold_workshops_and_deleting_one_keeps_them(fresh_db):
    a, b = rich_workshop(fresh_db, "First"), rich_workshop(fresh_db, "Second")
    series = fresh_db.create_series("Three roundtables, spring")
    fresh_db.set_workshops_series([a.id, b.id], series.id)
    assert fresh_db.series(series.id).workshop_count == 2
    assert {s.id for s in fresh_db.summaries(series_id=series.id)} == {a.id, b.id}
    fresh_db.trash_workshops([b.id])
    assert fresh_db.series(series.id).workshop_count == 1
    assert fresh_db.rename_series(series.id, "Spring series").title == "Spring series"
    fresh_db.delete_series(series.id)
    assert fresh_db.series_list() == [] and fresh_db.workshop(a.id).series_id is None
    assert fresh_db.workshop_count() == 1
    with pytest.raises(NotFoundError):
        fresh_db.set_workshops_series([a.id], series.id)
