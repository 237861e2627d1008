"""organisations and bodies deactivated; invitations; admin log

An organisation and a public body can be deactivated (``active``, true for every one that
exists): a deactivated organisation's members start and submit nothing new, and a deactivated
body is offered to no new submission; what exists stays readable.

An ``invitation`` row records each person an administrator invited by email: the role and the
organisation or body they join, whether they also assess training portfolios, who invited
them, the ``nonce`` that only the latest emailed link carries, and when it was sent, accepted
(and by which account) or withdrawn.

An ``admin_event`` row records each change an administrator made to an organisation, a public
body or an invitation: who, what, on which organisation or body, and when.

Revision ID: a5c1d0e2f301
Revises: 9d4e2b7c1a36
Create Date: 2026-12-06 20:14:01.298064

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a5c1d0e2f301"
down_revision = "9d4e2b7c1a36"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "admin_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("public_body_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["account.id"], name=op.f("fk_admin_event_actor_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_admin_event_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["public_body_id"],
            ["public_body.id"],
            name=op.f("fk_admin_event_public_body_id_public_body"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_event")),
    )
    with op.batch_alter_table("admin_event", schema=None) as batch_op:
        batch_op.create_index("ix_admin_event_at", ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_admin_event_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_admin_event_public_body_id"), ["public_body_id"], unique=False
        )

    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "member", "cso", "commissioner", "admin", name="role", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("public_body_id", sa.Integer(), nullable=True),
        sa.Column("assessor", sa.Boolean(), nullable=False),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_by_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["accepted_by_id"], ["account.id"], name=op.f("fk_invitation_accepted_by_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["invited_by_id"], ["account.id"], name=op.f("fk_invitation_invited_by_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_invitation_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["public_body_id"],
            ["public_body.id"],
            name=op.f("fk_invitation_public_body_id_public_body"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_email"), ["email"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_invitation_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_invitation_public_body_id"), ["public_body_id"], unique=False
        )

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False)
        )

    with op.batch_alter_table("public_body", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("public_body", schema=None) as batch_op:
        batch_op.drop_column("active")

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("active")

    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_public_body_id"))
        batch_op.drop_index(batch_op.f("ix_invitation_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_invitation_email"))

    op.drop_table("invitation")
    with op.batch_alter_table("admin_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admin_event_public_body_id"))
        batch_op.drop_index(batch_op.f("ix_admin_event_organisation_id"))
        batch_op.drop_index("ix_admin_event_at")

    op.drop_table("admin_event")
