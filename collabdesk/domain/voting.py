"""Dot-voting rules: what a voter may spend, who votes next, and how results are ranked.

These rules hold whichever way the dots arrive (a private ballot on the laptop, the
facilitator entering physical dots from the wall, or a show of hands per participant),
so every mode ranks the same dots the same way: ranking looks only at the totals.

An item is what a dot lands on: ``("note", id)`` or ``("theme", id)``.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from .errors import ValidationError
from .model import Ballot, Vote, VoteRound

Item = tuple[str, int]

ROUND_TARGETS = ("notes", "themes")
ROUND_MODES = ("ballot", "tally")
BALLOT_STATUSES = ("pending", "confirmed", "skipped")
MAX_DOTS_PER_VOTER = 50
MAX_DOTS_ON_ONE_ITEM = 10_000  # a tally beyond this is a typing slip, not a room
ROOM_PLACES = 10  # places the room (and a phone) sees of revealed results; ties with the last are shown too
ITEM_KINDS = ("note", "theme")


class BallotRefused(ValidationError):
    """A ballot from a phone the round does not take; ``reason`` is a stable word for the page."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def item_key(item: Item) -> str:
    """An item as the phone API spells it: ``("note", 12)`` is ``"note:12"``."""
    return f"{item[0]}:{item[1]}"


def parse_item_key(key: object) -> Item:
    """``"note:12"`` back to ``("note", 12)``; ValidationError for anything else."""
    kind, _, number = key.partition(":") if isinstance(key, str) else ("", "", "")
    if kind not in ITEM_KINDS or not number.isascii() or not number.isdigit() or len(number) > 12:
        raise ValidationError(f"{str(key)[:40]!r} is not a card of this vote.")
    return kind, int(number)


def item_kind(round_: VoteRound) -> str:
    """The kind of item a round's dots land on: "note" or "theme"."""
    return "theme" if round_.target == "themes" else "note"


def check_settings(*, dots_per_voter: int, max_per_item: int | None, target: str, mode: str) -> None:
    """Refuse round settings no room could vote with."""
    if not isinstance(dots_per_voter, int) or not 1 <= dots_per_voter <= MAX_DOTS_PER_VOTER:
        raise ValidationError(f"Each voter needs between 1 and {MAX_DOTS_PER_VOTER} dots, not {dots_per_voter}.")
    if max_per_item is not None and (not isinstance(max_per_item, int) or max_per_item < 1):
        raise ValidationError(f"The most dots on one card must be at least 1 (or no limit), not {max_per_item}.")
    if target not in ROUND_TARGETS:
        raise ValidationError(f"A vote is on {' or '.join(ROUND_TARGETS)}; not {target!r}.")
    if mode not in ROUND_MODES:
        raise ValidationError(f"Votes are collected by {' or '.join(ROUND_MODES)}; not {mode!r}.")


def check_open(round_: VoteRound) -> None:
    if round_.state != "open":
        raise ValidationError(f"The vote {round_.title!r} is closed; reopen it to change votes.")


def check_ballots_traceable(round_: VoteRound, votes: Iterable[Vote]) -> None:
    """Taking a ballot back clears that voter's dots; an anonymous round imported from a
    workshop file holds dots that name no voter, so no ballot can be taken back fairly."""
    if any(v.voter_id is None for v in votes):
        raise ValidationError(f"The dots of {round_.title!r} came from a workshop file that does not say whose "
                              "they are, so no ballot can be taken back; start a new vote to vote again.")


def check_allocation(round_: VoteRound, allocation: Mapping[object, int], voter: str = "This voter") -> None:
    """Refuse an allocation of one voter's dots that breaks the round's rules."""
    check_open(round_)
    check_spend(round_, allocation, voter)


def check_spend(round_: VoteRound, allocation: Mapping[object, int], voter: str = "This voter") -> None:
    """The round's rules for one voter's dots, whether the round is open or not.

    The app applies them as dots are typed; a workshop file's rounds (closed, most of
    them) are held to the same rules when it is imported.
    """
    if any(count < 0 for count in allocation.values()):
        raise ValidationError("A dot count cannot be negative.")
    spent = sum(allocation.values())
    if spent > round_.dots_per_voter:
        raise ValidationError(
            f"{voter} has {round_.dots_per_voter} dots and tried to place {spent}."
        )
    if round_.max_per_item is not None:
        worst = max(allocation.values(), default=0)
        if worst > round_.max_per_item:
            raise ValidationError(
                f"{voter} put {worst} dots on one card; the most allowed is {round_.max_per_item}."
            )


