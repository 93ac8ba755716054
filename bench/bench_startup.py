"""GUI start-up: to an interactive library of 1,000 workshops, against a bare PySide6 window.

    python bench/bench_startup.py                  # 9 runs each, interleaved; medians
    python bench/bench_startup.py --quick          # 3 runs each
    python bench/bench_startup.py --instructions   # and each process's instruction count (valgrind)

Both are whole processes, timed from launch to exit by this script, and both quit the same
way: a watcher (the same code in both) sees a frame painted, lets the event loop turn (a
zero-delay timer: the window answers input) and quits if that frame shows what it waits for.
- bare: ``QApplication`` + an empty ``QMainWindow`` of 1366 x 768, shown.
- CollabDesk: the real entry point (``collabdesk --db PATH``: the command line, the
  single-instance check, opening and checking the database, the main window with its menus
  and the library) on a database of 1,000 workshops (8 notes each), until a frame shows the
  library's table with workshops in it.
Each makes its ``QApplication`` as it does when launched (CollabDesk in ``make_application``).

Python's bytecode caches are on (in a folder of this run's own, so the tree stays clean), as
they are for a facilitator: the app ships compiled, and PySide6 loads from compiled files
even where ``PYTHONDONTWRITEBYTECODE`` is set, so without caches only our side would pay
for compiling its source at every start.

The database is warmed by one run first (the file cache, and the daily backup taken). The
first start of a day, when that backup is due, is timed as a line of its own.

On a shared machine wall times swing with the load; processor time is steadier, and
``--instructions`` counts the instructions each process runs (valgrind's callgrind, about
15 s a process): the same from run to run, whatever else the machine is doing.

Aim: within 2.0x (issue 12). Figures are printed, not asserted.
"""

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collabdesk.paths import backup_dir  # noqa: E402

WATCHER = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication

SHOWN = (QEvent.Type.Expose, QEvent.Type.UpdateRequest)


class FirstFrame(QObject):
    # Quits once a frame showing what ready() looks for is painted and the loop has turned.
    # It watches the windows' QWindow only, from the start of the event loop: a filter on the
    # whole application would put every event of every widget through Python, costing the
    # process with more widgets more.

    def __init__(self, ready):
        super().__init__()
        self.ready = ready
        self.seen = self.checking = False
        exec_ = QApplication.exec

        def exec_watched(*_):
            for window in QGuiApplication.topLevelWindows():
                if window.isVisible():
                    window.installEventFilter(self)
            return exec_()

        QApplication.exec = exec_watched

    def eventFilter(self, watched, event):
        if not self.checking and event.type() in SHOWN:
            self.checking = True
            QTimer.singleShot(0, self.check)  # once the window has handled the event: painted
        return False

    def check(self):
        self.checking = False
        if not self.seen and self.ready():
            self.seen = True
            QApplication.instance().quit()
"""

BARE = WATCHER + """
from PySide6.QtWidgets import QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
watcher = FirstFrame(window.isVisible)
window.resize(1366, 768)
window.show()
sys.exit(app.exec())
"""

COLLABDESK = WATCHER + """
def library_shown():
    return any(view.isVisible() and view.model() is not None and view.model().rowCount() > 0
               for window in QApplication.topLevelWidgets() if window.isVisible()
               for view in window.findChildren(QAbstractItemView))


watcher = FirstFrame(library_shown)
from collabdesk.app import main

status = main(["--db", sys.argv[1]])
sys.exit(status if watcher.seen else 3)
"""


def make_database(path: Path, count: int) -> None:
    from collabdesk.services import notes, workshops
    from collabdesk.store import Store

    with Store(path) as store:
        for i in range(count):
            workshop = workshops.create_workshop(
                store, title=f"Partnership roundtable {i}", location=f"Room {i % 40}",
                facilitator=("Sam", "Alex", "Priya")[i % 3], date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                participants=["Ann", "Ben"])
            exercise = store.exercises(workshop.id)[0]
            for j in range(8):
                notes.add_note(store, exercise.id, f"Note {j} of workshop {i}")


def timed(code: str, *args: str, env: dict, cpu: list[float] | None = None) -> float:
    """The process's wall time (and, into ``cpu``, its processor time: steadier on a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall


def instructions(code: str, *args: str, env: dict) -> int:
    """The instructions the process runs, start to exit (its threads' included)."""
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                             "-c", code, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", result.stderr)[1])


def bench_env(folder: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHONPYCACHEPREFIX": str(Path(folder) / "bytecode"), "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": folder, "XDG_DATA_HOME": folder, "XDG_RUNTIME_DIR": folder, "HOME": folder}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workshops", type=int, default=1000)
    parser.add_argument("--instructions", action="store_true", help="count instructions too (needs valgrind)")
    args = parser.parse_args()
    runs = 3 if args.quick else 9
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o700)  # it is the runtime folder too
        database = Path(folder) / "startup.sqlite"
        make_database(database, args.workshops)
        env = bench_env(folder)
        timed(BARE, env=env)  # compile and cache the bytecode, warm the file cache
        timed(COLLABDESK, str(database), env=env)  # and take the daily backup
        bare, ours, bare_cpu, ours_cpu = [], [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine
            bare.append(timed(BARE, env=env, cpu=bare_cpu))
            ours.append(timed(COLLABDESK, str(database), env=env, cpu=ours_cpu))
        backups = backup_dir(database)
        daily = []
        for _ in range(max(1, runs // 3)):
            shutil.rmtree(backups, ignore_errors=True)
            daily.append(timed(COLLABDESK, str(database), env=env))
        if args.instructions:
            counted = instructions(BARE, env=env), instructions(COLLABDESK, str(database), env=env)
    bare_s, ours_s, daily_s = statistics.median(bare), statistics.median(ours), statistics.median(daily)
    print(f"GUI start-up to an interactive library, whole process, median of {runs} "
          f"({args.workshops:,} workshops in the database; load average {os.getloadavg()[0]:.2f}):")
    print(f"  bare PySide6 window   {bare_s * 1000:7.0f} ms   (spread {_spread(bare)}; processor "
          f"{statistics.median(bare_cpu) * 1000:.0f} ms)")
    print(f"  CollabDesk            {ours_s * 1000:7.0f} ms   (spread {_spread(ours)}; processor "
          f"{statistics.median(ours_cpu) * 1000:.0f} ms)")
    ratio = ours_s / bare_s
    print(f"  ratio                 {ratio:7.2f}x   (aim <= 2.0x: {'yes' if ratio <= 2.0 else 'NO'}; processor time "
          f"{statistics.median(ours_cpu) / statistics.median(bare_cpu):.2f}x)")
    print(f"  first start of a day  {daily_s * 1000:7.0f} ms   ({daily_s / bare_s:.2f}x; the daily backup is due)")
    if args.instructions:
        print(f"  instructions          {counted[0] / 1e6:,.0f} M bare, {counted[1] / 1e6:,.0f} M CollabDesk: "
              f"{counted[1] / counted[0]:.2f}x (the second start of the day)")


def _spread(times: list[float]) -> str:
    return f"{min(times) * 1000:.0f}-{max(times) * 1000:.0f} ms"


if __name__ == "__main__":
    main()
