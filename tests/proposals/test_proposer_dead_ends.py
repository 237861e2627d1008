"""No dead ends for a proposer: only bodies someone will read are offered, Submit is offered
only when the draft can be submitted, and after submitting the page says what happens next."""

import html
import re

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db as database
from app.proposals import services
from app.workdays import add_working_days, bank_holidays


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def imported(member, body, name="challenge-young-carers"):
    proposal = services.new_proposal(member.organisation, body, load_example(name), member)
    database.session.commit()
    return proposal


def test_only_bodies_with_a_commissioner_are_offered(member_client, staffed, make_public_body):
    unstaffed = make_public_body("Nobody Reads Here Council")
    text = text_of(member_client.get("/proposals/new"))
    assert f'<option value="{staffed.id}">Anytown Borough Council</option>' in text
    assert "Nobody Reads Here Council" not in text
    refused = member_client.post(
        "/proposals/new",
        data={"kind": "challenge", "public_body_id": unstaffed.id, "title": "Library"},
    )
    assert refused.status_code == 200 and "Error: Start a submission" in text_of(refused)


def test_with_no_staffed_body_the_start_page_says_so(member_client, body):
    text = text_of(member_client.get("/proposals/new"))
    assert "No public body on Valuecase has a commissioner to read submissions yet" in text


def test_the_task_list_tells_checking_for_gaps_from_reviewing_and_submitting(
    member_client, member, body
):
    proposal = imported(member, body)
    text = text_of(member_client.get(f"/proposals/{proposal.id}"))
    assert "Check for gaps</a>" in text and "It does not submit anything" in text
    assert f'href="/proposals/{proposal.id}/check-answers">Review and submit</a>' in text
    assert "Check my proposal" not in text and "Check your answers and submit" not in text
    assert text.index("Check for gaps</a>") < text.index("Review and submit</a>")
    gaps = text_of(member_client.get(f"/proposals/{proposal.id}/check"))
    assert '<h1 class="govuk-heading-l">Check for gaps</h1>' in gaps
    assert "This does not submit anything" in gaps and "Review and submit</a>" in gaps


def test_unfinished_sections_are_listed_with_links_before_review(member_client, member, body):
    proposal = imported(member, body)
    text = text_of(member_client.get(f"/proposals/{proposal.id}"))
    assert "You have not marked these sections as completed" in text
    assert f'href="/proposals/{proposal.id}/sections/vfm">The four Es of value for money</a>' in (
        text
    )
    review = text_of(member_client.get(f"/proposals/{proposal.id}/check-answers"))
    assert "You have not marked these sections as completed" in review


def test_a_draft_that_cannot_be_submitted_is_not_offered_submit_and_says_where(
    member_client, challenge
):
    draft = dict(challenge.draft)
    draft["outcomes"] = [{"id": "x", "stakeholder": "nobody"}]
    challenge.draft = draft
    database.session.commit()
    text = text_of(member_client.get(f"/proposals/{challenge.id}"))
    assert "Review and submit</a>" not in text
    assert "You cannot submit yet. Fix the answers in this section first" in text
    assert f'href="/proposals/{challenge.id}/sections/outcomes">Outcomes and their values</a>' in (
        text
    )


def test_after_submitting_the_confirmation_says_what_happens_next_and_when(
    member_client, member, body, make_user
):
    make_user(Role.COMMISSIONER, public_body=body)
    proposal = imported(member, body)
    response = member_client.post(
        f"/proposals/{proposal.id}/check-answers", data={"revision": proposal.revision}
    )
    assert response.headers["Location"].endswith(f"/proposals/{proposal.id}/submitted")
    text = text_of(member_client.get(response.headers["Location"]))
    assert re.search(r'govuk-panel__title">\s*Submitted to Anytown Borough Council', text)
    database.session.refresh(proposal)
    due = add_working_days(proposal.submitted_at.date(), 56, bank_holidays())
    assert (
        f"Anytown Borough Council has 56 working days to decide: by "
        f"<strong>{due.strftime('%A %-d %B %Y')}</strong>"
    ) in text
    assert "we will send you an email and a notification" in text
    assert f'href="/proposals/{proposal.id}">See its status and versions</a>' in text
    assert 'href="/notifications' in text


def test_the_confirmation_page_of_a_draft_leads_back_to_its_task_list(member_client, challenge):
    response = member_client.get(f"/proposals/{challenge.id}/submitted")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/proposals/{challenge.id}")
