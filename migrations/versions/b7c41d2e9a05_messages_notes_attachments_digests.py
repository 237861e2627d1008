"""messages, internal notes and attachments; notifications that link, and daily digests

A submission gets a thread of messages between the organisation and the public body, notes
between the body's commissioners, and attachments (their bytes kept on disk under a random
name; the row keeps what they are, their size and their SHA-256). A notification keeps the
link it leads to, and when an email told of it; a person may choose one email a day.
Notifications already written were each emailed when they were made, so they are marked
emailed here: a first digest never repeats them.

Revision ID: b7c41d2e9a05
Revises: 64340aaa9cbc
Create Date: 2026-12-06 19:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7c41d2e9a05'
down_revision = '64340aaa9cbc'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=20), nullable=False),
    sa.Column('signed_name', sa.String(length=100), nullable=False),
    sa.Column('signed_for', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['account.id'], name=op.f('fk_message_author_id_account')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], name=op.f('fk_message_proposal_id_proposal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index('ix_message_proposal_at', ['proposal_id', 'created_at'], unique=False)

    op.create_table('internal_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('signed_name', sa.String(length=100), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['account.id'], name=op.f('fk_internal_note_author_id_account')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], name=op.f('fk_internal_note_proposal_id_proposal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_internal_note'))
    )
    with op.batch_alter_table('internal_note', schema=None) as batch_op:
        batch_op.create_index('ix_internal_note_proposal_at', ['proposal_id', 'created_at'], unique=False)

    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('uploader_id', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], name=op.f('fk_attachment_message_id_message')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], name=op.f('fk_attachment_proposal_id_proposal')),
    sa.ForeignKeyConstraint(['uploader_id'], ['account.id'], name=op.f('fk_attachment_uploader_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_attachment_stored_name'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('notification_preference',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.Enum('each', 'daily', name='emailchoice', native_enum=False, length=10), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account.id'], name=op.f('fk_notification_preference_user_id_account')),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_notification_preference'))
    )

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('link', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True))

    notification = sa.table(
        'notification', sa.column('created_at', sa.DateTime), sa.column('emailed_at', sa.DateTime)
    )
    op.execute(notification.update().values(emailed_at=notification.c.created_at))


def downgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('emailed_at')
        batch_op.drop_column('link')

    op.drop_table('notification_preference')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_proposal_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_message_id'))
    op.drop_table('attachment')
    with op.batch_alter_table('internal_note', schema=None) as batch_op:
        batch_op.drop_index('ix_internal_note_proposal_at')
    op.drop_table('internal_note')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ix_message_proposal_at')
    op.drop_table('message')
