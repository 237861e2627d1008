"""Upgrading turns each body's response period from calendar days into working days, never
making a submission due sooner: whole weeks become five working days."""

from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory

from app import create_app
from app.extensions import db

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
WORKING_DAYS = "3c8e5a1f2d47"  # the revision that counts response periods in working days


def upgrade(app, revision: str) -> None:
    result = app.test_cli_runner().invoke(
        args=["db", "upgrade", "--directory", str(MIGRATIONS), revision]
    )
    assert result.exit_code == 0, result.output + repr(result.exception)


def test_calendar_day_periods_become_working_days(tmp_path):
    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    before = ScriptDirectory.from_config(config).get_revision(WORKING_DAYS).down_revision
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "migration-test-secret-key-0123456789abcdef",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'periods.sqlite'}",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        upgrade(app, before)
        calendar = {
            "Eight weeks": 56,
            "Six weeks": 42,
            "Thirty days": 30,
            "Two weeks": 14,
            "A day": 1,
        }
        with db.engine.begin() as connection:
            for name, days in calendar.items():
                connection.execute(
                    sa.text(
                        "INSERT INTO public_body (name, response_period_days, created_at) "
                        "VALUES (:name, :days, CURRENT_TIMESTAMP)"
                    ),
                    {"name": name, "days": days},
                )
        upgrade(app, WORKING_DAYS)
        with db.engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT name, response_period_days FROM public_body"))
            working = dict(rows.all())
        db.session.remove()
        db.engine.dispose()
    assert working == {
        "Eight weeks": 40,
        "Six weeks": 30,
        "Thirty days": 22,
        "Two weeks": 10,
        "A day": 1,
    }
