"""The library's user actions: reuse, the trash, series, frameworks and templates as files."""

import json
from dataclasses import replace

import pytest

from collabdesk.domain.errors import NotFoundError, ValidationError
from collabdesk.domain.model import AgendaItem, Domain
from collabdesk.services import frameworks
from collabdesk.services import library as lib
from collabdesk.services import notes, workshops
from tests.store.library_data import rich_workshop

HOSTILE = "<b>Budget</b> &amp; <img src=x> 🤝 合作 التعاون שיתוף 協力"


def agenda_of(store, workshop_id):
    return [(e.domain_key, e.title, e.prompt, e.timer.planned) for e in store.exercises(workshop_id)]


# -- reuse ---------------------------------------------------------------------------
def test_duplicate_has_the_same_agenda_and_people_and_none_of_the_notes(fresh_db):
    source = rich_workshop(fresh_db)
    series = lib.create_series(fresh_db, "Spring")
    lib.add_to_series(fresh_db, [source.id], series.id)
    before = fresh_db.content(source.id)
    copy = lib.duplicate_workshop(fresh_db, source.id)
    assert copy.id != source.id and copy.title == "Roundtable <b>&amp;</b> (copy)"
    assert (copy.status, copy.date, copy.series_id, copy.facilitator) == ("draft", "", None, "Amara Okafor")
    assert agenda_of(fresh_db, copy.id) == agenda_of(fresh_db, source.id)
    assert [p.name for p in fresh_db.participants(copy.id)] == ["Ann", "Bo", "مريم"]
    content = fresh_db.content(copy.id, include_deleted=True)
    assert (content.notes, content.themes, content.rounds, content.votes, content.actions) == ((),) * 5
    assert fresh_db.content(source.id) == before


def test_duplicate_of_a_title_at_the_length_limit_still_fits(fresh_db):
    source = workshops.create_workshop(fresh_db, title="x" * 300)
    assert lib.duplicate_workshop(fresh_db, source.id).title.endswith("x (copy)")


def test_a_copy_of_a_copy_counts_up_instead_of_stacking(fresh_db):
    source = workshops.create_workshop(fresh_db, title="Roundtable")
    first = lib.duplicate_workshop(fresh_db, source.id)
    second = lib.duplicate_workshop(fresh_db, first.id)
    third = lib.duplicate_workshop(fresh_db, source.id)
    assert [first.title, second.title, third.title] == ["Roundtable (copy)", "Roundtable (copy 2)",
                                                        "Roundtable (copy 3)"]


def test_saved_agenda_becomes_a_template_and_a_new_workshop_without_notes(fresh_db):
    source = rich_workshop(fresh_db)
    fresh_db.update_exercise(fresh_db.exercises(source.id)[0].id, title=HOSTILE, prompt="Why? 🤔")
    template = lib.save_agenda_as_template(fresh_db, source.id, "Roundtable plan")
    made = lib.new_workshop_from_template(fresh_db, template.key, title="Next roundtable", location="York")
    assert made.framework_key == source.framework_key and made.location == "York"
    assert agenda_of(fresh_db, made.id) == agenda_of(fresh_db, source.id)
    assert fresh_db.content(made.id).notes == ()
    with pytest.raises(ValidationError, match="already exists"):
        lib.save_agenda_as_template(fresh_db, source.id, "roundtable PLAN")


# -- the trash -----------------------------------------------------------------------
def test_delete_restore_then_empty_the_trash(fresh_db):
    kept, gone = rich_workshop(fresh_db, "Kept"), rich_workshop(fresh_db, "Gone")
    before = fresh_db.content(gone.id)
    lib.trash_workshops(fresh_db, [gone.id])
    assert [s.id for s in fresh_db.summaries(trashed=True)] == [gone.id]
    lib.restore_workshops(fresh_db, [gone.id])
    assert fresh_db.content(gone.id) == before
    lib.trash_workshops(fresh_db, [gone.id])
    assert lib.empty_trash(fresh_db) == 1
    assert fresh_db.summaries(trashed=True) == []
    assert {r.hit.workshop_id for r in lib.search(fresh_db, "地域の協力")} == {kept.id}
    with pytest.raises(NotFoundError):
        fresh_db.content(gone.id)


