"""Requests for more information: sections named, what each needs, answered or closed."""

import copy
import re

from sqlalchemy import select

from app.extensions import db
from app.notifications.models import Notification
from app.proposals import services
from app.proposals.diff import flatten
from app.proposals.models import AuditEvent, InformationRequest
from app.proposals.workflow import Status
from app.triage import services as triage

from .conftest import decide, submitted


def in_review(proposal, commissioner):
    triage.take(proposal, "start_review", commissioner, "", None, "")


def ask(client, proposal, data):
    return client.post(f"/triage/{proposal.id}/request-information", data=data)


def the_request() -> InformationRequest | None:
    return db.session.scalar(select(InformationRequest))


def test_the_form_offers_the_sections_of_the_submissions_kind(
    commissioner_client, challenge, commissioner, proposer, body
):
    in_review(challenge, commissioner)
    page = commissioner_client.get(f"/triage/{challenge.id}/request-information")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'type="checkbox" value="service"' in text
    assert 'type="checkbox" value="expression_of_interest"' in text
    proposal = submitted(proposer, body, "propose-hospital-discharge")
    in_review(proposal, commissioner)
    other = commissioner_client.get(f"/triage/{proposal.id}/request-information")
    assert 'value="expression_of_interest"' not in other.get_data(as_text=True)


