import sqlite3

import pytest

from collabdesk.domain.errors import ValidationError
from collabdesk.services import notes, voting, workshops
from collabdesk.store import Store

TEXTS = ["<b>bold</b> &amp;", "<img src=x>", "合作 🎉", "تعاون", "שיתוף פעולה", "協力"]


@pytest.fixture
def room(fresh_db):
    w = workshops.create_workshop(fresh_db, title="Roundtable", participants=["Ann", "Bo", "Cy"])
    exercises = fresh_db.exercises(w.id)
    cards = [notes.add_note(fresh_db, exercises[0].id, t) for t in TEXTS[:4]]
    cards += [notes.add_note(fresh_db, exercises[1].id, t) for t in TEXTS[4:]]
    people = fresh_db.participants(w.id)
    return fresh_db, w, exercises, [("note", n.id) for n in cards], [p.id for p in people]


def ranking(store, round_id):
    return [(line.rank, line.item, line.dots) for line in voting.results(store, round_id)]


def test_a_round_defaults_to_three_anonymous_dots_for_every_participant(room):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Top priorities")
    assert (round_.dots_per_voter, round_.max_per_item, round_.anonymous, round_.exercise_id) == (3, None, True, None)
    assert [b.participant_id for b in store.ballots(round_.id)] == people
    assert voting.progress(store, round_.id) == (0, 3, ("Ann", "Bo", "Cy"))


def test_a_whole_workshop_round_offers_every_exercise_and_one_exercise_only_its_own(room):
    store, w, exercises, items, people = room
    everywhere = voting.start_round(store, w.id, title="All")
    head_only = voting.start_round(store, w.id, title="Head", exercise_id=exercises[0].id)
    assert [i.key for i in voting.items(store, everywhere.id)] == items
    assert [i.key for i in voting.items(store, head_only.id)] == items[:4]
    with pytest.raises(ValidationError, match="not on the board"):
        voting.cast_ballot(store, head_only.id, people[0], {items[5]: 1})


def test_a_ballot_is_committed_before_cast_ballot_returns(room, db_path):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    voting.cast_ballot(store, round_.id, people[0], {items[0]: 2, items[1]: 1})
    other = sqlite3.connect(db_path)  # sees only what was committed
    assert other.execute("SELECT SUM(count) FROM votes WHERE round_id = ?", (round_.id,)).fetchone()[0] == 3
    assert other.execute("SELECT status FROM ballots WHERE round_id = ? AND participant_id = ?",
                         (round_.id, people[0])).fetchone()[0] == "confirmed"


def test_ballot_rules_refuse_too_many_dots_the_cap_and_a_second_ballot(room):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Top", max_per_item=1)
    with pytest.raises(ValidationError, match="3 dots and tried to place 4"):
        voting.cast_ballot(store, round_.id, people[0], {items[0]: 1, items[1]: 1, items[2]: 1, items[3]: 1})
    with pytest.raises(ValidationError, match="Ann put 2 dots on one card"):
        voting.cast_ballot(store, round_.id, people[0], {items[0]: 2})
    assert store.votes(round_.id) == [] and voting.progress(store, round_.id).voted == 0
    voting.cast_ballot(store, round_.id, people[0], {items[0]: 1})
    with pytest.raises(ValidationError, match="Ann has already voted"):
        voting.cast_ballot(store, round_.id, people[0], {items[1]: 1})


def test_a_theme_round_refuses_dots_on_notes(room):
    store, w, exercises, items, people = room
    theme = notes.group_notes(store, exercises[0].id, "Money", [items[0][1], items[1][1]])
    round_ = voting.start_round(store, w.id, title="Themes", target="themes")
    assert [(i.key, i.text, i.notes) for i in voting.items(store, round_.id)] == [(("theme", theme.id), "Money", 2)]
    with pytest.raises(ValidationError, match="dots cannot go on a note"):
        voting.cast_ballot(store, round_.id, people[0], {items[0]: 1})
    voting.cast_ballot(store, round_.id, people[0], {("theme", theme.id): 3})
    assert ranking(store, round_.id) == [(1, ("theme", theme.id), 3)]


