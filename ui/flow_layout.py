"""A layout that puts its widgets side by side and wraps them onto more rows when narrow.

Rows of buttons and short fields are laid out for 1080p at 100 %; at 200 %
on a 720p projector the same row is wider than the window. Wrapping keeps every
button whole, where a box layout would push the window past the screen's edge.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items left to right (or right-aligned), wrapping to a new row when the next does not fit.

    Widgets whose horizontal size policy expands (line edits, or any widget
    given ``QSizePolicy.Expanding``) share what is left of their row.

    Args:
        parent: the widget laid out.
        spacing: pixels between items in a row.
        line_spacing: pixels between rows (default: ``spacing``).
        align_right: put each row's items at its right edge (for button rows).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = 8,
        line_spacing: int | None = None,
        align_right: bool = False,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = spacing if line_spacing is None else line_spacing
        self._align_right = align_right
        self._last_height = -1
        self._last_width = -1
        self._heights: dict[int, int] = {}
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout --------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Asked many times per layout pass; the answer holds until the layout is invalidated.
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._last_width = rect.width()
        height = self._arrange(rect, move=True)
        if height != self._last_height:
            # The rows wrapped differently: the layouts above must take the new
            # minimum (see minimumSize), once this layout pass is over.
            self._last_height = height
            QTimer.singleShot(0, self, self.invalidate)

    def sizeHint(self) -> QSize:
        # One row, when the room allows.
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(_width(item) for item in shown) + self._spacing * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        # As narrow as the widest item: everything else wraps. As short as the
        # rows need at the width the layout has now: a splitter or a box above
        # does not ask for a height for its width, and would squeeze the
        # widgets below the flow when its rows wrap.
        margins = self.contentsMargins()
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        # The width of the last arrangement (invalidating a layout forgets its geometry).
        if self._last_width > 0:
            size.setHeight(max(size.height(), self.heightForWidth(self._last_width)))
        return size

    # -- arranging ------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _rows(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        """Return the rows: each item with the width it gets before any spare is shared.

        A word-wrapping label may take what is left of a row, down to its
        smallest width, and wrap there: like a word in a line of text, it only
        starts a new row when even that does not fit. Any other item that does
        not fit starts a new row.
        """
        rows: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item in self._shown():
            wanted = min(_width(item), width)
            gap = self._spacing if rows[-1] else 0
            left = width - used - gap
            if rows[-1] and wanted > left:
                if _wraps_inline(item) and item.minimumSize().width() <= left:
                    wanted = left
                else:
                    rows.append([])
                    used, gap = 0, 0
            used += gap + wanted
            rows[-1].append((item, wanted))
        return [row for row in rows if row]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.marginsRemoved(margins)
        y = inner.y()
        for row in self._rows(inner.width()):
            items = [item for item, _width_ in row]
            widths = [w for _item, w in row]
            spare = inner.width() - sum(widths) - self._spacing * (len(row) - 1)
            # Shared among the items that grow, none past its maximum width.
            growing = [i for i, item in enumerate(items) if _grows(item)]
            while spare > 0 and growing:
                share = max(spare // len(growing), 1)
                for i in list(growing):
                    grow = min(share, spare, items[i].maximumSize().width() - widths[i])
                    widths[i] += max(grow, 0)
                    spare -= max(grow, 0)
                    if widths[i] >= items[i].maximumSize().width():
                        growing.remove(i)
            heights = [
                item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
                for item, w in zip(items, widths, strict=True)
            ]
            height = max(heights)
            x = inner.x() + (spare if self._align_right and spare > 0 else 0)
            if move:
                for item, w, h in zip(items, widths, heights, strict=True):
                    # Centred in the row's height, so a label beside a taller field
                    # reads as one line; at the top beside something much taller.
                    top = y + (height - h) // 2 if height - h < h // 2 + 8 else y
                    item.setGeometry(QRect(QPoint(x, top), QSize(w, h)))
                    x += w + self._spacing
            y += height + self._line_spacing
        return max(y - self._line_spacing - inner.y(), 0) + margins.top() + margins.bottom()


def _width(item: QLayoutItem) -> int:
    """Return the width an item wants: a wrapping label's whole text on one line.

    A word-wrapping label's own size hint is a guess at a pleasing shape that
    often breaks a short text in two; here it wraps only when the row is too narrow.
    """
    label = item.widget()
    if isinstance(label, QLabel) and label.wordWrap() and label.textFormat() != Qt.TextFormat.RichText:
        label.ensurePolished()  # its role may make it bold: measure with the font it is drawn in
        margins = label.contentsMargins()
        metrics = label.fontMetrics()
        text = max(label.text().split("\n"), key=metrics.horizontalAdvance, default="")
        return metrics.horizontalAdvance(text) + margins.left() + margins.right() + 2 * label.margin() + 3
    return item.sizeHint().width()


def _wraps_inline(item: QLayoutItem) -> bool:
    label = item.widget()
    return isinstance(label, QLabel) and label.wordWrap()


def _grows(item: QLayoutItem) -> bool:
    widget = item.widget()
    policy = widget.sizePolicy().horizontalPolicy() if widget is not None else QSizePolicy.Policy.Preferred
    return bool(policy.value & QSizePolicy.PolicyFlag.ExpandFlag.value)
