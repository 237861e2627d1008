"""Sessions end where they should: sign-out, password changes and resets, signing out everywhere.

A browser's cookie is only a key to a session row; copying it keeps nothing once the row ends.
"""

import logging
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.accounts.models import AccountEvent, Role, UserSession, aware
from tests.conftest import PASSWORD, csrf_token

NEW_PASSWORD = {"password": "a brand new phrase", "confirm": "a brand new phrase"}
COOKIE = "session"


def copy_cookie(source, target) -> None:
    """Give another browser the same session cookie, as someone who stole it would."""
    cookie = source.get_cookie(COOKIE)
    assert cookie is not None
    target.set_cookie(COOKIE, cookie.value, domain=cookie.domain)


def signed_in(client) -> bool:
    """Whether the browser is treated as signed in on a page only signed-in people see."""
    return client.get("/training/").status_code == 200


def actions(db, user) -> list[str]:
    """The account events recorded for a person, oldest first."""
    query = select(AccountEvent.action).where(AccountEvent.user_id == user.id)
    return list(db.session.scalars(query.order_by(AccountEvent.id)))


@pytest.fixture
def person(make_user):
    return make_user(name="Sam Session")


@pytest.fixture
def browsers(app, person):
    """Two browsers (a laptop and a phone) signed in as the same person."""
    pair = []
    for agent in ("Mozilla/5.0 (Windows NT 10.0) Firefox/128.0", "Mozilla/5.0 (iPhone) Safari/605"):
        browser = app.test_client()
        browser.environ_base["HTTP_USER_AGENT"] = agent
        response = browser.post("/sign-in", data={"email": person.email, "password": PASSWORD})
        assert response.status_code == 302
        pair.append(browser)
    return pair


def test_a_copied_cookie_stops_working_after_sign_out(app, browsers, db, person):
    laptop, _ = browsers
    thief = app.test_client()
    copy_cookie(laptop, thief)
    assert signed_in(thief)
    laptop.post("/sign-out")
    assert not signed_in(thief)
    assert not signed_in(laptop)
    assert "sign-out" in actions(db, person)


def test_each_sign_in_keeps_only_a_hash_of_its_token(browsers, db, person):
    rows = db.session.scalars(select(UserSession).where(UserSession.user_id == person.id)).all()
    assert len(rows) == 2 and all(len(row.token_hash) == 64 for row in rows)
    laptop, _ = browsers
    with laptop.session_transaction() as session:
        token = session["session_token"]
    assert token not in {row.token_hash for row in rows}


def test_a_password_change_ends_every_other_session(browsers, db, person):
    laptop, phone = browsers
    page = laptop.post("/account/password", data={"current_password": PASSWORD} | NEW_PASSWORD)
    assert page.status_code == 302
    assert signed_in(laptop)
    assert not signed_in(phone)
    assert "password-change" in actions(db, person)


def test_a_password_change_needs_the_current_password(browsers, db, person):
    laptop, phone = browsers
    data = {"current_password": "not my password"} | NEW_PASSWORD
    page = laptop.post("/account/password", data=data).get_data(as_text=True)
    assert "Your current password is not right" in page
    assert "<title>Error: Change your password" in page
    assert signed_in(phone)
    assert "password-change" not in actions(db, person)


def reset_path(caplog) -> str:
    """The path of the reset link in the last email written to the log."""
    mails = [r.getMessage() for r in caplog.records if r.name == "valuecase.mail"]
    assert mails, "no email was sent"
    return urlsplit(re.search(r"https?://\S+/reset-password/\S+", mails[-1]).group(0)).path


def test_a_password_reset_ends_every_session(client, browsers, db, person, caplog):
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    laptop, phone = browsers
    client.post("/reset-password", data={"email": person.email})
    link = reset_path(caplog)
    assert client.post(link, data=NEW_PASSWORD).status_code == 302
    assert not signed_in(laptop) and not signed_in(phone)
    assert "password-reset" in actions(db, person)


