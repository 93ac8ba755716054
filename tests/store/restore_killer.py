"""A restore killed at one chosen step, for tests/store/test_restore.py (fault injection).

    python restore_killer.py DB BACKUP STEP

Counts every step of ``restore.restore_backup`` that changes the disk (the copy of the
backup, each rename, link, removal and flush) and ends the process with ``os._exit(9)``
(no clean-up runs, as with SIGKILL) just before step STEP; during the copy it first
leaves half a file behind, as a kill part-way through writing would. Exit 0: the
restore finished before reaching STEP.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from collabdesk.store import restore  # noqa: E402

MUTATIONS = ("rename", "replace", "link", "unlink", "fsync")


def main(db: Path, backup: Path, kill_at: int) -> None:
    count = 0

    def step() -> None:
        nonlocal count
        count += 1
        if count == kill_at:
            os._exit(9)

    class KillingOs:
        def __getattr__(self, name):
            real = getattr(os, name)
            if name not in MUTATIONS:
                return real

            def wrapped(*args, **kwargs):
                step()
                return real(*args, **kwargs)
            return wrapped

    real_copy = restore.copy_database

    def killing_copy(source, target):
        if count + 1 == kill_at:
            Path(target).write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # the first bytes, and then
        step()
        real_copy(source, target)

    restore.os = KillingOs()
    restore.copy_database = killing_copy
    restore.restore_backup(db, backup)
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
