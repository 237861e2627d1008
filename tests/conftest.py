"""Fixtures: one app per database (SQLite always, PostgreSQL when TEST_DATABASE_URL is set)."""

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask, g
from flask.testing import FlaskClient
from flask_migrate import upgrade

from app import create_app
from app.accounts.models import Organisation, OrganisationType, PublicBody, Role, User
from app.accounts.passwords import hash_password
from app.extensions import db as _db
from app.extensions import limiter

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery"
_PASSWORD_HASH = hash_password(PASSWORD)
_serial = count(1)


def database_urls() -> dict[str, str]:
    """The databases this run covers."""
    urls = {"sqlite": f"sqlite:///{tempfile.mkdtemp(prefix='valuecase-test-')}/test.sqlite"}
    if os.environ.get("TEST_DATABASE_URL"):
        from app.config import normalise_database_url

        urls["postgresql"] = normalise_database_url(os.environ["TEST_DATABASE_URL"])
    return urls


DATABASES = database_urls()


def reset_postgres(url: str) -> None:
    """Start from an empty public schema; fail the run loudly when PostgreSQL is unreachable."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
    except sa.exc.OperationalError as error:
        pytest.exit(f"Cannot connect to TEST_DATABASE_URL ({url}): {error}", returncode=3)
    finally:
        engine.dispose()


def test_config(database_url: str, **overrides) -> dict:
    """Settings for a test app."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        # PDFs render on first download; tests/reports and tests/jobs turn preparing on
        "PREPARE_PDFS": False,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_SIGN_IN": "10000 per minute",
        "RATELIMIT_PASSWORD_RESET": "10000 per minute",
        "RATELIMIT_CHECK": "10000 per minute",
        "SERVER_NAME": "localhost",
    }
    config.update(overrides)
    return config


@pytest.fixture(scope="session", params=list(DATABASES))
def _session_app(request) -> Iterator[Flask]:
    """One migrated app per database for the whole run."""
    url = DATABASES[request.param]
    if request.param == "postgresql":
        reset_postgres(url)
    app = create_app(test_config(url))

    @app.before_request
    def forget_cached_user() -> None:
        # Tests keep one app context open across requests, so `g` would carry the signed-in
        # user from one request (and one client) to the next; a server never does.
        g.pop("_login_user", None)

    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def app(_session_app: Flask) -> Iterator[Flask]:
    """The app, with every table emptied after the test."""
    with _session_app.app_context():
        yield _session_app
        _db.session.rollback()
        for table in reversed(_db.metadata.sorted_tables):
            _db.session.execute(table.delete())
        _db.session.commit()
        _db.session.remove()
    limiter.reset()
    _session_app.config.update(
        {key: value for key, value in test_config("").items() if key.startswith("RATELIMIT_")},
        WTF_CSRF_ENABLED=False,
    )


@pytest.fixture
def db(app: Flask):
    """The SQLAlchemy handle, inside the app context."""
    return _db


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser-like client."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    """A CLI runner for `flask` commands."""
    return app.test_cli_runner()


@pytest.fixture
def make_public_body(db) -> Callable[..., PublicBody]:
    """Create a public body."""

    def make(name: str | None = None, response_period_days: int = 56) -> PublicBody:
        body = PublicBody(
            name=name or f"Test Council {next(_serial)}", response_period_days=response_period_days
        )
        db.session.add(body)
        db.session.commit()
        return body

    return make


@pytest.fixture
def make_organisation(db) -> Callable[..., Organisation]:
    """Create a civil society organisation."""

    def make(name: str | None = None, type_: str = "charity") -> Organisation:
        organisation = Organisation(
            name=name or f"Test Charity {next(_serial)}", type=OrganisationType(type_)
        )
        db.session.add(organisation)
        db.session.commit()
        return organisation

    return make


@pytest.fixture
def make_user(db, make_organisation, make_public_body) -> Callable[..., User]:
    """Create an account; CSO members and commissioners get an affiliation if none is given."""

    def make(
        role: Role = Role.MEMBER,
        email: str | None = None,
        name: str = "Test Person",
        organisation: Organisation | None = None,
        public_body: PublicBody | None = None,
        active: bool = True,
    ) -> User:
        if role == Role.CSO and organisation is None:
            organisation = make_organisation()
        if role == Role.COMMISSIONER and public_body is None:
            public_body = make_public_body()
        user = User(
            email=email or f"person{next(_serial)}@example.org",
            name=name,
            role=role,
            password_hash=_PASSWORD_HASH,
            organisation=organisation,
            public_body=public_body,
            active=active,
        )
        db.session.add(user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def sign_in(client: FlaskClient) -> Callable[[User], FlaskClient]:
    """Sign a user in through the real form; returns the client."""

    def do(user: User, password: str = PASSWORD) -> FlaskClient:
        response = client.post("/sign-in", data={"email": user.email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client

    return do


def csrf_token(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)
