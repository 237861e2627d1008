"""requests for more information that name the sections needing work

An ``information_request`` row records each request: the submission, the version it was made
on, who made it and when, and for each section it names what is needed (``needs``, a JSON
list of ``{"section": key, "needed": text}`` in task-list order). Only those sections reopen
for the proposer. ``answered_at`` is set when the proposer resubmits; ``closed_at`` and
``closed_by_step`` when the case moves on without an answer (decided, withdrawn, or the
request withdrawn). Requests made before this change stay in the audit trail as free text,
and a case still waiting on one keeps every section open.

Revision ID: 9d4e2b7c1a36
Revises: 3c8e5a1f2d47
Create Date: 2026-12-07 10:12:00.000000

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '9d4e2b7c1a36'
down_revision = '3c8e5a1f2d47'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'information_request',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('proposal_id', sa.Integer(), nullable=False),
        sa.Column('version_number', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            'needs',
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'),
            nullable=False,
        ),
        sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_by_step', sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ['author_id'], ['account.id'], name=op.f('fk_information_request_author_id_account')
        ),
        sa.ForeignKeyConstraint(
            ['proposal_id'],
            ['proposal.id'],
            name=op.f('fk_information_request_proposal_id_proposal'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_information_request')),
    )
    op.create_index(
        'ix_information_request_proposal',
        'information_request',
        ['proposal_id', 'created_at'],
        unique=False,
    )


def downgrade():
    op.drop_index('ix_information_request_proposal', table_name='information_request')
    op.drop_table('information_request')
