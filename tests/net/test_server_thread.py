"""The server in its own thread: one private address, nothing left listening after stop,
and nothing of it loaded while the switch is off."""

import socket
import subprocess
import sys
import urllib.request

import pytest

from collabdesk.net.room import Room
from collabdesk.net.server import PhoneServer


class NoHost:
    def add_note(self, **fields):
        raise AssertionError("no note is sent in these tests")


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("everywhere", ["", "0.0.0.0", "::", "8.8.8.8"])
def test_the_server_refuses_to_listen_on_every_interface(everywhere):
    with pytest.raises(ValueError, match="never on every interface"):
        PhoneServer(Room(), NoHost(), everywhere)


def test_the_server_serves_its_address_and_after_stop_nothing_listens():
    server = PhoneServer(Room(), NoHost(), "127.0.0.1")
    url = server.start()
    try:
        assert url == f"http://127.0.0.1:{server.port}/"
        with urllib.request.urlopen(url, timeout=10) as page:  # loopback only
            assert b"Join the room" in page.read()
    finally:
        server.stop()
    assert not listening(server.port)
    assert server.room.closed


def test_neither_the_command_line_nor_the_window_loads_the_room_network():
    code = (
        "import sys, os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from collabdesk import app\n"
        "from collabdesk.cli import commands\n"
        "from collabdesk.ui.shell.app import make_application\n"
        "from collabdesk.ui.shell.main_window import MainWindow\n"
        "from collabdesk.ui.operations import Operations\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('aiohttp', 'collabdesk.net', 'segno')))\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
