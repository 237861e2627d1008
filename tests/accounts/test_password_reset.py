"""Password reset by an emailed link, always built on SITE_URL whatever host the request named."""

from urllib.parse import urlsplit

import pytest
from flask_migrate import upgrade

from app import create_app
from app.accounts.models import User
from app.accounts.passwords import hash_password, verify_password
from app.extensions import db as site_db
from tests.conftest import PASSWORD, ROOT
from tests.conftest import test_config as site_config


def path_of(link: str) -> str:
    """The path of a link, to follow it with the test client."""
    return urlsplit(link).path


def test_reset_link_changes_the_password_once(client, make_user, db, mailbox):
    user = make_user()
    page = client.post("/reset-password", data={"email": user.email}).get_data(as_text=True)
    assert "Check your email" in page
    link = path_of(mailbox(user.email)[-1].link_to("/reset-password/"))
    new = {"password": "a brand new phrase", "confirm": "a brand new phrase"}
    assert client.post(link, data=new).status_code == 302
    db.session.refresh(user)
    assert verify_password(user.password_hash, "a brand new phrase")
    reused = client.post(
        link, data={"password": "another new phrase", "confirm": "another new phrase"}
    )
    assert reused.status_code == 400
    assert "This link does not work" in reused.get_data(as_text=True)


def test_reset_for_unknown_email_looks_the_same_and_mails_no_link(client, make_user, mailbox):
    known = make_user(email="known@example.org")
    pages = {
        email: client.post("/reset-password", data={"email": email})
        .get_data(as_text=True)
        .replace(email, "EMAIL")
        for email in (known.email, "ghost@example.org")
    }
    assert pages[known.email] == pages["ghost@example.org"]
    assert mailbox(known.email)[-1].link_to("/reset-password/")
    ghost_mail = mailbox("ghost@example.org")[-1]
    assert "no active account uses it" in ghost_mail.body
    assert "/reset-password/" not in ghost_mail.body


def test_reset_link_is_built_on_the_site_url_not_the_request_host(
    app, client, make_user, mailbox, monkeypatch
):
    monkeypatch.setitem(app.config, "SITE_URL", "https://valuecase.example.gov.uk")
    user = make_user()
    # localhost is a host the test site answers to, but the mail must not be built on it
    response = client.post(
        "/reset-password", data={"email": user.email}, headers={"Host": "localhost"}
    )
    assert response.status_code == 200
    link = mailbox(user.email)[-1].link_to("/reset-password/")
    assert link.startswith("https://valuecase.example.gov.uk/reset-password/")


def test_a_forged_host_never_reaches_the_reset_mail(app, client, make_user, mailbox):
    site = app.config["SITE_URL"].rstrip("/") + "/"
    user = make_user()
    for headers in ({"Host": "evil.example"}, {"X-Forwarded-Host": "evil.example"}):
        response = client.post("/reset-password", data={"email": user.email}, headers=headers)
        assert response.status_code in (200, 400)
    for mail in mailbox():
        assert "evil.example" not in mail.body
        assert all(link.startswith(site) for link in mail.links())


@pytest.fixture
def proxied_app(app, tmp_path):
    """The site behind one trusted reverse proxy, on a database of its own with one member.

    Made before the test runs: migrating sets up logging afresh, which would stop the test
    from reading the mail written to the log.
    """
    settings = site_config(f"sqlite:///{tmp_path / 'proxied.sqlite'}", TRUSTED_PROXIES=1)
    settings.pop("SERVER_NAME")
    proxied = create_app(settings)
    with proxied.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        site_db.session.add(
            User(email="member@example.org", name="Member", password_hash=hash_password(PASSWORD))
        )
        site_db.session.commit()
        site_db.session.remove()
    return proxied


def test_behind_a_trusted_proxy_a_forwarded_host_never_reaches_the_reset_mail(proxied_app, mailbox):
    with proxied_app.app_context():
        response = proxied_app.test_client().post(
            "/reset-password",
            data={"email": "member@example.org"},
            headers={"Host": "127.0.0.1:5000", "X-Forwarded-Host": "evil.example"},
        )
        assert response.status_code == 200
        mails = mailbox("member@example.org")
        site_db.session.remove()
    link = mails[-1].link_to("/reset-password/")
    assert urlsplit(link).netloc == urlsplit(proxied_app.config["SITE_URL"]).netloc
    assert "evil.example" not in mails[-1].body


def test_tampered_reset_link_is_refused(client):
    response = client.get("/reset-password/not-a-real-token")
    assert response.status_code == 400


def test_reset_form_errors_keep_the_page(client, make_user, mailbox):
    user = make_user()
    client.post("/reset-password", data={"email": user.email})
    link = path_of(mailbox(user.email)[-1].link_to("/reset-password/"))
    page = client.post(link, data={"password": "short", "confirm": "short"})
    assert "Error: Choose a new password" in page.get_data(as_text=True)


def test_a_new_password_may_not_contain_the_email(client, make_user, mailbox):
    user = make_user(email="rosalind@example.org")
    client.post("/reset-password", data={"email": user.email})
    link = path_of(mailbox(user.email)[-1].link_to("/reset-password/"))
    weak = "rosalind-garden-gate"
    page = client.post(link, data={"password": weak, "confirm": weak}).get_data(as_text=True)
    assert "Password must not contain your email address" in page