# -- search --------------------------------------------------------------------------
def test_search_results_name_the_exercise_and_its_domain_colour(fresh_db):
    w = rich_workshop(fresh_db)
    (result,) = [r for r in lib.search(fresh_db, "協力") if r.hit.kind == "note"]
    exercise = fresh_db.exercises(w.id)[1]
    assert result.exercise_title == exercise.title == "Heart"
    assert (result.domain.name, result.domain.colour) == ("Heart", "#C8414B")


# -- series --------------------------------------------------------------------------
def test_series_list_their_workshops_earliest_first(fresh_db):
    late = workshops.create_workshop(fresh_db, title="June", date="2026-06-01")
    early = workshops.create_workshop(fresh_db, title="March", date="2026-03-01")
    other = workshops.create_workshop(fresh_db, title="Elsewhere")
    series = lib.create_series(fresh_db, "  Spring roundtables ")
    assert series.title == "Spring roundtables"
    lib.add_to_series(fresh_db, [late.id, early.id], series.id)
    assert [s.id for s in lib.series_list(fresh_db)] == [series.id]
    assert [c.workshop.title for c in lib.series_contents(fresh_db, series.id)] == ["March", "June"]
    lib.remove_from_series(fresh_db, [late.id])
    assert [c.workshop.title for c in lib.series_contents(fresh_db, series.id)] == ["March"]
    assert fresh_db.workshop(other.id).series_id is None
    with pytest.raises(ValidationError, match="already exists"):
        lib.create_series(fresh_db, "SPRING roundtables")
    renamed = lib.rename_series(fresh_db, series.id, "Spring roundtables 2026")
    lib.delete_series(fresh_db, renamed.id)
    assert lib.series_list(fresh_db) == [] and fresh_db.workshop(early.id).series_id is None


# -- frameworks ----------------------------------------------------------------------
def test_framework_life_cycle_keeps_domain_keys_through_renames(fresh_db):
    made = lib.create_framework(fresh_db, "Partnership check", description=HOSTILE)
    assert made.key == "partnership-check" and [d.name for d in made.domains] == ["General"]
    domains = (replace(made.domains[0], name="Trust", colour="#aa3300", prompts=("Who do we rely on?",)),
               Domain(key="", name="Money", colour="#003366", minutes=25))
    edited = lib.edit_framework(fresh_db, made.key, domains=domains)
    assert [(d.key, d.name, d.colour, d.minutes) for d in edited.domains] == [
        ("general", "Trust", "#AA3300", 15), ("money", "Money", "#003366", 25)]
    renamed = lib.rename_framework(fresh_db, made.key, "Partnership health")
    assert (renamed.key, renamed.name) == ("partnership-check", "Partnership health")
    assert frameworks.framework(fresh_db, made.key).description == HOSTILE
    lib.delete_framework(fresh_db, made.key)
    with pytest.raises(NotFoundError):
        frameworks.framework(fresh_db, made.key)


def test_built_in_frameworks_are_copied_not_changed(fresh_db):
    with pytest.raises(ValidationError, match="copy"):
        lib.rename_framework(fresh_db, "five-domains", "Mine")
    with pytest.raises(ValidationError, match="copy"):
        lib.delete_framework(fresh_db, "five-domains")
    copy = lib.copy_framework(fresh_db, "five-domains", "Five domains, our way")
    assert [d.key for d in copy.domains] == ["head", "heart", "bones", "limbs", "blood"]
    with pytest.raises(ValidationError, match="already exists"):
        lib.create_framework(fresh_db, "five DOMAINS, our way")


def test_invalid_domains_are_refused_with_the_reason(fresh_db):
    made = lib.create_framework(fresh_db, "Checked")
    with pytest.raises(ValidationError, match="#rrggbb"):
        lib.edit_framework(fresh_db, made.key, domains=[Domain(key="a", name="A", colour="red")])
    with pytest.raises(ValidationError, match="twice"):
        lib.edit_framework(fresh_db, made.key, domains=[Domain("a", "A", "#000000"), Domain("", "A", "#000000")])
    assert frameworks.framework(fresh_db, made.key) == made


