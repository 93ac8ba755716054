"""The real window in a process of its own, for tests/ui/test_database_hold.py.

    python hold_app.py DB PATH

It opens CollabDesk's window on DB with a workshop running, then goes down one path
that can touch the database's folder inside the app (``PATH``: a file dialog shown on
that folder until its listing has loaded, then cancelled; a drop of every file in the
folder; the backup and check code), and prints ``done``. Then, per line on stdin,
``note TEXT`` adds a note through the UI's gateway and prints ``ok TEXT`` once it is
acknowledged, or ``refused MESSAGE``.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QTimer, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel  # noqa: E402

from collabdesk.services import workshops  # noqa: E402
from collabdesk.services.files import export_workshop_json  # noqa: E402
from collabdesk.store import Store, StoreError, backup  # noqa: E402
from collabdesk.store.opening import open_store  # noqa: E402
from collabdesk.ui.shell.app import make_application  # noqa: E402
from collabdesk.ui.common.events import EventHub  # noqa: E402
from collabdesk.ui.export.dialog import ExportDialog  # noqa: E402
from collabdesk.ui.common import prompts  # noqa: E402
from collabdesk.ui.shell.main_window import MainWindow  # noqa: E402
from collabdesk.ui.operations import Operations  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def cancel_once_listed(folder: Path) -> None:
    """Wait for the file dialog, let its listing of ``folder`` load (icons and all), cancel it."""
    dialog = QApplication.activeModalWidget()
    model = dialog.findChild(QFileSystemModel) if isinstance(dialog, QFileDialog) else None
    if model is None:
        QTimer.singleShot(10, lambda: cancel_once_listed(folder))
        return
    QTimer.singleShot(5000, dialog.reject)  # should the listing have finished before this looked

    def listed(loaded: str) -> None:
        if Path(loaded) == folder:
            parent = model.index(loaded)
            for row in range(model.rowCount(parent)):  # what a detail view shows: each file's type
                model.type(model.index(row, 0, parent))
            QTimer.singleShot(300, dialog.reject)  # the gatherer's last icons arrive meanwhile

    model.directoryLoaded.connect(listed)
    dialog.setDirectory(str(folder))  # as a facilitator browsing to the folder does


def drop_everything(window: MainWindow, folder: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in sorted(folder.iterdir())])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(event)
    window.dropEvent(event)


def backup_and_check(store: Store) -> None:
    backup.take_backup(store)
    backup.backup_if_due(store)
    backup.list_backups(store.path)
    backup.latest_good_backup(store.path)
    store.integrity_problems()
    open_store(store.path, check=True).close()


def main(db: str, path: str) -> None:
    folder = Path(db).parent
    make_application()
    store = Store(db)
    workshop = workshops.create_workshop(store, title="Hold test", participants=["Ann"])
    (folder / "workshop.json").write_text(export_workshop_json(store, workshop.id), encoding="utf-8")
    ops = Operations(store, EventHub())
    window = MainWindow(ops, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    if hasattr(window, "hold_timer"):
        window.hold_timer.stop()  # the write itself must be safe, whenever the timer last looked
    window.show()
    window.open_workshop(workshop.id)
    exercise_id = store.exercises(workshop.id)[0].id
    prompts.show_error = lambda _parent, message: say(f"error {message.splitlines()[0]}")
    dialogs = {
        "import": window.import_workshop,
        "template-import": lambda: prompts.open_file(window, "Import a template"),
        "framework-export": lambda: prompts.save_file(window, "Export the framework", str(folder / "f.json")),
        "team-folder": lambda: prompts.choose_folder(window, "Team folder", str(folder)),
        "export": lambda: ExportDialog.choose_path(window, str(folder / "w.pdf"), "PDF (*.pdf)"),
    }
    if path in dialogs:
        QTimer.singleShot(0, lambda: cancel_once_listed(folder))
        dialogs[path]()
    elif path == "drop":
        drop_everything(window, folder)
    elif path == "backup":
        backup_and_check(store)
    say("done")
    for line in sys.stdin:
        command, _, text = line.rstrip("\n").partition(" ")
        if command == "note":
            try:
                ops.add_note(exercise_id, text)
            except StoreError as error:
                say(f"refused {error}")
            else:
                say(f"ok {text}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
