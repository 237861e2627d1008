"""queue: indexes in the queue's sort order, and a covering index for its counts

The queue sorts newest received, readiest and highest SROI ratio first with empty values
last (DESC NULLS LAST, then id DESC). An index in that order lets PostgreSQL read a page in
order instead of sorting every submission to the body; SQLite already sorts NULL lowest, so
DESC alone gives the same order there (and it refuses NULLS LAST in an index). On
PostgreSQL the (public_body_id, status) index also carries the filtered columns, so the
queue's counts are answered from the index alone.

Revision ID: 575cc58e7bd8
Revises: 6ada91267114
Create Date: 2026-11-25 03:45:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '575cc58e7bd8'
down_revision = '6ada91267114'
branch_labels = None
depends_on = None

SORTED = {
    'ix_proposal_body_received': 'received_at',
    'ix_proposal_body_readiness': 'readiness',
    'ix_proposal_body_ratio': 'sroi_ratio',
}
COUNTED = ['kind', 'tier', 'proportionality_status', 'stakeholders_status', 'vfm_status',
           'assignee_id']


def upgrade():
    postgresql = op.get_bind().dialect.name == 'postgresql'
    nulls_last = ' NULLS LAST' if postgresql else ''
    for name, column in SORTED.items():
        op.drop_index(name, table_name='proposal')
        op.create_index(
            name,
            'proposal',
            ['public_body_id', sa.text(f'{column} DESC{nulls_last}'), sa.text('id DESC')],
            unique=False,
        )
    op.drop_index('ix_proposal_body_status', table_name='proposal')
    op.create_index(
        'ix_proposal_body_status',
        'proposal',
        ['public_body_id', 'status'],
        unique=False,
        postgresql_include=COUNTED,
    )


def downgrade():
    op.drop_index('ix_proposal_body_status', table_name='proposal')
    op.create_index('ix_proposal_body_status', 'proposal', ['public_body_id', 'status'],
                    unique=False)
    for name, column in SORTED.items():
        op.drop_index(name, table_name='proposal')
        op.create_index(name, 'proposal', ['public_body_id', column], unique=False)
