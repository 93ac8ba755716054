"""`collabdesk team`, `list --team`, `search --team` and `import --update` on two databases
sharing one folder, as two laptops sharing one synced folder would."""

import json

import pytest

from collabdesk.services import notes, workshops
from collabdesk.store import Store


@pytest.fixture
def other_db(tmp_path):
    return tmp_path / "laptop-b" / "collabdesk.sqlite"


def closed(db_path, title: str) -> str:
    with Store(db_path) as store:
        w = workshops.create_workshop(store, title=title, facilitator="Sam Whitfield")
        notes.add_note(store, store.exercises(w.id)[0].id, "Pooled budgets for carers")
        workshops.close_workshop(store, w.id)
        return w.id


def test_a_workshop_shared_from_one_database_is_listed_and_found_from_the_other(run, folder, db_path, other_db):
    assert run("team", "set", folder).code == 0
    workshop_id = closed(db_path, "Carers roundtable")
    result = run("team", "set", folder, db=other_db)
    assert result.code == 0 and "1 workshop file" in result.out
    listed = run("list", "--team", "--json", db=other_db)
    assert [(r["id"], r["team"]) for r in json.loads(listed.out)] == [(workshop_id, True)]
    assert json.loads(run("list", "--json", db=other_db).out) == []  # `list` is one's own, as before
    assert "Carers roundtable  (Sam Whitfield)" in run("list", "--team", db=other_db).out
    found = json.loads(run("search", "--team", "pooled", "--json", db=other_db).out)
    assert [h["workshop_id"] for h in found] == [workshop_id]
    assert json.loads(run("search", "pooled", "--json", db=other_db).out) == []


def test_team_status_lists_the_folder_count_and_problems(run, folder, db_path):
    assert "No team folder is set" in run("team", "status").out
    run("team", "set", folder)
    (folder / "half.json").write_text('{"format": "collabdesk.workshop", "vers', encoding="utf-8")
    result = run("team", "scan", "--json")
    state = json.loads(result.out)
    assert state["folder"] == str(folder.resolve()) and state["workshops"] == 0
    assert [p["path"] for p in state["problems"]] == ["half.json"]
    text = run("team", "status").out
    assert "Problems     1" in text and "half.json: It is not valid JSON" in text


def test_team_publish_shares_one_workshop_now_and_anonymised_on_request(run, folder, db_path):
    with Store(db_path) as store:
        w = workshops.create_workshop(store, title="Draft plan", facilitator="Sam Whitfield", participants=["Ann"])
    assert run("team", "publish", w.id[:8]).code == 1  # no folder yet: one clear line
    run("team", "set", folder)
    result = run("team", "publish", w.id[:8], "--anonymise")
    assert result.code == 0 and "Shared as" in result.out
    shared = next(folder.glob("*.json"))
    assert shared.name == f"Draft-plan_{w.id}.json"
    assert "Sam" not in shared.read_text(encoding="utf-8") and "Ann" not in shared.read_text(encoding="utf-8")


def test_team_off_forgets_the_team_workshops_and_leaves_the_files(run, folder, db_path, other_db):
    run("team", "set", folder)
    closed(db_path, "Carers roundtable")
    run("team", "set", folder, db=other_db)
    assert run("team", "off", db=other_db).code == 0
    assert json.loads(run("list", "--team", "--json", db=other_db).out) == []
    assert len(list(folder.glob("*.json"))) == 1


@pytest.mark.parametrize("args", [["team", "set"], ["team", "status", "x"], ["team", "publish"],
                                  ["list", "--team", "--trash"]])
def test_team_usage_errors_exit_2(run, args):
    assert run(*args).code == 2


def test_import_update_updates_the_known_workshop_and_never_copies_it(run, db_path, other_db, tmp_path):
    workshop_id = closed(db_path, "Carers roundtable")
    exported = tmp_path / "roundtable.json"
    run("export", workshop_id, "-o", exported)
    added = json.loads(run("import", "--update", exported, "--json", db=other_db).out)
    assert added == {"id": workshop_id, "title": "Carers roundtable", "outcome": "added"}
    again = run("import", "--update", exported, db=other_db)
    assert "already up to date" in again.out
    assert len(json.loads(run("list", "--json", db=other_db).out)) == 1
