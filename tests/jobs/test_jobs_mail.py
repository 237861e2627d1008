"""Email through RQ on the local Redis: a commissioner's step queues a job that a worker runs.

Jobs run in a SimpleWorker, in this process, so they share the app and its database; with
MAIL_SERVER unset, a sent email is one written to the log.
"""

import logging

import pytest
from rq.worker import SimpleWorker
from sqlalchemy import select

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.mail import SEND_JOB, mail_state, send_mail
from app.notifications.models import OutboxMail
from app.proposals import services
from app.triage import services as triage

from .conftest import QUIET

REASON = "What does the service cost today?\nSplit it by staff and premises."


@pytest.fixture
def in_review(proposer, make_user, make_public_body):
    """A challenge with a line break in its title, under review; its earlier emails sent."""
    body = make_public_body("Anytown Borough Council")
    commissioner = make_user(Role.COMMISSIONER, public_body=body)
    document = load_example("challenge-young-carers") | {"title": "Young carers\nin Anytown"}
    proposal = services.new_proposal(proposer.organisation, body, document, proposer)
    db.session.flush()
    services.submit(proposal, proposer, None, QUIET)
    triage.take(proposal, "start_review", commissioner, "", QUIET, "")
    return proposal, commissioner


def unsent() -> list[OutboxMail]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.sent_at.is_(None))))


def test_a_step_queues_the_email_and_a_worker_sends_it(
    app, client, sign_in, in_review, proposer, redis_queue, caplog
):
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    proposal, commissioner = in_review
    sign_in(commissioner)

    response = client.post(
        f"/triage/{proposal.id}/request-information",
        data={"sections": "service", "needed-service": REASON},
    )

    assert response.status_code == 302
    [waiting] = unsent()
    assert waiting.to == proposer.email and mail_state(waiting) == "queued"
    assert [job.func_name for job in redis_queue.jobs] == [SEND_JOB]
    assert not [r for r in caplog.records if r.name == "valuecase.mail"]

    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)

    assert unsent() == []
    assert mail_state(db.session.get(OutboxMail, waiting.id)) == "sent"
    [logged] = [r.getMessage() for r in caplog.records if r.name == "valuecase.mail"]
    assert logged.startswith(f"mail to={proposer.email} subject=Valuecase: 'Young carers in")
    assert "What does the service cost today?\nSplit it by staff and premises." in logged
    finished = [redis_queue.fetch_job(j) for j in redis_queue.finished_job_registry.get_job_ids()]
    [job] = [job for job in finished if job.func_name == SEND_JOB]
    assert job.return_value() == {"sent": 1, "failed": 0}


def test_the_worker_command_sends_what_send_mail_queued(app, runner, redis_queue, caplog):
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    send_mail(app.config, "sam@example.org", "Reset your password", "Use this link")
    assert len(unsent()) == 1 and len(redis_queue) == 1

    result = runner.invoke(args=["worker", "--burst"])

    assert result.exit_code == 0, result.output
    assert unsent() == []
    [logged] = [r.getMessage() for r in caplog.records if r.name == "valuecase.mail"]
    assert logged == "mail to=sam@example.org subject=Reset your password\nUse this link\n"


def test_with_redis_unreachable_the_step_still_succeeds_and_cron_sends_later(
    app, client, sign_in, in_review, monkeypatch, runner, caplog
):
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    monkeypatch.setitem(app.config, "REDIS_URL", "redis://127.0.0.1:1/0")  # nothing listens
    proposal, commissioner = in_review
    sign_in(commissioner)

    response = client.post(
        f"/triage/{proposal.id}/request-information",
        data={"sections": "service", "needed-service": REASON},
    )

    assert response.status_code == 302
    assert len(unsent()) == 1
    result = runner.invoke(args=["send-mail"])
    assert result.output == "Sent 1 email.\n"
    assert unsent() == []
