"""A second factor: setting up an authentication app, signing in with its codes or a recovery
code, and the rule that commissioners and admins must have one in production."""

import base64
import re
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select

from app.accounts import second_factor
from app.accounts.models import AccountEvent, RecoveryCode, Role, utcnow
from tests.conftest import PASSWORD


def now_code(secret: str) -> str:
    """The code an authentication app shows now."""
    return pyotp.TOTP(secret).now()


def signed_in(client) -> bool:
    return client.get("/training/").status_code == 200


def give_password(client, user, next_page: str | None = None):
    """The first step of signing in."""
    query = {"next": next_page} if next_page else {}
    return client.post(
        "/sign-in", query_string=query, data={"email": user.email, "password": PASSWORD}
    )


def actions(db, user) -> list[str]:
    query = select(AccountEvent.action).where(AccountEvent.user_id == user.id)
    return list(db.session.scalars(query.order_by(AccountEvent.id)))


def test_setting_up_shows_a_qr_code_and_key_then_recovery_codes_once(
    client, db, make_user, sign_in
):
    user = make_user()
    sign_in(user)
    page = client.get("/account/second-factor").get_data(as_text=True)
    db.session.refresh(user)
    assert user.totp_secret and user.totp_enabled_at is None
    image = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert image, "no QR code image"
    svg = base64.b64decode(image.group(1)).decode()
    assert svg.startswith("<svg") and "style" not in svg
    assert "style=" not in page
    assert " ".join(re.findall(".{1,4}", user.totp_secret)) in page
    assert (
        client.get("/account/second-factor").get_data(as_text=True).count(user.totp_secret[:4])
    ), "reloading must show the same key"

    wrong = client.post("/account/second-factor", data={"code": "000000"})
    assert "Enter the 6-digit code your authentication app shows" in wrong.get_data(as_text=True)
    db.session.refresh(user)
    assert user.totp_enabled_at is None

    done = client.post("/account/second-factor", data={"code": now_code(user.totp_secret)})
    codes = re.findall(r"<code>([a-z0-9-]+)</code>", done.get_data(as_text=True))
    assert len(codes) == 10 and len(set(codes)) == 10
    db.session.refresh(user)
    assert user.totp_enabled_at is not None
    stored = {r.code_hash for r in db.session.scalars(select(RecoveryCode)).all()}
    assert len(stored) == 10 and not stored & set(codes)
    again = client.get("/account/second-factor").get_data(as_text=True)
    assert "10 unused recovery codes" in again
    assert not any(code in again for code in codes)
    assert "second-factor-on" in actions(db, user)


def test_sign_in_asks_for_the_code_on_its_own_page_before_signing_in(
    client, db, make_user, with_second_factor
):
    user = make_user()
    secret = with_second_factor(user)
    response = give_password(client, user, next_page="/training/")
    assert response.headers["Location"] == "/sign-in/code"
    assert not signed_in(client)
    page = client.get("/sign-in/code").get_data(as_text=True)
    assert "Enter your security code" in page
    response = client.post("/sign-in/code", data={"code": now_code(secret)})
    assert response.headers["Location"] == "/training/"
    assert signed_in(client)
    assert actions(db, user)[-1] == "sign-in"


def test_a_wrong_code_is_refused_and_recorded(client, db, make_user, with_second_factor):
    user = make_user()
    with_second_factor(user)
    give_password(client, user)
    page = client.post("/sign-in/code", data={"code": "123456"}).get_data(as_text=True)
    assert "<title>Error: Enter your security code" in page
    assert "Enter the 6-digit code your authentication app shows now" in page
    assert not signed_in(client)
    assert actions(db, user)[-1] == "sign-in-failed"


def test_a_code_cannot_be_used_twice(app, client, make_user, with_second_factor):
    user = make_user()
    secret = with_second_factor(user)
    code = now_code(secret)
    give_password(client, user)
    assert client.post("/sign-in/code", data={"code": code}).status_code == 302
    other = app.test_client()
    give_password(other, user)
    page = other.post("/sign-in/code", data={"code": code}).get_data(as_text=True)
    assert "That code has been used already" in page
    assert not signed_in(other)


def test_five_wrong_codes_lock_the_account(client, db, make_user, with_second_factor):
    user = make_user()
    secret = with_second_factor(user)
    give_password(client, user)
    for _ in range(5):
        client.post("/sign-in/code", data={"code": "000000"})
    page = client.post("/sign-in/code", data={"code": now_code(secret)}).get_data(as_text=True)
    assert "Too many wrong codes: the account is locked for 15 minutes" in page
    assert not signed_in(client)


