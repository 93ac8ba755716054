"""Text from a note, a participant, a series or a workshop file is shown as typed on every surface.

Two halves: a rule over the UI's source (message boxes and tooltips are made only through
``ui/common/plain.py``, labels with text from outside through ``plain_label``), and a walk
over every label, tooltip and item view of the window on a workshop whose every field
holds markup, in the library, the run view and review mode, and the import error dialog.
"""

import ast
import json
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QWidget

from collabdesk.services import actions, library, notes, workshops

UI = Path(__file__).resolve().parents[2] / "collabdesk" / "ui"
MARKUP = "<b>x</b>"
HOSTILE = f"{MARKUP} <img src='file:///etc/hosts'> <a href='https://example.org'>link</a> " + "and more words " * 4
BOX_FUNCTIONS = {"warning", "critical", "information", "question", "about"}


# -- the rule over the source ------------------------------------------------------------------
def _plain_argument(node: ast.expr) -> bool:
    """A literal of ours, or text that went through ``plain_tooltip`` (either branch of an ``if``)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.IfExp):
        return _plain_argument(node.body) and _plain_argument(node.orelse)
    return isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "plain_tooltip"


def test_message_boxes_tooltips_and_labels_with_outside_text_are_made_only_the_plain_way():
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "plain.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(UI)}:{node.lineno}"
            func = node.func
            if isinstance(func, ast.Name) and func.id == "QMessageBox":
                found.append(f"{where} makes a QMessageBox (use plain.message_box)")
            if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "QMessageBox" \
                    and func.attr in BOX_FUNCTIONS:
                found.append(f"{where} QMessageBox.{func.attr} reads its text as rich text (use plain.show_message)")
            if isinstance(func, ast.Attribute) and func.attr == "setToolTip" and node.args \
                    and not _plain_argument(node.args[-1]):
                found.append(f"{where} sets a tooltip without plain_tooltip")
            if isinstance(func, ast.Name) and func.id == "QLabel" and node.args \
                    and not isinstance(node.args[0], ast.Constant) and not isinstance(node.args[0], ast.Name):
                found.append(f"{where} makes a QLabel from outside text (use plain_label)")
    assert not found, "\n".join(found)


# -- every surface, with markup in every field -----------------------------------------------
def hostile_workshop(store, *, close: bool):
    workshop = workshops.create_workshop(store, title=HOSTILE, purpose=HOSTILE, facilitator=MARKUP, location=MARKUP,
                                         participants=[HOSTILE, MARKUP])
    exercise = store.exercises(workshop.id)[0]
    people = store.participants(workshop.id)
    note = notes.add_note(store, exercise.id, HOSTILE, author_id=people[0].id, kind="quote", role=MARKUP)
    notes.add_note(store, exercise.id, HOSTILE)
    notes.group_notes(store, exercise.id, HOSTILE, [note.id])
    actions.add_action(store, workshop.id, HOSTILE, owner=MARKUP, note_id=note.id)
    workshops.start_workshop(store, workshop.id)
    if close:
        workshops.close_workshop(store, workshop.id, backup=False)
    series = library.create_series(store, f"{HOSTILE} ({'closed' if close else 'running'})")
    library.add_to_series(store, [workshop.id], series.id)
    return workshop


def _rich(text) -> bool:
    return isinstance(text, str) and MARKUP in text and GuiQt.mightBeRichText(text)


def _tips(model, parent=QModelIndex()):
    try:
        columns, tree = model.columnCount(parent), True
    except TypeError:  # a list model keeps columnCount and hasChildren to itself: one column, flat
        columns, tree = 1, False
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index, index.data(Qt.ItemDataRole.ToolTipRole)
            if tree and column == 0 and model.rowCount(index) > 0:
                yield from _tips(model, index)


def markup_rendered(root: QWidget) -> list[str]:
    """Every place under ``root`` that would render the markup instead of showing it."""
    found = [f"label {label.objectName() or label.text()[:30]!r}" for label in root.findChildren(QLabel)
             if MARKUP in label.text() and label.textFormat() != Qt.TextFormat.PlainText]
    found += [f"tooltip of {w.metaObject().className()}" for w in [root, *root.findChildren(QWidget)]
              if _rich(w.toolTip())]
    found += [f"tooltip of action {a.text()!r}" for a in root.findChildren(QAction) if _rich(a.toolTip())]
    for view in root.findChildren(QAbstractItemView):
        if view.model() is not None:
            found += [f"tooltip in {view.metaObject().className()} row {i.row()}"
                      for i, tip in _tips(view.model()) if _rich(tip)]
    return found


def test_markup_in_every_field_is_shown_as_typed_in_the_library_run_view_and_review(window, fresh_db):
    closed = hostile_workshop(fresh_db, close=True)
    running = hostile_workshop(fresh_db, close=False)
    window.home.refresh()
    assert markup_rendered(window) == []
    assert window.open_workshop(running.id)
    assert markup_rendered(window) == []
    assert window.review_workshop(closed.id)
    assert markup_rendered(window) == []
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible() and MARKUP in label.text()]
    assert shown, "the review shows the workshop's title somewhere"


def test_the_import_error_dialog_shows_the_files_text_as_typed(window, tmp_path, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append((box.textFormat(), box.text())) or 0)
    refused = tmp_path / "<b>refused<b>.json"
    refused.write_text(json.dumps({"format": "collabdesk.workshop", "version": 1,
                                   "workshop": {"title": "Fine", HOSTILE: 1}}), encoding="utf-8")
    assert window.home.import_files([str(refused)]) == []
    [(text_format, text)] = boxes
    assert text_format == Qt.TextFormat.PlainText and MARKUP in text
