"""Who may join the room and how fast they may write: the rules, without the network.

Every method is safe to call from any thread (the server's loop and the GUI both do):
one lock guards the state, and ``clock`` is injected so tests drive time without sleeping.
"""

import ipaddress
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read off a projector and typed on a phone
CODE_LENGTH = 6


class Refusal(Exception):
    """A request the room turns down: an HTTP status and a sentence the phone shows as it is."""

    def __init__(self, status: int, reason: str, message: str):
        super().__init__(message)
        self.status = status
        self.reason = reason  # a stable word the page can switch on: "code", "token", "locked", ...
        self.message = message


@dataclass(frozen=True)
class Limits:
    devices: int = 80
    notes_per_second: float = 1.0
    note_burst: int = 5
    request_bytes: int = 32 * 1024  # a note at the text rule's 20,000 characters fits, in any script
    message_bytes: int = 4 * 1024
    idle_seconds: float = 2 * 60 * 60


@dataclass
class Device:
    id: int
    token: str
    joined: float
    last_seen: float
    name: str = ""  # the participant's name once claimed, else ""
    participant_id: int | None = None
    claimed: bool = False  # chose a name from the list, or to stay anonymous
    tokens: float = 0.0  # the rate limit's bucket
    filled: float = 0.0  # when the bucket was last topped up


@dataclass(frozen=True)
class DeviceView:
    """A device as the facilitator's panel lists it (no token)."""

    id: int
    name: str
    joined: float
    last_seen: float


def allowed_peer(address: str) -> bool:
    """Phones in the room come from a private, link-local or loopback address; nothing else is served."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_link_local or ip.is_loopback) and not ip.is_multicast and not ip.is_unspecified


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@dataclass
class Room:
    """The open room: its join code, its devices, and whether it takes new devices and notes."""

    limits: Limits = field(default_factory=Limits)
    clock: Callable[[], float] = time.monotonic
    code: str = field(default_factory=new_code)
    locked: bool = False
    paused: bool = False
    closed: bool = False
    _devices: dict[str, Device] = field(default_factory=dict)
    _next_id: int = 1
    _lock: threading.Lock = field(default_factory=threading.Lock)
    last_activity: float = 0.0

    def __post_init__(self):
        self.last_activity = self.clock()

    def join(self, code: str) -> Device:
        """Trade the room's code for a device with its own token."""
        with self._lock:
            self._check_open()
            if self.locked:
                raise Refusal(403, "locked", "The room is locked: the facilitator is not letting more phones in.")
            if not isinstance(code, str) or not secrets.compare_digest(code.strip().upper(), self.code):
                raise Refusal(401, "code", "That code is not the room's code. Check it on the screen and try again.")
            if len(self._devices) >= self.limits.devices:
                raise Refusal(403, "full", "The room is full: no more phones can join this workshop.")
            now = self.clock()
            device = Device(self._next_id, secrets.token_urlsafe(24), now, now, tokens=self.limits.note_burst,
                            filled=now)
            self._next_id += 1
            self._devices[device.token] = device
            self.last_activity = now
            return device

    def device(self, token: str | None) -> Device:
        """The device holding ``token``; refused when the token is missing, removed or the room is off."""
        with self._lock:
            self._check_open()
            device = self._devices.get(token or "")
            if device is None:
                raise Refusal(401, "token", "This phone is not in the room (any more). Scan the code to join again.")
            device.last_seen = self.last_activity = self.clock()
            return device

    def holds(self, token: str) -> bool:
        """Whether ``token`` is still a device's in the open room (its last-seen time untouched)."""
        with self._lock:
            return not self.closed and token in self._devices

    def take_note_slot(self, device: Device) -> None:
        """Spend one of the device's note tokens (refilled at the limit's rate, up to the burst)."""
        self._take_slot(device, "The facilitator has paused new notes. Yours is kept and sent later.")

    def take_change_slot(self, device: Device) -> None:
        """The same, for a change to a note already sent (paused too while notes are)."""
        self._take_slot(device, "The facilitator has paused changes from phones. Try again in a while.")

    def _take_slot(self, device: Device, paused: str) -> None:
        with self._lock:
            if self.paused:
                raise Refusal(409, "paused", paused)
            now = self.clock()
            device.tokens = min(self.limits.note_burst,
                                device.tokens + (now - device.filled) * self.limits.notes_per_second)
            device.filled = now
            if device.tokens < 1:
                raise Refusal(429, "rate", "Too many notes at once: wait a moment and it is sent again.")
            device.tokens -= 1

    def claim(self, device: Device, participant_id: int | None, name: str) -> None:
        with self._lock:
            device.participant_id = participant_id
            device.name = name
            device.claimed = True

    def lock(self) -> str:
        """No new devices, and a new code (the old one may be on photos); devices in keep working."""
        with self._lock:
            self.locked = True
            self.code = new_code()
            return self.code

    def unlock(self) -> str:
        with self._lock:
            self.locked = False
            return self.code

    def set_paused(self, paused: bool) -> None:
        with self._lock:
            self.paused = paused

    def remove(self, device_id: int) -> None:
        with self._lock:
            self._devices = {t: d for t, d in self._devices.items() if d.id != device_id}

    def close(self) -> None:
        """The switch is off: every token stops working, for good."""
        with self._lock:
            self.closed = True
            self._devices.clear()

    def devices(self) -> list[DeviceView]:
        with self._lock:
            return [DeviceView(d.id, d.name, d.joined, d.last_seen) for d in self._devices.values()]

    def idle_for(self) -> float:
        with self._lock:
            return self.clock() - self.last_activity

    def _check_open(self) -> None:
        if self.closed:
            raise Refusal(401, "closed", "The room's network is off. Ask the facilitator to turn it on again.")
