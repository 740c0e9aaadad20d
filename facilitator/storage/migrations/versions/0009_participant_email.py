"""Participants gain an optional e-mail address, for calendar attendees and mail drafts.

Empty when unknown (never NULL), so reading code has one "no address" value.
ADD COLUMN only: no table is rebuilt, so the search and history-token
triggers stay.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 14:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'participants',
        sa.Column('email', sa.String(length=254), server_default=sa.text("''"), nullable=False),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and newer, PostgreSQL), as 0007 does.
    op.execute('ALTER TABLE participants DROP COLUMN email')
