"""Declarative base, identifiers and clock shared by all domain tables."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import Enum, MetaData, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints let Alembic's batch mode rebuild SQLite tables and
# drop or alter a constraint by name later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> uuid.UUID:
    """Return a fresh client-side identifier.

    Identifiers are made on the client, never by the database, so that events
    from several machines merge into one database without collisions.
    """
    return uuid.uuid4()


def utcnow() -> dt.datetime:
    """Return the current UTC time without tzinfo, as stored in the database."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def enum_column(enum_cls: type[enum.Enum], name: str) -> Enum:
    """Return a column type that stores an enum by its value, with a CHECK."""
    return Enum(
        enum_cls,
        name=name,
        values_callable=lambda members: [m.value for m in members],
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=32,
    )


class Base(DeclarativeBase):
    """Base of every table; all tables have a client-generated UUID key."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    #: Raised by one with every UPDATE the ORM makes, which also names the
    #: version it read: should another facilitator's change have come in
    #: between (a shared database), the UPDATE finds no row and fails
    #: instead of overwriting it. See ``facilitator.storage.conflicts``.
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    #: Who last stored this record ("user@host"), and when (UTC), for the
    #: message a conflicting edit shows.
    stored_by: Mapped[str | None] = mapped_column(String(120), default=None)
    stored_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}
