"""Themes through the board: group, rename, ungroup, drag cards in and out, and reopen the workshop.

Every edit is checked in the store and on the board, and through undo and redo.
"""

import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from collabdesk.services import demo, voting
from collabdesk.store import Store
from collabdesk.ui.shell import main_window
from collabdesk.ui.board.scene import CARD_SIZE
from collabdesk.ui.board.prompts import ExerciseChooser
from collabdesk.ui.voting import RoundSettings, RoundSetupDialog
from tests.ui.desk import make_settings, make_window, make_workshop
from tests.ui.desk import (
    CTRL, SHIFT, add_notes, click_card, drag, drag_card, name_themes, places, redo, type_note, undo,
)

TEXTS = ["<b>Money</b> &amp; <img src=x>", "合作 協力 🤝", "تعاون", "שיתוף פעולה", "連携"]


@pytest.fixture
def board(running):
    notes = add_notes(running, "Budgets pull apart", "Nobody owns the target", "Trust is built slowly",
                      "Carers as partners", "Winter brings us together")
    running.run_view.board.setFocus()
    return running, notes


def group(qtbot, window, notes) -> None:
    """Select ``notes`` with click and Ctrl+click, then Ctrl+G."""
    scene, view = window.run_view.board_scene, window.run_view.board
    click_card(qtbot, view, scene.cards[notes[0].id])
    for note in notes[1:]:
        click_card(qtbot, view, scene.cards[note.id], CTRL)
    qtbot.keyClick(view, Qt.Key.Key_G, CTRL)


def assert_each_frame_holds_its_own(scene) -> None:
    """No two theme frames shown meet, and no frame covers any part of a card of another
    theme or of none: what a facilitator sees is one frame per theme round its cards."""
    frames = {t: f.frame_rect() for t, f in scene.frames.items() if f.isVisible()}
    for (one, one_rect), (other, other_rect) in itertools.combinations(frames.items(), 2):
        assert not one_rect.intersects(other_rect), (scene.frames[one].theme.title, scene.frames[other].theme.title)
    for theme_id, rect in frames.items():
        for card in scene.cards.values():
            inside = rect.intersects(QRectF(card.pos(), CARD_SIZE))
            assert inside == (card.note.theme_id == theme_id), (scene.frames[theme_id].theme.title, card.note.text)


def board_places(scene) -> dict[int, tuple[float, float]]:
    return {i: (c.pos().x(), c.pos().y()) for i, c in scene.cards.items()}


def members(scene) -> dict[str, set[int]]:
    return {frame.theme.title: set(scene.members.get(theme_id, ())) for theme_id, frame in scene.frames.items()
            if frame.isVisible()}


def test_ctrl_g_groups_the_selection_in_a_named_frame_and_undo_and_redo_follow(qtbot, board, fresh_db,
                                                                             monkeypatch):
    window, notes = board
    run = window.run_view
    asked = name_themes(monkeypatch, TEXTS[0])
    group(qtbot, window, notes[:2])

    assert "2 notes" in asked[0]["label"]
    [theme] = fresh_db.themes(run.exercise.id)
    assert theme.title == TEXTS[0]
    assert [fresh_db.note(n.id).theme_id for n in notes] == [theme.id, theme.id, None, None, None]
    frame = run.board_scene.frames[theme.id]
    assert frame.theme.title == TEXTS[0] and frame.count == 2 and frame.isVisible()
    for note in notes[:2]:  # the frame is drawn round its cards
        assert frame.frame_rect().contains(run.board_scene.cards[note.id].sceneBoundingRect().adjusted(3, 3, -4, -4))

    undo(qtbot, window)
    assert fresh_db.themes(run.exercise.id) == []
    assert [fresh_db.note(n.id).theme_id for n in notes] == [None] * 5
    assert [fresh_db.note(n.id).x for n in notes] == [None] * 5  # the grid is back as it was
    assert run.board_scene.frames == {}
    redo(qtbot, window)
    assert [t.id for t in fresh_db.themes(run.exercise.id)] == [theme.id]
    assert members(run.board_scene) == {TEXTS[0]: {notes[0].id, notes[1].id}}


