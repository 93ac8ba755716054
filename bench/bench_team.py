"""Team library benchmark: a team folder of workshop files indexed into a library.

    python bench/bench_team.py                        # 1,000 files x 100 notes
    python bench/bench_team.py --files 200 --notes 40

Figures:
- time to a usable library: the app started as a process until its window is drawn,
  with the team folder set (and not yet indexed: the worst case) against the same
  library with no team folder; then, in that same process, when the background index
  of the whole folder is done;
- the full index of the folder (``services.team.scan`` on a fresh library), as a ratio
  to the bare work of reading and ``json.loads``-ing every file, and per file to
  importing the same files one by one (``services.files.import_workshop_file``);
- a scan that finds nothing changed (every file's size and time compared, none read);
- one changed file refreshed (a colleague's newer edit arriving), aim 200 ms, as a
  ratio to reading and ``json.loads``-ing that one file.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_library import realistic_workshop  # noqa: E402
from collabdesk.domain.team import file_name  # noqa: E402
from collabdesk.domain.workshop_file import content_to_document  # noqa: E402
from collabdesk.services import files, team  # noqa: E402
from collabdesk.store import Store  # noqa: E402

STAMP = "2026-03-01T12:00:00+00:00"


def build_folder(folder: Path, files: int, notes: int, seed: int = 11) -> list[Path]:
    """``files`` workshop files as colleagues' laptops would share them."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(files):
        content = realistic_workshop(rng, index, notes)
        w = replace(content.workshop, id=str(uuid.UUID(int=rng.getrandbits(128))), updated=STAMP)
        content = replace(content, workshop=w)
        path = folder / file_name(w.id, w.title, w.facilitator)
        path.write_text(json.dumps(content_to_document(content), ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def bare_reads(paths: list[Path]) -> float:
    started = time.perf_counter()
    for path in paths:
        json.loads(path.read_bytes())
    return time.perf_counter() - started


def newer_edit(path: Path, minutes: int) -> None:
    """A colleague's newer version of one file, renamed into place as a sync engine does."""
    document = json.loads(path.read_text(encoding="utf-8"))
    document["workshop"]["updated"] = f"2026-03-02T12:{minutes:02d}:00+00:00"
    document["workshop"]["title"] += f" (edit {minutes})"
    staged = path.with_name(f".{path.name}.tmp")
    staged.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(staged, path)


def child(db: str, launched: float) -> None:
    """A separate process: the main window drawn, then (with a team folder) the index done."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bench.bench_library import main_window

    app = QApplication([])
    store = Store(db)
    window = main_window(store)
    window.resize(1366, 768)
    window.show()
    marks: dict[str, float] = {}

    def drawn() -> None:
        window.grab()
        marks["drawn"] = time.monotonic() - launched
        if window.team.sync.folder is None:
            app.quit()

    def indexed(_changed: int) -> None:
        marks["indexed"] = time.monotonic() - launched
        app.quit()

    window.team.sync.scanned.connect(indexed)
    QTimer.singleShot(0, drawn)
    app.exec()
    print(json.dumps(marks))


def start_process(db: Path) -> dict[str, float]:
    launched = time.monotonic()  # CLOCK_MONOTONIC: one clock for every process on the machine
    done = subprocess.run([sys.executable, __file__, "--child", str(db), "--launched", repr(launched)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child")
    parser.add_argument("--launched", type=float)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.launched)
        return

    with tempfile.TemporaryDirectory(prefix="collabdesk-team-bench-") as scratch:
        root = Path(scratch)
        started = time.perf_counter()
        paths = build_folder(root / "Team", args.files, args.notes)
        size = sum(p.stat().st_size for p in paths)
        print(f"built {args.files:,} files x {args.notes} notes ({size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - started:.1f} s")

        starts = {"no team folder": [], "team folder": []}
        for run in range(args.runs):
            for name in starts:
                db = root / f"start-{name.replace(' ', '-')}-{run}.sqlite"
                with Store(db) as store:
                    if name == "team folder":
                        team.set_team_folder(store, root / "Team")
                starts[name].append(start_process(db))
        bare_start = statistics.median(m["drawn"] for m in starts["no team folder"])
        team_start = statistics.median(m["drawn"] for m in starts["team folder"])
        indexed = statistics.median(m["indexed"] for m in starts["team folder"])
        print(f"usable library (window drawn): {team_start:.2f} s with the team folder (not yet indexed) vs "
              f"{bare_start:.2f} s without one, ratio {team_start / bare_start:.2f}; the background index of "
              f"all {args.files:,} files done {indexed:.1f} s after launch")

        bare = min(bare_reads(paths) for _ in range(args.runs))
        with Store(root / "laptop.sqlite") as store:
            team.set_team_folder(store, root / "Team")
            started = time.perf_counter()
            result = team.scan(store)
            full = time.perf_counter() - started
            assert result.changed == args.files and result.problems == 0, result
            sample = paths[:min(200, len(paths))]
            with Store(root / "imported.sqlite") as imported:
                started = time.perf_counter()
                for path in sample:
                    files.import_workshop_file(imported, path)
                per_import = (time.perf_counter() - started) / len(sample)
            per_file = full / args.files
            print(f"full index: {full:.1f} s for {args.files:,} files ({per_file * 1000:.1f} ms a file), "
                  f"{full / bare:.1f}x reading and json.loads-ing them bare ({bare:.2f} s), "
                  f"{per_file / per_import:.2f}x importing them one by one ({per_import * 1000:.1f} ms a file)")

            unchanged = []
            for _ in range(args.runs):
                started = time.perf_counter()
                assert team.scan(store).read == 0
                unchanged.append(time.perf_counter() - started)
            print(f"scan, nothing changed: {statistics.median(unchanged) * 1000:.0f} ms "
                  f"(sizes and times of {args.files:,} files compared, none read)")

            refreshed, bare_one = [], []
            for minute in range(max(args.runs, 5)):
                target = paths[(minute * 37) % len(paths)]
                newer_edit(target, minute)
                started = time.perf_counter()
                found = team.scan(store)
                refreshed.append(time.perf_counter() - started)
                assert found.changed == 1, found
                bare_one.append(bare_reads([target]))
            one, one_bare = statistics.median(refreshed), statistics.median(bare_one)
            print(f"one changed file refreshed: {one * 1000:.0f} ms median, {max(refreshed) * 1000:.0f} ms worst "
                  f"(aim 200 ms), {one / one_bare:.0f}x reading and json.loads-ing it bare "
                  f"({one_bare * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
