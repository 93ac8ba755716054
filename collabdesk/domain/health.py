"""Health checks: the room rates each domain of its framework on a five-point scale.

A health check is a round, like a dot vote, collected the same ways: private ballots
passing the laptop (one per participant), a facilitator's tally from a show of hands
(how many people chose each point for each domain), and later from phones. The rules
below hold whichever way ratings arrive, so a transport only has to hand them in.

Results show the spread, not a mean. For each domain: how many chose each point, the
median, and the *spread*, defined as the interquartile range by Tukey's hinges: sort the
scores, take the median of the lower half and of the upper half (the middle score left
out of both when the count is odd) and subtract. It reads as "how many points the middle
half of the room spans": 0 or 1 and the room agreed; 2 or more and it split. It ignores a
lone outlier (one 1 among eight 4s is still agreement) but catches a room divided in two
camps (four 2s and four 4s spans 2 points), which a share-outside-the-median measure
misses. One rater spans 0 points.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from . import text
from .errors import ValidationError
from .model import SCALE

MODES = ("ballot", "tally")
STATES = ("open", "closed")
SPLIT_SPREAD = 2  # a middle half spanning this many points or more is a split room
MAX_TALLY = 10_000  # people choosing one point in one domain: beyond this it is a typing slip
# One hue per point, weak to strong: orange to purple through grey, a diverging scheme
# readable with the common colour-vision deficiencies (ColorBrewer's PuOr), for every chart.
SCALE_COLOURS = ("#B35806", "#F1A340", "#D5D5D5", "#998EC3", "#542788")
SCALE_INK = ("#FFFFFF", "#1E2329", "#1E2329", "#1E2329", "#FFFFFF")  # text that reads on each
GENERIC_LABELS = ("Stuck", "Struggling", "Getting there", "Working well", "Thriving")


def labels_of(domain) -> tuple[str, ...]:
    """What each point means for a framework ``Domain``: its own labels, or the generic ones."""
    return tuple(domain.labels) or GENERIC_LABELS


@dataclass(frozen=True)
class HealthRound:
    """One health check of a workshop: which domains it asks about and how it collects."""

    id: int
    workshop_id: str
    title: str
    domain_keys: tuple[str, ...]  # the framework's domains when the round started, in its order
    mode: str = "ballot"  # "ballot" (passing the laptop) or "tally" (a show of hands)
    anonymous: bool = True
    state: str = "open"
    revealed: bool = False
    created: str = ""


@dataclass(frozen=True)
class Rating:
    """One participant's score for one domain, with an optional one-line comment.

    ``participant_id`` is None for a rating imported from an anonymous check's workshop
    file, which never says whose a rating is.
    """

    round_id: int
    participant_id: int | None
    domain_key: str
    score: int
    comment: str = ""


@dataclass(frozen=True)
class TallyCount:
    """How many people chose ``score`` for a domain, counted from a show of hands."""

    round_id: int
    domain_key: str
    score: int
    count: int


@dataclass(frozen=True)
class Comment:
    domain_key: str
    text: str
    author: str = ""  # only in named rounds


# -- rules ----------------------------------------------------------------------------------
def check_settings(*, mode: str, domain_keys: Sequence[str]) -> None:
    if mode not in MODES:
        raise ValidationError(f"A health check collects ratings by {' or '.join(MODES)}; not {mode!r}.")
    if not domain_keys:
        raise ValidationError("A health check needs at least one domain to rate.")
    if len(set(domain_keys)) != len(domain_keys):
        raise ValidationError("A health check lists each domain once.")


def check_open(round_: HealthRound) -> None:
    if round_.state != "open":
        raise ValidationError(f"The health check {round_.title!r} is closed; reopen it to change ratings.")


def check_ballots_traceable(round_: HealthRound, ratings: Iterable[Rating]) -> None:
    """Taking a ballot back clears that voter's ratings; an anonymous check imported from a
    workshop file holds ratings that name no one, so no ballot can be taken back fairly."""
    if any(r.participant_id is None for r in ratings):
        raise ValidationError(f"The ratings of {round_.title!r} came from a workshop file that does not say whose "
                              "they are, so no ballot can be taken back; start a new health check to rate again.")


def check_domain(round_: HealthRound, domain_key: str) -> None:
    if domain_key not in round_.domain_keys:
        raise ValidationError(f"{domain_key!r} is not one of the domains this health check rates.")


def check_score(score: object, what: str = "A rating") -> int:
    if isinstance(score, bool) or not isinstance(score, int) or score not in SCALE:
        raise ValidationError(f"{what} is a whole number from {SCALE[0]} to {SCALE[-1]}, not {score!r}.")
    return score


def clean_comment(comment: str | None) -> str:
    """A comment is one line: line breaks become spaces, then the short-text limit holds."""
    one_line = " ".join(text.clean(comment).split("\n")).strip()
    return text.optional(one_line, "A comment", "short")


def checked_ballot(round_: HealthRound, scores: Mapping[str, int],
                   comments: Mapping[str, str] | None = None) -> dict[str, tuple[int, str]]:
    """One voter's ratings for an open round as ``{domain: (score, comment)}`` (see ``ballot_of``)."""
    check_open(round_)
    return ballot_of(round_, scores, comments)


