"""Text of any script and length stays inside its card, its room tile and its header, shown literally."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QLabel

from collabdesk.ui.common.text_fit import fit_text, is_right_to_left
from tests.ui.desk import make_workshop

SAMPLES = {
    "markup": "<b>bold?</b> &amp; <img src=x> <i>never rendered</i>",
    "long": "word " * 2000,  # 10,000 characters
    "one long word": "x" * 10_000,
    "arabic": "نحتاج إلى ميزانية مشتركة بين المجالس والمستشفيات قبل الشتاء القادم " * 6,
    "hebrew": "אנחנו צריכים תקציב משותף לפני החורף " * 8,
    "chinese": "我们需要在冬天之前建立共同预算，让每个社区都能参与决策。" * 8,
    "japanese": "住民がパートナーとして参加できる仕組みが必要です。" * 8,
    "emoji": "👩🏽‍⚕️ nurses + 🧑‍🦽 residents = 💡 " * 40,
    "lines": "\n".join(f"line {i}" for i in range(60)),
}
SLACK = 0.75  # sub-pixel rounding of glyph advances


def inside(inner: QRectF, outer: QRectF) -> bool:
    return outer.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(inner)


@pytest.mark.parametrize("name", SAMPLES)
def test_a_card_keeps_any_text_inside_its_bounds(running, fresh_db, name):
    text = SAMPLES[name]
    note = running.ops.add_note(running.run_view.exercise.id, text, kind="quote", role="Speaker")
    card = running.run_view.board_scene.cards[note.id]
    fitted = card.fitted_text()
    assert inside(fitted.bounds().translated(card.text_rect().topLeft()), card.text_rect())
    assert inside(card.text_rect(), card.boundingRect())
    assert fitted.layout.text().startswith(text[:20].replace("\n", "\u2028"))  # the markup is the text itself
    if len(text) > 1000:
        assert fitted.elided and fitted.last_line.endswith("…")
    assert fresh_db.note(note.id).text == text


def test_room_tiles_keep_every_note_inside_its_tile_and_the_board(running, fresh_db):
    running.toggle_room_view()
    room = running.room_view()
    room.resize(1366, 768)
    for text in SAMPLES.values():
        running.ops.add_note(running.run_view.exercise.id, text)
    room.notes.ensure_layout()
    area = QRectF(room.notes.rect())
    assert len(room.notes.tiles) + room.notes.hidden_count == len(SAMPLES)
    for tile in room.notes.tiles:
        assert inside(tile.rect, area)
        assert inside(tile.text.bounds().translated(tile.text_origin), tile.rect)


def test_the_room_shrinks_type_to_fit_and_counts_what_it_cannot_show(running):
    running.toggle_room_view()
    room = running.room_view()
    room.resize(1366, 768)
    exercise_id = running.run_view.exercise.id
    running.ops.add_note(exercise_id, "First idea")
    room.notes.ensure_layout()
    big = room.notes.pixel_size
    for i in range(300):
        running.ops.add_note(exercise_id, f"Idea number {i} about shared budgets")
    room.notes.ensure_layout()
    assert room.notes.pixel_size < big
    assert room.notes.hidden_count > 0
    shown = [t.note_id for t in room.notes.tiles]
    assert shown[-1] == max(room.notes.note_ids())  # the newest is always on screen
    assert len(shown) + room.notes.hidden_count == 301


def test_headers_show_titles_and_prompts_literally_and_stay_in_their_box(qtbot, fresh_db, window):
    prompt = "<b>What</b> stops us? " + "long prompt " * 400
    workshop = make_workshop(fresh_db, title="<i>Roundtable</i> &amp;", participants=["<b>Amira</b>"])
    exercise = fresh_db.exercises(workshop.id)[0]
    fresh_db.update_exercise(exercise.id, prompt=prompt, title="<u>Head</u> " * 30)
    window.open_workshop(workshop.id)
    header = window.run_view.header
    assert window.windowTitle() == "<i>Roundtable</i> &amp; — CollabDesk"
    assert window.run_view.capture.author.itemText(1) == "<b>Amira</b>"
    for label in (header.title, header.prompt):
        fitted = label.fitted()
        assert inside(fitted.bounds(), QRectF(label.rect()))
        assert fitted.elided
    assert header.prompt.fitted().layout.text().startswith("<b>What</b>")
    plain = [label for label in window.findChildren(QLabel) if label.text().startswith("<")]
    assert all(label.textFormat().name == "PlainText" for label in plain)


def test_direction_follows_the_first_strong_character():
    assert is_right_to_left(SAMPLES["arabic"]) and is_right_to_left("123 " + SAMPLES["hebrew"])
    assert not is_right_to_left(SAMPLES["chinese"]) and not is_right_to_left("")


def test_an_elided_right_to_left_line_stays_in_the_box(qapp):
    from PySide6.QtGui import QFont

    fitted = fit_text(SAMPLES["arabic"], QFont(), 150, 60)
    assert fitted.right_to_left and fitted.elided
    assert inside(fitted.bounds(), QRectF(0, 0, 150, 60))
