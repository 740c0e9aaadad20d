"""One pattern of the library, read from the back of the room: where it came from,
how its boundaries grew, who adopted it.

Double-clicking an outcome, a boundary group, an adoption or an event (or Tab to
it and Enter) asks to open that record in its event. A single click does not:
a stray click must not take the lead away from the library.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QWidget

from facilitator.followup.library import PatternDetail
from facilitator.i18n import N_, _
from ui.followup.library.pattern_html import DetailDocument, Look, Target

# Marked here, translated where it is shown.
EMPTY_TEXT = N_("Choose a pattern to see its history.")


def _rgb(colour: QColor) -> tuple[float, float, float]:
    return (colour.redF(), colour.greenF(), colour.blueF())


def _blend(front: QColor, back: QColor, share: float) -> str:
    pairs = zip(_rgb(front), _rgb(back), strict=True)
    mixed = [share * f + (1 - share) * b for f, b in pairs]
    return QColor.fromRgbF(*mixed).name()


def current_look(widget: QWidget) -> Look:
    """Read the running theme's colours and sizes from styled probe widgets."""

    def probe(role: str, kind: type[QWidget] = QLabel) -> QWidget:
        probe_widget = kind()
        probe_widget.setProperty("role", role)
        probe_widget.ensurePolished()
        return probe_widget

    def colour(role: str) -> str:
        return probe(role).palette().color(QPalette.ColorRole.WindowText).name()

    palette = widget.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return Look(
        text=text.name(),
        muted=colour("muted"),
        danger=colour("danger"),
        ok=colour("ok"),
        card=probe("card", QFrame).palette().color(QPalette.ColorRole.Window).name(),
        border=_blend(text, base, 0.45),
        link=palette.color(QPalette.ColorRole.Highlight).name(),
        heading_pt=probe("heading").font().pointSizeF(),
        subheading_pt=probe("subheading").font().pointSizeF(),
    )


class PatternDetailView(QTextBrowser):
    """The selected pattern's detail as one scrolling document."""

    open_requested = Signal(object, str, object)  # event id, record kind, record id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName(_("Pattern detail"))
        self.detail: PatternDetail | None = None
        self.targets: list[Target] = []
        self._expanded: frozenset[str] = frozenset()
        self._from_mouse = False
        self.anchorClicked.connect(self._on_anchor)
        self.show_detail(None)

    def show_detail(self, detail: PatternDetail | None, hint: str | None = None) -> None:
        """Show one pattern (its long lists cut short), or ``hint`` (translated) when ``detail`` is None.

        The same pattern read again (the page was shown anew) keeps its place
        and the lists opened in full.
        """
        same = detail is not None and self.detail is not None and detail.pattern_id == self.detail.pattern_id
        position = self.verticalScrollBar().value() if same else 0
        if not same:
            self._expanded = frozenset()
        self.detail = detail
        if detail is None:
            self.targets = []
            self.setPlainText(_(EMPTY_TEXT) if hint is None else hint)
            return
        self._render()
        self.verticalScrollBar().setValue(position)

    def show_all(self, section: str) -> None:
        """Show every item of one section ("outcomes", "boundaries", "adoptions", "events")."""
        position = self.verticalScrollBar().value()
        self._expanded = self._expanded | {section}
        self._render()
        self.verticalScrollBar().setValue(position)

    def _render(self) -> None:
        if self.detail is None:
            return
        document = DetailDocument(current_look(self), self._expanded)
        self.document().setDefaultStyleSheet(f"a {{ color: {document.look.text}; text-decoration: none; }}")
        self.setHtml(document.render(self.detail))
        self.targets = document.targets

    def target_at(self, position) -> Target | None:
        """Return what the record under ``position`` (viewport coordinates) opens."""
        href = self.anchorAt(position)
        if not href:
            # Inside a card but between words: the card's nearest text decides.
            cursor = self.cursorForPosition(position)
            if cursor.currentTable() is not None:
                href = cursor.charFormat().anchorHref()
        return self._target_of(href)

    def _target_of(self, href: str) -> Target | None:
        number = href.removeprefix("open:")
        if href.startswith("open:") and number.isdigit() and int(number) < len(self.targets):
            return self.targets[int(number)]
        return None

    def mouseDoubleClickEvent(self, event) -> None:
        target = self.target_at(event.position().toPoint())
        if target is None:
            super().mouseDoubleClickEvent(event)
            return
        event.accept()
        self.open_requested.emit(*target)

    def mouseReleaseEvent(self, event) -> None:
        self._from_mouse = True
        try:
            super().mouseReleaseEvent(event)
        finally:
            self._from_mouse = False

    def _on_anchor(self, url) -> None:
        # "Show all" works with a click; opening a record needs a double-click
        # (or Enter on a link the keyboard reached).
        href = url.toString()
        if href.startswith("more:"):
            self.show_all(href.removeprefix("more:"))
            return
        target = None if self._from_mouse else self._target_of(href)
        if target is not None:
            self.open_requested.emit(*target)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and self.detail is not None:
            self._render()  # the theme or zoom changed: redraw in its colours
