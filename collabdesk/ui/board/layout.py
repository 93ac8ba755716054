"""Where the cards go (tidied, placed by the grid, gathered by grouping, dropped into a
frame), and the board drawn far out as one picture.

Functions of a ``BoardScene`` (its ``cards``, ``frames`` and ``members``) and of its
view, kept apart from the scene so that the scene holds what is on the board and how it
is edited, and this module how it is laid out and summarised.
"""

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPicture

from ..common import style
from .note_card import CARD_SIZE, GAP, PAD, SELECTION_INK, NoteCard, paper_of
from .themes import BOARD_BACKGROUND, FRAME_PAD, LABEL_HEIGHT, ThemeFrame, frame_fill, frame_ink, frame_round

Positions = dict[int, tuple[float, float]]
NAME_BACKING = QColor(255, 255, 255, 215)


# -- blocks: tidying, the grid and grouping --------------------------------------------------
def block_columns(count: int, most: int = 4) -> int:
    """How many cards across a theme's block: about square, never more than ``most``."""
    return max(1, min(count, math.ceil(math.sqrt(count)), most))


def block_positions(blocks: list[list[int]], width: float, top: float = PAD,
                    most: int = 4) -> tuple[Positions, float]:
    """Each list of cards as a compact block with room for its frame, blocks side by side
    from ``top`` as far as ``width`` allows, then on a shelf below; and where the last
    shelf ends (``top`` when there are no blocks). A block that does not fit beside the
    others is made narrower if that keeps it within the shelf's height, so that a wide
    shelf is not left half empty."""
    positions: Positions = {}
    left, shelf = PAD, 0.0
    for ids in filter(None, blocks):
        columns = block_columns(len(ids), most)
        if left > PAD and left + _block_size(len(ids), columns)[0] > width:
            narrower = [c for c in range(columns - 1, 0, -1) if left + _block_size(len(ids), c)[0] <= width
                        and _block_size(len(ids), c)[1] <= shelf]
            if narrower:
                columns = narrower[0]
            else:
                left, top, shelf = PAD, top + shelf + 2 * GAP, 0.0
        positions.update(_block(ids, columns, left, top))
        block_width, block_height = _block_size(len(ids), columns)
        left += block_width + 2 * GAP
        shelf = max(shelf, block_height)
    return positions, top + shelf


def _block_size(count: int, columns: int) -> tuple[float, float]:
    """The width and height of the frame round ``count`` cards in rows of ``columns``."""
    rows = math.ceil(count / columns)
    return (columns * (CARD_SIZE.width() + GAP) - GAP + 2 * FRAME_PAD,
            rows * (CARD_SIZE.height() + GAP) - GAP + 2 * FRAME_PAD + LABEL_HEIGHT)


