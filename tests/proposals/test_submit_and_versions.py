"""Check your answers, submit, frozen versions, revise and resubmit."""

from app.examples import load_example
from app.proposals import services
from app.proposals.workflow import Status


def imported(member, body, name="challenge-young-carers"):
    document = load_example(name)
    proposal = services.new_proposal(member.organisation, body, document, member)
    from app.extensions import db

    db.session.commit()
    return proposal


def test_check_answers_shows_the_whole_document(member_client, member, body):
    proposal = imported(member, body)
    text = member_client.get(f"/proposals/{proposal.id}/check-answers").get_data(as_text=True)
    assert "Review your answers and submit" in text
    assert "Young carers" in text and "Change stakeholders" in text
    assert "Submit to the public body" in text


def test_submit_freezes_a_version_and_shows_the_status(member_client, member, body, db):
    proposal = imported(member, body)
    response = member_client.post(
        f"/proposals/{proposal.id}/check-answers", data={"revision": proposal.revision}
    )
    assert response.status_code == 302
    db.session.refresh(proposal)
    assert proposal.status == Status.SUBMITTED
    assert [v.number for v in proposal.versions] == [1]
    overview = member_client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Submitted" in overview and "Version 1" in overview
    edit = member_client.post(f"/proposals/{proposal.id}/sections/vfm", data={"economy": "x"})
    assert edit.status_code == 302
    db.session.refresh(proposal)
    assert proposal.draft["vfm"]["economy"] != "x"
    assert proposal.versions[0].document == proposal.draft


def test_an_incomplete_draft_cannot_be_submitted_and_says_where(member_client, challenge, db):
    member_client.post(
        f"/proposals/{challenge.id}/sections/stakeholders/new", data={"name": "Carers"}
    )
    draft = dict(challenge.draft)
    draft["outcomes"] = [{"id": "x", "stakeholder": "nobody"}]
    challenge.draft = draft
    db.session.commit()
    text = member_client.post(
        f"/proposals/{challenge.id}/check-answers", data={"revision": challenge.revision}
    ).get_data(as_text=True)
    assert "You cannot submit until these are fixed" in text
    assert f'href="/proposals/{challenge.id}/sections/outcomes"' in text
    db.session.refresh(challenge)
    assert challenge.status == Status.DRAFT and not challenge.versions


def test_more_information_requested_lets_the_proposer_revise_and_resubmit(
    member_client, member, body, db
):
    proposal = imported(member, body)
    services.submit(proposal, member, None)
    proposal.status = Status.MORE_INFO
    db.session.commit()
    member_client.post(
        f"/proposals/{proposal.id}/sections/vfm",
        data={"revision": proposal.revision, "economy": "Revised economy case"},
    )
    member_client.post(
        f"/proposals/{proposal.id}/check-answers", data={"revision": proposal.revision}
    )
    db.session.refresh(proposal)
    assert proposal.status == Status.SUBMITTED
    assert [v.number for v in proposal.versions] == [1, 2]
    assert proposal.versions[0].document["vfm"]["economy"] != "Revised economy case"
    assert proposal.versions[1].document["vfm"]["economy"] == "Revised economy case"
    version_page = member_client.get(f"/proposals/{proposal.id}/versions/1").get_data(as_text=True)
    assert "This version is frozen" in version_page