def test_theme_names_are_kept_as_typed_and_a_blank_or_overlong_one_is_refused(qtbot, board, fresh_db,
                                                                               monkeypatch):
    window, notes = board
    run = window.run_view
    name_themes(monkeypatch, *TEXTS[1:], "   ", "x" * 10_000)
    for note in notes[:4]:
        group(qtbot, window, [note])
    assert [t.title for t in fresh_db.themes(run.exercise.id)] == TEXTS[1:]
    assert sorted(f.theme.title for f in run.board_scene.frames.values()) == sorted(TEXTS[1:])
    run.board.viewport().grab()  # the frames paint any script without trouble
    steps = window.undo_stack.count()
    group(qtbot, window, [notes[4]])
    assert "cannot be empty" in window.saved_label.text()
    group(qtbot, window, [notes[4]])
    assert "the most allowed is 300" in window.saved_label.text()
    assert window.undo_stack.count() == steps and len(fresh_db.themes(run.exercise.id)) == 4


def test_f2_or_a_double_click_on_the_label_renames_and_undo_gives_the_old_name(qtbot, board, fresh_db,
                                                                              monkeypatch):
    window, notes = board
    run = window.run_view
    scene, view = run.board_scene, run.board
    name_themes(monkeypatch, "Money", "Money & time", "Money, time & trust")
    group(qtbot, window, notes[:2])
    [theme] = fresh_db.themes(run.exercise.id)
    frame = scene.frames[theme.id]
    label = view.mapFromScene(frame.mapToScene(frame.label_rect().center()))

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=label)
    assert scene.selected_theme_ids() == [theme.id] and scene.selected_note_ids() == []
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert fresh_db.theme(theme.id).title == "Money & time" == frame.theme.title

    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=label)
    assert fresh_db.theme(theme.id).title == "Money, time & trust"
    undo(qtbot, window)
    assert fresh_db.theme(theme.id).title == "Money & time" == frame.theme.title
    undo(qtbot, window)
    assert fresh_db.theme(theme.id).title == "Money"
    redo(qtbot, window)
    assert fresh_db.theme(theme.id).title == "Money & time"


def test_ctrl_shift_g_ungroups_and_undo_brings_the_theme_back_round_the_same_notes(qtbot, board, fresh_db,
                                                                                 monkeypatch):
    window, notes = board
    run = window.run_view
    name_themes(monkeypatch, "Money")
    group(qtbot, window, notes[:3])
    [theme] = fresh_db.themes(run.exercise.id)
    click_card(qtbot, run.board, run.board_scene.cards[notes[1].id])
    qtbot.keyClick(run.board, Qt.Key.Key_G, CTRL | SHIFT)
    assert fresh_db.themes(run.exercise.id) == []
    assert [fresh_db.note(n.id).theme_id for n in notes[:3]] == [None] * 3
    assert run.board_scene.frames == {}
    undo(qtbot, window)
    assert [t.id for t in fresh_db.themes(run.exercise.id)] == [theme.id]
    assert members(run.board_scene) == {"Money": {n.id for n in notes[:3]}}
    redo(qtbot, window)
    assert fresh_db.themes(run.exercise.id) == [] and run.board_scene.frames == {}


def test_dragging_a_card_into_a_frame_adds_it_and_out_again_takes_it_out(qtbot, board, fresh_db, monkeypatch):
    window, notes = board
    run = window.run_view
    scene, view = run.board_scene, run.board
    name_themes(monkeypatch, "Money")
    group(qtbot, window, notes[:2])
    [theme] = fresh_db.themes(run.exercise.id)
    frame = scene.frames[theme.id]
    outsider = scene.cards[notes[3].id]

    drag_card(qtbot, view, outsider, frame.frame_rect().center() - outsider.centre())
    assert fresh_db.note(notes[3].id).theme_id == theme.id
    assert members(scene) == {"Money": {notes[0].id, notes[1].id, notes[3].id}} and frame.count == 3
    assert frame.frame_rect().contains(outsider.centre())
    place_inside = places(fresh_db, [notes[3].id])

    away = QPointF(frame.frame_rect().right() + 400, frame.frame_rect().bottom() + 300)
    drag_card(qtbot, view, outsider, away - outsider.centre())
    assert fresh_db.note(notes[3].id).theme_id is None
    assert members(scene) == {"Money": {notes[0].id, notes[1].id}}
    assert not frame.frame_rect().contains(outsider.centre())  # the frame let go of it

    undo(qtbot, window)
    assert fresh_db.note(notes[3].id).theme_id == theme.id and places(fresh_db, [notes[3].id]) == place_inside
    assert notes[3].id in scene.members[theme.id]
    undo(qtbot, window)
    assert fresh_db.note(notes[3].id).theme_id is None
    redo(qtbot, window)
    assert fresh_db.note(notes[3].id).theme_id == theme.id


