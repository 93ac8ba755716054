"""Voting from phones: the ballot route, and each phone's own view of the vote.

The laptop publishes the vote as every phone may see it (``state["vote"]``: rules, cards,
results once revealed) and, under ``PRIVATE``, where each voter stands. This module keeps
the second on the server (it is never sent) and, for each phone, adds ``mine``: its own
voter's standing and, only for a ballot this phone cast, its dots. So no message carries
anyone else's ballot, and none carries a count before the reveal.

A phone changes only a ballot it cast itself: the server remembers which phone cast
which ballot (while the room is on) and hands the laptop the dots it cast before, which
``voting.cast_ballot`` checks against what the round holds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from aiohttp import web

from ..domain import voting as rules
from ..domain.errors import CollabDeskError, ValidationError
from .room import Device, Refusal, Room

PRIVATE = "ballots"  # the key of the published state that stays on the server
BALLOT_BURST = 5  # changes a phone may send at once ...
BALLOTS_PER_SECOND = 0.5  # ... and how fast they come back
MAX_CARDS = 2000  # cards in one ballot: more than any board
STATUS = {"name": 403, "voter": 403, "round": 409, "closed": 409, "voted": 409, "busy": 409}


@dataclass
class Ballots:
    """The server's memory of the vote: voters' standing in the round phones follow, which phone
    cast which ballot, what each phone was last shown, and each phone's rate of sending; with the
    room, the server's published state and its live connections (``install``'s). Used on the
    server's loop only."""

    room: Room
    shared: dict  # the state the server publishes
    sockets: dict  # live connection -> its device
    round_id: int | None = None
    statuses: dict[int, str] = field(default_factory=dict)  # participant id -> pending/confirmed/skipped
    # (round, voter) -> (the phone that cast their ballot, its dots as sent)
    cast: dict[tuple[int, int], tuple[int, dict[str, int]]] = field(default_factory=dict)
    sending: set[tuple[int, int]] = field(default_factory=set)  # (round, voter) whose ballot is being saved
    shown: dict[int, dict | None] = field(default_factory=dict)  # device id -> the vote it was last sent
    _buckets: dict[int, tuple[float, float]] = field(default_factory=dict)  # device id -> (tokens, when)

    def update(self, private: Mapping | None) -> None:
        private = private or {}
        self.round_id = private.get("round")
        self.statuses = dict(private.get("statuses", {}))
        # A ballot reopened by the facilitator is no longer any phone's to change (or to see).
        self.cast = {key: value for key, value in self.cast.items() if key in self.sending or (
            key[0] == self.round_id and self.statuses.get(key[1]) == "confirmed")}

    def mine(self, device: Device) -> dict:
        """Where this phone's own voter stands, and its dots when this phone cast them."""
        voter = device.participant_id if device.claimed else None
        if voter is None:
            return {"status": "name"}
        status = self.statuses.get(voter)
        if status is None:
            return {"status": "not_voter"}
        owner, dots = self.cast.get((self.round_id, voter), (None, {}))
        if status == "confirmed":
            return {"status": "voted", "dots": dict(dots)} if owner == device.id else {"status": "voted_elsewhere"}
        return {"status": "to_vote"}

    def take_slot(self, device: Device, now: float) -> None:
        tokens, when = self._buckets.get(device.id, (BALLOT_BURST, now))
        tokens = min(BALLOT_BURST, tokens + (now - when) * BALLOTS_PER_SECOND)
        if tokens < 1:
            self._buckets[device.id] = (tokens, now)
            raise Refusal(429, "rate", "Too many changes at once: wait a moment and your vote is sent again.")
        self._buckets[device.id] = (tokens - 1, now)


VOTES = web.AppKey("votes", Ballots)


def vote_state(vote: dict | None, statuses: Mapping[int, str]) -> dict:
    """The vote's part of a state the laptop publishes: what every phone may see, and each voter's
    standing (kept on the server by ``keep_private``)."""
    return {"vote": vote, PRIVATE: {"round": vote["round"] if vote else None, "statuses": dict(statuses)}}


def keep_private(app: web.Application, state: dict) -> dict:
    """Take the voters' standing out of a state the laptop publishes; the rest is what phones share."""
    app[VOTES].update(state.pop(PRIVATE, None))
    return state


def personal(app: web.Application, device: Device, state: dict) -> dict:
    """``state`` (a copy, about to be sent to ``device``) with the vote as this phone sees it."""
    state["vote"] = _vote_for(app, device, state.get("vote"))
    app[VOTES].shown[device.id] = state["vote"]
    return state


