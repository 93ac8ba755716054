"""Voting from phones through aiohttp's own test client, on loopback.

Every message a phone receives during a vote (HTTP answers and live pushes) is kept and
inspected: before the reveal none holds a count or anyone else's ballot, and no vote
message names anybody. The laptop's side is the real services on a real store (no Qt),
publishing after each change as the GUI's link does.
"""

import asyncio
import concurrent.futures
import json

import pytest
from aiohttp import WSMsgType, test_utils

from collabdesk.net import ballots
from collabdesk.net.room import Limits, Room
from collabdesk.net.server import TOKEN_HEADER, make_app, publish
from collabdesk.services import phone_votes, voting, workshops
from tests.net.privacy import VOTE_KEYS, assert_private

PEOPLE = ["Amira Haddad", "Bruno Keller", "Chiara Rossi", "Dmitri Volkov"]


class StoreHost:
    """The laptop's side without Qt: the phone-vote service on a real store; after each saved
    ballot the vote is published again (scheduled before the phone is answered, as the GUI
    thread's link does when the hub says the votes changed)."""

    def __init__(self, store, workshop_id):
        self.store = store
        self.workshop_id = workshop_id
        self.app = None

    def state(self) -> dict:
        people = [{"id": p.id, "name": p.name} for p in self.store.participants(self.workshop_id)]
        return {"workshop": "Priorities", "exercise": None, "anonymous": True, "participants": people,
                **ballots.vote_state(*phone_votes.phone_vote(self.store, self.workshop_id))}

    async def publish(self) -> None:
        await publish(self.app, self.state())

    async def publish_vote(self) -> None:
        await ballots.publish_vote(self.app, ballots.vote_state(*phone_votes.phone_vote(self.store, self.workshop_id)))

    def add_note(self, **_note):
        raise AssertionError("no notes in these tests")

    def cast_ballot(self, *, round_id, voter_id, allocation, replacing):
        future = concurrent.futures.Future()
        try:
            phone_votes.cast_phone_ballot(self.store, self.workshop_id, round_id, voter_id, allocation,
                                          replacing=replacing)
        except Exception as error:
            future.set_exception(error)
        else:
            asyncio.get_running_loop().create_task(self.publish_vote())
            future.set_result(None)
        return future


@pytest.fixture
def workshop(fresh_db):
    made = workshops.create_workshop(fresh_db, title="Priorities", participants=PEOPLE)
    exercise = fresh_db.exercises(made.id)[0]
    notes = [fresh_db.add_note(exercise.id, text) for text in ("More night buses", "Shade in the square",
                                                                "A library van", "Benches by the river")]
    return made.id, [n.id for n in notes]


def people(store, workshop_id) -> dict[str, int]:
    return {p.name: p.id for p in store.participants(workshop_id)}


class Phone:
    """One phone: its token, its claimed voter, and every message it received."""

    def __init__(self, client, room):
        self.client = client
        self.room = room
        self.headers = {}
        self.seen: list[dict] = []
        self.ws = None

    async def join(self, name: str | None, participants: dict[str, int]) -> "Phone":
        reply = await self.client.post("/api/v1/join", json={"code": self.room.code})
        self.headers = {TOKEN_HEADER: (await self._keep(reply))["token"]}
        await self.call("POST", "/api/v1/claim", {"participant": participants[name] if name else None})
        self.ws = await self.client.ws_connect("/api/v1/live")
        await self.ws.send_json({"token": self.headers[TOKEN_HEADER]})
        await self.pushed()
        return self

    async def _keep(self, reply) -> dict:
        body = await reply.json()
        self.seen.append(body)
        return body

    async def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        reply = await self.client.request(method, path, json=body, headers=self.headers)
        return reply.status, await self._keep(reply)

    async def vote(self, round_id: int, dots: dict[int, int]) -> tuple[int, dict]:
        return await self.call("POST", "/api/v1/ballot",
                               {"round": round_id, "dots": {f"note:{n}": d for n, d in dots.items()}})

    async def pushed(self) -> dict:
        message = await self.ws.receive_json(timeout=10)
        self.seen.append(message)
        return message

    async def drain(self) -> dict | None:
        """Every push waiting, kept; the last one."""
        last = None
        while True:
            try:
                message = await self.ws.receive(timeout=0.2)
            except asyncio.TimeoutError:
                return last
            if message.type != WSMsgType.TEXT:
                return last
            last = json.loads(message.data)
            self.seen.append(last)

    async def state(self) -> dict:
        return (await self.call("GET", "/api/v1/state"))[1]


