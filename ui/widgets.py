"""Small widget helpers with no dependency on the database layer."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStylePainter,
    QWidget,
)


def heading(text: str, role: str = "subheading") -> QLabel:
    """Return a word-wrapping label styled by the stylesheet's ``role``.

    The text is shown as typed, never as markup: headings carry names people
    typed, and Qt would otherwise guess that "<b>Ops</b>" is rich text.
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def tooltip_text(text: str) -> str:
    """Return ``text`` as a tooltip that shows it as typed.

    Qt guesses whether a tooltip is rich text, so typed text with tags would
    render (an image, a link); escaped inside a paragraph it cannot.
    """
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def plain_label(text: str, role: str = "") -> QLabel:
    """Return a word-wrapping label that shows ``text`` as typed, never as markup.

    For names and figures people typed: a coalition called "<b>Ops</b>"
    must read as that, not in bold.
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def size_in_lines(dialog: QWidget, width_em: float, height_lines: float) -> None:
    """Size a dialog in units of its own text, within the screen it will show on.

    A size in pixels that suits 100 % zoom squeezes the content at 200 %;
    measured in text, the dialog grows with the zoom until it meets the
    screen (at most 90 % of it), and then its lists scroll.
    """
    dialog.ensurePolished()
    metrics = dialog.fontMetrics()
    width = round(metrics.averageCharWidth() * width_em * 2)  # an em is about two average characters
    height = round(metrics.lineSpacing() * height_lines)
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or dialog.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, round(room.width() * 0.9))
        height = min(height, round(room.height() * 0.9))
    dialog.resize(width, height)


def size_to_text(dialog: QWidget, width_em: float, scroll: FillingScrollArea | None = None) -> None:
    """Size a dialog ``width_em`` wide (in its text) and as tall as its wrapped text needs.

    Within the screen it shows on (at most 90 % of it). With ``scroll``, the
    dialog's content is that scroll area's page: the dialog is made tall
    enough for all of it, and below that the page scrolls.
    """
    dialog.ensurePolished()
    width = round(dialog.fontMetrics().averageCharWidth() * width_em * 2)
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or dialog.screen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None:
        width = min(width, round(room.width() * 0.9))
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    if scroll is not None:
        margins = layout.contentsMargins() if layout is not None else QMargins()
        page = scroll.page
        inner = width - margins.left() - margins.right()
        page_height = page.heightForWidth(inner) if page.hasHeightForWidth() else page.sizeHint().height()
        height = dialog.sizeHint().height() - scroll.sizeHint().height() + page_height
    else:
        height = dialog.heightForWidth(width) if dialog.hasHeightForWidth() else dialog.sizeHint().height()
    if room is not None:
        height = min(height, round(room.height() * 0.9))
    dialog.resize(width, height)


class _Holder(QWidget):
    """Holds a page without a layout of its own: the scroll area then reads its minimum size."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        page.setParent(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.page.setGeometry(self.rect())
        super().resizeEvent(event)