def _vote_for(app: web.Application, device: Device, vote: dict | None) -> dict | None:
    if not vote:
        return None
    return {**vote, "mine": app[VOTES].mine(device)} if vote.get("mode") == "ballot" else dict(vote)


async def publish_vote(app: web.Application, state: dict) -> None:
    """The vote changed (a ballot, a reveal, a card): ``state`` is ``vote_state``'s. Only the phones
    whose own view of it changed are sent ``{"type": "vote", "vote": …}``: a ballot changes its
    voter's standing, so no other phone hears of it, and the rest of the state stays as pushed."""
    votes = app[VOTES]
    votes.shared["vote"] = keep_private(app, dict(state))["vote"]
    for ws, device in list(votes.sockets.items()):
        try:
            votes.room.device(device.token)
        except Refusal as refusal:
            await ws.close(code=4401, message=refusal.reason.encode())
            continue
        vote = _vote_for(app, device, votes.shared["vote"])
        if votes.shown.get(device.id, ...) != vote:
            votes.shown[device.id] = vote
            await ws.send_json({"type": "vote", "vote": vote})


def read_ballot(body: Mapping) -> tuple[int, dict[rules.Item, int], dict[str, int]]:
    """The round and the dots a phone sent: ``{"round": 7, "dots": {"note:12": 2}}``."""
    round_id, dots = body.get("round"), body.get("dots")
    if not isinstance(round_id, int) or isinstance(round_id, bool) or not isinstance(dots, dict) \
            or len(dots) > MAX_CARDS:
        raise Refusal(400, "format", "The page sent a vote the laptop cannot read. Reload the page.")
    allocation, kept = {}, {}
    for key, count in dots.items():
        if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= rules.MAX_DOTS_PER_VOTER:
            raise Refusal(400, "format", "A card's dots must be a whole number from 0 to "
                                         f"{rules.MAX_DOTS_PER_VOTER}. Reload the page.")
        try:
            item = rules.parse_item_key(key)
        except ValidationError as error:
            raise Refusal(400, "format", f"{error} Reload the page.") from None
        if count:
            allocation[item] = count
            kept[rules.item_key(item)] = count
    return round_id, allocation, kept


def install(app: web.Application, *, room: Room, host, shared: dict, sockets: dict,
            device: Callable[[web.Request], Device], body: Callable[[web.Request], Awaitable[dict]],
            reply: Callable[[int, dict], web.Response]) -> None:
    """Add ``POST /api/v1/ballot`` to ``app`` (before any catch-all route); ``host.cast_ballot`` saves.
    ``shared`` is the state the server publishes, ``sockets`` its live connections."""
    app[VOTES] = Ballots(room, shared, sockets)

    async def cast(request: web.Request) -> web.Response:
        phone = device(request)
        round_id, allocation, dots = read_ballot(await body(request))
        voter = phone.participant_id if phone.claimed else None
        if voter is None:
            raise Refusal(403, "name", "Each person votes once, under their own name: choose your name to vote.")
        votes = app[VOTES]
        key = (round_id, voter)
        if key in votes.sending:
            raise Refusal(409, "busy", "Another phone is sending a vote under your name right now. Try again in a "
                                       "moment.")
        votes.take_slot(phone, votes.room.clock())
        before = votes.cast.get(key)
        replacing = ({rules.parse_item_key(k): v for k, v in before[1].items()}
                     if before and before[0] == phone.id else None)
        votes.sending.add(key)
        votes.cast[key] = (phone.id, dots)  # so the state pushed once it is saved already says it is this phone's
        try:
            await asyncio.wrap_future(host.cast_ballot(round_id=round_id, voter_id=voter, allocation=allocation,
                                                       replacing=replacing))
        except BaseException as error:
            votes.cast.pop(key, None)
            if before is not None:
                votes.cast[key] = before
            if isinstance(error, rules.BallotRefused):
                raise Refusal(STATUS.get(error.reason, 400), error.reason, str(error)) from None
            if isinstance(error, ValidationError):
                raise Refusal(400, "ballot", str(error)) from None
            if isinstance(error, CollabDeskError):
                raise Refusal(503, "unsaved", f"The laptop could not save your vote: {error}") from None
            raise
        else:
            votes.cast[key] = (phone.id, dots)
        finally:
            votes.sending.discard(key)
        return reply(200, {"round": round_id, "status": "voted", "dots": dots})

    app.router.add_post("/api/v1/ballot", cast)
