"""Reasons and rationales are kept and shown as typed: line breaks kept, markup escaped."""

from sqlalchemy import select

from app.extensions import db
from app.proposals.models import AuditEvent, InformationRequest
from app.triage import services as triage
from app.triage.models import Decision, Judgement

from .conftest import decide

# as a browser sends a text area: each line break as CR LF
TYPED = "First, the costs.\r\nSecond, <b>the hours</b> & rates."
STORED = "First, the costs.\nSecond, <b>the hours</b> & rates."
SHOWN = "First, the costs.<br>Second, &lt;b&gt;the hours&lt;/b&gt; &amp; rates."


def in_review(proposal, commissioner) -> None:
    triage.take(proposal, "start_review", commissioner, "", None, "")


def test_decision_reasons_keep_their_lines_and_show_escaped(
    commissioner_client, challenge, commissioner
):
    in_review(challenge, commissioner)

    decide(
        commissioner_client,
        challenge,
        {"outcome": "accepted", "reasons": TYPED, "next_steps": TYPED},
    )

    decision = db.session.scalar(select(Decision).where(Decision.proposal_id == challenge.id))
    assert (decision.reasons, decision.next_steps) == (STORED, STORED)
    page = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    assert f'id="decision-reasons">{SHOWN}</p>' in page
    assert f'id="decision-next-steps">{SHOWN}</p>' in page
    assert "<b>the hours</b>" not in page


def test_a_judgement_keeps_its_lines_and_shows_escaped(
    commissioner_client, challenge, commissioner
):
    in_review(challenge, commissioner)

    commissioner_client.post(
        f"/triage/{challenge.id}/judgements",
        data={"area": "vfm", "topic": "Costs", "judgement": TYPED, "rationale": TYPED},
    )

    judgement = db.session.scalar(select(Judgement).where(Judgement.proposal_id == challenge.id))
    assert (judgement.judgement, judgement.rationale) == (STORED, STORED)
    page = commissioner_client.get(f"/triage/{challenge.id}/judgements").get_data(as_text=True)
    assert page.count(f'<dd class="govuk-summary-list__value">{SHOWN}</dd>') == 2


def test_a_request_for_information_keeps_its_lines_in_the_trail(
    commissioner_client, challenge, commissioner
):
    in_review(challenge, commissioner)

    commissioner_client.post(
        f"/triage/{challenge.id}/request-information",
        data={"sections": "service", "needed-service": TYPED},
    )

    query = select(AuditEvent.reason).where(AuditEvent.action == "request_info")
    assert db.session.scalar(query) == f"The service: {STORED}"
    asked = db.session.scalar(select(InformationRequest))
    assert asked.needs == [{"section": "service", "needed": STORED}]
    page = commissioner_client.get(f"/triage/{challenge.id}/audit").get_data(as_text=True)
    assert f'<td class="govuk-table__cell">The service: {SHOWN}</td>' in page


def test_reasons_as_long_as_the_box_allows_are_accepted_whatever_their_line_breaks(
    commissioner_client, challenge, commissioner
):
    in_review(challenge, commissioner)
    # 10,000 characters as the browser counts them, a line break being one
    counted = "\n".join(["x" * 99] * 100) + "."
    assert len(counted) == 10_000

    response = decide(
        commissioner_client,
        challenge,
        {"outcome": "accepted", "reasons": counted.replace("\n", "\r\n"), "next_steps": "A"},
    )

    assert response.status_code == 302
    decision = db.session.scalar(select(Decision).where(Decision.proposal_id == challenge.id))
    assert decision.reasons == counted


def test_a_request_for_information_too_long_comes_back_with_what_was_typed(
    commissioner_client, challenge, commissioner
):
    in_review(challenge, commissioner)
    typed = "Tell us the hours. " * 300

    response = commissioner_client.post(
        f"/triage/{challenge.id}/request-information",
        data={"sections": "service", "needed-service": typed},
    )

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "What is needed for The service: use 5,000 characters or fewer" in page
    assert f">{typed}</textarea>" in page
    assert (
        db.session.scalar(select(AuditEvent.id).where(AuditEvent.action == "request_info")) is None
    )
