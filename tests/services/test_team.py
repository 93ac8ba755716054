"""The team library: two databases stand for two laptops sharing one team folder (what a
sync engine replicates), and the folder is given what sync engines really leave in it."""

import json
import os
import shutil

import pytest

from collabdesk.domain.errors import CollabDeskError, ValidationError
from collabdesk.services import demo, files, library, notes, team, workshops
from collabdesk.store import Store
from tests.refused_files import REFUSED, write_refused
from tests.conftest import FakeClock


def laptop(tmp_path, folder, name: str):
    """A library of its own (its database, its clock) with the shared team folder set."""
    store = Store(tmp_path / name / "collabdesk.sqlite", clock=FakeClock(1_800_000_000.0))
    team.set_team_folder(store, folder)
    return store


@pytest.fixture
def laptop_a(tmp_path, folder):
    with laptop(tmp_path, folder, "a") as store:
        yield store


@pytest.fixture
def laptop_b(tmp_path, folder):
    with laptop(tmp_path, folder, "b") as store:
        yield store


def closed_roundtable(store: Store, title: str = "Carers roundtable") -> str:
    w = workshops.create_workshop(store, title=title, facilitator="Sam Whitfield", participants=["Ann", "Bo"])
    notes.add_note(store, store.exercises(w.id)[0].id, "Pooled budgets for carers")
    workshops.start_workshop(store, w.id)
    workshops.close_workshop(store, w.id)
    return w.id


def team_titles(store: Store) -> list[str]:
    return [s.title for s in store.summaries(origin="team")]


def later(store: Store, seconds: float = 60) -> None:
    store.clock.advance(seconds)


def test_a_workshop_closed_on_one_laptop_appears_once_on_the_other_and_follows_its_edits(laptop_a, laptop_b, folder):
    workshop_id = closed_roundtable(laptop_a)
    assert len(list(folder.glob("*.json"))) == 1
    team.scan(laptop_b)
    assert team_titles(laptop_b) == ["Carers roundtable"]
    assert [r.hit.workshop_id for r in library.search(laptop_b, "pooled", origin="team")] == [workshop_id]
    assert laptop_b.summaries(origin="own") == []

    later(laptop_a)
    workshops.reopen_workshop(laptop_a, workshop_id)
    notes.add_note(laptop_a, laptop_a.exercises(workshop_id)[0].id, "Respite on weekends")
    workshops.edit_workshop(laptop_a, workshop_id, title="Carers roundtable, second round")
    workshops.close_workshop(laptop_a, workshop_id)
    assert len(list(folder.glob("*.json"))) == 1  # renamed with the title, never a second file
    team.scan(laptop_b)
    assert team_titles(laptop_b) == ["Carers roundtable, second round"]
    assert [n.text for n in laptop_b.content(workshop_id).notes] == ["Pooled budgets for carers", "Respite on weekends"]


def test_a_series_on_the_other_laptop_reports_the_team_workshop_and_keeps_it_through_updates(
        laptop_a, laptop_b, folder):
    workshop_id = closed_roundtable(laptop_a)
    team.scan(laptop_b)
    own = closed_roundtable(laptop_b, "Hospital discharge roundtable")
    series = library.create_series(laptop_b, "Home from hospital")
    library.add_to_series(laptop_b, [workshop_id, own], series.id)
    later(laptop_a)
    workshops.reopen_workshop(laptop_a, workshop_id)
    workshops.close_workshop(laptop_a, workshop_id)
    team.scan(laptop_b)
    report = library.series_report_input(laptop_b, series.id)
    assert sorted(c.workshop.title for c in report.contents) == ["Carers roundtable", "Hospital discharge roundtable"]


def test_a_team_workshop_is_read_only_to_sharing_and_copies_under_a_new_id(laptop_a, laptop_b):
    workshop_id = closed_roundtable(laptop_a)
    team.scan(laptop_b)
    for refused in (team.publish, workshops.start_workshop, workshops.reopen_workshop,
                    lambda store, w: library.trash_workshops(store, [w]),
                    lambda store, w: workshops.edit_workshop(store, w, title="Mine now")):
        with pytest.raises(ValidationError, match="team workshop"):
            refused(laptop_b, workshop_id)
    copy = team.copy_to_library(laptop_b, workshop_id)
    assert copy.id != workshop_id and copy.title == "Carers roundtable"
    assert [s.id for s in laptop_b.summaries(origin="own")] == [copy.id]
    assert laptop_b.workshop_origin(workshop_id) == "team"


