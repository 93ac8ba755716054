"""Managing frameworks and templates through their dialogs."""

import json
from pathlib import Path

from PySide6.QtCore import Qt

from collabdesk.services import frameworks
from collabdesk.services import library as library_services
from collabdesk.ui.planning.frameworks_dialog import FrameworksDialog
from collabdesk.ui.planning.templates_dialog import DOMAIN, MINUTES, PROMPT, TITLE, TemplatesDialog
from tests.ui.desk import choose

HOSTILE = "<b>Trust</b> &amp; 信頼 الثقة אמון 🤝"


# -- frameworks ----------------------------------------------------------------------
def test_a_new_framework_gets_its_domains_edited_and_saved(qtbot, fresh_db, answers, ops):
    dialog = FrameworksDialog(ops)
    qtbot.addWidget(dialog)
    answers["text"] = "Partnership check"
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.heading.text() == "Partnership check" and dialog.domains.count() == 1
    editor = dialog.domain_editor
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Trust")
    qtbot.mouseClick(editor.pick_button, Qt.MouseButton.LeftButton)
    editor.minutes.setValue(25)
    editor.prompts.setPlainText("Who do we rely on?\n\nWhat would break trust?")
    qtbot.mouseClick(dialog.add_domain_button, Qt.MouseButton.LeftButton)
    dialog.domain_editor.name.setText("")
    qtbot.keyClicks(dialog.domain_editor.name, "Money")
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.save()
    assert dialog.note.text() == "Saved “Partnership check”."
    saved = frameworks.framework(fresh_db, "partnership-check")
    assert [(d.name, d.colour, d.minutes) for d in saved.domains] == [("Money", "#5B6770", 15),
                                                                       ("Trust", "#123ABC", 25)]
    assert saved.domains[1].prompts == ("Who do we rely on?", "What would break trust?")
    assert saved.domains[1].key == "general"  # renamed, same key: past exercises keep their domain


def test_a_bad_colour_is_refused_inline_and_the_edits_stay(qtbot, fresh_db, answers, ops):
    made = library_services.create_framework(fresh_db, "Checked")
    dialog = FrameworksDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.frameworks, "Checked")
    dialog.domain_editor.colour.clear()
    qtbot.keyClicks(dialog.domain_editor.colour, "blue")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "#rrggbb" in dialog.error.text()
    assert dialog.domain_editor.colour.text() == "blue" and dialog.save_button.isEnabled()
    assert frameworks.framework(fresh_db, made.key) == made


def test_built_in_frameworks_are_read_only_and_copied_to_edit(qtbot, fresh_db, answers, ops):
    dialog = FrameworksDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.frameworks, "Five domains")
    assert dialog.description.isReadOnly() and not dialog.domain_editor.isEnabled()
    assert not dialog.rename_button.isEnabled() and not dialog.delete_button.isEnabled()
    answers["text"] = HOSTILE
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert dialog.heading.text() == HOSTILE and dialog.domains.count() == 5
    assert dialog.domain_editor.isEnabled()


def test_framework_export_then_import_through_the_dialog(qtbot, fresh_db, answers, ops):
    library_services.create_framework(fresh_db, HOSTILE)
    dialog = FrameworksDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.frameworks, HOSTILE)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert json.loads(Path(answers["save"]).read_text(encoding="utf-8"))["framework"]["name"] == HOSTILE
    assert dialog.note.text() == f"Exported “{HOSTILE}” to {answers['save']}."
    answers["open"] = answers["save"]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.heading.text() == f"{HOSTILE} (2)"
    answers["open"] = __file__  # not JSON
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(answers["errors"]) == 1 and "broken JSON" in answers["errors"][0]


def test_rename_and_delete_a_framework(qtbot, fresh_db, answers, ops):
    library_services.create_framework(fresh_db, "Old name")
    dialog = FrameworksDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.frameworks, "Old name")
    answers["text"] = "New name"
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert frameworks.framework(fresh_db, "old-name").name == "New name"
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert fresh_db.saved_frameworks() == []


def test_leaving_unsaved_edits_asks_first(qtbot, fresh_db, answers, ops):
    library_services.create_framework(fresh_db, "Mine")
    dialog = FrameworksDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.frameworks, "Mine")
    qtbot.keyClicks(dialog.domain_editor.name, " edited")
    answers["ask"] = False
    choose(dialog.frameworks, "Blank")
    assert dialog.heading.text() == "Mine" and dialog.domain_editor.name.text() == "General edited"


# -- templates -----------------------------------------------------------------------
def test_a_template_is_created_edited_and_used_for_a_new_workshop(qtbot, fresh_db, answers, ops):
    dialog = TemplatesDialog(ops)
    qtbot.addWidget(dialog)
    answers["text"] = "Quick check"
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.heading.text() == "Quick check" and dialog.agenda.rowCount() == 5
    dialog.agenda.item(0, TITLE).setText(HOSTILE)
    dialog.agenda.item(0, PROMPT).setText("What do we owe each other?")
    dialog.agenda.cellWidget(0, MINUTES).setValue(12.5)
    dialog.agenda.cellWidget(0, DOMAIN).setCurrentIndex(4)
    dialog.agenda.selectRow(4)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.save()
    saved = library_services.template(fresh_db, "quick-check")
    assert [(a.domain_key, a.title, a.minutes) for a in saved.agenda][:1] == [("blood", HOSTILE, 12.5)]
    assert len(saved.agenda) == 4

    answers["text"] = "Autumn roundtable"
    with qtbot.waitSignal(dialog.workshop_created) as created:
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    exercises = fresh_db.exercises(created.args[0])
    assert [(e.domain_key, e.title, e.timer.planned) for e in exercises][:1] == [("blood", HOSTILE, 750.0)]
    assert fresh_db.workshop(created.args[0]).title == "Autumn roundtable"


def test_a_template_follows_a_new_framework_and_refuses_a_blank_title(qtbot, fresh_db, answers, ops):
    library_services.create_template(fresh_db, "Switch me", "five-domains")
    dialog = TemplatesDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.templates, "Switch me")
    dialog.framework.setCurrentIndex(dialog.framework.findData("blank"))
    assert {dialog.agenda.cellWidget(r, DOMAIN).currentData() for r in range(dialog.agenda.rowCount())} == {"general"}
    dialog.agenda.item(1, TITLE).setText("   ")
    assert not dialog.save() and "cannot be empty" in dialog.error.text()
    dialog.agenda.item(1, TITLE).setText("Open floor")
    assert dialog.save()
    assert library_services.template(fresh_db, "switch-me").framework_key == "blank"


def test_built_in_templates_are_read_only(qtbot, fresh_db, answers, ops):
    dialog = TemplatesDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.templates, "Five domains")
    assert not dialog.add_button.isEnabled() and not dialog.framework.isEnabled()
    assert not dialog.agenda.item(0, TITLE).flags() & Qt.ItemFlag.ItemIsEditable
    assert dialog.use_button.isEnabled()


def test_template_files_round_trip_through_the_dialog(qtbot, fresh_db, answers, ops):
    library_services.create_template(fresh_db, "Shared plan", "five-domains")
    dialog = TemplatesDialog(ops)
    qtbot.addWidget(dialog)
    choose(dialog.templates, "Shared plan")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.note.text() == f"Exported “Shared plan” to {answers['save']}."
    answers["open"] = answers["save"]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.heading.text() == "Shared plan (2)"
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert [t.name for t in fresh_db.saved_templates()] == ["Shared plan"]
