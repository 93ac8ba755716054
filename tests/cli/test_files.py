"""Workshop files through the command line: export then import, and files that are refused."""

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from collabdesk.domain import text
from collabdesk.domain.errors import ValidationError
from collabdesk.services import actions, demo, files, notes, workshops
from collabdesk.store import Store, StoreError

from tests.refused_files import REFUSED, write_refused

from .conftest import comparable, dump

TRICKY = {
    "long": "x" * 10_000,
    "markup": "<b>bold</b> <img src=x> &amp; &lt;script&gt;",
    "quotes": "\"double\" 'single' “curly” ‘too’",
    "whitespace": "tab\there\nnew line\n\nand a blank line",
    "emoji": "🎉 👩🏽‍🤝‍👨🏿 🇬🇧 ❤️",
    "arabic": "العمل معًا أفضل",
    "hebrew": "עבודה משותפת",
    "chinese": "我们需要合作",
    "japanese": "協力が必要です",
}


@pytest.fixture
def demo_id(fresh_db):
    return demo.create_demo_workshop(fresh_db).id


def test_export_then_import_gives_the_same_workshop_under_a_new_id(run, fresh_db, demo_id, tmp_path):
    exported = tmp_path / "roundtable.json"
    assert run("export", demo_id[:6], "-o", exported).code == 0
    result = run("import", exported, "--json")
    assert result.code == 0, result.err
    new_id = json.loads(result.out)["id"]
    assert new_id != demo_id
    again = files.workshop_document(fresh_db, new_id)
    assert comparable(again) == comparable(json.loads(exported.read_text(encoding="utf-8")))
    assert len(again["workshop"]["vote_rounds"][0]["votes"]) > 5 and len(again["workshop"]["actions"]) == 6


def test_show_json_prints_the_workshop_file(run, demo_id, fresh_db):
    shown = json.loads(run("show", demo_id, "--json").out)
    assert shown["format"] == "collabdesk.workshop"
    assert comparable(shown) == comparable(files.workshop_document(fresh_db, demo_id))


def test_every_kind_of_text_comes_back_exactly(run, fresh_db, tmp_path):
    w = workshops.create_workshop(fresh_db, title=TRICKY["arabic"] + " " + TRICKY["emoji"],
                                  purpose=TRICKY["markup"], participants=[TRICKY["hebrew"]])
    exercise = fresh_db.exercises(w.id)[0].id
    for value in TRICKY.values():
        notes.add_note(fresh_db, exercise, value, kind="quote", role=TRICKY["japanese"])
    actions.add_action(fresh_db, w.id, TRICKY["whitespace"], owner=TRICKY["chinese"])
    exported = tmp_path / "tricky.json"
    assert run("export", w.id, "--format", "json", "-o", exported).code == 0
    new_id = json.loads(run("import", exported, "--json").out)["id"]
    back = fresh_db.content(new_id)
    assert [n.text for n in back.notes] == list(TRICKY.values())
    assert {n.role for n in back.notes} == {TRICKY["japanese"]}
    assert (back.workshop.title, back.workshop.purpose) == (w.title, TRICKY["markup"])
    assert (back.actions[0].text, back.actions[0].owner) == (TRICKY["whitespace"], TRICKY["chinese"])
    assert back.participants[0].name == TRICKY["hebrew"]


def test_blank_text_is_refused_with_a_message_and_control_characters_are_stripped(fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable")
    exercise = fresh_db.exercises(w.id)[0].id
    with pytest.raises(ValidationError, match="A note cannot be empty"):
        notes.add_note(fresh_db, exercise, " \t\n ")
    with pytest.raises(ValidationError, match="A note cannot be empty"):
        notes.add_note(fresh_db, exercise, "\x00\x07")
    kept = notes.add_note(fresh_db, exercise, "bell\x07 nul\x00 escape\x1b[0m end")
    assert kept.text == "bell nul escape[0m end"


some_text = st.text(min_size=1, max_size=120)


@given(note=some_text, title=some_text, name=some_text, theme=some_text, action=some_text, owner=st.text(max_size=60))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_unicode_survives_export_then_import(tmp_path_factory, note, title, name, theme, action, owner):
    assume(all(text.clean(v).strip() for v in (note, title, name, theme, action)))
    store = Store(tmp_path_factory.mktemp("roundtrip") / "collabdesk.sqlite")
    try:
        w = workshops.create_workshop(store, title=title, participants=[name])
        exercise = store.exercises(w.id)[0].id
        written = notes.add_note(store, exercise, note, author_id=store.participants(w.id)[0].id)
        notes.group_notes(store, exercise, theme, [written.id])
        actions.add_action(store, w.id, action, owner=owner, note_id=written.id)
        exported = files.export_workshop_json(store, w.id)
        new_id = store.insert_content(files.parse_workshop_file(exported.encode("utf-8")))
        assert comparable(files.workshop_document(store, new_id)) == comparable(json.loads(exported))
        assert store.content(new_id).notes[0].text == text.clean(note)
    finally:
        store.close()


# -- files that are refused ------------------------------------------------------------------
def valid_document(fresh_db, demo_id) -> dict:
    return json.loads(files.export_workshop_json(fresh_db, demo_id))


@pytest.mark.parametrize("kind", REFUSED)
def test_a_bad_file_is_refused_with_exit_1_and_the_database_unchanged(run, fresh_db, demo_id, db_path, tmp_path, kind):
    path = tmp_path / f"{kind.replace(' ', '-')}.json"
    write_refused(kind, path, valid_document(fresh_db, demo_id))
    before = dump(db_path)
    result = run("import", path)
    assert result.code == 1
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert result.err.startswith(f"collabdesk: error: Cannot import {path}: ")
    assert REFUSED[kind] in result.err
    assert dump(db_path) == before


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_a_file_that_cannot_be_read_is_one_clear_line(run, tmp_path, kind):
    path = tmp_path / "nothing.json"
    if kind == "folder":
        path.mkdir()
    result = run("import", path)
    assert result.code == 1 and result.err.count("\n") == 1
    assert result.err.startswith(f"collabdesk: error: {path}: ")


def test_an_import_that_fills_the_disk_writes_nothing_at_all(fresh_db, demo_id, db_path, tmp_path):
    path = tmp_path / "big.json"
    document = valid_document(fresh_db, demo_id)
    for exercise in document["workshop"]["exercises"]:
        exercise["notes"] = [dict(exercise["notes"][0], id=exercise["id"] * 1000 + i, text="y" * 3000, theme=None)
                             for i in range(60)]
    for round_ in document["workshop"]["vote_rounds"]:
        round_["votes"] = []
    for action in document["workshop"]["actions"]:
        action["note"] = None
    path.write_text(json.dumps(document), encoding="utf-8")
    before = dump(db_path)
    pages = fresh_db.db.execute("PRAGMA page_count").fetchone()[0]
    fresh_db.db.execute(f"PRAGMA max_page_count = {pages + 40}")  # room for part of the import, not all
    with pytest.raises(StoreError, match="disk is full"):
        files.import_workshop_file(fresh_db, path)
    assert dump(db_path) == before
    fresh_db.db.execute("PRAGMA max_page_count = 1073741823")
    assert files.import_workshop_file(fresh_db, path)  # with room, the same file goes in whole
