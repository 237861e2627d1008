"""Portfolios: written on the learner's own proposal or case, marked by an assessor (never by
its author, never by someone who is not an assessor) against the stage's rubric with feedback,
resubmitted after "not yet"; the Stage 4 certificate waits for a pass."""

from html import unescape

import pytest
from sqlalchemy import select

from app.accounts.models import Role
from app.training.models import Certificate, PortfolioSubmission

from .conftest import new_proposal, pass_stages

ANSWER = "Doing the minimum keeps the drop-in; the joint option adds carers' breaks.\nJudgements."


@pytest.fixture
def member(trainee_with_organisation):
    return trainee_with_organisation


@pytest.fixture
def proposal(member, make_public_body):
    return new_proposal(member, make_public_body("Anytown Borough Council"))


@pytest.fixture
def assessor(db, make_user):
    person = make_user(Role.MEMBER, name="Ada Assessor")
    person.assessor = True
    db.session.commit()
    return person


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return unescape(response.get_data(as_text=True))


def criteria(curriculum, stage: int) -> list[str]:
    return [criterion.id for criterion in curriculum.stage(stage).portfolio.criteria]


def marking(
    curriculum, stage: int, not_met: tuple[str, ...] = (), feedback: str = "Clear."
) -> dict:
    data = {
        f"criterion_{ident}": "not_yet" if ident in not_met else "met"
        for ident in criteria(curriculum, stage)
    }
    return {**data, "feedback": feedback, "submit": "y"}


def certificate_stages(db, user) -> list[int]:
    query = select(Certificate.stage).where(Certificate.user_id == user.id)
    return sorted(db.session.scalars(query))


def submit_portfolio(client, proposal, stage: int = 4, answer: str = ANSWER):
    data = {"proposal_id": str(proposal.id), "answer": answer, "submit": "y"}
    return client.post(f"/training/portfolio/{stage}", data=data)


def switch(client, sign_in, person):
    client.post("/sign-out")
    return sign_in(person)


def test_the_portfolio_page_shows_the_brief_the_rubric_and_the_learners_proposals(
    member, proposal, sign_in, curriculum
):
    html = page(sign_in(member), "/training/portfolio/4")
    portfolio = curriculum.stage(4).portfolio
    assert portfolio.brief in html
    assert all(criterion.text in html for criterion in portfolio.criteria)
    assert 3 <= len(portfolio.criteria) <= 5
    assert proposal.title in html
    assert "Not started" in html


def test_a_stage_without_a_portfolio_has_no_portfolio_page(member, sign_in):
    page(sign_in(member), "/training/portfolio/2", status=404)


def test_the_stage_four_certificate_waits_for_a_passed_portfolio(
    db, client, member, proposal, assessor, sign_in, curriculum
):
    pass_stages(member, curriculum, 1, 2, 3, 4)
    assert certificate_stages(db, member) == [1, 2, 3]
    sign_in(member)
    assert client.get("/training/certificates/4.pdf").status_code == 404
    dashboard = page(client, "/training/")
    assert "Portfolio for Stage 4: Embedding" in dashboard

    assert submit_portfolio(client, proposal).status_code == 302
    html = page(client, "/training/portfolio/4")
    assert "Your portfolio is submitted for assessment." in html
    assert "Waiting for an assessor" in html and proposal.title in html

    switch(client, sign_in, assessor)
    waiting = page(client, "/training/assessments")
    assert "Sam Proposer" in waiting and proposal.title in waiting
    url = f"/training/assessments/{member.id}/4"
    assert ANSWER.splitlines()[0] in page(client, url)
    first = criteria(curriculum, 4)[0]
    response = client.post(url, data=marking(curriculum, 4, (first,), "Compare NPV, not ratio."))
    assert response.status_code == 302
    assert certificate_stages(db, member) == [1, 2, 3]

    switch(client, sign_in, member)
    html = page(client, "/training/portfolio/4")
    assert "Not yet: see the feedback" in html and "Compare NPV, not ratio." in html
    assert "Not yet met" in html and "marked by Ada Assessor" in html
    assert "Improve and submit again" in html and ANSWER.splitlines()[0] in html
    assert submit_portfolio(client, proposal, answer=ANSWER + " Now on NPV.").status_code == 302

    switch(client, sign_in, assessor)
    assert client.post(url, data=marking(curriculum, 4, (), "All met.")).status_code == 302
    assert certificate_stages(db, member) == [1, 2, 3, 4]
    rounds = db.session.scalars(
        select(PortfolioSubmission).where(PortfolioSubmission.user_id == member.id)
    ).all()
    assert sorted(r.status for r in rounds) == ["not_yet", "passed"]

    switch(client, sign_in, member)
    html = page(client, "/training/portfolio/4")
    assert "All met." in html and "Compare NPV, not ratio." in html
    assert client.get("/training/certificates/4.pdf").status_code == 200


