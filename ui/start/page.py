"""The start page: recent events, New event, Open sample event, and a filter."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.summary import EventSummary
from facilitator.i18n import _
from ui.actions import Act, shortcut_text
from ui.flow_layout import FlowLayout
from ui.start.event_list_model import EventListModel
from ui.start.event_table import EventTable
from ui.widgets import heading

if TYPE_CHECKING:
    from facilitator.storage import Database

RowLoader = Callable[[], list[EventSummary]]
EVENT_TITLE_COLUMN = 2


def rows_from(db: Database) -> RowLoader:
    """Return a loader that lists the database's events through the services."""

    def load() -> list[EventSummary]:
        from facilitator.services import events

        with db.transaction() as session:
            return events.list_events(session)

    return load


class StartPage(QWidget):
    """Lists the database's events newest first; opening one is a double-click or Enter.

    ``load_rows`` reads the events; the first screen may be filled with rows
    read before the ORM is loaded (``refresh(rows)``).
    """

    open_requested = Signal(object)  # uuid.UUID of the event
    new_requested = Signal()
    sample_requested = Signal()
    followup_requested = Signal()

    def __init__(self, load_rows: RowLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self.model = EventListModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self._build_filter()
        self._build_table()
        self.empty_label = heading(
            # The sample is planned, not held: prepared with realistic records,
            # it shows what a facilitator walks the room through.
            _(
                "No events yet. Start with “New event”, or open the sample event: "
                "one prepared with realistic records, ready to walk through."
            ),
            "muted",
        )
        top = self._build_top()
        # Translators: a button that opens the event selected in the list
        self.open_button = QPushButton(_("Open"))
        self.open_button.clicked.connect(self.open_current)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)

        # Scrolls as a whole when the window is shorter than the page at its
        # smallest (200 % on a 720p projector with a progress panel above):
        # squeezed instead, the buttons would slide under the filter.
        content = QWidget()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        # Takes the room the table leaves when there is none: the filter and
        # the empty-state sentence stay under the title instead of floating
        # down the screen.
        layout.addStretch(0)
        layout.addLayout(bottom)
        self.setFocusProxy(self.filter_edit)

    def _build_filter(self) -> None:
        """Build the filter line; Enter in it opens the selected (or first) event."""
        self.filter_edit = QLineEdit(placeholderText=_("Filter by coalition, title, date or status"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter_edit.returnPressed.connect(self.open_current)

    def _build_table(self) -> None:
        """Build the event table: whole rows selected, the title taking the spare width."""
        self.table = EventTable()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(48)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The event's title takes the rest (see _fit_title): a long one ends in
        # "…" (the tooltip has it) rather than squeezing the status off the edge.
        header.setSectionResizeMode(EVENT_TITLE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.viewport().installEventFilter(self)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.activated.connect(lambda _index: self.open_current())

    def _build_top(self) -> FlowLayout:
        """Build the heading and the New event, sample and follow-up buttons."""
        new_button = QPushButton(_("New event…"))
        new_button.setProperty("role", "primary")
        new_button.setToolTip(_("Prepare a new event ({keys})").format(keys=shortcut_text(Act.NEW_EVENT)))
        new_button.clicked.connect(self.new_requested)
        sample_button = QPushButton(_("Open sample event"))
        sample_button.setToolTip(
            _("Create and open the sample event ({keys})").format(keys=shortcut_text(Act.OPEN_SAMPLE))
        )
        sample_button.clicked.connect(self.sample_requested)
        followup_button = QPushButton(_("History and follow-up"))
        followup_button.setToolTip(
            _("Past events, search, adoptions, patterns and figures ({keys})").format(
                keys=shortcut_text(Act.HISTORY)
            )
        )
        followup_button.clicked.connect(self.followup_requested)
        # The buttons follow the heading and wrap below it when the row is too
        # narrow for all of them (200 % on a 720p projector).
        title = heading(_("Scale Across events"), "heading")
        title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = FlowLayout(spacing=12, line_spacing=8)
        for widget in (title, followup_button, sample_button, new_button):
            top.addWidget(widget)
        return top

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the title column again when the table's viewport changes size."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._fit_title)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """Fit the title column again after a zoom (a style change)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            QTimer.singleShot(0, self, self._fit_title)  # a new zoom resizes the other columns

    def _fit_title(self) -> None:
        # Never narrower than its own title; the table scrolls sideways when even that does not fit.
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != EVENT_TITLE_COLUMN)
        least = header.sectionSizeFromContents(EVENT_TITLE_COLUMN).width()
        header.resizeSection(EVENT_TITLE_COLUMN, max(least, self.table.viewport().width() - others))

    def refresh(self, rows: list[EventSummary] | None = None) -> None:
        """Show ``rows``, or reload the event list from the database."""
        if rows is None:
            rows = self._load_rows()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.open_button.setVisible(bool(rows))
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._fit_title()

    def open_current(self) -> None:
        """Open the selected event (or the only one the filter leaves)."""
        index = self.table.currentIndex()
        if not index.isValid() and self.proxy.rowCount() >= 1:
            index = self.proxy.index(0, 0)
        if not index.isValid():
            return
        summary = index.data(Qt.ItemDataRole.UserRole)
        if summary is not None:
            self.open_requested.emit(summary.id)

    def select_event(self, event_id: uuid.UUID) -> None:
        """Select an event's row, e.g. the one just closed."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole).id == event_id:
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return
