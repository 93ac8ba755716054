"""The phone API through aiohttp's own test server and client, on loopback: every refusal."""

import asyncio
import concurrent.futures
import json
import re

import pytest
from aiohttp import WSMsgType
from aiohttp import test_utils  # aiohttp's own test server and client

from collabdesk.net.room import Limits, Room, allowed_peer
from collabdesk.net.server import TOKEN_HEADER, _guard, acknowledgement, make_app, publish, update_notes
from collabdesk.services import phones, timer, workshops


class StoreHost:
    """The laptop's side without Qt: the phone service on a real store, answered at once."""

    def __init__(self, store, exercise_id):
        self.store = store
        self.exercise_id = exercise_id

    def add_note(self, *, text, kind, client_key, device, author_id):
        future = concurrent.futures.Future()
        [result] = phones.add_phone_notes(self.store, self.exercise_id, [{
            "text": text, "kind": kind, "client_key": client_key, "device": device, "author_id": author_id}])
        if isinstance(result, Exception):  # the future carries it to the server, as the GUI thread's does
            future.set_exception(result)
        else:
            future.set_result(acknowledgement(result[0], client_key))
        return future

    def edit_note(self, *, client_key, text, kind):
        return self._answer(lambda: phones.edit_phone_note(self.store, self.workshop_id, client_key, text, kind),
                            client_key)

    def withdraw_note(self, *, client_key):
        return self._answer(lambda: phones.withdraw_phone_note(self.store, self.workshop_id, client_key),
                            client_key)

    @property
    def workshop_id(self):
        return self.store.exercise(self.exercise_id).workshop_id

    def _answer(self, change, client_key):
        future = concurrent.futures.Future()
        try:
            future.set_result(acknowledgement(change(), client_key))
        except Exception as error:
            future.set_exception(error)
        return future


@pytest.fixture
def exercise(fresh_db):
    made = workshops.create_workshop(fresh_db, title="Phones", participants=["Ana", "Bo"])
    return fresh_db.exercises(made.id)[0]


@pytest.fixture
def serve(fresh_db, exercise, clock):
    """``serve(scenario, limits=..., names=...)`` runs ``scenario(client, app, room)`` on a served room."""

    def run(scenario, *, limits=Limits(), names=("127.0.0.1",), anonymous=False):
        room = Room(limits=limits, clock=clock)
        app = make_app(room, StoreHost(fresh_db, exercise.id), set(names))

        async def main():
            people = [{"id": p.id, "name": p.name} for p in fresh_db.participants(exercise.workshop_id)]
            await publish(app, {"workshop": "Phones", "exercise": {"title": exercise.title},
                                "anonymous": anonymous, "participants": people})
            async with test_utils.TestClient(test_utils.TestServer(app, host="127.0.0.1")) as client:
                await scenario(client, app, room)

        asyncio.run(main())
        return room

    return run


async def joined(client, room) -> dict:
    reply = await client.post("/api/v1/join", json={"code": room.code})
    assert reply.status == 200
    return {TOKEN_HEADER: (await reply.json())["token"]}


async def post_note(client, headers, key="key-0000001", text="Hello"):
    return await client.post("/api/v1/notes", json={"key": key, "text": text, "kind": "idea"}, headers=headers)


async def refused(reply, status, reason):
    body = await reply.json()
    assert (reply.status, body["error"]) == (status, reason), body
    assert len(body["message"]) > 20  # words the page shows as they are


def test_a_wrong_or_missing_code_is_refused_and_the_right_one_gives_a_token(serve):
    async def scenario(client, app, room):
        for body in ({"code": "WRONG1"}, {}, {"code": 7}):
            await refused(await client.post("/api/v1/join", json=body), 401, "code")
        headers = await joined(client, room)
        assert (await client.get("/api/v1/state", headers=headers)).status == 200

    serve(scenario)


def test_a_missing_or_wrong_token_is_refused(serve):
    async def scenario(client, app, room):
        await refused(await client.get("/api/v1/state"), 401, "token")
        await refused(await post_note(client, {TOKEN_HEADER: "made-up"}), 401, "token")

    serve(scenario)