def test_framework_file_round_trip_keeps_every_character_and_never_overwrites(fresh_db, tmp_path):
    made = lib.create_framework(fresh_db, HOSTILE, description="x" * 5000, domains=[
        Domain("trust", "שיתוף", "#112233", description="التعاون", prompts=("協力は? <b>",), minutes=30)])
    path = lib.export_framework_file(fresh_db, made.key, tmp_path / "frame.json")
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "collabdesk.framework"
    again = lib.import_framework_file(fresh_db, path)
    assert again.name == f"{HOSTILE} (2)" and again.key != made.key
    assert replace(again, key=made.key, name=made.name) == made
    assert frameworks.framework(fresh_db, made.key) == made


def test_a_bare_framework_object_imports_too(fresh_db, tmp_path):
    path = tmp_path / "bare.json"
    path.write_text(json.dumps({"name": "Bare", "domains": [{"name": "Only", "colour": "#123456"}]}))
    assert [d.key for d in lib.import_framework_file(fresh_db, path).domains] == ["only"]


@pytest.mark.parametrize("content, reason", [
    (b"\xff\xfe not text", "not UTF-8"),
    (b'{"name": "Broken",\n "domains": [}', "line 2, column"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"format": "collabdesk.workshop", "version": 1}', "not a framework file"),
    (b'{"format": "collabdesk.framework", "version": 9, "framework": {}}', "version 9"),
    (b'{"name": "No domains", "domains": []}', "at least one domain"),
    (b'"just a string"', "does not hold a framework"),
])
def test_bad_framework_files_are_refused_with_a_clear_reason(fresh_db, tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = fresh_db.saved_frameworks()
    with pytest.raises(ValidationError, match=reason):
        lib.import_framework_file(fresh_db, path)
    assert fresh_db.saved_frameworks() == before


def test_framework_files_too_big_or_missing_are_refused_before_reading(fresh_db, tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (lib.MAX_FILE_BYTES + 1))
    with pytest.raises(ValidationError, match="too big"):
        lib.import_framework_file(fresh_db, big)
    with pytest.raises(ValidationError, match="Could not read missing.json"):
        lib.import_framework_file(fresh_db, tmp_path / "missing.json")


# -- templates -----------------------------------------------------------------------
def test_template_life_cycle(fresh_db):
    made = lib.create_template(fresh_db, "Quick check", "five-domains")
    assert [a.domain_key for a in made.agenda] == ["head", "heart", "bones", "limbs", "blood"]
    agenda = [AgendaItem("heart", HOSTILE, "What matters? 🤔", 12.5), AgendaItem("blood", "Energy", minutes=5)]
    edited = lib.edit_template(fresh_db, made.key, agenda=agenda)
    assert list(edited.agenda) == agenda
    assert lib.rename_template(fresh_db, made.key, "Quick health check").key == made.key
    with pytest.raises(ValidationError, match="minutes"):
        lib.edit_template(fresh_db, made.key, agenda=[AgendaItem("heart", "Too long", minutes=601)])
    lib.delete_template(fresh_db, made.key)
    with pytest.raises(NotFoundError):
        lib.template(fresh_db, made.key)


def test_built_in_templates_cannot_be_changed(fresh_db):
    with pytest.raises(ValidationError, match="Built-in"):
        lib.rename_template(fresh_db, "five-domains-default", "Mine")
    with pytest.raises(NotFoundError):
        lib.delete_template(fresh_db, "no-such-template")


def test_template_file_round_trip_and_unknown_framework(fresh_db, tmp_path):
    own = lib.create_framework(fresh_db, "Local frame")
    made = lib.create_template(fresh_db, "Local plan " + HOSTILE, own.key)
    path = lib.export_template_file(fresh_db, made.key, tmp_path / "plan.json")
    again = lib.import_template_file(fresh_db, path)
    assert again.name.endswith("(2)") and again.agenda == made.agenda
    lib.delete_framework(fresh_db, own.key)
    with pytest.raises(ValidationError, match="import that framework first"):
        lib.import_template_file(fresh_db, path)


def test_new_workshop_from_a_built_in_template(fresh_db):
    made = lib.new_workshop_from_template(fresh_db, "blank-default", title="Open conversation")
    assert [e.domain_key for e in fresh_db.exercises(made.id)] == ["general"]
    notes.add_note(fresh_db, fresh_db.exercises(made.id)[0].id, "first")
    assert fresh_db.summaries()[0].notes == 1