def _block(ids: list[int], columns: int, left: float, top: float) -> Positions:
    """``ids`` in rows of ``columns`` cards, in a frame whose top-left corner is (left, top)."""
    step_x, step_y = CARD_SIZE.width() + GAP, CARD_SIZE.height() + GAP
    return {note_id: (left + FRAME_PAD + (index % columns) * step_x,
                      top + FRAME_PAD + LABEL_HEIGHT + (index // columns) * step_y)
            for index, note_id in enumerate(ids)}


def theme_order(scene) -> list[int]:
    """The board's themes in the order they were made (the order of their blocks)."""
    return [f.theme_id for f in sorted(scene.frames.values(), key=lambda f: (f.theme.position, f.theme_id))]


def arranged_positions(scene, width: float) -> Positions:
    """Where every card goes when the board is tidied: each theme's cards together in a
    block, blocks side by side as far as ``width`` allows, then the loose cards."""
    step_x, step_y = CARD_SIZE.width() + GAP, CARD_SIZE.height() + GAP
    width = max(width, PAD * 2 + 2 * step_x)
    positions, bottom = block_positions([sorted(scene.members.get(t, ())) for t in theme_order(scene)], width)
    top = bottom + 2 * GAP if positions else PAD
    columns = max(1, int((width - PAD) // step_x))
    loose = sorted(i for i in scene.cards if i not in positions)
    for index, note_id in enumerate(loose):
        row, column = divmod(index, columns)
        positions[note_id] = (PAD + column * step_x, top + row * step_y)
    return positions


def grid_blocks(scene, unplaced: list[int]) -> tuple[Positions, float]:
    """Where the board's grid puts the cards among ``unplaced`` (no saved place) that are
    in a theme: each theme's in a block of its own, as tidying shapes it, theme by theme
    below anything placed by hand; and the top of the rows left for the loose cards."""
    held: dict[int, list[int]] = {}
    for note_id in unplaced:
        theme_id = scene.cards[note_id].note.theme_id
        if theme_id in scene.frames:
            held.setdefault(theme_id, []).append(note_id)
    if not held:
        return {}, PAD
    placed = hand_placed_bottom(scene)
    positions, bottom = block_positions([held[t] for t in theme_order(scene) if t in held], scene.width - PAD,
                                        PAD if placed is None else placed + 2 * GAP, max(1, min(4, scene.columns)))
    return positions, bottom + 2 * GAP


def hand_placed_bottom(scene) -> float | None:
    """The bottom of the cards placed by hand and of the frames shown (None: no such card)."""
    placed = [c.pos().y() + CARD_SIZE.height() for c in scene.cards.values() if c.note.x is not None]
    if not placed:
        return None
    return max([*placed, *(f.frame_rect().bottom() for f in scene.frames.values() if f.isVisible())])


def free_slot(scene, slot: int) -> int:
    """The first slot of the scene's grid from ``slot`` on that no card placed by hand and
    no theme frame covers."""
    while True:
        rect = QRectF(scene.slot(slot), CARD_SIZE).adjusted(2, 2, -2, -2)
        taken = scene.items(rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        if not any((isinstance(i, NoteCard) and i.note.x is not None) or
                   (isinstance(i, ThemeFrame) and i.isVisible()) for i in taken):
            return slot
        slot += 1


def drop_targets(scene, flight: set[int], moved) -> dict[int, int | None]:
    """The theme each card ``moved`` by a drag now belongs to, for those whose theme
    changes: the smallest frame its centre was dropped in, or none. A theme dragged whole
    (all its cards in ``flight``) stays."""
    carried = {t for t, ids in scene.members.items() if ids and ids <= flight}
    frames = [f for t, f in scene.frames.items() if t not in carried and f.isVisible()]
    changes = {}
    for note_id in moved:
        card = scene.cards[note_id]
        old = card.note.theme_id
        if old in carried:
            continue
        hits = [f for f in frames if f.frame_rect().contains(card.centre())]
        new = min(hits, key=lambda f: f.frame_rect().width() * f.frame_rect().height()).theme_id if hits else None
        if new != old:
            changes[note_id] = new
    return changes


def grouped_positions(scene, note_ids) -> Positions:
    """Where to save the cards about to be grouped, so that their frame holds them alone.

    Nowhere when the grid places them all: it keeps a theme's cards in a block. When some
    were placed by hand, the grid's ones stay where they sit if the frame round them all
    would cross no other card or frame; otherwise all of them are gathered into a block
    (shaped as tidying shapes it) at the first of them, or, if that place is taken, below
    everything placed by hand."""
    ids = sorted(note_ids)
    if all(scene.cards[i].note.x is None for i in ids):
        return {}
    chosen = set(ids)
    others = [QRectF(c.pos(), CARD_SIZE) for i, c in scene.cards.items() if i not in chosen and c.note.x is not None]
    for members in scene.members.values():
        rects = [QRectF(scene.cards[i].pos(), CARD_SIZE) for i in members
                 if i not in chosen and scene.cards[i].note.x is not None]
        if rects:
            others.append(frame_round(rects))
    here = {i: (scene.cards[i].pos().x(), scene.cards[i].pos().y()) for i in ids}
    if not _crosses(frame_round([QRectF(QPointF(*p), CARD_SIZE) for p in here.values()]), others):
        return {i: place for i, place in here.items() if scene.cards[i].note.x is None}
    columns = block_columns(len(ids))
    first = min((scene.cards[i].pos() for i in ids if scene.cards[i].note.x is not None),
                key=lambda p: (p.y(), p.x()))
    gathered = _block(ids, columns, first.x() - FRAME_PAD, first.y() - FRAME_PAD - LABEL_HEIGHT)
    if _crosses(frame_round([QRectF(QPointF(*p), CARD_SIZE) for p in gathered.values()]), others):
        top = max((r.bottom() for r in others), default=PAD - 2 * GAP) + 2 * GAP
        gathered = _block(ids, columns, PAD, top)
    return gathered


def _crosses(frame: QRectF, others: list[QRectF]) -> bool:
    return any(frame.intersects(rect) for rect in others)


def arranged_to_fit(scene, width: float, height: float) -> Positions:
    """The tidy arrangement that can be shown largest in a ``width`` by ``height`` window."""
    best, best_scale = {}, -1.0
    for stretch in (1, 1.5, 2, 3, 4, 6, 8):
        positions = arranged_positions(scene, width * stretch)
        if not positions:
            return positions
        right = max(x for x, _y in positions.values()) + CARD_SIZE.width() + FRAME_PAD + PAD
        bottom = max(y for _x, y in positions.values()) + CARD_SIZE.height() + FRAME_PAD + PAD
        scale = min(width / right, height / bottom, 1.0)
        if scale > best_scale + 1e-6:
            best, best_scale = positions, scale
    return best


# -- far out -----------------------------------------------------------------------------------
def record_overview(scene) -> QPicture:
    """The board far out, recorded once: frames' fills, then each card as a block of its
    paper (faded when the filter leaves it out), a selected one bordered in blue."""
    blocks: dict[tuple[str, bool], list[QRectF]] = {}  # one batch of rectangles per paper
    chosen = []
    for card in scene.cards.values():
        if card.isVisible():
            rect = QRectF(card.pos(), CARD_SIZE)
            blocks.setdefault((card.note.colour, card.matches), []).append(rect)
            if card.isSelected():
                chosen.append(rect)
    picture = QPicture()
    painter = QPainter(picture)
    painter.setPen(Qt.PenStyle.NoPen)
    for frame in scene.frames.values():
        if frame.isVisible():
            painter.fillRect(frame.frame_rect(), frame_fill(frame.theme))
    painter.setBrush(SELECTION_INK)  # a larger block under the paper reads as a border
    painter.drawRects([rect.adjusted(-8, -8, 8, 8) for rect in chosen])
    for (colour, matches), rects in blocks.items():
        painter.setBrush(paper_of(colour) if matches else _faded(paper_of(colour)))
        painter.drawRects(rects)
    painter.end()
    return picture


def draw_theme_names(view, painter: QPainter, rect: QRectF) -> None:
    """Far out, each theme's name over its frame in screen-sized type: the board's map."""
    painter.save()
    painter.resetTransform()
    painter.setFont(style.font(9.5, bold=True))
    metrics = painter.fontMetrics()
    for frame in view.board.frames.values():
        area = frame.frame_rect()
        if not frame.isVisible() or not area.intersects(rect):
            continue
        box = view.mapFromScene(area).boundingRect().adjusted(4, 2, -4, 0)
        if box.width() < 24:
            continue
        name = metrics.elidedText(frame.theme.title, Qt.TextElideMode.ElideRight, box.width() - 8)
        band = QRectF(box.left(), box.top(), metrics.horizontalAdvance(name) + 8, metrics.height() + 4)
        painter.fillRect(band, NAME_BACKING)
        painter.setPen(frame_ink(frame.theme))
        painter.drawText(band, int(Qt.AlignmentFlag.AlignCenter), name)
    painter.restore()


def _faded(colour: QColor) -> QColor:
    """A card the filter leaves out, as the overview shows it: mostly background."""
    back = BOARD_BACKGROUND
    return QColor.fromRgbF(*(0.25 * a + 0.75 * b for a, b in zip(
        (colour.redF(), colour.greenF(), colour.blueF()), (back.redF(), back.greenF(), back.blueF()))))
