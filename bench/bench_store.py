"""Store benchmark: prints ratios against the bare libraries, on this machine, in one run.

    python bench/bench_store.py            # about a minute
    python bench/bench_store.py --quick    # fewer repetitions, for a smoke test

1. A note written through ``services.notes.add_note`` (validation, one transaction with
   the workshop's ``updated`` stamp, the note read back) against a bare ``sqlite3``
   INSERT + COMMIT of the same row into the same schema with the same pragmas (WAL,
   ``synchronous=FULL``, foreign keys, the same full-text triggers). Aim: p50 and p99
   within 2x.
2. Full-text search (``Store.search``, as the library's search box calls it) over 1,000
   workshops x 100 notes. Aim: p95 within 50 ms.
3. ``collabdesk list --json`` over those 1,000 workshops as a whole process against
   ``python -c "import sqlite3"``. Aim: within 3x.

No thresholds are asserted: the figures are printed for the closing note of a change.
"""

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collabdesk.domain.model import (  # noqa: E402
    Action, Ballot, Exercise, Note, Participant, Theme, Vote, VoteRound, Workshop, WorkshopContent,
)
from collabdesk.domain.timer import TimerState  # noqa: E402
from collabdesk.services import notes, workshops  # noqa: E402
from collabdesk.store import Store  # noqa: E402

WORDS = (
    "budget pooled funding housing adaptations discharge hospital social care primary community pharmacy "
    "residents carers voluntary sector trust governance data sharing consent referral pathway waiting "
    "list prevention early help loneliness transport outreach navigator hub neighbourhood ward councillor "
    "commissioning contract outcome evaluation pilot evidence risk safeguarding workforce recruitment "
    "retention training shadowing secondment estates library leisure centre mental health wellbeing "
    "frailty falls dementia reablement homecare respite appointment digital telephone interpreter "
    "language trust relationships meetings agenda minutes decisions escalation crisis winter pressure "
    "beds flow weekend discharge lounge paperwork duplication assessment eligibility threshold appeal"
).split()
RARE = ["kaleidoscope", "quarterdeck", "marmalade", "periwinkle", "zeppelin"]
SCRIPTS = ["合作预算", "协同工作", "التعاون المشترك", "שיתוף פעולה", "地域の連携", "🤝 партнёрство"]
DOMAINS = ("head", "heart", "bones", "limbs", "blood")
QUERIES = [
    "budget", "discharge", "pooled funding", "housing adaptations", "mental health", "transport",
    "safeguarding", "falls", "weekend discharge lounge", "data sharing consent", "navigator", "respite",
    "interpreter language", "frailty", "recruitment retention", "evidence", "crisis", "winter pressure",
    "kaleidoscope", "marmalade", "zeppelin", "nothingmatchesthis", "合作", "预算", "التعاون", "שיתוף",
    "連携", "Budget Housing", "hub", "beds flow",
]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 18))
    if rng.random() < 0.01:
        words.append(rng.choice(RARE))
    if rng.random() < 0.05:
        words.append(rng.choice(SCRIPTS))
    return " ".join(words).capitalize() + "."


def sample_workshop(rng: random.Random, index: int) -> WorkshopContent:
    """One realistic workshop: 8 people, five exercises of 20 notes, themes, a vote and actions."""
    w = Workshop(id="", title=f"Partnership roundtable {index}: {' '.join(rng.sample(WORDS, 3))}",
                 purpose=sentence(rng), facilitator=rng.choice(["Ana", "Bill", "Chidi", "Dana"]),
                 location=rng.choice(["Town hall", "Library", "Health centre"]),
                 date=f"20{20 + index % 6:02d}-{1 + index % 12:02d}-{1 + index % 28:02d}", status="closed",
                 created="2025-01-01T09:00:00+00:00")
    people = tuple(Participant(id=i, workshop_id="", name=f"Participant {i}", position=i) for i in range(1, 9))
    exercises, themes, note_list = [], [], []
    for e, domain in enumerate(DOMAINS, 1):
        exercises.append(Exercise(id=e, workshop_id="", position=e, domain_key=domain, title=domain.title(),
                                  prompt=sentence(rng), timer=TimerState(planned=1200, accumulated=1180),
                                  state="done"))
        themes += [Theme(id=e * 10 + t, workshop_id="", exercise_id=e, title=" ".join(rng.sample(WORDS, 2)),
                         position=t) for t in range(2)]
        for n in range(20):
            note_list.append(Note(id=len(note_list) + 1, workshop_id="", exercise_id=e, text=sentence(rng),
                                  kind=rng.choice(["note", "note", "idea", "question", "quote"]),
                                  author_id=rng.choice([None, *range(1, 9)]),
                                  theme_id=e * 10 + (n % 3) if n % 3 < 2 else None))
    vote_round = VoteRound(id=1, workshop_id="", title="Priorities", state="closed", revealed=True)
    votes = tuple(Vote(id=v, round_id=1, count=1, note_id=rng.randint(1, 100), voter_id=1 + v % 8)
                  for v in range(1, 25))
    ballots = tuple(Ballot(round_id=1, participant_id=p.id, status="confirmed") for p in people)
    actions = tuple(Action(id=a, workshop_id="", text=sentence(rng), owner=f"Participant {a}",
                           due="2026-06-30", position=a) for a in range(1, 6))
    return WorkshopContent(workshop=w, participants=people, exercises=tuple(exercises), notes=tuple(note_list),
                           themes=tuple(themes), rounds=(vote_round,), votes=votes, ballots=ballots,
                           actions=actions)