def dots_left(round_: VoteRound, allocation: Mapping[object, int]) -> int:
    return round_.dots_per_voter - sum(allocation.values())


def why_no_more_dots(round_: VoteRound, allocation: Mapping[object, int], item: object) -> str:
    """Why one more dot on ``item`` would break the rules, in the voter's words; "" if it would not."""
    if round_.state != "open":
        return "This vote is closed."
    if dots_left(round_, allocation) <= 0:
        return "All your dots are placed. Take one off another card to move it here."
    if round_.max_per_item is not None and allocation.get(item, 0) >= round_.max_per_item:
        dots = "dot" if round_.max_per_item == 1 else "dots"
        return f"This vote allows at most {round_.max_per_item} {dots} on one card."
    return ""


def with_one_more(allocation: Mapping[object, int], item: object, change: int) -> dict:
    """The allocation with ``change`` dots added to ``item`` (never below zero; zeros dropped)."""
    result = dict(allocation)
    result[item] = max(0, result.get(item, 0) + change)
    return {k: v for k, v in result.items() if v}


def check_tally(round_: VoteRound, tally: Mapping[object, int], named: Mapping[object, int], voters: int) -> None:
    """Refuse physical dot counts the room cannot have placed.

    ``tally`` is the facilitator's count of physical dots per item; ``named`` the dots
    already recorded per item for named voters (show of hands); ``voters`` how many
    people vote in the round. With no voters listed only the counts' sign and a
    sanity ceiling are checked.
    """
    check_open(round_)
    check_counts(round_, tally, named, voters)


def check_counts(round_: VoteRound, tally: Mapping[object, int], named: Mapping[object, int], voters: int) -> None:
    """``check_tally``'s rules, whether the round is open or not (an imported round's pooled dots)."""
    if any(count < 0 for count in tally.values()):
        raise ValidationError("A dot count cannot be negative.")
    for count in tally.values():
        if count > MAX_DOTS_ON_ONE_ITEM:
            raise ValidationError(f"{count:,} dots on one card is more than any room places.")
    if not voters:
        return
    ceiling = round_.dots_per_voter * voters
    total = sum(tally.values()) + sum(named.values())
    if total > ceiling:
        raise ValidationError(
            f"{voters} voters with {round_.dots_per_voter} dots each place at most {ceiling} dots in all; "
            f"this count would make {total}.")
    per_item = min(round_.max_per_item or round_.dots_per_voter, round_.dots_per_voter) * voters
    for item, count in tally.items():
        if count + named.get(item, 0) > per_item:
            raise ValidationError(
                f"{voters} voters can put at most {per_item} dots on one card; this count would make "
                f"{count + named.get(item, 0)}.")


def totals_of(allocations: Iterable[Mapping[object, int]]) -> dict:
    """Add up several voters' (or the wall's) dots per item."""
    totals: dict = {}
    for allocation in allocations:
        for item, count in allocation.items():
            totals[item] = totals.get(item, 0) + count
    return {item: count for item, count in totals.items() if count}


@dataclass(frozen=True)
class Ranked:
    rank: int
    item: object  # a note or theme id
    dots: int


def rank(totals: Mapping[object, int], order: Iterable[object] = ()) -> list[Ranked]:
    """Rank items by dots, most first; ties share a rank (1, 1, 3).

    Items with no dots are left out. ``order`` breaks ties for display only (board
    order), never for rank.
    """
    position = {item: i for i, item in enumerate(order)}
    items = sorted(
        (item for item, dots in totals.items() if dots > 0),
        key=lambda item: (-totals[item], position.get(item, len(position)), str(item)),
    )
    ranked: list[Ranked] = []
    for i, item in enumerate(items):
        dots = totals[item]
        shared = ranked and ranked[-1].dots == dots
        ranked.append(Ranked(rank=ranked[-1].rank if shared else i + 1, item=item, dots=dots))
    return ranked


def top(ranked: Sequence, count: int) -> list:
    """The first ``count`` places, plus whoever ties with the last of them (Ranked or ResultLine)."""
    if len(ranked) <= count:
        return list(ranked)
    last = ranked[count - 1].rank
    return [r for r in ranked if r.rank <= last]


