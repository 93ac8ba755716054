"""The vote as phones see it, and ballots cast from phones (docs/phone-api.md, "Voting").

Phones follow the workshop's newest vote round. What they are sent is filtered here, on
the laptop: ``phone_vote`` gives the part every phone may see (the round's rules and its
cards; once revealed, the ranked results as the room view shows them: the top places,
no names) and, kept apart for the server, where each voter stands (never their dots).
Before the reveal there is no count in it. A phone's ballot goes through the same
``voting.cast_ballot`` as the laptop's.
"""

from collections.abc import Mapping

from ..domain import voting as rules
from ..domain.errors import ValidationError
from ..domain.model import VoteRound
from ..store import Store
from . import voting

ITEM_TEXT_LIMIT = 600  # a card's words on a phone's ballot; the board holds the rest


def phone_round(store: Store, workshop_id: str) -> VoteRound | None:
    """The round phones follow: the workshop's newest."""
    rounds = store.vote_rounds(workshop_id)
    return rounds[-1] if rounds else None


def phone_vote(store: Store, workshop_id: str) -> tuple[dict | None, dict[int, str]]:
    """What every phone may see of the vote (None without one), and each voter's ballot status
    in it (participant id -> "pending", "confirmed" or "skipped"), which the server uses to
    tell each phone where its own voter stands and sends to no one."""
    round_ = phone_round(store, workshop_id)
    if round_ is None:
        return None, {}
    shown = {"round": round_.id, "title": round_.title, "mode": round_.mode, "target": round_.target,
             "dots": round_.dots_per_voter, "cap": round_.max_per_item, "anonymous": round_.anonymous,
             "open": round_.state == "open", "revealed": round_.revealed}
    if round_.revealed:
        shown["results"] = [{"rank": line.rank, "shared": line.shared, "text": _clip(line.text), "dots": line.dots}
                            for line in rules.top(voting.results(store, round_.id), rules.ROOM_PLACES)]
    elif round_.mode == "ballot":
        shown["items"] = [{"key": rules.item_key(item.key), "text": _clip(item.text)}
                          for item in voting.items(store, round_.id)]
    statuses = {b.participant_id: b.status for b in store.ballots(round_.id)} if round_.mode == "ballot" else {}
    return shown, statuses


def cast_phone_ballot(store: Store, workshop_id: str, round_id: int, voter_id: int,
                      allocation: Mapping[rules.Item, int], *, replacing: Mapping[rules.Item, int] | None) -> None:
    """A phone's ballot in the round phones follow, while it is open and its results hidden.

    ``replacing``: the dots this phone confirmed before in this round, if any (see
    ``voting.cast_ballot``). Refusals the page explains are ``BallotRefused`` with a reason.
    """
    round_ = phone_round(store, workshop_id)
    if round_ is None or round_.id != round_id:
        raise rules.BallotRefused("round", "That vote is over; the page now shows the vote on at the moment.")
    if round_.mode != "ballot":
        raise rules.BallotRefused("round", "The facilitator counts the dots for this vote, so there is nothing "
                                  "to send from a phone.")
    if round_.state != "open":
        raise rules.BallotRefused("closed", "This vote is closed: ballots can no longer change.")
    if round_.revealed:
        raise rules.BallotRefused("closed", "The results are shown: ballots can no longer change.")
    try:
        voting.session(store, round_id).status_of(voter_id)
    except ValidationError:
        raise rules.BallotRefused("voter", "Your name is not on this vote's list of voters. Ask the facilitator "
                                  "if you should vote.") from None
    voting.cast_ballot(store, round_id, voter_id, allocation, changing=True, replacing=replacing)


def _clip(value: str) -> str:
    return value if len(value) <= ITEM_TEXT_LIMIT else value[: ITEM_TEXT_LIMIT - 1] + "…"
