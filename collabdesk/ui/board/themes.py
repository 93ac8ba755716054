"""Themes on the board: a labelled frame drawn behind the cards a theme holds.

A frame has no position of its own: its bounds are worked out from its cards, so it
follows them when they move and shrinks when one leaves. During a drag the scene
leaves the cards in flight out of that sum (``refresh(leaving=...)``), so a card can be
dragged out of a frame that would otherwise grow to keep it. Only the label strip
takes clicks: a click there selects the frame (F2 renames it, Delete ungroups it, a
drag moves all its cards), while a rubber band can still start inside the frame.
"""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from ...domain.model import Theme
from ..common import style

# Hues that stay apart from each other and from the note papers, for frames and room tiles.
THEME_INKS = ("#3B5BDB", "#0C8599", "#2B8A3E", "#C2255C", "#7048E8", "#D9480F", "#5C940D", "#1971C2",
              "#AE3EC9", "#E67700")
LABEL_HEIGHT = 38.0
FRAME_PAD = 14.0
PLAIN_BELOW = 0.5  # zoom below which frames are drawn square and flat (quicker, and no one can tell)
BOARD_BACKGROUND = QColor("#EEF0F3")
_TINTS: dict[str, tuple[QColor, QColor, QColor]] = {}


def _mix(ink: QColor, share: float) -> QColor:
    """``share`` of ``ink`` over the board's background, as an opaque colour (the quickest fill)."""
    back = BOARD_BACKGROUND
    return QColor.fromRgbF(*(share * a + (1 - share) * b for a, b in zip(
        (ink.redF(), ink.greenF(), ink.blueF()), (back.redF(), back.greenF(), back.blueF()))))


def frame_fill(theme: Theme) -> QColor:
    return _tints(theme_ink(theme))[0]


def frame_ink(theme: Theme) -> QColor:
    """The colour of a theme's name on the board."""
    return _tints(theme_ink(theme))[2]


def _tints(ink: QColor) -> tuple[QColor, QColor, QColor]:
    """A frame's fill, its label strip and its name's colour."""
    key = ink.name()
    if key not in _TINTS:
        _TINTS[key] = (_mix(ink, 0.12), _mix(ink, 0.22), ink.darker(150))
    return _TINTS[key]


def theme_ink(theme: Theme) -> QColor:
    """The colour that marks a theme everywhere it is shown (board frame, room tiles)."""
    return QColor(THEME_INKS[theme.position % len(THEME_INKS)])


def frame_round(card_rects: list[QRectF]) -> QRectF:
    """The frame round cards at ``card_rects`` (scene coordinates): their bounds, the
    label strip above and a margin."""
    union = QRectF(card_rects[0])
    for rect in card_rects[1:]:
        union = union.united(rect)
    return union.adjusted(-FRAME_PAD, -FRAME_PAD - LABEL_HEIGHT, FRAME_PAD, FRAME_PAD)


class ThemeFrame(QGraphicsItem):
    """The frame around a theme's cards, with the theme's name on its label strip."""

    def __init__(self, theme: Theme):
        super().__init__()
        self.theme = theme
        self.count = 0  # live cards inside, for the label
        self._rect = QRectF()  # in item coordinates
        self._label_font = style.font(11.5, bold=True)
        self._count_font = style.font(9.5)
        self.setZValue(-10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton)

    @property
    def theme_id(self) -> int:
        return self.theme.id

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def refresh(self, card_rects: list[QRectF]) -> None:
        """Fit the frame round ``card_rects`` (scene coordinates); hidden when there are none."""
        self.count = len(card_rects)
        if not card_rects:
            self.setVisible(False)
            return
        wanted = frame_round(card_rects).translated(-self.pos())
        if wanted != self._rect:
            self.prepareGeometryChange()
            self._rect = wanted
        self.setVisible(True)
        self.update()

    def settle(self) -> None:
        """After a drag moved the frame itself: back to the origin, bounds unchanged on screen."""
        if not self.pos().isNull():
            self.prepareGeometryChange()
            self._rect = self._rect.translated(self.pos())
            self.setPos(QPointF(0, 0))

    def frame_rect(self) -> QRectF:
        """The whole frame in scene coordinates (where a dropped card joins the theme)."""
        return self._rect.translated(self.pos())

    def label_rect(self) -> QRectF:
        return QRectF(self._rect.left(), self._rect.top(), self._rect.width(), LABEL_HEIGHT)

    # -- QGraphicsItem ----------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.label_rect())
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        ink = theme_ink(self.theme)
        fill, strip, text_ink = _tints(ink)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        label = self.label_rect()
        far = lod < PLAIN_BELOW
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not far)
        painter.setPen(QPen(QColor("#1F6FEB"), 3 / max(lod, 0.1) if far else 3) if selected
                       else QPen(ink, 0 if far else 1.6))
        scene = self.scene()
        painter.setBrush(Qt.BrushStyle.NoBrush if getattr(scene, "overview", False) else fill)  # drawn below
        if far:  # square corners and flat fills: thousands of cards may be on screen
            painter.drawRect(self._rect)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(strip)
            painter.drawRect(label.adjusted(1, 1, -1, 0))
        else:
            painter.drawRoundedRect(self._rect, 10, 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(strip)
            path = QPainterPath()
            path.addRoundedRect(label.adjusted(1, 1, -1, 0), 9, 9)
            painter.drawPath(path)

        text_rect = label.adjusted(14, 0, -14, 0)
        painter.setPen(text_ink)
        if getattr(scene, "overview", False):
            return  # the view writes the names over the overview, at a size that can be read
        if lod < 0.45:  # zoomed far out: the name alone, as large as the strip allows
            font = QFont(self._label_font)
            font.setPixelSize(max(8, int(min(LABEL_HEIGHT * 0.75, 13 / max(lod, 0.05)))))
            painter.setFont(font)
            elided = painter.fontMetrics().elidedText(self.theme.title, Qt.TextElideMode.ElideRight,
                                                      int(text_rect.width()))
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
            return
        count = f"{self.count} note" + ("" if self.count == 1 else "s")
        painter.setFont(self._count_font)
        count_width = painter.fontMetrics().horizontalAdvance(count) + 12
        painter.setPen(QColor(0, 0, 0, 140))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), count)
        painter.setFont(self._label_font)
        painter.setPen(text_ink)
        elided = painter.fontMetrics().elidedText(self.theme.title, Qt.TextElideMode.ElideRight,
                                                  int(text_rect.width() - count_width))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)

    def mouseDoubleClickEvent(self, event) -> None:
        scene = self.scene()
        if scene is not None and hasattr(scene, "rename_requested"):
            scene.rename_requested.emit(self.theme.id)
        event.accept()
