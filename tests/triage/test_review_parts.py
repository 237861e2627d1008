"""The review in parts: each its own page under one header, the navigation marking where the
commissioner is; a case at the size limit named in words; answers that are never stale."""

import re

import pytest
from markupsafe import escape

from app.extensions import db
from app.proposals import services
from app.proposals.workflow import Status

from .size_limit import SLUG, at_the_size_limit

PARTS = {
    # path after /triage/<id>: what only that part shows
    "": ('id="check-report"', "Next step"),
    "/case": ('id="answers-service"', "Young carers support service"),
    "/value": ('id="impact-map"', "Young carers feel less isolated"),
    "/changes": ('id="changes"', "This is the first version."),
    "/judgements": ('id="judgements"', "Record a judgement"),
    "/audit": ('id="trail"', "Submitted"),
}
MARKERS = [marker for marker, _ in PARTS.values()]


def current_links(page: str) -> list[str]:
    """The hrefs the navigation marks as the current page."""
    return re.findall(r'href="([^"]+)"\s*aria-current="page"', page)


@pytest.mark.parametrize("part", PARTS)
def test_each_part_is_its_own_page_under_the_shared_header(commissioner_client, challenge, part):
    page = commissioner_client.get(f"/triage/{challenge.id}{part}").get_data(as_text=True)

    marker, content = PARTS[part]
    assert marker in page and content in page
    assert [m for m in MARKERS if m in page] == [marker]
    assert f'<h1 class="govuk-heading-l">{challenge.title}</h1>' in page
    assert f'id="reference">VC-{challenge.public_body_id}-{challenge.id}</dd>' in page
    assert 'id="status">Submitted</strong>' in page
    assert f'id="deadline">{challenge.deadline.strftime("%-d %B %Y")}</dd>' in page


@pytest.mark.parametrize("part", PARTS)
def test_the_navigation_marks_the_current_part_and_links_every_other(
    commissioner_client, challenge, part
):
    here = f"/triage/{challenge.id}{part}"
    page = commissioner_client.get(here).get_data(as_text=True)

    nav = page[page.index('aria-label="Parts of this review"') :]
    nav = nav[: nav.index("</nav>")]
    assert current_links(nav) == [here]
    links = re.findall(r'href="([^"]+)"', nav)
    assert links == [
        f"/triage/{challenge.id}",
        f"/triage/{challenge.id}/case",
        f"/triage/{challenge.id}/value",
        f"/triage/{challenge.id}/changes",
        f"/triage/{challenge.id}/judgements",
        f"/triage/{challenge.id}/messages",
        f"/triage/{challenge.id}/notes",
        f"/triage/{challenge.id}/audit",
    ]


def test_the_parts_are_for_the_bodys_commissioners_only(client, challenge, proposer, sign_in):
    sign_in(proposer)
    for part in PARTS:
        assert client.get(f"/triage/{challenge.id}{part}").status_code == 403


def test_a_judgement_brings_the_commissioner_back_to_the_judgements(commissioner_client, challenge):
    response = commissioner_client.post(
        f"/triage/{challenge.id}/judgements",
        data={"area": "vfm", "topic": "Costs", "judgement": "Sound", "rationale": "Priced"},
        follow_redirects=True,
    )

    page = response.get_data(as_text=True)
    assert response.request.path == f"/triage/{challenge.id}/judgements"
    assert "Judgement recorded." in page and "Priced" in page
    assert current_links(page) == [f"/triage/{challenge.id}/judgements"]


def test_the_judgements_part_offers_the_decision_once_in_review(
    commissioner_client, challenge, commissioner
):
    decide = f'href="/triage/{challenge.id}/decide"'
    judgements = f"/triage/{challenge.id}/judgements"
    assert decide not in commissioner_client.get(judgements).get_data(as_text=True)

    commissioner_client.post(f"/triage/{challenge.id}/transition", data={"action": "start_review"})

    assert decide in commissioner_client.get(judgements).get_data(as_text=True)


