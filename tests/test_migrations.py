"""Migrations build the models' schema from nothing, and carry the previous schema's data over.

Each test runs on a new SQLite file and, when TEST_DATABASE_URL is set, on a PostgreSQL
database of its own (valuecase_migrations) on the same server, created and dropped here.
"""

import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask

from app import create_app
from app.accounts.models import Organisation, PublicBody, Role, User
from app.accounts.passwords import hash_password
from app.config import normalise_database_url
from app.examples import load_example
from app.extensions import db
from app.proposals.convert import to_current
from app.proposals.models import Proposal
from app.proposals.workflow import Status
from app.search import include_in_comparison

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
PROPOSAL_1 = Path(__file__).resolve().parent / "proposals" / "fixtures" / "proposal-1"
TO_PROPOSAL_2 = "64340aaa9cbc"  # the revision that converts stored documents to proposal/2
PASSWORD = "migrated horse battery"
DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def scripts() -> ScriptDirectory:
    """The migration scripts, as Alembic reads them."""
    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def head_and_previous() -> tuple[str, tuple[str, ...]]:
    """The head revision and the revision(s) just before it."""
    head = scripts().get_revision(scripts().get_current_head())
    previous = head.down_revision
    assert previous, "there is only one migration: nothing to upgrade from"
    return head.revision, previous if isinstance(previous, tuple) else (previous,)


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path) -> Iterator[str]:
    """The URL of a new, empty database, dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    server = sa.make_url(normalise_database_url(os.environ["TEST_DATABASE_URL"]))
    admin = sa.create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql("DROP DATABASE IF EXISTS valuecase_migrations WITH (FORCE)")
        connection.exec_driver_sql("CREATE DATABASE valuecase_migrations")
    try:
        yield server.set(database="valuecase_migrations").render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql("DROP DATABASE IF EXISTS valuecase_migrations WITH (FORCE)")
        admin.dispose()


@pytest.fixture
def migrating_app(database_url) -> Iterator[Flask]:
    """An app on the new database, inside its app context."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "migrations-test-secret-key-0123456789abcdef",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SERVER_NAME": "localhost",
        }
    )
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def flask_db_upgrade(app: Flask, revision: str = "head") -> None:
    """Run `flask db upgrade` as an operator would."""
    result = app.test_cli_runner().invoke(
        args=["db", "upgrade", "--directory", str(MIGRATIONS), revision]
    )
    assert result.exit_code == 0, result.output + repr(result.exception)