@pytest.fixture
def serve(fresh_db, workshop, clock):
    """``serve(scenario)`` runs ``scenario(client, app, room, host)`` on a served room."""

    def run(scenario, *, limits=Limits()):
        room = Room(limits=limits, clock=clock)
        host = StoreHost(fresh_db, workshop[0])
        app = make_app(room, host, {"127.0.0.1"})
        host.app = app

        async def main():
            await host.publish()
            async with test_utils.TestClient(test_utils.TestServer(app, host="127.0.0.1")) as client:
                await scenario(client, app, room, host)

        asyncio.run(main())

    return run


def start(store, workshop_id, **settings):
    defaults = {"title": "Top priorities", "dots_per_voter": 3, "max_per_item": 2, "anonymous": True}
    return voting.start_round(store, workshop_id, **{**defaults, **settings})


async def refused(answer, status, reason):
    code, body = answer
    assert (code, body.get("error")) == (status, reason), body
    assert len(body["message"]) > 20  # words the page shows as they are


def test_a_ballot_beyond_the_rules_is_refused_in_words_and_saves_nothing(serve, fresh_db, workshop):
    workshop_id, notes = workshop
    round_ = start(fresh_db, workshop_id)
    other = start(fresh_db, workshop_id, title="Themes", target="themes")  # the newest round is the phones'
    voting.close_round(fresh_db, other.id)

    async def scenario(client, app, room, host):
        voting.reopen_round(fresh_db, other.id)
        newest = start(fresh_db, workshop_id, title="Second thoughts", exercise_id=None)
        await host.publish_vote()
        phone = await Phone(client, room).join("Amira Haddad", people(fresh_db, workshop_id))
        await refused(await phone.vote(newest.id, {notes[0]: 2, notes[1]: 2}), 400, "ballot")  # 4 of 3 dots
        await refused(await phone.vote(newest.id, {notes[0]: 3}), 400, "ballot")  # 3 on one card; the cap is 2
        await refused(await phone.vote(newest.id, {999: 1}), 400, "ballot")  # not a card of this vote
        await refused(await phone.vote(round_.id, {notes[0]: 1}), 409, "round")  # an older round
        for dots in ({"note:x": 1}, {"note:1": -1}, {"note:1": 1.5}, {"note:1": True}, ["note:1"]):
            await refused(await phone.call("POST", "/api/v1/ballot", {"round": newest.id, "dots": dots}), 400,
                          "format")
        await refused(await phone.call("POST", "/api/v1/ballot", {"dots": {}}), 400, "format")
        assert fresh_db.votes(newest.id) == []
        assert {b.status for b in fresh_db.ballots(newest.id)} == {"pending"}
        await phone.ws.close()

    serve(scenario)


def test_a_second_ballot_from_the_same_phone_replaces_the_first(serve, fresh_db, workshop):
    workshop_id, notes = workshop
    round_ = start(fresh_db, workshop_id)
    amira = people(fresh_db, workshop_id)["Amira Haddad"]

    async def scenario(client, app, room, host):
        phone = await Phone(client, room).join("Amira Haddad", people(fresh_db, workshop_id))
        assert phone.seen[-1]["vote"]["mine"] == {"status": "to_vote"}
        status, first = await phone.vote(round_.id, {notes[0]: 2, notes[1]: 1})
        assert (status, first["dots"]) == (200, {f"note:{notes[0]}": 2, f"note:{notes[1]}": 1})
        assert (await phone.pushed())["vote"]["mine"] == {"status": "voted", "dots": first["dots"]}
        status, second = await phone.vote(round_.id, {notes[2]: 1, notes[0]: 0})
        assert status == 200
        assert fresh_db.voter_allocation(round_.id, amira) == {("note", notes[2]): 1}
        assert voting.progress(fresh_db, round_.id).voted == 1
        assert (await phone.state())["vote"]["mine"] == {"status": "voted", "dots": {f"note:{notes[2]}": 1}}
        await phone.ws.close()

    serve(scenario)


