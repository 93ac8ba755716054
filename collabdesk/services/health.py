"""Health checks, one function per thing the facilitator (or a voter) does.

Each function is one store transaction (``store.health_change``): it reads the round
inside that transaction, checks the domain rules (``domain.health``), writes, and commits
before it returns. Ratings are private until ``reveal``: ``results`` and ``comments``
refuse an unrevealed round, and ``progress`` says only how many have rated, never how.
A phone transport would call ``cast_ballot`` like the laptop does.
"""

from collections.abc import Iterable, Mapping

from ..domain import health as rules
from ..domain import text
from ..domain.errors import ValidationError
from ..domain.health import Comment, DomainResult, HealthRound
from ..domain.voting import BallotSession, VotingProgress
from ..store import Store
from .frameworks import framework_or_default
from .voting import voter_name


def start_check(store: Store, workshop_id: str, *, title: str, mode: str = "ballot", anonymous: bool = True,
                voter_ids: Iterable[int] | None = None) -> HealthRound:
    """Open a health check on every domain of the workshop's framework.

    ``voter_ids`` None means every participant, in the workshop's order.
    """
    title = text.required(title, "A health check's title")
    with store.health_change("start the health check"):
        workshop = store.workshop(workshop_id)
        domain_keys = [d.key for d in framework_or_default(store, workshop.framework_key).domains]
        rules.check_settings(mode=mode, domain_keys=domain_keys)
        people = [p.id for p in store.participants(workshop_id)]
        voters = people if voter_ids is None else list(dict.fromkeys(voter_ids))
        if set(voters) - set(people):
            raise ValidationError("Only the workshop's participants can rate in its health check.")
        if mode == "ballot" and not voters:
            raise ValidationError("A private health check needs at least one participant; add participants "
                                  "or count hands instead.")
        return store.create_health_round(workshop_id, title=title, domain_keys=domain_keys, voter_ids=voters,
                                         mode=mode, anonymous=anonymous)


def checks(store: Store, workshop_id: str) -> list[HealthRound]:
    return store.health_rounds(workshop_id)


# -- ballots: passing the laptop (or a phone) ----------------------------------------------
def session(store: Store, round_id: int) -> BallotSession:
    return BallotSession.from_ballots(store.health_ballots(round_id))


def cast_ballot(store: Store, round_id: int, voter_id: int, scores: Mapping[str, int],
                comments: Mapping[str, str] | None = None) -> None:
    """Confirm a voter's ratings: one ballot per participant, each score on the scale, each domain the round's."""
    with store.health_change("save the ratings"):
        round_ = _round_in_mode(store, round_id, "ballot")
        session(store, round_id).confirm(voter_id, voter_name(store, voter_id))
        ballot = rules.checked_ballot(round_, scores, comments)
        store.replace_ratings(round_id, voter_id, ballot, status="confirmed")


def skip_voter(store: Store, round_id: int, voter_id: int) -> None:
    with store.health_change("skip the voter"):
        rules.check_open(_round_in_mode(store, round_id, "ballot"))
        session(store, round_id).skip(voter_id, voter_name(store, voter_id))
        store.set_health_ballot_status(round_id, voter_id, "skipped")


def reopen_ballot(store: Store, round_id: int, voter_id: int) -> None:
    """Let a voter rate again: their ratings are cleared and they wait their turn."""
    with store.health_change("reopen the ballot"):
        round_ = _round_in_mode(store, round_id, "ballot")
        rules.check_open(round_)
        rules.check_ballots_traceable(round_, store.ratings(round_id))
        session(store, round_id).reopen(voter_id, voter_name(store, voter_id))
        store.replace_ratings(round_id, voter_id, {}, status="pending")


# -- tally: a show of hands per point per domain -------------------------------------------
def set_tally(store: Store, round_id: int, domain_key: str, score: int, count: int) -> None:
    """Record how many hands went up for one point of one domain."""
    with store.health_change("count the hands"):
        round_ = _round_in_mode(store, round_id, "tally")
        counts = {t.score: t.count for t in store.tallies(round_id) if t.domain_key == domain_key}
        rules.check_tally(round_, domain_key, score, count, counts, len(store.health_ballots(round_id)))
        store.set_tally_count(round_id, domain_key, score, count)


def tally(store: Store, round_id: int) -> dict[str, tuple[int, ...]]:
    """The counts typed so far per domain (for the facilitator's tally grid, which shows what it is given)."""
    round_ = store.health_round(round_id)
    counts = {key: [0] * len(rules.SCALE) for key in round_.domain_keys}
    for t in store.tallies(round_id):
        if t.domain_key in counts:
            counts[t.domain_key][t.score - 1] = t.count
    return {key: tuple(c) for key, c in counts.items()}


# -- revealing, closing, deleting ---------------------------------------------------------
def reveal(store: Store, round_id: int) -> HealthRound:
    return _set(store, round_id, "reveal the health check", revealed=True)


def hide(store: Store, round_id: int) -> HealthRound:
    return _set(store, round_id, "hide the health check", revealed=False)


def close(store: Store, round_id: int) -> HealthRound:
    """Lock the round: no rating can be given or changed until it is reopened."""
    return _set(store, round_id, "close the health check", state="closed")


def reopen(store: Store, round_id: int) -> HealthRound:
    return _set(store, round_id, "reopen the health check", state="open")


def delete(store: Store, round_id: int) -> None:
    with store.health_change("delete the health check"):
        store.health_round(round_id)
        store.delete_health_round(round_id)


def _set(store: Store, round_id: int, what: str, **fields) -> HealthRound:
    with store.health_change(what):
        store.health_round(round_id)
        return store.update_health_round(round_id, **fields)


# -- what the screens show ------------------------------------------------------------------
def progress(store: Store, round_id: int) -> VotingProgress:
    """How many have rated of how many, and who is still to: never a rating."""
    round_ = store.health_round(round_id)
    names = {p.id: p.name for p in store.participants(round_.workshop_id)}
    return session(store, round_id).progress(names)


def results(store: Store, round_id: int) -> list[DomainResult]:
    """Per domain, the distribution, median and spread; only once the round is revealed."""
    round_ = _revealed(store, round_id)
    return rules.results(round_, store.ratings(round_id), store.tallies(round_id))


def comments(store: Store, round_id: int) -> list[Comment]:
    """The comments by domain, in the round's domain order; named only when the round is."""
    round_ = _revealed(store, round_id)
    names = {} if round_.anonymous else {p.id: p.name for p in store.participants(round_.workshop_id)}
    return rules.comments_of(round_, store.ratings(round_id), names)


# -- checks ---------------------------------------------------------------------------------
def _revealed(store: Store, round_id: int) -> HealthRound:
    round_ = store.health_round(round_id)
    if not round_.revealed:
        raise ValidationError(f"The results of {round_.title!r} are private until the facilitator reveals them.")
    return round_


def _round_in_mode(store: Store, round_id: int, mode: str) -> HealthRound:
    round_ = store.health_round(round_id)
    if round_.mode != mode:
        doing = "passing the laptop round" if round_.mode == "ballot" else "counting hands"
        raise ValidationError(f"The health check {round_.title!r} collects ratings by {doing}.")
    return round_