def test_dragging_a_frame_by_its_label_carries_its_cards(qtbot, board, fresh_db, monkeypatch):
    window, notes = board
    run = window.run_view
    scene, view = run.board_scene, run.board
    name_themes(monkeypatch, "Money")
    group(qtbot, window, notes[:2])
    [theme] = fresh_db.themes(run.exercise.id)
    frame = scene.frames[theme.id]
    before_cards = {n.id: scene.cards[n.id].pos() for n in notes}
    before_frame = frame.frame_rect()
    label = view.mapFromScene(frame.mapToScene(frame.label_rect().center()))

    drag(qtbot, view, label, label + QPoint(0, 260))

    for note in notes[:2]:
        assert scene.cards[note.id].pos() == before_cards[note.id] + QPointF(0, 260)
        assert fresh_db.note(note.id).y == before_cards[note.id].y() + 260
    assert scene.cards[notes[2].id].pos() == before_cards[notes[2].id]
    assert frame.frame_rect() == before_frame.translated(0, 260) and frame.pos() == QPointF(0, 0)
    assert [fresh_db.note(n.id).theme_id for n in notes[:2]] == [theme.id, theme.id]
    undo(qtbot, window)
    assert frame.frame_rect() == before_frame


def test_deleting_cards_and_undo_keep_the_frame_in_step(qtbot, board, fresh_db, monkeypatch):
    window, notes = board
    run = window.run_view
    name_themes(monkeypatch, "Money")
    group(qtbot, window, notes[:2])
    [theme] = fresh_db.themes(run.exercise.id)
    click_card(qtbot, run.board, run.board_scene.cards[notes[1].id])
    qtbot.keyClick(run.board, Qt.Key.Key_Delete)
    assert run.board_scene.frames[theme.id].count == 1
    undo(qtbot, window)
    assert run.board_scene.frames[theme.id].count == 2
    assert fresh_db.note(notes[1].id).theme_id == theme.id


def test_the_room_shows_notes_theme_by_theme_under_each_themes_name(qtbot, board, fresh_db, monkeypatch):
    window, notes = board
    window.toggle_room_view()
    room = window.room_view()
    name_themes(monkeypatch, "Money", "Trust")
    group(qtbot, window, [notes[4]])
    group(qtbot, window, [notes[1], notes[3]])
    assert [n.id for n in room.notes.ordered_notes()] == [notes[i].id for i in (4, 1, 3, 0, 2)]
    room.notes.ensure_layout()
    headers = {tile.note_id: tile.header for tile in room.notes.tiles}
    assert headers == {notes[4].id: "Money", notes[1].id: "Trust", notes[3].id: "Trust",
                       notes[0].id: "", notes[2].id: ""}
    corners = [(tile.rect.left(), tile.rect.top()) for tile in room.notes.tiles]
    assert corners == sorted(corners)  # down one column, then the next: a theme's tiles stay together
    room.notes.grab()
    undo(qtbot, window)
    room.notes.ensure_layout()
    assert {tile.note_id: tile.header for tile in room.notes.tiles}[notes[1].id] == ""


def test_the_rooms_tiles_keep_theme_order_as_notes_are_typed_deleted_and_undone(qtbot, board, monkeypatch):
    window, notes = board
    window.toggle_room_view()
    room = window.room_view().notes
    view, scene = window.run_view.board, window.run_view.board_scene

    def shown():
        room.grab()  # laid out as it is painted
        return [(tile.note_id, tile.header) for tile in room.tiles]

    name_themes(monkeypatch, "Trust")
    group(qtbot, window, [notes[1], notes[3]])
    themed = [(notes[1].id, "Trust"), (notes[3].id, "Trust")]
    loose = [(notes[i].id, "") for i in (0, 2, 4)]
    assert shown() == themed + loose
    type_note(qtbot, window, "Said late")
    late = (max(scene.cards), "")
    assert shown() == themed + loose + [late]

    frame, card = next(iter(scene.frames.values())), scene.cards[notes[0].id]
    drag_card(qtbot, view, card, frame.frame_rect().center() - card.centre())  # joins the theme
    assert shown() == [(notes[0].id, "Trust")] + themed + loose[1:] + [late]  # in capture order
    undo(qtbot, window)
    assert shown() == themed + loose + [late]

    click_card(qtbot, view, scene.cards[notes[3].id])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert shown() == themed[:1] + loose + [late]
    undo(qtbot, window)  # back in its theme, in its place
    assert shown() == themed + loose + [late]
    undo(qtbot, window)
    assert shown() == themed + loose
    undo(qtbot, window)  # the grouping: capture order, no headers
    assert shown() == [(n.id, "") for n in notes]
    redo(qtbot, window)
    assert shown() == themed + loose