def schema_differences() -> list:
    """What autogenerate would change to make the database match the models."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_in_comparison}
        )
        return compare_metadata(context, db.metadata)


def current_heads() -> set[str]:
    with db.engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def test_upgrade_builds_the_models_schema_on_an_empty_database(migrating_app):
    flask_db_upgrade(migrating_app)
    head, _ = head_and_previous()
    assert current_heads() == {head}
    assert schema_differences() == []


# Values for the columns this test knows; any other required column gets a plain value.
def known_values(ids: dict[str, int]) -> dict[str, dict]:
    now = datetime.now(UTC)
    document = load_example("challenge-young-carers")
    document["organisation"]["name"] = "Migrated Carers Trust"
    document["commissioner"] = "Migrated Borough Council"
    return {
        "organisation": {"name": "Migrated Carers Trust", "type": "charity", "created_at": now},
        "public_body": {
            "name": "Migrated Borough Council",
            "response_period_days": 42,
            "created_at": now,
        },
        "account": {
            "email": "migrated@example.org",
            "name": "Mig Rated",
            "password_hash": hash_password(PASSWORD),
            "role": "cso",
            "organisation_id": ids.get("organisation"),
            "active": True,
            "created_at": now,
        },
        "proposal": {
            "organisation_id": ids.get("organisation"),
            "public_body_id": ids.get("public_body"),
            "kind": "challenge",
            "title": document["title"],
            "status": "draft",
            "draft": document,
            "typed": {},
            "completed_sections": [],
            "revision": 1,
            "created_by_id": ids.get("account"),
            "created_at": now,
            "updated_at": now,
        },
    }


def original(name: str) -> dict:
    """A proposal/1 example as it was before proposal/2."""
    return json.loads((PROPOSAL_1 / f"{name}.json").read_text(encoding="utf-8"))


def plain_value(table: str, column: sa.Column):
    """A value for a required column this test does not know, from its type."""
    model = db.metadata.tables.get(table)
    later = model.columns.get(column.name) if model is not None else None
    if later is not None and isinstance(later.type, sa.Enum):
        return later.type.enums[0]
    assert not column.foreign_keys, f"teach this test a value for {table}.{column.name}"
    python_type = {
        sa.Boolean: False,
        sa.DateTime: datetime.now(UTC),
        sa.Date: date.today(),
        sa.Integer: 0,
        sa.Numeric: 0,
        sa.JSON: {},
        sa.String: "x",
    }
    for kind, value in python_type.items():
        if isinstance(column.type, kind):
            return value
    raise AssertionError(f"teach this test a value for {table}.{column.name} ({column.type})")


def insert_as_of_previous_revision(connection: sa.Connection) -> dict[str, int]:
    """An organisation, a public body, an account and a draft, through the schema as it is."""
    schema = sa.MetaData()
    schema.reflect(connection)
    ids: dict[str, int] = {}
    for name in ("organisation", "public_body", "account", "proposal"):
        assert name in schema.tables, f"{name} does not exist at the previous revision"
        table = schema.tables[name]
        known = known_values(ids)[name]
        values = {
            column.name: known[column.name] if column.name in known else plain_value(name, column)
            for column in table.columns
            if column.name in known
            or not (column.nullable or column.primary_key or column.server_default is not None)
        }
        ids[name] = connection.execute(table.insert().values(values)).inserted_primary_key[0]
    return ids


def test_upgrade_from_the_previous_revision_keeps_the_data_usable(migrating_app):
    head, previous = head_and_previous()
    for revision in previous:
        flask_db_upgrade(migrating_app, revision)
    with db.engine.begin() as connection:
        ids = insert_as_of_previous_revision(connection)
    flask_db_upgrade(migrating_app)
    assert current_heads() == {head}

    user = db.session.scalar(sa.select(User).where(User.email == "migrated@example.org"))
    assert user.role == Role.CSO and user.organisation.name == "Migrated Carers Trust"
    # (the conversion of calendar days into working days has a test of its own)
    assert db.session.get(PublicBody, ids["public_body"]).response_period_days == 42
    proposal = db.session.get(Proposal, ids["proposal"])
    assert proposal.status == Status.DRAFT and proposal.organisation_id == ids["organisation"]
    assert proposal.draft["organisation"]["name"] == "Migrated Carers Trust"
    assert db.session.get(Organisation, ids["organisation"]).members == [user]

    client = migrating_app.test_client()
    signed_in = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert signed_in.status_code == 302
    assert proposal.title in client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    saved = client.post(
        f"/proposals/{proposal.id}/sections/vfm",
        data={"revision": proposal.revision, "economy": "Still cheaper after the upgrade."},
    )
    assert saved.status_code == 302
    db.session.refresh(proposal)
    assert proposal.draft["vfm"]["economy"] == "Still cheaper after the upgrade."
    assert proposal.revision == 2


def test_upgrade_converts_stored_drafts_and_versions_to_proposal_2(migrating_app):
    before = scripts().get_revision(TO_PROPOSAL_2).down_revision
    flask_db_upgrade(migrating_app, before)
    already = to_current(original("propose-parish-green-spaces"))
    with db.engine.begin() as connection:
        ids = insert_as_of_previous_revision(connection)
        schema = sa.MetaData()
        schema.reflect(connection)
        proposals, versions = schema.tables["proposal"], schema.tables["proposal_version"]
        draft = original("challenge-young-carers")  # drafts were proposal/1 then
        draft["organisation"]["name"] = "Migrated Carers Trust"
        connection.execute(
            proposals.update().where(proposals.c.id == ids["proposal"]).values(draft=draft)
        )
        second = connection.execute(
            proposals.insert().values(
                {**known_values(ids)["proposal"], "title": "Greens", "draft": already}
            )
        ).inserted_primary_key[0]
        for number, name in enumerate(["challenge-young-carers", "propose-hospital-discharge"], 1):
            connection.execute(
                versions.insert().values(
                    proposal_id=ids["proposal"],
                    number=number,
                    document=original(name),
                    submitted_at=datetime.now(UTC),
                )
            )
    flask_db_upgrade(migrating_app, TO_PROPOSAL_2)

    # read through the tables as they are at this revision: later ones may add columns
    with db.engine.connect() as connection:
        drafts = dict(connection.execute(sa.select(proposals.c.id, proposals.c.draft)).all())
        revisions = dict(connection.execute(sa.select(proposals.c.id, proposals.c.revision)).all())
        documents = connection.execute(
            sa.select(versions.c.document).order_by(versions.c.number)
        ).scalars()
        stored = list(documents)
    assert drafts[ids["proposal"]] == to_current(draft) and revisions[ids["proposal"]] == 1
    pbr = drafts[ids["proposal"]]["contract"]["payment_by_results"]
    assert pbr["measures"][0] == {"description": "school attendance of supported young carers"}
    assert drafts[second] == already
    assert stored == [
        to_current(original("challenge-young-carers")),
        to_current(original("propose-hospital-discharge")),
    ]
