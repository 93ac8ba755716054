"""Voting benchmark: revealing results on a big board, against the bare SQL aggregate.

    python bench/bench_voting.py            # about ten seconds
    python bench/bench_voting.py --quick    # fewer repetitions, for a smoke test

A workshop of 2,000 notes in 100 themes (five exercises of 400 notes, 20 themes each,
20 notes a theme) and 30 participants, with three revealed rounds across the whole
workshop:

- notes, ballot: every participant places 10 dots on random notes;
- notes, tally: physical dots counted on every one of the 2,000 notes;
- themes, ballot: every participant places 10 dots on random themes.

For each round it times, as medians (and p95) over repeated runs:

1. the bare aggregate: the same ``SUM(count) ... GROUP BY`` over live items through a
   plain ``sqlite3`` connection (the floor: no ranking, no text, no Qt);
2. ``services.voting.results``: totals, item texts, ranking with shared ranks;
3. showing them: ``ResultsView.refresh()`` (model filled) and then painting the view
   at 1920x1080 as the facilitator sees it;
4. the room's ``RoomResultsView`` (top 10 in large type), refreshed and painted.

Aim: revealing (3) under 100 ms. No threshold is asserted; the figures are printed.
"""

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from collabdesk.domain.model import (  # noqa: E402
    Exercise, Note, Participant, Theme, Workshop, WorkshopContent,
)
from collabdesk.domain.timer import TimerState  # noqa: E402
from collabdesk.services import voting  # noqa: E402
from collabdesk.store import Store  # noqa: E402
from collabdesk.ui.common.events import EventHub  # noqa: E402
from collabdesk.ui.operations import Operations  # noqa: E402
from collabdesk.ui.voting import ResultsView, RoomResultsView  # noqa: E402

EXERCISES, THEMES_PER_EXERCISE, NOTES_PER_THEME, PEOPLE, DOTS = 5, 20, 20, 30, 10
WORDS = ("budget pooled funding housing discharge hospital care community residents carers voluntary "
         "trust governance data sharing consent referral pathway waiting prevention transport outreach "
         "navigator neighbourhood commissioning evaluation pilot evidence safeguarding workforce").split()

BARE_NOTES = ("SELECT v.note_id, SUM(v.count) FROM votes v JOIN notes n ON n.id = v.note_id "
              "WHERE v.round_id = ? AND n.deleted = 0 GROUP BY v.note_id")
BARE_THEMES = ("SELECT v.theme_id, SUM(v.count) FROM votes v JOIN themes t ON t.id = v.theme_id "
               "WHERE v.round_id = ? AND t.deleted = 0 GROUP BY v.theme_id")


def build(store: Store, rng: random.Random) -> str:
    """The big workshop in one transaction (insert_content), then its rounds through the services."""
    exercises, themes, notes = [], [], []
    for e in range(EXERCISES):
        exercises.append(Exercise(id=e + 1, workshop_id="w", position=e, domain_key="head",
                                  title=f"Exercise {e + 1}", prompt="", timer=TimerState(planned=900)))
        for t in range(THEMES_PER_EXERCISE):
            theme_id = len(themes) + 1
            themes.append(Theme(id=theme_id, workshop_id="w", exercise_id=e + 1,
                                title=" ".join(rng.sample(WORDS, 3)).capitalize(), position=t))
            for _ in range(NOTES_PER_THEME):
                notes.append(Note(id=len(notes) + 1, workshop_id="w", exercise_id=e + 1, theme_id=theme_id,
                                  text=" ".join(rng.choices(WORDS, k=rng.randint(4, 16))).capitalize()))
    content = WorkshopContent(
        workshop=Workshop(id="w", title="Big board"),
        participants=tuple(Participant(id=i + 1, workshop_id="w", name=f"Participant {i + 1}", position=i)
                           for i in range(PEOPLE)),
        exercises=tuple(exercises), themes=tuple(themes), notes=tuple(notes))
    return store.insert_content(content)


