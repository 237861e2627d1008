"""decommissioning assessments: what stopping or changing a service puts at risk, and the
decision on it, with the record of who did what

Revision ID: e5d1c0a9b8f7
Revises: f2c4a9e1b7d3
Create Date: 2026-12-06 22:00:00.000000

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'e5d1c0a9b8f7'
down_revision = 'f2c4a9e1b7d3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'decommissioning_assessment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('public_body_id', sa.Integer(), nullable=False),
        sa.Column('baseline_id', sa.Integer(), nullable=True),
        sa.Column('service_name', sa.String(length=200), nullable=False),
        sa.Column(
            'content',
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'),
            nullable=False,
        ),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('decision', sa.String(length=30), nullable=False),
        sa.Column('reasons', sa.Text(), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['public_body_id'],
            ['public_body.id'],
            name=op.f('fk_decommissioning_assessment_public_body_id_public_body'),
        ),
        sa.ForeignKeyConstraint(
            ['baseline_id'],
            ['service_baseline.id'],
            name=op.f('fk_decommissioning_assessment_baseline_id_service_baseline'),
        ),
        sa.ForeignKeyConstraint(
            ['decided_by_id'],
            ['account.id'],
            name=op.f('fk_decommissioning_assessment_decided_by_id_account'),
        ),
        sa.ForeignKeyConstraint(
            ['created_by_id'],
            ['account.id'],
            name=op.f('fk_decommissioning_assessment_created_by_id_account'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_decommissioning_assessment')),
    )
    for column in ('public_body_id', 'baseline_id', 'status'):
        op.create_index(
            op.f(f'ix_decommissioning_assessment_{column}'),
            'decommissioning_assessment',
            [column],
        )
    op.create_table(
        'decommissioning_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('assessment_id', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['assessment_id'],
            ['decommissioning_assessment.id'],
            name=op.f('fk_decommissioning_event_assessment_id_decommissioning_assessment'),
        ),
        sa.ForeignKeyConstraint(
            ['actor_id'], ['account.id'], name=op.f('fk_decommissioning_event_actor_id_account')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_decommissioning_event')),
    )
    op.create_index(
        op.f('ix_decommissioning_event_assessment_id'), 'decommissioning_event', ['assessment_id']
    )


def downgrade():
    op.drop_index(op.f('ix_decommissioning_event_assessment_id'), table_name='decommissioning_event')
    op.drop_table('decommissioning_event')
    for column in ('public_body_id', 'baseline_id', 'status'):
        op.drop_index(
            op.f(f'ix_decommissioning_assessment_{column}'), table_name='decommissioning_assessment'
        )
    op.drop_table('decommissioning_assessment')
