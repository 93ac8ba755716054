"""The README's run-view screenshots: the demo workshop, reopened and running, at three laptop
and desktop sizes, in the light and the dark palette.

    QT_QPA_PLATFORM=offscreen python docs/screenshots.py

writes docs/images/ui-run-<width>-<light|dark>.png (the window's inside, as a maximised window
shows it) with the bundled DejaVu Sans as the UI font. Nothing leaves the machine.
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from collabdesk.services import demo, workshops
from collabdesk.store import Store
from collabdesk.ui.common.events import EventHub
from collabdesk.ui.common.fonts import use_bundled_fonts
from collabdesk.ui.common.inks import apply_scheme
from collabdesk.ui.operations import Operations
from collabdesk.ui.run.chime import Chime
from collabdesk.ui.shell.main_window import MainWindow

SIZES = ((1280, 720), (1366, 768), (1920, 1080))
IMAGES = Path(__file__).parent / "images"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    use_bundled_fonts(app, QFont("DejaVu Sans", 9))
    folder = Path(tempfile.mkdtemp())
    store = Store(folder / "collabdesk.sqlite")
    workshop = demo.create_demo_workshop(store)
    workshops.reopen_workshop(store, workshop.id)
    head = store.exercises(workshop.id)[0]
    for scheme in ("light", "dark"):
        apply_scheme(scheme)
        window = MainWindow(Operations(store, EventHub()), QSettings(str(folder / f"{scheme}.ini"),
                                                                     QSettings.Format.IniFormat),
                            chime=Chime(player=lambda: None))
        window.ticker.stop()
        window.show()
        window.open_workshop(workshop.id)
        window.run_view.go_to_exercise(head.id)
        window.run_view.capture.entry.setPlainText("Budgets are annual, but the change we want takes three years")
        for width, height in SIZES:
            window.resize(width, height)
            app.processEvents()
            window.run_view.size_panels()  # as a window first shown at this width
            app.processEvents()
            path = IMAGES / f"ui-run-{width}-{scheme}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        window.deleteLater()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
