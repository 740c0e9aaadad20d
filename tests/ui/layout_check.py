"""Find text the room cannot read because its widget was given too little room.

``clipped(root)`` walks every visible widget of a window or dialog and returns
one :class:`Clip` per text that does not fit the space it was given. A text
counts as readable when it fits; when it is elided and the full text is in the
tooltip (item views, tabs, :class:`ui.widgets.ElidedLabel`); when it wraps and
has the height its lines need; or when the part that does not fit lies inside a
scroll area that can scroll to it. What is checked:

- ``QLabel`` text (plain or rich, wrapped or not);
- ``QAbstractButton`` text (its size hint against its size);
- ``QTabBar`` tabs;
- a ``QStatusBar``'s message, in the room its permanent widgets leave it;
- ``QComboBox`` current text (a combo box that elides it, with the whole of
  it in its tooltip, may); ``QLineEdit`` placeholder, and its text where it is
  shown rather than typed (read-only, or in a date or number box: a field
  being typed in, an editable combo box's too, scrolls with the cursor);
  ``QPlainTextEdit`` placeholder;
- ``QGroupBox`` titles;
- item views: every row of a list, every cell of a table or tree (a cell may
  elide when its tooltip holds the full text), header sections, and any row
  taller than the view, which no scrolling can show whole;
- the window itself: a window whose layout needs more than the screen gives is
  cut off by the screen's edge.

The checker knows nothing of this app's screens: the tour in
``layout_tour.py`` brings each screen up and calls it.
"""

from __future__ import annotations

from layout_measure import (
    BIG,
    MAX_ROWS,
    TOLERANCE,
    Clip,
    describe,
    holds,
    overlap,
    plain_text,
    size_text,
    strip_mnemonic,
    visible_size,
)
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSizeGrip,
    QStatusBar,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)