def test_passing_the_portfolio_first_issues_the_certificate_with_the_last_quiz(
    db, client, member, proposal, assessor, sign_in, curriculum
):
    pass_stages(member, curriculum, 1, 2, 3)
    sign_in(member)
    submit_portfolio(client, proposal)
    switch(client, sign_in, assessor)
    client.post(f"/training/assessments/{member.id}/4", data=marking(curriculum, 4))
    assert certificate_stages(db, member) == [1, 2, 3]
    pass_stages(member, curriculum, 4)
    assert certificate_stages(db, member) == [1, 2, 3, 4]


def test_nobody_marks_their_own_portfolio(db, client, member, proposal, sign_in, curriculum):
    member.assessor = True
    db.session.commit()
    sign_in(member)
    submit_portfolio(client, proposal)
    waiting = page(client, "/training/assessments").split('id="waiting"')[1].split("</table>")[0]
    assert "Sam Proposer" not in waiting and "No portfolio is waiting." in waiting
    url = f"/training/assessments/{member.id}/4"
    assert client.get(url).status_code == 403
    assert client.post(url, data=marking(curriculum, 4)).status_code == 403
    statuses = db.session.scalars(select(PortfolioSubmission.status)).all()
    assert statuses == ["submitted"]


def test_someone_who_is_not_an_assessor_cannot_mark(
    db, client, member, proposal, make_user, sign_in, curriculum
):
    sign_in(member)
    submit_portfolio(client, proposal)
    switch(client, sign_in, make_user(Role.ADMIN, name="Ann Admin"))
    assert client.get("/training/assessments").status_code == 403
    url = f"/training/assessments/{member.id}/4"
    assert client.post(url, data=marking(curriculum, 4)).status_code == 403
    assert db.session.scalars(select(PortfolioSubmission.status)).all() == ["submitted"]
    assert "Mark portfolios" not in page(client, "/training/")


def test_a_marking_needs_every_criterion_and_feedback(
    client, member, proposal, assessor, sign_in, curriculum
):
    sign_in(member)
    submit_portfolio(client, proposal)
    switch(client, sign_in, assessor)
    data = marking(curriculum, 4, feedback=" ")
    del data[f"criterion_{criteria(curriculum, 4)[1]}"]
    response = client.post(f"/training/assessments/{member.id}/4", data=data)
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Enter your feedback" in html
    assert (
        "Select met or not yet met for: " + curriculum.stage(4).portfolio.criteria[1].text in html
    )


def test_a_draft_keeps_what_was_typed_and_submitting_needs_a_proposal(
    db, client, member, proposal, sign_in
):
    sign_in(member)
    response = client.post("/training/portfolio/4", data={"answer": "Notes so far", "save": "y"})
    assert response.status_code == 302
    assert "Notes so far" in page(client, "/training/portfolio/4")
    for chosen in ({}, {"proposal_id": "not-a-number"}):
        data = {**chosen, "answer": "Finished", "submit": "y"}
        response = client.post("/training/portfolio/4", data=data)
        html = unescape(response.get_data(as_text=True))
        assert response.status_code == 200
        assert "Select the proposal or case your portfolio is about" in html
        assert "Finished" in html
    assert db.session.scalar(select(PortfolioSubmission.status)) == "draft"


def test_another_organisations_proposal_cannot_be_chosen(
    client, member, proposal, make_user, make_public_body, sign_in
):
    other = make_user(Role.CSO, name="Olive Other")
    theirs = new_proposal(other, make_public_body())
    sign_in(member)
    response = submit_portfolio(client, theirs)
    assert "Select a proposal or case from the list" in unescape(response.get_data(as_text=True))


def test_a_commissioner_writes_on_a_case_of_their_body(
    client, member, make_user, make_public_body, sign_in
):
    from app.proposals import services as proposals

    body = make_public_body("Anytown Borough Council")
    draft = new_proposal(member, body, "propose-hospital-discharge")
    submitted = new_proposal(member, body)
    proposals.submit(submitted, member, None, None)
    html = page(sign_in(make_user(Role.COMMISSIONER, public_body=body)), "/training/portfolio/5")
    assert submitted.title in html and draft.title not in html


def test_someone_with_no_proposal_or_case_is_told_why(trainee_client):
    html = page(trainee_client, "/training/portfolio/4")
    assert 'id="no-cases"' in html and 'name="answer"' not in html
