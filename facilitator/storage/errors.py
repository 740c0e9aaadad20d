"""The storage layer's error and its messages, importable without SQLAlchemy."""

from __future__ import annotations

import os
from pathlib import Path

from facilitator.i18n import _


class StorageError(Exception):
    """The database cannot be opened or written; the message says why and where."""


class MissingDatabaseError(StorageError):
    """No database file is where one was to be read; nothing was created.

    Attributes:
        path: The file that does not exist.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(_("no database at {path}").format(path=path))
        self.path = path


class MissingFolderError(StorageError):
    """A new database's folder does not exist; nothing was created.

    A mistyped ``--db`` must not grow folders: only the app's own data
    folder is created for its default database.

    Attributes:
        path: The database file that was to be created.
        folder: Its folder, which does not exist.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = path.parent
        super().__init__(
            _(
                "cannot create a database at {path}: the folder {folder} does not exist; "
                "create the folder first, or check the path"
            ).format(path=path, folder=self.folder)
        )


def describe_database_error(exc: BaseException) -> str:
    """Return a one-line, user-facing description of a database error."""
    original = getattr(exc, "orig", None) or exc
    message = str(original).strip() or type(original).__name__
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return _("the database file cannot be written ({problem})").format(problem=message)
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return _("the disk is full; nothing was saved from this edit")
    if "unable to open" in lowered:
        return _("the database file cannot be opened ({problem})").format(problem=message)
    if "locked" in lowered or "busy" in lowered:
        return _("the database is busy in another program; try again")
    return message


def unwritable_folder_message(path: Path) -> str | None:
    """Say so when the database's folder cannot be written, else return None.

    SQLite creates its ``-wal`` and ``-shm`` files (and a new database file)
    beside the database, so a folder it cannot write keeps the file from
    opening with a bare "unable to open database file". Asked only after
    opening failed: ``os.access`` checks without writing anything, and it
    also answers for root, whom an immutable folder (``chattr +i``) or a
    read-only mount stops too.
    """
    folder = path.absolute().parent
    if not folder.is_dir() or os.access(folder, os.W_OK | os.X_OK):
        return None
    if path.exists():
        message = _(
            "cannot open {path}: the folder {folder} cannot be written (SQLite needs to create "
            "its journal files there); make the folder writable, or choose another place with --db"
        )
    else:
        message = _(
            "cannot open {path}: the folder {folder} cannot be written (SQLite needs to create "
            "the database file and its journal files there); make the folder writable, "
            "or choose another place with --db"
        )
    return message.format(path=path, folder=folder)


class ConflictError(StorageError):
    """Another facilitator changed what this edit was about to overwrite; nothing was stored.

    Raised when a record's stored value is no longer the one the window showed
    when the edit was made (``ui.editing``), or when another transaction
    updated the record between this one's read and write (its version moved
    on). The message names who changed what and when, where that is known.

    Attributes:
        who: Who stored the other change ("user@host"), or "".
        when: When (UTC), or None.
        field: The field both changed, or "".
        theirs: The value now stored for ``field``.
        mine: The value this edit would have stored.
    """

    def __init__(
        self,
        message: str,
        *,
        who: str = "",
        when: object = None,
        field: str = "",
        theirs: object = None,
        mine: object = None,
    ) -> None:
        super().__init__(message)
        self.who, self.when, self.field, self.theirs, self.mine = who, when, field, theirs, mine
