"""Fixtures for the backups: a database filled with the demo data, and helpers to compare it."""

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from app.accounts.models import User, utcnow
from app.extensions import db as _db
from app.notifications.models import Notification
from app.proposals import services
from app.proposals.models import Proposal
from app.proposals.sections import BY_KEY
from app.proposals.workflow import Status


def snapshot() -> dict[str, list[tuple]]:
    """Every table's rows, as the database returns them, in primary-key order."""
    _db.session.commit()
    found = {}
    for table in _db.metadata.sorted_tables:
        if table.info.get("derived"):
            continue  # rebuilt when missing, never backed up
        query = sa.select(table).order_by(*table.primary_key.columns)
        found[table.name] = [tuple(row) for row in _db.session.execute(query)]
    return found


def empty_tables() -> None:
    """Delete every row, children first, as a new database would be."""
    for table in reversed(_db.metadata.sorted_tables):
        _db.session.execute(table.delete())
    _db.session.commit()
    restart_sequences()


def restart_sequences() -> None:
    """On PostgreSQL, start every id sequence again at 1, as in a newly migrated database."""
    if _db.engine.dialect.name != "postgresql":
        return
    for table in _db.metadata.sorted_tables:
        if "id" not in table.columns:
            continue  # keyed by another table's id, with no sequence of its own
        sequence = _db.session.scalar(
            sa.text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        )
        if sequence:
            _db.session.execute(sa.text(f"ALTER SEQUENCE {sequence} RESTART WITH 1"))
    _db.session.commit()


@pytest.fixture
def seeded(runner, db):
    """The demo data plus the traces of use: a saved draft change, a read notification,
    a locked account."""
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    draft = db.session.scalar(select(Proposal).where(Proposal.status == Status.DRAFT))
    author = db.session.get(User, draft.created_by_id)
    economy = {"economy": "Cheaper by £12,500 a year."}
    page = services.Save(BY_KEY["vfm"], economy, {}, draft.revision)
    services.save(draft, author, page)
    db.session.scalars(select(Notification)).first().read_at = utcnow()
    db.session.scalar(
        select(User).where(User.email == "trainee@demo.example.org")
    ).locked_until = utcnow()
    db.session.commit()
    return snapshot()
