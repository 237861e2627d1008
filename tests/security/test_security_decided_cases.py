"""Crafted requests cannot change a decided submission: its decision, judgements and assignment."""

import pytest
import sqlalchemy as sa

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.proposals.models import AuditEvent, Proposal
from app.triage import services as triage
from app.triage.models import Decision, Judgement


@pytest.fixture
def decided(make_user, make_public_body):
    """A decided submission with one judgement; its commissioner signs in."""
    body = make_public_body("Body X")
    member = make_user(Role.CSO)
    commissioner = make_user(Role.COMMISSIONER, public_body=body)
    other = make_user(Role.COMMISSIONER, public_body=body)
    proposal = services.new_proposal(
        member.organisation, body, load_example("propose-hospital-discharge"), member
    )
    db.session.commit()
    services.submit(proposal, member, None)
    triage.take(proposal, "start_review", commissioner, "", None, "")
    triage.add_judgement(proposal, commissioner, "vfm", "Costs", "Complete", "All inputs valued")
    triage.decide(
        proposal,
        commissioner,
        triage.DecisionInput("accepted", "Good value", "A grant agreement", ()),
        None,
        "",
    )
    return {"proposal": proposal, "commissioner": commissioner, "other": other}


def record(proposal_id: int) -> tuple:
    """Everything a decision makes final, read afresh."""
    db.session.expire_all()
    proposal = db.session.get(Proposal, proposal_id)
    decisions = db.session.execute(
        sa.select(Decision.outcome, Decision.reasons, Decision.decided_by_id)
    ).all()
    trail = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))
    judgements = db.session.execute(
        sa.select(Judgement.id, Judgement.judgement, Judgement.rationale, Judgement.created_at)
    ).all()
    return (proposal.status, proposal.assignee_id, proposal.revision, decisions, trail, judgements)


def card(page: str, judgement_id: int) -> str:
    """One judgement's card on the review page."""
    start = page.find(f'id="judgement-{judgement_id}"')
    assert start >= 0, f"judgement {judgement_id} is not on the page"
    return page[start:].split("</dl></div></div>", 1)[0]


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("assign", {"assignee_id": "{other}", "seen_assignee_id": "0"}),
        ("assign", {"assignee_id": "{other}"}),
        ("assign", {"assignee_id": "not a person"}),
        ("decide", {"outcome": "rejected", "reasons": "Changed our mind", "grounds": "frivolous"}),
        ("decide", {"outcome": "accepted", "reasons": ""}),
        ("transition", {"action": "start_review"}),
        ("transition", {"action": "request_info", "reason": "One more thing"}),
    ],
)
def test_a_crafted_change_to_a_decided_case_is_refused_with_409(
    client, sign_in, decided, path, form
):
    proposal_id = decided["proposal"].id
    before = record(proposal_id)
    sign_in(decided["commissioner"])
    data = {k: v.format(other=decided["other"].id) for k, v in form.items()}

    response = client.post(f"/triage/{proposal_id}/{path}", data=data)

    assert response.status_code == 409
    assert "already been decided" in response.get_data(as_text=True)
    assert record(proposal_id) == before


def test_a_crafted_judgement_cannot_replace_or_backdate_one_made_before_the_decision(
    client, sign_in, decided
):
    proposal_id = decided["proposal"].id
    earlier = db.session.scalars(sa.select(Judgement)).one()
    kept = (earlier.id, earlier.judgement, earlier.rationale, earlier.created_at)
    sign_in(decided["commissioner"])

    client.post(
        f"/triage/{proposal_id}/judgements",
        data={
            "id": earlier.id,
            "judgement_id": earlier.id,
            "created_at": "2000-01-01T00:00:00",
            "area": "vfm",
            "topic": "Costs",
            "judgement": "Incomplete after all",
            "rationale": "Rewritten",
        },
    )

    db.session.expire_all()
    rows = db.session.scalars(sa.select(Judgement).order_by(Judgement.id)).all()
    assert [(j.id, j.judgement, j.rationale, j.created_at) for j in rows[:1]] == [kept]
    assert [j.judgement for j in rows[1:]] == ["Incomplete after all"]
    page = client.get(f"/triage/{proposal_id}/judgements").get_data(as_text=True)
    assert "After the decision" in card(page, rows[1].id)
    assert "After the decision" not in card(page, earlier.id)
