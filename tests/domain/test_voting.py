import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabdesk.domain.errors import ValidationError
from collabdesk.domain.model import Ballot, VoteRound
from collabdesk.domain.voting import (
    BallotSession, Ranked, check_allocation, check_settings, check_tally, dots_left, rank, result_lines,
    shares_rank, top, totals_of, why_no_more_dots, with_one_more,
)

A, B, C, D = ("note", 1), ("note", 2), ("note", 3), ("note", 4)


def a_round(**fields):
    return VoteRound(id=1, workshop_id="w", title="Top priorities", **fields)


def test_a_voter_cannot_place_more_dots_than_allowed():
    check_allocation(a_round(), {A: 2, B: 1})
    with pytest.raises(ValidationError, match="3 dots and tried to place 4"):
        check_allocation(a_round(), {A: 2, B: 2})


def test_the_per_item_cap_blocks_a_second_dot_on_one_card():
    check_allocation(a_round(max_per_item=1), {A: 1, B: 1, C: 1})
    with pytest.raises(ValidationError, match="most allowed is 1"):
        check_allocation(a_round(max_per_item=1), {A: 2})


def test_a_closed_round_refuses_any_allocation():
    with pytest.raises(ValidationError, match="closed"):
        check_allocation(a_round(state="closed"), {})


def test_negative_dots_are_refused():
    with pytest.raises(ValidationError, match="negative"):
        check_allocation(a_round(), {A: -1})


def test_why_no_more_dots_names_the_rule_that_blocks():
    capped = a_round(max_per_item=2)
    assert why_no_more_dots(capped, {A: 1}, A) == ""
    assert "at most 2 dots" in why_no_more_dots(capped, {A: 2}, A)
    assert "All your dots" in why_no_more_dots(capped, {A: 2, B: 1}, C)
    assert "closed" in why_no_more_dots(a_round(state="closed"), {}, A)
    assert dots_left(capped, {A: 2}) == 1


def test_with_one_more_never_goes_below_zero_and_drops_empty_cards():
    assert with_one_more({A: 1}, A, -1) == {}
    assert with_one_more({}, A, -1) == {}
    assert with_one_more({A: 1}, B, 1) == {A: 1, B: 1}


@pytest.mark.parametrize("settings, message", [
    ({"dots_per_voter": 0}, "between 1 and"),
    ({"dots_per_voter": 51}, "between 1 and"),
    ({"max_per_item": 0}, "at least 1"),
    ({"target": "people"}, "notes or themes"),
    ({"mode": "email"}, "ballot or tally"),
])
def test_impossible_round_settings_are_refused(settings, message):
    base = {"dots_per_voter": 3, "max_per_item": None, "target": "notes", "mode": "ballot"}
    with pytest.raises(ValidationError, match=message):
        check_settings(**{**base, **settings})


def test_ties_share_a_rank_and_the_next_rank_skips():
    ranked = rank({A: 5, B: 3, C: 5, D: 1}, order=[A, B, C, D])
    assert [(r.rank, r.item, r.dots) for r in ranked] == [(1, A, 5), (1, C, 5), (3, B, 3), (4, D, 1)]
    assert [shares_rank(ranked, i) for i in range(4)] == [True, True, False, False]


def test_items_with_no_dots_are_not_ranked():
    assert rank({A: 0, B: 2}) == [Ranked(1, B, 2)]


def test_top_keeps_everyone_tied_with_the_last_place_shown():
    ranked = rank({A: 5, B: 3, C: 3, D: 1}, order=[A, B, C, D])
    assert [r.item for r in top(ranked, 2)] == [A, B, C]
    assert [r.item for r in top(ranked, 10)] == [A, B, C, D]


def test_result_lines_carry_text_ties_and_named_voters():
    lines = result_lines(rank({A: 2, B: 2}, [A, B]), {A: "<b>one</b>", B: "two"}, {A: [("Ann", 2)]})
    assert [(x.rank, x.shared, x.text, x.voters) for x in lines] == [
        (1, True, "<b>one</b>", (("Ann", 2),)), (1, True, "two", ())]


def test_tally_may_not_exceed_what_the_voters_hold():
    round_ = a_round(dots_per_voter=3)
    check_tally(round_, {A: 4, B: 2}, {}, voters=2)
    with pytest.raises(ValidationError, match="at most 6 dots"):
        check_tally(round_, {A: 4, B: 3}, {}, voters=2)
    with pytest.raises(ValidationError, match="this count would make 7"):
        check_tally(round_, {A: 4, B: 2}, {C: 1}, voters=2)  # a show of hands already recorded one


def test_tally_respects_the_per_card_cap_times_voters():
    round_ = a_round(dots_per_voter=3, max_per_item=1)
    check_tally(round_, {A: 2}, {}, voters=2)
    with pytest.raises(ValidationError, match="at most 2 dots on one card"):
        check_tally(round_, {A: 3}, {}, voters=2)


def test_tally_without_listed_voters_only_checks_sign_and_sanity():
    check_tally(a_round(), {A: 40}, {}, voters=0)
    with pytest.raises(ValidationError, match="negative"):
        check_tally(a_round(), {A: -1}, {}, voters=0)
    with pytest.raises(ValidationError, match="more than any room"):
        check_tally(a_round(), {A: 10_001}, {}, voters=0)


def session_of(*statuses):
    return BallotSession.from_ballots(Ballot(1, 10 + i, s) for i, s in enumerate(statuses))


def test_the_next_voter_is_the_first_still_pending():
    session = session_of("pending", "pending", "pending")
    assert session.current == 10
    session = session.confirm(10).skip(11)
    assert session.current == 12 and session.waiting == (12,)
    session = session.confirm(12)
    assert session.finished and session.current is None


def test_a_reopened_voter_votes_next():
    session = session_of("confirmed", "pending", "pending").reopen(10)
    assert session.current == 10 and session.voted == 0


def test_a_voter_cannot_confirm_twice_or_after_being_skipped():
    with pytest.raises(ValidationError, match="Ann has already voted"):
        session_of("confirmed").confirm(10, "Ann")
    with pytest.raises(ValidationError, match="skipped"):
        session_of("skipped").confirm(10)
    with pytest.raises(ValidationError, match="nothing to reopen"):
        session_of("pending").reopen(10)
    with pytest.raises(ValidationError, match="not a voter"):
        session_of("pending").confirm(99)


def test_progress_counts_voters_never_dots_and_leaves_skipped_out():
    progress = session_of("confirmed", "skipped", "pending", "pending").progress(
        {10: "Ann", 11: "Bo", 12: "Cy", 13: "Di"})
    assert progress == (1, 3, ("Cy", "Di"))


allocations = st.lists(
    st.dictionaries(st.sampled_from([A, B, C, D]), st.integers(min_value=1, max_value=3), max_size=3),
    max_size=8)


@given(allocations)
def test_tally_and_ballot_rank_the_same_dots_the_same_way(ballots):
    from_ballots = rank(totals_of(ballots), [A, B, C, D])
    wall = {}
    for allocation in ballots:  # the same dots, counted on the wall one by one
        for item, count in allocation.items():
            for _ in range(count):
                wall = with_one_more(wall, item, 1)
    assert rank(wall, [A, B, C, D]) == from_ballots
