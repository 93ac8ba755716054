"""`collabdesk list` reads the library with the bare sqlite3 module, for speed: it must
give exactly what the store's own summaries give, and fall back to the store whenever
reading alone is not enough."""

import dataclasses
import json
import shutil
import sqlite3
from pathlib import Path

from collabdesk.domain.model import WorkshopSummary
from collabdesk.services import actions, demo, files, library, notes, voting, workshops
from collabdesk.store import Store
from collabdesk.store.opening import SUMMARY_COLUMNS, read_summaries

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema-v1.sqlite"


def through_store(store: Store, *, trashed: bool = False) -> list[dict]:
    return [dataclasses.asdict(s) for s in store.summaries(trashed=trashed)]


def busy_library(store: Store, clock) -> None:
    """Workshops in every state the counts and the order care about."""
    first = demo.create_demo_workshop(store)
    clock.advance(60)
    draft = workshops.create_workshop(store, title="Undated draft", participants=["Ann", "Bo"])
    exercise = store.exercises(draft.id)[0].id
    kept, gone = notes.add_note(store, exercise, "kept"), notes.add_note(store, exercise, "deleted")
    notes.delete_notes(store, [gone.id])
    vote = voting.start_round(store, draft.id, title="Tally", mode="tally")
    voting.set_tally(store, vote.id, ("note", kept.id), 4)
    dropped = actions.add_action(store, draft.id, "dropped later")
    actions.delete_action(store, dropped.id)
    clock.advance(60)
    for day in ("2025-01-02", "2025-01-02", "2024-12-31"):
        workshops.create_workshop(store, title=f"Session on {day}", date=day)
        clock.advance(60)
    store.insert_content(store.content(first.id))  # an imported copy
    trashed = workshops.create_workshop(store, title="Binned", date="2023-05-05")
    library.trash_workshops(store, [trashed.id])


def rework(store: Store) -> None:
    """Writes that change counts indirectly: cascades, restores, purges, reopened ballots."""
    first = next(s for s in store.summaries() if s.title.startswith("Home from hospital"))
    people = store.participants(first.id)
    workshops.remove_participant(store, people[0].id)  # their ballot and dots go with them
    exercises = store.exercises(first.id)
    store.remove_exercise(exercises[0].id)  # its notes go, and the dots on them
    limbs = next(e for e in exercises if e.domain_key == "limbs")
    on_board = store.notes(limbs.id)
    notes.delete_notes(store, [n.id for n in on_board[:3]])
    notes.restore_notes(store, [on_board[0].id])
    store.db.execute("DELETE FROM notes WHERE id = ?", (on_board[1].id,))  # a purge: plain SQL
    vote = store.vote_rounds(first.id)[0]
    voting.reopen_round(store, vote.id)
    voting.reopen_ballot(store, vote.id, people[2].id)
    actions.restore_action(store, actions.add_action(store, first.id, "back again").id)
    gone = next(s for s in store.summaries() if s.title == "Undated draft")
    store.db.execute("DELETE FROM vote_rounds WHERE workshop_id = ?", (gone.id,))  # no service yet: plain SQL
    store.db.conn.commit()
    library.empty_trash(store)


def test_fields_are_the_summary_fields():
    assert SUMMARY_COLUMNS == tuple(f.name for f in dataclasses.fields(WorkshopSummary))


def test_the_quick_read_matches_the_store_in_content_and_order(fresh_db, db_path, clock):
    busy_library(fresh_db, clock)
    for trashed in (False, True):
        quick = read_summaries(db_path, trashed=trashed)
        assert quick == through_store(fresh_db, trashed=trashed), (
            "store/opening.py's summary SQL has drifted from store/library.py's: update _SUMMARY_SQL to match")
    assert [r["title"] for r in quick] == ["Binned"]


def test_the_kept_counts_follow_every_kind_of_write(fresh_db, db_path, clock):
    busy_library(fresh_db, clock)
    rework(fresh_db)
    assert read_summaries(db_path) == through_store(fresh_db)
    assert read_summaries(db_path, trashed=True) == through_store(fresh_db, trashed=True) == []
    draft = next(r for r in read_summaries(db_path) if r["title"] == "Undated draft")
    assert (draft["notes"], draft["votes"], draft["actions"]) == (1, 0, 0)


def test_list_json_is_the_summaries(run, fresh_db, clock):
    busy_library(fresh_db, clock)
    assert json.loads(run("list", "--json").out) == through_store(fresh_db)
    assert json.loads(run("list", "--trash", "--json").out) == through_store(fresh_db, trashed=True)


def test_a_missing_database_is_created_empty(tmp_path):
    db = tmp_path / "new" / "collabdesk.sqlite"
    assert read_summaries(db) == []
    with Store(db) as store:
        assert store.summaries() == []


def test_an_old_schema_is_migrated_before_listing(tmp_path):
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, copy)
    assert [r["title"] for r in read_summaries(copy)] == ["Neighbourhood care roundtable"]
    with Store(copy) as store:
        assert read_summaries(copy) == through_store(store)


def test_an_import_shows_up_in_the_list(run, fresh_db, tmp_path):
    w = workshops.create_workshop(fresh_db, title="Shared")
    path = tmp_path / "shared.json"
    path.write_text(files.export_workshop_json(fresh_db, w.id), encoding="utf-8")
    run("import", path)
    assert [r["title"] for r in json.loads(run("list", "--json").out)] == ["Shared", "Shared"]


def test_a_locked_database_waits_rather_than_failing(run, fresh_db, db_path):
    workshops.create_workshop(fresh_db, title="Visible")
    writer = sqlite3.connect(db_path)
    writer.execute("BEGIN IMMEDIATE")  # a writer in the middle of a transaction: readers go on in WAL
    writer.execute("UPDATE workshops SET title = 'not yet committed'")
    try:
        assert [r["title"] for r in json.loads(run("list", "--json").out)] == ["Visible"]
    finally:
        writer.rollback()
        writer.close()
