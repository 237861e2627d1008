"""A commissioner's steps save whatever the reason or title holds, and their emails go out.

The emails are written to the outbox with the step and sent after its commit: to the log
without a mail server, by SMTP to a real local server with one, and kept for a retry when
the server cannot be reached.
"""

import email
import logging
from email import policy

import pytest
from sqlalchemy import event, select

from app.extensions import db
from app.mail import mail_state
from app.notifications.models import OutboxMail
from app.proposals.workflow import Status
from app.triage import services as triage

from .conftest import LOG_ONLY, free_port

REASON = (
    "Tell us today's cost of the in-house service.\r\n"
    "Split it by staff and premises.\n\n"
    "And the date the current contract ends."
)
REASONS = "Good value for money.\nThe outcomes are well evidenced.\n\tThe risks are shared."


def mail_after(first_id: int) -> list[OutboxMail]:
    """The outbox rows written after ``first_id``, read afresh."""
    db.session.expire_all()
    query = select(OutboxMail).where(OutboxMail.id > first_id).order_by(OutboxMail.to)
    return list(db.session.scalars(query))


def last_mail_id() -> int:
    return db.session.scalar(select(db.func.max(OutboxMail.id))) or 0


def request_information(client, proposal, reason: str = REASON):
    return client.post(
        f"/triage/{proposal.id}/request-information",
        data={"sections": "service", "needed-service": reason},
    )


def test_a_request_for_information_with_a_multi_line_reason_is_saved_and_emailed(
    commissioner_client, in_review, people, caplog
):
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    before = last_mail_id()

    response = request_information(commissioner_client, in_review)

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/triage/{in_review.id}")
    db.session.refresh(in_review)
    assert in_review.status == Status.MORE_INFO
    mails = mail_after(before)
    assert [m.to for m in mails] == sorted([people["proposer"].email, people["colleague"].email])
    assert all(mail_state(m) == "sent" and m.attempts == 1 for m in mails)
    subject = mails[0].subject
    assert "\n" not in subject and "\r" not in subject
    assert subject.startswith("Valuecase: 'Young carers in Anytown' is now more information")
    logged = [r.getMessage() for r in caplog.records if r.name == "valuecase.mail"]
    assert len(logged) == 2
    to_proposer = next(m for m in logged if m.startswith(f"mail to={people['proposer'].email} "))
    header, _, body = to_proposer.partition("\n")
    assert "says: The service: Tell us today's cost of the in-house service. Split it by" in header
    assert header.endswith("…")  # a long subject is cut; the body has it all
    assert "Split it by staff and premises.\n\nAnd the date the current contract ends." in body


def test_a_decision_with_multi_line_reasons_is_delivered_by_smtp(
    commissioner_client, in_review, people, smtp_server, mail_to
):
    port, inbox = smtp_server
    mail_to(port)
    before = last_mail_id()

    response = commissioner_client.post(
        f"/triage/{in_review.id}/decide/confirm",
        data={"outcome": "accepted", "reasons": REASONS, "next_steps": "A grant from April."},
    )

    assert response.status_code == 302
    assert triage.decision_for(in_review).reasons == REASONS
    received = inbox.wait_for(2)
    assert sorted(r for m in received for r in m.rcpt_tos) == sorted(
        [people["proposer"].email, people["colleague"].email]
    )
    message = email.message_from_bytes(received[0].content, policy=policy.default)
    assert message["Subject"] == (
        "Valuecase: 'Young carers in Anytown' is now accepted. Anytown Borough Council says: "
        "Good value for money. The outcomes are well evidenced. The risks are shared."
    )
    body = message.get_content().replace("\r\n", "\n")  # SMTP's line ends
    assert "The outcomes are well evidenced.\n\tThe risks are shared." in body
    assert all(m.sent_at is not None and m.last_error == "" for m in mail_after(before))


def test_an_unreachable_mail_server_keeps_the_email_for_a_retry(
    commissioner_client, in_review, smtp_server, mail_to, runner
):
    mail_to(free_port())
    before = last_mail_id()

    response = request_information(commissioner_client, in_review)

    assert response.status_code == 302
    db.session.refresh(in_review)
    assert in_review.status == Status.MORE_INFO
    mails = mail_after(before)
    assert len(mails) == 2
    for mail in mails:
        assert mail_state(mail) == "retrying" and mail.attempts == 1 and mail.sent_at is None
        assert "ConnectionRefusedError" in mail.last_error
    # the server is back, but the retry is not due yet
    port, inbox = smtp_server
    mail_to(port)
    assert runner.invoke(args=["send-mail"]).output == "Sent 0 emails.\n"
    # a minute and more later
    for mail in mails:
        mail.next_attempt_at = mail.created_at
    db.session.commit()
    result = runner.invoke(args=["send-mail"])
    assert result.output == "Sent 2 emails.\n"
    assert len(inbox.wait_for(2)) == 2
    assert all(mail_state(m) == "sent" and m.attempts == 2 for m in mail_after(before))


class DatabaseWentAway(Exception):
    """Stands for the database failing once the step's statements have run."""


def test_a_step_rolled_back_leaves_no_email(in_review, people, caplog):
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    before = last_mail_id()
    session = db.session()
    written: list[str] = []

    def record(session, flush_context) -> None:
        written.extend(type(obj).__name__ for obj in session.new)

    def refuse(session) -> None:
        session.flush()
        raise DatabaseWentAway("connection lost before the commit")

    event.listen(session, "after_flush", record)
    event.listen(session, "before_commit", refuse)
    try:
        with pytest.raises(DatabaseWentAway):
            triage.request_information(
                in_review, people["commissioner"], ["service"], {"service": REASON}, LOG_ONLY, ""
            )
    finally:
        event.remove(session, "after_flush", record)
        event.remove(session, "before_commit", refuse)
    assert written.count("OutboxMail") == 2  # written with the step...
    db.session.rollback()
    assert mail_after(before) == []  # ...and gone with it
    assert not [r for r in caplog.records if r.name == "valuecase.mail"]


def test_a_step_that_tells_no_one_by_email_leaves_nothing_in_the_outbox(in_review, people):
    before = last_mail_id()
    triage.request_information(
        in_review, people["commissioner"], ["service"], {"service": REASON}, None, ""
    )
    assert in_review.status == Status.MORE_INFO
    assert mail_after(before) == []
