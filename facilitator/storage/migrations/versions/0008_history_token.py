"""A token that changes with every write to the history, so that the figures can be kept.

``facilitator.storage.history_token``: one row, new random value on every
write to the tables the figures read (triggers on both backends). Nothing
else changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 10:40:00.000000
"""

from __future__ import annotations

from alembic import op

from facilitator.storage import history_token

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    history_token.install(op.get_bind())


def downgrade() -> None:
    history_token.uninstall(op.get_bind())
