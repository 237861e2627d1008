"""A decision is final: its judgements and assignment stay; later notes are added and marked."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.extensions import db
from app.triage import services as triage
from app.triage.models import Decision, Judgement

ACCEPTED = triage.DecisionInput(
    "accepted", "Better value than the in-house service.", "A procurement exercise opens in May."
)
JUDGEMENT = {
    "area": "vfm",
    "topic": "Full costs",
    "judgement": "Volunteer time is counted",
    "rationale": "Inputs include hours at a stated rate",
}
NOTE = {
    "area": "vfm",
    "topic": "Full costs",
    "judgement": "The stated rate was last year's",
    "rationale": "The proposer has since written to correct it",
}


def decided(proposal, commissioner) -> None:
    triage.take(proposal, "start_review", commissioner, "", None, "")
    triage.decide(proposal, commissioner, ACCEPTED, None, "")


def card(page: str, judgement: Judgement) -> str:
    """One judgement's card on the review page."""
    return page.split(f'id="judgement-{judgement.id}"', 1)[1].split("</dl></div></div>", 1)[0]


def all_judgements(proposal) -> list[Judgement]:
    query = select(Judgement).where(Judgement.proposal_id == proposal.id).order_by(Judgement.id)
    return list(db.session.scalars(query))


def test_a_decided_case_offers_a_note_but_no_assignment(
    commissioner_client, challenge, commissioner
):
    decided(challenge, commissioner)

    summary = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)
    page = commissioner_client.get(f"/triage/{challenge.id}/judgements").get_data(as_text=True)

    assert f"/triage/{challenge.id}/assign" not in summary
    assert f"/triage/{challenge.id}/decide" not in summary + page
    assert "Add a note after the decision" in page
    assert f'action="/triage/{challenge.id}/judgements"' in page and "Add the note" in page


def test_a_note_after_the_decision_is_added_dated_and_marked_on_the_review_page(
    commissioner_client, challenge, commissioner
):
    triage.take(challenge, "start_review", commissioner, "", None, "")
    commissioner_client.post(f"/triage/{challenge.id}/judgements", data=JUDGEMENT)
    triage.decide(challenge, commissioner, ACCEPTED, None, "")

    response = commissioner_client.post(
        f"/triage/{challenge.id}/judgements", data=NOTE, follow_redirects=True
    )

    assert response.status_code == 200
    before, after = all_judgements(challenge)
    assert (before.judgement, before.rationale) == (JUDGEMENT["judgement"], JUDGEMENT["rationale"])
    assert after.judgement == NOTE["judgement"]
    page = response.get_data(as_text=True)
    assert "After the decision" not in card(page, before)
    assert "After the decision" in card(page, after)
    assert after.created_at.strftime("%-d %B %Y") in card(page, after)


def test_a_note_with_a_mistake_comes_back_as_a_note_with_what_was_typed(
    commissioner_client, challenge, commissioner
):
    decided(challenge, commissioner)

    response = commissioner_client.post(
        f"/triage/{challenge.id}/judgements", data={**NOTE, "rationale": ""}
    )

    page = response.get_data(as_text=True)
    assert "Add a note after the decision" in page
    assert "Enter the rationale for your judgement" in page
    assert NOTE["judgement"] in page.replace("&#39;", "'")
    assert all_judgements(challenge) == []


def test_the_assessment_report_marks_the_notes_written_after_the_decision(
    commissioner_client, challenge, commissioner
):
    triage.take(challenge, "start_review", commissioner, "", None, "")
    commissioner_client.post(f"/triage/{challenge.id}/judgements", data=JUDGEMENT)
    triage.decide(challenge, commissioner, ACCEPTED, None, "")
    commissioner_client.post(f"/triage/{challenge.id}/judgements", data=NOTE)

    pdf = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf").data
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())

    judgements = text[text.index("Commissioners' judgements") : text.rindex("Decision")]
    assert judgements.upper().count("AFTER THE DECISION") == 1
    marked = judgements.upper().index("AFTER THE DECISION")
    assert judgements.index("Volunteer time is counted") < marked
    assert marked < judgements.index("The stated rate was last year")


def test_assigning_a_decided_case_is_refused_with_409(
    commissioner_client, challenge, commissioner, reviewer
):
    decided(challenge, commissioner)

    response = commissioner_client.post(
        f"/triage/{challenge.id}/assign", data={"assignee_id": reviewer.id}
    )

    assert response.status_code == 409
    assert "already been decided" in response.get_data(as_text=True)
    db.session.refresh(challenge)
    assert challenge.assignee_id is None


def test_a_decision_cannot_be_made_twice(challenge, commissioner, reviewer):
    decided(challenge, commissioner)
    rejected = triage.DecisionInput("rejected", "On reflection, no.", "", ("already_procured",))

    with pytest.raises(triage.AlreadyChanged, match="already been decided: it was accepted"):
        triage.decide(challenge, reviewer, rejected, None, "")

    query = select(Decision).where(Decision.proposal_id == challenge.id)
    assert [(d.outcome, d.reasons) for d in db.session.scalars(query)] == [
        ("accepted", ACCEPTED.reasons)
    ]
