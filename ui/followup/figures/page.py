"""The figures page: the five adoption figures, overall or per coalition, over quarters."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from exports.errors import ExportError
from facilitator import numbers
from facilitator.dates import day
from facilitator.figures import (
    FIGURES,
    Figures,
    FiguresReport,
    compute_figures,
)
from facilitator.i18n import N_, _
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.background import BackgroundTasks, Task
from ui.flow_layout import FlowLayout
from ui.followup.figures.cards import FigureCard, StartedFitCard, TopPatternsCard
from ui.opening import not_opened, open_path
from ui.settings import Settings
from ui.widgets import ElidingComboBox, FillingScrollArea, heading

if TYPE_CHECKING:
    from facilitator.progress import Progress
    from facilitator.storage import Database

COLUMNS = 3
# A card needs this many average characters of width; fewer columns when narrower.
CARD_CHARS = 34
# Marked here, translated where it is shown.
EXPORT_TIP = N_("Write the figures of every scope as a PDF for leadership")
REPORT = "report"  # the kind of background task the export is


class FiguresPage(QWidget):
    """Headline numbers and a chart per figure, for all coalitions or one.

    Args:
        db: Returns the open database.
        parent: The owning widget.
        today: The day six-month windows are judged on (tests fix it).
        settings: Where the page size and export folder are read (default: the app's).
        tasks: Where the report export runs (the window's, so its progress panel shows
            it; default: the page's own).
    """

    open_requested = Signal(object, str, object)  # event id, record kind, record id
    problem = Signal(str)
    # The cards' scroll area keeps the name tests and callers know it by, over QWidget.scroll(dx, dy).
    scroll: FillingScrollArea  # type: ignore[assignment]

    def __init__(
        self,
        db: Callable[[], Database],
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        settings: Settings | None = None,
        tasks: BackgroundTasks | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        #: The report is rendered off the GUI thread: a long history takes seconds.
        self.tasks = tasks or BackgroundTasks(self)
        self._fixed_today = today
        self._settings = settings or Settings()
        self.report: FiguresReport | None = None

        self.scope_combo = ElidingComboBox()
        self.scope_combo.setAccessibleName(_("Scope: overall or one coalition"))
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_combo.setMinimumContentsLength(22)
        # Grows into the row's spare width; a longer name ends in "…" (the tooltip has it).
        self.scope_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Translators: the label of the figures' scope choice: all coalitions or one
        scope_label = QLabel(_("&Scope"))
        scope_label.setBuddy(self.scope_combo)
        # Translators: a button that writes the figures as a PDF report
        self.export_button = QPushButton(_("Export report…"))
        self.export_button.setProperty("role", "primary")
        self.export_button.setToolTip(_(EXPORT_TIP))
        self.subtitle = heading("", "muted")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label = heading("", "muted")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = heading("", "muted")
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        self.cards = [FigureCard(info) for info in FIGURES]
        self.top_patterns = TopPatternsCard()
        self.started_fit = StartedFitCard()
        body = QWidget()
        self._grid = QGridLayout(body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(16)
        self._columns = 0
        self._arrange_cards(COLUMNS)
        # Both rows of cards fill the page at 1080p, each chart as tall as the
        # room allows; only below the cards' smallest size (a 720p projector,
        # a high zoom) does the page scroll. A plain scroll area kept every
        # card at the height its wrapped text prefers and cut off the bottom row.
        self.scroll = FillingScrollArea(body)

        # The scope and the export follow the heading, and wrap below it at a high zoom.
        scope = QWidget()
        scope_row = QHBoxLayout(scope)
        scope_row.setContentsMargins(0, 0, 0, 0)
        scope_row.addWidget(scope_label)
        scope_row.addWidget(self.scope_combo, 1)
        scope.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = FlowLayout(spacing=12, line_spacing=8)
        # Translators: the heading of the figures page (the adoption figures)
        for widget in (heading(_("Figures"), "heading"), scope, self.export_button):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.message)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll, 1)
        self.message.hide()
        self.setFocusProxy(self.scope_combo)

        self.scope_combo.currentIndexChanged.connect(lambda _index: self._show_scope())
        self.export_button.clicked.connect(self.export_report)
        self.tasks.started.connect(lambda _task: self._follow_export())
        self.tasks.ended.connect(lambda _task: self._follow_export())

    def _arrange_cards(self, columns: int) -> None:
        """Lay the cards out in ``columns`` columns (three at 1080p; fewer at a high zoom)."""
        if columns == self._columns:
            return
        self._columns = columns
        cards = [*self.cards, self.top_patterns]
        for card in [*cards, self.started_fit]:
            self._grid.removeWidget(card)
        for index, card in enumerate(cards):
            self._grid.addWidget(card, index // columns, index % columns)
        # A strip across the page below the charts: a few lines, no chart.
        self._grid.addWidget(self.started_fit, (len(cards) + columns - 1) // columns, 0, 1, columns)
        for column in range(COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns(event.size().width())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            QTimer.singleShot(0, self, lambda: self._fit_columns(self.width()))

    def _fit_columns(self, width: int) -> None:
        # Three cards a row while each has its characters; a zoomed card's
        # title and headline number must not share a row too narrow for them.
        card = CARD_CHARS * max(self.fontMetrics().averageCharWidth(), 1)
        self._arrange_cards(max(1, min(COLUMNS, width // card)))

    def today(self) -> dt.date:
        """Return the day the figures are computed for."""
        return self._fixed_today or dt.date.today()

    def refresh(self) -> None:
        """Recompute every figure from the database, keeping the chosen scope."""
        try:
            with self._db().transaction() as session:
                report = compute_figures(session, today=self.today())
        except (StorageError, ServiceError) as exc:
            self.problem.emit(_("The figures could not be computed: {error}").format(error=exc))
            return
        self.report = report
        chosen = self.scope_combo.currentData()
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        for figures in report.scopes:
            self.scope_combo.addItem(figures.scope, figures.coalition_id)
        self.scope_combo.setCurrentIndex(max(0, self._index_of(chosen)))
        self.scope_combo.blockSignals(False)
        self._follow_export()
        self._show_scope()

    def select_scope(self, coalition_id: uuid.UUID | None) -> None:
        """Show the figures of one coalition (None: overall)."""
        index = self._index_of(coalition_id)
        if index >= 0:
            self.scope_combo.setCurrentIndex(index)

    def _index_of(self, coalition_id: uuid.UUID | None) -> int:
        # findData() cannot compare Python objects such as UUIDs; compare here.
        for index in range(self.scope_combo.count()):
            if self.scope_combo.itemData(index) == coalition_id:
                return index
        return -1

    def current_figures(self) -> Figures | None:
        """Return the figures shown, or None before the first refresh."""
        if self.report is None:
            return None
        return self.report.scopes[max(0, self.scope_combo.currentIndex())]

    def _show_scope(self) -> None:
        figures, report = self.current_figures(), self.report
        if figures is None or report is None:
            return
        empty = figures.is_empty
        if report.is_empty:
            self.empty_label.setText(
                _("No figures yet. They appear once events have recorded agreements, patterns or outcomes.")
            )
        else:
            self.empty_label.setText(_("No events or patterns recorded for this coalition yet."))
        self.empty_label.setVisible(empty)
        self.scroll.setVisible(not empty)
        self.subtitle.setText(self._subtitle(report, figures))
        cards: list[FigureCard | TopPatternsCard | StartedFitCard] = [
            *self.cards,
            self.top_patterns,
            self.started_fit,
        ]
        for card in cards:
            card.show_figures(figures)

    def _subtitle(self, report: FiguresReport, figures: Figures) -> str:
        if not figures.quarters:
            # Translators: the day the figures are computed for
            return _("As of {date}").format(date=day(report.today))
        first, last = figures.quarters[0].quarter.label, figures.quarters[-1].quarter.label
        # Translators: the day the figures are computed for, then the quarters they cover ("2026 Q3")
        return _("As of {date} · {first} to {last}, by quarter of the event date").format(
            date=day(report.today), first=first, last=last
        )

    # Export --------------------------------------------------------------------

    def export_report(self) -> Task | None:
        """Ask where to write the PDF report of every scope, then write it atomically in the background.

        Returns the running task, or None when nothing was started.
        """
        if self.report is None or self.tasks.running(REPORT) is not None:
            return None
        from exports.report_file import report_file_name

        suggested = self._folder() / report_file_name(self.report.today)
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the adoption report"), str(suggested), _("PDF documents (*.pdf)")
        )
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        return self._write(self.report, path)

    def _write(self, report: FiguresReport, path: Path) -> Task | None:
        page_size = self._page_size()
        self.message.hide()

        def work(progress: Progress) -> Path:
            # Imported in the worker: ReportLab's first load would stall the GUI thread.
            from exports.report_file import export_report

            # The report is a finished computation nothing changes; the worker only reads it.
            return export_report(report, path, page_size=page_size, progress=progress)

        return self.tasks.start(
            REPORT,
            # Translators: the name of a task in the progress panel
            _("Adoption report"),
            work,
            describe=lambda done, total: _("Writing the adoption report: part {done} of {total}").format(
                done=numbers.integer(done), total=numbers.integer(total)
            ),
            on_done=self._written,
            on_error=lambda exc: self.problem.emit(
                _("The report was not written: {error}").format(error=exc)
            ),
            expected=(ExportError, ValueError),
            on_cancel=lambda: self._say(
                _("Cancelled: the report was not written to {path}").format(path=path)
            ),
        )

    def _written(self, written: Path) -> None:
        self._settings.set("export_folder", str(written.parent))
        done = _("Wrote the report to {path}").format(path=written)
        self._say(done)
        if self._settings.get("open_after_export") and not open_path(written):
            self._say(not_opened(done, written))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _follow_export(self) -> None:
        """Offer the export when there is something to report and no report is being written."""
        running = self.tasks.running(REPORT) is not None
        self.export_button.setEnabled(self.report is not None and not self.report.is_empty and not running)
        self.export_button.setToolTip(
            _("Not now: the report is being written. Wait for it, or cancel it.")
            if running
            else _(EXPORT_TIP)
        )

    def _page_size(self) -> str:
        size = str(self._settings.get("page_size"))
        return size if size.lower() in ("a4", "letter") else "A4"

    def _folder(self) -> Path:
        return self._settings.export_folder()
