"""A decision is confirmed before it is recorded: the commissioner reads the letter and the
register entry as they will be, then confirms, or goes back to change it with nothing lost."""

import re

from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.notifications.models import OutboxMail
from app.proposals.workflow import Status
from app.triage import services as triage
from app.triage.models import Decision

from .conftest import confirmation_answers, decide
from .test_decisions_register_pdfs import pdf_text

REJECT = {
    "outcome": "rejected",
    "grounds": ["already_procured", "frivolous"],
    "reasons": "The service is out to tender.\nA <b>new</b> contract starts in June.",
    "next_steps": "You may bid in the open tender.",
}


def start_review(proposal, commissioner) -> None:
    triage.take(proposal, "start_review", commissioner, "", None, "")


def recorded(proposal) -> int:
    return db.session.scalar(
        select(func.count(Decision.id)).where(Decision.proposal_id == proposal.id)
    )


def outbox_size() -> int:
    return db.session.scalar(select(func.count(OutboxMail.id)))


def register_rows(page: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<dt class="govuk-summary-list__key">([^<]*)</dt>'
        r'<dd class="govuk-summary-list__value">([^<]*)</dd>',
        page,
    )


def test_the_confirmation_shows_the_letter_and_register_entry_and_records_nothing(
    commissioner_client, challenge, commissioner, body
):
    start_review(challenge, commissioner)
    emails = outbox_size()

    page = commissioner_client.post(f"/triage/{challenge.id}/decide", data=REJECT)

    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Check the decision before it is sent" in text
    letter = text[text.index('id="letter-preview"') : text.index("The register entry")]
    assert f"VC-{body.id}-{challenge.id}-" in letter
    assert "We have <strong>rejected</strong> it." in letter
    assert "The service is out to tender.<br>A &lt;b&gt;new&lt;/b&gt; contract" in letter
    assert "The service is already the subject of a procurement exercise" in letter
    assert "frivolous or vexatious" in letter
    assert "(SI 2012/1647), made under section 83(11) of the Localism Act 2011" in letter
    assert "2012/1313" not in letter
    assert "Contact details not given" in letter
    assert "Yours faithfully,<br>Chris Commissioner<br>Anytown Borough Council" in letter
    assert f"http://127.0.0.1:5000/register/{challenge.id}" in letter
    assert ("Decision", "Rejected") in register_rows(text)
    assert ("Submitted by", "Carers Trust") in register_rows(text)
    # nothing is recorded, told or published until the commissioner confirms
    db.session.refresh(challenge)
    assert challenge.status == Status.IN_REVIEW and recorded(challenge) == 0
    assert outbox_size() == emails
    assert commissioner_client.get(f"/register/{challenge.id}").status_code == 404


def test_confirming_records_sends_and_publishes_what_was_shown(
    commissioner_client, client, challenge, commissioner, proposer
):
    start_review(challenge, commissioner)
    shown = commissioner_client.post(f"/triage/{challenge.id}/decide", data=REJECT)
    preview = register_rows(shown.get_data(as_text=True))
    answers = confirmation_answers(shown.get_data(as_text=True))

    response = commissioner_client.post(
        f"/triage/{challenge.id}/decide/confirm", data=MultiDict(answers + [("step", "confirm")])
    )

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/triage/{challenge.id}")
    decision = triage.decision_for(challenge)
    assert decision.outcome == "rejected"
    assert decision.grounds == ["already_procured", "frivolous"]
    assert decision.reasons == REJECT["reasons"]  # its line break carried through the page
    assert decision.next_steps == REJECT["next_steps"]
    mails = db.session.scalars(select(OutboxMail).where(OutboxMail.to == proposer.email))
    assert any("is now rejected" in mail.subject for mail in mails)
    published = client.get(f"/register/{challenge.id}").get_data(as_text=True)
    assert register_rows(published) == preview
    letter = pdf_text(commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").data)
    assert decision.reference in letter and decision.reference.startswith("VC-")


def test_going_back_keeps_every_answer_and_records_nothing(
    commissioner_client, challenge, commissioner
):
    start_review(challenge, commissioner)

    page = decide(commissioner_client, challenge, REJECT, step="change")

    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Decide on this challenge" in text
    assert 'value="rejected" checked' in text
    assert 'value="already_procured" checked' in text and 'value="frivolous" checked' in text
    assert 'value="negotiating" checked' not in text
    assert "The service is out to tender.\nA &lt;b&gt;new&lt;/b&gt; contract" in text
    assert "You may bid in the open tender." in text
    assert "govuk-error-summary" not in text
    # the form posts to the decision form again, never straight to the confirmation
    assert f'action="/triage/{challenge.id}/decide"' in text
    db.session.refresh(challenge)
    assert challenge.status == Status.IN_REVIEW and recorded(challenge) == 0


def test_an_empty_reason_is_an_error_on_its_field_linked_from_the_summary(
    commissioner_client, challenge, commissioner
):
    start_review(challenge, commissioner)
    for reasons in ("", "   \r\n  "):
        page = commissioner_client.post(
            f"/triage/{challenge.id}/decide",
            data={"outcome": "accepted", "reasons": reasons, "next_steps": "A grant from May."},
        )
        text = page.get_data(as_text=True)
        assert "Check the decision before it is sent" not in text
        assert text.count("Give the reasons for the decision") == 2, reasons  # summary and field
        assert '<a href="#reasons">Give the reasons for the decision</a>' in text
        assert 'id="reasons-error"' in text
        assert "A grant from May." in text
    assert recorded(challenge) == 0


def test_a_confirmation_that_breaks_the_rules_comes_back_to_the_form(
    commissioner_client, challenge, commissioner
):
    start_review(challenge, commissioner)

    page = commissioner_client.post(
        f"/triage/{challenge.id}/decide/confirm",
        data={"outcome": "rejected", "reasons": "No.", "step": "confirm"},
    )

    text = page.get_data(as_text=True)
    assert "can be rejected only on one or more of the statutory grounds" in text
    assert recorded(challenge) == 0


def test_confirming_a_case_someone_has_just_decided_answers_409(
    commissioner_client, challenge, commissioner, reviewer
):
    start_review(challenge, commissioner)
    shown = commissioner_client.post(f"/triage/{challenge.id}/decide", data=REJECT)
    answers = confirmation_answers(shown.get_data(as_text=True))
    triage.decide(
        challenge, reviewer, triage.DecisionInput("accepted", "Good value.", "A grant."), None, ""
    )

    response = commissioner_client.post(
        f"/triage/{challenge.id}/decide/confirm", data=MultiDict(answers + [("step", "confirm")])
    )

    assert response.status_code == 409
    assert "already been decided: it was accepted" in response.get_data(as_text=True)
    assert triage.decision_for(challenge).outcome == "accepted"
