"""Starting a submission and working through its task list."""

from sqlalchemy import select

from app.proposals.models import Proposal


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_member_starts_a_challenge_to_a_public_body(member_client, staffed, db):
    body = staffed
    response = member_client.post(
        "/proposals/new", data={"kind": "challenge", "public_body_id": body.id, "title": "Library"}
    )
    proposal = db.session.scalar(select(Proposal))
    assert response.headers["Location"].endswith(f"/proposals/{proposal.id}")
    assert proposal.kind == "challenge" and proposal.public_body_id == body.id
    assert proposal.draft["commissioner"] == "Anytown Borough Council"
    assert proposal.draft["organisation"]["name"] == "Carers Trust"


def test_start_form_errors_keep_the_title(member_client):
    text = member_client.post("/proposals/new", data={"title": "My idea", "public_body_id": "0"})
    text = text.get_data(as_text=True)
    assert "Error: Start a submission" in text
    assert "Select whether you want to challenge or propose" in text
    assert 'value="My idea"' in text


def test_task_list_has_every_section_and_decommissioning_only_for_challenges(
    member_client, challenge, propose
):
    challenge_page = page(member_client, f"/proposals/{challenge.id}")
    for title in (
        "Your organisation",
        "The service",
        "Need and objectives",
        "Stakeholders",
        "Outcomes and their values",
        "Inputs",
        "Savings to public bodies",
        "Payment by results",
        "The four Es of value for money",
        "Monitoring and verification",
        "Decommissioning",
        "Equalities",
        "Judgements",
        "Options appraised",
    ):
        assert title in challenge_page
    assert "Decommissioning" not in page(member_client, f"/proposals/{propose.id}")
    assert member_client.get(f"/proposals/{propose.id}/sections/decommissioning").status_code == 404


def test_challenge_asks_for_todays_cost_and_proposal_for_the_gap(member_client, challenge, propose):
    challenge_service = page(member_client, f"/proposals/{challenge.id}/sections/service")
    propose_service = page(member_client, f"/proposals/{propose.id}/sections/service")
    assert "What it costs today each year" in challenge_service
    assert "Why a new service is needed" not in challenge_service
    assert "Why a new service is needed" in propose_service
    assert "What it costs today" not in propose_service


def test_section_states_move_from_not_started_to_completed(member_client, challenge, db):
    url = f"/proposals/{challenge.id}/sections/vfm"
    member_client.post(url, data={"revision": challenge.revision, "economy": "We cost less."})
    overview = page(member_client, f"/proposals/{challenge.id}")
    vfm_row = overview.split("The four Es of value for money")[1].split("</li>")[0]
    assert "In progress" in vfm_row
    member_client.post(
        url, data={"revision": challenge.revision, "economy": "We cost less.", "completed": "yes"}
    )
    overview = page(member_client, f"/proposals/{challenge.id}")
    vfm_row = overview.split("The four Es of value for money")[1].split("</li>")[0]
    assert "Completed" in vfm_row
    monitoring_row = overview.split("Monitoring and verification")[1].split("</li>")[0]
    assert "Not started" in monitoring_row


def test_answers_are_saved_into_the_document(member_client, challenge, db):
    member_client.post(
        f"/proposals/{challenge.id}/sections/contract",
        data={
            "revision": challenge.revision,
            "annual_value": "£120,000",
            "duration_years": "3",
            "risk": "medium",
            "discount_rate": "3.5",
            "first_year_discounted": "yes",
        },
    )
    db.session.refresh(challenge)
    contract = challenge.draft["contract"]
    assert contract["annual_value"] == 120000 and contract["duration_years"] == 3
    assert contract["risk"] == "medium"
    assert challenge.draft["discount_rate"] == 0.035
    assert challenge.draft["first_year_discounted"] is True
    text = page(member_client, f"/proposals/{challenge.id}/sections/contract")
    assert 'value="120000"' in text and 'value="3.5"' in text


def test_payment_by_results_can_be_declined(member_client, challenge, db):
    url = f"/proposals/{challenge.id}/sections/pbr"
    response = member_client.post(
        url, data={"revision": challenge.revision, "uses": "yes", "share": "20"}
    )
    assert response.headers["Location"] == f"{url}?page=eligibility"
    db.session.refresh(challenge)
    assert challenge.draft["contract"]["payment_by_results"]["share"] == 0.2
    member_client.post(url, data={"revision": challenge.revision, "uses": "no"})
    db.session.refresh(challenge)
    assert challenge.draft["contract"]["payment_by_results"] is None


def test_a_new_draft_has_only_its_start_answers_in_progress(member_client, challenge):
    overview = page(member_client, f"/proposals/{challenge.id}")
    rows = overview.split('class="govuk-task-list__item')[1:]
    started = [row for row in rows if "In progress" in row]
    assert len(started) == 2
    assert "About the submission" in started[0] and "Your organisation" in started[1]