def test_a_locked_room_refuses_new_phones_while_those_in_keep_writing(serve):
    async def scenario(client, app, room):
        headers = await joined(client, room)
        old = room.code
        assert room.lock() != old
        for code in (old, room.code):
            await refused(await client.post("/api/v1/join", json={"code": code}), 403, "locked")
        assert (await post_note(client, headers)).status == 201

    serve(scenario)


def test_a_removed_phone_and_every_phone_after_switch_off_are_refused(serve):
    async def scenario(client, app, room):
        first, second = await joined(client, room), await joined(client, room)
        room.remove(room.devices()[0].id)
        await refused(await client.get("/api/v1/state", headers=first), 401, "token")
        assert (await client.get("/api/v1/state", headers=second)).status == 200
        room.close()
        await refused(await client.get("/api/v1/state", headers=second), 401, "closed")
        await refused(await client.post("/api/v1/join", json={"code": room.code}), 401, "closed")

    serve(scenario)


def test_the_device_limit_answers_403(serve):
    async def scenario(client, app, room):
        await joined(client, room)
        await joined(client, room)
        await refused(await client.post("/api/v1/join", json={"code": room.code}), 403, "full")

    serve(scenario, limits=Limits(devices=2))


def test_notes_beyond_the_burst_answer_429_until_the_rate_refills(serve, clock):
    async def scenario(client, app, room):
        headers = await joined(client, room)
        for i in range(3):
            assert (await post_note(client, headers, key=f"key-burst-{i}")).status == 201
        await refused(await post_note(client, headers, key="key-burst-3"), 429, "rate")
        clock.advance(1.0)
        assert (await post_note(client, headers, key="key-burst-3")).status == 201

    serve(scenario, limits=Limits(note_burst=3, notes_per_second=1))


def test_oversized_bodies_answer_413_and_a_note_longer_than_the_text_rule_400(serve):
    async def scenario(client, app, room):
        headers = await joined(client, room)
        await refused(await post_note(client, headers, text="x" * 40_000), 413, "size")
        reply = await post_note(client, headers, text="x" * 20_001)
        await refused(reply, 400, "invalid")
        assert "most allowed" in (await reply.json())["message"]
        await refused(await post_note(client, headers, text="   "), 400, "invalid")

    serve(scenario)


def test_a_foreign_host_header_is_refused(serve):
    async def scenario(client, app, room):
        for host in ("evil.example", f"evil.example:{client.port}", "127.0.0.1:1"):
            await refused(await client.post("/api/v1/join", json={"code": room.code}, headers={"Host": host}),
                          421, "host")
        assert (await client.get("/", headers={"Host": f"phone.test:{client.port}"})).status == 200

    serve(scenario, names=("127.0.0.1", "phone.test"))


def test_peers_outside_private_link_local_and_loopback_ranges_are_refused():
    for ok in ("192.168.1.20", "10.0.0.3", "172.16.4.4", "169.254.2.2", "127.0.0.1", "::1", "fe80::1%wlan0",
               "fd00::5", "::ffff:192.168.0.9"):
        assert allowed_peer(ok), ok
    for bad in ("8.8.8.8", "2001:4860::8888", "::ffff:8.8.8.8", "0.0.0.0", "224.0.0.1", "", "phone"):
        assert not allowed_peer(bad), bad


def test_the_guard_answers_a_public_peer_with_403_before_any_handler(serve):
    class Transport:
        def get_extra_info(self, name, default=None):
            return {"peername": ("8.8.8.8", 5000), "sockname": ("127.0.0.1", 8080)}.get(name, default)

    async def scenario(client, app, room):
        request = test_utils.make_mocked_request("GET", "/", headers={"Host": "127.0.0.1:8080"}, app=app,
                                                 transport=Transport())
        reply = await _guard(request, lambda r: pytest.fail("the handler ran"))
        assert reply.status == 403 and json.loads(reply.body)["error"] == "peer"

    serve(scenario)


def test_a_resent_note_with_the_same_key_is_stored_once(serve, fresh_db, exercise):
    async def scenario(client, app, room):
        headers = await joined(client, room)
        first = await (await post_note(client, headers, key="same-key-42")).json()
        again = await post_note(client, headers, key="same-key-42")
        assert again.status == 201 and (await again.json())["id"] == first["id"]
        state = await (await client.get("/api/v1/state", headers=headers)).json()
        assert [n["key"] for n in state["notes"]] == ["same-key-42"]

    serve(scenario)
    assert [n.text for n in fresh_db.notes(exercise.id)] == ["Hello"]
    assert fresh_db.phone_devices([n.id for n in fresh_db.notes(exercise.id)]) != {}


