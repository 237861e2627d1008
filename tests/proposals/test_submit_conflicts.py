"""Submitting only what the member reviewed, and losing a race to submit without an error."""

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.examples import load_example
from app.proposals import services
from app.proposals.models import Proposal, ProposalVersion
from app.proposals.workflow import Status

from .conftest import hidden_fields


@pytest.fixture
def ready(member, body, db):
    """A complete draft, ready to submit."""
    proposal = services.new_proposal(
        member.organisation, body, load_example("challenge-young-carers"), member
    )
    db.session.commit()
    return proposal


def versions(db, proposal_id):
    query = select(func.count()).where(ProposalVersion.proposal_id == proposal_id)
    return db.session.scalar(query)


def test_submitting_answers_changed_since_they_were_reviewed_is_refused(
    member_client, ready, db, open_tab
):
    check = f"/proposals/{ready.id}/check-answers"
    reviewed = open_tab(check)
    vfm = f"/proposals/{ready.id}/sections/vfm"
    member_client.post(vfm, data=open_tab(vfm) | {"economy": "Transport bought at county rates"})
    response = member_client.post(check, data=reviewed)
    text = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Your answers changed after you opened this page" in text
    assert "Nothing was submitted" in text
    assert "You, in another tab or window, changed Economy: spending less" in text
    assert "Transport bought at county rates" in text
    db.session.refresh(ready)
    assert ready.status == Status.DRAFT and versions(db, ready.id) == 0

    member_client.post(check, data=hidden_fields(text))
    db.session.refresh(ready)
    assert ready.status == Status.SUBMITTED
    assert ready.versions[0].document["vfm"]["economy"] == "Transport bought at county rates"


def test_a_submit_that_does_not_say_which_answers_were_reviewed_is_refused(
    member_client, ready, db
):
    response = member_client.post(f"/proposals/{ready.id}/check-answers", data={})
    assert response.status_code == 409
    assert "Your answers changed after you opened this page" in response.get_data(as_text=True)
    db.session.refresh(ready)
    assert ready.status == Status.DRAFT and versions(db, ready.id) == 0


def another_submit(other: Session, proposal_id: int, user_id: int) -> None:
    proposal = other.get(Proposal, proposal_id)
    proposal.status = Status.SUBMITTED
    other.add(
        ProposalVersion(
            proposal_id=proposal_id, number=1, document=proposal.draft, submitted_by_id=user_id
        )
    )


def a_save(other: Session, proposal_id: int, user_id: int) -> None:
    proposal = other.get(Proposal, proposal_id)
    proposal.draft = proposal.draft | {"summary": "Saved in the same moment"}


@pytest.mark.parametrize("winner", [another_submit, a_save], ids=["two submits", "a save"])
def test_a_submit_that_loses_a_race_answers_409_and_sends_nothing(
    member_client, member, ready, db, open_tab, winner
):
    check = f"/proposals/{ready.id}/check-answers"
    reviewed = open_tab(check)
    proposal_id, user_id, landed = ready.id, member.id, []

    def first_write_lands(session, context, instances):
        # the other request commits after this one read the draft and before it writes
        if landed or not any(isinstance(o, ProposalVersion) for o in session.new):
            return
        landed.append(True)
        with Session(db.engine) as other:
            winner(other, proposal_id, user_id)
            other.commit()

    session = db.session()
    event.listen(session, "before_flush", first_write_lands)
    try:
        response = member_client.post(check, data=reviewed)
    finally:
        event.remove(session, "before_flush", first_write_lands)
    text = response.get_data(as_text=True)
    assert landed and response.status_code == 409
    assert "This submission was already submitted or changed" in text
    assert "Nothing was sent" in text
    db.session.refresh(ready)
    assert versions(db, ready.id) == (1 if winner is another_submit else 0)
    assert ready.status == (Status.SUBMITTED if winner is another_submit else Status.DRAFT)
