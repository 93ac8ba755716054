"""The board as a list: every card of the exercise, in board order, read as a sentence
("Idea: rotate the chair, said by Ann, theme Leadership"). What a screen reader uses where a
sighted facilitator scans the board; choosing a row selects the card on the board."""

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView

from .navigation import card_description
from .scene import BoardScene

NoteIdRole = Qt.ItemDataRole.UserRole + 1


class CardListModel(QAbstractListModel):
    def __init__(self, scene: BoardScene, parent=None):
        super().__init__(parent)
        self.scene = scene
        self.rows: list[tuple[int, str]] = []

    def reload(self) -> None:
        """Read the board again: cards top to bottom, left to right, as it shows them."""
        cards = sorted((c for c in self.scene.cards.values() if c.isVisible()),
                       key=lambda c: (round(c.pos().y()), c.pos().x()))
        themes = {theme_id: frame.theme.title for theme_id, frame in self.scene.frames.items()}
        self.beginResetModel()
        self.rows = []
        for card in cards:
            sentence = card_description(card)
            theme = themes.get(card.note.theme_id)
            self.rows.append((card.note.id, f"{sentence}, theme {theme}" if theme else sentence))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        note_id, sentence = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return sentence
        if role == NoteIdRole:
            return note_id
        return None

    def row_of(self, note_id: int) -> int:
        return next((row for row, (i, _sentence) in enumerate(self.rows) if i == note_id), -1)


class CardList(QListView):
    """Shown in place of the board (Board ▸ Board as a list); Enter goes to the card on the board."""

    card_chosen = Signal(int)  # note id, on Enter or a double click

    def __init__(self, scene: BoardScene, parent=None):
        super().__init__(parent)
        self.setObjectName("card-list")
        self.setAccessibleName("Cards")
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model_ = CardListModel(scene, self)
        self.setModel(self.model_)
        self.activated.connect(lambda index: self.card_chosen.emit(index.data(NoteIdRole)))

    def reload(self) -> None:
        chosen = self.currentIndex().data(NoteIdRole)
        self.model_.reload()
        row = self.model_.row_of(chosen) if chosen is not None else -1
        if row >= 0:
            self.setCurrentIndex(self.model_.index(row))
