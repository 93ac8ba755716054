"""Changing a workshop's agenda as a whole: one transaction, all of it or none."""

import pytest

from collabdesk.domain.agenda import AgendaRow
from collabdesk.domain.errors import ValidationError
from collabdesk.services import notes, workshops
from collabdesk.store import StoreError


@pytest.fixture
def workshop(fresh_db):
    return workshops.create_workshop(fresh_db, title="Roundtable")


def agenda(store, workshop_id):
    return [(e.domain_key, e.title, e.timer.planned) for e in store.exercises(workshop_id)]


def test_rows_are_edited_added_removed_and_reordered_in_one_go(fresh_db, workshop):
    first, second, *rest = fresh_db.exercises(workshop.id)
    notes.add_note(fresh_db, rest[0].id, "On a board about to go")
    rows = [AgendaRow.from_exercise(second), AgendaRow("head", "New one", "Why?", 10),
            AgendaRow(first.domain_key, "Renamed", first.prompt, 20, first.id)]
    workshops.apply_agenda(fresh_db, workshop.id, rows)
    assert agenda(fresh_db, workshop.id) == [(second.domain_key, second.title, second.timer.planned),
                                             ("head", "New one", 600.0), (first.domain_key, "Renamed", 1200.0)]


def test_a_refused_row_changes_nothing(fresh_db, workshop):
    before = agenda(fresh_db, workshop.id)
    rows = [AgendaRow("head", "Fine", "", 10), AgendaRow("heart", "", "", 10)]
    with pytest.raises(ValidationError):
        workshops.apply_agenda(fresh_db, workshop.id, rows)
    assert agenda(fresh_db, workshop.id) == before


def test_a_failure_part_way_leaves_the_agenda_as_it_was(fresh_db, workshop, monkeypatch):
    before = agenda(fresh_db, workshop.id)
    exercises = fresh_db.exercises(workshop.id)
    rows = [AgendaRow("head", "Added first", "", 10)] + [AgendaRow.from_exercise(e) for e in exercises[1:]]

    def broken_reorder(*_args):  # the last step fails after removing, adding and editing were done
        raise StoreError("Could not reorder the agenda: the disk is full.")

    monkeypatch.setattr(fresh_db, "reorder_exercises", broken_reorder)
    with pytest.raises(StoreError, match="disk is full"):
        workshops.apply_agenda(fresh_db, workshop.id, rows)
    assert agenda(fresh_db, workshop.id) == before
