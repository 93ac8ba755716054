"""The board through its widgets: dragging, selecting, zooming, filtering, moving notes on, deleting.

Every edit is checked in the store as well as on screen, and through undo and redo.
"""

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from collabdesk.services import voting
from collabdesk.ui.board.scene import CARD_SIZE
from collabdesk.ui.board.prompts import ExerciseChooser
from collabdesk.ui.board.themes import BOARD_BACKGROUND
from collabdesk.ui.board.note_card import paper_of
from tests.ui.desk import (
    CTRL, SHIFT, add_notes, click_card, drag, drag_card, name_themes, places, redo, type_note, undo,
)


@pytest.fixture
def board(running):
    """The window with four notes on the first exercise's board, and the board focused."""
    notes = add_notes(running, "Budgets pull apart", "Nobody owns the target", "Trust is built slowly",
                      "Carers as partners")
    running.run_view.board.setFocus()
    return running, notes


# -- dragging ------------------------------------------------------------------------------------
def test_dragging_a_card_saves_its_place_and_undo_and_redo_follow_in_the_store(qtbot, board, fresh_db):
    window, notes = board
    scene, view = window.run_view.board_scene, window.run_view.board
    ids = [n.id for n in notes]
    grid = {i: (scene.cards[i].pos().x(), scene.cards[i].pos().y()) for i in ids}
    steps = window.undo_stack.count()

    drag_card(qtbot, view, scene.cards[ids[0]], QPointF(60, 40))

    moved = (grid[ids[0]][0] + 60, grid[ids[0]][1] + 40)
    assert places(fresh_db, ids) == {**grid, ids[0]: moved}  # the others are pinned where the grid had them
    assert scene.cards[ids[0]].pos() == QPointF(*moved)
    assert window.undo_stack.count() == steps + 1
    undo(qtbot, window)
    assert places(fresh_db, ids) == dict.fromkeys(ids, (None, None))
    assert {i: (scene.cards[i].pos().x(), scene.cards[i].pos().y()) for i in ids} == grid
    redo(qtbot, window)
    assert places(fresh_db, ids) == {**grid, ids[0]: moved}
    assert scene.cards[ids[0]].pos() == QPointF(*moved)


def test_dragging_several_selected_cards_moves_them_together_as_one_step(qtbot, board, fresh_db):
    window, notes = board
    scene, view = window.run_view.board_scene, window.run_view.board
    first, second, third = (scene.cards[n.id] for n in notes[:3])
    click_card(qtbot, view, first)
    click_card(qtbot, view, third, CTRL)
    assert set(scene.selected_note_ids()) == {notes[0].id, notes[2].id}
    before = {n.id: scene.cards[n.id].pos() for n in notes}
    steps = window.undo_stack.count()

    drag_card(qtbot, view, third, QPointF(30, 70))

    assert first.pos() == before[notes[0].id] + QPointF(30, 70)
    assert third.pos() == before[notes[2].id] + QPointF(30, 70)
    assert second.pos() == before[notes[1].id]
    assert fresh_db.note(notes[2].id).y == before[notes[2].id].y() + 70
    assert window.undo_stack.count() == steps + 1
    undo(qtbot, window)
    assert fresh_db.note(notes[0].id).x is None and fresh_db.note(notes[2].id).x is None
    assert first.pos() == before[notes[0].id] and third.pos() == before[notes[2].id]


def test_a_card_added_after_a_drag_takes_a_free_place_not_one_already_taken(qtbot, board):
    window, notes = board
    scene, view = window.run_view.board_scene, window.run_view.board
    drag_card(qtbot, view, scene.cards[notes[0].id], QPointF(15, 10))
    [late] = add_notes(window, "Said after the drag")
    late_rect = scene.cards[late.id].sceneBoundingRect()
    assert not any(late_rect.intersects(scene.cards[n.id].sceneBoundingRect().adjusted(4, 4, -4, -4))
                   for n in notes)


# -- selecting --------------------------------------------------------------------------------------
def test_ctrl_a_the_rubber_band_and_ctrl_click_select_cards(qtbot, board):
    window, notes = board
    scene, view = window.run_view.board_scene, window.run_view.board
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    assert sorted(scene.selected_note_ids()) == sorted(n.id for n in notes)

    start, end = QPointF(4, 4), scene.cards[notes[1].id].centre()  # from the empty corner to card 2
    view.ensureVisible(QRectF(start, end), 4, 4)  # both ends on screen, whatever the font's size
    corner, through = view.mapFromScene(start), view.mapFromScene(end)
    drag(qtbot, view, corner, through)
    band = QRectF(view.mapToScene(corner), view.mapToScene(through)).normalized()
    first_row = {note_id for note_id, card in scene.cards.items() if card.sceneBoundingRect().intersects(band)}
    assert {notes[0].id, notes[1].id} <= first_row and notes[3].id not in first_row
    assert set(scene.selected_note_ids()) == first_row

    click_card(qtbot, view, scene.cards[notes[3].id], CTRL)
    assert set(scene.selected_note_ids()) == first_row | {notes[3].id}
    click_card(qtbot, view, scene.cards[notes[3].id], CTRL)
    assert set(scene.selected_note_ids()) == first_row


