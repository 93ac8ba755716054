import sqlite3

import pytest

from collabdesk.domain.model import AgendaItem
from collabdesk.services import notes, workshops
from collabdesk.store import NewerDatabaseError, Store
from collabdesk.store.schema import SCHEMA_VERSION


def make_workshop(store):
    return workshops.create_workshop(store, title="Roundtable", purpose="Pool budgets?",
                                     participants=["Ann", "Bo"])


def test_new_workshop_gets_one_exercise_per_domain_of_the_five(fresh_db):
    w = make_workshop(fresh_db)
    assert [e.domain_key for e in fresh_db.exercises(w.id)] == ["head", "heart", "bones", "limbs", "blood"]
    assert [p.name for p in fresh_db.participants(w.id)] == ["Ann", "Bo"]


def test_pragmas_give_durable_wal_with_foreign_keys(fresh_db):
    assert fresh_db.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert fresh_db.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert fresh_db.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert fresh_db.schema_version == SCHEMA_VERSION


def test_a_note_is_committed_before_add_note_returns(fresh_db, db_path):
    w = make_workshop(fresh_db)
    note = notes.add_note(fresh_db, fresh_db.exercises(w.id)[0].id, "<b>&amp; 合作 🎉")
    other = sqlite3.connect(db_path)  # a second connection sees only committed data
    assert other.execute("SELECT text FROM notes WHERE id = ?", (note.id,)).fetchone()[0] == "<b>&amp; 合作 🎉"


def test_soft_delete_and_restore_bring_a_note_back(fresh_db):
    w = make_workshop(fresh_db)
    ex = fresh_db.exercises(w.id)[0]
    note = notes.add_note(fresh_db, ex.id, "keep me")
    notes.delete_notes(fresh_db, [note.id])
    assert fresh_db.notes(ex.id) == [] and fresh_db.note(note.id).deleted
    notes.restore_notes(fresh_db, [note.id])
    assert [n.text for n in fresh_db.notes(ex.id)] == ["keep me"]


def test_a_failed_action_writes_nothing(fresh_db):
    with pytest.raises(Exception):  # noqa: B017 - whatever the store raises, nothing is written
        fresh_db.create_workshop(title="Half", agenda=[AgendaItem("head", "ok"), AgendaItem("head", None)])
    assert fresh_db.summaries() == []


def test_newer_database_is_refused_and_left_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer CollabDesk"):
        Store(db_path)
    assert db_path.read_bytes() == before


def test_search_finds_any_script_and_skips_deleted_notes(fresh_db):
    w = make_workshop(fresh_db)
    ex = fresh_db.exercises(w.id)[0]
    kept = notes.add_note(fresh_db, ex.id, "我们需要合作 שיתוף פעולה budget")
    gone = notes.add_note(fresh_db, ex.id, "budget cuts")
    notes.delete_notes(fresh_db, [gone.id])
    for word in ("合作", "שיתוף", "budget", "BUDGET"):
        assert [h.record_id for h in fresh_db.search(word) if h.kind == "note"] == [str(kept.id)], word


def test_words_too_short_for_the_index_are_found_by_a_scan_ascii_letters_in_either_case(fresh_db):
    w = make_workshop(fresh_db)
    ex = fresh_db.exercises(w.id)[0]
    budget, percent, fifty, under, both = (notes.add_note(fresh_db, ex.id, text).id for text in (
        "Budget 5% up", "up 5% again", "50 more", "a_b test", "合作 on the budget"))
    notes.delete_notes(fresh_db, [notes.add_note(fresh_db, ex.id, "合作 gone").id])

    def found(query):
        return sorted(int(h.record_id) for h in fresh_db.search(query) if h.kind == "note")

    assert found("BU") == sorted([budget, both]) and found("bU") == found("BU")
    assert found("5%") == sorted([budget, percent])  # % and _ are the characters typed, not wildcards
    assert found("a_") == [under]
    assert found("合作") == [both] and found("合") == [both]
    assert found("合 bu") == [both] and found("作 50") == []
    assert found("合作 budget") == [both]  # a short word beside one the index takes


def test_search_index_follows_text_edits_but_not_moves(fresh_db):
    w = make_workshop(fresh_db)
    note = notes.add_note(fresh_db, fresh_db.exercises(w.id)[0].id, "pooled budgets")
    notes.move_notes(fresh_db, {note.id: (120.0, 40.0)})
    assert [h.record_id for h in fresh_db.search("pooled") if h.kind == "note"] == [str(note.id)]
    notes.edit_note(fresh_db, note.id, text="shared premises")
    assert not [h for h in fresh_db.search("pooled") if h.kind == "note"]
    assert [h.record_id for h in fresh_db.search("premises") if h.kind == "note"] == [str(note.id)]
    workshops.edit_workshop(fresh_db, w.id, title="Estates roundtable")
    assert [h.kind for h in fresh_db.search("Estates")] == ["workshop"]


def test_opening_and_reading_a_current_database_does_not_load_sqlite_utils(fresh_db, db_path):
    """Start-up only reads; sqlite-utils (and click, dateutil with it) waits for the first write."""
    import subprocess
    import sys
    from pathlib import Path

    make_workshop(fresh_db)
    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys\n"
        "from collabdesk.store import Store\n"
        f"store = Store({str(db_path)!r})\n"
        "assert store.summaries() and store.search('Pool')\n"
        "assert 'sqlite_utils' not in sys.modules, 'loaded on a read-only path'\n"
        "store.add_participant(store.summaries()[0].id, 'Late arrival')\n"
        "assert 'sqlite_utils' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
