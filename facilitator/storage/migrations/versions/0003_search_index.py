"""Search across everything: the search_docs table, its FTS5 index and the triggers.

The SQL lives in facilitator.storage.search_index (one place for the migration,
``db reindex`` and the tests). Upgrading indexes the records already in the
file. A later migration that changes what is indexed, or batch-alters a
source table (which drops its triggers), calls ``schema.rebuild`` again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00.000000
"""

from __future__ import annotations

from alembic import op

from facilitator.storage import search_index as schema
from facilitator.storage.migrate import index_progress

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema.rebuild(op.get_bind(), progress=index_progress())


def downgrade() -> None:
    schema.uninstall(op.get_bind())