def test_a_request_with_no_section_is_refused_naming_the_field(
    commissioner_client, challenge, commissioner
):
    in_review(challenge, commissioner)
    response = ask(commissioner_client, challenge, {"needed-service": "The cost"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Select at least one section that needs more information" in page
    assert ">The cost</textarea>" in page
    assert the_request() is None and challenge.status == Status.IN_REVIEW


def test_a_chosen_section_without_its_text_is_refused_keeping_what_was_typed(
    commissioner_client, challenge, commissioner
):
    in_review(challenge, commissioner)
    response = ask(
        commissioner_client,
        challenge,
        {"sections": ["service", "inputs"], "needed-service": "Today's cost", "needed-inputs": ""},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<a href="#needed-inputs">Say what is needed for Inputs</a>' in page
    assert ">Today&#39;s cost</textarea>" in page
    assert 'value="service" checked' in page and 'value="inputs" checked' in page
    db.session.refresh(challenge)
    assert the_request() is None and challenge.status == Status.IN_REVIEW


def test_a_section_the_kind_does_not_have_is_refused(
    commissioner_client, proposer, body, commissioner
):
    proposal = submitted(proposer, body, "propose-hospital-discharge")
    in_review(proposal, commissioner)
    response = ask(
        commissioner_client,
        proposal,
        {"sections": "expression_of_interest", "needed-expression_of_interest": "More"},
    )
    assert response.status_code == 400
    assert "Select sections from the list" in response.get_data(as_text=True)
    assert the_request() is None


def test_a_request_is_stored_by_section_and_the_proposer_told_with_a_link(
    commissioner_client, challenge, commissioner, proposer
):
    in_review(challenge, commissioner)
    response = ask(
        commissioner_client,
        challenge,
        {
            "sections": ["savings", "service"],
            "needed-service": "Today's cost",
            "needed-savings": "Which are cashable?",
            "needed-vfm": "typed, then not chosen",
        },
    )
    assert response.status_code == 302
    asked = the_request()
    assert asked.proposal_id == challenge.id and asked.version_number == 1
    assert asked.author_id == commissioner.id and asked.created_at is not None
    # in task-list order, and only the sections chosen
    assert asked.needs == [
        {"section": "service", "needed": "Today's cost"},
        {"section": "savings", "needed": "Which are cashable?"},
    ]
    db.session.refresh(challenge)
    assert challenge.status == Status.MORE_INFO
    told = db.session.scalar(
        select(Notification).where(
            Notification.user_id == proposer.id, Notification.message.like("%Today%")
        )
    )
    assert told.link.endswith(f"/proposals/{challenge.id}")
    review = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    waiting = review[review.index('id="open-request"') :]
    assert "Which are cashable?" in waiting and "Savings to public bodies" in waiting


def test_the_review_shows_the_changes_by_section_in_words_beside_the_request(
    commissioner_client, challenge, commissioner, proposer
):
    in_review(challenge, commissioner)
    ask(
        commissioner_client,
        challenge,
        {
            "sections": ["service", "savings", "outcomes"],
            "needed-service": "Today's cost, please",
            "needed-savings": "Which savings are cashable?",
            "needed-outcomes": "Check the deadweight",
        },
    )
    db.session.refresh(challenge)
    before = copy.deepcopy(challenge.draft)
    draft = copy.deepcopy(challenge.draft)
    draft["service"]["current_annual_cost"] = 250000
    draft["savings"][0]["cashable"] = False
    draft["outcomes"][0]["deadweight"] = 0.4
    removed = draft["stakeholders"].pop()
    challenge.draft = draft
    db.session.commit()
    services.submit(challenge, proposer, None)

    page = commissioner_client.get(f"/triage/{challenge.id}/changes").get_data(as_text=True)

    changes = page[page.index('id="changes"') : page.index("<footer")]
    assert "This version answers the request for more information made on version 1" in changes
    service = changes[changes.index('id="changes-service"') : changes.index('id="changes-stake')]
    assert "Today&#39;s cost, please" in service and "£240,000" in service
    assert "£250,000" in service
    savings = changes[changes.index('id="changes-savings"') :]
    assert "Which savings are cashable?" in savings
    assert "Lower annual price than the in-house service" in savings
    assert "Is the saving cashable?" in savings
    assert re.search(r">Yes</td>\s*<td[^>]*>No</td>", savings)
    outcomes = changes[changes.index('id="changes-outcomes"') : changes.index('id="changes-sav')]
    assert "Young carers feel less isolated" in outcomes
    assert "25%" in outcomes and "40%" in outcomes
    assert f"Removed: {removed['name']}" in changes
    names = {part for path in flatten(before) for part in path.split("/") if part}
    pointer = re.compile(r"(?<![<\w])/(" + "|".join(map(re.escape, names)) + r")\b")
    assert not pointer.search(changes), pointer.search(changes)
    slugs = {item["id"] for key in ("stakeholders", "outcomes", "evidence") for item in before[key]}
    assert not [slug for slug in slugs if slug in changes]
    asked = the_request()
    assert asked.answered_at is not None


def test_a_case_waiting_for_information_can_be_decided_and_the_request_closes(
    commissioner_client, challenge, commissioner
):
    in_review(challenge, commissioner)
    triage.request_information(challenge, commissioner, ["service"], {"service": "Cost"}, None, "")
    review = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    assert f'href="/triage/{challenge.id}/decide"' in review
    form = commissioner_client.get(f"/triage/{challenge.id}/decide")
    assert form.status_code == 200
    assert "Start the review" not in form.get_data(as_text=True)

    response = decide(
        commissioner_client,
        challenge,
        {"outcome": "accepted", "reasons": "Good value", "next_steps": "A procurement exercise"},
    )

    assert response.status_code == 302
    db.session.refresh(challenge)
    assert challenge.status == Status.ACCEPTED
    asked = the_request()
    assert asked.closed_at is not None and asked.closed_by_step == "accept"
    assert asked.answered_at is None
    closing = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "close_request"))
    assert "closed by the decision to accept" in closing.reason


def test_the_commissioner_can_withdraw_a_request_and_review_again(
    commissioner_client, challenge, commissioner, proposer, sign_in
):
    in_review(challenge, commissioner)
    triage.request_information(challenge, commissioner, ["service"], {"service": "Cost"}, None, "")
    review = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    assert "Withdraw the request for information" in review

    commissioner_client.post(
        f"/triage/{challenge.id}/transition", data={"action": "withdraw_request"}
    )

    db.session.refresh(challenge)
    assert challenge.status == Status.IN_REVIEW
    assert the_request().closed_by_step == "withdraw_request"
    page = sign_in(proposer).get(f"/proposals/{challenge.id}").get_data(as_text=True)
    assert 'id="information-request"' not in page


def test_a_request_cannot_be_made_before_the_review_starts(commissioner_client, challenge):
    page = commissioner_client.get(
        f"/triage/{challenge.id}/request-information", follow_redirects=True
    )
    assert "Start the review before asking for more information." in page.get_data(as_text=True)
    response = ask(commissioner_client, challenge, {"sections": "service", "needed-service": "X"})
    assert response.status_code == 409
    assert the_request() is None


def test_commissioners_are_told_when_the_request_is_answered(
    challenge, commissioner, reviewer, proposer
):
    in_review(challenge, commissioner)
    triage.request_information(challenge, commissioner, ["service"], {"service": "Cost"}, None, "")
    services.submit(challenge, proposer, None, link="https://valuecase.example/triage/1")
    told = db.session.scalars(
        select(Notification).where(Notification.message.like("%in answer to the request%"))
    ).all()
    assert {n.user_id for n in told} == {commissioner.id, reviewer.id}
    assert all(n.link == "https://valuecase.example/triage/1" for n in told)
