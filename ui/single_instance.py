"""One app per database file: a QLockFile that a second instance cannot take.

Where the lock lives: in the app's data directory (``locks/<hash>.lock``),
named after a SHA-256 of the database's resolved absolute path, and not as
``<db>.lock`` beside the database. The database may sit in a read-only
folder (a promise the app keeps: it must still open and say it cannot
write), on a share, or in a folder the user keeps tidy; the data directory
is always ours and writable. Resolving the path first makes two spellings of
the same file (relative, through a symlink) share one lock. The cost: two
users with different data directories on one shared file do not see each
other's lock; SQLite's own file locking still keeps the file consistent.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo

from facilitator import paths
from facilitator.i18n import _


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database's lock."""

    pid: int
    host: str
    app: str


class AlreadyOpenError(Exception):
    """Another live process has the database open."""

    def __init__(self, db_path: Path, holder: LockHolder | None) -> None:
        if holder is None:
            message = _("This database is already open in Scale Across. Switch to that window.")
        else:
            message = _(
                "This database is already open in Scale Across (process {pid} on host {host}). "
                "Switch to that window."
            ).format(pid=holder.pid, host=holder.host)
        super().__init__(message)
        self.db_path = db_path
        self.holder = holder


def lock_path(db_path: Path) -> Path:
    """Return the lock file for a database: the same for every spelling of its path."""
    resolved = os.path.normcase(str(Path(db_path).expanduser().resolve()))
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return paths.data_dir() / "locks" / f"{digest}.lock"


class DatabaseLock:
    """Holds the lock on one database for as long as the app has it open."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._lock: QLockFile | None = None

    def acquire(self) -> None:
        """Take the lock now, without waiting; reclaim it from a process that is gone.

        Raises:
            AlreadyOpenError: a live process holds it.
            OSError: the lock file cannot be created (the data folder is not writable).
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.path))
        # The default (30 s) would let a long-running first instance's lock
        # be taken as stale by age alone; only a dead holder makes it stale.
        lock.setStaleLockTime(0)
        if not lock.tryLock(0) and not self._reclaim(lock):
            if lock.error() != QLockFile.LockError.LockFailedError:
                raise OSError(
                    _("cannot create the lock file {path} ({error})").format(
                        path=self.path, error=lock.error().name
                    )
                )
            raise AlreadyOpenError(self.db_path, _holder(lock))
        self._lock = lock

    def release(self) -> None:
        """Give the lock up (removes the lock file)."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    @staticmethod
    def _reclaim(lock: QLockFile) -> bool:
        # Qt already treats a dead PID on this host as stale inside tryLock;
        # this is the second line: a lock whose holder we find dead, or a lock
        # file with no readable holder (a crash while it was being written).
        # removeStaleLockFile cannot take a lock a live process holds: Qt
        # keeps a native lock (flock / an open handle) on the file.
        if lock.error() != QLockFile.LockError.LockFailedError:
            return False
        holder = _holder(lock)
        if holder is not None and (holder.host != QSysInfo.machineHostName() or _process_alive(holder.pid)):
            return False
        return lock.removeStaleLockFile() and lock.tryLock(0)


def _holder(lock: QLockFile) -> LockHolder | None:
    info = lock.getLockInfo()
    if not info or not info[0]:
        return None
    pid, host, app = info
    return LockHolder(int(pid), str(host), str(app))


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        # os.kill on Windows terminates the process; leave the check to Qt.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True
