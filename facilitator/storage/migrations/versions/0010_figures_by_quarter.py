"""The adoption figures are kept by quarter: the days each write makes stale, and the kept facts.

``facilitator.storage.figures_stale``: ``figures_stale`` (a row per day whose
figures a write changed, or '*' for everything; triggers on both backends
write it) and ``figures_quarters`` (the facts of each quarter, filled by the
figures' own code). A new table each, marked "everything stale"; and an
index on the events' date, by which the figures read one quarter's events.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 09:30:00.000000
"""

from __future__ import annotations

from alembic import op

from facilitator.storage import figures_stale

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX, not batch mode: recreating the table would drop its triggers.
    op.create_index("ix_events_date", "events", ["date"])
    figures_stale.install(op.get_bind())


def downgrade() -> None:
    figures_stale.uninstall(op.get_bind())
    op.drop_index("ix_events_date", table_name="events")
