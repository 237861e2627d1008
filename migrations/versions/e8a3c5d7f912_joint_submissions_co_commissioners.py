"""joint submissions: the co-commissioning bodies a submission is also addressed to, and
each body's position on it

Revision ID: e8a3c5d7f912
Revises: d6a3f1c8e2b4
Create Date: 2026-12-06 22:10:00.000000

A new table only, so SQLite keeps the search triggers on ``proposal``.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e8a3c5d7f912'
down_revision = 'd6a3f1c8e2b4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'co_commissioner',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('proposal_id', sa.Integer(), nullable=False),
        sa.Column('public_body_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.String(length=30), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('stated_by_id', sa.Integer(), nullable=True),
        sa.Column('stated_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['proposal_id'], ['proposal.id'], name=op.f('fk_co_commissioner_proposal_id_proposal')
        ),
        sa.ForeignKeyConstraint(
            ['public_body_id'],
            ['public_body.id'],
            name=op.f('fk_co_commissioner_public_body_id_public_body'),
        ),
        sa.ForeignKeyConstraint(
            ['stated_by_id'], ['account.id'], name=op.f('fk_co_commissioner_stated_by_id_account')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_co_commissioner')),
        sa.UniqueConstraint(
            'proposal_id', 'public_body_id', name=op.f('uq_co_commissioner_proposal_id')
        ),
    )
    op.create_index(
        op.f('ix_co_commissioner_proposal_id'), 'co_commissioner', ['proposal_id'], unique=False
    )
    op.create_index(
        op.f('ix_co_commissioner_public_body_id'),
        'co_commissioner',
        ['public_body_id'],
        unique=False,
    )


def downgrade():
    op.drop_index(op.f('ix_co_commissioner_public_body_id'), table_name='co_commissioner')
    op.drop_index(op.f('ix_co_commissioner_proposal_id'), table_name='co_commissioner')
    op.drop_table('co_commissioner')
