"""The admin's outbox page: recent email with where each stands, and sending again."""

import re

import pytest
from sqlalchemy import select

from app.accounts.models import Role
from app.extensions import db
from app.mail import MAX_ATTEMPTS, mail_state, queue_mail, send_due
from app.notifications.models import OutboxMail

from .conftest import free_port

LOG_ONLY = {"MAIL_SERVER": None, "MAIL_SENDER": "Valuecase <no-reply@example.org>"}


@pytest.fixture
def admin_client(make_user, sign_in):
    return sign_in(make_user(Role.ADMIN, name="Ada Admin"))


@pytest.fixture
def outbox(app, mail_to) -> dict[str, OutboxMail]:
    """One email sent, one waiting to retry after a refused connection, one failed for good."""
    sent = queue_mail("sent@example.org", "Submitted", "Body")
    db.session.commit()
    send_due(LOG_ONLY)
    mail_to(free_port())
    retrying = queue_mail("retrying@example.org", "More information\nrequested", "Body")
    failed = queue_mail("failed@example.org", "Decided", "Body")
    db.session.commit()
    send_due(app.config)
    failed.attempts = MAX_ATTEMPTS
    db.session.commit()
    return {"sent": sent, "retrying": retrying, "failed": failed}


def row_of(page: str, address: str) -> str:
    """The table row of the email to ``address``."""
    match = re.search(
        rf"<tr class=\"govuk-table__row\">((?:(?!</tr>).)*{address}.*?)</tr>", page, re.S
    )
    assert match, f"no row for {address}"
    return match.group(1)


def test_admins_see_each_emails_state_attempts_and_last_error(admin_client, outbox):
    page = admin_client.get("/admin/outbox").get_data(as_text=True)
    sent = row_of(page, "sent@example.org")
    assert "Sent" in sent and "Send now" not in sent and "Retry" not in sent
    retrying = row_of(page, "retrying@example.org")
    assert "Waiting to retry" in retrying and "More information requested" in retrying
    assert "ConnectionRefusedError" in retrying and ">1</td>" in retrying
    assert "Send now" in retrying
    failed = row_of(page, "failed@example.org")
    assert "Failed" in failed and "Retry" in failed
    assert 'href="/admin/outbox"' in admin_client.get("/admin/").get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.MEMBER, Role.CSO, Role.COMMISSIONER])
def test_only_admins_reach_the_outbox(client, make_user, sign_in, role, outbox):
    sign_in(make_user(role))
    assert client.get("/admin/outbox").status_code == 403
    assert client.post(f"/admin/outbox/{outbox['failed'].id}/send").status_code == 403
    assert mail_state(db.session.get(OutboxMail, outbox["failed"].id)) == "failed"


def test_an_admin_sends_a_failed_email_again(app, admin_client, outbox, smtp_server, mail_to):
    port, inbox = smtp_server
    mail_to(port)
    app.config["WTF_CSRF_ENABLED"] = True
    failed_id = outbox["failed"].id
    page = admin_client.get("/admin/outbox").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    forged = admin_client.post(f"/admin/outbox/{failed_id}/send")
    assert forged.status_code == 400
    assert inbox.messages == []

    response = admin_client.post(
        f"/admin/outbox/{failed_id}/send", data={"csrf_token": token}, follow_redirects=True
    )
    assert response.request.path == "/admin/outbox"
    assert "Sent the email to failed@example.org." in response.get_data(as_text=True)
    assert inbox.wait_for(1)[0].rcpt_tos == ["failed@example.org"]
    mail = db.session.scalars(select(OutboxMail).where(OutboxMail.id == failed_id)).one()
    assert mail_state(mail) == "sent" and mail.attempts == MAX_ATTEMPTS + 1


def test_sending_again_to_a_server_still_down_says_why(admin_client, outbox):
    response = admin_client.post(
        f"/admin/outbox/{outbox['retrying'].id}/send", follow_redirects=True
    )
    page = response.get_data(as_text=True)
    assert "Could not send the email to retrying@example.org: ConnectionRefusedError" in page
    db.session.expire_all()
    assert db.session.get(OutboxMail, outbox["retrying"].id).attempts == 2


def test_sending_an_email_no_longer_in_the_outbox_says_so(admin_client):
    response = admin_client.post("/admin/outbox/999999/send", follow_redirects=True)
    assert response.request.path == "/admin/outbox"
    assert "That email is no longer in the outbox." in response.get_data(as_text=True)
