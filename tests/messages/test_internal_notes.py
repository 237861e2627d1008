"""Notes between a body's commissioners: their own list, and never before a proposer's eyes."""

import io

from pypdf import PdfReader
from sqlalchemy import select

from app.attachments import services as attachment_services
from app.attachments.services import Upload
from app.extensions import db
from app.messages.models import InternalNote
from app.notifications.models import Notification, OutboxMail
from app.triage import services as triage
from tests.attachments.samples import pdf

SECRET = "Between us: their costs look 30% too low"
LOG_ONLY = {"MAIL_SERVER": None, "MAIL_SENDER": "x <x@example.org>"}


def add_note(client, proposal, text=SECRET):
    return client.post(f"/triage/{proposal.id}/notes", data={"body": text})


def test_a_note_is_kept_on_the_commissioners_own_list(as_person, people, submission):
    client = as_person(people["commissioner"])
    assert add_note(client, submission).status_code == 302
    note = db.session.scalar(select(InternalNote))
    assert note.body == SECRET and note.signed_name == "Chris Commissioner"
    page = as_person(people["reviewer"]).get(f"/triage/{submission.id}/notes")
    assert SECRET in page.get_data(as_text=True)
    thread = client.get(f"/triage/{submission.id}/messages").get_data(as_text=True)
    assert SECRET not in thread
    told = db.session.scalars(select(Notification.user_id).where(Notification.link.like("%notes")))
    assert list(told) == [people["reviewer"].id]


def test_an_empty_or_too_long_note_is_refused_with_the_text_kept(as_person, people, submission):
    client = as_person(people["commissioner"])
    page = add_note(client, submission, "").get_data(as_text=True)
    assert "Enter your note" in page
    page = add_note(client, submission, "n" * 10_001).get_data(as_text=True)
    assert "Note: use 10,000 characters or fewer" in page and "n" * 10_001 in page
    assert db.session.scalar(select(InternalNote.id)) is None


def test_only_the_bodys_commissioners_reach_the_notes(as_person, people, submission):
    add_note(as_person(people["commissioner"]), submission)
    for who, code in {
        "member": 403,
        "other_member": 403,
        "other_commissioner": 404,
        "admin": 403,
    }.items():
        client = as_person(people[who])
        assert client.get(f"/triage/{submission.id}/notes").status_code == code, who
        assert add_note(client, submission, "sneaky").status_code == code, who
    assert db.session.scalar(select(InternalNote.id).where(InternalNote.body == "sneaky")) is None
    assert as_person(people["reviewer"]).get(f"/triage/{submission.id}/notes").status_code == 200


def page_text(response) -> str:
    """What a person can read in a response: a PDF's text, or the page or file itself."""
    if response.mimetype == "application/pdf" and b"startxref" in response.data:
        pages = PdfReader(io.BytesIO(response.data)).pages
        return "\n".join(page.extract_text() for page in pages)
    return response.data.decode("utf-8", "replace")


def reachable_pages(app, client, values: dict) -> dict[str, str]:
    """Every GET route whose ids we know, as this person gets it (following redirects)."""
    seen = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not set(rule.arguments) <= set(values):
            continue
        if rule.endpoint == "static" or rule.endpoint == "accounts.sign_out":
            continue
        url = rule.build({name: values[name] for name in rule.arguments})[1]
        response = client.get(url, follow_redirects=True)
        if response.status_code == 200:
            seen[url] = page_text(response)
    return seen


def test_a_proposer_never_sees_a_note_on_any_page_they_can_reach(
    app, as_person, people, submission, attachments_dir
):
    attachment = attachment_services.attach(
        submission, people["member"], Upload("letter.pdf", pdf()), str(attachments_dir)
    )
    commissioner = as_person(people["commissioner"])
    add_note(commissioner, submission)
    commissioner.post(f"/triage/{submission.id}/messages", data={"body": "A question for you"})
    triage.take(submission, "start_review", people["commissioner"], "", LOG_ONLY, "")
    triage.decide(
        submission,
        people["commissioner"],
        triage.DecisionInput("accepted", "Good value", "A grant agreement", ()),
        LOG_ONLY,
        "",
    )
    add_note(commissioner, submission, SECRET + " (after the decision)")
    member = as_person(people["member"])
    notification = db.session.scalar(
        select(Notification.id).where(Notification.user_id == people["member"].id)
    )
    values = {
        "proposal_id": submission.id,
        "number": 1,
        "attachment_id": attachment.id,
        "notification_id": notification,
    }
    pages = reachable_pages(app, member, values)
    assert f"/proposals/{submission.id}/messages" in pages
    assert f"/proposals/{submission.id}" in pages
    assert any("A question for you" in text for text in pages.values())
    for url, text in pages.items():
        assert "Between us" not in text, url
    mails = db.session.scalars(
        select(OutboxMail.body).where(OutboxMail.to.in_([people["member"].email]))
    )
    assert not any("Between us" in body for body in mails)
    # the same look at the commissioner's side finds the notes, where they belong
    values.pop("notification_id")
    theirs = reachable_pages(app, as_person(people["reviewer"]), values)
    assert "Between us" in theirs[f"/triage/{submission.id}/notes"]
