"""Remember the fit check: each agreement's answers to its patterns' conditions, and accepted risks.

Two new tables; no existing table changes, so every stored agreement stays as
it was (with no answers yet) and the search triggers are untouched.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 17:36:36.474745
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fit_answers',
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('boundary_id', sa.Uuid(), nullable=False),
    sa.Column('answer', sa.Enum('holds', 'does_not_hold', 'not_known', name='fit_answer', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_fit_answers_agreement_id_agreements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['boundary_id'], ['boundary_conditions.id'], name=op.f('fk_fit_answers_boundary_id_boundary_conditions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['participants.id'], name=op.f('fk_fit_answers_owner_id_participants'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fit_answers')),
    sa.UniqueConstraint('agreement_id', 'boundary_id', name=op.f('uq_fit_answers_agreement_id_boundary_id'))
    )
    with op.batch_alter_table('fit_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fit_answers_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fit_answers_boundary_id'), ['boundary_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fit_answers_owner_id'), ['owner_id'], unique=False)

    op.create_table('risk_acceptances',
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('accepted_by_id', sa.Uuid(), nullable=True),
    sa.Column('accepted_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['accepted_by_id'], ['participants.id'], name=op.f('fk_risk_acceptances_accepted_by_id_participants'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_risk_acceptances_agreement_id_agreements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_acceptances')),
    sa.UniqueConstraint('agreement_id', name=op.f('uq_risk_acceptances_agreement_id'))
    )
    with op.batch_alter_table('risk_acceptances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_acceptances_accepted_by_id'), ['accepted_by_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('risk_acceptances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_acceptances_accepted_by_id'))

    op.drop_table('risk_acceptances')
    with op.batch_alter_table('fit_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fit_answers_owner_id'))
        batch_op.drop_index(batch_op.f('ix_fit_answers_boundary_id'))
        batch_op.drop_index(batch_op.f('ix_fit_answers_agreement_id'))

    op.drop_table('fit_answers')
