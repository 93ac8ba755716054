"""Notes from phones: saved once per key, in the note's own transaction, marked with their device."""

import pytest

from collabdesk.domain.errors import ValidationError
from collabdesk.services import phones, workshops


@pytest.fixture
def exercise(fresh_db):
    made = workshops.create_workshop(fresh_db, title="Phones")
    return fresh_db.exercises(made.id)[0]


def test_a_key_sent_twice_keeps_one_note_and_says_the_second_was_not_new(fresh_db, exercise):
    first, new = phones.add_phone_note(fresh_db, exercise.id, "Hello", client_key="abcdefgh1", device="Ana")
    again, new_again = phones.add_phone_note(fresh_db, exercise.id, "Hello", client_key="abcdefgh1", device="Ana")
    assert (new, new_again, again.id) == (True, False, first.id)
    assert len(fresh_db.notes(exercise.id)) == 1
    assert fresh_db.phone_devices([first.id]) == {first.id: "Ana"}


def test_the_phone_rules_are_the_laptops_text_rules_plus_a_key(fresh_db, exercise):
    for text, key, kind in (("  ", "abcdefgh1", "note"), ("x" * 20_001, "abcdefgh2", "note"),
                            ("ok", "short", "note"), ("ok", "abcdefgh3", "quote")):
        with pytest.raises(ValidationError):
            phones.add_phone_note(fresh_db, exercise.id, text, client_key=key, device="Bo", kind=kind)
    assert fresh_db.notes(exercise.id) == []


def test_a_typed_note_is_not_marked_as_from_a_phone(fresh_db, exercise):
    typed = fresh_db.add_note(exercise.id, "Typed")
    assert fresh_db.phone_devices([typed.id]) == {}
