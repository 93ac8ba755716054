"""Dot voting, one function per thing the facilitator (or a voter) does.

Each function is one store transaction (``store.voting_change``): it reads the round as
it is inside that transaction, checks the domain rules, writes, and commits before it
returns, so a confirmed ballot survives a crash the moment the voter sees it accepted.
Counts are kept from the room by the UI until ``reveal_round``; nothing here shows them
except ``results``, which the UI calls only for revealed rounds.
"""

from collections.abc import Iterable, Mapping

from ..domain import text
from ..domain import voting as rules
from ..domain.errors import NotFoundError, ValidationError
from ..domain.model import VoteRound
from ..domain.voting import BallotSession, Item, ResultLine, VoteItem, VotingProgress
from ..store import Store


def start_round(store: Store, workshop_id: str, *, title: str, exercise_id: int | None = None,
                dots_per_voter: int = 3, max_per_item: int | None = None, anonymous: bool = True,
                target: str = "notes", mode: str = "ballot", voter_ids: Iterable[int] | None = None) -> VoteRound:
    """Open a new round on one exercise (or, with ``exercise_id`` None, the whole workshop).

    ``voter_ids`` None means every participant, in the workshop's order.
    """
    title = text.required(title, "A vote's title")
    rules.check_settings(dots_per_voter=dots_per_voter, max_per_item=max_per_item, target=target, mode=mode)
    with store.voting_change("start the vote"):
        store.workshop(workshop_id)
        if exercise_id is not None and store.exercise(exercise_id).workshop_id != workshop_id:
            raise ValidationError("That exercise belongs to another workshop.")
        people = [p.id for p in store.participants(workshop_id)]
        if voter_ids is None:
            voters = people
        else:
            voters = list(dict.fromkeys(voter_ids))
            if set(voters) - set(people):
                raise ValidationError("Only the workshop's participants can vote in it.")
        if mode == "ballot" and not voters:
            raise ValidationError("A ballot needs at least one voter; add participants or count dots instead.")
        return store.create_round(
            workshop_id, title=title, voter_ids=voters, exercise_id=exercise_id, dots_per_voter=dots_per_voter,
            max_per_item=max_per_item, anonymous=anonymous, target=target, mode=mode)


# -- ballots: passing the laptop, or from phones ------------------------------------------
def session(store: Store, round_id: int) -> BallotSession:
    return BallotSession.from_ballots(store.ballots(round_id))


def cast_ballot(store: Store, round_id: int, voter_id: int, allocation: Mapping[Item, int], *,
                changing: bool = False, replacing: Mapping[Item, int] | None = None) -> None:
    """Confirm a voter's ballot: their dots replace any they had, and they count as voted.

    Passing the laptop, a voter who has voted (or was skipped) votes again only when the
    facilitator reopens their ballot. A phone is ``changing``: its voter may vote after a
    skip, and may change their ballot while the round is open, but only their own:
    ``replacing`` gives the dots that phone confirmed before, and the change is taken only
    while the round still holds exactly those, never over a ballot confirmed on the
    laptop or from another phone.
    """
    with store.voting_change("save the ballot"):
        round_ = _round_in_mode(store, round_id, "ballot")
        name = voter_name(store, voter_id)
        ballots = session(store, round_id)
        if changing and ballots.status_of(voter_id) == "confirmed" and (
                replacing is None or store.voter_allocation(round_id, voter_id) != _nonzero(replacing)):
            raise rules.BallotRefused("voted", f"{name} has already voted in this round, on the laptop or another "
                                      "phone. To vote again, ask the facilitator to reopen your ballot.")
        ballots.confirm(voter_id, name, changing=changing)
        clean = _checked_allocation(store, round_, allocation, name)
        store.replace_votes(round_id, voter_id, clean, ballot_status="confirmed")


def skip_voter(store: Store, round_id: int, voter_id: int) -> None:
    with store.voting_change("skip the voter"):
        rules.check_open(_round_in_mode(store, round_id, "ballot"))
        session(store, round_id).skip(voter_id, voter_name(store, voter_id))
        store.set_ballot_status(round_id, voter_id, "skipped")


def reopen_ballot(store: Store, round_id: int, voter_id: int) -> None:
    """Let a voter vote again (or at last, if skipped): their dots are cleared and they wait their turn."""
    with store.voting_change("reopen the ballot"):
        round_ = _round_in_mode(store, round_id, "ballot")
        rules.check_open(round_)
        rules.check_ballots_traceable(round_, store.votes(round_id))
        session(store, round_id).reopen(voter_id, voter_name(store, voter_id))
        store.replace_votes(round_id, voter_id, {}, ballot_status="pending")


# -- tally: dots from the wall, or a show of hands ------------------------------------------
def set_tally(store: Store, round_id: int, item: Item, count: int) -> None:
    """Record how many physical dots are on one card."""
    with store.voting_change("count the dots"):
        round_ = _round_in_mode(store, round_id, "tally")
        if not isinstance(count, int):
            raise ValidationError(f"A dot count is a whole number, not {count!r}.")
        tally = store.voter_allocation(round_id, None)
        tally[tuple(item)] = count
        if count > 0:
            _check_items(store, round_, [item])
        named = rules.totals_of(store.named_allocations(round_id).values())
        rules.check_tally(round_, tally, named, len(store.ballots(round_id)))
        store.replace_votes(round_id, None, {k: v for k, v in tally.items() if v})


