"""Decisions with reasons, the public register, CSV downloads and the PDFs."""

import csv
import io

from pypdf import PdfReader

from app.extensions import db
from app.proposals.workflow import Status

from .conftest import decide, submitted


def in_review(client, proposal):
    client.post(f"/triage/{proposal.id}/transition", data={"action": "start_review"})


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_decision_needs_the_review_started(commissioner_client, challenge):
    response = commissioner_client.get(f"/triage/{challenge.id}/decide")
    assert response.status_code == 302


def test_a_challenge_is_rejected_only_on_statutory_grounds(commissioner_client, challenge):
    in_review(commissioner_client, challenge)
    text = commissioner_client.post(
        f"/triage/{challenge.id}/decide",
        data={"outcome": "rejected", "reasons": "We do not like it."},
    ).get_data(as_text=True)
    assert "can be rejected only on one or more of the statutory grounds" in text
    assert "We do not like it." in text
    db.session.refresh(challenge)
    assert challenge.status == Status.IN_REVIEW
    decide(
        commissioner_client,
        challenge,
        {
            "outcome": "rejected",
            "grounds": ["already_procured"],
            "reasons": "The service is already out to tender.",
        },
    )
    db.session.refresh(challenge)
    assert challenge.status == Status.REJECTED


def test_accepting_says_what_follows(commissioner_client, challenge):
    in_review(commissioner_client, challenge)
    text = commissioner_client.post(
        f"/triage/{challenge.id}/decide", data={"outcome": "accepted", "reasons": "Good value."}
    ).get_data(as_text=True)
    assert "Say what follows" in text
    decide(
        commissioner_client,
        challenge,
        {
            "outcome": "accepted",
            "reasons": "Good value for money.",
            "next_steps": "We will run a procurement exercise in the spring.",
        },
    )
    db.session.refresh(challenge)
    assert challenge.status == Status.ACCEPTED


def test_register_shows_decided_submissions_only_without_personal_data(
    client, commissioner_client, challenge, proposer, body
):
    undecided = submitted(proposer, body, "propose-hospital-discharge")
    in_review(commissioner_client, challenge)
    decide(
        commissioner_client,
        challenge,
        {
            "outcome": "accepted",
            "reasons": "Better value than the in-house service.",
            "next_steps": "A procurement exercise opens in March.",
        },
    )
    commissioner_client.post("/sign-out")
    page = client.get("/register/").get_data(as_text=True)
    assert "Anytown Borough Council" in page and "Accepted" in page
    assert undecided.title not in page
    assert "Chris Commissioner" not in page and proposer.email not in page
    detail = client.get(f"/register/{challenge.id}").get_data(as_text=True)
    assert "Better value than the in-house service." in detail
    assert "A procurement exercise opens in March." in detail
    assert client.get(f"/register/{undecided.id}").status_code == 404
    rows = list(
        csv.DictReader(io.StringIO(client.get("/register/register.csv").get_data(as_text=True)))
    )
    assert len(rows) == 1 and rows[0]["decision"] == "accepted"
    assert rows[0]["public_body"] == "Anytown Borough Council"


def test_assessment_report_pdf_holds_the_expected_sections(commissioner_client, challenge):
    in_review(commissioner_client, challenge)
    commissioner_client.post(
        f"/triage/{challenge.id}/judgements",
        data={
            "area": "vfm",
            "topic": "Full costs",
            "judgement": "Volunteer time is counted",
            "rationale": "Inputs include hours at a stated rate",
        },
    )
    decide(
        commissioner_client,
        challenge,
        {"outcome": "rejected", "grounds": ["negotiating"], "reasons": "We are negotiating."},
    )
    response = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf")
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    for section in (
        "Summary",
        "Check report",
        "Value account",
        "Impact map",
        "Commissioners' judgements",
        "Full costs",
        "Decision",
        "We are negotiating.",
        "Page 1 of",
    ):
        assert section in text, section


def test_decision_letter_pdf(commissioner_client, challenge):
    assert commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").status_code == 404
    in_review(commissioner_client, challenge)
    decide(
        commissioner_client,
        challenge,
        {"outcome": "rejected", "grounds": ["frivolous"], "reasons": "It repeats last year's."},
    )
    text = pdf_text(commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").data)
    assert "rejected" in text and "It repeats last year" in text
    assert "frivolous or vexatious" in text
