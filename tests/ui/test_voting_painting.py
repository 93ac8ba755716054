"""Painting dot bars must not wear Python down.

PySide6 6.12.0 on CPython 3.11 hands back None (and True/False) from every void call
without taking a reference, so a few thousand painter calls free None itself and the
app aborts ("deallocating None"). The dot bars make several such calls per row per
frame, so this guards the pinned binding (pyproject: shiboken6 != 6.12.0).
"""

import sys

from PySide6.QtGui import QImage, QPainter

from collabdesk.services import notes, voting, workshops
from collabdesk.ui.voting import RoomResultsView


def test_painting_revealed_results_keeps_none_alive(qtbot, fresh_db, ops):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann"])
    exercise = fresh_db.exercises(w.id)[0]
    note = notes.add_note(fresh_db, exercise.id, "Budget")
    round_ = voting.start_round(fresh_db, w.id, title="Top")
    voting.cast_ballot(fresh_db, round_.id, fresh_db.participants(w.id)[0].id, {("note", note.id): 3})
    voting.reveal_round(fresh_db, round_.id)
    view = RoomResultsView(ops, round_.id)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None)
    for _ in range(20):
        view.grab()
        painter = QPainter(image)
        painter.save()
        painter.restore()
        painter.end()
    lost = before - sys.getrefcount(None)
    assert lost < 20, (
        f"The Qt binding dropped {lost} references to None while painting: this PySide6/shiboken6 "
        f"release frees None under CPython {sys.version_info[0]}.{sys.version_info[1]}; use another release.")
