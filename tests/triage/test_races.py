"""Two commissioners act on one submission at once: the first change wins, the other hears 409.

A stale page is a commissioner acting on what they saw a moment ago after another has moved
the submission; a true race is two requests that both read the submission before either
writes, which the tests make with two database sessions (two app contexts), or two threads.
"""

import threading

import pytest
from flask import Flask
from sqlalchemy import event, func, select

from app.extensions import db
from app.notifications.models import Notification
from app.proposals.models import AuditEvent, Proposal
from app.proposals.workflow import Status
from app.triage import services as triage
from app.triage.models import Decision

from .conftest import decide

ACCEPT = {
    "outcome": "accepted",
    "reasons": "Better value than the in-house service.",
    "next_steps": "A procurement exercise opens in May.",
}
ACCEPTED = triage.DecisionInput("accepted", ACCEPT["reasons"], ACCEPT["next_steps"])
REJECTED = triage.DecisionInput(
    "rejected", "The service is already out to tender.", "", ("already_procured",)
)


def start_review(proposal, commissioner) -> None:
    triage.take(proposal, "start_review", commissioner, "", None, "")


def decisions(proposal) -> list[tuple[str, str]]:
    query = select(Decision).where(Decision.proposal_id == proposal.id).order_by(Decision.id)
    return [(d.outcome, d.decided_by.name) for d in db.session.scalars(query)]


def steps(proposal, action: str) -> int:
    query = select(func.count(AuditEvent.id)).where(
        AuditEvent.proposal_id == proposal.id, AuditEvent.action == action
    )
    return db.session.scalar(query)


def signed_in(app: Flask, user):
    client = app.test_client()
    response = client.post(
        "/sign-in", data={"email": user.email, "password": "correct horse battery"}
    )
    assert response.status_code == 302
    return client


def test_deciding_a_case_someone_has_just_decided_answers_409_and_keeps_theirs(
    commissioner_client, challenge, commissioner, reviewer
):
    start_review(challenge, commissioner)
    assert commissioner_client.get(f"/triage/{challenge.id}/decide").status_code == 200
    triage.decide(challenge, reviewer, REJECTED, None, "")

    response = commissioner_client.post(f"/triage/{challenge.id}/decide", data=ACCEPT)

    assert response.status_code == 409
    text = response.get_data(as_text=True)
    assert "This submission has already been decided: it was rejected." in text
    assert decisions(challenge) == [("rejected", "Priya Reviewer")]
    db.session.refresh(challenge)
    assert challenge.status == Status.REJECTED
    assert steps(challenge, "accept") == 0 and steps(challenge, "reject") == 1


def test_a_second_decision_with_mistakes_is_still_refused_as_already_decided(
    commissioner_client, challenge, commissioner
):
    start_review(challenge, commissioner)
    decide(commissioner_client, challenge, ACCEPT)

    response = commissioner_client.post(
        f"/triage/{challenge.id}/decide", data={"outcome": "rejected", "reasons": ""}
    )

    assert response.status_code == 409
    assert "already been decided" in response.get_data(as_text=True)
    assert decisions(challenge) == [("accepted", "Chris Commissioner")]


def test_the_decision_form_of_a_decided_case_leads_back_to_the_review(
    commissioner_client, challenge, commissioner
):
    start_review(challenge, commissioner)
    triage.decide(challenge, commissioner, ACCEPTED, None, "")

    response = commissioner_client.get(f"/triage/{challenge.id}/decide", follow_redirects=True)

    assert response.request.path == f"/triage/{challenge.id}"
    assert "This submission has already been decided: it was accepted." in response.get_data(
        as_text=True
    )


def test_a_decision_made_on_a_copy_read_before_another_decision_is_refused(
    app, challenge, commissioner, reviewer
):
    start_review(challenge, commissioner)
    with app.app_context():  # the first commissioner's request reads the submission
        mine = db.session.get(Proposal, challenge.id)
        assert mine.status == Status.IN_REVIEW
        with app.app_context():  # the second commissioner's request decides meanwhile
            triage.decide(db.session.get(Proposal, challenge.id), reviewer, REJECTED, None, "")
        with pytest.raises(triage.AlreadyChanged, match="already been decided: it was rejected"):
            triage.decide(mine, commissioner, ACCEPTED, None, "")
    db.session.expire_all()
    assert decisions(challenge) == [("rejected", "Priya Reviewer")]
    assert steps(challenge, "accept") == 0 and steps(challenge, "reject") == 1


