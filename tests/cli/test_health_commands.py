"""Health checks through the command line: `show` lists medians once revealed; workshop files of
version 2 round-trip, 1 imports, 3 is refused."""

import json

import pytest

from collabdesk.services import health, workshops

from .conftest import comparable, dump


@pytest.fixture
def checked(fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann", "Bo"])
    people = [p.id for p in fresh_db.participants(w.id)]
    first = health.start_check(fresh_db, w.id, title="Start")
    health.cast_ballot(fresh_db, first.id, people[0], {"head": 2, "heart": 5}, {"head": "Crisis only"})
    health.cast_ballot(fresh_db, first.id, people[1], {"head": 4})
    health.reveal(fresh_db, first.id)
    hands = health.start_check(fresh_db, w.id, title="End", mode="tally", anonymous=False)
    health.set_tally(fresh_db, hands.id, "blood", 3, 2)
    return w.id


def test_show_lists_each_check_with_its_medians_once_revealed(run, checked):
    out = run("show", checked).out
    part = out[out.index("Health checks"):out.index("Actions")]
    assert "Start (private ballots, anonymous; open, results shown, 2 of 2 rated)" in part
    assert "    Head   median 3    spread 2    2 ratings, split" in part
    assert "    Heart  median 5    spread 0    1 rating, agreed" in part
    assert "    Bones  no ratings" in part
    assert "End (show of hands; open)\n    results not revealed yet" in part
    assert part.count("median") == 2


def test_a_version_2_file_round_trips_its_health_checks(run, fresh_db, checked, tmp_path):
    path = tmp_path / "checked.json"
    assert run("export", checked, "--format", "json", "-o", path).code == 0
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 2 and len(document["workshop"]["health_checks"]) == 2
    result = run("import", path, "--json")
    assert result.code == 0, result.err
    new_id = json.loads(result.out)["id"]
    again = json.loads(run("show", new_id, "--json").out)
    assert comparable(again) == comparable(document)
    assert health.results(fresh_db, fresh_db.health_rounds(new_id)[0].id)[0].median == 3


def test_a_version_1_file_imports_unchanged(run, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": "collabdesk.workshop", "version": 1, "workshop": {
        "title": "Old session", "participants": [{"id": 1, "name": "Ann"}],
        "exercises": [{"id": 1, "domain": "head", "title": "Head", "notes": [{"id": 1, "text": "kept"}]}]}}))
    result = run("import", path, "--json")
    assert result.code == 0, result.err
    shown = json.loads(run("show", json.loads(result.out)["id"], "--json").out)
    assert shown["workshop"]["exercises"][0]["notes"][0]["text"] == "kept"
    assert shown["workshop"]["health_checks"] == []


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(version=3), "this workshop file is format version 3, written by a newer CollabDesk; "
                                    "this one reads version 2. Update CollabDesk to import it."),
    (lambda d: d["workshop"]["health_checks"][0]["ratings"][0].update(score=0),
     "workshop.health_checks[0].ratings[0].score: a rating is a whole number from 1 to 5, not 0."),
    (lambda d: d["workshop"]["health_checks"][0].update(domains=["head", "heart", "vision"]),
     "workshop.health_checks[0].domains: 'vision' is not a domain of the framework 'five-domains'."),
])
def test_a_file_breaking_the_rules_or_from_a_newer_app_is_refused_and_nothing_changes(
        run, fresh_db, checked, db_path, tmp_path, change, message):
    path = tmp_path / "bad.json"
    document = json.loads(run("show", checked, "--json").out)
    change(document)
    path.write_text(json.dumps(document))
    before = dump(db_path)
    result = run("import", path)
    assert result.code == 1 and result.err == f"collabdesk: error: Cannot import {path}: {message}\n"
    assert dump(db_path) == before
