"""Documents in their reader's language: events and participants gain a language.

``events.document_language``: the language of the event's documents;
``participants.language``: the language of documents for that person (their
agreement). Both a code the app has a catalog for ("de"), NULL for "the
app's language" (a participant's: the event's). ADD COLUMN only: no table is
rebuilt, so the search, history-token and figures triggers stay.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('document_language', sa.String(length=35), nullable=True))
    op.add_column('participants', sa.Column('language', sa.String(length=35), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and newer, PostgreSQL), as 0007 does.
    op.execute('ALTER TABLE participants DROP COLUMN language')
    op.execute('ALTER TABLE events DROP COLUMN document_language')