def test_the_code_page_is_rate_limited_like_sign_in(app, client, make_user, with_second_factor):
    user = make_user()
    with_second_factor(user)
    give_password(client, user)
    app.config["RATELIMIT_SIGN_IN"] = "2 per minute"
    statuses = [client.post("/sign-in/code", data={"code": "000000"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_a_recovery_code_works_once_and_says_how_many_are_left(
    app, db, make_user, with_second_factor
):
    user = make_user()
    with_second_factor(user)
    codes = second_factor.renew_recovery_codes(user)
    first = app.test_client()
    give_password(first, user)
    response = first.post("/sign-in/code", data={"code": codes[0]})
    assert response.headers["Location"] == "/account/second-factor"
    page = first.get("/account/second-factor").get_data(as_text=True)
    assert "You signed in with a recovery code. You have 9 left" in page
    assert "Get new recovery codes" in page

    second = app.test_client()
    give_password(second, user)
    reused = second.post("/sign-in/code", data={"code": codes[0]}).get_data(as_text=True)
    assert "Enter the 6-digit code" in reused and not signed_in(second)
    typed_loosely = " " + codes[1].upper().replace("-", " ") + " "
    assert second.post("/sign-in/code", data={"code": typed_loosely}).status_code == 302
    assert "You have 8 left" in second.get("/account/").get_data(as_text=True)
    assert actions(db, user).count("recovery-code-used") == 2


def test_new_recovery_codes_replace_the_old_ones(client, make_user, with_second_factor):
    user = make_user()
    with_second_factor(user)
    old = second_factor.renew_recovery_codes(user)
    give_password(client, user)
    client.post("/sign-in/code", data={"code": old[0]})
    assert "Make new recovery codes" in client.get(
        "/account/second-factor/recovery-codes"
    ).get_data(as_text=True)
    page = client.post("/account/second-factor/recovery-codes").get_data(as_text=True)
    new = re.findall(r"<code>([a-z0-9-]+)</code>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert "Your old codes no longer work" in page


def test_after_a_recovery_code_a_new_device_can_be_set_up_with_the_password(
    client, db, make_user, with_second_factor
):
    user = make_user()
    old_secret = with_second_factor(user)
    codes = second_factor.renew_recovery_codes(user)
    give_password(client, user)
    client.post("/sign-in/code", data={"code": codes[0]})
    wrong = client.post("/account/second-factor/turn-off", data={"current_password": "nope"})
    assert "Your current password is not right" in wrong.get_data(as_text=True)
    response = client.post("/account/second-factor/turn-off", data={"current_password": PASSWORD})
    assert response.headers["Location"] == "/account/second-factor"
    db.session.refresh(user)
    assert user.totp_enabled_at is None
    assert db.session.scalar(select(RecoveryCode).where(RecoveryCode.user_id == user.id)) is None
    client.get("/account/second-factor")
    db.session.refresh(user)
    assert user.totp_secret != old_secret
    client.post("/account/second-factor", data={"code": now_code(user.totp_secret)})
    db.session.refresh(user)
    assert user.totp_enabled_at is not None
    assert "second-factor-off" in actions(db, user)


def test_the_code_step_expires(client, make_user, with_second_factor):
    user = make_user()
    secret = with_second_factor(user)
    give_password(client, user)
    with client.session_transaction() as session:
        pending = session["pending_sign_in"]
        session["pending_sign_in"] = pending | {
            "until": (utcnow() - timedelta(seconds=1)).timestamp()
        }
    response = client.post("/sign-in/code", data={"code": now_code(secret)})
    assert response.headers["Location"] == "/sign-in"
    assert not signed_in(client)


def test_the_code_page_without_a_password_first_sends_to_sign_in(client):
    response = client.get("/sign-in/code")
    assert response.status_code == 302 and response.headers["Location"] == "/sign-in"


@pytest.fixture
def production(app, monkeypatch):
    monkeypatch.setitem(app.config, "VALUECASE_ENV", "production")


@pytest.mark.parametrize("role", [Role.COMMISSIONER, Role.ADMIN])
def test_in_production_those_who_decide_set_up_a_second_factor_before_anything_else(
    client, db, make_user, production, role
):
    user = make_user(role)
    response = give_password(client, user, next_page="/training/")
    assert response.headers["Location"] == "/account/second-factor"
    for url in ("/training/", "/account/", "/admin/", "/triage/", "/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"] == "/account/second-factor", url
    page = client.get("/account/second-factor").get_data(as_text=True)
    assert "Set it up to continue" in page
    db.session.refresh(user)
    client.post("/account/second-factor", data={"code": now_code(user.totp_secret)})
    assert client.get("/training/").status_code == 200
    assert client.post("/sign-out").status_code == 302


def test_in_production_others_may_choose_a_second_factor(client, make_user, production):
    user = make_user(Role.CSO)
    response = give_password(client, user, next_page="/training/")
    assert response.headers["Location"] == "/training/"
    assert client.get("/training/").status_code == 200
    account = client.get("/account/").get_data(as_text=True)
    assert "Set up a second factor" in account


def test_outside_production_commissioners_are_not_held(client, make_user):
    user = make_user(Role.COMMISSIONER)
    assert give_password(client, user, next_page="/triage/").headers["Location"] == "/triage/"
