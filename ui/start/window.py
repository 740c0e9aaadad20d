"""The first window: the events in this database, newest first."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QHBoxLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.demo import create_demo_event
from facilitator.services import events
from facilitator.services.errors import ServiceError
from facilitator.storage import Database, StorageError
from ui.start.event_list_model import EventListModel


class StartWindow(QMainWindow):
    """Recent events with a filter; the walk-through opens from here."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db
        self.setWindowTitle("Scale Across Facilitator")
        self.model = EventListModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        heading = QLabel("Recent events")
        heading_font = QFont(heading.font())
        heading_font.setPointSize(28)
        heading_font.setBold(True)
        heading.setFont(heading_font)

        self.filter_edit = QLineEdit(placeholderText="Filter by coalition, title, date or status")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(44)

        self.empty_label = QLabel(
            "No events yet. Create the sample event to see how a finished event looks."
        )
        self.empty_label.setWordWrap(True)

        self.demo_action = QAction("Create sample event", self)
        self.demo_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.demo_action.triggered.connect(self.create_sample_event)
        self.addAction(self.demo_action)
        demo_button = QPushButton(self.demo_action.text())
        demo_button.clicked.connect(self.demo_action.trigger)

        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(demo_button)
        layout = QVBoxLayout()
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

        body = QFont(self.font())
        body.setPointSize(16)
        central.setFont(body)
        heading.setFont(heading_font)
        self.statusBar().showMessage(f"Database: {db.path or db.url}")
        self.refresh()

    def refresh(self) -> None:
        """Reload the event list from the database."""
        try:
            with self._db.transaction() as session:
                rows = events.list_events(session)
        except StorageError as exc:
            self._show_error(str(exc))
            return
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def create_sample_event(self) -> None:
        """Create the demo event and show it at the top of the list."""
        try:
            with self._db.transaction() as session:
                create_demo_event(session)
        except (StorageError, ServiceError) as exc:
            self._show_error(str(exc))
            return
        self.refresh()
        self.statusBar().showMessage("Sample event created and saved", 5000)

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, "Scale Across Facilitator", message)
