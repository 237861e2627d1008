"""The site under hostile hosts, failing services and lost races: designed answers, never a 500."""

import logging
import sqlite3
import threading

import pytest
from flask_migrate import upgrade
from sqlalchemy import select, text
from sqlalchemy.orm.exc import StaleDataError

from app import create_app
from app.accounts.models import Organisation, OrganisationType, Role, User
from app.accounts.passwords import hash_password
from app.config import instance_secret_key
from app.extensions import db
from tests.conftest import ROOT
from tests.conftest import test_config as site_config

PASSWORD = "correct horse battery"


def fresh_app(tmp_path, name="site.sqlite", **overrides):
    """An app on a migrated SQLite file of its own, with one CSO member."""
    url = f"sqlite:///{tmp_path / name}"
    settings = site_config(url, **overrides)
    settings.pop("SERVER_NAME")
    app = create_app(settings)
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        db.session.add(
            User(email="member@example.org", name="Member", password_hash=hash_password(PASSWORD))
        )
        db.session.commit()
        db.session.remove()
    return app


def test_a_request_naming_another_host_is_refused(tmp_path):
    client = fresh_app(tmp_path).test_client()
    assert client.get("/", headers={"Host": "127.0.0.1:5000"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


def test_a_forwarded_host_is_never_taken_from_the_client(tmp_path):
    app = fresh_app(tmp_path, TRUSTED_PROXIES=1)

    @app.get("/host-for-test")
    def host_for_test():
        from flask import request

        return request.host

    answer = app.test_client().get(
        "/host-for-test", headers={"Host": "localhost", "X-Forwarded-Host": "evil.example"}
    )
    assert answer.get_data(as_text=True) == "localhost"


def test_production_trusts_only_the_site_url_host(monkeypatch):
    monkeypatch.setenv("VALUECASE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("SITE_URL", "https://valuecase.example.gov.uk")
    app = create_app()
    assert app.config["TRUSTED_HOSTS"] == ["valuecase.example.gov.uk"]
    client = app.test_client()
    assert client.get("/", headers={"Host": "valuecase.example.gov.uk"}).status_code == 200
    assert client.get("/", headers={"Host": "127.0.0.1"}).status_code == 400


def test_each_installation_makes_its_own_secret_key_once(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    key = instance_secret_key(first)
    assert len(key) == 64 and instance_secret_key(first) == key
    assert instance_secret_key(second) != key
    assert (first / "secret_key").stat().st_mode & 0o777 == 0o600


def test_the_site_runs_on_its_instance_key_outside_production(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("VALUECASE_ENV", "development")
    app = create_app()
    stored = (ROOT / "instance" / "secret_key").read_text().strip()
    assert app.config["SECRET_KEY"] == stored
    assert create_app().config["SECRET_KEY"] == stored


def test_a_lost_race_answers_409_and_the_error_page_still_renders(tmp_path):
    app = fresh_app(tmp_path)

    @app.get("/duplicate-for-test")
    def duplicate():
        db.session.add(User(email="member@example.org", name="Twin", password_hash="x"))
        db.session.flush()

    @app.get("/stale-for-test")
    def stale():
        raise StaleDataError("changed meanwhile")

    client = app.test_client()
    client.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD})
    for path in ("/duplicate-for-test", "/stale-for-test"):
        response = client.get(path)
        assert response.status_code == 409
        page = response.get_data(as_text=True)
        assert "Someone else changed this at the same time" in page
        assert "Signed in as" in page  # the layout queried the database after the rollback


def test_a_read_only_database_answers_503_with_what_to_do(tmp_path):
    fresh_app(tmp_path)
    url = f"sqlite:///file:{tmp_path / 'site.sqlite'}?mode=ro&uri=true"
    settings = site_config(url)
    settings.pop("SERVER_NAME")
    client = create_app(settings).test_client()
    response = client.post(
        "/sign-up",
        data={"name": "New Person", "email": "new@example.org", "password": PASSWORD * 2},
    )
    assert response.status_code == 503
    assert "Nothing was changed" in response.get_data(as_text=True)
    assert response.headers["Retry-After"] == "60"


def test_a_locked_database_answers_503_once_the_wait_runs_out(tmp_path):
    app = fresh_app(tmp_path, SQLALCHEMY_ENGINE_OPTIONS={"connect_args": {"timeout": 0.2}})
    holder = sqlite3.connect(tmp_path / "site.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        response = app.test_client().post(
            "/sign-in", data={"email": "member@example.org", "password": PASSWORD}
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503


def test_sqlite_waits_thirty_seconds_and_writes_beside_a_running_backup(tmp_path):
    app = fresh_app(tmp_path)
    with app.app_context():
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    backup = sqlite3.connect(tmp_path / "site.sqlite", isolation_level=None)
    backup.execute("BEGIN")
    backup.execute("SELECT count(*) FROM account").fetchall()  # a snapshot held open
    done = threading.Event()

    def sign_up():
        response = app.test_client().post(
            "/sign-up",
            data={
                "name": "New Person",
                "email": "new@example.org",
                "password": PASSWORD * 2,
                "confirm": PASSWORD * 2,
            },
        )
        assert response.status_code < 500
        done.set()

    worker = threading.Thread(target=sign_up)
    worker.start()
    assert done.wait(5), "a write waited for a reader"
    worker.join()
    backup.execute("ROLLBACK")
    backup.close()


def test_an_oversized_import_from_a_signed_in_proposer_gets_the_413_page(tmp_path):
    app = fresh_app(tmp_path)
    with app.app_context():
        member = db.session.scalar(select(User))
        member.role = Role.CSO
        member.organisation = Organisation(name="Kirkfield Trust", type=OrganisationType.CHARITY)
        db.session.commit()
        db.session.remove()
    client = app.test_client()
    client.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD})
    response = client.post("/proposals/import", data={"document": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The file or form is too large" in page and "2 MB at most" in page


def test_an_oversized_upload_from_an_anonymous_person_gets_the_413_page(tmp_path):
    client = fresh_app(tmp_path).test_client()
    response = client.post("/sign-in", data={"email": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "The file or form is too large" in response.get_data(as_text=True)


@pytest.fixture
def redis_down(tmp_path, caplog):
    """An app whose REDIS_URL points at a port where nothing listens."""
    url = "redis://127.0.0.1:1/0"
    app = fresh_app(tmp_path, REDIS_URL=url, RATELIMIT_STORAGE_URI=url)
    caplog.set_level(logging.WARNING)
    yield app
    # the rate limiter is one object for every app in this process: put it back on memory
    create_app(site_config("sqlite://"))


def test_with_redis_down_sign_in_reset_check_and_verification_still_answer(redis_down, caplog):
    client = redis_down.test_client()
    signed_in = client.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert client.post("/reset-password", data={"email": "someone@example.org"}).status_code < 500
    check = client.post("/api/v1/check", json={"format": "proposal/1"})
    assert check.status_code == 422
    assert client.get("/training/verify?code=NOPE").status_code < 500
    assert any("falling back" in record.getMessage().lower() for record in caplog.records)


def test_health_reports_redis_down_as_degraded(redis_down):
    response = redis_down.test_client().get("/health")
    body = response.get_json()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["redis"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_health_reports_a_live_redis(tmp_path):
    app = fresh_app(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0")
    body = app.test_client().get("/health").get_json()
    assert body["status"] == "ok" and body["checks"]["redis"]["ok"] is True
