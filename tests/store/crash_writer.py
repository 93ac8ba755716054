"""A writer for tests/store/test_durability.py, killed with SIGKILL at random moments.

    python crash_writer.py DB RUN

It adds notes, edits them and counts dots on them through the services, printing one
line after each call returns (that is, once the store has acknowledged the write):
``note ID``, ``edit ID TEXT``, ``vote ROUND ID COUNT``. Before opening the database it
prints ``start``, so a test can also kill it while it opens or migrates the database.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from collabdesk.services import notes, voting, workshops  # noqa: E402
from collabdesk.store import Store  # noqa: E402

TITLE = "Crash test"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(db: str, run: int) -> None:
    say("start")
    store = Store(db)
    found = [s.id for s in store.summaries() if s.title == TITLE]
    workshop_id = found[0] if found else workshops.create_workshop(store, title=TITLE, participants=["Ann"]).id
    exercise_id = store.exercises(workshop_id)[run % 5].id
    tally = voting.start_round(store, workshop_id, title=f"Run {run}", mode="tally", voter_ids=[])
    for i in range(100_000):
        note = notes.add_note(store, exercise_id, f"run {run} note {i} " + "words " * (i % 40))
        say(f"note {note.id}")
        edited = notes.edit_note(store, note.id, text=f"edited {note.id} in run {run}")
        say(f"edit {note.id} {edited.text}")
        voting.set_tally(store, tally.id, ("note", note.id), 1 + i % 3)
        say(f"vote {tally.id} {note.id} {1 + i % 3}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
