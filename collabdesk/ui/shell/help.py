"""Help: the keyboard shortcuts (read from the live actions, so never out of date) and About."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

import collabdesk

# Keys handled by widgets rather than menu actions. Ctrl+0 is also the Board menu's "Fit to
# window": the menu is made with the first workshop opened, so until then this row lists it.
WIDGET_KEYS = (
    ("Capturing notes", "Enter", "Add the note typed in the entry"),
    ("Capturing notes", "Shift+Enter", "New line inside a note"),
    ("Capturing notes", "Tab / Shift+Tab", "Move between the entry, its fields, the board, its filters, the timer's "
     "buttons, the agenda and the side panel's tabs"),
    ("Forms", "Enter / Ctrl+Enter", "Next field / create or save (New workshop, Workshop details)"),
    ("Capturing notes", "Ctrl+4 again", "On a quote: next attribution (Speaker, Participant, Facilitator, Guest)"),
    ("Board", "Click, Ctrl+click, or drag a box", "Select cards"),
    ("Board", "Arrow keys (Shift+arrow)", "Move to the next card that way (and add it to the selection)"),
    ("Board", "F2 or Enter", "Edit the selected card's text in place (Enter keeps, Esc cancels)"),
    ("Board", "Ctrl+1–4, Alt+1–6, Ctrl+P", "With cards selected: change their kind, colour or speaker"),
    ("Board", "Esc", "Back to the note entry"),
    ("Board", "+ / −", "Zoom in or out (Ctrl++ and Ctrl+- change the timer)"),
    ("Board", "Ctrl+wheel", "Zoom in or out round the mouse pointer"),
    ("Board", "Ctrl+0", "Fit the whole board in the window, the cards flowed to its shape"),
    ("Board", "Drag a card into or out of a theme's frame", "The card joins or leaves that theme"),
    ("Board", "Drag a theme by its name", "Move the theme with all its cards"),
    ("Board", "Double-click a theme's name", "Rename the theme (so does F2 with the theme selected)"),
    ("Agenda editor", "Alt+Up / Alt+Down", "Move the selected exercise up or down"),
    ("Library", "Ctrl+F", "Search every workshop's titles, notes and actions"),
    ("Library", "Down, then Enter (or double-click)", "Open the search result: the workshop at that note or action"),
    ("Library", "Enter or double-click", "Open the selected workshop (a closed one opens read only)"),
    ("Library", "Ctrl+D", "Duplicate the selected workshop: same agenda and people, no notes"),
    ("Library", "Delete", "Move the selected workshops to the trash (in the trash: delete for good, after asking)"),
    ("Library", "Esc in the search box", "Clear the search and show the list again"),
    ("Library", "Drop .json files on the window", "Import workshop files"),
    ("Room view window", "F11 / Esc", "Full screen on / off"),
)


def shortcut_rows(actions: list[tuple[str, QAction]]) -> list[tuple[str, str, str]]:
    """(section, keys, what) for every action that has a shortcut, then the widget keys
    (each keys once a section: a widget row the live actions already list is left out)."""
    rows = []
    for section, action in actions:
        keys = " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        if keys:
            what = action.property("help") or action.text().replace("&", "").rstrip("…").strip()
            rows.append((section, keys, what))
    listed = {(section, keys) for section, keys, _what in rows}
    return rows + [row for row in WIDGET_KEYS if row[:2] not in listed]


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("shortcuts")
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("shortcut-table")
        table.setHorizontalHeaderLabels(["Where", "Keys", "What it does"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(24)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(820, 640)


ABOUT = (f"CollabDesk {collabdesk.__version__}\n\n"
         "Run collaborative workshops on your own laptop, with no internet: timed exercises per domain, "
         "sticky notes typed as the room speaks, a projector view, dot voting and summaries.\n\n"
         "Everything is saved the moment you make it.")

