"""Tell a sound database file from a damaged one, reading only.

Only the standard library is used here, so that the start screen can check a
file before SQLAlchemy is loaded.

Damage that SQLite itself reports (a truncated file, overwritten pages, a
zeroed header) is found by reading the header and running ``PRAGMA
quick_check`` through a read-only connection.

A stray ``-wal`` needs more care. SQLite does not ignore a ``-wal`` that came
from another database. The ``-wal`` header records no link to its database
file: it holds a page size, salts and checksums, and the salts only tie frames
to their own ``-wal`` header. So a whole ``-wal`` copied from another database
is self-consistent, and SQLite applies it on open, pages and page size
included. A read-write connection then checkpoints it into our file for good.
A ``-wal`` of random bytes fails the magic number or checksum and is ignored,
which does no harm.

So ``check_database`` reads the file the way SQLite will, ``-wal`` included,
and rejects what the ``-wal`` makes of it in these cases:

- ``quick_check`` fails: the foreign pages do not fit our b-trees.
- ``foreign_key_check`` finds dangling references. Our connections always
  enforce foreign keys, so a sound file has none, but a table swapped in from
  another database points at records that are not there.
- The page size changed. It cannot change in WAL mode.
- The file is no longer ours.

When any of these holds and the file alone (``immutable=1``, which skips the
``-wal``) is sound, the report says the ``-wal`` is stray. One case stays out
of reach: a ``-wal`` that holds every page of another Scale Across database
(one never checkpointed) replaces the whole view with that database. The view
is then consistent, and no check can tell it from our own journal.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Literal

from facilitator.i18n import _, ngettext
from facilitator.storage.constants import APPLICATION_ID, SQLITE_MAGIC
from facilitator.storage.errors import StorageError

__all__ = [
    "JOURNAL_SUFFIXES",
    "CorruptDatabaseError",
    "check_database",
    "connect_readonly",
    "header_problems",
    "is_corruption",
    "journals_present",
    "verify_file",
    "wal_frames_present",
]

JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")
_WAL_MAGICS = (0x377F0682, 0x377F0683)
_WAL_HEADER_SIZE = 32
_MAX_REPORTED = 5
_BUSY_TIMEOUT_S = 5.0
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class CorruptDatabaseError(StorageError):
    """Our database file is damaged: SQLite cannot read it soundly.

    Attributes:
        path: The damaged database file.
        problems: One readable line per problem found.
    """

    def __init__(self, path: os.PathLike[str] | str, problems: list[str]) -> None:
        self.path = Path(path)
        self.problems = list(problems) or [_("SQLite reports it as damaged")]
        more = len(self.problems) - 1
        if more:
            message = ngettext(
                "{path} is damaged: {problem} (and {count} more problem)",
                "{path} is damaged: {problem} (and {count} more problems)",
                more,
            )
        else:
            message = _("{path} is damaged: {problem}")
        super().__init__(message.format(path=self.path, problem=self.problems[0], count=more))


def connect_readonly(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """Open ``path`` read-only. SQLite never writes to the database file.

    Args:
        path: The database file.
        immutable: Read the file alone and ignore any ``-wal`` beside it.
            Nothing is locked and nothing is created beside the file. Only
            use this on files no one has open (backups, or a file with no
            journals beside it), or to compare against the normal view.
    """
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(
        f"{path.absolute().as_uri()}?{query}",
        uri=True,
        timeout=_BUSY_TIMEOUT_S,
        isolation_level=None,
    )


def journals_present(path: Path) -> bool:
    """Return True when a ``-wal``, ``-shm`` or ``-journal`` sits beside the file.

    Without them the file alone is the whole database, and no one has it open
    in WAL mode (an open WAL connection keeps both). It can then be read as
    immutable, which leaves no empty ``-wal``/``-shm`` behind. With them it
    must be read the way SQLite reads it on open, ``-wal`` included.
    """
    return any(os.path.lexists(f"{path}{suffix}") for suffix in JOURNAL_SUFFIXES)


def is_corruption(exc: BaseException) -> bool:
    """Return True when a SQLite error means the file is damaged or not a database."""
    original = getattr(exc, "orig", None) or exc
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    message = str(original).lower()
    return "malformed" in message or "file is not a database" in message


def check_database(db_path: os.PathLike[str] | str) -> list[str]:
    """Return the problems found in a database file: ``[]`` when it is sound.

    The check only reads. It reads the header, then the ``-wal`` header,
    then runs ``PRAGMA quick_check`` and confirms the file is ours through a
    read-only connection. A file that is missing, empty, not a database,
    truncated, or has a zeroed header gets a problem line; nothing is raised.
    The database file and its ``-wal`` are never written. When journal files
    are already there, SQLite may create or update the ``-shm`` index (and an
    empty ``-wal``); a file with no journals gets nothing new beside it.

    Args:
        db_path: The database file.

    Returns:
        One readable line per problem, without the path.
    """
    path = Path(db_path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return [_("the file does not exist")]
    except OSError as exc:
        return [_("the file cannot be read ({problem})").format(problem=exc.strerror or exc)]
    if not stat.S_ISREG(info.st_mode):
        return [_("it is not a regular file")]
    if info.st_size == 0:
        return [_("the file is empty (0 bytes): it holds no data")]
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return [_("the file cannot be read ({problem})").format(problem=exc.strerror or exc)]

    wal = wal_frames_present(path)
    problems = header_problems(header, info.st_size, trust_page_count=not wal)
    if problems:
        # Past a broken header, SQLite's own verdict adds nothing readable.
        return problems
    page_size = _page_size(header)
    stray = _wal_header_problems(path, page_size)
    problems += stray
    with_wal = _sqlite_problems(
        path, immutable=not journals_present(path), expected_page_size=None if stray else page_size
    )
    problems += with_wal
    if wal and with_wal and not stray and not _sqlite_problems(path, immutable=True):
        problems.append(
            _(
                "the -wal file beside it does not fit it: the file alone is sound, so the "
                "-wal is stray (from another database) or damaged"
            )
        )
    return problems


def header_problems(header: bytes, size: int, *, trust_page_count: bool = True) -> list[str]:
    """Return the problems visible in the first 100 bytes of a database file.

    Args:
        header: The file's first 100 bytes (fewer when the file is shorter).
        size: The file's size in bytes.
        trust_page_count: Compare the header's page count with the size.
            Set this to False while a ``-wal`` holds frames: a checkpoint
            writes page 1 before it extends the file, so the two can
            legitimately disagree.
    """
    if not header.startswith(SQLITE_MAGIC):
        if not any(header):
            return [_("its SQLite header is zeroed: the file is damaged")]
        return [_("it does not start with a SQLite header: the header is damaged, or it is not a database")]
    if len(header) < 100:
        return [_("the file is truncated: its SQLite header is cut short")]
    page_size = _page_size(header)
    if page_size is None:
        return [_("its SQLite header is damaged (the page size is not valid)")]
    if size % page_size:
        return [
            _(
                "the file is truncated or padded: "
                "{size} bytes is not a whole number of {page_size}-byte pages"
            ).format(size=size, page_size=page_size)
        ]
    counted = int.from_bytes(header[28:32], "big")
    # SQLite trusts the header's page count only while the change counter
    # equals the version-valid-for number, so only then is it evidence.
    count_valid = counted and header[24:28] == header[92:96]
    if trust_page_count and count_valid and counted * page_size > size:
        return [
            _(
                "the file is truncated: its header counts {counted} pages of {page_size} bytes, "
                "but only {present} are there"
            ).format(counted=counted, page_size=page_size, present=size // page_size)
        ]
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        return [_("it belongs to another application (application id {id})").format(id=f"0x{app_id:08X}")]
    return []


def wal_frames_present(db_path: Path) -> bool:
    """Return True when a ``-wal`` beside the file holds more than its header."""
    try:
        return Path(f"{db_path}-wal").stat().st_size > _WAL_HEADER_SIZE
    except OSError:
        return False


def _page_size(header: bytes) -> int | None:
    raw = int.from_bytes(header[16:18], "big")
    size = 65536 if raw == 1 else raw
    if size < 512 or size > 65536 or size & (size - 1):
        return None
    return size


def _wal_header_problems(db_path: Path, page_size: int | None) -> list[str]:
    """Report a -wal that SQLite would use although it was written for other pages."""
    try:
        with open(f"{db_path}-wal", "rb") as handle:
            header = handle.read(_WAL_HEADER_SIZE)
    except OSError:
        return []
    if len(header) < _WAL_HEADER_SIZE or not _wal_header_valid(header):
        return []  # SQLite ignores such a -wal: nothing of it reaches the database
    wal_page_size = int.from_bytes(header[8:12], "big")
    if page_size is not None and wal_page_size != page_size:
        # The page size cannot change while a database is in WAL mode, so this
        # -wal was written by another database; SQLite would still apply it.
        return [
            _(
                "the -wal file beside it was written for {wal_page_size}-byte pages but the "
                "file has {page_size}-byte pages: it is a stray -wal from another database"
            ).format(wal_page_size=wal_page_size, page_size=page_size)
        ]
    return []


def _wal_header_valid(header: bytes) -> bool:
    """Return True when SQLite would accept this -wal header (magic, version, checksum)."""
    magic = int.from_bytes(header[0:4], "big")
    if magic not in _WAL_MAGICS or int.from_bytes(header[4:8], "big") != 3007000:
        return False
    order: Literal["big", "little"] = "big" if magic & 1 else "little"
    s0 = s1 = 0
    for offset in range(0, 24, 8):
        s0 = (s0 + int.from_bytes(header[offset : offset + 4], order) + s1) & 0xFFFFFFFF
        s1 = (s1 + int.from_bytes(header[offset + 4 : offset + 8], order) + s0) & 0xFFFFFFFF
    return (s0, s1) == (int.from_bytes(header[24:28], "big"), int.from_bytes(header[28:32], "big"))


def _sqlite_problems(
    path: Path, *, immutable: bool, expected_page_size: int | None = None, strict_id: bool = False
) -> list[str]:
    """Return SQLite's verdict on the file, and whether it still reads as ours."""
    try:
        connection = connect_readonly(path, immutable=immutable)
    except sqlite3.Error as exc:
        return [_("SQLite cannot open it ({problem})").format(problem=exc)]
    try:
        # One result row can hold several lines; report each line on its own.
        rows = [
            line.strip()
            for (row,) in connection.execute("PRAGMA quick_check")
            for line in str(row).splitlines()
            if line.strip() and not line.startswith("*** in database")
        ]
        if rows != ["ok"]:
            shown = rows[:_MAX_REPORTED]
            if len(rows) > _MAX_REPORTED:
                shown.append(
                    _("... and {count} more from SQLite's quick_check").format(
                        count=len(rows) - _MAX_REPORTED
                    )
                )
            return [_("SQLite's quick_check: {problem}").format(problem=row) for row in shown]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        if expected_page_size is not None and page_size != expected_page_size:
            return [
                _(
                    "read through its -wal it has {page_size}-byte pages, the file itself "
                    "{expected}: the -wal beside it is a stray from another database"
                ).format(page_size=page_size, expected=expected_page_size)
            ]
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID and (strict_id or app_id != 0):
            return [
                _("it does not carry Scale Across's application id (it has {id})").format(
                    id=f"0x{app_id:08X}"
                )
            ]
        tables = {
            name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "alembic_version" not in tables:
            if app_id == 0 and not tables:
                return []  # a database SQLite has just created: nothing in it yet
            return [
                _("it has no schema revision (alembic_version is missing): it is not a Scale Across database")
            ]
        if connection.execute("SELECT count(*) FROM alembic_version").fetchone()[0] != 1:
            return [_("its schema revision (alembic_version) is not a single row")]
        # Every connection of ours enforces foreign keys, so a sound file has
        # no dangling reference. Pages from another database (a stray -wal)
        # that quick_check finds well-formed usually leave some behind.
        dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
        if dangling:
            table, rowid, parent, _key = dangling[0]
            message = ngettext(
                "{count} record refers to records that are not there "
                "(foreign_key_check: first in {table}, row {row}, refers to {parent})",
                "{count} records refer to records that are not there "
                "(foreign_key_check: first in {table}, row {row}, refers to {parent})",
                len(dangling),
            )
            return [message.format(count=len(dangling), table=table, row=rowid, parent=parent)]
    except sqlite3.Error as exc:
        return [_("SQLite cannot read it: {problem}").format(problem=exc)]
    finally:
        connection.close()
    return []


def verify_file(path: Path) -> bool:
    """Return True when ``path`` alone (no journal) is a sound, stamped database of ours.

    Backups are checked this way: the file must stand on its own.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
            return False
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    if header_problems(header, info.st_size):
        return False
    return not _sqlite_problems(path, immutable=True, strict_id=True)
