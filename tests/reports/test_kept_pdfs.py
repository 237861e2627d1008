"""PDFs rendered ahead of their download: kept by the key of what they show, served from the
store, and never stale, whatever changed and however it changed."""

from sqlalchemy import delete

from app.accounts.models import Organisation
from app.extensions import db
from app.jobs.pdf import render_assessment
from app.proposals.models import Proposal
from app.reports.models import RenderedPdf
from tests.triage.conftest import decide

from .conftest import kept, pdf_text

JUDGEMENT = {
    "area": "vfm",
    "topic": "Full costs",
    "judgement": "Volunteer time is counted",
    "rationale": "Inputs include hours at a stated rate",
}
REJECTION = {"outcome": "rejected", "grounds": ["negotiating"], "reasons": "We are negotiating."}


def start_review(client, proposal):
    client.post(f"/triage/{proposal.id}/transition", data={"action": "start_review"})


def test_a_submission_has_its_assessment_pdf_kept_and_the_download_serves_it(
    app, commissioner_client, challenge
):
    [stored] = kept(challenge.id, "assessment")  # rendered inline: no Redis is configured
    response = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data == stored
    assert response.data == render_assessment(app, challenge.id)  # a fresh render, byte for byte
    assert kept(challenge.id, "assessment") == [stored]


def test_a_judgement_makes_the_next_download_a_new_pdf_showing_it(commissioner_client, challenge):
    start_review(commissioner_client, challenge)
    before = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf").data
    assert "Full costs" not in pdf_text(before)

    commissioner_client.post(f"/triage/{challenge.id}/judgements", data=JUDGEMENT)

    [stored] = kept(challenge.id, "assessment")  # the superseded one is pruned
    after = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf").data
    assert after == stored and after != before
    assert "Full costs" in pdf_text(after) and "Volunteer time is counted" in pdf_text(after)


def test_a_decision_updates_the_assessment_and_keeps_the_decision_letter(
    commissioner_client, challenge
):
    start_review(commissioner_client, challenge)
    assert kept(challenge.id, "decision-letter") == []
    assert commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").status_code == 404

    decide(commissioner_client, challenge, REJECTION)

    [letter] = kept(challenge.id, "decision-letter")
    download = commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf")
    assert download.data == letter and "We are negotiating." in pdf_text(letter)
    [assessment] = kept(challenge.id, "assessment")
    assert "We are negotiating." in pdf_text(assessment)
    served = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf").data
    assert served == assessment


def test_new_contact_details_make_a_new_decision_letter(commissioner_client, challenge):
    start_review(commissioner_client, challenge)
    decide(commissioner_client, challenge, REJECTION)
    before = commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").data
    assert "decisions@anytown.gov.uk" not in pdf_text(before)

    commissioner_client.post(
        "/triage/settings",
        data={"response_period_days": "40", "contact_email": "decisions@anytown.gov.uk"},
    )

    [letter] = kept(challenge.id, "decision-letter")
    after = commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").data
    assert after == letter != before
    assert "decisions@anytown.gov.uk" in pdf_text(after)


def test_a_withdrawal_shows_in_the_assessment_pdf(challenge, proposer, sign_in):
    before = kept(challenge.id, "assessment")
    sign_in(proposer).post(
        f"/proposals/{challenge.id}/withdraw", data={"reason": "We have merged with another."}
    )
    db.session.expire_all()
    assert db.session.get(Proposal, challenge.id).status.value == "withdrawn"
    [after] = kept(challenge.id, "assessment")
    assert [after] != before and "Withdrawn" in pdf_text(after)


def test_an_empty_store_renders_on_the_spot_keeps_it_and_never_fails(
    commissioner_client, challenge
):
    db.session.execute(delete(RenderedPdf))
    db.session.commit()

    response = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf")

    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert kept(challenge.id, "assessment") == [response.data]


def test_a_change_made_without_any_action_is_still_never_served_stale(
    commissioner_client, challenge
):
    before = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf").data
    organisation = db.session.get(Organisation, challenge.organisation_id)
    organisation.name = "Carers Trust Wessex"  # no action prepares the PDF for this
    db.session.commit()

    after = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf").data

    assert after != before and "Carers Trust Wessex" in pdf_text(after)
    assert kept(challenge.id, "assessment") == [after]