class FillingScrollArea(QScrollArea):
    """A vertical scroll area whose page fills it, and scrolls only below the page's minimum.

    A plain scroll area never shrinks a page with wrapping text below the
    height the page would like, so such a page scrolls at every size. Here the
    page takes the scroll area's height whenever that is at least its minimum
    height for the width (every wrapped line still shown, every list at its
    smallest), and scrolls beyond that: at a high zoom on a short projector.
    With ``shrink=False`` the page never gets less than the height it prefers
    for its width (for a form, whose wrapping labels box layouts would squeeze).
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None, *, shrink: bool = True) -> None:
        super().__init__(parent)
        self.page = page
        self._shrink = shrink
        self._holder = _Holder(page)
        self.setWidget(self._holder)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The page's fields take the keyboard, not the frame around them.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page.installEventFilter(self)

    def fit(self) -> None:
        """Set the page's smallest height at the current width.

        Never a width: the page is as wide as the scroll area, and reflows
        to it (a page wider than its minimum would never learn it must).
        """
        width = self.viewport().width()
        layout = self.page.layout()
        height = self.page.minimumSizeHint().height()
        if layout is not None and layout.hasHeightForWidth():
            # A form of wrapping labels gets the height it prefers (box layouts
            # squeeze such a form below it); a page of lists and tables its least.
            height = layout.minimumHeightForWidth(width) if self._shrink else layout.heightForWidth(width)
            height = max(height, 0)
        if self._holder.minimumHeight() != height:
            self._holder.setMinimumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit()
        super().resizeEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        # A scroll bar that comes or goes changes the width the page wraps at.
        if isinstance(event, QResizeEvent) and event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self.fit)
        return super().viewportEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(watched, event)


class ElidedLabel(QLabel):
    """One line of text that ends in "…" when narrower than the text; the tooltip has all of it.

    For a name that only confirms a choice made elsewhere on screen (the
    selected pattern's name above its sources): one line is all it may take.
    """

    def __init__(
        self,
        text: str = "",
        role: str = "",
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self._mode = mode  # ElideMiddle for a path: its start and its file name both stay
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setProperty("elided", True)
        if role:
            self.setProperty("role", role)
        self._full = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        """Show ``text``, elided to the label's width."""
        self._full = text
        self.setProperty("fullText", text)
        self._elide()

    def full_text(self) -> str:
        """Return the whole text."""
        return self._full

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(self.contentsRect().width(), 1))
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(tooltip_text(self._full) if shown != self._full else "")

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right() + 2
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()


class ElidingComboBox(QComboBox):
    """A combo box whose closed text ends in "…" when wider than the box, with all of it in the tooltip.

    Qt itself cuts the text off mid-letter; a name the room cannot finish
    reading must at least say that it goes on, and where to read the rest.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("elides", True)
        self.currentIndexChanged.connect(lambda _index: self.update_tooltip())

    def field_width(self) -> int:
        """Return the width the current text is drawn in."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return field.width()

    def update_tooltip(self) -> None:
        """Put the current text in the tooltip when it does not fit (call after changing items quietly)."""
        if self.isEditable():
            return
        text = self.currentText()
        fits = self.fontMetrics().horizontalAdvance(text) <= self.field_width()
        self.setToolTip("" if fits else tooltip_text(text))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, self.field_width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update_tooltip()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.update_tooltip()


def combo_line(combo: QComboBox) -> QLineEdit:
    """Return the line edit an editable combo box types into.

    Raises:
        ValueError: ``combo`` is not editable, so it has no line edit.
    """
    line = combo.lineEdit()
    if line is None:
        raise ValueError("the combo box is not editable")
    return line


class _PlaceholderWidth(QObject):
    """Keeps a line edit at least as wide as its placeholder, at every zoom."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the line edit again when its font or style may have changed."""
        if isinstance(watched, QLineEdit) and event.type() in (
            QEvent.Type.Polish,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            fit_placeholder(watched)
        return False


def fit_placeholder(line: QLineEdit) -> None:
    """Never let ``line`` get narrower than its placeholder (which Qt would cut with "…").

    The first call also keeps it so when the zoom changes the font.
    """
    if line.property("fitsPlaceholder") is None:
        line.setProperty("fitsPlaceholder", True)
        line.installEventFilter(_PlaceholderWidth(line))
    text = line.fontMetrics().horizontalAdvance(line.placeholderText())
    combo = line.parentWidget()
    if isinstance(combo, QComboBox) and combo.lineEdit() is line:
        # The line of an editable combo box fills its field: size the combo box.
        combo_option = QStyleOptionComboBox()
        combo.initStyleOption(combo_option)
        size = combo.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, combo_option, QSize(text + 6, line.fontMetrics().height()), combo
        )
        combo.setMinimumWidth(size.width())
        return
    # The style's border and padding (from the stylesheet), the text margins,
    # and the two pixels QLineEdit keeps free on each side.
    option = QStyleOptionFrame()
    line.initStyleOption(option)
    option.rect = QRect(0, 0, 1000, max(line.height(), 10))
    inner = line.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, line)
    margins = line.textMargins()
    frame = 1000 - inner.width() + margins.left() + margins.right() + 4
    line.setMinimumWidth(text + frame + 1)
