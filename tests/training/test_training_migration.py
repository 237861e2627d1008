"""The migration that brings tracks, records and portfolios voids the placements recorded
before the placement's stage meant "placed at": their owners take the self-assessment again."""

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade

from app import create_app
from app.extensions import db

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
BEFORE, REVISION = "b7c41d2e9a05", "6a99f779fab4"


def account(connection, email: str) -> int:
    """An account row with every required column of the schema as it is."""
    table = sa.Table("account", sa.MetaData(), autoload_with=connection)
    now = datetime.now(UTC)
    values = {"email": email, "name": email, "password_hash": "x", "role": "member"}
    for column in table.columns:
        if column.name in values or column.nullable or column.primary_key:
            continue
        if column.server_default is None:
            values[column.name] = now if isinstance(column.type, sa.DateTime) else 0
    return connection.execute(table.insert().values(values)).inserted_primary_key[0]


def test_placements_recorded_before_the_new_meaning_are_deleted_and_later_ones_kept(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "migration-test-secret-key-0123456789abcdef",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'placements.sqlite'}",
        }
    )
    with app.app_context():
        upgrade(directory=str(MIGRATIONS), revision=BEFORE)
        placements = sa.table(
            "training_placement",
            sa.column("user_id", sa.Integer),
            sa.column("stage", sa.Integer),
            sa.column("answers", sa.JSON),
            sa.column("placed_at", sa.DateTime(timezone=True)),
        )
        with db.engine.begin() as connection:
            old, new = (
                account(connection, "old@example.org"),
                account(connection, "new@example.org"),
            )
            for user_id, placed_at in (
                (old, datetime(2026, 12, 5, 23, 59, tzinfo=UTC)),
                (new, datetime(2026, 12, 6, 9, 0, tzinfo=UTC)),
            ):
                connection.execute(
                    placements.insert().values(
                        user_id=user_id, stage=3, answers=[], placed_at=placed_at
                    )
                )
        upgrade(directory=str(MIGRATIONS), revision=REVISION)
        with db.engine.connect() as connection:
            kept = connection.execute(sa.select(placements.c.user_id)).scalars().all()
            assessors = connection.execute(sa.text("SELECT assessor FROM account")).scalars().all()
        db.engine.dispose()
    assert kept == [new]
    assert [bool(value) for value in assessors] == [False, False]
