"""Offline by construction: nothing CollabDesk does reaches for the network."""

import socket

import pytest


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise OSError("network use in an offline app")
        return real_connect(self, address, *args, **kwargs)

    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: attempts.append(a) or [])
    return attempts


def test_a_whole_session_from_the_command_line_makes_no_network_call(run, tmp_path, no_network):
    demo_id = run("demo", "--json").out.split('"id": "')[1].split('"')[0]
    for name in ("summary.pdf", "summary.md", "summary.csv", "workshop.json"):
        assert run("export", demo_id, "-o", tmp_path / name).code == 0, name
    assert run("import", tmp_path / "workshop.json").code == 0
    assert run("search", "discharge").code == 0
    assert run("backup").code == 0 and run("check").code == 0
    assert no_network == []