# -- zoom -------------------------------------------------------------------------------------------
def wheel(view, steps: int, modifiers) -> None:
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_zoom_with_ctrl_wheel_and_plus_minus_and_ctrl_0_fits_the_whole_board(qtbot, board):
    window, notes = board
    add_notes(window, *(f"Idea {i}" for i in range(24)))
    view = window.run_view.board
    planned = window.run_view.exercise.timer.planned
    wheel(view, 1, CTRL)
    assert view.zoom() == pytest.approx(1.2)
    assert window.run_view.filter_bar.zoom.text() == "120%"
    wheel(view, -2, CTRL)
    assert view.zoom() == pytest.approx(1 / 1.2)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom() == pytest.approx(1.0)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom() == pytest.approx(1 / 1.2)

    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert view.zoom() < 1 / 1.2
    assert all(shown.contains(QRectF(card.pos(), CARD_SIZE)) for card in window.run_view.board_scene.cards.values())

    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)  # Ctrl+- still takes a minute off the timer
    assert window.run_view.exercise.timer.planned == planned - 60


# -- filtering --------------------------------------------------------------------------------------
def test_the_filter_dims_what_does_not_match_by_words_author_or_kind(qtbot, running, fresh_db):
    people = fresh_db.participants(running.workshop_id)
    amira, ben = people[0], people[1]
    budget = add_notes(running, "Pooled <b>budget</b> & rules", author_id=amira.id)[0]
    quote = add_notes(running, "We never see the budget", kind="quote", author_id=ben.id)[0]
    other = add_notes(running, "Nobody owns the target", kind="question")[0]
    view, scene, bar = running.run_view.board, running.run_view.board_scene, running.run_view.filter_bar
    view.setFocus()

    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert bar.words.hasFocus()
    qtbot.keyClicks(bar.words, "BUDGET")
    assert [scene.cards[n.id].matches for n in (budget, quote, other)] == [True, True, False]
    assert scene.cards[other.id].opacity() < 0.5 and not scene.cards[other.id].isEnabled()
    assert bar.count.text() == "2 of 3"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    assert sorted(scene.selected_note_ids()) == sorted([budget.id, quote.id])

    bar.author.setCurrentIndex(bar.author.findData(ben.id))
    assert [scene.cards[n.id].matches for n in (budget, quote, other)] == [False, True, False]
    bar.words.clear()
    bar.author.setCurrentIndex(0)
    bar.kind.setCurrentIndex(bar.kind.findData("question"))
    assert [scene.cards[n.id].matches for n in (budget, quote, other)] == [False, False, True]
    bar.hide_others.setChecked(True)
    assert not scene.cards[budget.id].isVisible() and scene.cards[other.id].isVisible()
    bar.words.setFocus()
    qtbot.keyClick(bar.words, Qt.Key.Key_Escape)
    assert [(c.isVisible(), c.opacity(), c.matches) for c in scene.cards.values()] == [(True, 1.0, True)] * 3
    assert bar.count.text() == ""
    qtbot.keyClick(bar.words, Qt.Key.Key_Escape)  # nothing left to clear: back to the board
    assert view.hasFocus()
    assert [n.text for n in fresh_db.notes(running.run_view.exercise.id)] == [
        "Pooled <b>budget</b> & rules", "We never see the budget", "Nobody owns the target"]


def test_the_filters_count_follows_notes_typed_edited_deleted_and_undone(qtbot, running):
    add_notes(running, "Pooled budget", "Nobody owns the target")
    run = running.run_view
    view, scene, bar = run.board, run.board_scene, run.filter_bar
    entry = run.capture.entry
    qtbot.keyClicks(bar.words, "budget")
    assert bar.count.text() == "1 of 2"

    type_note(qtbot, running, "A budget for prevention")
    assert bar.count.text() == "2 of 3"
    type_note(qtbot, running, "Trust comes first")
    assert bar.count.text() == "2 of 4"
    qtbot.keyClick(entry, Qt.Key.Key_Z, CTRL)  # a card the filter leaves out goes
    assert bar.count.text() == "2 of 3"
    qtbot.keyClick(entry, Qt.Key.Key_Z, CTRL | SHIFT)
    assert bar.count.text() == "2 of 4"
    trust = max(scene.cards)
    run.edit_notes([trust], text="Trust comes before the budget")
    assert bar.count.text() == "3 of 4"

    budget = next(i for i, card in scene.cards.items() if card.note.text == "Pooled budget")
    click_card(qtbot, view, scene.cards[budget])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert bar.count.text() == "2 of 3"
    undo(qtbot, running)
    assert bar.count.text() == "3 of 4"
    undo(qtbot, running)  # the edit
    assert bar.count.text() == "2 of 4"
    bar.words.clear()
    assert bar.count.text() == ""
    qtbot.keyClicks(bar.words, "trust")
    assert bar.count.text() == "1 of 4"


