"""Health-check scale labels in the frameworks dialog: copied from a built-in one, edited, checked on save."""

from PySide6.QtCore import Qt

from collabdesk.services import frameworks
from collabdesk.ui.planning.frameworks_dialog import FrameworksDialog

from tests.ui.desk import choose


def test_the_second_built_in_framework_is_offered_with_its_scale(qtbot, ops, answers):  # noqa: F811
    dialog = FrameworksDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.frameworks, "Cycle of systems change")
    assert dialog.domains.count() == 7
    assert dialog.domain_editor.labels.toPlainText().split("\n")[0] == "No shared picture of where we are going"


def test_labels_are_edited_in_a_copy_and_five_are_needed(qtbot, ops, fresh_db, answers):  # noqa: F811
    dialog = FrameworksDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.frameworks, "Five domains")
    answers["text"] = "Our five"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    labels = dialog.domain_editor.labels
    labels.setPlainText("Only <b>crisis</b>\nPatchy")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "needs 5 health-check labels" in dialog.error.text()
    assert labels.toPlainText() == "Only <b>crisis</b>\nPatchy"  # the edits stay
    labels.setPlainText("Only <b>crisis</b>\nPatchy\nSome\nMost\nAlways")
    assert dialog.save()
    head = frameworks.framework(fresh_db, "our-five").domains[0]
    assert head.labels == ("Only <b>crisis</b>", "Patchy", "Some", "Most", "Always")
