"""Password reset by an emailed link, written to the log by default."""

import logging
import re

from app.accounts.passwords import verify_password


def reset_link(caplog) -> str:
    """The reset link in the last email written to the log."""
    mails = [r.getMessage() for r in caplog.records if r.name == "valuecase.mail"]
    assert mails, "no email was sent"
    return re.search(r"http://localhost(/reset-password/\S+)", mails[-1]).group(1)


def test_reset_link_changes_the_password_once(client, make_user, db, caplog):
    user = make_user()
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    page = client.post("/reset-password", data={"email": user.email}).get_data(as_text=True)
    assert "Check your email" in page
    link = reset_link(caplog)
    new = {"password": "a brand new phrase", "confirm": "a brand new phrase"}
    assert client.post(link, data=new).status_code == 302
    db.session.refresh(user)
    assert verify_password(user.password_hash, "a brand new phrase")
    reused = client.post(
        link, data={"password": "another new phrase", "confirm": "another new phrase"}
    )
    assert reused.status_code == 400
    assert "This link does not work" in reused.get_data(as_text=True)


def test_reset_for_unknown_email_looks_the_same_and_sends_nothing(client, caplog):
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    page = client.post("/reset-password", data={"email": "ghost@example.org"}).get_data(
        as_text=True
    )
    assert "Check your email" in page
    assert not [r for r in caplog.records if r.name == "valuecase.mail"]


def test_tampered_reset_link_is_refused(client):
    response = client.get("/reset-password/not-a-real-token")
    assert response.status_code == 400


def test_reset_form_errors_keep_the_page(client, make_user, caplog):
    user = make_user()
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    client.post("/reset-password", data={"email": user.email})
    page = client.post(reset_link(caplog), data={"password": "short", "confirm": "short"})
    assert "Error: Choose a new password" in page.get_data(as_text=True)
