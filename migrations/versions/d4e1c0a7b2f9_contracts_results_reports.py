"""contracts that follow accepted cases, their versions, and results reported on them

``contract`` records who delivers an accepted case and for which body; ``contract_version``
keeps each version of its terms (JSON: dates, annual value, payment by results, reporting)
with who changed them and why; ``results_report`` holds one period's reported figures, the
body's verification of each (``checks``) and what the provider learned.

Revision ID: d4e1c0a7b2f9
Revises: a5c1d0e2f301
Create Date: 2026-12-06 20:45:00.000000

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'd4e1c0a7b2f9'
down_revision = 'a5c1d0e2f301'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade():
    op.create_table(
        'contract',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('proposal_id', sa.Integer(), nullable=False),
        sa.Column('public_body_id', sa.Integer(), nullable=False),
        sa.Column('provider_organisation_id', sa.Integer(), nullable=True),
        sa.Column('provider_name', sa.String(length=200), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['created_by_id'], ['account.id'], name=op.f('fk_contract_created_by_id_account')
        ),
        sa.ForeignKeyConstraint(
            ['proposal_id'], ['proposal.id'], name=op.f('fk_contract_proposal_id_proposal')
        ),
        sa.ForeignKeyConstraint(
            ['provider_organisation_id'],
            ['organisation.id'],
            name=op.f('fk_contract_provider_organisation_id_organisation'),
        ),
        sa.ForeignKeyConstraint(
            ['public_body_id'],
            ['public_body.id'],
            name=op.f('fk_contract_public_body_id_public_body'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_contract')),
        sa.UniqueConstraint('proposal_id', name=op.f('uq_contract_proposal_id')),
    )
    op.create_index(op.f('ix_contract_public_body_id'), 'contract', ['public_body_id'])
    op.create_index(
        op.f('ix_contract_provider_organisation_id'), 'contract', ['provider_organisation_id']
    )
    op.create_table(
        'contract_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('contract_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('terms', JSON, nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('changed_by_id', sa.Integer(), nullable=True),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['changed_by_id'],
            ['account.id'],
            name=op.f('fk_contract_version_changed_by_id_account'),
        ),
        sa.ForeignKeyConstraint(
            ['contract_id'],
            ['contract.id'],
            name=op.f('fk_contract_version_contract_id_contract'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_contract_version')),
        sa.UniqueConstraint(
            'contract_id', 'number', name=op.f('uq_contract_version_contract_id')
        ),
    )
    op.create_index(
        op.f('ix_contract_version_contract_id'), 'contract_version', ['contract_id']
    )
    op.create_table(
        'results_report',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('contract_id', sa.Integer(), nullable=False),
        sa.Column('period_number', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('figures', JSON, nullable=False),
        sa.Column('checks', JSON, nullable=False),
        sa.Column('learning', sa.Text(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('submitted_by_id', sa.Integer(), nullable=True),
        sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('verified_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ['contract_id'],
            ['contract.id'],
            name=op.f('fk_results_report_contract_id_contract'),
        ),
        sa.ForeignKeyConstraint(
            ['submitted_by_id'],
            ['account.id'],
            name=op.f('fk_results_report_submitted_by_id_account'),
        ),
        sa.ForeignKeyConstraint(
            ['verified_by_id'],
            ['account.id'],
            name=op.f('fk_results_report_verified_by_id_account'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_results_report')),
        sa.UniqueConstraint(
            'contract_id', 'period_number', name=op.f('uq_results_report_contract_id')
        ),
    )
    op.create_index(
        op.f('ix_results_report_contract_id'), 'results_report', ['contract_id']
    )


def downgrade():
    op.drop_index(op.f('ix_results_report_contract_id'), table_name='results_report')
    op.drop_table('results_report')
    op.drop_index(op.f('ix_contract_version_contract_id'), table_name='contract_version')
    op.drop_table('contract_version')
    op.drop_index(op.f('ix_contract_provider_organisation_id'), table_name='contract')
    op.drop_index(op.f('ix_contract_public_body_id'), table_name='contract')
    op.drop_table('contract')
