"""The main window's centre: the error banner, the progress panel, and the page shown under them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from facilitator.i18n import _
from ui.actions import Act
from ui.error_banner import ErrorBanner
from ui.new_events import new_event, open_sample
from ui.progress_panel import ProgressPanel
from ui.start.page import StartPage, rows_from

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_centre(
    window: MainWindow,
) -> tuple[ErrorBanner, ProgressPanel, StartPage, QStackedWidget, QLabel]:
    """Lay out the window's centre and status bar; return banner, panel, start page, pages, saved label.

    The pages (start, an event, follow-up) share one stack; the banner and
    the progress panel sit above whichever is shown, so a message or a running
    export stays in view when the facilitator moves on.
    """
    banner = ErrorBanner()
    panel = ProgressPanel(window.tasks)
    start = StartPage(lambda: rows_from(window.db)())
    start.open_requested.connect(window.open_event)
    start.new_requested.connect(lambda: new_event(window))
    start.sample_requested.connect(lambda: open_sample(window))
    start.followup_requested.connect(lambda: window.show_followup(Act.HISTORY))
    pages = QStackedWidget()
    pages.addWidget(start)
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(panel)
    layout.addWidget(pages, 1)
    window.setCentralWidget(central)

    saved = QLabel(_("All changes are saved as you type"))
    saved.setProperty("role", "ok")
    window.statusBar().addPermanentWidget(saved)
    return banner, panel, start, pages, saved
