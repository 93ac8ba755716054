"""Dot-voting rules: what a voter may spend, and how results are ranked.

These rules hold whichever way the dots arrive (a private ballot on the laptop, or the
facilitator entering physical dots), so both modes rank the same dots the same way.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .errors import ValidationError
from .model import VoteRound


def check_allocation(round_: VoteRound, allocation: Mapping[object, int], voter: str = "This voter") -> None:
    """Refuse an allocation of one voter's dots that breaks the round's rules."""
    if round_.state != "open":
        raise ValidationError(f"The vote {round_.title!r} is closed; reopen it to change votes.")
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
