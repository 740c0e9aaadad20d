"""Opening the database: engine, pragmas, migrations and units of work."""

from facilitator.storage.database import Database, StorageError, open_database, resolve_database_url

__all__ = ["Database", "StorageError", "open_database", "resolve_database_url"]