@pytest.fixture
def stores():
    """Stores opened by a test on the workshop file, closed after the test's windows are gone."""
    opened = []
    yield opened
    for store in opened:
        store.close()


def board_state(window):
    run = window.run_view
    scene = run.board_scene
    return ({i: (c.pos().x(), c.pos().y(), c.note.theme_id) for i, c in scene.cards.items()},
            {t: (f.theme.title, frozenset(scene.members.get(t, ())), f.frame_rect()) for t, f in scene.frames.items()})


def test_grouping_ungrouping_moving_and_voting_survive_closing_and_reopening(stores, qtbot, db_path, clock,
                                                                             tmp_path, monkeypatch):
    first = Store(db_path, clock=clock)
    stores.append(first)
    workshop = make_workshop(first)
    window = make_window(qtbot, first, make_settings(tmp_path / "one"), clock)
    assert window.open_workshop(workshop.id)
    run = window.run_view
    notes = add_notes(window, *TEXTS, "Winter brings us together")
    run.board.setFocus()
    name_themes(monkeypatch, "Money", "Trust", "Money & time")
    group(qtbot, window, notes[:2])
    group(qtbot, window, notes[2:4])
    click_card(qtbot, run.board, run.board_scene.cards[notes[2].id])
    qtbot.keyClick(run.board, Qt.Key.Key_G, CTRL | SHIFT)  # ungroup Trust
    drag_card(qtbot, run.board, run.board_scene.cards[notes[5].id], QPointF(45, 120))
    money = next(t for t in first.themes(run.exercise.id) if t.title == "Money")
    frame = run.board_scene.frames[money.id]
    qtbot.mouseClick(run.board.viewport(), Qt.MouseButton.LeftButton,
                     pos=run.board.mapFromScene(frame.mapToScene(frame.label_rect().center())))
    qtbot.keyClick(run.board, Qt.Key.Key_F2)  # rename Money
    monkeypatch.setattr(ExerciseChooser, "ask", classmethod(lambda cls, parent, exercises, count: exercises[0].id))
    click_card(qtbot, run.board, run.board_scene.cards[notes[4].id])
    qtbot.keyClick(run.board, Qt.Key.Key_M, CTRL | SHIFT)
    people = [p.id for p in first.participants(workshop.id)]
    monkeypatch.setattr(RoundSetupDialog, "ask", classmethod(
        lambda cls, parent, store, workshop_id, exercise_id=None: RoundSettings(
            title="What first?", exercise_id=exercise_id, target="themes", voter_ids=tuple(people[:2]))))
    dock = next(p for p in window.side_panels if hasattr(p, "collect_ballots"))
    qtbot.mouseClick(dock.panel.new_button, Qt.MouseButton.LeftButton)
    [round_] = first.vote_rounds(workshop.id)
    voting.cast_ballot(first, round_.id, people[0], {("theme", money.id): 2})
    qtbot.mouseClick(dock.panel.reveal_button, Qt.MouseButton.LeftButton)
    results = voting.results(first, round_.id)
    seen = board_state(window)
    stored = {n.id: first.note(n.id) for n in notes}
    window.close()

    second = Store(db_path, clock=clock)
    stores.append(second)
    again = make_window(qtbot, second, make_settings(tmp_path / "two"), clock)
    assert again.open_workshop(workshop.id)
    again.run_view.board.resize(run.board.size())
    assert board_state(again) == seen
    assert {n.id: second.note(n.id) for n in notes} == stored
    assert [t.title for t in second.themes(run.exercise.id)] == ["Money & time"]
    assert second.note(notes[4].id).exercise_id == run.exercises[1].id
    assert voting.results(second, round_.id) == results and results[0].text == "Money & time"
    again_dock = next(p for p in again.side_panels if hasattr(p, "collect_ballots"))
    assert [line.dots for line in again_dock.panel.results_view.model.lines] == [2]


