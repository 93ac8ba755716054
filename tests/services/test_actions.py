import pytest

from collabdesk.domain.errors import ValidationError
from collabdesk.services import actions, notes, workshops


@pytest.fixture
def workshop(fresh_db):
    return workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann"])


def test_an_action_keeps_its_text_as_typed(fresh_db, workshop):
    for typed in ["<b>bold</b> &amp;", "<img src=x>", "合作 🎉", "تعاون", "שיתוף", "協力", "x" * 5000]:
        assert actions.add_action(fresh_db, workshop.id, typed).text == typed


def test_an_action_from_a_note_keeps_the_link(fresh_db, workshop):
    note = notes.add_note(fresh_db, fresh_db.exercises(workshop.id)[0].id, "Pool the budgets")
    action = actions.add_action(fresh_db, workshop.id, note.text, note_id=note.id, owner="Ann")
    assert (action.note_id, action.owner, action.status) == (note.id, "Ann", "open")


@pytest.mark.parametrize("fields, message", [
    ({"due": "next week"}, "not a date"),
    ({"status": "someday"}, "not 'someday'"),
    ({"text": "  "}, "cannot be empty"),
])
def test_bad_edits_are_refused_and_change_nothing(fresh_db, workshop, fields, message):
    action = actions.add_action(fresh_db, workshop.id, "Write it up")
    with pytest.raises(ValidationError, match=message):
        actions.edit_action(fresh_db, action.id, **fields)
    assert fresh_db.action(action.id) == action


def test_delete_and_restore_keep_the_same_action(fresh_db, workshop):
    action = actions.add_action(fresh_db, workshop.id, "Write it up", due="2030-01-31")
    actions.delete_action(fresh_db, action.id)
    assert fresh_db.actions(workshop.id) == []
    actions.restore_action(fresh_db, action.id)
    assert fresh_db.actions(workshop.id) == [action]
