"""Starting the GUI: ``run_gui`` is what the command line calls (no sub-command, or ``open ID``).

Start-up does, before the window shows, what the first screen and safety need: the hand-over
to a window already running, finishing an interrupted restore, opening the database (its
hold, whether it is read only) and checking it (``quick_check``, on a thread while the
window's modules load, done before the window reads a row). Listening for later launches
and the daily backup wait for the first frame (``common.first_frame``); the backup still
comes before any change (``Gateway.before_any_write``).
"""

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from ...domain.errors import CollabDeskError
from ...resource_files import resource_path
from ...store import CorruptDatabaseError, Store, StoreError
from ..common.events import EventHub
from ..common.first_frame import after_first_frame
from ..common.fonts import use_bundled_fonts
from ..common.plain import message_box, show_message
from .single_instance import send_to_running, server_name

ORGANISATION = "CollabDesk"
SCREENSHOT_AND_QUIT = "COLLABDESK_SCREENSHOT_AND_QUIT"  # packaging/smoke.py: does the window come up?


def make_application() -> QApplication:
    app = QApplication.instance()
    if app is None:  # the style named as Qt reads it from a command line: setStyle() would return
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])  # a QStyle, whose Python type costs ~8 ms
    else:
        app.setStyle("Fusion")
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName("CollabDesk")
    app.setApplicationDisplayName("CollabDesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "collabdesk.png"))))
    app.setDesktopFileName("collabdesk")  # packaging/linux/collabdesk.desktop: the icon in docks and task bars
    use_bundled_fonts(app)
    return app


def run_gui(db_path: Path, workshop_id: str | None = None, *, phones: dict | None = None) -> int:
    """Show CollabDesk on ``db_path`` (opening ``workshop_id`` in the run view); the exit code.

    With ``phones`` (``address``, ``port``) the workshop is served to phones at once and the
    join address printed on standard output, for set-up scripts.

    If CollabDesk already runs on this database, that window comes forward (and opens
    the workshop) and this process ends with 0.
    """
    gc.disable()  # until the first frame: see _after_first_frame
    try:
        app = make_application()
        name = server_name(db_path)
        if send_to_running(name, workshop_id):
            return 0
        store = open_database(Path(db_path))
        while store is not None:
            try:
                code, window = _show_window(app, name, store, workshop_id, phones)
            except CorruptDatabaseError as error:  # found by the check made while the window's modules loaded
                store = open_database(Path(db_path)) if offer_backup(Path(db_path), str(error)) else None
                continue
            if window.restore_to is None:
                return code
            store = restore_and_reopen(Path(db_path), store, window.restore_to)
            workshop_id = phones = None
        return 1
    finally:
        gc.enable()


def _show_window(app: QApplication, name: str, store: Store, workshop_id: str | None,
                 phones: dict | None) -> tuple[int, QWidget]:
    """Run the main window on ``store`` until it closes; the exit code and the window.

    ``CorruptDatabaseError`` (with the store closed and the file moved aside) when the check
    of the file, made while the window's modules load, finds it damaged: no window is made.

    The store stays open when the window asks for a backup to be restored (``restore_to``),
    so that ``restore_and_reopen`` lets go of it itself; otherwise it is closed here.
    """
    from ...store.opening import check_meanwhile

    confirm = check_meanwhile(store)  # the file's quick_check, on a thread while the window's modules load
    from .main_window import MainWindow  # after the hand-over check: a second launch stays quick
    from ..operations import Operations

    confirm()  # before the window reads a row, so before anything can be written
    ops = Operations(store, EventHub())
    ops.before_any_write(lambda: take_daily_backup(store))  # done at the first frame, or before a change
    window = MainWindow(ops, QSettings())
    server = []  # made once the first frame is shown
    after_first_frame(window, lambda: server.append(_after_first_frame(window, name)))
    window.show()
    if workshop_id:
        try:
            window.open_workshop(store.resolve_workshop_id(workshop_id))
        except CollabDeskError as error:
            window.show_error("Could not open the workshop", str(error))
    if phones is not None and not serve_phones(window, phones):
        window.close()
        store.close()
        return 1, window
    screenshot = os.environ.get(SCREENSHOT_AND_QUIT)
    if screenshot:
        QTimer.singleShot(0, lambda: _screenshot_and_close(window, screenshot))
    try:
        return app.exec(), window
    finally:
        for listening in server:
            listening.close()
        if window.restore_to is None:
            store.close()


def _after_first_frame(window, name: str):
    """What waits for the first frame: the daily backup (unless a change came first and took
    it, see ``Gateway.before_any_write``), then listening for later launches; the server.

    Python's cycle collector, paused while start-up built what lives as long as the window
    (it walked those objects dozens of times for nothing), starts again here, with them
    frozen out of its walks.
    """
    from .single_instance import InstanceServer

    gc.freeze()
    gc.enable()
    window.ops.run_start_up_work()
    server = InstanceServer(name, window)
    server.open_requested.connect(window.bring_forward)
    server.listen()
    return server


def restore_and_reopen(path: Path, store: Store, backup_path: Path) -> Store | None:
    """File → Restore from backup…: let go of the database, put the backup in its place and
    open it again; the store to carry on with, or None after saying why there is none.

    A restore that fails changes nothing (the restore module's promise), so the library as
    it was opens again and the facilitator is told why.
    """
    from PySide6.QtWidgets import QMessageBox  # its Python type is made on first use, not at start

    from ...store import restore

    store.close()
    try:
        aside = restore.restore_backup(path, backup_path)
    except (CollabDeskError, OSError) as error:
        show_message(None, QMessageBox.Icon.Critical, "The backup could not be restored", str(error))
    else:
        kept = f" Your library as it was is kept as {aside}." if aside else ""
        show_message(None, QMessageBox.Icon.Information, "Backup restored",
                     f"CollabDesk now shows the backup {backup_path.name}.{kept}")
    return open_database(path)


def serve_phones(window, phones: dict) -> bool:
    """``open ID --phones``: serve the open workshop and print its join address (False, with the
    reason on standard error, when it cannot)."""
    try:
        if window.workshop_id is None:
            raise CollabDeskError("--phones needs a workshop that opens in the run view (not a closed one).")
        print(window.phones.turn_on(window.workshop_id, phones["address"], phones["port"]), flush=True)
    except CollabDeskError as error:
        print(f"collabdesk: {error}", file=sys.stderr, flush=True)
        return False
    return True


def _screenshot_and_close(window: QWidget, path: str) -> None:
    """Save the first screen as a PNG and close the window as a person would (the app then
    quits through its usual path): how the bundle's smoke test sees the window come up."""
    window.grab().save(path)
    window.close()


def open_database(path: Path) -> Store | None:
    """The store, or None after telling the facilitator clearly why it cannot be opened."""
    from PySide6.QtWidgets import QMessageBox

    from ...store.opening import open_store
    from ...store.restore_files import interrupted

    done = None
    if interrupted(path):  # the restore module is loaded only then
        from ...store.restore import finish_interrupted

        done = finish_interrupted(path)
    if done:
        show_message(None, QMessageBox.Icon.Information, "An interrupted restore was completed", done)
    while True:
        try:
            return open_store(path)  # checked while the window is built (_show_window)
        except CorruptDatabaseError as error:
            if not offer_backup(path, str(error)):
                return None
        except StoreError as error:  # a newer database, a read-only folder, a full disk
            show_message(None, QMessageBox.Icon.Critical, "CollabDesk cannot open its database", str(error))
            return None


def offer_backup(path: Path, message: str) -> bool:
    """Show what happened to a damaged database; restore the newest good backup if asked."""
    from PySide6.QtWidgets import QMessageBox

    from ...store import backup, restore

    latest = backup.latest_good_backup(path)
    if latest is None:
        show_message(None, QMessageBox.Icon.Critical, "The database was damaged", message)
        return False
    box = message_box(None, QMessageBox.Icon.Critical, "The database was damaged", message)
    go_back = box.addButton(f"Open the backup of {latest.taken_text}", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not go_back:
        return False
    try:
        restore.restore_backup(path, latest.path)
    except (CollabDeskError, OSError) as error:
        show_message(None, QMessageBox.Icon.Critical, "The backup could not be restored", str(error))
        return False
    return True


def take_daily_backup(store: Store) -> None:
    from ...store.backup import backup_if_due

    try:
        backup_if_due(store)
    except CollabDeskError:
        pass  # a missed daily backup is tried again at the next start; `collabdesk check` lists them

