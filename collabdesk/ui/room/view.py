"""The room view: what the projector shows, and nothing the facilitator alone should see.

It follows the facilitator's current exercise through the event hub: the domain and
its colour, the prompt, the big timer, and the notes in large type, laid out to fit.
A note added is one tile appended; the layout is worked out lazily at the next paint,
so leaving the room view open costs the facilitator's typing nothing.
``set_stage`` swaps the notes for another widget (voting progress, results) while the
header and timer stay; ``set_aside`` puts a column beside everything (how to join from
phones, while they are on).

When the board has themes, the tiles come theme by theme, each headed by its theme's
name in the theme's colour (the colour of its frame on the facilitator's board), and
the notes in no theme come last.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ...domain.model import Exercise, Framework, Note, Theme
from ..board.themes import theme_ink
from ..common import style
from ..common.text_fit import FittedText, fit_text
from ..common.ticker import Ticker
from ..common.widgets import FittedLabel
from ..operations import Operations
from ..run.timer_face import TimerFace

# Tile type sizes in pixels for a window 1,080 lines high, scaled with its height. The
# smallest is about 1/40 of the screen's height: still legible from the back of a room.
TYPE_LADDER = (64, 56, 49, 43, 38, 34, 30, 27)
MAX_LINES = 6
GAP_EM = 0.45


@dataclass
class Tile:
    note_id: int
    rect: QRectF
    text: FittedText
    text_origin: QPointF
    footer: str
    header: str = ""  # the theme's name, on a band across the top
    ink: str = ""  # the theme's colour
    image_key: tuple = ()  # what its drawn image depends on: note, type size, tile size


class RoomNotes(QWidget):
    """The current exercise's notes as large tiles, shrinking the type until all fit.

    When even the smallest legible type cannot hold them all, the newest that fit are
    shown with a count of the earlier ones.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("room-notes")
        self.notes: dict[int, Note] = {}  # in capture order (dicts keep insertion order)
        self.themes: dict[int, Theme] = {}
        self._themed: set[int] = set()  # the notes in one of those themes, kept note by note: no pass over all
        self.tiles: list[Tile] = []
        self.hidden_count = 0
        self.pixel_size = 0
        self._dirty = True
        self._measures: dict[int, dict[tuple[int, int], FittedText]] = {}
        self._images: dict[int, tuple[tuple, QPixmap]] = {}

    # -- content ----------------------------------------------------------------------
    def set_notes(self, notes: list[Note]) -> None:
        self.notes = {n.id: n for n in notes}
        self._themed = {n.id for n in notes if n.theme_id in self.themes}
        self._measures.clear()
        self._images.clear()
        self._invalidate()

    def add_note(self, note: Note) -> None:
        newest = next(reversed(self.notes), None)
        self.notes[note.id] = note
        if newest is not None and note.id < newest:  # a restored note: keep capture order
            self.notes = dict(sorted(self.notes.items()))
        self._file(note)
        self._invalidate()

    def update_note(self, note: Note) -> None:
        old = self.notes.get(note.id)
        if old is None:
            return
        self.notes[note.id] = note
        self._file(note)
        if (old.text, old.kind) != (note.text, note.kind):
            self._measures.pop(note.id, None)
        if (old.text, old.kind, old.colour, old.role, old.theme_id) != (
                note.text, note.kind, note.colour, note.role, note.theme_id):
            self._images.pop(note.id, None)
            self._invalidate()  # a card only moved on the facilitator's board: nothing to redraw here

    def set_themes(self, themes: list[Theme]) -> None:
        if {t.id: t for t in themes} != self.themes:
            self.themes = {t.id: t for t in themes}
            self._themed = {n.id for n in self.notes.values() if n.theme_id in self.themes}
            self._images.clear()
            self._invalidate()

    def _file(self, note: Note) -> None:
        """Keep ``_themed`` right for ``note``, as it is now."""
        if note.theme_id in self.themes:
            self._themed.add(note.id)
        else:
            self._themed.discard(note.id)

    def ordered_notes(self) -> list[Note]:
        """The notes in the order the tiles show them: theme by theme, then the rest."""
        notes = list(self.notes.values())
        if not self._themed:
            return notes
        rank = {t.id: (t.position, t.id) for t in self.themes.values()}
        themed = sorted((n for n in notes if n.theme_id in rank), key=lambda n: (rank[n.theme_id], n.id))
        return themed + [n for n in notes if n.theme_id not in rank]

    def _footer(self, note: Note) -> str:
        """The tile's corner: the kind (or a quote's attribution) and, for a note sent from a
        phone, who sent it ("Anonymous" when nobody) and that it came from a phone."""
        kind = _kind_footer(note)
        if note.id not in self.from_phones:
            return kind
        sender = f"{self.names.get(note.author_id, 'Anonymous') if note.author_id is not None else 'Anonymous'} · phone"
        return f"{kind}  ·  {sender}" if kind else sender

    def mark_from_phones(self, note_ids) -> None:
        self.from_phones.update(note_ids)

    def _header(self, note: Note) -> str:
        theme = self.themes.get(note.theme_id)
        return theme.title if theme is not None else ""

    def remove_note(self, note_id: int) -> None:
        if self.notes.pop(note_id, None) is not None:
            self._themed.discard(note_id)
            self._measures.pop(note_id, None)
            self._images.pop(note_id, None)
            self._invalidate()

    def note_ids(self) -> list[int]:
        return list(self.notes)

    def _invalidate(self) -> None:
        self._dirty = True
        self.update()

    # -- layout -------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        self._measures.clear()
        self._images.clear()
        self._invalidate()
        super().resizeEvent(event)

    def ensure_layout(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        notes = self.ordered_notes()
        themed = bool(self._themed)
        self.tiles, self.hidden_count, self.pixel_size = [], 0, 0
        if not notes or self.width() < 50 or self.height() < 50:
            return
        window = self.window()
        scale = max(0.4, min(window.height() / 1080, window.width() / 1700))
        sizes = [max(13, int(s * scale)) for s in TYPE_LADDER]
        for size in sizes:
            if len(notes) > self._capacity(size):
                continue  # cannot fit even if every note were one line: skip without measuring
            tiles = self._flow(notes, size)
            if tiles is not None:
                self.tiles, self.pixel_size = tiles, size
                return
        # Even the smallest type cannot hold them all: the newest that fit, counted from the
        # end, then laid out in capture order (a step back if the columns pack differently).
        # With themes, the first themes that fit, and the count of the notes left over.
        smallest = sizes[-1]
        count = max(1, self._fitting_from_end(notes[::-1] if themed else notes, smallest))
        kept = (lambda n: notes[:n]) if themed else (lambda n: notes[-n:])
        tiles = None
        while count > 1 and tiles is None:
            tiles = self._flow(kept(count), smallest, reserve=True)
            if tiles is None:
                count -= 1
        self.tiles = tiles if tiles is not None else (self._flow(kept(1), smallest, reserve=True) or [])
        self.pixel_size = smallest
        self.hidden_count = len(notes) - len(self.tiles)

    def _geometry(self, pixel_size: int, reserve: bool) -> tuple[float, float, float, int, float, float]:
        gap = max(8.0, pixel_size * GAP_EM)
        pad = pixel_size * 0.5
        height = self.height() - (pixel_size * 1.6 if reserve else 0)
        columns = max(1, int((self.width() + gap) // (pixel_size * 10 + gap)))
        tile_width = (self.width() - gap * (columns - 1)) / columns
        return gap, pad, height, columns, tile_width, _room_font(pixel_size).pixelSize() * 1.2

    def _capacity(self, pixel_size: int) -> int:
        """The most notes that could fit at ``pixel_size`` (all one line long)."""
        gap, pad, height, columns, _width, line = self._geometry(pixel_size, False)
        return columns * max(0, int((height + gap) // (2 * pad + line + gap)))

    def _fitting_from_end(self, notes: list[Note], pixel_size: int) -> int:
        """How many of the newest notes fit, packing them newest first."""
        gap, pad, height, columns, tile_width, _line = self._geometry(pixel_size, True)
        font = _room_font(pixel_size)
        footer_height = _room_font(max(11, int(pixel_size * 0.55))).pixelSize() * 1.4
        bottoms = [0.0] * columns
        for placed, note in enumerate(reversed(notes)):
            fitted = self._measure(note, pixel_size, tile_width - 2 * pad, font)
            tile_height = (2 * pad + fitted.height + (footer_height if self._footer(note) else 0)
                           + (footer_height if self._header(note) else 0))
            column = bottoms.index(min(bottoms))
            if bottoms[column] + tile_height > height:
                return placed
            bottoms[column] += tile_height + gap
        return len(notes)

    def _flow(self, notes: list[Note], pixel_size: int, *, reserve: bool = False) -> list[Tile] | None:
        """Masonry columns at ``pixel_size``; None when the notes do not all fit.

        With themes, the columns fill one after the other instead (down the first, then the
        next), so each theme's tiles read as one run rather than scattered across the wall.
        """
        gap, pad, height, columns, tile_width, _line = self._geometry(pixel_size, reserve)
        bottoms = [0.0] * columns
        in_runs = any(n.theme_id in self.themes for n in notes)
        filling = 0  # the column being filled, when in runs
        tiles = []
        font = _room_font(pixel_size)
        small = _room_font(max(11, int(pixel_size * 0.55)))
        footer_height = small.pixelSize() * 1.4
        for note in notes:
            fitted = self._measure(note, pixel_size, tile_width - 2 * pad, font)
            footer = self._footer(note)
            header = self._header(note)
            band = footer_height if header else 0.0
            tile_height = 2 * pad + fitted.height + (footer_height if footer else 0) + band
            if in_runs:
                while filling < columns and bottoms[filling] + tile_height > height:
                    filling += 1
                if filling == columns:
                    return None
                column = filling
            else:
                column = bottoms.index(min(bottoms))
            top = bottoms[column]
            if top + tile_height > height:
                return None
            left = column * (tile_width + gap)
            ink = theme_ink(self.themes[note.theme_id]).name() if header else ""
            tiles.append(Tile(note.id, QRectF(left, top, tile_width, tile_height), fitted,
                              QPointF(left + pad, top + pad + band), footer, header, ink,
                              (note.id, pixel_size, int(tile_width), int(tile_height))))
            bottoms[column] = top + tile_height + gap
        return tiles

    def _measure(self, note: Note, pixel_size: int, width: float, font) -> FittedText:
        cache = self._measures.setdefault(note.id, {})
        key = (pixel_size, int(width))
        if key not in cache:
            if note.kind == "quote":
                font = _room_font(pixel_size, italic=True)
            cache[key] = fit_text(note.text, font, width, font.pixelSize() * 1.5 * MAX_LINES,
                                  max_lines=MAX_LINES)
        return cache[key]

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        self.ensure_layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.notes:
            painter.setPen(QColor(style.ROOM_MUTED))
            painter.setFont(_room_font(max(14, self.height() // 22)))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), "Your ideas will appear here")
        small = _room_font(max(11, int(self.pixel_size * 0.55)))
        for tile in self.tiles:
            cached = self._images.get(tile.note_id)
            image = cached[1] if cached is not None and cached[0] == tile.image_key else self._tile_image(tile, small)
            painter.drawPixmap(tile.rect.topLeft(), image)
        if self.hidden_count:
            painter.setFont(_room_font(max(12, int(self.pixel_size * 0.8))))
            painter.setPen(QColor(style.ROOM_MUTED))
            painter.drawText(QRectF(0, self.height() - self.pixel_size * 1.5, self.width(), self.pixel_size * 1.5),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"+ {self.hidden_count} more notes" if self.themes else
                             f"+ {self.hidden_count} earlier notes")
        painter.end()


    def _tile_image(self, tile: Tile, small) -> QPixmap:
        """A tile drawn once and kept (see ``paintEvent``): moving tiles around (as notes come and go)
        costs a copy."""
        note = self.notes[tile.note_id]
        ratio = self.devicePixelRatioF()
        image = QPixmap(int(tile.rect.width() * ratio) + 1, int(tile.rect.height() * ratio) + 1)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor(style.ROOM_BACKGROUND))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.paper(note.colour))
        box = QRectF(0, 0, tile.rect.width(), tile.rect.height())
        painter.drawRoundedRect(box, 6, 6)
        if tile.header:
            self._draw_band(painter, tile, box, small)
        painter.setPen(QColor(style.NOTE_INK))
        tile.text.draw(painter, tile.text_origin - tile.rect.topLeft())
        if tile.footer:
            painter.setFont(small)
            painter.setPen(QColor(0, 0, 0, 170))
            pad = self.pixel_size * 0.5
            footer_rect = QRectF(pad, box.bottom() - pad - small.pixelSize() * 1.4, box.width() - 2 * pad,
                                 small.pixelSize() * 1.4)
            text = painter.fontMetrics().elidedText(tile.footer, Qt.TextElideMode.ElideRight, int(footer_rect.width()))
            painter.drawText(footer_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)
        painter.end()
        self._images[tile.note_id] = (tile.image_key, image)
        return image


    def _draw_band(self, painter: QPainter, tile: Tile, box: QRectF, small) -> None:
        """The theme's name across the top of its tiles, light on the theme's colour."""
        band = QRectF(0, 0, box.width(), small.pixelSize() * 1.4 + self.pixel_size * 0.25)
        painter.save()
        painter.setClipRect(band)
        painter.setBrush(QColor(tile.ink))
        painter.drawRoundedRect(box, 6, 6)
        painter.restore()
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#FFFFFF"))
        pad = self.pixel_size * 0.5
        rect = band.adjusted(pad, 0, -pad, 0)
        name = painter.fontMetrics().elidedText(tile.header, Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)


def _kind_footer(note: Note) -> str:
    if note.kind == "quote":
        return f"— {note.role}" if note.role else ""
    return style.KIND_LABELS[note.kind].upper() if note.kind in ("idea", "question") else ""


_FONTS: dict[tuple, object] = {}


def _room_font(pixel_size: int, *, italic: bool = False):
    key = (pixel_size, italic)
    if key not in _FONTS:
        font = style.font(10)
        font.setPixelSize(pixel_size)
        font.setItalic(italic)
        _FONTS[key] = font
    return _FONTS[key]


class BlankStage(QWidget):
    """What the room sees while the board is hidden: calm, and the timer still running above."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("blank-stage")
        label = QLabel("Board hidden — think and write on your own for now", self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(f"color: {style.ROOM_MUTED};")
        label.setFont(style.font(22))
        layout = QVBoxLayout(self)
        layout.addWidget(label)


class RoomView(QWidget):
    """A top-level window for the projector."""

    closed = Signal()

    def __init__(self, ops: Operations, ticker: Ticker, clock: Callable[[], float] | None = None, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ops = ops
        self.hub = ops.hub
        self.clock = clock or ops.store.clock
        self.workshop_id: str | None = None
        self.exercise: Exercise | None = None
        self.framework: Framework | None = None
        self.blanked = False
        self.staged: QWidget | None = None  # what shows in place of the notes (a vote), if anything
        self.aside: QWidget | None = None  # the column at the right (how to join from phones), if any
        self.setObjectName("room-view")
        self.setWindowTitle("Room")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(style.ROOM_BACKGROUND))
        palette.setColor(self.foregroundRole(), QColor(style.ROOM_INK))
        self.setPalette(palette)
        self.resize(1280, 720)

        self.band = QWidget(self)
        self.band.setFixedHeight(14)
        self.band.setAutoFillBackground(True)
        self.domain = FittedLabel(style.font(30, bold=True), style.ROOM_INK, max_lines=1)
        self.domain.setObjectName("room-domain")
        self.prompt = FittedLabel(style.font(30), style.ROOM_INK, max_lines=3)
        self.prompt.setObjectName("room-prompt")
        self.timer = TimerFace(self.clock, inks=style.ROOM_TIMER_INK, flash_background="#FFB23F", parent=self)
        self.timer.setObjectName("room-timer")
        self.notes = RoomNotes(self)
        self.blank_stage = BlankStage(self)
        self.stage = QStackedWidget(self)
        self.stage.addWidget(self.notes)
        self.stage.addWidget(self.blank_stage)

        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(self.domain)
        words.addWidget(self.prompt, 1)
        header = QHBoxLayout()
        header.setSpacing(24)
        header.addLayout(words, 1)
        header.addWidget(self.timer)
        body = QVBoxLayout()
        body.setContentsMargins(36, 22, 36, 28)
        body.setSpacing(20)
        body.addLayout(header)
        body.addWidget(self.stage, 1)
        self.columns = QHBoxLayout()
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(0)
        self.columns.addLayout(body, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.band)
        layout.addLayout(self.columns, 1)

        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)
        ticker.tick.connect(self._on_tick)
        self.hub.phone_notes_added.connect(self.notes.mark_from_phones)
        self.hub.notes_added.connect(self._on_notes_added)
        self.hub.notes_updated.connect(self._on_notes_updated)
        self.hub.notes_removed.connect(self._on_notes_removed)
        self.hub.themes_changed.connect(self._on_themes_changed)
        self.hub.timer_changed.connect(self._on_timer_changed)
        self.hub.current_exercise_changed.connect(self._on_current_changed)
        self.hub.agenda_changed.connect(self._on_current_changed)
        self.hub.workshop_changed.connect(self._on_current_changed)  # a new title

    # -- what it shows ------------------------------------------------------------------
    def follow(self, workshop_id: str | None) -> None:
        """Show ``workshop_id``'s current exercise from now on (None: show nothing)."""
        self.workshop_id = workshop_id
        self._reload()

    def _reload(self) -> None:
        store = self.ops.store
        exercise = None
        self.setWindowTitle("Room")
        if self.workshop_id is not None:
            workshop = store.workshop(self.workshop_id)
            self.setWindowTitle(f"Room — {' '.join(workshop.title.split())}")
            self.framework = self.ops.framework_or_default(workshop.framework_key)
            exercises = store.exercises(self.workshop_id)
            exercise = next((e for e in exercises if e.state == "current"), None)
            if exercise is None and exercises and all(e.state == "done" for e in exercises):
                exercise = exercises[-1]
        changed = exercise is None or self.exercise is None or exercise.id != self.exercise.id
        self.exercise = exercise
        self._show_header()
        self.notes.names = {p.id: p.name for p in store.participants(self.workshop_id)} if self.workshop_id else {}
        if changed:
            notes = store.notes(exercise.id) if exercise else []
            self.notes.from_phones = set(store.phone_devices([n.id for n in notes]))
            self.notes.set_themes(store.themes(exercise.id) if exercise else [])
            self.notes.set_notes(notes)

    def _show_header(self) -> None:
        exercise = self.exercise
        if exercise is None:
            self.domain.set_text("")
            self.prompt.set_text("")
            self.timer.set_state(None)
            return
        domain = self.framework.domain(exercise.domain_key)
        name = domain.name.upper()
        if exercise.title.strip().casefold() != domain.name.casefold():
            name = f"{name}  ·  {exercise.title}"
        self.domain.set_text(name)
        self.domain.set_ink(QColor(domain.colour).lighter(160).name())
        self.prompt.set_text(exercise.prompt or exercise.title)
        palette = self.band.palette()
        palette.setColor(self.band.backgroundRole(), QColor(domain.colour))
        self.band.setPalette(palette)
        self.timer.set_state(exercise.timer if exercise.state == "current" else None)

    def set_blank(self, blanked: bool) -> None:
        """Hide (or bring back) the notes, or the vote on stage; the header and timer stay."""
        self.blanked = blanked
        self.stage.setCurrentWidget(self.blank_stage if blanked else self.staged or self.notes)

    def set_stage(self, widget: QWidget | None) -> None:
        """Show ``widget`` where the notes are (voting progress, results); None brings the notes back.

        The room keeps the widget until another replaces it or the notes come back, then deletes it.
        """
        if widget is not self.staged and self.staged is not None:
            old, self.staged = self.staged, None
            self.stage.removeWidget(old)
            old.deleteLater()
        self.staged = widget
        if widget is not None and self.stage.indexOf(widget) < 0:
            self.stage.addWidget(widget)
        self.set_blank(self.blanked)  # a blanked room stays blank until Ctrl+B brings it back

    def set_aside(self, widget: QWidget | None) -> None:
        """Show ``widget`` in a column at the right, beside the header and the notes (None: no
        column). The room keeps it until another replaces it, then deletes it."""
        if self.aside is not None and widget is not self.aside:
            old, self.aside = self.aside, None
            self.columns.removeWidget(old)
            old.deleteLater()
        self.aside = widget
        if widget is not None:
            widget.setParent(self)
            widget.setContentsMargins(0, 22, 36, 28)
            self.columns.addWidget(widget)
            widget.show()
        self._fit()

    # -- window ----------------------------------------------------------------------------
    def place_on_second_screen(self, facilitator_screen=None) -> bool:
        """Move to a screen other than the facilitator's, full screen; False when there is none."""
        screens = QGuiApplication.screens()
        others = [s for s in screens if s is not facilitator_screen]
        if len(screens) < 2 or not others:
            return False
        target = others[0]
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()
        return True

    def resizeEvent(self, event) -> None:
        """Type and timer scale with the window, so the projector's resolution does not matter."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.aside is not None:
            self.aside.setFixedWidth(max(220, int(self.width() * 0.3)))
        height = max(300, self.height())
        self.timer.setFixedSize(int(self.width() * (0.17 if self.aside is not None else 0.24)), int(height * 0.2))
        domain_font = style.font(10, bold=True)
        domain_font.setPixelSize(max(14, int(height * 0.04)))
        prompt_font = style.font(10)
        prompt_font.setPixelSize(max(16, int(height * 0.045)))
        self.domain.set_text_font(domain_font)
        self.domain.setFixedHeight(int(domain_font.pixelSize() * 1.5))
        self.prompt.set_text_font(prompt_font)
        self.prompt.setFixedHeight(int(prompt_font.pixelSize() * 1.45 * 3))

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)

    # -- following the hub ---------------------------------------------------------------
    def _mine(self, note: Note) -> bool:
        return self.exercise is not None and note.exercise_id == self.exercise.id

    def _on_notes_added(self, notes) -> None:
        for note in notes:
            if self._mine(note):
                self.notes.add_note(note)

    def _on_notes_updated(self, notes) -> None:
        for note in notes:
            if self._mine(note):
                if note.id in self.notes.notes:
                    self.notes.update_note(note)
                else:
                    self.notes.add_note(note)
            else:
                self.notes.remove_note(note.id)

    def _on_notes_removed(self, notes) -> None:
        for note in notes:
            self.notes.remove_note(note.id)

    def _on_themes_changed(self, exercise_id: int) -> None:
        if self.exercise is not None and exercise_id == self.exercise.id:
            self.notes.set_themes(self.ops.store.themes(exercise_id))

    def _on_timer_changed(self, exercise: Exercise) -> None:
        if self.exercise is not None and exercise.id == self.exercise.id:
            self.exercise = exercise
            self.timer.set_state(exercise.timer if exercise.state == "current" else None)

    def _on_current_changed(self, workshop_id: str, *rest) -> None:
        if workshop_id == self.workshop_id:
            self._reload()

    def _on_tick(self) -> None:
        if self.isVisible():
            self.timer.refresh()
