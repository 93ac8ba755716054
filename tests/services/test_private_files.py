"""Private means private in the workshop file too: nothing of an unrevealed vote or health
check, and not who gave what in an anonymous one, on every path that writes the file
(``export --format json``, ``show --json``, the team folder; the export dialog's test is in
tests/ui/test_export_dialog.py). Revealed results still round-trip exactly."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collabdesk import cli
from collabdesk.domain import workshop_file
from collabdesk.domain.errors import ValidationError
from collabdesk.report.health_summary import build_health
from collabdesk.report.markdown import render_markdown
from collabdesk.services import files, frameworks, health, team, voting, workshops
from tests.services.private_data import (
    assert_private, private_workshop,
)


@pytest.fixture
def private(fresh_db):
    return private_workshop(fresh_db)


def run_cli(capsys, store, *args) -> str:
    capsys.readouterr()
    assert cli.main(["--db", str(store.path), *map(str, args)]) == 0
    return capsys.readouterr().out


def test_export_json_keeps_unrevealed_rounds_and_anonymous_voters_out(fresh_db, private, capsys, tmp_path):
    target = tmp_path / "private.json"
    run_cli(capsys, fresh_db, "export", private.workshop_id, "--format", "json", "-o", target)
    assert_private(target.read_text(encoding="utf-8"))


def test_show_json_prints_nothing_unrevealed(fresh_db, private, capsys):
    assert_private(run_cli(capsys, fresh_db, "show", private.workshop_id, "--json"))


def test_the_team_folder_gets_nothing_unrevealed(fresh_db, private, tmp_path):
    (tmp_path / "team").mkdir()
    team.set_team_folder(fresh_db, tmp_path / "team")
    assert_private(team.publish(fresh_db, private.workshop_id, anonymise=False).read_text(encoding="utf-8"))


def test_the_export_service_the_dialog_uses_writes_nothing_unrevealed(fresh_db, private):
    assert_private(files.export_workshop_json(fresh_db, private.workshop_id))


def imported_again(store, workshop_id: str) -> str:
    text = files.export_workshop_json(store, workshop_id)
    return files.import_content(store, files.parse_workshop_file(text.encode("utf-8"))).workshop_id


def test_an_unrevealed_round_imports_with_its_settings_and_no_ballots(fresh_db, private):
    copy = imported_again(fresh_db, private.workshop_id)
    hidden = next(r for r in fresh_db.vote_rounds(copy) if r.title == "Hidden vote")
    assert (hidden.dots_per_voter, hidden.revealed, hidden.state) == (40, False, "open")
    assert fresh_db.ballots(hidden.id) == [] and voting.tally(fresh_db, hidden.id) == {}
    for check in fresh_db.health_rounds(copy):
        if not check.revealed:
            assert fresh_db.health_ballots(check.id) == [] and fresh_db.ratings(check.id) == []


def test_revealed_results_and_reports_are_the_same_after_export_and_import(fresh_db, private):
    copy = imported_again(fresh_db, private.workshop_id)
    framework = frameworks.framework(fresh_db, "five-domains")
    before, after = fresh_db.content(private.workshop_id), fresh_db.content(copy)
    assert build_health(after, framework) == build_health(before, framework)
    changed = [(old, new) for old, new in zip(render_markdown(before, framework).splitlines(),
                                              render_markdown(after, framework).splitlines(), strict=True)
               if old != new]
    assert [(old.split(" · ")[-1], new.split(" · ")[-1]) for old, new in changed] == [
        ("2 of 3 ballots confirmed", "No ballots")]  # the unrevealed vote starts again: the file held no ballots
    shown = next(r for r in fresh_db.vote_rounds(copy) if r.title == "Shown vote")

    def shown_results(round_id):  # the cards have new ids in the copy
        return [(r.rank, r.shared, r.text, r.dots, r.voters) for r in voting.results(fresh_db, round_id)]

    assert shown_results(shown.id) == shown_results(private.shown_vote)
    again, first = (json.loads(files.export_workshop_json(fresh_db, w))["workshop"]
                    for w in (copy, private.workshop_id))
    for kind in ("health_checks", "vote_rounds"):
        assert [r for r in again[kind] if r["revealed"]] == [r for r in first[kind] if r["revealed"]]


def test_no_ballot_of_an_imported_anonymous_round_can_be_taken_back(fresh_db, private):
    copy = imported_again(fresh_db, private.workshop_id)
    ann = fresh_db.participants(copy)[0].id
    shown_vote = next(r for r in fresh_db.vote_rounds(copy) if r.title == "Shown vote")
    shown_check = next(r for r in fresh_db.health_rounds(copy) if r.title == "Shown check")
    with pytest.raises(ValidationError, match="does not say whose they are"):
        voting.reopen_ballot(fresh_db, shown_vote.id, ann)
    with pytest.raises(ValidationError, match="does not say whose they are"):
        health.reopen_ballot(fresh_db, shown_check.id, ann)
    assert [b.status for b in fresh_db.health_ballots(shown_check.id)] == ["confirmed"] * 3


BALLOTS = st.lists(st.dictionaries(st.sampled_from(["head", "heart", "bones", "limbs", "blood"]),
                                   st.tuples(st.integers(1, 5), st.sampled_from(["", "Same", "Other", "Zed"])),
                                   min_size=1),
                   min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ballots=BALLOTS)
def test_any_anonymous_check_gives_the_same_results_medians_spreads_and_comments_after_import(fresh_db, ballots):
    w = workshops.create_workshop(fresh_db, title="Check", participants=[f"P{i}" for i in range(len(ballots))])
    check = health.start_check(fresh_db, w.id, title="Any")
    for person, ballot in zip(fresh_db.participants(w.id), ballots, strict=True):
        health.cast_ballot(fresh_db, check.id, person.id, {k: s for k, (s, _) in ballot.items()},
                           {k: c for k, (_, c) in ballot.items()})
    health.reveal(fresh_db, check.id)
    document = json.loads(files.export_workshop_json(fresh_db, w.id))
    assert {r["participant"] for r in document["workshop"]["health_checks"][0]["ratings"]} == {None}
    copy = imported_again(fresh_db, w.id)
    copied = fresh_db.health_rounds(copy)[0].id
    assert health.results(fresh_db, copied) == health.results(fresh_db, check.id)
    assert health.comments(fresh_db, copied) == health.comments(fresh_db, check.id)


def test_an_unnamed_rating_is_refused_outside_a_revealed_anonymous_check():
    document = json.loads(workshop_file_example())
    check = document["workshop"]["health_checks"][0]
    check["revealed"] = False
    with pytest.raises(ValidationError, match=r"ratings\[0\]\.participant: is missing"):
        workshop_file.document_to_content(document)
    check["revealed"], check["ballots"] = True, check["ballots"][:1]
    with pytest.raises(ValidationError, match="more ratings than the 1 confirmed ballots"):
        workshop_file.document_to_content(document)


def workshop_file_example() -> str:
    format_doc = Path(__file__).resolve().parents[2] / "docs" / "workshop-format.md"
    return format_doc.read_text(encoding="utf-8").split("```json\n", 1)[1].split("```", 1)[0]
