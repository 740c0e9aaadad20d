"""Record ids read straight from the database, made into UUIDs cheaply."""

from __future__ import annotations

import uuid


def uuid_from_hex(key: str | uuid.UUID) -> uuid.UUID:
    """Return the UUID stored as ``key`` (32 hex digits), as ``uuid.UUID(hex=key)`` does.

    PostgreSQL's driver already gives a UUID, which is returned as it is.

    Tens of thousands of ``UUID.__init__`` calls, with their parsing and
    checks, were a fifth of the History view's load and more of the adoption
    tracker's; stored keys are always 32 hex digits, so the integer is set
    directly, the way ``__init__`` sets it.
    """
    if isinstance(key, uuid.UUID):
        return key
    value = object.__new__(uuid.UUID)
    # PostgreSQL's text form has hyphens; int() would refuse them.
    object.__setattr__(value, "int", int(key if len(key) == 32 else key.replace("-", ""), 16))
    object.__setattr__(value, "is_safe", uuid.SafeUUID.unknown)
    return value


def stored_uuid(value: object) -> uuid.UUID:
    """Return an id as the driver gives it (32 hex digits on SQLite, a UUID elsewhere) as a UUID."""
    if isinstance(value, uuid.UUID):
        return value
    text = str(value)
    return uuid_from_hex(text) if len(text) == 32 else uuid.UUID(text)
