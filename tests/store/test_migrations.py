"""Schema versions: an old database is brought forward intact; a newer one is never touched."""

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from collabdesk.services import files, notes
from collabdesk.store import NewerDatabaseError, Store
from collabdesk.store.opening import open_store
from collabdesk.store.schema import SCHEMA_VERSION, migrate

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema-v1.sqlite"
WORKSHOP_ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_fixture_is_still_schema_one():
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'notes_fts'").fetchone()[0] == 0
    conn.close()


def test_schema_one_migrates_to_the_current_version_with_every_row(v1_copy):
    with open_store(v1_copy) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.integrity_problems() == []
        content = store.content(WORKSHOP_ID, include_deleted=True)
    assert content.workshop.title == "Neighbourhood care roundtable"
    assert [p.name for p in content.participants] == ["Bo", "Chidi"]
    assert [(e.domain_key, e.timer.planned, e.timer.accumulated) for e in content.exercises] == [
        ("head", 1200, 1150), ("heart", 900, 0)]
    assert sorted((n.id, n.text, n.deleted) for n in content.notes) == [
        (1, "Budgets reward each service for itself", False), (2, "We never meet outside a crisis", False),
        (3, "照顾者需要喘息服务 respite", False), (4, "a deleted note", True)]
    assert {(v.note_id, v.voter_id, v.count) for v in content.votes} == {(1, 1, 2), (3, 2, 1)}
    assert [(a.text, a.owner, a.due, a.note_id) for a in content.actions] == [
        ("Map every budget that touches carers", "Bo", "2025-06-30", 1)]
    assert content.notes[0].theme_id == 1 and content.themes[0].title == "Money"


def test_rows_from_schema_one_are_searchable_after_migrating(v1_copy):
    with open_store(v1_copy) as store:
        assert [h.record_id for h in store.search("crisis") if h.kind == "note"] == ["2"]
        assert [h.record_id for h in store.search("喘息服务") if h.kind == "note"] == ["3"]
        assert [h.workshop_id for h in store.search("pooled budgets") if h.kind == "workshop"] == [WORKSHOP_ID]
        assert [h.kind for h in store.search("deleted note")] == []  # the trash stays out of search
        assert [h.kind for h in store.search("carers") if h.kind == "action"] == ["action"]


def test_a_migrated_database_takes_new_notes_and_exports(v1_copy):
    with open_store(v1_copy) as store:
        added = notes.add_note(store, 2, "new after the upgrade")
        document = files.workshop_document(store, WORKSHOP_ID)
        assert store.search("upgrade")[0].record_id == str(added.id)
    assert [n["text"] for n in document["workshop"]["exercises"][1]["notes"]] == [
        "照顾者需要喘息服务 respite", "new after the upgrade"]


def test_a_newer_database_is_refused_and_left_byte_for_byte(db_path):
    with Store(db_path):
        pass
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer CollabDesk"):
        open_store(db_path, check=True)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]  # nothing moved aside


def test_schema_eight_keeps_every_rating_and_takes_unnamed_ones(db_path):
    db = sqlite_utils.Database(db_path)
    migrate(db, target=7)
    db.execute("INSERT INTO workshops (id, title, created, updated) VALUES ('w', 'Old', '', '')")
    db.execute("INSERT INTO participants (id, workshop_id, name, position) VALUES (1, 'w', 'Ann', 0)")
    db.execute("INSERT INTO health_rounds (id, workshop_id, title, domain_keys, created) "
               "VALUES (1, 'w', 'Check', '[\"head\"]', '')")
    db.execute("INSERT INTO health_ratings VALUES (1, 1, 'head', 4, 'kept')")
    db.conn.commit()
    db.close()
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION and store.integrity_problems() == []
        assert [(r.participant_id, r.score, r.comment) for r in store.ratings(1)] == [(1, 4, "kept")]
        store.db.execute("INSERT INTO health_ratings VALUES (1, NULL, 'head', 2, ''), (1, NULL, 'head', 2, '')")
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("INSERT INTO health_ratings VALUES (1, 1, 'head', 5, '')")
        assert sorted(r.score for r in store.ratings(1)) == [2, 2, 4]