def tally(store: Store, round_id: int) -> dict[Item, int]:
    """The facilitator's physical dot counts (for the tally screen, which shows what it is given)."""
    return store.voter_allocation(round_id, None)


def record_hands(store: Store, round_id: int, voter_id: int, allocation: Mapping[Item, int]) -> None:
    """Record a named participant's dots from a show of hands, with the same rules as a ballot."""
    with store.voting_change("record the show of hands"):
        round_ = _round_in_mode(store, round_id, "tally")
        name = voter_name(store, voter_id)
        session(store, round_id).status_of(voter_id)  # refuses someone not voting in this round
        clean = _checked_allocation(store, round_, allocation, name)
        wall = store.voter_allocation(round_id, None)
        others = rules.totals_of(a for v, a in store.named_allocations(round_id).items() if v != voter_id)
        rules.check_tally(round_, wall, rules.totals_of([others, clean]), len(store.ballots(round_id)))
        store.replace_votes(round_id, voter_id, clean, ballot_status="confirmed" if clean else "pending")


def hands(store: Store, round_id: int) -> dict[int, dict[Item, int]]:
    """Each named voter's recorded dots (for the show-of-hands grid)."""
    return store.named_allocations(round_id)


# -- revealing and locking ----------------------------------------------------------------
def reveal_round(store: Store, round_id: int) -> VoteRound:
    return _set(store, round_id, "reveal the results", revealed=True)


def hide_round(store: Store, round_id: int) -> VoteRound:
    return _set(store, round_id, "hide the results", revealed=False)


def close_round(store: Store, round_id: int) -> VoteRound:
    """Lock the round: no dot can be placed, moved or counted until it is reopened."""
    return _set(store, round_id, "close the vote", state="closed")


def reopen_round(store: Store, round_id: int) -> VoteRound:
    return _set(store, round_id, "reopen the vote", state="open")


def _set(store: Store, round_id: int, what: str, **fields) -> VoteRound:
    with store.voting_change(what):
        store.vote_round(round_id)
        return store.update_round(round_id, **fields)


# -- what the screens show ------------------------------------------------------------------
def items(store: Store, round_id: int) -> list[VoteItem]:
    """The cards a round's voters choose from."""
    return store.scope_items(store.vote_round(round_id))


def results(store: Store, round_id: int) -> list[ResultLine]:
    """The round's ranked results: most dots first, ties sharing a rank.

    Dots on deleted notes (or ungrouped themes) are not counted, and come back when the
    delete is undone. Named rounds say who placed the dots; anonymous ones never do.
    """
    round_ = store.vote_round(round_id)
    voted = store.voted_items(round_id)
    ranked = rules.rank(store.vote_totals(round_id), [i.key for i in voted])
    voters = None
    if not round_.anonymous:
        names = {p.id: p.name for p in store.participants(round_.workshop_id)}
        voters = {}
        for voter_id, allocation in store.named_allocations(round_id).items():
            for item, count in allocation.items():
                voters.setdefault(item, []).append((names.get(voter_id, ""), count))
    return rules.result_lines(ranked, {i.key: i.text for i in voted}, voters)


def progress(store: Store, round_id: int) -> VotingProgress:
    """How many have voted of how many, and who is still to vote: never a count of dots."""
    round_ = store.vote_round(round_id)
    names = {p.id: p.name for p in store.participants(round_.workshop_id)}
    return session(store, round_id).progress(names)


# -- checks ---------------------------------------------------------------------------------
def _round_in_mode(store: Store, round_id: int, mode: str) -> VoteRound:
    round_ = store.vote_round(round_id)
    if round_.mode != mode:
        doing = "passing the laptop round" if round_.mode == "ballot" else "counting dots"
        raise ValidationError(f"The vote {round_.title!r} collects votes by {doing}.")
    return round_


def voter_name(store: Store, voter_id: int) -> str:
    """A voter's name for messages; refuses someone who is not a participant."""
    try:
        return store.participant(voter_id).name
    except NotFoundError:
        raise ValidationError("That person is not a participant of this workshop.") from None


def _nonzero(allocation: Mapping[Item, int]) -> dict:
    return {tuple(item): count for item, count in allocation.items() if count}


def _checked_allocation(store: Store, round_: VoteRound, allocation: Mapping[Item, int], name: str) -> dict:
    clean = {tuple(item): int(count) for item, count in allocation.items() if count}
    rules.check_allocation(round_, clean, name)
    _check_items(store, round_, clean)
    return clean


def _check_items(store: Store, round_: VoteRound, wanted: Iterable[Item]) -> None:
    kind = rules.item_kind(round_)
    live = {i.key for i in store.scope_items(round_)}
    for item in wanted:
        if item[0] != kind:
            raise ValidationError(f"This vote is on {round_.target}; dots cannot go on a {item[0]}.")
        if item not in live:
            raise ValidationError(f"That {kind} is not on the board this vote covers (it may have been deleted).")