def ballot_of(round_: HealthRound, scores: Mapping[str, int],
              comments: Mapping[str, str] | None = None) -> dict[str, tuple[int, str]]:
    """One voter's ratings as ``{domain: (score, comment)}``, refused if any breaks a rule.

    A voter may leave a domain unrated (no score given), but cannot comment on a domain
    without rating it.
    """
    comments = comments or {}
    for key in list(scores) + list(comments):
        check_domain(round_, key)
    ballot = {}
    for key in round_.domain_keys:
        comment = clean_comment(comments.get(key))
        if key in scores and scores[key] is not None:
            ballot[key] = (check_score(scores[key]), comment)
        elif comment:
            raise ValidationError("A comment goes with a rating: choose a point on the scale first.")
    return ballot


def check_tally(round_: HealthRound, domain_key: str, score: int, count: object,
                counts: Mapping[int, int], raters: int) -> None:
    """Refuse a show-of-hands count for an open round the room cannot have given (see ``check_hands``)."""
    check_open(round_)
    check_hands(round_, domain_key, score, count, counts, raters)


def check_hands(round_: HealthRound, domain_key: str, score: int, count: object,
                counts: Mapping[int, int], raters: int) -> None:
    """Refuse a count of hands for one point of one domain that the room cannot have given.

    ``counts`` holds the domain's points as recorded (the one being set is replaced);
    ``raters`` how many people take part (0 when no participants are listed: then only the
    sign and a ceiling hold).
    """
    check_domain(round_, domain_key)
    check_score(score, "A point on the scale")
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValidationError(f"A count of hands is a whole number from 0 up, not {count!r}.")
    if count > MAX_TALLY:
        raise ValidationError(f"{count:,} hands for one point is more than any room raises.")
    total = count + sum(c for s, c in counts.items() if s != score)
    if raters and total > raters:
        raise ValidationError(f"{raters} people can give at most {raters} ratings per domain; "
                              f"this count would make {total}.")


# -- results --------------------------------------------------------------------------------
@dataclass(frozen=True)
class DomainResult:
    domain_key: str
    counts: tuple[int, ...]  # people per point, index 0 is point 1
    median: float | None  # None when nobody rated
    lower: float | None = None  # the lower and upper quartiles (Tukey's hinges): the middle half's ends
    upper: float | None = None

    @property
    def spread(self) -> float | None:
        """The interquartile range (see module docstring); None when nobody rated."""
        return None if self.median is None else self.upper - self.lower

    @property
    def raters(self) -> int:
        return sum(self.counts)

    @property
    def verdict(self) -> str:
        """"agreed", "split", or "unrated"."""
        if self.spread is None:
            return "unrated"
        return "split" if self.spread >= SPLIT_SPREAD else "agreed"


def _median(ordered: Sequence[int]) -> float:
    n = len(ordered)
    middle = n // 2
    return float(ordered[middle]) if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _nth(counts: Sequence[int], index: int) -> int:
    """The score at ``index`` of the sorted scores, read from the counts without expanding them."""
    seen = 0
    for score, count in zip(SCALE, counts):
        seen += count
        if index < seen:
            return score
    raise IndexError(index)


def _median_of(counts: Sequence[int], start: int, length: int) -> float:
    middle = start + length // 2
    if length % 2:
        return float(_nth(counts, middle))
    return (_nth(counts, middle - 1) + _nth(counts, middle)) / 2


def summarise(domain_key: str, counts: Sequence[int]) -> DomainResult:
    """The distribution, median and spread of one domain from its counts per point."""
    counts = tuple(int(c) for c in counts)
    if len(counts) != len(SCALE) or any(c < 0 for c in counts):
        raise ValueError(f"counts per point must be {len(SCALE)} non-negative numbers, not {counts}")
    n = sum(counts)
    if not n:
        return DomainResult(domain_key, counts, None)
    median = _median_of(counts, 0, n)
    if n == 1:
        return DomainResult(domain_key, counts, median, median, median)
    half = n // 2
    return DomainResult(domain_key, counts, median, _median_of(counts, 0, half), _median_of(counts, n - half, half))


