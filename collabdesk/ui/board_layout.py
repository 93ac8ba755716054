"""Where the cards go when the board is tidied, and the board drawn far out as one picture.

Functions of a ``BoardScene`` (its ``cards``, ``frames`` and ``members``) and of its
view, kept apart from the scene so that the scene holds what is on the board and how it
is edited, and this module how it is laid out and summarised.
"""

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPicture

from . import style
from .note_card import CARD_SIZE, GAP, PAD, SELECTION_INK, paper_of
from .themes import BOARD_BACKGROUND, FRAME_PAD, LABEL_HEIGHT, frame_fill, frame_ink

Positions = dict[int, tuple[float, float]]
NAME_BACKING = QColor(255, 255, 255, 215)


# -- tidying ---------------------------------------------------------------------------------
def arranged_positions(scene, width: float) -> Positions:
    """Where every card goes when the board is tidied: each theme's cards together in a
    block, blocks side by side as far as ``width`` allows, then the loose cards."""
    step_x, step_y = CARD_SIZE.width() + GAP, CARD_SIZE.height() + GAP
    width = max(width, PAD * 2 + 2 * step_x)
    themes = sorted(scene.frames.values(), key=lambda f: (f.theme.position, f.theme_id))
    blocks = [sorted(scene.members.get(f.theme_id, ())) for f in themes]
    positions: Positions = {}
    left, top, shelf = PAD, PAD, 0.0
    for ids in filter(None, blocks):
        columns = min(len(ids), max(1, math.ceil(math.sqrt(len(ids)))), 4)
        rows = math.ceil(len(ids) / columns)
        block_width = columns * step_x - GAP + 2 * FRAME_PAD
        block_height = rows * step_y - GAP + 2 * FRAME_PAD + LABEL_HEIGHT
        if left > PAD and left + block_width > width:
            left, top, shelf = PAD, top + shelf + 2 * GAP, 0.0
        for index, note_id in enumerate(ids):
            row, column = divmod(index, columns)
            positions[note_id] = (left + FRAME_PAD + column * step_x,
                                  top + FRAME_PAD + LABEL_HEIGHT + row * step_y)
        left += block_width + 2 * GAP
        shelf = max(shelf, block_height)
    if positions:
        top += shelf + 2 * GAP
    columns = max(1, int((width - PAD) // step_x))
    loose = sorted(i for i in scene.cards if i not in positions)
    for index, note_id in enumerate(loose):
        row, column = divmod(index, columns)
        positions[note_id] = (PAD + column * step_x, top + row * step_y)
    return positions


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
