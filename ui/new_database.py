"""Where the window may create a new database: asked for, never guessed.

A first start creates the default database in the app's data folder without
a word: that is what a new user expects. A file named with ``--db`` (or
``SCALE_ACROSS_DB``) that does not exist is more often a mistyped path than a
wish for a new database, so the window asks before creating it, as a
document editor does when it is given a file name that does not exist. A
folder that does not exist is named and nothing is created: the user's
folders are theirs to make.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from facilitator.i18n import N_, _
from facilitator.storage.errors import MissingFolderError
from facilitator.storage.location import is_default_database, origin, plain_sqlite_path
from ui.message_box import MessageBox
from ui.settings import APPLICATION

# Translators: a button that creates a new, empty database at the path given.
CREATE = N_("Create database")
PROG = "scale-across"


def may_start(db_target: str | None) -> bool:
    """Return True when the window may open (or create) the database ``db_target`` names.

    Tells the facilitator, in a dialog and on stderr, why it may not: the
    folder does not exist, or they chose not to create a new database.
    Nothing is created or written before the answer.
    """
    path = plain_sqlite_path(db_target)
    if path is None or os.path.lexists(path) or is_default_database(path):
        return True
    if not path.parent.is_dir():
        QMessageBox.critical(
            None,
            APPLICATION,
            _(
                "Cannot create a database at {path}.\n\nThe folder {folder} does not exist. "
                "The path was {origin}: check it, or create the folder first."
            ).format(path=path, folder=path.parent, origin=origin(db_target)),
        )
        problem = f"{MissingFolderError(path)} ({origin(db_target)})"
        print(_("{prog}: error: {message}").format(prog=PROG, message=problem), file=sys.stderr)
        return False
    if ask_to_create(path, origin(db_target)):
        return True
    print(
        _("{prog}: no database at {path}; nothing was created").format(prog=PROG, path=path), file=sys.stderr
    )
    return False


def ask_to_create(path: Path, where_from: str) -> bool:
    """Ask whether to create a new, empty database at ``path``; True for yes."""
    box = creation_question(path, where_from)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole


def creation_question(path: Path, where_from: str) -> QMessageBox:
    """Return the question asked before a new database is created at ``path``.

    Its buttons say what they do: "Create database" (the default, since the
    path was given on purpose) and "Cancel", which opens nothing.
    """
    box = MessageBox(
        QMessageBox.Icon.Question, APPLICATION, _("There is no database at\n{path}").format(path=path)
    )
    box.setInformativeText(
        _("Create a new, empty database there, or cancel and check the path ({origin})?").format(
            origin=where_from
        )
    )
    # Wide enough that "--db" and the path are not broken over lines.
    width = box.fontMetrics().averageCharWidth() * 52
    box.setStyleSheet(
        f"QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel {{ min-width: {width}px; }}"
    )
    create = box.addButton(_(CREATE), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(create)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box
