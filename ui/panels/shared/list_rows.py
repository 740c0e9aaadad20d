"""Rows of a list as tall as their wrapped text at the list's real width.

Qt measures a word-wrapped list row before it knows the width it will draw
it at, and leaves out the stylesheet's item padding: the last line of a long
title went missing. Measured here, through the style, at the viewport's width.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_TALL = 100_000


def fit_list_rows(
    view: QListWidget, max_lines: int | None = None, measured: Callable[[str], str] | None = None
) -> None:
    """Give every item of ``view`` the height of its text wrapped at the view's width.

    With ``max_lines``, a longer text is cut to that many lines: the view
    then elides the last one (set its elide mode), and the item's tooltip
    should hold the whole text. ``measured(text)`` gives the text to measure
    instead (one as wide as any the item will show, so that changing figures
    need no new measure).
    """
    width = max(view.viewport().width() - 2 * view.spacing(), 40)
    base = QStyleOptionViewItem()
    view.initViewItemOption(base)
    base.rect = QRect(0, 0, width, _TALL)
    delegate = view.itemDelegate()
    if not isinstance(delegate, QStyledItemDelegate):
        raise TypeError("fit_list_rows measures through a QStyledItemDelegate (Qt's default)")
    style = view.style()
    for row in range(view.count()):
        item = view.item(row)
        # The delegate answers with a size already set; measure the text afresh.
        item.setData(Qt.ItemDataRole.SizeHintRole, None)
        index = view.indexFromItem(item)
        option = QStyleOptionViewItem(base)
        delegate.initStyleOption(option, index)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        metrics = QFontMetrics(option.font)
        shown = measured(option.text) if measured is not None else option.text
        text = metrics.boundingRect(
            QRect(0, 0, max(text_rect.width() - 1, 1), _TALL), int(Qt.TextFlag.TextWordWrap), shown
        ).height()
        if max_lines:
            text = min(text, metrics.lineSpacing() * max_lines)
        padding = _TALL - text_rect.height()
        one_line = delegate.sizeHint(option, index).height()
        # A pixel per stylesheet border line between rows.
        item.setSizeHint(QSize(width, max(text + padding, one_line) + 2))
    view.doItemsLayout()
