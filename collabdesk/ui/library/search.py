"""Search results: each hit with its workshop, exercise and domain, matches highlighted.

User text is never read as markup: every piece of it goes through ``html.escape`` first,
and only then are the store's private-use match marks turned into highlight tags.
"""

import html

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...domain.model import HIT_END, HIT_START
from ..operations.library import SearchResult

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's SearchResult
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # the rich text the delegate draws
KIND_LABELS = {"workshop": "Workshop", "note": "Note", "action": "Action"}
HIGHLIGHT = "#FFE27A"
SWATCH_WIDTH = 6
PADDING = 8
NEUTRAL_SWATCH = "#C9CDD3"

Index = QModelIndex | QPersistentModelIndex


def snippet_html(snippet: str) -> str:
    """The snippet escaped, with each match bold on a highlighter-yellow background."""
    return (html.escape(snippet, quote=False)
            .replace(HIT_START, f'<b style="background-color:{HIGHLIGHT}">')
            .replace(HIT_END, "</b>"))


def result_html(result: SearchResult) -> str:
    """Two lines: where the hit is (kind, workshop, exercise, domain), then the words in context."""
    hit = result.hit
    where = [f'<span style="color:#5F6670">{KIND_LABELS.get(hit.kind, hit.kind)}</span>',
             f"<b>{html.escape(' '.join(hit.workshop_title.split()), quote=False)}</b>"]
    if result.exercise_title:
        where.append(html.escape(result.exercise_title, quote=False))
    if result.domain is not None:
        where.append(f'<span style="color:#5F6670">{html.escape(result.domain.name, quote=False)}</span>')
    return f'{" · ".join(where)}<br>{snippet_html(hit.snippet)}'


def plain_text(result: SearchResult) -> str:
    """The same as ``result_html`` without markup (accessibility, copying, tests)."""
    hit = result.hit
    where = [KIND_LABELS.get(hit.kind, hit.kind), hit.workshop_title, result.exercise_title,
             result.domain.name if result.domain else ""]
    return " · ".join(w for w in where if w) + "\n" + hit.snippet.replace(HIT_START, "").replace(HIT_END, "")


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._results: list[SearchResult] = []
        self._html: list[str] = []

    def set_results(self, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self._html = [result_html(r) for r in self._results]
        self.endResetModel()

    def result_at(self, row: int) -> SearchResult:
        return self._results[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        result = self._results[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return plain_text(result)
        if role == RESULT_ROLE:
            return result
        if role == HTML_ROLE:
            return self._html[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(result.domain.colour if result.domain else NEUTRAL_SWATCH)
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Draws a result as a domain-coloured swatch beside two lines of rich text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._document = QTextDocument(self)
        self._document.setDocumentMargin(0)
        option = self._document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)  # one line each; a long snippet is cut at the edge
        self._document.setDefaultTextOption(option)

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        painter.save()
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight).lighter(170))
        elif index.row() % 2:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        swatch = option.rect.adjusted(PADDING // 2, PADDING // 2, 0, -PADDING // 2)
        swatch.setWidth(SWATCH_WIDTH)
        painter.fillRect(swatch, index.data(Qt.ItemDataRole.DecorationRole))
        text_left = swatch.right() + PADDING
        width = option.rect.right() - text_left - PADDING
        self._document.setDefaultFont(option.font)
        self._document.setTextWidth(width)
        self._document.setHtml(index.data(HTML_ROLE))
        painter.translate(text_left, option.rect.top() + PADDING // 2)
        clip = QRectF(0, 0, width, option.rect.height() - PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.Text))
        painter.setClipRect(clip)
        self._document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Room for two lines: where the hit is, and the words in context."""
        return QSize(400, option.fontMetrics.lineSpacing() * 2 + PADDING + 6)
