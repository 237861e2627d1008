"""A module that a finding on a person's own check names opens to them, whatever its stage."""

from html import unescape

import pytest

from app.accounts.models import Role
from app.extensions import db
from app.proposals import services as proposals
from app.training.plan import modules_named

from .conftest import new_proposal, take_quiz

WEAK = "challenge-village-library-weak"


@pytest.fixture
def rulebook(app):
    """The loaded checks (every test here needs them)."""
    found = app.extensions.get("rulebook")
    assert found is not None, "the checks are not loaded"
    return found


def stage_3_module_named(rulebook, curriculum, document: dict) -> str:
    """A stage 3 module that a finding of the document's check names."""
    named = {m for f in rulebook.check(document)["findings"] for m in f["modules"]}
    found = sorted(m for m in named if curriculum.module(m) and curriculum.module(m).stage == 3)
    assert found, "the example's check names no stage 3 module"
    return found[0]


def test_a_new_proposer_opens_and_passes_the_stage_3_module_their_draft_names(
    rulebook, curriculum, make_user, make_public_body, sign_in
):
    member = make_user(Role.CSO, name="New Proposer")
    proposal = new_proposal(member, make_public_body("Anytown Council"), WEAK)
    module = curriculum.module(stage_3_module_named(rulebook, curriculum, proposal.draft))
    client = sign_in(member)

    page = unescape(client.get(f"/training/modules/{module.id}").get_data(as_text=True))
    assert f"Your check on {proposal.title} named this module" in page
    assert 'id="take-quiz"' in page
    assert 'id="quiz-locked"' not in page

    result = take_quiz(client, module)
    assert result.status_code == 302
    attempt = unescape(client.get(result.headers["Location"]).get_data(as_text=True))
    assert "You passed" in attempt


def test_a_later_module_no_finding_names_stays_locked(
    rulebook, curriculum, make_user, make_public_body, sign_in
):
    member = make_user(Role.CSO)
    proposal = new_proposal(member, make_public_body(), WEAK)
    named = {m for f in rulebook.check(proposal.draft)["findings"] for m in f["modules"]}
    later = [m.id for m in curriculum.ordered_modules() if m.stage > 1]
    unnamed = [m for m in later if m not in named]
    assert unnamed, "the example names every module after stage 1"
    module_id = unnamed[0]
    client = sign_in(member)
    assert client.get(f"/training/modules/{module_id}/quiz").status_code == 403
    page = client.get(f"/training/modules/{module_id}").get_data(as_text=True)
    assert 'id="quiz-locked"' in page and 'id="quiz-named"' not in page


def test_another_organisations_draft_opens_nothing(
    rulebook, curriculum, make_user, make_organisation, make_public_body, sign_in
):
    author = make_user(Role.CSO)
    proposal = new_proposal(author, make_public_body(), WEAK)
    module_id = stage_3_module_named(rulebook, curriculum, proposal.draft)
    outsider = make_user(Role.CSO, organisation=make_organisation("Elsewhere Trust"))
    client = sign_in(outsider)
    assert client.get(f"/training/modules/{module_id}/quiz").status_code == 403


def test_a_submitted_case_keeps_its_modules_open_when_the_draft_no_longer_validates(
    rulebook, curriculum, make_user, make_public_body, sign_in
):
    member = make_user(Role.CSO)
    proposal = new_proposal(member, make_public_body(), WEAK)
    module_id = stage_3_module_named(rulebook, curriculum, proposal.draft)
    proposals.submit(proposal, member, rulebook.check(proposal.draft))
    proposal.draft = {**proposal.draft, "discount_rate": "three and a half per cent"}
    db.session.commit()
    client = sign_in(member)
    page = unescape(client.get(f"/training/modules/{module_id}").get_data(as_text=True))
    assert f"Your check on {proposal.title} named this module" in page
    assert client.get(f"/training/modules/{module_id}/quiz").status_code == 200


def test_a_module_the_track_already_opens_does_not_claim_the_check_opened_it(
    rulebook, curriculum, make_user, make_public_body, sign_in
):
    member = make_user(Role.CSO)
    proposal = new_proposal(member, make_public_body(), WEAK)
    named = {m for f in rulebook.check(proposal.draft)["findings"] for m in f["modules"]}
    stage_1 = sorted(m for m in named if curriculum.module(m).stage == 1)
    assert stage_1
    page = sign_in(member).get(f"/training/modules/{stage_1[0]}").get_data(as_text=True)
    assert 'id="quiz-named"' not in page and 'id="take-quiz"' in page


def test_modules_named_lists_each_proposal_once_per_module():
    reports = [
        ("Library", {"findings": [{"modules": ["M3.2", "M3.3"]}, {"modules": ["M3.2"]}]}),
        ("Carers", {"findings": [{"modules": ["M3.2"]}]}),
        ("Broken", {"errors": [{"path": "", "message": "could not be checked"}]}),
    ]
    assert modules_named(reports) == {"M3.2": ("Library", "Carers"), "M3.3": ("Library",)}