def test_the_summary_keeps_its_downloads_and_links(commissioner_client, challenge):
    page = commissioner_client.get(f"/triage/{challenge.id}").get_data(as_text=True)

    assert f"/triage/{challenge.id}/assessment.pdf" in page
    assert f'href="/triage/{challenge.id}/attachments"' in page
    assert f'action="/triage/{challenge.id}/transition"' in page
    assert f'action="/triage/{challenge.id}/assign"' in page


@pytest.fixture
def at_the_limit(proposer, body, commissioner):
    """A submission at the schema's size limit: 200 stakeholders, 200 outcomes."""
    proposal = services.new_proposal(proposer.organisation, body, at_the_size_limit(), proposer)
    db.session.flush()
    services.submit(proposal, proposer, None)
    return proposal


def test_a_case_at_the_size_limit_names_every_outcome_by_its_description(
    commissioner_client, at_the_limit
):
    for part in ("/value", "/case", ""):
        page = commissioner_client.get(f"/triage/{at_the_limit.id}{part}").get_data(as_text=True)
        assert SLUG not in page, part

    page = commissioner_client.get(f"/triage/{at_the_limit.id}/value").get_data(as_text=True)
    start = page.index('id="switching"')
    switching = page[start : page.index("</table>", start)]
    assert switching.count("Residents feel less lonely because they meet") == 194


def test_the_value_account_gives_its_key_figures_before_the_detail(commissioner_client, challenge):
    page = commissioner_client.get(f"/triage/{challenge.id}/value").get_data(as_text=True)

    figures = page.index('id="key-figures"')
    assert figures < page.index('id="impact-map"') < page.index('id="switching"')
    key = page[figures : page.index("</div>\n<p", figures)]
    assert "Present value of outcomes" in key and "Total investment" in key
    assert "Social return on investment (SROI) ratio" in key and "£1.40 : £1" in key
    assert 'role="region" aria-label="Impact map" tabindex="0"' in page
    impact_map = page[page.index('id="impact-map"') : page.index("</table>", figures)]
    assert "<caption" in impact_map
    assert impact_map.count('<th scope="col"') == 6


def submit_a_revision(proposal, proposer, summary: str) -> None:
    """The proposer changes the summary, as a request for information allows, and resubmits."""
    proposal.status = Status.MORE_INFO
    proposal.draft = {**proposal.draft, "summary": summary}
    db.session.commit()
    services.submit(proposal, proposer, None)


def test_each_frozen_version_shows_its_own_answers(
    commissioner_client, client, challenge, proposer, sign_in
):
    first = str(escape(challenge.versions[0].document["summary"]))
    review = f"/triage/{challenge.id}/case"
    assert first in commissioner_client.get(review).get_data(as_text=True)

    submit_a_revision(challenge, proposer, "A clearer summary, version 2")

    assert "A clearer summary, version 2" in commissioner_client.get(review).get_data(as_text=True)
    sign_in(proposer)
    one = client.get(f"/proposals/{challenge.id}/versions/1").get_data(as_text=True)
    two = client.get(f"/proposals/{challenge.id}/versions/2").get_data(as_text=True)
    assert first in one and "A clearer summary, version 2" not in one
    assert "A clearer summary, version 2" in two.split('id="answers"')[1]


def test_the_draft_shows_each_edit_even_when_a_version_was_shown_before(
    client, challenge, proposer, sign_in
):
    sign_in(proposer)
    assert str(escape(challenge.draft["summary"])) in client.get(
        f"/proposals/{challenge.id}/versions/1"
    ).get_data(as_text=True)
    challenge.status = Status.MORE_INFO
    for summary in ("First edit of the summary", "Second edit of the summary"):
        challenge.draft = {**challenge.draft, "summary": summary}
        db.session.commit()

        page = client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)

        assert summary in page
    assert "First edit of the summary" not in page
