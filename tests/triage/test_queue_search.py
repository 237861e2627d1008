"""Commissioners search their queue by what a submission says; a search only narrows it."""

import copy

import pytest

from app.accounts.models import Role
from app.admin.services import update_organisation
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.proposals.workflow import Status

from .conftest import submitted


@pytest.fixture
def library(make_user, make_organisation, body):
    friends = make_user(Role.CSO, organisation=make_organisation("Friends of Millbrook"))
    return submitted(friends, body, "challenge-village-library-weak")


def titles(client, query: str) -> str:
    response = client.get(f"/triage/?{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_search_finds_a_submission_by_a_word_of_its_title(commissioner_client, challenge, library):
    page = titles(commissioner_client, "q=whole-family")
    assert challenge.title in page and library.title not in page
    assert "1 submission" in page and 'value="whole-family"' in page


def test_search_finds_submissions_by_their_organisation(commissioner_client, challenge, library):
    page = titles(commissioner_client, "q=Friends+Millbrook")
    assert library.title in page and challenge.title not in page


def test_search_finds_words_of_the_submitted_service_and_summary(
    commissioner_client, challenge, library
):
    # "branch" is only in the library's service name, "schools" only in the carers' summary
    page = titles(commissioner_client, "q=branch")
    assert library.title in page and challenge.title not in page
    page = titles(commissioner_client, "q=schools")
    assert challenge.title in page and library.title not in page


def test_a_new_version_is_searched_by_its_own_words(commissioner_client, challenge, proposer):
    challenge.status = Status.MORE_INFO
    document = copy.deepcopy(challenge.draft)
    document["service"]["name"] = "Kinship respite scheme"
    challenge.draft = document
    db.session.commit()
    services.submit(challenge, proposer, None, {"MAIL_SERVER": None, "MAIL_SENDER": "x <x@x.org>"})
    assert challenge.title in titles(commissioner_client, "q=kinship")
    assert "No submissions match." in titles(commissioner_client, "q=branch+library")


def test_a_renamed_organisation_is_found_by_its_new_name(
    commissioner_client, challenge, library, make_user
):
    admin = make_user(Role.ADMIN)
    organisation = library.organisation
    update_organisation(organisation, "Millbrook Library Guild", organisation.type, None, admin)
    page = titles(commissioner_client, "q=guild")
    assert library.title in page and challenge.title not in page


def test_a_retitled_submission_is_found_by_its_new_title(commissioner_client, challenge):
    challenge.title = "Carers first in Anytown"
    db.session.commit()
    assert challenge.title in titles(commissioner_client, "q=first")


def test_search_never_shows_another_bodys_submissions(
    client, challenge, sign_in, make_user, make_public_body
):
    other = make_user(Role.COMMISSIONER, public_body=make_public_body("Elsewhere Council"))
    page = titles(sign_in(other), "q=carers")
    assert challenge.title not in page and "No submissions match." in page
    assert "carers" not in client.get("/triage/export.csv?q=carers").get_data(as_text=True)


def test_drafts_never_appear_in_a_search(commissioner_client, challenge, proposer, body):
    draft = services.new_proposal(
        proposer.organisation, body, load_example("propose-parish-green-spaces"), proposer
    )
    db.session.commit()
    page = titles(commissioner_client, "q=Ashby+Parva")
    assert draft.title not in page and "No submissions match." in page
    page = titles(commissioner_client, "q=carers")
    assert challenge.title in page and draft.title not in page


def test_a_submission_sent_back_to_draft_leaves_the_search(commissioner_client, challenge):
    challenge.status = Status.DRAFT
    db.session.commit()
    assert "No submissions match." in titles(commissioner_client, "q=carers")


def test_filters_combine_with_search(commissioner_client, challenge, library, proposer, body):
    discharge = submitted(proposer, body, "propose-hospital-discharge")
    page = titles(commissioner_client, "q=Anytown")
    assert challenge.title in page and discharge.title in page and library.title not in page
    page = titles(commissioner_client, "q=Anytown&kind=propose")
    assert discharge.title in page and challenge.title not in page
    assert 'value="Anytown"' in page
    csv = commissioner_client.get("/triage/export.csv?q=Anytown&kind=challenge")
    assert challenge.title in csv.get_data(as_text=True)
    assert discharge.title not in csv.get_data(as_text=True)


def test_the_search_is_kept_in_the_pages_links(commissioner_client, proposer, body, challenge):
    for _ in range(25):
        submitted(proposer, body)
    first = titles(commissioner_client, "q=carers&kind=challenge")
    assert "26 submissions" in first
    assert "q=carers" in first[first.index("govuk-pagination") :]
    second = titles(commissioner_client, "q=carers&kind=challenge&page=2")
    assert "Page 2 of 2" in second


@pytest.mark.parametrize(
    "junk", ['"', "-", "or", "*", "NOT", "a%00b", "%22carers", "(", "NEAR(", "x" * 500, "'; --"]
)
def test_junk_in_the_search_is_never_an_error(commissioner_client, challenge, junk):
    response = commissioner_client.get(f"/triage/?q={junk}")
    assert response.status_code == 200
