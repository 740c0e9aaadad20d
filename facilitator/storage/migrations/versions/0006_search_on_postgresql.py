"""Search on PostgreSQL: index the records of a database made before search worked there.

On SQLite the FTS5 index came with 0003 and nothing changes. On PostgreSQL,
0003 now builds the tsvector index for a new database; one already at 0005
gets it here (``unaccent`` extension, ``search_docs`` with its GIN index,
triggers), filled from the records it holds.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 08:00:00.000000
"""

from __future__ import annotations

from alembic import op

from facilitator.storage import search_index as schema
from facilitator.storage.migrate import index_progress

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        exists = bind.exec_driver_sql("SELECT to_regclass('search_docs') IS NOT NULL").scalar()
        if not exists:
            schema.rebuild(bind, progress=index_progress())


def downgrade() -> None:
    """Nothing: 0003's downgrade removes the index on both backends."""
