"""The decision reaches the proposer: its page shows the outcome, reasons, grounds, what
follows, when and by whom, and the organisation's members download the decision letter."""

import io

import pytest
from pypdf import PdfReader

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.triage import services as triage

REASONS = "The service is already out to tender.\nA <b>new</b> contract starts in June."


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def commissioner(make_user, body):
    return make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body)


@pytest.fixture
def in_review(member, body, commissioner):
    proposal = services.new_proposal(
        member.organisation, body, load_example("challenge-young-carers"), member
    )
    db.session.commit()
    services.submit(proposal, member, None)
    triage.take(proposal, "start_review", commissioner, "", None, "")
    return proposal


def reject(proposal, commissioner, next_steps: str = "") -> None:
    decision = triage.DecisionInput(
        "rejected", REASONS, next_steps, ("already_procured", "frivolous")
    )
    triage.decide(proposal, commissioner, decision, None, "")


def test_the_page_shows_the_decision_its_reasons_grounds_and_who_made_it(
    member_client, in_review, commissioner
):
    reject(in_review, commissioner, "You may bid in the open tender.\nIt opens in May.")

    page = member_client.get(f"/proposals/{in_review.id}").get_data(as_text=True)

    section = page[page.index('id="decision"') :]
    assert 'id="decision-outcome">Rejected<' in section
    assert (
        'id="decision-reasons">The service is already out to tender.<br>'
        "A &lt;b&gt;new&lt;/b&gt; contract starts in June.</p>"
    ) in section
    assert "The service is already the subject of a procurement exercise" in section
    assert "The expression of interest is frivolous or vexatious" in section
    assert "regulation 4 of, and the Schedule to," in section and "(SI 2012/1647)" in section
    assert "section 83(11) of the Localism Act 2011" in section
    assert "2012/1313" not in section
    assert "You may bid in the open tender.<br>It opens in May." in section
    assert 'id="decided-by">Chris Commissioner, Anytown Borough Council<' in section
    decision = triage.decision_for(in_review)
    assert decision.decided_at.strftime("%-d %B %Y") in section
    assert decision.reference in section
    assert f'href="/register/{in_review.id}"' in section
    assert f'href="/proposals/{in_review.id}/decision-letter.pdf"' in section
    assert "Messages with Anytown Borough Council" in page  # the rest of the page stays


def test_an_accepted_challenge_says_it_starts_a_procurement_not_a_contract(
    member_client, in_review, commissioner
):
    accepted = triage.DecisionInput("accepted", "Good value.", "Procurement opens in March.")
    triage.decide(in_review, commissioner, accepted, None, "")

    page = member_client.get(f"/proposals/{in_review.id}").get_data(as_text=True)

    assert 'id="decision-outcome">Accepted<' in page
    assert "starts a procurement exercise for the service. It is not a contract award." in page
    assert "Procurement opens in March." in page
    assert "Statutory grounds" not in page


def test_before_the_decision_there_is_no_decision_and_no_letter(member_client, in_review):
    page = member_client.get(f"/proposals/{in_review.id}").get_data(as_text=True)

    assert 'id="decision"' not in page
    assert member_client.get(f"/proposals/{in_review.id}/decision-letter.pdf").status_code == 404


def test_members_download_the_decision_letter(member_client, in_review, commissioner, body):
    body.contact_email = "decisions@anytown.gov.uk"
    db.session.commit()
    reject(in_review, commissioner)

    response = member_client.get(f"/proposals/{in_review.id}/decision-letter.pdf")

    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reference = triage.decision_for(in_review).reference
    assert (
        reference == f"VC-{body.id}-{in_review.id}-{triage.decision_for(in_review).decided_at.year}"
    )
    assert f'filename="decision-{reference}.pdf"' in response.headers["Content-Disposition"]
    text = " ".join(pdf_text(response.data).split())
    assert f"Our reference: {reference}" in text
    assert "Email: decisions@anytown.gov.uk" in text
    assert "The service is already out to tender." in text
    assert "(SI 2012/1647), made under section 83(11) of the Localism Act 2011" in text
    assert "2012/1313" not in text


def test_another_organisation_and_the_commissioners_cannot_use_the_members_letter(
    client, sign_in, make_user, in_review, commissioner
):
    reject(in_review, commissioner)
    url = f"/proposals/{in_review.id}/decision-letter.pdf"

    sign_in(make_user(Role.CSO, name="Other Member"))
    assert client.get(url).status_code == 404
    client.post("/sign-out")
    sign_in(commissioner)
    assert client.get(url).status_code == 403
    assert client.get(f"/triage/{in_review.id}/decision-letter.pdf").status_code == 200
