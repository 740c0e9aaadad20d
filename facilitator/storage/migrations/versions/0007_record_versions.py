"""Every record gets a version and who last changed it, for many facilitators on one database.

``version`` starts at 1 and the ORM raises it with every UPDATE (a stale
UPDATE then fails instead of overwriting another person's change);
``stored_by`` and ``stored_at`` say whose change a conflicting edit met.
ADD COLUMN only: no table is rebuilt, so the search triggers stay.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 08:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

TABLES = (
    'agreement_patterns', 'agreements', 'boundary_conditions', 'coalitions', 'event_coalitions',
    'event_patterns', 'events', 'fit_answers', 'outcomes', 'participants', 'pattern_outcomes',
    'patterns', 'risk_acceptances', 'status_changes', 'step_times', 'support_capacities',
    'support_items', 'top_goals',
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))
        op.add_column(table, sa.Column('stored_by', sa.String(length=120), nullable=True))
        op.add_column(table, sa.Column('stored_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and newer, PostgreSQL): a batch rebuild
    # would drop tables that foreign keys and search triggers point at.
    for table in TABLES:
        for column in ('stored_at', 'stored_by', 'version'):
            op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
