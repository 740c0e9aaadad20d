"""The storage layer's error, importable without SQLAlchemy."""


class StorageError(Exception):
    """The database cannot be opened or written; the message says why and where."""
