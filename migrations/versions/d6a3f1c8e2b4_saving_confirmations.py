"""savings confirmed by those who save: each saving a submitted case claims for another body
on the platform, and that body's answer

Revision ID: d6a3f1c8e2b4
Revises: b8e2f4a6c9d1
Create Date: 2026-12-06 22:30:00.000000

A new table only, so SQLite keeps the search triggers on the existing ones.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d6a3f1c8e2b4"
down_revision = "b8e2f4a6c9d1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "saving_confirmation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("annual_value", sa.Numeric(precision=16, scale=2), nullable=True),
        sa.Column("public_body_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("adjusted_value", sa.Numeric(precision=16, scale=2), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_saving_confirmation_proposal_id_proposal"),
        ),
        sa.ForeignKeyConstraint(
            ["public_body_id"],
            ["public_body.id"],
            name=op.f("fk_saving_confirmation_public_body_id_public_body"),
        ),
        sa.ForeignKeyConstraint(
            ["answered_by_id"],
            ["account.id"],
            name=op.f("fk_saving_confirmation_answered_by_id_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saving_confirmation")),
        sa.UniqueConstraint(
            "proposal_id",
            "version_number",
            "position",
            name=op.f("uq_saving_confirmation_proposal_id"),
        ),
    )
    for column in ("proposal_id", "public_body_id"):
        op.create_index(op.f(f"ix_saving_confirmation_{column}"), "saving_confirmation", [column])


def downgrade():
    for column in ("proposal_id", "public_body_id"):
        op.drop_index(op.f(f"ix_saving_confirmation_{column}"), table_name="saving_confirmation")
    op.drop_table("saving_confirmation")
