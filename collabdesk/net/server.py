"""The phone page and the phone API (docs/phone-api.md), served by aiohttp on one port.

aiohttp runs its own event loop in a background thread (``PhoneServer``): measured side by
side, it kept the GUI's timer ticks on time with 60 phones where the standard library's
server starved the GUI thread, and Qt's own HTTP server is documented as not hardened
against network attacks. Every request passes ``_guard`` first: a peer outside private,
link-local and loopback ranges, a ``Host`` other than the address served (DNS rebinding)
or an oversized body is refused before any handler runs. Writes go to the ``Host`` (the
laptop's side), whose future resolves once the note is committed; only then is the phone
answered.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import threading
from collections.abc import Callable
from typing import Protocol

from aiohttp import WSMsgType, web

from ..domain.errors import ChangeClosedError, CollabDeskError, NotFoundError, ValidationError
from ..resource_files import resource
from . import ballots
from .room import Device, Refusal, Room, allowed_peer

API_VERSION = 1
TOKEN_HEADER = "X-CollabDesk-Token"
AUTH_SECONDS = 10  # a live connection must say its token this soon
HEARTBEAT_SECONDS = 20  # pings that drop a phone gone to sleep or out of range
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
PAGE_FILES = {"": ("index.html", "text/html"), "phone.js": ("phone.js", "text/javascript"),
              "phone.css": ("phone.css", "text/css"), "ballot.js": ("ballot.js", "text/javascript")}

ROOM = web.AppKey("room", Room)
HOST = web.AppKey("host", object)
NAMES = web.AppKey("names", frozenset)
STATE = web.AppKey("state", dict)
SOCKETS = web.AppKey("sockets", dict)  # live connection -> its device
SENT = web.AppKey("sent", dict)


class Host(Protocol):
    """The laptop's side: writes run on the GUI thread; the future resolves after the commit."""

    def add_note(self, *, text: str, kind: str, client_key: str, device: str,
                 author_id: int | None) -> concurrent.futures.Future: ...

    def cast_ballot(self, *, round_id: int, voter_id: int, allocation: dict,
                    replacing: dict | None) -> concurrent.futures.Future: ...

    def edit_note(self, *, client_key: str, text: str, kind: str) -> concurrent.futures.Future: ...

    def withdraw_note(self, *, client_key: str) -> concurrent.futures.Future: ...


def acknowledgement(note, client_key: str) -> dict:
    """What a phone is told of its note (a ``Note``; the key it sent): on the board ("saved")
    or hidden by the facilitator, and the exercise it is on (its phone may change it only
    while that exercise is on and the facilitator allows changes)."""
    return {"key": client_key, "id": note.id, "text": note.text, "kind": note.kind, "exercise": note.exercise_id,
            "status": "hidden" if note.deleted else "saved"}


def _json(status: int, body: dict) -> web.Response:
    return web.json_response(body, status=status, headers={"Cache-Control": "no-store"})


def _error(status: int, reason: str, message: str) -> web.Response:
    return _json(status, {"error": reason, "message": message})


