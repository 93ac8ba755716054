"""Health checks: casting a room's ballots, and the results, against the bare libraries.

    python bench/bench_health.py            # 500 raters, 7 domains, best of 5 runs
    python bench/bench_health.py --quick    # one run

1. Passing the laptop for 500 people (each ballot one committed transaction through the
   services, with every rule checked) against bare sqlite3: 500 transactions of the same
   INSERTs into the same tables, no checks.
2. The results of the check (read from the store, distribution, median, quartiles per
   domain) against the standard library: ``statistics.median`` and ``statistics.quantiles``
   over the same scores read with one bare SELECT.
Times are CPU seconds of this process, best of the runs. Figures are printed, not asserted.
"""

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_report import best_of_each  # noqa: E402
from collabdesk.services import health, workshops  # noqa: E402
from collabdesk.store import Store  # noqa: E402

RATERS = 500
DOMAINS = ("vision", "behaviours", "learning", "infrastructure", "delivery", "impact", "systems-change")


def ballots(rng: random.Random) -> list[dict[str, int]]:
    return [{d: rng.randint(1, 5) for d in DOMAINS} for _ in range(RATERS)]


def ours(folder: Path, scores: list[dict[str, int]], run: int) -> tuple[Store, int]:
    store = Store(folder / f"ours-{run}.sqlite")
    w = workshops.create_workshop(store, title="Bench", framework_key="systems-change",
                                  participants=[f"P{i}" for i in range(RATERS)])
    check = health.start_check(store, w.id, title="Bench")
    for person, ballot in zip(store.participants(w.id), scores):
        health.cast_ballot(store, check.id, person.id, ballot)
    health.reveal(store, check.id)
    return store, check.id


def bare(folder: Path, scores: list[dict[str, int]], run: int) -> sqlite3.Connection:
    conn = sqlite3.connect(folder / f"bare-{run}.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE ratings (voter INTEGER, domain TEXT, score INTEGER, PRIMARY KEY (voter, domain))")
    for voter, ballot in enumerate(scores):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO ratings VALUES (?, ?, ?)", [(voter, d, s) for d, s in ballot.items()])
        conn.execute("COMMIT")
    return conn


def plain_results(conn: sqlite3.Connection) -> dict:
    by_domain: dict[str, list[int]] = {}
    for domain, score in conn.execute("SELECT domain, score FROM ratings"):
        by_domain.setdefault(domain, []).append(score)
    return {d: (statistics.median(s), statistics.quantiles(s, n=4)) for d, s in by_domain.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run instead of the best of five")
    runs = 1 if parser.parse_args().quick else 5
    scores = ballots(random.Random(13))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        made: list = []
        counter = iter(range(10 * runs))
        cast, plain = best_of_each(runs, lambda: made.append(ours(folder, scores, next(counter))),
                                   lambda: made.append(bare(folder, scores, next(counter))))
        print(f"{RATERS} ballots of {len(DOMAINS)} ratings, one transaction each: services {cast:6.3f} s | "
              f"bare sqlite3 {plain:6.3f} s | ratio {cast / plain:5.1f}x")
        store, check_id = next(m for m in made if isinstance(m, tuple))
        conn = next(m for m in made if isinstance(m, sqlite3.Connection))
        results, baseline = best_of_each(runs, lambda: health.results(store, check_id), lambda: plain_results(conn))
        print(f"results of {RATERS} raters x {len(DOMAINS)} domains: services {results * 1000:6.2f} ms | "
              f"statistics on a bare SELECT {baseline * 1000:6.2f} ms | ratio {results / baseline:5.1f}x")
        for m in made:
            (m[0] if isinstance(m, tuple) else m).close()


if __name__ == "__main__":
    main()
