"""The thread between an organisation and the public body: shown as typed, signed, audited,
notified to the other side by email through the outbox, and never changed once sent."""

import io
import re

from sqlalchemy import select

from app.extensions import db
from app.messages.models import Message
from app.notifications.models import Notification, OutboxMail
from app.proposals.models import AuditEvent

TYPED = 'Line one <script>alert("x")</script>\n\nLine three & <b>bold</b>'


def send(client, url: str, text: str, file: tuple[bytes, str] | None = None):
    data = {"body": text}
    if file is not None:
        data["file"] = (io.BytesIO(file[0]), file[1])
    return client.post(url, data=data, content_type="multipart/form-data")


def textarea(page: str) -> str:
    """What the message box holds."""
    return re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', page, re.S).group(1)


def test_a_members_message_reaches_the_commissioners_as_typed_and_signed(
    as_person, people, submission
):
    client = as_person(people["member"])
    response = send(client, f"/proposals/{submission.id}/messages", TYPED)
    assert response.status_code == 302
    for who, url in (
        ("member", f"/proposals/{submission.id}/messages"),
        ("commissioner", f"/triage/{submission.id}/messages"),
    ):
        page = as_person(people[who]).get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<b>bold</b>" not in page
        assert (
            "Line one &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;<br><br>"
            "Line three &amp; &lt;b&gt;bold&lt;/b&gt;"
        ) in page
        assert "Sam Member, Carers Trust" in page
    message = db.session.scalar(select(Message))
    assert message.body == TYPED and message.created_at is not None


def test_a_message_is_audited_and_notified_to_the_other_side_only(as_person, people, submission):
    before = db.session.scalar(select(Notification.id).order_by(Notification.id.desc()))
    as_person(people["commissioner"])
    client = as_person(people["commissioner"])
    send(client, f"/triage/{submission.id}/messages", "Please send last year's accounts.")
    notified = db.session.scalars(select(Notification).where(Notification.id > (before or 0)))
    told = {n.user_id: n for n in notified}
    assert set(told) == {people["member"].id, people["colleague"].id}
    note = told[people["member"].id]
    assert note.message == (
        f"Chris Commissioner (Anytown Borough Council) sent a message about '{submission.title}'."
    )
    assert note.link.endswith(f"/proposals/{submission.id}/messages")
    emails = db.session.scalars(select(OutboxMail).where(OutboxMail.to == people["member"].email))
    assert any(f"/proposals/{submission.id}/messages" in mail.body for mail in emails)
    trail = db.session.scalars(
        select(AuditEvent).where(
            AuditEvent.proposal_id == submission.id, AuditEvent.action == "send_message"
        )
    )
    (entry,) = list(trail)
    assert entry.actor_id == people["commissioner"].id and entry.reason == "To Carers Trust"


def test_a_message_of_10000_characters_is_kept_whole(as_person, people, submission):
    client = as_person(people["member"])
    text = ("x" * 99 + "\n") * 100
    assert len(text) == 10_000
    assert send(client, f"/proposals/{submission.id}/messages", text).status_code == 302
    assert db.session.scalar(select(Message.body)) == text.strip()
    page = client.get(f"/proposals/{submission.id}/messages").get_data(as_text=True)
    assert page.count("x" * 99 + "<br>") == 99


def test_a_message_too_long_or_empty_is_refused_with_what_was_typed_kept(
    as_person, people, submission
):
    client = as_person(people["member"])
    url = f"/proposals/{submission.id}/messages"
    too_long = "<i>" + "y" * 10_000
    page = send(client, url, too_long).get_data(as_text=True)
    assert "Message: use 10,000 characters or fewer" in page
    assert textarea(page) == "&lt;i&gt;" + "y" * 10_000
    page = send(client, url, "   \n ").get_data(as_text=True)
    assert "Enter your message" in page
    assert db.session.scalar(select(Message.id)) is None


def test_a_file_sent_with_a_message_is_listed_with_it(as_person, people, submission):
    client = as_person(people["member"])
    url = f"/proposals/{submission.id}/messages"
    send(client, url, "Our accounts, as asked.", (b"year,income\n2025,12000\n", "accounts.csv"))
    page = as_person(people["commissioner"]).get(f"/triage/{submission.id}/messages")
    html = page.get_data(as_text=True)
    assert "Our accounts, as asked." in html and "accounts.csv" in html


def test_a_refused_file_sends_nothing_and_keeps_the_message(as_person, people, submission):
    client = as_person(people["member"])
    url = f"/proposals/{submission.id}/messages"
    page = send(client, url, "Here is the scan.", (b"MZ\x90\x00program", "scan.pdf"))
    html = page.get_data(as_text=True)
    assert "scan.pdf must be a PDF, an image" in html
    assert textarea(html) == "Here is the scan."
    page = send(client, url, "And an empty one.", (b"", "blank.pdf")).get_data(as_text=True)
    assert "blank.pdf is empty" in page and textarea(page) == "And an empty one."
    assert db.session.scalar(select(Message.id)) is None


def test_a_draft_has_no_thread_yet(as_person, people, draft):
    client = as_person(people["member"])
    response = client.get(f"/proposals/{draft.id}/messages", follow_redirects=True)
    assert "Messages with Anytown Borough Council start once you submit this draft" in (
        response.get_data(as_text=True)
    )
    send(client, f"/proposals/{draft.id}/messages", "Hello?")
    assert db.session.scalar(select(Message.id)) is None
    client = as_person(people["commissioner"])
    assert client.get(f"/triage/{draft.id}/messages").status_code == 404


def test_outsiders_reach_no_thread(as_person, people, submission):
    send(as_person(people["member"]), f"/proposals/{submission.id}/messages", "Private words")
    expected = {
        "other_member": (404, 403),
        "other_commissioner": (403, 404),
        "admin": (403, 403),
        "member": (200, 403),
        "commissioner": (403, 200),
    }
    for who, codes in expected.items():
        client = as_person(people[who])
        seen = tuple(
            client.get(f"/{side}/{submission.id}/messages").status_code
            for side in ("proposals", "triage")
        )
        assert seen == codes, who


def test_no_route_changes_a_message_once_sent(app):
    rules = [rule for rule in app.url_map.iter_rules() if "message" in rule.rule]
    assert rules and all("message_id" not in rule.arguments for rule in rules)
    assert all(rule.methods <= {"GET", "POST", "HEAD", "OPTIONS"} for rule in rules)