# -- frames apart: the board's own layout, and grouping cards it laid out --------------------------
def test_the_demo_boards_show_each_theme_in_a_frame_of_its_own_in_review_and_run_views(qtbot, window, fresh_db,
                                                                                      monkeypatch):
    workshop = demo.create_demo_workshop(fresh_db)
    exercises = fresh_db.exercises(workshop.id)
    window.resize(1366, 768)
    assert window.open_workshop(workshop.id)  # closed: read only, in review mode
    for exercise in exercises:
        assert window.review.show_exercise(exercise.id)
        scene = window.review.board_scene
        shown = {f.theme.title for f in scene.frames.values() if f.isVisible()}
        assert shown == {t.title for t in fresh_db.themes(exercise.id)} and shown
        assert_each_frame_holds_its_own(scene)

    monkeypatch.setattr(main_window.MainWindow, "confirm", lambda self, question, yes: True)
    assert window.reopen_workshop(workshop.id)
    run = window.run_view
    for exercise in exercises:
        run.go_to_exercise(exercise.id)
        assert run.exercise.id == exercise.id and len(run.board_scene.cards) == len(fresh_db.notes(exercise.id))
        assert_each_frame_holds_its_own(run.board_scene)

    run.go_to_exercise(exercises[0].id)  # a loose card and one taken from a theme, grouped
    loose, themed = (n for n in fresh_db.notes(exercises[0].id) if n.text.startswith(("One shared", "Who chairs")))
    before = board_places(run.board_scene)
    run.board.setFocus()
    name_themes(monkeypatch, "Who leads")
    group(qtbot, window, [loose, themed])
    assert members(run.board_scene)["Who leads"] == {loose.id, themed.id}
    assert_each_frame_holds_its_own(run.board_scene)
    undo(qtbot, window)
    assert board_places(run.board_scene) == before and fresh_db.note(themed.id).theme_id == themed.theme_id


def test_ctrl_g_on_cards_the_grid_placed_gathers_them_in_a_frame_of_their_own_and_undo_puts_all_back(
        qtbot, running, fresh_db, monkeypatch):
    window = running
    run = window.run_view
    scene = run.board_scene
    notes = add_notes(window, *(f"Idea {i}: {text}" for i, text in enumerate(TEXTS * 2)))
    run.board.setFocus()
    grid = board_places(scene)
    name_themes(monkeypatch, "Money", "Trust")
    group(qtbot, window, [notes[0], notes[5], notes[7]])  # far apart in the grid
    assert_each_frame_holds_its_own(scene)
    group(qtbot, window, [notes[2], notes[9]])
    assert_each_frame_holds_its_own(scene)
    assert members(scene) == {"Money": {notes[0].id, notes[5].id, notes[7].id}, "Trust": {notes[2].id, notes[9].id}}
    assert places(fresh_db, [n.id for n in notes]) == dict.fromkeys((n.id for n in notes), (None, None))
    grouped = board_places(scene)
    assert grouped != grid

    undo(qtbot, window)
    undo(qtbot, window)
    assert fresh_db.themes(run.exercise.id) == [] and run.board_scene.frames == {}
    assert places(fresh_db, [n.id for n in notes]) == dict.fromkeys((n.id for n in notes), (None, None))
    assert board_places(scene) == grid
    redo(qtbot, window)
    redo(qtbot, window)
    assert board_places(scene) == grouped
    assert_each_frame_holds_its_own(scene)


def test_ctrl_g_on_cards_placed_by_hand_and_by_the_grid_gathers_them_and_undo_restores_their_places(
        qtbot, running, fresh_db, monkeypatch):
    window = running
    run = window.run_view
    scene, view = run.board_scene, run.board
    notes = add_notes(window, *(f"Before the drag {i}" for i in range(6)))
    view.setFocus()
    name_themes(monkeypatch, "Money", "Trust")
    group(qtbot, window, notes[1:3])
    drag_card(qtbot, view, scene.cards[notes[0].id], QPointF(0, 40))  # pins every card where it is
    later = add_notes(window, *(f"After the drag {i}" for i in range(5)))
    assert all(fresh_db.note(n.id).x is None for n in later)
    stored = places(fresh_db, [n.id for n in notes + later])
    shown = board_places(scene)

    group(qtbot, window, [notes[0], notes[5], later[3]])  # placed by hand, far apart, and one from the grid
    assert_each_frame_holds_its_own(scene)
    assert all(fresh_db.note(n.id).x is not None for n in (notes[0], notes[5], later[3]))

    undo(qtbot, window)
    assert places(fresh_db, [n.id for n in notes + later]) == stored
    assert board_places(scene) == shown
    assert [t.title for t in fresh_db.themes(run.exercise.id)] == ["Money"]