def build_library(path: Path, count: int) -> None:
    rng = random.Random(20260301)
    with Store(path) as store:
        store.db.execute("PRAGMA synchronous = OFF")  # building only; every measured write is FULL
        for i in range(count):
            store.insert_content(sample_workshop(rng, i))
        store.db.execute("PRAGMA synchronous = FULL")


def bench_note_writes(folder: Path, repeats: int) -> None:
    store = Store(folder / "writes-store.sqlite")
    w = workshops.create_workshop(store, title="Bench", participants=["A"])
    exercise_id = store.exercises(w.id)[0].id
    bare_path = folder / "writes-bare.sqlite"
    with Store(bare_path) as schema_only:
        bare_workshop = workshops.create_workshop(schema_only, title="Bench", participants=["A"])
        bare_exercise = schema_only.exercises(bare_workshop.id)[0].id
    bare = sqlite3.connect(bare_path, isolation_level=None)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute("PRAGMA foreign_keys = ON")
    rng = random.Random(7)
    texts = [sentence(rng) for _ in range(repeats)]
    through_store, through_bare = [], []
    for text in texts:  # interleaved, so both see the same disk and the same noise
        start = time.perf_counter()
        notes.add_note(store, exercise_id, text)
        through_store.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare.execute("BEGIN")
        bare.execute("INSERT INTO notes (workshop_id, exercise_id, text, created, updated) VALUES (?, ?, ?, ?, ?)",
                     (bare_workshop.id, bare_exercise, text, "2026-03-01T10:00:00+00:00",
                      "2026-03-01T10:00:00+00:00"))
        bare.execute("COMMIT")
        through_bare.append(time.perf_counter() - start)
    store.close()
    bare.close()
    print(f"1. Note write, {repeats} each (WAL, synchronous=FULL, same schema and triggers)")
    for label, q in (("p50", 0.50), ("p99", 0.99)):
        ours, theirs = percentile(through_store, q) * 1000, percentile(through_bare, q) * 1000
        print(f"   {label}: services.add_note {ours:7.2f} ms   bare sqlite3 {theirs:7.2f} ms   "
              f"ratio {ours / theirs:4.2f}x   (aim <= 2x)")


def bench_search(path: Path, repeats: int) -> None:
    with Store(path) as store:
        for query in QUERIES:  # warm the page cache as a running app would have it
            store.search(query)
        samples, slowest = [], []
        for _ in range(repeats):
            for query in QUERIES:
                start = time.perf_counter()
                hits = store.search(query)
                took = time.perf_counter() - start
                samples.append(took)
                slowest.append((took, query, len(hits)))
    print(f"2. Full-text search over 1,000 workshops x 100 notes ({len(samples)} searches, {len(QUERIES)} queries)")
    print(f"   p50 {percentile(samples, 0.5) * 1000:6.2f} ms   p95 {percentile(samples, 0.95) * 1000:6.2f} ms   "
          f"max {max(samples) * 1000:6.2f} ms   (aim p95 <= 50 ms)")
    worst = sorted(slowest, reverse=True)[:3]
    print("   slowest: " + "; ".join(f"{q!r} {t * 1000:.1f} ms ({n} hits)" for t, q, n in worst))


CONSOLE_SCRIPT = """import re
import sys
from collabdesk.app import main
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(main())
"""  # what pip writes as the `collabdesk` command


def bench_list_process(path: Path, folder: Path, repeats: int) -> None:
    """Whole processes, bytecode cached as in an installed copy (pip compiles at install)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("COLLABDESK_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = folder / "collabdesk"
    script.write_text(CONSOLE_SCRIPT, encoding="utf-8")
    commands = {
        "collabdesk list --json": [sys.executable, str(script), "--db", str(path), "list", "--json"],
        "python -m collabdesk list --json": [sys.executable, "-m", "collabdesk", "--db", str(path), "list", "--json"],
        'python -c "import sqlite3"': [sys.executable, "-c", "import sqlite3"],
    }
    output = subprocess.run(commands["collabdesk list --json"], env=env, check=True, capture_output=True).stdout
    listed = len(json.loads(output))
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(repeats + 2):
        for name, command in commands.items():  # interleaved, so all see the same machine
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
            if round_ >= 2:  # the first rounds warm the bytecode cache and the disk cache
                times[name].append(time.perf_counter() - start)
    bare = statistics.median(times['python -c "import sqlite3"']) * 1000
    print(f"3. Whole process, median of {repeats} runs each ({listed} workshops listed)")
    for name in commands:
        ms = statistics.median(times[name]) * 1000
        ratio = f"ratio {ms / bare:4.2f}x" + ("   (aim <= 3x)" if name.startswith("collabdesk") else "")
        print(f"   {name:<34} {ms:6.1f} ms   {ratio if ms != bare else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the library database in DIR")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="collabdesk-bench-") as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        library = folder / "library-1000.sqlite"
        print(f"CollabDesk store benchmark: Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
              f"{os.cpu_count()} CPUs")
        bench_note_writes(folder, 100 if args.quick else 500)
        if not library.exists():
            start = time.perf_counter()
            build_library(library, 1000)
            print(f"   (built 1,000 workshops x 100 notes in {time.perf_counter() - start:.1f} s, "
                  f"{library.stat().st_size / 1e6:.0f} MB)")
        bench_search(library, 2 if args.quick else 10)
        bench_list_process(library, folder, 5 if args.quick else 30)


if __name__ == "__main__":
    main()