def test_skip_and_reopen_move_the_laptop_and_clear_the_dots(room):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    voting.cast_ballot(store, round_.id, people[0], {items[0]: 3})
    voting.skip_voter(store, round_.id, people[1])
    assert voting.progress(store, round_.id) == (1, 2, ("Cy",))
    voting.reopen_ballot(store, round_.id, people[0])
    assert store.voter_allocation(round_.id, people[0]) == {}
    assert voting.session(store, round_.id).current == people[0]
    assert voting.progress(store, round_.id) == (0, 2, ("Ann", "Cy"))


def test_ties_share_a_rank(room):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    voting.cast_ballot(store, round_.id, people[0], {items[0]: 2, items[1]: 1})
    voting.cast_ballot(store, round_.id, people[1], {items[1]: 1, items[2]: 2})
    voting.cast_ballot(store, round_.id, people[2], {items[3]: 1})
    assert [(r, d) for r, _, d in ranking(store, round_.id)] == [(1, 2), (1, 2), (1, 2), (4, 1)]
    lines = voting.results(store, round_.id)
    assert [line.shared for line in lines] == [True, True, True, False]
    assert [line.item for line in lines] == items[:4]  # ties in board order


def test_deleted_note_votes_do_not_count_and_undoing_the_delete_brings_them_back(room):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    voting.cast_ballot(store, round_.id, people[0], {items[0]: 2, items[1]: 1})
    notes.delete_notes(store, [items[0][1]])
    assert ranking(store, round_.id) == [(1, items[1], 1)]
    notes.restore_notes(store, [items[0][1]])
    assert ranking(store, round_.id) == [(1, items[0], 2), (2, items[1], 1)]


def test_a_closed_round_is_locked_until_reopened(room):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Top")
    voting.close_round(store, round_.id)
    for attempt in (lambda: voting.cast_ballot(store, round_.id, people[0], {items[0]: 1}),
                    lambda: voting.skip_voter(store, round_.id, people[0]),
                    lambda: voting.reopen_ballot(store, round_.id, people[0])):
        with pytest.raises(ValidationError, match="closed"):
            attempt()
    voting.reopen_round(store, round_.id)
    voting.cast_ballot(store, round_.id, people[0], {items[0]: 1})
    assert ranking(store, round_.id) == [(1, items[0], 1)]


def test_tally_mode_enforces_the_rooms_dots_and_a_closed_round(room):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Wall", mode="tally")
    voting.set_tally(store, round_.id, items[0], 5)
    voting.set_tally(store, round_.id, items[1], 4)
    with pytest.raises(ValidationError, match="at most 9 dots"):
        voting.set_tally(store, round_.id, items[2], 1)
    voting.set_tally(store, round_.id, items[0], 0)
    assert voting.tally(store, round_.id) == {items[1]: 4}
    with pytest.raises(ValidationError, match="counting dots"):
        voting.cast_ballot(store, round_.id, people[0], {items[0]: 1})
    with pytest.raises(ValidationError, match="passing the laptop"):
        voting.set_tally(store, voting.start_round(store, w.id, title="Ballot").id, items[0], 1)
    voting.close_round(store, round_.id)
    with pytest.raises(ValidationError, match="closed"):
        voting.set_tally(store, round_.id, items[1], 3)
    assert voting.tally(store, round_.id) == {items[1]: 4}


