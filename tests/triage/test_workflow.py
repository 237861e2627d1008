"""The workflow: every allowed transition, refusals, the audit trail and notifications."""

import pytest

from app.proposals.workflow import (
    TRANSITIONS,
    Party,
    Status,
    TransitionRefused,
    available,
    find_transition,
)

ALL_ACTIONS = sorted({t.action for t in TRANSITIONS})


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: f"{t.source}-{t.action}")
def test_every_declared_transition_is_found(transition):
    assert find_transition(transition.source, transition.action, transition.party) == transition


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_undeclared_moves_are_refused(status, action):
    declared = {(t.source, t.action) for t in TRANSITIONS}
    if (status, action) in declared:
        return
    with pytest.raises(TransitionRefused):
        find_transition(status, action, Party.COMMISSIONER)
    with pytest.raises(TransitionRefused):
        find_transition(status, action, Party.PROPOSER)


def test_a_party_cannot_take_the_other_partys_transition():
    with pytest.raises(TransitionRefused, match="Only the commissioner"):
        find_transition(Status.SUBMITTED, "start_review", Party.PROPOSER)
    with pytest.raises(TransitionRefused, match="Only the proposer"):
        find_transition(Status.DRAFT, "submit", Party.COMMISSIONER)


def test_decided_submissions_are_final():
    for status in (Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN):
        assert available(status, Party.COMMISSIONER) == []
        assert available(status, Party.PROPOSER) == []


def test_start_review_then_request_information_is_recorded_and_notified(
    commissioner_client, challenge, db
):
    base = f"/triage/{challenge.id}"
    commissioner_client.post(f"{base}/transition", data={"action": "start_review"})
    db.session.refresh(challenge)
    assert challenge.status == Status.IN_REVIEW
    commissioner_client.post(
        f"{base}/request-information",
        data={
            "sections": "service",
            "needed-service": "Tell us today's cost of the in-house service.",
        },
    )
    db.session.refresh(challenge)
    assert challenge.status == Status.MORE_INFO
    page = commissioner_client.get(base).get_data(as_text=True)
    assert "Waiting for more information" in page and "Tell us today" in page
    trail = commissioner_client.get(f"{base}/audit").get_data(as_text=True)
    assert "Tell us today" in trail and "Chris Commissioner" in trail
    assert "in review → more info requested" in trail


def test_request_for_information_needs_what_is_needed(commissioner_client, challenge, db):
    base = f"/triage/{challenge.id}"
    commissioner_client.post(f"{base}/transition", data={"action": "start_review"})
    response = commissioner_client.post(
        f"{base}/request-information", data={"sections": "service", "needed-service": ""}
    )
    assert response.status_code == 400
    assert "Say what is needed for The service" in response.get_data(as_text=True)
    db.session.refresh(challenge)
    assert challenge.status == Status.IN_REVIEW


def test_a_request_for_information_is_not_a_free_text_step(commissioner_client, challenge, db):
    base = f"/triage/{challenge.id}"
    commissioner_client.post(f"{base}/transition", data={"action": "start_review"})
    commissioner_client.post(
        f"{base}/transition", data={"action": "request_info", "reason": "Anything"}
    )
    db.session.refresh(challenge)
    assert challenge.status == Status.IN_REVIEW


def test_commissioner_cannot_skip_to_accept_with_a_transition(commissioner_client, challenge, db):
    commissioner_client.post(f"/triage/{challenge.id}/transition", data={"action": "accept"})
    db.session.refresh(challenge)
    assert challenge.status == Status.SUBMITTED


def test_proposer_and_commissioners_are_notified(
    client, challenge, proposer, commissioner, sign_in, caplog
):
    import logging

    caplog.set_level(logging.INFO, logger="valuecase.mail")
    sign_in(commissioner)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Carers Trust submitted" in page
    client.post(f"/triage/{challenge.id}/transition", data={"action": "start_review"})
    client.post("/sign-out")
    sign_in(proposer)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "is now in review" in page
    mails = [r.getMessage() for r in caplog.records if r.name == "valuecase.mail"]
    assert any(proposer.email in m and "in review" in m for m in mails)