def test_the_own_workshops_shared_file_is_not_indexed_again_as_a_team_workshop(laptop_a):
    closed_roundtable(laptop_a)
    team.scan(laptop_a)
    assert team_titles(laptop_a) == [] and laptop_a.team_problems() == []


def test_sharing_anonymised_leaves_out_every_name(laptop_a, laptop_b, folder):
    w = workshops.create_workshop(laptop_a, title="Roundtable", facilitator="Sam Whitfield", participants=["Ann Lee"])
    actions_owner = "Ann Lee"
    from collabdesk.services import actions

    actions.add_action(laptop_a, w.id, "Map the budgets", owner=actions_owner)
    path = team.publish(laptop_a, w.id, anonymise=True)
    text = path.read_text(encoding="utf-8")
    assert "Ann" not in text and "Sam" not in text and "Whitfield" not in text
    assert path.name.startswith("Roundtable_")
    workshops.close_workshop(laptop_a, w.id)  # the choice is remembered for the share on close
    assert "Ann" not in path.read_text(encoding="utf-8")
    team.scan(laptop_b)
    assert laptop_b.participants(w.id)[0].name == "Participant 1"


def test_a_truncated_then_completed_file_is_listed_then_indexed_once(laptop_a, laptop_b, folder):
    workshop_id = closed_roundtable(laptop_a)
    shared = next(folder.glob("*.json"))
    whole = shared.read_bytes()
    shared.write_bytes(whole[: len(whole) // 2])  # half downloaded
    team.scan(laptop_b)
    assert team_titles(laptop_b) == []
    assert [p.path for p in laptop_b.team_problems()] == [shared.name]
    shared.write_bytes(whole)
    team.scan(laptop_b)
    assert team_titles(laptop_b) == ["Carers roundtable"] and laptop_b.team_problems() == []
    assert laptop_b.workshop(workshop_id).title == "Carers roundtable"


def test_a_file_emptied_by_the_sync_engine_keeps_the_indexed_workshop(laptop_a, laptop_b, folder):
    closed_roundtable(laptop_a)
    team.scan(laptop_b)
    shared = next(folder.glob("*.json"))
    whole = shared.read_bytes()
    shared.write_bytes(b"")
    team.scan(laptop_b)
    assert team_titles(laptop_b) == ["Carers roundtable"]
    assert "empty" in laptop_b.team_problems()[0].reason
    shared.write_bytes(whole)
    team.scan(laptop_b)
    assert laptop_b.team_problems() == []


def test_a_file_replaced_while_being_read_is_read_again_and_the_newer_edit_wins(
        laptop_a, laptop_b, folder, monkeypatch):
    workshop_id = closed_roundtable(laptop_a)
    shared = next(folder.glob("*.json"))
    later(laptop_a)
    workshops.reopen_workshop(laptop_a, workshop_id)
    workshops.edit_workshop(laptop_a, workshop_id, title="Carers roundtable, revised")
    newer = json.dumps(files.workshop_document(laptop_a, workshop_id))
    reading = team._read_file

    def replaced_while_read(path):
        read = reading(path)
        staged = path.with_name(".incoming.tmp")
        staged.write_text(newer, encoding="utf-8")
        os.replace(staged, path)  # the sync engine renames the new version into place mid-read
        return read

    monkeypatch.setattr(team, "_read_file", replaced_while_read)
    team.scan(laptop_b)
    monkeypatch.setattr(team, "_read_file", reading)
    assert team_titles(laptop_b) == ["Carers roundtable"]  # the whole old version, never a mix
    team.scan(laptop_b)
    assert team_titles(laptop_b) == ["Carers roundtable, revised"]
    assert len(laptop_b.summaries()) == 1
    assert shared.exists()


@pytest.mark.parametrize("copy_name", [
    "{stem} (conflicted copy 2026-03-01).json", "{stem} (1).json", "{stem}-DESKTOP-ABC123.json",
    "Older/{stem}.json",
])
def test_a_conflict_copy_never_duplicates_and_the_newer_edit_wins_either_way(laptop_a, laptop_b, folder, copy_name):
    workshop_id = closed_roundtable(laptop_a)
    original = next(folder.glob("*.json"))
    older = original.read_bytes()
    later(laptop_a)
    workshops.reopen_workshop(laptop_a, workshop_id)
    workshops.edit_workshop(laptop_a, workshop_id, title="Newer edit")
    workshops.close_workshop(laptop_a, workshop_id)
    original = next(folder.glob("*.json"))
    copy = folder / copy_name.format(stem=original.stem.replace("Newer-edit", "Carers-roundtable"))
    copy.parent.mkdir(exist_ok=True)
    copy.write_bytes(older)  # the older edit arrives as a conflict copy
    team.scan(laptop_b)
    assert team_titles(laptop_b) == ["Newer edit"]
    listed = laptop_b.team_problems()
    assert [p.path for p in listed] == [copy.relative_to(folder).as_posix()]
    assert "conflict copy" in listed[0].reason and copy.exists() and original.exists()

    newest = original.read_bytes()  # now the other way round: the copy holds the newer edit
    original.write_bytes(older)
    copy.write_bytes(newest)
    team.scan(laptop_b)
    assert team_titles(laptop_b) == ["Newer edit"] and len(laptop_b.summaries()) == 1


def test_a_file_deleted_then_restored_comes_back_once_with_its_series(laptop_a, laptop_b, folder, tmp_path):
    workshop_id = closed_roundtable(laptop_a)
    team.scan(laptop_b)
    series = library.create_series(laptop_b, "Home from hospital")
    library.add_to_series(laptop_b, [workshop_id], series.id)
    shared = next(folder.glob("*.json"))
    kept = tmp_path / "recycle bin.json"
    shutil.move(shared, kept)
    team.scan(laptop_b)
    assert team_titles(laptop_b) == [] and laptop_b.summaries(trashed=True) == []
    shutil.move(kept, shared)
    team.scan(laptop_b)
    assert team_titles(laptop_b) == ["Carers roundtable"]
    assert [s.id for s in laptop_b.summaries(series_id=series.id)] == [workshop_id]


@pytest.mark.parametrize("kind", REFUSED)
def test_a_hostile_file_changes_nothing_and_is_listed_as_a_problem(laptop_a, laptop_b, folder, kind):
    workshop_id = demo.create_demo_workshop(laptop_a).id
    assert list(folder.iterdir()) == []  # a sample workshop is never shared on its own
    team.publish(laptop_a, workshop_id)
    team.scan(laptop_b)
    before = laptop_b.content(workshop_id)
    hostile = folder / f"{kind.replace(' ', '-')}.json"
    write_refused(kind, hostile, files.workshop_document(laptop_a, workshop_id))
    result = team.scan(laptop_b)
    assert result.changed == 0
    assert laptop_b.content(workshop_id) == before and len(laptop_b.summaries()) == 1
    assert [p.path for p in laptop_b.team_problems()] == [hostile.name]


def test_a_file_with_a_known_uuid_of_ones_own_never_changes_it(laptop_a, laptop_b, folder):
    """A file naming someone's own workshop's UUID (hostile, or their share coming back) is not indexed."""
    own = closed_roundtable(laptop_b, "Mine")
    document = files.workshop_document(laptop_b, own)
    document["workshop"]["title"] = "Taken over"
    document["workshop"]["updated"] = "2099-01-01T00:00:00+00:00"
    (folder / "takeover.json").write_text(json.dumps(document), encoding="utf-8")
    team.scan(laptop_b)
    assert laptop_b.workshop(own).title == "Mine" and team_titles(laptop_b) == []


def test_with_no_team_folder_nothing_reads_or_lists_any_folder(fresh_db, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a folder was read with no team folder set")

    for reader in ("_workshop_files", "_read_file", "_published_before"):
        monkeypatch.setattr(team, reader, refuse)
    monkeypatch.setattr(team.atomic, "write_json", refuse)
    workshop_id = demo.create_demo_workshop(fresh_db).id
    workshops.close_workshop(fresh_db, workshop_id)
    assert team.scan(fresh_db) == team.ScanResult()
    assert team.status(fresh_db).folder is None
    with pytest.raises(CollabDeskError, match="No team folder is set"):
        team.publish(fresh_db, workshop_id)


def test_the_database_files_in_the_team_folder_are_never_read(tmp_path, monkeypatch):
    store = Store(tmp_path / "library.json", clock=FakeClock())  # a database someone named .json
    try:
        team.set_team_folder(store, tmp_path)
        opened = []
        reading = team._read_file
        monkeypatch.setattr(team, "_read_file", lambda path: opened.append(path.name) or reading(path))
        team.scan(store)
        assert opened == []
        assert store.hold_state.name == "HELD"
    finally:
        store.close()


def test_changing_the_team_folder_forgets_the_old_folders_workshops(laptop_a, laptop_b, tmp_path):
    closed_roundtable(laptop_a)
    team.scan(laptop_b)
    other = tmp_path / "Elsewhere"
    other.mkdir()
    team.set_team_folder(laptop_b, other)
    assert team_titles(laptop_b) == []
    with pytest.raises(ValidationError, match="There is no folder"):
        team.set_team_folder(laptop_b, tmp_path / "missing")


def test_import_update_is_keyed_by_uuid_and_never_makes_a_second_copy(laptop_a, fresh_db, tmp_path):
    workshop_id = closed_roundtable(laptop_a)
    path = tmp_path / "roundtable.json"
    path.write_text(files.export_workshop_json(laptop_a, workshop_id), encoding="utf-8")
    content = files.read_workshop_file(path)
    assert files.import_content(fresh_db, content, update=True) == files.Imported(workshop_id, "added")
    assert files.import_content(fresh_db, content, update=True) == files.Imported(workshop_id, "unchanged")
    later(laptop_a)
    workshops.edit_workshop(laptop_a, workshop_id, title="Renamed")
    path.write_text(files.export_workshop_json(laptop_a, workshop_id), encoding="utf-8")
    done = files.import_content(fresh_db, files.read_workshop_file(path), update=True)
    assert done == files.Imported(workshop_id, "updated")
    assert [s.title for s in fresh_db.summaries()] == ["Renamed"]
    copied = files.import_content(fresh_db, content)  # a plain import still makes a copy, as always
    assert copied.outcome == "copied" and copied.workshop_id != workshop_id


def test_frameworks_and_templates_are_shared_as_files_colleagues_import(laptop_a, laptop_b, folder):
    framework = library.create_framework(laptop_a, "Partnership check")
    template = library.create_template(laptop_a, "Roundtable agenda", framework.key)
    shared = [team.share_framework(laptop_a, framework.key), team.share_template(laptop_a, template.key)]
    assert [p.name for p in shared] == ["Partnership-check.framework.json", "Roundtable-agenda.template.json"]
    assert team.scan(laptop_b).problems == 0  # not workshop files: never listed as problems
    library.import_framework_file(laptop_b, shared[0])
    assert library.import_template_file(laptop_b, shared[1]).name == "Roundtable agenda"


def test_a_scan_tells_its_progress_file_by_file(laptop_a, laptop_b):
    for title in ("One", "Two", "Three"):
        closed_roundtable(laptop_a, title)
    told = []
    team.scan(laptop_b, lambda done, to_read, changed: told.append((done, to_read, changed)))
    assert told == [(1, 3, 1), (2, 3, 2), (3, 3, 3)]
    team.scan(laptop_b, lambda *args: told.append(args))  # nothing changed: nothing read, nothing told
    assert len(told) == 3


def test_a_scan_stops_when_the_team_folder_is_changed_while_it_runs(laptop_a, laptop_b, tmp_path):
    for title in ("One", "Two", "Three"):
        closed_roundtable(laptop_a, title)
    elsewhere = tmp_path / "Elsewhere"
    elsewhere.mkdir()

    def switch(done, to_read, changed):
        if done == 1:
            team.set_team_folder(laptop_b, elsewhere)  # chosen in Settings while the first scan runs

    team.scan(laptop_b, switch)
    assert team_titles(laptop_b) == [] and laptop_b.team_files() == {}
