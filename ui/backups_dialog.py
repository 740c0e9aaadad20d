"""File ▸ Backups…: where the backups are, which are kept, how many to keep, and one now."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.dates import clock, day_time
from facilitator.file_size import describe_size
from facilitator.i18n import N_, _
from facilitator.progress import BACKUP
from facilitator.storage import StorageError
from facilitator.storage.backups import Backup, backup_folder, list_backups, take_backup
from ui.background import BackgroundTasks, Reporter
from ui.progress_panel import ProgressPanel
from ui.settings import APPLICATION, Settings
from ui.start_tasks import BACKUP_TASK, BACKUP_TITLE, backup_step_words, staged
from ui.widgets import heading, plain_label, size_in_lines

if TYPE_CHECKING:
    from facilitator.storage import Database

# The most backups the spin box offers: enough for a year of weekly events.
MAX_KEEP = 999
# Why each backup was taken, as the list says it (translated where shown).
REASONS = {
    "at-start": N_("When the app started"),
    "before-migration": N_("Before a schema update"),
    "manual": N_("Backed up by hand"),
    "": N_("Backup"),
}


class BackupsDialog(QDialog):
    """Shows the backup folder and this database's backups; sets how many are kept.

    The number is stored in the ``backups_keep`` option as soon as it
    changes. Lowering it deletes nothing at once (a slip of the arrow key
    must not cost backups): the oldest beyond the number go when the next
    backup is taken, by "Back up now" or at the next start.

    "Back up now" copies on a pool thread (over a second at 10,000 events):
    the window behind keeps painting, a bar shows the step, and Cancel (or
    Close) stops it with no file written.
    """

    def __init__(self, db_path: Path, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.settings = settings
        self.setWindowTitle(_("Backups"))
        folder_row = self._build_folder_row(backup_folder())
        self._build_list()
        keep_row = self._build_keep_row()
        self.status = plain_label("")
        self.status.hide()
        self.tasks = BackgroundTasks(self)
        self.progress = ProgressPanel(self.tasks)
        self.tasks.started.connect(lambda _task: self._follow_task())
        self.tasks.ended.connect(lambda _task: self._follow_task())
        buttons = self._build_buttons()

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(_("Backups"), "heading"))
        layout.addLayout(folder_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(keep_row)
        layout.addWidget(
            plain_label(_("Older ones are removed when the next backup is taken, never before."), "muted")
        )
        layout.addWidget(self.status)
        # At the largest zoom on a 720p projector the content is taller than
        # the screen: it scrolls, and the buttons stay in sight below it.
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.progress)
        outer.addWidget(buttons)
        size_in_lines(self, 48, 24)
        self.refresh()
        self.keep.setFocus()

    def _build_folder_row(self, folder: Path) -> QHBoxLayout:
        """Build where the backups are kept, with a button that opens the folder."""
        self.folder_label = plain_label(
            _("Verified copies of {database} are kept in {folder}.").format(
                database=self.db_path, folder=folder
            )
        )
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show_folder = QPushButton(_("&Show folder"))
        show_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        show_folder.setEnabled(folder.is_dir())
        self.show_folder_button = show_folder
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(show_folder, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _build_list(self) -> None:
        """Build the list of backups, and the note shown instead when there are none."""
        self.list = QTreeWidget()
        self.list.setColumnCount(3)
        # Translators: the columns of the backups list: when each was taken, why, and its size.
        self.list.setHeaderLabels([_("Taken"), _("Why"), _("Size")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.ensurePolished()
        # Room for the header and two backups whatever the zoom; more scroll.
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 4)
        self.empty_label = plain_label(_("There are no backups of this database yet."), "muted")

    def _build_keep_row(self) -> QHBoxLayout:
        """Build the "Keep the newest N backups" row; a change is stored at once."""
        self.keep = QSpinBox()
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setValue(min(MAX_KEEP, max(1, self.settings.get("backups_keep"))))
        self.keep.setAccessibleName(_("Number of backups to keep"))
        self.keep.ensurePolished()
        self.keep.setMinimumWidth(self.keep.fontMetrics().horizontalAdvance("8888") + 64)
        self.keep.valueChanged.connect(self._store_keep)
        # Translators: "Keep the newest [20] backups": the words before the number field.
        keep_label = QLabel(_("&Keep the newest"))
        keep_label.setBuddy(self.keep)
        row = QHBoxLayout()
        row.addWidget(keep_label)
        row.addWidget(self.keep)
        # Translators: "Keep the newest [20] backups": the word after the number field.
        row.addWidget(QLabel(_("backups")))
        row.addStretch(1)
        return row

    def _build_buttons(self) -> QDialogButtonBox:
        """Build Close (the default) and "Back up now"."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.back_up_button = buttons.addButton(_("Back up &now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.back_up_button.setProperty("role", "primary")
        self.back_up_button.clicked.connect(self.back_up_now)
        # Enter after typing the number closes the dialog; a backup is never
        # started by a key that only meant "done".
        self.back_up_button.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        buttons.rejected.connect(self.reject)
        return buttons

    def backups(self) -> list[Backup]:
        """Return the backups shown, newest first."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in items if item is not None]

    def refresh(self) -> None:
        """Read the backup folder again."""
        self.list.clear()
        for backup in list_backups(self.db_path):
            when = backup.created
            item = QTreeWidgetItem(
                [
                    day_time(when, seconds=True),
                    _reason(backup.reason),
                    describe_size(backup.size),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, backup)
            item.setToolTip(0, str(backup.path))
            item.setToolTip(1, item.text(1))  # elided at the largest zoom
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        gap = self.list.fontMetrics().averageCharWidth() * 2
        for column in (0, 2):
            # Room between the columns: the date must not run into the reason.
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, self.list.columnWidth(column) + gap)
        first = self.list.topLevelItem(0)
        self.list.setVisible(first is not None)
        self.empty_label.setVisible(first is None)
        if first is not None:
            self.list.setCurrentItem(first)
        self.show_folder_button.setEnabled(backup_folder().is_dir())

    def back_up_now(self) -> None:
        """Take a verified backup on the pool, keeping the newest N; say how it went when it ends."""
        keep = self.keep.value()

        def work(report: Reporter) -> Backup:
            return take_backup(self.db_path, keep=keep, reason="manual", progress=staged(report)(BACKUP))

        def taken(backup: Backup) -> None:
            self.refresh()
            when, size = clock(backup.created, seconds=True), describe_size(backup.size)
            self._say(_("Backed up at {time} ({size}).").format(time=when, size=size), "ok")

        self.tasks.start(
            BACKUP_TASK,
            _(BACKUP_TITLE),
            work,
            describe=backup_step_words,
            on_done=taken,
            on_error=lambda exc: self._say(_("No backup was taken: {error}").format(error=exc), "danger"),
            expected=(StorageError, OSError),
            on_cancel=lambda: self._say(_("Cancelled: no backup was taken."), "muted"),
        )

    def _follow_task(self) -> None:
        running = self.tasks.running(BACKUP_TASK) is not None
        self.back_up_button.setEnabled(not running)
        self.back_up_button.setToolTip(_("A backup is being taken") if running else "")

    def done(self, result: int) -> None:
        """Close; a backup still running is cancelled first (it leaves no file)."""
        self.tasks.shut_down()
        super().done(result)

    def _store_keep(self, value: int) -> None:
        self.settings.set("backups_keep", value)
        self.settings.sync()

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        self.status.setProperty("role", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.show()


def _reason(reason: str) -> str:
    """Say why a backup was taken; a reason this version does not know is shown as stored."""
    known = REASONS.get(reason)
    return _(known) if known is not None else reason.replace("-", " ").capitalize()


def show_backups(
    parent: QWidget, settings: Settings, database: Callable[[], Database], on_problem: Callable[[str], None]
) -> None:
    """Show the backups of the open database file, how many are kept, and back up now.

    ``database`` opens the database if that has not happened yet; a problem
    doing so goes to ``on_problem`` (the window's banner).
    """
    try:
        path = database().path
    except StorageError as exc:
        on_problem(str(exc))
        return
    if path is None:
        QMessageBox.information(
            parent,
            APPLICATION,
            _(
                "This is a shared database on a server. Its dumps are made with pg_dump: "
                "“scale-across db backup --db URL” takes one now, “scale-across db backups” lists them, "
                "and the app takes one before every upgrade. The server's own backups are its owner's."
            ),
        )
        return
    BackupsDialog(path, settings, parent).exec()
