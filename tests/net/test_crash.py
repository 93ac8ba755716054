"""Kill the app with SIGKILL while phones are sending: every note a phone saw acknowledged is
in the database, and after a restart the phones re-send the rest with no duplicates.

The app runs as a facilitator's script starts it (``collabdesk open ID --phones``), on
loopback; the phones are threads making the page's own calls.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

from collabdesk.net.server import TOKEN_HEADER
from collabdesk.services import workshops
from collabdesk.store import Store

PHONES, NOTES = 4, 5  # within each phone's burst, so the rate limit never sends one back


def call(base, path, body=None, token=None):
    headers = {"Content-Type": "application/json", **({TOKEN_HEADER: token} if token else {})}
    request = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                     headers=headers)
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())


def start_app(db_path, workshop_id):
    """The app with phones on; its join address (read from its standard output) and process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "collabdesk", "--db", str(db_path), "open", workshop_id,
                            "--phones", "--address", "127.0.0.1"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, env=env)
    line = app.stdout.readline().strip()
    assert line.startswith("http://127.0.0.1:"), line
    base, code = line.split("?code=")
    return app, base, code


def send_all(base, code, keys, acknowledged):
    """Each phone joins and sends its notes one after another, as the page does."""

    def phone(mine):
        try:
            token = call(base, "api/v1/join", {"code": code})["token"]
            for key in mine:
                call(base, "api/v1/notes", {"key": key, "text": f"Note {key}", "kind": "note"}, token)
                acknowledged.append(key)
        except (urllib.error.URLError, ConnectionError, OSError):
            pass  # the laptop went away: the page keeps the rest and sends them later

    threads = [threading.Thread(target=phone, args=(keys[p * NOTES:(p + 1) * NOTES],)) for p in range(PHONES)]
    for thread in threads:
        thread.start()
    return threads


@pytest.mark.slow
def test_sigkill_while_phones_send_loses_no_acknowledged_note_and_resending_makes_no_duplicate(db_path):
    with Store(db_path) as store:
        workshop = workshops.create_workshop(store, title="Crash", participants=["Ana"])
    keys = [f"crash-key-{p}-{n}" for p in range(PHONES) for n in range(NOTES)]

    app, base, code = start_app(db_path, workshop.id)
    acknowledged = []
    threads = send_all(base, code, keys, acknowledged)
    try:
        while len(acknowledged) < 6 and any(t.is_alive() for t in threads):
            threads[0].join(timeout=0.05)
        os.kill(app.pid, signal.SIGKILL)
    finally:
        app.wait(timeout=30)
        app.stdout.close()
        for thread in threads:
            thread.join(timeout=60)
    seen = list(acknowledged)
    assert len(seen) >= 6

    with Store(db_path) as store:
        saved = {key for (key,) in store.db.execute("SELECT client_key FROM phone_notes")}
    assert set(seen) <= saved

    app, base, code = start_app(db_path, workshop.id)
    try:
        for thread in send_all(base, code, keys, acknowledged):
            thread.join(timeout=60)
    finally:
        app.kill()
        app.wait(timeout=30)
        app.stdout.close()
    assert set(acknowledged) == set(keys)
    with Store(db_path) as store:
        rows = store.db.execute("SELECT n.text FROM notes n JOIN phone_notes p ON p.note_id = n.id").fetchall()
        assert sorted(text for (text,) in rows) == sorted(f"Note {key}" for key in keys)
        assert store.db.execute("SELECT count(*) FROM notes WHERE deleted = 0").fetchone()[0] == len(keys)