def test_a_decision_on_a_copy_whose_revision_changed_meanwhile_is_refused_whole(
    app, challenge, commissioner, reviewer, proposer
):
    start_review(challenge, commissioner)
    notified = db.session.scalar(select(func.count(Notification.id)))
    with app.app_context():
        mine = db.session.get(Proposal, challenge.id)
        revision = mine.revision
        with app.app_context():  # another commissioner assigns it: a new revision
            triage.assign(db.session.get(Proposal, challenge.id), reviewer.id, reviewer)
        with pytest.raises(triage.AlreadyChanged, match="at the same moment"):
            triage.decide(mine, commissioner, ACCEPTED, None, "")
    db.session.expire_all()
    assert challenge.revision == revision + 1 and challenge.status == Status.IN_REVIEW
    assert decisions(challenge) == []
    assert db.session.scalar(select(func.count(Notification.id))) == notified
    # read afresh, the decision can be made
    triage.decide(challenge, commissioner, ACCEPTED, None, "")
    assert decisions(challenge) == [("accepted", "Chris Commissioner")]


def test_two_commissioners_pressing_decide_at_once_one_wins_the_other_hears_409(
    app, challenge, commissioner, reviewer
):
    start_review(challenge, commissioner)
    clients = [signed_in(app, commissioner), signed_in(app, reviewer)]
    url = f"/triage/{challenge.id}/decide/confirm"
    # each request waits, once it has read the submission, until the other has read it too
    both_read = threading.Barrier(2, timeout=20)
    pressing = threading.local()

    def wait_for_the_other(_target, _context) -> None:
        if getattr(pressing, "now", False) and not getattr(pressing, "waited", False):
            pressing.waited = True
            both_read.wait()

    answers = {}

    def press(index: int) -> None:
        pressing.now = True
        answers[index] = clients[index].post(url, data=ACCEPT)

    event.listen(Proposal, "load", wait_for_the_other)
    try:
        threads = [threading.Thread(target=press, args=(i,)) for i in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        event.remove(Proposal, "load", wait_for_the_other)

    assert sorted(a.status_code for a in answers.values()) == [302, 409]
    lost = next(a for a in answers.values() if a.status_code == 409)
    assert "This submission has already been decided: it was accepted." in lost.get_data(
        as_text=True
    )
    db.session.expire_all()
    assert len(decisions(challenge)) == 1
    assert steps(challenge, "accept") == 1


def test_starting_a_review_someone_has_just_started_answers_409(
    commissioner_client, challenge, commissioner, reviewer
):
    page = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    assert "Start review" in page
    start_review(challenge, reviewer)

    response = commissioner_client.post(
        f"/triage/{challenge.id}/transition", data={"action": "start_review"}
    )

    assert response.status_code == 409
    assert "This submission is already under review." in response.get_data(as_text=True)
    assert steps(challenge, "start_review") == 1


def test_two_reviews_started_from_the_same_reading_start_one(
    app, challenge, commissioner, reviewer
):
    with app.app_context():
        mine = db.session.get(Proposal, challenge.id)
        assert mine.status == Status.SUBMITTED
        with app.app_context():
            start_review(db.session.get(Proposal, challenge.id), reviewer)
        with pytest.raises(triage.AlreadyChanged, match="already under review"):
            start_review(mine, commissioner)
    db.session.expire_all()
    assert steps(challenge, "start_review") == 1


def test_asking_for_information_someone_has_just_asked_for_answers_409(
    commissioner_client, challenge, commissioner, reviewer
):
    start_review(challenge, commissioner)
    page = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    assert "Ask for more information" in page
    triage.request_information(
        challenge, reviewer, ["service"], {"service": "What does the service cost now?"}, None, ""
    )

    response = commissioner_client.post(
        f"/triage/{challenge.id}/request-information",
        data={"sections": "inputs", "needed-inputs": "Send the volunteer hours."},
    )

    assert response.status_code == 409
    assert "More information has already been requested" in response.get_data(as_text=True)
    assert steps(challenge, "request_info") == 1
    trail = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    assert "What does the service cost now?" in trail
    assert "Send the volunteer hours." not in trail


def test_assigning_after_someone_else_has_assigned_answers_409_and_keeps_theirs(
    commissioner_client, challenge, commissioner, reviewer
):
    page = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    assert 'name="seen_assignee_id" type="hidden" value="0"' in page
    triage.assign(challenge, reviewer.id, reviewer)

    response = commissioner_client.post(
        f"/triage/{challenge.id}/assign",
        data={"assignee_id": commissioner.id, "seen_assignee_id": 0},
    )

    assert response.status_code == 409
    assert "now assigned to Priya Reviewer" in response.get_data(as_text=True)
    db.session.refresh(challenge)
    assert challenge.assignee_id == reviewer.id
    assert steps(challenge, "assign") == 1


def test_two_assignments_from_the_same_reading_keep_the_first(
    app, challenge, commissioner, reviewer
):
    with app.app_context():
        mine = db.session.get(Proposal, challenge.id)
        assert mine.assignee_id is None
        with app.app_context():
            triage.assign(db.session.get(Proposal, challenge.id), reviewer.id, reviewer, 0)
        with pytest.raises(triage.AlreadyChanged, match="at the same moment"):
            triage.assign(mine, commissioner.id, commissioner, 0)
    db.session.expire_all()
    assert challenge.assignee_id == reviewer.id
    assert steps(challenge, "assign") == 1
