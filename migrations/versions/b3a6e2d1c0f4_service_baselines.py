"""service baselines: what a public body's services cost and create, as it publishes them

Revision ID: b3a6e2d1c0f4
Revises: c7a1b2c3d4e5
Create Date: 2026-12-06 20:50:00.000000

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'b3a6e2d1c0f4'
down_revision = 'c7a1b2c3d4e5'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'service_baseline',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('public_body_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('provider_kind', sa.String(length=20), nullable=False),
        sa.Column('provider_name', sa.String(length=200), nullable=False),
        sa.Column('annual_cost', sa.Numeric(precision=16, scale=2), nullable=True),
        sa.Column('cost_basis', sa.String(length=20), nullable=False),
        sa.Column('cost_note', sa.Text(), nullable=False),
        sa.Column(
            'outcomes',
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'),
            nullable=False,
        ),
        sa.Column('contract_end', sa.Date(), nullable=True),
        sa.Column('contact_name', sa.String(length=200), nullable=False),
        sa.Column('contact_email', sa.String(length=254), nullable=False),
        sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ['public_body_id'],
            ['public_body.id'],
            name=op.f('fk_service_baseline_public_body_id_public_body'),
        ),
        sa.ForeignKeyConstraint(
            ['updated_by_id'],
            ['account.id'],
            name=op.f('fk_service_baseline_updated_by_id_account'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_service_baseline')),
    )
    op.create_index(
        op.f('ix_service_baseline_public_body_id'), 'service_baseline', ['public_body_id']
    )


def downgrade():
    op.drop_index(op.f('ix_service_baseline_public_body_id'), table_name='service_baseline')
    op.drop_table('service_baseline')
