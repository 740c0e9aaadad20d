"""Initial schema: coalitions, events and everything the room records.

Revision ID: 0001
Revises: 
Create Date: 2026-11-21 11:52:16.341582
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coalitions',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coalitions'))
    )
    op.create_table('events',
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('facilitator', sa.String(length=200), nullable=False),
    sa.Column('trigger', sa.Enum('significant_progress', 'pattern_discovery', 'relevant_learnings', 'quarterly_cadence', name='trigger', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('agenda_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.Enum('planned', 'running', 'closed', name='event_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('current_step_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_table('event_coalitions',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('coalition_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['coalition_id'], ['coalitions.id'], name=op.f('fk_event_coalitions_coalition_id_coalitions'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_coalitions_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_coalitions')),
    sa.UniqueConstraint('event_id', 'coalition_id', name=op.f('uq_event_coalitions_event_id_coalition_id'))
    )
    with op.batch_alter_table('event_coalitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_coalitions_coalition_id'), ['coalition_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_coalitions_event_id'), ['event_id'], unique=False)

    op.create_table('outcomes',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('success', 'failure', name='outcome_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('what_happened', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_outcomes_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcomes'))
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcomes_event_id'), ['event_id'], unique=False)

    op.create_table('participants',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('team', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('coalition_member', 'potential_adopter', 'sponsor', 'platform_owner', 'process_owner', 'observer', name='participant_role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_participants_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participants'))
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_event_id'), ['event_id'], unique=False)

    op.create_table('patterns',
    sa.Column('coalition_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('success', 'failure', name='pattern_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('guidance', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['coalition_id'], ['coalitions.id'], name=op.f('fk_patterns_coalition_id_coalitions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patterns'))
    )
    with op.batch_alter_table('patterns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patterns_coalition_id'), ['coalition_id'], unique=False)

    op.create_table('step_times',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('step_id', sa.String(length=64), nullable=False),
    sa.Column('seconds', sa.Float(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_step_times_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_step_times')),
    sa.UniqueConstraint('event_id', 'step_id', name=op.f('uq_step_times_event_id_step_id'))
    )
    with op.batch_alter_table('step_times', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_times_event_id'), ['event_id'], unique=False)

    op.create_table('top_goals',
    sa.Column('coalition_id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['coalition_id'], ['coalitions.id'], name=op.f('fk_top_goals_coalition_id_coalitions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_top_goals_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_top_goals')),
    sa.UniqueConstraint('coalition_id', 'event_id', name=op.f('uq_top_goals_coalition_id_event_id'))
    )
    with op.batch_alter_table('top_goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_top_goals_coalition_id'), ['coalition_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_top_goals_event_id'), ['event_id'], unique=False)

    op.create_table('agreements',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('adopter_id', sa.Uuid(), nullable=False),
    sa.Column('sponsor_id', sa.Uuid(), nullable=True),
    sa.Column('check_in', sa.Date(), nullable=True),
    sa.Column('limits', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('agreed', 'in_progress', 'adopted', 'abandoned', name='agreement_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['adopter_id'], ['participants.id'], name=op.f('fk_agreements_adopter_id_participants'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_agreements_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sponsor_id'], ['participants.id'], name=op.f('fk_agreements_sponsor_id_participants'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements'))
    )
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_adopter_id'), ['adopter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreements_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreements_sponsor_id'), ['sponsor_id'], unique=False)

    op.create_table('boundary_conditions',
    sa.Column('pattern_id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.Enum('works_when', 'breaks_when', 'prerequisite', name='boundary_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_boundary_conditions_event_id_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['pattern_id'], ['patterns.id'], name=op.f('fk_boundary_conditions_pattern_id_patterns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_boundary_conditions'))
    )
    with op.batch_alter_table('boundary_conditions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_boundary_conditions_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_boundary_conditions_pattern_id'), ['pattern_id'], unique=False)

    op.create_table('event_patterns',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('pattern_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_patterns_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pattern_id'], ['patterns.id'], name=op.f('fk_event_patterns_pattern_id_patterns'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_patterns')),
    sa.UniqueConstraint('event_id', 'pattern_id', name=op.f('uq_event_patterns_event_id_pattern_id'))
    )
    with op.batch_alter_table('event_patterns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_patterns_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_patterns_pattern_id'), ['pattern_id'], unique=False)

    op.create_table('pattern_outcomes',
    sa.Column('pattern_id', sa.Uuid(), nullable=False),
    sa.Column('outcome_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['outcome_id'], ['outcomes.id'], name=op.f('fk_pattern_outcomes_outcome_id_outcomes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pattern_id'], ['patterns.id'], name=op.f('fk_pattern_outcomes_pattern_id_patterns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pattern_outcomes')),
    sa.UniqueConstraint('pattern_id', 'outcome_id', name=op.f('uq_pattern_outcomes_pattern_id_outcome_id'))
    )
    with op.batch_alter_table('pattern_outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pattern_outcomes_outcome_id'), ['outcome_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pattern_outcomes_pattern_id'), ['pattern_id'], unique=False)

    op.create_table('support_capacities',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_support_capacities_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_support_capacities_participant_id_participants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_capacities')),
    sa.UniqueConstraint('event_id', 'participant_id', name=op.f('uq_support_capacities_event_id_participant_id'))
    )
    with op.batch_alter_table('support_capacities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_capacities_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_capacities_participant_id'), ['participant_id'], unique=False)

    op.create_table('agreement_patterns',
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('pattern_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_agreement_patterns_agreement_id_agreements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pattern_id'], ['patterns.id'], name=op.f('fk_agreement_patterns_pattern_id_patterns'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_patterns')),
    sa.UniqueConstraint('agreement_id', 'pattern_id', name=op.f('uq_agreement_patterns_agreement_id_pattern_id'))
    )
    with op.batch_alter_table('agreement_patterns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_patterns_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_patterns_pattern_id'), ['pattern_id'], unique=False)

    op.create_table('status_changes',
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.Enum('agreed', 'in_progress', 'adopted', 'abandoned', name='from_status', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('to_status', sa.Enum('agreed', 'in_progress', 'adopted', 'abandoned', name='to_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_status_changes_agreement_id_agreements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_changes'))
    )
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_changes_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('support_items',
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.Enum('time', 'coaching', 'artifact', 'other', name='support_type', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=True),
    sa.Column('limits', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_support_items_agreement_id_agreements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['participants.id'], name=op.f('fk_support_items_owner_id_participants'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_items'))
    )
    with op.batch_alter_table('support_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_items_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_items_owner_id'), ['owner_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('support_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_items_owner_id'))
        batch_op.drop_index(batch_op.f('ix_support_items_agreement_id'))

    op.drop_table('support_items')
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_changes_agreement_id'))

    op.drop_table('status_changes')
    with op.batch_alter_table('agreement_patterns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_patterns_pattern_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_patterns_agreement_id'))

    op.drop_table('agreement_patterns')
    with op.batch_alter_table('support_capacities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_capacities_participant_id'))
        batch_op.drop_index(batch_op.f('ix_support_capacities_event_id'))

    op.drop_table('support_capacities')
    with op.batch_alter_table('pattern_outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pattern_outcomes_pattern_id'))
        batch_op.drop_index(batch_op.f('ix_pattern_outcomes_outcome_id'))

    op.drop_table('pattern_outcomes')
    with op.batch_alter_table('event_patterns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_patterns_pattern_id'))
        batch_op.drop_index(batch_op.f('ix_event_patterns_event_id'))

    op.drop_table('event_patterns')
    with op.batch_alter_table('boundary_conditions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_boundary_conditions_pattern_id'))
        batch_op.drop_index(batch_op.f('ix_boundary_conditions_event_id'))

    op.drop_table('boundary_conditions')
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreements_sponsor_id'))
        batch_op.drop_index(batch_op.f('ix_agreements_event_id'))
        batch_op.drop_index(batch_op.f('ix_agreements_adopter_id'))

    op.drop_table('agreements')
    with op.batch_alter_table('top_goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_top_goals_event_id'))
        batch_op.drop_index(batch_op.f('ix_top_goals_coalition_id'))

    op.drop_table('top_goals')
    with op.batch_alter_table('step_times', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_times_event_id'))

    op.drop_table('step_times')
    with op.batch_alter_table('patterns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patterns_coalition_id'))

    op.drop_table('patterns')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_event_id'))

    op.drop_table('participants')
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcomes_event_id'))

    op.drop_table('outcomes')
    with op.batch_alter_table('event_coalitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_coalitions_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_coalitions_coalition_id'))

    op.drop_table('event_coalitions')
    op.drop_table('events')
    op.drop_table('coalitions')
