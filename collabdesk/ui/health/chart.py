"""The health check's chart on screen: one diverging bar per domain, the median marked.

The same picture as the PDF's (``domain.health.diverging`` places the segments): points
1 and 2 left of the centre line, 4 and 5 right of it, the middle point across it, each
segment as wide as its share of the raters, every bar on one scale. Beside each bar the
median, the spread and how many rated. ``room=True`` draws it for the projector: light
type on the room's dark background, sized from the rows' height so the back of the room
can read it.
"""

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain import health
from ...domain.health import DomainResult
from ..common.style import ROOM_BACKGROUND, ROOM_INK, ROOM_MUTED

PANEL_ROW = 44.0  # a domain's row beside the board
FILLS = tuple(QColor(c) for c in health.SCALE_COLOURS)
INKS = tuple(QColor(c) for c in health.SCALE_INK)


@dataclass(frozen=True)
class ChartRow:
    name: str  # the domain's name: user text, painted as plain text
    colour: str  # the domain's colour
    result: DomainResult


def figures(result: DomainResult, *, verdict: bool = True) -> tuple[str, str]:
    """The median on one line; the spread, the raters (and agreed or split) on the next."""
    if result.median is None:
        return "no ratings", ""
    return (f"median {health.points(result.median)}",
            f"spread {health.points(result.spread)} · {result.raters} rated" + (f" · {result.verdict}" if verdict
                                                                                 else ""))


class HealthChart(QWidget):
    def __init__(self, *, room: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.room = room
        self.rows: list[ChartRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding,
                           QSizePolicy.Policy.Expanding if room else QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(120)

    def set_rows(self, rows: list[ChartRow]) -> None:
        self.rows = list(rows)
        if not self.room:
            self.setFixedHeight(int(30 + PANEL_ROW * max(1, len(self.rows))))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, int(30 + PANEL_ROW * max(1, len(self.rows))))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    # -- painting ------------------------------------------------------------------------
    def _geometry(self) -> tuple[float, float, float]:
        """Row height, legend height and the type size that goes with them."""
        rows = max(1, len(self.rows))
        legend = max(22.0, min(48.0, self.height() * 0.07))
        row = max(30.0, min(180.0, (self.height() - legend - 8) / rows))
        return row, legend, max(8.0, min(row * (0.26 if self.room else 0.3), 40.0))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = QColor(ROOM_INK) if self.room else self.palette().windowText().color()
        muted = QColor(ROOM_MUTED) if self.room else self.palette().placeholderText().color()
        if self.room:
            painter.fillRect(self.rect(), QColor(ROOM_BACKGROUND))
        row_height, legend_height, size = self._geometry()
        font = QFont(self.font())
        font.setPointSizeF(size)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        width = float(self.width())
        longest = max((metrics.horizontalAdvance(r.name) for r in self.rows), default=0)
        name_width = min(width * (0.26 if self.room else 0.24), longest + 16)
        small = QFont(font)
        small.setPointSizeF(size * 0.72)
        small_metrics = QFontMetricsF(small)
        figure_width = min(width * (0.34 if self.room else 0.42), max(
            [max(metrics.horizontalAdvance(a), small_metrics.horizontalAdvance(b))
             for a, b in (figures(r.result, verdict=self.room) for r in self.rows)] + [40.0]) + 12)
        bar_left, bar_width = name_width, max(40.0, width - name_width - figure_width - 12)
        self._legend(painter, QRectF(bar_left, 0, bar_width, legend_height), size * 0.8, muted, ink)
        scale = max([health.reach(r.result.counts) for r in self.rows if r.result.raters] + [0.5])
        for index, row in enumerate(self.rows):
            top = legend_height + 8 + index * row_height
            band = QRectF(0, top, width, row_height)
            name = metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, name_width - 12)
            painter.setFont(font)
            painter.setPen(ink)
            painter.drawText(QRectF(0, top, name_width - 12, row_height),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), name)
            self._bar(painter, row.result, QRectF(bar_left, top + row_height * 0.2, bar_width, row_height * 0.5),
                      scale, size * 0.85, ink, muted)
            first, second = figures(row.result, verdict=self.room)
            painter.setFont(font)
            painter.setPen(muted if row.result.median is None else ink)
            left = bar_left + bar_width + 12
            painter.drawText(QRectF(left, top, figure_width, row_height * 0.55),
                             int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft), first)
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(QRectF(left, top + row_height * 0.55, figure_width, row_height * 0.45),
                             int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft), second)
            painter.setFont(font)
            painter.setPen(QColor(muted.red(), muted.green(), muted.blue(), 60))
            painter.drawLine(QPointF(0, band.bottom()), QPointF(width, band.bottom()))
        painter.end()

    def _bar(self, painter: QPainter, result: DomainResult, area: QRectF, scale: float, size: float,
             ink: QColor, muted: QColor) -> None:
        centre = area.left() + area.width() / 2
        painter.setPen(muted)
        painter.drawLine(QPointF(centre, area.top() - 3), QPointF(centre, area.bottom() + 3))
        if result.median is None:
            return
        placed = [(area.left() + start * area.width(), share * area.width())
                  for start, share in health.diverging(result.counts, scale)]
        font = QFont(painter.font())
        font.setPointSizeF(size)
        painter.setFont(font)
        for point, ((x, w), count) in enumerate(zip(placed, result.counts)):
            if not count:
                continue
            segment = QRectF(x, area.top(), w, area.height())
            painter.fillRect(segment, FILLS[point])
            if w >= QFontMetricsF(font).horizontalAdvance(str(count)) + 6:
                painter.setPen(INKS[point])
                painter.drawText(segment, int(Qt.AlignmentFlag.AlignCenter), str(count))
        x = health.median_at(result.median, placed)
        mark = max(5.0, area.height() * 0.28)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawPolygon(QPolygonF([QPointF(x - mark, area.bottom() + mark + 3), QPointF(x + mark, area.bottom()
                                       + mark + 3), QPointF(x, area.bottom() + 2)]))

    def _legend(self, painter: QPainter, area: QRectF, size: float, muted: QColor, ink: QColor) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, size))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        box = metrics.height() * 0.7
        x = area.left()
        y = area.top() + (area.height() - metrics.height()) / 2
        wide = area.width() > 40 * metrics.averageCharWidth()  # room for "weakest" and "strongest"
        for point in range(5):
            word = {0: "1 weakest", 4: "5 strongest"}.get(point, str(point + 1)) if wide else str(point + 1)
            painter.fillRect(QRectF(x, y + (metrics.height() - box) / 2, box, box), FILLS[point])
            painter.setPen(muted)
            painter.drawText(QPointF(x + box + 5, y + metrics.ascent()), word)
            x += box + 5 + metrics.horizontalAdvance(word) + box
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawPolygon(QPolygonF([QPointF(x, y + metrics.height() * 0.8), QPointF(x + box, y + metrics.height()
                                       * 0.8), QPointF(x + box / 2, y + metrics.height() * 0.25)]))
        painter.setPen(muted)
        painter.drawText(QPointF(x + box + 5, y + metrics.ascent()), "median")
