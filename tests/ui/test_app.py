"""``run_gui`` as the command line calls it, each run in its own process (it owns the event loop)."""

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtGui import QImage

from collabdesk.services import workshops
from collabdesk.store import Store

ROOT = Path(__file__).resolve().parents[2]
PRELUDE = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from collabdesk.ui.shell import app as gui
QMessageBox.exec = lambda box: print("MESSAGE:", box.text().splitlines()[0]) or 0  # no one to click
application = gui.make_application()
"""


def run(code: str, *args: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(code), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
                               "HOME": str(home), "XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home), **env})


def test_open_id_starts_in_the_run_view_at_the_current_exercise_with_the_entry_focused(db_path, tmp_path):
    with Store(db_path) as store:
        workshop = workshops.create_workshop(store, title="Roundtable")
    result = run("""
        def report():
            window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main-window")
            view = window.run_view
            print("SHOWING", window.stack.currentWidget() is view, view.exercise.title, view.exercise.state)
            print("FOCUS", QApplication.focusWidget() is view.capture.entry or view.focusWidget() is view.capture.entry)
            application.quit()
        QTimer.singleShot(0, report)
        sys.exit(gui.run_gui(Path(sys.argv[1]), sys.argv[2]))
    """, str(db_path), workshop.id[:8], home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "SHOWING True Head current" in result.stdout
    assert "FOCUS True" in result.stdout
    with Store(db_path) as store:
        assert store.workshop(workshop.id).status == "running"  # a draft opened to run is started


def test_the_daily_backup_left_until_the_first_frame_still_comes_before_the_first_change(db_path, tmp_path):
    from collabdesk.store import backup

    with Store(db_path) as store:
        workshop = workshops.create_workshop(store, title="Roundtable")
    result = run("""
        QTimer.singleShot(0, application.quit)
        sys.exit(gui.run_gui(Path(sys.argv[1]), sys.argv[2]))  # opening the draft starts it: a write
    """, str(db_path), workshop.id, home=tmp_path)
    assert result.returncode == 0, result.stderr
    (taken,) = backup.list_backups(db_path)
    with Store(taken.path) as copy:
        assert copy.workshop(workshop.id).status == "draft"  # taken before the start was written
    with Store(db_path) as store:
        assert store.workshop(workshop.id).status == "running"


def test_after_its_first_frame_the_window_takes_the_daily_backup_and_answers_later_launches(db_path, tmp_path):
    from collabdesk.store import backup

    with Store(db_path) as store:
        workshops.create_workshop(store, title="Roundtable")
    result = run("""
        import gc
        from collabdesk.paths import backup_dir
        from collabdesk.ui.shell.single_instance import server_name

        def state():  # the backup taken, listening for later launches, the collector running
            return (backup_dir(Path(sys.argv[1])).is_dir(), Path(server_name(Path(sys.argv[1]))).exists(),
                    gc.isenabled())

        def report():
            print("BEFORE", *state())
            wait.start()

        def check():
            if all(state()):
                print("AFTER", *state())
                application.quit()

        wait = QTimer(interval=10, timeout=check)  # while the event loop runs: until the test's timeout
        QTimer.singleShot(0, report)  # before the window's first frame
        sys.exit(gui.run_gui(Path(sys.argv[1])))
    """, str(db_path), home=tmp_path, XDG_RUNTIME_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "BEFORE False False False" in result.stdout  # nothing of it held up the first frame
    assert "AFTER True True True" in result.stdout
    assert [info.ok for info in backup.list_backups(db_path)] == [True]


def test_a_damaged_database_is_explained_moved_aside_and_the_exit_code_is_1(db_path, tmp_path):
    db_path.write_bytes(b"this is not a database at all" * 100)
    result = run("sys.exit(gui.run_gui(Path(sys.argv[1])))", str(db_path), home=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "MESSAGE:" in result.stdout and "damaged" in result.stdout
    assert list(db_path.parent.glob(db_path.name + ".corrupt-*"))  # moved aside, not deleted


def test_damage_found_by_the_check_is_explained_before_the_window_shows_or_anything_is_written(db_path, tmp_path):
    from tests.store.damage import damage_a_page

    with Store(db_path) as store:
        workshop = workshops.create_workshop(store, title="Roundtable")
    damage_a_page(db_path, "workshops")
    damaged = db_path.read_bytes()
    result = run("""
        from PySide6.QtWidgets import QMainWindow
        QMainWindow.show = lambda window: print("SHOWN")
        sys.exit(gui.run_gui(Path(sys.argv[1]), sys.argv[2]))  # opening the workshop would write
    """, str(db_path), workshop.id, home=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "MESSAGE:" in result.stdout and "damaged" in result.stdout and "SHOWN" not in result.stdout
    (aside,) = db_path.parent.glob(db_path.name + ".corrupt-*")
    assert aside.read_bytes() == damaged  # moved aside as it was: nothing was written to it


def test_the_offered_backup_of_a_damaged_database_is_restored_and_opened(db_path, tmp_path):
    from collabdesk.store import backup

    with Store(db_path) as store:
        workshop = workshops.create_workshop(store, title="Kept in the backup")
        backup.take_backup(store)
    db_path.write_bytes(b"this is not a database at all" * 100)
    result = run("""
        def take_the_backup(box):
            print("MESSAGE:", box.text().splitlines()[0])
            box.buttons()[0].click() if len(box.buttons()) > 1 else None
            return 0
        QMessageBox.exec = take_the_backup
        QTimer.singleShot(0, application.quit)
        sys.exit(gui.run_gui(Path(sys.argv[1])))
    """, str(db_path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    with Store(db_path) as store:
        assert [s.id for s in store.summaries()] == [workshop.id]


def test_the_smoke_test_variable_saves_the_library_with_its_icon_as_shown_and_quits_cleanly(db_path, tmp_path):
    screenshot = tmp_path / "first-screen.png"
    result = run("""
        def report():
            window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main-window")
            print("HOME", window.stack.currentWidget() is window.home, not application.windowIcon().isNull(),
                  window.width(), window.height())
        application.aboutToQuit.connect(report)
        sys.exit(gui.run_gui(Path(sys.argv[1])))
    """, str(db_path), home=tmp_path, COLLABDESK_SCREENSHOT_AND_QUIT=str(screenshot))
    assert result.returncode == 0, result.stderr
    _, home, has_icon, width, height = result.stdout.split()
    assert home == "True"  # the library
    assert has_icon == "True"
    image = QImage(str(screenshot))
    assert (image.width(), image.height()) == (int(width), int(height))
