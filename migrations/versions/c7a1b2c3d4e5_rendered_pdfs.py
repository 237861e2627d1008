"""rendered PDFs kept by the key of what they show

A ``rendered_pdf`` row keeps one rendered PDF of a submission: its ``kind`` (``assessment``
or ``decision-letter``), the ``key`` it was rendered for (the digest of the exact HTML it was
made from, with the renderer's salt) and the bytes. A download looks the current key up and
renders only when it is missing; a PDF whose key is superseded is deleted when the new one is
kept. The table holds derived data only: backups leave it out.

Revision ID: c7a1b2c3d4e5
Revises: d4e1c0a7b2f9
Create Date: 2026-12-06 20:40:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c7a1b2c3d4e5'
down_revision = 'd4e1c0a7b2f9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'rendered_pdf',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('proposal_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('pdf', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['proposal_id'], ['proposal.id'], name=op.f('fk_rendered_pdf_proposal_id_proposal')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rendered_pdf')),
        sa.UniqueConstraint(
            'proposal_id', 'kind', 'key', name=op.f('uq_rendered_pdf_proposal_id')
        ),
    )


def downgrade():
    op.drop_table('rendered_pdf')