class _Checker:
    def __init__(self, root: QWidget, screen: str) -> None:
        self.root = root
        self.screen = screen
        self.found: list[Clip] = []

    def clip(self, widget: QWidget, text: str, needed, given, why: str = "clipped") -> None:
        self.found.append(Clip(self.screen, describe(widget), text, size_text(needed), size_text(given), why))

    def run(self) -> list[Clip]:
        self.check_window()
        for widget in [self.root, *self.root.findChildren(QWidget)]:
            if not widget.isVisible() or widget.window() is not self.root:
                continue
            given = visible_size(widget, self.root)
            if isinstance(widget, QLabel):
                self.check_label(widget, given)
            elif isinstance(widget, QAbstractButton):
                self.check_button(widget, given)
            elif isinstance(widget, QTabBar):
                self.check_tabs(widget)
            elif isinstance(widget, QComboBox):
                self.check_combo(widget, given)
            elif isinstance(widget, QLineEdit):
                self.check_line(widget, given)
            elif isinstance(widget, QPlainTextEdit):
                self.check_placeholder(widget)
            elif isinstance(widget, QGroupBox):
                self.check_group(widget, given)
            elif isinstance(widget, QHeaderView):
                self.check_header(widget)
            elif isinstance(widget, (QListView, QTableView, QTreeView)):
                self.check_items(widget)
            elif isinstance(widget, QStatusBar):
                self.check_status(widget)
        return self.found

    def check_status(self, bar: QStatusBar) -> None:
        message = bar.currentMessage()
        if not message:
            return
        # Where QStatusBar draws it (QStatusBarPrivate::messageRect): 6 px in, and
        # up to 2 px before the first permanent widget ("All changes saved").
        left, right = 6, bar.width() - 12
        # While a message shows, the bar hides its other widgets; the size grip sits past them.
        permanent = [
            w
            for w in bar.findChildren(QWidget)
            if w.parentWidget() is bar and w.isVisible() and not isinstance(w, QSizeGrip)
        ]
        for widget in permanent:
            if bar.isRightToLeft():
                left = max(left, widget.geometry().right() + 3)
            else:
                right = min(right, widget.x() - 2)
        needed = bar.fontMetrics().horizontalAdvance(message)
        if needed > right - left + TOLERANCE:
            height = bar.fontMetrics().height()
            self.clip(bar, message, (needed, height), (right - left, bar.height()))

    def check_window(self) -> None:
        screen = self.root.screen()
        if screen is None:
            return
        room = screen.geometry()
        if self.root.width() > room.width() or self.root.height() > room.height():
            # Qt grew the window to the minimum its layout needs: the screen's edge cuts it.
            needed = self.root.size().expandedTo(self.root.minimumSize())
            self.clip(
                self.root,
                self.root.windowTitle(),
                needed,
                room.size(),
                "the window is larger than the screen",
            )

    def check_label(self, label: QLabel, given: tuple[int, int]) -> None:
        text = label.text()
        if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
            return
        width, height = given
        if label.property("elided"):
            # ui.widgets.ElidedLabel: what it shows must fit; what it leaves out must be in the tooltip.
            full = label.property("fullText") or ""
            shown = label.fontMetrics().horizontalAdvance(text)
            if text != full and not holds(label.toolTip(), full):
                self.clip(label, full, (shown, 0), given, "elided without the full text in its tooltip")
            elif (
                shown > label.contentsRect().width() + TOLERANCE
                or label.sizeHint().height() > height + TOLERANCE
            ):
                self.clip(label, text, (shown, label.sizeHint().height()), given)
            return
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
        )
        if label.buddy() is not None and not rich:
            text = strip_mnemonic(text)
        if label.wordWrap():
            needed_height = label.heightForWidth(label.width())
            needed_width = label.minimumSizeHint().width() if rich else self._longest_line(label, text)
            if needed_height > height + TOLERANCE or needed_width > width + TOLERANCE:
                self.clip(label, plain_text(text) if rich else text, (needed_width, needed_height), given)
            return
        hint = label.sizeHint()
        if hint.width() > width + TOLERANCE or hint.height() > height + TOLERANCE:
            self.clip(label, plain_text(text) if rich else text, hint, given)

    @staticmethod
    def _longest_line(label: QLabel, text: str) -> int:
        # Wrapped at the label's width, a word longer than the width still
        # overflows it. QLabel's text area: the contents less margin and indent
        # (a framed label indents by half an "x" when its indent is unset).
        indent = label.indent()
        if indent < 0:
            indent = label.fontMetrics().horizontalAdvance("x") // 2 if label.frameWidth() > 0 else 0
        room = label.contentsRect().width() - 2 * label.margin() - indent
        flags = int(label.alignment()) | int(Qt.TextFlag.TextWordWrap)
        bounds = label.fontMetrics().boundingRect(QRect(0, 0, max(room, 1), BIG), flags, text)
        return label.width() + max(bounds.width() - room, 0)

    def check_button(self, button: QAbstractButton, given: tuple[int, int]) -> None:
        text = strip_mnemonic(button.text())
        if not text.strip() or isinstance(button.parentWidget(), QTabBar):
            return
        hint = button.sizeHint()
        width, height = given
        if hint.width() > width + TOLERANCE or hint.height() > height + TOLERANCE:
            self.clip(button, text, hint, given)

    def check_tabs(self, bar: QTabBar) -> None:
        for index in range(bar.count()):
            if not bar.isTabVisible(index):
                continue
            rect, text = bar.tabRect(index), bar.tabText(index)
            hint = bar.tabSizeHint(index)
            short = hint.width() > rect.width() + TOLERANCE or hint.height() > rect.height() + TOLERANCE
            outside = not bar.usesScrollButtons() and rect.right() > bar.width()
            if (short or outside) and not holds(bar.tabToolTip(index), strip_mnemonic(text)):
                self.clip(bar, strip_mnemonic(text), hint, rect.size(), "tab clipped")

    def check_combo(self, combo: QComboBox, given: tuple[int, int]) -> None:
        if combo.isEditable():
            return  # its line edit is checked as one
        text = combo.currentText()
        if not text:
            return
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        needed = combo.fontMetrics().horizontalAdvance(text)
        if not combo.itemIcon(combo.currentIndex()).isNull():
            needed += combo.iconSize().width() + 4
        room = min(field.width(), given[0] - field.left())
        if combo.fontMetrics().height() > min(field.height(), given[1]) + TOLERANCE:
            self.clip(combo, text, (needed, combo.fontMetrics().height()), (room, field.height()))
        # A combo box that elides what it shows may, when its tooltip has all of it.
        elif needed > room + TOLERANCE and not (combo.property("elides") and holds(combo.toolTip(), text)):
            why = "elided without the full text in its tooltip" if combo.property("elides") else "clipped"
            self.clip(combo, text, (needed, combo.fontMetrics().height()), (room, field.height()), why)

    def check_line(self, line: QLineEdit, given: tuple[int, int]) -> None:
        # A field being typed in (an editable combo box too) scrolls its text
        # with the cursor, as every text field does; a hint, a value shown
        # read-only and the value of a date or number box do not.
        owner = line.parentWidget()
        shown = line.isReadOnly() or isinstance(owner, QAbstractSpinBox)
        text = (line.text() if shown else "") or ("" if line.text() else line.placeholderText())
        if not text or line.echoMode() != QLineEdit.EchoMode.Normal:
            return
        option = QStyleOptionFrame()
        line.initStyleOption(option)
        inner = line.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, line)
        margins = line.textMargins()
        # QLineEdit keeps two pixels free on each side of its text.
        room = min(inner.width(), given[0] - inner.left()) - margins.left() - margins.right() - 4
        for action in line.actions():
            if action.isVisible():
                room -= line.height() // 2 + 4  # a trailing icon such as the clear button
        needed = line.fontMetrics().horizontalAdvance(text)
        why = "placeholder clipped" if not line.text() else "clipped"
        if (
            needed > room + TOLERANCE
            or line.fontMetrics().height() > min(inner.height(), given[1]) + TOLERANCE
        ):
            self.clip(line, text, (needed, line.fontMetrics().height()), (room, inner.height()), why)

    def check_placeholder(self, edit: QPlainTextEdit) -> None:
        text = edit.placeholderText()
        if edit.toPlainText() or not text:
            return
        margin = int(edit.document().documentMargin())
        room = edit.viewport().rect().adjusted(margin, margin, -margin, -margin)
        bounds = edit.fontMetrics().boundingRect(
            QRect(0, 0, max(room.width(), 1), BIG), int(Qt.TextFlag.TextWordWrap), text
        )
        if bounds.height() > room.height() + TOLERANCE:
            self.clip(edit, text, bounds.size(), room.size(), "placeholder clipped")

    def check_group(self, group: QGroupBox, given: tuple[int, int]) -> None:
        title = strip_mnemonic(group.title())
        needed = group.fontMetrics().horizontalAdvance(title) + 16
        if title and needed > given[0]:
            self.clip(group, title, (needed, group.fontMetrics().height()), given)

    def check_header(self, header: QHeaderView) -> None:
        model = header.model()
        if model is None:
            return
        across = header.orientation() == Qt.Orientation.Horizontal
        for logical in range(min(header.count(), MAX_ROWS)):
            if header.isSectionHidden(logical) or header.sectionSize(logical) == 0:
                continue
            text = str(model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
            if not text:
                continue
            needed = header.sectionSizeFromContents(logical)
            given = (
                (header.sectionSize(logical), header.height())
                if across
                else (header.width(), header.sectionSize(logical))
            )
            if needed.width() > given[0] + TOLERANCE or needed.height() > given[1] + TOLERANCE:
                tooltip = model.headerData(logical, header.orientation(), Qt.ItemDataRole.ToolTipRole)
                if not holds(str(tooltip or ""), text):
                    self.clip(header, text, needed, given, "header clipped")

    def check_items(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None:
            return
        viewport = view.viewport().rect()
        across = view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        down = view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        try:
            columns = model.columnCount(view.rootIndex())
        except TypeError:  # a list model hides columnCount: it has one column
            columns = 1
        wrap = bool(getattr(view, "wordWrap", lambda: False)())
        for row in range(min(model.rowCount(view.rootIndex()), MAX_ROWS)):
            if isinstance(view, QTableView) and view.isRowHidden(row):
                continue
            if isinstance(view, QListView) and view.isRowHidden(row):
                continue
            for column in range(columns):
                if isinstance(view, QTableView) and view.isColumnHidden(column):
                    continue
                if isinstance(view, QTreeView) and view.isColumnHidden(column):
                    continue
                if isinstance(view, QListView) and column != view.modelColumn():
                    continue
                index = model.index(row, column, view.rootIndex())
                self.check_item(view, index, viewport, across, down, wrap)

    def check_item(
        self,
        view: QAbstractItemView,
        index: QModelIndex,
        viewport: QRect,
        across: bool,
        down: bool,
        wrap: bool,
    ) -> None:
        rect = view.visualRect(index)
        if rect.isEmpty() or view.indexWidget(index) is not None:
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = QRect(rect)
        needed = view.itemDelegateForIndex(index).sizeHint(option, index)
        # What of the item can be brought into view, axis by axis: scrolling
        # down shows a row below the view, not a row cut off at the side.
        reachable_width = (
            rect.width() if across else overlap(rect.left(), rect.right(), viewport.left(), viewport.right())
        )
        reachable_height = (
            rect.height() if down else overlap(rect.top(), rect.bottom(), viewport.top(), viewport.bottom())
        )
        if rect.height() > viewport.height() + TOLERANCE and text.strip():
            # Taller than the view: no scrolling shows the whole of it at once.
            self.clip(view, text, rect.size(), viewport.size(), "row taller than its view")
            return
        if not text.strip():
            return
        short_width = needed.width() > reachable_width + TOLERANCE and not (
            wrap and reachable_width == rect.width()
        )
        short_height = needed.height() > reachable_height + TOLERANCE
        if (short_width or short_height) and not holds(tooltip, text):
            self.clip(view, text, needed, (reachable_width, reachable_height), "item clipped")


def clipped(root: QWidget, screen: str) -> list[Clip]:
    """Return every text in ``root`` (a window or dialog) that does not fit its widget.

    Args:
        root: The shown top-level widget to check.
        screen: How a failure names what was on screen, e.g.
            "walk-through step 2 (1920×1080, zoom 150 %)".
    """
    return _Checker(root, screen).run()
