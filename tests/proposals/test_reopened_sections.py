"""A request for more information reopens only the sections it names, and says what is needed."""

import pytest
from sqlalchemy import select

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.notifications.models import Notification
from app.proposals import services
from app.proposals.models import InformationRequest
from app.proposals.workflow import Status
from app.triage import services as triage

COST_NEEDED = "Tell us what the in-house service costs today, with the source."
HOURS_NEEDED = "Add the volunteer hours as an input."


@pytest.fixture
def commissioner(make_user, body):
    return make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body)


@pytest.fixture
def waiting(member, body, commissioner):
    """A submitted challenge the commissioner asked about its service and inputs."""
    proposal = services.new_proposal(
        member.organisation, body, load_example("challenge-young-carers"), member
    )
    db.session.commit()
    services.submit(proposal, member, None)
    triage.take(proposal, "start_review", commissioner, "", None, "")
    triage.request_information(
        proposal,
        commissioner,
        ["inputs", "service"],
        {"service": COST_NEEDED, "inputs": HOURS_NEEDED},
        None,
        "https://valuecase.example/proposals/1",
    )
    return proposal


def test_the_task_list_shows_the_request_and_links_only_the_reopened_sections(
    member_client, waiting
):
    page = member_client.get(f"/proposals/{waiting.id}").get_data(as_text=True)

    banner = page[page.index('id="information-request"') : page.index("</dl>")]
    assert "More information requested" in banner
    # the sections in task-list order, each linked, with what is needed
    assert banner.index("The service") < banner.index("Inputs")
    assert f'href="/proposals/{waiting.id}/sections/service"' in banner
    assert f'href="/proposals/{waiting.id}/sections/inputs"' in banner
    assert "Tell us what the in-house service costs today" in banner and HOURS_NEEDED in banner
    assert f'href="/proposals/{waiting.id}/sections/outcomes"' not in page
    assert "Not reopened: stays as submitted" in page


def test_a_reopened_section_shows_what_is_needed_above_its_questions(member_client, waiting):
    page = member_client.get(f"/proposals/{waiting.id}/sections/service").get_data(as_text=True)

    inset = page[page.index('id="information-needed"') :]
    assert "Anytown Borough Council asked for more information here" in inset
    assert "Tell us what the in-house service costs today" in inset
    assert page.index('id="information-needed"') < page.index('name="current_annual_cost"')
    items = member_client.get(f"/proposals/{waiting.id}/sections/inputs").get_data(as_text=True)
    assert HOURS_NEEDED in items


def test_a_section_not_named_sends_the_member_back_to_the_task_list_saying_why(
    member_client, waiting
):
    response = member_client.get(f"/proposals/{waiting.id}/sections/vfm", follow_redirects=True)

    page = response.get_data(as_text=True)
    assert response.request.path == f"/proposals/{waiting.id}"
    assert "The four Es of value for money cannot be changed now" in page
    assert "The service, Inputs only" in page


def test_a_crafted_post_to_a_section_not_named_changes_nothing(member_client, waiting):
    before = dict(waiting.draft["vfm"])

    response = member_client.post(
        f"/proposals/{waiting.id}/sections/vfm",
        data={"revision": waiting.revision, "economy": "Slipped in unasked"},
        follow_redirects=True,
    )

    assert "cannot be changed now" in response.get_data(as_text=True)
    assert "Nothing was saved" in response.get_data(as_text=True)
    db.session.refresh(waiting)
    assert waiting.draft["vfm"] == before
    removal = member_client.post(
        f"/proposals/{waiting.id}/sections/stakeholders/items/young-carers/remove", data={}
    )
    assert removal.status_code == 302
    db.session.refresh(waiting)
    assert any(s.get("id") == "young-carers" for s in waiting.draft["stakeholders"])


def test_a_reopened_section_saves_and_the_case_resubmits_answering_the_request(
    member_client, waiting, commissioner
):
    response = member_client.post(
        f"/proposals/{waiting.id}/sections/service",
        data={"revision": waiting.revision, "current_annual_cost": "250000"},
    )
    assert response.status_code == 302
    db.session.refresh(waiting)
    assert waiting.draft["service"]["current_annual_cost"] == 250000
    check = member_client.get(f"/proposals/{waiting.id}/check-answers")
    assert check.status_code == 200

    member_client.post(
        f"/proposals/{waiting.id}/check-answers", data={"revision": waiting.revision}
    )

    db.session.refresh(waiting)
    assert waiting.status == Status.SUBMITTED and len(waiting.versions) == 2
    asked = db.session.scalar(select(InformationRequest))
    assert asked.answered_at is not None and asked.closed_at is None
    told = db.session.scalars(
        select(Notification).where(Notification.user_id == commissioner.id)
    ).all()
    assert any("in answer to the request for more information" in n.message for n in told)
    # answered, the request no longer shows, and nothing is open to change
    page = member_client.get(f"/proposals/{waiting.id}").get_data(as_text=True)
    assert 'id="information-request"' not in page


def test_the_version_page_shows_what_changed_beside_what_was_needed(member_client, waiting):
    member_client.post(
        f"/proposals/{waiting.id}/sections/service",
        data={"revision": waiting.revision, "current_annual_cost": "250000"},
    )
    db.session.refresh(waiting)
    member_client.post(
        f"/proposals/{waiting.id}/check-answers", data={"revision": waiting.revision}
    )

    page = member_client.get(f"/proposals/{waiting.id}/versions/2").get_data(as_text=True)

    changes = page[page.index('id="changes"') : page.index('id="answers"')]
    service = changes[changes.index('id="changes-service"') :]
    assert "What was needed:" in service and "in-house service costs today" in service
    assert "What it costs today each year, in pounds" in service
    assert "£240,000" in service and "£250,000" in service
    inputs = changes[changes.index('id="changes-inputs"') :]
    assert "Nothing changed in this section." in inputs
    assert "/service" not in changes and "current_annual_cost" not in changes


def test_the_proposer_is_told_with_a_link_to_the_proposal_page(member, waiting):
    told = db.session.scalars(select(Notification).where(Notification.user_id == member.id))
    request = [n for n in told if "more information requested" in n.message]
    assert len(request) == 1
    assert "The service: Tell us what the in-house service costs today" in request[0].message
    assert request[0].link == "https://valuecase.example/proposals/1"


def test_the_proxy_library_cannot_change_an_outcome_the_request_did_not_reopen(
    member_client, waiting
):
    outcome = waiting.draft["outcomes"][0]
    before = dict(outcome["proxy"])
    answer = member_client.post(
        f"/proposals/{waiting.id}/outcomes/{outcome['id']}/proxy",
        data={"entry": "gp-consultation-fiscal", "revision": waiting.revision},
    )
    assert answer.status_code == 302 and answer.location.endswith(f"/proposals/{waiting.id}")
    db.session.refresh(waiting)
    assert waiting.draft["outcomes"][0]["proxy"] == before
    page = member_client.get(f"/proposals/{waiting.id}").get_data(as_text=True)
    assert "Outcomes and their values cannot be changed now" in page


def test_check_answers_offers_changes_only_to_the_reopened_sections(member_client, waiting):
    page = member_client.get(f"/proposals/{waiting.id}/check-answers").get_data(as_text=True)
    assert f'href="/proposals/{waiting.id}/sections/service"' in page
    assert f'href="/proposals/{waiting.id}/sections/inputs"' in page
    assert f'href="/proposals/{waiting.id}/sections/outcomes"' not in page