def test_a_name_is_claimed_from_the_list_and_anonymous_only_when_allowed(serve, fresh_db, exercise):
    ana = fresh_db.participants(exercise.workshop_id)[0]

    async def scenario(client, app, room):
        headers = await joined(client, room)
        await refused(await client.post("/api/v1/claim", json={"participant": None}, headers=headers),
                      403, "anonymous")
        await refused(await client.post("/api/v1/claim", json={"participant": 999}, headers=headers), 400, "name")
        reply = await client.post("/api/v1/claim", json={"participant": ana.id}, headers=headers)
        assert (await reply.json())["name"] == "Ana"
        await post_note(client, headers)

    serve(scenario)
    assert [n.author_id for n in fresh_db.notes(exercise.id)] == [ana.id]


def test_the_live_connection_needs_the_token_and_then_follows_the_room(serve):
    async def scenario(client, app, room):
        async with client.ws_connect("/api/v1/live") as ws:
            await ws.send_json({"token": "made-up"})
            assert (await ws.receive_json())["error"] == "token"
            assert (await ws.receive()).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
        headers = await joined(client, room)
        async with client.ws_connect("/api/v1/live") as ws:
            await ws.send_json({"token": headers[TOKEN_HEADER]})
            assert (await ws.receive_json())["exercise"]["title"]
            await publish(app, {"workshop": "Phones", "exercise": {"title": "Next one"}, "participants": []})
            assert (await ws.receive_json())["exercise"]["title"] == "Next one"
            room.close()
            await publish(app, {"workshop": "Phones", "exercise": None, "participants": []})
            assert (await ws.receive()).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)

    serve(scenario)


def test_an_older_api_version_and_unknown_paths_get_a_json_answer_in_words(serve):
    async def scenario(client, app, room):
        await refused(await client.get("/api/v0/state"), 410, "version")
        await refused(await client.get("/wp-admin"), 404, "missing")

    serve(scenario)


def test_the_page_is_served_with_a_strict_content_security_policy_and_no_inline_script(serve):
    async def scenario(client, app, room):
        page = await client.get("/")
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        html = await page.text()
        assert "<script src=" in html and "<script>" not in html and not re.search(r"\son\w+=", html)
        script = await (await client.get("/static/phone.js")).text()
        assert "innerHTML" not in script and "randomUUID" not in script and "getRandomValues" in script

    serve(scenario)


def test_paused_submissions_answer_409_and_notes_are_taken_again_after(serve, fresh_db, exercise):
    async def scenario(client, app, room):
        headers = await joined(client, room)
        room.set_paused(True)
        await refused(await post_note(client, headers, key="paused-key-1"), 409, "paused")
        room.set_paused(False)
        assert (await post_note(client, headers, key="paused-key-1")).status == 201

    serve(scenario)
    assert len(fresh_db.notes(exercise.id)) == 1


def test_an_anonymous_phone_writes_when_the_facilitator_allows_it(serve, fresh_db, exercise):
    async def scenario(client, app, room):
        headers = await joined(client, room)
        reply = await client.post("/api/v1/claim", json={"participant": None}, headers=headers)
        assert reply.status == 200 and (await reply.json())["claimed"] is True
        assert (await post_note(client, headers)).status == 201

    serve(scenario, anonymous=True)
    assert [n.author_id for n in fresh_db.notes(exercise.id)] == [None]