def test_a_phone_never_changes_or_sees_a_ballot_cast_on_the_laptop_or_another_phone(serve, fresh_db, workshop):
    workshop_id, notes = workshop
    round_ = start(fresh_db, workshop_id)
    names = people(fresh_db, workshop_id)
    voting.cast_ballot(fresh_db, round_.id, names["Bruno Keller"], {("note", notes[3]): 2})  # passing the laptop

    async def scenario(client, app, room, host):
        await host.publish_vote()
        bruno = await Phone(client, room).join("Bruno Keller", names)
        assert bruno.seen[-1]["vote"]["mine"] == {"status": "voted_elsewhere"}
        await refused(await bruno.vote(round_.id, {notes[0]: 1}), 409, "voted")
        first, second = [await Phone(client, room).join("Chiara Rossi", names) for _ in range(2)]
        assert (await first.vote(round_.id, {notes[1]: 2}))[0] == 200
        await refused(await second.vote(round_.id, {notes[0]: 1}), 409, "voted")
        assert (await second.state())["vote"]["mine"] == {"status": "voted_elsewhere"}
        assert fresh_db.voter_allocation(round_.id, names["Bruno Keller"]) == {("note", notes[3]): 2}
        assert fresh_db.voter_allocation(round_.id, names["Chiara Rossi"]) == {("note", notes[1]): 2}
        # The facilitator reopens Chiara's ballot: it is nobody's now, and either phone may vote again.
        voting.reopen_ballot(fresh_db, round_.id, names["Chiara Rossi"])
        await host.publish_vote()
        assert (await first.state())["vote"]["mine"] == {"status": "to_vote"}
        assert (await second.vote(round_.id, {notes[0]: 1}))[0] == 200
        await refused(await first.vote(round_.id, {notes[1]: 1}), 409, "voted")
        for phone in (bruno, first, second):
            await phone.ws.close()

    serve(scenario)


def test_locked_closed_and_removed_phones_closed_rounds_and_people_without_a_vote_are_refused(
        serve, fresh_db, workshop):
    workshop_id, notes = workshop
    names = people(fresh_db, workshop_id)
    round_ = start(fresh_db, workshop_id, voter_ids=[names["Amira Haddad"], names["Bruno Keller"]])

    async def scenario(client, app, room, host):
        amira = await Phone(client, room).join("Amira Haddad", names)
        bruno = await Phone(client, room).join("Bruno Keller", names)
        chiara = await Phone(client, room).join("Chiara Rossi", names)
        nameless = await Phone(client, room).join(None, names)
        await refused(await chiara.vote(round_.id, {notes[0]: 1}), 403, "voter")
        assert (await chiara.state())["vote"]["mine"] == {"status": "not_voter"}
        await refused(await nameless.vote(round_.id, {notes[0]: 1}), 403, "name")
        assert (await nameless.state())["vote"]["mine"] == {"status": "name"}
        room.lock()  # phones already in keep voting; no new one joins
        await refused(await amira.call("POST", "/api/v1/join", {"code": room.code}), 403, "locked")
        assert (await amira.vote(round_.id, {notes[0]: 1}))[0] == 200
        room.remove(next(d.id for d in room.devices() if d.name == "Bruno Keller"))
        await refused(await bruno.vote(round_.id, {notes[0]: 1}), 401, "token")
        voting.close_round(fresh_db, round_.id)
        await host.publish_vote()
        await refused(await amira.vote(round_.id, {notes[1]: 1}), 409, "closed")
        voting.reopen_round(fresh_db, round_.id)
        voting.reveal_round(fresh_db, round_.id)
        await host.publish_vote()
        await refused(await amira.vote(round_.id, {notes[1]: 1}), 409, "closed")
        tally = start(fresh_db, workshop_id, title="Stickers", mode="tally")
        await host.publish_vote()
        await refused(await amira.vote(tally.id, {notes[1]: 1}), 409, "round")
        room.close()
        await refused(await amira.vote(tally.id, {notes[1]: 1}), 401, "closed")
        assert fresh_db.voter_allocation(round_.id, names["Amira Haddad"]) == {("note", notes[0]): 1}
        for phone in (amira, bruno, chiara, nameless):
            await phone.ws.close()

    serve(scenario)


def test_changes_beyond_the_burst_answer_429(serve, fresh_db, workshop, clock):
    workshop_id, notes = workshop
    round_ = start(fresh_db, workshop_id)

    async def scenario(client, app, room, host):
        phone = await Phone(client, room).join("Amira Haddad", people(fresh_db, workshop_id))
        for i in range(ballots.BALLOT_BURST):
            assert (await phone.vote(round_.id, {notes[i % 4]: 1}))[0] == 200
        await refused(await phone.vote(round_.id, {notes[0]: 1}), 429, "rate")
        clock.advance(1 / ballots.BALLOTS_PER_SECOND)
        assert (await phone.vote(round_.id, {notes[0]: 1}))[0] == 200
        await phone.ws.close()

    serve(scenario)


