"""Email each time by default, or one daily digest of what was not yet read, by choice."""

from sqlalchemy import select

from app.extensions import db
from app.messages import services as messages
from app.notifications.models import EmailChoice, Notification, NotificationPreference, OutboxMail
from app.proposals.workflow import Party
from app.triage import services as triage

from .conftest import LOG_ONLY


def mails_to(person) -> list[OutboxMail]:
    query = select(OutboxMail).where(OutboxMail.to == person.email)
    return list(db.session.scalars(query.order_by(OutboxMail.id)))


def choose(client, choice: str):
    return client.post("/notifications/email", data={"email": choice})


def test_the_choice_is_made_on_the_notifications_page(client, people, sign_in):
    sign_in(people["proposer"])
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Email me" in page and "Each time" in page and "Once a day" in page
    assert 'value="each" checked' in page
    assert choose(client, "daily").status_code == 302
    preference = db.session.get(NotificationPreference, people["proposer"].id)
    assert preference.email == EmailChoice.DAILY
    assert 'value="daily" checked' in client.get("/notifications/").get_data(as_text=True)
    response = choose(client, "hourly")
    assert response.status_code == 400
    assert "Select how often you want an email" in response.get_data(as_text=True)
    assert db.session.get(NotificationPreference, people["proposer"].id).email == EmailChoice.DAILY


def test_digest_people_get_no_email_per_event_and_one_digest_a_day(
    client, people, in_review, sign_in, runner, tmp_path
):
    sign_in(people["proposer"])
    choose(client, "daily")
    before = len(mails_to(people["proposer"]))
    triage.request_information(
        in_review,
        people["commissioner"],
        ["service"],
        {"service": "Tell us the cost per family."},
        LOG_ONLY,
        "https://valuecase.example/proposals/1",
    )
    messages.send(
        in_review,
        people["commissioner"],
        Party.COMMISSIONER,
        "And the waiting list.",
        None,
        str(tmp_path),
        LOG_ONLY,
        "https://valuecase.example/proposals/1/messages",
    )
    assert len(mails_to(people["proposer"])) == before
    assert len(mails_to(people["colleague"])) == before + 2  # the colleague kept each time

    result = runner.invoke(args=["send-digests"])
    assert result.exit_code == 0 and "Wrote 1 digest to the outbox." in result.output
    (digest,) = mails_to(people["proposer"])[before:]
    assert digest.subject == "Valuecase: 2 new notifications"
    assert "Tell us the cost per family." in digest.body
    assert "Chris Commissioner (Anytown Borough Council) sent a message" in digest.body
    assert "https://valuecase.example/proposals/1/messages" in digest.body
    pending = db.session.scalars(
        select(Notification).where(
            Notification.user_id == people["proposer"].id, Notification.emailed_at.is_(None)
        )
    )
    assert list(pending) == []
    assert "Wrote 0 digests" in runner.invoke(args=["send-digests"]).output
    assert len(mails_to(people["proposer"])) == before + 1


def test_a_digest_leaves_out_what_was_read_or_already_emailed(
    client, people, in_review, sign_in, runner
):
    sign_in(people["proposer"])
    choose(client, "daily")  # the review's start was emailed before the choice
    triage.request_information(
        in_review, people["commissioner"], ["service"], {"service": "Read this one."}, LOG_ONLY, ""
    )
    opened = db.session.scalar(  # the proposer's own: their colleague is told too
        select(Notification).where(
            Notification.message.like("%Read this one.%"),
            Notification.user_id == people["proposer"].id,
        )
    )
    client.get(f"/notifications/{opened.id}")
    before = len(mails_to(people["proposer"]))
    assert "Wrote 0 digests" in runner.invoke(args=["send-digests"]).output
    assert len(mails_to(people["proposer"])) == before