def test_show_of_hands_follows_the_ballot_rules_per_named_person(room):
    store, w, exercises, items, people = room
    round_ = voting.start_round(store, w.id, title="Hands", mode="tally", max_per_item=2)
    voting.record_hands(store, round_.id, people[0], {items[0]: 2, items[1]: 1})
    with pytest.raises(ValidationError, match="Bo put 3 dots on one card"):
        voting.record_hands(store, round_.id, people[1], {items[0]: 3})
    with pytest.raises(ValidationError, match="Bo has 3 dots and tried to place 4"):
        voting.record_hands(store, round_.id, people[1], {items[0]: 2, items[1]: 2})
    assert voting.hands(store, round_.id) == {people[0]: {items[0]: 2, items[1]: 1}}


def test_tally_mode_and_ballot_mode_give_the_same_ranking_for_the_same_dots(room):
    store, w, exercises, items, people = room
    dots = [{items[0]: 1, items[2]: 2}, {items[2]: 1, items[4]: 2}, {items[0]: 2, items[5]: 1}]
    ballot = voting.start_round(store, w.id, title="Ballot")
    for voter, allocation in zip(people, dots):
        voting.cast_ballot(store, ballot.id, voter, allocation)
    wall = voting.start_round(store, w.id, title="Wall", mode="tally")
    totals = {}
    for allocation in dots:
        for item, count in allocation.items():
            totals[item] = totals.get(item, 0) + count
    for item, count in totals.items():
        voting.set_tally(store, wall.id, item, count)
    hands = voting.start_round(store, w.id, title="Hands", mode="tally")
    for voter, allocation in zip(people, dots):
        voting.record_hands(store, hands.id, voter, allocation)
    assert ranking(store, ballot.id) == ranking(store, wall.id) == ranking(store, hands.id)
    assert ranking(store, ballot.id)[:3] == [(1, items[0], 3), (1, items[2], 3), (3, items[4], 2)]


def test_named_rounds_say_who_placed_the_dots_and_anonymous_ones_never_do(room):
    store, w, exercises, items, people = room
    named = voting.start_round(store, w.id, title="Named", anonymous=False)
    secret = voting.start_round(store, w.id, title="Secret")
    for round_ in (named, secret):
        voting.cast_ballot(store, round_.id, people[0], {items[0]: 2})
        voting.cast_ballot(store, round_.id, people[1], {items[0]: 1})
    assert voting.results(store, named.id)[0].voters == (("Ann", 2), ("Bo", 1))
    assert voting.results(store, secret.id)[0].voters == ()


def test_voting_survives_closing_and_reopening_the_store(room, db_path, clock):
    store, w, exercises, items, people = room
    first = voting.start_round(store, w.id, title="First", exercise_id=exercises[0].id, max_per_item=2,
                               anonymous=False, dots_per_voter=4)
    voting.cast_ballot(store, first.id, people[0], {items[0]: 2, items[1]: 2})
    voting.skip_voter(store, first.id, people[1])
    voting.reveal_round(store, first.id)
    voting.close_round(store, first.id)
    second = voting.start_round(store, w.id, title="Second", mode="tally")
    voting.set_tally(store, second.id, items[3], 2)
    before = (store.vote_rounds(w.id), ranking(store, first.id), ranking(store, second.id),
              voting.progress(store, first.id))
    store.close()
    again = Store(db_path, clock=clock)
    try:
        after = (again.vote_rounds(w.id), ranking(again, first.id), ranking(again, second.id),
                 voting.progress(again, first.id))
    finally:
        again.close()
    assert after == before and len(after[0]) == 2 and after[0][0].revealed and after[0][0].state == "closed"


def test_a_ballot_needs_voters_and_only_the_workshops_participants(room):
    store, w, exercises, items, people = room
    with pytest.raises(ValidationError, match="at least one voter"):
        voting.start_round(store, w.id, title="Nobody", voter_ids=[])
    with pytest.raises(ValidationError, match="Only the workshop's participants"):
        voting.start_round(store, w.id, title="Strangers", voter_ids=[9999])
    with pytest.raises(ValidationError, match="cannot be empty"):
        voting.start_round(store, w.id, title="   ")
    assert store.vote_rounds(w.id) == []