def test_the_board_scrolls_to_each_new_card_and_its_scroll_range_follows_the_cards(qtbot, running):
    run = running.run_view
    view, scene = run.board, run.board_scene
    for i in range(14):
        type_note(qtbot, running, f"Idea {i}")
        newest = scene.cards[max(scene.cards)]
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.contains(newest.sceneBoundingRect())
    bottom = max(card.sceneBoundingRect().bottom() for card in scene.cards.values())
    assert view.sceneRect().bottom() == pytest.approx(bottom + 24, abs=8)  # no empty rows to scroll into
    assert view.verticalScrollBar().maximum() > 0

    qtbot.mouseMove(view.viewport(), view.mapFromScene(newest.centre()))  # the index finds the last card
    assert view.itemAt(view.mapFromScene(newest.centre())) is newest
    click_card(qtbot, view, newest)
    assert scene.selected_note_ids() == [newest.note.id]

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert scene.cards == {}
    assert view.verticalScrollBar().maximum() == 0


def test_cards_at_100_percent_show_their_paper_shadow_and_selection(qtbot, running):
    [note] = add_notes(running, "Budgets pull apart", colour="green")
    view, scene = running.run_view.board, running.run_view.board_scene
    card = scene.cards[note.id]
    assert view.zoom() == 1.0

    def pixel(x, y):
        return view.viewport().grab().toImage().pixelColor(view.mapFromScene(card.pos() + QPointF(x, y)))

    assert pixel(6, CARD_SIZE.height() - 6) == paper_of("green")
    assert pixel(1, 40) == paper_of("green") and pixel(CARD_SIZE.width() - 2, 40) == paper_of("green")
    assert pixel(-2, 40) == BOARD_BACKGROUND and pixel(CARD_SIZE.width() + 1, 1) == BOARD_BACKGROUND
    assert pixel(CARD_SIZE.width() + 1, CARD_SIZE.height() + 1) != BOARD_BACKGROUND  # the shadow
    click_card(qtbot, view, card)
    assert pixel(6, CARD_SIZE.height() - 6) == paper_of("green")
    assert pixel(0, CARD_SIZE.height() / 2).blue() > 200  # the selection's border


# -- moving notes to another exercise -----------------------------------------------------------------
def test_ctrl_shift_m_moves_notes_to_another_exercise_and_undo_puts_them_back(qtbot, board, fresh_db,
                                                                             monkeypatch):
    window, notes = board
    run = window.run_view
    scene, view = run.board_scene, run.board
    name_themes(monkeypatch, "Money")
    click_card(qtbot, view, scene.cards[notes[0].id])
    click_card(qtbot, view, scene.cards[notes[1].id], CTRL)
    qtbot.keyClick(view, Qt.Key.Key_G, CTRL)
    [theme] = fresh_db.themes(run.exercise.id)
    here, there = run.exercise, run.exercises[2]
    before = {i: fresh_db.note(i) for i in (notes[0].id, notes[1].id)}
    offered = []

    def choose(cls, parent, exercises, count):
        offered.extend(e.id for e in exercises)
        return there.id
    monkeypatch.setattr(ExerciseChooser, "ask", classmethod(choose))
    click_card(qtbot, view, scene.cards[notes[0].id])
    qtbot.keyClick(view, Qt.Key.Key_M, CTRL | SHIFT)

    assert here.id not in offered and there.id in offered
    moved = fresh_db.note(notes[0].id)
    assert (moved.exercise_id, moved.theme_id, moved.x) == (there.id, None, None)
    assert notes[0].id not in scene.cards and notes[1].id in scene.cards
    assert [t.id for t in fresh_db.themes(here.id)] == [theme.id]  # one note still holds it

    undo(qtbot, window)
    assert fresh_db.note(notes[0].id) == before[notes[0].id].__class__(
        **{**before[notes[0].id].__dict__, "updated": fresh_db.note(notes[0].id).updated})
    assert notes[0].id in scene.cards and notes[0].id in scene.members[theme.id]
    redo(qtbot, window)
    assert fresh_db.note(notes[0].id).exercise_id == there.id
    run.go_to_exercise(there.id)
    assert notes[0].id in run.board_scene.cards


