"""Health checks through the services: the rules on every path, privacy, one transaction each."""

import sqlite3

import pytest

from collabdesk.domain.errors import ValidationError
from collabdesk.services import health, workshops

DOMAINS = ("head", "heart", "bones", "limbs", "blood")


@pytest.fixture
def room(fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann", "Bo", "Cy"])
    return fresh_db, w, [p.id for p in fresh_db.participants(w.id)]


def test_a_check_rates_every_framework_domain_anonymously_with_every_participant(room):
    store, w, people = room
    check = health.start_check(store, w.id, title="Start of day")
    assert (check.domain_keys, check.anonymous, check.mode, check.revealed) == (DOMAINS, True, "ballot", False)
    assert health.progress(store, check.id) == (0, 3, ("Ann", "Bo", "Cy"))


def test_a_ballot_is_committed_before_cast_ballot_returns(room, db_path):
    store, w, people = room
    check = health.start_check(store, w.id, title="Start")
    health.cast_ballot(store, check.id, people[0], {"head": 2, "heart": 5}, {"heart": "We share a lot"})
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT domain_key, score, comment FROM health_ratings ORDER BY domain_key").fetchall() == [
        ("head", 2, ""), ("heart", 5, "We share a lot")]
    assert health.progress(store, check.id) == (1, 3, ("Bo", "Cy"))


def test_a_second_ballot_from_one_participant_is_refused_and_changes_nothing(room):
    store, w, people = room
    check = health.start_check(store, w.id, title="Start")
    health.cast_ballot(store, check.id, people[0], {"head": 2})
    with pytest.raises(ValidationError, match="Ann has already voted"):
        health.cast_ballot(store, check.id, people[0], {"head": 5})
    assert [(r.domain_key, r.score) for r in store.ratings(check.id)] == [("head", 2)]


@pytest.mark.parametrize("scores, message", [
    ({"head": 6}, "1 to 5"), ({"head": 0}, "1 to 5"), ({"vision": 3}, "not one of the domains")])
def test_typed_ratings_off_the_scale_or_outside_the_framework_are_refused(room, scores, message):
    store, w, people = room
    check = health.start_check(store, w.id, title="Start")
    with pytest.raises(ValidationError, match=message):
        health.cast_ballot(store, check.id, people[0], scores)
    assert store.ratings(check.id) == [] and health.progress(store, check.id).voted == 0


@pytest.mark.parametrize("domain, score, count, message", [
    ("head", 6, 1, "1 to 5"), ("vision", 3, 1, "not one of the domains"), ("head", 3, 4, "at most 3 ratings"),
    ("head", 3, -2, "whole number from 0")])
def test_tallied_counts_off_the_scale_outside_the_framework_or_beyond_the_room_are_refused(
        room, domain, score, count, message):
    store, w, people = room
    check = health.start_check(store, w.id, title="Hands", mode="tally")
    with pytest.raises(ValidationError, match=message):
        health.set_tally(store, check.id, domain, score, count)
    assert store.tallies(check.id) == []


def test_a_tally_replaces_a_point_count_and_adds_up_with_the_room(room):
    store, w, people = room
    check = health.start_check(store, w.id, title="Hands", mode="tally")
    health.set_tally(store, check.id, "head", 4, 3)
    health.set_tally(store, check.id, "head", 4, 2)
    health.set_tally(store, check.id, "head", 1, 1)
    assert health.tally(store, check.id)["head"] == (1, 0, 0, 2, 0)
    with pytest.raises(ValidationError, match="by counting hands"):
        health.cast_ballot(store, check.id, people[0], {"head": 2})
    with pytest.raises(ValidationError, match="by passing the laptop"):
        health.set_tally(store, health.start_check(store, w.id, title="Private").id, "head", 1, 1)
    health.reveal(store, check.id)
    assert health.results(store, check.id)[0].counts == (1, 0, 0, 2, 0)


def test_results_and_comments_stay_private_until_revealed(room):
    store, w, people = room
    check = health.start_check(store, w.id, title="Start")
    health.cast_ballot(store, check.id, people[0], {"head": 2}, {"head": "secret"})
    for look in (health.results, health.comments):
        with pytest.raises(ValidationError, match="private until the facilitator reveals"):
            look(store, check.id)
    health.reveal(store, check.id)
    assert health.results(store, check.id)[0].median == 2
    assert [(c.domain_key, c.text, c.author) for c in health.comments(store, check.id)] == [("head", "secret", "")]


def test_a_named_check_says_who_commented(room):
    store, w, people = room
    check = health.start_check(store, w.id, title="Named", anonymous=False)
    health.cast_ballot(store, check.id, people[1], {"heart": 3}, {"heart": "Getting there"})
    health.reveal(store, check.id)
    assert [c.author for c in health.comments(store, check.id)] == ["Bo"]


def test_a_closed_check_takes_nothing_until_reopened_and_a_reopened_ballot_is_cleared(room):
    store, w, people = room
    check = health.start_check(store, w.id, title="Start")
    health.cast_ballot(store, check.id, people[0], {"head": 2})
    health.close(store, check.id)
    with pytest.raises(ValidationError, match="closed"):
        health.cast_ballot(store, check.id, people[1], {"head": 2})
    health.reopen(store, check.id)
    health.reopen_ballot(store, check.id, people[0])
    health.skip_voter(store, check.id, people[2])
    assert store.ratings(check.id) == [] and health.progress(store, check.id) == (0, 2, ("Ann", "Bo"))


def test_a_check_without_participants_needs_a_tally_and_a_deleted_check_leaves_nothing(fresh_db):
    w = workshops.create_workshop(fresh_db, title="Open room")
    with pytest.raises(ValidationError, match="count hands instead"):
        health.start_check(fresh_db, w.id, title="Start")
    check = health.start_check(fresh_db, w.id, title="Hands", mode="tally")
    health.set_tally(fresh_db, check.id, "head", 2, 40)  # nobody listed: no ceiling from the room
    health.delete(fresh_db, check.id)
    assert health.checks(fresh_db, w.id) == []
    assert fresh_db.db.execute("SELECT COUNT(*) FROM health_tallies").fetchone()[0] == 0


def test_a_workshop_copied_through_its_content_keeps_its_checks(room):
    store, w, people = room
    check = health.start_check(store, w.id, title="Start")
    health.cast_ballot(store, check.id, people[0], {"head": 2}, {"head": "hm"})
    health.reveal(store, check.id)
    copy = store.insert_content(store.content(w.id))
    copied = store.content(copy)
    assert [(r.title, r.revealed) for r in copied.health_rounds] == [("Start", True)]
    assert [(r.domain_key, r.score, r.comment) for r in copied.ratings] == [("head", 2, "hm")]
    assert [b.status for b in copied.health_ballots] == ["confirmed", "pending", "pending"]
