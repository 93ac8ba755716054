"""Health-check rules and results, the results checked against a plain computation."""

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabdesk.domain import health
from collabdesk.domain.errors import ValidationError
from collabdesk.domain.health import HealthRound, Rating, TallyCount

ROUND = HealthRound(id=1, workshop_id="w", title="Start of day", domain_keys=("head", "heart", "bones"))


def plain(scores: list[int]) -> tuple:
    """Distribution, median, quartiles and interquartile range (Tukey's hinges) the long way round."""
    counts = tuple(scores.count(point) for point in (1, 2, 3, 4, 5))
    if not scores:
        return counts, None, None, None, None
    ordered = sorted(scores)
    median = float(statistics.median(ordered))
    if len(ordered) == 1:
        return counts, median, median, median, 0.0
    half = len(ordered) // 2
    lower, upper = float(statistics.median(ordered[:half])), float(statistics.median(ordered[len(ordered) - half:]))
    return counts, median, lower, upper, upper - lower


def computed(scores: list[int]) -> tuple:
    result = health.summarise("head", health.distribution(scores))
    return result.counts, result.median, result.lower, result.upper, result.spread


@given(st.lists(st.integers(min_value=1, max_value=5), max_size=600))
def test_results_match_a_plain_computation(scores):
    assert computed(scores) == plain(scores)
    assert health.summarise("head", health.distribution(scores)).raters == len(scores)


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=500, max_size=500))
def test_five_hundred_raters(scores):
    assert computed(scores) == plain(scores)


@pytest.mark.parametrize("scores", [[], [3], [2, 4], [1, 1, 5, 5], [3, 3, 3], [1, 2, 2, 3, 3, 3, 4, 5, 5, 5]])
def test_ties_and_small_rooms_match_a_plain_computation(scores):
    assert computed(scores) == plain(scores)


def test_no_raters_has_no_median_and_says_so():
    result = health.summarise("head", (0, 0, 0, 0, 0))
    assert result.median is None and result.spread is None and result.verdict == "unrated"
    assert health.sentence(result, "Head") == "Head: nobody rated this domain."


def test_one_rater_spans_nothing():
    result = health.summarise("head", (0, 0, 0, 1, 0))
    assert (result.median, result.spread, result.verdict) == (4.0, 0.0, "agreed")
    assert health.sentence(result, "Head", ["a", "b", "c", "d", "e"]) == "Head: one person rated it 4 (“d”)."


def test_a_tie_between_two_points_gives_a_half_point_median():
    result = health.summarise("head", (0, 2, 0, 2, 0))  # two 2s and two 4s
    assert result.median == 3.0 and result.spread == 2.0 and result.verdict == "split"


def test_a_lone_outlier_is_still_agreement():
    result = health.summarise("head", (1, 0, 0, 8, 0))
    assert (result.median, result.spread, result.verdict) == (4.0, 0.0, "agreed")
    assert "agreed around 4" in health.sentence(result, "Head")


def test_a_split_room_is_called_split_with_its_range():
    result = health.summarise("heart", (3, 0, 1, 0, 3))
    assert result.verdict == "split"
    sentence = health.sentence(result, "Heart")
    assert sentence.startswith("Heart: the room split.") and "from 1 to 5" in sentence


def test_results_add_ballots_and_hands_per_domain_in_round_order():
    ratings = [Rating(1, 7, "heart", 2), Rating(1, 8, "heart", 4), Rating(1, 7, "head", 5)]
    tallies = [TallyCount(1, "head", 5, 3), TallyCount(1, "elsewhere", 1, 9)]
    results = health.results(ROUND, ratings, tallies)
    assert [r.domain_key for r in results] == ["head", "heart", "bones"]
    assert results[0].counts == (0, 0, 0, 0, 4)
    assert results[1].counts == (0, 1, 0, 1, 0)
    assert results[2].verdict == "unrated"


@pytest.mark.parametrize("score", [0, 6, -1, 2.5, "3", True, None])
def test_a_score_off_the_scale_is_refused(score):
    with pytest.raises(ValidationError, match="1 to 5"):
        health.checked_ballot(ROUND, {"head": score} if score is not None else {"head": "x"})


def test_a_domain_outside_the_framework_is_refused():
    with pytest.raises(ValidationError, match="'limbs' is not one of the domains"):
        health.checked_ballot(ROUND, {"limbs": 3})
    with pytest.raises(ValidationError, match="not one of the domains"):
        health.check_tally(ROUND, "limbs", 3, 1, {}, 0)


def test_a_ballot_may_skip_a_domain_but_not_comment_without_rating():
    assert health.checked_ballot(ROUND, {"head": 3}, {"head": "  fine\nreally  "}) == {"head": (3, "fine really")}
    with pytest.raises(ValidationError, match="comment goes with a rating"):
        health.checked_ballot(ROUND, {"head": 3}, {"heart": "no score"})


def test_a_comment_is_bounded_by_the_text_rule():
    with pytest.raises(ValidationError, match="most allowed is 200"):
        health.checked_ballot(ROUND, {"head": 3}, {"head": "x" * 201})


def test_a_closed_round_takes_no_ratings():
    closed = HealthRound(**{**ROUND.__dict__, "state": "closed"})
    with pytest.raises(ValidationError, match="closed"):
        health.checked_ballot(closed, {"head": 3})


def test_hands_cannot_outnumber_the_room():
    health.check_tally(ROUND, "head", 3, 4, {1: 2, 3: 9}, 6)  # the count for 3 is being replaced
    with pytest.raises(ValidationError, match="at most 6 ratings per domain; this count would make 7"):
        health.check_tally(ROUND, "head", 3, 5, {1: 2}, 6)
    with pytest.raises(ValidationError, match="whole number from 0"):
        health.check_tally(ROUND, "head", 3, -1, {}, 0)
