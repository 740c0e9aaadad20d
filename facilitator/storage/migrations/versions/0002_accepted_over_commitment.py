"""Remember an over-commitment of support hours that the room accepted deliberately.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 12:00:23.460847
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('support_capacities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('accepted_hours', sa.Float(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('support_capacities', schema=None) as batch_op:
        batch_op.drop_column('accepted_hours')

