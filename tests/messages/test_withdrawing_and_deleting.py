"""A member withdraws a submission before its decision, with a reason the commissioners are
told; a member deletes a draft that was never submitted, and all that was kept with it."""

from sqlalchemy import func, select

from app.attachments import services as attachment_services
from app.attachments.models import Attachment
from app.attachments.services import Upload
from app.extensions import db
from app.notifications.models import Notification, OutboxMail
from app.proposals.models import AuditEvent, DraftChange, Proposal
from app.proposals.workflow import Status
from app.triage import services as triage
from tests.attachments.samples import pdf

LOG_ONLY = {"MAIL_SERVER": None, "MAIL_SENDER": "x <x@example.org>"}


def test_a_member_withdraws_with_a_reason_the_commissioners_are_told(as_person, people, submission):
    client = as_person(people["colleague"])
    overview = client.get(f"/proposals/{submission.id}").get_data(as_text=True)
    assert f"/proposals/{submission.id}/withdraw" in overview
    assert "Why are you withdrawing this submission?" in client.get(
        f"/proposals/{submission.id}/withdraw"
    ).get_data(as_text=True)
    reason = "We merged with another charity.\nThey will send their own."
    response = client.post(f"/proposals/{submission.id}/withdraw", data={"reason": reason})
    assert response.status_code == 302
    db.session.refresh(submission)
    assert submission.status == Status.WITHDRAWN
    entry = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "withdraw"))
    assert entry.reason == reason and entry.actor_id == people["colleague"].id
    told = db.session.scalars(
        select(Notification).where(Notification.message.like("%withdrew%"))
    ).all()
    assert {n.user_id for n in told} == {people["commissioner"].id, people["reviewer"].id}
    assert all(reason in n.message and n.link.endswith(f"/triage/{submission.id}") for n in told)
    to = {
        m.to
        for m in db.session.scalars(select(OutboxMail).where(OutboxMail.body.like("%withdrew%")))
    }
    assert to == {people["commissioner"].email, people["reviewer"].email}
    trail = f"/triage/{submission.id}/audit"
    page = as_person(people["commissioner"]).get(trail).get_data(as_text=True)
    assert "We merged with another charity.<br>They will send their own." in page


def test_withdrawing_needs_a_reason_and_keeps_nothing_half_done(as_person, people, submission):
    client = as_person(people["member"])
    page = client.post(f"/proposals/{submission.id}/withdraw", data={"reason": "  "})
    assert "Enter why you are withdrawing this submission" in page.get_data(as_text=True)
    db.session.refresh(submission)
    assert submission.status == Status.SUBMITTED


def test_a_decided_submission_cannot_be_withdrawn(as_person, people, submission):
    triage.take(submission, "start_review", people["commissioner"], "", LOG_ONLY, "")
    triage.decide(
        submission,
        people["commissioner"],
        triage.DecisionInput("accepted", "Good value", "A grant agreement", ()),
        LOG_ONLY,
        "",
    )
    client = as_person(people["member"])
    overview = client.get(f"/proposals/{submission.id}").get_data(as_text=True)
    assert "/withdraw" not in overview
    response = client.post(
        f"/proposals/{submission.id}/withdraw", data={"reason": "Too late"}, follow_redirects=True
    )
    assert "a decided submission cannot be withdrawn" in response.get_data(as_text=True)
    db.session.refresh(submission)
    assert submission.status == Status.ACCEPTED


def test_a_draft_cannot_be_withdrawn_and_a_submission_cannot_be_deleted(
    as_person, people, draft, submission
):
    client = as_person(people["member"])
    response = client.post(
        f"/proposals/{draft.id}/withdraw", data={"reason": "Why not"}, follow_redirects=True
    )
    assert "nothing to withdraw: you can delete it" in response.get_data(as_text=True)
    response = client.post(f"/proposals/{submission.id}/delete", follow_redirects=True)
    assert "Only a draft that was never submitted can be deleted" in response.get_data(as_text=True)
    assert "you can withdraw it instead" in response.get_data(as_text=True)
    assert db.session.get(Proposal, submission.id) is not None


def test_deleting_a_draft_removes_it_with_its_changes_and_attachments(
    as_person, people, draft, attachments_dir
):
    attachment = attachment_services.attach(
        draft, people["member"], Upload("plan.pdf", pdf()), str(attachments_dir)
    )
    kept = attachments_dir / attachment.stored_name
    client = as_person(people["member"])
    client.post(
        f"/proposals/{draft.id}/sections/vfm",
        data={"revision": draft.revision, "economy": "Cheaper by a third."},
    )
    assert db.session.scalar(select(func.count(DraftChange.id))) >= 1
    confirm = client.get(f"/proposals/{draft.id}/delete").get_data(as_text=True)
    assert "Are you sure you want to delete this draft?" in confirm and "plan.pdf" in confirm
    response = client.post(f"/proposals/{draft.id}/delete", follow_redirects=True)
    assert f"Deleted the draft &#39;{draft.title}&#39;" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Proposal, draft.id) is None
    for model in (DraftChange, Attachment, AuditEvent):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0, model
    assert not kept.exists()
    assert client.get(f"/proposals/{draft.id}").status_code == 404


def test_only_the_organisations_members_withdraw_or_delete(as_person, people, draft, submission):
    for who in ("other_member", "commissioner", "admin"):
        client = as_person(people[who])
        assert client.post(f"/proposals/{draft.id}/delete").status_code in (403, 404), who
        response = client.post(f"/proposals/{submission.id}/withdraw", data={"reason": "x"})
        assert response.status_code in (403, 404), who
    assert db.session.get(Proposal, draft.id) is not None
    db.session.refresh(submission)
    assert submission.status == Status.SUBMITTED
