"""The exercise's board: notes as sticky cards on a QGraphicsScene, themes as frames.

Cards are selected (click, Ctrl+click, rubber band, Ctrl+A) and dragged freely; the
scene reports a finished drag once (``cards_dropped``), with where each card went and
which theme frames cards were dropped into or out of, and the run view saves it as
one undoable step. Cards without a saved position are laid out by the board: a theme's
cards in a block of their own (as tidying lays them out), then the others in a grid in
capture order, all clear of what was placed by hand; adding a note places one card in
the next free slot, it never rebuilds the board. The first drag pins every card where
it is, so that moving one card never shuffles the others.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QColor, QPainter, QPicture, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from ...domain.model import Note, Theme
from ..common import style
from .filter import BoardFilter
from .navigation import ARROWS, card_description, nearest
from .layout import draw_theme_names, drop_targets, free_slot, grid_blocks, record_overview
from .note_card import BARS_ABOVE, CARD_SIZE, GAP, PAD, CardEditor, NoteCard
from .themes import BOARD_BACKGROUND, ThemeFrame

MIN_ZOOM, MAX_ZOOM = 0.08, 3.0
ZOOM_STEP = 1.2
OVERVIEW_BELOW = BARS_ABOVE  # zoom below which the cards are one picture, not thousands of paints
INDEX_HEADROOM = 20 * (CARD_SIZE.height() + GAP)  # rows the scene's index is made ready for ahead of need

__all__ = ["CARD_SIZE", "BoardScene", "BoardView", "CardEditor", "Drop", "NoteCard"]


@dataclass
class Drop:
    """A finished drag, as the scene saw it: the run view saves it as one undoable step."""

    before: dict[int, tuple[float, float] | None]  # each card's saved place (None: in the grid)
    after: dict[int, tuple[float, float]]  # where the cards are now (the grid's cards pinned where they sit)
    themes_before: dict[int, int | None]  # the theme of each card that joined or left one
    themes_after: dict[int, int | None]


@dataclass
class _Drag:
    starts: dict[int, QPointF]  # every card that may move, where it started
    frames: dict[int, QPointF]  # frames dragged themselves (carrying their cards), where they started
    carried: dict[int, list[int]] = field(default_factory=dict)  # frame's theme -> its unselected cards
    themes: set = field(default_factory=set)  # themes whose frames follow the drag
    travelling: dict[int, tuple[QPointF, int]] = field(default_factory=dict)  # whole themes in flight:
    # each frame's start and one of its cards, so the frame moves as that card does (no recomputing)
    partial: list[int] = field(default_factory=list)  # themes losing cards: frames fitted to the rest
    fitted: bool = False  # whether those frames have been fitted yet (on the first move, not on a click)


class BoardScene(QGraphicsScene):
    """The cards of one exercise keyed by note id, and the frames of its themes keyed by theme id."""

    edit_requested = Signal(int)  # note id
    rename_requested = Signal(int)  # theme id
    cards_dropped = Signal(object)  # Drop
    bounds_changed = Signal(QRectF)  # the board's extent, for its views' scroll bars

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards: dict[int, NoteCard] = {}
        self._left_out: set[int] = set()  # the cards the filter leaves out (dimmed or hidden)
        self.frames: dict[int, ThemeFrame] = {}
        self.members: dict[int, set[int]] = {}  # theme id -> its cards on this board
        self.authors: dict[int, str] = {}  # participant id -> name, for the card footers
        self.from_phones: set[int] = set()  # notes sent from phones, marked so in their footers
        self._auto: list[int] = []  # notes without a saved position, in capture order
        self._loose: list[int] = []  # those of them in no theme's block, in the order they sit in the grid
        self._slots: list[int] = []  # the grid slot of each of those
        self._grid_top = PAD  # where the grid's first row is (below the themes' blocks)
        self.columns = 4  # of the grid, as many as the board's width holds
        self.width = PAD * 2 + self.columns * (CARD_SIZE.width() + GAP) - GAP  # on screen, for the blocks
        self.filter = BoardFilter()
        self._drag: _Drag | None = None
        self._top = 0.0  # the z value of the last cards dragged, so they stay on top
        self.overview = False  # zoomed far out: cards drawn as one recorded picture (see overview_picture)
        self._picture: QPicture | None = None
        self.bounds = QRectF()  # what the views scroll over (see _set_bounds)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.selectionChanged.connect(self._overview_changed)

    def load(self, notes: list[Note], themes: list[Theme] = ()) -> None:
        """Show ``notes`` and ``themes`` (an exercise's whole board), replacing what was there."""
        self._drag = None
        self.clear()  # deletes the items, far quicker than removing them one by one
        self.cards.clear()
        self._left_out.clear()
        self.frames.clear()
        self.members.clear()
        self._auto, self._loose, self._slots = [], [], []
        for note in notes:
            card = self._make_card(note)
            if note.x is not None and note.y is not None:
                card.setPos(note.x, note.y)
            else:
                self._auto.append(note.id)
        for theme in themes:
            self._make_frame(theme)
        if self._auto:
            self._reflow()
        self.refresh_frames()
        if self.filter.active:
            self.apply_filter(self.filter)
        self._fit_scene_rect()

    def add_note(self, note: Note) -> NoteCard:
        card = self.cards.get(note.id)
        if card is not None:  # already shown (redo of an add that raced a reload)
            return card
        card = self._make_card(note)
        if note.x is not None and note.y is not None:
            card.setPos(note.x, note.y)
        else:
            self._auto.append(note.id)
            if note.theme_id in self.frames:  # its theme's block grows
                self.refresh_frames(self._reflow())
            else:
                self._loose.append(note.id)
                self._place_loose(len(self._loose) - 1)
        self.refresh_frames([note.theme_id])
        self._filter_card(card)
        self._grow_scene_rect(card)
        return card

    def update_note(self, note: Note) -> None:
        self.update_notes([note])

    def update_notes(self, notes: list[Note]) -> None:
        """Show notes as they are now: text, look, theme and place (a drag's worth at once)."""
        pinned, unpinned, touched = set(), [], set()
        regrouped = False  # a theme's cards changed: its block or frame, so the board's layout
        for note in notes:
            card = self.cards.get(note.id)
            if card is None:
                continue
            old = card.note
            card.set_note(note, self.footer_author(note))
            if old.theme_id != note.theme_id:
                self._leave(note.id, old.theme_id)
                self._join(note.id, note.theme_id)
                touched.update((old.theme_id, note.theme_id))
                regrouped = bool(self._auto)
            if note.x is not None and note.y is not None:
                if old.x is None:
                    pinned.add(note.id)
                if card.pos() != QPointF(note.x, note.y):
                    card.setPos(note.x, note.y)
                    touched.add(note.theme_id)
            elif old.x is not None:
                unpinned.append(note.id)
            if self.filter.active:
                self._filter_card(card)
        if pinned or unpinned or regrouped:
            kept = [i for i in self._auto if i not in pinned]
            self._auto = sorted(kept + unpinned) if unpinned else kept
            touched.update(self._reflow())
        self.refresh_frames(touched)
        self._fit_scene_rect()

    def remove_note(self, note_id: int) -> None:
        card = self.cards.pop(note_id, None)
        if card is None:
            return
        self._left_out.discard(note_id)
        self._leave(note_id, card.note.theme_id)
        self.removeItem(card)
        touched = {card.note.theme_id}
        if note_id in self._auto:
            self._auto.remove(note_id)
            if note_id in self._loose:
                index = self._loose.index(note_id)
                del self._loose[index]
                del self._slots[index]
                touched.update(self._place_loose(index))
            else:  # its theme's block shrinks
                touched.update(self._reflow())
        self.refresh_frames(touched)
        if not self.cards:  # an emptied board needs no scroll bars
            self._fit_scene_rect()

    def set_themes(self, themes: list[Theme]) -> None:
        """The board's live themes: frames come, go or take a new name."""
        wanted = {t.id: t for t in themes}
        changed = wanted.keys() ^ self.frames.keys()
        for theme_id in [t for t in self.frames if t not in wanted]:
            self.removeItem(self.frames.pop(theme_id))
        for theme in themes:
            if theme.id in self.frames:
                self.frames[theme.id].set_theme(theme)
            else:
                self._make_frame(theme)
        if changed and self._auto:  # blocks, or frames the grid must keep clear of, come or go
            self._reflow()
            self._fit_scene_rect()
        self.refresh_frames()

    def footer_author(self, note: Note) -> str:
        """Who said it, for the card's footer; a note from a phone says so (and "Anonymous" when
        no name was claimed)."""
        name = self.authors.get(note.author_id, "")
        return f"{name or 'Anonymous'} · phone" if note.id in self.from_phones else name

    def mark_from_phones(self, note_ids) -> None:
        """Remember notes as sent from phones (before their cards are made, or to redraw them)."""
        self.from_phones.update(note_ids)
        for note_id in note_ids:
            card = self.cards.get(note_id)
            if card is not None:
                card.set_note(card.note, self.footer_author(card.note))

    def set_authors(self, authors: dict[int, str]) -> None:
        self.authors = dict(authors)
        for card in self.cards.values():
            card.set_note(card.note, self.footer_author(card.note))

    def selected_note_ids(self) -> list[int]:
        return [item.note.id for item in self.selectedItems() if isinstance(item, NoteCard)]

    def selected_theme_ids(self) -> list[int]:
        return [item.theme_id for item in self.selectedItems() if isinstance(item, ThemeFrame)]

    def select_all(self) -> None:
        """Select every card the filter shows (one selection change, however many cards)."""
        self.blockSignals(True)
        try:
            for card in self.cards.values():
                card.setSelected(card.matches)
            for frame in self.frames.values():
                frame.setSelected(False)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    def set_width(self, width: float) -> None:
        """The board's width on screen: the grid's columns and the themes' blocks fill it."""
        columns = max(1, int((width - 2 * PAD + GAP) // (CARD_SIZE.width() + GAP)))
        spread = width != self.width and len(self._loose) < len(self._auto)  # blocks may now spread otherwise
        self.width = width
        if columns != self.columns or spread:
            self.columns = columns
            self.refresh_frames(self._reflow())
            self._fit_scene_rect()

    def put_back(self) -> None:
        """Every card back where its note says (after a drop that could not be saved)."""
        for card in self.cards.values():
            if card.note.x is not None and card.note.y is not None:
                card.setPos(card.note.x, card.note.y)
        self._reflow()
        self.refresh_frames()

    # -- filtering ------------------------------------------------------------------------
    def apply_filter(self, board_filter: BoardFilter) -> int:
        """Dim (or hide) the cards ``board_filter`` leaves out; returns how many it shows."""
        self.filter = board_filter
        shown = sum(self._filter_card(card) for card in self.cards.values())
        self.refresh_frames()
        return shown

    def shown_count(self) -> int:
        """How many cards the filter shows (kept as cards come, go and change: no recount)."""
        return len(self.cards) - len(self._left_out)

    def _filter_card(self, card: NoteCard) -> bool:
        matches = not self.filter.active or self.filter.matches(card.note, card.author)
        if matches and card.matches and card.isVisible():
            return True
        card.matches = matches
        if matches:
            self._left_out.discard(card.note.id)
        else:
            self._left_out.add(card.note.id)
        card.setOpacity(1.0 if matches else 0.22)
        card.setEnabled(matches)  # a card left out cannot be selected or dragged
        card.setVisible(matches or not self.filter.hide)
        if not matches:
            card.setSelected(False)
        return matches

    # -- themes ---------------------------------------------------------------------------
    def _make_frame(self, theme: Theme) -> ThemeFrame:
        frame = ThemeFrame(theme)
        self.frames[theme.id] = frame
        self.addItem(frame)
        return frame

    def _join(self, note_id: int, theme_id: int | None) -> None:
        if theme_id is not None:
            self.members.setdefault(theme_id, set()).add(note_id)

    def _leave(self, note_id: int, theme_id: int | None) -> None:
        if theme_id is not None and theme_id in self.members:
            self.members[theme_id].discard(note_id)

    def refresh_frames(self, theme_ids=None, *, leaving=frozenset(), pinned_only: bool = False) -> None:
        """Fit frames round their cards; ``leaving`` cards (in flight) are left out, unless
        the whole theme is in flight, when the frame travels with it."""
        for theme_id in (self.frames if theme_ids is None else theme_ids):
            frame = self.frames.get(theme_id)
            if frame is None:
                continue
            ids = self.members.get(theme_id, set())
            if leaving and not ids <= leaving:
                ids = [i for i in ids if i not in leaving]
            cards = [self.cards[i] for i in ids]
            if pinned_only:
                cards = [c for c in cards if c.note.x is not None]
            frame.refresh([QRectF(c.pos(), CARD_SIZE) for c in cards])
            frame.setOpacity(1.0 if any(c.matches for c in cards) or not cards else 0.35)
        self._overview_changed()

    # -- far out: one picture --------------------------------------------------------------
    def set_overview(self, on: bool) -> None:
        """Zoomed far out, thousands of cards painted one by one take too long for a smooth
        zoom: they keep their place, selection and drag, but are drawn from one recorded
        picture (paper-coloured blocks), redrawn only when the board changes."""
        if on == self.overview:
            return
        self.overview = on
        for card in self.cards.values():
            card.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, on)
        self.update()

    def overview_picture(self) -> QPicture:
        if self._picture is None:
            self._picture = record_overview(self)
        return self._picture

    def prepare_overview(self) -> None:
        """Record the overview ahead of need (called when idle as the zoom nears it)."""
        self.overview_picture()

    def _overview_changed(self) -> None:
        self._picture = None
        if self.overview:
            self.update()

    # -- dragging ---------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)  # selects (or not) the item pressed, as Qt does
        self._drag = None
        grabber = self.mouseGrabberItem()
        if event.button() != Qt.MouseButton.LeftButton or not isinstance(grabber, (NoteCard, ThemeFrame)):
            return
        chosen = [*self.selectedItems(), grabber]  # Qt moves the item pressed even when not selected
        starts = {i.note.id: i.pos() for i in chosen if isinstance(i, NoteCard)}
        frames = {i.theme_id: i for i in chosen if isinstance(i, ThemeFrame)}
        drag = _Drag(starts, {theme_id: frame.pos() for theme_id, frame in frames.items()})
        for theme_id in frames:
            drag.carried[theme_id] = [i for i in self.members.get(theme_id, ()) if i not in starts]
            starts.update({i: self.cards[i].pos() for i in drag.carried[theme_id]})
        drag.themes = {self.cards[i].note.theme_id for i in starts} | set(frames)
        drag.themes.discard(None)
        for theme_id in drag.themes:
            ids = self.members.get(theme_id, set())
            if theme_id in frames or theme_id not in self.frames or not ids:
                continue  # a frame dragged itself moves with the mouse
            if ids <= starts.keys():
                drag.travelling[theme_id] = (self.frames[theme_id].pos(), next(iter(ids)))
            else:
                drag.partial.append(theme_id)
        self._drag = drag

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)  # moves the selected items
        drag = self._drag
        if drag is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        for theme_id, start in drag.frames.items():
            frame = self.frames.get(theme_id)
            if frame is not None:
                delta = frame.pos() - start
                for note_id in drag.carried[theme_id]:
                    self.cards[note_id].setPos(drag.starts[note_id] + delta)
        for theme_id, (start, card_id) in drag.travelling.items():
            self.frames[theme_id].setPos(start + self.cards[card_id].pos() - drag.starts[card_id])
        if not drag.fitted:
            drag.fitted = True
            self.refresh_frames(drag.partial, leaving=drag.starts.keys())
        self._overview_changed()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        for theme_id in (*drag.frames, *drag.travelling):
            if theme_id in self.frames:
                self.frames[theme_id].settle()
        moved = {i: self.cards[i].pos() for i, start in drag.starts.items()
                 if i in self.cards and self.cards[i].pos() != start}
        if moved:
            self._top += 1
            for note_id in moved:
                self.cards[note_id].setZValue(self._top)
            self.cards_dropped.emit(self._drop(set(drag.starts), moved))
        self.refresh_frames(drag.themes | {c.note.theme_id for c in map(self.cards.get, moved) if c} - {None})
        self._fit_scene_rect()

    def _drop(self, flight: set[int], moved: dict[int, QPointF]) -> Drop:
        after = {i: (p.x(), p.y()) for i, p in moved.items()}
        before = {i: self._saved_place(i) for i in after}
        for note_id in self._auto:  # pin the board's layout where it is
            if note_id not in after:
                after[note_id] = (self.cards[note_id].pos().x(), self.cards[note_id].pos().y())
                before[note_id] = None
        themes_after = drop_targets(self, flight, moved)
        themes_before = {i: self.cards[i].note.theme_id for i in themes_after}
        return Drop(before, after, themes_before, themes_after)

    def _saved_place(self, note_id: int) -> tuple[float, float] | None:
        note = self.cards[note_id].note
        return (note.x, note.y) if note.x is not None and note.y is not None else None

    # -- placing ------------------------------------------------------------------------
    def _make_card(self, note: Note) -> NoteCard:
        card = NoteCard(note, self.footer_author(note))
        if self.overview:
            card.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.cards[note.id] = card
        self.addItem(card)
        self._join(note.id, note.theme_id)
        return card

    def slot(self, index: int) -> QPointF:
        """The top-left corner of grid slot ``index``."""
        row, column = divmod(index, self.columns)
        return QPointF(PAD + column * (CARD_SIZE.width() + GAP), self._grid_top + row * (CARD_SIZE.height() + GAP))

    def _reflow(self) -> set:
        """Lay out every card without a saved place: each theme's in a block, below what
        was placed by hand, then the loose ones in the grid from the row below the blocks.
        Returns the themes whose frames must be fitted again."""
        themes = set()
        if len(self.cards) > len(self._auto) and self.frames:
            self.refresh_frames(pinned_only=True)  # where the blocks and the grid must not go
            themes.update(self.frames)
        blocks, self._grid_top = grid_blocks(self, self._auto)
        for note_id, (x, y) in blocks.items():
            self.cards[note_id].setPos(x, y)
            themes.add(self.cards[note_id].note.theme_id)
        self._loose = [i for i in self._auto if i not in blocks]
        return themes | self._place_loose(0)

    def _place_loose(self, start: int) -> set:
        """Put the grid's cards from ``start`` on in free slots; returns the themes they hold."""
        slot = self._slots[start - 1] + 1 if start > 0 else 0
        del self._slots[start:]
        crowded = len(self.cards) > len(self._auto)  # the themes' blocks are all above the grid
        themes = set()
        for note_id in self._loose[start:]:
            if crowded:
                slot = free_slot(self, slot)
            self._slots.append(slot)
            card = self.cards[note_id]
            card.setPos(self.slot(slot))
            themes.add(card.note.theme_id)
            slot += 1
        themes.discard(None)
        return themes

    def _grow_scene_rect(self, card: NoteCard) -> None:
        wanted = card.sceneBoundingRect().adjusted(-PAD, -PAD, PAD, PAD)
        if not self.bounds.contains(wanted):
            self._set_bounds(self.bounds.united(wanted))

    def content_rect(self) -> QRectF:
        """Where the cards and frames are, with a margin (what "fit to window" shows)."""
        return self.itemsBoundingRect().adjusted(-PAD, -PAD, PAD, PAD) if self.cards else QRectF()

    def _fit_scene_rect(self) -> None:
        rect = QRectF(0, 0, PAD * 2 + self.columns * (CARD_SIZE.width() + GAP), PAD * 2 + CARD_SIZE.height())
        if self.cards:
            rect = rect.united(self.content_rect())
        self._set_bounds(rect)

    def _set_bounds(self, rect: QRectF) -> None:
        """The board's extent, which its views scroll over (``bounds_changed``).

        The scene's own rect, which its item index divides up, is kept apart and grown
        in large steps: Qt rebuilds the index of every card whenever the scene's rect
        changes, which on a board of 2,000 cards would cost a millisecond a row of notes.
        """
        if rect == self.bounds:
            return
        self.bounds = QRectF(rect)
        index_rect = self.sceneRect()
        if not index_rect.contains(rect) or rect.height() < index_rect.height() / 4:
            self.setSceneRect(rect.adjusted(0, 0, rect.width(), rect.height() + INDEX_HEADROOM))
        self.bounds_changed.emit(QRectF(rect))


class BoardView(QGraphicsView):
    """Shows a BoardScene: zoom, fit, the context menu, and cards edited in place."""

    text_edited = Signal(int, str)  # note id, new text
    zoom_changed = Signal(float)
    context_menu_requested = Signal(QPoint)  # global position, after selecting what was clicked

    def __init__(self, scene: BoardScene, parent=None):
        super().__init__(scene, parent)
        self.board = scene
        self.setObjectName("board")
        self.setAccessibleName("Board")
        self.setAccessibleDescription("The exercise's notes. Arrow keys move between cards, F2 edits one.")
        self.setStyleSheet("#board:focus { border: 2px solid palette(highlight); }")  # focus you can see
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setBackgroundBrush(BOARD_BACKGROUND)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.empty_hint = "Notes appear here. Type in the box below and press Enter."
        self.editor: CardEditor | None = None
        self._current: NoteCard | None = None  # where the arrow keys last went
        # The background brush covers every pixel, so a scroll moves what is drawn and paints
        # only the strip it uncovers (a new row of notes) rather than every card in sight.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        scene.bounds_changed.connect(self.setSceneRect)
        if not scene.bounds.isNull():
            self.setSceneRect(scene.bounds)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.board.set_width(self.viewport().width() / self.zoom())  # what shows of the board, at this zoom

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if self.board.overview:
            painter.drawPicture(QPointF(0, 0), self.board.overview_picture())

    def setTransform(self, matrix: QTransform, combine: bool = False) -> None:
        super().setTransform(matrix, combine)
        self.board.set_overview(self.zoom() < OVERVIEW_BELOW)
        if self.zoom() < OVERVIEW_BELOW * 1.6 and not self.board.overview:
            QTimer.singleShot(0, self.board.prepare_overview)  # between wheel notches, not in a frame

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if self.board.overview:
            draw_theme_names(self, painter, rect)
        if self.board.cards:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#5C626C"))  # on the board's own light background
        painter.setFont(style.font(13))
        painter.drawText(self.viewport().rect().adjusted(24, 24, -24, -24),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_hint)
        painter.restore()

    def show_card(self, card: NoteCard) -> None:
        self.ensureVisible(card, 8, 8)

    # -- zoom -----------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, scale: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``scale``, keeping the board point under ``anchor`` (viewport pixels) still."""
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        if abs(scale - self.zoom()) < 1e-9:
            return
        anchor = QPointF(self.viewport().rect().center()) if anchor is None else QPointF(anchor)
        fixed = self.mapToScene(anchor.toPoint())
        self.setTransform(QTransform.fromScale(scale, scale))
        drift = self.mapFromScene(fixed) - anchor.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())
        self.zoom_changed.emit(scale)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_zoom(self.zoom() * factor, anchor)

    def fit_to_window(self) -> None:
        """Show the whole board, never larger than life, using the window's whole width: the
        cards the grid places flow into as many columns as make the largest type that fits
        (a board laid out for 100 % would fill only a strip of the window once zoomed out)."""
        viewport = self.viewport().rect()
        if not self.board.cards or viewport.isEmpty():
            self.set_zoom(1.0)
            return
        scale = 1.0
        while True:
            self.board.set_width(viewport.width() / scale)  # moves only the cards without a place of their own
            bounds = self.board.content_rect()
            fits = min(viewport.width() / bounds.width(), viewport.height() / bounds.height())
            if fits >= scale or scale <= MIN_ZOOM:
                break
            scale = max(MIN_ZOOM, max(fits, scale * 0.85))
        scale = max(MIN_ZOOM, min(scale, fits, 1.0))
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(bounds.center())
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP ** steps, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        # Ctrl++ and Ctrl+- already give the timer a minute more or less: the board zooms on + and −.
        plain = not (event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier))
        if plain and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif plain and event.key() in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif plain and event.key() in ARROWS and self.editor is None:
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.move_selection(*ARROWS[event.key()], extend=extend)
        else:
            super().keyPressEvent(event)

    def move_selection(self, dx: int, dy: int, *, extend: bool = False) -> NoteCard | None:
        """Select the card nearest the current one in the arrow's direction (Shift adds it to the
        selection); with nothing selected, the first card. The card comes into view, and a screen
        reader is told what it says."""
        cards = [c for c in self.board.cards.values() if c.isVisible()]
        if not cards:
            return None
        selected = [self.board.cards[i] for i in self.board.selected_note_ids() if i in self.board.cards]
        current = self._current if self._current in selected else (selected[-1] if selected else None)
        if current is None:
            target = min(cards, key=lambda c: (c.pos().y(), c.pos().x()))
        else:
            target = nearest(current, cards, dx, dy)
            if target is None:
                return current
        if not extend:
            self.board.clearSelection()
        target.setSelected(True)
        self._current = target
        self.show_card(target)
        self.setAccessibleDescription(card_description(target))
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))
        return target

    def contextMenuEvent(self, event) -> None:
        if not self.isInteractive():  # a board that is only looked at (review mode) offers nothing
            event.ignore()
            return
        item = self.itemAt(event.pos())
        if isinstance(item, (NoteCard, ThemeFrame)) and item.isEnabled() and not item.isSelected():
            self.board.clearSelection()
            item.setSelected(True)
        self.context_menu_requested.emit(event.globalPos())
        event.accept()

    # -- editing in place -------------------------------------------------------------
    def edit_card(self, note_id: int) -> None:
        card = self.board.cards.get(note_id)
        if card is None:
            return
        self.finish_editing()
        self.show_card(card)
        self.editor = CardEditor(note_id, card.note.text, self.viewport())
        rect = self.mapFromScene(card.sceneBoundingRect()).boundingRect().adjusted(3, 3, -7, -7)
        self.editor.setGeometry(rect)
        self.editor.committed.connect(self._on_editor_committed)
        self.editor.cancelled.connect(self._on_editor_cancelled)
        self.editor.show()
        self.editor.setFocus()

    def finish_editing(self) -> None:
        if self.editor is not None:
            self.editor.commit()

    def _on_editor_committed(self, note_id: int, text: str) -> None:
        self._close_editor()
        card = self.board.cards.get(note_id)
        if card is not None and text != card.note.text:
            self.text_edited.emit(note_id, text)

    def _on_editor_cancelled(self) -> None:
        self._close_editor()

    def _close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self.setFocus()
