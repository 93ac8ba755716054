"""A writer for tests/store/test_hold.py, told what to do line by line on stdin.

    python hold_writer.py DB

It opens the store, makes a workshop and prints ``ready``. Then, for each line:
``sniff SUFFIX`` opens the database's file with that suffix ("" for the database itself,
"-wal", "-shm") and closes it again, as a file dialog choosing an icon does, and prints
``sniffed``; ``note TEXT`` adds a note and prints ``ok TEXT`` once the store has
acknowledged it, or ``refused MESSAGE`` if the store refused it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from collabdesk.services import notes, workshops  # noqa: E402
from collabdesk.store import Store, StoreError  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(db: str) -> None:
    store = Store(db)
    workshop = workshops.create_workshop(store, title="Hold test", participants=["Ann"])
    exercise_id = store.exercises(workshop.id)[0].id
    say("ready")
    for line in sys.stdin:
        command, _, argument = line.rstrip("\n").partition(" ")
        if command == "sniff":
            with open(db + argument, "rb") as sniffed:
                sniffed.read(16)
            say("sniffed")
        elif command == "note":
            try:
                notes.add_note(store, exercise_id, argument)
            except StoreError as error:
                say(f"refused {error}")
            else:
                say(f"ok {argument}")


if __name__ == "__main__":
    main(sys.argv[1])
