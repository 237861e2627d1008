"""the published service a challenge or proposal concerns

Revision ID: b8e2f4a6c9d1
Revises: c1d8e3f5a2b6
Create Date: 2026-12-06 21:45:00.000000

A nullable ``proposal.baseline_id`` names the service baseline a submission concerns, when its
proposer chose one: its service, provider and today's cost were filled in from it.
Added without batch mode, so SQLite keeps the search triggers on ``proposal``.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b8e2f4a6c9d1'
down_revision = 'c1d8e3f5a2b6'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.add_column('proposal', sa.Column('baseline_id', sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f('fk_proposal_baseline_id_service_baseline'),
            'proposal',
            'service_baseline',
            ['baseline_id'],
            ['id'],
        )
    else:  # SQLite adds a column with its reference in place, which Alembic does not write
        op.execute(
            'ALTER TABLE proposal ADD COLUMN baseline_id INTEGER '
            'CONSTRAINT fk_proposal_baseline_id_service_baseline '
            'REFERENCES service_baseline (id)'
        )
    op.create_index(op.f('ix_proposal_baseline_id'), 'proposal', ['baseline_id'])


def downgrade():
    op.drop_index(op.f('ix_proposal_baseline_id'), table_name='proposal')
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_constraint(
            op.f('fk_proposal_baseline_id_service_baseline'), 'proposal', type_='foreignkey'
        )
        op.drop_column('proposal', 'baseline_id')
    # SQLite cannot drop a column that holds a reference without rebuilding the table, which
    # would lose its search triggers: the nullable column stays, and earlier code ignores it