def spread(rng: random.Random, keys: list) -> dict:
    allocation: dict = {}
    for key in rng.sample(keys, DOTS):
        allocation[key] = allocation.get(key, 0) + 1
    return allocation


def rounds(store: Store, workshop_id: str, rng: random.Random) -> dict[str, int]:
    people = [p.id for p in store.participants(workshop_id)]
    made = {}
    ballot = voting.start_round(store, workshop_id, title="Notes by ballot", dots_per_voter=DOTS)
    note_keys = [i.key for i in voting.items(store, ballot.id)]
    for person in people:
        voting.cast_ballot(store, ballot.id, person, spread(rng, note_keys))
    made["notes, ballot (30 x 10 dots)"] = ballot.id
    tally = voting.start_round(store, workshop_id, title="Notes by tally", mode="tally", voter_ids=[],
                               dots_per_voter=DOTS)
    with store.voting_change("count the dots"):  # 2,000 counts in one go: the bench's set-up, not a user action
        store.replace_votes(tally.id, None, {key: rng.randint(1, 40) for key in note_keys})
    made["notes, tally (2,000 cards counted)"] = tally.id
    themes = voting.start_round(store, workshop_id, title="Themes by ballot", target="themes", dots_per_voter=DOTS)
    theme_keys = [i.key for i in voting.items(store, themes.id)]
    for person in people:
        voting.cast_ballot(store, themes.id, person, spread(rng, theme_keys))
    made["themes, ballot (30 x 10 dots)"] = themes.id
    for round_id in made.values():
        voting.reveal_round(store, round_id)
    return made


def timed(action, repeat: int) -> tuple[float, float]:
    action()  # warm caches and Qt's font machinery once
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 5 if args.quick else 30
    app = QApplication.instance() or QApplication([])
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        store = Store(path)
        workshop_id = build(store, rng)
        made = rounds(store, workshop_id, rng)
        bare = sqlite3.connect(path)
        ops = Operations(store, EventHub())
        view = ResultsView(ops, None)
        view.resize(1920, 1080)
        view.show()
        room = RoomResultsView(ops, None)
        room.resize(1920, 1080)
        room.show()
        app.processEvents()
        print(f"{EXERCISES * THEMES_PER_EXERCISE * NOTES_PER_THEME:,} notes in "
              f"{EXERCISES * THEMES_PER_EXERCISE} themes, {PEOPLE} participants; ms as median (p95), "
              f"{repeat} runs each\n")
        header = f"{'round':34} {'bare SQL':>14} {'results()':>16} {'ResultsView':>16} {'+ paint':>16} " \
                 f"{'room + paint':>16}"
        print(header)
        print("-" * len(header))
        for label, round_id in made.items():
            sql = BARE_THEMES if "themes" in label else BARE_NOTES
            floor = timed(lambda: bare.execute(sql, (round_id,)).fetchall(), repeat)
            service = timed(lambda: voting.results(store, round_id), repeat)
            view.round_id = room.round_id = round_id
            shown = timed(view.refresh, repeat)
            painted = timed(lambda: (view.refresh(), view.grab()), repeat)
            on_wall = timed(lambda: (room.refresh(), room.grab()), repeat)
            rows = view.model.rowCount()

            def cell(ms):
                return f"{ms[0]:6.1f} ({ms[1]:5.1f})"

            print(f"{label:34} {cell(floor):>14} {cell(service):>16} {cell(shown):>16} {cell(painted):>16} "
                  f"{cell(on_wall):>16}")
            print(f"{'':34} {rows:,} results; ratio to bare SQL: results() {service[0] / floor[0]:.1f}x, "
                  f"shown {shown[0] / floor[0]:.1f}x, shown and painted {painted[0] / floor[0]:.1f}x")
        bare.close()
        for widget in (view, room):  # widgets go before the application does
            widget.close()
            widget.deleteLater()
        app.processEvents()
        store.close()


if __name__ == "__main__":
    main()