def test_your_account_lists_each_signed_in_browser(browsers):
    laptop, _ = browsers
    page = laptop.get("/account/").get_data(as_text=True)
    assert "Firefox on Windows" in page and "Safari on iPhone" in page
    assert page.count("This browser") == 1
    assert 'href="/account/"' in laptop.get("/").get_data(as_text=True)


def test_signing_out_of_all_devices_asks_first_then_ends_every_session(browsers, db, person):
    laptop, phone = browsers
    question = laptop.get("/account/sign-out-everywhere").get_data(as_text=True)
    assert "Are you sure you want to sign out of all devices?" in question
    assert signed_in(laptop) and signed_in(phone)
    response = laptop.post("/account/sign-out-everywhere")
    assert response.status_code == 302
    assert not signed_in(laptop) and not signed_in(phone)
    live = db.session.scalars(
        select(UserSession).where(UserSession.user_id == person.id, UserSession.ended_at.is_(None))
    ).all()
    assert live == []
    assert "sign-out-everywhere" in actions(db, person)


def test_signing_in_records_the_event_and_gives_a_new_csrf_token(app, client, person, db):
    app.config["WTF_CSRF_ENABLED"] = True
    before = csrf_token(client.get("/sign-in").get_data(as_text=True))
    response = client.post(
        "/sign-in", data={"email": person.email, "password": PASSWORD, "csrf_token": before}
    )
    assert response.status_code == 302
    stale = client.post("/sign-out", data={"csrf_token": before})
    assert stale.status_code == 400
    assert signed_in(client)
    fresh = csrf_token(client.get("/account/").get_data(as_text=True))
    assert client.post("/sign-out", data={"csrf_token": fresh}).status_code == 302
    assert not signed_in(client)
    assert actions(db, person)[-2:] == ["sign-in", "sign-out"]


def test_a_session_planted_before_sign_in_is_not_kept(client, person):
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    client.post("/sign-in", data={"email": person.email, "password": PASSWORD})
    with client.session_transaction() as session:
        assert "planted" not in session


def test_a_page_that_starts_or_carries_a_session_is_never_stored(app, client):
    assert "no-store" not in client.get("/register/").headers.get("Cache-Control", "")
    app.config["WTF_CSRF_ENABLED"] = True  # a form's CSRF token is what starts the session
    assert client.get("/sign-in").headers["Cache-Control"] == "no-store"
    assert client.get("/register/").headers["Cache-Control"] == "no-store"


def test_private_pages_and_downloads_are_never_stored_by_caches(client, make_user, sign_in):
    sign_in(make_user(Role.COMMISSIONER))
    for url in ("/", "/account/", "/training/", "/triage/", "/triage/export.csv", "/register/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "no-store", url
    assert client.post("/sign-out").headers["Cache-Control"] == "no-store"


def test_an_oversized_form_from_a_signed_in_person_gets_the_error_page(client, make_user, sign_in):
    sign_in(make_user(Role.ADMIN))
    response = client.post("/admin/organisations", data={"name": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The file or form is too large" in page and "Sign out" in page


def test_a_session_is_marked_as_used_every_few_minutes_not_on_every_page(
    client, person, sign_in, db
):
    sign_in(person)
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == person.id))
    signed_in_at = row.last_seen_at
    client.get("/account/")
    db.session.refresh(row)
    assert row.last_seen_at == signed_in_at
    row.last_seen_at = signed_in_at - timedelta(minutes=6)
    db.session.commit()
    client.get("/account/")
    db.session.refresh(row)
    assert aware(row.last_seen_at) > aware(signed_in_at) - timedelta(minutes=1)


def test_a_deactivated_person_is_signed_out_at_once(browsers, db, person):
    laptop, _ = browsers
    person.active = False
    db.session.commit()
    assert not signed_in(laptop)
