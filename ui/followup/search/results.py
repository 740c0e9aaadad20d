"""Search results as a list: a thin model over hits and a delegate that bolds the matches."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from facilitator.dates import day
from facilitator.i18n import _
from facilitator.search import SearchHit
from ui.widgets import tooltip_text

HIT_ROLE = Qt.ItemDataRole.UserRole
_PADDING = 8


def hit_place(hit: SearchHit) -> str:
    """Return where a hit is, as plain text: "Outcome · Sun 1 Mar 2026 · Title"."""
    date = day(hit.event_date) if hit.event_date else ""
    # Translators: where a search hit is: a pattern that no event presents any more
    title = hit.event_title or ("" if hit.event_id else _("in no event"))
    return " · ".join(part for part in (hit.kind_label, date, title) if part)


def hit_html(hit: SearchHit, muted: QColor) -> str:
    """Return a hit as rich text: where it is on one line, the snippet with bold matches below.

    Every piece of stored text is escaped: a record holding ``<b>`` or
    ``<img src=…>`` shows those characters, never markup.
    """
    snippet = "".join(
        f"<b>{escape(text)}</b>" if is_match else escape(text) for text, is_match in hit.snippet
    )
    return f'<div style="color: {muted.name()}">{escape(hit_place(hit))}</div><div>{snippet}</div>'


class SearchResultsModel(QAbstractListModel):
    """One row per hit; the hit itself under :data:`HIT_ROLE`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        """Return the hits shown, in order."""
        return list(self._hits)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        """Return the number of hits (a list has no children)."""
        return 0 if parent.isValid() else len(self._hits)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return a hit's plain text (display, screen readers, tooltips) or the hit."""
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit_place(hit)}: {hit.snippet_text}"
        if role == Qt.ItemDataRole.ToolTipRole and hit.coalitions:
            return tooltip_text(", ".join(hit.coalitions))
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Draws a hit as two lines of rich text in the view's font and colours.

    ``muted`` returns the stylesheet's muted colour (read from a label styled
    ``role="muted"``), so the light, dark and high-contrast themes all apply.
    """

    def __init__(self, muted: Callable[[], QColor], parent=None) -> None:
        super().__init__(parent)
        self._muted = muted

    def _document(self, option: QStyleOptionViewItem, index, width: int) -> QTextDocument:
        hit = index.data(HIT_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        muted = option.palette.color(QPalette.ColorRole.HighlightedText) if selected else self._muted()
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(_PADDING)
        document.setHtml(hit_html(hit, muted) if hit is not None else "")
        document.setTextWidth(max(width, 50))
        return document

    def paint(self, painter, option, index) -> None:
        """Draw the row's background and focus as the style does, then the rich text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        document = self._document(opt, index, opt.rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        """Return the height the wrapped text needs at the view's width."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else opt.rect.width()
        document = self._document(opt, index, width)
        return QSize(width, int(document.size().height()) + 1)
