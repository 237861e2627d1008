"""The queue: filters, sorting, pagination, counts, overdue flags, CSV; the review page."""

import csv
import io
import re
from datetime import timedelta

from app.accounts.models import Role, aware, utcnow
from app.extensions import db
from app.proposals.workflow import Status
from app.workdays import bank_holidays, is_working_day, working_days_between

from .conftest import submitted


def test_queue_lists_the_bodys_submissions_with_counts(commissioner_client, challenge):
    page = commissioner_client.get("/triage/").get_data(as_text=True)
    assert challenge.title in page and "Carers Trust" in page
    assert "Submitted: <strong>1</strong>" in page


def test_filters_and_sorting(commissioner_client, proposer, body, challenge):
    proposal = submitted(proposer, body, "propose-hospital-discharge")
    page = commissioner_client.get("/triage/?kind=propose").get_data(as_text=True)
    assert proposal.title in page and challenge.title not in page
    page = commissioner_client.get("/triage/?kind=challenge&sort=deadline").get_data(as_text=True)
    assert challenge.title in page and proposal.title not in page
    page = commissioner_client.get("/triage/?status=accepted").get_data(as_text=True)
    assert "No submissions match." in page


def test_assigned_to_me_and_assignment_is_audited(commissioner_client, challenge, commissioner):
    assert "No submissions match." in commissioner_client.get("/triage/?mine=1").get_data(
        as_text=True
    )
    commissioner_client.post(
        f"/triage/{challenge.id}/assign", data={"assignee_id": commissioner.id}
    )
    page = commissioner_client.get("/triage/?mine=1").get_data(as_text=True)
    assert challenge.title in page
    assert "Assigned to Chris Commissioner" in commissioner_client.get(
        f"/triage/{challenge.id}/audit"
    ).get_data(as_text=True)


def test_assignment_only_to_the_bodys_commissioners(commissioner_client, challenge, make_user):
    outsider = make_user(Role.COMMISSIONER)
    commissioner_client.post(f"/triage/{challenge.id}/assign", data={"assignee_id": outsider.id})
    db.session.refresh(challenge)
    assert challenge.assignee_id is None


def test_pagination(commissioner_client, proposer, body, challenge):
    for _ in range(26):
        submitted(proposer, body, "propose-parish-green-spaces")
    first = commissioner_client.get("/triage/").get_data(as_text=True)
    assert "Page 1 of 2" in first and "27 submissions" in first
    second = commissioner_client.get("/triage/?page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second


def test_overdue_submissions_are_flagged(commissioner_client, challenge):
    challenge.deadline = utcnow() - timedelta(days=1)
    db.session.commit()
    assert "Overdue" in commissioner_client.get("/triage/").get_data(as_text=True)


def test_queue_csv(commissioner_client, challenge):
    response = commissioner_client.get("/triage/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert response.mimetype == "text/csv"
    assert rows[0]["title"] == challenge.title and rows[0]["status"] == "submitted"


def test_drafts_and_other_bodies_are_not_visible(
    client, challenge, proposer, body, sign_in, make_user, make_public_body
):
    from app.examples import load_example
    from app.proposals import services

    draft = services.new_proposal(
        proposer.organisation, body, load_example("propose-parish-green-spaces"), proposer
    )
    db.session.commit()
    other = make_user(Role.COMMISSIONER, public_body=make_public_body("Elsewhere Council"))
    sign_in(other)
    assert client.get(f"/triage/{challenge.id}").status_code == 404
    assert challenge.title not in client.get("/triage/").get_data(as_text=True)
    client.post("/sign-out")
    sign_in(make_user(Role.COMMISSIONER, public_body=body))
    assert client.get(f"/triage/{draft.id}").status_code == 404


def test_proposers_cannot_reach_triage(client, challenge, proposer, sign_in):
    sign_in(proposer)
    assert client.get("/triage/").status_code == 403
    assert client.get(f"/triage/{challenge.id}").status_code == 403


def test_review_page_shows_value_account_and_what_changed(commissioner_client, challenge, proposer):
    from app.proposals import services

    review = f"/triage/{challenge.id}"
    text = commissioner_client.get(f"{review}/value").get_data(as_text=True)
    assert 'id="impact-map"' in text
    text = commissioner_client.get(f"{review}/changes").get_data(as_text=True)
    assert "This is the first version." in text
    challenge.status = Status.MORE_INFO
    draft = dict(challenge.draft)
    draft["summary"] = "A clearer summary"
    challenge.draft = draft
    db.session.commit()
    services.submit(challenge, proposer, None)
    text = commissioner_client.get(f"{review}/changes").get_data(as_text=True)
    assert "What changed since the previous version" in text and "A clearer summary" in text
    changes = text[text.index('id="changes"') : text.index("<footer")]
    assert (
        "About the submission" in changes
        and '<th scope="row" class="govuk-table__header">Summary</th>' in changes
    )
    assert "/summary" not in changes


def test_judgements_are_recorded_per_area(commissioner_client, challenge):
    response = commissioner_client.post(
        f"/triage/{challenge.id}/judgements",
        data={
            "area": "stakeholders",
            "topic": "Staff affected",
            "judgement": "Current staff were involved adequately",
            "rationale": "Two workshops with the in-house team",
        },
    )
    assert response.status_code == 302
    assert response.location.endswith(f"/triage/{challenge.id}/judgements")
    text = commissioner_client.get(response.location).get_data(as_text=True)
    assert "Staff affected" in text and "Two workshops with the in-house team" in text


def test_judgement_errors_keep_what_was_typed(commissioner_client, challenge):
    text = commissioner_client.post(
        f"/triage/{challenge.id}/judgements",
        data={"area": "vfm", "topic": "Costs", "judgement": "", "rationale": "Because"},
    ).get_data(as_text=True)
    assert "Error: Record a judgement" in text and "Enter your judgement" in text
    assert 'value="Costs"' in text and "Because" in text


def test_the_body_sets_its_response_period_in_working_days(commissioner_client, body, proposer, db):
    page = commissioner_client.post("/triage/settings", data={"response_period_days": "soon"})
    assert "Response period in working days: enter a whole number" in page.get_data(as_text=True)
    commissioner_client.post("/triage/settings", data={"response_period_days": "14"})
    db.session.refresh(body)
    assert body.response_period_days == 14
    proposal = submitted(proposer, body, "propose-parish-green-spaces")
    received, due = aware(proposal.received_at).date(), aware(proposal.deadline).date()
    assert working_days_between(received, due, bank_holidays()) == 14
    assert is_working_day(due, bank_holidays())
    # ten working days are two weeks: fourteen working days are never fewer than 18 days
    assert (due - received).days >= 18


def test_the_queue_has_four_columns_and_its_first_carries_status_and_deadline(
    commissioner_client, challenge
):
    page = commissioner_client.get("/triage/").get_data(as_text=True)

    table = page[page.index('id="queue"') : page.index("</table>")]
    headings = re.findall(r'<th scope="col" class="govuk-table__header[^"]*">([^<]+)</th>', table)
    assert headings == ["Submission", "Status", "Checks", "Decision due"]
    first = table[table.index("<td") : table.index("</td>")]
    due = challenge.deadline.strftime("%-d %b %Y")
    assert challenge.title in first and "Challenge from Carers Trust" in first
    assert f"Submitted, decision due {due}" in first
    assert '<abbr title="Social return on investment">SROI</abbr>' in table