# -- deleting -------------------------------------------------------------------------------------------
def test_a_deleted_notes_dots_stop_counting_and_ctrl_z_brings_them_back(qtbot, board, fresh_db):
    window, notes = board
    run = window.run_view
    people = [p.id for p in fresh_db.participants(window.workshop_id)]
    round_ = voting.start_round(fresh_db, window.workshop_id, title="Top", exercise_id=run.exercise.id)
    voting.cast_ballot(fresh_db, round_.id, people[0], {("note", notes[0].id): 3})
    voting.cast_ballot(fresh_db, round_.id, people[1], {("note", notes[1].id): 2, ("note", notes[0].id): 1})
    voting.reveal_round(fresh_db, round_.id)
    window.hub.votes_changed.emit(window.workshop_id)
    dock = next(p for p in window.side_panels if hasattr(p, "collect_ballots"))

    def shown():
        model = dock.panel.results_view.model
        return [(line.text, line.dots) for line in model.lines]
    assert shown() == [(notes[0].text, 4), (notes[1].text, 2)]

    click_card(qtbot, run.board, run.board_scene.cards[notes[0].id])
    qtbot.keyClick(run.board, Qt.Key.Key_Delete)
    assert notes[0].id not in run.board_scene.cards
    assert [(line.text, line.dots) for line in voting.results(fresh_db, round_.id)] == [(notes[1].text, 2)]
    assert shown() == [(notes[1].text, 2)]

    undo(qtbot, window)
    assert notes[0].id in run.board_scene.cards
    assert shown() == [(notes[0].text, 4), (notes[1].text, 2)]


# -- the context menu and tidying -----------------------------------------------------------------------
def test_the_context_menu_offers_what_fits_the_selection(qtbot, board):
    window, notes = board
    run = window.run_view
    click_card(qtbot, run.board, run.board_scene.cards[notes[0].id])
    menu = run.board_editor.context_menu()
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    assert "Group into a theme…" in texts and "Move to another exercise…" in texts and "Make an action" in texts
    assert "Ungroup" not in texts and "Rename theme…" not in texts
    assert "Delete 1 card" in texts and "Fit to window" in texts
    menu.deleteLater()


def test_tidying_puts_each_themes_cards_together_and_is_one_undo_step(qtbot, board, fresh_db, monkeypatch):
    window, notes = board
    run = window.run_view
    scene, view = run.board_scene, run.board
    name_themes(monkeypatch, "Ownership")
    click_card(qtbot, view, scene.cards[notes[0].id])
    click_card(qtbot, view, scene.cards[notes[3].id], CTRL)
    qtbot.keyClick(view, Qt.Key.Key_G, CTRL)
    [theme] = fresh_db.themes(run.exercise.id)
    before = places(fresh_db, [n.id for n in notes])

    qtbot.keyClick(view, Qt.Key.Key_T, CTRL | SHIFT)

    frame = scene.frames[theme.id].frame_rect()
    inside = {n.id for n in notes if frame.contains(scene.cards[n.id].centre())}
    assert inside == {notes[0].id, notes[3].id}
    assert places(fresh_db, [n.id for n in notes]) != before
    undo(qtbot, window)
    assert places(fresh_db, [n.id for n in notes]) == before


def test_zoomed_far_out_the_cards_are_one_picture_and_still_selectable(qtbot, board):
    window, notes = board
    view, scene = window.run_view.board, window.run_view.board_scene
    NoContents = type(next(iter(scene.cards.values())).flags()).ItemHasNoContents
    view.set_zoom(0.1)
    assert scene.overview and all(card.flags() & NoContents for card in scene.cards.values())
    picture = scene.overview_picture()
    assert picture.boundingRect().contains(scene.cards[notes[0].id].sceneBoundingRect().toRect().center())
    view.viewport().grab()
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    assert len(scene.selected_note_ids()) == len(notes)
    assert scene.overview_picture() is not picture  # the selection is drawn: recorded again
    click_card(qtbot, view, scene.cards[notes[2].id])
    assert scene.selected_note_ids() == [notes[2].id]
    view.set_zoom(1.0)
    assert not scene.overview and not any(card.flags() & NoContents for card in scene.cards.values())


def test_a_drag_that_cannot_be_saved_puts_the_cards_back(qtbot, board, fresh_db):
    window, notes = board
    scene, view = window.run_view.board_scene, window.run_view.board
    card = scene.cards[notes[1].id]
    where = card.pos()
    steps = window.undo_stack.count()
    window.ops.read_only = True  # every write refused, as when the disk is full or in review mode
    drag_card(qtbot, view, card, QPointF(80, 50))
    assert card.pos() == where and fresh_db.note(notes[1].id).x is None
    assert window.undo_stack.count() == steps
    assert window.saved_label.text() and "#b3261e" in window.saved_label.styleSheet()
