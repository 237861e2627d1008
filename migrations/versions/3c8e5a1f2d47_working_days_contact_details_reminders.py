"""response periods in working days; contact details of public bodies; deadline reminders

A public body's response period is now counted in working days (Monday to Friday, leaving out
bank holidays in England and Wales) rather than calendar days. Each stored period is
converted so that no submission becomes due sooner than before: each whole week of 7 calendar
days becomes 5 working days, and the days left over count one for one, up to 5:

    working = 5 * (calendar // 7) + min(calendar % 7, 5)

so 56 calendar days become 40 working days, 42 become 30, 30 become 22 and 14 become 10.
Deadlines already set on submissions are kept as they are. Downgrading turns each working
period back into whole weeks plus the days left over (40 becomes 56); a period that was not
a whole number of weeks plus at most 5 days comes back a day or so shorter.

A public body gets optional contact details (email, postal address, telephone) for its
decision letters, and a ``reminder`` row records each day a commissioner was emailed about
submissions due soon or overdue, so the daily reminders are sent once a day.

Revision ID: 3c8e5a1f2d47
Revises: 6a99f779fab4
Create Date: 2026-12-06 18:29:58.339836

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c8e5a1f2d47'
down_revision = '6a99f779fab4'
branch_labels = None
depends_on = None

public_body = sa.table(
    'public_body', sa.column('id', sa.Integer), sa.column('response_period_days', sa.Integer)
)


def to_working_days(calendar_days: int) -> int:
    """The working days that leave no submission due sooner than ``calendar_days`` did."""
    weeks, rest = divmod(calendar_days, 7)
    return 5 * weeks + min(rest, 5)


def to_calendar_days(working_days: int) -> int:
    """Back to calendar days: whole weeks of five working days, and the days left over."""
    weeks, rest = divmod(working_days, 5)
    return 7 * weeks + rest


def convert(change) -> None:
    """Rewrite every body's response period with ``change``."""
    connection = op.get_bind()
    rows = connection.execute(sa.select(public_body.c.id, public_body.c.response_period_days))
    for body_id, days in rows.all():
        if days is not None:
            connection.execute(
                public_body.update()
                .where(public_body.c.id == body_id)
                .values(response_period_days=max(1, change(days)))
            )


def upgrade():
    op.create_table('reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('cases', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account.id'], name=op.f('fk_reminder_user_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder')),
    sa.UniqueConstraint('user_id', 'sent_on', name=op.f('uq_reminder_user_id'))
    )
    with op.batch_alter_table('public_body', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_email', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('contact_address', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('contact_phone', sa.String(length=40), nullable=True))
    convert(to_working_days)


def downgrade():
    convert(to_calendar_days)
    with op.batch_alter_table('public_body', schema=None) as batch_op:
        batch_op.drop_column('contact_phone')
        batch_op.drop_column('contact_address')
        batch_op.drop_column('contact_email')

    op.drop_table('reminder')
