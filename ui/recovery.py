"""Recovery at start: a damaged database is moved aside and its newest verified backup offered.

The check runs before anything reads the file: when the previous session
did not end cleanly (the app was killed, the machine lost power), or when
opening the file found it damaged. A sound file after a crash costs one
``quick_check``; a clean start costs nothing.
"""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from facilitator import numbers
from facilitator.dates import day_time
from facilitator.i18n import _, ngettext
from facilitator.storage.backups import Backup, newest_verified_backup
from facilitator.storage.integrity import check_database
from facilitator.storage.recovery import move_aside, restore_backup
from facilitator.storage.session_markers import previous_session_unclean
from ui.message_box import MessageBox
from ui.settings import APPLICATION


class Choice(enum.Enum):
    """What the facilitator chose to do about a damaged database."""

    RESTORE = "restore"
    EMPTY = "empty"
    QUIT = "quit"


class StartCancelled(Exception):
    """The facilitator chose to quit rather than open a database."""


@dataclass(frozen=True)
class Damage:
    """A damaged database that has been moved aside, and what can replace it.

    Attributes:
        db_path: Where the database was (and where a restored copy goes).
        problems: What the check found, one line each.
        moved_to: The folder that now holds the damaged file and its journals.
        backup: The newest verified backup, or None when there is none.
        backup_events: How many events the backup holds (None if unknown).
    """

    db_path: Path
    problems: list[str]
    moved_to: Path
    backup: Backup | None
    backup_events: int | None


class RecoveryDialog(MessageBox):
    """Says the file was moved aside (nothing deleted) and offers the backup."""

    def __init__(self, damage: Damage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        # Translators: a dialog's title; {app} is the app's name.
        self.setWindowTitle(_("{app} — damaged database").format(app=APPLICATION))
        self.setText(
            _("The database was damaged and has been moved to\n{folder}\nNothing was deleted.").format(
                folder=damage.moved_to
            )
        )
        # What was found goes in the text, not behind "Show Details…": one
        # button fewer keeps the three choices readable on a narrow screen.
        found = _("What was found: {problem}.").format(problem=damage.problems[0]) if damage.problems else ""
        self.buttons_: dict[Choice, QPushButton] = {}
        if damage.backup is not None:
            self.setInformativeText(f"{found}\n\n{_restore_question(damage.backup, damage.backup_events)}")
            self.buttons_[Choice.RESTORE] = self.addButton(
                _("Restore backup"), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            no_backup = _(
                "There is no verified backup of this database to restore. Start with "
                "an empty database, or quit and look at the moved file first."
            )
            self.setInformativeText(f"{found}\n\n{no_backup}")
        self.buttons_[Choice.EMPTY] = self.addButton(
            _("Start with an empty database"), QMessageBox.ButtonRole.DestructiveRole
        )
        # Translators: a button: quit the app rather than open a database.
        self.buttons_[Choice.QUIT] = self.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.buttons_.get(Choice.RESTORE, self.buttons_[Choice.QUIT]))
        self.setEscapeButton(self.buttons_[Choice.QUIT])

    def choice(self) -> Choice:
        """Show the dialog and return what was chosen (closing it means Quit)."""
        self.exec()
        clicked = self.clickedButton()
        return next((choice for choice, button in self.buttons_.items() if button is clicked), Choice.QUIT)


def ask_recovery(damage: Damage) -> Choice:
    """Ask what to do about a damaged database (tests replace this function)."""
    return RecoveryDialog(damage, QApplication.activeWindow()).choice()


def recover_if_needed(db_path: Path) -> bool:
    """Check the database when the previous session ended badly; recover a damaged one.

    Returns:
        True when the file was moved aside (and maybe replaced by a backup).

    Raises:
        StartCancelled: the facilitator chose Quit.
        StorageError: the file could not be moved or the backup not restored.
    """
    if not db_path.exists() or not previous_session_unclean(db_path):
        return False
    problems = check_database(db_path)
    if not problems:
        return False
    recover(db_path, problems)
    return True


def recover(db_path: Path, problems: list[str]) -> Choice:
    """Move the damaged file aside, then restore the backup or start empty, as chosen.

    Raises:
        StartCancelled: the facilitator chose Quit (the file stays moved aside).
        StorageError: the file could not be moved or the backup not restored.
    """
    backup = newest_verified_backup(db_path)
    moved_to = move_aside(db_path)
    damage = Damage(db_path, list(problems), moved_to, backup, _count_events(backup))
    choice = ask_recovery(damage)
    if choice is Choice.RESTORE and backup is not None:
        restore_backup(backup.path, db_path)
    elif choice is not Choice.EMPTY:
        raise StartCancelled(
            _("the damaged database was moved to {folder}; nothing was opened").format(folder=moved_to)
        )
    return choice


def _restore_question(backup: Backup, events: int | None) -> str:
    """Ask whether to restore ``backup``: when it was taken, and how many events it holds if known."""
    when = day_time(backup.created)
    if events is None:
        return _("Restore the backup from {date}?").format(date=when)
    return ngettext(
        "Restore the backup from {date} ({count} event)?",
        "Restore the backup from {date} ({count} events)?",
        events,
    ).format(date=when, count=numbers.integer(events))


def _count_events(backup: Backup | None) -> int | None:
    if backup is None:
        return None
    try:
        # immutable: a verified backup is at rest, and reading must leave no
        # -shm or -wal beside it in the backup folder.
        connection = sqlite3.connect(f"{backup.path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        connection.close()