@web.middleware
async def _guard(request: web.Request, handler):
    peer = request.remote or ""
    if not allowed_peer(peer):
        return _error(403, "peer", "Only devices on the room's own network can join.")
    port = (request.transport.get_extra_info("sockname") or ("", 0))[1] if request.transport else 0
    if request.host.lower() not in {f"{name}:{port}" for name in request.app[NAMES]}:
        return _error(421, "host", "This address is not the one the room is served on. Scan the code again.")
    limit = request.app[ROOM].limits.request_bytes
    if (request.content_length or 0) > limit:
        return _error(413, "size", f"That is too much to send at once (the most is {limit // 1024} KB).")
    try:
        response = await handler(request)
    except Refusal as refusal:
        response = _error(refusal.status, refusal.reason, refusal.message)
    except web.HTTPRequestEntityTooLarge:
        response = _error(413, "size", f"That is too much to send at once (the most is {limit // 1024} KB).")
    except web.HTTPNotFound:
        response = _error(404, "missing", "There is nothing here. Scan the room's code again.")
    except web.HTTPMethodNotAllowed:
        response = _error(405, "method", "The page asked for something the room does not do. Reload it.")
    if not response.prepared:  # a live connection has sent its headers already
        response.headers.update({"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                                 "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"})
    return response


async def _page(request: web.Request) -> web.Response:
    name, content_type = PAGE_FILES.get(request.match_info.get("name", ""), (None, None))
    if name is None:
        raise web.HTTPNotFound()
    body = resource("phone", name).read_bytes()
    return web.Response(body=body, content_type=content_type, charset="utf-8",
                        headers={"Cache-Control": "no-cache"})


async def _body(request: web.Request) -> dict:
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        raise Refusal(400, "format", "The page sent something the room cannot read. Reload it.") from None
    if not isinstance(body, dict):
        raise Refusal(400, "format", "The page sent something the room cannot read. Reload it.")
    return body


def _device(request: web.Request) -> Device:
    return request.app[ROOM].device(request.headers.get(TOKEN_HEADER))


async def _join(request: web.Request) -> web.Response:
    device = request.app[ROOM].join((await _body(request)).get("code", ""))
    return _json(200, {"token": device.token, "device": device.id, "api": API_VERSION})


async def _state(request: web.Request) -> web.Response:
    device = _device(request)
    return _json(200, _state_for(request.app, device))


def _state_for(app: web.Application, device: Device) -> dict:
    state = dict(app[STATE])
    state.update(type="state", api=API_VERSION, name=device.name, claimed=device.claimed,
                 notes=app[SENT].get(device.id, []))
    return ballots.personal(app, device, state)


async def _claim(request: web.Request) -> web.Response:
    device = _device(request)
    body = await _body(request)
    state = request.app[STATE]
    wanted = body.get("participant")
    if wanted is None:
        if not state.get("anonymous", False):
            raise Refusal(403, "anonymous", "The facilitator asks everyone to choose their name.")
        request.app[ROOM].claim(device, None, "")
    else:
        names = {p["id"]: p["name"] for p in state.get("participants", [])}
        if wanted not in names:
            raise Refusal(400, "name", "That name is not on the workshop's list. Choose yours from the list.")
        request.app[ROOM].claim(device, wanted, names[wanted])
    return _json(200, _state_for(request.app, device))


async def _note(request: web.Request) -> web.Response:
    room: Room = request.app[ROOM]
    device = _device(request)
    body = await _body(request)
    room.take_note_slot(device)
    host: Host = request.app[HOST]
    saved = await _saved(host.add_note(
        text=body.get("text", ""), kind=body.get("kind", "note"), client_key=body.get("key", ""),
        device=device.name or f"Phone {device.id}", author_id=device.participant_id))
    _remember(request.app, device, saved)
    return _json(201, saved)


async def _saved(future: concurrent.futures.Future) -> dict:
    """What the laptop answered once it committed, or the refusal that tells the phone why not."""
    try:
        return await asyncio.wrap_future(future)
    except ValidationError as error:
        raise Refusal(400, "invalid", str(error)) from None
    except NotFoundError as error:
        raise Refusal(404, "note", str(error)) from None
    except ChangeClosedError as error:
        raise Refusal(403, error.reason, str(error)) from None
    except CollabDeskError as error:
        raise Refusal(503, "unsaved", f"The laptop could not save the note: {error}") from None


def _remember(app: web.Application, device: Device, note: dict) -> None:
    """Keep ``note`` among the device's own (replacing what it was), for its state."""
    notes = app[SENT].setdefault(device.id, [])
    notes[:] = [n for n in notes if n["key"] != note["key"]] + [note]


async def _edit(request: web.Request) -> web.Response:
    """A participant changes their own note (the key is theirs: only their phone has it)."""
    room: Room = request.app[ROOM]
    device = _device(request)
    body = await _body(request)
    room.take_change_slot(device)
    saved = await _saved(request.app[HOST].edit_note(
        client_key=request.match_info["key"], text=body.get("text", ""), kind=body.get("kind", "note")))
    _remember(request.app, device, saved)
    return _json(200, saved)


async def _withdraw(request: web.Request) -> web.Response:
    """A participant takes their own note off the board."""
    room: Room = request.app[ROOM]
    device = _device(request)
    room.take_change_slot(device)
    key = request.match_info["key"]
    await _saved(request.app[HOST].withdraw_note(client_key=key))
    for notes in request.app[SENT].values():
        notes[:] = [n for n in notes if n["key"] != key]
    return _json(200, {"key": key, "status": "withdrawn"})


async def _old_api(request: web.Request) -> web.Response:
    return _error(410, "version", "This page is from another version of CollabDesk. Reload the page.")


async def _live(request: web.Request) -> web.WebSocketResponse:
    """The live connection: after the phone's first message gives its token, every change of
    the room's state is pushed as it happens."""
    ws = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS, max_msg_size=request.app[ROOM].limits.message_bytes)
    await ws.prepare(request)
    try:
        first = await ws.receive(timeout=AUTH_SECONDS)
        token = json.loads(first.data).get("token") if first.type == WSMsgType.TEXT else None
        device = request.app[ROOM].device(token if isinstance(token, str) else None)
    except (asyncio.TimeoutError, ValueError, AttributeError):
        await ws.close(code=4400, message=b"say the token first")
        return ws
    except Refusal as refusal:
        await ws.send_json({"type": "error", "error": refusal.reason, "message": refusal.message})
        await ws.close(code=4401, message=refusal.reason.encode())
        return ws
    request.app[SOCKETS][ws] = device
    try:
        await ws.send_json(_state_for(request.app, device))
        async for message in ws:  # the phone has nothing more to say; the loop ends when it goes
            if message.type == WSMsgType.ERROR:
                break
    finally:
        request.app[SOCKETS].pop(ws, None)
    return ws


def make_app(room: Room, host: Host, names: set[str]) -> web.Application:
    """The web application for ``room``, answering only requests addressed to one of ``names``."""
    app = web.Application(middlewares=[_guard], client_max_size=room.limits.request_bytes)
    app[ROOM] = room
    app[HOST] = host
    app[NAMES] = frozenset(n.lower() for n in names)
    app[STATE] = {"exercise": None, "participants": [], "anonymous": False, "workshop": "", "vote": None}
    app[SOCKETS] = {}
    app[SENT] = {}
    app.router.add_get("/", _page)
    app.router.add_get("/static/{name}", _page)
    app.router.add_post("/api/v1/join", _join)
    app.router.add_get("/api/v1/state", _state)
    app.router.add_post("/api/v1/claim", _claim)
    app.router.add_post("/api/v1/notes", _note)
    app.router.add_patch("/api/v1/notes/{key}", _edit)
    app.router.add_delete("/api/v1/notes/{key}", _withdraw)
    app.router.add_get("/api/v1/live", _live)
    ballots.install(app, room=room, host=host, shared=app[STATE], sockets=app[SOCKETS], device=_device, body=_body,
                    reply=_json)
    app.router.add_route("*", "/api/{rest:.*}", _old_api)
    return app


async def publish(app: web.Application, state: dict) -> None:
    """Make ``state`` the room's state and push it to every live phone that is still in."""
    app[STATE].clear()  # in place: a started application's own keys are not reassigned
    app[STATE].update(ballots.keep_private(app, dict(state)))
    await _push(app, None)


async def update_notes(app: web.Application, notes: list[dict]) -> None:
    """Phones' notes changed on the laptop (edited, hidden, brought back): each is replaced in
    its device's own notes, and those devices are sent their state again."""
    by_key = {n["key"]: n for n in notes}
    told = set()
    for device_id, sent in app[SENT].items():
        if any(by_key.get(n["key"], n) != n for n in sent):  # a card moved on the board changes nothing here
            sent[:] = [by_key.get(n["key"], n) for n in sent]
            told.add(device_id)
    if told:
        await _push(app, told)


async def _push(app: web.Application, device_ids: set[int] | None) -> None:
    """Send the state to the live phones of ``device_ids`` (None: every one) still in the room."""
    room: Room = app[ROOM]
    for ws, device in list(app[SOCKETS].items()):
        if device_ids is not None and device.id not in device_ids:
            continue
        if not room.holds(device.token):  # removed, or the room closed: the phone is told on its next call
            await ws.close(code=4401, message=b"token")
            continue
        await ws.send_json(_state_for(app, device))


class PhoneServer:
    """The server in its own thread and event loop, listening on one private address.

    ``start`` returns once the port is bound (or raises why it cannot be); ``stop`` closes
    the room (every token stops working), the live connections and the loop.
    """

    def __init__(self, room: Room, host: Host, address: str, port: int = 0, *, name: str | None = None):
        if not allowed_peer(address):  # the same ranges the room serves: never every interface, never a public one
            raise ValueError("The room is served on one private address, never on every interface or a public one.")
        self.room = room
        self.address = address
        self.port = port
        self.name = name or (f"[{address}]" if ":" in address else address)
        self.app = make_app(room, host, {self.name})
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="phone-server", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.name}:{self.port}/"

    def start(self) -> str:
        """Bind and serve; returns the address phones open (without the code)."""
        self._thread.start()
        try:
            self.port = asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=15)
        except BaseException:
            self._stop_loop()
            raise
        return self.url

    async def _start(self) -> int:
        runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.address, self.port, reuse_address=False)
        await site.start()
        self._runner = runner
        return runner.addresses[0][1]

    async def _shutdown(self) -> None:
        """Close the live connections (phones then reconnect, and are refused), then the server."""
        for ws in list(self.app[SOCKETS]):
            await ws.close(code=4401, message=b"closed")
        await self._runner.cleanup()

    def publish(self, state: dict) -> None:
        """Thread-safe: replace the room's state and push it to the phones."""
        if self._loop.is_running():
            asyncio.run_coroutine_threadsafe(publish(self.app, state), self._loop)

    def update_notes(self, notes: list[dict]) -> None:
        """Thread-safe: tell the phones that sent these notes what they are now."""
        if self._loop.is_running():
            asyncio.run_coroutine_threadsafe(update_notes(self.app, notes), self._loop)

    def publish_vote(self, state: dict) -> None:
        """Thread-safe: the vote changed (``ballots.vote_state``); push it to the phones it changes for."""
        if self._loop.is_running():
            asyncio.run_coroutine_threadsafe(ballots.publish_vote(self.app, state), self._loop)

    def call(self, action: Callable[[], None]) -> None:
        """Run ``action`` on the server's loop (e.g. after removing a device, to drop its connection)."""
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(action)

    def stop(self) -> None:
        self.room.close()
        if self._runner is not None and self._loop.is_running():
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=15)
        self._stop_loop()

    def _stop_loop(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=15)
        if not self._loop.is_running():
            self._loop.close()