def distribution(scores: Iterable[int]) -> tuple[int, ...]:
    counts = [0] * len(SCALE)
    for score in scores:
        counts[score - SCALE[0]] += 1
    return tuple(counts)


def results(round_: HealthRound, ratings: Iterable[Rating], tallies: Iterable[TallyCount] = ()) -> list[DomainResult]:
    """One result per domain of the round, in its order: ballots and hand counts added together."""
    counts = {key: [0] * len(SCALE) for key in round_.domain_keys}
    for r in ratings:
        if r.domain_key in counts:
            counts[r.domain_key][r.score - SCALE[0]] += 1
    for t in tallies:
        if t.domain_key in counts:
            counts[t.domain_key][t.score - SCALE[0]] += t.count
    return [summarise(key, counts[key]) for key in round_.domain_keys]


def comments_of(round_: HealthRound, ratings: Iterable[Rating], names: Mapping[int, str]) -> list[Comment]:
    """The non-empty comments in the round's domain order, each domain's in alphabetical order
    (never the order people rated in, which could tell who wrote which); ``names`` empty keeps
    them anonymous."""
    order = {key: i for i, key in enumerate(round_.domain_keys)}
    kept = [r for r in ratings if r.comment and r.domain_key in order]
    return [Comment(r.domain_key, r.comment, names.get(r.participant_id, ""))
            for r in sorted(kept, key=lambda r: (order[r.domain_key], r.comment))]


def points(value: float) -> str:
    """A median or spread as people say it: 3, 3.5."""
    return f"{value:g}"


def sentence(result: DomainResult, name: str, labels: Sequence[str] = ()) -> str:
    """Where the room stood on one domain, in a sentence for the report and the results."""
    if result.verdict == "unrated":
        return f"{name}: nobody rated this domain."
    people = f"{result.raters} {'person' if result.raters == 1 else 'people'}"
    label = ""
    if labels and result.median is not None and float(result.median).is_integer():
        label = f" (“{labels[int(result.median) - 1]}”)"
    if result.raters == 1:
        return f"{name}: one person rated it {points(result.median)}{label}."
    if result.verdict == "agreed":
        return (f"{name}: the room agreed around {points(result.median)}{label}; the middle half of "
                f"{people} is within {points(result.spread)} point{'' if result.spread == 1 else 's'}.")
    low, high = _extremes(result.counts)
    return (f"{name}: the room split. The median is {points(result.median)}{label}, but the middle half of "
            f"{people} spans {points(result.spread)} points and ratings run from {low} to {high}: worth "
            "talking through.")


def _extremes(counts: Sequence[int]) -> tuple[int, int]:
    used = [s for s, c in zip(SCALE, counts) if c]
    return used[0], used[-1]


# -- the diverging bar every chart draws -------------------------------------------------------
def reach(counts: Sequence[int]) -> float:
    """How far a domain's diverging bar reaches from the centre on its longer side, as a share of raters."""
    total = sum(counts) or 1
    return max(counts[0] + counts[1], counts[3] + counts[4]) / total + counts[2] / total / 2


def diverging(counts: Sequence[int], scale: float = 1.0) -> list[tuple[float, float]]:
    """Each point's segment as (start, width), fractions of the bar's full width, centred on the middle point.

    Points 1 and 2 lie left of the centre, 4 and 5 right of it, and 3 straddles it, so a
    room leaning weak sits left and one leaning strong sits right. ``scale`` is the share
    of raters half the width stands for: the longest ``reach`` of the domains drawn
    together, so every bar is on one scale and the longest fills it.
    """
    total = sum(counts) or 1
    shares = [0.5 * c / total / scale for c in counts]
    x = 0.5 - shares[0] - shares[1] - shares[2] / 2
    placed = []
    for share in shares:
        placed.append((x, share))
        x += share
    return placed


def median_at(median: float, placed: Sequence[tuple[float, float]]) -> float:
    """Where the median sits along a diverging bar: the middle of its point's segment, or the
    boundary between two points for a half-point median."""
    low, high = int(median // 1), int(-(-median // 1))
    if low == high:
        start, width = placed[low - 1]
        return start + width / 2
    return placed[high - 1][0]

