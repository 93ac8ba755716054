"""Search results: each hit with its workshop, exercise and domain, matches highlighted.

User text is never read as markup: each result is drawn as plain text laid out by
``QTextLayout``, with format ranges for the kind, the workshop's title and the matches
(the store's private-use match marks say where those are). Each row's lines are made
when the row is first shown, so a search's hundreds of hits cost a screenful of work.
"""

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...domain.model import HIT_END, HIT_START
from ..operations.library import SearchResult

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's SearchResult
LINES_ROLE = Qt.ItemDataRole.UserRole + 2  # the two ResultLines the delegate draws
KIND_LABELS = {"workshop": "Workshop", "note": "Note", "action": "Action"}
HIGHLIGHT = "#FFE27A"
MUTED = "#5F6670"
SWATCH_WIDTH = 6
PADDING = 8
NEUTRAL_SWATCH = "#C9CDD3"
SEPARATOR = " · "
KEPT_LAYOUTS = 300  # lines kept laid out: the screenfuls of the last few searches

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ResultLine:
    """One line of a result as plain text, and the spans drawn otherwise: (start, length, style)
    with style "muted" (the kind, the domain), "title" (the workshop) or "match"."""

    text: str
    spans: tuple[tuple[int, int, str], ...] = ()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def where_line(result: SearchResult) -> ResultLine:
    """Where the hit is: its kind, workshop, exercise and domain."""
    hit = result.hit
    parts = [(KIND_LABELS.get(hit.kind, hit.kind), "muted"), (_one_line(hit.workshop_title), "title")]
    if result.exercise_title:
        parts.append((_one_line(result.exercise_title), ""))
    if result.domain is not None:
        parts.append((_one_line(result.domain.name), "muted"))
    text, spans = "", []
    for part, style in parts:
        text += SEPARATOR if text else ""
        if style:
            spans.append((len(text), len(part), style))
        text += part
    return ResultLine(text, tuple(spans))


def snippet_line(snippet: str) -> ResultLine:
    """The words in context, without the match marks, each match a "match" span."""
    text, spans = "", []
    for index, piece in enumerate(snippet.split(HIT_START)):
        match, _, rest = piece.partition(HIT_END) if index else ("", "", piece)
        if match:
            spans.append((len(text), len(match), "match"))
        text += match + rest
    return ResultLine(text, tuple(spans))


def plain_text(result: SearchResult) -> str:
    """The two lines as plain text (accessibility, copying, tests)."""
    return where_line(result).text + "\n" + snippet_line(result.hit.snippet).text


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._results: list[SearchResult] = []
        self._lines: dict[int, tuple[ResultLine, ResultLine]] = {}  # rows drawn so far

    def set_results(self, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self._lines = {}
        self.endResetModel()

    def result_at(self, row: int) -> SearchResult:
        return self._results[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        row = index.row()
        result = self._results[row]
        if role == LINES_ROLE:
            if row not in self._lines:
                self._lines[row] = (where_line(result), snippet_line(result.hit.snippet))
            return self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return plain_text(result)
        if role == RESULT_ROLE:
            return result
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(result.domain.colour if result.domain else NEUTRAL_SWATCH)
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Draws a result as a domain-coloured swatch beside two lines of text (a long line is cut at the edge)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.NoWrap)
        self._formats: dict[tuple, dict[str, QTextCharFormat]] = {}
        self._layouts: dict[tuple, QTextLayout] = {}

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight).lighter(170))
        elif index.row() % 2:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        swatch = option.rect.adjusted(PADDING // 2, PADDING // 2, 0, -PADDING // 2)
        swatch.setWidth(SWATCH_WIDTH)
        painter.fillRect(swatch, index.data(Qt.ItemDataRole.DecorationRole))
        left = swatch.right() + PADDING
        clip = QRectF(left, option.rect.top() + PADDING // 2, option.rect.right() - left - PADDING,
                      option.rect.height() - PADDING)
        painter.setClipRect(clip)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        top = clip.top()
        for line in index.data(LINES_ROLE):
            self._layout(line, option.font).draw(painter, QPointF(left, top))
            top += option.fontMetrics.lineSpacing()
        painter.restore()

    def _layout(self, line: ResultLine, font: QFont) -> QTextLayout:
        """``line`` laid out in ``font``; kept, as rows of one exercise share their first line
        and a list shows the same hits again as a search is narrowed or widened."""
        key = (line, font.key())
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) >= KEPT_LAYOUTS:
                self._layouts.clear()
            formats = self._styles(font)
            layout = QTextLayout(line.text, font)
            layout.setTextOption(self._option)
            layout.setFormats([_range(start, length, formats[style]) for start, length, style in line.spans])
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            self._layouts[key] = layout
        return layout

    def _styles(self, font: QFont) -> dict[str, QTextCharFormat]:
        """The char formats of each span style, made once per font."""
        key = (font.key(),)
        if key not in self._formats:
            muted, title, match = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
            muted.setForeground(QColor(MUTED))
            title.setFontWeight(QFont.Weight.Bold)
            match.setFontWeight(QFont.Weight.Bold)
            match.setBackground(QColor(HIGHLIGHT))
            self._formats[key] = {"muted": muted, "title": title, "match": match}
        return self._formats[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Room for two lines: where the hit is, and the words in context."""
        return QSize(400, option.fontMetrics.lineSpacing() * 2 + PADDING + 6)


def _range(start: int, length: int, char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    found = QTextLayout.FormatRange()
    found.start, found.length, found.format = start, length, char_format
    return found
