"""assurance statements, and the assurer flag an admin gives a person

Revision ID: a9f3b7c2d1e0
Revises: e5d1c0a9b8f7
Create Date: 2026-12-06 21:10:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a9f3b7c2d1e0'
down_revision = 'e5d1c0a9b8f7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('account') as batch:
        batch.add_column(
            sa.Column('assurer', sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        'assurance_statement',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('subject_kind', sa.String(length=20), nullable=False),
        sa.Column('subject_id', sa.Integer(), nullable=False),
        sa.Column('assurer_id', sa.Integer(), nullable=False),
        sa.Column('assurer_name', sa.String(length=200), nullable=False),
        sa.Column('assurer_organisation', sa.String(length=200), nullable=False),
        sa.Column('standard', sa.String(length=200), nullable=False),
        sa.Column('verified_on', sa.Date(), nullable=False),
        sa.Column('scope', sa.Text(), nullable=False),
        sa.Column('conclusion', sa.String(length=20), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['assurer_id'], ['account.id'], name=op.f('fk_assurance_statement_assurer_id_account')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_assurance_statement')),
    )
    op.create_index(
        'ix_assurance_statement_subject', 'assurance_statement', ['subject_kind', 'subject_id']
    )


def downgrade():
    op.drop_index('ix_assurance_statement_subject', table_name='assurance_statement')
    op.drop_table('assurance_statement')
    with op.batch_alter_table('account') as batch:
        batch.drop_column('assurer')
