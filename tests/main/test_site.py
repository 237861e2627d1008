"""Pages every visitor meets: home, health, errors, headers."""

import pytest

from app import create_app
from app.accounts.models import Role
from app.config import InsecureConfiguration


def test_health_reports_the_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True


def test_health_is_503_when_the_database_is_unreachable(tmp_path):
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none"}
    )
    response = app.test_client().get("/health")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"]["ok"] is False


def test_unknown_page_gets_the_designed_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Page not found" in page and "govuk-template" in page


def test_server_errors_show_no_stack_trace():
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})

    @app.get("/explode-for-test")
    def explode():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/explode-for-test")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in page
    assert "secret internals" not in page and "Traceback" not in page


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.get_data(as_text=True)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_no_crown_and_no_gds_font(client, app):
    page = client.get("/").get_data(as_text=True)
    assert "govuk-header__logotype" not in page and "crown" not in page.lower()
    css = app.static_folder + "/css/main.css"
    with open(css) as stylesheet:
        assert "GDS Transport" not in stylesheet.read()


def test_forms_turn_off_html5_validation(client):
    page = client.get("/sign-up").get_data(as_text=True)
    assert '<form method="post" novalidate>' in page


def test_forms_need_a_csrf_token(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/sign-in", data={"email": "a@example.org", "password": "x" * 12})
    assert response.status_code == 400
    assert "The form expired" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("role", "expected", "absent"),
    [
        (Role.COMMISSIONER, "Commissioner at", "Admin"),
        (Role.CSO, "CSO member at", "Admin"),
        (Role.ADMIN, "Administrator", None),
    ],
)
def test_header_shows_who_and_which_role(client, make_user, sign_in, role, expected, absent):
    sign_in(make_user(role, name="Robin Example"))
    page = client.get("/").get_data(as_text=True)
    assert "Signed in as <strong>Robin Example</strong>" in page
    assert expected in page
    if absent:
        assert f">{absent}<" not in page


def test_admin_sees_admin_navigation(client, make_user, sign_in):
    sign_in(make_user(Role.ADMIN))
    assert 'href="/admin/"' in client.get("/").get_data(as_text=True)


def test_production_refuses_the_default_secret_key(monkeypatch):
    monkeypatch.setenv("VALUECASE_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(InsecureConfiguration, match="SECRET_KEY"):
        create_app()


def test_production_with_a_real_key_sets_secure_cookies(monkeypatch):
    monkeypatch.setenv("VALUECASE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    response = app.test_client().get("/no-such-page")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_environment_overrides_instance_config(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/elsewhere")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == (
        "postgresql+psycopg://postgres@127.0.0.1:5432/elsewhere"
    )


def test_default_database_is_sqlite_in_instance(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/valuecase.sqlite")


def test_production_cookies_are_secure_httponly_and_samesite(monkeypatch):
    monkeypatch.setenv("VALUECASE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("SITE_URL", "https://valuecase.example.org")
    app = create_app()
    response = app.test_client().get("/sign-in", base_url="https://valuecase.example.org")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_every_response_names_its_request_id(client):
    response = client.get("/", headers={"X-Request-ID": "abc-123"})
    assert response.headers["X-Request-ID"] == "abc-123"
    assert len(client.get("/").headers["X-Request-ID"]) == 32


def test_health_reports_the_rules_engine(client):
    checks = client.get("/health").get_json()["checks"]
    assert checks["rules_engine"]["ok"] is True and checks["rules_engine"]["rules"] >= 45
