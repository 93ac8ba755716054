"""A phone's HTTP calls for the window tests, made on a thread while the GUI thread keeps serving."""

import json
import threading
import urllib.error
import urllib.request

from collabdesk.net.server import TOKEN_HEADER


class Phone:
    """A phone's HTTP calls, made on a thread of their own: the GUI thread must stay free to
    save what they send (as it is when a real phone writes)."""

    def __init__(self, base: str):
        self.base = base
        self.token = None

    def call(self, path: str, body: dict | None = None, method: str | None = None) -> tuple[int, dict]:
        headers = {"Content-Type": "application/json", **({TOKEN_HEADER: self.token} if self.token else {})}
        request = urllib.request.Request(self.base + path, data=None if body is None else json.dumps(body).encode(),
                                         headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=20) as reply:
                return reply.status, json.loads(reply.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())


    def reach(self, path: str) -> int | None:
        """The status of a call, or None when nothing listens."""
        try:
            return self.call(path)[0]
        except urllib.error.URLError:
            return None


def in_thread(qtbot, action):
    """Run ``action`` on a thread while the GUI thread keeps serving; its result."""
    result = []
    worker = threading.Thread(target=lambda: result.append(action()))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=20_000)
    return result[0]
