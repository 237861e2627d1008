"""proposals: stored drafts and submitted versions converted to format proposal/2

Every proposal's draft and every submitted version's document in proposal/1 is converted to
proposal/2 by ``app.proposals.convert.to_current``, the same pure function that converts a
proposal/1 file when it is imported or checked, so a stored document and an imported one can
never differ. Converting once, here, rather than on every read keeps one format in the
database: every page, check, export and job reads proposal/2 and nothing else, and no reader
can forget to convert. The conversion only renames (payment by results' outcome_measures and
evidence) and changes the format marker, so a draft's revision is left as it is: no page open
during the upgrade is made stale by it. Documents already in proposal/2, and anything that is
not a proposal/1 document, are left untouched, so running it twice changes nothing.

The function is imported rather than copied because it is defined by the fixed mapping from
proposal/1 to proposal/2; a later format gets a converter of its own.

There is no downgrade: a proposal/2 document can say more than proposal/1 can (evidence,
option values, a payment-by-results design...), so turning it back would lose what people
wrote. Restore the backup taken before the upgrade instead.

Revision ID: 64340aaa9cbc
Revises: 1780ce2f0393
Create Date: 2026-12-06 18:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from app.proposals.convert import PREVIOUS, format_of, to_current

# revision identifiers, used by Alembic.
revision = '64340aaa9cbc'
down_revision = '1780ce2f0393'
branch_labels = None
depends_on = None

BATCH = 500
DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
STORED = (('proposal', 'draft'), ('proposal_version', 'document'))


def upgrade():
    connection = op.get_bind()
    for table_name, column_name in STORED:
        table = sa.table(table_name, sa.column('id', sa.Integer), sa.column(column_name, DOCUMENT))
        convert_column(connection, table, table.c[column_name])


def convert_column(connection, table, column):
    """Convert the column's proposal/1 documents, a batch of rows at a time, in id order."""
    last = 0
    while True:
        rows = connection.execute(
            sa.select(table.c.id, column).where(table.c.id > last).order_by(table.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        for row_id, document in rows:
            if format_of(document) == PREVIOUS:
                connection.execute(
                    table.update().where(table.c.id == row_id).values(
                        {column.name: to_current(document)}
                    )
                )
        last = rows[-1][0]


def downgrade():
    raise RuntimeError(
        'proposal/2 documents cannot be turned back into proposal/1 without losing what they '
        'say; restore the backup taken before the upgrade instead'
    )