@pytest.mark.parametrize("anonymous", [True, False], ids=["anonymous", "named"])
def test_no_message_before_the_reveal_holds_a_count_or_another_ballot_and_none_names_anybody(
        serve, fresh_db, workshop, anonymous):
    workshop_id, notes = workshop
    names = people(fresh_db, workshop_id)
    round_ = start(fresh_db, workshop_id, anonymous=anonymous)

    async def scenario(client, app, room, host):
        amira = await Phone(client, room).join("Amira Haddad", names)
        bruno = await Phone(client, room).join("Bruno Keller", names)
        watcher = await Phone(client, room).join("Dmitri Volkov", names)  # votes last, watches all along
        cast = {amira: [], bruno: [], watcher: []}
        for phone, dots in ((amira, {notes[0]: 2, notes[1]: 1}), (bruno, {notes[0]: 1, notes[2]: 2}),
                            (amira, {notes[0]: 2, notes[3]: 1})):  # Amira changes her mind
            status, answer = await phone.vote(round_.id, dots)
            assert status == 200
            cast[phone].append(answer["dots"])
        voting.cast_ballot(fresh_db, round_.id, names["Chiara Rossi"], {("note", notes[0]): 1, ("note", notes[1]): 2})
        await host.publish_vote()
        before = len(watcher.seen)
        assert await watcher.drain() is None and len(watcher.seen) == before  # others' ballots: not a word
        voting.close_round(fresh_db, round_.id)  # closed, still hidden
        await host.publish_vote()
        assert (await watcher.pushed())["vote"]["open"] is False
        for phone in cast:
            await phone.drain()
            await phone.state()
            assert phone.seen, "the phone received nothing"
            for message in phone.seen:
                assert_private(message, cast[phone], PEOPLE)
            if anonymous:  # no name anywhere but the list to claim one from and the phone's own
                for message in phone.seen:
                    text = json.dumps({k: v for k, v in message.items() if k not in ("participants", "name")},
                                      ensure_ascii=False)
                    assert not any(name in text for name in PEOPLE), text

        voting.reveal_round(fresh_db, round_.id)
        await host.publish_vote()
        revealed = (await watcher.pushed())["vote"]
        results = [(line["rank"], line["shared"], line["text"], line["dots"]) for line in revealed["results"]]
        assert results == [(1, False, "More night buses", 4), (2, True, "Shade in the square", 2),
                           (2, True, "A library van", 2), (4, False, "Benches by the river", 1)]
        assert set(revealed) - {"results"} <= VOTE_KEYS and "items" not in revealed
        text = json.dumps(revealed, ensure_ascii=False)
        assert not any(name in text for name in PEOPLE)  # the room view names nobody either
        for phone in cast:
            await phone.ws.close()

    serve(scenario)


def test_a_vote_on_themes_shows_the_themes_and_takes_dots_on_themes_only(serve, fresh_db, workshop):
    workshop_id, notes = workshop
    exercise_id = fresh_db.note(notes[0]).exercise_id
    travel = fresh_db.create_theme(exercise_id, "Getting around", [notes[0]])
    places = fresh_db.create_theme(exercise_id, "Places to be", [notes[1], notes[2]])
    round_ = start(fresh_db, workshop_id, target="themes", max_per_item=None)

    async def scenario(client, app, room, host):
        phone = await Phone(client, room).join("Amira Haddad", people(fresh_db, workshop_id))
        vote = phone.seen[-1]["vote"]
        assert vote["target"] == "themes" and vote["cap"] is None
        assert vote["items"] == [{"key": f"theme:{travel.id}", "text": "Getting around"},
                                 {"key": f"theme:{places.id}", "text": "Places to be"}]
        await refused(await phone.vote(round_.id, {notes[0]: 1}), 400, "ballot")  # a note, in a vote on themes
        body = {"round": round_.id, "dots": {f"theme:{places.id}": 3}}
        assert (await phone.call("POST", "/api/v1/ballot", body))[0] == 200
        assert fresh_db.voter_allocation(round_.id, people(fresh_db, workshop_id)["Amira Haddad"]) == {
            ("theme", places.id): 3}
        await phone.ws.close()

    serve(scenario)
