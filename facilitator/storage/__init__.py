"""Opening the database: engine, pragmas, migrations and units of work.

``Database``, ``open_database`` and ``resolve_database_url`` load SQLAlchemy
on first use, so importing this package (for ``StorageError``, say) stays
cheap and the start screen can paint before the ORM is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.storage.errors import StorageError

if TYPE_CHECKING:
    # The type checker sees the real names; at run time ``__getattr__``
    # below imports them on first use.
    from facilitator.storage.database import Database, open_database, resolve_database_url

__all__ = ["Database", "StorageError", "open_database", "resolve_database_url"]
_FROM_DATABASE = {"Database", "open_database", "resolve_database_url"}


def __getattr__(name: str) -> object:
    if name in _FROM_DATABASE:
        from facilitator.storage import database

        return getattr(database, name)
    raise AttributeError(f"module 'facilitator.storage' has no attribute {name!r}")