def shares_rank(ranked: Sequence[Ranked], index: int) -> bool:
    """Whether the result at ``index`` ties with a neighbour (shown as "=2")."""
    here = ranked[index].rank
    return any(0 <= j < len(ranked) and ranked[j].rank == here for j in (index - 1, index + 1))


def rank_label(place: int, shared: bool) -> str:
    """A rank as the app and every report print it: "=3" when it is shared, else "3"."""
    return f"={place}" if shared else str(place)


# -- what is voted on, and what the results show ---------------------------------------
@dataclass(frozen=True)
class VoteItem:
    """A card a dot can land on, as the ballot and the results show it."""

    key: Item
    text: str
    exercise_id: int
    colour: str = "yellow"  # a note's colour; themes are shown in their own style
    notes: int = 0  # for a theme: how many notes it holds


@dataclass(frozen=True)
class ResultLine:
    rank: int
    shared: bool  # ties with another line
    item: Item
    text: str
    dots: int
    voters: tuple[tuple[str, int], ...] = ()  # (name, dots), only for named rounds


def result_lines(ranked: Sequence[Ranked], texts: Mapping[Item, str],
                 voters: Mapping[Item, Sequence[tuple[str, int]]] | None = None) -> list[ResultLine]:
    return [
        ResultLine(rank=r.rank, shared=shares_rank(ranked, i), item=r.item, text=texts.get(r.item, ""),
                   dots=r.dots, voters=tuple((voters or {}).get(r.item, ())))
        for i, r in enumerate(ranked)
    ]


# -- passing the laptop round ------------------------------------------------------------
class VotingProgress(NamedTuple):
    """What the room may see while ballots are cast: how many voted, never how."""

    voted: int
    total: int  # voters expected (skipped voters are not)
    waiting: tuple[str, ...]  # names still to vote, in ballot order


@dataclass(frozen=True)
class BallotSession:
    """Who has voted, who was skipped and who holds the laptop next, in ballot order.

    The next voter is always the first one still pending, so a voter whose ballot the
    facilitator reopens votes next.
    """

    order: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()  # parallel to ``order``

    @classmethod
    def from_ballots(cls, ballots: Iterable[Ballot]) -> "BallotSession":
        ballots = list(ballots)
        return cls(tuple(b.participant_id for b in ballots), tuple(b.status for b in ballots))

    def status_of(self, voter: int) -> str:
        try:
            return self.statuses[self.order.index(voter)]
        except ValueError:
            raise ValidationError("That person is not a voter in this round.") from None

    @property
    def current(self) -> int | None:
        return next((v for v, s in zip(self.order, self.statuses) if s == "pending"), None)

    @property
    def waiting(self) -> tuple[int, ...]:
        return tuple(v for v, s in zip(self.order, self.statuses) if s == "pending")

    @property
    def voted(self) -> int:
        return self.statuses.count("confirmed")

    @property
    def expected(self) -> int:
        return len(self.order) - self.statuses.count("skipped")

    @property
    def finished(self) -> bool:
        return self.current is None

    def confirm(self, voter: int, name: str = "This voter", *, changing: bool = False) -> "BallotSession":
        """``voter`` has voted; ``changing``: they replace a ballot of their own (or vote after a skip)."""
        status = self.status_of(voter)
        if changing:
            return self._with(voter, "confirmed")
        if status == "confirmed":
            raise ValidationError(f"{name} has already voted; reopen the ballot to vote again.")
        if status == "skipped":
            raise ValidationError(f"{name} was skipped; reopen the ballot to let them vote.")
        return self._with(voter, "confirmed")

    def skip(self, voter: int, name: str = "This voter") -> "BallotSession":
        if self.status_of(voter) != "pending":
            raise ValidationError(f"{name} is not waiting to vote, so cannot be skipped.")
        return self._with(voter, "skipped")

    def reopen(self, voter: int, name: str = "This voter") -> "BallotSession":
        if self.status_of(voter) == "pending":
            raise ValidationError(f"{name} has not voted yet; there is nothing to reopen.")
        return self._with(voter, "pending")

    def _with(self, voter: int, status: str) -> "BallotSession":
        statuses = list(self.statuses)
        statuses[self.order.index(voter)] = status
        return replace(self, statuses=tuple(statuses))

    def progress(self, names: Mapping[int, str]) -> VotingProgress:
        return VotingProgress(self.voted, self.expected, tuple(names.get(v, "") for v in self.waiting))
