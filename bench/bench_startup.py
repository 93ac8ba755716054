"""GUI start-up: to an interactive home with 1,000 workshops, against a bare PySide6 window.

    python bench/bench_startup.py            # 7 runs each, median
    python bench/bench_startup.py --quick    # 3 runs each

Both are measured as whole processes, from launch to exit, where each quits as soon as
its event loop starts (so its first window is shown and ready for input):
- bare: ``QApplication`` + an empty ``QMainWindow``;
- CollabDesk: ``run_gui`` on a database of 1,000 workshops (8 notes each): the
  single-instance check, opening and quick-checking the database, the main window with
  its menus, run view and the home list of all 1,000 workshops.
Aim: within 2.5x. Figures are printed, not asserted.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""

COLLABDESK = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from collabdesk.ui.shell.app import make_application, run_gui
app = make_application()
QTimer.singleShot(0, app.quit)
sys.exit(run_gui(Path(sys.argv[1])))
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


def timed(code: str, *args: str, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workshops", type=int, default=1000)
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "startup.sqlite"
        make_database(database, args.workshops)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": folder, "HOME": folder}
        timed(COLLABDESK, str(database), env=env)  # warm the file cache (and take the daily backup)
        timed(BARE, env=env)
        bare, ours = [], []
        for _ in range(runs):  # interleaved, so both see the same machine
            bare.append(timed(BARE, env=env))
            ours.append(timed(COLLABDESK, str(database), env=env))
    bare_s, ours_s = statistics.median(bare), statistics.median(ours)
    print(f"GUI start-up to an interactive home, whole process, median of {runs} "
          f"({args.workshops:,} workshops in the database):")
    print(f"  bare PySide6 window   {bare_s * 1000:7.0f} ms")
    print(f"  CollabDesk            {ours_s * 1000:7.0f} ms")
    ratio = ours_s / bare_s
    print(f"  ratio                 {ratio:7.2f}x   (aim <= 2.0x: {'yes' if ratio <= 2.0 else 'NO'})")


if __name__ == "__main__":
    main()
