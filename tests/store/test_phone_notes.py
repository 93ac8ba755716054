"""Notes from phones: saved once per key, in the note's own transaction, marked with their device."""

import pytest

from collabdesk.domain.errors import ValidationError
from collabdesk.services import phones, workshops


@pytest.fixture
def exercise(fresh_db):
    made = workshops.create_workshop(fresh_db, title="Phones")
    return fresh_db.exercises(made.id)[0]


def draft(text, key, *, device="Ana", kind="note", author_id=None):
    return {"text": text, "client_key": key, "device": device, "kind": kind, "author_id": author_id}


def test_a_key_sent_twice_keeps_one_note_and_says_the_second_was_not_new(fresh_db, exercise):
    [(first, new)] = phones.add_phone_notes(fresh_db, exercise.id, [draft("Hello", "abcdefgh1")])
    [(again, new_again)] = phones.add_phone_notes(fresh_db, exercise.id, [draft("Hello", "abcdefgh1")])
    assert (new, new_again, again.id) == (True, False, first.id)
    assert len(fresh_db.notes(exercise.id)) == 1
    assert fresh_db.phone_devices([first.id]) == {first.id: "Ana"}


def test_notes_sent_together_are_saved_together_and_a_key_twice_in_them_once(fresh_db, exercise):
    results = phones.add_phone_notes(fresh_db, exercise.id, [draft("One", "abcdefgh1"), draft("Two", "abcdefgh2"),
                                                             draft("One again", "abcdefgh1")])
    assert [(note.text, new) for note, new in results] == [("One", True), ("Two", True), ("One", False)]
    assert [n.text for n in fresh_db.notes(exercise.id)] == ["One", "Two"]


def test_the_phone_rules_are_the_laptops_text_rules_plus_a_key_and_refuse_only_the_broken_note(fresh_db, exercise):
    broken = [draft("  ", "abcdefgh1"), draft("x" * 20_001, "abcdefgh2"), draft("ok", "short"),
              draft("ok", "abcdefgh3", kind="quote"), draft(5, "abcdefgh4")]
    results = phones.add_phone_notes(fresh_db, exercise.id, [*broken, draft("Fine", "abcdefgh5")])
    assert all(isinstance(r, ValidationError) for r in results[:-1])
    assert [n.text for n in fresh_db.notes(exercise.id)] == ["Fine"] == [results[-1][0].text]


def test_a_typed_note_is_not_marked_as_from_a_phone(fresh_db, exercise):
    typed = fresh_db.add_note(exercise.id, "Typed")
    assert fresh_db.phone_devices([typed.id]) == {}
