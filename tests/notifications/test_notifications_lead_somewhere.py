"""Each notification leads to what it is about and is read once opened; the header counts
the unread ones."""

from sqlalchemy import select

from app.extensions import db
from app.notifications.models import Notification


def mine(person) -> list[Notification]:
    query = select(Notification).where(Notification.user_id == person.id)
    return list(db.session.scalars(query.order_by(Notification.id)))


def test_opening_a_notification_marks_it_read_and_leads_to_its_submission(
    client, people, in_review, sign_in
):
    sign_in(people["proposer"])
    (notification,) = mine(people["proposer"])  # the review started
    page = client.get("/notifications/").get_data(as_text=True)
    assert f'href="/notifications/{notification.id}"' in page
    assert "Unread" in page and 'id="unread-notifications"' in page
    assert ">1 unread notification<" in page
    response = client.get(f"/notifications/{notification.id}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/proposals/{in_review.id}"
    db.session.refresh(notification)
    assert notification.read_at is not None
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Read" in page and "Unread" not in page and "unread-notifications" not in page


def test_a_commissioner_is_led_to_the_review_page(client, people, in_review, sign_in):
    sign_in(people["commissioner"])
    submitted = mine(people["commissioner"])[0]
    response = client.get(f"/notifications/{submitted.id}")
    assert response.headers["Location"] == f"/triage/{in_review.id}"


def test_a_message_notification_leads_to_the_thread(
    app, client, people, in_review, sign_in, tmp_path, monkeypatch
):
    monkeypatch.setitem(app.config, "ATTACHMENTS_DIR", str(tmp_path))
    sign_in(people["commissioner"])
    client.post(
        f"/triage/{in_review.id}/messages",
        data={"body": "When can we meet?"},
        content_type="multipart/form-data",
    )
    client.post("/sign-out")
    sign_in(people["colleague"])
    (message,) = [n for n in mine(people["colleague"]) if "sent a message" in n.message]
    response = client.get(f"/notifications/{message.id}", follow_redirects=True)
    assert response.request.path == f"/proposals/{in_review.id}/messages"
    assert "When can we meet?" in response.get_data(as_text=True)


def test_nobody_opens_another_persons_notification(client, people, in_review, sign_in):
    theirs = mine(people["proposer"])[0]
    sign_in(people["colleague"])
    assert client.get(f"/notifications/{theirs.id}").status_code == 404
    db.session.refresh(theirs)
    assert theirs.read_at is None


def test_a_notification_without_a_link_leads_to_the_persons_side_of_the_submission(
    client, people, in_review, sign_in
):
    old = Notification(user_id=people["commissioner"].id, proposal_id=in_review.id, message="Old")
    db.session.add(old)
    db.session.commit()
    sign_in(people["commissioner"])
    assert client.get(f"/notifications/{old.id}").headers["Location"] == f"/triage/{in_review.id}"


def test_mark_all_read(client, people, in_review, sign_in):
    sign_in(people["commissioner"])
    assert any(n.read_at is None for n in mine(people["commissioner"]))
    client.post("/notifications/read")
    db.session.expire_all()
    assert all(n.read_at is not None for n in mine(people["commissioner"]))
