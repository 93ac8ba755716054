"""A second launch on the same database hands over to the running window and exits 0."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from collabdesk.ui.shell.single_instance import InstanceServer, server_name

ROOT = Path(__file__).resolve().parents[2]


def launch(code: str, *args: str) -> subprocess.Popen:
    env_code = textwrap.dedent(code)
    return subprocess.Popen([sys.executable, "-c", env_code, *args], cwd=ROOT,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                 "PYTHONPATH": str(ROOT), "HOME": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def server(qtbot, db_path):
    running = InstanceServer(server_name(db_path))
    assert running.listen()
    yield running
    running.close()


def test_names_differ_per_database_and_are_stable(tmp_path):
    assert server_name(tmp_path / "a.sqlite") == server_name(tmp_path / "." / "a.sqlite")
    assert server_name(tmp_path / "a.sqlite") != server_name(tmp_path / "b.sqlite")


def test_a_second_gui_launch_brings_the_first_forward_with_the_workshop_and_exits_0(qtbot, server, db_path):
    with qtbot.waitSignal(server.open_requested, timeout=20_000) as asked:
        second = launch("""
            import sys
            from pathlib import Path
            from collabdesk.ui.shell.app import run_gui
            sys.exit(run_gui(Path(sys.argv[1]), "3f2a"))
        """, str(db_path))
    assert asked.args == ["3f2a"]
    second.communicate(timeout=20)
    assert second.returncode == 0
    assert not db_path.exists()  # the second process never opened the database


def test_a_launch_without_a_workshop_just_asks_for_the_window(qtbot, server, db_path):
    with qtbot.waitSignal(server.open_requested, timeout=20_000) as asked:
        second = launch("""
            import sys
            from PySide6.QtCore import QCoreApplication
            from collabdesk.ui.shell.single_instance import send_to_running
            app = QCoreApplication([])
            sys.exit(0 if send_to_running(sys.argv[1]) else 1)
        """, server.name)
    assert asked.args == [None]
    second.communicate(timeout=20)
    assert second.returncode == 0


def test_nobody_answers_when_no_gui_runs(qapp, tmp_path):
    from collabdesk.ui.shell.single_instance import send_to_running

    assert not send_to_running(server_name(tmp_path / "nobody.sqlite"))


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_socket_file_left_by_a_crashed_run_does_not_block_the_next(qtbot, db_path):
    from PySide6.QtCore import QDir

    leftover = Path(QDir.tempPath()) / server_name(db_path)
    leftover.write_text("")  # what a killed CollabDesk leaves behind
    try:
        server = InstanceServer(server_name(db_path))
        assert server.listen()
        server.close()
    finally:
        leftover.unlink(missing_ok=True)


def test_the_socket_lives_in_this_users_private_runtime_folder(tmp_path):
    from collabdesk.paths import runtime_dir

    name = Path(server_name(tmp_path / "a.sqlite"))
    assert name.parent == runtime_dir()  # not the shared temporary folder another account could use first
    assert name.parent.stat().st_mode & 0o777 == 0o700 and name.parent.stat().st_uid == os.getuid()