def test_a_phone_edits_and_withdraws_its_own_note_while_its_exercise_is_on(serve, fresh_db, exercise):
    timer.go_to_exercise(fresh_db, exercise.workshop_id, exercise.id)

    async def scenario(client, app, room):
        headers = await joined(client, room)
        saved = await (await post_note(client, headers, key="key-mine-01", text="Frist")).json()
        assert (saved["status"], saved["exercise"]) == ("saved", exercise.id)
        reply = await client.patch("/api/v1/notes/key-mine-01", json={"text": "First", "kind": "question"},
                                   headers=headers)
        assert reply.status == 200 and (await reply.json())["text"] == "First"
        assert (fresh_db.note(saved["id"]).text, fresh_db.note(saved["id"]).kind) == ("First", "question")
        state = await (await client.get("/api/v1/state", headers=headers)).json()
        assert [(n["text"], n["status"]) for n in state["notes"]] == [("First", "saved")]
        await refused(await client.patch("/api/v1/notes/key-mine-01", json={"text": "  "}, headers=headers),
                      400, "invalid")
        await refused(await client.patch("/api/v1/notes/key-never-sent", json={"text": "x"}, headers=headers),
                      404, "note")
        await refused(await client.delete("/api/v1/notes/key-mine-01"), 401, "token")
        reply = await client.delete("/api/v1/notes/key-mine-01", headers=headers)
        assert (reply.status, (await reply.json())["status"]) == (200, "withdrawn")
        assert fresh_db.notes(exercise.id) == []
        assert (await (await client.get("/api/v1/state", headers=headers)).json())["notes"] == []

    serve(scenario)


def test_a_hidden_note_or_one_on_an_exercise_gone_by_cannot_be_changed(serve, fresh_db, exercise):
    timer.go_to_exercise(fresh_db, exercise.workshop_id, exercise.id)

    async def scenario(client, app, room):
        headers = await joined(client, room)
        hidden = await (await post_note(client, headers, key="key-hidden-1")).json()
        kept = await (await post_note(client, headers, key="key-kept-001")).json()
        fresh_db.delete_notes([hidden["id"]])  # the facilitator hides it
        for reply in (await client.patch("/api/v1/notes/key-hidden-1", json={"text": "x"}, headers=headers),
                      await client.delete("/api/v1/notes/key-hidden-1", headers=headers)):
            await refused(reply, 403, "hidden")
        timer.go_to_exercise(fresh_db, exercise.workshop_id, None)  # the room moves on
        await refused(await client.patch("/api/v1/notes/key-kept-001", json={"text": "x"}, headers=headers),
                      403, "moved-on")
        assert fresh_db.note(kept["id"]).text == "Hello"

    serve(scenario)


def test_a_note_changed_on_the_laptop_is_pushed_to_its_own_phone_only(serve, fresh_db, exercise):
    timer.go_to_exercise(fresh_db, exercise.workshop_id, exercise.id)

    async def scenario(client, app, room):
        mine, other = await joined(client, room), await joined(client, room)
        saved = await (await post_note(client, mine, key="key-pushed-1")).json()
        sockets = []
        for headers in (mine, other):
            ws = await client.ws_connect("/api/v1/live")
            await ws.send_json({"token": headers[TOKEN_HEADER]})
            assert (await ws.receive_json())["type"] == "state"
            sockets.append(ws)
        await update_notes(app, [acknowledgement(fresh_db.note(saved["id"]), "key-pushed-1")])  # as it was
        with pytest.raises(asyncio.TimeoutError):
            await sockets[0].receive_json(timeout=0.2)  # a card moved on the board: nothing to tell
        fresh_db.delete_notes([saved["id"]])
        await update_notes(app, [acknowledgement(fresh_db.note(saved["id"]), "key-pushed-1")])
        pushed = await sockets[0].receive_json(timeout=5)
        assert [(n["key"], n["status"]) for n in pushed["notes"]] == [("key-pushed-1", "hidden")]
        with pytest.raises(asyncio.TimeoutError):
            await sockets[1].receive_json(timeout=0.2)  # nothing of another phone's note
        for ws in sockets:
            await ws.close()

    serve(scenario)


def test_changes_are_paused_with_new_notes(serve, fresh_db, exercise):
    timer.go_to_exercise(fresh_db, exercise.workshop_id, exercise.id)

    async def scenario(client, app, room):
        headers = await joined(client, room)
        await post_note(client, headers, key="key-paused-1")
        room.set_paused(True)
        await refused(await client.patch("/api/v1/notes/key-paused-1", json={"text": "x"}, headers=headers),
                      409, "paused")
        await refused(await client.delete("/api/v1/notes/key-paused-1", headers=headers), 409, "paused")

    serve(scenario)
