"""The gateway: every write guarded, announced and saved; one undo authority for every step."""

from PySide6.QtGui import QUndoStack

from collabdesk.services import workshops
from collabdesk.ui.operations import READ_ONLY
from collabdesk.ui.operations.actions import AddActionCommand
from collabdesk.ui.operations.library import TrashWorkshopsCommand
from collabdesk.ui.operations.notes import AddNoteCommand


def test_a_failed_undo_is_reported_and_its_step_dropped(qtbot, fresh_db, ops):
    workshop = workshops.create_workshop(fresh_db, title="Roundtable")
    stack = QUndoStack()
    note = ops.add_note(fresh_db.exercises(workshop.id)[0].id, "Pool the budgets")
    stack.push(AddNoteCommand(ops, note))
    ops.read_only = True  # the workshop was closed meanwhile: the undo cannot be made
    with qtbot.waitSignal(ops.hub.save_failed) as failed:
        stack.undo()
    assert failed.args == [READ_ONLY]
    assert stack.count() == 0 and not fresh_db.note(note.id).deleted


def test_an_action_added_after_a_failed_save_says_it_is_saved(qtbot, fresh_db, ops):
    workshop = workshops.create_workshop(fresh_db, title="Roundtable")
    stack = QUndoStack()
    step = AddActionCommand(ops, workshop.id, {"text": "Send the minutes"})
    with qtbot.waitSignals([ops.hub.saved, ops.hub.actions_changed]):
        step.run(stack)
    stack.undo()
    assert fresh_db.actions(workshop.id) == []
    stack.redo()
    assert [a.text for a in fresh_db.actions(workshop.id)] == ["Send the minutes"]


def test_trashing_workshops_is_a_step_like_any_other(qtbot, fresh_db, ops):
    kept = workshops.create_workshop(fresh_db, title="Kept")
    gone = workshops.create_workshop(fresh_db, title="Gone")
    stack = QUndoStack()
    with qtbot.waitSignal(ops.hub.workshops_listed_changed):
        TrashWorkshopsCommand(ops, [gone.id]).run(stack)
    assert [s.id for s in fresh_db.summaries()] == [kept.id]
    stack.undo()
    assert {s.id for s in fresh_db.summaries()} == {kept.id, gone.id}


def test_no_write_is_made_while_a_closed_workshop_is_reviewed(qtbot, fresh_db, ops):
    workshop = workshops.create_workshop(fresh_db, title="Roundtable")
    ops.read_only = True
    for write in (lambda: ops.add_action(workshop.id, "Late idea"),
                  lambda: ops.start_round(workshop.id, title="Top"),
                  lambda: ops.trash_workshops([workshop.id]),
                  lambda: ops.create_template("Mine", "five-domains")):
        with qtbot.waitSignal(ops.hub.save_failed):
            assert ops.attempt(write) is None
    assert fresh_db.actions(workshop.id) == [] and fresh_db.vote_rounds(workshop.id) == []
    assert [s.id for s in fresh_db.summaries()] == [workshop.id]


def test_start_up_work_left_for_later_is_done_before_the_first_write_and_once(fresh_db, ops):
    workshop = workshops.create_workshop(fresh_db, title="Roundtable")
    done = []
    ops.before_any_write(lambda: done.append(fresh_db.workshop(workshop.id).status))
    ops.start_workshop(workshop.id)
    ops.add_action(workshop.id, "Send the minutes")
    ops.run_start_up_work()
    assert done == ["draft"]  # before the start was written, and never again
